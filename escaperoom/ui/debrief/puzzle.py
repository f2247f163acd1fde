"""Debrief screen: one puzzle across the teams, in three views (decisions grid, explanation, reasons and
questions). Controls and what it shows: see ``PuzzleScene``. Leads to what-if."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pygame

from escaperoom.debrief.model import FIRST, PuzzleSummary, TeamSession, short_label, typed_by
from escaperoom.debrief.whatif import whatif_for
from escaperoom.ui import theme
from escaperoom.ui.context import UiContext
from escaperoom.ui.debrief.base import BAR_Y, BODY, CANVAS, SMALL, SUB, TOP, WIDTH, DebriefScene, M, Navigator
from escaperoom.ui.debrief.blocks import Block, clip, draw_note, page_note, paginate
from escaperoom.ui.debrief.data import DebriefData
from escaperoom.ui.debrief.looks import Look, error_look, icon_word, verdict_look
from escaperoom.ui.draw import draw_text, panel
from escaperoom.ui.icons import draw_icon

_GRID_TOP = TOP + 4
_HEAD_H = 64
_ROW_H = 100
_ITEM_W = 440
_CELL_MIN = 268
_LINE_H = 55  # one spread sentence under the grid
_MODES = ("grid", "uitleg", "redenen")
_MODE_LABELS = {"grid": "grid", "uitleg": "explain", "redenen": "reasons"}


def _team_names(teams: Sequence[str], biggest: bool, limit: int = 8) -> str:
    """The teams of an answer group for the screen: all names, or for the biggest group of a large debrief
    "alle andere teams" (the others are named in their own groups)."""
    if biggest and len(teams) > limit:
        return "alle andere teams"
    return ", ".join(teams)


class PuzzleScene(DebriefScene):
    """One puzzle across the teams, in three views. Beslissingen: a grid of items x teams, each cell the
    verdict word with its icon for the counted try, and below it how the teams spread ("3 van de 5 teams ...",
    the item's label shortened until the recipient fits) for the chosen item. Uitleg: for the chosen item every
    answer group, the law's verdict per recipient with the engine's explanation and the articles, and — when the
    casus on this computer is missing or another version — the explanation the teams saw, from their journals.
    Redenen & vragen: the teams' typed reasons and the intervisie questions. Text that does not fit is paged,
    never dropped ("pagina 1 van 3 · PgDn"; a tap on that line turns the page). Controls: Left/Right puzzle,
    Up/Down item, PgUp/PgDn more teams (grid) or the next page (other views), U explanation, R reasons,
    W what-if, Tab to the buttons, Esc back to the overview. Leads to WhatIfScene."""

    def __init__(self, ctx: UiContext, data: DebriefData, flow: Navigator, index: int = 0):
        super().__init__(ctx, data, flow)
        self.index = index
        self.item = 0
        self.team_page = 0
        self.text_page = 0
        self.mode = "grid"
        self.keys = {pygame.K_LEFT: lambda: self.go(-1), pygame.K_RIGHT: lambda: self.go(1),
                     pygame.K_UP: lambda: self.select(-1), pygame.K_DOWN: lambda: self.select(1),
                     pygame.K_PAGEUP: lambda: self.page(-1), pygame.K_PAGEDOWN: lambda: self.page(1),
                     pygame.K_u: lambda: self.switch("uitleg"), pygame.K_r: lambda: self.switch("redenen"),
                     pygame.K_w: self.open_whatif}
        self._layout()

    def resume(self) -> None:
        self.index = min(self.index, max(0, len(self.data.puzzles()) - 1))
        self._layout()

    # --- state ---------------------------------------------------------------------------------------------

    @property
    def puzzle(self) -> PuzzleSummary | None:
        puzzles = self.data.puzzles()
        return puzzles[self.index] if puzzles else None

    def go(self, step: int) -> None:
        count = len(self.data.puzzles())
        if count:
            self.index = (self.index + step) % count
            self.item = 0
            self.text_page = 0
            self._layout()

    def select(self, step: int) -> None:
        p = self.puzzle
        if p and p.items:
            self.item = max(0, min(len(p.items) - 1, self.item + step))
            self.text_page = 0
            self.group.focus(None)
            self._layout()

    @property
    def team_pages(self) -> int:
        return max(1, -(-len(self.data.debrief.sessions) // self.per_page)) if self.data.debrief else 1

    def page(self, step: int) -> None:
        """PgDn/PgUp: the next teams in the grid, the next page of text in the other views."""
        if self.mode == "grid":
            self.team_page = max(0, min(self.team_pages - 1, self.team_page + step))
        else:
            self.text_page = max(0, min(self.text_pages - 1, self.text_page + step))
        self._layout()

    def switch(self, mode: str) -> None:
        self.mode = "grid" if self.mode == mode else mode
        self.text_page = 0
        self._layout()

    def cycle(self) -> None:
        """The mode button: decisions -> explanation -> reasons & questions -> decisions."""
        self.mode = _MODES[(_MODES.index(self.mode) + 1) % len(_MODES)]
        self.text_page = 0
        self._layout()
        self.group.focus(self.buttons[2], visible=True)

    def open_whatif(self) -> None:
        p = self.puzzle
        if p and self.stack is not None and self.data.debrief and whatif_for(self.data.debrief, p.id):
            self.flow.open_whatif(self.stack, p.id)

    # --- layout --------------------------------------------------------------------------------------------

    def _layout(self) -> None:
        p, d = self.puzzle, self.data.debrief
        self.per_page = self._teams_per_page(d.sessions if d else [])
        has_whatif = bool(p and d and whatif_for(d, p.id))
        following = _MODES[(_MODES.index(self.mode) + 1) % len(_MODES)]
        self.bar([(self.s("next"), lambda: self.go(1)), (self.s("prev"), lambda: self.go(-1)),
                  (self.s(_MODE_LABELS[following]), self.cycle), (self.s("whatif"), self.open_whatif),
                  (self.s("overview"), self.back)])
        self.buttons[3].enabled = has_whatif
        self.note, self.note_rect = "", pygame.Rect(0, 0, 0, 0)
        self.text_pages = 1
        if p is None or d is None:
            self.title, self.subtitle = self.s("puzzles"), ""
            return
        count = len(self.data.puzzles())
        self.title = f"{self.index + 1}/{count} · {p.title}"
        parts = [p.kind_word, p.division_word,
                 self.s("basis_first" if p.basis == FIRST else "basis_last")]
        if p.station:
            parts.insert(1, p.station)
        self.subtitle = " · ".join(parts)
        teams = p.teams
        self.team_page = min(self.team_page, max(0, (len(teams) - 1) // self.per_page))
        first = self.team_page * self.per_page
        self.shown_teams = teams[first:first + self.per_page]
        self.more_teams = len(teams) > self.per_page
        if self.mode == "grid":
            self._layout_grid(p)
            if self.more_teams:
                left = len(teams) - first - len(self.shown_teams)
                self.note = self.s("teams_page", a=first + 1, b=first + len(self.shown_teams), n=len(teams)) + \
                    " · " + (self.s("more_teams_rows" if left > 1 else "more_team_row", n=left) if left else "PgUp")
        elif self.mode == "uitleg":
            self._layout_explain(p)
        else:
            self._layout_reasons(p)
        if self.mode != "grid":
            self.text_page = max(0, min(self.text_page, self.text_pages - 1))
            self.note = page_note(self.ctx, self.data.lang, self.text_page, self.text_pages)
        if self.note:
            width = self.ctx.fonts.text_width(self.note, "regular", SMALL)
            self.note_rect = pygame.Rect(CANVAS.right - M - width, SUB.y, width, SUB.height)

    def _teams_per_page(self, teams: Sequence[TeamSession]) -> int:
        """As many team columns as fit (five at most) with every team's name on one line in its column header;
        three when even then a name is too long (it wraps to two lines)."""
        most = max(1, (WIDTH - _ITEM_W) // _CELL_MIN)
        widest = max((self.ctx.fonts.text_width(t.label, "bold", SMALL) for t in teams), default=0)
        for n in range(most, 2, -1):
            if n >= len(teams) or widest <= (WIDTH - _ITEM_W) // n - 24:
                return n
        return min(most, 3)

    def _layout_grid(self, p: PuzzleSummary) -> None:
        body = BAR_Y - theme.SPACE_M - _GRID_TOP - _HEAD_H
        item = p.items[self.item] if p.items else None
        groups = list(item.groups) if item else []
        wanted = max(1, len(groups) + (1 if item and item.not_reached else 0))
        visible = max(1, min(len(p.items), (body - min(wanted, 2) * _LINE_H - theme.SPACE_S) // _ROW_H))
        first = min(max(0, self.item - visible + 1), max(0, len(p.items) - visible))
        first = min(first, self.item)
        self.first_row = first
        self.rows_left = max(0, len(p.items) - (first + visible))
        width = (WIDTH - _ITEM_W) // max(1, len(self.shown_teams)) if self.shown_teams else 0
        self.col_w = max(_CELL_MIN, min(420, width))
        self.row_rects = []
        self.cells = []
        for r, it in enumerate(p.items[first:first + visible]):
            y = _GRID_TOP + _HEAD_H + r * _ROW_H
            rect = pygame.Rect(M, y, _ITEM_W + self.col_w * len(self.shown_teams), _ROW_H - 6)
            label = clip(self.ctx, short_label(it.label), "bold", SMALL, _ITEM_W - 40, 2)
            cells = []
            for team in self.shown_teams:
                decision = p.decision(team, it.key, first=p.basis == FIRST)
                cells.append(None if decision is None else error_look(self.ctx, decision.error))
            self.row_rects.append((first + r, rect, label))
            self.cells.append(cells)
        self.heads = [clip(self.ctx, t.label, "bold", SMALL, self.col_w - 24, 2) for t in self.shown_teams]
        # the spread of the chosen item right under the grid, in the height left: a line per answer group (two
        # when a sentence cannot be shortened to one, as a dilemma's option), and a count of what did not fit
        grid_bottom = _GRID_TOP + _HEAD_H + visible * _ROW_H + (50 if self.rows_left else 0)
        self.spread_top = grid_bottom + theme.SPACE_S
        room = WIDTH - 56
        bottom = BAR_Y - theme.SPACE_M
        self.spread: list[tuple[Look | None, str, int]] = []
        if item is None:
            return
        if not groups:
            self.spread.append((None, item.sentence, _LINE_H))
            return
        lines: list[tuple[Look | None, str]] = [(error_look(self.ctx, g.error), self._sentence(g, item, room))
                                                for g in groups]
        if item.not_reached:
            lines.append((None, clip(self.ctx, f"{self.s('not_played')}: {', '.join(item.not_reached)}", "regular",
                                      SMALL, room)))
        y = self.spread_top
        for i, (look, text) in enumerate(lines):
            h = max(_LINE_H, self.ctx.text.render(text, "regular", SMALL, theme.TEXT, room).get_height() + 8)
            rest = len(lines) - i - 1
            if y + h + (_LINE_H if rest else 0) > bottom:
                answers = sum(1 for lk, _ in lines[i:] if lk is not None)
                self.spread.append((None, self.s("more_answers", n=answers), _LINE_H))
                break
            self.spread.append((look, text, h))
            y += h

    def _sentence(self, g: Any, item: Any, width: int) -> str:
        """The spread sentence on one line: the item's label is shortened (whole words, '…') until the sentence,
        recipient included, fits. A sentence that is still too long (a dilemma's option) gets two lines, and only
        beyond that is its end cut with '…'."""
        line = self.ctx.fonts.line_height("regular", SMALL)
        for limit in (200, 44, 34, 26, 18, 12):
            text: str = g.phrase(short_label(item.label, limit) if limit < 200 else item.label)
            if self.ctx.text.fits(text, "regular", SMALL, width, line):
                return text
        for limit in (200, 44, 26):
            text = g.phrase(short_label(item.label, limit) if limit < 200 else item.label)
            if self.ctx.text.fits(text, "regular", SMALL, width, 2 * line):
                return text
        return clip(self.ctx, g.phrase(short_label(item.label, 26)), "regular", SMALL, width, 2)

    def _layout_explain(self, p: PuzzleSummary) -> None:
        item = p.items[self.item] if p.items else None
        blocks: list[Block] = []
        self.explain_pages: list[list[Block]] = []
        self.explain_boxes: list[Block] = []
        if item is None:
            return
        blocks.append(Block("head", f"{self.item + 1}/{len(p.items)} · {item.label}", "bold", BODY, height=0))
        blocks.append(Block("text", self.s("law", x=item.expected), gap=theme.SPACE_S))
        for i, g in enumerate(item.groups):
            blocks.append(Block("group", f"{g.short} ({_team_names(g.teams, i == 0 and len(item.groups) > 1)})",
                                 look=error_look(self.ctx, g.error), indent=60, gap=6))
        if item.not_reached:
            blocks.append(Block("text", f"{self.s('not_played')}: {', '.join(item.not_reached)}", gap=6))
        d = self.data.debrief
        if item.seen and d is not None:
            note = self.s("seen_missing") if d.loaded is None else self.s("seen_other", x=", ".join(d.other_version))
            blocks.append(Block("seen_head", self.s("seen_head"), "bold", SMALL, colour=theme.ACCENT,
                                 gap=theme.SPACE_M))
            blocks.append(Block("muted", note, colour=theme.TEXT_MUTED))
            for v in item.seen:
                blocks.append(Block("group", f"{v.answer}: {v.explanation} ({', '.join(v.teams)})",
                                     look=error_look(self.ctx, v.error), indent=60, gap=6))
        for view in item.law:
            blocks.append(Block("verdict", f"{self.s('to', x=view.recipient)} (regel {view.rule})",
                                 look=verdict_look(self.ctx, view.decision), indent=424, gap=theme.SPACE_M,
                                 height=52, keep=True))
            blocks.append(Block("text", view.explanation, gap=4))
            if view.citations:
                blocks.append(Block("muted", self.s("articles", x=", ".join(c for _, c, _ in view.citations)),
                                     colour=theme.TEXT_MUTED, gap=4, stick=True))
            for note in view.uncertain:  # the game told the team "bespreek het in de nabespreking": here it is
                blocks.append(Block("muted", self.s("uncertain", x=note), colour=theme.ACCENT, gap=4, stick=True))
        area = pygame.Rect(M, TOP, WIDTH, BAR_Y - theme.SPACE_M - TOP)
        self.explain_pages = paginate(self.ctx, blocks, area)
        self.text_pages = len(self.explain_pages)
        self.explain_boxes = self.explain_pages[min(self.text_page, self.text_pages - 1)]

    def _layout_reasons(self, p: PuzzleSummary) -> None:
        half = (WIDTH - theme.SPACE_XL) // 2
        self.reason_half = half
        reasons: list[Block] = []
        for reason, teams in p.reason_groups():  # the quote, then who typed it (muted; many teams: counted)
            who = typed_by(teams) if len(teams) <= 3 else f"{len(teams)} teams: {typed_by(teams)}"
            reasons.append(Block("reason", reason, indent=12, gap=theme.SPACE_M, keep=True))
            reasons.append(Block("reason_who", "— " + clip(self.ctx, who, "regular", SMALL, half - 52 - 40, 2),
                                  indent=12, colour=theme.TEXT_MUTED))
        questions = [Block("question", f"{i}. {q}", "bold", BODY, gap=theme.SPACE_M)
                     for i, q in enumerate(p.intervisie, 1)]
        top = TOP + 76
        bottom = BAR_Y - theme.SPACE_M - 16
        left = paginate(self.ctx, reasons, pygame.Rect(M + 20, top, half - 40, bottom - top)) if reasons else [[]]
        right = (paginate(self.ctx, questions, pygame.Rect(M + half + theme.SPACE_XL + 20, top, half - 40,
                                                            bottom - top)) if questions else [[]])
        self.text_pages = max(len(left), len(right))
        page = min(self.text_page, self.text_pages - 1)
        self.reason_blocks = left[min(page, len(left) - 1)]
        self.question_blocks = right[min(page, len(right) - 1)]

    # --- input ---------------------------------------------------------------------------------------------

    def tap(self, pos: tuple[int, int]) -> bool:
        if self.note and self.note_rect.collidepoint(pos):  # touch: the page note turns the page (and wraps)
            if self.mode == "grid":
                self.team_page = (self.team_page + 1) % self.team_pages
            else:
                self.text_page = (self.text_page + 1) % self.text_pages
            self._layout()
            return True
        if self.mode != "grid":
            return False
        for index, rect, _ in getattr(self, "row_rects", []):
            if rect.collidepoint(pos):
                self.item = index
                self.group.focus(None)
                self._layout()
                return True
        return False

    # --- drawing -------------------------------------------------------------------------------------------

    def draw_body(self, surface: pygame.Surface) -> None:
        if self.puzzle is None:
            return
        if self.mode == "grid":
            self._draw_grid(surface)
        elif self.mode == "uitleg":
            self._draw_explain(surface)
        else:
            self._draw_reasons(surface)
        draw_note(self.ctx, surface, self.note, self.note_rect)

    def _draw_grid(self, surface: pygame.Surface) -> None:
        head = pygame.Rect(M, _GRID_TOP, _ITEM_W + self.col_w * len(self.shown_teams), _HEAD_H)
        draw_text(self.ctx, surface, self.s("item"), pygame.Rect(M + 20, head.y, _ITEM_W - 40, _HEAD_H),
                  role="bold", size=SMALL, colour=theme.TEXT_MUTED, valign="middle")
        for c, label in enumerate(self.heads):
            box = pygame.Rect(M + _ITEM_W + c * self.col_w + 12, head.y, self.col_w - 24, _HEAD_H)
            draw_text(self.ctx, surface, label, box, role="bold", size=SMALL, valign="middle")
        for (index, rect, label), cells in zip(self.row_rects, self.cells, strict=True):
            chosen = index == self.item
            panel(surface, rect, theme.SURFACE_RAISED if chosen else theme.SURFACE,
                  theme.FOCUS if chosen else theme.BORDER, 6 if chosen else 2)
            draw_text(self.ctx, surface, label, pygame.Rect(rect.x + 20, rect.y + 2, _ITEM_W - 40, rect.height - 4),
                      role="bold", size=SMALL, valign="middle")
            for c, look in enumerate(cells):
                box = pygame.Rect(rect.x + _ITEM_W + c * self.col_w + 8, rect.y + 2, self.col_w - 16, rect.height - 4)
                pygame.draw.line(surface, theme.BORDER, (box.x - 8, rect.y + 10), (box.x - 8, rect.bottom - 10), 2)
                if look is None:
                    draw_text(self.ctx, surface, self.s("not_played"), box, size=SMALL, colour=theme.TEXT_MUTED,
                              valign="middle")
                else:
                    icon_word(self.ctx, surface, look, box, icon_size=36)
        if self.rows_left:
            what = self.s("item_one" if self.rows_left == 1 else "item_many")
            note = self.ctx.text.render(self.s("more_rows", n=self.rows_left, what=what), "regular", SMALL,
                                        theme.TEXT_MUTED)
            last = self.row_rects[-1][1] if self.row_rects else head
            surface.blit(note, (M + 20, last.bottom + 2))
        y = self.spread_top
        for look, text, h in self.spread:
            line = pygame.Rect(M, y, WIDTH, h - 3)
            if look is not None:
                draw_icon(surface, look.icon, pygame.Rect(line.x, line.y + 6, 40, 40), look.colour)
            draw_text(self.ctx, surface, text, pygame.Rect(line.x + 56, line.y + 4, line.width - 56, line.height),
                      size=SMALL, colour=theme.TEXT if look is not None else theme.TEXT_MUTED)
            y += h

    def _draw_explain(self, surface: pygame.Surface) -> None:
        for block in self.explain_boxes:
            box = block.rect
            if block.kind == "head":
                draw_text(self.ctx, surface, block.text, box, role="bold", size=block.size)
                pygame.draw.line(surface, theme.BORDER, (M, box.bottom + 4), (CANVAS.right - M, box.bottom + 4), 3)
            elif block.kind == "group":
                assert block.look is not None
                draw_icon(surface, block.look.icon, pygame.Rect(M, box.y + 2, 40, 40), block.look.colour)
                draw_text(self.ctx, surface, block.text, box, size=block.size)
            elif block.kind == "verdict":
                assert block.look is not None
                badge = pygame.Rect(M, box.y, 400, 52)
                panel(surface, badge, theme.SURFACE, block.look.colour, 4)
                icon_word(self.ctx, surface, block.look, badge.inflate(-24, -8))
                draw_text(self.ctx, surface, block.text, box, size=block.size, valign="middle")
            else:
                draw_text(self.ctx, surface, block.text, box, role=block.role, size=block.size, colour=block.colour)

    def _draw_reasons(self, surface: pygame.Surface) -> None:
        half = self.reason_half
        left = pygame.Rect(M, TOP, half, BAR_Y - theme.SPACE_M - TOP)
        right = pygame.Rect(M + half + theme.SPACE_XL, TOP, half, left.height)
        panel(surface, left)
        panel(surface, right)
        draw_text(self.ctx, surface, self.s("team_reasons"), pygame.Rect(left.x + 20, left.y + 8, half - 40, 56),
                  role="bold", size=BODY, colour=theme.ACCENT)
        draw_text(self.ctx, surface, self.s("questions"), pygame.Rect(right.x + 20, right.y + 8, half - 40, 56),
                  role="bold", size=BODY, colour=theme.ACCENT)
        if not self.reason_blocks:
            draw_text(self.ctx, surface, self.s("no_reasons"), pygame.Rect(left.x + 20, TOP + 76, half - 40, 100),
                      size=SMALL, colour=theme.TEXT_MUTED)
        for block in self.reason_blocks:
            box = block.rect
            if block.kind == "reason":
                pygame.draw.line(surface, theme.ACCENT, (box.x - 18, box.y + 4), (box.x - 18, box.bottom - 8), 5)
            draw_text(self.ctx, surface, block.text, box, role=block.role, size=SMALL, colour=block.colour)
        if not self.question_blocks:
            draw_text(self.ctx, surface, self.s("no_questions"), pygame.Rect(right.x + 20, TOP + 76, half - 40, 100),
                      size=SMALL, colour=theme.TEXT_MUTED)
        for block in self.question_blocks:
            draw_text(self.ctx, surface, block.text, block.rect, role="bold", size=BODY)
