"""TextField: one line of typed text (team name, code word). Takes TEXTINPUT while focused; Backspace/Delete
erase, Left/Right/Home/End move the cursor, Enter runs ``on_submit(text)``. At most ``max_length`` characters.
A tap focuses it and puts the cursor near the tap. The cursor blinks in ``update``, never in ``draw``."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from escaperoom.ui import theme
from escaperoom.ui.fonts import TextCache, blit_in_box
from escaperoom.ui.pointer import Phase, Pointer
from escaperoom.ui.widgets.base import RectLike, Widget

_PAD = theme.SPACE_M
_BLINK = 1.0  # seconds per blink cycle; the cursor shows for the first 60 %
_CURSOR_WIDTH = 4


class TextField(Widget):
    def __init__(
        self,
        rect: RectLike,
        text: TextCache,
        *,
        value: str = "",
        placeholder: str = "",
        max_length: int = 40,
        on_submit: Callable[[str], None] | None = None,
        on_change: Callable[[str], None] | None = None,
        size: int = theme.TEXT_BODY,
    ):
        super().__init__(rect)
        self.text = text
        self.placeholder = placeholder
        self.max_length = max_length
        self.on_submit = on_submit
        self.on_change = on_change
        self.size = size
        self.value = value[:max_length]
        self.cursor = len(self.value)
        self._blink = 0.0
        self._cursor_x = 0
        self._shown: tuple[str, pygame.Surface] | None = None  # the typed value as last rendered (not in the cache)
        self._measure()
        inner = self._inner()
        self._hint_size = text.fit_size(
            placeholder, "regular", inner.width, text.fonts.line_height("regular", size), size
        )

    # --- editing -------------------------------------------------------------------------------------------

    def set_value(self, value: str) -> None:
        self.value = value[: self.max_length]
        self.cursor = len(self.value)
        self._changed()

    def insert(self, typed: str) -> None:
        typed = "".join(c for c in typed if c.isprintable())
        room = self.max_length - len(self.value)
        typed = typed[: max(0, room)]
        if not typed:
            return
        self.value = self.value[: self.cursor] + typed + self.value[self.cursor :]
        self.cursor += len(typed)
        self._changed()

    def submit(self) -> None:
        if self.on_submit is not None:
            self.on_submit(self.value)

    def _changed(self) -> None:
        self._measure()
        self._blink = 0.0
        if self.on_change is not None:
            self.on_change(self.value)

    def _move(self, cursor: int) -> None:
        self.cursor = max(0, min(len(self.value), cursor))
        self._measure()
        self._blink = 0.0

    def _measure(self) -> None:
        self._cursor_x = self.text.fonts.text_width(self.value[: self.cursor], "regular", self.size)
        if self.value and (self._shown is None or self._shown[0] != self.value):
            self._shown = (self.value, self.text.render_line(self.value, "regular", self.size, theme.TEXT, keep=False))

    def _inner(self) -> pygame.Rect:
        return self.rect.inflate(-2 * _PAD, -2 * theme.SPACE_S)

    def _scroll(self) -> int:
        """How far the text is shifted left so the cursor stays inside the box."""
        return max(0, self._cursor_x - self._inner().width + _CURSOR_WIDTH)

    # --- input -----------------------------------------------------------------------------------------------

    def handle_pointer(self, action: Pointer) -> bool:
        if action.phase is not Phase.DOWN or not self.rect.collidepoint(action.pos):
            return False
        target = action.pos[0] - self._inner().x + self._scroll()
        widths = [self.text.fonts.text_width(self.value[:i], "regular", self.size) for i in range(len(self.value) + 1)]
        self._move(min(range(len(widths)), key=lambda i: abs(widths[i] - target)))
        return True

    def handle_text(self, text: str) -> bool:
        self.insert(text)
        return True

    def handle_key(self, event: pygame.event.Event) -> bool:
        key = event.key
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.submit()
        elif key == pygame.K_BACKSPACE:
            if self.cursor > 0:
                self.value = self.value[: self.cursor - 1] + self.value[self.cursor :]
                self.cursor -= 1
                self._changed()
        elif key == pygame.K_DELETE:
            if self.cursor < len(self.value):
                self.value = self.value[: self.cursor] + self.value[self.cursor + 1 :]
                self._changed()
        elif key == pygame.K_LEFT:
            self._move(self.cursor - 1)
        elif key == pygame.K_RIGHT:
            self._move(self.cursor + 1)
        elif key == pygame.K_HOME:
            self._move(0)
        elif key == pygame.K_END:
            self._move(len(self.value))
        else:
            # Printable keys arrive again as TEXTINPUT; claim the KEYDOWN so no shortcut fires while typing.
            return bool(getattr(event, "unicode", "")) and event.unicode.isprintable()
        return True

    def update(self, dt: float) -> None:
        if self.focused:
            self._blink = (self._blink + dt) % _BLINK

    # --- drawing ---------------------------------------------------------------------------------------------

    def look(self) -> tuple[object, ...]:
        return (id(self), self.visible, self.focused, self.focus_visible, self.value, self._cursor_x,
                self.placeholder, self._hint_size, self.size, tuple(self.rect))

    def draw(self, surface: pygame.Surface) -> None:
        self.draw_layered(surface)
        self.draw_live(surface)

    def draw_live(self, surface: pygame.Surface) -> None:
        """The blinking cursor."""
        if self.focused and self._blink < 0.6 * _BLINK:
            line_height = self.text.fonts.line_height("regular", self.size)
            inner = self._inner()
            x = inner.x + self._cursor_x - self._scroll()
            pygame.draw.rect(surface, theme.FOCUS, (x, inner.centery - line_height // 2 + 4, _CURSOR_WIDTH,
                                                    line_height - 8))

    def _value_surface(self) -> pygame.Surface:
        """The typed value as rendered when it changed (kept here, not in the shared text cache)."""
        if self._shown is None or self._shown[0] != self.value:  # changed without _measure (set from outside)
            return self.text.render_line(self.value, "regular", self.size, theme.TEXT, keep=False)
        return self._shown[1]

    def draw_layered(self, surface: pygame.Surface) -> None:
        pygame.draw.rect(surface, theme.SURFACE, self.rect, border_radius=theme.RADIUS)
        edge = theme.FOCUS if self.focused else theme.BORDER
        pygame.draw.rect(surface, edge, self.rect, theme.BORDER_WIDTH, border_radius=theme.RADIUS)
        inner = self._inner()
        line_height = self.text.fonts.line_height("regular", self.size)
        text_box = pygame.Rect(inner.x, inner.centery - line_height // 2, inner.width, line_height)
        if self.value:
            rendered = self._value_surface()
            shift = self._scroll()
            area = pygame.Rect(shift, 0, min(inner.width, rendered.get_width() - shift), rendered.get_height())
            surface.blit(rendered, text_box.topleft, area)
        elif self.placeholder:
            hint = self.text.render(self.placeholder, "regular", self._hint_size, theme.TEXT_MUTED)
            blit_in_box(surface, hint, inner, "left", "middle")
        self.draw_focus(surface)
