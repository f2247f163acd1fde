"""Reading TOML content files robustly: bytes → text → data, with Dutch errors and line numbers for key paths.

Used by the content loader and ``escaperoom check``: every failure is a :class:`ContentError` holding one
:class:`Problem` (``file:line: message`` plus a hint); :meth:`TomlDocument.line_of` finds the line of a key path.
"""

from __future__ import annotations

import ast
import bisect
import difflib
import re
import stat
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from escaperoom.errors import ContentError, Problem

__all__ = ["TomlDocument", "read_toml", "parse_toml", "format_key_path"]

DEFAULT_MAX_BYTES = 5_000_000
DEFAULT_MAX_DEPTH = 64
"""Content needs a handful of levels (``puzzels[2].verzoeken[0].toestemming`` is five); 64 is plenty."""

KeyPath = tuple[str | int, ...]

_TOML_HINT = (
    "elke regel is 'sleutel = waarde', een kop [naam] of [[naam]], of commentaar dat begint met #"
)


# --------------------------------------------------------------------------------------------- the document


class TomlDocument:
    """A parsed TOML file: ``data`` (what tomllib gives), ``text`` (decoded, BOM removed, line endings
    normalised to ``\\n``, so line numbers match what an editor shows) and :meth:`line_of`."""

    __slots__ = ("path", "data", "text", "_scan")

    def __init__(self, path: Path | None, data: dict[str, Any], text: str):
        self.path = path
        self.data = data
        self.text = text
        self._scan: _Scanner | None = None

    def __repr__(self) -> str:
        return f"TomlDocument(path={self.path!r}, keys={list(self.data)[:8]!r})"

    def line_of(self, key_path: Iterable[str | int]) -> int | None:
        """The 1-based line where ``key_path`` is written, e.g. ``("puzzels", 2, "verzoeken", 0, "toestemming")``.

        When that exact key is not written in the file (a missing key, a default), the line of the nearest
        written ancestor (e.g. the ``[[puzzels]]`` header of item 2); ``None`` when nothing matches.
        Never raises: it is called while reporting other errors.
        """
        try:
            path = tuple(key_path)
            if self._scan is None:
                self._scan = _Scanner(self.text)
                self._scan.run()
            lines = self._scan.lines
            for end in range(len(path), 0, -1):
                line = lines.get(path[:end])
                if line is not None:
                    return line
            return None
        except Exception:  # noqa: BLE001 — a locator bug must never hide the error being reported
            return None


# --------------------------------------------------------------------------------------------- reading


def read_toml(
    path: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES, max_depth: int = DEFAULT_MAX_DEPTH
) -> TomlDocument:
    """Read and parse one TOML file. Every failure is a :class:`ContentError` with one Dutch :class:`Problem`.

    Accepts a UTF-8 BOM and CRLF or lone-CR line endings. Refuses directories, missing, unreadable, empty,
    oversized (``max_bytes``; checked before reading), binary, non-UTF-8 and too deeply nested files.
    """
    path = Path(path)
    raw = _read_bytes(path, max_bytes)
    text = _decode(path, raw)
    return parse_toml(text, path, max_depth=max_depth)


