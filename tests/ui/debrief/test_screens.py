"""The big-screen debrief's screens, headless: keys, mouse and touch drive the timeline, the overview's toggles,
the puzzle grid, what-if and the session chooser; texts stay whole where they must."""

from __future__ import annotations

import pygame

from escaperoom.ui.debrief.flow import first_scene
from escaperoom.ui.debrief.sessions import SessionsScene
from escaperoom.ui.debrief.timeline import TimelineScene
from escaperoom.ui.debrief.whatif import WhatIfScene
from escaperoom.ui.scripted.events import click, key, tap


def test_the_timeline_steps_through_a_teams_records_in_order(opened, data):
    app = opened(lambda ctx: first_scene(ctx, data, "overzicht"))
    app.step([key(pygame.K_t)])
    timeline = app.stack.top
    assert isinstance(timeline, TimelineScene)
    team = timeline.session
    app.step([key(pygame.K_DOWN)] * 3)  # Up/Down: the list of steps; Left/Right: the team
    assert timeline.step == 3
    assert timeline.detail[0][2].startswith(data.debrief.describe(team.steps[3]).clock)
    app.step([key(pygame.K_END)])
    assert timeline.step == len(team.steps) - 1
    app.step([key(pygame.K_RIGHT)])
    assert timeline.session is not team and timeline.step == 0


def test_order_and_basis_toggles_rebuild_the_debrief(opened, data):
    app = opened(lambda ctx: first_scene(ctx, data, "overzicht"))
    app.step([key(pygame.K_v)])
    assert data.divided_first and data.puzzles()[0].id == "wijkagent-belt"
    app.step([key(pygame.K_e)])
    assert data.basis == "laatste" and data.debrief.basis == "laatste"


def test_touch_and_mouse_choose_rows_toggles_and_buttons(opened, data):
    app = opened(lambda ctx: first_scene(ctx, data, "puzzel"))
    puzzle = app.stack.top
    row = puzzle.grid.rows[3]
    index, rect = row.index, row.rect
    app.step(tap(rect.center))
    assert puzzle.item == index == 3
    app.step(click(puzzle.buttons[0].rect.center))  # Volgende
    assert puzzle.index == 1
    app.step(click(puzzle.buttons[3].rect.center))  # Wat als …?
    whatif = app.stack.top
    assert isinstance(whatif, WhatIfScene)
    _, row, _, _ = whatif.toggle_rows[0]
    app.step(tap(row.center))
    assert whatif.applied == 0


def test_choosing_fewer_teams_updates_the_overview(opened, data):
    app = opened(lambda ctx: first_scene(ctx, data, "overzicht"))
    overview = app.stack.top
    app.step([key(pygame.K_k)])
    chooser = app.stack.top
    assert isinstance(chooser, SessionsScene)
    app.step(tap(chooser.row_rects[0].center) + [key(pygame.K_DOWN), key(pygame.K_SPACE)])
    assert len(chooser.chosen) == 3
    app.step(click(chooser.buttons[0].rect.center))
    assert app.stack.top is overview and len(data.debrief.sessions) == 3
    assert len(overview.rows) == 3


def test_a_timeline_step_keeps_every_verdict_word_in_a_column_of_its_own(opened, data):
    oost = next(i for i, s in enumerate(data.debrief.sessions) if s.team == "Team Oost")
    step = next(i for i, st in enumerate(data.debrief.sessions[oost].steps)
                if st.attempt and st.attempt.puzzle == "grondslagen")
    app = opened(lambda ctx: first_scene(ctx, data, "tijdlijn", team=oost, step=step))
    scene = app.stack.top
    app.step()
    words = [extra[0] for kind, *_, extra in scene.detail if kind == "line"]
    assert "verkeerde grondslag" in words and "te ruim" in words
    assert all(not w.endswith("…") for w in words)


def test_what_if_questions_are_written_in_full_and_every_changed_team_is_listed(opened, data):
    app = opened(lambda ctx: first_scene(ctx, data, "watals", puzzle="vroegsignalering",
                                            apply="feit:huurder_bezwaar=ja"))
    scene = app.stack.top
    assert all(not label.endswith("…") for _, _, label, _ in scene.toggle_rows)
    listed = []
    for _ in range(scene.result_pages):
        listed += [entry for b in scene.result_blocks if b.kind == "effects" for entry in b.payload[0]]
        app.step([key(pygame.K_PAGEDOWN)])
    effects = [e for e in scene.panel.team_effects(scene.panel.toggles[scene.highlight], data.debrief)
               if e.right_before != e.right_after]
    assert effects and len(listed) == len(effects)
    assert all(any(entry.startswith(e.team + ":") for entry in listed) for e in effects)
