"""Walking the whole big-screen debrief with the keys, as a facilitator would, and recording every text drawn: every
screen, every page, every item, team, step and what-if fact. ``shown_texts(app)`` returns what the projected screens
drew (the facilitator's panel closed). Used by the projected-text scan and the six-teams tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pygame

from escaperoom.ui.debrief.overview import OverviewScene
from escaperoom.ui.debrief.puzzle import PuzzleScene
from escaperoom.ui.debrief.timeline import TimelineScene
from escaperoom.ui.debrief.whatif import WhatIfScene
from escaperoom.ui.fonts import TextCache
from escaperoom.ui.scripted.events import key


@contextmanager
def recording(app) -> Iterator[list[str]]:
    """Every text the app's screens render while they draw (layout-time measuring left out)."""
    texts: list[str] = []
    originals = {name: getattr(TextCache, name) for name in ("render", "draw_in_box", "draw_at")}
    drawing = [False]

    def recording_of(original):
        def recorded(self, *args, **kwargs):
            if drawing[0]:
                texts.append(args[1] if original.__name__ in ("draw_in_box", "draw_at") else args[0])
            return original(self, *args, **kwargs)
        return recorded

    draw = app.stack.draw

    def draw_and_record(surface):
        drawing[0] = True
        try:
            draw(surface)
        finally:
            drawing[0] = False

    for name, original in originals.items():
        setattr(TextCache, name, recording_of(original))
    app.stack.draw = draw_and_record
    try:
        yield texts
    finally:
        for name, original in originals.items():
            setattr(TextCache, name, original)
        app.stack.draw = draw


def _press(app, *keys: int) -> None:
    app.step([key(k) for k in keys])


def _pages(app, count: Callable[[], int]) -> None:
    """Every page of the current view (PgDn), then back to the first."""
    for _ in range(max(0, count() - 1)):
        _press(app, pygame.K_PAGEDOWN)
    for _ in range(max(0, count() - 1)):
        _press(app, pygame.K_PAGEUP)


def walk_overview(app) -> None:
    scene = app.stack.top
    assert isinstance(scene, OverviewScene)
    app.step()
    for _ in range(len(scene.data.debrief.sessions)):
        _press(app, pygame.K_DOWN)
    _press(app, pygame.K_e)  # the other try counted, and back
    _press(app, pygame.K_e)


def walk_puzzles(app) -> None:
    overview = app.stack.top
    _press(app, pygame.K_RETURN)  # the focused button: Puzzels
    scene = app.stack.top
    assert isinstance(scene, PuzzleScene) and scene is not overview
    for _ in range(len(scene.data.puzzles())):
        for mode in ("grid", "uitleg"):
            scene.mode, scene.item, scene.text_page = mode, 0, 0
            scene._layout()
            for _ in range(len(scene.puzzle.items)):
                app.step()
                _pages(app, (lambda: scene.team_pages) if mode == "grid" else (lambda: scene.text_pages))
                _press(app, pygame.K_DOWN)
        scene.mode = "redenen"
        scene._layout()
        app.step()
        _pages(app, lambda: scene.text_pages)
        scene.mode = "grid"
        if scene.index + 1 < len(scene.data.puzzles()):
            _press(app, pygame.K_RIGHT)
    _press(app, pygame.K_ESCAPE)


def walk_timelines(app) -> None:
    _press(app, pygame.K_t)
    scene = app.stack.top
    assert isinstance(scene, TimelineScene)
    for _ in range(len(scene.data.debrief.sessions)):
        for _ in range(len(scene.session.steps)):
            _press(app, pygame.K_DOWN)
        _press(app, pygame.K_RIGHT)
    _press(app, pygame.K_ESCAPE)


def walk_whatifs(app) -> None:
    _press(app, pygame.K_RETURN)
    puzzle = app.stack.top
    _press(app, pygame.K_w)
    scene = app.stack.top
    assert isinstance(scene, WhatIfScene) and scene is not puzzle
    for _ in range(len(scene.puzzle_ids)):
        for _ in range(len(scene.panel.toggles)):
            _press(app, pygame.K_RETURN)
            _pages(app, lambda: scene.result_pages)
            _press(app, pygame.K_RETURN, pygame.K_DOWN)
        _press(app, pygame.K_RIGHT)
    _press(app, pygame.K_ESCAPE, pygame.K_ESCAPE)


def walk_everything(app) -> None:
    """From the overview: its teams, every puzzle in every view, every team's timeline, every what-if, the
    agreements and the session chooser; back on the overview at the end."""
    walk_overview(app)
    walk_puzzles(app)
    walk_timelines(app)
    walk_whatifs(app)
    _press(app, pygame.K_a)
    app.step()
    _press(app, pygame.K_ESCAPE, pygame.K_k)
    for _ in range(8):
        _press(app, pygame.K_DOWN)
    _press(app, pygame.K_ESCAPE)
    assert isinstance(app.stack.top, OverviewScene)
