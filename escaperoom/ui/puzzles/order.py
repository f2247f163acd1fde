"""Volgorde: the steps of an OrderPuzzle, to be put in the right order.

Shows the steps as numbered rows, in a deterministic shuffle (seeded by the puzzle id) that is never already
right. Controls: drag a row up or down (mouse or finger) and drop it where it belongs; or with the keyboard:
Up/Down to a row, Enter/Space to pick it up, Up/Down to move it, Enter/Space (or Esc) to put it down.
"Controleer" submits ``{"volgorde": [step_index_as_written, ...]}``; leads to the feedback scene, or back to the
room with "Terug naar de kamer" / Esc.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pygame

from escaperoom.content.models import OrderPuzzle
from escaperoom.kinds import OrderAnswer
from escaperoom.ui import theme
from escaperoom.ui.draw import panel
from escaperoom.ui.fonts import TextCache
from escaperoom.ui.pointer import Phase, Pointer
from escaperoom.ui.puzzles._base import CONTENT, PuzzleScene
from escaperoom.ui.widgets.base import ACTIVATE_KEYS, REACH, Widget, draw_focus_ring

_NUMBER_W = 96
_MAX_GAP = theme.SPACE_S


def initial_order(puzzle_id: str, count: int) -> list[int]:
    """A shuffle of ``range(count)`` that depends only on the puzzle id and is never the right order."""
    order = list(range(count))
    random.Random(f"volgorde:{puzzle_id}").shuffle(order)
    if order == sorted(order):
        order = order[1:] + order[:1]
    return order


class _StepList(Widget):
    """The rows of steps; owns the order, the keyboard cursor and a pointer drag."""

    def __init__(self, rect: pygame.Rect, text: TextCache, steps: list[str], order: list[int],
                 on_change: Callable[[], None]):
        super().__init__(rect)
        self.text = text
        self.steps = steps
        self.order = order
        self.on_change = on_change
        self.cursor = 0
        self.grabbed = False
        count = len(steps)
        self.row_h = theme.TOUCH_MIN
        self.gap = max(0, min(_MAX_GAP, (rect.height - count * self.row_h) // max(1, count - 1)))
        box = self._label_box(self.row_rect(0))
        self.size = min(text.fit_size(s, "regular", box.width, box.height, theme.TEXT_BODY) for s in steps)
        self._line = text.fonts.line_height("regular", self.size)
        self._drag: tuple[object, int, int] | None = None  # pointer id, row index, press y
        self.drag_y: int | None = None  # the dragged row's top while it moves

    def row_rect(self, index: int) -> pygame.Rect:
        return pygame.Rect(self.rect.x, self.rect.y + index * (self.row_h + self.gap), self.rect.width, self.row_h)

    def _label_box(self, row: pygame.Rect) -> pygame.Rect:
        return pygame.Rect(row.x + _NUMBER_W + theme.SPACE_M, row.y + theme.SPACE_XS,
                           row.width - _NUMBER_W - 2 * theme.SPACE_M, row.height - 2 * theme.SPACE_XS)

    def _index_at(self, y: int) -> int:
        return max(0, min(len(self.order) - 1, (y - self.rect.y) // (self.row_h + self.gap)))

    def move(self, src: int, dst: int) -> None:
        if src == dst:
            return
        step = self.order.pop(src)
        self.order.insert(dst, step)
        self.on_change()

    # --- input -------------------------------------------------------------------------------------------------

    def handle_pointer(self, action: Pointer) -> bool:
        if action.phase is Phase.DOWN:
            if not self.rect.collidepoint(action.pos):
                return False
            index = self._index_at(action.pos[1])
            if not self.row_rect(index).collidepoint(action.pos):
                return False
            self._drag = (action.id, index, action.pos[1])
            self.cursor = index
            return True
        if self._drag is None or action.id != self._drag[0]:
            return False
        pid, index, start = self._drag
        if action.phase is Phase.MOVE:
            if self.drag_y is not None or abs(action.pos[1] - start) > theme.DRAG_SLOP:
                top = self.row_rect(index).y + action.pos[1] - start
                self.drag_y = max(self.rect.y, min(self.rect.bottom - self.row_h, top))
            return True
        if self.drag_y is not None:
            target = self._index_at(self.drag_y + self.row_h // 2)
            self.move(index, target)
            self.cursor = target
        else:  # a tap picks the row up (or puts it down), as Enter does
            self.grabbed = not self.grabbed
        self._drag, self.drag_y = None, None
        return True

    def handle_key(self, event: pygame.event.Event) -> bool:
        if event.key in ACTIVATE_KEYS:
            self.grabbed = not self.grabbed
            return True
        up, down = event.key == pygame.K_UP, event.key == pygame.K_DOWN
        if not (up or down):
            return False
        target = self.cursor + (1 if down else -1)
        if not 0 <= target < len(self.order):
            return self.grabbed  # a held step stays in the list; otherwise focus may leave it
        if self.grabbed:
            self.move(self.cursor, target)
        self.cursor = target
        return True

    # --- drawing -------------------------------------------------------------------------------------------------

    def _draw_row(self, surface: pygame.Surface, position: int, step: int, row: pygame.Rect, lifted: bool) -> None:
        held = lifted or (self.grabbed and position == self.cursor)
        edge, width = (theme.ACCENT, 6) if held else (theme.BORDER, theme.BORDER_WIDTH)
        panel(surface, row, theme.SURFACE_PRESSED if held else theme.SURFACE_RAISED, edge, width)
        number = pygame.Rect(row.x, row.y, _NUMBER_W, row.height)
        pygame.draw.line(surface, theme.BORDER, (number.right, row.y + 14), (number.right, row.bottom - 14), 3)
        digits = self.text.render(str(position + 1), "bold", theme.TEXT_LARGE, theme.ACCENT)
        surface.blit(digits, digits.get_rect(center=number.center))
        box = self._label_box(row)
        self.text.draw_in_box(surface, self.steps[step], box, "regular", self.size, theme.TEXT, "left", "middle",
                              self._line)
        if held:  # grip marks: a held row reads as "lifted", not by colour alone
            for dy in (-14, 0, 14):
                pygame.draw.line(surface, theme.ACCENT, (row.right - 64, row.centery + dy),
                                 (row.right - 24, row.centery + dy), 5)

    def _dragging(self) -> int | None:
        """The position of the row being dragged, None when none is."""
        return self._drag[1] if (self._drag is not None and self.drag_y is not None) else None

    def look(self) -> tuple[object, ...]:
        """The rows in place (the dragged row is ``draw_live``'s)."""
        return (id(self), self.visible, self.focused and self.focus_visible, self.cursor, self.grabbed,
                tuple(self.order), self._dragging(), self.size, tuple(self.rect))

    def parts(self) -> list[tuple[object, pygame.Rect]]:
        """A part per row: a step moved or picked up paints its rows again, not the list."""
        dragging = self._dragging()
        ring = self.cursor if self.focused and self.focus_visible else None
        return [((id(self), position, self.visible, self.steps[step], self.size, position == dragging,
                  self.grabbed and position == self.cursor, position == ring),
                 self.row_rect(position).inflate(2 * REACH, 2 * REACH)) for position, step in enumerate(self.order)]

    def draw(self, surface: pygame.Surface) -> None:
        self.draw_layered(surface)
        self.draw_live(surface)

    def draw_layered(self, surface: pygame.Surface) -> None:
        """The rows in place, an empty slot where the dragged row was."""
        dragging = self._dragging()
        for position, step in enumerate(self.order):
            row = self.row_rect(position)
            if position == dragging:
                pygame.draw.rect(surface, theme.BORDER, row, theme.BORDER_WIDTH, border_radius=theme.RADIUS)
                continue
            self._draw_row(surface, position, step, row, False)
            if self.focused and self.focus_visible and position == self.cursor:
                draw_focus_ring(surface, row)

    def draw_live(self, surface: pygame.Surface) -> None:
        """The dragged row, lifted, where the pointer holds it."""
        dragging = self._dragging()
        if dragging is not None and self.drag_y is not None:
            row = pygame.Rect(self.rect.x, self.drag_y, self.rect.width, self.row_h)
            pygame.draw.rect(surface, theme.BG, row.move(10, 12), border_radius=theme.RADIUS)
            self._draw_row(surface, dragging, self.order[dragging], row, True)


class OrderScene(PuzzleScene):
    puzzle: OrderPuzzle

    def build(self) -> None:
        steps = [self.text(s) for s in self.puzzle.stappen]
        order = initial_order(self.puzzle.id, len(steps))
        self.steps = _StepList(CONTENT.copy(), self.ctx.text, steps, order, lambda: None)
        self.focus.add(self.steps)

    def cancel(self) -> bool:
        if self.steps.grabbed:
            self.steps.grabbed = False
            return True
        return False

    def answer(self) -> OrderAnswer | None:
        return {"volgorde": list(self.steps.order)}

    def texts_and_boxes(self) -> list[tuple[str, pygame.Rect, str]]:
        box = self.steps._label_box(self.steps.row_rect(0))
        return [(step, box, "regular") for step in self.steps.steps]
