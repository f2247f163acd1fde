"""Reading a content file's bytes from disk, refusing what is not a readable, reasonably sized regular file.

Used by :func:`~escaperoom.content.source.document.read_toml`; every refusal is a :class:`ContentError` with one
Dutch problem (missing, no access, a folder, not a regular file, too big).
"""

from __future__ import annotations

import difflib
import stat
from pathlib import Path

from escaperoom.errors import ContentError

__all__ = ["read_bytes", "size_text"]

_TOO_BIG_HINT = "is dit wel het goede bestand? puzzelbestanden zijn meestal een paar kB"


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``, at most ``max_bytes`` (checked before reading, and again while reading)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ContentError.at(path, "het bestand bestaat niet", _missing_file_hint(path)) from None
    except PermissionError:
        raise ContentError.at(path, "het bestand kan niet worden gelezen: geen toegang",
                              "controleer de rechten op het bestand en de map") from None
    except (OSError, ValueError) as exc:
        raise ContentError.at(path, f"het bestand kan niet worden gelezen ({_os_reason(exc)})",
                              "controleer de naam en de map") from None
    if stat.S_ISDIR(info.st_mode):
        raise ContentError.at(path, "dit is een map, geen bestand", "geef het pad naar een .toml-bestand in deze map")
    if not stat.S_ISREG(info.st_mode):
        raise ContentError.at(path, "dit is geen gewoon bestand", "geef het pad naar een .toml-bestand")
    if info.st_size > max_bytes:
        raise ContentError.at(path, f"het bestand is te groot ({size_text(info.st_size)}; de grens is "
                                    f"{size_text(max_bytes)})", _TOO_BIG_HINT)
    try:
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except PermissionError:
        raise ContentError.at(path, "het bestand kan niet worden gelezen: geen toegang",
                              "controleer de rechten, of sluit het programma dat het bestand open heeft") from None
    except (OSError, ValueError) as exc:
        raise ContentError.at(path, f"het bestand kan niet worden gelezen ({_os_reason(exc)})",
                              "controleer of het bestand niet beschadigd of nog open is") from None
    if len(raw) > max_bytes:  # grew while we looked
        raise ContentError.at(path, f"het bestand is te groot (meer dan {size_text(max_bytes)})", _TOO_BIG_HINT)
    return raw


def _missing_file_hint(path: Path) -> str:
    hint = "controleer de naam en de map (let ook op hoofdletters)"
    try:
        siblings = [p.name for p in path.parent.iterdir() if p.is_file()]
    except (OSError, ValueError):
        return hint
    close = difflib.get_close_matches(path.name, siblings, n=1, cutoff=0.6)
    return f"bedoelde je '{close[0]}'?" if close else hint


def _os_reason(exc: BaseException) -> str:
    reason = getattr(exc, "strerror", None)
    return str(reason) if reason else (str(exc) or type(exc).__name__)


def size_text(n: int) -> str:
    """A size as a Dutch reader writes it: ``50,0 MB``, ``2,0 kB``, ``12 bytes``."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB".replace(".", ",")
    if n >= 1_000:
        return f"{n / 1_000:.1f} kB".replace(".", ",")
    return f"{n} bytes"
