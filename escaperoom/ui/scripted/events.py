"""Synthetic input: the pygame events a player would cause (click, tap, drag, key, typing, Tab to a widget).

Feed them to a widget or scene (``feed(target, events)``) or to ``App.step(events)``. Positions are canvas
pixels; finger events get normalised coordinates, as SDL sends them. Used by the scripted drivers (autoplay, the
puzzle drivers, the gallery), the benchmarks and the UI tests.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

import pygame

from escaperoom.ui import theme

Pos = tuple[int, int]


class _Handles(Protocol):
    def handle_event(self, event: pygame.event.Event) -> bool: ...


def mouse_down(pos: Pos, button: int = 1) -> pygame.event.Event:
    return pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button, touch=False)


def mouse_up(pos: Pos, button: int = 1) -> pygame.event.Event:
    return pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button, touch=False)


def mouse_move(pos: Pos, buttons: tuple[int, int, int] = (1, 0, 0), rel: Pos = (0, 0)) -> pygame.event.Event:
    return pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=rel, buttons=buttons, touch=False)


def click(pos: Pos) -> list[pygame.event.Event]:
    return [mouse_down(pos), mouse_up(pos)]


def finger(kind: int, pos: Pos, finger_id: int = 0) -> pygame.event.Event:
    """A FINGERDOWN / FINGERMOTION / FINGERUP at canvas position ``pos``."""
    return pygame.event.Event(
        kind,
        touch_id=1,
        finger_id=finger_id,
        x=pos[0] / theme.CANVAS_WIDTH,
        y=pos[1] / theme.CANVAS_HEIGHT,
        dx=0.0,
        dy=0.0,
        pressure=1.0,
    )


def tap(pos: Pos, finger_id: int = 0) -> list[pygame.event.Event]:
    return [finger(pygame.FINGERDOWN, pos, finger_id), finger(pygame.FINGERUP, pos, finger_id)]


def drag(start: Pos, end: Pos, steps: int = 4, *, touch: bool = False) -> list[pygame.event.Event]:
    """Press at ``start``, move in ``steps`` to ``end``, release there."""
    path = [
        (round(start[0] + (end[0] - start[0]) * i / steps), round(start[1] + (end[1] - start[1]) * i / steps))
        for i in range(1, steps + 1)
    ]
    if touch:
        return [finger(pygame.FINGERDOWN, start)] + [finger(pygame.FINGERMOTION, p) for p in path] + [
            finger(pygame.FINGERUP, end)
        ]
    moves = [mouse_move(p, rel=(p[0] - q[0], p[1] - q[1])) for q, p in zip([start, *path], path, strict=False)]
    return [mouse_down(start)] + moves + [mouse_up(end)]


def key(code: int, mod: int = 0, unicode: str = "") -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode=unicode, scancode=0)


def digit(n: int) -> pygame.event.Event:
    """The key for digit ``n`` (0..9), as the top row sends it."""
    return key(pygame.K_0 + n, unicode=str(n))


def tab_events(order: Sequence[object], current: object, target: object) -> list[pygame.event.Event]:
    """Tab presses that move the focus from ``current`` to ``target`` along ``order`` (the widgets that can take
    the focus, in the focus group's order; ``current`` may be None or not in it)."""
    if current is target:
        return []
    start = order.index(current) if current in order else -1
    steps = (order.index(target) - start) % len(order) if start >= 0 else order.index(target) + 1
    return [key(pygame.K_TAB) for _ in range(steps)]


def type_text(text: str) -> list[pygame.event.Event]:
    """One TEXTINPUT per character, as SDL sends them while typing."""
    return [pygame.event.Event(pygame.TEXTINPUT, text=char) for char in text]


def feed(target: _Handles, events: Iterable[pygame.event.Event]) -> list[bool]:
    """Give each event to ``target.handle_event``; return what it answered for each."""
    return [target.handle_event(event) for event in events]
