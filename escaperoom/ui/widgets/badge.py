"""Badge: a verdict or feedback label drawn as icon + word in its colour (``theme.VERDICT_STYLES``,
``theme.FEEDBACK_STYLES``), so meaning never hangs on colour alone. Not interactive."""

from __future__ import annotations

import pygame

from escaperoom.ui import theme
from escaperoom.ui.fonts import TextCache
from escaperoom.ui.icons import draw_icon
from escaperoom.ui.theme import BadgeStyle
from escaperoom.ui.widgets.base import RectLike, Widget


class Badge(Widget):
    focusable = False

    def __init__(
        self,
        rect: RectLike,
        text: TextCache,
        style: BadgeStyle,
        word: str,
        *,
        filled: bool = False,
        size: int = theme.TEXT_BODY,
    ):
        super().__init__(rect)
        self.text = text
        self.style = style
        self.word = word
        self.filled = filled
        pad = theme.SPACE_S
        side = self.rect.height - 2 * pad
        self._icon = pygame.Rect(self.rect.x + theme.SPACE_M, self.rect.y + pad, side, side)
        left = self._icon.right + theme.SPACE_M
        self._label = pygame.Rect(left, self.rect.y + pad // 2, self.rect.right - theme.SPACE_M - left,
                                  self.rect.height - pad)
        self.size = text.fit_size(word, "bold", self._label.width, self._label.height, size)
        self._line = text.fonts.line_height("bold", self.size)

    def look(self) -> tuple[object, ...]:
        return (id(self), self.visible, self.style, self.word, self.filled, self.size, tuple(self.rect))

    def draw(self, surface: pygame.Surface) -> None:
        radius = self.rect.height // 2
        if self.filled:
            fill, ink = self.style.colour, theme.TEXT_ON_ACCENT
            pygame.draw.rect(surface, fill, self.rect, border_radius=radius)
        else:
            fill, ink = theme.SURFACE, self.style.colour
            pygame.draw.rect(surface, fill, self.rect, border_radius=radius)
            pygame.draw.rect(surface, ink, self.rect, 4, border_radius=radius)
        draw_icon(surface, self.style.icon, self._icon, ink, cutout=fill)
        self.text.draw_in_box(surface, self.word, self._label, "bold", self.size, ink, "left", "middle", self._line)
