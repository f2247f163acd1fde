"""Driver for the dilemma screen: choose the option, then give the reason (typed into the field with the keys; with
the mouse a listed reason, or a click in the field and typing), then "Controleer"."""

from __future__ import annotations

from typing import Any

import pygame

from escaperoom.ui.puzzles.dilemma import DilemmaScene
from escaperoom.ui.scripted.events import click, key, tab_events, type_text
from escaperoom.ui.scripted.puzzles._driver import Events, PuzzleDriver


class DilemmaDriver(PuzzleDriver[DilemmaScene]):
    def _reason(self, answer: dict[str, Any]) -> str:
        """The reason to enter. The UI does not accept an empty reason when the puzzle requires one; then the first
        listed reason is entered instead (scoring does not look at the reason)."""
        scene = self.scene
        reason = str(answer.get("reden", "")).strip()
        if not reason and scene.puzzle.reden_verplicht:
            reason = scene.reason_texts[0] if scene.reason_texts else "-"
        return reason

    def keys(self, answer: dict[str, Any]) -> Events:
        """Choose the option with Up/Down/Enter, type the reason into the field, submit with Enter in the field."""
        scene = self.scene
        events: Events = []
        current = scene.focus.focused
        if scene.stage == 1:
            events += tab_events(self.candidates(), current, scene.chosen_button) + [key(pygame.K_RETURN)]
        order0 = [scene.options, scene.submit_button, scene.back_button]
        events += tab_events(order0, scene.options if scene.stage == 1 else current, scene.options)
        target, now = int(answer["keuze"]), scene.options.highlight
        arrow = pygame.K_DOWN if target > now else pygame.K_UP
        events += [key(arrow) for _ in range(abs(target - now))] + [key(pygame.K_RETURN)]
        reason = self._reason(answer)
        order1 = [scene.chosen_button, scene.reasons, scene.field, scene.submit_button, scene.back_button]
        events += tab_events(order1, scene.reasons if scene.reason_texts else scene.field, scene.field)
        events += [key(pygame.K_END)] + [key(pygame.K_BACKSPACE) for _ in scene.field.value]
        events += type_text(reason)
        return events + [key(pygame.K_RETURN)]

    def mouse(self, answer: dict[str, Any]) -> Events:
        """Click the option (first the chosen one, to choose again, when another one was chosen), then the listed
        reason, or else click in the field and type the reason; then click "Controleer". The mouse cannot erase:
        a reason that is not listed is only typed into an empty field (ValueError otherwise)."""
        scene = self.scene
        target = int(answer["keuze"])
        events: Events = []
        if scene.stage == 1 and scene.choice != target:
            events += click(scene.chosen_button.rect.center)
        if scene.stage == 0 or scene.choice != target:
            events += click(scene.options.row_rect(target).center)
        reason = self._reason(answer)
        if reason in scene.reason_texts:
            events += click(scene.reasons.row_rect(scene.reason_texts.index(reason)).center)
        elif reason != scene.field.value:
            if scene.field.value:
                raise ValueError("the mouse cannot erase the reason already typed")
            events += click(scene.field.rect.center) + type_text(reason)
        return events + self.submit_click()
