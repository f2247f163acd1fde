"""The report files: the HTML report and the CSV written to disk as they are produced (chunk by chunk, never one
big string), atomically (an open report is never half-written), with a Dutch error when that fails.

Used by ``escaperoom.debrief.command`` (``escaperoom debrief PAD --html F --csv F``). Pure (no pygame). The one
atomic writer is :func:`escaperoom.storage.saves.atomic_write`; the file names are the user's, none is made from a team
name.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from escaperoom.debrief.agreements import AgreementBook
from escaperoom.debrief.model import Debrief, SessionSet
from escaperoom.debrief.report.csv import csv_chunks
from escaperoom.debrief.report.html import html_chunks
from escaperoom.errors import SaveError
from escaperoom.storage.saves import atomic_write

_BOM = "\ufeff"  # Excel reads a CSV with a BOM as UTF-8


def _encoded(chunks: Iterable[str]) -> Iterator[bytes]:
    """UTF-8 bytes of each chunk; a lone surrogate from a damaged journal becomes '?' rather than stopping the
    report."""
    for chunk in chunks:
        yield chunk.encode("utf-8", errors="replace")


def _write(path: Path, chunks: Iterable[str]) -> None:
    """Write atomically next to the target, chunk by chunk as they are produced."""
    try:
        atomic_write(path, _encoded(chunks))
    except OSError as err:
        reason = err.strerror or err
        if isinstance(err, PermissionError):
            reason = f"{reason}; is het bestand nog open in een ander programma?"
        raise SaveError(path, f"het rapport kan niet geschreven worden ({reason}).") from None


def write_html(debriefs: Sequence[Debrief], path: Path | str, found: SessionSet | None = None, *,
               most_divided_first: bool = False, lang: str | None = None,
               agreements: AgreementBook | None = None) -> Path:
    """The HTML report at ``path`` (replaced atomically). Raises :class:`SaveError` (Dutch)."""
    _write(Path(path), html_chunks(debriefs, found, most_divided_first=most_divided_first, lang=lang,
                                   agreements=agreements))
    return Path(path)


def write_csv(debriefs: Sequence[Debrief], path: Path | str, *, lang: str | None = None) -> Path:
    """The CSV at ``path`` (UTF-8 with BOM, replaced atomically). Raises :class:`SaveError` (Dutch)."""
    _write(Path(path), _with_bom(csv_chunks(debriefs, lang)))
    return Path(path)


def _with_bom(chunks: Iterable[str]) -> Iterator[str]:
    yield _BOM
    yield from chunks
