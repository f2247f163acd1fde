"""The decisions grid of one puzzle on the big screen: items down, teams across (six side by side at 1080p), each
cell the verdict's icon and word for the counted try; team names in full in the column heads (wrapped, never cut
short), rows as tall as their texts. ``teams_per_page`` says how many team columns fit, ``GridLayout`` works out
where everything goes, ``draw_grid`` paints it. Used by the puzzle screen."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pygame

from escaperoom.debrief.model import FIRST, PuzzleSummary, TeamSession, short_label
from escaperoom.ui import theme
from escaperoom.ui.context import UiContext
from escaperoom.ui.debrief.blocks import clip
from escaperoom.ui.debrief.looks import Look, error_look
from escaperoom.ui.draw import draw_text, panel
from escaperoom.ui.icons import draw_icon

SMALL = theme.TEXT_SMALL
MAX_TEAMS = 6  # team columns on one page
_ITEM_MAX, _ITEM_MIN = 440, 322  # the items' column
_COL_MIN, _COL_MAX = 210, 420
_ICON, _ICON_GAP = 34, 6
_PAD = 8  # inside a cell, left and right
_ROW_MIN = 72


def teams_per_page(ctx: UiContext, teams: Sequence[TeamSession], width: int) -> int:
    """As many team columns as fit (six at most), each wide enough for the longest word of any team's name."""
    widest = max((ctx.fonts.text_width(word, "bold", SMALL) for t in teams for word in t.label.split()), default=0)
    need = max(_COL_MIN, widest + 2 * _PAD + 8)
    return max(1, min(MAX_TEAMS, len(teams) or 1, (width - _ITEM_MIN) // need))


@dataclass
class Cell:
    look: Look | None  # None: the team did not play this item
    word: str
    stacked: bool  # the icon above the word (a word too long to stand beside it)
    height: int


@dataclass
class Row:
    index: int  # the item's index in the puzzle
    rect: pygame.Rect
    label: str
    cells: list[Cell] = field(default_factory=list)


@dataclass
class GridLayout:
    """Where the grid's heads, rows and cells go for ``teams`` (the teams of this page) from ``top`` down to at most
    ``bottom``, keeping the chosen item in view; ``rows_left`` items did not fit below."""

    ctx: UiContext
    puzzle: PuzzleSummary
    teams: Sequence[TeamSession]
    chosen: int
    x: int
    width: int
    top: int
    bottom: int
    not_played: str
    heads: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    rows_left: int = 0
    head_h: int = 0
    item_w: int = 0
    col_w: int = 0

    def __post_init__(self) -> None:
        ctx, n = self.ctx, max(1, len(self.teams))
        self.col_w = max(_COL_MIN, min(_COL_MAX, (self.width - _ITEM_MIN) // n))
        self.item_w = max(_ITEM_MIN, min(_ITEM_MAX, self.width - self.col_w * n))
        name_w = self.col_w - 2 * _PAD
        self.heads = [t.label for t in self.teams]  # full names: wrapped in their column, never shortened
        self.head_h = max([56, *(ctx.text.render(h, "bold", SMALL, theme.TEXT, name_w).get_height() + 8
                                 for h in self.heads)])
        rows = [self._row(i) for i in range(len(self.puzzle.items))]
        self._place(rows)

    @property
    def right(self) -> int:
        return self.x + self.item_w + self.col_w * len(self.teams)

    def _cell(self, look: Look | None) -> Cell:
        ctx, inner = self.ctx, self.col_w - 2 * _PAD
        word = look.word if look is not None else self.not_played
        beside = inner - _ICON - _ICON_GAP
        if look is None or all(ctx.fonts.text_width(w, "bold", SMALL) <= beside for w in word.split()):
            width = beside if look is not None else inner
            return Cell(look, word, False, ctx.text.render(word, "bold", SMALL, theme.TEXT, width).get_height())
        height = _ICON + 4 + ctx.text.render(word, "bold", SMALL, theme.TEXT, inner, "center").get_height()
        return Cell(look, word, True, height)

    def _row(self, index: int) -> Row:
        item = self.puzzle.items[index]
        label = clip(self.ctx, short_label(item.label), "bold", SMALL, self.item_w - 40, 2)
        row = Row(index, pygame.Rect(0, 0, 0, 0), label)
        first = self.puzzle.basis == FIRST
        for team in self.teams:
            decision = self.puzzle.decision(team, item.key, first=first)
            row.cells.append(self._cell(None if decision is None else error_look(self.ctx, decision.error)))
        label_h = self.ctx.text.render(label, "bold", SMALL, theme.TEXT, self.item_w - 40).get_height()
        height = max([_ROW_MIN, label_h + 8, *(c.height + 8 for c in row.cells)])
        row.rect = pygame.Rect(self.x, 0, self.item_w + self.col_w * len(self.teams), height)
        return row

    def _place(self, rows: list[Row]) -> None:
        """The rows that fit, the chosen one among them (with a line for "nog 2 gegevens" when some do not)."""
        gap = 4
        room = self.bottom - self.top - self.head_h
        note = self.ctx.fonts.line_height("regular", SMALL)
        first = 0
        while True:
            shown: list[Row] = []
            used = 0
            for row in rows[first:]:
                more = note if row.index + 1 < len(rows) else 0
                if shown and used + row.rect.height + more > room:
                    break
                shown.append(row)
                used += row.rect.height + gap
            if any(r.index == self.chosen for r in shown) or first >= self.chosen:
                break
            first += 1
        y = self.top + self.head_h
        for row in shown:
            row.rect.y = y
            y += row.rect.height + 4
        self.rows = shown
        self.rows_left = len(rows) - first - len(shown)

    @property
    def bottom_used(self) -> int:
        """Where the grid ends (the "nog N gegevens" line included)."""
        end = self.rows[-1].rect.bottom if self.rows else self.top + self.head_h
        return end + (self.ctx.fonts.line_height("regular", SMALL) if self.rows_left else 0)


def draw_grid(ctx: UiContext, surface: pygame.Surface, lay: GridLayout, item_head: str, more: str) -> None:
    """The grid: the heads (``item_head`` over the items), the rows with the chosen one framed, and ``more``
    ("nog 2 gegevens: pijl omlaag") under the last row when items did not fit."""
    top = lay.top
    draw_text(ctx, surface, item_head, pygame.Rect(lay.x + 20, top, lay.item_w - 40, lay.head_h), role="bold",
              size=SMALL, colour=theme.TEXT_MUTED, valign="bottom")
    for c, name in enumerate(lay.heads):
        box = pygame.Rect(lay.x + lay.item_w + c * lay.col_w + _PAD, top, lay.col_w - 2 * _PAD, lay.head_h - 4)
        draw_text(ctx, surface, name, box, role="bold", size=SMALL, valign="bottom")
    for row in lay.rows:
        rect = row.rect
        chosen = row.index == lay.chosen
        panel(surface, rect, theme.SURFACE_RAISED if chosen else theme.SURFACE,
              theme.FOCUS if chosen else theme.BORDER, 6 if chosen else 2)
        draw_text(ctx, surface, row.label, pygame.Rect(rect.x + 20, rect.y + 2, lay.item_w - 40, rect.height - 4),
                  role="bold", size=SMALL, valign="middle")
        for c, cell in enumerate(row.cells):
            box = pygame.Rect(rect.x + lay.item_w + c * lay.col_w + _PAD, rect.y + 2, lay.col_w - 2 * _PAD,
                              rect.height - 4)
            pygame.draw.line(surface, theme.BORDER, (box.x - _PAD, rect.y + 10), (box.x - _PAD, rect.bottom - 10), 2)
            _draw_cell(ctx, surface, cell, box)
    if lay.rows_left and lay.rows:
        note = ctx.text.render(more, "regular", SMALL, theme.TEXT_MUTED)
        surface.blit(note, (lay.x + 20, lay.rows[-1].rect.bottom + 2))


def _draw_cell(ctx: UiContext, surface: pygame.Surface, cell: Cell, box: pygame.Rect) -> None:
    look = cell.look
    if look is None:
        draw_text(ctx, surface, cell.word, box, size=SMALL, colour=theme.TEXT_MUTED, valign="middle")
        return
    if cell.stacked:
        top = box.centery - cell.height // 2
        draw_icon(surface, look.icon, pygame.Rect(box.centerx - _ICON // 2, top, _ICON, _ICON), look.colour)
        draw_text(ctx, surface, cell.word, pygame.Rect(box.x, top + _ICON + 4, box.width, cell.height - _ICON - 4),
                  role="bold", size=SMALL, colour=look.colour, align="center")
        return
    draw_icon(surface, look.icon, pygame.Rect(box.x, box.centery - _ICON // 2, _ICON, _ICON), look.colour)
    word = pygame.Rect(box.x + _ICON + _ICON_GAP, box.y, box.width - _ICON - _ICON_GAP, box.height)
    draw_text(ctx, surface, cell.word, word, role="bold", size=SMALL, colour=look.colour, valign="middle")
