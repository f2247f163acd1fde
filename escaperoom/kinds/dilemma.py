"""Dilemma: choose one of the options and give a reason; several options may be acceptable.

Answer: ``{"keuze": option_index, "reden": "text"}``. With a ``verzoek`` the engine decides which options are
acceptable (an option that shares what may not be shared is too wide, one that keeps back what must be shared
too cautious); without one the author says so (``aanvaardbaar``). Screen: ``ui/puzzles/dilemma.py``.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from typing import TypedDict

from escaperoom.content.loader import Checker, KeyPath
from escaperoom.content.models import DilemmaPuzzle, Scenario
from escaperoom.kinds.base import Kind
from escaperoom.kinds.cases import Case, make_case
from escaperoom.kinds.results import ErrorKind, ItemResult
from escaperoom.kinds.words import MistakeLike, Spread, Words, int_or_none, shorter
from escaperoom.rules.facts import Decision
from escaperoom.rules.lawbook import LawBook
from escaperoom.text import Text


class DilemmaAnswer(TypedDict):
    keuze: int
    reden: str


def option_error(puzzle: DilemmaPuzzle, cases: Sequence[Case], option: int) -> ErrorKind | None:
    """The error an option makes: derived from the engine when the option lists what it shares."""
    opt = puzzle.opties[option]
    if opt.deelt is not None and cases:
        shared = set(opt.deelt)
        for c in cases:
            if c.item_id in shared and not c.verdict.decision.shares:
                return ErrorKind.TE_RUIM
        for c in cases:
            if c.item_id not in shared and c.verdict.decision is Decision.MOET:
                return ErrorKind.TE_VOORZICHTIG
        return None
    return None if opt.aanvaardbaar else ErrorKind.NIET_AANVAARDBAAR


def acceptable_options(puzzle: DilemmaPuzzle, cases: Sequence[Case]) -> list[int]:
    return [i for i in range(len(puzzle.opties)) if option_error(puzzle, cases, i) is None]


class DilemmaWords(Words):
    def _answer(self, answer: str, recorded: str) -> str:
        option = int_or_none(answer)
        opties = self.puzzle.opties if isinstance(self.puzzle, DilemmaPuzzle) else None
        if option is not None and opties and 0 <= option < len(opties):
            return opties[option].tekst.get(self.lang)
        if recorded:
            return recorded
        return self.spread("option_only", n=option + 1) if option is not None else answer

    def expected(self, expected: Sequence[str]) -> str:
        parts = [p for p in expected if p]
        return self.spread("or").join(self.answer(p) for p in parts) if parts else "–"

    def label(self, key: str, recorded: str) -> str:
        """The question (the recorded label is the chosen option's text)."""
        if isinstance(self.puzzle, DilemmaPuzzle):
            return self.puzzle.vraag.get(self.lang)
        return self.spread("team_choice")

    def _sentence(self, spread: Spread, label: str, answer: str, recorded: str) -> str:
        return spread.say("dilemma", option=self.answer(answer, recorded))

    def csv(self, key: str, recorded: str, answer: str, expected: Sequence[str]) -> tuple[str, str, str]:
        """The question as the item, the chosen option as the answer."""
        return self.describe(key, answer, expected, recorded)

    def item_cases(self, cases: Sequence[Case], key: str) -> list[Case]:
        return list(cases)

    def law_who(self, case: Case) -> str:
        return f"{self.role(case.request.ontvanger)} ({case.item.label.get(self.lang)})"

    def feedback_lines(self, item: ItemResult, reason: str) -> list[str]:
        return [self.t("puzzel.feedback.reason", reden=reason)] if reason else []

    def model_answer_text(self, answer: DilemmaAnswer) -> str:
        assert isinstance(self.puzzle, DilemmaPuzzle)
        option = self.puzzle.opties[int(answer["keuze"])]
        return f"{option.tekst.get(self.lang)}\n{option.uitleg.get(self.lang)}"

    def mistake_sentences(self, mistake: MistakeLike, mistakes: Sequence[MistakeLike], cases: Sequence[Case],
                          word: str, resident: str) -> tuple[str, ...]:
        """The option the team chose and what it meant for the resident."""
        effect = {ErrorKind.TE_RUIM: "spel.end.effect_wide", ErrorKind.TE_VOORZICHTIG: "spel.end.effect_careful"}
        t = self.t
        tail = t(effect[mistake.kind], naam=resident) if mistake.kind in effect else t("spel.end.effect_other")
        return tuple(t("spel.end.m_choice", woord=word, keuze=text, gevolg=tail)
                     for text in shorter(mistake.label.get(self.lang)))


class DilemmaKind(Kind):
    soort = "dilemma"
    model = DilemmaPuzzle
    words = DilemmaWords
    legal = False
    separator = "|"

    def cases(self, book: LawBook, sc: Scenario, puzzle: DilemmaPuzzle, index: int,
              peildatum: dt.date | None = None) -> list[Case]:
        if puzzle.verzoek is None:
            return []
        return [make_case(book, sc, puzzle.id, item_id, puzzle.verzoek, item_id, ("puzzels", index, "verzoek"),
                          puzzle.gegevens, peildatum=peildatum)
                for item_id in puzzle.gegevens]

    def score(self, sc: Scenario, puzzle: DilemmaPuzzle, cases: list[Case], answer: DilemmaAnswer) -> list[ItemResult]:
        choice = int(answer["keuze"])
        if not 0 <= choice < len(puzzle.opties):
            raise ValueError("keuze buiten de opties")
        error = option_error(puzzle, cases, choice)
        acceptable = tuple(str(i) for i in acceptable_options(puzzle, cases))
        return [ItemResult("keuze", puzzle.opties[choice].tekst, str(choice), acceptable, error,
                           0.0 if error else 1.0, explanation=puzzle.opties[choice].uitleg)]

    def model_answer(self, sc: Scenario, puzzle: DilemmaPuzzle, cases: list[Case]) -> DilemmaAnswer:
        best = next(i for i in range(len(puzzle.opties)) if option_error(puzzle, cases, i) is None)
        return {"keuze": best, "reden": ""}

    def check_authoring(self, checker: Checker, base: KeyPath, puzzle: DilemmaPuzzle) -> None:
        for g, item_id in enumerate(puzzle.gegevens):
            checker.item((*base, "gegevens", g), item_id)
        if (puzzle.verzoek is None) != (not puzzle.gegevens):
            checker.add((*base, "verzoek"), "een dilemma met 'verzoek' noemt ook 'gegevens' (en omgekeerd)",
                        "geef beide, of geen van beide")
        if puzzle.verzoek is not None:
            checker.request((*base, "verzoek"), puzzle.verzoek, puzzle.gegevens)
        for o, opt in enumerate(puzzle.opties):
            path = (*base, "opties", o)
            if opt.deelt is None and opt.aanvaardbaar is None:
                checker.add(path, "deze optie zegt niet of ze aanvaardbaar is",
                            "schrijf aanvaardbaar = true/false, of deelt = [ ... ] met een verzoek")
            if opt.deelt is not None:
                if puzzle.verzoek is None:
                    checker.add((*path, "deelt"), "'deelt' werkt alleen als de puzzel een verzoek heeft",
                                "voeg [puzzels.verzoek] toe of gebruik aanvaardbaar = true/false")
                for item_id in opt.deelt:
                    if item_id not in puzzle.gegevens:
                        checker.add((*path, "deelt"), f"'{item_id}' staat niet in de gegevens van dit dilemma",
                                    "noem alleen gegevens uit 'gegevens'")

    def check_agreement(self, checker: Checker, base: KeyPath, puzzle: DilemmaPuzzle, cases: list[Case]) -> None:
        if not acceptable_options(puzzle, cases):
            checker.add((*base, "opties"), "geen enkele optie is aanvaardbaar", "maak minstens één optie aanvaardbaar")
        for o, opt in enumerate(puzzle.opties):
            if opt.deelt is not None and opt.aanvaardbaar is not None and cases:
                derived = option_error(puzzle, cases, o) is None
                if derived != opt.aanvaardbaar:
                    checker.add((*base, "opties", o, "aanvaardbaar"),
                                f"de engine vindt deze optie {'wel' if derived else 'niet'} aanvaardbaar",
                                "laat 'aanvaardbaar' weg, of pas 'deelt' aan")

    def plausible_mistake(self, puzzle: DilemmaPuzzle, right: DilemmaAnswer) -> DilemmaAnswer:
        other = next(i for i in range(len(puzzle.opties)) if i != right["keuze"])
        return {"keuze": other, "reden": ""}

    def varied_mistake(self, puzzle: DilemmaPuzzle, right: DilemmaAnswer, rng: random.Random) -> DilemmaAnswer:
        return {"keuze": rng.choice([i for i in range(len(puzzle.opties)) if i != right["keuze"]]), "reden": ""}

    def another_right_answer(self, puzzle: DilemmaPuzzle, cases: list[Case], right: DilemmaAnswer,
                             rng: random.Random) -> DilemmaAnswer:
        """Right, but which good option? One of the acceptable ones, at random."""
        return {**right, "keuze": rng.choice(acceptable_options(puzzle, cases) or [right["keuze"]])}

    def reason_choices(self, puzzle: DilemmaPuzzle) -> Sequence[Text]:
        return puzzle.redenen

    def with_reason(self, answer: DilemmaAnswer, reason: str) -> DilemmaAnswer:
        return {**answer, "reden": reason}


DILEMMA = DilemmaKind()
