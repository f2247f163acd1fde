"""TextBlock: wrapped, non-interactive text in a box. The text shrinks (down to the theme minimum) until it
fits the box; the fitted size is worked out when the text changes, never while drawing."""

from __future__ import annotations

import pygame

from escaperoom.ui import theme
from escaperoom.ui.fonts import Align, Role, TextCache
from escaperoom.ui.theme import Colour
from escaperoom.ui.widgets.base import RectLike, Widget


class TextBlock(Widget):
    focusable = False

    def __init__(
        self,
        rect: RectLike,
        text: TextCache,
        content: str,
        *,
        role: Role = "regular",
        size: int = theme.TEXT_BODY,
        colour: Colour = theme.TEXT,
        align: Align = "left",
        valign: str = "top",
        min_size: int = theme.TEXT_MIN,
    ):
        super().__init__(rect)
        self.text = text
        self.role: Role = role
        self.max_size = size
        self.min_size = min_size
        self.colour = colour
        self.align: Align = align
        self.valign = valign
        self._content = content
        self.size = self._fit()

    @property
    def content(self) -> str:
        return self._content

    def set_text(self, content: str) -> None:
        if content != self._content:
            self._content = content
            self.size = self._fit()

    def _fit(self) -> int:
        size = self.text.fit_size(
            self._content, self.role, self.rect.width, self.rect.height, self.max_size, self.min_size
        )
        self._line_height = self.text.fonts.line_height(self.role, size)
        return size

    def look(self) -> tuple[object, ...]:
        return (id(self), self.visible, self._content, self.role, self.size, self.colour, self.align, self.valign,
                tuple(self.rect))

    def draw(self, surface: pygame.Surface) -> None:
        if not self._content:
            return
        # Text that cannot fit even at the minimum size is cut at a whole line, never drawn outside the box.
        self.text.draw_in_box(surface, self._content, self.rect, self.role, self.size, self.colour, self.align,
                              self.valign, self._line_height)
