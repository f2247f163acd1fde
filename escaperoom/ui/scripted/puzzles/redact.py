"""Driver for the redact screen: every line whose state must change (Tab to it and Enter, or a click), then
"Versturen"."""

from __future__ import annotations

from typing import Any

import pygame

from escaperoom.ui.puzzles.redact import RedactScene
from escaperoom.ui.scripted.events import click, key, tab_events
from escaperoom.ui.scripted.puzzles._driver import Events, PuzzleDriver
from escaperoom.ui.widgets import Widget


class RedactDriver(PuzzleDriver[RedactScene]):
    def _to_toggle(self, answer: dict[str, Any]) -> list[Widget]:
        """The rows whose state must change to match ``answer``."""
        wanted = {int(i) for i in answer["zwart"]}
        return [row for i, row in enumerate(self.scene.rows) if row.black != (i in wanted)]

    def keys(self, answer: dict[str, Any]) -> Events:
        """Tab to every row whose state must change and press Enter, then Tab to "Versturen" and press Enter."""
        events: Events = []
        current = self.scene.focus.focused
        for row in self._to_toggle(answer):
            events += tab_events(self.candidates(), current, row) + [key(pygame.K_RETURN)]
            current = row
        return events + self.submit_keys(current)

    def mouse(self, answer: dict[str, Any]) -> Events:
        """A click on every row whose state must change, then a click on "Versturen"."""
        events = [e for row in self._to_toggle(answer) for e in click(row.rect.center)]
        return events + self.submit_click()
