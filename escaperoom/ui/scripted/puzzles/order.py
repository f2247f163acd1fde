"""Driver for the order screen: with the keys, pick up the step that belongs in each place and move it up; with the
mouse, drag it there. Then "Controleer"."""

from __future__ import annotations

from typing import Any

import pygame

from escaperoom.ui.puzzles.order import OrderScene
from escaperoom.ui.scripted.events import click, drag, key, tab_events
from escaperoom.ui.scripted.puzzles._driver import Events, PuzzleDriver


class OrderDriver(PuzzleDriver[OrderScene]):
    def keys(self, answer: dict[str, Any]) -> Events:
        """Keyboard only: focus the list, then for each place pick up the step that belongs there and move it up."""
        steps = self.scene.steps
        events: Events = []
        if steps.grabbed:
            events.append(key(pygame.K_ESCAPE))
        events += tab_events(self.candidates(), self.scene.focus.focused, steps)
        order = list(steps.order)
        cursor = steps.cursor
        for place, step in enumerate(int(s) for s in answer["volgorde"]):
            src = order.index(step)
            arrow = pygame.K_DOWN if src > cursor else pygame.K_UP
            events += [key(arrow) for _ in range(abs(src - cursor))]
            events.append(key(pygame.K_SPACE))
            events += [key(pygame.K_UP) for _ in range(src - place)]
            events.append(key(pygame.K_SPACE))
            order.insert(place, order.pop(src))
            cursor = place
        return events + self.submit_keys(steps)

    def mouse(self, answer: dict[str, Any]) -> Events:
        """Mouse only: put down a step held by a tap (tap it again), then for each place, top to bottom, drag the
        step that belongs there from its row onto that place (worked out on a copy of the current order)."""
        steps = self.scene.steps
        events: Events = []
        if steps.grabbed:
            events += click(steps.row_rect(steps.cursor).center)
        order = list(steps.order)
        for place, step in enumerate(int(s) for s in answer["volgorde"]):
            src = order.index(step)
            if src == place:
                continue
            events += drag(steps.row_rect(src).center, steps.row_rect(place).center)
            order.insert(place, order.pop(src))
        return events + self.submit_click()
