"""Judging a loaded scenario: the rule engine's verdict for every case of every puzzle, the engine's agreement with
what the author expects, and the stale-law warning. One step above ``content`` (which loads and cross-references
only); used by ``escaperoom check``/``verdict``, the game, the debrief and the benchmarks.

    load_judged(path)        -> Judged                       (raises ContentError with every error)
    load_many_judged(paths)  -> ([Judged], [Problem])        (never raises for content)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from escaperoom.content.levels import DEFAULT_LEVEL, LEVELS, has_levels, merge_level_problems
from escaperoom.content.loader import Checker, Loaded, load_each, load_scenario
from escaperoom.content.models import Scenario
from escaperoom.content.source import TomlDocument, read_toml
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
    peildatum: dt.date = field(default_factory=dt.date.today)  # the day whose law judged the cases
    level: str | None = None  # the speelniveau this is the casus at (None: loaded without levels)
    leveled: bool = False  # the file marks parts as belonging to one level (the levels differ)
    levels: dict[str, Judged] = field(default_factory=dict, repr=False)  # every level of the casus (this one too)

    @property
    def path(self) -> Path:
        path = self.doc.path
        assert path is not None, "a loaded document always has its file"
        return path

    def at_level(self, level: str | None) -> Judged:
        """The casus at ``level`` (``basis`` / ``verdieping``); itself for None or a level it does not know."""
        return self.levels.get(level, self) if level else self


def judge_scenario(book: LawBook, sc: Scenario, peildatum: dt.date | None = None) -> dict[str, list[Case]]:
    """Every puzzle's cases, judged once by the law on ``peildatum`` (default: today) at load; the verdicts are then
    looked up while playing."""
    return {p.id: cases_of(book, sc, p, i, peildatum) for i, p in enumerate(sc.puzzels)}


def judge(loaded: Loaded, book: LawBook | None = None, *, today: dt.date | None = None,
          stale_months: int = STALE_MONTHS, peildatum: dt.date | None = None) -> Judged:
    """Judge a loaded scenario by the law on ``peildatum`` (default: ``today``, default the real today); raises
    :class:`ContentError` when the engine cannot judge it or disagrees with the author. The loader's warnings are
    kept; warnings are added for provisions not checked for ``stale_months`` and for provisions the verdicts rest on
    that were replaced or reworded after they were last checked."""
    book = book or load_lawbook()
    today = today or dt.date.today()
    sc = loaded.scenario
    checker = Checker(sc, loaded.doc, book)
    try:
        cases = judge_scenario(book, sc, peildatum or today)
    except RuleError as err:
        checker.add(("puzzels",), f"de rule engine kan deze casus niet beoordelen: {err}")
        raise ContentError(checker.problems) from None
    _agreement(checker, sc, cases)
    errors = [p for p in checker.problems if p.severity == "fout"]
    if errors:
        raise ContentError(errors)
    warnings = [*loaded.warnings, *checker.problems]
    warnings += _stale(cases, loaded.doc, book, today, stale_months)
    warnings += _changed(cases, loaded.doc, book, peildatum or today)
    return Judged(sc, cases, loaded.doc, warnings, peildatum or today)


def load_judged(path: Path, book: LawBook | None = None, *, today: dt.date | None = None,
                stale_months: int = STALE_MONTHS, peildatum: dt.date | None = None) -> Judged:
    """Load one scenario file and judge it (by the law on ``peildatum``, default today); raises
    :class:`ContentError` with every error found. Returns the casus at its default level (the whole case), with
    every level in ``levels``; a file that marks nothing per level plays the same at both."""
    book = book or load_lawbook()

    def one(level: str | None) -> Judged:
        return judge(load_scenario(path, book, puzzle_checks=check_puzzle, level=level), book, today=today,
                     stale_months=stale_months, peildatum=peildatum)

    if not has_levels(read_toml(path).data):
        plain = one(None)
        plain.levels = {lvl: replace(plain, level=lvl) for lvl in LEVELS}
        for each in plain.levels.values():
            each.levels = plain.levels
        return plain.levels[DEFAULT_LEVEL]
    judged: dict[str, Judged] = {}
    errors: dict[str, list[Problem]] = {}
    for level in LEVELS:
        try:
            judged[level] = one(level)
        except ContentError as err:
            errors[level] = err.problems
    if errors:
        raise ContentError(merge_level_problems(errors))
    warnings = merge_level_problems({lvl: j.warnings for lvl, j in judged.items()})
    for level, each in judged.items():
        each.level, each.leveled, each.levels = level, True, judged
    judged[DEFAULT_LEVEL].warnings = warnings
    return judged[DEFAULT_LEVEL]


def load_many_judged(paths: Sequence[Path] | None = None, book: LawBook | None = None, *, today: dt.date | None = None,
                     stale_months: int = STALE_MONTHS,
                     peildatum: dt.date | None = None) -> tuple[list[Judged], list[Problem]]:
    """Load and judge every file; returns what loaded and every problem (errors and warnings), never raises for
    content."""
    return load_each(paths, lambda path: load_judged(path, book, today=today, stale_months=stale_months,
                                                     peildatum=peildatum))


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


_CHANGE_WORDS = {"vervallen": "geldt niet meer sinds {day}", "nieuwe_tekst": "heeft sinds {day} een nieuwe tekst"}


def _changed(cases: dict[str, list[Case]], doc: TomlDocument, book: LawBook, peildatum: dt.date) -> list[Problem]:
    """A warning for every provision a verdict of this casus cites that stopped applying or was reworded after the
    day it was last checked (up to the peildatum): the casus may rest on law that changed under it."""
    used = {cit for cs in cases.values() for c in cs for cit in c.verdict.citations}
    out: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for pid in sorted(used):
        if pid not in book.provisions:
            continue
        checked = book[pid].gecontroleerd
        for change in book.provisions_replaced_since(checked, peildatum):
            if change.provision != pid or (pid, change.kind) in seen:
                continue
            seen.add((pid, change.kind))
            what = _CHANGE_WORDS.get(change.kind, "is gewijzigd op {day}").format(day=f"{change.day:%d-%m-%Y}")
            replaced = f" (vervangen door {book.cite(change.replaced_by)})" if change.replaced_by in book.provisions \
                else ""
            out.append(Problem(doc.path, f"{book.cite(pid, on=checked)} {what}{replaced}, na de laatste controle op "
                                         f"{checked:%d-%m-%Y}; de oordelen van deze casus kunnen daarop rusten",
                               key="scenario", line=doc.line_of(("scenario",)), severity="waarschuwing",
                               hint=f"controleer de tekst op {book[pid].url}, pas de casus zo nodig aan en werk "
                                    f"'gecontroleerd' bij in {book[pid].file.name}"))
    return out
