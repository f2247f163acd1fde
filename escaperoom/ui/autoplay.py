"""A scripted team that plays a whole scenario through the real scenes, by posting the events a player would
cause (key presses, typing, clicks, drags): title → setup (types the team name) → intro → the room → every puzzle
(through each puzzle scene's ``script_events``) → the lock → the end scene. It makes mistakes on purpose: the
first and fourth puzzle get a wrong answer first, the team takes a hint after the first mistake, gives a reason
in the dilemma and tries a wrong code once. Used by ``escaperoom --autoplay`` (demo, test, benchmark).

Modes: "keyboard" sends only keys and typed text; "mouse" sends only mouse presses, moves and releases, plus typed
text for the team name (the puzzles get ``pointer="mouse"``, the dilemma's reason is a listed one, feedback and
the hint ladder are left with their buttons); "mixed" clicks the room's tiles and uses keys everywhere else."""

from __future__ import annotations

import weakref

from typing import Any

import pygame

from escaperoom.content.models import (BasisPuzzle, DilemmaPuzzle, OrderPuzzle, Puzzle, RedactPuzzle, SortPuzzle)
from escaperoom.content.models import GEEN_GRONDSLAG
from escaperoom.scoring import NIET_DELEN
from escaperoom.session import Status, lock_length
from escaperoom.ui.testing import click, key, type_text

REASON = "Er is acuut gevaar voor de buurvrouw, dus delen is nodig."
_SETTLE = 2  # frames between two actions, so every scene draws what it got
_STUCK = 40  # frames on one scene without progress before pressing Escape


def wrong_answer(puzzle: Puzzle, right: dict[str, Any]) -> dict[str, Any]:
    """A deliberately wrong answer in scoring's format (too cautious, too wide or in the wrong order)."""
    if isinstance(puzzle, SortPuzzle):
        first = puzzle.bestemmingen[0].ontvanger
        return {"plaatsing": {card: (NIET_DELEN if to != NIET_DELEN else first)
                              for card, to in right["plaatsing"].items()}}
    if isinstance(puzzle, BasisPuzzle):
        return {"keuzes": {k: (GEEN_GRONDSLAG if v != GEEN_GRONDSLAG else puzzle.beslissingen[int(k)].opties[0])
                           for k, v in right["keuzes"].items()}}
    if isinstance(puzzle, RedactPuzzle):
        return {"zwart": []}
    if isinstance(puzzle, OrderPuzzle):
        return {"volgorde": list(reversed(right["volgorde"]))}
    if isinstance(puzzle, DilemmaPuzzle):
        other = next(i for i in range(len(puzzle.opties)) if i != right["keuze"])
        return {"keuze": other, "reden": REASON}
    return dict(right)


def tab_to(group: Any, widget: Any) -> list[pygame.event.Event]:
    """Tab presses that move a focus group's focus to ``widget``."""
    order = [w for w in group.widgets if w.can_focus]
    if group.focused is widget:
        return []
    start = order.index(group.focused) if group.focused in order else -1
    steps = (order.index(widget) - start) % len(order) if start >= 0 else order.index(widget) + 1
    return [key(pygame.K_TAB)] * steps


class Autoplayer:
    """Call :meth:`events` once per frame and feed the result to ``app.step``; ``finished`` once the end scene
    shows (``final_phase`` and ``journal`` then tell how it ended and where the decisions went)."""

    dt = 0.25  # game seconds per frame: fast, but every scene still gets its frames

    def __init__(self, app: Any, team: str = "Autoplay", wrong_first: tuple[int, ...] = (0, 3),
                 mode: str = "mixed"):
        self.app = app
        self.mode = mode  # "keyboard": keys only; "mouse": clicks on the game's own screens; "mixed": both
        self.team = team
        self.wrong_first = wrong_first
        self.finished = False
        self.final_phase: str | None = None
        self.journal: Any = None
        self._wait = 0
        self._scripted: weakref.WeakSet[Any] = weakref.WeakSet()  # not ids: a dead scene's id gets reused
        self._last_top: Any = None
        self._same = 0
        self._hinted = False
        self._wrong_code_tried = False

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
        from escaperoom.ui.scenes.end import EndScene
        if isinstance(top, EndScene):
            self.finished = True
            self.final_phase = top.session.phase.value
            self.journal = self.app.game.recorder.files.journal if self.app.game.recorder else None
            return []
        return self._act(top)

    def _act(self, top: Any) -> list[pygame.event.Event]:
        from escaperoom.ui.puzzles.feedback import FeedbackScene
        from escaperoom.ui.scenes.hint import HintScene
        from escaperoom.ui.scenes.intro import IntroScene
        from escaperoom.ui.scenes.lock import LockScene
        from escaperoom.ui.scenes.room import RoomScene
        from escaperoom.ui.scenes.setup import SetupScene
        from escaperoom.ui.scenes.title import TitleScene

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
            code = top.session.model_answer(top.session.scenario.lock.id)["code"]
            if not self._wrong_code_tried:
                self._wrong_code_tried = True
                code = "0" * lock_length(top.session.scenario)
            if self.mode == "mouse":
                keys = {b.label: b for b in top.group.widgets}
                taps = [e for char in code for e in click(keys[char].rect.center)]
                erase = [e for _ in range(len(top.code)) for e in click(top.erase_button.rect.center)]
                return erase + taps + click(top.open_button.rect.center)
            return [key(pygame.K_BACKSPACE)] * 8 + type_text(code) + [enter]
        script = getattr(top, "script_events", None)
        if script is not None and top not in self._scripted and getattr(top, "result", None) is None:
            self._scripted.add(top)
            return script(self._answer_for(top.puzzle), pointer="mouse" if self.mode == "mouse" else "keyboard")
        if isinstance(top, FeedbackScene):
            if not top.solved and not self._hinted:
                return self._leave(top)  # after the first mistake: back to the room to take a hint
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
            if index in self.wrong_first and state.attempts == 1 and not self._hinted and state.hints == 0:
                self._hinted = True
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

    def _answer_for(self, puzzle: Puzzle) -> dict[str, Any]:
        session = self.app.game.session
        right = session.model_answer(puzzle.id)
        index = next((i for i, p in enumerate(session.scenario.rooms) if p.id == puzzle.id), -1)
        answer = right
        if index in self.wrong_first and session.puzzles[puzzle.id].attempts == 0:
            answer = wrong_answer(puzzle, right)
        if isinstance(puzzle, DilemmaPuzzle):
            answer = {**answer, "reden": self._reason_for(puzzle)}
        return answer

    def _reason_for(self, puzzle: DilemmaPuzzle) -> str:
        """The dilemma's reason: typed (``REASON``), or with the mouse the first listed reason when there is one."""
        if self.mode == "mouse" and puzzle.redenen:
            return puzzle.redenen[0].get(self.app.game.session.settings.lang)
        return REASON
