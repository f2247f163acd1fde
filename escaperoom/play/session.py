"""One team playing one scenario: a plain state machine with clock, progress, hints, attempts, stability and lock.

Pure (no pygame): the screens call ``tick(dt)``, ``submit(puzzle_id, answer)``, ``take_hint`` and the facilitator
methods, and draw what the session says. Every significant change is handed to ``on_event(type, fields)`` — the
recorder writes it to the journal and saves the state — so a crash loses nothing the team saw accepted.

    PLAYING ⇄ PAUSED → ESCAPED | TIME_UP | ENDED        (the last three are final)

Stability and tallies count *decisions*, not attempts: per puzzle the latest judgement of every item is kept
(``PuzzleState.judged``); an attempt moves the meter only for items whose judgement changes, and an item earns
``goed`` at most once per puzzle. Every change of an item into an error is kept in ``Session.mistakes`` for the
end screen. :meth:`Session.from_state` validates a saved state completely and raises :class:`StateError`
(naming the key) for anything that does not fit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Annotated, Any, Callable

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator

from escaperoom.content.diagnostics import quote_value, state_problem
from escaperoom.content.models import Hint, Puzzle, Scenario
from escaperoom.kinds import Answer, Case, ErrorKind, PuzzleResult, check_answer, kind_of, lock_code, model_answer
from escaperoom.play.pii import find_personal_data
from escaperoom.text import LANGUAGES, Text

STATE_VERSION = 1
EventSink = Callable[[str, dict[str, Any]], None]


class Phase(StrEnum):
    PLAYING = "spelen"
    PAUSED = "pauze"
    ESCAPED = "ontsnapt"
    TIME_UP = "tijd_op"
    ENDED = "beeindigd"

    @property
    def final(self) -> bool:
        return self in (Phase.ESCAPED, Phase.TIME_UP, Phase.ENDED)


class Feedback(StrEnum):
    DIRECT = "direct"  # verdict per item with explanation after each answer
    ESCAPE = "escape"  # only whether it is right; explanations wait for the debrief


class Status(StrEnum):
    OPEN = "open"
    SOLVED = "opgelost"
    SKIPPED = "overgeslagen"


class SessionError(Exception):
    """A call that does not fit the session's state (a screen bug, not a team mistake)."""


class StateError(ValueError):
    """A saved state that does not fit: ``key`` is the dotted key path (``klok.verstreken_s``), ``message`` a
    complete Dutch sentence naming it. The recorder turns it into a :class:`~escaperoom.errors.SaveError`."""

    def __init__(self, key: str, message: str):
        self.key = key
        self.message = message
        super().__init__(message)


class PersonalDataInReason(ValueError):
    """The team's reason looks like it holds personal data; the screen asks them to leave it out."""

    def __init__(self, labels: list[str]):
        self.labels = labels
        super().__init__("de reden lijkt persoonsgegevens te bevatten: " + ", ".join(labels))


@dataclass
class Settings:
    scenario_id: str
    team: str
    duration_s: int
    feedback: Feedback = Feedback.DIRECT
    lang: str = "nl"


GOOD = "goed"  # the judgement of an item that is right (otherwise the ErrorKind value)


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


@dataclass
class PuzzleState:
    status: Status = Status.OPEN
    attempts: int = 0
    hints: int = 0
    seconds: float = 0.0  # time spent at this station
    best: float = 0.0
    answer_shown: bool = False
    judged: dict[str, str] = field(default_factory=dict)  # item key -> latest judgement: "goed" or ErrorKind value
    credited: set[str] = field(default_factory=set)  # item keys that earned "goed" once (never again)


@dataclass(frozen=True)
class Mistake:
    """One item of one puzzle that changed into an error: the concrete decision the end screen can name.

    ``label`` is the item's bilingual label as the result showed it (``ItemResult.label``), ``kind`` its error."""

    puzzle_id: str
    key: str
    label: Text
    kind: ErrorKind


