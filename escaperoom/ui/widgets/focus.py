"""FocusGroup: the widgets of one screen, keyboard focus between them, and event routing to them.

Tab / Shift+Tab cycle focus in order; arrow keys move to the nearest widget in that direction (cycling when
there is none). Pointer events go to the top-most widget first; a tap focuses what it hits without showing the
ring. Keys and text go to the focused widget first. Used by scenes and by the modal widget.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

import pygame

from escaperoom.ui.pointer import Phase, pointer
from escaperoom.ui.widgets.base import Widget

W = TypeVar("W", bound=Widget)

_DIRECTIONS = {
    pygame.K_UP: (0, -1),
    pygame.K_DOWN: (0, 1),
    pygame.K_LEFT: (-1, 0),
    pygame.K_RIGHT: (1, 0),
}


class FocusGroup:
    """Ordered widgets of one screen; at most one has focus."""

    def __init__(self, widgets: Iterable[Widget] = ()):
        self.widgets: list[Widget] = []
        self.focused: Widget | None = None
        for widget in widgets:
            self.add(widget)

    def add(self, widget: W) -> W:
        self.widgets.append(widget)
        return widget

    def remove(self, widget: Widget) -> None:
        self.widgets.remove(widget)
        if self.focused is widget:
            widget.set_focus(False)
            self.focused = None

    def focus(self, widget: Widget | None, *, visible: bool = True) -> None:
        if self.focused is not None and self.focused is not widget:
            self.focused.set_focus(False)
        self.focused = widget
        if widget is not None:
            widget.set_focus(True, visible=visible)

    def focus_first(self, *, visible: bool = True) -> None:
        candidates = self._candidates()
        self.focus(candidates[0] if candidates else None, visible=visible)

    def focus_next(self, step: int = 1) -> None:
        """Move focus ``step`` places along the order (negative: backwards), wrapping around."""
        candidates = self._candidates()
        if not candidates:
            return
        if self.focused not in candidates:
            self.focus(candidates[0] if step > 0 else candidates[-1])
            return
        index = candidates.index(self.focused)
        self.focus(candidates[(index + step) % len(candidates)])

    def focus_direction(self, dx: int, dy: int) -> None:
        """Focus the nearest widget whose centre lies in direction (dx, dy); cycle in order if there is none."""
        current = self.focused
        if current is None or current not in self._candidates():
            self.focus_first()
            return
        cx, cy = current.rect.center
        best: tuple[float, Widget] | None = None
        for widget in self._candidates():
            if widget is current:
                continue
            wx, wy = widget.rect.center
            along = (wx - cx) * dx + (wy - cy) * dy
            across = abs((wx - cx) * dy) + abs((wy - cy) * dx)
            if along <= 0:
                continue
            score = along + 2 * across
            if best is None or score < best[0]:
                best = (score, widget)
        if best is not None:
            self.focus(best[1])
        else:
            self.focus_next(1 if dx + dy > 0 else -1)

    def _candidates(self) -> list[Widget]:
        return [w for w in self.widgets if w.can_focus]

    def _by_depth(self) -> list[Widget]:
        """Widgets from top-most (drawn last) to bottom-most."""
        ordered = list(reversed(self.widgets))
        return [w for w in ordered if w.on_top] + [w for w in ordered if not w.on_top]

    # --- events, update, draw -----------------------------------------------------------------------------

    def handle_event(self, event: pygame.event.Event) -> bool:
        action = pointer(event)
        if action is not None:
            for widget in self._by_depth():
                if widget.handle_event(event):
                    if action.phase is Phase.DOWN and widget.can_focus:
                        self.focus(widget, visible=False)
                    return True
            return False
        if event.type in (pygame.KEYDOWN, pygame.TEXTINPUT, pygame.TEXTEDITING):
            if self.focused is not None and self.focused.handle_event(event):
                if self.focused is not None and event.type == pygame.KEYDOWN:
                    self.focused.focus_visible = True
                return True
            if event.type == pygame.KEYDOWN:
                return self._navigate(event)
        return False

    def _navigate(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_TAB:
            self.focus_next(-1 if event.mod & pygame.KMOD_SHIFT else 1)
            return True
        direction = _DIRECTIONS.get(event.key)
        if direction is not None and self._candidates():
            if self.focused is not None and not self.focused.focus_visible:
                self.focused.focus_visible = True  # first arrow press after a tap: show where focus is
            else:
                self.focus_direction(*direction)
            return True
        return False

    def update(self, dt: float) -> None:
        for widget in self.widgets:
            widget.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        """Every visible widget, those on top last."""
        for widget in self.widgets:
            if widget.visible and not widget.on_top:
                widget.draw(surface)
        for widget in self.widgets:
            if widget.visible and widget.on_top:
                widget.draw(surface)

    def draw_below(self, surface: pygame.Surface) -> None:
        """What a cached layer holds: the widgets that stay in place, without their live parts."""
        for widget in self.widgets:
            if widget.visible and not widget.on_top:
                widget.draw_layered(surface)

    def draw_over(self, surface: pygame.Surface) -> None:
        """What is painted over the layer every frame: the live parts (a cursor), then the widgets on top (a
        dragged card). ``draw_below`` and then this paint what ``draw`` paints."""
        for widget in self.widgets:
            if widget.visible and not widget.on_top:
                widget.draw_live(surface)
        for widget in self.widgets:
            if widget.visible and widget.on_top:
                widget.draw(surface)

    def parts(self) -> list[tuple[object, pygame.Rect]]:
        """(look, area) of each part of the widgets a layer holds (those not on top), for ``Layer.draw_parts``."""
        return [part for w in self.widgets if not w.on_top for part in w.parts()]

    def look(self, *, on_top: bool = False) -> tuple[object, ...]:
        """How the widgets look (``Widget.look``: without their live parts), without those on top unless
        ``on_top``."""
        return tuple(w.look() for w in self.widgets if on_top or not w.on_top)
