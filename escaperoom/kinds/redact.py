"""Zwartlakken: black out the fragments of a document that may not go to its recipient.

Answer: ``{"zwart": [fragment_index, ...]}``. Each fragment that names a data item is one case of the document's
request; a fragment that may be shared stays visible, one that may not is blacked out. Neutral fragments count
for nothing. Screen: ``ui/puzzles/redact.py``.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from typing import TypedDict

from escaperoom.content.loader import Checker, KeyPath
from escaperoom.content.models import RedactPuzzle, Scenario
from escaperoom.kinds.base import Kind, pick_some
from escaperoom.kinds.cases import Case, make_case
from escaperoom.kinds.results import ErrorKind, ItemResult
from escaperoom.kinds.words import MistakeLike, Spread, Words, key_index
from escaperoom.rules.lawbook import LawBook

BLACK, VISIBLE = "zwart", "zichtbaar"  # what the team did with a fragment (ItemResult.answer / .expected)


class RedactAnswer(TypedDict):
    zwart: list[int]


class RedactWords(Words):
    def _answer(self, answer: str, recorded: str) -> str:
        return {BLACK: self.spread("blacked"), VISIBLE: self.spread("kept")}.get(answer, answer)

    def item_of_key(self, key: str) -> str | None:
        index = key_index(key)
        if isinstance(self.puzzle, RedactPuzzle) and index is not None and index < len(self.puzzle.fragmenten):
            return self.puzzle.fragmenten[index].gegeven
        return None

    def _sentence(self, spread: Spread, label: str, answer: str, recorded: str) -> str:
        return spread.say("redact_black" if answer == BLACK else "redact_keep", label=label)

    def feedback_lines(self, item: ItemResult, reason: str) -> list[str]:
        return [self.t("puzzel.feedback.choice", keuze=self.t(f"puzzel.feedback.{item.answer}"))]

    def model_answer_text(self, answer: RedactAnswer) -> str:
        assert isinstance(self.puzzle, RedactPuzzle)
        if not answer["zwart"]:
            return self.t("spel.facilitator.blacken_none")
        return self.t("spel.facilitator.blacken") + "\n" + "\n".join(
            f"• {self.puzzle.fragmenten[i].tekst.get(self.lang)}" for i in answer["zwart"])

    def mistake_recipient(self, mistake: MistakeLike, cases: Sequence[Case]) -> str | None:
        """The recipient of the document."""
        case = next((c for c in cases if c.key == mistake.key), None)
        return self.role(case.spec.ontvanger) if case is not None else None


class RedactKind(Kind):
    soort = "zwartlakken"
    model = RedactPuzzle
    words = RedactWords
    legal = True
    separator = ""

    def cases(self, book: LawBook, sc: Scenario, puzzle: RedactPuzzle, index: int,
              peildatum: dt.date | None = None) -> list[Case]:
        items = [f.gegeven for f in puzzle.fragmenten if f.gegeven]
        return [make_case(book, sc, puzzle.id, f"fragment:{f}", puzzle.verzoek, frag.gegeven,
                          ("puzzels", index, "verzoek"), items, peildatum=peildatum)
                for f, frag in enumerate(puzzle.fragmenten) if frag.gegeven]

    def score(self, sc: Scenario, puzzle: RedactPuzzle, cases: list[Case], answer: RedactAnswer) -> list[ItemResult]:
        black = {int(i) for i in answer["zwart"]}
        if any(i < 0 or i >= len(puzzle.fragmenten) for i in black):
            raise ValueError("fragmentnummer buiten het document")
        by_key = {c.key: c for c in cases}
        out = []
        for f, frag in enumerate(puzzle.fragmenten):
            if not frag.gegeven:
                continue
            case = by_key[f"fragment:{f}"]
            shares = case.verdict.decision.shares
            hidden = f in black
            error = (ErrorKind.TE_VOORZICHTIG if hidden and shares else
                     ErrorKind.TE_RUIM if not hidden and not shares else None)
            out.append(ItemResult(case.key, sc.gegevens[frag.gegeven].label, BLACK if hidden else VISIBLE,
                                  (VISIBLE if shares else BLACK,), error, 0.0 if error else 1.0, case.verdict))
        return out

    def model_answer(self, sc: Scenario, puzzle: RedactPuzzle, cases: list[Case]) -> RedactAnswer:
        by_key = {c.key: c for c in cases}
        return {"zwart": [f for f, fr in enumerate(puzzle.fragmenten)
                          if fr.gegeven and not by_key[f"fragment:{f}"].verdict.decision.shares]}

    def check_authoring(self, checker: Checker, base: KeyPath, puzzle: RedactPuzzle) -> None:
        items = [f.gegeven for f in puzzle.fragmenten if f.gegeven]
        for f, frag in enumerate(puzzle.fragmenten):
            if frag.gegeven:
                checker.item((*base, "fragmenten", f, "gegeven"), frag.gegeven)
        if not items:
            checker.add((*base, "fragmenten"), "geen enkel fragment noemt een gegeven",
                        "zet bij de fragmenten die gegevens bevatten: gegeven = \"...\"")
        checker.request((*base, "verzoek"), puzzle.verzoek, items)

    def plausible_mistake(self, puzzle: RedactPuzzle, right: RedactAnswer) -> RedactAnswer:
        return {"zwart": []}

    def varied_mistake(self, puzzle: RedactPuzzle, right: RedactAnswer, rng: random.Random) -> RedactAnswer:
        black = set(right["zwart"])
        scored = [i for i, f in enumerate(puzzle.fragmenten) if f.gegeven]
        black ^= set(pick_some(rng, scored))  # left visible what must go, or blacked out what may stay
        return {"zwart": sorted(black)}


REDACT = RedactKind()
