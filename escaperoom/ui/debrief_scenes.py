"""The debrief on the big screen (1920x1080, readable from 4 m: body text >= 36 px, titles 72 px): the facilitator
walks the group through the teams' decisions for the intervisie. The data come from ``escaperoom.debrief``.

    SessionsScene   choose the sessions (teams) to compare            -> OverviewScene
    OverviewScene   teams with their counts, and the privacy compass   -> PuzzleScene, TimelineScene, SessionsScene
    PuzzleScene     per puzzle: items x teams grid, explanation, reasons and intervisie questions -> WhatIfScene
    TimelineScene   one team's journal step by step (replay)
    WhatIfScene     flip one fact of a puzzle; changed verdicts framed and marked VERANDERT

Every control is a big button (mouse, touch) and a key: arrows move, Tab/Shift+Tab walk the buttons, Enter and
Space activate, Esc goes back. Verdicts and errors always show an icon shape and a word, never colour alone.
Entry points: ``run_debrief`` (``escaperoom debrief``) and ``debrief_scene(saves_dir, ctx)`` (the title screen).
The screen texts are in assets/strings/nabespreking.toml.
"""

from __future__ import annotations

import functools

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pygame

from escaperoom.content.loader import Loaded
from escaperoom.debrief.model import (
    ERROR_WORDS, FIRST, KIND_WORDS, LAST, LEGAL_ERRORS, Debrief, PuzzleSummary, SessionSet, TeamSession,
    build_debrief, clock, load_sessions, short_label,
)
from escaperoom.debrief.whatif import CaseChange, WhatIf, whatif_for
from escaperoom.strings import Catalogue
from escaperoom.ui import theme
from escaperoom.ui.app import App
from escaperoom.ui.context import UiContext
from escaperoom.ui.fonts import Align, Role, blit_in_box
from escaperoom.ui.icons import draw_icon
from escaperoom.ui.pointer import Phase, pointer
from escaperoom.ui.scene import Scene
from escaperoom.ui.theme import Colour, Icon
from escaperoom.ui.widgets import Button, FocusGroup

CANVAS = pygame.Rect((0, 0), theme.CANVAS_SIZE)
M = theme.MARGIN
WIDTH = theme.CANVAS_WIDTH - 2 * M
TITLE = pygame.Rect(M, 28, WIDTH, 100)
SUB = pygame.Rect(M, 130, WIDTH, 52)
TOP = 196
BAR_Y = theme.CANVAS_HEIGHT - 36 - theme.BUTTON_HEIGHT
BODY, SMALL = theme.TEXT_BODY, theme.TEXT_SMALL

@functools.cache
def _catalogue() -> Catalogue:
    return Catalogue.load()  # every assets/strings/*.toml; the debrief's texts are in nabespreking.toml


def _t(lang: str, key: str, **values: Any) -> str:
    return _catalogue().t(f"nabespreking.{key}", lang, **values)


# --------------------------------------------------------------------------------------------------- drawing help


def _draw_text(ctx: UiContext, surface: pygame.Surface, text: str, box: pygame.Rect, *, role: Role = "regular",
               size: int = BODY, colour: Colour = theme.TEXT, align: Align = "left", valign: str = "top") -> None:
    """``text`` wrapped inside ``box`` at the largest size up to ``size`` that fits (never below 36 px; what
    still does not fit is cut at a whole line). Sizes and surfaces come from the text cache."""
    if not text or box.width <= 0 or box.height <= 0:
        return
    fitted = ctx.text.fit_size(text, role, box.width, box.height, size)
    rendered = ctx.text.render(text, role, fitted, colour, box.width, align)
    blit_in_box(surface, rendered, box, align, valign, ctx.fonts.line_height(role, fitted))


def _clip(ctx: UiContext, text: str, role: Role, size: int, width: int, lines: int = 1) -> str:
    """``text`` shortened with '…' at a word so it wraps into at most ``lines`` lines of ``width`` (layout time)."""
    height = lines * ctx.fonts.line_height(role, size)
    if ctx.text.fits(text, role, size, width, height):
        return text
    words = text.split()
    lo, hi = 0, len(words)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if ctx.text.fits(" ".join(words[:mid]) + " …", role, size, width, height):
            lo = mid
        else:
            hi = mid - 1
    return (" ".join(words[:lo]) + " …") if lo else "…"


def _panel(surface: pygame.Surface, rect: pygame.Rect, fill: Colour = theme.SURFACE,
           border: Colour | None = theme.BORDER, width: int = theme.BORDER_WIDTH) -> None:
    pygame.draw.rect(surface, fill, rect, border_radius=theme.RADIUS)
    if border is not None:
        pygame.draw.rect(surface, border, rect, width, border_radius=theme.RADIUS)


@dataclass(frozen=True)
class _Look:
    colour: Colour
    icon: Icon | None
    word: str


def _error_look(ctx: UiContext, error: str | None) -> _Look:
    """Icon, colour and word for an answer: goed, a legal error (theme's feedback styles) or another error."""
    key = "goed" if error is None else error
    if key in theme.FEEDBACK_STYLES:
        style = theme.feedback_style(key)
        return _Look(style.colour, style.icon, ctx.t(style.word_id))
    word = ERROR_WORDS.get(error, str(error))
    return _Look(theme.RED, Icon.CROSS, word[:1].upper() + word[1:])


def _verdict_look(ctx: UiContext, decision: str) -> _Look:
    style = theme.verdict_style(decision)
    return _Look(style.colour, style.icon, ctx.t(style.word_id))


def _icon_word(ctx: UiContext, surface: pygame.Surface, look: _Look, box: pygame.Rect, *, size: int = SMALL,
               icon_size: int = 40, bold: bool = True, valign: str = "middle") -> None:
    """An icon followed by its word, inside ``box`` (the word wraps/shrinks to stay in the box)."""
    x = box.x
    if look.icon is not None:
        top = box.centery - icon_size // 2 if valign == "middle" else box.y + 2
        draw_icon(surface, look.icon, pygame.Rect(x, top, icon_size, icon_size), look.colour)
        x += icon_size + 12
    _draw_text(ctx, surface, look.word, pygame.Rect(x, box.y, box.right - x, box.height),
               role="bold" if bold else "regular", size=size, colour=look.colour, valign=valign)


# --------------------------------------------------------------------------------------------------- shared state


@dataclass
class DebriefData:
    """What the debrief scenes share: the sessions found, which are chosen, and the debrief built from them."""

    found: SessionSet
    lang: str = "nl"
    selected: list[str] = field(default_factory=list)  # session ids
    basis: str = FIRST
    divided_first: bool = False
    scenarios: list[Loaded] | None = None
    debrief: Debrief | None = None

    def __post_init__(self) -> None:
        if self.scenarios is None:
            from escaperoom.content.loader import load_many
            self.scenarios, _ = load_many()
        if not self.selected:
            self.selected = [s.session_id for s in self.found.default_selection()]
        self.rebuild()

    def chosen(self) -> list[TeamSession]:
        ids = set(self.selected)
        return [s for s in self.found.sessions if s.session_id in ids]

    def rebuild(self) -> None:
        chosen = self.chosen()
        self.debrief = (build_debrief(chosen, scenarios=self.scenarios, lang=self.lang, basis=self.basis)
                        if chosen else None)

    def puzzles(self) -> list[PuzzleSummary]:
        return self.debrief.ordered(self.divided_first) if self.debrief else []

    def warnings(self) -> list[str]:
        lines = []
        if self.found.broken:
            first = self.found.broken[0]
            lines.append(_t(self.lang, "broken", n=len(self.found.broken)) + f" ({first.path.name}: {first.reason})")
        lines += [d.line() for d in self.found.duplicates]
        if self.debrief is not None:
            lines += self.debrief.warnings
        return lines


