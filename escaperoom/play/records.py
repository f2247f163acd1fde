"""The journal's vocabulary, defined once: every record type the game writes and the debrief reads back.

Each type is a frozen dataclass with English fields; ``fields()`` gives its JSON fields exactly as the journal
stores them (Dutch keys, fixed order), ``parse(raw)`` reads them back. The session and the recorder build records,
the debrief (:mod:`escaperoom.debrief.sessions`) parses them; the journal (:mod:`escaperoom.storage.journal`) adds
``type``, ``schema``, ``seq`` and ``t`` and knows nothing else about a record.

    sessie_start  StartRecord        the header: session, casus, team, settings, app version, content hash
    poging        AttemptRecord      one try at one puzzle, per item (ItemRecord) what the team did and the law says
    hint          HintRecord         a hint taken (or given free by the facilitator)
    facilitator   FacilitatorRecord  pause, resume, time, free hint, skip, show answer, end (:class:`Action`)
    einde         EndRecord          the end phase and the session's Summary
    herstel       RepairRecord       on resume: the records a crash left unapplied (see :func:`applied_records`)
    (other)       UnknownRecord      a type a newer version wrote; kept, shown as "unknown" in the timeline

Parsing is tolerant: a wrong or missing field (numbers must be finite and within ±2**53, texts strings) becomes
``None`` or its empty value, never an exception — except an attempt without its puzzle or items: :class:`BadRecord`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, ClassVar

from escaperoom.content.diagnostics import quote_value
from escaperoom.content.models import Puzzle
from escaperoom.kinds import ItemResult, PuzzleResult, kind_of
from escaperoom.storage.journal import START_TYPE
from escaperoom.text import LANGUAGES

START, ATTEMPT, HINT, FACILITATOR, END, REPAIR = START_TYPE, "poging", "hint", "facilitator", "einde", "herstel"
GOOD = "goed"  # the judgement of an item that is right (otherwise the ErrorKind value)
_MAX_INT = 2**53  # beyond this a JSON number is no longer exact; no count or clock in a journal gets near it
_META = frozenset({"type", "schema", "seq", "t"})  # the journal's own keys (storage.journal adds them)


class Action(StrEnum):
    """What a facilitator record says was done (``actie``)."""

    PAUSE = "pauze"
    RESUME = "hervat"
    TIME = "tijd"
    FREE_HINT = "gratis_hint"
    SKIP = "overslaan"
    SHOW_ANSWER = "antwoord_tonen"
    END = "beeindigen"


BY_FACILITATOR, BY_TEAM = "facilitator", "team"  # who paused or resumed (``FacilitatorRecord.by``)


class Ending(StrEnum):
    """How a game ended (the ``fase`` of an ``einde`` record; also the session's final phases)."""

    ESCAPED = "ontsnapt"
    TIME_UP = "tijd_op"
    ENDED = "beeindigd"


class BadRecord(ValueError):
    """A record without the shape its type promises (hand-edited, damaged); the message is a short Dutch phrase."""


def counts_as_decision(judged: dict[str, str], credited: set[str], key: str, judgement: str) -> bool:
    """The one rule for counting decisions, used by the game and by the debrief: record ``judgement`` ("goed" or
    an error kind) as the item's latest in ``judged`` and say whether it counts. It counts when it differs from
    the item's previous judgement — except that "goed" counts at most once per item (``credited``), so a
    resubmitted answer adds nothing and right → wrong → right never gains."""
    before = judged.get(key)
    judged[key] = judgement
    if judgement == before:
        return False
    if judgement == GOOD:
        if key in credited:
            return False
        credited.add(key)
    return True


# --------------------------------------------------------------------------------------------------- reading values


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and abs(value) <= _MAX_INT else None


def _num(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if abs(value) <= _MAX_INT and math.isfinite(value) else None  # nan and inf fail both


def _strings(value: object) -> tuple[str, ...]:
    return tuple([v for v in value if isinstance(v, str)]) if isinstance(value, list) and value else ()


def _ints(value: object) -> tuple[int, ...]:
    return tuple(n for n in (_int(v) for v in value) if n is not None) if isinstance(value, list) else ()


def _table(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, dict) else {}


def _puzzle(raw: Mapping[str, Any]) -> str | None:
    return _text(raw.get("puzzel")) or None


# --------------------------------------------------------------------------------------------------- shared parts


@dataclass(frozen=True)
class Clock:
    """The game clock when a record was written: seconds played and seconds left (``verstreken_s``,
    ``resterend_s``, rounded to tenths)."""

    elapsed_s: float | None = None
    remaining_s: float | None = None

    @classmethod
    def of(cls, elapsed_s: float, remaining_s: float) -> Clock:
        return cls(round(elapsed_s, 1), round(remaining_s, 1))

    def fields(self) -> dict[str, Any]:
        pairs = (("verstreken_s", self.elapsed_s), ("resterend_s", self.remaining_s))
        return {key: value for key, value in pairs if value is not None}

    @classmethod
    def parse(cls, raw: Mapping[str, Any]) -> Clock:
        return cls(_num(raw.get("verstreken_s")), _num(raw.get("resterend_s")))


@dataclass(frozen=True)
class StartSettings:
    """The settings of a session as its start record holds them (``instellingen``)."""

    duration_s: int | None
    feedback: str | None
    lang: str | None

    def fields(self) -> dict[str, Any]:
        return {"duur_s": self.duration_s, "feedback": self.feedback, "taal": self.lang}

    @classmethod
    def parse(cls, raw: object) -> StartSettings:
        table = _table(raw)
        return cls(_int(table.get("duur_s")), _text(table.get("feedback")), _text(table.get("taal")))


# --------------------------------------------------------------------------------------------------- the records


class _Unplaced:
    """A record about the whole game: no puzzle, no clock."""

    puzzle: ClassVar[None] = None
    clock: ClassVar[Clock] = Clock()


@dataclass(frozen=True)
class StartRecord(_Unplaced):
    """The journal's first record: which session, casus and team, the settings, and what was played (app version,
    content hash, the stability the resident started at)."""

    type: ClassVar[str] = START
    session_id: str | None
    casus: str | None
    scenario: str | None
    casus_title: str | None
    team: str | None
    settings: StartSettings
    app_version: str | None
    content_hash: str | None
    stability_start: int | None
    peildatum: str | None = None  # the day whose law judged the casus (ISO date); journals before it have none
    level: str | None = None  # the speelniveau played (``niveau``: basis / verdieping); journals before it have none

    def fields(self) -> dict[str, Any]:
        out = {"sessie": self.session_id, "casus": self.casus, "scenario": self.scenario,
               "casus_titel": self.casus_title, "team": self.team, "instellingen": self.settings.fields(),
               "app_versie": self.app_version, "inhoud_hash": self.content_hash,
               "stabiliteit_start": self.stability_start}
        if self.peildatum is not None:
            out["peildatum"] = self.peildatum
        if self.level is not None:
            out["niveau"] = self.level
        return out

    @property
    def law_day(self) -> dt.date | None:
        """The peildatum as a date (None when missing or not a date)."""
        try:
            return dt.date.fromisoformat(self.peildatum) if self.peildatum else None
        except ValueError:
            return None

    @classmethod
    def parse(cls, raw: Mapping[str, Any]) -> StartRecord:
        return cls(_text(raw.get("sessie")), _text(raw.get("casus")), _text(raw.get("scenario")),
                   _text(raw.get("casus_titel")), _text(raw.get("team")), StartSettings.parse(raw.get("instellingen")),
                   _text(raw.get("app_versie")), _text(raw.get("inhoud_hash")), _int(raw.get("stabiliteit_start")),
                   _text(raw.get("peildatum")), _text(raw.get("niveau")))

    @classmethod
    def check(cls, raw: Mapping[str, Any], casus: str, feedbacks: Sequence[str]) -> StartRecord:
        """The start record of casus ``casus``, strictly: raises :class:`BadRecord` saying what does not fit (the
        casus, the team, the settings, the duration, the feedback (one of ``feedbacks``) or the language)."""
        found = raw.get("casus", raw.get("scenario"))
        if found != casus:
            raise BadRecord(f"casus {quote_value(found)} in plaats van '{casus}'")
        if not isinstance(raw.get("team"), str):
            raise BadRecord("geen team")
        settings = raw.get("instellingen")
        if not isinstance(settings, dict):
            raise BadRecord("geen instellingen")
        duration, feedback, lang = settings.get("duur_s"), settings.get("feedback"), settings.get("taal")
        if not isinstance(duration, int) or isinstance(duration, bool) or not 0 < duration <= 10**9:
            raise BadRecord(f"speelduur {quote_value(duration)}")
        if feedback not in feedbacks:
            raise BadRecord(f"feedback {quote_value(feedback)}")
        if lang not in LANGUAGES:
            raise BadRecord(f"taal {quote_value(lang)}")
        return cls.parse(raw)


@dataclass(frozen=True)
class ItemRecord:
    """One item of an attempt: the team's answer, every right answer in its kind's journal form (``verwacht``), the
    error (None when right) and the points; for an item the law judges the engine's verdict (decision, rule, bases,
    prohibitions, citations, explanation, whether it rests on an [onzeker] point), else the author's explanation."""

    key: str
    label: str
    answer: str = ""
    expected: str = ""
    error: str | None = None
    points: float = 0.0
    decision: str | None = None
    rule: str | None = None
    bases: tuple[str, ...] = ()
    prohibitions: tuple[str, ...] = ()
    citations: tuple[str, ...] = ()
    explanation: str | None = None
    doubtful: bool = False
    uncertain: tuple[str, ...] = ()

    @classmethod
    def of(cls, item: ItemResult, expected: str, lang: str) -> ItemRecord:
        """The record of a checked item (``expected`` already in its kind's journal form)."""
        base = cls(item.key, item.label.nl, item.answer, expected, item.error.value if item.error else None,
                   item.credit)
        v = item.verdict
        if v is not None:
            return replace(base, decision=v.decision.value, rule=v.rule, bases=tuple(sorted(v.bases)),
                           prohibitions=tuple(sorted(v.prohibitions)), citations=tuple(v.citations),
                           explanation=v.explanation(lang), doubtful=v.doubtful, uncertain=tuple(v.uncertain))
        return base if item.explanation is None else replace(base, explanation=item.explanation.get(lang))

    def fields(self) -> dict[str, Any]:
        out: dict[str, Any] = {"sleutel": self.key, "label": self.label, "antwoord": self.answer,
                               "verwacht": self.expected, "fout": self.error, "punten": self.points}
        if self.decision is not None:
            out.update(oordeel=self.decision, regel=self.rule, grondslagen=list(self.bases),
                       verbod=list(self.prohibitions), artikelen=list(self.citations), uitleg=self.explanation,
                       berust_op_onzeker=self.doubtful)
            if self.uncertain:
                out["onzeker"] = list(self.uncertain)
        elif self.explanation is not None:
            out["uitleg"] = self.explanation
        return out

    @classmethod
    def parse(cls, raw: object) -> ItemRecord:
        if not isinstance(raw, dict) or not isinstance(raw.get("sleutel"), str):
            raise BadRecord("een item zonder 'sleutel'")
        key: str = raw["sleutel"]
        get = raw.get
        label = _text(get("label"))
        return cls(key, key if label is None else label, _text(get("antwoord")) or "", _text(get("verwacht")) or "",
                   _text(get("fout")) or None, _num(get("punten")) or 0.0, _text(get("oordeel")), _text(get("regel")),
                   _strings(get("grondslagen")), _strings(get("verbod")), _strings(get("artikelen")),
                   _text(get("uitleg")), get("berust_op_onzeker") is True, _strings(get("onzeker")))


@dataclass(frozen=True)
class AttemptRecord:
    """One try at one puzzle: the answer as given, the typed reason, per item what it meant, the score, and where
    the game stood (hints so far, seconds at this puzzle, stability after it, the clock)."""

    type: ClassVar[str] = ATTEMPT
    puzzle: str
    kind: str  # the puzzle kind (``soort``)
    number: int
    answer: dict[str, Any]
    reason: str
    items: tuple[ItemRecord, ...]
    score: float
    solved: bool
    hints: int
    seconds: float | None  # time spent at this puzzle so far
    stability: int | None
    clock: Clock = field(default_factory=Clock)

    @classmethod
    def of(cls, puzzle: Puzzle, result: PuzzleResult, answer: Mapping[str, Any], reason: str, *, number: int,
           hints: int, seconds: float, stability: int, clock: Clock, lang: str) -> AttemptRecord:
        """The record of a checked answer; the items' texts (explanations) in ``lang``."""
        kind = kind_of(puzzle)
        items = tuple(ItemRecord.of(it, kind.write_expected(it.expected), lang) for it in result.items)
        return cls(puzzle.id, puzzle.soort, number, dict(answer), reason, items, round(result.score, 3),
                   result.solved, hints, round(seconds, 1), stability, clock)

    def fields(self) -> dict[str, Any]:
        return {"puzzel": self.puzzle, "soort": self.kind, "poging": self.number, "antwoord": self.answer,
                "reden": self.reason, "items": [i.fields() for i in self.items], "score": self.score,
                "opgelost": self.solved, "hints_tot_nu": self.hints, "tijd_op_puzzel_s": self.seconds,
                "stabiliteit": self.stability, **self.clock.fields()}

    @classmethod
    def parse(cls, raw: Mapping[str, Any]) -> AttemptRecord:
        puzzle, items = _puzzle(raw), raw.get("items")
        if puzzle is None or not isinstance(items, list):
            raise BadRecord("een poging zonder 'puzzel' of 'items'")
        answer = raw.get("antwoord")
        return cls(puzzle, _text(raw.get("soort")) or "", _int(raw.get("poging")) or 0,
                   answer if isinstance(answer, dict) else {}, (_text(raw.get("reden")) or "").strip(),
                   tuple(ItemRecord.parse(i) for i in items), _num(raw.get("score")) or 0.0,
                   raw.get("opgelost") is True, _int(raw.get("hints_tot_nu")) or 0, _num(raw.get("tijd_op_puzzel_s")),
                   _int(raw.get("stabiliteit")), Clock.parse(raw))


@dataclass(frozen=True)
class HintRecord:
    """A hint taken: its puzzle, its level on the ladder (``niveau``), its number there, its time cost (0 when the
    facilitator gave it free)."""

    type: ClassVar[str] = HINT
    puzzle: str | None
    level: str | None
    number: int | None
    cost_s: int | None
    free: bool
    clock: Clock = field(default_factory=Clock)

    def fields(self) -> dict[str, Any]:
        return {"puzzel": self.puzzle, "niveau": self.level, "nummer": self.number, "kosten_s": self.cost_s,
                "gratis": self.free, **self.clock.fields()}

    @classmethod
    def parse(cls, raw: Mapping[str, Any]) -> HintRecord:
        return cls(_puzzle(raw), _text(raw.get("niveau")), _int(raw.get("nummer")), _int(raw.get("kosten_s")),
                   raw.get("gratis") is True, Clock.parse(raw))


@dataclass(frozen=True)
class FacilitatorRecord:
    """A facilitator action (:class:`Action`, a newer one kept as written) with who paused or resumed (``door``),
    the seconds added or taken, or the puzzle it concerns."""

    type: ClassVar[str] = FACILITATOR
    action: str | None
    by: str | None = None
    seconds: int | None = None
    puzzle: str | None = None
    clock: Clock = field(default_factory=Clock)

    def fields(self) -> dict[str, Any]:
        what = (("door", self.by), ("seconden", self.seconds), ("puzzel", self.puzzle))
        return {"actie": self.action, **{key: value for key, value in what if value is not None},
                **self.clock.fields()}

    @classmethod
    def parse(cls, raw: Mapping[str, Any]) -> FacilitatorRecord:
        return cls(_text(raw.get("actie")), _text(raw.get("door")), _int(raw.get("seconden")), _puzzle(raw),
                   Clock.parse(raw))


@dataclass(frozen=True)
class Summary:
    """What the choices meant (``samenvatting`` of ``einde``): phase, stability at start and end and its path, the
    decisions per judgement, the mistakes, rooms solved and skipped, hints, seconds left. A missing count is None."""

    phase: str | None = None
    stability_start: int | None = None
    stability: int | None = None
    path: tuple[int, ...] = ()
    good: int | None = None
    too_wide: int | None = None
    too_careful: int | None = None
    wrong_basis: int | None = None
    mistakes: int | None = None
    solved: int | None = None
    skipped: int | None = None
    hints: int | None = None
    time_left_s: int | None = None

    _KEYS: ClassVar[tuple[str, ...]] = ("fase", "stabiliteit_start", "stabiliteit", "verloop", "goed", "te_ruim",
                                        "te_voorzichtig", "verkeerde_grondslag", "fouten", "opgelost", "overgeslagen",
                                        "hints", "tijd_over_s")

    def fields(self) -> dict[str, Any]:
        values = (self.phase, self.stability_start, self.stability, list(self.path), self.good, self.too_wide,
                  self.too_careful, self.wrong_basis, self.mistakes, self.solved, self.skipped, self.hints,
                  self.time_left_s)
        return dict(zip(self._KEYS, values, strict=True))

    def judged(self) -> dict[str, int | None]:
        """The decisions per judgement: "goed" and the three legal errors, by their journal names."""
        return dict(zip(self._KEYS[4:8], (self.good, self.too_wide, self.too_careful, self.wrong_basis), strict=True))

    @classmethod
    def parse(cls, raw: object) -> Summary:
        t = _table(raw)
        counts = [_int(t.get(key)) for key in cls._KEYS[4:]]
        return cls(_text(t.get("fase")), _int(t.get("stabiliteit_start")), _int(t.get("stabiliteit")),
                   _ints(t.get("verloop")), *counts)


@dataclass(frozen=True)
class EndRecord:
    """The end of a game: its phase (:class:`Ending`; a newer one kept as written) and the :class:`Summary`."""

    type: ClassVar[str] = END
    phase: str | None
    summary: Summary
    clock: Clock = field(default_factory=Clock)

    puzzle: ClassVar[None] = None

    def fields(self) -> dict[str, Any]:
        return {"fase": self.phase, "samenvatting": self.summary.fields(), **self.clock.fields()}

    @classmethod
    def parse(cls, raw: Mapping[str, Any]) -> EndRecord:
        return cls(_text(raw.get("fase")), Summary.parse(raw.get("samenvatting")), Clock.parse(raw))


@dataclass(frozen=True)
class RepairRecord(_Unplaced):
    """Written on resume when a crash came between a record and the state that reflects it: the ``seq`` numbers of
    the records the team never saw accepted (``niet_toegepast``); :func:`applied_records` leaves them out."""

    type: ClassVar[str] = REPAIR
    not_applied: tuple[int, ...]

    def fields(self) -> dict[str, Any]:
        return {"niet_toegepast": list(self.not_applied)}

    @classmethod
    def parse(cls, raw: Mapping[str, Any]) -> RepairRecord:
        return cls(_ints(raw.get("niet_toegepast")))


@dataclass(frozen=True)
class UnknownRecord:
    """A record of a type this version does not know (a newer game wrote it), or a damaged one the debrief skipped:
    its type and fields as written, with the puzzle, clock and stability any record may carry."""

    type: str  # the other records fix their type per class; this one keeps what it read
    data: Mapping[str, Any]  # the record's fields without the journal's own keys

    @property
    def puzzle(self) -> str | None:
        return _puzzle(self.data)

    @property
    def clock(self) -> Clock:
        return Clock.parse(self.data)

    @property
    def stability(self) -> int | None:
        return _int(self.data.get("stabiliteit"))

    def fields(self) -> dict[str, Any]:
        return dict(self.data)

    @classmethod
    def parse(cls, raw: Mapping[str, Any]) -> UnknownRecord:
        return cls(_text(raw.get("type")) or "?", {k: v for k, v in raw.items() if k not in _META})


_Known = StartRecord | AttemptRecord | HintRecord | FacilitatorRecord | EndRecord | RepairRecord
Record = _Known | UnknownRecord
_KNOWN: dict[str, type[_Known]] = {
    cls.type: cls for cls in (StartRecord, AttemptRecord, HintRecord, FacilitatorRecord, EndRecord, RepairRecord)}


def parse_record(raw: Mapping[str, Any]) -> Record:
    """The typed record of one journal record (as :func:`~escaperoom.storage.journal.read_journal` gives it).
    Raises :class:`BadRecord` for an attempt without its puzzle or items (or with an item without its key)."""
    known = _KNOWN.get(_text(raw.get("type")) or "")
    return known.parse(raw) if known is not None else UnknownRecord.parse(raw)


def stamp(raw: Mapping[str, Any]) -> tuple[int, str]:
    """A journal record's sequence number and UTC time as written (``2025-03-01T09:30:00.123Z``); 0 and "" if none."""
    return _int(raw.get("seq")) or 0, _text(raw.get("t")) or ""


def applied_records(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The records of a journal without those a later ``herstel`` record marks as never applied."""
    dropped = {seq for r in records if r.get("type") == REPAIR for seq in RepairRecord.parse(r).not_applied}
    return [r for r in records if r.get("seq") not in dropped]
