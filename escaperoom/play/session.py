"""One team playing one scenario: a plain state machine with clock, progress, hints, attempts, stability and lock.

Pure (no pygame): the screens call ``tick(dt)``, ``submit(puzzle_id, answer)``, ``take_hint`` and the facilitator
methods, and draw what the session says. Every significant change is handed to ``on_event(type, fields)`` — the
recorder writes it to the journal and saves the state — so a crash loses nothing the team saw accepted.

    PLAYING ⇄ PAUSED → ESCAPED | TIME_UP | ENDED        (the last three are final)

Stability and tallies count *decisions*, not attempts: per puzzle the latest judgement of every item is kept
(``PuzzleState.judged``); an attempt moves the meter only for items whose judgement changes, and an item earns
``goed`` at most once per puzzle (:func:`~escaperoom.play.records.counts_as_decision`). Every change of an item
into an error is kept in ``Session.mistakes`` for the end screen. The records handed to ``on_event`` are built
from :mod:`escaperoom.play.records`; turning a session into a save and back is :mod:`escaperoom.play.state`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from escaperoom.content.models import Hint, Puzzle, Scenario
from escaperoom.kinds import Answer, Case, ErrorKind, PuzzleResult, check_answer, kind_of, lock_code, model_answer
from escaperoom.play.pii import find_personal_data
from escaperoom.play.records import (
    BY_FACILITATOR,
    GOOD,
    Action,
    AttemptRecord,
    Clock,
    Ending,
    EndRecord,
    FacilitatorRecord,
    HintRecord,
    Record,
    Summary,
    counts_as_decision,
)
from escaperoom.text import Text

EventSink = Callable[[str, dict[str, Any]], None]
"""Where the session hands each record: ``on_event(record type, record fields)`` (the recorder journals it)."""


class Phase(StrEnum):
    PLAYING = "spelen"
    PAUSED = "pauze"
    ESCAPED = Ending.ESCAPED.value
    TIME_UP = Ending.TIME_UP.value
    ENDED = Ending.ENDED.value

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
        self._record(self._attempt_record(puzzle, result, answer, reason))
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
        self._record(HintRecord(puzzle_id, hint.niveau, self.puzzles[puzzle_id].hints, cost, free, self._clock()))
        return hint

    # ------------------------------------------------------------------ the facilitator

    def pause(self, *, by: str = BY_FACILITATOR) -> None:
        """Stop the clock. ``by`` says who: ``"facilitator"`` (F2/P) or ``"team"`` (the players' own Esc);
        recorded as ``door`` in the (still "facilitator"-typed) ``pauze`` record."""
        if self.phase is Phase.PLAYING:
            self.phase = Phase.PAUSED
            self._record(FacilitatorRecord(Action.PAUSE, by=by, clock=self._clock()))

    def resume(self, *, by: str = BY_FACILITATOR) -> None:
        if self.phase is Phase.PAUSED:
            self.phase = Phase.PLAYING
            self._record(FacilitatorRecord(Action.RESUME, by=by, clock=self._clock()))

    def adjust_time(self, seconds: int) -> None:
        if self.phase.final:
            raise SessionError("het spel is afgelopen")
        self.extra_s += seconds
        self._record(FacilitatorRecord(Action.TIME, seconds=seconds, clock=self._clock()))
        if self.remaining_s <= 0 and self.phase is Phase.PLAYING:
            self._finish(Phase.TIME_UP)

    def give_hint(self, puzzle_id: str) -> Hint | None:
        """A free hint from the facilitator; None (and nothing recorded) when the ladder is used up."""
        hint = self.take_hint(puzzle_id, free=True)
        if hint is not None:
            self._record(FacilitatorRecord(Action.FREE_HINT, puzzle=puzzle_id, clock=self._clock()))
        return hint

    def skip(self, puzzle_id: str) -> None:
        if self.phase.final:
            raise SessionError("het spel is afgelopen")
        state = self.puzzles[puzzle_id]
        if state.status is Status.OPEN and not kind_of(self.scenario.puzzle(puzzle_id)).is_lock:
            state.status = Status.SKIPPED
            self._record(FacilitatorRecord(Action.SKIP, puzzle=puzzle_id, clock=self._clock()))

    def reveal_answer(self, puzzle_id: str) -> Answer:
        answer = self.model_answer(puzzle_id)
        self.puzzles[puzzle_id].answer_shown = True
        self._record(FacilitatorRecord(Action.SHOW_ANSWER, puzzle=puzzle_id, clock=self._clock()))
        return answer

    def end_game(self) -> None:
        if not self.phase.final:
            # Crash-safe order: ``end_requested`` is set before the facilitator record, so the state saved with
            # that record already says the end was decided. A crash before the ``einde`` record then leaves a
            # state that settle() finishes on resume. (Finishing first would put ``einde`` before the action
            # that caused it in the journal, and a crash between the two would lose the facilitator record.)
            self.end_requested = True
            self._record(FacilitatorRecord(Action.END, clock=self._clock()))
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

    def totals(self) -> Summary:
        """What the team's choices meant for the resident: counts and the stability path (the ``einde`` record's
        ``samenvatting``).

        The counts are decisions, not attempts (an item counts when its judgement changes; a resubmitted answer
        adds nothing); ``mistakes`` is how many of them were mistakes (``len(self.mistakes)``)."""
        t = self.tallies
        return Summary(
            phase=self.phase.value,
            stability_start=self.history[0],
            stability=self.stability,
            path=tuple(self.history),
            good=t.get(GOOD, 0),
            too_wide=t.get(ErrorKind.TE_RUIM.value, 0),
            too_careful=t.get(ErrorKind.TE_VOORZICHTIG.value, 0),
            wrong_basis=t.get(ErrorKind.VERKEERDE_GRONDSLAG.value, 0),
            mistakes=len(self.mistakes),
            solved=sum(1 for p in self.scenario.rooms if self.puzzles[p.id].status is Status.SOLVED),
            skipped=sum(1 for p in self.scenario.rooms if self.puzzles[p.id].status is Status.SKIPPED),
            hints=sum(s.hints for s in self.puzzles.values()),
            time_left_s=round(self.remaining_s),
        )

    def summary(self) -> dict[str, Any]:
        """:meth:`totals` with the journal's Dutch keys (``fase``, ``stabiliteit``, ``verloop``, ``goed``,
        ``te_ruim``, …, ``tijd_over_s``)."""
        return self.totals().fields()

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

    def _clock(self) -> Clock:
        return Clock.of(self.elapsed, self.remaining_s)

    def _record(self, record: Record) -> None:
        self.on_event(record.type, record.fields())

    def _finish(self, phase: Phase) -> None:
        self.phase = phase
        self._record(EndRecord(phase.value, self.totals(), self._clock()))

    def _attempt_record(self, puzzle: Puzzle, result: PuzzleResult, answer: Answer, reason: str) -> AttemptRecord:
        state = self.puzzles[puzzle.id]
        return AttemptRecord.of(puzzle, result, answer, reason, number=state.attempts, hints=state.hints,
                                seconds=state.seconds, stability=self.stability, clock=self._clock(),
                                lang=self.settings.lang)


def lock_length(scenario: Scenario) -> int:
    return len(lock_code(scenario))


