"""Content and assets are found from a checkout and from a built wheel run in another folder."""

import importlib.util
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from escaperoom.paths import assets_dir, puzzels_dir

REPO = Path(__file__).resolve().parents[2]


def _tree_state(root: Path) -> dict[str, int]:
    """Modification times of the build folders a wheel build would write into (absent folders are absent)."""
    out = {}
    for name in ("build", "escaperoom.egg-info", "dist"):
        folder = root / name
        if folder.exists():
            out[name] = max((p.stat().st_mtime_ns for p in folder.rglob("*")), default=folder.stat().st_mtime_ns)
    return out


def test_from_the_checkout_the_bundled_folders_are_the_repository_folders():
    assert puzzels_dir() == REPO / "puzzels"
    assert assets_dir() == REPO / "assets"


@pytest.mark.skipif(importlib.util.find_spec("wheel") is None, reason="setuptools and wheel build the wheel")
def test_a_built_wheel_carries_puzzles_assets_and_law_and_checks_them_from_another_folder(tmp_path):
    """Built from a copy of the sources under tmp_path: ``pip wheel`` builds in the source tree (build/,
    *.egg-info), which must not touch the checkout that other test runs and the editable install use."""
    source = tmp_path / "bron"
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "*.egg-info", "saves", "__pycache__", "*.pyc", ".pytest_cache"))
    before = _tree_state(REPO)
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                            "-w", str(tmp_path / "dist"), str(source)], capture_output=True, text=True, check=False)
    assert _tree_state(REPO) == before, "de wheel-build heeft de checkout veranderd"
    assert build.returncode == 0, build.stderr
    wheel = next((tmp_path / "dist").glob("escaperoom-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "escaperoom/_data/puzzels/henk.toml" in names
    assert "escaperoom/_data/assets/fonts/AtkinsonHyperlegible-Regular.ttf" in names
    assert "escaperoom/rules/law/avg.toml" in names and "escaperoom/rules/rollen.toml" in names
    assert "escaperoom/debrief/report/report.css" in names  # the HTML report's style sheet
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
    bundled = len(list((REPO / "puzzels").glob("*.toml")))
    assert f"{bundled} bestand(en) gecontroleerd: {bundled} in orde" in run.stdout
