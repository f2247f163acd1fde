"""The line scanner: a forgiving TOML walker that finds the line where each key path is written.

tomllib keeps no positions; :class:`~escaperoom.content.source.document.TomlDocument` uses this scanner for
``line_of`` and the TOML error translation uses it to tell what was still open (an array, a string) at an error.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from escaperoom.content.limits import MAX_DEPTH
from escaperoom.content.source.keypath import KeyPath

__all__ = ["LineScanner", "Frame"]

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


def _skip(pattern: re.Pattern[str], text: str, i: int, n: int) -> int:
    """The end of ``pattern`` matched at ``i`` (the whitespace patterns always match, possibly empty)."""
    match = pattern.match(text, i, n)
    return match.end() if match else i


@dataclass
class Frame:
    """An array or inline table that is open at the scanner's position."""

    kind: str  # "array" or "inline"
    path: KeyPath
    line: int
    index: int = 0


_Step = Callable[[int], tuple[int, str]]


class LineScanner:
    """A forgiving, iterative TOML walker that records the first line of every key path it sees.

    It never raises and always advances, also on broken text; stopped at ``stop`` it tells what was open there
    (arrays, inline tables, a string), which the error translation uses to point at the real culprit.
    """

    def __init__(self, text: str, *, stop: int | None = None, max_depth: int = MAX_DEPTH,
                 until: KeyPath | None = None):
        self.text = text
        self.n = len(text) if stop is None else max(0, min(stop, len(text)))
        self.max_depth = max_depth
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.lines: dict[KeyPath, int] = {}
        self.prefix: KeyPath = ()
        self.aot: dict[KeyPath, int] = {}
        self.stack: list[Frame] = []
        self.last_key: tuple[KeyPath, int] | None = None
        self.open_string_line: int | None = None  # a string still open where the scan stopped
        self.open_string_triple = False
        self.unclosed_string_line: int | None = None  # first single-line string without closing quote
        self.deep_line: int | None = None
        self._value_path: KeyPath = ()
        self._until = until  # stop as soon as this key path is found (one line of a big file)

    # -- helpers

    def line_at(self, pos: int) -> int:
        return bisect.bisect_right(self._line_starts, pos)

    def _child(self, path: KeyPath, part: str | int, pos: int) -> KeyPath:
        if len(path) >= self.max_depth:
            if self.deep_line is None:
                self.deep_line = self.line_at(pos)
            return path
        return (*path, part)

    def _record(self, path: KeyPath, pos: int) -> None:
        if path:
            self.lines.setdefault(path, self.line_at(pos))
            if path == self._until:
                self.n = min(self.n, pos + 1)  # the walk ends after this step

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
            i = _skip(_WS, t, i, n)
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
            i = _skip(_WS, t, m.end(), n)
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

    # -- the walk: one method per state, each returns the next position and state

    def run(self) -> LineScanner:
        steps: dict[str, _Step] = {"stmt": self._statement, "value": self._value, "element": self._element,
                                   "inline_key": self._inline_key, "after": self._after}
        i, state = 0, "stmt"
        budget = 8 * self.n + 64  # belt and braces: every step advances, but never loop forever
        while i < self.n and budget > 0:
            budget -= 1
            i, state = steps[state](i)
        return self

    def _statement(self, i: int) -> tuple[int, str]:
        t, n = self.text, self.n
        i = _skip(_WS_NL_COMMENT, t, i, n)
        if i >= n:
            return i, "stmt"
        if t[i] == "[":
            return self._header(i), "stmt"
        parts, j = self._read_key(i)
        if not parts or j >= n or t[j] != "=":
            return self._eol(i), "stmt"
        self._value_path = self._join(self.prefix, parts, i)
        self.last_key = (self._value_path, self.line_at(i))
        return j + 1, "value"

    def _value(self, i: int) -> tuple[int, str]:
        t, n = self.text, self.n
        i = _skip(_WS_NL_COMMENT if self.stack else _WS, t, i, n)
        if i >= n:
            return i, "value"
        c = t[i]
        if c == "\n" and not self.stack:
            return i, "stmt"
        if c in "\"'":
            return self._skip_string(i), "after"
        if c == "[":
            self.stack.append(Frame("array", self._value_path, self.line_at(i)))
            return i + 1, "element"
        if c == "{":
            self.stack.append(Frame("inline", self._value_path, self.line_at(i)))
            return i + 1, "inline_key"
        m = _SCALAR_END.search(t, i + 1, n)
        return (m.start() if m else n), "after"

    def _element(self, i: int) -> tuple[int, str]:
        frame = self.stack[-1]
        i = _skip(_WS_NL_COMMENT, self.text, i, self.n)
        if i >= self.n:
            return i, "element"
        if self.text[i] == "]":
            self.stack.pop()
            return i + 1, "after"
        self._value_path = self._child(frame.path, frame.index, i)
        self._record(self._value_path, i)
        return i, "value"

    def _inline_key(self, i: int) -> tuple[int, str]:
        t, n = self.text, self.n
        frame = self.stack[-1]
        i = _skip(_WS, t, i, n)
        if i >= n:
            return i, "inline_key"
        if t[i] == "}":
            self.stack.pop()
            return i + 1, "after"
        parts, j = self._read_key(i)
        if not parts or j >= n or t[j] != "=":  # broken inline table: give up on this statement
            self.stack.clear()
            return self._eol(i), "stmt"
        self._value_path = self._join(frame.path, parts, i)
        self.last_key = (self._value_path, self.line_at(i))
        return j + 1, "value"

    def _after(self, i: int) -> tuple[int, str]:
        """After a value: a comma, the closer of the open array or table, or the end of the statement."""
        if not self.stack:
            return self._eol(i), "stmt"
        frame = self.stack[-1]
        i = _skip(_WS_NL_COMMENT if frame.kind == "array" else _WS, self.text, i, self.n)
        if i >= self.n:
            return i, "after"
        c = self.text[i]
        if c == ",":
            if frame.kind == "array":
                frame.index += 1
                return i + 1, "element"
            return i + 1, "inline_key"
        if c == ("]" if frame.kind == "array" else "}"):
            self.stack.pop()
            return i + 1, "after"
        if frame.kind == "array":  # a missing comma: treat it as the next element
            frame.index += 1
            return i, "element"
        self.stack.clear()  # broken inline table (newline, stray text): drop it
        return self._eol(i), "stmt"
