"""The puzzle kinds: one module per kind (sort, basis, redact, order, dilemma, lock), registered here by content
model. Everything about a kind — its legal cases, its answer check and model answer, its author checks and the
engine's agreement, its plausible mistakes for autoplay and its words — lives in its module.

    kind_of(puzzle)   -> Kind            (a loaded puzzle)
    kind_named(soort) -> Kind | None     (a journal record, where only the ``soort`` string is known)

Used by the judging step (``escaperoom.kinds.judging``), the session, the debrief and the screens. Adding a kind:
a module here beside the others, its entry in :data:`KINDS`, its model in ``content/models.py`` and its screen in
``ui/puzzles/``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from escaperoom.content.loader import Checker, KeyPath
from escaperoom.content.models import Puzzle, Scenario
from escaperoom.kinds.base import Kind
from escaperoom.kinds.basis import BASIS, BasisAnswer
from escaperoom.kinds.cases import Case
from escaperoom.kinds.dilemma import DILEMMA, DilemmaAnswer
from escaperoom.kinds.lock import LOCK, LockAnswer, lock_code
from escaperoom.kinds.order import ORDER, OrderAnswer
from escaperoom.kinds.redact import REDACT, RedactAnswer
from escaperoom.kinds.results import AnswerError, ErrorKind, ItemResult, PuzzleResult
from escaperoom.kinds.sort import SORT, SortAnswer
from escaperoom.kinds.words import Words
from escaperoom.rules.lawbook import LawBook
from escaperoom.strings import Catalogue

Answer = SortAnswer | BasisAnswer | RedactAnswer | OrderAnswer | DilemmaAnswer | LockAnswer
"""An answer as the screens build it and the journal stores it (``antwoord``): the kind's ``TypedDict``."""

KINDS: tuple[Kind, ...] = (SORT, BASIS, REDACT, ORDER, DILEMMA, LOCK)
_BY_MODEL: dict[type[Any], Kind] = {k.model: k for k in KINDS}
_BY_NAME: dict[str, Kind] = {k.soort: k for k in KINDS}


def kind_of(puzzle: Puzzle) -> Kind:
    """The kind of a loaded puzzle."""
    return _BY_MODEL[type(puzzle)]


def kind_named(soort: str) -> Kind | None:
    """The kind called ``soort`` (as a journal records it), or None for a kind this version does not know."""
    return _BY_NAME.get(soort)


def is_lock_kind(soort: str) -> bool:
    """Whether a recorded ``soort`` is the final lock."""
    kind = kind_named(soort)
    return kind is not None and kind.is_lock


def cases_of(book: LawBook, sc: Scenario, puzzle: Puzzle, index: int,
             peildatum: dt.date | None = None) -> list[Case]:
    """All legal cases of a puzzle, judged by the law on ``peildatum`` (default: today; empty for volgorde/slot and
    for dilemmas without a request)."""
    return kind_of(puzzle).cases(book, sc, puzzle, index, peildatum)


def check_answer(sc: Scenario, puzzle: Puzzle, cases: list[Case], answer: Answer | Mapping[str, Any]) -> PuzzleResult:
    """Score an answer (a screen's, or one read back from a journal). Raises :class:`AnswerError` when the
    answer's shape does not fit the puzzle."""
    try:
        items = kind_of(puzzle).score(sc, puzzle, cases, answer)
    except (KeyError, TypeError, ValueError, IndexError, AttributeError) as err:
        raise AnswerError(f"antwoord past niet bij puzzel '{puzzle.id}': {err!r}") from None
    return PuzzleResult(puzzle.id, tuple(items))


def model_answer(sc: Scenario, puzzle: Puzzle, cases: list[Case]) -> Answer:
    """The correct answer in answer format: for the facilitator's "show answer" and for autoplay."""
    answer: Answer = kind_of(puzzle).model_answer(sc, puzzle, cases)
    return answer


def check_puzzle(checker: Checker, base: KeyPath, puzzle: Puzzle) -> None:
    """The loader's kind-specific checks of one puzzle (``content.loader.PuzzleChecks``)."""
    kind_of(puzzle).check_authoring(checker, base, puzzle)


def words_for(puzzle: Puzzle, scenario: Scenario, book: LawBook, lang: str = "nl", *,
              strings: Catalogue | None = None) -> Words:
    """The words of a loaded puzzle (feedback, F7, the end screen)."""
    return kind_of(puzzle).words(book, lang, scenario=scenario, puzzle=puzzle, strings=strings)


def record_words(soort: str, book: LawBook, lang: str = "nl", *, scenario: Scenario | None = None,
                 puzzle_id: str | None = None, strings: Catalogue | None = None) -> Words:
    """The words of a recorded puzzle (the debrief, the reports): its kind by name, the puzzle from ``scenario``
    when the casus is on this computer (else None). A kind this version does not know gets the plain words."""
    puzzle = None
    if scenario is not None and puzzle_id is not None:
        try:
            puzzle = scenario.puzzle(puzzle_id)
        except KeyError:
            puzzle = None
    kind = kind_named(soort)
    words = kind.words if kind is not None else Words
    return words(book, lang, scenario=scenario, puzzle=puzzle, strings=strings)


def read_expected(soort: str, text: str) -> tuple[str, ...]:
    """A journal's ``verwacht`` as the tuple ``ItemResult.expected`` held (one value for an unknown kind)."""
    kind = kind_named(soort)
    return kind.read_expected(text) if kind is not None else (text,)


__all__ = ["KINDS", "Answer", "AnswerError", "BasisAnswer", "Case", "DilemmaAnswer", "ErrorKind", "ItemResult",
           "Kind", "LockAnswer", "OrderAnswer", "PuzzleResult", "RedactAnswer", "SortAnswer", "Words", "cases_of",
           "check_answer", "check_puzzle", "is_lock_kind", "kind_named", "kind_of", "lock_code", "model_answer",
           "read_expected", "record_words", "words_for"]
