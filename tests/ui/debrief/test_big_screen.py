"""The debrief's big screen at six teams and 1080p: every team on one page with its full name, the overview's
figures (right the first time, hints, play time, calm at the end), toggle buttons that say what they do, the same
arrow keys on every screen and shown on it, and the screens in English."""

from __future__ import annotations

import pygame
import pytest
from debrief_teams import SIX_TEAMS
from walk import recording, walk_everything

from escaperoom.debrief.figures import right_first_time, team_figures
from escaperoom.debrief.model import clock, load_sessions
from escaperoom.strings import Catalogue, placeholders
from escaperoom.ui.debrief.data import DebriefData
from escaperoom.ui.debrief.flow import first_scene
from escaperoom.ui.debrief.keys import DOWN, LEFT, RIGHT, UP
from escaperoom.ui.debrief.sessions import SessionsScene
from escaperoom.ui.debrief.timeline import TimelineScene
from escaperoom.ui.scripted.events import key


def test_six_teams_fit_one_page_of_the_overview_the_grid_and_the_chooser_with_their_full_names(opened, six_data):
    labels = sorted(s.label for s in six_data.debrief.sessions)
    assert labels == sorted(SIX_TEAMS)
    app = opened(lambda ctx: first_scene(ctx, six_data, "overzicht"))
    overview = app.stack.top
    with recording(app) as drawn:
        app.step()
    assert overview.pages == 1 and sorted(label for *_, label in overview.rows) == labels
    assert set(labels) <= set(drawn)  # each name drawn whole, not "Team" or "Team Cen…"
    app.step([key(pygame.K_RETURN)])
    puzzle = app.stack.top
    grid = puzzle.grid
    assert puzzle.per_page == 6 and puzzle.team_pages == 1 and grid.heads == [s.label for s in puzzle.shown_teams]
    ctx = puzzle.ctx
    for name in grid.heads:  # every name fits its column head, on as many lines as it needs
        assert ctx.text.fits(name, "bold", 36, grid.col_w - 16, grid.head_h - 4), name
    assert grid.right <= 1920 - 64 and puzzle.hints[0].caps != ("PgDn",)
    chooser = opened(lambda ctx: first_scene(ctx, six_data, "sessies")).stack.top
    assert isinstance(chooser, SessionsScene) and len(chooser.row_rects) == 6 and chooser.rows_left == 0
    assert all(r.height >= 120 for r in chooser.row_rects)  # still a touch target each
    whatif = opened(lambda ctx: first_scene(ctx, six_data, "watals", puzzle="vroegsignalering",
                                            apply="feit:huurder_bezwaar=ja")).stack.top
    entries = [e for b in whatif.result_blocks if b.kind == "effects" for e in b.payload[0]]
    assert whatif.result_pages == 1 and len(entries) == 6  # every team whose score changes, on one page


def test_the_overview_shows_hints_play_time_and_calm_at_the_end_as_the_report_has_them(opened, six_data):
    app = opened(lambda ctx: first_scene(ctx, six_data, "overzicht"))
    with recording(app) as drawn:
        app.step()
    assert {"Hints", "Tijd", "Rust"} <= set(drawn)
    zuid = next(s for s in six_data.debrief.sessions if s.team == "Team Zuid")
    figures = team_figures(zuid, len(six_data.debrief.puzzles))
    assert figures.hints == zuid.hints == 1 and figures.stability == zuid.stability is not None
    row = next(cells for *_, f, label in app.stack.top.rows if label == "Team Zuid" for cells in [f])
    assert app.stack.top._cells(row)[6:] == ["1", clock(zuid.elapsed_s), str(zuid.stability)]
    assert clock(zuid.elapsed_s) in drawn and str(zuid.stability) in drawn


def test_the_goed_column_counts_items_right_the_first_time_and_tells_the_teams_apart(six_data):
    teams = six_data.debrief.sessions
    assert len({s.right for s in teams if s.solved == 5}) == 1  # the game's count: the same for every finisher
    firsts = {s.team: right_first_time(s)[0] for s in teams}
    assert len(set(firsts.values())) > 2
    centrum = next(s for s in teams if s.team == "Team Centrum")  # right at every first try
    assert firsts["Team Centrum"] == right_first_time(centrum)[1] == centrum.right
    noord = next(s for s in teams if s.team == "Team Noord")
    assert firsts["Team Noord"] == sum(t.first.right for p, t in noord.tracks.items() if p != "kluis")
    assert firsts["Team Noord"] < right_first_time(noord)[1]