def parse_toml(text: str, path: Path | None = None, *, max_depth: int = DEFAULT_MAX_DEPTH) -> TomlDocument:
    """Parse TOML text (as :func:`read_toml` does after decoding); ``path`` is only used in problems."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise _error(path, "het bestand is leeg", "schrijf de inhoud in TOML, bijvoorbeeld: titel = \"...\"")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(_translate_decode_error(path, text, str(exc))) from None
    except RecursionError:
        raise ContentError(_too_deep(path, text, max_depth)) from None
    except MemoryError:
        raise _error(path, "het bestand is te groot of te ingewikkeld om te lezen",
                     "maak het bestand kleiner of splits het op") from None
    except ValueError as exc:
        raise ContentError(_value_error(path, text, exc)) from None
    except Exception as exc:  # noqa: BLE001 — tomllib on str input raises nothing else we know of
        raise _error(path, f"het bestand kan niet worden gelezen als TOML ({exc})", _TOML_HINT) from None
    if _deeper_than(data, max_depth):
        raise ContentError(_too_deep(path, text, max_depth))
    if not data:
        raise _error(path, "het bestand is leeg: er staat alleen commentaar in, geen gegevens",
                     "haal de # weg voor de regels die mee moeten doen")
    return TomlDocument(path, data, text)


def _error(path: Path | None, message: str, hint: str = "", *, line: int | None = None, key: str = "") -> ContentError:
    return ContentError(Problem(path, message, key=key, line=line, hint=hint))


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise _error(path, "het bestand bestaat niet", _missing_file_hint(path)) from None
    except PermissionError:
        raise _error(path, "het bestand kan niet worden gelezen: geen toegang",
                     "controleer de rechten op het bestand en de map") from None
    except (OSError, ValueError) as exc:
        raise _error(path, f"het bestand kan niet worden gelezen ({_os_reason(exc)})",
                     "controleer de naam en de map") from None
    if stat.S_ISDIR(info.st_mode):
        raise _error(path, "dit is een map, geen bestand", "geef het pad naar een .toml-bestand in deze map")
    if not stat.S_ISREG(info.st_mode):
        raise _error(path, "dit is geen gewoon bestand", "geef het pad naar een .toml-bestand")
    if info.st_size > max_bytes:
        raise _error(path, f"het bestand is te groot ({_size(info.st_size)}; de grens is {_size(max_bytes)})",
                     "is dit wel het goede bestand? puzzelbestanden zijn meestal een paar kB")
    try:
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except PermissionError:
        raise _error(path, "het bestand kan niet worden gelezen: geen toegang",
                     "controleer de rechten, of sluit het programma dat het bestand open heeft") from None
    except (OSError, ValueError) as exc:
        raise _error(path, f"het bestand kan niet worden gelezen ({_os_reason(exc)})",
                     "controleer of het bestand niet beschadigd of nog open is") from None
    if len(raw) > max_bytes:  # grew while we looked
        raise _error(path, f"het bestand is te groot (meer dan {_size(max_bytes)})",
                     "is dit wel het goede bestand? puzzelbestanden zijn meestal een paar kB")
    if not raw:
        raise _error(path, "het bestand is leeg", "schrijf de inhoud in TOML, bijvoorbeeld: titel = \"...\"")
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
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def _size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB".replace(".", ",")
    if n >= 1_000:
        return f"{n / 1_000:.1f} kB".replace(".", ",")
    return f"{n} bytes"


_SAVE_AS_UTF8 = "sla het op als UTF-8 (in Kladblok: Opslaan als → Codering: UTF-8)"
_BINARY_HINT = "een puzzelbestand is platte tekst: maak het met Kladblok, TextEdit of een code-editor"
_MAGIC = [
    (b"PK\x03\x04", "dit is een zip-bestand of een Word/LibreOffice-document (.docx/.odt), geen tekstbestand"),
    (b"\xd0\xcf\x11\xe0", "dit is een oud Word- of Excel-document, geen tekstbestand"),
    (b"%PDF", "dit is een pdf, geen tekstbestand"),
    (b"{\\rtf", "dit is een RTF-document (WordPad/TextEdit), geen platte tekst"),
]


def _decode(path: Path, raw: bytes) -> str:
    for magic, message in _MAGIC:
        if raw.startswith(magic):
            raise _error(path, message, _BINARY_HINT + "; sla het op als platte tekst (.toml)")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(raw):
        raise _error(path, "het bestand is opgeslagen als UTF-16 ('Unicode'), niet als UTF-8", _SAVE_AS_UTF8)
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise _error(path, "het bestand bevat binaire gegevens (NUL-tekens): dit is geen tekstbestand",
                     _BINARY_HINT, line=_line_of_byte(raw, nul))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = raw[exc.start : exc.start + 1]
        guess = bad.decode("cp1252", errors="replace")
        looks_like = f", waarschijnlijk '{guess}'" if guess.isprintable() and guess != "\ufffd" else ""
        raise _error(
            path,
            f"het bestand is niet in UTF-8 opgeslagen; sla het op als UTF-8 "
            f"(vreemd teken, byte 0x{bad.hex().upper()}{looks_like})",
            _SAVE_AS_UTF8,
            line=_line_of_byte(raw, exc.start),
        ) from None


def _looks_utf16(raw: bytes) -> bool:
    sample = raw[:2000]
    if len(sample) < 4:
        return False
    even, odd = sample[0::2], sample[1::2]
    return (even.count(0) == 0 and odd.count(0) >= 0.9 * len(odd)) or (
        odd.count(0) == 0 and even.count(0) >= 0.9 * len(even)
    )


def _line_of_byte(raw: bytes, offset: int) -> int:
    before = raw[:offset].replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return before.count(b"\n") + 1


def _deeper_than(data: Any, limit: int) -> bool:
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(node, dict):
            stack.extend((v, depth + 1) for v in node.values() if isinstance(v, (dict, list)))
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node if isinstance(v, (dict, list)))
    return False


def _too_deep(path: Path | None, text: str, limit: int) -> Problem:
    scan = _Scanner(text, max_depth=limit)
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
    return Problem(path, f"het bestand kan niet worden gelezen als TOML ({exc})", hint=_TOML_HINT)


# --------------------------------------------------------------------------------------------- key paths


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


# --------------------------------------------------------------------------------------------- line scanner

# No possessive quantifiers (``*+``): early CPython 3.11 releases mis-match them around alternations (seen on
# Debian's 3.11.2, fine on 3.11.7), which lost every line number after the first multi-line string. The patterns
# below are unrolled loops, normal* (special normal*)*: one way to match, no nested ambiguity, fast on big files.
_WS = re.compile(r"[ \t]*")
_WS_NL_COMMENT = re.compile(r"(?:[ \t\n]|#[^\n]*)*")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_BASIC = re.compile(r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"')
_LITERAL = re.compile(r"'[^'\n]*'")
_ML_BASIC = re.compile(r'"""[^"\\]*(?:(?:\\[\s\S]|"(?!""))[^"\\]*)*"""(?:"{1,2}(?!"))?')
_ML_LITERAL = re.compile(r"'''[^']*(?:'(?!'')[^']*)*'''(?:'{1,2}(?!'))?")
_SCALAR_END = re.compile(r"[,\]}#\n]")
_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.S)
_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}


