"""The big-screen debrief, headless: every scene opens for a frame; keys, mouse and touch drive it."""

from __future__ import annotations

import pygame
import pytest

from escaperoom.debrief.model import load_sessions
from escaperoom.ui import debrief_scenes as ds
from escaperoom.ui.app import App
from escaperoom.ui.scripted.events import click, key, tap


@pytest.fixture
def data(_five_teams_master, henk_loaded):
    return ds.DebriefData(load_sessions([_five_teams_master]), scenarios=[henk_loaded])


def _app(factory):
    app = App(factory)
    app.open()
    return app


@pytest.fixture
def opened():
    apps = []

    def open_(factory):
        app = _app(factory)
        apps.append(app)
        return app

    yield open_
    for app in apps:
        if app.surface is not None:
            app.close()


@pytest.mark.parametrize("start,state", [
    ("sessies", {}), ("overzicht", {}), ("puzzel", {}), ("puzzel", {"mode": "uitleg", "item": 3}),
    ("puzzel", {"mode": "redenen"}), ("puzzel", {"index": 3}), ("tijdlijn", {"team": 2, "step": 3}),
    ("watals", {"puzzle": "vroegsignalering", "apply": "feit:huurder_bezwaar=ja"}),
    ("watals", {"puzzle": "grondslagen"}),
])
def test_every_debrief_scene_opens_for_one_frame(opened, data, start, state):
    app = opened(lambda ctx: ds.first_scene(ctx, data, start, **dict(state)))
    assert app.step()
    assert app.surface.get_size() == (1920, 1080)
    assert type(app.stack.top) is ds.SCENES[start]


def test_without_sessions_the_chooser_says_so(opened, henk_loaded, tmp_path):
    empty = ds.DebriefData(load_sessions([tmp_path]), scenarios=[henk_loaded])
    app = opened(lambda ctx: ds.first_scene(ctx, empty))
    assert app.step()
    scene = app.stack.top
    assert isinstance(scene, ds.SessionsScene) and "Geen sessies gevonden" in scene.subtitle
    assert not scene.buttons[0].enabled


def test_keys_walk_from_the_overview_through_puzzles_explanation_and_what_if(opened, data):
    app = opened(lambda ctx: ds.OverviewScene(ctx, data))
    app.step([key(pygame.K_RETURN)])  # the focused button: Puzzels
    puzzle = app.stack.top
    assert isinstance(puzzle, ds.PuzzleScene) and puzzle.puzzle.id == "vroegsignalering"
    app.step([key(pygame.K_DOWN), key(pygame.K_DOWN)])
    assert puzzle.item == 2
    app.step([key(pygame.K_u)])
    assert puzzle.mode == "uitleg" and puzzle.explain_boxes
    app.step([key(pygame.K_r)])
    assert puzzle.mode == "redenen" and puzzle.reason_blocks and puzzle.question_blocks
    app.step([key(pygame.K_w)])
    whatif = app.stack.top
    assert isinstance(whatif, ds.WhatIfScene)
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
    assert isinstance(app.stack.top, ds.OverviewScene)


def test_the_timeline_steps_through_a_teams_records_in_order(opened, data):
    app = opened(lambda ctx: ds.OverviewScene(ctx, data))
    app.step([key(pygame.K_t)])
    timeline = app.stack.top
    assert isinstance(timeline, ds.TimelineScene)
    team = timeline.session
    app.step([key(pygame.K_RIGHT)] * 3)
    assert timeline.step == 3
    assert timeline.detail[0][2].startswith(data.debrief.describe(team.steps[3]).clock)
    app.step([key(pygame.K_END)])
    assert timeline.step == len(team.steps) - 1
    app.step([key(pygame.K_DOWN)])
    assert timeline.session is not team and timeline.step == 0


def test_order_and_basis_toggles_rebuild_the_debrief(opened, data):
    app = opened(lambda ctx: ds.OverviewScene(ctx, data))
    app.step([key(pygame.K_v)])
    assert data.divided_first and data.puzzles()[0].id == "wijkagent-belt"
    app.step([key(pygame.K_e)])
    assert data.basis == "laatste" and data.debrief.basis == "laatste"


