"""Turns a puzzle into the legal cases it contains and lets the rule engine judge each one.

A *case* is one data item in one request (``contact`` to ``woningcorporatie``). Used by answer scoring, the
content checker (engine agrees with ``verwacht``?), the ``verdict`` command and the debrief's what-if toggles.
"""

from __future__ import annotations

from dataclasses import dataclass

from escaperoom.content.models import (
    BasisPuzzle, DilemmaPuzzle, Puzzle, RedactPuzzle, RequestSpec, Scenario, SortPuzzle,
)
from escaperoom.rules.engine import evaluate_item
from escaperoom.rules.facts import Consent, DataItem, Request
from escaperoom.rules.lawbook import LawBook
from escaperoom.rules.verdict import Verdict


@dataclass(frozen=True)
class Case:
    """One item of one request, with the engine's verdict. ``key`` is stable within its puzzle."""

    key: str
    puzzle_id: str
    item_id: str
    spec: RequestSpec
    request: Request
    item: DataItem
    verdict: Verdict
    key_path: tuple[str | int, ...]  # where the request sits in the TOML (for error messages)

    def rejudge(self, book: LawBook, *, fact: str | None = None, value: bool | None = None,
                consent: Consent | None = None) -> Verdict:
        """The verdict with one fact flipped ("maar wat als …?")."""
        req = self.request
        if fact is not None and value is not None:
            req = req.with_fact(fact, value)
        if consent is not None:
            req = req.with_consent(consent)
        return evaluate_item(book, req, self.item)


def _case(book: LawBook, sc: Scenario, puzzle_id: str, key: str, spec: RequestSpec, item_id: str,
          path: tuple[str | int, ...], request_items: list[str]) -> Case:
    req = sc.request(spec, request_items)
    item = sc.item(item_id, needed=item_id in spec.nodig)
    return Case(key, puzzle_id, item_id, spec, req, item, evaluate_item(book, req, item), path)


def cases_of(book: LawBook, sc: Scenario, puzzle: Puzzle, index: int) -> list[Case]:
    """All legal cases of a puzzle (empty for volgorde/slot and for dilemmas without a request)."""
    base: tuple[str | int, ...] = ("puzzels", index)
    out: list[Case] = []
    if isinstance(puzzle, SortPuzzle):
        for d, spec in enumerate(puzzle.bestemmingen):
            for card in puzzle.kaarten:
                out.append(_case(book, sc, puzzle.id, f"{card}@{spec.ontvanger}", spec, card,
                                 (*base, "bestemmingen", d), puzzle.kaarten))
    elif isinstance(puzzle, BasisPuzzle):
        for d, spec in enumerate(puzzle.beslissingen):
            out.append(_case(book, sc, puzzle.id, f"beslissing:{d}", spec, spec.gegeven,
                             (*base, "beslissingen", d), [spec.gegeven]))
    elif isinstance(puzzle, RedactPuzzle):
        items = [f.gegeven for f in puzzle.fragmenten if f.gegeven]
        for f, frag in enumerate(puzzle.fragmenten):
            if frag.gegeven:
                out.append(_case(book, sc, puzzle.id, f"fragment:{f}", puzzle.verzoek, frag.gegeven,
                                 (*base, "verzoek"), items))
    elif isinstance(puzzle, DilemmaPuzzle) and puzzle.verzoek is not None:
        for item_id in puzzle.gegevens:
            out.append(_case(book, sc, puzzle.id, item_id, puzzle.verzoek, item_id, (*base, "verzoek"),
                             puzzle.gegevens))
    return out


def judge_scenario(book: LawBook, sc: Scenario) -> dict[str, list[Case]]:
    """Every puzzle's cases, judged once (at load; the verdicts are then looked up while playing)."""
    return {p.id: cases_of(book, sc, p, i) for i, p in enumerate(sc.puzzels)}
