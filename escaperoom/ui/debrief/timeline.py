"""Debrief screen: one team's journal, step by step (replay). Controls and what it shows: see ``TimelineScene``;
as on the other debrief screens Up/Down move in the list on the screen (here: the steps) and Left/Right change what
the list is about (here: the team). Leads back to the overview."""

from __future__ import annotations

from typing import Any

import pygame

from escaperoom.debrief.model import StepText, TeamSession
from escaperoom.ui import theme
from escaperoom.ui.context import UiContext
from escaperoom.ui.debrief.base import BODY, BOTTOM, CANVAS, SMALL, TOP, DebriefScene, M, Navigator
from escaperoom.ui.debrief.blocks import clip, clip_label
from escaperoom.ui.debrief.data import DebriefData
from escaperoom.ui.debrief.keys import DOWN, LEFT, RIGHT, UP, KeyHint
from escaperoom.ui.debrief.looks import Look, error_look
from escaperoom.ui.draw import draw_text, panel
from escaperoom.ui.icons import draw_icon
from escaperoom.ui.theme import Icon

_STEP_ROW = 62
_LIST_W = 680
_WORD_W = 260  # the verdict words' column in a step's detail


class TimelineScene(DebriefScene):
    """One team's journal, record by record, as a replay: on the left the steps (game clock and headline, the
    current one framed), on the right the current step in full — for an attempt every item with its icon and
    word, and the reason the team typed. Controls (shown on screen): Up/Down step (the list of steps), Left/Right
    team, Home/End first/last step, F9/B the facilitator's panel (the answer of the step's puzzle), Tab to the
    buttons, Esc back to the overview."""

    def __init__(self, ctx: UiContext, data: DebriefData, flow: Navigator, team: int = 0):
        super().__init__(ctx, data, flow)
        self.team = team
        self.step = 0
        self.keys = {pygame.K_UP: lambda: self.move(-1), pygame.K_DOWN: lambda: self.move(1),
                     pygame.K_LEFT: lambda: self.switch_team(-1), pygame.K_RIGHT: lambda: self.switch_team(1),
                     pygame.K_HOME: lambda: self.move(-10**6), pygame.K_END: lambda: self.move(10**6)}
        self.bar([(self.s("next_step"), lambda: self.move(1)), (self.s("prev_step"), lambda: self.move(-1)),
                  (self.s("next_team"), lambda: self.switch_team(1)),
                  (self.s("prev_team"), lambda: self.switch_team(-1)), (self.s("overview"), self.back)])
        self._layout()

    @property
    def session(self) -> TeamSession | None:
        d = self.data.debrief
        return d.sessions[self.team] if d and d.sessions else None

    def move(self, step: int) -> None:
        s = self.session
        if s and s.steps:
            self.step = max(0, min(len(s.steps) - 1, self.step + step))
            self._layout()

    def facilitator_puzzle(self) -> str | None:
        s = self.session
        return s.steps[self.step].puzzle if s and s.steps else None

    def switch_team(self, step: int) -> None:
        d = self.data.debrief
        if d and d.sessions:
            self.team = (self.team + step) % len(d.sessions)
            self.step = 0
            self._layout()

    def _layout(self) -> None:
        s, d = self.session, self.data.debrief
        if s is None or d is None:
            self.title, self.subtitle = self.s("timeline"), ""
            self.list_rows: list[tuple[int, pygame.Rect, str, Look]] = []
            self.detail: list[tuple[Any, ...]] = []
            return
        self.step = max(0, min(self.step, len(s.steps) - 1))
        self.title = f"{self.s('timeline')}: {s.label}"
        self.subtitle = (f"{self.s('step_of', i=self.step + 1, n=len(s.steps))} · "
                         f"{self.s('team_of', i=self.team + 1, n=len(d.sessions))} · {d.title}")
        self.hints = [KeyHint((UP, DOWN), self.s("key_step")), KeyHint((LEFT, RIGHT), self.s("key_team"))]
        visible = (BOTTOM - TOP) // _STEP_ROW
        first = max(0, min(self.step - visible // 2, len(s.steps) - visible))
        self.list_rows = []
        for i, step in enumerate(s.steps[first:first + visible]):
            text = d.describe(step)
            label = clip(self.ctx, f"{text.clock}  {text.headline}", "regular", SMALL, _LIST_W - 90, 1)
            look = self._status_look(text.status)
            self.list_rows.append((first + i, pygame.Rect(M, TOP + i * _STEP_ROW, _LIST_W, _STEP_ROW - 6), label, look))
        current = d.describe(s.steps[self.step])
        x = M + _LIST_W + theme.SPACE_L
        width = CANVAS.right - M - x - 48
        self.detail_rect = pygame.Rect(x, TOP, CANVAS.right - M - x, BOTTOM - TOP)
        self.detail = self._detail(current, x + 24, width)

    def _detail(self, current: StepText, x: int, width: int) -> list[tuple[Any, ...]]:
        """The current step in full, fitted to the panel: the headline, then per item its icon, its verdict word
        (bold, in the verdict's colour, in a column of its own so it is never cut) and what the team did, then
        the team's reason. Item texts get as many lines as the panel allows (4 down to 1, wrong items first; a label is
        shortened before the answer is, '…' when cut)."""
        fonts, text = self.ctx.fonts, self.ctx.text
        top, bottom = TOP + 24, self.detail_rect.bottom - 16
        words = [fonts.text_width(line.word, "bold", SMALL) for line in current.lines if line.text]
        column = min(_WORD_W, max(words, default=0)) + 20  # a longer word wraps ("verkeerde / grondslag")
        lh = fonts.line_height("regular", SMALL)
        # (lines per wrong item, per right item, headline, reason): what the team got wrong gets the room first
        for lines_wrong, lines_right, head_lines, reason_lines in (
                (4, 2, 3, 4), (3, 1, 3, 3), (2, 1, 2, 3), (1, 1, 2, 2), (1, 1, 1, 2)):
            out: list[tuple[Any, ...]] = []
            head = clip(self.ctx, f"{current.clock} · {current.headline}", "bold", BODY, width, head_lines)
            h = text.render(head, "bold", BODY, theme.TEXT, width).get_height() + 16
            out.append(("head", None, head, pygame.Rect(x, top, width, h), BODY, "bold", None))
            y = top + h
            for line in current.lines:
                look = self._status_look(line.status)
                word_w = column - 20 if line.text else width - 60
                word = clip(self.ctx, line.word, "bold", SMALL, word_w, 2)
                word_h = text.render(word, "bold", SMALL, theme.TEXT, word_w).get_height()
                word_box = pygame.Rect(x + 60, y, word_w, word_h)
                rest_w = width - 60 - column
                lines_each = lines_right if line.status == "goed" else lines_wrong
                if line.answer:
                    rest = clip_label(self.ctx, line.label, line.answer, "regular", SMALL, rest_w, lines_each)
                else:
                    rest = clip(self.ctx, line.text, "regular", SMALL, rest_w, lines_each) if line.text else ""
                rest_h = text.render(rest, "regular", SMALL, theme.TEXT, rest_w).get_height() if rest else 0
                h = max(lh, word_h, rest_h) + 6
                out.append(("line", look, rest, pygame.Rect(x + 60 + column, y, rest_w, h), SMALL, "regular",
                            (word, word_box)))
                y += h
            if current.reason:
                reason = clip(self.ctx, self.s("reason", x=current.reason), "regular", SMALL, width - 30,
                               reason_lines)
                h = text.render(reason, "regular", SMALL, theme.TEXT, width - 30).get_height() + 16
                out.append(("reason", None, reason, pygame.Rect(x + 30, y + 10, width - 30, h), SMALL, "regular",
                            None))
                y += h + 10
            if y <= bottom:
                return out
        shown = [b for b in out if b[3].bottom <= bottom - lh]  # still too long: say how many lines are left out
        left = len(out) - len(shown)
        note = self.s("more_rows", n=left, what=self.s("item_one" if left == 1 else "item_many"))
        y = shown[-1][3].bottom + 4 if shown else top
        shown.append(("muted", None, note, pygame.Rect(x, y, width, lh), SMALL, "regular", None))
        return shown

    def _status_look(self, status: str) -> Look:
        if status == "info":
            return Look(theme.TEXT_MUTED, Icon.ARROW, "")
        if status == "fout":
            return Look(theme.RED, Icon.CROSS, "")
        return error_look(self.ctx, None if status == "goed" else status)

    def draw_body(self, surface: pygame.Surface) -> None:
        if self.session is None:
            return
        for index, rect, label, look in self.list_rows:
            current = index == self.step
            panel(surface, rect, theme.SURFACE_RAISED if current else theme.SURFACE,
                  theme.FOCUS if current else None, 6)
            draw_icon(surface, look.icon, pygame.Rect(rect.x + 14, rect.centery - 18, 36, 36), look.colour)
            draw_text(self.ctx, surface, label, pygame.Rect(rect.x + 66, rect.y, rect.width - 80, rect.height),
                      size=SMALL, valign="middle", colour=theme.TEXT if current else theme.TEXT_MUTED)
        panel(surface, self.detail_rect)
        for kind, look, text, box, size, role, word in self.detail:
            if look is not None:
                draw_icon(surface, look.icon, pygame.Rect(box.x - 56 if word is None else word[1].x - 56,
                                                          box.y + 2, 40, 40), look.colour)
            if word is not None:
                draw_text(self.ctx, surface, word[0], word[1], role="bold", size=SMALL, colour=look.colour)
            if kind == "reason":
                pygame.draw.line(surface, theme.ACCENT, (box.x - 16, box.y + 6), (box.x - 16, box.bottom - 12), 5)
            draw_text(self.ctx, surface, text, box, role=role, size=size,
                      colour=theme.TEXT_MUTED if kind == "muted" else theme.TEXT)
