"""Text from a file made safe to print: control characters and terminal escape sequences as visible escapes.

Used by :meth:`~escaperoom.errors.Problem.format` (what ``check`` and ``verdict`` print about a file), by the
CLI for ``verdict``'s text and JSON, and by the content limits to show an id with an invisible character in it.
An escape sequence from a file (``ESC [ 31 m``) is printed as ``\\x1b[31m``: the terminal shows it, never runs it.
"""

from __future__ import annotations

import unicodedata

__all__ = ["json_printable", "printable"]

_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Marks, embeddings, overrides and isolates: they reorder what a terminal shows (the "Trojan Source" trick)."""
_LINE_BREAKS = frozenset("\u2028\u2029\x85")


_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _escape(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _unsafe(char: str, *, keep_newlines: bool, invisible: bool) -> bool:
    if char == "\n":
        return not keep_newlines
    if char in _BIDI_CONTROLS or char in _LINE_BREAKS:
        return True
    category = unicodedata.category(char)
    if category == "Cc":  # C0, DEL and C1 (0x9b is a one-byte CSI on some terminals)
        return True
    return invisible and not char.isprintable() and char != " "


def printable(text: str, *, keep_newlines: bool = False, invisible: bool = False) -> str:
    """``text`` with every control character (tab and newline too, unless ``keep_newlines``), bidi control and line
    separator written as an escape: ``"a\\x1b[31mb"`` → ``a\\x1b[31mb`` (a backslash, then ``x1b``).

    ``invisible`` also escapes characters one cannot see (zero-width space U+200B, no-break space, soft hyphen):
    for an id, where such a character is always a mistake. Letters of any script (Arabic, Hebrew) stay as they are.
    """
    if text.isascii() and text.isprintable():
        return text
    return "".join(_escape(c) if _unsafe(c, keep_newlines=keep_newlines, invisible=invisible) else c for c in text)


def json_printable(json_text: str) -> str:
    """JSON text with the characters a terminal would act on escaped as ``\\uXXXX`` (the data stays the same).

    ``json.dumps(..., ensure_ascii=False)`` already escapes C0 controls; DEL, C1 controls, bidi controls and line
    separators it leaves raw. They can only stand inside JSON strings, where ``\\uXXXX`` means the same character.
    """
    return "".join(
        f"\\u{ord(c):04x}" if c in _BIDI_CONTROLS or c in _LINE_BREAKS or (0x7F <= ord(c) <= 0x9F) else c
        for c in json_text
    )
