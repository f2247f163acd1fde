"""Every game screen (the five puzzle scenes and the feedback cards included) in a typical state, built on an
opened app: for the frame benchmark, the screenshots in ``docs/screenshots/`` and the test that opens every scene.
``show(app, name)`` resets the app's stack to that screen; ``NAMES`` lists them. Sessions go to the app's saves
folder (use a temporary one). ``python -m escaperoom.ui.scripted.gallery NAME --out PNG`` saves one headless."""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from escaperoom.kinds import kind_named, kind_of
from escaperoom.play.session import Feedback, Status
from escaperoom.ui.main import open_app
from escaperoom.ui.scenes.end import EndScene
from escaperoom.ui.scenes.facilitator import ConfirmEndScene, KeyListScene, MessageScene, answer_text
from escaperoom.ui.scenes.game import FACILITATOR, TEAM, Game, ResumeProblem
from escaperoom.ui.scenes.hint import HintScene
from escaperoom.ui.scenes.intro import IntroScene
from escaperoom.ui.scenes.lock import LockScene
from escaperoom.ui.scenes.pause import PauseScene
from escaperoom.ui.scenes.resume_error import ResumeErrorScene
from escaperoom.ui.scenes.room import RoomScene
from escaperoom.ui.scenes.setup import SetupScene
from escaperoom.ui.scenes.title import TitleScene
from escaperoom.ui.scripted.autoplay import wrong_answer
from escaperoom.ui.scripted.puzzles import script_events


def _start(game: Game, feedback: Feedback | None = None) -> None:
    game.start(game.defaults.scenario_id, "De Privacyridders", game.defaults.duration_min,
               feedback or game.defaults.feedback, game.ctx.lang)


def _progress(game: Game, *, all_done: bool = False) -> None:
    """Some play: first puzzle wrong then right, second right, third skipped (all when ``all_done``)."""
    s = game.session
    rooms = s.scenario.rooms
    first = rooms[0]
    s.submit(first.id, wrong_answer(first, s.model_answer(first.id)))
    s.take_hint(first.id)
    s.submit(first.id, s.model_answer(first.id))
    s.submit(rooms[1].id, s.model_answer(rooms[1].id))
    s.skip(rooms[2].id)
    s.tick(14 * 60 + 23)
    if all_done:
        for p in rooms:
            if s.status(p.id) is Status.OPEN:
                s.submit(p.id, s.model_answer(p.id))


def _room(app: Any, **kw: Any) -> RoomScene:
    game = app.game
    _start(game)
    _progress(game, **kw)
    app.stack.reset(TitleScene(game))
    room = RoomScene(game)
    app.stack.push(room)
    room.last_station = game.session.scenario.rooms[3].id
    return room


def _kamer(app: Any) -> None:
    _room(app)


def _hint(app: Any) -> None:
    room = _room(app)
    pid = room.session.scenario.rooms[3].id
    room.session.take_hint(pid)
    app.stack.push(HintScene(app.game, pid))


def _lock(app: Any) -> None:
    _room(app, all_done=True)
    lock = LockScene(app.game)
    app.stack.push(lock)
    for char in app.game.session.model_answer(app.game.session.scenario.lock.id)["code"][:2]:
        lock.add(char)


def _pause(by: str) -> Callable[[Any], None]:
    """The pause overlay over the room: the team's own (Esc, with "Verder spelen") or the facilitator's (F2)."""
    def build(app: Any) -> None:
        _room(app)
        app.game.session.pause(by=by)
        app.stack.push(PauseScene(app.game, by=by))
    return build


def _answer(app: Any) -> None:
    _room(app)
    s = app.game.session
    puzzle = s.scenario.rooms[0]
    app.stack.push(MessageScene(app.game, answer_text(app.game, puzzle, s.model_answer(puzzle.id)),
                                app.game.ctx.t("spel.facilitator.answer_heading",
                                               puzzel=puzzle.titel.get(app.game.ctx.lang))))


def _end(app: Any) -> None:
    _room(app, all_done=True)
    s = app.game.session
    s.submit(s.scenario.lock.id, s.model_answer(s.scenario.lock.id))
    app.stack.reset(EndScene(app.game))


def _end_time_up(app: Any) -> None:
    """The end when the clock ran out halfway (after the same play as the room: a wrong sort, a skip)."""
    _room(app)
    s = app.game.session
    s.tick(s.remaining_s + 1)
    app.stack.reset(EndScene(app.game))


