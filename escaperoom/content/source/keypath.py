"""Key paths in a TOML document: ``("puzzels", 2, "verzoeken", 0, "rol")`` and its written form.

Used by the line scanner, the TOML error translation, the pydantic diagnostics and the loader's problems.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["KeyPath", "format_key_path"]

KeyPath = tuple[str | int, ...]

_BARE_KEY_TEXT = re.compile(r"[A-Za-z0-9_-]+")


def format_key_path(key_path: Iterable[str | int]) -> str:
    """``("puzzels", 2, "verzoeken", 0, "rol")`` → ``puzzels[2].verzoeken[0].rol`` (odd keys get quotes)."""
    out = ""
    for part in key_path:
        if isinstance(part, int) and not isinstance(part, bool):
            out += f"[{part}]"
            continue
        name = str(part)
        if not _BARE_KEY_TEXT.fullmatch(name):
            name = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
        out += f".{name}" if out else name
    return out
