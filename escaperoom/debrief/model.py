"""Debrief data: read team sessions from journals, drop duplicates, and aggregate per team and per puzzle.

Used by the debrief screens, the HTML/CSV reports and the benchmark. Pure (no pygame). A journal that cannot be
used is listed in :attr:`SessionSet.broken` with a Dutch reason and never raised; a damaged record inside a usable
journal is skipped with a warning on that session.

    load_sessions(paths)  -> SessionSet          (sessions, broken journals, duplicates, notes)
    build_debrief(sessions) -> Debrief           (one casus: per-puzzle spread, division, reasons, compass)
    build_debriefs(session_set) -> [Debrief]     (one per casus found)

Counting rules (documented here because the screens and the report share them): per puzzle a team has a first
and a last attempt, both kept. The spread ("3 van de 5 teams ...") and the division score count the **first**
attempt by default — after a try the game shows the verdict, so later tries converge on the model answer and the
first one is the team's own judgement; ``basis="laatste"`` counts where the teams ended up. Error counts for the
privacy compass add up the legal errors (te ruim, te voorzichtig, verkeerde grondslag) of **every** attempt, as
the session's own summary and stability do. The final lock is left out of the puzzle views and the counts, but
not out of the timeline.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from escaperoom.errors import EscapeRoomError, SaveError
from escaperoom.storage.journal import START_TYPE, read_journal
from escaperoom.kinds import Words, is_lock_kind, kind_named, kind_of, read_expected, record_words
from escaperoom.kinds.judging import Judged, load_many_judged
from escaperoom.kinds.words import default_catalogue
from escaperoom.play.recorder import applied_records
from escaperoom.rules.lawbook import LawBook, load_lawbook
from escaperoom.play.session import GOOD, counts_as_decision
from escaperoom.strings import Catalogue

LEGAL_ERRORS = ("te_ruim", "te_voorzichtig", "verkeerde_grondslag")
UNKNOWN_TEAM = "Onbekend team"
FIRST, LAST = "eerste", "laatste"
_JOURNAL_NAME = "journal.jsonl"
_SLOT = "{gegeven}"  # where an item's label goes in a spread sentence's template
_MAX_DEPTH = 4  # how deep a folder is searched for journals (saves/<laptop>/<session>/journal.jsonl fits)

ERROR_WORDS = {
    None: "goed",
    "te_ruim": "te ruim",
    "te_voorzichtig": "te voorzichtig",
    "verkeerde_grondslag": "verkeerde grondslag",
    "verkeerde_volgorde": "verkeerde volgorde",
    "niet_aanvaardbaar": "niet aanvaardbaar",
    "onbeantwoord": "niet beantwoord",
}
VERDICT_WORDS = {"moet_delen": "moet delen", "mag_delen": "mag delen", "mag_niet_delen": "mag niet delen"}


# --------------------------------------------------------------------------------------------------- records


def _text(value: Any, default: str = "") -> str:
    return value if isinstance(value, str) else default


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _num(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if math.isfinite(value) else None


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


class _BadRecord(ValueError):
    """A record that does not have the shape its type promises (hand-edited or damaged journal)."""


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
    def parse(cls, raw: Any, kind: str = "") -> "ItemDecision":
        """One item of a ``poging`` record of puzzle kind ``kind`` (the record's ``soort``)."""
        if not isinstance(raw, dict) or not isinstance(raw.get("sleutel"), str):
            raise _BadRecord("een item zonder 'sleutel'")
        error = raw.get("fout")
        return cls(key=raw["sleutel"], label=_text(raw.get("label"), raw["sleutel"]),
                   answer=_text(raw.get("antwoord")), expected=read_expected(kind, _text(raw.get("verwacht"))),
                   error=error if isinstance(error, str) and error else None,
                   points=_num(raw.get("punten")) or 0.0, verdict=_text(raw.get("oordeel")) or None,
                   rule=_text(raw.get("regel")) or None, bases=_strings(raw.get("grondslagen")),
                   citations=_strings(raw.get("artikelen")), explanation=_text(raw.get("uitleg")).strip())


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
    def parse(cls, rec: dict[str, Any]) -> "Attempt":
        puzzle, items = rec.get("puzzel"), rec.get("items")
        if not isinstance(puzzle, str) or not puzzle or not isinstance(items, list):
            raise _BadRecord("een poging zonder 'puzzel' of 'items'")
        answer, kind = rec.get("antwoord"), _text(rec.get("soort"))
        return cls(seq=rec["seq"], t=_text(rec.get("t")), puzzle=puzzle, kind=kind,
                   number=_int(rec.get("poging")) or 0, items=tuple(ItemDecision.parse(i, kind) for i in items),
                   reason=_text(rec.get("reden")).strip(), score=_num(rec.get("score")) or 0.0,
                   solved=rec.get("opgelost") is True, hints=_int(rec.get("hints_tot_nu")) or 0,
                   elapsed_s=_num(rec.get("verstreken_s")), stability=_int(rec.get("stabiliteit")),
                   answer=answer if isinstance(answer, dict) else {})


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


@dataclass(frozen=True)
class Step:
    """One journal record in the order it was written: the unit of a team's timeline (replay)."""

    index: int
    seq: int
    t: str
    kind: str  # the record type: sessie_start, poging, hint, facilitator, einde, or something newer
    puzzle: str | None
    elapsed_s: float | None
    record: dict[str, Any]
    attempt: Attempt | None = None


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
    end: dict[str, Any] | None = None
    stability_start: int | None = None
    label: str = ""  # the team name as shown; made unique within a debrief (two laptops may both say "Team 1")

    def __post_init__(self) -> None:
        self.label = self.label or self.team

    # --- derived ------------------------------------------------------------------------------------------

    def _room_tracks(self) -> list[PuzzleTrack]:
        return [t for t in self.tracks.values() if not is_lock_kind(t.kind)]

    def _decisions(self) -> Iterable[str]:
        """The judgements that count as decisions, by the game's own rule (:func:`session.counts_as_decision`):
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
        return _text(self.end.get("fase"), "bezig") if self.end else "bezig"

    @property
    def elapsed_s(self) -> float:
        for rec in reversed(self.records):
            value = _num(rec.get("verstreken_s"))
            if value is not None:
                return value
        return 0.0

    @property
    def stability(self) -> int | None:
        for rec in reversed(self.records):
            value = _int(rec.get("stabiliteit")) if rec.get("type") != START_TYPE else None
            if value is not None:
                return value
        return self.stability_start

    @property
    def reasons(self) -> list[tuple[str, int, str]]:
        """(puzzle id, attempt number, reason) in the order they were typed."""
        return [(a.puzzle, a.number, a.reason) for t in self.tracks.values() for a in t.attempts if a.reason]

    @property
    def started_local(self) -> datetime | None:
        return parse_time(self.started)


def parse_time(value: str) -> datetime | None:
    """The journal's ``2025-03-01T09:30:00.123Z`` as a local datetime, or None."""
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
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
            if (path / _JOURNAL_NAME).is_file():
                out.append(path / _JOURNAL_NAME)
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
    header = journal.header
    session_id, casus = header.get("sessie"), header.get("casus")
    if not isinstance(session_id, str) or not session_id.strip():
        raise SaveError(path, "de startregel van het journaal mist het sessienummer ('sessie'). "
                              "Dit bestand is niet aangeraakt.")
    if not isinstance(casus, str) or not casus.strip():
        raise SaveError(path, "de startregel van het journaal zegt niet welke casus gespeeld is ('casus'). "
                              "Dit bestand is niet aangeraakt.")
    team = _text(header.get("team")).strip() or UNKNOWN_TEAM
    session = TeamSession(
        session_id=session_id, team=team, casus=casus, casus_title=_text(header.get("casus_titel"), casus),
        content_hash=_text(header.get("inhoud_hash")), app_version=_text(header.get("app_versie")),
        started=_text(header.get("t")), path=path, records=applied_records(journal.records),
        warnings=list(journal.warnings),
        stability_start=_int(header.get("stabiliteit_start")),
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
    for index, rec in enumerate(session.records):
        kind = _text(rec.get("type"), "?")
        puzzle = rec.get("puzzel") if isinstance(rec.get("puzzel"), str) and rec.get("puzzel") else None
        attempt = None
        try:
            if kind == "poging":
                attempt = Attempt.parse(rec)
                track = _track(session, attempt.puzzle)
                track.kind = attempt.kind or track.kind
                track.attempts.append(attempt)
                seconds = _num(rec.get("tijd_op_puzzel_s"))
                track.seconds = max(track.seconds, seconds or 0.0)
                track.hints = max(track.hints, attempt.hints)
            elif kind == "hint" and puzzle:
                track = _track(session, puzzle)
                track.hints = max(track.hints + 1, _int(rec.get("nummer")) or 0)
            elif kind == "facilitator" and puzzle:
                action = rec.get("actie")
                if action == "overslaan":
                    _track(session, puzzle).skipped = True
                elif action == "antwoord_tonen":
                    _track(session, puzzle).answer_shown = True
            elif kind == "einde":
                session.end = rec
        except _BadRecord as err:
            session.warnings.append(f"record {rec.get('seq')} ({kind}) is onvolledig ({err}) en is overgeslagen.")
            attempt = None
        session.steps.append(Step(index, _int(rec.get("seq")) or 0, _text(rec.get("t")), kind, puzzle,
                                  _num(rec.get("verstreken_s")), rec, attempt))


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


# --------------------------------------------------------------------------------------------------- aggregation


@dataclass(frozen=True)
class LawView:
    """The engine's verdict for one case of an item (one recipient), for the explanation under a puzzle."""

    recipient: str  # role name as shown
    decision: str
    rule: str
    explanation: str
    citations: tuple[tuple[str, str, str], ...]  # (provision id, citation text, url)
    uncertain: tuple[str, ...] = ()  # the kennisbank's [onzeker] notes, when the verdict rests on one (Dutch)


@dataclass(frozen=True)
class AnswerGroup:
    """The teams that gave the same answer for one item."""

    answer: str
    text: str  # the answer in words ("Gemeente, schuldhulp", "Niet delen", "AVG art. 6 lid 1 onder a")
    teams: tuple[str, ...]
    error: str | None
    sentence: str  # "3 van 5 teams deelden 'Diagnose' met de woningcorporatie"
    short: str = ""  # the same sentence with the item's short label (for the big screen)
    template: str = ""  # the sentence with ``{gegeven}`` where the item's label goes (see :meth:`phrase`)

    def phrase(self, label: str) -> str:
        """The sentence with another (shorter) label for the item: the big screen shortens the label until the
        whole sentence, recipient included, fits on its line."""
        return self.template.replace(_SLOT, label) if self.template else self.sentence


@dataclass(frozen=True)
class Seen:
    """The explanation that teams saw in the game for one answer, as their journals recorded it (shown when the
    casus on this computer is missing or is another version than theirs)."""

    answer: str  # the answer in words
    error: str | None
    explanation: str
    teams: tuple[str, ...]


@dataclass(frozen=True)
class ItemSpread:
    """How the teams spread over the answers of one item (last attempts), with the law's view of it."""

    key: str
    label: str
    expected: str  # what the law or the author expects, in words
    groups: tuple[AnswerGroup, ...]  # largest first
    total: int  # teams in the debrief
    not_reached: tuple[str, ...]  # teams without an answer for this item
    law: tuple[LawView, ...] = ()  # the verdicts of the casus on this computer (empty when it is missing)
    seen: tuple[Seen, ...] = ()  # what the teams of another content version saw (see Debrief.other_version)
    lang: str = "nl"

    @property
    def answered(self) -> int:
        return sum(len(g.teams) for g in self.groups)

    @property
    def short(self) -> str:
        return short_label(self.label)

    @property
    def division(self) -> float:
        """0 when every team gave the same answer, towards 1 the more the teams are split."""
        if self.answered < 2:
            return 0.0
        return 1.0 - max(len(g.teams) for g in self.groups) / self.answered

    @property
    def right(self) -> int:
        return sum(len(g.teams) for g in self.groups if g.error is None)

    @property
    def sentence(self) -> str:
        return self.groups[0].sentence if self.groups else spread_words(self.lang, "none_reached", total=self.total)


@dataclass
class PuzzleSummary:
    """One puzzle across the teams: per item the spread, the division, the reasons and the intervisie questions."""

    id: str
    title: str
    kind: str
    station: str
    task: str
    intervisie: list[str]
    items: list[ItemSpread]
    reasons: list[tuple[str, int, str]]  # (team label, attempt number, reason)
    order: int  # position in the scenario file
    teams: list[TeamSession]
    basis: str = "eerste"  # the spread counts each team's first ("eerste") or last ("laatste") attempt
    lang: str = "nl"

    @property
    def division(self) -> float:
        """How split the teams were on the most contested item of this puzzle (0 = all agreed)."""
        return max((i.division for i in self.items), default=0.0)

    @property
    def mean_division(self) -> float:
        return sum(i.division for i in self.items) / len(self.items) if self.items else 0.0

    @property
    def division_level(self) -> str:
        """"unanimous", "mixed" or "divided" (the report styles a divided puzzle)."""
        d = self.division
        return "unanimous" if d < 0.15 else "mixed" if d < 0.35 else "divided"

    @property
    def division_word(self) -> str:
        return spread_words(self.lang, self.division_level)

    @property
    def kind_word(self) -> str:
        """The puzzle kind in words ("grondslag kiezen", "choosing the basis")."""
        return spread_words(self.lang, f"kind_{self.kind}") if kind_named(self.kind) is not None else self.kind

    def reason_groups(self) -> list[tuple[str, list[tuple[str, int]]]]:
        """The typed reasons with the teams (and attempt numbers) that gave them, the same text once
        (ignoring case, spaces and a final full stop), in the order first typed."""
        groups: dict[str, tuple[str, list[tuple[str, int]]]] = {}
        for team, number, reason in self.reasons:
            key = " ".join(reason.casefold().split()).rstrip(".")
            groups.setdefault(key, (reason, []))[1].append((team, number))
        return list(groups.values())

    def track(self, team: TeamSession) -> PuzzleTrack | None:
        return team.tracks.get(self.id)

    def decision(self, team: TeamSession, key: str, *, first: bool = False) -> ItemDecision | None:
        track = team.tracks.get(self.id)
        attempt = (track.first if first else track.last) if track else None
        return attempt.item(key) if attempt else None

    def item(self, key: str) -> ItemSpread | None:
        return next((i for i in self.items if i.key == key), None)


@dataclass
class Debrief:
    """The debrief of one casus over the chosen team sessions."""

    casus: str
    title: str
    sessions: list[TeamSession]
    puzzles: list[PuzzleSummary]
    loaded: Judged | None
    book: LawBook
    warnings: list[str] = field(default_factory=list)
    basis: str = "eerste"
    lang: str = "nl"
    other_version: tuple[str, ...] = ()  # labels of teams whose journal has other content than this computer's

    def with_basis(self, basis: str) -> "Debrief":
        """The same sessions with the spread counted on the other attempt (``eerste``/``laatste``)."""
        if basis == self.basis:
            return self
        scenarios = [self.loaded] if self.loaded is not None else []
        return build_debrief(self.sessions, scenarios=scenarios, book=self.book, lang=self.lang, basis=basis)

    def by_division(self) -> list[PuzzleSummary]:
        """Most divided puzzles first (ties in scenario order)."""
        return sorted(self.puzzles, key=lambda p: (-round(p.division, 6), -round(p.mean_division, 6), p.order))

    def ordered(self, most_divided_first: bool = False) -> list[PuzzleSummary]:
        return self.by_division() if most_divided_first else list(self.puzzles)

    def puzzle(self, puzzle_id: str) -> PuzzleSummary | None:
        return next((p for p in self.puzzles if p.id == puzzle_id), None)

    def puzzle_title(self, puzzle_id: str | None) -> str:
        found = self.puzzle(puzzle_id) if puzzle_id else None
        if found:
            return found.title
        if puzzle_id and self.loaded is not None:
            try:
                return self.loaded.scenario.puzzle(puzzle_id).titel.nl
            except KeyError:
                pass
        return puzzle_id or ""

    @property
    def compass(self) -> list[tuple[str, int, int]]:
        """(team label, te ruim, te voorzichtig) per team."""
        return [(s.label, *s.compass) for s in self.sessions]

    @property
    def started(self) -> datetime | None:
        times = [t for t in (s.started_local for s in self.sessions) if t]
        return min(times) if times else None

    def describe(self, step: Step) -> "StepText":
        return describe_step(self, step)


def _unique_labels(sessions: list[TeamSession]) -> None:
    counts = Counter(s.team for s in sessions)
    seen: Counter[str] = Counter()
    for s in sorted(sessions, key=lambda s: (s.started, s.session_id)):
        if counts[s.team] == 1:
            s.label = s.team
            continue
        seen[s.team] += 1
        local = s.started_local
        s.label = f"{s.team} ({local:%H:%M})" if local else f"{s.team} ({seen[s.team]})"
    labels = Counter(s.label for s in sessions)
    seen.clear()
    for s in sorted(sessions, key=lambda s: (s.started, s.session_id)):
        if labels[s.label] > 1:
            seen[s.label] += 1
            s.label = f"{s.label} #{seen[s.label]}"


def _names(labels: Sequence[str], total: int, limit: int = 5) -> str:
    """Team names for a sentence: "alle 12 teams", or up to ``limit`` names and "en nog N andere"."""
    if len(labels) == total and total > 2:
        return f"alle {total} teams"
    if len(labels) <= limit + 1:
        return ", ".join(labels)
    return ", ".join(labels[:limit]) + f" en nog {len(labels) - limit} andere teams"


def typed_by(teams: Sequence[tuple[str, int]]) -> str:
    """Who typed a reason: "Team Oost (poging 1)"; the same reason from several teams once, with all of them
    ("Team A, Team B (poging 1)", or each with its own attempt when they differ)."""
    numbers = {n for _, n in teams}
    if len(numbers) == 1:
        return ", ".join(t for t, _ in teams) + f" (poging {next(iter(numbers))})"
    return ", ".join(f"{t} (poging {n})" for t, n in teams)


def _natural(text: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key that puts "Team 2" before "Team 10" (numbers by value, the rest case-blind)."""
    return tuple((0, int(part)) if part.isdigit() else (1, part.casefold())
                 for part in re.split(r"(\d+)", text) if part)


def _role(book: LawBook, role: str, lang: str = "nl") -> str:
    found = book.roles.get(role)
    return found.naam.get(lang) if found else role


def puzzle_words(book: LawBook, loaded: Judged | None, puzzle_id: str, kind: str, lang: str) -> Words:
    """The words of one recorded puzzle (its kind by name; the casus when it is on this computer)."""
    return record_words(kind, book, lang, scenario=loaded.scenario if loaded is not None else None,
                        puzzle_id=puzzle_id, strings=_catalogue())


def short_label(label: str, limit: int = 44) -> str:
    """The head of a long item label for tight places (the big screen): up to ``:`` or ``(`` when that comes
    early enough, else whole words up to ``limit`` characters and '…'.
    ``"Hoogte huurachterstand: 2 maanden"`` -> ``"Hoogte huurachterstand"``."""
    cut = len(label)
    for mark in (":", " ("):
        at = label.find(mark)
        if 3 <= at < cut:
            cut = at
    head = label[:cut].strip()
    if len(head) <= limit:
        return head
    words, out = head.split(), ""
    for word in words:
        if len(out) + len(word) + 1 > limit - 2:
            break
        out = f"{out} {word}".strip()
    return (out or head[: limit - 2]) + " …"


def _law_views(book: LawBook, loaded: Judged | None, puzzle_id: str, item_key: str, lang: str) -> tuple[LawView, ...]:
    if loaded is None:
        return ()
    puzzle = next((p for p in loaded.scenario.puzzels if p.id == puzzle_id), None)
    if puzzle is None:
        return ()
    words = puzzle_words(book, loaded, puzzle_id, kind_of(puzzle).soort, lang)
    views = []
    for c in words.item_cases(loaded.cases.get(puzzle_id, []), item_key):
        v = c.verdict
        cites = tuple((cid, book.cite(cid), book[cid].url) for cid in v.citations if cid in book.provisions)
        views.append(LawView(words.law_who(c), v.decision.value, v.rule, v.explanation(lang), cites,
                             tuple(v.uncertain) if v.doubtful else ()))
    return tuple(views)


def _puzzle_order(sessions: list[TeamSession], loaded: Judged | None) -> list[tuple[str, str]]:
    """(puzzle id, kind) in scenario order; puzzles only found in journals follow in the order first met."""
    out: list[tuple[str, str]] = []
    if loaded is not None:
        out = [(p.id, p.soort) for p in loaded.scenario.puzzels if not kind_of(p).is_lock]
    known = {pid for pid, _ in out}
    for s in sessions:
        for pid, track in s.tracks.items():
            if pid not in known and not is_lock_kind(track.kind) and track.attempts:
                known.add(pid)
                out.append((pid, track.kind))
    return out


def _summary(pid: str, kind: str, order: int, sessions: list[TeamSession], loaded: Judged | None,
             book: LawBook, lang: str, first: bool, other_version: frozenset[str] = frozenset()) -> PuzzleSummary:
    words = puzzle_words(book, loaded, pid, kind, lang)
    puzzle = words.puzzle
    # item keys in the order the teams saw them (first team that answered), then any others
    keys: dict[str, tuple[str, tuple[str, ...]]] = {}
    for s in sessions:
        track = s.tracks.get(pid)
        for attempt in (track.attempts if track else []):
            for item in attempt.items:
                keys.setdefault(item.key, (item.label, item.expected))
    total = len(sessions)
    items = []
    for key, (label, expected) in keys.items():
        shown = words.label(key, label)
        groups: dict[str, list[str]] = {}
        errors: dict[str, str | None] = {}
        recorded: dict[str, str] = {}
        seen: dict[tuple[str, str], list[str]] = {}
        missing = []
        for s in sessions:
            track = s.tracks.get(pid)
            attempt = (track.first if first else track.last) if track else None
            decision = attempt.item(key) if attempt else None
            if decision is None:
                missing.append(s.label)
                continue
            groups.setdefault(decision.answer, []).append(s.label)
            errors.setdefault(decision.answer, decision.error)
            recorded.setdefault(decision.answer, decision.label)
            if s.label in other_version and decision.explanation:
                seen.setdefault((decision.answer, decision.explanation), []).append(s.label)
        ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        brief = short_label(shown)
        answer_groups = []
        for answer, teams in ordered:
            template = words.sentence(len(teams), total, _SLOT, answer, recorded[answer])
            answer_groups.append(AnswerGroup(answer, words.answer(answer, recorded[answer]), tuple(teams),
                                             errors[answer], template.replace(_SLOT, shown),
                                             template.replace(_SLOT, brief), template))
        seen_views = tuple(Seen(words.answer(answer, recorded[answer]), errors[answer], text, tuple(teams))
                           for (answer, text), teams in sorted(seen.items(), key=lambda kv: -len(kv[1])))
        items.append(ItemSpread(key, shown, words.expected(expected), tuple(answer_groups), total, tuple(missing),
                                _law_views(book, loaded, pid, key, lang), seen_views, lang))
    reasons = [(s.label, a.number, a.reason) for s in sessions
               for a in (s.tracks[pid].attempts if pid in s.tracks else []) if a.reason]
    title = puzzle.titel.get(lang) if puzzle is not None else pid
    return PuzzleSummary(
        id=pid, title=title, kind=kind, station=_role(book, puzzle.station, lang) if puzzle is not None else "",
        task=puzzle.opdracht.get(lang) if puzzle is not None else "",
        intervisie=[q.get(lang) for q in puzzle.intervisie] if puzzle is not None else [],
        items=items, reasons=reasons, order=order, teams=sessions, basis=FIRST if first else LAST, lang=lang)


def find_scenario(casus: str, scenarios: Sequence[Judged] | None = None) -> Judged | None:
    """The loaded scenario with this id: from ``scenarios`` or else the bundled puzzels/ (content errors ignored)."""
    if scenarios is None:
        scenarios, _ = load_many_judged()
    return next((s for s in scenarios if s.scenario.id == casus), None)


def build_debrief(sessions: Sequence[TeamSession], *, scenarios: Sequence[Judged] | None = None,
                  book: LawBook | None = None, lang: str = "nl", basis: str = FIRST) -> Debrief:
    """The debrief of the given sessions; they should share one casus (the first session's is used).

    ``basis`` says which attempt the spread and the division count: ``"eerste"`` (default: after a try the game
    shows the verdict, so later tries converge on the model answer — the first try is the team's own judgement)
    or ``"laatste"`` (where the team ended up)."""
    from escaperoom.play.recorder import content_hash

    if not sessions:
        raise ValueError("een nabespreking heeft minstens één sessie nodig")
    book = book or load_lawbook()
    casus = sessions[0].casus
    chosen = [s for s in sessions if s.casus == casus]
    warnings: list[str] = []
    if len(chosen) < len(sessions):
        warnings.append(f"{len(sessions) - len(chosen)} sessie(s) van een andere casus zijn niet meegenomen.")
    chosen.sort(key=lambda s: (_natural(s.team), s.started))
    _unique_labels(chosen)
    loaded = find_scenario(casus, scenarios)
    hashes: dict[str, list[str]] = {}
    for s in chosen:
        hashes.setdefault(s.content_hash or "onbekend", []).append(s.label)
    if len(hashes) > 1:
        parts = "; ".join(f"{', '.join(teams)}: versie {h}" for h, teams in hashes.items())
        warnings.append(f"Let op: niet alle teams speelden dezelfde versie van de casus ({parts}). "
                        "Vergelijk de antwoorden met zorg.")
    if loaded is None:
        other = [s.label for s in chosen]
        warnings.append(f"De casus '{casus}' staat niet (meer) op deze computer: de beslissingen en de uitleg die "
                        "de teams zagen komen uit de journaals; artikelen, intervisievragen en ‘wat als’ ontbreken.")
    else:
        here = content_hash(loaded)
        other = [s.label for s in chosen if s.content_hash and s.content_hash != here]
        if other:
            warnings.append("De casus op deze computer is een andere versie dan die van " + _names(other, len(chosen))
                            + ": bij hen staat ook de uitleg die zij in het spel zagen; ‘wat als’ en de artikelen "
                              "gaan uit van de versie op deze computer.")
    for s in chosen:
        for w in s.warnings:
            warnings.append(f"{s.label}: {w}")
    title = loaded.scenario.scenario.titel.get(lang) if loaded else (chosen[0].casus_title or casus)
    if basis not in (FIRST, LAST):
        raise ValueError(f"basis is '{FIRST}' of '{LAST}', niet {basis!r}")
    puzzles = [_summary(pid, kind, i, chosen, loaded, book, lang, basis == FIRST, frozenset(other))
               for i, (pid, kind) in enumerate(_puzzle_order(chosen, loaded))]
    return Debrief(casus, title, chosen, puzzles, loaded, book, warnings, basis, lang, tuple(other))


def build_debriefs(found: SessionSet, *, scenarios: Sequence[Judged] | None = None, book: LawBook | None = None,
                   lang: str = "nl", basis: str = FIRST) -> list[Debrief]:
    """One debrief per casus in ``found`` (newest casus first)."""
    if scenarios is None and found.sessions:
        scenarios, _ = load_many_judged()
    return [build_debrief(group, scenarios=scenarios, book=book, lang=lang, basis=basis)
            for group in found.by_casus().values()]


# --------------------------------------------------------------------------------------------------- timeline text


@dataclass(frozen=True)
class StepLine:
    """One item of a timeline step: its status (for the icon), the verdict word and what the team did."""

    status: str
    word: str  # "goed", "te ruim", ... (in the debrief's language)
    text: str  # "Naam, adres en telefoonnummer: gemeente, schuldhulpverlening"
    label: str = ""  # the two halves of ``text`` (an item's answer): a tight screen shortens the label, never
    answer: str = ""  # the answer


@dataclass(frozen=True)
class StepText:
    """A timeline step in words: a headline and detail lines, each with a status for its icon
    (``goed``, ``te_ruim``, ``te_voorzichtig``, ``verkeerde_grondslag``, ``fout``, ``info``)."""

    clock: str
    headline: str
    lines: tuple[StepLine, ...] = ()
    reason: str = ""
    status: str = "info"


_ACTIONS = ("pauze", "hervat", "gratis_hint", "overslaan", "antwoord_tonen", "beeindigen")
_PHASES = ("ontsnapt", "tijd_op", "beeindigd")
_HINT_LEVELS = ("principe", "artikel", "voorbeeld")


def _catalogue() -> Catalogue:
    return default_catalogue()


def spread_words(lang: str, key: str, **values: Any) -> str:
    """A spread text from the string catalogue (``nabespreking.zin.*`` in assets/strings/nabespreking.toml)."""
    return _catalogue().t(f"nabespreking.zin.{key}", lang, **values)


def step_words(lang: str, key: str, **values: Any) -> str:
    """A timeline text from the string catalogue (``nabespreking.stap.*`` in assets/strings/nabespreking.toml)."""
    return _catalogue().t(f"nabespreking.stap.{key}", lang, **values)


def error_word(error: str | None, lang: str = "nl") -> str:
    """"goed", "te ruim", ... for an error kind, in ``lang`` (an unknown kind as written)."""
    key = "goed" if error is None else error
    if key == "goed" or key in ERROR_WORDS:
        return _catalogue().t(f"nabespreking.fout.{key}", lang)
    return str(error)


def describe_step(debrief: Debrief, step: Step) -> StepText:
    """A timeline step in words, in the debrief's language (used by the replay screen and the report)."""
    lang = debrief.lang
    rec = step.record

    def w(key: str, **values: Any) -> str:
        return step_words(lang, key, **values)

    when = clock(step.elapsed_s) if step.elapsed_s is not None else "0:00"
    title = debrief.puzzle_title(step.puzzle)
    if step.kind == START_TYPE:
        return StepText(when, w("start", team=_text(rec.get("team"), w("the_team")),
                                casus=_text(rec.get("casus_titel"), _text(rec.get("casus")))))
    if step.kind == "poging" and step.attempt is not None:
        a = step.attempt
        if is_lock_kind(a.kind):
            return StepText(when, w("lock_right" if a.solved else "lock_wrong"), (), a.reason,
                            "goed" if a.solved else "fout")
        summary = debrief.puzzle(a.puzzle)
        words = puzzle_words(debrief.book, debrief.loaded, a.puzzle, a.kind, lang)
        lines = []
        for item in a.items:
            status = "goed" if item.correct else item.error if item.error in LEGAL_ERRORS else "fout"
            label = words.label(item.key, item.label)
            if summary is not None:
                spread = summary.item(item.key)
                label = spread.label if spread else label
            head = short_label(label)
            head += "" if head.endswith("?") else ":"
            said = words.answer(item.answer, item.label)
            lines.append(StepLine(status, error_word(item.error, lang), f"{head} {said}", head, said))
        head = w("attempt", n=a.number, puzzle=title, right=a.right, total=len(a.items))
        if a.solved:
            head += w("solved")
        return StepText(when, head, tuple(lines), a.reason, "goed" if a.solved else "fout")
    if step.kind == "hint":
        raw = _text(rec.get("niveau"))
        level = w(f"level_{raw}") if raw in _HINT_LEVELS else (raw or "?")
        cost = _int(rec.get("kosten_s")) or 0
        extra = w("free") if rec.get("gratis") is True or cost == 0 else w("costs", s=cost)
        return StepText(when, w("hint", n=_int(rec.get("nummer")) or "", level=level, puzzle=title, cost=extra))
    if step.kind == "facilitator":
        action = _text(rec.get("actie"))
        if action == "tijd":
            sec = _int(rec.get("seconden")) or 0
            text = w("time_plus", s=sec) if sec >= 0 else w("time_minus", s=-sec)
        elif action in ("pauze", "hervat") and rec.get("door") == "team":
            text = w(f"{action}_team")
        elif action in _ACTIONS:
            text = w(action, puzzle=title)
        else:
            text = w("action", x=action or "?")
        return StepText(when, text)
    if step.kind == "einde":
        phase = _text(rec.get("fase"))
        summary = rec.get("samenvatting") if isinstance(rec.get("samenvatting"), dict) else {}
        lines = []
        for key in ("goed", *LEGAL_ERRORS):
            value = _int(summary.get(key))
            if value is not None:
                word = error_word(None if key == "goed" else key, lang)
                lines.append(StepLine("goed" if key == "goed" else key, f"{word}: {value}", ""))
        stab = _int(summary.get("stabiliteit"))
        if stab is not None:
            lines.append(StepLine("info", w("stability", n=stab), ""))
        ended = w(f"phase_{phase}") if phase in _PHASES else (phase or w("phase_unknown"))
        return StepText(when, w("end", phase=ended), tuple(lines), status="goed" if phase == "ontsnapt" else "info")
    if step.kind == "herstel":
        lost = [seq for seq in rec.get("niet_toegepast") or [] if isinstance(seq, int)]
        if not lost:
            return StepText(when, w("resumed"))
        return StepText(when, w("resumed"), (StepLine(
            "info", w("resumed_one" if len(lost) == 1 else "resumed_many", n=len(lost)),
            w("resumed_detail_one" if len(lost) == 1 else "resumed_detail_many")),))
    text = w("unknown", kind=step.kind)
    return StepText(when, text + (w("at", puzzle=title) if title else ""))
