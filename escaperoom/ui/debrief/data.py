"""The debrief's shared state: the sessions found, which are chosen, how they are counted and the debrief built from
them, the facilitator's notes and the group's agreements (``DebriefData``), and ``data_for`` that makes it from
what the CLI or a test hands in. Used by every debrief screen and by ``escaperoom.ui.debrief.flow``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from escaperoom.debrief.agreements import AgreementBook, load_agreements
from escaperoom.debrief.facilitator import FacilitatorNotes, facilitator_notes
from escaperoom.debrief.model import (
    FIRST,
    Debrief,
    PuzzleSummary,
    SessionSet,
    TeamSession,
    build_debrief,
    load_sessions,
)
from escaperoom.kinds.judging import Judged, load_many_judged
from escaperoom.strings import Catalogue


@dataclass
class DebriefData:
    """What the debrief scenes share: the sessions found, which are chosen, the debrief built from them, and the
    folder of the debrief (where its agreements are kept; None: they are kept for this run only)."""

    found: SessionSet
    lang: str = "nl"
    selected: list[str] = field(default_factory=list)  # session ids
    basis: str = FIRST
    divided_first: bool = False
    scenarios: list[Judged] | None = None
    debrief: Debrief | None = None
    folder: Path | None = None
    _notes: tuple[object, FacilitatorNotes | None] = field(default=(None, None), init=False, repr=False)
    _book: AgreementBook | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        if self.scenarios is None:
            self.scenarios, _ = load_many_judged()
        if not self.selected:
            self.selected = [s.session_id for s in self.found.default_selection()]
        self.rebuild()

    def facilitator_notes(self) -> FacilitatorNotes | None:
        """The facilitator's notes of the debrief shown (worked out once per debrief)."""
        if self._notes[0] is not self.debrief:
            self._notes = (self.debrief, facilitator_notes(self.debrief) if self.debrief is not None else None)
        return self._notes[1]

    @property
    def agreements(self) -> AgreementBook:
        """The group's agreements, read from the debrief's folder the first time they are asked for."""
        if self._book is None:
            self._book = load_agreements(self.folder) if self.folder is not None else AgreementBook(None)
        return self._book

    def chosen(self) -> list[TeamSession]:
        ids = set(self.selected)
        return [s for s in self.found.sessions if s.session_id in ids]

    def rebuild(self) -> None:
        chosen = self.chosen()
        self.debrief = (build_debrief(chosen, scenarios=self.scenarios, lang=self.lang, basis=self.basis)
                        if chosen else None)

    def puzzles(self) -> list[PuzzleSummary]:
        return self.debrief.ordered(self.divided_first) if self.debrief else []

    def warnings(self, strings: Catalogue) -> list[str]:
        """What the facilitator should know about the data (unreadable journals, duplicates, versions)."""
        lines = []
        if self.found.broken:
            first = self.found.broken[0]
            broken = strings.t("nabespreking.broken", self.lang, n=len(self.found.broken))
            lines.append(broken + f" ({first.path.name}: {first.reason})")
        lines += [d.line() for d in self.found.duplicates]
        if self.debrief is not None:
            lines += self.debrief.warnings
        return lines


def data_for(sessions: Any, lang: str, selected: Sequence[str] | None = None,
             folder: Path | str | None = None) -> DebriefData:
    """The debrief's state for ``sessions``: a SessionSet, a list of TeamSessions (all chosen) or paths to read
    (the first path is then the debrief's folder, unless ``folder`` names it)."""
    if folder is None and not isinstance(sessions, SessionSet) and sessions and \
            not all(isinstance(s, TeamSession) for s in sessions):
        first = Path(sessions[0])
        folder = first if first.is_dir() else first.parent
    if isinstance(sessions, SessionSet):
        found = sessions
    elif sessions and all(isinstance(s, TeamSession) for s in sessions):
        found = SessionSet(sessions=list(sessions))
        selected = selected or [s.session_id for s in sessions]
    else:
        found = load_sessions([Path(p) for p in (sessions or [])])
    return DebriefData(found, lang=lang, selected=list(selected or []),
                       folder=Path(folder) if folder is not None else None)
