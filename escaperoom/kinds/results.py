"""What checking an answer gives: per item what the team did, what was expected, and the error it makes.

Error kinds: *te ruim* (shared what may not be shared), *te voorzichtig* (held back what must or usefully may be
shared), *verkeerde grondslag* (right decision, wrong basis), plus *verkeerde volgorde* and *niet aanvaardbaar*
for the non-legal kinds. Partial credit per item. Made by the kinds (``escaperoom.kinds``), used by the session,
the feedback screen, the end screen and the what-if.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from escaperoom.rules.verdict import Verdict
from escaperoom.text import Text


class ErrorKind(StrEnum):
    TE_RUIM = "te_ruim"
    TE_VOORZICHTIG = "te_voorzichtig"
    VERKEERDE_GRONDSLAG = "verkeerde_grondslag"
    VERKEERDE_VOLGORDE = "verkeerde_volgorde"
    NIET_AANVAARDBAAR = "niet_aanvaardbaar"
    ONBEANTWOORD = "onbeantwoord"


class AnswerError(ValueError):
    """The answer does not fit the puzzle (a UI bug, not a team mistake)."""


@dataclass(frozen=True)
class ItemResult:
    """One item of one answer. ``answer`` and ``expected`` are machine-readable (recipient id, option index,
    "zwart", position …); ``expected`` holds every right answer (the journal writes it as its kind's string)."""

    key: str
    label: Text
    answer: str
    expected: tuple[str, ...]
    error: ErrorKind | None
    credit: float
    verdict: Verdict | None = None
    explanation: Text | None = None  # for non-legal items: the author's explanation

    @property
    def correct(self) -> bool:
        return self.error is None


@dataclass(frozen=True)
class PuzzleResult:
    puzzle_id: str
    items: tuple[ItemResult, ...]

    @property
    def score(self) -> float:
        return sum(i.credit for i in self.items) / len(self.items) if self.items else 0.0

    @property
    def solved(self) -> bool:
        return bool(self.items) and all(i.correct for i in self.items)

    def count(self, kind: ErrorKind) -> int:
        return sum(1 for i in self.items if i.error is kind)
