"""Fifty teams: the report's grid stays readable (teams down, at most six items across), the big screen pages what
does not fit and says so ("nog 42 teams: PgDn", "pagina 1 van 3"), and nothing is dropped without a word."""

from __future__ import annotations

import re

import pygame
import pytest
from debrief_teams import make_teams

from escaperoom.debrief.model import build_debrief, load_sessions
from escaperoom.debrief.report import render_html
from escaperoom.ui.app import App
from escaperoom.ui.debrief.data import DebriefData
from escaperoom.ui.debrief.flow import first_scene
from escaperoom.ui.scripted.events import key, tap


@pytest.fixture(scope="module")
def fifty(tmp_path_factory, henk_loaded):
    saves = tmp_path_factory.mktemp("fifty") / "saves"
    make_teams(saves, 50, loaded=henk_loaded)
    return load_sessions([saves])


@pytest.fixture(scope="module")
def debrief50(fifty, henk_loaded):
    return build_debrief(fifty.sessions, scenarios=[henk_loaded])


@pytest.fixture
def opened():
    apps = []

    def open_(factory):
        app = App(factory)
        app.open()
        apps.append(app)
        app.step()
        return app

    yield open_
    for app in apps:
        if app.surface is not None:
            app.close()


@pytest.fixture
def data(fifty, henk_loaded):
    return DebriefData(fifty, scenarios=[henk_loaded], selected=[s.session_id for s in fifty.sessions])


# --- the report ----------------------------------------------------------------------------------------------


def _grids(page: str, puzzle: str) -> list[str]:
    article = page[page.index(f'id="puzzel-{puzzle}"'):]
    article = article[:article.index("</article>")]
    return re.findall(r'<table class="grid[^"]*".*?</table>', article)


def test_up_to_six_teams_the_grid_has_items_down_and_teams_across(debrief5):
    [table] = _grids(render_html([debrief5]), "vroegsignalering")
    assert 'class="grid by-item cols-5"' in table
    assert table.count('<th scope="col">') == 5 and table.count('<th scope="row">') == 5


def test_with_fifty_teams_the_grid_has_teams_down_and_at_most_six_items_across(debrief50):
    page = render_html([debrief50])
    tables = _grids(page, "stappenplan")  # eight steps: two tables of four, not six and two
    assert [t.count('<th scope="col">') for t in tables] == [4, 4]
    assert all(t.count('<th scope="row">') == 50 for t in tables)
    assert all("by-team" in t for t in _grids(page, "vroegsignalering"))


def test_a_verdict_mark_may_wrap_and_no_cell_breaks_inside_a_word_anywhere(debrief5):
    page = render_html([debrief5])
    css = page[page.index("<style>"):page.index("</style>")]
    mark_rule = re.search(r"\.mark, \.verdict \{([^}]*)\}", css).group(1)
    assert "nowrap" not in mark_rule
    assert "overflow-wrap: anywhere" not in css


def test_the_biggest_answer_group_of_fifty_teams_is_not_a_list_of_forty_names(debrief50):
    page = render_html([debrief50])
    assert "(alle andere teams)" in page


def test_the_compass_of_fifty_teams_summarises_crowded_dots_and_lists_everyone_below(debrief50):
    page = render_html([debrief50])
    svg = page[page.index('<svg class="compass"'):page.index("</svg>", page.index('<svg class="compass"'))]
    assert "(+" in svg
    where = page[page.index("Wie staat waar"):page.index("</ul>", page.index("Wie staat waar"))]
    assert all(s.label in where for s in debrief50.sessions)


def test_the_same_reason_of_many_teams_is_quoted_once_with_all_of_them(debrief50):
    page = render_html([debrief50])
    quote = "Met Henk samen zoeken naar wat hij wil delen"
    assert page.count(f"</span>: {quote}</blockquote>") == 1


# --- the big screen ------------------------------------------------------------------------------------------


