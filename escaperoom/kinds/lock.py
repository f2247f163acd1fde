"""Slot: the final code lock. Its code is the rewards (one character each) of the puzzles in ``codes_van``, in
that order; it opens once those puzzles are solved or skipped, and opening it ends the game.

Answer: ``{"code": "4A7"}`` (case and surrounding spaces do not matter). Screen: ``ui/scenes/lock.py`` (part of
the game flow, not a station).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypedDict

from escaperoom.content.models import LockPuzzle, Scenario
from escaperoom.kinds.base import Kind
from escaperoom.kinds.cases import Case
from escaperoom.kinds.results import ErrorKind, ItemResult
from escaperoom.kinds.words import Words


class LockAnswer(TypedDict):
    code: str


def lock_code(sc: Scenario) -> str:
    """The code that opens the scenario's lock ("" when it has none)."""
    lock = sc.lock
    return "".join(sc.puzzle(pid).beloning for pid in lock.codes_van) if lock else ""


class LockWords(Words):
    def model_answer_text(self, answer: LockAnswer) -> str:
        return str(answer["code"])

    def csv(self, key: str, recorded: str, answer: str, expected: Sequence[str]) -> tuple[str, str, str]:
        """The code as "code 00000": a bare 00000 would become the number 0 in Excel."""
        return recorded, f"code {answer}" if answer else "", f"code {''.join(expected)}"


class LockKind(Kind):
    soort = "slot"
    model = LockPuzzle
    words = LockWords
    legal = False
    separator = ""

    def score(self, sc: Scenario, puzzle: LockPuzzle, cases: list[Case], answer: LockAnswer) -> list[ItemResult]:
        code = str(answer["code"]).strip().upper()
        expected = lock_code(sc)
        return [ItemResult("code", puzzle.titel, code, (expected,),
                           None if code == expected else ErrorKind.NIET_AANVAARDBAAR, 1.0 if code == expected else 0.0)]

    def model_answer(self, sc: Scenario, puzzle: LockPuzzle, cases: list[Case]) -> LockAnswer:
        return {"code": lock_code(sc)}


LOCK = LockKind()
