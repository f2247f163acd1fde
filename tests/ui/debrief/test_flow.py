"""The big-screen debrief's flow, headless: every screen opens for a frame, keys lead from the overview through a
puzzle, its explanation and what-if and back, and the title screen's entry opens the overview or the chooser."""

from __future__ import annotations

import pygame
import pytest

from escaperoom.debrief.model import load_sessions
from escaperoom.ui.debrief.data import DebriefData
from escaperoom.ui.debrief.flow import SCENES, debrief_scene, first_scene
from escaperoom.ui.debrief.overview import OverviewScene
from escaperoom.ui.debrief.puzzle import PuzzleScene
from escaperoom.ui.debrief.sessions import SessionsScene
from escaperoom.ui.debrief.whatif import WhatIfScene
from escaperoom.ui.scripted.events import key


@pytest.mark.parametrize("start,state", [
    ("sessies", {}), ("overzicht", {}), ("puzzel", {}), ("puzzel", {"mode": "uitleg", "item": 3}),
    ("puzzel", {"mode": "redenen"}), ("puzzel", {"index": 3}), ("tijdlijn", {"team": 2, "step": 3}),
    ("watals", {"puzzle": "vroegsignalering", "apply": "feit:huurder_bezwaar=ja"}),
    ("watals", {"puzzle": "grondslagen"}), ("afspraken", {}), ("afspraken", {"puzzle": "grondslagen"}),
])
def test_every_debrief_scene_opens_for_one_frame(opened, data, start, state):
    app = opened(lambda ctx: first_scene(ctx, data, start, **dict(state)))
    assert app.step()
    assert app.surface.get_size() == (1920, 1080)
    assert type(app.stack.top) is SCENES[start]


def test_without_sessions_the_chooser_says_so(opened, henk_loaded, tmp_path):
    empty = DebriefData(load_sessions([tmp_path]), scenarios=[henk_loaded])
    app = opened(lambda ctx: first_scene(ctx, empty))
    assert app.step()
    scene = app.stack.top
    assert isinstance(scene, SessionsScene) and "Geen sessies gevonden" in scene.subtitle
    assert not scene.buttons[0].enabled


def test_keys_walk_from_the_overview_through_puzzles_explanation_and_what_if(opened, data):
    app = opened(lambda ctx: first_scene(ctx, data, "overzicht"))
    app.step([key(pygame.K_RETURN)])  # the focused button: Puzzels
    puzzle = app.stack.top
    assert isinstance(puzzle, PuzzleScene) and puzzle.puzzle.id == "vroegsignalering"
    app.step([key(pygame.K_DOWN), key(pygame.K_DOWN)])
    assert puzzle.item == 2
    app.step([key(pygame.K_u)])
    assert puzzle.mode == "uitleg" and puzzle.explain_boxes
    app.step([key(pygame.K_r)])
    assert puzzle.mode == "redenen" and puzzle.reason_blocks and puzzle.question_blocks
    app.step([key(pygame.K_w)])
    whatif = app.stack.top
    assert isinstance(whatif, WhatIfScene)
    ids = [t.id for t in whatif.panel.toggles]
    app.step([key(pygame.K_DOWN)] * ids.index("feit:huurder_bezwaar=ja") + [key(pygame.K_RETURN)])
    changed = [c for c in whatif.changes if c.changed]
    assert {c.item_id for c in changed} == {"contact", "achterstand"}
    assert any(block.kind == "change" for block in whatif.result_blocks)
    app.step([key(pygame.K_RETURN)])  # Enter again switches the fact off
    assert whatif.applied is None and whatif.changes == []
    app.step([key(pygame.K_ESCAPE)])
    assert app.stack.top is puzzle
    app.step([key(pygame.K_RIGHT)])
    assert puzzle.puzzle.id == "grondslagen"
    app.step([key(pygame.K_ESCAPE)])
    assert isinstance(app.stack.top, OverviewScene)


def test_the_title_screen_entry_opens_the_overview_or_the_chooser(_five_teams_master, tmp_path, opened):
    app = opened(lambda ctx: debrief_scene(_five_teams_master, ctx))
    assert isinstance(app.stack.top, OverviewScene)
    app.step([key(pygame.K_ESCAPE)])
    assert len(app.stack) == 0
    other = opened(lambda ctx: debrief_scene(tmp_path, ctx))
    assert isinstance(other.stack.top, SessionsScene)
