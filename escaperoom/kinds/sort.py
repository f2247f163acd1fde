"""Sorteren: drag each data card to a recipient, or to "niet delen". Everything the game knows about the kind.

Answer: ``{"plaatsing": {card_id: recipient_role | "niet_delen"}}``. Each card meets every destination's request;
the right place is a recipient the law obliges sharing with, else one it permits, else "niet delen".
Screen: ``ui/puzzles/sort.py``.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from typing import TypedDict

from escaperoom.content.loader import Checker, KeyPath
from escaperoom.content.models import NIET_DELEN, Scenario, SortPuzzle
from escaperoom.kinds.base import Kind, pick_some
from escaperoom.kinds.cases import Case, make_case
from escaperoom.kinds.results import ErrorKind, ItemResult
from escaperoom.kinds.words import MistakeLike, Spread, Words, lower_first
from escaperoom.rules.facts import Decision
from escaperoom.rules.lawbook import LawBook


class SortAnswer(TypedDict):
    plaatsing: dict[str, str]


class SortWords(Words):
    def _answer(self, answer: str, recorded: str) -> str:
        return self.spread("dont_share") if answer == NIET_DELEN else self.role(answer)

    def expected(self, expected: Sequence[str]) -> str:
        parts = [p for p in expected if p]
        if not parts or parts == [NIET_DELEN]:
            return self.spread("dont_share")
        return self.spread("share_with", to=self.spread("or").join(lower_first(self.role(p)) for p in parts))

    def item_of_key(self, key: str) -> str | None:
        return key

    def _sentence(self, spread: Spread, label: str, answer: str, recorded: str) -> str:
        if answer == NIET_DELEN:
            if spread.everyone:
                return self.spread("sort_not_all", total=spread.total, label=label)
            return spread.say("sort_not", label=label)
        return spread.say("sort_with", label=label, to=lower_first(self.answer(answer)))

    def item_cases(self, cases: Sequence[Case], key: str) -> list[Case]:
        return [c for c in cases if c.item_id == key]

    def feedback_lines(self, item: ItemResult, reason: str) -> list[str]:
        chosen = self.recipient(item.answer, "puzzel.niet_delen") if item.answer else self.t("puzzel.feedback.none")
        lines = [self.t("puzzel.feedback.choice", keuze=chosen)]
        if not item.correct:
            expected = " / ".join(self.recipient(r, "puzzel.niet_delen") for r in item.expected if r)
            lines.append(self.t("puzzel.feedback.expected", verwacht=expected))
        return lines

    def model_answer_text(self, answer: SortAnswer) -> str:
        sc = self.scenario
        assert sc is not None
        return "\n".join(f"{sc.gegevens[card].label.get(self.lang)} — "
                         f"{self.recipient(to, 'spel.facilitator.not_share')}"
                         for card, to in answer["plaatsing"].items())

    def mistake_recipient(self, mistake: MistakeLike, cases: Sequence[Case]) -> str | None:
        """For a card shared too widely, the one recipient that may not have it (if only one may not); for one
        kept back, the recipient that needed it most."""
        mine = [c for c in cases if c.item_id == mistake.key and c.spec.ontvanger != NIET_DELEN]
        if mistake.kind is ErrorKind.TE_RUIM:
            forbidden = [c for c in mine if c.verdict.decision is Decision.MAG_NIET]
            return self.role(forbidden[0].spec.ontvanger) if len(forbidden) == 1 else None
        if mistake.kind is ErrorKind.TE_VOORZICHTIG:
            needed = sorted((c for c in mine if c.verdict.decision is not Decision.MAG_NIET),
                            key=lambda c: c.verdict.decision is not Decision.MOET)
            return self.role(needed[0].spec.ontvanger) if needed else None
        return None


class SortKind(Kind):
    soort = "sorteren"
    model = SortPuzzle
    words = SortWords
    legal = True
    separator = ","

    def cases(self, book: LawBook, sc: Scenario, puzzle: SortPuzzle, index: int,
              peildatum: dt.date | None = None) -> list[Case]:
        return [make_case(book, sc, puzzle.id, f"{card}@{spec.ontvanger}", spec, card,
                          ("puzzels", index, "bestemmingen", d), puzzle.kaarten, peildatum=peildatum)
                for d, spec in enumerate(puzzle.bestemmingen) for card in puzzle.kaarten]

    def score(self, sc: Scenario, puzzle: SortPuzzle, cases: list[Case], answer: SortAnswer) -> list[ItemResult]:
        placed: dict[str, str] = answer["plaatsing"]
        recipients = {spec.ontvanger for spec in puzzle.bestemmingen}
        return [self._card(sc, card, [c for c in cases if c.item_id == card], placed.get(card), recipients)
                for card in puzzle.kaarten]

    @staticmethod
    def _card(sc: Scenario, card: str, own: list[Case], dest: str | None, recipients: set[str]) -> ItemResult:
        must_to = [c.spec.ontvanger for c in own if c.verdict.decision is Decision.MOET]
        ok_to = must_to or [c.spec.ontvanger for c in own if c.verdict.decision.shares]  # a duty beats a permission
        expected = tuple(ok_to) or (NIET_DELEN,)
        label = sc.gegevens[card].label
        if dest is None:
            return ItemResult(card, label, "", expected, ErrorKind.ONBEANTWOORD, 0.0, own[0].verdict)
        if dest != NIET_DELEN and dest not in recipients:
            raise ValueError(f"onbekende bestemming {dest!r}")
        if dest == NIET_DELEN:
            verdict = next((c.verdict for c in own if c.verdict.decision.shares), own[0].verdict)
            error = ErrorKind.TE_VOORZICHTIG if ok_to else None
        else:
            verdict = next(c.verdict for c in own if c.spec.ontvanger == dest)
            if not verdict.decision.shares:
                error = ErrorKind.TE_RUIM
            elif must_to and dest not in must_to:  # allowed here, but the law obliges sharing with someone else
                error = ErrorKind.TE_VOORZICHTIG
                verdict = next(c.verdict for c in own if c.spec.ontvanger == must_to[0])
            else:
                error = None
        return ItemResult(card, label, dest, expected, error, 0.0 if error else 1.0, verdict)

    def model_answer(self, sc: Scenario, puzzle: SortPuzzle, cases: list[Case]) -> SortAnswer:
        placing = {}
        for card in puzzle.kaarten:
            ok = [c for c in cases if c.item_id == card and c.verdict.decision.shares]
            ok.sort(key=lambda c: c.verdict.decision is not Decision.MOET)
            placing[card] = ok[0].spec.ontvanger if ok else NIET_DELEN
        return {"plaatsing": placing}

    def check_authoring(self, checker: Checker, base: KeyPath, puzzle: SortPuzzle) -> None:
        for k, card in enumerate(puzzle.kaarten):
            checker.item((*base, "kaarten", k), card)
        recipients = [d.ontvanger for d in puzzle.bestemmingen]
        if len(set(recipients)) != len(recipients):
            checker.add((*base, "bestemmingen"), "twee bestemmingen hebben dezelfde ontvanger",
                        "elke ontvanger één keer")
        for d, spec in enumerate(puzzle.bestemmingen):
            checker.request((*base, "bestemmingen", d), spec, puzzle.kaarten)

    def plausible_mistake(self, puzzle: SortPuzzle, right: SortAnswer) -> SortAnswer:
        first = puzzle.bestemmingen[0].ontvanger
        return {"plaatsing": {card: (NIET_DELEN if to != NIET_DELEN else first)
                              for card, to in right["plaatsing"].items()}}

    def varied_mistake(self, puzzle: SortPuzzle, right: SortAnswer, rng: random.Random) -> SortAnswer:
        places = dict(right["plaatsing"])
        targets = [b.ontvanger for b in puzzle.bestemmingen] + [NIET_DELEN]
        for card in pick_some(rng, sorted(places)):
            places[card] = rng.choice([t for t in targets if t != places[card]])
        return {"plaatsing": places}


SORT = SortKind()
