"""A scripted team that plays a whole scenario through the real scenes, by posting the events a player would
cause (key presses, typing, clicks, drags): title → setup (types the team name) → intro → the room → every puzzle
(through each puzzle screen's driver, ``scripted.puzzles``) → the lock → the end scene. It makes mistakes on
purpose, and which ones follows from a seed — by default derived from the team name, so
``escaperoom --autoplay --team X`` plays the same game for X every time and teams with other names differ (the
debrief benchmark needs that spread):

* which puzzles get a wrong first answer (at least one sorting, basis or redaction puzzle always does, so every
  game has a te ruim or te voorzichtig error), and what is wrong in it: some cards to another recipient or kept
  back, some bases swapped, some fragments left visible or blacked out, two steps swapped, another option;
* whether a second try is still partly wrong (at most three tries, then the facilitator skips it);
* a hint after the first mistake (always) and sometimes after a later one; the reason given in the dilemma;
  whether it first tries a wrong lock code; and how many frames it "thinks" before answering a puzzle.

``wrong_first=(0, 3)`` (an explicit tuple) plays the fixed script of earlier versions instead: the first and
fourth puzzle wrong once, every card / choice wrong, a hint after the first mistake and a wrong code once.
Used by ``escaperoom --autoplay`` (demo, test, benchmark).

Modes: "keyboard" sends only keys and typed text; "mouse" sends only mouse presses, moves and releases, plus typed
text for the team name (the puzzles get ``pointer="mouse"``, the dilemma's reason is a listed one, feedback and
the hint ladder are left with their buttons); "mixed" clicks the room's tiles and uses keys everywhere else."""

from __future__ import annotations

import random
import weakref
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pygame

from escaperoom.content.models import Puzzle
from escaperoom.kinds import KINDS, Answer, check_answer, kind_of, lock_code
from escaperoom.play.session import Status, lock_length
from escaperoom.text import Text
from escaperoom.ui.puzzles.feedback import FeedbackScene
from escaperoom.ui.scenes.end import EndScene
from escaperoom.ui.scenes.hint import HintScene
from escaperoom.ui.scenes.intro import IntroScene
from escaperoom.ui.scenes.lock import LockScene
from escaperoom.ui.scenes.room import RoomScene
from escaperoom.ui.scenes.setup import SetupScene
from escaperoom.ui.scenes.title import TitleScene
from escaperoom.ui.scripted.events import click, key, tab_events, type_text
from escaperoom.ui.scripted.puzzles import driver_for, script_events

REASON = "Er is acuut gevaar voor de buurvrouw, dus delen is nodig."
REASONS = (REASON, "Veiligheid gaat voor, maar alleen wat nodig is.", "We willen eerst met de bewoner praten.",
           "De wet laat ons hier geen ruimte om te zwijgen.", "Zo blijft het vertrouwen van de bewoner heel.")
LEGAL_KINDS = tuple(k.model for k in KINDS if k.legal)  # answers the law judges: te ruim / te voorzichtig
_SETTLE = 2  # frames between two actions, so every scene draws what it got
_STUCK = 40  # frames on one scene without progress before pressing Escape


def wrong_answer(puzzle: Puzzle, right: Answer) -> Answer:
    """A deliberately wrong answer in the kind's format (too cautious, too wide or in the wrong order): the kind's
    plausible mistake, with ``REASON`` when the kind asks for a reason."""
    kind = kind_of(puzzle)
    answer: Answer = kind.with_reason(kind.plausible_mistake(puzzle, right), REASON)
    return answer