@dataclass
class Session:
    """The state machine of one game. Besides clock, progress and hints it keeps:

    - ``stability`` (0–100) and its path ``history``, moved per item *decision* (see the module docstring);
    - ``tallies``: how many decisions were ``goed`` / ``te_ruim`` / ``te_voorzichtig`` / … (a resubmitted answer
      adds nothing);
    - ``mistakes``: ``list[Mistake]``, one :class:`Mistake` (puzzle id, item key, bilingual label, error kind)
      each time an item's judgement changes into an error — for the end screen to name concrete decisions.
    """

    scenario: Scenario
    cases: dict[str, list[Case]]
    settings: Settings
    on_event: EventSink = field(default=lambda kind, fields: None)
    elapsed: float = 0.0
    extra_s: float = 0.0  # facilitator ± time
    penalty_s: float = 0.0  # time cost of hints
    phase: Phase = Phase.PLAYING
    stability: int = 0
    history: list[int] = field(default_factory=list)
    puzzles: dict[str, PuzzleState] = field(default_factory=dict)
    current: str | None = None
    last_result: PuzzleResult | None = None
    tallies: dict[str, int] = field(default_factory=dict)  # decisions (judgement changes) per "goed"/error kind
    mistakes: list[Mistake] = field(default_factory=list)  # every item that changed into an error, in order
    end_requested: bool = False  # the facilitator ended the game; settle() finishes it if the end was not recorded

    def __post_init__(self) -> None:
        if not self.puzzles:
            self.puzzles = {p.id: PuzzleState() for p in self.scenario.puzzels}
        if not self.history:
            self.stability = self.scenario.scenario.stabiliteit.start
            self.history = [self.stability]

    # ------------------------------------------------------------------ queries

    @property
    def remaining_s(self) -> float:
        return max(0.0, self.settings.duration_s + self.extra_s - self.penalty_s - self.elapsed)

    def status(self, puzzle_id: str) -> Status:
        return self.puzzles[puzzle_id].status

    @property
    def rooms_done(self) -> int:
        return sum(1 for p in self.scenario.rooms if self.puzzles[p.id].status is not Status.OPEN)

    @property
    def lock_open(self) -> bool:
        """The lock can be tried once every puzzle whose reward feeds it is solved or skipped."""
        lock = self.scenario.lock
        return lock is not None and all(self.puzzles[p].status is not Status.OPEN for p in lock.codes_van)

    def code_so_far(self) -> list[str | None]:
        lock = self.scenario.lock
        if lock is None:
            return []
        return [self.scenario.puzzle(p).beloning if self.puzzles[p].status is not Status.OPEN else None
                for p in lock.codes_van]

    def next_hint(self, puzzle_id: str) -> Hint | None:
        hints = self.scenario.puzzle(puzzle_id).hints
        taken = self.puzzles[puzzle_id].hints
        return hints[taken] if taken < len(hints) else None

    def hints_taken(self, puzzle_id: str) -> list[Hint]:
        return self.scenario.puzzle(puzzle_id).hints[: self.puzzles[puzzle_id].hints]

    def model_answer(self, puzzle_id: str) -> Answer:
        return model_answer(self.scenario, self.scenario.puzzle(puzzle_id), self.cases[puzzle_id])

    # ------------------------------------------------------------------ the clock

    def tick(self, dt: float) -> None:
        """Advance the game clock by ``dt`` seconds (only while playing)."""
        if self.phase is not Phase.PLAYING or dt <= 0:
            return
        self.elapsed += dt
        if self.current is not None:
            self.puzzles[self.current].seconds += dt
        if self.remaining_s <= 0:
            self._finish(Phase.TIME_UP)

    # ------------------------------------------------------------------ the team's actions

    def enter(self, puzzle_id: str | None) -> None:
        """The team opens a station (or returns to the map with ``None``); time per puzzle is counted."""
        if puzzle_id is not None:
            self.scenario.puzzle(puzzle_id)
        self.current = puzzle_id

    def submit(self, puzzle_id: str, answer: Answer, reason: str = "") -> PuzzleResult:
        """Check an answer, update progress and stability, and record the attempt."""
        self._require_playing()
        puzzle = self.scenario.puzzle(puzzle_id)
        state = self.puzzles[puzzle_id]
        if state.status is not Status.OPEN:
            raise SessionError(f"puzzel '{puzzle_id}' is al {state.status.value}")
        is_lock = kind_of(puzzle).is_lock
        if is_lock and not self.lock_open:
            raise SessionError("het slot gaat pas open als alle puzzels klaar zijn")
        reason = reason.strip()
        fields: Mapping[str, object] = answer  # only a dilemma's answer has a typed reason
        given = fields.get("reden")
        typed = given.strip() if isinstance(given, str) else ""
        self.check_reason(reason)  # both texts are stored (the answer as given), so both must pass
        self.check_reason(typed)
        reason = reason or typed
        result = check_answer(self.scenario, puzzle, self.cases[puzzle_id], answer)
        state.attempts += 1
        state.best = max(state.best, result.score)
        if not is_lock:
            self._apply_stability(puzzle_id, result)
        if result.solved:
            state.status = Status.SOLVED
        self.last_result = result
        self.on_event("poging", self._attempt_record(puzzle, result, answer, reason))
        if is_lock and result.solved:
            self._finish(Phase.ESCAPED)
        return result

    def check_reason(self, reason: str) -> None:
        """Raise :class:`PersonalDataInReason` when a typed reason looks like it holds personal data."""
        findings = find_personal_data(reason) if reason else []
        if findings:
            raise PersonalDataInReason(sorted({f.label for f in findings}))

    def take_hint(self, puzzle_id: str, *, free: bool = False) -> Hint | None:
        """The next hint of the ladder (principle → article → example); costs time unless ``free``."""
        self._require_playing(allow_paused=free)
        hint = self.next_hint(puzzle_id)
        if hint is None:
            return None
        self.puzzles[puzzle_id].hints += 1
        cost = 0 if free else hint.kosten_seconden
        self.penalty_s += cost
        self.on_event("hint", {"puzzel": puzzle_id, "niveau": hint.niveau, "nummer": self.puzzles[puzzle_id].hints,
                               "kosten_s": cost, "gratis": free, **self._clock()})
        return hint

    # ------------------------------------------------------------------ the facilitator

    def pause(self, *, by: str = "facilitator") -> None:
        """Stop the clock. ``by`` says who: ``"facilitator"`` (F2/P) or ``"team"`` (the players' own Esc);
        recorded as ``door`` in the (still "facilitator"-typed) ``pauze`` record."""
        if self.phase is Phase.PLAYING:
            self.phase = Phase.PAUSED
            self._facilitator("pauze", door=by)

    def resume(self, *, by: str = "facilitator") -> None:
        if self.phase is Phase.PAUSED:
            self.phase = Phase.PLAYING
            self._facilitator("hervat", door=by)

    def adjust_time(self, seconds: int) -> None:
        if self.phase.final:
            raise SessionError("het spel is afgelopen")
        self.extra_s += seconds
        self._facilitator("tijd", seconden=seconds)
        if self.remaining_s <= 0 and self.phase is Phase.PLAYING:
            self._finish(Phase.TIME_UP)

    def give_hint(self, puzzle_id: str) -> Hint | None:
        """A free hint from the facilitator; None (and nothing recorded) when the ladder is used up."""
        hint = self.take_hint(puzzle_id, free=True)
        if hint is not None:
            self._facilitator("gratis_hint", puzzel=puzzle_id)
        return hint

    def skip(self, puzzle_id: str) -> None:
        if self.phase.final:
            raise SessionError("het spel is afgelopen")
        state = self.puzzles[puzzle_id]
        if state.status is Status.OPEN and not kind_of(self.scenario.puzzle(puzzle_id)).is_lock:
            state.status = Status.SKIPPED
            self._facilitator("overslaan", puzzel=puzzle_id)

    def reveal_answer(self, puzzle_id: str) -> Answer:
        answer = self.model_answer(puzzle_id)
        self.puzzles[puzzle_id].answer_shown = True
        self._facilitator("antwoord_tonen", puzzel=puzzle_id)
        return answer

    def end_game(self) -> None:
        if not self.phase.final:
            # Crash-safe order: ``end_requested`` is set before the facilitator record, so the state saved with
            # that record already says the end was decided. A crash before the ``einde`` record then leaves a
            # state that settle() finishes on resume. (Finishing first would put ``einde`` before the action
            # that caused it in the journal, and a crash between the two would lose the facilitator record.)
            self.end_requested = True
            self._facilitator("beeindigen")
            self._finish(Phase.ENDED)

    def settle(self) -> Phase | None:
        """Finish a game whose end was decided but not recorded (a crash between the deciding record and the
        ``einde`` record): lock solved → ESCAPED; ended by the facilitator → ENDED; no time left while playing →
        TIME_UP. Records ``einde`` through ``on_event``; returns the new phase, or None when nothing was due."""
        if self.phase.final:
            return None
        lock = self.scenario.lock
        if lock is not None and self.puzzles[lock.id].status is Status.SOLVED:
            self._finish(Phase.ESCAPED)
        elif self.end_requested:
            self._finish(Phase.ENDED)
        elif self.phase is Phase.PLAYING and self.remaining_s <= 0:
            self._finish(Phase.TIME_UP)
        else:
            return None
        return self.phase

    # ------------------------------------------------------------------ the end

    def summary(self) -> dict[str, Any]:
        """What the team's choices meant for the resident: counts, stability path and a short Dutch verdict.

        The counts are decisions, not attempts (an item counts when its judgement changes; a resubmitted answer
        adds nothing); ``fouten`` is how many of them were mistakes (``len(self.mistakes)``)."""
        t = self.tallies
        start = self.history[0]
        return {
            "fase": self.phase.value,
            "stabiliteit_start": start,
            "stabiliteit": self.stability,
            "verloop": list(self.history),
            "goed": t.get("goed", 0),
            "te_ruim": t.get(ErrorKind.TE_RUIM.value, 0),
            "te_voorzichtig": t.get(ErrorKind.TE_VOORZICHTIG.value, 0),
            "verkeerde_grondslag": t.get(ErrorKind.VERKEERDE_GRONDSLAG.value, 0),
            "fouten": len(self.mistakes),
            "opgelost": sum(1 for p in self.scenario.rooms if self.puzzles[p.id].status is Status.SOLVED),
            "overgeslagen": sum(1 for p in self.scenario.rooms if self.puzzles[p.id].status is Status.SKIPPED),
            "hints": sum(s.hints for s in self.puzzles.values()),
            "tijd_over_s": round(self.remaining_s),
        }

    # ------------------------------------------------------------------ persistence

    def to_state(self) -> dict[str, Any]:
        return {
            "versie": STATE_VERSION,
            "instellingen": {"scenario": self.settings.scenario_id, "team": self.settings.team,
                             "duur_s": self.settings.duration_s, "feedback": self.settings.feedback.value,
                             "taal": self.settings.lang},
            "klok": {"verstreken_s": self.elapsed, "extra_s": self.extra_s, "strafijd_s": self.penalty_s},
            "fase": self.phase.value,
            "stabiliteit": self.stability,
            "verloop": list(self.history),
            "tellingen": dict(self.tallies),
            "huidig": self.current or "",
            "beeindigen_gevraagd": self.end_requested,
            "puzzels": {pid: {"status": s.status.value, "pogingen": s.attempts, "hints": s.hints,
                              "seconden": s.seconds, "beste": s.best, "antwoord_getoond": s.answer_shown,
                              "beoordeeld": dict(s.judged), "goed_gerekend": sorted(s.credited)}
                        for pid, s in self.puzzles.items()},
            "fouten": [{"puzzel": m.puzzle_id, "sleutel": m.key, "soort": m.kind.value,
                        "label": m.label.model_dump(exclude_none=True)} for m in self.mistakes],
        }

    @classmethod
    def from_state(cls, state: Any, scenario: Scenario, cases: dict[str, list[Case]],
                   on_event: EventSink | None = None) -> "Session":
        """Rebuild a session from :meth:`to_state`. The whole state is checked first (types, finite numbers in
        range, known phases/statuses/puzzles, judgements and mistakes well-formed); anything that does not fit
        raises :class:`StateError` with a Dutch message naming the key. A state written before ``beoordeeld``,
        ``goed_gerekend``, ``fouten`` or ``beeindigen_gevraagd`` existed loads with them empty."""
        if not isinstance(state, dict):
            raise StateError("", "de spelstand is geen tabel.")
        if "versie" not in state:
            raise StateError("versie", "'versie' ontbreekt: dit is geen spelstand van dit spel.")
        if state["versie"] != STATE_VERSION:
            raise StateError("versie", f"'versie' is onbekend ({quote_value(state['versie'])}); deze versie van het "
                                       f"spel kent versie {STATE_VERSION}.")
        try:
            model = _StateModel.model_validate(state)
        except ValidationError as err:
            raise _state_error(err, state) from None
        ins = model.instellingen
        if ins.scenario != scenario.id:
            raise StateError("instellingen.scenario",
                             f"de stand hoort bij casus '{ins.scenario}', niet bij '{scenario.id}'.")
        known = {p.id: p for p in scenario.puzzels}
        for pid in known:
            if pid not in model.puzzels:
                raise StateError(f"puzzels.{pid}", f"'puzzels.{pid}' ontbreekt: de stand past niet bij deze casus.")
        for pid, raw in model.puzzels.items():
            if pid not in known:
                raise StateError(f"puzzels.{pid}", f"'puzzels.{pid}' is geen puzzel van casus '{scenario.id}'.")
            if raw.hints > len(known[pid].hints):
                raise StateError(f"puzzels.{pid}.hints", f"'puzzels.{pid}.hints' is {raw.hints}, maar die puzzel "
                                                         f"heeft maar {len(known[pid].hints)} hints.")
        if model.huidig and model.huidig not in known:
            raise StateError("huidig", f"'huidig' noemt een onbekende puzzel ({quote_value(model.huidig)}).")
        for n, m in enumerate(model.fouten):
            if m.puzzel not in known:
                raise StateError(f"fouten[{n}].puzzel",
                                 f"'fouten[{n}].puzzel' noemt een onbekende puzzel ({quote_value(m.puzzel)}).")
        puzzles = {pid: PuzzleState(raw.status, raw.pogingen, raw.hints, raw.seconden, raw.beste,
                                    raw.antwoord_getoond, dict(raw.beoordeeld), set(raw.goed_gerekend))
                   for pid, raw in ((p, model.puzzels[p]) for p in known)}
        klok = model.klok
        return cls(scenario=scenario, cases=cases,
                   settings=Settings(ins.scenario, ins.team, ins.duur_s, ins.feedback, ins.taal),
                   on_event=on_event or (lambda kind, fields: None),
                   elapsed=klok.verstreken_s, extra_s=klok.extra_s, penalty_s=klok.strafijd_s, phase=model.fase,
                   stability=model.stabiliteit, history=list(model.verloop), puzzles=puzzles,
                   current=model.huidig or None, tallies=dict(model.tellingen),
                   mistakes=[Mistake(m.puzzel, m.sleutel, m.label, m.soort) for m in model.fouten],
                   end_requested=model.beeindigen_gevraagd)

    # ------------------------------------------------------------------ internals

    def _require_playing(self, allow_paused: bool = False) -> None:
        if self.phase is Phase.PLAYING or (allow_paused and self.phase is Phase.PAUSED):
            return
        raise SessionError(f"het spel is niet bezig (fase: {self.phase.value})")

    def _apply_stability(self, puzzle_id: str, result: PuzzleResult) -> None:
        """Move stability and tallies for the items whose judgement changed since the last attempt.

        Becoming right for the first time in this puzzle earns ``goed``; changing into an error (from right, from
        another error, or on the first attempt) costs that error's weight and adds a :class:`Mistake`. The same
        judgement again changes nothing, and right → wrong → right earns ``goed`` only once (never a net gain)."""
        weights = self.scenario.scenario.stabiliteit
        state = self.puzzles[puzzle_id]
        for item in result.items:
            now = GOOD if item.error is None else item.error.value
            if not counts_as_decision(state.judged, state.credited, item.key, now):
                continue
            if item.error is None:
                delta = weights.goed
            else:
                delta = {ErrorKind.TE_RUIM: weights.te_ruim, ErrorKind.TE_VOORZICHTIG: weights.te_voorzichtig,
                         ErrorKind.VERKEERDE_GRONDSLAG: weights.verkeerde_grondslag}.get(item.error, weights.fout)
                self.mistakes.append(Mistake(puzzle_id, item.key, item.label, item.error))
            self.tallies[now] = self.tallies.get(now, 0) + 1
            self.stability = max(0, min(100, self.stability + delta))
        self.history.append(self.stability)

    def _clock(self) -> dict[str, Any]:
        return {"verstreken_s": round(self.elapsed, 1), "resterend_s": round(self.remaining_s, 1)}

    def _facilitator(self, action: str, **fields: Any) -> None:
        self.on_event("facilitator", {"actie": action, **fields, **self._clock()})

    def _finish(self, phase: Phase) -> None:
        self.phase = phase
        self.on_event("einde", {"fase": phase.value, "samenvatting": self.summary(), **self._clock()})

    def _attempt_record(self, puzzle: Puzzle, result: PuzzleResult, answer: Answer, reason: str) -> dict[str, Any]:
        state = self.puzzles[puzzle.id]
        kind = kind_of(puzzle)
        items = []
        for it in result.items:
            rec: dict[str, Any] = {"sleutel": it.key, "label": it.label.nl, "antwoord": it.answer,
                                   "verwacht": kind.write_expected(it.expected),
                                   "fout": it.error.value if it.error else None, "punten": it.credit}
            lang = self.settings.lang
            if it.verdict is not None:
                rec.update(oordeel=it.verdict.decision.value, regel=it.verdict.rule,
                           grondslagen=sorted(it.verdict.bases), verbod=sorted(it.verdict.prohibitions),
                           artikelen=list(it.verdict.citations), uitleg=it.verdict.explanation(lang),
                           berust_op_onzeker=it.verdict.doubtful)
                if it.verdict.uncertain:
                    rec["onzeker"] = list(it.verdict.uncertain)
            elif it.explanation is not None:
                rec["uitleg"] = it.explanation.get(lang)
            items.append(rec)
        return {"puzzel": puzzle.id, "soort": puzzle.soort, "poging": state.attempts, "antwoord": answer,
                "reden": reason, "items": items, "score": round(result.score, 3), "opgelost": result.solved,
                "hints_tot_nu": state.hints, "tijd_op_puzzel_s": round(state.seconds, 1),
                "stabiliteit": self.stability, **self._clock()}


