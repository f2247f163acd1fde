"""Driver for the legal-basis screen: for each decision, its number and its option (Tab, Enter and the arrows, or
two clicks), then "Controleer"."""

from __future__ import annotations

from typing import Any

import pygame

from escaperoom.ui.puzzles.basis import BasisScene
from escaperoom.ui.scripted.events import click, key, tab_events
from escaperoom.ui.scripted.puzzles._driver import Events, PuzzleDriver


class BasisDriver(PuzzleDriver[BasisScene]):
    def keys(self, answer: dict[str, Any]) -> Events:
        scene = self.scene
        events: Events = []
        order = self.candidates()
        current = scene.focus.focused
        highlight = {d: (c if c is not None else 0) for d, c in enumerate(scene.chosen)}
        for d, spec in enumerate(scene.puzzle.beslissingen):
            pick = answer["keuzes"].get(str(d))
            if pick is None:
                continue
            events += tab_events(order, current, scene.tabs[d]) + [key(pygame.K_RETURN)]
            events += tab_events(order, scene.tabs[d], scene.options)
            current = scene.options
            target = spec.opties.index(pick)
            now = highlight[d]
            arrow = pygame.K_DOWN if target > now else pygame.K_UP
            events += [key(arrow) for _ in range(abs(target - now))] + [key(pygame.K_RETURN)]
        return events + self.submit_keys(current)

    def mouse(self, answer: dict[str, Any]) -> Events:
        """For each decision in ``answer``: click its number, then its option row; then click "Controleer"."""
        scene = self.scene
        events: Events = []
        for d, spec in enumerate(scene.puzzle.beslissingen):
            pick = answer["keuzes"].get(str(d))
            if pick is None:
                continue
            events += click(scene.tabs[d].rect.center)
            events += click(scene.options.row_rect(spec.opties.index(pick)).center)
        return events + self.submit_click()
