"""Judging a loaded scenario: the rule engine's verdict for every case of every puzzle, the engine's agreement with
what the author expects, and the stale-law warning. One step above ``content`` (which loads and cross-references
only); used by ``escaperoom check``/``verdict``, the game, the debrief and the benchmarks.

    load_judged(path)        -> Judged                       (raises ContentError with every error)
    load_many_judged(paths)  -> ([Judged], [Problem])        (never raises for content)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from escaperoom.content.loader import Checker, Loaded, load_each, load_scenario
from escaperoom.content.models import Scenario
from escaperoom.content.source import TomlDocument
from escaperoom.errors import ContentError, Problem, RuleError
from escaperoom.kinds import Case, cases_of, check_puzzle, kind_of
from escaperoom.rules.lawbook import LawBook, load_lawbook

STALE_MONTHS = 12


@dataclass
class Judged:
    """A scenario that loaded and was judged: the model, its judged cases per puzzle, the source, its warnings."""

    scenario: Scenario
    cases: dict[str, list[Case]]
    doc: TomlDocument
    warnings: list[Problem] = field(default_factory=list)

    @property
    def path(self) -> Path:
        path = self.doc.path
        assert path is not None, "a loaded document always has its file"
        return path


def judge_scenario(book: LawBook, sc: Scenario) -> dict[str, list[Case]]:
    """Every puzzle's cases, judged once (at load; the verdicts are then looked up while playing)."""
    return {p.id: cases_of(book, sc, p, i) for i, p in enumerate(sc.puzzels)}


def judge(loaded: Loaded, book: LawBook | None = None, *, today: dt.date | None = None,
          stale_months: int = STALE_MONTHS) -> Judged:
    """Judge a loaded scenario; raises :class:`ContentError` when the engine cannot judge it or disagrees with the
    author (the loader's warnings are kept, a stale-law warning added)."""
    book = book or load_lawbook()
    sc = loaded.scenario
    checker = Checker(sc, loaded.doc, book)
    try:
        cases = judge_scenario(book, sc)
    except RuleError as err:
        checker.add(("puzzels",), f"de rule engine kan deze casus niet beoordelen: {err}")
        raise ContentError(checker.problems) from None
    _agreement(checker, sc, cases)
    errors = [p for p in checker.problems if p.severity == "fout"]
    if errors:
        raise ContentError(errors)
    warnings = [*loaded.warnings, *checker.problems]
    warnings += _stale(cases, loaded.doc, book, today or dt.date.today(), stale_months)
    return Judged(sc, cases, loaded.doc, warnings)


def load_judged(path: Path, book: LawBook | None = None, *, today: dt.date | None = None,
                stale_months: int = STALE_MONTHS) -> Judged:
    """Load one scenario file and judge it; raises :class:`ContentError` with every error found."""
    book = book or load_lawbook()
    return judge(load_scenario(path, book, puzzle_checks=check_puzzle), book, today=today, stale_months=stale_months)


def load_many_judged(paths: Sequence[Path] | None = None, book: LawBook | None = None, *, today: dt.date | None = None,
                     stale_months: int = STALE_MONTHS) -> tuple[list[Judged], list[Problem]]:
    """Load and judge every file; returns what loaded and every problem (errors and warnings), never raises for
    content."""
    return load_each(paths, lambda path: load_judged(path, book, today=today, stale_months=stale_months))


def _agreement(checker: Checker, sc: Scenario, cases: dict[str, list[Case]]) -> None:
    """The engine must agree with every ``verwacht`` the author wrote; and every puzzle must be solvable."""
    for index, p in enumerate(sc.puzzels):
        own = cases[p.id]
        for c in own:
            expected = c.spec.verwacht.get(c.item_id)
            if expected is not None and expected is not c.verdict.decision:
                checker.add((*c.key_path, "verwacht", c.item_id) if c.key_path[-1] != "verzoek" else
                            (*c.key_path, "verwacht"),
                            f"de rule engine zegt '{c.verdict.decision.value}' voor '{c.item_id}' "
                            f"(regel {c.verdict.rule}), de puzzel verwacht '{expected.value}'",
                            "lees de uitleg met 'escaperoom verdict " + str(checker.doc.path) + "'; pas de feiten of "
                            "'verwacht' aan, of meld een fout in de engine")
        kind_of(p).check_agreement(checker, ("puzzels", index), p, own)


def _stale(cases: dict[str, list[Case]], doc: TomlDocument, book: LawBook, today: dt.date,
           months: int) -> list[Problem]:
    used = {cit for cs in cases.values() for c in cs for cit in c.verdict.citations}
    stale = [p for p in book.stale(today, months) if p.id in used]
    return [Problem(doc.path, f"{p.citation} is voor het laatst gecontroleerd op {p.gecontroleerd:%d-%m-%Y}, langer "
                              f"dan {months} maanden geleden; de wet kan veranderd zijn",
                    key="scenario", line=doc.line_of(("scenario",)), severity="waarschuwing",
                    hint=f"controleer de tekst op {p.url} en werk 'gecontroleerd' bij in {p.file.name}")
            for p in stale]
