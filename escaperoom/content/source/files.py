"""Finding and reading content files on disk, refusing what is not a readable, reasonably sized regular file.

Used by the loader (:func:`toml_files_in` and :func:`links_out_of` for a folder given to ``check``) and by
:func:`~escaperoom.content.source.document.read_toml` (:func:`read_bytes`). Every refusal is one Dutch problem:
missing, no access, a folder, a FIFO or device (never opened so that it could block), too big, or a symbolic
link in a folder that points outside it.
"""

from __future__ import annotations

import difflib
import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from escaperoom.errors import ContentError, Problem

__all__ = ["links_out_of", "read_bytes", "size_text", "toml_files_in"]

_TOO_BIG_HINT = "is dit wel het goede bestand? puzzelbestanden zijn meestal een paar kB"
_NOT_A_FILE_HINT = "geef het pad naar een .toml-bestand"
# O_NONBLOCK: opening a FIFO that was swapped in after the first look returns at once instead of waiting for a
# writer; a regular file reads the same with it. (Windows has no FIFOs of this kind and no O_NONBLOCK.)
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
_OS_REASONS = {
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.ELOOP: "de snelkoppeling verwijst (via andere) naar zichzelf",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EIO: "leesfout van de schijf of de usb-stick",
    errno.ENXIO: "het apparaat bestaat niet (meer)",
    errno.EBUSY: "het bestand is in gebruik",
}


# --------------------------------------------------------------------------------------------- one file


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``, at most ``max_bytes`` (checked before reading, and again while reading)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ContentError.at(path, "het bestand bestaat niet", _missing_file_hint(path)) from None
    except (OSError, ValueError) as exc:
        raise _unreadable(path, exc, "controleer de rechten op het bestand en de map",
                          "controleer de naam en de map") from None
    _refuse_kind(path, info.st_mode)
    if info.st_size > max_bytes:
        raise ContentError.at(path, f"het bestand is te groot ({size_text(info.st_size)}; de grens is "
                                    f"{size_text(max_bytes)})", _TOO_BIG_HINT)
    raw = _read_regular(path, max_bytes)
    if len(raw) > max_bytes:  # grew while we looked
        raise ContentError.at(path, f"het bestand is te groot (meer dan {size_text(max_bytes)})", _TOO_BIG_HINT)
    return raw


def _refuse_kind(path: Path, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise ContentError.at(path, "dit is een map, geen bestand", "geef het pad naar een .toml-bestand in deze map")
    if stat.S_ISFIFO(mode):
        raise ContentError.at(path, "dit is geen gewoon bestand maar een named pipe (FIFO)",
                              _NOT_A_FILE_HINT + "; uit een pipe leest check niet (dat zou blijven wachten)")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        raise ContentError.at(path, "dit is geen gewoon bestand maar een apparaat", _NOT_A_FILE_HINT)
    if stat.S_ISSOCK(mode):
        raise ContentError.at(path, "dit is geen gewoon bestand maar een socket", _NOT_A_FILE_HINT)
    raise ContentError.at(path, "dit is geen gewoon bestand", _NOT_A_FILE_HINT)


def _read_regular(path: Path, max_bytes: int) -> bytes:
    """Open without blocking, check again on the open file what it is (it may have been swapped), then read."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
        with os.fdopen(fd, "rb") as handle:
            _refuse_kind(path, os.fstat(handle.fileno()).st_mode)
            return handle.read(max_bytes + 1)
    except (OSError, ValueError) as exc:
        raise _unreadable(path, exc, "controleer de rechten, of sluit het programma dat het bestand open heeft",
                          "controleer of het bestand niet beschadigd of nog open is") from None


def _unreadable(path: Path, exc: BaseException, access_hint: str, other_hint: str) -> ContentError:
    if isinstance(exc, PermissionError):
        return ContentError.at(path, "het bestand kan niet worden gelezen: geen toegang", access_hint)
    return ContentError.at(path, f"het bestand kan niet worden gelezen ({_os_reason(exc)})", other_hint)


def _missing_file_hint(path: Path) -> str:
    hint = "controleer de naam en de map (let ook op hoofdletters)"
    try:
        siblings = [p.name for p in path.parent.iterdir() if p.is_file()]
    except (OSError, ValueError):
        return hint
    close = difflib.get_close_matches(path.name, siblings, n=1, cutoff=0.6)
    return f"bedoelde je '{close[0]}'?" if close else hint


def _os_reason(exc: BaseException) -> str:
    """The reason in Dutch for the errors a trainer meets; the system's own words for the rare rest."""
    code = getattr(exc, "errno", None)
    if code in _OS_REASONS:
        return _OS_REASONS[code]
    reason = getattr(exc, "strerror", None)
    return str(reason) if reason else (str(exc) or type(exc).__name__)


def size_text(n: int) -> str:
    """A size as a Dutch reader writes it: ``50,0 MB``, ``2,0 kB``, ``12 bytes``."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB".replace(".", ",")
    if n >= 1_000:
        return f"{n / 1_000:.1f} kB".replace(".", ",")
    return f"{n} bytes"


# --------------------------------------------------------------------------------------------- a folder


def toml_files_in(folder: Path) -> list[Path]:
    """The ``.toml`` entries below ``folder`` (recursively, sorted) that ``check`` reads.

    Anything that is not a folder is included, also a FIFO or a device (:func:`read_bytes` refuses it with a
    message); left out are broken links (editors leave them as lock files, ``.#henk.toml``) and links to a file
    outside ``folder``, which :func:`links_out_of` reports. Links to folders are not followed.
    """
    return [path for path, outside in _entries(folder) if not outside]


def links_out_of(folder: Path) -> list[Problem]:
    """A problem for each ``.toml`` link below ``folder`` that points outside it: such a file is not read."""
    return [Problem(path, f"dit is een snelkoppeling (symbolische link) naar een bestand buiten de map {folder}; "
                          "dat wordt niet gelezen",
                    hint="zet het bestand zelf in de map, of noem het los: escaperoom check PAD")
            for path, outside in _entries(folder) if outside]


def _entries(folder: Path) -> Iterator[tuple[Path, bool]]:
    """Each ``.toml`` entry below ``folder`` worth reading, and whether it is a link to outside ``folder``."""
    try:
        root = folder.resolve()
        found = sorted(folder.rglob("*.toml"))
    except (OSError, RuntimeError, ValueError):
        return
    for path in found:
        try:
            if path.is_dir():
                continue
            if not path.is_symlink():  # rglob does not descend into linked folders: this is inside
                yield path, False
                continue
            target = path.resolve(strict=True)
        except (OSError, RuntimeError, ValueError):  # a broken link, a loop, an unreadable corner
            continue
        yield path, not target.is_relative_to(root)
