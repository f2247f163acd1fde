"""Fixtures for the debrief screens' tests: the five scripted teams' debrief data, six teams with longer names
(``six_data``: the big screen's page at 6 teams), apps opened on a debrief screen (closed afterwards) and the UI
context of one."""

from __future__ import annotations

from pathlib import Path

import pytest
from debrief_teams import SIX_TEAMS, play_team

from escaperoom.debrief.model import load_sessions
from escaperoom.ui.app import App
from escaperoom.ui.debrief.data import DebriefData
from escaperoom.ui.debrief.flow import first_scene


@pytest.fixture
def data(_five_teams_master, henk_loaded):
    return DebriefData(load_sessions([_five_teams_master]), scenarios=[henk_loaded])


@pytest.fixture(scope="session")
def _six_teams_master(tmp_path_factory, henk_loaded) -> Path:
    """Six scripted teams of "henk" (the five patterns, the sixth plays as the first), names as a training has."""
    saves = tmp_path_factory.mktemp("six") / "saves"
    for i, name in enumerate(SIX_TEAMS):
        play_team(saves, henk_loaded, name, i % 5)
    return saves


@pytest.fixture
def six_data(_six_teams_master, henk_loaded, tmp_path):
    """The six teams' debrief in Dutch, with its own folder for the agreements."""
    return DebriefData(load_sessions([_six_teams_master]), scenarios=[henk_loaded], folder=tmp_path)


@pytest.fixture
def opened():
    apps = []

    def open_(factory, lang="nl"):
        app = App(factory, lang=lang)
        app.open()
        apps.append(app)
        return app

    yield open_
    for app in apps:
        if app.surface is not None:
            app.close()


@pytest.fixture
def ui_ctx(opened, data):
    """The UI context of an opened debrief (for the layout helpers)."""
    captured = {}

    def factory(ctx):
        captured["ctx"] = ctx
        return first_scene(ctx, data, "sessies")

    opened(factory)
    return captured["ctx"]
