"""What every puzzle kind offers: the :class:`Kind` protocol (the legal case a kind hands to the engine is in
:mod:`escaperoom.kinds.cases`). Each kind module in this package (sort, basis, redact, order, dilemma, lock)
implements :class:`Kind`; ``escaperoom.kinds`` registers them by content model. Used by the judging step, the
session, the what-if, the debrief and the screens.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from typing import Any, Protocol, TypeVar

from escaperoom.content.loader import Checker, KeyPath
from escaperoom.content.models import Scenario
from escaperoom.kinds.cases import Case
from escaperoom.kinds.results import ItemResult
from escaperoom.kinds.words import Words
from escaperoom.rules.lawbook import LawBook
from escaperoom.text import Text

_T = TypeVar("_T")


class Kind(Protocol):
    """One puzzle kind: everything the game knows about it, in one module.

    ``soort`` is the TOML tag and ``model`` the content model; ``words`` puts its answers in words (see
    :class:`escaperoom.kinds.words.Words`). ``separator`` is how the journal writes an item's right answers
    (``","``, ``"|"``, or ``""`` for exactly one). The methods with a body are defaults a kind may keep; a kind
    class subclasses this protocol explicitly to inherit them. Answers are the kind's ``TypedDict``."""

    soort: str
    model: type[Any]
    words: type[Words]
    legal: bool  # the law judges its answers (te ruim / te voorzichtig are possible)
    separator: str

    @property
    def is_lock(self) -> bool:
        """The final code lock (not a station in the room)."""
        return bool(self.model.is_lock)

    # --- the engine ---------------------------------------------------------------------------------------

    def cases(self, book: LawBook, sc: Scenario, puzzle: Any, index: int,
              peildatum: dt.date | None = None) -> list[Case]:
        """The legal cases of the puzzle at ``index`` of the scenario, judged by the law on ``peildatum`` (default
        today; none for a non-legal kind)."""
        return []

    # --- answers ------------------------------------------------------------------------------------------

    def score(self, sc: Scenario, puzzle: Any, cases: list[Case], answer: Any) -> list[ItemResult]:
        """Per item what the answer did; raises ``KeyError``/``TypeError``/``ValueError``/… when the answer's
        shape does not fit (``escaperoom.kinds.check_answer`` turns that into ``AnswerError``)."""
        ...

    def model_answer(self, sc: Scenario, puzzle: Any, cases: list[Case]) -> Any:
        """The right answer, for the facilitator's "show answer" (F7) and for autoplay."""
        ...

    def write_expected(self, expected: Sequence[str]) -> str:
        """``ItemResult.expected`` as the journal's ``verwacht`` string."""
        return self.separator.join(expected) if self.separator else "".join(expected[:1])

    def read_expected(self, text: str) -> tuple[str, ...]:
        """The journal's ``verwacht`` string back as the tuple :meth:`write_expected` was given."""
        return tuple(p for p in text.split(self.separator) if p) if self.separator else (text,)

    # --- the author's checks ------------------------------------------------------------------------------

    def check_authoring(self, checker: Checker, base: KeyPath, puzzle: Any) -> None:
        """Cross-references of this kind's keys (items, requests, options), reported through ``checker``."""
        return None

    def check_agreement(self, checker: Checker, base: KeyPath, puzzle: Any, cases: list[Case]) -> None:
        """After judging: the puzzle is solvable and the author's claims agree with the engine."""
        return None

    # --- a scripted team (autoplay) -----------------------------------------------------------------------

    def plausible_mistake(self, puzzle: Any, right: Any) -> Any:
        """A deliberately wrong answer (too cautious, too wide or in the wrong order), derived from ``right``."""
        return dict(right)

    def varied_mistake(self, puzzle: Any, right: Any, rng: random.Random) -> Any:
        """A wrong answer with some of ``right`` kept; deterministic for a given ``rng`` state."""
        return self.plausible_mistake(puzzle, right)

    def another_right_answer(self, puzzle: Any, cases: list[Case], right: Any, rng: random.Random) -> Any:
        """A right answer a team might give instead of ``right`` (when several are right)."""
        return right

    def reason_choices(self, puzzle: Any) -> Sequence[Text] | None:
        """The reasons to pick from when the kind asks for one; None when it asks for none."""
        return None

    def with_reason(self, answer: Any, reason: str) -> Any:
        """The answer with the team's reason in it (kinds that ask for none return it unchanged)."""
        return answer



def pick_some(rng: random.Random, keys: list[_T]) -> list[_T]:
    """One to about half of ``keys``, at random (what a varied mistake changes)."""
    return rng.sample(keys, rng.randint(1, max(1, (len(keys) + 1) // 2))) if keys else []
