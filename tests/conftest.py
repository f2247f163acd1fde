"""Shared test setup: pygame runs headless (dummy video and audio drivers), set before anything imports pygame;
property tests are reproducible; five scripted teams of the casus "henk" are played once per test session
(``_five_teams_master``) for the debrief tests and the debrief screens' tests.

Hypothesis profiles: ``ci`` (the default) is derandomised: every run draws the same examples with a fixed budget
and no example database, so ``.ci/run`` can never fail by chance. ``explore`` draws at random (and honours
``--hypothesis-seed``) to hunt for new failures: ``HYPOTHESIS_PROFILE=explore python -m pytest`` or
``python -m pytest --hypothesis-profile=explore --hypothesis-seed=7``.
"""

import os
from pathlib import Path

import pytest
from debrief_teams import henk, make_teams
from hypothesis import settings

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True)
settings.register_profile("explore", derandomize=False, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def henk_loaded():
    return henk()


@pytest.fixture(scope="session")
def _five_teams_master(tmp_path_factory, henk_loaded) -> Path:
    saves = tmp_path_factory.mktemp("five") / "saves"
    make_teams(saves, 5, loaded=henk_loaded)
    return saves