# --------------------------------------------------------------------------------------------------- base scene


class _DebriefScene(Scene):
    """Background, title, subtitle, a bottom row of big buttons in a focus group, and key bindings."""

    def __init__(self, ctx: UiContext, data: DebriefData):
        super().__init__()
        self.ctx, self.data = ctx, data
        self.group = FocusGroup()
        self.buttons: list[Button] = []
        self.title = ""
        self.subtitle = ""
        self.keys: dict[int, Callable[[], None]] = {}

    def s(self, key: str, **values: Any) -> str:
        return _t(self.data.lang, key, **values)

    def bar(self, specs: Sequence[tuple[str, Callable[[], None]]]) -> list[Button]:
        """Buttons side by side along the bottom; the first is the primary one."""
        for old in self.buttons:
            self.group.remove(old)
        gap = theme.SPACE_M
        width = (WIDTH - (len(specs) - 1) * gap) // max(1, len(specs))
        self.buttons = [Button((M + i * (width + gap), BAR_Y, width, theme.BUTTON_HEIGHT), self.ctx.text, label, fn,
                               style="primary" if i == 0 else "secondary", size=BODY)
                        for i, (label, fn) in enumerate(specs)]
        for b in self.buttons:
            self.group.add(b)
        return self.buttons

    def button_has_keyboard_focus(self) -> bool:
        focused = self.group.focused
        return focused is not None and focused.focus_visible

    def back(self) -> None:
        if self.stack is not None:
            self.stack.pop()

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                self.back()
                return True
            action = self.keys.get(event.key)
            if action is not None:
                action()
                return True
        if self.group.handle_event(event):
            return True
        action = pointer(event)
        if action is not None and action.phase is Phase.DOWN:
            return self.tap(action.pos)
        return False

    def tap(self, pos: tuple[int, int]) -> bool:
        """A press that no button took (rows, toggles)."""
        return False

    def update(self, dt: float) -> None:
        self.group.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.BG)
        _draw_text(self.ctx, surface, self.title, TITLE, role="bold", size=theme.TEXT_TITLE, valign="middle")
        _draw_text(self.ctx, surface, self.subtitle, SUB, size=SMALL, colour=theme.TEXT_MUTED, valign="middle")
        self.draw_body(surface)
        self.group.draw(surface)

    def draw_body(self, surface: pygame.Surface) -> None:
        """Paint the scene's content between the subtitle and the buttons."""


# --------------------------------------------------------------------------------------------------- sessions


_ROW = 120