def _unescape(body: str) -> str:
    def one(match: re.Match[str]) -> str:
        code = match.group(1)
        if code[0] in "uU" and len(code) > 1:
            try:
                return chr(int(code[1:], 16))
            except (ValueError, OverflowError):
                return code
        return _ESCAPES.get(code, code)

    return _ESCAPE.sub(one, body)


@dataclass
class _Frame:
    kind: str  # "array" or "inline"
    path: KeyPath
    line: int
    index: int = 0


class _Scanner:
    """A forgiving, iterative TOML walker that records the first line of every key path it sees.

    It never raises and always advances, also on broken text; stopped at ``stop`` it tells what was open there
    (arrays, inline tables, a string), which the error translation uses to point at the real culprit.
    """

    def __init__(self, text: str, *, stop: int | None = None, max_depth: int = DEFAULT_MAX_DEPTH):
        self.text = text
        self.n = len(text) if stop is None else max(0, min(stop, len(text)))
        self.max_depth = max_depth
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.lines: dict[KeyPath, int] = {}
        self.prefix: KeyPath = ()
        self.aot: dict[KeyPath, int] = {}
        self.stack: list[_Frame] = []
        self.last_key: tuple[KeyPath, int] | None = None
        self.open_string_line: int | None = None  # a string still open where the scan stopped
        self.open_string_triple = False
        self.unclosed_string_line: int | None = None  # first single-line string without closing quote
        self.deep_line: int | None = None

    # -- helpers

    def line_at(self, pos: int) -> int:
        return bisect.bisect_right(self._line_starts, pos)

    def _child(self, path: KeyPath, part: str | int, pos: int) -> KeyPath:
        if len(path) >= self.max_depth:
            if self.deep_line is None:
                self.deep_line = self.line_at(pos)
            return path
        return path + (part,)

    def _record(self, path: KeyPath, pos: int) -> None:
        if path:
            self.lines.setdefault(path, self.line_at(pos))

    def _join(self, base: KeyPath, parts: list[str], pos: int) -> KeyPath:
        path = base
        for part in parts:
            path = self._child(path, part, pos)
            self._record(path, pos)
        return path

    def _eol(self, i: int) -> int:
        j = self.text.find("\n", i, self.n)
        return self.n if j < 0 else j + 1

    def _read_key(self, i: int) -> tuple[list[str] | None, int]:
        t, n = self.text, self.n
        parts: list[str] = []
        while True:
            i = _WS.match(t, i, n).end()
            if i >= n:
                return None, i
            c = t[i]
            if c == '"':
                m = _BASIC.match(t, i, n)
                if not m:
                    return None, i
                parts.append(_unescape(m.group()[1:-1]))
            elif c == "'":
                m = _LITERAL.match(t, i, n)
                if not m:
                    return None, i
                parts.append(m.group()[1:-1])
            else:
                m = _BARE_KEY.match(t, i, n)
                if not m:
                    return None, i
                parts.append(m.group())
            i = _WS.match(t, m.end(), n).end()
            if i < n and t[i] == ".":
                i += 1
                continue
            return parts, i

    def _skip_string(self, i: int) -> int:
        t, n = self.text, self.n
        quote = t[i]
        if t.startswith(quote * 3, i):
            m = (_ML_BASIC if quote == '"' else _ML_LITERAL).match(t, i, n)
            if m:
                return m.end()
            self.open_string_line, self.open_string_triple = self.line_at(i), True
            return n
        m = (_BASIC if quote == '"' else _LITERAL).match(t, i, n)
        if m:
            return m.end()
        end = t.find("\n", i, n)
        if end < 0:
            self.open_string_line = self.line_at(i)
            return n
        if self.unclosed_string_line is None:
            self.unclosed_string_line = self.line_at(i)
        return end

    def _header(self, i: int) -> int:
        t = self.text
        is_aot = t.startswith("[[", i, self.n)
        parts, j = self._read_key(i + (2 if is_aot else 1))
        if not parts:
            return self._eol(i)
        path: KeyPath = ()
        for k, part in enumerate(parts):
            path = self._child(path, part, i)
            if k == len(parts) - 1 and is_aot:
                index = self.aot.get(path, -1) + 1
                self.aot[path] = index
                self._record(path, i)
                path = self._child(path, index, i)
            elif path in self.aot:
                path = self._child(path, self.aot[path], i)
            self._record(path, i)
        self.prefix = path
        self.last_key = (path, self.line_at(i))
        return self._eol(j)

    # -- the walk

    def run(self) -> _Scanner:
        t, n = self.text, self.n
        i = 0
        state = "stmt"
        value_path: KeyPath = ()
        budget = 8 * n + 64  # belt and braces: every step below advances, but never loop forever
        while i < n and budget > 0:
            budget -= 1
            if state == "stmt":
                i = _WS_NL_COMMENT.match(t, i, n).end()
                if i >= n:
                    break
                if t[i] == "[":
                    i = self._header(i)
                    continue
                parts, j = self._read_key(i)
                if not parts or j >= n or t[j] != "=":
                    i = self._eol(i)
                    continue
                value_path = self._join(self.prefix, parts, i)
                self.last_key = (value_path, self.line_at(i))
                i, state = j + 1, "value"
            elif state == "value":
                i = (_WS_NL_COMMENT if self.stack else _WS).match(t, i, n).end()
                if i >= n:
                    break
                c = t[i]
                if c == "\n" and not self.stack:
                    state = "stmt"
                elif c in "\"'":
                    i, state = self._skip_string(i), "after"
                elif c == "[":
                    self.stack.append(_Frame("array", value_path, self.line_at(i)))
                    i, state = i + 1, "element"
                elif c == "{":
                    self.stack.append(_Frame("inline", value_path, self.line_at(i)))
                    i, state = i + 1, "inline_key"
                else:
                    m = _SCALAR_END.search(t, i + 1, n)
                    i, state = (m.start() if m else n), "after"
            elif state == "element":
                frame = self.stack[-1]
                i = _WS_NL_COMMENT.match(t, i, n).end()
                if i >= n:
                    break
                if t[i] == "]":
                    self.stack.pop()
                    i, state = i + 1, "after"
                    continue
                value_path = self._child(frame.path, frame.index, i)
                self._record(value_path, i)
                state = "value"
            elif state == "inline_key":
                frame = self.stack[-1]
                i = _WS.match(t, i, n).end()
                if i >= n:
                    break
                if t[i] == "}":
                    self.stack.pop()
                    i, state = i + 1, "after"
                    continue
                parts, j = self._read_key(i)
                if not parts or j >= n or t[j] != "=":  # broken inline table: give up on this statement
                    self.stack.clear()
                    i, state = self._eol(i), "stmt"
                    continue
                value_path = self._join(frame.path, parts, i)
                self.last_key = (value_path, self.line_at(i))
                i, state = j + 1, "value"
            else:  # "after" a value
                if not self.stack:
                    i, state = self._eol(i), "stmt"
                    continue
                frame = self.stack[-1]
                i = (_WS_NL_COMMENT if frame.kind == "array" else _WS).match(t, i, n).end()
                if i >= n:
                    break
                c = t[i]
                closer = "]" if frame.kind == "array" else "}"
                if c == ",":
                    if frame.kind == "array":
                        frame.index += 1
                        i, state = i + 1, "element"
                    else:
                        i, state = i + 1, "inline_key"
                elif c == closer:
                    self.stack.pop()
                    i += 1
                elif frame.kind == "array":  # a missing comma: treat it as the next element
                    frame.index += 1
                    state = "element"
                else:  # broken inline table (newline, stray text): drop it
                    self.stack.clear()
                    i, state = self._eol(i), "stmt"
        return self


