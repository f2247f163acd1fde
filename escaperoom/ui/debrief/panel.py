"""The facilitator's panel over a debrief screen: the answer key of the puzzle in view (or of every puzzle on the
overview), its uncertain points with the deciding rule and the facilitator's notes, the version of the law, and
what to know about the data. Closed by default and never part of what the group sees unless the facilitator opens
it (F9 or B; F9, B or Esc closes; PgUp/PgDn page it). The notes come from ``escaperoom.debrief.facilitator``.
Used by ``escaperoom.ui.debrief.base`` for every debrief screen."""

from __future__ import annotations

import pygame

from escaperoom.debrief.facilitator import FacilitatorNotes, PuzzleKey, say
from escaperoom.ui import theme
from escaperoom.ui.context import UiContext
from escaperoom.ui.debrief.blocks import Block, paginate
from escaperoom.ui.draw import draw_text, panel

_HEAD_H = 64


class FacilitatorPanel:
    """The panel's pages for ``notes`` about ``puzzle_id`` (None: every puzzle), laid out in ``rect``."""

    def __init__(self, ctx: UiContext, notes: FacilitatorNotes, puzzle_id: str | None, lang: str,
                 rect: pygame.Rect):
        self.ctx, self.notes, self.puzzle_id, self.lang, self.rect = ctx, notes, puzzle_id, lang, rect
        self.page = 0
        area = pygame.Rect(rect.x + 32, rect.y + 24 + _HEAD_H, rect.width - 64, rect.height - 48 - _HEAD_H)
        self.pages = paginate(ctx, self._blocks(), area)

    def _s(self, key: str, **values: object) -> str:
        return say(key, self.lang, **values)

    def _puzzle_blocks(self, key: PuzzleKey, *, title: bool) -> list[Block]:
        blocks: list[Block] = []
        if title:
            blocks.append(Block("head", key.title, "bold", theme.TEXT_BODY, gap=theme.SPACE_M))
        blocks.append(Block("subhead", self._s("answer_head"), "bold", theme.TEXT_SMALL, colour=theme.ACCENT,
                            gap=theme.SPACE_S))
        blocks += [Block("text", line, gap=2) for line in key.answer]
        if key.doubts or not title:
            blocks.append(Block("subhead", self._s("doubts_head"), "bold", theme.TEXT_SMALL, colour=theme.ACCENT,
                                gap=theme.SPACE_S))
        if not key.doubts and not title:
            blocks.append(Block("muted", self._s("no_doubts"), colour=theme.TEXT_MUTED))
        for doubt in key.doubts:
            blocks.append(Block("doubt", self._s("doubt", where=doubt.where, rule=doubt.rule), "bold", gap=6,
                                keep=True))
            blocks += [Block("muted", note, colour=theme.TEXT_MUTED, gap=2, stick=True) for note in doubt.notes]
        return blocks

    def _blocks(self) -> list[Block]:
        notes = self.notes
        blocks: list[Block] = []
        key = notes.puzzle(self.puzzle_id)
        if key is not None:
            blocks += self._puzzle_blocks(key, title=False)
        elif self.puzzle_id is not None:
            blocks.append(Block("muted", self._s("no_key"), colour=theme.TEXT_MUTED))
        blocks.append(Block("subhead", self._s("law_head"), "bold", theme.TEXT_SMALL, colour=theme.ACCENT,
                            gap=theme.SPACE_M))
        blocks += [Block("text", line, gap=2) for line in notes.law]
        if notes.warnings:
            blocks.append(Block("subhead", self._s("warnings_head"), "bold", theme.TEXT_SMALL, colour=theme.ACCENT,
                                gap=theme.SPACE_M))
            blocks += [Block("text", line, gap=2) for line in notes.warnings]
        if self.puzzle_id is None:
            for puzzle in notes.puzzles:
                blocks += self._puzzle_blocks(puzzle, title=True)
        return blocks

    @property
    def title(self) -> str:
        heading = self._s("heading")
        if self.puzzle_id is None:
            return f"{heading} · {self._s('all_puzzles')}"
        key = self.notes.puzzle(self.puzzle_id)
        return f"{heading} · {key.title}" if key is not None else heading

    def turn(self, step: int) -> None:
        self.page = max(0, min(len(self.pages) - 1, self.page + step))

    def texts(self) -> list[str]:
        """Every text of the current page (for tests)."""
        return [self.title] + [b.text for b in self.pages[self.page]]

    def draw(self, surface: pygame.Surface) -> None:
        panel(surface, self.rect, theme.BG, theme.VIOLET, 6)
        head = pygame.Rect(self.rect.x + 32, self.rect.y + 16, self.rect.width - 64, _HEAD_H)
        draw_text(self.ctx, surface, self.title, head, role="bold", size=theme.TEXT_BODY, colour=theme.VIOLET,
                  valign="middle")
        pygame.draw.line(surface, theme.VIOLET, (head.x, head.bottom + 4), (head.right, head.bottom + 4), 3)
        for block in self.pages[self.page]:
            draw_text(self.ctx, surface, block.text, block.rect, role=block.role, size=block.size,
                      colour=block.colour)
