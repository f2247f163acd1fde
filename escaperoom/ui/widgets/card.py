"""Card: a data card (title + short body) that can be dragged with mouse or finger, or chosen with the keyboard.

Press and move more than ``theme.DRAG_SLOP`` to drag; on release ``on_drop(card, pos)`` lets the scene decide
(put it in a bin with ``place_at`` or send it back with ``return_home``). A press without moving, or
Enter/Space while focused, runs ``on_activate(card)`` (e.g. select it, then choose a bin with the keyboard).
While dragged the card is drawn above its siblings and follows only the pointer that picked it up. The press itself
is ``Pressable``'s."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from escaperoom.ui import theme
from escaperoom.ui.fonts import TextCache
from escaperoom.ui.pointer import Pointer
from escaperoom.ui.theme import Colour
from escaperoom.ui.widgets.base import RectLike
from escaperoom.ui.widgets.pressable import Pressable

_PAD = theme.SPACE_S
_STRIPE = 14
_CANVAS = pygame.Rect((0, 0), theme.CANVAS_SIZE)


class Card(Pressable):
    def __init__(
        self,
        rect: RectLike,
        text: TextCache,
        title: str,
        body: str = "",
        *,
        on_drop: Callable[[Card, tuple[int, int]], None] | None = None,
        on_activate: Callable[[Card], None] | None = None,
        colour: Colour = theme.ACCENT,
        title_size: int = theme.TEXT_BODY,
        body_size: int = theme.TEXT_SMALL,
    ):
        super().__init__(rect)
        self.text = text
        self.home = self.rect.copy()
        self.on_drop = on_drop
        self.on_activate = on_activate
        self.colour = colour
        self.selected = False
        self.dragging = False
        self._grab: tuple[int, int, tuple[int, int]] | None = None  # offset x/y, press pos
        self._title_max, self._body_max = title_size, body_size
        self.title, self.body = title, body
        self._fit()

    def set_text(self, title: str, body: str = "") -> None:
        self.title, self.body = title, body
        self._fit()

    def _inner(self, rect: pygame.Rect) -> pygame.Rect:
        return pygame.Rect(
            rect.x + _STRIPE + _PAD, rect.y + _PAD, rect.width - _STRIPE - 2 * _PAD, rect.height - 2 * _PAD
        )

    def _fit(self) -> None:
        """Title first (up to two lines), the body gets the rest; both worked out here, not while drawing."""
        inner = self._inner(self.rect)
        fonts = self.text.fonts
        two_lines = 2 * fonts.line_height("bold", self._title_max)
        title_room = inner.height if not self.body else min(inner.height, two_lines)
        self._title_size = self.text.fit_size(self.title, "bold", inner.width, title_room, self._title_max)
        title_h = self.text.layout(self.title, "bold", self._title_size, inner.width).height
        self._title_h = min(title_h, title_room)
        body_h = max(0, inner.height - self._title_h - theme.SPACE_XS)
        self._body_size = (self.text.fit_size(self.body, "regular", inner.width, body_h, self._body_max)
                           if self.body else self._body_max)
        self._body_line = fonts.line_height("regular", self._body_size)
        self._title_line = fonts.line_height("bold", self._title_size)

    def _boxes(self, rect: pygame.Rect) -> tuple[pygame.Rect, pygame.Rect]:
        inner = self._inner(rect)
        title = pygame.Rect(inner.x, inner.y, inner.width, self._title_h)
        top = title.bottom + theme.SPACE_XS
        return title, pygame.Rect(inner.x, top, inner.width, max(0, inner.bottom - top))

    # --- placement -----------------------------------------------------------------------------------------

    @property
    def on_top(self) -> bool:
        return self.dragging

    def place_at(self, topleft: tuple[int, int]) -> None:
        """Move the card and make that its new home."""
        self.rect.topleft = topleft
        self.home = self.rect.copy()

    def return_home(self) -> None:
        self.rect.topleft = self.home.topleft

    def activate(self) -> None:
        if self.on_activate is not None:
            self.on_activate(self)

    # --- input ---------------------------------------------------------------------------------------------

    def accepts_press(self, action: Pointer) -> bool:
        return self.press_id is None  # while dragged it follows only the pointer that picked it up

    def press_started(self, action: Pointer) -> None:
        self._grab = (action.pos[0] - self.rect.x, action.pos[1] - self.rect.y, action.pos)

    def press_moved(self, action: Pointer, inside: bool) -> None:
        if self._grab is None:
            return
        off_x, off_y, start = self._grab
        if not self.dragging:
            moved = max(abs(action.pos[0] - start[0]), abs(action.pos[1] - start[1]))
            self.dragging = moved > theme.DRAG_SLOP
        if self.dragging:
            self.rect.topleft = (action.pos[0] - off_x, action.pos[1] - off_y)
            self.rect.clamp_ip(_CANVAS)

    def press_ended(self, action: Pointer, inside: bool) -> None:
        """A drag ends in ``on_drop`` (or back home); a press without moving (anywhere) activates."""
        was_dragging, self.dragging, self._grab = self.dragging, False, None
        if not was_dragging:
            self.activate()
        elif self.on_drop is not None:
            self.on_drop(self, action.pos)
        else:
            self.return_home()

    # --- drawing -------------------------------------------------------------------------------------------

    def look(self) -> tuple[object, ...]:
        return (id(self), self.visible, self.focus_visible, self.dragging, self.selected, self.colour, self.title,
                self.body, self._title_size, self._body_size, tuple(self.rect))

    def draw(self, surface: pygame.Surface) -> None:
        rect = self.rect
        if self.dragging:
            pygame.draw.rect(surface, theme.BG, rect.move(10, 14), border_radius=theme.RADIUS)
        pygame.draw.rect(surface, theme.SURFACE_RAISED, rect, border_radius=theme.RADIUS)
        stripe = pygame.Rect(rect.x, rect.y, _STRIPE + theme.RADIUS, rect.height)
        pygame.draw.rect(
            surface, self.colour, stripe, border_top_left_radius=theme.RADIUS, border_bottom_left_radius=theme.RADIUS
        )
        pygame.draw.rect(surface, theme.SURFACE_RAISED, stripe.move(_STRIPE, 0).clip(rect))
        edge_colour, edge_width = (theme.ACCENT, 6) if self.selected else (theme.BORDER, theme.BORDER_WIDTH)
        pygame.draw.rect(surface, edge_colour, rect, edge_width, border_radius=theme.RADIUS)
        title_box, body_box = self._boxes(rect)
        self.text.draw_in_box(surface, self.title, title_box, "bold", self._title_size, theme.TEXT,
                              line_height=self._title_line)
        if self.body and body_box.height > 0:
            self.text.draw_in_box(surface, self.body, body_box, "regular", self._body_size, theme.TEXT_MUTED,
                                  line_height=self._body_line)
        self.draw_focus(surface)