# --------------------------------------------------------------------------------------------- decode errors

_POSITION = re.compile(r"^(?P<msg>.*) \((?:at line (?P<line>\d+), column (?P<col>\d+)|at end of document)\)$", re.S)
_KEY_VALUE_LINE = re.compile(r"""^\s*(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*'))*\s*=""")
_HEADER_LINE = re.compile(r"^\s*\[\[?\s*[A-Za-z0-9_\-.\"' ]+\]\]?\s*(?:#.*)?$")
_DATE_LIKE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")
_SMART_QUOTES = "“”„‟‘’‚‛«»"


@dataclass
class _Where:
    text: str
    pos: int
    line: int
    line_text: str
    col: int  # 0-based column in line_text

    @property
    def rest(self) -> str:
        return self.line_text[self.col :]

    @property
    def before(self) -> str:
        return self.line_text[: self.col]

    def scan(self) -> _Scanner:
        return _Scanner(self.text, stop=self.pos).run()


def _locate(text: str, message: str) -> tuple[str, _Where]:
    match = _POSITION.match(message)
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    if match and match.group("line"):
        line = int(match.group("line"))
        col = int(match.group("col")) - 1
        pos = starts[min(line, len(starts)) - 1] + col
    else:
        pos = len(text)
        stripped = text.rstrip()
        line = stripped.count("\n") + 1
        col = len(stripped) - (stripped.rfind("\n") + 1)
    line_text = text.split("\n")[line - 1] if line - 1 < len(starts) else ""
    base = match.group("msg") if match else message
    return base, _Where(text, min(pos, len(text)), line, line_text, max(0, min(col, len(line_text))))


