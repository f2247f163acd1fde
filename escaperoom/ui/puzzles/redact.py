"""Zwartlakken: a document (the RedactPuzzle's fragments as lines on a paper-like panel) in which the team blacks
out what may not go to the recipient.

Shows the document heading and one row per fragment; a blacked-out row is a black bar (the text stays faintly
readable in grey so the team can discuss and undo) with a filled square in the margin, a normal row has an empty
square. Controls: tap/click a row to toggle it; or Tab/Up/Down to a row and Enter/Space. "Versturen" submits
``{"zwart": [fragment_index, ...]}``; leads to the feedback, or back to the room with "Terug naar de kamer" / Esc.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from escaperoom.content.models import RedactPuzzle
from escaperoom.kinds import RedactAnswer
from escaperoom.ui import theme
from escaperoom.ui.draw import draw_text
from escaperoom.ui.fonts import TextCache
from escaperoom.ui.puzzles._base import CONTENT, PuzzleScene
from escaperoom.ui.widgets.pressable import Pressable

# the paper's colours live in the theme, where a test holds each text pair to >= 4.5:1
PAPER, INK, INK_MUTED = theme.PAPER, theme.INK, theme.INK_MUTED
BLACKED, BLACKED_TEXT, RING = theme.BLACKED, theme.BLACKED_TEXT, theme.PAPER_FOCUS
HEADING_H = 96
_MARGIN = 72  # the left margin of the paper, with the mark


class _Fragment(Pressable):
    """One line of the document; toggles black-out on a tap or click (``Pressable``) or Enter/Space."""

    def __init__(self, rect: pygame.Rect, text: TextCache, content: str, size: int, on_toggle: Callable[[], None]):
        super().__init__(rect)
        self.text = text
        self.content = content
        self.size = size
        self.black = False
        self.on_toggle = on_toggle
        self._line = text.fonts.line_height("regular", size)

    def text_box(self) -> pygame.Rect:
        return pygame.Rect(self.rect.x + _MARGIN, self.rect.y + theme.SPACE_XS,
                           self.rect.width - _MARGIN - theme.SPACE_M, self.rect.height - 2 * theme.SPACE_XS)

    def toggle(self) -> None:
        self.black = not self.black
        self.on_toggle()

    def activate(self) -> None:
        self.toggle()

    def look(self) -> tuple[object, ...]:
        return (id(self), self.visible, self.black, self.content, self.size, self.focused and self.focus_visible,
                tuple(self.rect))

    def draw(self, surface: pygame.Surface) -> None:
        box = self.text_box()
        mark = pygame.Rect(self.rect.x + 20, self.rect.centery - 18, 36, 36)
        if self.black:
            bar = pygame.Rect(box.x - theme.SPACE_S, self.rect.y + 6, box.width + theme.SPACE_S, self.rect.height - 12)
            pygame.draw.rect(surface, BLACKED, bar, border_radius=6)
            pygame.draw.rect(surface, BLACKED, mark, border_radius=4)
            ink = BLACKED_TEXT
        else:
            pygame.draw.rect(surface, INK_MUTED, mark, 4, border_radius=4)
            ink = INK
        self.text.draw_in_box(surface, self.content, box, "regular", self.size, ink, "left", "middle", self._line)
        if self.focused and self.focus_visible:
            pygame.draw.rect(surface, RING, self.rect.inflate(8, 4), 6, border_radius=10)


class RedactScene(PuzzleScene):
    puzzle: RedactPuzzle
    submit_label = "puzzel.versturen"

    def build(self) -> None:
        self.paper = CONTENT.copy()
        count = len(self.puzzle.fragmenten)
        body_top = self.paper.y + HEADING_H
        row_h = max(theme.TOUCH_MIN, (self.paper.bottom - theme.SPACE_S - body_top) // count)
        texts = [self.text(f.tekst) for f in self.puzzle.fragmenten]
        probe = pygame.Rect(0, 0, self.paper.width - _MARGIN - theme.SPACE_M, row_h - 2 * theme.SPACE_XS)
        # one type size for the whole document: the largest at which every line fits its row
        size = min(self.ctx.text.fit_size(t, "regular", probe.width, probe.height, theme.TEXT_BODY) for t in texts)
        self.rows: list[_Fragment] = []
        for i, content in enumerate(texts):
            rect = pygame.Rect(self.paper.x, body_top + i * row_h, self.paper.width, row_h)
            row = _Fragment(rect, self.ctx.text, content, size, self._changed)
            self.rows.append(row)
            self.focus.add(row)
        self.heading = self.text(self.puzzle.document)

    def _changed(self) -> None:
        pass  # the rows hold the state; nothing else to update

    def answer(self) -> RedactAnswer | None:
        return {"zwart": [i for i, row in enumerate(self.rows) if row.black]}

    def draw_content(self, surface: pygame.Surface) -> None:
        pygame.draw.rect(surface, PAPER, self.paper, border_radius=theme.RADIUS // 2)
        head = pygame.Rect(self.paper.x + _MARGIN, self.paper.y + theme.SPACE_M,
                           self.paper.width - _MARGIN - theme.SPACE_M, HEADING_H - theme.SPACE_M - theme.SPACE_S)
        draw_text(self.ctx, surface, self.heading, head, role="bold", size=theme.TEXT_BODY, colour=INK,
                  valign="middle")
        pygame.draw.line(surface, INK_MUTED, (head.x, head.bottom + 4), (head.right, head.bottom + 4), 2)

    def texts_and_boxes(self) -> list[tuple[str, pygame.Rect, str]]:
        return [(row.content, row.text_box(), "regular") for row in self.rows]
