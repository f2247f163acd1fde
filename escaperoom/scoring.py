"""Answer checking: compare a team's answer with the engine's verdicts, per item, and name each error.

Error kinds: *te ruim* (shared what may not be shared), *te voorzichtig* (held back what must or usefully may be
shared), *verkeerde grondslag* (right decision, wrong basis), plus *verkeerde volgorde* and *niet aanvaardbaar*
for the non-legal kinds. Partial credit per item. Used by the session; answers are plain JSON-able dicts:

    sorteren     {"plaatsing": {card_id: recipient_role | "niet_delen"}}
    grondslag    {"keuzes": {"0": provision_id | "geen", ...}}
    zwartlakken  {"zwart": [fragment_index, ...]}
    volgorde     {"volgorde": [step_index_as_written, ...]}   (the team's order)
    dilemma      {"keuze": option_index, "reden": "text"}
    slot         {"code": "4A7"}
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from escaperoom.content.models import (
    GEEN_GRONDSLAG, NIET_DELEN, BasisPuzzle, DilemmaPuzzle, LockPuzzle, OrderPuzzle, Puzzle, RedactPuzzle,
    Scenario, SortPuzzle,
)
from escaperoom.judge import Case
from escaperoom.rules.facts import Decision
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
    key: str
    label: Text
    answer: str  # what the team did, machine-readable (recipient id, option id, "zwart", position …)
    expected: str  # what the law (or the author) expects, machine-readable
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


def check_answer(sc: Scenario, puzzle: Puzzle, cases: list[Case], answer: dict[str, Any]) -> PuzzleResult:
    """Score an answer. Raises :class:`AnswerError` when the answer's shape does not fit the puzzle."""
    try:
        items = _CHECKERS[type(puzzle)](sc, puzzle, cases, answer)
    except (KeyError, TypeError, ValueError, IndexError, AttributeError) as err:
        raise AnswerError(f"antwoord past niet bij puzzel '{puzzle.id}': {err!r}") from None
    return PuzzleResult(puzzle.id, tuple(items))


def _sort(sc: Scenario, p: SortPuzzle, cases: list[Case], answer: dict) -> list[ItemResult]:
    placed: dict[str, str] = answer["plaatsing"]
    recipients = {spec.ontvanger for spec in p.bestemmingen}
    out = []
    for card in p.kaarten:
        own = [c for c in cases if c.item_id == card]
        must_to = [c.spec.ontvanger for c in own if c.verdict.decision is Decision.MOET]
        ok_to = must_to or [c.spec.ontvanger for c in own if c.verdict.decision.shares]  # a duty beats a permission
        expected = ",".join(ok_to) or NIET_DELEN
        dest = placed.get(card)
        if dest is None:
            out.append(ItemResult(card, sc.gegevens[card].label, "", expected, ErrorKind.ONBEANTWOORD, 0.0, own[0].verdict))
            continue
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
        out.append(ItemResult(card, sc.gegevens[card].label, dest, expected, error, 0.0 if error else 1.0, verdict))
    return out


def _basis(sc: Scenario, p: BasisPuzzle, cases: list[Case], answer: dict) -> list[ItemResult]:
    chosen: dict[str, str] = answer["keuzes"]
    out = []
    for d, (spec, case) in enumerate(zip(p.beslissingen, cases, strict=True)):
        v = case.verdict
        pick = chosen.get(str(d))
        valid = sorted(set(spec.opties) & v.bases) if v.decision.shares else [GEEN_GRONDSLAG]
        expected = "|".join(valid)
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


def _redact(sc: Scenario, p: RedactPuzzle, cases: list[Case], answer: dict) -> list[ItemResult]:
    black = {int(i) for i in answer["zwart"]}
    if any(i < 0 or i >= len(p.fragmenten) for i in black):
        raise ValueError("fragmentnummer buiten het document")
    by_key = {c.key: c for c in cases}
    out = []
    for f, frag in enumerate(p.fragmenten):
        if not frag.gegeven:
            continue
        case = by_key[f"fragment:{f}"]
        shares = case.verdict.decision.shares
        hidden = f in black
        error = (ErrorKind.TE_VOORZICHTIG if hidden and shares else ErrorKind.TE_RUIM if not hidden and not shares else None)
        out.append(ItemResult(case.key, sc.gegevens[frag.gegeven].label, "zwart" if hidden else "zichtbaar",
                              "zichtbaar" if shares else "zwart", error, 0.0 if error else 1.0, case.verdict))
    return out


