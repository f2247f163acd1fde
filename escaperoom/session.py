"""One team playing one scenario: a plain state machine with clock, progress, hints, attempts, stability and lock.

Pure (no pygame): the screens call ``tick(dt)``, ``submit(puzzle_id, answer)``, ``take_hint`` and the facilitator
methods, and draw what the session says. Every significant change is handed to ``on_event(type, fields)`` — the
recorder writes it to the journal and saves the state — so a crash loses nothing the team saw accepted.

    PLAYING ⇄ PAUSED → ESCAPED | TIME_UP | ENDED        (the last three are final)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Callable

from escaperoom.content.models import Hint, LockPuzzle, Puzzle, Scenario
from escaperoom.judge import Case
from escaperoom.pii import find_personal_data
from escaperoom.scoring import ErrorKind, PuzzleResult, check_answer, lock_code, model_answer

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


@dataclass
class Session:
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
    tallies: dict[str, int] = field(default_factory=dict)

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

    def model_answer(self, puzzle_id: str) -> dict[str, Any]:
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

    def submit(self, puzzle_id: str, answer: dict[str, Any], reason: str = "") -> PuzzleResult:
        """Check an answer, update progress and stability, and record the attempt."""
        self._require_playing()
        puzzle = self.scenario.puzzle(puzzle_id)
        state = self.puzzles[puzzle_id]
        if state.status is not Status.OPEN:
            raise SessionError(f"puzzel '{puzzle_id}' is al {state.status.value}")
        if isinstance(puzzle, LockPuzzle) and not self.lock_open:
            raise SessionError("het slot gaat pas open als alle puzzels klaar zijn")
        reason = reason.strip()
        if isinstance(answer.get("reden"), str):
            reason = reason or answer["reden"].strip()
        self.check_reason(reason)
        result = check_answer(self.scenario, puzzle, self.cases[puzzle_id], answer)
        state.attempts += 1
        state.best = max(state.best, result.score)
        if not isinstance(puzzle, LockPuzzle):
            self._apply_stability(result)
        if result.solved:
            state.status = Status.SOLVED
        self.last_result = result
        self.on_event("poging", self._attempt_record(puzzle, result, answer, reason))
        if isinstance(puzzle, LockPuzzle) and result.solved:
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

    def pause(self) -> None:
        if self.phase is Phase.PLAYING:
            self.phase = Phase.PAUSED
            self._facilitator("pauze")

    def resume(self) -> None:
        if self.phase is Phase.PAUSED:
            self.phase = Phase.PLAYING
            self._facilitator("hervat")

    def adjust_time(self, seconds: int) -> None:
        if self.phase.final:
            raise SessionError("het spel is afgelopen")
        self.extra_s += seconds
        self._facilitator("tijd", seconden=seconds)
        if self.remaining_s <= 0 and self.phase is Phase.PLAYING:
            self._finish(Phase.TIME_UP)

    def give_hint(self, puzzle_id: str) -> Hint | None:
        hint = self.take_hint(puzzle_id, free=True)
        self._facilitator("gratis_hint", puzzel=puzzle_id)
        return hint

    def skip(self, puzzle_id: str) -> None:
        if self.phase.final:
            raise SessionError("het spel is afgelopen")
        state = self.puzzles[puzzle_id]
        if state.status is Status.OPEN and not isinstance(self.scenario.puzzle(puzzle_id), LockPuzzle):
            state.status = Status.SKIPPED
            self._facilitator("overslaan", puzzel=puzzle_id)

    def reveal_answer(self, puzzle_id: str) -> dict[str, Any]:
        answer = self.model_answer(puzzle_id)
        self.puzzles[puzzle_id].answer_shown = True
        self._facilitator("antwoord_tonen", puzzel=puzzle_id)
        return answer

    def end_game(self) -> None:
        if not self.phase.final:
            self._facilitator("beeindigen")
            self._finish(Phase.ENDED)

    # ------------------------------------------------------------------ the end

    def summary(self) -> dict[str, Any]:
        """What the team's choices meant for the resident: counts, stability path and a short Dutch verdict."""
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
            "puzzels": {pid: {"status": s.status.value, "pogingen": s.attempts, "hints": s.hints,
                              "seconden": s.seconds, "beste": s.best, "antwoord_getoond": s.answer_shown}
                        for pid, s in self.puzzles.items()},
        }

    @classmethod
    def from_state(cls, state: dict[str, Any], scenario: Scenario, cases: dict[str, list[Case]],
                   on_event: EventSink | None = None) -> "Session":
        """Rebuild a session from :meth:`to_state`; raises ``ValueError``/``KeyError`` on a state that does not fit."""
        if state.get("versie") != STATE_VERSION:
            raise ValueError(f"onbekende versie van de spelstand: {state.get('versie')!r}")
        ins = state["instellingen"]
        if ins["scenario"] != scenario.id:
            raise ValueError(f"de stand hoort bij casus '{ins['scenario']}', niet bij '{scenario.id}'")
        puzzles = {}
        for p in scenario.puzzels:
            raw = state["puzzels"][p.id]
            puzzles[p.id] = PuzzleState(Status(raw["status"]), int(raw["pogingen"]), int(raw["hints"]),
                                        float(raw["seconden"]), float(raw["beste"]), bool(raw["antwoord_getoond"]))
        klok = state["klok"]
        return cls(scenario=scenario, cases=cases,
                   settings=Settings(ins["scenario"], ins["team"], int(ins["duur_s"]), Feedback(ins["feedback"]),
                                     ins["taal"]),
                   on_event=on_event or (lambda kind, fields: None),
                   elapsed=float(klok["verstreken_s"]), extra_s=float(klok["extra_s"]),
                   penalty_s=float(klok["strafijd_s"]), phase=Phase(state["fase"]),
                   stability=int(state["stabiliteit"]), history=[int(x) for x in state["verloop"]],
                   puzzles=puzzles, current=state.get("huidig") or None,
                   tallies={k: int(v) for k, v in state.get("tellingen", {}).items()})

    # ------------------------------------------------------------------ internals

    def _require_playing(self, allow_paused: bool = False) -> None:
        if self.phase is Phase.PLAYING or (allow_paused and self.phase is Phase.PAUSED):
            return
        raise SessionError(f"het spel is niet bezig (fase: {self.phase.value})")

    def _apply_stability(self, result: PuzzleResult) -> None:
        weights = self.scenario.scenario.stabiliteit
        for item in result.items:
            kind = "goed" if item.error is None else item.error.value
            self.tallies[kind] = self.tallies.get(kind, 0) + 1
            delta = {None: weights.goed, ErrorKind.TE_RUIM: weights.te_ruim,
                     ErrorKind.TE_VOORZICHTIG: weights.te_voorzichtig,
                     ErrorKind.VERKEERDE_GRONDSLAG: weights.verkeerde_grondslag}.get(item.error, weights.fout)
            self.stability = max(0, min(100, self.stability + delta))
        self.history.append(self.stability)

    def _clock(self) -> dict[str, Any]:
        return {"verstreken_s": round(self.elapsed, 1), "resterend_s": round(self.remaining_s, 1)}

    def _facilitator(self, action: str, **fields: Any) -> None:
        self.on_event("facilitator", {"actie": action, **fields, **self._clock()})

    def _finish(self, phase: Phase) -> None:
        self.phase = phase
        self.on_event("einde", {"fase": phase.value, "samenvatting": self.summary(), **self._clock()})

    def _attempt_record(self, puzzle: Puzzle, result: PuzzleResult, answer: dict[str, Any], reason: str) -> dict:
        state = self.puzzles[puzzle.id]
        items = []
        for it in result.items:
            rec: dict[str, Any] = {"sleutel": it.key, "label": it.label.nl, "antwoord": it.answer,
                                   "verwacht": it.expected, "fout": it.error.value if it.error else None,
                                   "punten": it.credit}
            lang = self.settings.lang
            if it.verdict is not None:
                rec.update(oordeel=it.verdict.decision.value, regel=it.verdict.rule,
                           grondslagen=sorted(it.verdict.bases), artikelen=list(it.verdict.citations),
                           uitleg=it.verdict.explanation(lang))
            elif it.explanation is not None:
                rec["uitleg"] = it.explanation.get(lang)
            items.append(rec)
        return {"puzzel": puzzle.id, "soort": puzzle.soort, "poging": state.attempts, "antwoord": answer,
                "reden": reason, "items": items, "score": round(result.score, 3), "opgelost": result.solved,
                "hints_tot_nu": state.hints, "tijd_op_puzzel_s": round(state.seconds, 1),
                "stabiliteit": self.stability, **self._clock()}


def lock_length(scenario: Scenario) -> int:
    return len(lock_code(scenario))
