"""The game's screen flow: the only module that names the next screen. The screens ask it through ``game.flow``
(the ``Flow`` protocol in ``scenes.game``) and never import each other::

    title ── Nieuw spel ──> setup ── Start ──> intro ── Naar de kamer ──> room
      ├─ Doorgaan ──> room, or the resume error ── Nieuw spel ──> setup
      └─ Nabespreking ──> the debrief (escaperoom.ui.debrief)
    room ── a station ──> puzzle ── an answer ──> feedback ── Opnieuw ──> puzzle … ── Terug ──> room
         ├─ the lock ──> code lock (the code goes back to the room)
         ├─ Hint ──> hint ladder (also over a puzzle);  Esc ──> pause (team) ──> room or title
         └─ game over ──> end ──> title or debrief
    facilitator keys ──> key list, a message (the answer, "no puzzle open"), end confirmation, pause, free hint

A puzzle screen hands its answer back (``Answered``, through the stack's result mechanism) and the flow opens the
feedback on the room; the feedback hands the ``PuzzleResult`` to the room's ``on_result``. ``GameFlow`` is made
by ``escaperoom.ui.main`` with the app's stack; ``visit_puzzle`` is the puzzle-feedback cycle on its own (tests);
``FacilitatorKeys`` routes the facilitator's keys to the session and to their overlays.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from escaperoom.content.models import Puzzle
from escaperoom.play.session import Session
from escaperoom.ui.context import UiContext
from escaperoom.ui.puzzles import PuzzleScene, scene_for
from escaperoom.ui.puzzles._base import Answered
from escaperoom.ui.puzzles.feedback import FeedbackScene
from escaperoom.ui.scene import SceneStack
from escaperoom.ui.scenes.end import EndScene
from escaperoom.ui.scenes.facilitator import ConfirmEndScene, KeyListScene, MessageScene, answer_text
from escaperoom.ui.scenes.game import FACILITATOR, Game, ResumeProblem
from escaperoom.ui.scenes.hint import HintScene
from escaperoom.ui.scenes.intro import IntroScene
from escaperoom.ui.scenes.lock import LockScene
from escaperoom.ui.scenes.pause import PauseScene
from escaperoom.ui.scenes.resume_error import ResumeErrorScene
from escaperoom.ui.scenes.room import RoomScene
from escaperoom.ui.scenes.setup import SetupScene
from escaperoom.ui.scenes.title import TitleScene


class _Visit:
    """One visit of a station: the puzzle, then its feedback in the puzzle's place on top of the room, which
    "Opnieuw" swaps for the puzzle again, until the team goes back to the room."""

    def __init__(self, stack: SceneStack, puzzle: Puzzle, session: Session, ctx: UiContext,
                 on_hint: Callable[[], None] | None):
        self.stack, self.puzzle, self.session, self.ctx, self.on_hint = stack, puzzle, session, ctx, on_hint

    def open(self) -> PuzzleScene:
        scene = scene_for(self.puzzle, self.session, self.ctx, self.on_hint)
        self.stack.push(scene, on_result=self.answered)
        return scene

    def answered(self, answer: Answered) -> None:
        """The puzzle was answered and has left the stack: its feedback comes up (its result goes to the room)."""
        self.stack.push(FeedbackScene(self.puzzle, self.session, self.ctx, answer.result, answer.reason,
                                      on_retry=self.retry, stability_before=answer.stability_before))

    def retry(self) -> None:
        """Opnieuw: the puzzle again, fresh, in the feedback's place."""
        self.stack.replace(scene_for(self.puzzle, self.session, self.ctx, self.on_hint), on_result=self.answered)


def visit_puzzle(stack: SceneStack, puzzle: Puzzle, session: Session, ctx: UiContext,
                 on_hint: Callable[[], None] | None = None) -> PuzzleScene:
    """Open ``puzzle`` on top of ``stack`` (the room): its answer leads to the feedback, "Opnieuw" back to the
    puzzle; the last ``PuzzleResult`` reaches the scene below through ``on_result``. Returns the puzzle scene."""
    return _Visit(stack, puzzle, session, ctx, on_hint).open()