def _translate_decode_error(path: Path | None, text: str, message: str) -> Problem:
    base, where = _locate(text, message)
    try:
        found = _explain(base, where)
    except Exception:  # noqa: BLE001 — the explanation is a nicety; the plain translation must always come out
        found = None
    if found is None:
        found = (f"dit is geen geldige TOML ({base})", _TOML_HINT, where.line, "")
    msg, hint, line, key = found
    return Problem(path, msg, key=key, line=line, hint=hint)


def _explain(base: str, w: _Where) -> tuple[str, str, int | None, str] | None:
    """Dutch message, hint, line and key for one tomllib message, or ``None`` for the generic fallback."""
    line = w.line
    if base == "Invalid value":
        return _invalid_value(w)
    if base == "Expected newline or end of document after a statement":
        return _trailing_text(w)
    if base == "Expected '=' after a key in a key/value pair":
        return _missing_equals(w)
    if base in ("Cannot overwrite a value",) or base.startswith("Duplicate inline table key"):
        return _duplicate(w, header=w.line_text.lstrip().startswith("["))
    if base.startswith("Cannot declare"):
        return _duplicate(w, header=True, name=_tuple_key(base))
    if base.startswith(("Cannot mutate immutable namespace", "Cannot redefine namespace")):
        name = _tuple_key(base)
        return (f"'{name}' is al eerder helemaal gegeven (als {{ ... }} of als lijst) en kan hier niet worden aangevuld",
                f"zet alles van '{name}' op één plek: óf als {{ ... }}, óf onder een kop [{name}]", line, name)
    if base == "Unclosed array":
        scan = w.scan()
        start = _open_array_line(scan, w.line + (w.pos < len(w.text)))
        if w.pos >= len(w.text) or _KEY_VALUE_LINE.match(w.rest) or _HEADER_LINE.match(w.line_text):
            return ("de lijst wordt niet afgesloten met ']'",
                    "zet een ']' na het laatste item van de lijst" + (f" (de lijst begint op regel {start})" if start else ""),
                    start or line, _key_of(scan))
        return ("tussen twee items van de lijst ontbreekt een komma",
                "zet een komma achter het item vóór dit item: [\"a\", \"b\"]", line, _key_of(scan))
    if base == "Unclosed inline table":
        scan = w.scan()
        start = next((f.line for f in reversed(scan.stack) if f.kind == "inline"), None)
        return ("de tabel { ... } wordt niet afgesloten met '}'",
                "een tabel tussen { } moet op één regel staan en eindigen met '}'; "
                "voor een langere tabel gebruik je een kop [naam]", start or line, _key_of(scan))
    if base == "Invalid initial character for a key part":
        scan = w.scan()
        if scan.stack and scan.stack[-1].kind == "inline" or w.rest[:1] in (",", "}"):
            return ("een tabel tussen { } moet op één regel staan, zonder komma na het laatste item",
                    "zet de hele { ... } op één regel, of gebruik een kop [naam] met een sleutel per regel",
                    line, _key_of(scan))
        return ("hier hoort een sleutel te beginnen", _KEY_CHARS_HINT, line, "")
    if base == "Invalid statement":
        first = w.rest[:1]
        if first in _SMART_QUOTES:
            return ("krullende aanhalingstekens (“ ”) kan TOML niet lezen", _SMART_HINT, line, "")
        if first == "=":
            return ("vóór de '=' ontbreekt de sleutel", "schrijf sleutel = waarde, bijvoorbeeld: titel = \"...\"", line, "")
        if first and not first.isprintable():
            return (f"onzichtbaar stuurteken {_codepoint(first)} aan het begin van de regel",
                    "haal het teken weg; het komt vaak mee bij kopiëren uit Word of een pdf", line, "")
        return ("deze regel is geen geldige TOML",
                _TOML_HINT + "; hoort deze tekst bij de regel erboven? zet lange tekst tussen \"\"\" en \"\"\"", line, "")
    if base == "Unterminated string" and _Scanner(w.text).run().open_string_triple:
        scan = _Scanner(w.text).run()
        start = scan.open_string_line or line
        return ('tekst met drie aanhalingstekens (""" of \'\'\') wordt nergens afgesloten',
                f'zet aan het eind van de tekst die op regel {start} begint weer """ (of \'\'\')', start, "")
    if base in ("Unterminated string", "Illegal character '\\n'", "Found invalid character '\\n'",
                'Expected "\'"', "Expected '\"'"):
        scan = _Scanner(w.text, stop=w.pos + 1).run()
        start = scan.unclosed_string_line or scan.open_string_line or line
        return ("de tekst wordt op dezelfde regel niet afgesloten met een aanhalingsteken",
                'zet aan het eind van de tekst een " ; tekst over meerdere regels zet je tussen drie '
                'aanhalingstekens: """ ... """', start, "")
    if base.startswith("Illegal character"):
        char = w.text[w.pos] if w.pos < len(w.text) else ""
        return (f"ongeldig (onzichtbaar) teken {_codepoint(char)} in de tekst",
                "haal het teken weg; het komt vaak mee bij kopiëren uit Word of een pdf", line, "")
    if base == "Unescaped '\\' in a string":
        return ("een backslash (\\) in tekst tussen \" \" moet je dubbel schrijven",
                "schrijf \\\\, of zet de tekst tussen enkele aanhalingstekens: pad = 'C:\\map'", line, "")
    if base in ("Invalid hex value", "Escaped character is not a Unicode scalar value"):
        return ("ongeldige tekencode na \\u of \\U in de tekst",
                "schrijf het teken zelf, of een geldige code zoals \\u00E9 (é); een losse \\ schrijf je als \\\\",
                line, "")
    if base == "Invalid date or datetime":
        value = _value_text(w)
        return (f"'{value}' is geen geldige datum",
                "schrijf een bestaande datum als jaar-maand-dag, bijvoorbeeld 2024-03-01 (zonder aanhalingstekens)",
                line, "")
    if base == "Expected ']' at the end of a table declaration":
        return ("de kop wordt niet afgesloten met ']'", _HEADER_HINT, line, "")
    if base == "Expected ']]' at the end of an array declaration":
        return ("de kop wordt niet afgesloten met ']]'", _HEADER_HINT, line, "")
    return None


