"""The path resolver finds bundled folders from a checkout and honours ESCAPEROOM_SAVES."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from escaperoom import paths

REPO = Path(__file__).resolve().parents[1]


def test_a_checkout_finds_puzzels_and_assets_next_to_the_package():
    assert paths.checkout_root() == REPO
    assert paths.puzzels_dir() == REPO / "puzzels"
    assert paths.assets_dir() == REPO / "assets"
    assert (paths.assets_dir() / "fonts").is_dir()


def test_saves_go_to_the_folder_named_in_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(paths.SAVES_ENV, str(tmp_path / "elders"))
    assert paths.default_saves_dir() == tmp_path / "elders"


def test_saves_default_to_the_checkout_saves_folder(monkeypatch):
    monkeypatch.delenv(paths.SAVES_ENV, raising=False)
    assert paths.default_saves_dir() == REPO / "saves"


def test_outside_a_checkout_data_comes_from_the_package_and_saves_from_the_user_folder(monkeypatch, tmp_path):
    monkeypatch.delenv(paths.SAVES_ENV, raising=False)
    monkeypatch.setattr(paths, "checkout_root", lambda: None)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert paths.puzzels_dir() == REPO / "escaperoom" / "_data" / "puzzels"
    assert paths.default_saves_dir() == tmp_path / "escaperoom" / "saves"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    assert paths.default_saves_dir() == tmp_path / "Roaming" / "escaperoom" / "saves"


def test_paths_and_strings_do_not_import_pygame():
    code = "import sys, escaperoom.paths, escaperoom.strings; sys.exit('pygame' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=REPO).returncode == 0