class GameFlow:
    """The ``Flow`` of one app: opens the game's screens on ``stack`` for ``game`` (and sets ``game.flow``)."""

    def __init__(self, game: Game, stack: SceneStack):
        self.game = game
        self.stack = stack
        game.flow = self

    # --- starting -------------------------------------------------------------------------------------------

    def title_scene(self) -> TitleScene:
        """The first screen of the app."""
        return TitleScene(self.game)

    def begin(self, *, resume: bool = False, team: str | None = None) -> None:
        """Right after the title is on the stack: continue the newest game (``--resume``, as "Doorgaan" does) or
        start one for ``team`` with the start-up choices (``--team``: setup is skipped)."""
        title = self.stack.scenes[0]
        if resume and isinstance(title, TitleScene):
            title.continue_game()
        elif team:
            d = self.game.defaults
            self.game.start(d.scenario_id, team, d.duration_min, d.feedback, d.lang, d.level)
            self.stack.push(IntroScene(self.game))

    # --- title, setup, intro --------------------------------------------------------------------------------

    def open_setup(self) -> None:
        self.stack.push(SetupScene(self.game))

    def open_resume_error(self, problem: ResumeProblem) -> None:
        """Why the newest game cannot continue; "Nieuw spel beginnen" leads to setup, "Terug" back."""
        self.stack.push(ResumeErrorScene(self.game, problem), on_result=self._after_resume_error)

    def _after_resume_error(self, fresh: object) -> None:
        if fresh:
            self.open_setup()

    def open_intro(self) -> None:
        self.stack.replace(IntroScene(self.game))

    def open_room(self, *, replace: bool = False) -> None:
        room = RoomScene(self.game)
        if replace:
            self.stack.replace(room)
        else:
            self.stack.push(room)

    def open_debrief(self) -> bool:
        """The debrief of the saves folder on top; False when the debrief screens cannot be loaded."""
        try:  # loaded on first use, so the game starts without the debrief's model
            from escaperoom.ui.debrief.flow import debrief_scene
        except ImportError:
            return False
        self.stack.push(debrief_scene(self.game.saves_dir, self.game.ctx))
        return True

    # --- the room -------------------------------------------------------------------------------------------

    def open_puzzle(self, puzzle: Puzzle, on_hint: Callable[[], None] | None = None) -> None:
        visit_puzzle(self.stack, puzzle, self.game.session, self.game.ctx, on_hint)

    def open_lock(self, on_code: Callable[[str | None], None]) -> None:
        self.stack.push(LockScene(self.game), on_result=on_code)

    def open_hint(self, puzzle_id: str, *, free: bool = False) -> None:
        self.stack.push(HintScene(self.game, puzzle_id, free=free))

    def open_pause(self, by: str) -> None:
        """The pause overlay (once), for a pause by ``by`` (the session is paused by whoever asks)."""
        if not self.showing_pause():
            self.stack.push(PauseScene(self.game, by=by))

    def open_end(self) -> None:
        self.stack.reset(EndScene(self.game))

    # --- leaving a game -------------------------------------------------------------------------------------

    def to_title(self) -> None:
        """Close the game (it stays saved) and start again from the title screen."""
        self.game.close()
        self.stack.reset(TitleScene(self.game))

    def to_debrief(self) -> None:
        """Close the game and open the debrief over a fresh title screen (which says so when it cannot)."""
        self.game.close()
        title = TitleScene(self.game)
        self.stack.reset(title)
        title.open_debrief()

    # --- the facilitator's keys -----------------------------------------------------------------------------

    def _room(self) -> RoomScene | None:
        return next((s for s in self.stack if isinstance(s, RoomScene)), None)

    def in_room(self) -> bool:
        """A game is on the stack (its room, with whatever is on top of it)."""
        return self._room() is not None

    def on_map_or_pause(self) -> bool:
        return isinstance(self.stack.top, (RoomScene, PauseScene))

    def showing_pause(self) -> bool:
        return isinstance(self.stack.top, PauseScene)

    def close_pause(self) -> None:
        if self.showing_pause():
            self.stack.pop(None)

    def notify(self, text: str) -> None:
        """A short notice on the map (time added, a puzzle skipped)."""
        room = self._room()
        if room is not None:
            room.notify(text)

    def back_to_room(self) -> None:
        """Close whatever is on top of the room."""
        room = self._room()
        while self.stack.top is not room and len(self.stack) > 1:
            self.stack.pop()

    def toggle_key_list(self) -> None:
        if isinstance(self.stack.top, KeyListScene):
            self.stack.pop(None)
        else:
            self.stack.push(KeyListScene(self.game))

    def open_message(self, body: str, heading: str = "") -> None:
        self.stack.push(MessageScene(self.game, body, heading))

    def open_confirm_end(self) -> None:
        self.stack.push(ConfirmEndScene(self.game))


STEP_S = 5 * 60


class FacilitatorKeys:
    """The facilitator's keys on the players' screen, handled before any scene sees them; every action goes through
    the session, which records it in the journal. ``handle`` returns True when it used a key.

        F1 the key list · F2 or P pause/resume · F3 +5 min · F4 −5 min · F5 free hint for the current puzzle
        F6 skip the current puzzle · F7 show its answer (``session.reveal_answer``) · F8 end the game (confirmed)

    P only works on the map or the pause overlay (elsewhere the team may be typing)."""

    def __init__(self, flow: GameFlow):
        self.flow = flow
        self.game = flow.game

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type != pygame.KEYDOWN:
            return False
        flow = self.flow
        if event.key == pygame.K_F1:
            flow.toggle_key_list()
            return True
        if not flow.in_room() or self.game.recorder is None or self.game.session.phase.final:
            return False
        session = self.game.session
        key = event.key
        if key == pygame.K_p and not flow.on_map_or_pause():
            return False
        if key in (pygame.K_F2, pygame.K_p):
            if flow.showing_pause() or session.phase.value == "pauze":
                session.resume()
                flow.close_pause()
            else:
                session.pause()
                flow.open_pause(FACILITATOR)  # only F2/P resumes it
            return True
        if key in (pygame.K_F3, pygame.K_F4):
            sign = 1 if key == pygame.K_F3 else -1
            session.adjust_time(sign * STEP_S)
            flow.notify(self.game.ctx.t("spel.facilitator.time_added" if sign > 0 else "spel.facilitator.time_taken",
                                        minuten=STEP_S // 60))
            return True
        if key == pygame.K_F8:
            flow.open_confirm_end()
            return True
        if key not in (pygame.K_F5, pygame.K_F6, pygame.K_F7):
            return False
        current = session.current
        if current is None:
            flow.open_message(self.game.ctx.t("spel.facilitator.no_puzzle"))
            return True
        if key == pygame.K_F5:
            session.give_hint(current)
            flow.open_hint(current, free=True)
        elif key == pygame.K_F6:
            session.skip(current)
            flow.back_to_room()
            flow.notify(self.game.ctx.t("spel.facilitator.skipped"))
        else:
            answer = session.reveal_answer(current)
            puzzle = session.scenario.puzzle(current)
            flow.open_message(answer_text(self.game, puzzle, answer),
                              self.game.ctx.t("spel.facilitator.answer_heading",
                                              puzzel=puzzle.titel.get(self.game.ctx.lang)))
        return True