_KEY_CHARS_HINT = ("een sleutel bestaat uit letters a-z, cijfers, _ en -; andere tekens (spaties, é) mogen "
                   "alleen als je de sleutel tussen aanhalingstekens zet")
_SMART_HINT = ('gebruik gewone aanhalingstekens " in plaats van “ ” (tekstverwerkers zoals Word maken daar '
               "krullende van); schrijf puzzels in een teksteditor")
_HEADER_HINT = "schrijf een kop op één regel: [naam] of [[naam]]; namen met spaties zet je tussen aanhalingstekens"
_BOOL_WORDS = {"ja", "nee", "waar", "onwaar", "yes", "no", "on", "off", "y", "n", "j"}


def _codepoint(char: str) -> str:
    return f"U+{ord(char):04X}" if char else ""


def _open_array_line(scan: _Scanner, before_line: int) -> int | None:
    """The start of the innermost array still open that began before ``before_line``."""
    arrays = [f.line for f in scan.stack if f.kind == "array"]
    earlier = [line for line in arrays if line < before_line]
    return earlier[-1] if earlier else (arrays[-1] if arrays else None)


def _key_of(scan: _Scanner) -> str:
    return format_key_path(scan.last_key[0]) if scan.last_key else ""


def _tuple_key(base: str) -> str:
    match = re.search(r"(\(.*\))", base)
    if match:
        try:
            parts = ast.literal_eval(match.group(1))
            if isinstance(parts, tuple):
                return format_key_path(str(p) for p in parts)
        except (ValueError, SyntaxError):
            pass
    return ""


