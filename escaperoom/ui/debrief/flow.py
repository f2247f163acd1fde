"""The debrief's screen flow: the only module that names the next debrief screen. The screens ask it (the
``Navigator`` they are given) and never import each other::

    sessions ── Toon nabespreking ──> overview ── Puzzels ──> puzzle ── Wat als ──> what-if
                                        │ │ │                   └─ past the last puzzle ──> agreements
                                        │ │ └─ Afspraken ──> agreements
                                        │ └─ a team (T, a tap) ──> timeline
                                        └─ Teams kiezen ──> sessions (back to the overview)

Esc leads back on every screen. Entry points: ``debrief_scene`` (the title screen's "Nabespreking", through the
game flow) and ``first_scene`` (``run_debrief``, the screenshots and the tests)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from escaperoom.debrief.model import load_sessions
from escaperoom.debrief.whatif import whatif_for
from escaperoom.ui.context import UiContext
from escaperoom.ui.debrief.agreements import AgreementsScene
from escaperoom.ui.debrief.base import DebriefScene
from escaperoom.ui.debrief.data import DebriefData, data_for
from escaperoom.ui.debrief.overview import OverviewScene
from escaperoom.ui.debrief.puzzle import PuzzleScene
from escaperoom.ui.debrief.sessions import SessionsScene
from escaperoom.ui.debrief.timeline import TimelineScene
from escaperoom.ui.debrief.whatif import WhatIfScene
from escaperoom.ui.scene import Scene, SceneStack

SCENES: dict[str, type[DebriefScene]] = {"sessies": SessionsScene, "overzicht": OverviewScene, "puzzel": PuzzleScene,
                                         "tijdlijn": TimelineScene, "watals": WhatIfScene,
                                         "afspraken": AgreementsScene}


class DebriefFlow:
    """The ``Navigator`` of one debrief: makes its screens for ``ctx`` and ``data`` and opens them on a stack."""

    def __init__(self, ctx: UiContext, data: DebriefData):
        self.ctx, self.data = ctx, data

    def open_overview(self, stack: SceneStack, *, replace: bool = False) -> None:
        scene = OverviewScene(self.ctx, self.data, self)
        if replace:
            stack.replace(scene)
        else:
            stack.push(scene)

    def open_sessions(self, stack: SceneStack, *, from_overview: bool = False) -> None:
        stack.push(SessionsScene(self.ctx, self.data, self, from_overview=from_overview))

    def open_puzzle(self, stack: SceneStack, index: int = 0) -> None:
        stack.push(PuzzleScene(self.ctx, self.data, self, index=index))

    def open_timeline(self, stack: SceneStack, team: int = 0) -> None:
        stack.push(TimelineScene(self.ctx, self.data, self, team=team))

    def open_whatif(self, stack: SceneStack, puzzle_id: str) -> None:
        stack.push(WhatIfScene(self.ctx, self.data, self, puzzle_id))

    def open_agreements(self, stack: SceneStack, puzzle_id: str | None = None) -> None:
        stack.push(AgreementsScene(self.ctx, self.data, self, puzzle_id))

    def first(self, start: str = "overzicht", **state: Any) -> DebriefScene:
        """The screen to open with (``start``: sessies, overzicht, puzzel, tijdlijn, watals, afspraken); the chooser
        when there is nothing to show. ``state`` sets screen attributes (e.g. ``item=2``, ``mode="uitleg"``)."""
        data = self.data
        if data.debrief is None or start == "sessies":
            scene: DebriefScene = SessionsScene(self.ctx, data, self)
        elif start == "puzzel":
            scene = PuzzleScene(self.ctx, data, self, index=int(state.pop("index", 0)))
        elif start == "tijdlijn":
            scene = TimelineScene(self.ctx, data, self, team=int(state.pop("team", 0)))
        elif start == "watals":
            scene = self._whatif(state)
        elif start == "afspraken":
            scene = AgreementsScene(self.ctx, data, self, state.pop("puzzle", None))
        else:
            scene = OverviewScene(self.ctx, data, self)
        for key, value in state.items():
            setattr(scene, key, value)
        layout = getattr(scene, "_layout", None)
        if state and layout is not None:
            layout()
        return scene

    def _whatif(self, state: dict[str, Any]) -> WhatIfScene:
        """The what-if screen of ``state["puzzle"]`` (the first with what-ifs), with ``state["apply"]`` switched on."""
        debrief = self.data.debrief
        ids = [p.id for p in self.data.puzzles() if debrief is not None and whatif_for(debrief, p.id)]
        scene = WhatIfScene(self.ctx, self.data, self, str(state.pop("puzzle", ids[0] if ids else "")))
        apply = state.pop("apply", None)
        if apply is not None and scene.panel is not None:
            index = next((i for i, t in enumerate(scene.panel.toggles) if t.id == apply), 0)
            scene.apply(index)
        return scene


def first_scene(ctx: UiContext, data: DebriefData, start: str = "overzicht", **state: Any) -> Scene:
    """The debrief screen to open with (see ``DebriefFlow.first``); used by run_debrief, the screenshots and the
    tests."""
    return DebriefFlow(ctx, data).first(start, **state)


def debrief_scene(saves_dir: Path | str, ctx: UiContext) -> Scene:
    """The debrief for the title screen: the overview of the newest training in ``saves_dir``, or the session
    chooser when there is nothing to show yet. Esc leads back to the scene below."""
    data = data_for(load_sessions([Path(saves_dir)]), ctx.lang, folder=saves_dir)
    return first_scene(ctx, data)
