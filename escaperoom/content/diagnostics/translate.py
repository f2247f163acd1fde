"""The one translator from pydantic's ``ValidationError`` to Dutch :class:`Problem` records.

Two audiences, one translation (``finding``: normalise each error; a phrasebook per audience): a content file
(:func:`problems_from_validation`, with lines and hints, for the loader and ``escaperoom check``) and a saved game
state (:func:`state_problem`, one sentence naming the key, for ``play.state.from_state``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from typing import Any

import pydantic

from escaperoom.content.diagnostics.content_words import CONTENT_PHRASES
from escaperoom.content.diagnostics.finding import AllowedKeys, Finding, Translation, phrase
from escaperoom.content.diagnostics.model_walk import Loc
from escaperoom.content.diagnostics.state_words import STATE_PHRASES
from escaperoom.content.limits import MAX_PROBLEMS
from escaperoom.content.source import TomlDocument
from escaperoom.errors import ContentError, Problem

__all__ = ["content_error_from_validation", "problems_from_validation", "state_problem"]


def problems_from_validation(
    err: pydantic.ValidationError,
    doc: TomlDocument,
    *,
    aliases: Mapping[str, str] | None = None,
    model: Any = None,
    allowed_keys: AllowedKeys | None = None,
    tags: Collection[str] = (),
    limit: int = MAX_PROBLEMS,
) -> list[Problem]:
    """One Dutch :class:`Problem` per pydantic error (alternatives of one union merged), in pydantic's order;
    after ``limit`` problems one more says how many follow ("… en nog 4.950 meldingen over dit bestand").

    - ``aliases`` renames loc segments to the keys written in the TOML (field name → TOML key), for models
      whose errors are not reported by alias.
    - ``model`` (the model class or type that was validated) lets us list the allowed keys at a place
      ("bedoelde je …?") and the tags of a discriminated union; ``allowed_keys`` does the same by hand.
    - Union tag segments in the loc (``("puzzels", 0, "sorteren", "kaarten")``) are dropped from the key path:
      the ones in ``tags``, and any segment that is not in the data (found by walking ``doc.data``).
    """
    where = Translation(doc.data, doc, aliases=aliases, tags=tags, model=model, allowed_keys=allowed_keys)
    merged = _Merged()
    more: set[str] = set()  # the keys of the problems past the limit: counted, not phrased (that is the slow part)
    for error in err.errors(include_url=False):
        finding = Finding(error, where)
        if len(merged.problems) < limit:
            merged.add(phrase(finding, CONTENT_PHRASES), finding.raw if finding.pseudo else None)
        elif finding.key not in merged.keys:
            more.add(finding.key)
    if more:
        merged.problems.append(Problem(doc.path, f"… en nog {_count(len(more), 'melding', 'meldingen')} over dit "
                                                 "bestand", hint="los eerst de meldingen hierboven op en controleer "
                                                                 "het bestand dan opnieuw"))
    return merged.problems


def content_error_from_validation(err: pydantic.ValidationError, doc: TomlDocument, **options: Any) -> ContentError:
    """:func:`problems_from_validation` wrapped in one :class:`ContentError`."""
    return ContentError(problems_from_validation(err, doc, **options))


def state_problem(err: pydantic.ValidationError, data: Any) -> Problem:
    """The first problem pydantic found in a saved state ``data``, as one Dutch sentence naming the key and the
    value found: ``'klok.verstreken_s' is geen geldig getal (nan).`` (``key`` is ``klok.verstreken_s``)."""
    first = err.errors(include_url=False)[0]
    return phrase(Finding(first, Translation(data)), STATE_PHRASES)


class _Merged:
    """The problems so far: exact repeats dropped, the errors of one smart union (same key, several alternatives)
    folded into one."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.keys: set[str] = set()
        self._seen: set[tuple[str, str]] = set()
        self._union_at: dict[str, tuple[int, Loc]] = {}

    def add(self, problem: Problem, raw: Loc | None) -> None:
        """Add ``problem``; ``raw`` is its raw loc when it came from a union alternative."""
        key = problem.key
        if (key, problem.message) in self._seen:
            return
        self._seen.add((key, problem.message))
        self.keys.add(key)
        if raw is not None and key in self._union_at and self._union_at[key][1] != raw:
            index = self._union_at[key][0]
            first = self.problems[index]
            self.problems[index] = Problem(first.file, _either(first.message, problem.message), key=first.key,
                                           line=first.line, hint=first.hint or problem.hint, severity=first.severity)
            return
        if raw is not None:
            self._union_at.setdefault(key, (len(self.problems), raw))
        self.problems.append(problem)


def _count(n: int, one: str, many: str) -> str:
    return f"1 {one}" if n == 1 else f"{n:,} {many}".replace(",", ".")


_EXPECTED = re.compile(r"^hier hoort (?P<what>.+), maar er staat (?P<got>.+)$")


def _either(first: str, second: str) -> str:
    """"hier hoort tekst, maar er staat X" + "hier hoort een lijst, ..." → "hier hoort tekst of een lijst, ..."."""
    a, b = _EXPECTED.match(first), _EXPECTED.match(second)
    if a and b and a.group("got") == b.group("got"):
        return f"hier hoort {a.group('what')} of {b.group('what')}, maar er staat {a.group('got')}"
    return f"{first}; of: {second}"