def test_touch_and_mouse_choose_rows_toggles_and_buttons(opened, data):
    app = opened(lambda ctx: ds.first_scene(ctx, data, "puzzel"))
    puzzle = app.stack.top
    index, rect, _ = puzzle.row_rects[3]
    app.step(tap(rect.center))
    assert puzzle.item == index == 3
    app.step(click(puzzle.buttons[0].rect.center))  # Volgende
    assert puzzle.index == 1
    app.step(click(puzzle.buttons[3].rect.center))  # Wat als …?
    whatif = app.stack.top
    assert isinstance(whatif, ds.WhatIfScene)
    _, row, _, _ = whatif.toggle_rows[0]
    app.step(tap(row.center))
    assert whatif.applied == 0


def test_choosing_fewer_teams_updates_the_overview(opened, data):
    app = opened(lambda ctx: ds.OverviewScene(ctx, data))
    overview = app.stack.top
    app.step([key(pygame.K_k)])
    chooser = app.stack.top
    assert isinstance(chooser, ds.SessionsScene)
    app.step(tap(chooser.row_rects[0].center) + [key(pygame.K_DOWN), key(pygame.K_SPACE)])
    assert len(chooser.chosen) == 3
    app.step(click(chooser.buttons[0].rect.center))
    assert app.stack.top is overview and len(data.debrief.sessions) == 3
    assert len(overview.rows) == 3


def test_the_title_screen_entry_opens_the_overview_or_the_chooser(_five_teams_master, tmp_path, opened):
    app = opened(lambda ctx: ds.debrief_scene(_five_teams_master, ctx))
    assert isinstance(app.stack.top, ds.OverviewScene)
    app.step([key(pygame.K_ESCAPE)])
    assert len(app.stack) == 0
    other = opened(lambda ctx: ds.debrief_scene(tmp_path, ctx))
    assert isinstance(other.stack.top, ds.SessionsScene)


def test_a_timeline_step_keeps_every_verdict_word_in_a_column_of_its_own(opened, data):
    oost = next(i for i, s in enumerate(data.debrief.sessions) if s.team == "Team Oost")
    step = next(i for i, st in enumerate(data.debrief.sessions[oost].steps)
                if st.attempt and st.attempt.puzzle == "grondslagen")
    app = opened(lambda ctx: ds.first_scene(ctx, data, "tijdlijn", team=oost, step=step))
    scene = app.stack.top
    app.step()
    words = [extra[0] for kind, *_, extra in scene.detail if kind == "line"]
    assert "verkeerde grondslag" in words and "te ruim" in words
    assert all(not w.endswith("…") for w in words)


def test_what_if_questions_are_written_in_full_and_every_changed_team_is_listed(opened, data):
    app = opened(lambda ctx: ds.first_scene(ctx, data, "watals", puzzle="vroegsignalering",
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


@pytest.fixture
def ui_ctx(opened, data):
    """The UI context of an opened debrief (for the layout helpers)."""
    captured = {}

    def factory(ctx):
        captured["ctx"] = ctx
        return ds.first_scene(ctx, data, "sessies")

    opened(factory)
    return captured["ctx"]


def test_a_verdicts_articles_and_uncertain_notes_move_to_the_next_page_together_with_the_verdict(ui_ctx):
    ctx = ui_ctx
    line = ctx.fonts.line_height("regular", ds.SMALL)
    area = pygame.Rect(0, 0, 1800, 6 * line)
    filler = ds._Block("text", "eerst", height=3 * line)
    badge = ds._Block("verdict", "Moet delen", height=line, keep=True)
    why = ds._Block("text", "uitleg", height=line)
    cites = ds._Block("muted", "Artikelen: …", height=line, stick=True)
    note = ds._Block("muted", "Onzeker: …", height=line, stick=True)
    pages = ds._paginate(ctx, [filler, badge, why, cites, note], area)
    assert pages == [[filler], [badge, why, cites, note]]


def test_a_tight_timeline_line_shortens_the_items_label_and_keeps_what_the_team_answered(ui_ctx):
    ctx = ui_ctx
    label, answer = "Naam, adres en telefoonnummer van Henk:", "niet delen"
    width = ctx.fonts.text_width("Naam, adres en …: niet delen", "regular", ds.SMALL) + 4
    text = ds._clip_label(ctx, label, answer, "regular", ds.SMALL, width)
    assert text.endswith("…: niet delen") and text.startswith("Naam")
    assert ctx.text.fits(text, "regular", ds.SMALL, width, ctx.fonts.line_height("regular", ds.SMALL))
