"""Team sessions read back from their journals: per puzzle the attempts, hints, time and skips, and the timeline.

The debrief reads **records**, not a session: every journal record is parsed with :mod:`escaperoom.play.records`
(the one home of the journal's vocabulary) and folded into a :class:`TeamSession`. Used by the aggregation
(:mod:`escaperoom.debrief.model`, which also re-exports these names), the reports and the debrief screens. A
journal that cannot be used is listed in :attr:`SessionSet.broken` with a Dutch reason and never raised; a damaged
record inside a usable journal is skipped with a warning on that session. Pure (no pygame).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from escaperoom.errors import EscapeRoomError, SaveError
from escaperoom.kinds import is_lock_kind, read_expected
from escaperoom.play.records import (
    GOOD,
    Action,
    AttemptRecord,
    BadRecord,
    EndRecord,
    FacilitatorRecord,
    HintRecord,
    ItemRecord,
    Record,
    StartRecord,
    UnknownRecord,
    applied_records,
    counts_as_decision,
    parse_record,
    stamp,
)
from escaperoom.storage.journal import read_journal
from escaperoom.storage.saves import JOURNAL_NAME

UNKNOWN_TEAM = "Onbekend team"
_MAX_DEPTH = 4  # how deep a folder is searched for journals (saves/<laptop>/<session>/journal.jsonl fits)


@dataclass(frozen=True)
class ItemDecision:
    """One item of one attempt, as the journal recorded it: what the team did against what the law says."""

    key: str
    label: str
    answer: str
    expected: tuple[str, ...]  # every right answer, read back with the kind's journal form (see ``kinds``)
    error: str | None  # None = right; else an ErrorKind value ("te_ruim", ...)
    points: float
    verdict: str | None = None  # the engine's decision for the team's choice ("mag_delen", ...); None if not legal
    rule: str | None = None
    bases: tuple[str, ...] = ()
    citations: tuple[str, ...] = ()
    explanation: str = ""  # the explanation the team saw for this item (``uitleg``; older journals have none)

    @property
    def correct(self) -> bool:
        return self.error is None

    @classmethod
    def of(cls, item: ItemRecord, kind: str = "") -> ItemDecision:
        """One item of an attempt record of puzzle kind ``kind`` (the record's ``soort``)."""
        return cls(key=item.key, label=item.label, answer=item.answer, expected=read_expected(kind, item.expected),
                   error=item.error, points=item.points, verdict=item.decision or None, rule=item.rule or None,
                   bases=item.bases, citations=item.citations, explanation=(item.explanation or "").strip())


@dataclass(frozen=True)
class Attempt:
    """One ``poging`` record: the answer of one try at one puzzle, per item."""

    seq: int
    t: str
    puzzle: str
    kind: str
    number: int
    items: tuple[ItemDecision, ...]
    reason: str
    score: float
    solved: bool
    hints: int
    elapsed_s: float | None
    stability: int | None
    answer: dict[str, Any]

    def item(self, key: str) -> ItemDecision | None:
        return next((i for i in self.items if i.key == key), None)

    def count(self, kind: str) -> int:
        return sum(1 for i in self.items if i.error == kind)

    @property
    def right(self) -> int:
        return sum(1 for i in self.items if i.correct)

    @classmethod
    def of(cls, record: AttemptRecord, seq: int, t: str) -> Attempt:
        """The attempt of a parsed record written as record ``seq`` at time ``t``."""
        return cls(seq=seq, t=t, puzzle=record.puzzle, kind=record.kind, number=record.number,
                   items=tuple(ItemDecision.of(i, record.kind) for i in record.items), reason=record.reason,
                   score=record.score, solved=record.solved, hints=record.hints, elapsed_s=record.clock.elapsed_s,
                   stability=record.stability, answer=record.answer)


@dataclass
class PuzzleTrack:
    """Everything one team did at one puzzle."""

    puzzle: str
    kind: str = ""
    attempts: list[Attempt] = field(default_factory=list)
    hints: int = 0
    seconds: float = 0.0
    skipped: bool = False
    answer_shown: bool = False

    @property
    def first(self) -> Attempt | None:
        return self.attempts[0] if self.attempts else None

    @property
    def last(self) -> Attempt | None:
        return self.attempts[-1] if self.attempts else None

    @property
    def solved(self) -> bool:
        return any(a.solved for a in self.attempts)

    def errors(self) -> Counter[str]:
        return Counter(i.error for a in self.attempts for i in a.items if i.error)

    @property
    def reasons(self) -> list[tuple[int, str]]:
        return [(a.number, a.reason) for a in self.attempts if a.reason]


def _typed(raw: dict[str, Any]) -> Record:
    """The typed record of a raw one; a damaged record becomes an :class:`UnknownRecord` of its type."""
    try:
        return parse_record(raw)
    except BadRecord:
        return UnknownRecord.parse(raw)


@dataclass(frozen=True)
class Step:
    """One journal record in the order it was written: the unit of a team's timeline (replay). ``record`` is the
    record as written, ``entry`` the same record typed (parsed from ``record`` when not given)."""

    index: int
    seq: int
    t: str
    kind: str  # the record type: sessie_start, poging, hint, facilitator, einde, herstel, or something newer
    puzzle: str | None
    elapsed_s: float | None
    record: dict[str, Any]
    attempt: Attempt | None = None
    entry: Record | None = None

    @property
    def typed(self) -> Record:
        return self.entry if self.entry is not None else _typed(self.record)


@dataclass
class TeamSession:
    """One team's session, read from its journal."""

    session_id: str
    team: str
    casus: str
    casus_title: str
    content_hash: str
    app_version: str
    started: str  # ISO time of the start record (UTC)
    path: Path
    records: list[dict[str, Any]]
    warnings: list[str] = field(default_factory=list)
    tracks: dict[str, PuzzleTrack] = field(default_factory=dict)
    steps: list[Step] = field(default_factory=list)
    end: dict[str, Any] | None = None  # the ``einde`` record as written (``ending`` typed)
    stability_start: int | None = None
    label: str = ""  # the team name as shown; made unique within a debrief (two laptops may both say "Team 1")
    ending: EndRecord | None = None

    def __post_init__(self) -> None:
        self.label = self.label or self.team

    # --- derived ------------------------------------------------------------------------------------------

    def _room_tracks(self) -> list[PuzzleTrack]:
        return [t for t in self.tracks.values() if not is_lock_kind(t.kind)]

    def _decisions(self) -> Iterator[str]:
        """The judgements that count as decisions, by the game's own rule (:func:`records.counts_as_decision`):
        per puzzle an item counts when its judgement changes, "goed" at most once. So the debrief's counts and
        compass agree with the end screen and the stability meter, and retries do not inflate them."""
        for track in self._room_tracks():
            judged: dict[str, str] = {}
            credited: set[str] = set()
            for attempt in track.attempts:
                for item in attempt.items:
                    judgement = GOOD if item.error is None else item.error
                    if counts_as_decision(judged, credited, item.key, judgement):
                        yield judgement

    def errors(self, *, first_only: bool = False) -> Counter[str]:
        """Mistakes counted as the game counts them (see :meth:`_decisions`), or only those in each puzzle's
        first attempt; the lock left out."""
        if first_only:
            return Counter(i.error for t in self._room_tracks() for a in t.attempts[:1] for i in a.items if i.error)
        return Counter(j for j in self._decisions() if j != GOOD)

    @property
    def compass(self) -> tuple[int, int]:
        """(te ruim, te voorzichtig): where the team sits on the privacy compass."""
        errors = self.errors()
        return errors["te_ruim"], errors["te_voorzichtig"]

    @property
    def right(self) -> int:
        """Right decisions, counted as the game counts them (each item once per puzzle)."""
        return sum(1 for j in self._decisions() if j == GOOD)

    @property
    def decisions(self) -> int:
        """Item decisions recorded (all attempts, lock left out)."""
        return sum(len(a.items) for t in self._room_tracks() for a in t.attempts)

    @property
    def hints(self) -> int:
        return sum(t.hints for t in self.tracks.values())

    @property
    def solved(self) -> int:
        return sum(1 for t in self._room_tracks() if t.solved)

    @property
    def skipped(self) -> int:
        return sum(1 for t in self._room_tracks() if t.skipped and not t.solved)

    @property
    def phase(self) -> str:
        """The end phase (ontsnapt, tijd_op, beeindigd) or ``"bezig"`` when the journal has no end record."""
        phase = self.ending.phase if self.ending is not None else None
        return phase if phase is not None else "bezig"

    @property
    def elapsed_s(self) -> float:
        """The game clock at the last record that carries it."""
        return next((s.elapsed_s for s in reversed(self.steps) if s.elapsed_s is not None), 0.0)

    @property
    def stability(self) -> int | None:
        """The stability after the last record that carries it (the start's when none does)."""
        found = (_stability(s.typed) for s in reversed(self.steps))
        return next((value for value in found if value is not None), self.stability_start)

    @property
    def reasons(self) -> list[tuple[str, int, str]]:
        """(puzzle id, attempt number, reason) in the order they were typed."""
        return [(a.puzzle, a.number, a.reason) for t in self.tracks.values() for a in t.attempts if a.reason]

    @property
    def started_local(self) -> datetime | None:
        return parse_time(self.started)


def _stability(record: Record) -> int | None:
    if isinstance(record, AttemptRecord | UnknownRecord):
        return record.stability
    return None


def parse_time(value: str) -> datetime | None:
    """The journal's ``2025-03-01T09:30:00.123Z`` as a local datetime, or None."""
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone()


def clock(seconds: float | None) -> str:
    """Game time as ``m:ss`` (``12:05``)."""
    if seconds is None:
        return "–"
    whole = max(0, int(round(seconds)))
    return f"{whole // 60}:{whole % 60:02d}"


# --------------------------------------------------------------------------------------------------- loading


@dataclass(frozen=True)
class Broken:
    """A journal that could not be used, with the Dutch reason."""

    path: Path
    reason: str

    def line(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True)
class Duplicate:
    """The same session found twice (copied from a laptop twice); ``kept`` is the longer copy."""

    session_id: str
    team: str
    kept: Path
    dropped: Path

    def line(self) -> str:
        return (f"sessie {self.session_id} ({self.team}) staat er twee keer in; {self.kept} is gebruikt, "
                f"{self.dropped} is overgeslagen.")


@dataclass
class SessionSet:
    """What :func:`load_sessions` found: usable sessions (newest first), broken journals, duplicates, notes."""

    sessions: list[TeamSession] = field(default_factory=list)
    broken: list[Broken] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def by_casus(self) -> dict[str, list[TeamSession]]:
        groups: dict[str, list[TeamSession]] = {}
        for s in self.sessions:
            groups.setdefault(s.casus, []).append(s)
        return groups

    def default_selection(self) -> list[TeamSession]:
        """The sessions of one training: the newest session's casus, started on the same day as that session."""
        if not self.sessions:
            return []
        newest = self.sessions[0]
        day = _day(newest)
        return [s for s in self.sessions if s.casus == newest.casus and _day(s) == day]


def _day(session: TeamSession) -> str:
    local = session.started_local
    return f"{local:%Y-%m-%d}" if local else session.session_id[:8]


def _journals_in(folder: Path, depth: int = 0) -> list[Path]:
    """Journal files under ``folder``: ``journal.jsonl`` of session folders and any other ``*.jsonl``."""
    found: list[Path] = []
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return found
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir() and not entry.is_symlink():
                if depth < _MAX_DEPTH:
                    found += _journals_in(entry, depth + 1)
            elif entry.is_file() and entry.suffix == ".jsonl":
                found.append(entry)
        except OSError:
            continue
    return found


def _candidates(paths: Iterable[Path | str], notes: list[str], broken: list[Broken]) -> list[Path]:
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            if (path / JOURNAL_NAME).is_file():
                out.append(path / JOURNAL_NAME)
                continue
            inside = _journals_in(path)
            if not inside:
                notes.append(f"{path}: in deze map staan geen sessies (geen journal.jsonl-bestanden).")
            out += inside
        elif path.exists():
            out.append(path)
        else:
            broken.append(Broken(path, "dit bestand of deze map bestaat niet."))
    seen: set[Path] = set()
    unique = []
    for p in out:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def read_session(path: Path | str) -> TeamSession:
    """One journal as a :class:`TeamSession`. Raises :class:`SaveError` (Dutch) when it is no usable journal."""
    path = Path(path)
    journal = read_journal(path)
    start = StartRecord.parse(journal.header)
    session_id, casus = start.session_id, start.casus
    if session_id is None or not session_id.strip():
        raise SaveError(path, "de startregel van het journaal mist het sessienummer ('sessie'). "
                              "Dit bestand is niet aangeraakt.")
    if casus is None or not casus.strip():
        raise SaveError(path, "de startregel van het journaal zegt niet welke casus gespeeld is ('casus'). "
                              "Dit bestand is niet aangeraakt.")
    session = TeamSession(
        session_id=session_id, team=(start.team or "").strip() or UNKNOWN_TEAM, casus=casus,
        casus_title=start.casus_title if start.casus_title is not None else casus,
        content_hash=start.content_hash or "", app_version=start.app_version or "",
        started=stamp(journal.header)[1], path=path, records=applied_records(journal.records),
        warnings=list(journal.warnings), stability_start=start.stability_start,
    )
    _fold(session)
    return session


def _track(session: TeamSession, puzzle: str) -> PuzzleTrack:
    track = session.tracks.get(puzzle)
    if track is None:
        track = session.tracks[puzzle] = PuzzleTrack(puzzle)
    return track


def _fold(session: TeamSession) -> None:
    """Walk the records in order: build the per-puzzle tracks and the timeline."""
    for index, raw in enumerate(session.records):
        seq, t = stamp(raw)
        try:
            record = parse_record(raw)
        except BadRecord as err:
            record = UnknownRecord.parse(raw)
            session.warnings.append(f"record {raw.get('seq')} ({record.type}) is onvolledig ({err}) en is "
                                    "overgeslagen.")
        attempt = None
        if isinstance(record, AttemptRecord):
            attempt = Attempt.of(record, seq, t)
            track = _track(session, attempt.puzzle)
            track.kind = attempt.kind or track.kind
            track.attempts.append(attempt)
            track.seconds = max(track.seconds, record.seconds or 0.0)
            track.hints = max(track.hints, attempt.hints)
        elif isinstance(record, HintRecord) and record.puzzle:
            track = _track(session, record.puzzle)
            track.hints = max(track.hints + 1, record.number or 0)
        elif isinstance(record, FacilitatorRecord) and record.puzzle:
            if record.action == Action.SKIP:
                _track(session, record.puzzle).skipped = True
            elif record.action == Action.SHOW_ANSWER:
                _track(session, record.puzzle).answer_shown = True
        elif isinstance(record, EndRecord):
            session.end, session.ending = raw, record
        session.steps.append(Step(index, seq, t, record.type, record.puzzle, record.clock.elapsed_s, raw, attempt,
                                  record))


def load_sessions(paths: Sequence[Path | str]) -> SessionSet:
    """Read every journal under ``paths`` (journal files, session folders, or folders of sessions copied from
    several laptops). The same session found twice counts once (by its ``sessie`` id; the longer copy wins).
    Never raises for bad files: they land in ``broken`` with a Dutch reason."""
    result = SessionSet()
    by_id: dict[str, TeamSession] = {}
    for path in _candidates(paths, result.notes, result.broken):
        try:
            session = read_session(path)
        except SaveError as err:
            result.broken.append(Broken(path, err.message))
            continue
        except (EscapeRoomError, OSError, ValueError, TypeError, KeyError, RecursionError, MemoryError) as err:
            result.broken.append(Broken(path, f"het journaal kan niet gelezen worden ({type(err).__name__})."))
            continue
        other = by_id.get(session.session_id)
        if other is None:
            by_id[session.session_id] = session
            continue
        keep, drop = (session, other) if len(session.records) > len(other.records) else (other, session)
        by_id[session.session_id] = keep
        result.duplicates.append(Duplicate(session.session_id, keep.team, keep.path, drop.path))
    result.sessions = sorted(by_id.values(), key=lambda s: (s.started, s.session_id), reverse=True)
    return result
