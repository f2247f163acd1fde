"""The autoplayer at a pace people can follow (``escaperoom --autoplay --window``): its events handed out one
gesture at a time, with pauses. Used by ``escaperoom.ui.main``."""

from __future__ import annotations

import pygame


class Pace:
    """``--autoplay --window``: the scripted team at a pace people can follow. The autoplayer's events are handed
    out one gesture at a time (a click, a key press, a drag spread over frames, typing letter by letter) with a
    pause after each, and a longer pause on every new screen; the clock runs in real time. Headless autoplay does
    not use this (it stays as fast as it can)."""

    SCREEN_S = 1.5  # look at a new screen before anything happens on it
    STEP_S = 0.45  # after a click, a drag or a key that does something
    KEY_S = 0.18  # between Tab presses (focus moving)
    TYPE_S = 0.05  # between typed letters

    def __init__(self, player: object):
        self.player = player
        self.queue: list[pygame.event.Event] = []
        self.wait = self.SCREEN_S
        self.top: object = None
        self.dragging = False

    def events(self, top: object, dt: float) -> list[pygame.event.Event]:
        if top is not self.top:
            self.top = top
            self.wait = max(self.wait, self.SCREEN_S)
        self.wait -= dt
        if self.dragging and self.queue:  # a drag moves on every frame
            event = self.queue.pop(0)
            if event.type in (pygame.MOUSEBUTTONUP, pygame.FINGERUP):
                self.dragging, self.wait = False, self.STEP_S
            return [event]
        if self.wait > 0:
            return []
        if not self.queue:
            self.queue = list(self.player.events())  # type: ignore[attr-defined]
            if not self.queue:
                return []
        event = self.queue.pop(0)
        if event.type in (pygame.MOUSEBUTTONDOWN, pygame.FINGERDOWN):
            nxt = self.queue[0] if self.queue else None
            if nxt is not None and nxt.type in (pygame.MOUSEBUTTONUP, pygame.FINGERUP):  # a click: down and up
                self.queue.pop(0)
                self.wait = self.STEP_S
                return [event, nxt]
            self.dragging = True
            return [event]
        if event.type == pygame.TEXTINPUT:
            self.wait = self.TYPE_S
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_TAB:
            self.wait = self.KEY_S
        else:
            self.wait = self.STEP_S
        return [event]