def _order(sc: Scenario, p: OrderPuzzle, cases: list[Case], answer: dict) -> list[ItemResult]:
    order = [int(i) for i in answer["volgorde"]]
    if sorted(order) != list(range(len(p.stappen))):
        raise ValueError("de volgorde moet elke stap precies één keer bevatten")
    return [ItemResult(f"positie:{pos}", p.stappen[step], str(step), str(pos),
                       None if step == pos else ErrorKind.VERKEERDE_VOLGORDE, 1.0 if step == pos else 0.0,
                       explanation=p.uitleg)
            for pos, step in enumerate(order)]


def dilemma_option_errors(p: DilemmaPuzzle, cases: list[Case], option: int) -> ErrorKind | None:
    """The error an option makes: derived from the engine when the option lists what it shares."""
    opt = p.opties[option]
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


def _dilemma(sc: Scenario, p: DilemmaPuzzle, cases: list[Case], answer: dict) -> list[ItemResult]:
    choice = int(answer["keuze"])
    if not 0 <= choice < len(p.opties):
        raise ValueError("keuze buiten de opties")
    error = dilemma_option_errors(p, cases, choice)
    acceptable = [str(i) for i in range(len(p.opties)) if dilemma_option_errors(p, cases, i) is None]
    return [ItemResult("keuze", p.opties[choice].tekst, str(choice), "|".join(acceptable), error,
                       0.0 if error else 1.0, explanation=p.opties[choice].uitleg)]


def _lock(sc: Scenario, p: LockPuzzle, cases: list[Case], answer: dict) -> list[ItemResult]:
    code = str(answer["code"]).strip().upper()
    expected = lock_code(sc)
    return [ItemResult("code", p.titel, code, expected, None if code == expected else ErrorKind.NIET_AANVAARDBAAR,
                       1.0 if code == expected else 0.0)]


def lock_code(sc: Scenario) -> str:
    lock = sc.lock
    return "".join(sc.puzzle(pid).beloning for pid in lock.codes_van) if lock else ""


def model_answer(sc: Scenario, puzzle: Puzzle, cases: list[Case]) -> dict[str, Any]:
    """The correct answer in answer format: for the facilitator's "show answer" and for autoplay."""
    if isinstance(puzzle, SortPuzzle):
        placing = {}
        for card in puzzle.kaarten:
            ok = [c for c in cases if c.item_id == card and c.verdict.decision.shares]
            ok.sort(key=lambda c: c.verdict.decision is not Decision.MOET)
            placing[card] = ok[0].spec.ontvanger if ok else NIET_DELEN
        return {"plaatsing": placing}
    if isinstance(puzzle, BasisPuzzle):
        keuzes = {}
        for d, (spec, case) in enumerate(zip(puzzle.beslissingen, cases, strict=True)):
            valid = [o for o in spec.opties if o in case.verdict.bases] if case.verdict.decision.shares else []
            keuzes[str(d)] = valid[0] if valid else GEEN_GRONDSLAG
        return {"keuzes": keuzes}
    if isinstance(puzzle, RedactPuzzle):
        by_key = {c.key: c for c in cases}
        return {"zwart": [f for f, fr in enumerate(puzzle.fragmenten)
                          if fr.gegeven and not by_key[f"fragment:{f}"].verdict.decision.shares]}
    if isinstance(puzzle, OrderPuzzle):
        return {"volgorde": list(range(len(puzzle.stappen)))}
    if isinstance(puzzle, DilemmaPuzzle):
        best = next(i for i in range(len(puzzle.opties)) if dilemma_option_errors(puzzle, cases, i) is None)
        return {"keuze": best, "reden": ""}
    if isinstance(puzzle, LockPuzzle):
        return {"code": lock_code(sc)}
    raise TypeError(type(puzzle))


_CHECKERS = {SortPuzzle: _sort, BasisPuzzle: _basis, RedactPuzzle: _redact, OrderPuzzle: _order,
             DilemmaPuzzle: _dilemma, LockPuzzle: _lock}
