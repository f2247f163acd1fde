"""Grondslag: for each sharing decision, choose the legal basis that carries it, or "geen" (do not share).

Answer: ``{"keuzes": {"0": provision_id | "geen", ...}}`` (the decision's index as a string). A valid basis is
one of the decision's options that the engine's verdict rests on; a right decision on a wrong basis earns half.
Screen: ``ui/puzzles/basis.py``.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from typing import TypedDict

from escaperoom.content.loader import Checker, KeyPath
from escaperoom.content.models import GEEN_GRONDSLAG, BasisPuzzle, Scenario
from escaperoom.kinds.base import Kind, pick_some
from escaperoom.kinds.cases import Case, make_case
from escaperoom.kinds.results import ErrorKind, ItemResult
from escaperoom.kinds.words import MistakeLike, Spread, Words, key_index
from escaperoom.rules.lawbook import LawBook


class BasisAnswer(TypedDict):
    keuzes: dict[str, str]


class BasisWords(Words):
    def _answer(self, answer: str, recorded: str) -> str:
        return self.spread("no_basis") if answer == GEEN_GRONDSLAG else self.cite(answer)

    def expected(self, expected: Sequence[str]) -> str:
        parts = [p for p in expected if p]
        return self.spread("or").join(self.answer(p) for p in parts) if parts else "–"

    def item_of_key(self, key: str) -> str | None:
        index = key_index(key)
        if isinstance(self.puzzle, BasisPuzzle) and index is not None and index < len(self.puzzle.beslissingen):
            return self.puzzle.beslissingen[index].gegeven
        return None

    def _sentence(self, spread: Spread, label: str, answer: str, recorded: str) -> str:
        if answer == GEEN_GRONDSLAG:
            if spread.everyone:
                return self.spread("basis_none_all", total=spread.total, label=label)
            return spread.say("basis_none", label=label)
        return spread.say("basis", label=label, basis=self.answer(answer))

    def _puzzle(self) -> BasisPuzzle:
        assert isinstance(self.puzzle, BasisPuzzle)
        return self.puzzle

    def feedback_lines(self, item: ItemResult, reason: str) -> list[str]:
        spec = self._puzzle().beslissingen[int(item.key.split(":")[1])]
        chosen = self.basis_label(item.answer) if item.answer else self.t("puzzel.feedback.none")
        lines = [self.t("puzzel.basis.to", ontvanger=self.recipient(spec.ontvanger, "puzzel.niet_delen")),  # no "→"
                 self.t("puzzel.feedback.choice", keuze=chosen)]
        if not item.correct:
            expected = " / ".join(self.basis_label(x) for x in item.expected if x)
            lines.append(self.t("puzzel.feedback.expected", verwacht=expected))
        return lines

    def model_answer_text(self, answer: BasisAnswer) -> str:
        sc, puzzle = self.scenario, self._puzzle()
        assert sc is not None
        lines = []
        for index, choice in answer["keuzes"].items():
            d = puzzle.beslissingen[int(index)]
            lines.append(f"{sc.gegevens[d.gegeven].label.get(self.lang)} — "
                         f"{self.recipient(d.ontvanger, 'spel.facilitator.not_share')}: {self._basis(choice)}")
        return "\n".join(lines)

    def _basis(self, provision_id: str) -> str:
        if provision_id == GEEN_GRONDSLAG:
            return self.t("spel.facilitator.no_basis")
        try:
            return self.book.label(provision_id, self.lang)
        except KeyError:
            return provision_id

    def mistake_recipient(self, mistake: MistakeLike, cases: Sequence[Case]) -> str | None:
        """The recipient of the decision."""
        case = next((c for c in cases if c.key == mistake.key), None)
        return self.role(case.spec.ontvanger) if case is not None else None


class BasisKind(Kind):
    soort = "grondslag"
    model = BasisPuzzle
    words = BasisWords
    legal = True
    separator = "|"

    def cases(self, book: LawBook, sc: Scenario, puzzle: BasisPuzzle, index: int,
              peildatum: dt.date | None = None) -> list[Case]:
        return [make_case(book, sc, puzzle.id, f"beslissing:{d}", spec, spec.gegeven,
                          ("puzzels", index, "beslissingen", d), [spec.gegeven], peildatum=peildatum)
                for d, spec in enumerate(puzzle.beslissingen)]

    def score(self, sc: Scenario, puzzle: BasisPuzzle, cases: list[Case], answer: BasisAnswer) -> list[ItemResult]:
        chosen: dict[str, str] = answer["keuzes"]
        out = []
        for d, (spec, case) in enumerate(zip(puzzle.beslissingen, cases, strict=True)):
            v = case.verdict
            pick = chosen.get(str(d))
            expected = tuple(sorted(set(spec.opties) & v.bases)) if v.decision.shares else (GEEN_GRONDSLAG,)
            label = sc.gegevens[spec.gegeven].label
            if pick is None:
                out.append(ItemResult(case.key, label, "", expected, ErrorKind.ONBEANTWOORD, 0.0, v))
                continue
            if pick not in spec.opties:
                raise ValueError(f"optie {pick!r} staat niet bij beslissing {d}")
            if not v.decision.shares:
                error, credit = (None, 1.0) if pick == GEEN_GRONDSLAG else (ErrorKind.TE_RUIM, 0.0)
            elif pick == GEEN_GRONDSLAG:
                error, credit = ErrorKind.TE_VOORZICHTIG, 0.0
            elif pick in v.bases:
                error, credit = None, 1.0
            else:
                error, credit = ErrorKind.VERKEERDE_GRONDSLAG, 0.5  # the decision to share was right
            out.append(ItemResult(case.key, label, pick, expected, error, credit, v))
        return out

    def model_answer(self, sc: Scenario, puzzle: BasisPuzzle, cases: list[Case]) -> BasisAnswer:
        keuzes = {}
        for d, (spec, case) in enumerate(zip(puzzle.beslissingen, cases, strict=True)):
            valid = [o for o in spec.opties if o in case.verdict.bases] if case.verdict.decision.shares else []
            keuzes[str(d)] = valid[0] if valid else GEEN_GRONDSLAG
        return {"keuzes": keuzes}

    def check_authoring(self, checker: Checker, base: KeyPath, puzzle: BasisPuzzle) -> None:
        provisions = checker.book.provisions
        for d, spec in enumerate(puzzle.beslissingen):
            path = (*base, "beslissingen", d)
            if checker.item((*path, "gegeven"), spec.gegeven):
                checker.request(path, spec, [spec.gegeven])
            for o, opt in enumerate(spec.opties):
                if opt != GEEN_GRONDSLAG and opt not in provisions:
                    guess = checker.suggest(opt, [*provisions, GEEN_GRONDSLAG])
                    checker.add((*path, "opties", o), f"onbekende bepaling '{opt}'",
                                f"bedoelde je '{guess}'?" if guess else
                                "gebruik een id uit escaperoom/rules/law/*.toml of 'geen'")
            if GEEN_GRONDSLAG not in spec.opties:
                checker.add((*path, "opties"), "de optie 'geen' (geen grondslag: niet delen) ontbreekt",
                            "voeg \"geen\" toe aan opties, zodat 'niet delen' te kiezen is", severity="waarschuwing")

    def check_agreement(self, checker: Checker, base: KeyPath, puzzle: BasisPuzzle, cases: list[Case]) -> None:
        for d, (spec, c) in enumerate(zip(puzzle.beslissingen, cases, strict=True)):
            if c.verdict.decision.shares and not set(spec.opties) & c.verdict.bases:
                checker.add((*base, "beslissingen", d, "opties"),
                            "geen enkele optie is een geldige grondslag voor deze beslissing",
                            "geldige grondslagen volgens de engine: " + ", ".join(sorted(c.verdict.bases)))

    def plausible_mistake(self, puzzle: BasisPuzzle, right: BasisAnswer) -> BasisAnswer:
        return {"keuzes": {k: (GEEN_GRONDSLAG if v != GEEN_GRONDSLAG else puzzle.beslissingen[int(k)].opties[0])
                           for k, v in right["keuzes"].items()}}

    def varied_mistake(self, puzzle: BasisPuzzle, right: BasisAnswer, rng: random.Random) -> BasisAnswer:
        picks = dict(right["keuzes"])
        for k in pick_some(rng, sorted(picks)):
            options = [*puzzle.beslissingen[int(k)].opties, GEEN_GRONDSLAG]
            picks[k] = rng.choice([o for o in options if o != picks[k]])
        return {"keuzes": picks}


BASIS = BasisKind()
