"""Volgorde: put the steps of the decision procedure in order. Not judged by the law: the author's order counts.

Answer: ``{"volgorde": [step_index_as_written, ...]}`` (the team's order; ``stappen`` are written in the right
order). One item per place, ``positie:<n>``. Screen: ``ui/puzzles/order.py``.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypedDict

from escaperoom.content.models import OrderPuzzle, Scenario
from escaperoom.kinds.base import Kind
from escaperoom.kinds.cases import Case
from escaperoom.kinds.results import ErrorKind, ItemResult, PuzzleResult
from escaperoom.kinds.words import Card, MistakeLike, Spread, Words, int_or_none

_POSITION = "positie:"  # the item key of a place in the order


class OrderAnswer(TypedDict):
    volgorde: list[int]


class OrderWords(Words):
    one_mistake_per_puzzle = True

    def _answer(self, answer: str, recorded: str) -> str:
        step = int_or_none(answer)
        steps = self.puzzle.stappen if isinstance(self.puzzle, OrderPuzzle) else None
        if step is not None and steps and 0 <= step < len(steps):
            return self.spread("step", n=step + 1, text=steps[step].get(self.lang))
        if step is None:
            return answer
        return self.spread("step", n=step + 1, text=recorded) if recorded else self.spread("step_only", n=step + 1)

    def label(self, key: str, recorded: str) -> str:
        if key.startswith(_POSITION):
            pos = int_or_none(key.split(":", 1)[1])
            return self.spread("position", n=pos + 1) if pos is not None else key
        return super().label(key, recorded)

    def _sentence(self, spread: Spread, label: str, answer: str, recorded: str) -> str:
        return spread.say("order", step=self.answer(answer, recorded), label=label)

    def csv(self, key: str, recorded: str, answer: str, expected: Sequence[str]) -> tuple[str, str, str]:
        """The place ("plaats 3") as the item: the recorded label is the step that was put there."""
        return self.describe(key, answer, expected, recorded)

    def _puzzle(self) -> OrderPuzzle:
        assert isinstance(self.puzzle, OrderPuzzle)
        return self.puzzle

    def feedback(self, result: PuzzleResult, reason: str = "") -> list[Card]:
        """A card per place with the step put there, then one card with the explanation."""
        cards = [Card(self.t("puzzel.feedback.position", n=pos + 1, stap=item.label.get(self.lang)), item=item)
                 for pos, item in enumerate(result.items)]
        cards.append(Card(self.t("puzzel.feedback.explanation"), explanation=self._puzzle().uitleg.get(self.lang)))
        return cards

    def model_answer_text(self, answer: OrderAnswer) -> str:
        steps = self._puzzle().stappen
        return "\n".join(f"{n + 1}. {steps[i].get(self.lang)}" for n, i in enumerate(answer["volgorde"]))

    def mistake_sentences(self, mistake: MistakeLike, mistakes: Sequence[MistakeLike], cases: Sequence[Case],
                          word: str, resident: str) -> tuple[str, ...]:
        """One line for the whole order: how many steps went to the wrong place."""
        wrong = sum(1 for x in mistakes if x.puzzle_id == mistake.puzzle_id and x.kind is ErrorKind.VERKEERDE_VOLGORDE)
        return (self.t("spel.end.m_order", woord=self.t("puzzel.feedback.verkeerde_volgorde"),
                       puzzel=self._puzzle().titel.get(self.lang), n=wrong),)


class OrderKind(Kind):
    soort = "volgorde"
    model = OrderPuzzle
    words = OrderWords
    legal = False
    separator = ""

    def score(self, sc: Scenario, puzzle: OrderPuzzle, cases: list[Case], answer: OrderAnswer) -> list[ItemResult]:
        order = [int(i) for i in answer["volgorde"]]
        if sorted(order) != list(range(len(puzzle.stappen))):
            raise ValueError("de volgorde moet elke stap precies één keer bevatten")
        return [ItemResult(f"{_POSITION}{pos}", puzzle.stappen[step], str(step), (str(pos),),
                           None if step == pos else ErrorKind.VERKEERDE_VOLGORDE, 1.0 if step == pos else 0.0,
                           explanation=puzzle.uitleg)
                for pos, step in enumerate(order)]

    def model_answer(self, sc: Scenario, puzzle: OrderPuzzle, cases: list[Case]) -> OrderAnswer:
        return {"volgorde": list(range(len(puzzle.stappen)))}

    def plausible_mistake(self, puzzle: OrderPuzzle, right: OrderAnswer) -> OrderAnswer:
        return {"volgorde": list(reversed(right["volgorde"]))}

    def varied_mistake(self, puzzle: OrderPuzzle, right: OrderAnswer, rng: random.Random) -> OrderAnswer:
        order = list(right["volgorde"])
        i, j = rng.sample(range(len(order)), 2)
        order[i], order[j] = order[j], order[i]
        return {"volgorde": order}


ORDER = OrderKind()