class SessionsScene(_DebriefScene):
    """Choose the sessions to compare: one row per session found (team, casus, start, how it ended), on or off.
    Only one casus at a time. Controls: arrows move, Space/Enter or a tap switches a row, A all on/off, Tab to
    the buttons, Esc back. Leads to the overview (Toon nabespreking)."""

    def __init__(self, ctx: UiContext, data: DebriefData, *, from_overview: bool = False):
        super().__init__(ctx, data)
        self.from_overview = from_overview
        self.rows = list(data.found.sessions)
        self.highlight = 0
        self.first_row = 0
        self.message = ""
        self.chosen = set(data.selected)
        self.title = f"{self.s('title')}: {self.s('choose')}"
        self.bar([(self.s("show"), self.show), (self.s("all"), self.toggle_all), (self.s("back"), self.back)])
        self.keys = {pygame.K_UP: lambda: self.move(-1), pygame.K_DOWN: lambda: self.move(1),
                     pygame.K_a: self.toggle_all}
        self._layout()

    @property
    def visible_rows(self) -> int:
        step = _ROW + theme.SPACE_S
        reserve = 110 if self.data.found.broken else 16
        if len(self.rows) * step > BAR_Y - TOP - reserve:
            reserve = max(reserve, 60)  # room for the "more below" note
        return max(1, (BAR_Y - TOP - reserve) // step)

    def _layout(self) -> None:
        self.buttons[0].enabled = bool(self.chosen)
        self.subtitle = (self.s("none_found") if not self.rows else self.message or self.s("choose_help"))
        if self.highlight < self.first_row:
            self.first_row = self.highlight
        elif self.highlight >= self.first_row + self.visible_rows:
            self.first_row = self.highlight - self.visible_rows + 1
        self.row_rects = [pygame.Rect(M, TOP + i * (_ROW + theme.SPACE_S), WIDTH, _ROW)
                          for i in range(min(self.visible_rows, len(self.rows) - self.first_row))]
        self.lines = []
        for s in self.rows:
            started = s.started_local
            when = started.strftime("%d-%m-%Y %H:%M") if started else ""
            phase = {"ontsnapt": "ontsnapt", "tijd_op": "tijd op", "beeindigd": "beëindigd"}.get(s.phase, "niet af")
            self.lines.append((s.team, f"{s.casus_title} · {when} · {phase} · {s.decisions} beslissingen"))
        self.rows_left = max(0, len(self.rows) - self.first_row - len(self.row_rects))
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
            self.stack.replace(OverviewScene(self.ctx, self.data))

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
            _panel(surface, rect, theme.SURFACE_RAISED if on else theme.SURFACE,
                   theme.FOCUS if index == self.highlight else theme.BORDER,
                   6 if index == self.highlight else theme.BORDER_WIDTH)
            box = pygame.Rect(rect.x + 32, rect.centery - 32, 64, 64)
            pygame.draw.rect(surface, theme.TEXT, box, 5, border_radius=10)
            if on:
                draw_icon(surface, Icon.CHECK, box.inflate(-14, -14), theme.GREEN)
            team, line = self.lines[index]
            text_x = box.right + 36
            _draw_text(self.ctx, surface, team, pygame.Rect(text_x, rect.y + 10, rect.right - text_x - 24, 58),
                       role="bold", size=BODY, valign="middle")
            _draw_text(self.ctx, surface, line, pygame.Rect(text_x, rect.y + 68, rect.right - text_x - 24, 50),
                       size=SMALL, colour=theme.TEXT_MUTED, valign="middle")
        if self.rows_left and self.row_rects:
            what = self.s("session_one" if self.rows_left == 1 else "session_many")
            note = self.s("more_rows", n=self.rows_left, what=what)
            _draw_text(self.ctx, surface, note, pygame.Rect(M + 20, self.row_rects[-1].bottom + 6, WIDTH, 48),
                       size=SMALL, colour=theme.TEXT_MUTED)
        if self.footer:
            _draw_text(self.ctx, surface, self.footer, pygame.Rect(M, BAR_Y - 100, WIDTH, 90), size=SMALL,
                       colour=theme.AMBER)


# --------------------------------------------------------------------------------------------------- overview


@dataclass
class _CompassLayout:
    rect: pygame.Rect
    plot: pygame.Rect
    ticks: list[tuple[int, int, int]]  # value, x, y
    points: list[tuple[tuple[int, int], str, pygame.Rect]]  # centre, label, label box
    y_label: pygame.Surface
    top_value: int


def _compass_layout(ctx: UiContext, rect: pygame.Rect, points: list[tuple[str, int, int]], lang: str) -> _CompassLayout:
    plot = pygame.Rect(rect.x + 124, rect.y + 84, rect.width - 160, rect.height - 200)
    top_value = max([3, *(p[1] for p in points), *(p[2] for p in points)]) + 1
    step = 1 if top_value <= 6 else 2 if top_value <= 12 else 5

    def at(vx: float, vy: float) -> tuple[int, int]:
        return (round(plot.x + plot.width * vx / top_value), round(plot.bottom - plot.height * vy / top_value))

    ticks = [(v, *at(v, v)) for v in range(0, top_value + 1, step)]
    spots: dict[tuple[int, int], list[str]] = {}
    for team, ruim, voorzichtig in points:
        spots.setdefault((voorzichtig, ruim), []).append(team)
    taken = [pygame.Rect(at(vx, vy)[0] - 20, at(vx, vy)[1] - 20, 40, 40) for vx, vy in spots]
    laid = []
    line = ctx.fonts.line_height("bold", SMALL)
    for (vx, vy), teams in sorted(spots.items(), key=lambda kv: (-kv[0][1], kv[0][0])):
        centre = at(vx, vy)
        label = ", ".join(teams)
        width = min(ctx.fonts.text_width(label, "bold", SMALL), rect.width - 40)
        best = None
        for dx, dy in ((26, -line // 2), (-26 - width, -line // 2), (26, -line - 8), (26, 8),
                       (-26 - width, -line - 8), (-26 - width, 8), (26, -2 * line), (26, line + 8)):
            box = pygame.Rect(centre[0] + dx, centre[1] + dy, width, line)
            if not rect.contains(box):
                continue
            if box.collidelist(taken) < 0:
                best = box
                break
            best = best or box
        if best is None:
            best = pygame.Rect(centre[0] + 26, centre[1] - line, width, line).clamp(rect)
        taken.append(best)
        laid.append((centre, label, best))
    y_label = pygame.transform.rotate(ctx.text.render(_t(lang, "axis_y"), "bold", SMALL, theme.RED), 90)
    return _CompassLayout(rect, plot, ticks, laid, y_label, top_value)


def _draw_compass(ctx: UiContext, surface: pygame.Surface, lay: _CompassLayout, lang: str) -> None:
    _panel(surface, lay.rect)
    plot = lay.plot
    for value, x, y in lay.ticks:
        pygame.draw.line(surface, theme.SURFACE_RAISED, (x, plot.y), (x, plot.bottom), 2)
        pygame.draw.line(surface, theme.SURFACE_RAISED, (plot.x, y), (plot.right, y), 2)
        tick = ctx.text.render(str(value), "regular", SMALL, theme.TEXT_MUTED)
        surface.blit(tick, (x - tick.get_width() // 2, plot.bottom + 22))
        surface.blit(tick, (plot.x - tick.get_width() - 28, y - tick.get_height() // 2))
    pygame.draw.rect(surface, theme.BORDER, plot, 3)
    # the diagonal: as often too broad as too cautious (dashed)
    steps = 24
    for i in range(0, steps, 2):
        a = (plot.x + plot.width * i / steps, plot.bottom - plot.height * i / steps)
        b = (plot.x + plot.width * (i + 1) / steps, plot.bottom - plot.height * (i + 1) / steps)
        pygame.draw.line(surface, theme.BORDER, a, b, 3)
    x_label = ctx.text.render(_t(lang, "axis_x"), "bold", SMALL, theme.AMBER)
    lock_box = pygame.Rect(0, 0, 40, 40)
    total = lock_box.width + 12 + x_label.get_width()
    lock_box.topleft = (plot.centerx - total // 2, plot.bottom + 74)
    draw_icon(surface, Icon.LOCK, lock_box, theme.AMBER, theme.SURFACE)
    surface.blit(x_label, (lock_box.right + 12, plot.bottom + 72))
    warn_box = pygame.Rect(lay.rect.x + 14, plot.y, 40, 40)
    draw_icon(surface, Icon.WARNING, warn_box, theme.RED, theme.SURFACE)
    surface.blit(lay.y_label, (lay.rect.x + 14, warn_box.bottom + 10))
    _draw_text(ctx, surface, _t(lang, "compass"), pygame.Rect(lay.rect.x + 24, lay.rect.y + 12, lay.rect.width - 48,
                                                              56), role="bold", size=BODY, valign="middle")
    for centre, label, box in lay.points:
        near = (min(max(centre[0], box.x), box.right), min(max(centre[1], box.y + 6), box.bottom - 6))
        if abs(near[0] - centre[0]) + abs(near[1] - centre[1]) > 30:  # the label had to move away: a leader line
            pygame.draw.line(surface, theme.TEXT_MUTED, centre, near, 2)
    for centre, label, box in lay.points:
        pygame.draw.circle(surface, theme.BG, centre, 19)
        pygame.draw.circle(surface, theme.ACCENT, centre, 15)
        _draw_text(ctx, surface, label, box, role="bold", size=SMALL)


class OverviewScene(_DebriefScene):
    """The teams side by side: per team solved rooms and how often goed / te ruim / te voorzichtig / verkeerde
    grondslag (icon + number, a legend in words), and the privacy compass (te ruim against te voorzichtig).
    Controls: Enter opens the puzzles, T the timeline, K choose teams, V order (casus / most divided first),
    E count first or last try, Tab between the buttons, Esc closes. Leads to PuzzleScene, TimelineScene,
    SessionsScene."""

    def __init__(self, ctx: UiContext, data: DebriefData):
        super().__init__(ctx, data)
        self.keys = {pygame.K_t: self.open_timeline, pygame.K_k: self.pick, pygame.K_v: self.toggle_order,
                     pygame.K_e: self.toggle_basis}
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
        if d is None:
            self.subtitle = self.s("none_found")
            self.rows, self.compass = [], None
            self.warning = ""
            return
        when = d.started
        self.subtitle = " · ".join(x for x in (self.s("teams", n=len(d.sessions)),
                                                f"{when:%d-%m-%Y}" if when else "",
                                                self.s("all_tries"),
                                                self.s("basis_first" if d.basis == FIRST else "basis_last")) if x)
        warnings = self.data.warnings()
        self.warning = self.s("warn", x=warnings[0]) + (f" (+{len(warnings) - 1})" if len(warnings) > 1 else "") \
            if warnings else ""
        bottom = BAR_Y - theme.SPACE_L - (100 if self.warning else 0)
        table = pygame.Rect(M, TOP, 1060, bottom - TOP)
        self.table = table
        room = table.height - 80 - 124
        max_rows = max(1, room // 56)
        self.row_h = min(84, max(56, room // max(1, len(d.sessions))))
        self.rows = []
        rooms = len(d.puzzles)
        for s in d.sessions[:max_rows]:
            errors = s.errors()
            self.rows.append((_clip(self.ctx, s.label, "bold", BODY, 360), f"{s.solved}/{rooms}", str(s.right),
                              str(errors["te_ruim"]), str(errors["te_voorzichtig"]),
                              str(errors["verkeerde_grondslag"])))
        compass_rect = pygame.Rect(table.right + theme.SPACE_L, TOP, CANVAS.right - M - table.right - theme.SPACE_L,
                                   bottom - TOP)
        self.compass = _compass_layout(self.ctx, compass_rect, d.compass, self.data.lang)

    # --- actions -------------------------------------------------------------------------------------------

    def open_puzzles(self) -> None:
        if self.stack is not None and self.data.debrief and self.data.puzzles():
            self.stack.push(PuzzleScene(self.ctx, self.data))

    def open_timeline(self) -> None:
        if self.stack is not None and self.data.debrief and self.data.debrief.sessions:
            self.stack.push(TimelineScene(self.ctx, self.data))

    def pick(self) -> None:
        if self.stack is not None:
            self.stack.push(SessionsScene(self.ctx, self.data, from_overview=True))

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
        _panel(surface, table)
        head_y = table.y + 12
        looks = [None, None, _error_look(self.ctx, None), _error_look(self.ctx, "te_ruim"),
                 _error_look(self.ctx, "te_voorzichtig"), _error_look(self.ctx, "verkeerde_grondslag")]
        heads = [self.s("team"), self.s("solved")]
        for i, (x, w) in enumerate(self._COLUMNS):
            cell = pygame.Rect(table.x + 24 + x, head_y, w - 12, 60)
            if i < 2:
                _draw_text(self.ctx, surface, heads[i], cell, role="bold", size=SMALL, colour=theme.TEXT_MUTED,
                           valign="middle")
            else:
                look = looks[i]
                draw_icon(surface, look.icon, pygame.Rect(cell.x + 20, cell.y + 6, 48, 48), look.colour)
        pygame.draw.line(surface, theme.BORDER, (table.x + 16, head_y + 68), (table.right - 16, head_y + 68), 3)
        for r, row in enumerate(self.rows):
            y = head_y + 80 + r * self.row_h
            for i, (x, w) in enumerate(self._COLUMNS):
                cell = pygame.Rect(table.x + 24 + x, y, w - 12, self.row_h)
                colour = theme.TEXT if i < 3 else (looks[i].colour if row[i] != "0" else theme.TEXT_MUTED)
                _draw_text(self.ctx, surface, row[i], cell, role="bold" if i == 0 else "regular", size=BODY,
                           colour=colour, valign="middle", align="left" if i < 2 else "center")
        pygame.draw.line(surface, theme.BORDER, (table.x + 16, table.bottom - 124), (table.right - 16,
                                                                                        table.bottom - 124), 2)
        half = (table.width - 48) // 2
        for i, look in enumerate(looks[2:]):
            box = pygame.Rect(table.x + 24 + (i % 2) * half, table.bottom - 114 + (i // 2) * 52, half - 12, 48)
            _icon_word(self.ctx, surface, look, box, icon_size=36, bold=False)
        _draw_compass(self.ctx, surface, self.compass, self.data.lang)
        if self.warning:
            box = pygame.Rect(M, BAR_Y - theme.SPACE_L - 92, WIDTH, 92)
            draw_icon(surface, Icon.WARNING, pygame.Rect(box.x, box.y + 8, 44, 44), theme.AMBER)
            _draw_text(self.ctx, surface, self.warning, box.inflate(-64, 0).move(32, 0), size=SMALL,
                       colour=theme.AMBER)


# --------------------------------------------------------------------------------------------------- puzzle


_GRID_TOP = TOP + 4
_HEAD_H = 64
_ROW_H = 100
_ITEM_W = 440
_CELL_MIN = 268
_SPREAD_H = 110
_MODES = ("grid", "uitleg", "redenen")
_MODE_LABELS = {"grid": "grid", "uitleg": "explain", "redenen": "reasons"}


class PuzzleScene(_DebriefScene):
    """One puzzle across the teams, in three views. Beslissingen: a grid of items x teams, each cell the
    verdict word with its icon for the counted try, and below it how the teams spread ("3 van de 5 teams ...")
    for the chosen item. Uitleg: for the chosen item every answer group, the law's verdict per recipient with
    the engine's explanation and the articles. Redenen & vragen: the teams' typed reasons and the intervisie
    questions. Controls: Left/Right puzzle, Up/Down item, PgUp/PgDn more teams, U explanation, R reasons,
    W what-if, Tab to the buttons, Esc back to the overview. Leads to WhatIfScene."""

    def __init__(self, ctx: UiContext, data: DebriefData, index: int = 0):
        super().__init__(ctx, data)
        self.index = index
        self.item = 0
        self.team_page = 0
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
            self._layout()

    def select(self, step: int) -> None:
        p = self.puzzle
        if p and p.items:
            self.item = max(0, min(len(p.items) - 1, self.item + step))
            self.group.focus(None)
            self._layout()

    def page(self, step: int) -> None:
        pages = max(1, -(-len(self.data.debrief.sessions) // self.per_page)) if self.data.debrief else 1
        self.team_page = max(0, min(pages - 1, self.team_page + step))
        self._layout()

    def switch(self, mode: str) -> None:
        self.mode = "grid" if self.mode == mode else mode
        self._layout()

    def cycle(self) -> None:
        """The mode button: decisions -> explanation -> reasons & questions -> decisions."""
        self.mode = _MODES[(_MODES.index(self.mode) + 1) % len(_MODES)]
        self._layout()
        self.group.focus(self.buttons[2], visible=True)

    def open_whatif(self) -> None:
        p = self.puzzle
        if p and self.stack is not None and self.data.debrief and whatif_for(self.data.debrief, p.id):
            self.stack.push(WhatIfScene(self.ctx, self.data, p.id))

    # --- layout --------------------------------------------------------------------------------------------

    def _layout(self) -> None:
        p, d = self.puzzle, self.data.debrief
        self.per_page = max(1, (WIDTH - _ITEM_W) // _CELL_MIN)
        has_whatif = bool(p and d and whatif_for(d, p.id))
        following = _MODES[(_MODES.index(self.mode) + 1) % len(_MODES)]
        self.bar([(self.s("next"), lambda: self.go(1)), (self.s("prev"), lambda: self.go(-1)),
                  (self.s(_MODE_LABELS[following]), self.cycle), (self.s("whatif"), self.open_whatif),
                  (self.s("overview"), self.back)])
        self.buttons[3].enabled = has_whatif
        if p is None or d is None:
            self.title, self.subtitle = self.s("puzzles"), ""
            return
        count = len(self.data.puzzles())
        self.title = f"{self.index + 1}/{count} · {p.title}"
        parts = [KIND_WORDS.get(p.kind, p.kind), p.division_word,
                 self.s("basis_first" if p.basis == FIRST else "basis_last")]
        if p.station:
            parts.insert(1, p.station)
        self.subtitle = " · ".join(parts)
        teams = p.teams
        self.team_page = min(self.team_page, max(0, (len(teams) - 1) // self.per_page))
        self.shown_teams = teams[self.team_page * self.per_page:(self.team_page + 1) * self.per_page]
        self.more_teams = len(teams) > self.per_page
        if self.mode == "grid":
            self._layout_grid(p)
        elif self.mode == "uitleg":
            self._layout_explain(p)
        else:
            self._layout_reasons(p)

    def _layout_grid(self, p: PuzzleSummary) -> None:
        area_bottom = BAR_Y - theme.SPACE_M - _SPREAD_H - theme.SPACE_S
        visible = max(1, (area_bottom - _GRID_TOP - _HEAD_H) // _ROW_H)
        first = min(max(0, self.item - visible + 1), max(0, len(p.items) - visible))
        first = min(first, self.item)
        self.first_row = first
        self.rows_left = max(0, len(p.items) - (first + visible))
        width = (WIDTH - _ITEM_W) // max(1, len(self.shown_teams)) if self.shown_teams else 0
        self.col_w = max(_CELL_MIN, min(420, width))
        self.row_rects = []
        self.cells = []
        for r, item in enumerate(p.items[first:first + visible]):
            y = _GRID_TOP + _HEAD_H + r * _ROW_H
            rect = pygame.Rect(M, y, _ITEM_W + self.col_w * len(self.shown_teams), _ROW_H - 6)
            label = _clip(self.ctx, short_label(item.label), "bold", SMALL, _ITEM_W - 40, 2)
            cells = []
            for team in self.shown_teams:
                decision = p.decision(team, item.key, first=p.basis == FIRST)
                cells.append(None if decision is None else _error_look(self.ctx, decision.error))
            self.row_rects.append((first + r, rect, label))
            self.cells.append(cells)
        self.heads = [_clip(self.ctx, t.label, "bold", SMALL, self.col_w - 24, 2) for t in self.shown_teams]
        item = p.items[self.item] if p.items else None
        self.spread = []
        if item is not None:
            for g in item.groups[:2]:
                self.spread.append((_error_look(self.ctx, g.error), _clip(self.ctx, g.short, "regular", SMALL,
                                                                          WIDTH - 64, 1)))
            if not item.groups:
                self.spread.append((None, item.sentence))

    def _layout_explain(self, p: PuzzleSummary) -> None:
        item = p.items[self.item] if p.items else None
        self.explain: list[tuple[str, Any, str, int, int]] = []  # (kind, look, text, size, lines)
        if item is None:
            return
        self.explain.append(("head", None, f"{self.item + 1}/{len(p.items)} · {item.label}", BODY, 2))
        self.explain.append(("text", None, self.s("law", x=item.expected), SMALL, 2))
        for g in item.groups:
            self.explain.append(("group", _error_look(self.ctx, g.error), f"{g.short} ({', '.join(g.teams)})",
                                 SMALL, 2))
        if item.not_reached:
            self.explain.append(("text", None, f"{self.s('not_played')}: {', '.join(item.not_reached)}", SMALL, 1))
        for view in item.law:
            self.explain.append(("verdict", _verdict_look(self.ctx, view.decision),
                                 f"{self.s('to', x=view.recipient)} (regel {view.rule})", SMALL, 1))
            self.explain.append(("text", None, view.explanation, SMALL, 3 if len(item.law) == 1 else 2))
            if view.citations:
                self.explain.append(("muted", None, self.s("articles", x=", ".join(c for _, c, _ in view.citations)),
                                     SMALL, 1))
        area = BAR_Y - theme.SPACE_M - TOP
        # give every block its lines, drop trailing blocks that do not fit
        self.explain_boxes = []
        y = TOP
        for kind, look, text, size, lines in self.explain:
            indent = 60 if look is not None else 0
            width = WIDTH - indent - (300 if kind == "verdict" else 0)
            text = _clip(self.ctx, text, "bold" if kind == "head" else "regular", size, width, lines)
            rendered = self.ctx.text.render(text, "bold" if kind == "head" else "regular", size, theme.TEXT, width)
            h = rendered.get_height() + (12 if kind in ("head", "muted") else 6)
            if kind == "verdict":
                h = max(h, 56)
                y += 10
            if y + h > TOP + area:
                break
            self.explain_boxes.append((kind, look, text, pygame.Rect(M + indent, y, width, h), size))
            y += h

    def _layout_reasons(self, p: PuzzleSummary) -> None:
        half = (WIDTH - theme.SPACE_XL) // 2
        self.reason_blocks = []
        y = TOP + 70
        for team, n, reason in p.reasons:
            text = _clip(self.ctx, f"{team} (poging {n}): {reason}", "regular", SMALL, half - 40, 3)
            h = self.ctx.text.render(text, "regular", SMALL, theme.TEXT, half - 40).get_height() + 20
            if y + h > BAR_Y - theme.SPACE_M:
                break
            self.reason_blocks.append((text, pygame.Rect(M + 20, y, half - 40, h)))
            y += h + theme.SPACE_S
        self.question_blocks = []
        y = TOP + 70
        x = M + half + theme.SPACE_XL
        for i, q in enumerate(p.intervisie, 1):
            text = _clip(self.ctx, f"{i}. {q}", "bold", BODY, half - 40, 4)
            h = self.ctx.text.render(text, "bold", BODY, theme.TEXT, half - 40).get_height() + 20
            if y + h > BAR_Y - theme.SPACE_M:
                break
            self.question_blocks.append((text, pygame.Rect(x + 20, y, half - 40, h)))
            y += h + theme.SPACE_M
        self.reason_half = half

    # --- input ---------------------------------------------------------------------------------------------

    def tap(self, pos: tuple[int, int]) -> bool:
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

    def _draw_grid(self, surface: pygame.Surface) -> None:
        head = pygame.Rect(M, _GRID_TOP, _ITEM_W + self.col_w * len(self.shown_teams), _HEAD_H)
        _draw_text(self.ctx, surface, self.s("item"), pygame.Rect(M + 20, head.y, _ITEM_W - 40, _HEAD_H),
                   role="bold", size=SMALL, colour=theme.TEXT_MUTED, valign="middle")
        for c, label in enumerate(self.heads):
            box = pygame.Rect(M + _ITEM_W + c * self.col_w + 12, head.y, self.col_w - 24, _HEAD_H)
            _draw_text(self.ctx, surface, label, box, role="bold", size=SMALL, valign="middle")
        if self.more_teams:
            hint = self.ctx.text.render(self.s("more_teams"), "regular", SMALL, theme.TEXT_MUTED)
            surface.blit(hint, (CANVAS.right - M - hint.get_width(), SUB.y + 4))
        for (index, rect, label), cells in zip(self.row_rects, self.cells):
            chosen = index == self.item
            _panel(surface, rect, theme.SURFACE_RAISED if chosen else theme.SURFACE,
                   theme.FOCUS if chosen else theme.BORDER, 6 if chosen else 2)
            _draw_text(self.ctx, surface, label, pygame.Rect(rect.x + 20, rect.y + 2, _ITEM_W - 40, rect.height - 4),
                       role="bold", size=SMALL, valign="middle")
            for c, look in enumerate(cells):
                box = pygame.Rect(rect.x + _ITEM_W + c * self.col_w + 8, rect.y + 2, self.col_w - 16, rect.height - 4)
                pygame.draw.line(surface, theme.BORDER, (box.x - 8, rect.y + 10), (box.x - 8, rect.bottom - 10), 2)
                if look is None:
                    _draw_text(self.ctx, surface, self.s("not_played"), box, size=SMALL, colour=theme.TEXT_MUTED,
                               valign="middle")
                else:
                    _icon_word(self.ctx, surface, look, box, icon_size=36)
        if self.rows_left:
            what = self.s("item_one" if self.rows_left == 1 else "item_many")
            note = self.ctx.text.render(self.s("more_rows", n=self.rows_left, what=what), "regular", SMALL,
                                        theme.TEXT_MUTED)
            last = self.row_rects[-1][1] if self.row_rects else head
            surface.blit(note, (M + 20, last.bottom + 2))
        spread = pygame.Rect(M, BAR_Y - theme.SPACE_M - _SPREAD_H, WIDTH, _SPREAD_H)
        for i, (look, text) in enumerate(self.spread):
            line = pygame.Rect(spread.x, spread.y + i * 55, spread.width, 52)
            if look is not None:
                draw_icon(surface, look.icon, pygame.Rect(line.x, line.y + 6, 40, 40), look.colour)
            _draw_text(self.ctx, surface, text, pygame.Rect(line.x + 56, line.y, line.width - 56, line.height),
                       size=SMALL, valign="middle")

    def _draw_explain(self, surface: pygame.Surface) -> None:
        for kind, look, text, box, size in self.explain_boxes:
            if kind == "head":
                _draw_text(self.ctx, surface, text, box, role="bold", size=size)
                pygame.draw.line(surface, theme.BORDER, (M, box.bottom - 4), (CANVAS.right - M, box.bottom - 4), 3)
            elif kind == "group":
                draw_icon(surface, look.icon, pygame.Rect(M, box.y + 2, 40, 40), look.colour)
                _draw_text(self.ctx, surface, text, box, size=size)
            elif kind == "verdict":
                badge = pygame.Rect(M, box.y, 400, 52)
                _panel(surface, badge, theme.SURFACE, look.colour, 4)
                _icon_word(self.ctx, surface, look, badge.inflate(-24, -8))
                _draw_text(self.ctx, surface, text, pygame.Rect(badge.right + 24, box.y, WIDTH - 424, 52), size=size,
                           valign="middle")
            else:
                _draw_text(self.ctx, surface, text, box, size=size,
                           colour=theme.TEXT_MUTED if kind == "muted" else theme.TEXT)

    def _draw_reasons(self, surface: pygame.Surface) -> None:
        half = self.reason_half
        left = pygame.Rect(M, TOP, half, BAR_Y - theme.SPACE_M - TOP)
        right = pygame.Rect(M + half + theme.SPACE_XL, TOP, half, left.height)
        _panel(surface, left)
        _panel(surface, right)
        _draw_text(self.ctx, surface, self.s("team_reasons"), pygame.Rect(left.x + 20, left.y + 8, half - 40, 56),
                   role="bold", size=BODY, colour=theme.ACCENT)
        _draw_text(self.ctx, surface, self.s("questions"), pygame.Rect(right.x + 20, right.y + 8, half - 40, 56),
                   role="bold", size=BODY, colour=theme.ACCENT)
        if not self.reason_blocks:
            _draw_text(self.ctx, surface, self.s("no_reasons"), pygame.Rect(left.x + 20, TOP + 70, half - 40, 100),
                       size=SMALL, colour=theme.TEXT_MUTED)
        for text, box in self.reason_blocks:
            pygame.draw.line(surface, theme.ACCENT, (box.x - 6, box.y + 4), (box.x - 6, box.bottom - 12), 5)
            _draw_text(self.ctx, surface, text, box.move(12, 0), size=SMALL)
        if not self.question_blocks:
            _draw_text(self.ctx, surface, self.s("no_questions"), pygame.Rect(right.x + 20, TOP + 70, half - 40, 100),
                       size=SMALL, colour=theme.TEXT_MUTED)
        for text, box in self.question_blocks:
            _draw_text(self.ctx, surface, text, box, role="bold", size=BODY)


# --------------------------------------------------------------------------------------------------- timeline


_STEP_ROW = 62
_LIST_W = 800


class TimelineScene(_DebriefScene):
    """One team's journal, record by record, as a replay: on the left the steps (game clock and headline, the
    current one framed), on the right the current step in full — for an attempt every item with its icon and
    word, and the reason the team typed. Controls: Left/Right step, Up/Down team, Home/End first/last step,
    Tab to the buttons, Esc back to the overview."""

    def __init__(self, ctx: UiContext, data: DebriefData, team: int = 0):
        super().__init__(ctx, data)
        self.team = team
        self.step = 0
        self.keys = {pygame.K_LEFT: lambda: self.move(-1), pygame.K_RIGHT: lambda: self.move(1),
                     pygame.K_UP: lambda: self.switch_team(-1), pygame.K_DOWN: lambda: self.switch_team(1),
                     pygame.K_HOME: lambda: self.move(-10**6), pygame.K_END: lambda: self.move(10**6)}
        self.bar([(self.s("next_step"), lambda: self.move(1)), (self.s("prev_step"), lambda: self.move(-1)),
                  (self.s("next_team"), lambda: self.switch_team(1)), (self.s("prev_team"), lambda: self.switch_team(-1)),
                  (self.s("overview"), self.back)])
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

    def switch_team(self, step: int) -> None:
        d = self.data.debrief
        if d and d.sessions:
            self.team = (self.team + step) % len(d.sessions)
            self.step = 0
            self._layout()

    def _layout(self) -> None:
        s, d = self.session, self.data.debrief
        if s is None or d is None:
            self.title, self.subtitle, self.list_rows, self.detail = self.s("timeline"), "", [], None
            return
        self.step = max(0, min(self.step, len(s.steps) - 1))
        self.title = f"{self.s('timeline')}: {s.label}"
        self.subtitle = (f"{self.s('step_of', i=self.step + 1, n=len(s.steps))} · "
                         f"{self.team + 1}/{len(d.sessions)} teams · {d.title}")
        visible = (BAR_Y - theme.SPACE_M - TOP) // _STEP_ROW
        first = max(0, min(self.step - visible // 2, len(s.steps) - visible))
        self.list_rows = []
        for i, step in enumerate(s.steps[first:first + visible]):
            text = d.describe(step)
            label = _clip(self.ctx, f"{text.clock}  {text.headline}", "regular", SMALL, _LIST_W - 90, 1)
            look = self._status_look(text.status)
            self.list_rows.append((first + i, pygame.Rect(M, TOP + i * _STEP_ROW, _LIST_W, _STEP_ROW - 6), label, look))
        current = d.describe(s.steps[self.step])
        x = M + _LIST_W + theme.SPACE_L
        width = CANVAS.right - M - x - 48
        self.detail_rect = pygame.Rect(x, TOP, CANVAS.right - M - x, BAR_Y - theme.SPACE_M - TOP)
        blocks = [("head", None, _clip(self.ctx, f"{current.clock} · {current.headline}", "bold", BODY, width, 3),
                   BODY, "bold")]
        per_line = 2 if len(current.lines) <= 5 else 1
        for status, line in current.lines:
            blocks.append(("line", self._status_look(status),
                           _clip(self.ctx, line, "regular", SMALL, width - 60, per_line), SMALL, "regular"))
        if current.reason:
            blocks.append(("reason", None, _clip(self.ctx, self.s("reason", x=current.reason), "regular", SMALL,
                                                 width - 30, 3), SMALL, "regular"))
        self.detail = []
        y = TOP + 24
        for kind, look, text, size, role in blocks:
            indent = 60 if look is not None else (30 if kind == "reason" else 0)
            rendered = self.ctx.text.render(text, role, size, theme.TEXT, width - indent)
            h = rendered.get_height() + (16 if kind in ("head", "reason") else 6)
            if y + h > self.detail_rect.bottom - 16:
                break
            self.detail.append((kind, look, text, pygame.Rect(x + 24 + indent, y, width - indent, h), size, role))
            y += h

    def _status_look(self, status: str) -> _Look:
        if status == "info":
            return _Look(theme.TEXT_MUTED, Icon.ARROW, "")
        if status == "fout":
            return _Look(theme.RED, Icon.CROSS, "")
        return _error_look(self.ctx, None if status == "goed" else status)

    def draw_body(self, surface: pygame.Surface) -> None:
        if self.session is None:
            return
        for index, rect, label, look in self.list_rows:
            current = index == self.step
            _panel(surface, rect, theme.SURFACE_RAISED if current else theme.SURFACE,
                   theme.FOCUS if current else None, 6)
            draw_icon(surface, look.icon, pygame.Rect(rect.x + 14, rect.centery - 18, 36, 36), look.colour)
            _draw_text(self.ctx, surface, label, pygame.Rect(rect.x + 66, rect.y, rect.width - 80, rect.height),
                       size=SMALL, valign="middle", colour=theme.TEXT if current else theme.TEXT_MUTED)
        _panel(surface, self.detail_rect)
        for kind, look, text, box, size, role in self.detail:
            if look is not None:
                draw_icon(surface, look.icon, pygame.Rect(box.x - 56, box.y + 2, 40, 40), look.colour)
            if kind == "reason":
                pygame.draw.line(surface, theme.ACCENT, (box.x - 16, box.y + 6), (box.x - 16, box.bottom - 12), 5)
            _draw_text(self.ctx, surface, text, box, role=role, size=size)


# --------------------------------------------------------------------------------------------------- what if


_TOGGLE_W = 740
_TOGGLE_H = 124
_TOGGLE_TEXT_W = _TOGGLE_W - 20 - 88 - 22 - 24


class WhatIfScene(_DebriefScene):
    """'Maar wat als …?' for one puzzle: on the left the facts to flip (the puzzle's situation facts, acute
    danger, consent), on the right what the rule engine now decides — every verdict that changes is framed and
    marked VERANDERT with the old and the new verdict (icon + word) and the new explanation; below it how each
    team's answer would score. Controls: Up/Down choose a fact, Enter/Space or a tap switches it on or off (one
    at a time), Left/Right other puzzle, Tab to the buttons, Esc back to the puzzle."""

    def __init__(self, ctx: UiContext, data: DebriefData, puzzle_id: str):
        super().__init__(ctx, data)
        self.puzzle_ids = [p.id for p in data.puzzles() if data.debrief and whatif_for(data.debrief, p.id)]
        self.at = self.puzzle_ids.index(puzzle_id) if puzzle_id in self.puzzle_ids else 0
        self.highlight = 0
        self.applied: int | None = None
        self.keys = {pygame.K_UP: lambda: self.move(-1), pygame.K_DOWN: lambda: self.move(1),
                     pygame.K_LEFT: lambda: self.go(-1), pygame.K_RIGHT: lambda: self.go(1)}
        self.bar([(self.s("next_puzzle"), lambda: self.go(1)), (self.s("prev_puzzle"), lambda: self.go(-1)),
                  (self.s("back"), self.back)])
        self._load()

    def _load(self) -> None:
        d = self.data.debrief
        pid = self.puzzle_ids[self.at] if self.puzzle_ids else None
        self.panel: WhatIf | None = whatif_for(d, pid) if d and pid else None
        self.highlight, self.applied = 0, None
        self._layout()

    def go(self, step: int) -> None:
        if self.puzzle_ids:
            self.at = (self.at + step) % len(self.puzzle_ids)
            self._load()

    def move(self, step: int) -> None:
        if self.panel and self.panel.toggles:
            self.highlight = max(0, min(len(self.panel.toggles) - 1, self.highlight + step))
            self.group.focus(None)
            self._layout()

    def apply(self, index: int) -> None:
        self.highlight = index
        self.applied = None if self.applied == index else index
        self._layout()

    @property
    def changes(self) -> list[CaseChange]:
        return self._changes

    def _layout(self) -> None:
        d, panel = self.data.debrief, self.panel
        self._changes: list[CaseChange] = []
        self.toggle_rows = []
        self.result_blocks = []
        if panel is None or d is None:
            self.title, self.subtitle = self.s("whatif"), self.s("no_whatif")
            return
        puzzle = d.puzzle(panel.puzzle.id)
        self.title = f"{self.s('whatif')} · {puzzle.title if puzzle else panel.puzzle.id}"
        self.subtitle = self.s("whatif_help")
        visible = max(1, (BAR_Y - theme.SPACE_M - TOP) // (_TOGGLE_H + theme.SPACE_S))
        first = max(0, min(self.highlight - visible + 1, len(panel.toggles) - visible))
        first = min(first, self.highlight)
        for i, toggle in enumerate(panel.toggles[first:first + visible]):
            index = first + i
            rect = pygame.Rect(M, TOP + i * (_TOGGLE_H + theme.SPACE_S), _TOGGLE_W, _TOGGLE_H)
            label = _clip(self.ctx, toggle.label, "regular", SMALL, _TOGGLE_TEXT_W, 2)
            self.toggle_rows.append((index, rect, label, toggle.now))
        x = M + _TOGGLE_W + theme.SPACE_L
        width = CANVAS.right - M - x
        self.result_rect = pygame.Rect(x, TOP, width, BAR_Y - theme.SPACE_M - TOP)
        inner = width - 48
        y = TOP + 20
        blocks: list[tuple[str, Any, Any, pygame.Rect]] = []

        def add(kind: str, payload: Any, extra: Any, height: int) -> bool:
            nonlocal y
            if y + height > self.result_rect.bottom - 12:
                return False
            blocks.append((kind, payload, extra, pygame.Rect(x + 24, y, inner, height)))
            y += height + theme.SPACE_S
            return True

        toggle = panel.toggles[self.highlight]
        head = _clip(self.ctx, toggle.label, "bold", BODY, inner, 1)
        add("head", head, None, self.ctx.text.render(head, "bold", BODY, theme.TEXT, inner).get_height())
        if self.applied != self.highlight:
            add("muted", f"{toggle.now}. {self.s('switch_on')}", None, 52)
        else:
            changes = panel.recompute(toggle)
            self._changes = changes
            changed = [c for c in changes if c.changed]
            if not changed:
                add("text", self.s("nothing_changes"), None, 56)
            shown = 0
            for c in changed:
                to = self.s("to", x=short_label(c.recipient))
                room = inner - 40 - self.ctx.fonts.text_width(f" · {to}", "bold", SMALL)
                item = _clip(self.ctx, short_label(c.item), "bold", SMALL, max(200, room), 1)
                what = _clip(self.ctx, f"{item} · {to}", "bold", SMALL, inner - 40, 1)
                why = _clip(self.ctx, c.explanation, "regular", SMALL, inner - 40, 2)
                why_h = self.ctx.text.render(why, "regular", SMALL, theme.TEXT, inner - 40).get_height()
                if not add("change", (what, why, c), None, 126 + why_h):
                    add("muted", self.s("more_changes", n=len(changed) - shown), None, 50)
                    break
                shown += 1
            effects = [e for e in panel.team_effects(toggle, d) if e.right_before != e.right_after]
            if effects:
                text = "; ".join(f"{e.team} {e.right_before} naar {e.right_after}" for e in effects)
                text = _clip(self.ctx, self.s("effect", x=text), "regular", SMALL, inner, 2)
                add("text", text, None, self.ctx.text.render(text, "regular", SMALL, theme.TEXT, inner).get_height())
            same = len(changes) - len(changed)
            if same:
                add("muted", self.s("unchanged", n=same), None, 50)
        self.result_blocks = blocks

    def handle_event(self, event: pygame.event.Event) -> bool:
        if (event.type == pygame.KEYDOWN and event.key in (pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER)
                and not self.button_has_keyboard_focus() and self.panel and self.panel.toggles):
            self.apply(self.highlight)
            return True
        return super().handle_event(event)

    def tap(self, pos: tuple[int, int]) -> bool:
        for index, rect, _, _ in self.toggle_rows:
            if rect.collidepoint(pos):
                self.group.focus(None)
                self.apply(index)
                return True
        return False

    def draw_body(self, surface: pygame.Surface) -> None:
        if self.panel is None:
            return
        for index, rect, label, now in self.toggle_rows:
            on = index == self.applied
            chosen = index == self.highlight
            _panel(surface, rect, theme.SURFACE_RAISED if chosen else theme.SURFACE,
                   theme.FOCUS if chosen else theme.BORDER, 6 if chosen else theme.BORDER_WIDTH)
            switch = pygame.Rect(rect.x + 20, rect.centery - 26, 88, 52)
            pygame.draw.rect(surface, theme.ACCENT if on else theme.BG, switch, border_radius=26)
            pygame.draw.rect(surface, theme.TEXT, switch, 4, border_radius=26)
            knob = (switch.right - 26, switch.centery) if on else (switch.x + 26, switch.centery)
            pygame.draw.circle(surface, theme.TEXT, knob, 18)
            _draw_text(self.ctx, surface, label, pygame.Rect(switch.right + 22, rect.y + 6, _TOGGLE_TEXT_W,
                                                             rect.height - 12), size=SMALL, valign="middle")
        _panel(surface, self.result_rect)
        for kind, payload, _, box in self.result_blocks:
            if kind == "head":
                _draw_text(self.ctx, surface, payload, box, role="bold", size=BODY)
            elif kind == "muted":
                _draw_text(self.ctx, surface, payload, box, size=SMALL, colour=theme.TEXT_MUTED, valign="middle")
            elif kind == "text":
                _draw_text(self.ctx, surface, payload, box, size=SMALL)
            elif kind == "change":
                what, why, change = payload
                pygame.draw.rect(surface, theme.SURFACE_RAISED, box, border_radius=theme.RADIUS)
                pygame.draw.rect(surface, theme.ACCENT, box, 6, border_radius=theme.RADIUS)
                row = pygame.Rect(box.x + 20, box.y + 10, box.width - 40, 52)
                tag = self.ctx.text.render(self.s("changed"), "bold", SMALL, theme.ACCENT)
                surface.blit(tag, (row.x, row.centery - tag.get_height() // 2))
                old, new = _verdict_look(self.ctx, change.old), _verdict_look(self.ctx, change.new)
                x = row.x + tag.get_width() + 24
                fonts = self.ctx.fonts
                old_w = 48 + fonts.text_width(old.word, "bold", SMALL) + 4
                becomes = self.ctx.text.render(self.s("becomes"), "regular", SMALL, theme.TEXT_MUTED)
                _icon_word(self.ctx, surface, old, pygame.Rect(x, row.y, old_w, row.height), icon_size=36)
                x += old_w + 16
                surface.blit(becomes, (x, row.centery - becomes.get_height() // 2))
                x += becomes.get_width() + 16
                _icon_word(self.ctx, surface, new, pygame.Rect(x, row.y, row.right - x, row.height), icon_size=36)
                _draw_text(self.ctx, surface, what, pygame.Rect(box.x + 20, box.y + 66, box.width - 40, 50),
                           role="bold", size=SMALL, valign="middle")
                _draw_text(self.ctx, surface, why, pygame.Rect(box.x + 20, box.y + 118, box.width - 40,
                                                               box.height - 124), size=SMALL)


# --------------------------------------------------------------------------------------------------- entry points


def _data(sessions: Any, lang: str, selected: Sequence[str] | None = None) -> DebriefData:
    if isinstance(sessions, SessionSet):
        found = sessions
    elif sessions and all(isinstance(s, TeamSession) for s in sessions):
        found = SessionSet(sessions=list(sessions))
        selected = selected or [s.session_id for s in sessions]
    else:
        found = load_sessions([Path(p) for p in (sessions or [])])
    return DebriefData(found, lang=lang, selected=list(selected or []))


def debrief_scene(saves_dir: Path | str, ctx: UiContext) -> Scene:
    """The debrief for the title screen: the overview of the newest training in ``saves_dir``, or the session
    chooser when there is nothing to show yet. Esc leads back to the scene below."""
    data = _data(load_sessions([Path(saves_dir)]), ctx.lang)
    return OverviewScene(ctx, data) if data.debrief else SessionsScene(ctx, data)


SCENES = {"sessies": SessionsScene, "overzicht": OverviewScene, "puzzel": PuzzleScene, "tijdlijn": TimelineScene,
          "watals": WhatIfScene}


def first_scene(ctx: UiContext, data: DebriefData, start: str = "overzicht", **state: Any) -> Scene:
    """The scene to open with (``start``: sessies, overzicht, puzzel, tijdlijn, watals); used by run_debrief,
    the screenshots and the tests. ``state`` sets scene attributes (e.g. ``item=2``, ``mode="uitleg"``)."""
    if data.debrief is None or start == "sessies":
        return SessionsScene(ctx, data)
    if start == "puzzel":
        scene: Scene = PuzzleScene(ctx, data, index=int(state.pop("index", 0)))
    elif start == "tijdlijn":
        scene = TimelineScene(ctx, data, team=int(state.pop("team", 0)))
    elif start == "watals":
        ids = [p.id for p in data.puzzles() if whatif_for(data.debrief, p.id)]
        scene = WhatIfScene(ctx, data, str(state.pop("puzzle", ids[0] if ids else "")))
        apply = state.pop("apply", None)
        if apply is not None and scene.panel is not None:
            index = next((i for i, t in enumerate(scene.panel.toggles) if t.id == apply), 0)
            scene.apply(index)
    else:
        scene = OverviewScene(ctx, data)
    for key, value in state.items():
        setattr(scene, key, value)
    layout = getattr(scene, "_layout", None)
    if state and layout is not None:
        layout()
    return scene


def run_debrief(sessions: Any, *, window: bool = False, headless: bool = False, frames: int = 0,
                screenshot: Path | str | None = None, lang: str = "nl", selected: Sequence[str] | None = None,
                start: str = "overzicht", **state: Any) -> int:
    """Open the debrief on the big screen. ``sessions``: a SessionSet, a list of TeamSessions or paths.
    Headless (tests, screenshots) renders ``frames`` frames (at least one) and saves ``screenshot``."""
    if headless:
        os.environ["SDL_VIDEODRIVER"] = "dummy"
        os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    holder: dict[str, DebriefData] = {}

    def make(ctx: UiContext) -> Scene:
        holder["data"] = _data(sessions, lang, selected)
        return first_scene(ctx, holder["data"], start, **state)

    app = App(make, lang=lang, fullscreen=not window and not headless,
              title=f"{_t(lang, 'title')} — Privacy Escape Room")
    if headless:
        app.run(frames=max(1, frames), screenshot=screenshot)
    else:
        app.run(frames=frames or None, screenshot=screenshot)
    return 0