def test_the_overview_pages_fifty_teams_and_says_how_many_follow(opened, data):
    app = opened(lambda ctx: first_scene(ctx, data, "overzicht"))
    overview = app.stack.top
    seen = []
    per_page = len(overview.rows)
    assert 0 < per_page < 50
    assert overview.more_note.endswith(f"nog {50 - per_page} teams: PgDn")
    assert overview.hints[0].caps == ("PgDn",) and overview.hints[0].word == f"pagina 1 van {overview.pages}"
    for _ in range(overview.pages):
        seen += [label for *_, label in overview.rows]
        app.step([key(pygame.K_PAGEDOWN)])
    assert len(seen) == 50 and len(set(seen)) == 50
    app.step([key(pygame.K_HOME)] + [key(pygame.K_PAGEUP)] * overview.pages)
    assert overview.team_page == 0
    app.step(tap(overview.more_rect.center))  # touch: a tap on the note turns the page
    assert overview.team_page == 1


def test_the_overview_compass_never_covers_a_dot_or_an_axis_number(opened, data):
    app = opened(lambda ctx: first_scene(ctx, data, "overzicht"))
    lay = app.stack.top.compass
    dots = [pygame.Rect(c[0] - 19, c[1] - 19, 38, 38) for c, *_ in lay.points]
    for _, label, box, _ in lay.points:
        assert lay.rect.contains(box), label
        assert box.collidelist(dots) < 0, label
        assert box.bottom <= lay.plot.bottom + 12  # above the axis numbers under the chart
        assert box.x >= lay.plot.x  # right of the axis numbers beside it
    assert any("(+" in label for _, label, _, _ in lay.points) and not lay.complete


def test_reasons_of_fifty_teams_are_paged_and_none_is_dropped(opened, data):
    index = next(i for i, p in enumerate(data.puzzles()) if p.id == "wijkagent-belt")
    puzzle = data.puzzles()[index]
    puzzle.reasons = [(team, n, f"{reason}, zei {team}") for team, n, reason in puzzle.reasons]  # 50 different
    app = opened(lambda ctx: first_scene(ctx, data, "puzzel", index=index, mode="redenen"))
    scene = app.stack.top
    assert scene.text_pages > 1
    shown = []
    for _ in range(scene.text_pages):
        shown += [b.text for b in scene.reason_blocks if b.kind == "reason"]
        assert scene.hints[0].word == f"pagina {scene.text_page + 1} van {scene.text_pages}"
        app.step([key(pygame.K_PAGEDOWN)])
    groups = scene.puzzle.reason_groups()
    assert sorted(shown) == sorted(reason for reason, _ in groups)


def test_the_grid_pages_teams_with_every_name_whole_in_its_column(opened, data):
    app = opened(lambda ctx: first_scene(ctx, data, "puzzel"))
    scene = app.stack.top
    assert scene.hints[0].word.startswith(f"teams 1–{scene.per_page} van 50")
    assert all(head == team.label for head, team in zip(scene.grid.heads, scene.shown_teams, strict=True))
    assert all("…" not in head for head in scene.grid.heads)  # "Team Midden 10" fits its column
    app.step([key(pygame.K_PAGEDOWN)])
    assert scene.shown_teams[0] is data.debrief.sessions[scene.per_page]


def test_the_spread_line_keeps_the_recipient_and_counts_answers_that_do_not_fit(opened, data):
    items = data.debrief.puzzle("vroegsignalering").items
    index = next(i for i, it in enumerate(items) if it.key == "zwart_werk")
    app = opened(lambda ctx: first_scene(ctx, data, "puzzel", item=index))
    scene = app.stack.top
    broad = [text for look, text, _ in scene.spread if look is not None and "met gemeente" in text]
    assert broad and broad[0].endswith("meldpunt zorgwekkend gedrag (Wvggz)")
    dilemma = next(i for i, p in enumerate(data.puzzles()) if p.id == "wijkagent-belt")
    app.step([key(pygame.K_RIGHT)] * dilemma)
    lines = [text for look, text, _ in scene.spread if look is not None]
    notes = [text for look, text, _ in scene.spread if look is None]
    groups = scene.puzzle.items[0].groups
    assert len(lines) == len(groups) or any(n.startswith(f"en nog {len(groups) - len(lines)}") for n in notes)
