"""Driver for the sorting screen: with the keys, Tab to each card, Enter, the zone's digit and Enter; with the mouse,
a drag of every card that is not yet where the answer wants it onto its zone. Then "Controleer"."""

from __future__ import annotations

from typing import Any

import pygame

from escaperoom.ui.puzzles.sort import SortScene
from escaperoom.ui.scripted.events import click, digit, drag, key, tab_events
from escaperoom.ui.scripted.puzzles._driver import Events, PuzzleDriver


class SortDriver(PuzzleDriver[SortScene]):
    def keys(self, answer: dict[str, Any]) -> Events:
        scene = self.scene
        events: Events = []
        if scene.picked is not None:
            events.append(key(pygame.K_ESCAPE))
        order = self.candidates()
        current = scene.focus.focused
        for index, card_id in enumerate(scene.card_ids):
            dest = answer["plaatsing"].get(card_id)
            if dest is None:
                continue
            card = scene.cards[index]
            events += tab_events(order, current, card)
            current = card
            events += [key(pygame.K_RETURN), digit(scene.zone_ids.index(dest) + 1), key(pygame.K_RETURN)]
        return events + self.submit_keys(current)

    def mouse(self, answer: dict[str, Any]) -> Events:
        """Put down a card picked up by a tap (tap it again), drag every card that is not yet where ``answer``
        wants it onto its zone, then click "Controleer"."""
        scene = self.scene
        events: Events = []
        if scene.picked is not None:
            events += click(scene.cards[scene.picked].rect.center)
        for index, card_id in enumerate(scene.card_ids):
            dest = answer["plaatsing"].get(card_id)
            if dest is None:
                continue
            zone = scene.zone_ids.index(dest)
            if scene.placement.get(card_id) != zone:
                events += drag(scene.cards[index].home.center, scene.zones[zone].center)
        return events + self.submit_click()
