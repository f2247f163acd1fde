"""Bytes → text for content files: UTF-8 (with or without BOM) only, with a Dutch explanation for anything else.

Used by :func:`~escaperoom.content.source.document.read_toml` after the file is read: recognises Word, PDF, RTF and
zip files, UTF-16 ("Unicode" in Notepad), NUL bytes and non-UTF-8 bytes (latin-1/cp1252), each with the line.
"""

from __future__ import annotations

from pathlib import Path

from escaperoom.errors import ContentError

__all__ = ["decode", "line_of_byte"]

_SAVE_AS_UTF8 = "sla het op als UTF-8 (in Kladblok: Opslaan als → Codering: UTF-8)"
_BINARY_HINT = "een puzzelbestand is platte tekst: maak het met Kladblok, TextEdit of een code-editor"
_MAGIC = [
    (b"PK\x03\x04", "dit is een zip-bestand of een Word/LibreOffice-document (.docx/.odt), geen tekstbestand"),
    (b"\xd0\xcf\x11\xe0", "dit is een oud Word- of Excel-document, geen tekstbestand"),
    (b"%PDF", "dit is een pdf, geen tekstbestand"),
    (b"{\\rtf", "dit is een RTF-document (WordPad/TextEdit), geen platte tekst"),
]


def decode(path: Path | None, raw: bytes) -> str:
    """The text of ``raw``; a :class:`ContentError` naming the encoding problem (and its line) otherwise."""
    for magic, message in _MAGIC:
        if raw.startswith(magic):
            raise ContentError.at(path, message, _BINARY_HINT + "; sla het op als platte tekst (.toml)")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(raw):
        raise ContentError.at(path, "het bestand is opgeslagen als UTF-16 ('Unicode'), niet als UTF-8", _SAVE_AS_UTF8)
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise ContentError.at(path, "het bestand bevat binaire gegevens (NUL-tekens): dit is geen tekstbestand",
                              _BINARY_HINT, line=line_of_byte(raw, nul))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = raw[exc.start : exc.start + 1]
        guess = bad.decode("cp1252", errors="replace")
        looks_like = f", waarschijnlijk '{guess}'" if guess.isprintable() and guess != "\ufffd" else ""
        raise ContentError.at(
            path,
            f"het bestand is niet in UTF-8 opgeslagen; sla het op als UTF-8 "
            f"(vreemd teken, byte 0x{bad.hex().upper()}{looks_like})",
            _SAVE_AS_UTF8,
            line=line_of_byte(raw, exc.start),
        ) from None


def _looks_utf16(raw: bytes) -> bool:
    sample = raw[:2000]
    if len(sample) < 4:
        return False
    even, odd = sample[0::2], sample[1::2]
    return (even.count(0) == 0 and odd.count(0) >= 0.9 * len(odd)) or (
        odd.count(0) == 0 and even.count(0) >= 0.9 * len(even)
    )


def line_of_byte(raw: bytes, offset: int) -> int:
    """The 1-based line of byte ``offset``, counting CRLF and lone CR as one line end (as editors do)."""
    before = raw[:offset].replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return before.count(b"\n") + 1