def _line_key(w: _Where) -> str:
    """The key written at the start of the error line, if it is a ``key = value`` line."""
    match = _KEY_VALUE_LINE.match(w.line_text)
    return match.group().rstrip("= \t").strip() if match else ""


def _value_text(w: _Where) -> str:
    value = w.rest
    hash_at = value.find(" #")
    if hash_at >= 0:
        value = value[:hash_at]
    value = value.strip()
    return value if len(value) <= 40 else value[:37] + "..."


def _invalid_value(w: _Where) -> tuple[str, str, int | None, str]:
    line = w.line
    scan = w.scan()
    key = _key_of(scan)
    in_array = bool(scan.stack) and scan.stack[-1].kind == "array"
    if in_array and (_KEY_VALUE_LINE.match(w.rest) or _HEADER_LINE.match(w.line_text)):
        start = _open_array_line(scan, w.line)
        return ("de lijst wordt niet afgesloten met ']'",
                f"zet een ']' na het laatste item van de lijst (de lijst begint op regel {start})", start, key)
    value = _value_text(w)
    first = value[:1]
    if not value or first == "#" or (w.pos >= len(w.text)):
        return ("na '=' ontbreekt de waarde",
                'schrijf een waarde achter de =, bijvoorbeeld: titel = "..." of aantal = 3', line, key)
    if first == ",":
        return ("er staat een komma zonder item ervoor in de lijst",
                "haal de dubbele komma weg: [\"a\", \"b\"]", line, key)
    if first == "=":
        return ("er staan twee '=' achter elkaar", "gebruik één '=': sleutel = waarde", line, key)
    if first in _SMART_QUOTES:
        return ("krullende aanhalingstekens (“ ”) kan TOML niet lezen", _SMART_HINT, line, key)
    word = re.match(r"[^\s,\]}#]*", value).group()
    if word.lower() in ("true", "false"):
        return (f"'{word}' moet in kleine letters: {word.lower()}",
                "schrijf true of false in kleine letters, zonder aanhalingstekens", line, key)
    if word.lower() in _BOOL_WORDS:
        return (f"'{word}' is geen geldige waarde",
                "bedoel je ja/nee? schrijf dan true of false (zonder aanhalingstekens); "
                "bedoel je tekst? zet tekst tussen aanhalingstekens: \"" + word + "\"", line, key)
    if first.isalpha() or first in "€$@&*!?(<-":
        example_key = _line_key(w) or "titel"
        example_value = value.replace('"', '\\"') if not in_array else word
        example = f'"{example_value}"' if in_array else f'{example_key} = "{example_value}"'
        return ("tekst zonder aanhalingstekens: TOML leest dit niet als tekst",
                f"zet tekst tussen aanhalingstekens, bijvoorbeeld: {example}", line, key)
    return (f"'{value}' is geen geldige waarde",
            'tekst zet je tussen aanhalingstekens ("..."), getallen zonder (3 of 1.5), '
            "ja/nee als true of false, een datum als 2024-03-01", line, key)