def lock_length(scenario: Scenario) -> int:
    return len(lock_code(scenario))


# --------------------------------------------------------------------------------------------------- the state model
# What from_state accepts, strictly: a TOML save holds str/int/float/bool/tables/lists, and a hand-edited or damaged
# file must end in a Dutch message naming the key, never in a traceback later (nan in the journal, KeyError in tick).

MAX_SECONDS = 10**9  # no game clock gets near this (≈ 31 years); bounds keep every sum finite
_JUDGEMENTS = frozenset({GOOD, *(k.value for k in ErrorKind)})

_Seconds = Annotated[float, Field(ge=0, le=MAX_SECONDS, allow_inf_nan=False)]
_Count = Annotated[int, Field(ge=0, le=MAX_SECONDS)]
_Stability = Annotated[int, Field(ge=0, le=100)]


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore", frozen=True)


class _SettingsModel(_Strict):
    scenario: str
    team: str
    duur_s: Annotated[int, Field(gt=0, le=MAX_SECONDS)]
    feedback: Annotated[Feedback, Field(strict=False)]
    taal: str

    @field_validator("taal")
    @classmethod
    def _known_language(cls, value: str) -> str:
        if value not in LANGUAGES:
            raise ValueError(f"is geen bekende taal ({quote_value(value)}); mogelijk: {', '.join(LANGUAGES)}")
        return value


