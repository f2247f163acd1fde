"""Debrief screen: the overview of the chosen teams.

Shows the teams side by side (solved rooms, and how often goed / te ruim / te voorzichtig / verkeerde grondslag,
icon + number, a legend in words) and the privacy compass; more teams than fit are paged. Controls: Enter opens
the puzzles, T the timeline, K choose teams, V order, E first or last try, PgUp/PgDn more teams, Tab between the
buttons, Esc closes. Leads to the puzzles, the timeline and the session chooser."""

from __future__ import annotations

import pygame

from escaperoom.debrief.model import FIRST, LAST
from escaperoom.ui import theme
from escaperoom.ui.context import UiContext
from escaperoom.ui.debrief.base import BAR_Y, BODY, CANVAS, SMALL, TOP, WIDTH, DebriefScene, M, Navigator
from escaperoom.ui.debrief.blocks import clip
from escaperoom.ui.debrief.compass import compass_layout, draw_compass
from escaperoom.ui.debrief.data import DebriefData
from escaperoom.ui.debrief.looks import error_look, icon_word
from escaperoom.ui.draw import draw_text, panel
from escaperoom.ui.icons import draw_icon
from escaperoom.ui.theme import Icon


class OverviewScene(DebriefScene):
    """The teams side by side: per team solved rooms and how often goed / te ruim / te voorzichtig / verkeerde
    grondslag (icon + number, a legend in words), and the privacy compass (te ruim against te voorzichtig).
    More teams than fit are paged ("teams 1–8 van 50 · nog 42 teams: PgDn"; a tap on that line turns the page).
    Controls: Enter opens the puzzles, T the timeline, K choose teams, V order (casus / most divided first),
    E count first or last try, PgUp/PgDn more teams, Tab between the buttons, Esc closes. Leads to PuzzleScene,
    TimelineScene, SessionsScene."""

    def __init__(self, ctx: UiContext, data: DebriefData, flow: Navigator):
        super().__init__(ctx, data, flow)
        self.team_page = 0
        self.keys = {pygame.K_t: self.open_timeline, pygame.K_k: self.pick, pygame.K_v: self.toggle_order,
                     pygame.K_e: self.toggle_basis, pygame.K_PAGEDOWN: lambda: self.page(1),
                     pygame.K_PAGEUP: lambda: self.page(-1)}
        self._layout()

    def enter(self) -> None:
        if self.buttons:
            self.group.focus(self.buttons[0], visible=True)

    def resume(self) -> None:
        self._layout()

    def _layout(self) -> None:
        d = self.data.debrief
        self.bar([(self.s("puzzles"), self.open_puzzles),
                  (self.s("order_divided" if self.data.divided_first else "order_case"), self.toggle_order),
                  (self.s("button_first" if self.data.basis == FIRST else "button_last"), self.toggle_basis),
                  (self.s("timeline"), self.open_timeline), (self.s("pick"), self.pick),
                  (self.s("close"), self.back)])
        for b in self.buttons[:4]:
            b.enabled = d is not None and bool(d.puzzles or d.sessions)
        if self.stack is not None and self.buttons[0].enabled:
            self.group.focus(self.buttons[0], visible=True)
        self.title = f"{self.s('title')}: {d.title}" if d else self.s("title")
        self.page_note, self.note_rect = "", pygame.Rect(0, 0, 0, 0)
        if d is None:
            self.subtitle = self.s("none_found")
            self.rows: list[tuple[str, ...]] = []
            self.compass = None
            self.warning = ""
            self.pages = 1
            return
        when = d.started
        self.subtitle = " · ".join(x for x in (self.s("teams", n=len(d.sessions)),
                                                f"{when:%d-%m-%Y}" if when else "",
                                                self.s("all_tries"),
                                                self.s("basis_first" if d.basis == FIRST else "basis_last")) if x)
        warnings = self.data.warnings(self.ctx.strings)
        self.warning = self.s("warn", x=warnings[0]) + (f" (+{len(warnings) - 1})" if len(warnings) > 1 else "") \
            if warnings else ""
        bottom = BAR_Y - theme.SPACE_L - (100 if self.warning else 0)
        table = pygame.Rect(M, TOP, 1060, bottom - TOP)
        self.table = table
        room = table.height - 80 - 124
        teams = d.sessions
        fits_all = len(teams) * 56 <= room
        per_page = max(1, room // 56 if fits_all else (room - 52) // 56)  # paged: a line for "nog N teams"
        self.per_page = per_page
        self.pages = max(1, -(-len(teams) // per_page))
        self.team_page = max(0, min(self.team_page, self.pages - 1))
        shown = teams[self.team_page * per_page:(self.team_page + 1) * per_page]
        self.row_h = min(84, max(56, room // max(1, len(teams)))) if fits_all else 56
        self.rows = []
        rooms = len(d.puzzles)
        for s in shown:
            errors = s.errors()
            self.rows.append((clip(self.ctx, s.label, "bold", SMALL, 368), f"{s.solved}/{rooms}", str(s.right),
                              str(errors["te_ruim"]), str(errors["te_voorzichtig"]),
                              str(errors["verkeerde_grondslag"])))
        if self.pages > 1:
            first = self.team_page * per_page
            left = len(teams) - first - len(shown)
            self.page_note = self.s("teams_page", a=first + 1, b=first + len(shown), n=len(teams)) + " · " + (
                self.s("more_teams_rows" if left > 1 else "more_team_row", n=left) if left else "PgUp")
            y = table.y + 12 + 80 + per_page * self.row_h
            self.note_rect = pygame.Rect(table.x + 24, y, table.width - 48, 48)
        compass_rect = pygame.Rect(table.right + theme.SPACE_L, TOP, CANVAS.right - M - table.right - theme.SPACE_L,
                                   bottom - TOP)
        self.compass = compass_layout(self.ctx, compass_rect, d.compass, self.data.lang)

    # --- actions -------------------------------------------------------------------------------------------

    def page(self, step: int) -> None:
        self.team_page = max(0, min(self.pages - 1, self.team_page + step))
        self._layout()

    def tap(self, pos: tuple[int, int]) -> bool:
        if self.page_note and self.note_rect.collidepoint(pos):  # touch: the note turns the page (and wraps)
            self.team_page = (self.team_page + 1) % self.pages
            self._layout()
            return True
        return False

    def open_puzzles(self) -> None:
        if self.stack is not None and self.data.debrief and self.data.puzzles():
            self.flow.open_puzzle(self.stack)

    def open_timeline(self) -> None:
        if self.stack is not None and self.data.debrief and self.data.debrief.sessions:
            self.flow.open_timeline(self.stack)

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

    _COLUMNS = ((0, 380), (380, 180), (560, 125), (685, 125), (810, 125), (935, 125))

    def draw_body(self, surface: pygame.Surface) -> None:
        if self.compass is None:
            return
        table = self.table
        panel(surface, table)
        head_y = table.y + 12
        kinds = [error_look(self.ctx, None), error_look(self.ctx, "te_ruim"), error_look(self.ctx, "te_voorzichtig"),
                 error_look(self.ctx, "verkeerde_grondslag")]  # the columns after team and solved
        heads = [self.s("team"), self.s("solved")]
        for i, (x, w) in enumerate(self._COLUMNS):
            cell = pygame.Rect(table.x + 24 + x, head_y, w - 12, 60)
            if i < 2:
                draw_text(self.ctx, surface, heads[i], cell, role="bold", size=SMALL, colour=theme.TEXT_MUTED,
                          valign="middle")
            else:
                look = kinds[i - 2]
                draw_icon(surface, look.icon, pygame.Rect(cell.x + 20, cell.y + 6, 48, 48), look.colour)
        pygame.draw.line(surface, theme.BORDER, (table.x + 16, head_y + 68), (table.right - 16, head_y + 68), 3)
        for r, row in enumerate(self.rows):
            y = head_y + 80 + r * self.row_h
            for i, (x, w) in enumerate(self._COLUMNS):
                cell = pygame.Rect(table.x + 24 + x, y, w - 12, self.row_h)
                colour = theme.TEXT if i < 3 else (kinds[i - 2].colour if row[i] != "0" else theme.TEXT_MUTED)
                draw_text(self.ctx, surface, row[i], cell, role="bold" if i == 0 else "regular", size=BODY,
                          colour=colour, valign="middle", align="left" if i < 2 else "center")
        if self.page_note:
            draw_icon(surface, Icon.ARROW, pygame.Rect(self.note_rect.x, self.note_rect.y + 6, 36, 36),
                      theme.TEXT_MUTED)
            draw_text(self.ctx, surface, self.page_note, self.note_rect.inflate(-52, 0).move(26, 0), size=SMALL,
                      colour=theme.TEXT_MUTED, valign="middle")
        pygame.draw.line(surface, theme.BORDER, (table.x + 16, table.bottom - 124), (table.right - 16,
                                                                                        table.bottom - 124), 2)
        half = (table.width - 48) // 2
        for i, look in enumerate(kinds):
            box = pygame.Rect(table.x + 24 + (i % 2) * half, table.bottom - 114 + (i // 2) * 52, half - 12, 48)
            icon_word(self.ctx, surface, look, box, icon_size=36, bold=False)
        draw_compass(self.ctx, surface, self.compass, self.data.lang)
        if self.warning:
            box = pygame.Rect(M, BAR_Y - theme.SPACE_L - 92, WIDTH, 92)
            draw_icon(surface, Icon.WARNING, pygame.Rect(box.x, box.y + 8, 44, 44), theme.AMBER)
            draw_text(self.ctx, surface, self.warning, box.inflate(-64, 0).move(32, 0), size=SMALL,
                      colour=theme.AMBER)
