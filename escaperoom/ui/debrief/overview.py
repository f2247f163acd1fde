"""Debrief screen: the overview of the chosen teams.

Shows the teams side by side with their full names (rooms solved; items right the first time; te ruim / te
voorzichtig / verkeerde grondslag as the game counts them, icon + number, a legend in words; hints, play time and
the resident's calm at the end) and the privacy compass; six teams fit one page at 1080p, more are paged.
Controls (shown on screen): Up/Down choose a team, T or a tap on a team opens its timeline, Enter the focused
button (Puzzels first), A the agreements, E count the other try, V the other order, K choose teams, PgUp/PgDn
more teams, F9/B the facilitator's notes, Esc closes. Leads to the puzzles, the agreements, the timeline and the
session chooser."""

from __future__ import annotations

import pygame

from escaperoom.debrief.figures import TeamFigures, team_figures
from escaperoom.debrief.model import FIRST, LAST, TeamSession, clock
from escaperoom.ui import theme
from escaperoom.ui.context import UiContext
from escaperoom.ui.debrief.base import BODY, BOTTOM, CANVAS, SMALL, TOP, WIDTH, DebriefScene, M, Navigator, page_hint
from escaperoom.ui.debrief.compass import compass_layout, draw_compass
from escaperoom.ui.debrief.data import DebriefData
from escaperoom.ui.debrief.keys import DOWN, UP, KeyHint
from escaperoom.ui.debrief.looks import error_look, icon_word
from escaperoom.ui.draw import draw_text, panel
from escaperoom.ui.icons import draw_icon
from escaperoom.ui.theme import Icon

# the table's columns: (key, width); the four legal columns have an icon as their header
_COLUMNS = (("team", 316), ("solved", 168), ("goed", 78), ("te_ruim", 78), ("te_voorzichtig", 78),
            ("verkeerde_grondslag", 78), ("hints", 104), ("time", 100), ("calm", 100))
_ICONS = ("goed", "te_ruim", "te_voorzichtig", "verkeerde_grondslag")
_TABLE_W = sum(w for _, w in _COLUMNS) + 48
_HEAD = 80  # the header row and its line
_LEGEND = 150  # the legend under the rows
_ROW_MIN, _ROW_MAX = 56, 84
_WARN_H = 56


