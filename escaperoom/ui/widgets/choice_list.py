"""ChoiceList: options stacked vertically, one row (>= 120 px) each; pick one by tapping it, or move with
Up/Down and press Enter/Space. The chosen row shows a filled radio mark (not colour alone) and
``on_choose(index)`` runs. Up on the first row / Down on the last row let focus leave the list."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame

from escaperoom.ui import theme
from escaperoom.ui.fonts import TextCache
from escaperoom.ui.pointer import Phase, Pointer
from escaperoom.ui.widgets.base import ACTIVATE_KEYS, REACH, RectLike, Widget, draw_focus_ring

_GAP = theme.SPACE_M
_MARK = 40  # diameter of the radio mark


class ChoiceList(Widget):
    def __init__(
        self,
        rect: RectLike,
        text: TextCache,
        options: Sequence[str],
        on_choose: Callable[[int], None] | None = None,
        *,
        selected: int | None = None,
        row_height: int = theme.ROW_HEIGHT,
        size: int = theme.TEXT_BODY,
    ):
        super().__init__(rect)
        self.text = text
        self.on_choose = on_choose
        self.row_height = max(row_height, theme.TOUCH_MIN)
        self.max_size = size
        self.selected = selected
        self.highlight = selected if selected is not None else 0
        self._press: tuple[object, int] | None = None
        self.options: list[str] = []
        self._sizes: list[int] = []
        self.set_options(options)

    def set_options(self, options: Sequence[str]) -> None:
        self.options = list(options)
        self._sizes = [
            self.text.fit_size(option, "regular", box.width, box.height, self.max_size)
            for option, box in zip(self.options, (self._label_box(r) for r in self.row_rects()), strict=True)
        ]
        self._lines = [self.text.fonts.line_height("regular", size) for size in self._sizes]
        self.highlight = min(self.highlight, max(0, len(self.options) - 1))

    def row_rect(self, index: int) -> pygame.Rect:
        """Where row ``index`` is (also for a list of options not shown yet: rows do not depend on their text)."""
        return pygame.Rect(self.rect.x, self.rect.y + index * (self.row_height + _GAP), self.rect.width,
                           self.row_height)

    def row_rects(self) -> list[pygame.Rect]:
        return [self.row_rect(i) for i in range(len(self.options))]

    def _label_box(self, row: pygame.Rect) -> pygame.Rect:
        left = row.x + theme.SPACE_M + _MARK + theme.SPACE_M
        return pygame.Rect(left, row.y + theme.SPACE_XS, row.right - theme.SPACE_M - left,
                           row.height - 2 * theme.SPACE_XS)

    def choose(self, index: int) -> None:
        self.selected = self.highlight = index
        if self.on_choose is not None:
            self.on_choose(index)

    def _row_at(self, pos: tuple[int, int]) -> int | None:
        for index, row in enumerate(self.row_rects()):
            if row.collidepoint(pos):
                return index
        return None

    # --- input ---------------------------------------------------------------------------------------------

    def handle_pointer(self, action: Pointer) -> bool:
        row = self._row_at(action.pos)
        if action.phase is Phase.DOWN:
            if row is None:
                return False
            self._press = (action.id, row)
            self.highlight = row
            return True
        if self._press is None or action.id != self._press[0]:
            return False
        if action.phase is Phase.UP:
            pressed_row, self._press = self._press[1], None
            if row == pressed_row:
                self.choose(row)
        return True

    def handle_key(self, event: pygame.event.Event) -> bool:
        if event.key in ACTIVATE_KEYS and self.options:
            self.choose(self.highlight)
            return True
        if event.key == pygame.K_UP and self.highlight > 0:
            self.highlight -= 1
            return True
        if event.key == pygame.K_DOWN and self.highlight < len(self.options) - 1:
            self.highlight += 1
            return True
        return False

    # --- drawing -------------------------------------------------------------------------------------------

    def look(self) -> tuple[object, ...]:
        ring = self.highlight if self.focused and self.focus_visible else None
        return (id(self), self.visible, ring, self.selected, self._press[1] if self._press is not None else None,
                tuple(self.options), tuple(self._sizes), tuple(self.rect))

    def parts(self) -> list[tuple[object, pygame.Rect]]:
        """A part per row: moving the highlight paints two rows again, not the list."""
        ring = self.highlight if self.focused and self.focus_visible else None
        pressed = self._press[1] if self._press is not None else None
        return [((id(self), i, self.visible, option, self._sizes[i], i == self.selected, i == pressed, i == ring),
                 row.inflate(2 * REACH, 2 * REACH))
                for i, (option, row) in enumerate(zip(self.options, self.row_rects(), strict=True))]

    def draw(self, surface: pygame.Surface) -> None:
        for index, (option, row) in enumerate(zip(self.options, self.row_rects(), strict=True)):
            chosen = index == self.selected
            pressed = self._press is not None and self._press[1] == index
            fill = theme.SURFACE_PRESSED if pressed else theme.SURFACE_RAISED if chosen else theme.SURFACE
            pygame.draw.rect(surface, fill, row, border_radius=theme.RADIUS)
            edge_colour, edge_width = (theme.ACCENT, 5) if chosen else (theme.BORDER, theme.BORDER_WIDTH)
            pygame.draw.rect(surface, edge_colour, row, edge_width, border_radius=theme.RADIUS)
            centre = (row.x + theme.SPACE_M + _MARK // 2, row.centery)
            pygame.draw.circle(surface, theme.TEXT if not chosen else theme.ACCENT, centre, _MARK // 2, 4)
            if chosen:
                pygame.draw.circle(surface, theme.ACCENT, centre, _MARK // 2 - 10)
            box = self._label_box(row)
            self.text.draw_in_box(surface, option, box, "regular", self._sizes[index], theme.TEXT, "left", "middle",
                                  self._lines[index])
            if self.focused and self.focus_visible and index == self.highlight:
                draw_focus_ring(surface, row)
