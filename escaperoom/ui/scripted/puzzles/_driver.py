"""The base of the puzzle drivers: a driver holds one puzzle screen and writes the events that enter an answer and
submit it, with the keyboard (``keys``) or with the mouse alone (``mouse``), from the screen's current state and
its widgets' rects. Used by the modules of ``escaperoom.ui.scripted.puzzles``."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

import pygame

from escaperoom.ui.puzzles._base import PuzzleScene
from escaperoom.ui.scripted.events import click, key, tab_events
from escaperoom.ui.widgets import Widget

S = TypeVar("S", bound=PuzzleScene)
Events = list[pygame.event.Event]


class PuzzleDriver(Generic[S]):
    """Scripted input for one puzzle screen (``self.scene``)."""

    def __init__(self, scene: S):
        self.scene = scene

    def keys(self, answer: dict[str, Any]) -> Events:
        """Key presses (and typed text) that enter ``answer`` from the scene's current state and submit it."""
        raise NotImplementedError

    def mouse(self, answer: dict[str, Any]) -> Events:
        """Mouse presses, moves and releases (and typed text only where text must be typed) that enter ``answer``
        from the scene's current state and submit it with a click on the submit button."""
        raise NotImplementedError

    # --- shared steps ----------------------------------------------------------------------------------------

    def candidates(self) -> list[Widget]:
        """The widgets that can take the focus, in keyboard order."""
        return [w for w in self.scene.focus.widgets if w.can_focus]

    def submit_keys(self, current: Widget | None) -> Events:
        """Tab from ``current`` to the submit button and press Enter."""
        return tab_events(self.candidates(), current, self.scene.submit_button) + [key(pygame.K_RETURN)]

    def submit_click(self) -> Events:
        return click(self.scene.submit_button.rect.center)
