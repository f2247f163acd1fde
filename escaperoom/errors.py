"""The one exception hierarchy of the game; every module raises these, the CLI and the screens show them.

    EscapeRoomError                 base: carries a Dutch message a trainer understands
    ├── ContentError                a puzzle/law/strings file is wrong: file, key path, line, message, hint
    ├── SaveError                   a save or journal cannot be read or written (corrupt, foreign, newer version)
    └── RuleError                   the rule engine met facts it cannot judge (a bug in content or engine)

Never show a traceback for bad input: catch ``EscapeRoomError`` at the edge and print ``str(err)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from escaperoom.printable import printable


class EscapeRoomError(Exception):
    """Base class: ``str(err)`` is a complete Dutch sentence fit for a trainer."""


@dataclass(frozen=True)
class Problem:
    """One finding in a content file, as ``check`` reports it: ``file:line: message (hint)``.

    ``severity`` is ``"fout"`` (the file cannot be used) or ``"waarschuwing"`` (usable, but look at it).
    """

    file: Path | None
    message: str
    key: str = ""
    line: int | None = None
    hint: str = ""
    severity: str = "fout"

    def format(self) -> str:
        """``file:line: severity: message (sleutel 'key')`` and a ``tip:`` line; safe to print on a terminal: what
        came from a file (a key, a quoted value, the file name) shows control characters as ``\\x1b`` and
        characters one cannot see (zero-width, no-break space) as ``\\u200b``."""
        key = printable(self.key, invisible=True)
        where = printable(str(self.file), invisible=True) if self.file is not None else "<onbekend bestand>"
        if self.line is not None:
            where += f":{self.line}"
        elif self.key:
            where += f":[{key}]"
        text = f"{where}: {self.severity}: {printable(self.message, invisible=True)}"
        if self.key and self.line is not None:
            text += f" (sleutel '{key}')"
        if self.hint:
            text += f"\n    tip: {printable(self.hint, invisible=True)}"
        return text


class ContentError(EscapeRoomError):
    """A content file cannot be used. Holds one or more :class:`Problem` records."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems: list[Problem] = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(p.format() for p in self.problems))

    @classmethod
    def at(cls, file: Path | None, message: str, hint: str = "", *, line: int | None = None,
           key: str = "") -> ContentError:
        """A file refused for one reason: the way the reader reports an unreadable or oversized file."""
        return cls(Problem(file, message, key=key, line=line, hint=hint))

    @property
    def first(self) -> Problem:
        return self.problems[0]


class SaveError(EscapeRoomError):
    """A save or journal file cannot be used; ``path`` is kept untouched on disk."""

    def __init__(self, path: Path | None, message: str):
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}" if path else message)


class RuleError(EscapeRoomError):
    """The rule engine cannot judge a request (unknown role, missing law entry)."""