def _trailing_text(w: _Where) -> tuple[str, str, int | None, str]:
    line = w.line
    before, rest = w.before.rstrip(), w.rest
    value_before = before.split("=", 1)[1].strip() if "=" in before else before.strip()
    if rest.startswith(",") and before[-1:].isdigit() and rest[1:2].isdigit():
        number = re.search(r"[\d_]+$", before).group() + "," + re.match(r",(\d+)", rest).group(1)
        return (f"'{number}' is geen geldig getal: gebruik een punt voor decimalen",
                f"schrijf {number.replace(',', '.')} in plaats van {number}", line, "")
    if _DATE_LIKE.fullmatch(value_before + re.match(r"[^\s#]*", rest).group()):
        value = value_before + re.match(r"[^\s#]*", rest).group()
        return (f"'{value}' is geen geldige datum",
                "schrijf een datum als jaar-maand-dag, bijvoorbeeld 2024-03-01 (zonder aanhalingstekens)", line, "")
    if before[-1:] in ("\"", "'"):
        return ("na de tekst tussen aanhalingstekens staat nog meer op de regel",
                "staat er een \" in de tekst zelf? schrijf dan \\\" of zet de hele tekst tussen enkele "
                "aanhalingstekens: titel = 'De \"grote\" puzzel'", line, "")
    if before[-1:].isdigit() and w.before[-1:].isspace() and rest[:1].isdigit():
        return ("spaties in een getal kan TOML niet lezen", "schrijf 1000 of 1_000 in plaats van 1 000", line, "")
    return ("na de waarde staat nog iets op dezelfde regel",
            "zet elke 'sleutel = waarde' op een eigen regel; tekst met spaties hoort tussen aanhalingstekens; "
            "commentaar begint met #", line, "")


def _missing_equals(w: _Where) -> tuple[str, str, int | None, str]:
    line = w.line
    rest = w.rest
    if rest[:1] == ":":
        return ("gebruik '=' in plaats van ':'", "schrijf sleutel = waarde, bijvoorbeeld: titel = \"...\"", line, "")
    if rest[:1] and not rest[:1].isspace() and not rest[:1].isascii():
        return (f"het teken '{rest[:1]}' mag niet in een sleutel zonder aanhalingstekens", _KEY_CHARS_HINT, line, "")
    if "=" in rest:
        return ("een sleutel mag geen spaties of rare tekens bevatten",
                'gebruik een liggend streepje (mijn_sleutel) of zet de sleutel tussen aanhalingstekens ("mijn sleutel")',
                line, "")
    return ("op deze regel ontbreekt '='",
            "schrijf sleutel = waarde; hoort deze tekst bij de regel erboven? zet lange tekst dan tussen "
            '""" en """', line, "")


def _duplicate(w: _Where, *, header: bool, name: str = "") -> tuple[str, str, int | None, str]:
    scan = w.scan()
    path, here = scan.last_key if scan.last_key else ((), w.line)
    key = name or format_key_path(path)
    first = scan.lines.get(path)
    earlier = f" (eerder op regel {first})" if first and first != here else ""
    name = key or "deze sleutel"
    if header and not earlier:
        top = name.split(".")[0]
        return (f"de tabel [{name}] kan hier niet worden gegeven: die bestaat al",
                f"staat [{name}] er al eerder, of is '{top}' al gegeven als {{ ... }} of als gewone sleutel? "
                f"zet alles van '{top}' op één plek", here, key)
    if header:
        return (f"de tabel [{name}] staat er twee keer in",
                f"deze sleutel staat er twee keer in{earlier}; voeg de twee blokken samen, "
                f"of schrijf [[{name}]] als het een lijst van items is", here, key)
    return (f"de sleutel '{name}' staat er twee keer in",
            f"deze sleutel staat er twee keer in{earlier}; haal er één weg of geef hem een andere naam", here, key)
