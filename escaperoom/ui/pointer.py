"""Mouse and touch as one thing: turns pygame events into ``Pointer`` presses/moves/releases in canvas pixels.

Mouse positions are already canvas pixels (``pygame.SCALED`` maps them); FINGER* events carry coordinates
normalised to 0..1, multiplied here by the canvas size. Mouse events that SDL synthesises from touch
(``event.touch``) are ignored so a tap is not handled twice. Used by every widget.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import pygame

from escaperoom.ui import theme

MOUSE_ID = "mouse"


class Phase(Enum):
    DOWN = "down"
    MOVE = "move"
    UP = "up"


@dataclass(frozen=True)
class Pointer:
    """One press, move or release. ``id`` is ``"mouse"`` or ``("finger", touch_id, finger_id)``."""

    phase: Phase
    pos: tuple[int, int]
    id: object = MOUSE_ID


_MOUSE = {pygame.MOUSEBUTTONDOWN: Phase.DOWN, pygame.MOUSEBUTTONUP: Phase.UP, pygame.MOUSEMOTION: Phase.MOVE}
_FINGER = {pygame.FINGERDOWN: Phase.DOWN, pygame.FINGERUP: Phase.UP, pygame.FINGERMOTION: Phase.MOVE}


def pointer(event: pygame.event.Event) -> Pointer | None:
    """The pointer action in ``event``, or None for anything else (keys, wheel, right button, touch-made mouse)."""
    phase = _MOUSE.get(event.type)
    if phase is not None:
        if getattr(event, "touch", False):
            return None
        if phase is not Phase.MOVE and getattr(event, "button", 1) != 1:
            return None
        x, y = event.pos
        return Pointer(phase, (int(x), int(y)))
    phase = _FINGER.get(event.type)
    if phase is not None:
        x = min(max(event.x, 0.0), 1.0) * theme.CANVAS_WIDTH
        y = min(max(event.y, 0.0), 1.0) * theme.CANVAS_HEIGHT
        ident = ("finger", getattr(event, "touch_id", 0), getattr(event, "finger_id", 0))
        return Pointer(phase, (int(x), int(y)), ident)
    return None
