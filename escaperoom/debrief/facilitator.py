"""What only the facilitator sees of a debrief: per puzzle the answer key (the model answer in words) and the points
the verdicts rest on that are uncertain (with the deciding rule and the facilitator's notes), and which version of
the law judged the casus (the peildatum, the text versions of the laws cited).

Used by the big screen's facilitator panel (``escaperoom.ui.debrief.panel``, behind a key, never projected by
default) and by the report's "Voor de begeleider" section. Pure (no pygame). Texts in the debrief's language from
``nabespreking.begeleider.*`` in assets/strings/nabespreking.toml.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from escaperoom.debrief.model import Debrief
from escaperoom.kinds import model_answer, words_for
from escaperoom.kinds.judging import Judged
from escaperoom.kinds.words import default_catalogue
from escaperoom.play.records import StartRecord


def say(key: str, lang: str, **values: Any) -> str:
    """A facilitator text (``nabespreking.begeleider.<key>``) in ``lang``."""
    return default_catalogue().t(f"nabespreking.begeleider.{key}", lang, **values)


@dataclass(frozen=True)
class Doubt:
    """An uncertain point behind verdicts of one puzzle: which items and recipients, the deciding rule, the notes."""

    where: str  # "Naam, adres … → Gemeente, schuldhulpverlening; Hoogte huurachterstand → …"
    rule: str
    notes: tuple[str, ...]


@dataclass(frozen=True)
class PuzzleKey:
    """One puzzle for the facilitator: its answer in words (a line per item) and its uncertain points."""

    id: str
    title: str
    answer: tuple[str, ...]
    doubts: tuple[Doubt, ...]


@dataclass(frozen=True)
class FacilitatorNotes:
    """The facilitator's notes of one debrief: the law's version, what to know about the data, the puzzles."""

    law: tuple[str, ...]
    warnings: tuple[str, ...]
    puzzles: tuple[PuzzleKey, ...]

    def puzzle(self, puzzle_id: str | None) -> PuzzleKey | None:
        return next((p for p in self.puzzles if p.id == puzzle_id), None)


def _day(day: dt.date) -> str:
    return f"{day:%d-%m-%Y}"


def played_peildata(d: Debrief) -> list[dt.date]:
    """The days whose law the teams' games judged by (from their journals' start records), oldest first."""
    days: set[dt.date] = set()
    for s in d.sessions:
        start = s.steps[0].typed if s.steps else None
        if isinstance(start, StartRecord) and start.law_day is not None:
            days.add(start.law_day)
    return sorted(days)


def law_lines(d: Debrief, lang: str) -> tuple[str, ...]:
    """Which law judged: the peildatum of the verdicts here, the teams' own when it differs, and the text version
    of every law the casus cites."""
    loaded = d.loaded
    if loaded is None:
        return (say("law_missing", lang),)
    lines = [say("law_day", lang, day=_day(loaded.peildatum))]
    played = played_peildata(d)
    if played and played != [loaded.peildatum]:
        lines.append(say("law_played", lang, days=", ".join(_day(p) for p in played)))
    seen: dict[str, None] = {}
    for cases in loaded.cases.values():
        for case in cases:
            for pid in case.verdict.citations:
                if pid in d.book.provisions:
                    seen.setdefault(d.book[pid].instrument.id, None)
    dated, undated = [], []
    for iid in seen:
        inst = d.book.instruments[iid]
        if inst.tekstversie:
            dated.append(say("law_text", lang, law=inst.afkorting, version=_day(inst.tekstversie)))
        else:
            undated.append(inst.afkorting)
    if dated or undated:
        versions = ", ".join(dated)
        if undated:
            versions += ("; " if dated else "") + say("no_version", lang, laws=", ".join(undated))
        lines.append(say("law_versions", lang, x=versions))
    return tuple(lines)


def _doubts(d: Debrief, loaded: Judged, puzzle_id: str, lang: str) -> tuple[Doubt, ...]:
    """The doubtful verdicts of one puzzle, the same rule and notes once, with every item and recipient."""
    grouped: dict[tuple[str, tuple[str, ...]], list[str]] = {}
    for case in loaded.cases.get(puzzle_id, []):
        v = case.verdict
        if not v.doubtful:
            continue
        notes = tuple(dict.fromkeys(n.text.get(lang) for n in v.notes if n.carries)) or v.facilitator_notes(lang)
        role = d.book.roles.get(case.request.ontvanger)
        recipient = role.naam.get(lang) if role else case.request.ontvanger
        grouped.setdefault((v.rule, notes), []).append(f"{case.item.label.get(lang)} → {recipient}")
    return tuple(Doubt("; ".join(dict.fromkeys(where)), rule, notes) for (rule, notes), where in grouped.items())


def puzzle_key(d: Debrief, puzzle_id: str, lang: str | None = None) -> PuzzleKey | None:
    """The facilitator's view of one puzzle, or None when the casus is not on this computer (or has no such
    puzzle)."""
    lang = lang or d.lang
    loaded = d.loaded
    if loaded is None:
        return None
    sc = loaded.scenario
    puzzle = next((p for p in sc.puzzels if p.id == puzzle_id), None)
    if puzzle is None:
        return None
    words = words_for(puzzle, sc, d.book, lang, strings=default_catalogue())
    answer = words.model_answer_text(model_answer(sc, puzzle, loaded.cases.get(puzzle.id, [])))
    lines = tuple(line for line in answer.splitlines() if line.strip())
    return PuzzleKey(puzzle.id, puzzle.titel.get(lang), lines, _doubts(d, loaded, puzzle.id, lang))


def facilitator_notes(d: Debrief, lang: str | None = None) -> FacilitatorNotes:
    """Everything the facilitator may want during the debrief: law version, data warnings, and per puzzle of the
    casus (the lock too: its code) the answer key and the uncertain points."""
    lang = lang or d.lang
    keys: list[PuzzleKey] = []
    if d.loaded is not None:
        for p in d.loaded.scenario.puzzels:
            key = puzzle_key(d, p.id, lang)
            if key is not None:
                keys.append(key)
    return FacilitatorNotes(law_lines(d, lang), tuple(d.warnings), tuple(keys))

