"""Fixtures for the debrief tests: five scripted teams played once per test session, and their debrief."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from debrief_teams import henk, make_teams

from escaperoom.debrief.model import build_debrief, load_sessions


@pytest.fixture(scope="session")
def henk_loaded():
    return henk()


@pytest.fixture(scope="session")
def _five_teams_master(tmp_path_factory, henk_loaded) -> Path:
    saves = tmp_path_factory.mktemp("five") / "saves"
    make_teams(saves, 5, loaded=henk_loaded)
    return saves


@pytest.fixture
def five_teams(tmp_path, _five_teams_master) -> Path:
    """A private copy of a saves folder with five finished sessions (tests may change or delete it)."""
    target = tmp_path / "saves"
    shutil.copytree(_five_teams_master, target)
    return target


@pytest.fixture(scope="session")
def debrief5(_five_teams_master, henk_loaded):
    found = load_sessions([_five_teams_master])
    return build_debrief(found.sessions, scenarios=[henk_loaded])
