"""``escaperoom debrief`` on the big screen: ``run_debrief`` opens the app on the debrief's first screen (called by
``escaperoom.cli`` when no report is asked for); headless it renders frames and saves a screenshot."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from escaperoom.strings import Catalogue
from escaperoom.ui.app import App
from escaperoom.ui.context import UiContext
from escaperoom.ui.debrief.data import data_for
from escaperoom.ui.debrief.flow import first_scene
from escaperoom.ui.scene import Scene


def run_debrief(sessions: Any, *, window: bool = False, headless: bool = False, frames: int = 0,
                screenshot: Path | str | None = None, lang: str = "nl", selected: Sequence[str] | None = None,
                start: str = "overzicht", folder: Path | str | None = None, **state: Any) -> int:
    """Open the debrief on the big screen. ``sessions``: a SessionSet, a list of TeamSessions or paths;
    ``folder`` keeps the group's agreements (default: the first path). Headless (tests, screenshots) renders
    ``frames`` frames (at least one) and saves ``screenshot``."""
    if headless:
        os.environ["SDL_VIDEODRIVER"] = "dummy"
        os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    strings = Catalogue.load()

    def make(ctx: UiContext) -> Scene:
        return first_scene(ctx, data_for(sessions, lang, selected, folder), start, **state)

    app = App(make, strings=strings, lang=lang, fullscreen=not window and not headless,
              title=f"{strings.t('nabespreking.title', lang)} — Privacy Escape Room")
    if headless:
        app.run(frames=max(1, frames), screenshot=screenshot)
    else:
        app.run(frames=frames or None, screenshot=screenshot)
    return 0