def test_toggle_buttons_say_what_pressing_them_does(opened, six_data):
    app = opened(lambda ctx: first_scene(ctx, six_data, "overzicht"))
    overview = app.stack.top
    labels = [b.label for b in overview.buttons]
    assert labels[2:4] == ["Tel laatste poging", "Zet verdeeld eerst"]
    assert "spreiding: eerste poging" in overview.subtitle
    app.step([key(pygame.K_e), key(pygame.K_v)])
    assert [b.label for b in overview.buttons][2:4] == ["Tel eerste poging", "Zet op volgorde"]
    assert "spreiding: laatste poging" in overview.subtitle and "verdeeld eerst" in overview.subtitle
    app.step([key(pygame.K_RETURN)])
    puzzle = app.stack.top
    assert puzzle.buttons[2].label == "Toon uitleg"
    app.step([key(pygame.K_u)])
    assert puzzle.mode == "uitleg" and puzzle.buttons[2].label == "Toon redenen"
    chooser = opened(lambda ctx: first_scene(ctx, six_data, "sessies")).stack.top
    assert chooser.buttons[1].label == "Alles uitzetten"
    chooser.toggle_all()
    assert not chooser.chosen and chooser.buttons[1].label == "Alles aanzetten"


@pytest.mark.parametrize("start,state,listed,subject", [
    ("puzzel", {}, "item", "index"),
    ("tijdlijn", {}, "step", "team"),
    ("watals", {"puzzle": "vroegsignalering"}, "highlight", "at"),
])
def test_up_and_down_move_in_the_list_left_and_right_change_its_subject_and_the_screen_says_so(
        opened, six_data, start, state, listed, subject):
    app = opened(lambda ctx: first_scene(ctx, six_data, start, **state))
    scene = app.stack.top
    caps = [hint.caps for hint in scene.hints]
    assert (UP, DOWN) in caps and (LEFT, RIGHT) in caps
    before = getattr(scene, subject)
    app.step([key(pygame.K_DOWN)])
    assert getattr(scene, listed) == 1 and getattr(scene, subject) == before
    app.step([key(pygame.K_RIGHT)])
    assert getattr(scene, subject) != before and getattr(scene, listed) == 0
    if isinstance(scene, TimelineScene):
        assert scene.session.label == scene.data.debrief.sessions[1].label


def test_the_overviews_team_rows_lead_to_that_teams_timeline(opened, six_data):
    app = opened(lambda ctx: first_scene(ctx, six_data, "overzicht"))
    overview = app.stack.top
    app.step([key(pygame.K_DOWN), key(pygame.K_DOWN), key(pygame.K_t)])
    timeline = app.stack.top
    assert isinstance(timeline, TimelineScene) and timeline.team == 2
    app.step([key(pygame.K_ESCAPE)])
    from escaperoom.ui.scripted.events import tap

    index, rect, _, label = overview.rows[4]
    app.step(tap(rect.center))
    assert app.stack.top.session.label == label


def _dutch_texts() -> tuple[set[str], list[str]]:
    """The debrief's Dutch texts that differ from their English: whole ones, and the fixed heads of templates."""
    catalogue = Catalogue.load()
    whole, heads = set(), []
    for id in catalogue.ids():
        if not id.startswith(("nabespreking.", "feedback.")) or ".opdracht." in id:
            continue
        nl, en = catalogue.template(id, "nl"), catalogue.template(id, "en")
        if nl == en:
            continue
        if not placeholders(nl):
            whole.add(nl)
        else:
            head = nl.split("{", 1)[0]
            if len(head) >= 8:
                heads.append(head)
    return whole, heads


def test_in_english_no_debrief_screen_shows_a_dutch_text_of_the_catalogue(opened, _six_teams_master, henk_loaded,
                                                                         tmp_path):
    data = DebriefData(load_sessions([_six_teams_master]), lang="en", scenarios=[henk_loaded], folder=tmp_path)
    app = opened(lambda ctx: first_scene(ctx, data, "overzicht"), lang="en")
    with recording(app) as texts:
        walk_everything(app)
    whole, heads = _dutch_texts()
    shown = set(texts)
    assert not shown & whole
    assert [t for t in shown if any(t.startswith(h) for h in heads)] == []
    assert {"Count last try", "Put divided first", "Show explanation", "Agreements"} & shown


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_overview_column_head_fits_its_column(opened, six_data, lang):
    from escaperoom.ui.debrief.overview import _COLUMNS, _ICONS

    six_data.lang = lang
    app = opened(lambda ctx: first_scene(ctx, six_data, "overzicht"), lang=lang)
    ctx = app.stack.top.ctx
    for name, width in _COLUMNS:
        if name not in _ICONS:
            head = ctx.strings.t(f"nabespreking.col_{name}", lang)
            assert ctx.text.fits(head, "bold", 36, width - 12, 64), (head, width)
    assert all(ctx.text.fits(t, "bold", 36, _COLUMNS[0][1] - 12, 45) for t in SIX_TEAMS)  # one line each
