"""A content file read and parsed: :class:`TomlDocument` (data, text, ``line_of``), ``read_toml``, ``parse_toml``.

Used by the content loader and ``escaperoom check``: every failure is a :class:`ContentError` holding one Dutch
:class:`Problem` (``file:line: message`` plus a hint); refuses too deeply nested files and too many entries too.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from escaperoom.content.limits import MAX_DEPTH, MAX_ENTRIES, MAX_FILE_BYTES
from escaperoom.content.source.encoding import decode
from escaperoom.content.source.files import read_bytes
from escaperoom.content.source.keypath import KeyPath, format_key_path
from escaperoom.content.source.scanner import LineScanner
from escaperoom.content.source.toml_errors import TOML_HINT, translate_decode_error
from escaperoom.errors import ContentError, Problem

__all__ = ["TomlDocument", "read_toml", "parse_toml"]


class TomlDocument:
    """A parsed TOML file: ``data`` (what tomllib gives), ``text`` (decoded, BOM removed, line endings
    normalised to ``\\n``, so line numbers match what an editor shows) and :meth:`line_of`."""

    __slots__ = ("path", "data", "text", "_scan")

    def __init__(self, path: Path | None, data: dict[str, Any], text: str):
        self.path = path
        self.data = data
        self.text = text
        self._scan: LineScanner | None = None

    def __repr__(self) -> str:
        return f"TomlDocument(path={self.path!r}, keys={list(self.data)[:8]!r})"

    def line_of(self, key_path: Iterable[str | int]) -> int | None:
        """The 1-based line where ``key_path`` is written, e.g. ``("puzzels", 2, "verzoeken", 0, "toestemming")``.

        When that exact key is not written in the file (a missing key, a default), the line of the nearest
        written ancestor (e.g. the ``[[puzzels]]`` header of item 2); ``None`` when nothing matches.
        Never raises: it is called while reporting other errors.
        """
        try:
            path: KeyPath = tuple(key_path)
            if self._scan is None:
                self._scan = LineScanner(self.text)
                self._scan.run()
            lines = self._scan.lines
            for end in range(len(path), 0, -1):
                line = lines.get(path[:end])
                if line is not None:
                    return line
            return None
        except Exception:  # noqa: BLE001 — a locator bug must never hide the error being reported
            return None


def read_toml(path: Path | str, *, max_bytes: int = MAX_FILE_BYTES, max_depth: int = MAX_DEPTH,
              max_entries: int = MAX_ENTRIES) -> TomlDocument:
    """Read and parse one TOML file. Every failure is a :class:`ContentError` with one Dutch :class:`Problem`.

    Accepts a UTF-8 BOM and CRLF or lone-CR line endings. Refuses directories, FIFOs and devices, missing,
    unreadable, empty, oversized (``max_bytes``; checked before reading), binary, non-UTF-8, too deeply nested
    (``max_depth``) files and files with more than ``max_entries`` keys and list items.
    """
    path = Path(path)
    raw = read_bytes(path, max_bytes)
    text = decode(path, raw)
    return parse_toml(text, path, max_depth=max_depth, max_entries=max_entries)


def parse_toml(text: str, path: Path | None = None, *, max_depth: int = MAX_DEPTH,
               max_entries: int = MAX_ENTRIES) -> TomlDocument:
    """Parse TOML text (as :func:`read_toml` does after decoding); ``path`` is only used in problems."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ContentError.at(path, "het bestand is leeg", "schrijf de inhoud in TOML, bijvoorbeeld: titel = \"...\"")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(translate_decode_error(path, text, str(exc))) from None
    except RecursionError:
        raise ContentError(_too_deep(path, text, max_depth)) from None
    except MemoryError:
        raise ContentError.at(path, "het bestand is te groot of te ingewikkeld om te lezen",
                              "maak het bestand kleiner of splits het op") from None
    except ValueError as exc:
        raise ContentError(_value_error(path, text, exc)) from None
    except Exception as exc:  # noqa: BLE001 — tomllib on str input raises nothing else we know of
        raise ContentError.at(path, f"het bestand kan niet worden gelezen als TOML ({exc})", TOML_HINT) from None
    if not data:
        raise ContentError.at(path, "het bestand is leeg: er staat alleen commentaar in, geen gegevens",
                              "haal de # weg voor de regels die mee moeten doen")
    excess = _first_excess(data, max_depth, max_entries)
    if excess is not None and excess[0] == "depth":
        raise ContentError(_too_deep(path, text, max_depth))
    if excess is not None:
        raise ContentError.at(path, f"het bestand heeft te veel sleutels en lijst-items: meer dan {max_entries:,}"
                                    .replace(",", "."),
                              "een casus heeft er een paar honderd; staat er iets per ongeluk heel vaak in, of is "
                              "dit het goede bestand?", line=_line_of_one(text, excess[1]),
                              key=format_key_path(excess[1]))
    return TomlDocument(path, data, text)


def _line_of_one(text: str, path: KeyPath) -> int | None:
    """The line of ``path``, scanning only as far as needed (the key past the limit of a huge file)."""
    return LineScanner(text, until=path).run().lines.get(path)


def _first_excess(data: dict[str, Any], max_depth: int, max_entries: int) -> tuple[str, KeyPath] | None:
    """The first place (in file order) where ``data`` is nested deeper than ``max_depth`` (``"depth"``) or holds
    entry number ``max_entries + 1`` (keys and list items: ``"entries"``); ``None`` when it stays within both.
    One walk that stops there, so 100,000 stray headers cost 10,001 steps."""
    count = 0
    stack: list[tuple[KeyPath, Iterator[tuple[Any, Any]]]] = [((), iter(data.items()))]
    while stack:
        path, entries = stack[-1]
        for key, value in entries:
            count += 1
            child: KeyPath = (*path, key)
            if count > max_entries:
                return "entries", child
            if isinstance(value, (dict, list)):
                if len(stack) > max_depth:
                    return "depth", child
                stack.append((child, iter(value.items()) if isinstance(value, dict) else iter(enumerate(value))))
                break
        else:
            stack.pop()
    return None


def _too_deep(path: Path | None, text: str, limit: int) -> Problem:
    scan = LineScanner(text, max_depth=limit)
    scan.run()
    return Problem(
        path,
        f"het bestand is te diep genest (meer dan {limit} lagen lijsten of tabellen in elkaar)",
        line=scan.deep_line,
        hint="puzzels hebben maar een paar lagen nodig; staan er per ongeluk veel [ of { of punten achter elkaar?",
    )


def _value_error(path: Path | None, text: str, exc: ValueError) -> Problem:
    if "digits" in str(exc):
        match = re.search(r"\d{1000,}", text)
        line = text.count("\n", 0, match.start()) + 1 if match else None
        return Problem(path, "er staat een veel te lang getal in het bestand", line=line,
                       hint="getallen in puzzels zijn kort; bedoel je tekst? zet die tussen aanhalingstekens")
    return Problem(path, f"het bestand kan niet worden gelezen als TOML ({exc})", hint=TOML_HINT)
