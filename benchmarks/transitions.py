"""The scene transitions the frame benchmark times: for each, a ``prepare(app)`` that puts the app just before the
change (and draws a frame there) and returns the input of the frame in which the new screen appears, built, laid out,
drawn and flipped. Every transition of the game is here: title -> setup -> intro -> room, room -> each puzzle ->
feedback -> room, room -> hint / lock / pause / F1 / F7 / F8, the code -> the end, and the debrief's screens.

Used by ``bench_frames.py``; the debrief transitions need sessions in the app's saves folder (``fill_saves``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pygame

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

Prepare = Callable[[object], list]
KINDS = ("sorteren", "grondslag", "zwartlakken", "volgorde", "dilemma")


def fill_saves(saves: Path, teams: int = 5) -> None:
    """Scripted teams' finished sessions in ``saves`` (for the debrief transitions)."""
    from debrief_teams import make_teams

    make_teams(saves, teams, demo=True)


def _room(app):
    """A new game's room, as after Nieuw spel -> setup -> intro, with one frame drawn."""
    from escaperoom.ui.scenes.room import RoomScene
    from escaperoom.ui.scenes.title import TitleScene
    from escaperoom.ui.scripted import gallery

    app.game.close()
    gallery._start(app.game)
    app.stack.reset(TitleScene(app.game))
    room = RoomScene(app.game)
    app.stack.push(room)
    app.step([])
    return room


def _solve_all(app) -> None:
    from escaperoom.play.session import Status

    session = app.game.session
    for p in session.scenario.rooms:
        if session.status(p.id) is Status.OPEN:
            session.submit(p.id, session.model_answer(p.id))
    app.step([])


def _gallery(app, name: str):
    from escaperoom.ui.scripted import gallery

    gallery.show(app, name)
    app.step([])
    return app.stack.top


def title_to_setup(app) -> list:
    from escaperoom.ui.scripted.events import click

    return click(_gallery(app, "titel").new.rect.center)


def setup_to_intro(app) -> list:
    from escaperoom.ui.scripted.events import click

    return click(_gallery(app, "instellen").start_button.rect.center)


def intro_to_room(app) -> list:
    from escaperoom.ui.scripted.events import click

    return click(_gallery(app, "intro").go.rect.center)


def room_to_puzzle(kind: str) -> Prepare:
    def prepare(app) -> list:
        from escaperoom.ui.scripted.events import click

        room = _room(app)
        tile = next(t for t in room.tiles if t.puzzle.soort == kind)
        return click(tile.rect.center)
    return prepare


def puzzle_to_feedback(app) -> list:
    """The Enter on "Controleer" after a wrong answer (the feedback then shows cards with explanations)."""
    from escaperoom.ui.scripted.autoplay import wrong_answer
    from escaperoom.ui.scripted.puzzles import script_events

    scene = _gallery(app, "puzzel-sorteren")
    answer = wrong_answer(scene.puzzle, app.game.session.model_answer(scene.puzzle.id))
    events = script_events(scene, answer)
    app.step(events[:-1])
    return events[-1:]


def feedback_to_room(app) -> list:
    from escaperoom.ui.scripted.events import click

    return click(_gallery(app, "puzzel-feedback").back_button.rect.center)


def room_to(screen: str) -> Prepare:
    def prepare(app) -> list:
        from escaperoom.ui.scripted.events import click, key

        room = _gallery(app, "kamer")
        if screen == "hint":
            return click(room.hint_button.rect.center)
        if screen == "pauze":
            return [key(pygame.K_ESCAPE)]
        if screen in ("F1", "F7", "F8"):
            return [key(getattr(pygame, f"K_{screen}"))]
        _solve_all(app)
        return click(room.tiles[-1].rect.center)  # the lock
    return prepare


def puzzle_to_f7(app) -> list:
    """F7 over a puzzle: the facilitator shows its answer (recorded in the journal)."""
    from escaperoom.ui.scripted.events import key

    _gallery(app, "puzzel-grondslag")
    return [key(pygame.K_F7)]


def code_to_end(app) -> list:
    from escaperoom.ui.scenes.lock import LockScene
    from escaperoom.ui.scripted.events import click, key

    room = _room(app)
    _solve_all(app)
    app.step(click(room.tiles[-1].rect.center))
    lock = app.stack.top
    assert isinstance(lock, LockScene)
    for char in app.game.session.model_answer(app.game.session.scenario.lock.id)["code"]:
        lock.add(char)
    app.step([])
    return [key(pygame.K_RETURN)]


def title_to_debrief(app) -> list:
    from escaperoom.ui.scripted.events import click

    return click(_gallery(app, "titel").debrief.rect.center)


def _overview(app):
    from escaperoom.ui.debrief.overview import OverviewScene

    app.step(title_to_debrief(app))
    top = app.stack.top
    assert isinstance(top, OverviewScene), type(top).__name__
    return top


def debrief_key(*keys: int, then: int) -> Prepare:
    """In the debrief: from the overview, press ``keys`` (each in a frame of its own), then time ``then``."""
    def prepare(app) -> list:
        from escaperoom.ui.scripted.events import key

        _overview(app)
        for code in keys:
            app.step([key(code)])
        return [key(then)]
    return prepare


def debrief_sessions(app) -> list:
    from escaperoom.ui.scripted.events import key

    _overview(app)
    return [key(pygame.K_k)]


TRANSITIONS: dict[str, Prepare] = {
    "titel -> instellen": title_to_setup,
    "instellen -> intro": setup_to_intro,
    "intro -> kamer": intro_to_room,
    **{f"kamer -> {kind}": room_to_puzzle(kind) for kind in KINDS},
    "puzzel -> terugkoppeling": puzzle_to_feedback,
    "terugkoppeling -> kamer": feedback_to_room,
    "kamer -> hint": room_to("hint"),
    "kamer -> slot": room_to("slot"),
    "kamer -> pauze": room_to("pauze"),
    "kamer -> F1 toetsen": room_to("F1"),
    "kamer -> F7 (geen puzzel)": room_to("F7"),
    "puzzel -> F7 antwoord": puzzle_to_f7,
    "kamer -> F8 beeindigen": room_to("F8"),
    "code -> einde": code_to_end,
    "titel -> nabespreking": title_to_debrief,
    "nabespreking -> puzzel": debrief_key(then=pygame.K_RETURN),
    "nabespreking puzzel -> uitleg": debrief_key(pygame.K_RETURN, then=pygame.K_u),
    "nabespreking puzzel -> redenen": debrief_key(pygame.K_RETURN, then=pygame.K_r),
    "nabespreking puzzel -> wat als": debrief_key(pygame.K_RETURN, then=pygame.K_w),
    "nabespreking -> tijdlijn": debrief_key(then=pygame.K_t),
    "nabespreking -> sessies": debrief_sessions,
}
