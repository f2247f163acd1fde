"""The debrief on the big screen (1920x1080, readable from 4 m: body text >= 36 px, titles 72 px): the facilitator
walks the group through the teams' decisions for the intervisie. The data come from ``escaperoom.debrief``.

    SessionsScene   choose the sessions (teams) to compare            -> OverviewScene
    OverviewScene   teams with their counts, and the privacy compass   -> PuzzleScene, TimelineScene, SessionsScene
    PuzzleScene     per puzzle: items x teams grid, explanation, reasons and intervisie questions -> WhatIfScene
    TimelineScene   one team's journal step by step (replay)
    WhatIfScene     flip one fact of a puzzle; changed verdicts framed and marked VERANDERT

Every control is a big button (mouse, touch) and a key: arrows move, Tab/Shift+Tab walk the buttons, Enter and
Space activate, Esc goes back. Verdicts and errors always show an icon shape and a word, never colour alone.
What does not fit is paged — PgUp/PgDn, or a tap on the line that says "pagina 1 van 3" or "nog 42 teams" — and
never left out without a word; a name too long for its place is cut with '…'.
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
    ERROR_WORDS, FIRST, LAST, Debrief, PuzzleSummary, SessionSet, StepText, TeamSession,
    build_debrief, load_sessions, short_label, typed_by,
)
from escaperoom.debrief.compass import counted, place_labels, spots
from escaperoom.debrief.whatif import CaseChange, WhatIf, whatif_for
from escaperoom.strings import Catalogue
from escaperoom.ui import theme
from escaperoom.ui.app import App
from escaperoom.ui.context import UiContext
from escaperoom.ui.draw import draw_text, panel
from escaperoom.ui.fonts import Role
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


def _clip_label(ctx: UiContext, label: str, answer: str, role: Role, size: int, width: int, lines: int = 1) -> str:
    """``label answer`` fitted into ``lines`` lines by shortening the label (with '…'), so that what the team
    answered stays whole; only when even "… answer" does not fit is the whole text cut at its end."""
    height = lines * ctx.fonts.line_height(role, size)
    whole = f"{label} {answer}"
    if ctx.text.fits(whole, role, size, width, height):
        return whole
    colon = ":" if label.endswith(":") else ""
    words = label.rstrip(":").split()
    lo, hi = 0, len(words)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if ctx.text.fits(" ".join(words[:mid]) + f" …{colon} {answer}", role, size, width, height):
            lo = mid
        else:
            hi = mid - 1
    if lo:
        return " ".join(words[:lo]) + f" …{colon} {answer}"
    return _clip(ctx, whole, role, size, width, lines)


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
    draw_text(ctx, surface, look.word, pygame.Rect(x, box.y, box.right - x, box.height),
               role="bold" if bold else "regular", size=size, colour=look.colour, valign=valign)


# --------------------------------------------------------------------------------------------------- pages of text


@dataclass
class _Block:
    """One piece of a paged text area: a heading, a paragraph, an answer group with its icon, a verdict badge...
    ``height`` is measured at layout time; ``rect`` is set when the block is given its place on a page."""

    kind: str
    text: str
    role: Role = "regular"
    size: int = SMALL
    look: _Look | None = None
    indent: int = 0  # room on the left (an icon)
    gap: int = 0  # space above the block (dropped at the top of a page)
    colour: Colour = theme.TEXT
    payload: Any = None
    height: int = 0
    keep: bool = False  # stays on the page of the block after it (a heading, a verdict badge)
    stick: bool = False  # stays on the page of the block before it (the articles and notes of a verdict)
    rect: pygame.Rect = field(default_factory=pygame.Rect)


def _measure(ctx: UiContext, block: _Block, width: int, room: int) -> None:
    """Set ``block.height`` for wrapping at ``width``; a block taller than a whole page is cut at a word with
    '…' to what fits (it then still says that it goes on)."""
    line = ctx.fonts.line_height(block.role, block.size)
    inner = width - block.indent
    if not ctx.text.fits(block.text, block.role, block.size, inner, room):
        block.text = _clip(ctx, block.text, block.role, block.size, inner, max(1, room // line))
    rendered = ctx.text.render(block.text, block.role, block.size, theme.TEXT, inner)
    block.height = max(block.height, rendered.get_height())


def _paginate(ctx: UiContext, blocks: list[_Block], area: pygame.Rect) -> list[list[_Block]]:
    """Blocks flowed onto pages of ``area`` (as many as fit, in order, none left out); each block gets its rect.
    A heading is never left alone at the bottom of a page."""
    for block in blocks:
        _measure(ctx, block, area.width, area.height)
    pages: list[list[_Block]] = [[]]
    y = area.y
    for i, block in enumerate(blocks):
        gap = block.gap if pages[-1] else 0
        need = gap + block.height
        if (block.keep or block.kind.endswith("head")) and i + 1 < len(blocks):
            need += blocks[i + 1].gap + blocks[i + 1].height  # keep a heading with what follows it
            for later in blocks[i + 2:]:  # ... and with the blocks that stick to that
                if not later.stick:
                    break
                need += later.gap + later.height
        if pages[-1] and y + need > area.bottom:
            pages.append([])
            y, gap = area.y, 0
        block.rect = pygame.Rect(area.x + block.indent, y + gap, area.width - block.indent, block.height)
        pages[-1].append(block)
        y += gap + block.height
    return pages


def _page_note(ctx: UiContext, lang: str, page: int, pages: int) -> str:
    """ "pagina 2 van 3 · PgDn" (the key that leads on; PgUp on the last page), or "" for a single page."""
    if pages <= 1:
        return ""
    return _t(lang, "page_of", i=page + 1, n=pages) + (" · PgDn" if page + 1 < pages else " · PgUp")


def _draw_note(ctx: UiContext, surface: pygame.Surface, note: str, rect: pygame.Rect) -> None:
    """A muted line at the right of ``rect`` ("pagina 1 van 3 · PgDn")."""
    if note:
        rendered = ctx.text.render(note, "regular", SMALL, theme.TEXT_MUTED)
        surface.blit(rendered, (rect.right - rendered.get_width(), rect.centery - rendered.get_height() // 2))


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
        draw_text(self.ctx, surface, self.title, TITLE, role="bold", size=theme.TEXT_TITLE, valign="middle",
                  min_size=theme.TEXT_MIN)
        draw_text(self.ctx, surface, self.subtitle, SUB, size=SMALL, colour=theme.TEXT_MUTED, valign="middle")
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
        room = BAR_Y - TOP - (110 if self.data.found.broken else 16) + theme.SPACE_S  # no gap after the last row
        return max(1, room // step)

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
            phase = self.s(f"phase_{s.phase}" if s.phase in ("ontsnapt", "tijd_op", "beeindigd") else "phase_open")
            self.lines.append((s.team, f"{s.casus_title} · {when} · {phase} · "
                                       + self.s("recorded", n=s.decisions)))
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
            panel(surface, rect, theme.SURFACE_RAISED if on else theme.SURFACE,
                   theme.FOCUS if index == self.highlight else theme.BORDER,
                   6 if index == self.highlight else theme.BORDER_WIDTH)
            box = pygame.Rect(rect.x + 32, rect.centery - 32, 64, 64)
            pygame.draw.rect(surface, theme.TEXT, box, 5, border_radius=10)
            if on:
                draw_icon(surface, Icon.CHECK, box.inflate(-14, -14), theme.GREEN)
            team, line = self.lines[index]
            text_x = box.right + 36
            draw_text(self.ctx, surface, team, pygame.Rect(text_x, rect.y + 10, rect.right - text_x - 24, 58),
                       role="bold", size=BODY, valign="middle")
            draw_text(self.ctx, surface, line, pygame.Rect(text_x, rect.y + 68, rect.right - text_x - 24, 50),
                       size=SMALL, colour=theme.TEXT_MUTED, valign="middle")
        if self.row_rects and (self.rows_left or self.first_row):  # on the subtitle's line, at the right
            what = self.s("session_one" if self.rows_left == 1 else "session_many")
            notes = ([self.s("more_above", n=self.first_row)] if self.first_row else []) + (
                [self.s("more_rows", n=self.rows_left, what=what)] if self.rows_left else [])
            note = " · ".join(notes)
            _draw_note(self.ctx, surface, note, SUB)
        if self.footer:
            draw_text(self.ctx, surface, self.footer, pygame.Rect(M, BAR_Y - 100, WIDTH, 90), size=SMALL,
                       colour=theme.AMBER)


# --------------------------------------------------------------------------------------------------- overview


@dataclass
class _CompassLayout:
    rect: pygame.Rect
    plot: pygame.Rect
    ticks: list[tuple[int, int, int]]  # value, x, y
    points: list[tuple[tuple[int, int], str, pygame.Rect, bool]]  # centre, label ("" = none), box, leader line
    y_label: pygame.Surface
    top_value: int
    complete: bool = True  # every team at every dot is named in full
    counts: list[int] = field(default_factory=list)  # per point: the number of teams its dot shows (0 = none)


_DOT_R = 24  # a compass dot that shows its number of teams (two digits at 36 px fit)


def _compass_layout(ctx: UiContext, rect: pygame.Rect, points: list[tuple[str, int, int]], lang: str) -> _CompassLayout:
    """Where the compass's dots, axis numbers and team names go. Names are placed by ``debrief.compass``: next to
    their dot, inside the panel, never over a dot, an axis number or the axis titles; a crowded dot gets
    "Team A, Team B (+46)", a long name '…'."""
    plot = pygame.Rect(rect.x + 124, rect.y + 84, rect.width - 160, rect.height - 200)
    top_value = max([3, *(p[1] for p in points), *(p[2] for p in points)]) + 1
    step = 1 if top_value <= 6 else 2 if top_value <= 12 else 5

    def at(vx: float, vy: float) -> tuple[int, int]:
        return (round(plot.x + plot.width * vx / top_value), round(plot.bottom - plot.height * vy / top_value))

    ticks = [(v, *at(v, v)) for v in range(0, top_value + 1, step)]
    tick_h = ctx.fonts.line_height("regular", SMALL)
    obstacles: list[tuple[float, float, float, float]] = []
    for value, x, y in ticks:
        w = ctx.fonts.text_width(str(value), "regular", SMALL)
        obstacles.append((x - w / 2 - 4, plot.bottom + 18, x + w / 2 + 4, plot.bottom + 22 + tick_h))
        obstacles.append((plot.x - w - 32, y - tick_h / 2, plot.x - 24, y + tick_h / 2))
    title_w = ctx.fonts.text_width(_t(lang, "compass"), "bold", BODY)
    obstacles.append((rect.x + 20, rect.y + 8, rect.x + 28 + title_w, rect.y + 72))
    note_w = ctx.fonts.text_width(_t(lang, "compass_count"), "regular", SMALL)  # "getal = aantal teams"
    obstacles.append((rect.right - 28 - note_w, rect.y + 8, rect.right - 20, rect.y + 72))
    x_w = 52 + ctx.fonts.text_width(_t(lang, "axis_x"), "bold", SMALL)
    obstacles.append((plot.centerx - x_w / 2 - 4, plot.bottom + 68, plot.centerx + x_w / 2 + 4, plot.bottom + 120))
    line = ctx.fonts.line_height("bold", SMALL)
    inside = rect.inflate(-2 * theme.SPACE_M, -2 * theme.SPACE_M)  # labels keep clear of the panel's border
    bounds = (plot.x + 6, inside.y, inside.right, plot.bottom + 12)

    def measure(text: str) -> float:
        return ctx.fonts.text_width(text, "bold", SMALL)

    placed = place_labels(spots(points), at, measure, line, bounds, obstacles, dot_radius=_DOT_R, gap=8)
    laid = [((round(p.centre[0]), round(p.centre[1])), p.text,
             pygame.Rect(round(p.box[0]), round(p.box[1]), round(p.box[2] - p.box[0]), round(p.box[3] - p.box[1])),
             p.far) for p in placed]
    counts = [len(p.spot.teams) if counted(p) else 0 for p in placed]
    broad = _error_look(ctx, "te_ruim")
    y_label = pygame.transform.rotate(ctx.text.render(_t(lang, "axis_y"), "bold", SMALL, broad.colour), 90)
    return _CompassLayout(rect, plot, ticks, laid, y_label, top_value, all(p.complete for p in placed), counts)


def _draw_compass(ctx: UiContext, surface: pygame.Surface, lay: _CompassLayout, lang: str) -> None:
    panel(surface, lay.rect)
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
    cautious, broad = _error_look(ctx, "te_voorzichtig"), _error_look(ctx, "te_ruim")  # the table's icons
    x_label = ctx.text.render(_t(lang, "axis_x"), "bold", SMALL, cautious.colour)
    icon_box = pygame.Rect(0, 0, 40, 40)
    total = icon_box.width + 12 + x_label.get_width()
    icon_box.topleft = (plot.centerx - total // 2, plot.bottom + 74)
    if cautious.icon is not None:
        draw_icon(surface, cautious.icon, icon_box, cautious.colour, theme.SURFACE)
    surface.blit(x_label, (icon_box.right + 12, plot.bottom + 72))
    warn_box = pygame.Rect(lay.rect.x + 14, plot.y, 40, 40)
    if broad.icon is not None:
        draw_icon(surface, broad.icon, warn_box, broad.colour, theme.SURFACE)
    surface.blit(lay.y_label, (lay.rect.x + 14, warn_box.bottom + 10))
    draw_text(ctx, surface, _t(lang, "compass"), pygame.Rect(lay.rect.x + 24, lay.rect.y + 12, lay.rect.width - 48,
                                                              56), role="bold", size=BODY, valign="middle")
    for centre, label, box, far in lay.points:
        if label and (far or abs(box.centery - centre[1]) > box.height // 2):  # not level with its dot
            near = (min(max(centre[0], box.x), box.right), min(max(centre[1], box.y + 6), box.bottom - 6))
            pygame.draw.line(surface, theme.TEXT_MUTED, centre, near, 3)
    for (centre, _, _, _), count in zip(lay.points, lay.counts):
        if count:  # the number of teams at this dot, dark on the accent
            pygame.draw.circle(surface, theme.BG, centre, _DOT_R + 3)
            pygame.draw.circle(surface, theme.ACCENT, centre, _DOT_R)
            number = ctx.text.render(str(count), "bold", SMALL, theme.TEXT_ON_ACCENT)
            surface.blit(number, number.get_rect(center=centre))
        else:
            pygame.draw.circle(surface, theme.BG, centre, 19)
            pygame.draw.circle(surface, theme.ACCENT, centre, 15)
    for _, label, box, _ in lay.points:
        if label:
            surface.blit(ctx.text.render(label, "bold", SMALL, theme.TEXT), box.topleft)
    if any(lay.counts):  # what the numbers mean, on the title's line
        _draw_note(ctx, surface, _t(lang, "compass_count"),
                   pygame.Rect(lay.rect.x + 24, lay.rect.y + 12, lay.rect.width - 48, 56))


class OverviewScene(_DebriefScene):
    """The teams side by side: per team solved rooms and how often goed / te ruim / te voorzichtig / verkeerde
    grondslag (icon + number, a legend in words), and the privacy compass (te ruim against te voorzichtig).
    More teams than fit are paged ("teams 1–8 van 50 · nog 42 teams: PgDn"; a tap on that line turns the page).
    Controls: Enter opens the puzzles, T the timeline, K choose teams, V order (casus / most divided first),
    E count first or last try, PgUp/PgDn more teams, Tab between the buttons, Esc closes. Leads to PuzzleScene,
    TimelineScene, SessionsScene."""

    def __init__(self, ctx: UiContext, data: DebriefData):
        super().__init__(ctx, data)
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
            self.rows, self.compass = [], None
            self.warning = ""
            self.pages = 1
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
            self.rows.append((_clip(self.ctx, s.label, "bold", SMALL, 368), f"{s.solved}/{rooms}", str(s.right),
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
        self.compass = _compass_layout(self.ctx, compass_rect, d.compass, self.data.lang)

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
        panel(surface, table)
        head_y = table.y + 12
        looks = [None, None, _error_look(self.ctx, None), _error_look(self.ctx, "te_ruim"),
                 _error_look(self.ctx, "te_voorzichtig"), _error_look(self.ctx, "verkeerde_grondslag")]
        heads = [self.s("team"), self.s("solved")]
        for i, (x, w) in enumerate(self._COLUMNS):
            cell = pygame.Rect(table.x + 24 + x, head_y, w - 12, 60)
            if i < 2:
                draw_text(self.ctx, surface, heads[i], cell, role="bold", size=SMALL, colour=theme.TEXT_MUTED,
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
        for i, look in enumerate(looks[2:]):
            box = pygame.Rect(table.x + 24 + (i % 2) * half, table.bottom - 114 + (i // 2) * 52, half - 12, 48)
            _icon_word(self.ctx, surface, look, box, icon_size=36, bold=False)
        _draw_compass(self.ctx, surface, self.compass, self.data.lang)
        if self.warning:
            box = pygame.Rect(M, BAR_Y - theme.SPACE_L - 92, WIDTH, 92)
            draw_icon(surface, Icon.WARNING, pygame.Rect(box.x, box.y + 8, 44, 44), theme.AMBER)
            draw_text(self.ctx, surface, self.warning, box.inflate(-64, 0).move(32, 0), size=SMALL,
                       colour=theme.AMBER)


# --------------------------------------------------------------------------------------------------- puzzle


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


class PuzzleScene(_DebriefScene):
    """One puzzle across the teams, in three views. Beslissingen: a grid of items x teams, each cell the
    verdict word with its icon for the counted try, and below it how the teams spread ("3 van de 5 teams ...",
    the item's label shortened until the recipient fits) for the chosen item. Uitleg: for the chosen item every
    answer group, the law's verdict per recipient with the engine's explanation and the articles, and — when the
    casus on this computer is missing or another version — the explanation the teams saw, from their journals.
    Redenen & vragen: the teams' typed reasons and the intervisie questions. Text that does not fit is paged,
    never dropped ("pagina 1 van 3 · PgDn"; a tap on that line turns the page). Controls: Left/Right puzzle,
    Up/Down item, PgUp/PgDn more teams (grid) or the next page (other views), U explanation, R reasons,
    W what-if, Tab to the buttons, Esc back to the overview. Leads to WhatIfScene."""

    def __init__(self, ctx: UiContext, data: DebriefData, index: int = 0):
        super().__init__(ctx, data)
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
            self.stack.push(WhatIfScene(self.ctx, self.data, p.id))

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
            self.note = _page_note(self.ctx, self.data.lang, self.text_page, self.text_pages)
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
            label = _clip(self.ctx, short_label(it.label), "bold", SMALL, _ITEM_W - 40, 2)
            cells = []
            for team in self.shown_teams:
                decision = p.decision(team, it.key, first=p.basis == FIRST)
                cells.append(None if decision is None else _error_look(self.ctx, decision.error))
            self.row_rects.append((first + r, rect, label))
            self.cells.append(cells)
        self.heads = [_clip(self.ctx, t.label, "bold", SMALL, self.col_w - 24, 2) for t in self.shown_teams]
        # the spread of the chosen item right under the grid, in the height left: a line per answer group (two
        # when a sentence cannot be shortened to one, as a dilemma's option), and a count of what did not fit
        grid_bottom = _GRID_TOP + _HEAD_H + visible * _ROW_H + (50 if self.rows_left else 0)
        self.spread_top = grid_bottom + theme.SPACE_S
        room = WIDTH - 56
        bottom = BAR_Y - theme.SPACE_M
        self.spread = []
        if item is None:
            return
        if not groups:
            self.spread.append((None, item.sentence, _LINE_H))
            return
        lines = [(_error_look(self.ctx, g.error), self._sentence(g, item, room)) for g in groups]
        if item.not_reached:
            lines.append((None, _clip(self.ctx, f"{self.s('not_played')}: {', '.join(item.not_reached)}", "regular",
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
            text = g.phrase(short_label(item.label, limit) if limit < 200 else item.label)
            if self.ctx.text.fits(text, "regular", SMALL, width, line):
                return text
        for limit in (200, 44, 26):
            text = g.phrase(short_label(item.label, limit) if limit < 200 else item.label)
            if self.ctx.text.fits(text, "regular", SMALL, width, 2 * line):
                return text
        return _clip(self.ctx, g.phrase(short_label(item.label, 26)), "regular", SMALL, width, 2)

    def _layout_explain(self, p: PuzzleSummary) -> None:
        item = p.items[self.item] if p.items else None
        blocks: list[_Block] = []
        self.explain_pages: list[list[_Block]] = []
        self.explain_boxes: list[_Block] = []
        if item is None:
            return
        blocks.append(_Block("head", f"{self.item + 1}/{len(p.items)} · {item.label}", "bold", BODY, height=0))
        blocks.append(_Block("text", self.s("law", x=item.expected), gap=theme.SPACE_S))
        for i, g in enumerate(item.groups):
            blocks.append(_Block("group", f"{g.short} ({_team_names(g.teams, i == 0 and len(item.groups) > 1)})",
                                 look=_error_look(self.ctx, g.error), indent=60, gap=6))
        if item.not_reached:
            blocks.append(_Block("text", f"{self.s('not_played')}: {', '.join(item.not_reached)}", gap=6))
        d = self.data.debrief
        if item.seen and d is not None:
            note = self.s("seen_missing") if d.loaded is None else self.s("seen_other", x=", ".join(d.other_version))
            blocks.append(_Block("seen_head", self.s("seen_head"), "bold", SMALL, colour=theme.ACCENT,
                                 gap=theme.SPACE_M))
            blocks.append(_Block("muted", note, colour=theme.TEXT_MUTED))
            for v in item.seen:
                blocks.append(_Block("group", f"{v.answer}: {v.explanation} ({', '.join(v.teams)})",
                                     look=_error_look(self.ctx, v.error), indent=60, gap=6))
        for view in item.law:
            blocks.append(_Block("verdict", f"{self.s('to', x=view.recipient)} (regel {view.rule})",
                                 look=_verdict_look(self.ctx, view.decision), indent=424, gap=theme.SPACE_M,
                                 height=52, keep=True))
            blocks.append(_Block("text", view.explanation, gap=4))
            if view.citations:
                blocks.append(_Block("muted", self.s("articles", x=", ".join(c for _, c, _ in view.citations)),
                                     colour=theme.TEXT_MUTED, gap=4, stick=True))
            for note in view.uncertain:  # the game told the team "bespreek het in de nabespreking": here it is
                blocks.append(_Block("muted", self.s("uncertain", x=note), colour=theme.ACCENT, gap=4, stick=True))
        area = pygame.Rect(M, TOP, WIDTH, BAR_Y - theme.SPACE_M - TOP)
        self.explain_pages = _paginate(self.ctx, blocks, area)
        self.text_pages = len(self.explain_pages)
        self.explain_boxes = self.explain_pages[min(self.text_page, self.text_pages - 1)]

    def _layout_reasons(self, p: PuzzleSummary) -> None:
        half = (WIDTH - theme.SPACE_XL) // 2
        self.reason_half = half
        reasons: list[_Block] = []
        for reason, teams in p.reason_groups():  # the quote, then who typed it (muted; many teams: counted)
            who = typed_by(teams) if len(teams) <= 3 else f"{len(teams)} teams: {typed_by(teams)}"
            reasons.append(_Block("reason", reason, indent=12, gap=theme.SPACE_M, keep=True))
            reasons.append(_Block("reason_who", "— " + _clip(self.ctx, who, "regular", SMALL, half - 52 - 40, 2),
                                  indent=12, colour=theme.TEXT_MUTED))
        questions = [_Block("question", f"{i}. {q}", "bold", BODY, gap=theme.SPACE_M)
                     for i, q in enumerate(p.intervisie, 1)]
        top = TOP + 76
        bottom = BAR_Y - theme.SPACE_M - 16
        left = _paginate(self.ctx, reasons, pygame.Rect(M + 20, top, half - 40, bottom - top)) if reasons else [[]]
        right = (_paginate(self.ctx, questions, pygame.Rect(M + half + theme.SPACE_XL + 20, top, half - 40,
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
        _draw_note(self.ctx, surface, self.note, self.note_rect)

    def _draw_grid(self, surface: pygame.Surface) -> None:
        head = pygame.Rect(M, _GRID_TOP, _ITEM_W + self.col_w * len(self.shown_teams), _HEAD_H)
        draw_text(self.ctx, surface, self.s("item"), pygame.Rect(M + 20, head.y, _ITEM_W - 40, _HEAD_H),
                   role="bold", size=SMALL, colour=theme.TEXT_MUTED, valign="middle")
        for c, label in enumerate(self.heads):
            box = pygame.Rect(M + _ITEM_W + c * self.col_w + 12, head.y, self.col_w - 24, _HEAD_H)
            draw_text(self.ctx, surface, label, box, role="bold", size=SMALL, valign="middle")
        for (index, rect, label), cells in zip(self.row_rects, self.cells):
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
                    _icon_word(self.ctx, surface, look, box, icon_size=36)
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
                draw_icon(surface, block.look.icon, pygame.Rect(M, box.y + 2, 40, 40), block.look.colour)
                draw_text(self.ctx, surface, block.text, box, size=block.size)
            elif block.kind == "verdict":
                badge = pygame.Rect(M, box.y, 400, 52)
                panel(surface, badge, theme.SURFACE, block.look.colour, 4)
                _icon_word(self.ctx, surface, block.look, badge.inflate(-24, -8))
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


# --------------------------------------------------------------------------------------------------- timeline


_STEP_ROW = 62
_LIST_W = 680
_WORD_W = 260  # the verdict words' column in a step's detail


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
        self.detail = self._detail(current, x + 24, width)

    def _detail(self, current: StepText, x: int, width: int) -> list[tuple]:
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
            out: list[tuple] = []
            head = _clip(self.ctx, f"{current.clock} · {current.headline}", "bold", BODY, width, head_lines)
            h = text.render(head, "bold", BODY, theme.TEXT, width).get_height() + 16
            out.append(("head", None, head, pygame.Rect(x, top, width, h), BODY, "bold", None))
            y = top + h
            for line in current.lines:
                look = self._status_look(line.status)
                word_w = column - 20 if line.text else width - 60
                word = _clip(self.ctx, line.word, "bold", SMALL, word_w, 2)
                word_h = text.render(word, "bold", SMALL, theme.TEXT, word_w).get_height()
                word_box = pygame.Rect(x + 60, y, word_w, word_h)
                rest_w = width - 60 - column
                lines_each = lines_right if line.status == "goed" else lines_wrong
                if line.answer:
                    rest = _clip_label(self.ctx, line.label, line.answer, "regular", SMALL, rest_w, lines_each)
                else:
                    rest = _clip(self.ctx, line.text, "regular", SMALL, rest_w, lines_each) if line.text else ""
                rest_h = text.render(rest, "regular", SMALL, theme.TEXT, rest_w).get_height() if rest else 0
                h = max(lh, word_h, rest_h) + 6
                out.append(("line", look, rest, pygame.Rect(x + 60 + column, y, rest_w, h), SMALL, "regular",
                            (word, word_box)))
                y += h
            if current.reason:
                reason = _clip(self.ctx, self.s("reason", x=current.reason), "regular", SMALL, width - 30,
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


# --------------------------------------------------------------------------------------------------- what if


_TOGGLE_W = 740
_TOGGLE_TEXT_W = _TOGGLE_W - 20 - 88 - 22 - 24
_TOGGLE_LINES = 4  # a fact's question wraps to up to four lines (its row grows), never cut at two


class WhatIfScene(_DebriefScene):
    """'Maar wat als …?' for one puzzle: on the left the facts to flip (the puzzle's situation facts, acute
    danger, consent; each question in full, the list scrolls), on the right what the rule engine now decides —
    every verdict that changes is framed and marked VERANDERT with the old and the new verdict (icon + word) and
    the new explanation; below it every team whose score would change ("Team Oost 4 → 2"), in columns. What does
    not fit is paged ("pagina 1 van 2 · PgDn"; a tap on it turns the page). Controls: Up/Down choose a fact,
    Enter/Space or a tap switches it on or off (one at a time), Left/Right other puzzle, PgUp/PgDn page,
    Tab to the buttons, Esc back to the puzzle."""

    def __init__(self, ctx: UiContext, data: DebriefData, puzzle_id: str):
        super().__init__(ctx, data)
        self.puzzle_ids = [p.id for p in data.puzzles() if data.debrief and whatif_for(data.debrief, p.id)]
        self.at = self.puzzle_ids.index(puzzle_id) if puzzle_id in self.puzzle_ids else 0
        self.highlight = 0
        self.applied: int | None = None
        self.result_page = 0
        self.keys = {pygame.K_UP: lambda: self.move(-1), pygame.K_DOWN: lambda: self.move(1),
                     pygame.K_LEFT: lambda: self.go(-1), pygame.K_RIGHT: lambda: self.go(1),
                     pygame.K_PAGEUP: lambda: self.page(-1), pygame.K_PAGEDOWN: lambda: self.page(1)}
        self.bar([(self.s("next_puzzle"), lambda: self.go(1)), (self.s("prev_puzzle"), lambda: self.go(-1)),
                  (self.s("back"), self.back)])
        self._load()

    def _load(self) -> None:
        d = self.data.debrief
        pid = self.puzzle_ids[self.at] if self.puzzle_ids else None
        self.panel: WhatIf | None = whatif_for(d, pid) if d and pid else None
        self.highlight, self.applied, self.result_page = 0, None, 0
        self._layout()

    def go(self, step: int) -> None:
        if self.puzzle_ids:
            self.at = (self.at + step) % len(self.puzzle_ids)
            self._load()

    def move(self, step: int) -> None:
        if self.panel and self.panel.toggles:
            self.highlight = max(0, min(len(self.panel.toggles) - 1, self.highlight + step))
            self.result_page = 0
            self.group.focus(None)
            self._layout()

    def apply(self, index: int) -> None:
        self.highlight = index
        self.applied = None if self.applied == index else index
        self.result_page = 0
        self._layout()

    def page(self, step: int) -> None:
        self.result_page = max(0, min(self.result_pages - 1, self.result_page + step))
        self._layout()

    @property
    def changes(self) -> list[CaseChange]:
        return self._changes

    def _layout(self) -> None:
        d, panel = self.data.debrief, self.panel
        self._changes: list[CaseChange] = []
        self.toggle_rows = []
        self.result_blocks: list[_Block] = []
        self.result_pages = 1
        self.note, self.note_rect, self.toggles_left = "", pygame.Rect(0, 0, 0, 0), (0, 0)
        if panel is None or d is None:
            self.title, self.subtitle = self.s("whatif"), self.s("no_whatif")
            return
        puzzle = d.puzzle(panel.puzzle.id)
        self.title = f"{self.s('whatif')} · {puzzle.title if puzzle else panel.puzzle.id}"
        self.subtitle = self.s("whatif_help")
        self._layout_toggles(panel)
        x = M + _TOGGLE_W + theme.SPACE_L
        width = CANVAS.right - M - x
        self.result_rect = pygame.Rect(x, TOP, width, BAR_Y - theme.SPACE_M - TOP)
        self._layout_result(d, panel, pygame.Rect(x + 24, TOP + 20, width - 48, self.result_rect.height - 40))

    def _layout_toggles(self, panel: WhatIf) -> None:
        """The facts as rows as tall as their question (two to four lines); the list scrolls to keep the chosen
        fact in view and says how many are above and below."""
        lh = self.ctx.fonts.line_height("regular", SMALL)
        heights = []
        labels = []
        for toggle in panel.toggles:
            label = _clip(self.ctx, toggle.label, "regular", SMALL, _TOGGLE_TEXT_W, _TOGGLE_LINES)
            lines = max(2, -(-self.ctx.text.render(label, "regular", SMALL, theme.TEXT,
                                                   _TOGGLE_TEXT_W).get_height() // lh))
            labels.append(label)
            heights.append(lines * lh + 36)
        gap = theme.SPACE_S
        bottom = BAR_Y - theme.SPACE_M
        first = 0
        while True:  # the first row shown: as low as needed for the highlighted row to fit (with the notes)
            used = sum(h + gap for h in heights[first:self.highlight + 1]) + (50 if first else 0)
            if used <= bottom - TOP - 50 or first >= self.highlight:
                break
            first += 1
        y = TOP + (50 if first else 0)
        last = first
        for index in range(first, len(panel.toggles)):
            more_below = 50 if index < len(panel.toggles) - 1 else 0
            if index > first and y + heights[index] + more_below > bottom:
                break
            rect = pygame.Rect(M, y, _TOGGLE_W, heights[index])
            self.toggle_rows.append((index, rect, labels[index], panel.toggles[index].now))
            y += heights[index] + gap
            last = index
        self.toggles_left = (first, len(panel.toggles) - 1 - last)
        self.toggle_note_y = (TOP, y)

    def _layout_result(self, d: Debrief, panel: WhatIf, area: pygame.Rect) -> None:
        inner = area.width
        toggle = panel.toggles[self.highlight]
        # the question in one line: it stands in full in its row on the left
        blocks = [_Block("head", _clip(self.ctx, toggle.label, "bold", BODY, inner, 1), "bold", BODY)]
        if self.applied != self.highlight:
            blocks.append(_Block("muted", f"{toggle.now}. {self.s('switch_on')}", colour=theme.TEXT_MUTED,
                                 gap=theme.SPACE_S))
        else:
            changes = panel.recompute(toggle)
            self._changes = changes
            changed = [c for c in changes if c.changed]
            if not changed:
                blocks.append(_Block("text", self.s("nothing_changes"), gap=theme.SPACE_S))
            merged: dict[tuple[str, str, str, str, str], list[CaseChange]] = {}
            for c in changed:  # the same change for several items (same recipient, verdicts, reason): one frame
                merged.setdefault((c.old, c.new, c.new_rule, c.recipient, c.explanation), []).append(c)
            for group in merged.values():
                c = group[0]
                items = ", ".join(dict.fromkeys(short_label(g.item) for g in group))
                what = f"{items} · {self.s('to', x=short_label(c.recipient))}"
                what_h = self.ctx.text.render(_clip(self.ctx, what, "bold", SMALL, inner - 40, 2), "bold", SMALL,
                                              theme.TEXT, inner - 40).get_height()
                why = _clip(self.ctx, c.explanation, "regular", SMALL, inner - 40, 3)  # the report has it all
                why_h = self.ctx.text.render(why, "regular", SMALL, theme.TEXT, inner - 40).get_height()
                blocks.append(_Block("change", why, payload=(_clip(self.ctx, what, "bold", SMALL, inner - 40, 2),
                                                             what_h, c), height=68 + what_h + why_h + 10,
                                     gap=theme.SPACE_S))
            same = len(changes) - len(changed)
            if same:
                blocks.append(_Block("muted", self.s("unchanged", n=same), colour=theme.TEXT_MUTED,
                                     gap=theme.SPACE_S))
            effects = [e for e in panel.team_effects(toggle, d) if e.right_before != e.right_after]
            if changed:
                blocks.append(_Block("effects_head", self.s("effect_head") if effects else self.s("no_effect"),
                                     "bold", SMALL, gap=theme.SPACE_S))
            entries = [self.s("effect_entry", team=e.team, a=e.right_before, b=e.right_after) for e in effects]
            if entries:  # in columns as wide as the widest entry, one block per row so pages split between rows
                widest = max(self.ctx.fonts.text_width(t, "regular", SMALL) for t in entries) + theme.SPACE_L
                columns = max(1, min(len(entries), inner // max(1, widest)))
                col_w = inner // columns
                entries = [_clip(self.ctx, t, "regular", SMALL, col_w - theme.SPACE_S) for t in entries]
                for row in range(0, len(entries), columns):
                    blocks.append(_Block("effects", "", payload=(entries[row:row + columns], col_w),
                                         height=self.ctx.fonts.line_height("regular", SMALL), gap=2))
        pages = _paginate(self.ctx, blocks, area)
        if len(pages) > 1:  # room for the "pagina 1 van 2" line at the bottom
            pages = _paginate(self.ctx, blocks, area.inflate(0, -48).move(0, -24))
        self.result_pages = len(pages)
        self.result_page = max(0, min(self.result_page, self.result_pages - 1))
        self.result_blocks = pages[self.result_page]
        self.note = _page_note(self.ctx, self.data.lang, self.result_page, self.result_pages)
        if self.note:
            w = self.ctx.fonts.text_width(self.note, "regular", SMALL)
            self.note_rect = pygame.Rect(self.result_rect.right - 24 - w, self.result_rect.bottom - 56, w, 48)

    def handle_event(self, event: pygame.event.Event) -> bool:
        if (event.type == pygame.KEYDOWN and event.key in (pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER)
                and not self.button_has_keyboard_focus() and self.panel and self.panel.toggles):
            self.apply(self.highlight)
            return True
        return super().handle_event(event)

    def tap(self, pos: tuple[int, int]) -> bool:
        if self.note and self.note_rect.collidepoint(pos):
            self.result_page = (self.result_page + 1) % self.result_pages
            self._layout()
            return True
        for index, rect, _, _ in self.toggle_rows:
            if rect.collidepoint(pos):
                self.group.focus(None)
                self.apply(index)
                return True
        return False

    def draw_body(self, surface: pygame.Surface) -> None:
        if self.panel is None:
            return
        above, below = self.toggles_left
        if above:
            draw_text(self.ctx, surface, self.s("more_above", n=above), pygame.Rect(M + 20, TOP, _TOGGLE_W, 44),
                       size=SMALL, colour=theme.TEXT_MUTED, valign="middle")
        for index, rect, label, now in self.toggle_rows:
            on = index == self.applied
            chosen = index == self.highlight
            panel(surface, rect, theme.SURFACE_RAISED if chosen else theme.SURFACE,
                   theme.FOCUS if chosen else theme.BORDER, 6 if chosen else theme.BORDER_WIDTH)
            switch = pygame.Rect(rect.x + 20, rect.centery - 26, 88, 52)
            pygame.draw.rect(surface, theme.ACCENT if on else theme.BG, switch, border_radius=26)
            pygame.draw.rect(surface, theme.TEXT, switch, 4, border_radius=26)
            knob = (switch.right - 26, switch.centery) if on else (switch.x + 26, switch.centery)
            pygame.draw.circle(surface, theme.TEXT, knob, 18)
            draw_text(self.ctx, surface, label, pygame.Rect(switch.right + 22, rect.y + 6, _TOGGLE_TEXT_W,
                                                             rect.height - 12), size=SMALL, valign="middle")
        if below:
            what = self.s("fact_one" if below == 1 else "fact_many")
            draw_text(self.ctx, surface, self.s("more_rows", n=below, what=what),
                       pygame.Rect(M + 20, self.toggle_note_y[1] - 8, _TOGGLE_W, 44), size=SMALL,
                       colour=theme.TEXT_MUTED, valign="middle")
        panel(surface, self.result_rect)
        for block in self.result_blocks:
            box = block.rect
            if block.kind == "head":
                draw_text(self.ctx, surface, block.text, box, role="bold", size=BODY)
            elif block.kind == "change":
                self._draw_change(surface, block)
            elif block.kind == "effects":
                entries, col_w = block.payload
                for i, entry in enumerate(entries):
                    draw_text(self.ctx, surface, entry, pygame.Rect(box.x + i * col_w, box.y, col_w, box.height),
                               size=SMALL)
            else:
                draw_text(self.ctx, surface, block.text, box, role=block.role, size=block.size, colour=block.colour)
        _draw_note(self.ctx, surface, self.note, self.note_rect)

    def _draw_change(self, surface: pygame.Surface, block: _Block) -> None:
        box = block.rect
        what, what_h, change = block.payload
        panel(surface, box, theme.SURFACE_RAISED, theme.ACCENT, 6)
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
        draw_text(self.ctx, surface, what, pygame.Rect(box.x + 20, box.y + 62, box.width - 40, what_h), role="bold",
                   size=SMALL)
        draw_text(self.ctx, surface, block.text, pygame.Rect(box.x + 20, box.y + 66 + what_h, box.width - 40,
                                                               box.bottom - box.y - 66 - what_h - 4), size=SMALL)


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
        scene: Scene = SessionsScene(ctx, data)
    elif start == "puzzel":
        scene = PuzzleScene(ctx, data, index=int(state.pop("index", 0)))
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
