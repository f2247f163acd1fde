"""Content and assets are found from a checkout and from a built wheel run in another folder."""

import importlib.util
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from escaperoom.paths import assets_dir, puzzels_dir

REPO = Path(__file__).resolve().parents[2]


def test_from_the_checkout_the_bundled_folders_are_the_repository_folders():
    assert puzzels_dir() == REPO / "puzzels"
    assert assets_dir() == REPO / "assets"


@pytest.mark.skipif(importlib.util.find_spec("wheel") is None, reason="setuptools and wheel build the wheel")
def test_a_built_wheel_carries_puzzles_assets_and_law_and_checks_them_from_another_folder(tmp_path):
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                            "-w", str(tmp_path / "dist"), str(REPO)], capture_output=True, text=True, check=False)
    assert build.returncode == 0, build.stderr
    wheel = next((tmp_path / "dist").glob("escaperoom-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "escaperoom/_data/puzzels/henk.toml" in names
    assert "escaperoom/_data/assets/fonts/AtkinsonHyperlegible-Regular.ttf" in names
    assert "escaperoom/rules/law/avg.toml" in names and "escaperoom/rules/rollen.toml" in names
    assert not any(n.startswith("escaperoom/_data/saves") for n in names)

    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    code = ("import sys; sys.path.insert(0, sys.argv[1]); import escaperoom.paths as p; "
            "assert str(p.puzzels_dir()).startswith(sys.argv[1]), p.puzzels_dir(); "
            "from escaperoom.cli import main; sys.exit(main(['check']))")
    run = subprocess.run([sys.executable, "-c", code, str(site)], cwd=elsewhere, capture_output=True, text=True,
                         check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 in orde" in run.stdout