def _end_by_facilitator(app: Any) -> None:
    """The end when the facilitator ended the game (F8) halfway."""
    _room(app)
    app.game.session.end_game()
    app.stack.reset(EndScene(app.game))


def _puzzle(kind: str, feedback: Feedback | None = None) -> Callable[[Any], None]:
    """A fresh game's room with the puzzle of ``kind`` opened on it, as the team sees it."""
    def build(app: Any) -> None:
        app.game.close()
        _start(app.game, feedback)
        app.stack.reset(TitleScene(app.game))
        room = RoomScene(app.game)
        app.stack.push(room)
        room.choose(next(p.id for p in app.game.session.scenario.rooms if kind_of(p) is kind_named(kind)))
    return build


def _feedback(feedback: Feedback | None = None) -> Callable[[Any], None]:
    """The feedback after a partly wrong answer to the first puzzle: the cards with explanations (direct), or
    only the count (escape mode: explanations wait for the debrief)."""
    def build(app: Any) -> None:
        _puzzle("sorteren", feedback)(app)
        scene = app.stack.top
        pid = scene.puzzle.id
        scene_answer = wrong_answer(scene.puzzle, app.game.session.model_answer(pid))
        for event in script_events(scene, scene_answer):
            app.stack.handle_event(event)
    return build


def _simple(factory: Callable[[Game], Any], *, started: bool = False, below_room: bool = False):
    def build(app: Any) -> None:
        if below_room:
            _room(app)
        elif started:
            _start(app.game)
        if below_room:
            app.stack.push(factory(app.game))
        else:
            app.stack.reset(TitleScene(app.game))
            app.stack.push(factory(app.game))
    return build


SCREENS: dict[str, Callable[[Any], None]] = {
    "titel": lambda app: app.stack.reset(TitleScene(app.game)),
    "instellen": _simple(lambda g: SetupScene(g, team="De Privacyridders")),
    "intro": _simple(IntroScene, started=True),
    "kamer": _kamer,
    "hint": _hint,
    "slot": _lock,
    "pauze": _pause(TEAM),
    "pauze-begeleider": _pause(FACILITATOR),
    "begeleider": _simple(KeyListScene, below_room=True),
    "antwoord": _answer,
    "beeindigen": _simple(ConfirmEndScene, below_room=True),
    "hervat-fout": _simple(lambda g: ResumeErrorScene(g, ResumeProblem(
        "De Privacyridders", "stand: het bestand is geen geldige TOML (regel 3)."))),
    "einde": _end,
    "einde-tijd-op": _end_time_up,
    "einde-beeindigd": _end_by_facilitator,
    "puzzel-sorteren": _puzzle("sorteren"),
    "puzzel-grondslag": _puzzle("grondslag"),
    "puzzel-zwartlakken": _puzzle("zwartlakken"),
    "puzzel-volgorde": _puzzle("volgorde"),
    "puzzel-dilemma": _puzzle("dilemma"),
    "puzzel-feedback": _feedback(),
    "puzzel-feedback-escape": _feedback(Feedback.ESCAPE),
}
NAMES = tuple(SCREENS)


def show(app: Any, name: str) -> None:
    """Put the screen ``name`` on the app's stack (a fresh session when the screen needs one)."""
    app.game.close()
    SCREENS[name](app)


def main(argv: list[str] | None = None) -> int:
    """``python -m escaperoom.ui.scripted.gallery NAME [--seconds S] [--lang en] [--out PNG]``: show one screen in
    a real full-screen window for S seconds (for screenshots under Xvfb: ``import -window root``), or, with
    ``--out``, save it headless at 1920x1080."""
    parser = argparse.ArgumentParser()
    parser.add_argument("name", choices=NAMES)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--lang", default="nl")
    parser.add_argument("--out", type=Path)
    opts = parser.parse_args(argv)
    if opts.out is not None:
        os.environ["SDL_VIDEODRIVER"] = "dummy"
    with tempfile.TemporaryDirectory() as saves:
        app = open_app(argparse.Namespace(window=True, headless=opts.out is not None, lang=opts.lang,
                                          saves=Path(saves), scenario=None, team=None, duur=None, resume=False,
                                          autoplay=False))
        show(app, opts.name)
        end = time.monotonic() + (0 if opts.out else opts.seconds)
        app.step([])
        while time.monotonic() < end:
            app.step(dt=1 / 60)
            time.sleep(1 / 60)
        if opts.out:
            app.save_screenshot(opts.out)
        app.game.close()
        app.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