def varied_wrong_answer(puzzle: Puzzle, right: Answer, rng: random.Random,
                        solves: Callable[[Answer], bool] | None = None) -> Answer:
    """A wrong answer with some of the right one kept: a random part of the cards, choices or fragments changed
    (at least one), two steps swapped, or another option. Deterministic for a given ``rng`` state. A change can
    happen to be right too (another recipient that may also have it, another acceptable option): with ``solves``
    (answer -> does it solve the puzzle?) such a draw is replaced, and after ten the fixed wrong answer is used."""
    if solves is None:
        return _varied(puzzle, right, rng)
    for _ in range(10):
        answer = _varied(puzzle, right, rng)
        if not solves(answer):
            return answer
    return wrong_answer(puzzle, right)


def _varied(puzzle: Puzzle, right: Answer, rng: random.Random) -> Answer:
    answer: Answer = kind_of(puzzle).varied_mistake(puzzle, right, rng)
    return answer


def seed_for(team: str) -> int:
    """The autoplay seed of a team name (stable across runs and machines, unlike ``hash``)."""
    return zlib.crc32(team.strip().encode("utf-8"))


@dataclass
class Plan:
    """What a seeded team will get wrong, per room index (the scenario's puzzles before the lock)."""

    wrong: set[int] = field(default_factory=set)  # a wrong first answer
    wrong_again: set[int] = field(default_factory=set)  # the second try is still partly wrong
    hints: set[int] = field(default_factory=set)  # a hint after the first mistake here
    anchor: int | None = None  # gets the full wrong answer (te ruim / te voorzichtig for sure)
    wrong_code: bool = True
    reason: int = 0  # which of REASONS (keyboard) or of the dilemma's listed reasons (mouse)
    think_frames: dict[int, int] = field(default_factory=dict)  # frames (of 0.25 game seconds) before answering

    @classmethod
    def fixed(cls, wrong_first: tuple[int, ...]) -> Plan:
        return cls(wrong=set(wrong_first), hints=set(wrong_first[:1]), anchor=None)

    @classmethod
    def seeded(cls, seed: int, rooms: list[Puzzle]) -> Plan:
        rng = random.Random(seed)
        legal = [i for i, p in enumerate(rooms) if kind_of(p).legal]
        anchor = rng.choice(legal) if legal else (0 if rooms else None)
        wrong = {i for i in range(len(rooms)) if rng.random() < 0.45} | ({anchor} if anchor is not None else set())
        again = {i for i in sorted(wrong) if rng.random() < 0.3}
        first = min(wrong) if wrong else None
        hints = ({first} if first is not None else set()) | {i for i in sorted(wrong) if rng.random() < 0.25}
        think = {i: rng.choice((0, 4, 8, 16, 28)) for i in range(len(rooms))}
        return cls(wrong, again, hints, anchor, rng.random() < 0.6, rng.randrange(1000), think)


def tab_to(group: Any, widget: Any) -> list[pygame.event.Event]:
    """Tab presses that move a focus group's focus to ``widget``."""
    return tab_events([w for w in group.widgets if w.can_focus], group.focused, widget)


