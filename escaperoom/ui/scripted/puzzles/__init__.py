"""Scripted answers for the puzzle screens, one driver per screen: ``script_events(scene, answer)`` gives the events
that, fed to the scene (or the app) in order, enter ``answer`` (scoring's format) and submit it: with the keyboard
(``pointer="keyboard"``, the default) or with the mouse alone (``pointer="mouse"``, plus typed text where text
must be typed). Positions come from the widgets' rects. Used by autoplay, the gallery, the benchmarks and tests."""

from __future__ import annotations

from typing import Any, Literal

from escaperoom.ui.puzzles import BasisScene, DilemmaScene, OrderScene, PuzzleScene, RedactScene, SortScene
from escaperoom.ui.scripted.puzzles._driver import Events, PuzzleDriver
from escaperoom.ui.scripted.puzzles.basis import BasisDriver
from escaperoom.ui.scripted.puzzles.dilemma import DilemmaDriver
from escaperoom.ui.scripted.puzzles.order import OrderDriver
from escaperoom.ui.scripted.puzzles.redact import RedactDriver
from escaperoom.ui.scripted.puzzles.sort import SortDriver

POINTERS = ("keyboard", "mouse")
PointerKind = Literal["keyboard", "mouse"]
DRIVERS: dict[type[PuzzleScene], type[PuzzleDriver[Any]]] = {
    SortScene: SortDriver,
    BasisScene: BasisDriver,
    RedactScene: RedactDriver,
    OrderScene: OrderDriver,
    DilemmaScene: DilemmaDriver,
}


def driver_for(scene: object) -> PuzzleDriver[Any] | None:
    """The driver of a puzzle screen, or None for any other scene."""
    kind = DRIVERS.get(type(scene))  # type: ignore[arg-type]
    return kind(scene) if kind is not None else None


def script_events(scene: PuzzleScene, answer: dict[str, Any], *, pointer: PointerKind = "keyboard") -> Events:
    """Synthetic events that, fed to ``scene.handle_event`` in order, enter ``answer`` and submit it."""
    if pointer not in POINTERS:
        raise ValueError(f"pointer must be one of {POINTERS}, not {pointer!r}")
    driver = driver_for(scene)
    if driver is None:
        raise TypeError(f"no driver for {type(scene).__name__}")
    return driver.keys(answer) if pointer == "keyboard" else driver.mouse(answer)


__all__ = ["DRIVERS", "POINTERS", "PointerKind", "PuzzleDriver", "driver_for", "script_events"]
