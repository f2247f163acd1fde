"""Button: a labelled touch target (>= 120 px high) that runs ``on_click`` when pressed and released over it, or
on Enter/Space while focused (``Pressable``); it looks pressed while held. ``style`` is ``"primary"`` (amber) or
``"secondary"`` (slate). The label shrinks to fit its box, so long translations stay inside."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from escaperoom.ui import theme
from escaperoom.ui.draw import panel
from escaperoom.ui.fonts import TextCache
from escaperoom.ui.icons import draw_icon
from escaperoom.ui.theme import Icon
from escaperoom.ui.widgets.base import RectLike
from escaperoom.ui.widgets.pressable import Pressable

_PAD_X = theme.SPACE_L
_PAD_Y = theme.SPACE_XS


class Button(Pressable):
    def __init__(
        self,
        rect: RectLike,
        text: TextCache,
        label: str,
        on_click: Callable[[], None] | None = None,
        *,
        style: str = "primary",
        icon: Icon | None = None,
        size: int = theme.TEXT_BODY,
    ):
        super().__init__(rect)
        self.text = text
        self.on_click = on_click
        self.style = style
        self.icon = icon
        self.max_size = size
        self._label = ""
        self._size = size
        self.set_label(label)

    @property
    def label(self) -> str:
        return self._label

    def set_label(self, label: str) -> None:
        """Change the label; its fitted size is worked out here, once, not while drawing."""
        self._label = label
        box = self._label_box()
        self._size = self.text.fit_size(label, "bold", box.width, box.height, self.max_size)
        self._line = self.text.fonts.line_height("bold", self._size)

    def _icon_box(self) -> pygame.Rect | None:
        if self.icon is None:
            return None
        side = min(self.rect.height - 2 * theme.SPACE_M, 72)
        box = pygame.Rect(0, 0, side, side)
        box.midleft = (self.rect.x + _PAD_X, self.rect.centery)
        return box

    def _label_box(self) -> pygame.Rect:
        box = self.rect.inflate(-2 * _PAD_X, -2 * _PAD_Y)
        icon = self._icon_box()
        if icon is not None:
            box.width -= icon.width + theme.SPACE_M
            box.x = icon.right + theme.SPACE_M
        return box

    def click(self) -> None:
        if self.enabled and self.on_click is not None:
            self.on_click()

    def activate(self) -> None:
        self.click()

    # --- drawing -----------------------------------------------------------------------------------------

    def _colours(self) -> tuple[theme.Colour, theme.Colour, theme.Colour | None]:
        """(fill, text, border)"""
        if not self.enabled:
            return theme.DISABLED_FILL, theme.DISABLED_TEXT, theme.BORDER
        if self.style == "primary":
            return (theme.ACCENT_PRESSED if self.pressed else theme.ACCENT), theme.TEXT_ON_ACCENT, None
        return (theme.SURFACE_PRESSED if self.pressed else theme.SURFACE_RAISED), theme.TEXT, theme.BORDER

    def look(self) -> tuple[object, ...]:
        return (id(self), self.visible, self.enabled, self.focus_visible, self.pressed, self._label, self._size,
                self.style, self.icon, tuple(self.rect))

    def draw(self, surface: pygame.Surface) -> None:
        fill, ink, border = self._colours()
        body = self.rect.move(0, 3) if self.pressed else self.rect
        panel(surface, body, fill, border)
        icon = self._icon_box()
        if icon is not None and self.icon is not None:
            draw_icon(surface, self.icon, icon.move(0, body.y - self.rect.y), ink, cutout=fill)
        box = self._label_box().move(0, body.y - self.rect.y)
        self.text.draw_in_box(surface, self._label, box, "bold", self._size, ink, "center", "middle", self._line)
        self.draw_focus(surface)