class Autoplayer:
    """Call :meth:`events` once per frame and feed the result to ``app.step``; ``finished`` once the end scene
    shows (``final_phase`` and ``journal`` then tell how it ended and where the decisions went)."""

    dt = 0.25  # game seconds per frame: fast, but every scene still gets its frames

    def __init__(self, app: Any, team: str = "Autoplay", wrong_first: tuple[int, ...] | None = None,
                 mode: str = "mixed", seed: int | None = None):
        self.app = app
        self.mode = mode  # "keyboard": keys only; "mouse": clicks on the game's own screens; "mixed": both
        self.team = team
        self.wrong_first = wrong_first  # an explicit tuple: the fixed script, no seed
        self.seed = seed_for(team) if seed is None else seed
        self._plan: Plan | None = Plan.fixed(wrong_first) if wrong_first is not None else None
        self._hinted_at: set[int] = set()
        self.finished = False
        self.final_phase: str | None = None
        self.journal: Any = None
        self._wait = 0
        self._scripted: weakref.WeakSet[Any] = weakref.WeakSet()  # not ids: a dead scene's id gets reused
        self._thought: weakref.WeakSet[Any] = weakref.WeakSet()
        self._last_top: Any = None
        self._same = 0
        self._wrong_code_tried = False

    @property
    def plan(self) -> Plan:
        """The mistakes this team makes (made once the scenario is known)."""
        if self._plan is None:
            session = self.app.game.session
            self._plan = Plan.seeded(self.seed, list(session.scenario.rooms) if session else [])
        return self._plan

    def _index(self, puzzle_id: str) -> int:
        rooms = self.app.game.session.scenario.rooms
        return next((i for i, p in enumerate(rooms) if p.id == puzzle_id), -1)

    def events(self) -> list[pygame.event.Event]:
        top = self.app.stack.top
        if top is self._last_top:
            self._same += 1
        else:
            self._last_top, self._same = top, 0
        if self._wait > 0:
            self._wait -= 1
            return []
        self._wait = _SETTLE
        if isinstance(top, EndScene):
            self.finished = True
            self.final_phase = top.session.phase.value
            self.journal = self.app.game.recorder.files.journal if self.app.game.recorder else None
            return []
        return self._act(top)

    def _act(self, top: Any) -> list[pygame.event.Event]:
        enter = key(pygame.K_RETURN)
        if isinstance(top, TitleScene):
            return self._press(top.group, top.new)
        if isinstance(top, SetupScene):
            typed = [] if top.team_field.value else type_text(self.team)
            if self.mode == "mouse":
                return click(top.team_field.rect.center) + typed + click(top.start_button.rect.center)
            return typed + [enter]
        if isinstance(top, IntroScene):
            return self._press(top.group, top.go)
        if isinstance(top, RoomScene):
            return self._room(top)
        if isinstance(top, HintScene):
            if top.taken():
                return self._press(top.group, top.close)
            return self._press(top.group, top.take)
        if isinstance(top, LockScene):
            code = lock_code(top.session.scenario)  # the lock's model answer
            if not self._wrong_code_tried and self.plan.wrong_code:
                self._wrong_code_tried = True
                code = self._wrong_code(code, lock_length(top.session.scenario))
            if self.mode == "mouse":
                keys = {b.label: b for b in top.group.widgets}
                taps = [e for char in code for e in click(keys[char].rect.center)]
                erase = [e for _ in range(len(top.code)) for e in click(top.erase_button.rect.center)]
                return erase + taps + click(top.open_button.rect.center)
            return [key(pygame.K_BACKSPACE)] * 8 + type_text(code) + [enter]
        if driver_for(top) is not None and top not in self._scripted and getattr(top, "result", None) is None:
            if top not in self._thought and self.wrong_first is None:  # a moment to think: game time passes
                self._thought.add(top)
                self._wait = self.plan.think_frames.get(self._index(top.puzzle.id), 0)
                return []
            self._scripted.add(top)
            self._same = 0  # the thinking frames do not count as being stuck
            return script_events(top, self._answer_for(top.puzzle),
                                 pointer="mouse" if self.mode == "mouse" else "keyboard")
        if isinstance(top, FeedbackScene):
            index = self._index(top.puzzle.id) if getattr(top, "puzzle", None) is not None else -1
            if not top.solved and index in self.plan.hints and index not in self._hinted_at:
                return self._leave(top)  # after a (planned) mistake: back to the room to take a hint
            return self._press(top.focus, top.back_button if top.solved else top.retry_button)
        if self._same > _STUCK:
            self._same = 0
            return self._leave(top)
        return self._confirm(top)

    def _leave(self, top: Any) -> list[pygame.event.Event]:
        """Leave the scene on top: Esc, or in mouse mode a click on its back, cancel or close button."""
        if self.mode != "mouse":
            return [key(pygame.K_ESCAPE)]
        button = next((getattr(top, name) for name in ("back_button", "cancel_button", "close")
                       if getattr(top, name, None) is not None), None)
        return click(button.rect.center) if button is not None else []

    def _confirm(self, top: Any) -> list[pygame.event.Event]:
        """Activate what has focus: Enter, or in mouse mode a click on the focused widget (if any)."""
        if self.mode != "mouse":
            return [key(pygame.K_RETURN)]
        group = getattr(top, "group", None) or getattr(top, "focus", None)
        focused = getattr(group, "focused", None)
        return click(focused.rect.center) if focused is not None else []

    def _room(self, room: Any) -> list[pygame.event.Event]:
        session = room.session
        rooms = session.scenario.rooms
        for index, puzzle in enumerate(rooms):
            state = session.puzzles[puzzle.id]
            if state.status is not Status.OPEN:
                continue
            if (index in self.plan.hints and state.attempts >= 1 and index not in self._hinted_at
                    and state.hints == 0):
                self._hinted_at.add(index)
                room.last_station = puzzle.id
                return self._press(room.group, room.hint_button)
            if state.attempts >= 3:
                session.skip(puzzle.id)  # a model answer that does not solve it: never loop for ever
                return []
            tile = next(t for t in room.tiles if t.puzzle.id == puzzle.id)
            return self._press(room.group, tile, mouse=self.mode != "keyboard")
        if session.lock_open:
            return self._press(room.group, room.tiles[-1], mouse=self.mode != "keyboard")
        return []

    def _press(self, group: Any, widget: Any, *, mouse: bool | None = None) -> list[pygame.event.Event]:
        """Activate ``widget``: a click (mouse mode) or Tab presses to it and Enter (keyboard)."""
        if mouse if mouse is not None else self.mode == "mouse":
            return click(widget.rect.center)
        return tab_to(group, widget) + [key(pygame.K_RETURN)]

    def _answer_for(self, puzzle: Puzzle) -> Answer:
        session = self.app.game.session
        right = session.model_answer(puzzle.id)
        index = self._index(puzzle.id)
        plan = self.plan
        tries = session.puzzles[puzzle.id].attempts
        answer: Answer = right
        rng = random.Random(self.seed * 7919 + index * 31 + tries)
        cases = session.cases[puzzle.id]

        def solves(candidate: Answer) -> bool:
            return check_answer(session.scenario, puzzle, cases, candidate).solved

        if index in plan.wrong and tries == 0:
            fixed = self.wrong_first is not None or index == plan.anchor
            answer = wrong_answer(puzzle, right) if fixed else varied_wrong_answer(puzzle, right, rng, solves)
        elif index in plan.wrong_again and tries == 1:
            answer = varied_wrong_answer(puzzle, right, rng, solves)
        elif self.wrong_first is None:  # right, but which of several right answers (the dilemma's good options)?
            answer = kind_of(puzzle).another_right_answer(puzzle, cases, right, rng)
        choices = kind_of(puzzle).reason_choices(puzzle)
        if choices is not None:
            answer = kind_of(puzzle).with_reason(answer, self._reason_for(choices))
        return answer

    def _reason_for(self, listed: Sequence[Text]) -> str:
        """The reason a kind asks for (the dilemma's): typed (one of ``REASONS``; ``REASON`` in the fixed script),
        or with the mouse one of the ``listed`` reasons when there are any."""
        pick = 0 if self.wrong_first is not None else self.plan.reason
        if self.mode == "mouse" and listed:
            return listed[pick % len(listed)].get(self.app.game.session.settings.lang)
        return REASONS[pick % len(REASONS)]

    def _wrong_code(self, code: str, length: int) -> str:
        """A wrong lock code: zeros in the fixed script, else digits from the seed (never the right code)."""
        if self.wrong_first is not None:
            return "0" * length
        rng = random.Random(self.seed + 1)
        for _ in range(20):
            guess = "".join(rng.choice("0123456789") for _ in range(length))
            if guess != code:
                return guess
        return "0" * length if code != "0" * length else "1" * length
