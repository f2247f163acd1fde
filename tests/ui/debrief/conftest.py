"""Fixtures for the debrief screens' tests: the five scripted teams' debrief data, apps opened on a debrief screen
(closed afterwards) and the UI context of one."""

from __future__ import annotations

import pytest

from escaperoom.debrief.model import load_sessions
from escaperoom.ui.app import App
from escaperoom.ui.debrief.data import DebriefData
from escaperoom.ui.debrief.flow import first_scene


@pytest.fixture
def data(_five_teams_master, henk_loaded):
    return DebriefData(load_sessions([_five_teams_master]), scenarios=[henk_loaded])


@pytest.fixture
def opened():
    apps = []

    def open_(factory):
        app = App(factory)
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
