"""Shared test setup: pygame runs headless (dummy video and audio drivers), set before anything imports pygame;
property tests are reproducible.

Hypothesis profiles: ``ci`` (the default) is derandomised: every run draws the same examples with a fixed budget
and no example database, so ``.ci/run`` can never fail by chance. ``explore`` draws at random (and honours
``--hypothesis-seed``) to hunt for new failures: ``HYPOTHESIS_PROFILE=explore python -m pytest`` or
``python -m pytest --hypothesis-profile=explore --hypothesis-seed=7``.
"""

import os

from hypothesis import settings

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True)
settings.register_profile("explore", derandomize=False, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
