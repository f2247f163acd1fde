"""The one resolver for bundled data folders (``puzzels/``, ``assets/``) and the default saves folder.

Works from a checkout (editable install: the folders sit next to the package) and from an installed wheel (the
folders are packaged as ``escaperoom/_data/...``). Pure: no pygame, creates nothing on disk.
"""

from __future__ import annotations

import os
import sys
from importlib import resources
from pathlib import Path

SAVES_ENV = "ESCAPEROOM_SAVES"
_PACKAGE_DIR = Path(__file__).resolve().parent


def checkout_root() -> Path | None:
    """The repository folder when running from a checkout (it holds ``puzzels/`` next to the package), else None."""
    root = _PACKAGE_DIR.parent
    if (root / "puzzels").is_dir() and (root / "assets").is_dir():
        return root
    return None


def _bundled(name: str) -> Path:
    root = checkout_root()
    if root is not None:
        return root / name
    # Installed wheel: pyproject maps puzzels/ and assets/ to escaperoom/_data/. A zipped install is not supported.
    return Path(str(resources.files("escaperoom") / "_data" / name))


def puzzels_dir() -> Path:
    """Folder with the bundled puzzle files (TOML)."""
    return _bundled("puzzels")


def assets_dir() -> Path:
    """Folder with fonts, strings and other assets."""
    return _bundled("assets")


def default_saves_dir() -> Path:
    """Where saves and decision journals go unless the user names a folder.

    ``$ESCAPEROOM_SAVES`` if set; ``<repo>/saves`` in a checkout; otherwise the platform's user data folder
    (``%APPDATA%\\escaperoom\\saves`` on Windows, ``~/Library/Application Support/escaperoom/saves`` on macOS,
    ``$XDG_DATA_HOME/escaperoom/saves`` or ``~/.local/share/escaperoom/saves`` elsewhere). Not created here.
    """
    env = os.environ.get(SAVES_ENV)
    if env:
        return Path(env).expanduser()
    root = checkout_root()
    if root is not None:
        return root / "saves"
    return _user_data_dir() / "escaperoom" / "saves"


def _user_data_dir() -> Path:
    if sys.platform == "win32":
        appdata = os.environ.get("APPDATA")
        return Path(appdata) if appdata else Path.home() / "AppData" / "Roaming"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support"
    xdg = os.environ.get("XDG_DATA_HOME")
    return Path(xdg) if xdg else Path.home() / ".local" / "share"
