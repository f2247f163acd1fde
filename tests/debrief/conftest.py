"""Fixtures for the debrief tests: a private copy of the five scripted teams (played once per test session, in
``tests/conftest.py``), and their debrief."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from escaperoom.debrief.model import build_debrief, load_sessions


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