class OverviewScene(DebriefScene):
    """The teams side by side, with their full names: per team rooms solved, items right the first time, how
    often te ruim / te voorzichtig / verkeerde grondslag (icon + number, a legend in words), hints, play time and
    the resident's calm at the end; and the privacy compass (te ruim against te voorzichtig). Six teams fit one
    page at 1080p; more are paged ("[PgDn] teams 1–8 van 50"; a tap on the last row's note turns the page).
    Controls: Up/Down choose a team, T or a tap on a team opens its timeline, Enter the focused button, A the
    agreements, E count the other try, V the other order, K choose teams, PgUp/PgDn more teams, F9/B the
    facilitator's notes, Esc closes. Leads to PuzzleScene, AgreementsScene, TimelineScene, SessionsScene."""

    def __init__(self, ctx: UiContext, data: DebriefData, flow: Navigator):
        super().__init__(ctx, data, flow)
        self.team_page = 0
        self.chosen = 0  # the highlighted team (its timeline opens with T)
        self.name_size = BODY
        self.keys = {pygame.K_t: self.open_timeline, pygame.K_k: self.pick, pygame.K_v: self.toggle_order,
                     pygame.K_e: self.toggle_basis, pygame.K_a: self.open_agreements,
                     pygame.K_UP: lambda: self.choose(-1), pygame.K_DOWN: lambda: self.choose(1),
                     pygame.K_PAGEDOWN: lambda: self.page(1), pygame.K_PAGEUP: lambda: self.page(-1)}
        self._layout()

    def enter(self) -> None:
        if self.buttons:
            self.group.focus(self.buttons[0], visible=True)

    def resume(self) -> None:
        self._layout()

    def _layout(self) -> None:
        d = self.data.debrief
        self.bar([(self.s("puzzles"), self.open_puzzles), (self.s("agreements"), self.open_agreements),
                  (self.s("to_last" if self.data.basis == FIRST else "to_first"), self.toggle_basis),
                  (self.s("to_case_order" if self.data.divided_first else "to_divided"), self.toggle_order),
                  (self.s("pick"), self.pick), (self.s("close"), self.back)])
        for b in self.buttons[:4]:
            b.enabled = d is not None and bool(d.puzzles or d.sessions)
        if self.stack is not None and self.buttons[0].enabled:
            self.group.focus(self.buttons[0], visible=True)
        self.title = f"{self.s('title')}: {d.title}" if d else self.s("title")
        self.rows: list[tuple[int, pygame.Rect, TeamFigures, str]] = []
        self.hints = []
        self.more_rect = pygame.Rect(0, 0, 0, 0)
        self.more_note = ""
        if d is None:
            self.subtitle = self.s("none_found")
            self.compass = None
            self.warning = ""
            self.pages = 1
            return
        when = d.started
        self.subtitle = " · ".join(x for x in (
            self.s("team_count_one" if len(d.sessions) == 1 else "teams", n=len(d.sessions)),
            f"{when:%d-%m-%Y}" if when else "", self.s("basis_first" if d.basis == FIRST else "basis_last"),
            self.s("order_now_divided" if self.data.divided_first else "order_now_case")) if x)
        warnings = self.data.warnings(self.ctx.strings)
        count = len(warnings)
        self.warning = self.s("warn_one" if count == 1 else "warn_many", n=count) if warnings else ""
        bottom = BOTTOM - (_WARN_H + theme.SPACE_S if self.warning else 0)
        self.table = pygame.Rect(M, TOP, _TABLE_W, bottom - TOP)
        self._layout_rows(d.sessions, len(d.puzzles))
        compass_rect = pygame.Rect(self.table.right + theme.SPACE_L, TOP,
                                   CANVAS.right - M - self.table.right - theme.SPACE_L, bottom - TOP)
        self.compass = compass_layout(self.ctx, compass_rect, d.compass, self.data.lang)
        self.hints = [KeyHint((UP, DOWN), self.s("key_team")), KeyHint(("T",), self.s("key_timeline")),
                      KeyHint(("F9",), self.s("key_facilitator"))]
        if self.pages > 1:
            self.hints.insert(0, page_hint(self.ctx, self.data.lang, self.team_page, self.pages))

    def _layout_rows(self, teams: list[TeamSession], rooms: int) -> None:
        """The rows of the teams on this page: each as tall as its name needs (full names, wrapped), as many as
        fit; the rest on the next pages (a note on the last line says how many)."""
        room = self.table.height - 12 - _HEAD - _LEGEND
        lh = self.ctx.fonts.line_height("bold", BODY)
        width = _COLUMNS[0][1] - 12  # the names: all at the body size when each fits on one line, else all smaller
        self.name_size = BODY if all(self.ctx.fonts.text_width(t.label, "bold", BODY) <= width for t in teams) \
            else SMALL
        heights = [max(_ROW_MIN, self._name(t.label)[1] + 8) for t in teams]
        self.row_h = max(_ROW_MIN, min(_ROW_MAX, room // max(1, len(teams))))
        self.pages_start = [0]
        y = 0
        for i, h in enumerate(heights):  # page breaks: a page holds what fits, with a line for the note
            h = max(h, self.row_h)
            if y + h > room - (lh if i + 1 < len(teams) else 0) and i > self.pages_start[-1]:
                self.pages_start.append(i)
                y = 0
            y += h
        self.pages = len(self.pages_start)
        self.team_page = max(0, min(self.team_page, self.pages - 1))
        first = self.pages_start[self.team_page]
        last = self.pages_start[self.team_page + 1] if self.team_page + 1 < self.pages else len(teams)
        self.chosen = max(0, min(self.chosen, len(teams) - 1))
        if not first <= self.chosen < last:
            self.chosen = first
        y = self.table.y + 12 + _HEAD
        for i in range(first, last):
            h = max(heights[i], self.row_h)
            rect = pygame.Rect(self.table.x + 12, y, self.table.width - 24, h)
            figures = team_figures(teams[i], rooms)
            self.rows.append((i, rect, figures, teams[i].label))
            y += h
        if last < len(teams):
            self.more_note = self.s("more_teams_rows" if len(teams) - last > 1 else "more_team_row",
                                    n=len(teams) - last)
            self.more_rect = pygame.Rect(self.table.x + 24, y, self.table.width - 48, lh)

    def _name(self, label: str) -> tuple[int, int]:
        """(size, height) of a team's full name in its column, wrapped on as many lines as it needs."""
        return self.name_size, self.ctx.text.render(label, "bold", self.name_size, theme.TEXT,
                                                    _COLUMNS[0][1] - 12).get_height()

    # --- actions -------------------------------------------------------------------------------------------

    def page(self, step: int) -> None:
        self.team_page = max(0, min(self.pages - 1, self.team_page + step))
        self._layout()

    def choose(self, step: int) -> None:
        d = self.data.debrief
        if d and d.sessions:
            self.chosen = max(0, min(len(d.sessions) - 1, self.chosen + step))
            while self.team_page + 1 < self.pages and self.chosen >= self.pages_start[self.team_page + 1]:
                self.team_page += 1
            while self.team_page > 0 and self.chosen < self.pages_start[self.team_page]:
                self.team_page -= 1
            self._layout()

    def tap(self, pos: tuple[int, int]) -> bool:
        if self.more_note and self.more_rect.collidepoint(pos):  # touch: the note turns the page (and wraps)
            self.team_page = (self.team_page + 1) % self.pages
            self._layout()
            return True
        for index, rect, _, _ in self.rows:
            if rect.collidepoint(pos):
                self.chosen = index
                self.open_timeline()
                return True
        return False

    def open_puzzles(self) -> None:
        if self.stack is not None and self.data.debrief and self.data.puzzles():
            self.flow.open_puzzle(self.stack)

    def open_agreements(self) -> None:
        if self.stack is not None and self.data.debrief:
            self.flow.open_agreements(self.stack)

    def open_timeline(self) -> None:
        if self.stack is not None and self.data.debrief and self.data.debrief.sessions:
            self.flow.open_timeline(self.stack, self.chosen)

    def pick(self) -> None:
        if self.stack is not None:
            self.flow.open_sessions(self.stack, from_overview=True)

    def toggle_order(self) -> None:
        self.data.divided_first = not self.data.divided_first
        self._layout()

    def toggle_basis(self) -> None:
        self.data.basis = LAST if self.data.basis == FIRST else FIRST
        self.data.rebuild()
        self._layout()

    # --- drawing -------------------------------------------------------------------------------------------

    def _cells(self, f: TeamFigures) -> list[str]:
        calm = "" if f.stability is None else str(f.stability)
        return [f.label, self.s("solved_of", a=f.solved, b=f.rooms), str(f.right_first), str(f.broad),
                str(f.cautious), str(f.basis), str(f.hints), clock(f.seconds), calm]

    def draw_body(self, surface: pygame.Surface) -> None:
        if self.compass is None:
            return
        table = self.table
        panel(surface, table)
        head_y = table.y + 12
        x = table.x + 24
        for key, width in _COLUMNS:
            cell = pygame.Rect(x, head_y, width - 12, 64)
            if key in _ICONS:
                look = error_look(self.ctx, None if key == "goed" else key)
                draw_icon(surface, look.icon, pygame.Rect(cell.x + 12, cell.y + 8, 48, 48), look.colour)
            else:
                draw_text(self.ctx, surface, self.s(f"col_{key}"), cell, role="bold", size=SMALL,
                          colour=theme.TEXT_MUTED, valign="middle", align="left" if key == "team" else "center")
            x += width
        pygame.draw.line(surface, theme.BORDER, (table.x + 16, head_y + 68), (table.right - 16, head_y + 68), 3)
        for index, rect, figures, _ in self.rows:
            if index == self.chosen:
                panel(surface, rect, theme.SURFACE_RAISED, theme.FOCUS, 4, radius=12)
            x = table.x + 24
            for i, (text, (key, width)) in enumerate(zip(self._cells(figures), _COLUMNS, strict=True)):
                cell = pygame.Rect(x, rect.y, width - 12, rect.height)
                colour = theme.TEXT
                if key in _ICONS[1:]:
                    colour = error_look(self.ctx, key).colour if text != "0" else theme.TEXT_MUTED
                size = self._name(text)[0] if i == 0 else BODY
                draw_text(self.ctx, surface, text, cell, role="bold" if i == 0 else "regular", size=size,
                          colour=colour, valign="middle", align="left" if i == 0 else "center")
                x += width
        if self.more_note:
            draw_icon(surface, Icon.ARROW, pygame.Rect(self.more_rect.x, self.more_rect.y + 6, 36, 36),
                      theme.TEXT_MUTED)
            draw_text(self.ctx, surface, self.more_note, self.more_rect.inflate(-52, 0).move(26, 0), size=SMALL,
                      colour=theme.TEXT_MUTED, valign="middle")
        self._draw_legend(surface)
        draw_compass(self.ctx, surface, self.compass, self.data.lang)
        if self.warning:
            box = pygame.Rect(M, BOTTOM - _WARN_H, WIDTH, _WARN_H)
            draw_icon(surface, Icon.WARNING, pygame.Rect(box.x, box.y + 6, 44, 44), theme.AMBER)
            draw_text(self.ctx, surface, self.warning, box.inflate(-64, 0).move(32, 0), size=SMALL,
                      colour=theme.AMBER, valign="middle")

    def _draw_legend(self, surface: pygame.Surface) -> None:
        table = self.table
        top = table.bottom - _LEGEND
        pygame.draw.line(surface, theme.BORDER, (table.x + 16, top), (table.right - 16, top), 2)
        half = (table.width - 48) // 2
        words = {"goed": self.s("legend_right")}
        for i, key in enumerate(_ICONS):
            look = error_look(self.ctx, None if key == "goed" else key)
            if key in words:
                look = type(look)(look.colour, look.icon, words[key])
            box = pygame.Rect(table.x + 24 + (i % 2) * half, top + 6 + (i // 2) * 46, half - 12, 46)
            icon_word(self.ctx, surface, look, box, icon_size=36, bold=False)
        d = self.data.debrief
        resident = d.loaded.scenario.scenario.bewoner.naam if d is not None and d.loaded is not None else ""
        note = self.s("legend_more", naam=resident or self.s("the_resident"))
        draw_text(self.ctx, surface, note, pygame.Rect(table.x + 24, top + 98, table.width - 48, 46), size=SMALL,
                  colour=theme.TEXT_MUTED, valign="middle")
