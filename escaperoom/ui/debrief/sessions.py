"""Debrief screen: choose the sessions (teams) to compare.

Shows one row per session found (team, casus, start, how it ended), on or off; only one casus at a time; a
footer names the journals that could not be read. Controls (shown on screen): Up/Down move, Space/Enter or a tap
switches a row, A all on or all off, Tab to the buttons, Esc back. Leads to the overview ("Toon nabespreking"), or
back to it."""

from __future__ import annotations

import pygame

from escaperoom.ui import theme
from escaperoom.ui.context import UiContext
from escaperoom.ui.debrief.base import BAR_Y, BODY, SMALL, TOP, WIDTH, DebriefScene, M, Navigator
from escaperoom.ui.debrief.data import DebriefData
from escaperoom.ui.debrief.keys import DOWN, UP, KeyHint
from escaperoom.ui.draw import draw_text, panel
from escaperoom.ui.icons import draw_icon
from escaperoom.ui.theme import Icon

_ROW = 120  # a row's height, all of it a touch target; its panel is drawn a little smaller, so rows look apart
_INSET = 5


class SessionsScene(DebriefScene):
    """Choose the sessions to compare: one row per session found (team, casus, start, how it ended), on or off.
    Only one casus at a time. Controls (shown on screen): Up/Down move, Space/Enter or a tap switches a row, A all
    on or all off (the button says which), Tab to the buttons, Esc back. Leads to the overview (Toon
    nabespreking)."""

    def __init__(self, ctx: UiContext, data: DebriefData, flow: Navigator, *, from_overview: bool = False):
        super().__init__(ctx, data, flow)
        self.from_overview = from_overview
        self.rows = list(data.found.sessions)
        self.highlight = 0
        self.first_row = 0
        self.message = ""
        self.chosen = set(data.selected)
        self.title = f"{self.s('title')}: {self.s('choose')}"
        self.bar([(self.s("show"), self.show), (self.s("all_on"), self.toggle_all), (self.s("back"), self.back)])
        self.keys = {pygame.K_UP: lambda: self.move(-1), pygame.K_DOWN: lambda: self.move(1),
                     pygame.K_a: self.toggle_all}
        self._layout()

    @property
    def visible_rows(self) -> int:
        room = BAR_Y - TOP - (110 if self.data.found.broken else 0)
        return max(1, room // _ROW)

    def _all_chosen(self) -> bool:
        """Whether every session of the highlighted row's casus is on (then "Alles uitzetten" is what A does)."""
        if not self.rows:
            return False
        casus = self.rows[self.highlight].casus
        return {s.session_id for s in self.rows if s.casus == casus} <= self.chosen

    def _layout(self) -> None:
        self.buttons[0].enabled = bool(self.chosen)
        label = self.s("all_off" if self._all_chosen() else "all_on")
        if self.buttons[1].label != label:
            self.buttons[1].set_label(label)
        self.subtitle = (self.s("none_found") if not self.rows else self.message or self.s("choose_help"))
        if self.highlight < self.first_row:
            self.first_row = self.highlight
        elif self.highlight >= self.first_row + self.visible_rows:
            self.first_row = self.highlight - self.visible_rows + 1
        self.row_rects = [pygame.Rect(M, TOP + i * _ROW, WIDTH, _ROW)
                          for i in range(min(self.visible_rows, len(self.rows) - self.first_row))]
        self.lines = []
        for s in self.rows:
            started = s.started_local
            when = started.strftime("%d-%m-%Y %H:%M") if started else ""
            phase = self.s(f"phase_{s.phase}" if s.phase in ("ontsnapt", "tijd_op", "beeindigd") else "phase_open")
            self.lines.append((s.team, f"{s.casus_title} · {when} · {phase} · "
                                       + self.s("recorded", n=s.decisions)))
        self.rows_left = max(0, len(self.rows) - self.first_row - len(self.row_rects))
        self.hints = [KeyHint((UP, DOWN), self.s("key_row")), KeyHint((self.s("key_space"),), self.s("key_switch"))]
        if self.first_row:
            self.hints.insert(0, KeyHint((UP,), self.s("more_up", n=self.first_row)))
        if self.rows_left:
            what = self.s("session_one" if self.rows_left == 1 else "session_many")
            self.hints.insert(0, KeyHint((DOWN,), self.s("more_below", n=self.rows_left, what=what)))
        broken = self.data.found.broken
        self.footer = (self.s("broken", n=len(broken)) + ": " + "; ".join(f"{b.path.name}: {b.reason}" for b in broken)
                       if broken else "")

    def move(self, step: int) -> None:
        if self.rows:
            self.highlight = max(0, min(len(self.rows) - 1, self.highlight + step))
            self.group.focus(None)
            self._layout()

    def toggle(self, index: int) -> None:
        session = self.rows[index]
        self.message = ""
        if session.session_id in self.chosen:
            self.chosen.discard(session.session_id)
        else:
            others = {s.session_id for s in self.rows if s.session_id in self.chosen and s.casus != session.casus}
            if others:
                self.chosen -= others
                self.message = self.s("one_casus")
            self.chosen.add(session.session_id)
        self._layout()

    def toggle_all(self) -> None:
        if not self.rows:
            return
        casus = self.rows[self.highlight].casus
        same = {s.session_id for s in self.rows if s.casus == casus}
        self.chosen = set() if same <= self.chosen else same
        self._layout()

    def show(self) -> None:
        if not self.chosen or self.stack is None:
            return
        self.data.selected = [s.session_id for s in self.rows if s.session_id in self.chosen]
        self.data.rebuild()
        if self.from_overview:
            self.stack.pop()
        else:
            self.flow.open_overview(self.stack, replace=True)

    def handle_event(self, event: pygame.event.Event) -> bool:
        if (event.type == pygame.KEYDOWN and event.key in (pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER)
                and not self.button_has_keyboard_focus() and self.rows):
            self.toggle(self.highlight)
            return True
        return super().handle_event(event)

    def tap(self, pos: tuple[int, int]) -> bool:
        for i, rect in enumerate(self.row_rects):
            if rect.collidepoint(pos):
                self.highlight = self.first_row + i
                self.group.focus(None)
                self.toggle(self.highlight)
                return True
        return False

    def draw_body(self, surface: pygame.Surface) -> None:
        for i, rect in enumerate(self.row_rects):
            index = self.first_row + i
            on = self.rows[index].session_id in self.chosen
            panel(surface, rect.inflate(0, -2 * _INSET), theme.SURFACE_RAISED if on else theme.SURFACE,
                  theme.FOCUS if index == self.highlight else theme.BORDER,
                  6 if index == self.highlight else theme.BORDER_WIDTH)
            box = pygame.Rect(rect.x + 32, rect.centery - 32, 64, 64)
            pygame.draw.rect(surface, theme.TEXT, box, 5, border_radius=10)
            if on:
                draw_icon(surface, Icon.CHECK, box.inflate(-14, -14), theme.GREEN)
            team, line = self.lines[index]
            text_x = box.right + 36
            draw_text(self.ctx, surface, team, pygame.Rect(text_x, rect.y + 8, rect.right - text_x - 24, 56),
                      role="bold", size=BODY, valign="middle")
            draw_text(self.ctx, surface, line, pygame.Rect(text_x, rect.y + 60, rect.right - text_x - 24, 48),
                      size=SMALL, colour=theme.TEXT_MUTED, valign="middle")
        if self.footer:
            draw_text(self.ctx, surface, self.footer, pygame.Rect(M, BAR_Y - 100, WIDTH, 90), size=SMALL,
                      colour=theme.AMBER)