class _ClockModel(_Strict):
    verstreken_s: _Seconds
    extra_s: Annotated[float, Field(ge=-MAX_SECONDS, le=MAX_SECONDS, allow_inf_nan=False)]
    strafijd_s: _Seconds


def _judgement(value: str) -> str:
    if value not in _JUDGEMENTS:
        raise ValueError(f"is geen bekend oordeel ({quote_value(value)}); mogelijk: {', '.join(sorted(_JUDGEMENTS))}")
    return value


_Judgement = Annotated[str, AfterValidator(_judgement)]


class _PuzzleModel(_Strict):
    status: Annotated[Status, Field(strict=False)]
    pogingen: _Count
    hints: _Count
    seconden: _Seconds
    beste: Annotated[float, Field(ge=0, le=1, allow_inf_nan=False)]
    antwoord_getoond: bool
    beoordeeld: dict[str, _Judgement] = {}
    goed_gerekend: list[str] = []


class _MistakeModel(_Strict):
    puzzel: str
    sleutel: str
    soort: Annotated[ErrorKind, Field(strict=False)]
    label: Annotated[Text, Field(strict=False)]


class _StateModel(_Strict):
    versie: int
    instellingen: _SettingsModel
    klok: _ClockModel
    fase: Annotated[Phase, Field(strict=False)]
    stabiliteit: _Stability
    verloop: Annotated[list[_Stability], Field(min_length=1)]
    tellingen: dict[_Judgement, _Count] = {}
    huidig: str = ""
    beeindigen_gevraagd: bool = False
    puzzels: dict[str, _PuzzleModel]
    fouten: list[_MistakeModel] = []


def _state_error(err: ValidationError, state: Any) -> StateError:
    """The first problem pydantic found, as one Dutch sentence naming the key and the value found."""
    problem = state_problem(err, state)
    return StateError(problem.key, problem.message)
