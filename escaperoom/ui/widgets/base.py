"""The widget base class: a rect on the canvas, pointer/keyboard handling hooks, focus state, the focus ring.

Subclasses override ``handle_pointer``, ``handle_key``, ``handle_text``, ``update`` and ``draw``. ``draw`` only
reads state, and ``look`` names all of it, so a screen can keep its widgets in a cached layer (``draw_layered``)
and draw only what changes all the time over it (``draw_live``). Used by every widget in this package.
"""

from __future__ import annotations

import pygame

from escaperoom.ui import theme
from escaperoom.ui.pointer import Pointer, pointer

ACTIVATE_KEYS = frozenset({pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE})
REACH = theme.FOCUS_RING_GAP + theme.FOCUS_RING_WIDTH + 4  # how far a widget draws outside its rect (the ring)
RectLike = pygame.Rect | tuple[int, int, int, int]


class Widget:
    """Base of all widgets. ``rect`` is in canvas pixels; ``handle_event`` returns True when it used the event."""

    focusable = True

    def __init__(self, rect: RectLike):
        self.rect = pygame.Rect(rect)
        self.enabled = True
        self.visible = True
        self.focused = False
        self.focus_visible = False  # the ring shows after keyboard focus, not after a tap

    @property
    def can_focus(self) -> bool:
        return self.focusable and self.enabled and self.visible

    @property
    def on_top(self) -> bool:
        """True while the widget must be drawn above its siblings and see pointer events first (a dragged card)."""
        return False

    def set_focus(self, focused: bool, *, visible: bool = True) -> None:
        self.focused = focused
        self.focus_visible = focused and visible

    def handle_event(self, event: pygame.event.Event) -> bool:
        if not (self.visible and self.enabled):
            return False
        action = pointer(event)
        if action is not None:
            return self.handle_pointer(action)
        if not self.focused:
            return False
        if event.type == pygame.KEYDOWN:
            return self.handle_key(event)
        if event.type == pygame.TEXTINPUT:
            return self.handle_text(event.text)
        return False

    def handle_pointer(self, action: Pointer) -> bool:
        return False

    def handle_key(self, event: pygame.event.Event) -> bool:
        return False

    def handle_text(self, text: str) -> bool:
        return False

    def update(self, dt: float) -> None:
        """Advance animations by ``dt`` seconds."""

    def draw(self, surface: pygame.Surface) -> None:
        raise NotImplementedError

    def draw_layered(self, surface: pygame.Surface) -> None:
        """The part a cached layer holds (all of ``draw`` unless the widget has a part that changes every frame or
        so, drawn by ``draw_live``)."""
        self.draw(surface)

    def draw_live(self, surface: pygame.Surface) -> None:
        """What is drawn over the cached layer every frame (a blinking cursor, a dragged row); ``look`` leaves it
        out."""

    def drawn_rect(self) -> pygame.Rect:
        """Where ``draw_layered`` may paint: the rect and the focus ring around it."""
        return self.rect.inflate(2 * REACH, 2 * REACH)

    def parts(self) -> list[tuple[object, pygame.Rect]]:
        """(look, area) of the parts of the widget a cached layer can paint again on their own: by default one, the
        whole widget (a list can give a part per row)."""
        return [(self.look(), self.drawn_rect())]

    def look(self) -> tuple[object, ...]:
        """Everything ``draw`` reads: a cached layer holding the widget is painted again when this changes. This
        default counts what most widgets show (focus, press, label, typed value, cursor and its blink); a widget that
        draws more, or less, says so in its own ``look``."""
        blink = getattr(self, "_blink", None)
        return (id(self), self.visible, self.enabled, self.focused, self.focus_visible, getattr(self, "pressed", None),
                getattr(self, "label", None), getattr(self, "value", None), getattr(self, "cursor", None),
                None if blink is None else blink < 0.6, tuple(self.rect))

    def draw_focus(self, surface: pygame.Surface, rect: pygame.Rect | None = None) -> None:
        if self.focused and self.focus_visible:
            draw_focus_ring(surface, rect or self.rect)


def draw_focus_ring(surface: pygame.Surface, rect: pygame.Rect, radius: int = theme.RADIUS) -> None:
    """A thick ring around ``rect``, separated from it by a small gap, visible on any fill."""
    grow = 2 * (theme.FOCUS_RING_GAP + theme.FOCUS_RING_WIDTH)
    ring = rect.inflate(grow, grow)
    pygame.draw.rect(
        surface, theme.FOCUS, ring, theme.FOCUS_RING_WIDTH, border_radius=radius + theme.FOCUS_RING_GAP + 4
    )
