"""Debrief screen: one puzzle across the teams, in three views (decisions grid, explanation, reasons and
questions). Controls and what it shows: see ``PuzzleScene``. Leads to what-if and, past the last puzzle, to the
group's agreements."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pygame

from escaperoom.debrief.model import FIRST, PuzzleSummary, short_label
from escaperoom.debrief.whatif import whatif_for
from escaperoom.ui import theme
from escaperoom.ui.context import UiContext
from escaperoom.ui.debrief.base import BODY, BOTTOM, CANVAS, SMALL, TOP, WIDTH, DebriefScene, M, Navigator, page_hint
from escaperoom.ui.debrief.blocks import Block, clip, paginate
from escaperoom.ui.debrief.data import DebriefData
from escaperoom.ui.debrief.grid import GridLayout, draw_grid, teams_per_page
from escaperoom.ui.debrief.keys import DOWN, LEFT, RIGHT, UP, KeyHint
from escaperoom.ui.debrief.looks import Look, error_look, icon_word, verdict_look
from escaperoom.ui.draw import draw_text, panel
from escaperoom.ui.icons import draw_icon

_GRID_TOP = TOP + 4
_LINE_H = 55  # one spread sentence under the grid
_MODES = ("grid", "uitleg", "redenen")
_MODE_LABELS = {"grid": "show_grid", "uitleg": "show_explain", "redenen": "show_reasons"}


def typed_by(ctx: UiContext, lang: str, teams: Sequence[tuple[str, int]]) -> str:
    """Who typed a reason, in ``lang``: "Team Oost (poging 1)"; the same reason from several teams once, with all
    of them ("Team A, Team B (poging 1)", or each with its own attempt when they differ)."""
    def by(names: str, n: int) -> str:
        return ctx.strings.t("nabespreking.rapport.typed_by", lang, teams=names, n=n)

    numbers = {n for _, n in teams}
    if len(numbers) == 1:
        return by(", ".join(t for t, _ in teams), next(iter(numbers)))
    return ", ".join(by(t, n) for t, n in teams)


class PuzzleScene(DebriefScene):
    """One puzzle across the teams, in three views. Beslissingen: a grid of items x teams (six teams side by side,
    full names), each cell the verdict word with its icon for the counted try, and below it how the teams spread
    ("3 van de 6 teams ...", the item's label shortened until the recipient fits) for the chosen item. Uitleg: for
    the chosen item every answer group, the law's verdict per recipient with its explanation and the articles,
    and — when the casus on this computer is missing or another version — the explanation the teams saw, from
    their journals. Redenen & vragen: the teams' typed reasons and the intervisie questions. What only the
    facilitator should see (the deciding rule, the uncertain points, the answer) is in the panel behind F9/B.
    Text that does not fit is paged, never dropped ("[PgDn] pagina 1 van 3"; a tap on it turns the page).
    Controls (shown on screen): Left/Right puzzle (past the last one: the agreements), Up/Down item, PgUp/PgDn
    more teams (grid) or the next page (other views), U explanation, R reasons, W what-if, F9/B the facilitator's
    panel, Tab to the buttons, Esc back to the overview. Leads to WhatIfScene and AgreementsScene."""

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
        """The next or previous puzzle; past the last one the group's agreements."""
        count = len(self.data.puzzles())
        if not count:
            return
        if step > 0 and self.index + step >= count and self.stack is not None:
            self.flow.open_agreements(self.stack, self.puzzle.id if self.puzzle else None)
            return
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

    def facilitator_puzzle(self) -> str | None:
        return self.puzzle.id if self.puzzle else None

    # --- layout --------------------------------------------------------------------------------------------

    def _layout(self) -> None:
        p, d = self.puzzle, self.data.debrief
        self.per_page = teams_per_page(self.ctx, d.sessions if d else [], WIDTH)
        has_whatif = bool(p and d and whatif_for(d, p.id))
        following = _MODES[(_MODES.index(self.mode) + 1) % len(_MODES)]
        last = p is not None and self.index + 1 >= len(self.data.puzzles())
        self.bar([(self.s("to_agreements" if last else "next"), lambda: self.go(1)),
                  (self.s("prev"), lambda: self.go(-1)), (self.s(_MODE_LABELS[following]), self.cycle),
                  (self.s("whatif"), self.open_whatif), (self.s("overview"), self.back)])
        self.buttons[3].enabled = has_whatif
        self.text_pages = 1
        self.hints = []
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
        self.hints = [KeyHint((LEFT, RIGHT), self.s("key_puzzle"))]
        if self.mode != "redenen":  # the reasons and questions are the whole puzzle's, not an item's
            self.hints.insert(0, KeyHint((UP, DOWN), self.s("key_item")))
        if self.mode == "grid":
            self._layout_grid(p)
            if len(teams) > self.per_page:
                self.hints.insert(0, KeyHint(("PgDn" if first + self.per_page < len(teams) else "PgUp",),
                                             self.s("teams_page", a=first + 1, b=first + len(self.shown_teams),
                                                    n=len(teams))))
            return
        if self.mode == "uitleg":
            self._layout_explain(p)
        else:
            self._layout_reasons(p)
        self.text_page = max(0, min(self.text_page, self.text_pages - 1))
        if self.text_pages > 1:
            self.hints.insert(0, page_hint(self.ctx, self.data.lang, self.text_page, self.text_pages))

    def _layout_grid(self, p: PuzzleSummary) -> None:
        item = p.items[self.item] if p.items else None
        groups = list(item.groups) if item else []
        wanted = max(1, len(groups) + (1 if item and item.not_reached else 0))
        bottom = BOTTOM - min(wanted, 2) * _LINE_H - theme.SPACE_S
        more = "item_one"
        self.grid = GridLayout(self.ctx, p, self.shown_teams, self.item, M, WIDTH, _GRID_TOP, bottom,
                               self.s("not_played"))
        more = self.s("item_one" if self.grid.rows_left == 1 else "item_many")
        self.grid_more = self.s("more_rows", n=self.grid.rows_left, what=more)
        # the spread of the chosen item right under the grid, in the height left: a line per answer group (two
        # when a sentence cannot be shortened to one, as a dilemma's option), and a count of what did not fit
        self.spread_top = self.grid.bottom_used + theme.SPACE_S
        room = WIDTH - 56
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
            if y + h + (_LINE_H if rest else 0) > BOTTOM:
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

    def _team_names(self, teams: Sequence[str], biggest: bool, limit: int = 8) -> str:
        """The teams of an answer group for the screen: all names, or for the biggest group of a large debrief
        "alle andere teams" (the others are named in their own groups)."""
        if biggest and len(teams) > limit:
            return self.ctx.strings.t("nabespreking.rapport.all_other_teams", self.data.lang)
        return ", ".join(teams)

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
            blocks.append(Block("group", f"{g.short} ({self._team_names(g.teams, i == 0 and len(item.groups) > 1)})",
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
        for view in item.law:  # the rule id and the uncertain points are for the facilitator only (F9: the panel)
            blocks.append(Block("verdict", self.s("to", x=view.recipient), look=verdict_look(self.ctx, view.decision),
                                 indent=424, gap=theme.SPACE_M, height=52, keep=True))
            blocks.append(Block("text", view.explanation, gap=4))
            if view.citations:
                blocks.append(Block("muted", self.s("articles", x=", ".join(c for _, c, _ in view.citations)),
                                     colour=theme.TEXT_MUTED, gap=4, stick=True))
        area = pygame.Rect(M, TOP, WIDTH, BOTTOM - TOP)
        self.explain_pages = paginate(self.ctx, blocks, area)
        self.text_pages = len(self.explain_pages)
        self.explain_boxes = self.explain_pages[min(self.text_page, self.text_pages - 1)]

    def _layout_reasons(self, p: PuzzleSummary) -> None:
        half = (WIDTH - theme.SPACE_XL) // 2
        self.reason_half = half
        reasons: list[Block] = []
        for reason, teams in p.reason_groups():  # the quote, then who typed it (muted; many teams: counted)
            who = typed_by(self.ctx, self.data.lang, teams)
            if len(teams) > 3:
                who = self.s("typed_many", n=len(teams), who=who)
            reasons.append(Block("reason", reason, indent=12, gap=theme.SPACE_M, keep=True))
            reasons.append(Block("reason_who", "— " + clip(self.ctx, who, "regular", SMALL, half - 52 - 40, 2),
                                  indent=12, colour=theme.TEXT_MUTED))
        questions = [Block("question", f"{i}. {q}", "bold", BODY, gap=theme.SPACE_M)
                     for i, q in enumerate(p.intervisie, 1)]
        top = TOP + 76
        bottom = BOTTOM - 16
        left = paginate(self.ctx, reasons, pygame.Rect(M + 20, top, half - 40, bottom - top)) if reasons else [[]]
        right = (paginate(self.ctx, questions, pygame.Rect(M + half + theme.SPACE_XL + 20, top, half - 40,
                                                            bottom - top)) if questions else [[]])
        self.text_pages = max(len(left), len(right))
        page = min(self.text_page, self.text_pages - 1)
        self.reason_blocks = left[min(page, len(left) - 1)]
        self.question_blocks = right[min(page, len(right) - 1)]

    # --- input ---------------------------------------------------------------------------------------------

    def tap(self, pos: tuple[int, int]) -> bool:
        hint = self.tapped_hint(pos)
        if hint is not None and hint.caps[0] in ("PgDn", "PgUp"):  # touch: the page key turns the page (and wraps)
            if self.mode == "grid":
                self.team_page = (self.team_page + 1) % self.team_pages
            else:
                self.text_page = (self.text_page + 1) % self.text_pages
            self._layout()
            return True
        if self.mode != "grid":
            return False
        for row in self.grid.rows:
            if row.rect.collidepoint(pos):
                self.item = row.index
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

    def _draw_grid(self, surface: pygame.Surface) -> None:
        draw_grid(self.ctx, surface, self.grid, self.s("item"), self.grid_more)
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
        left = pygame.Rect(M, TOP, half, BOTTOM - TOP)
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
