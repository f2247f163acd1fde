"""The frame every debrief screen shares: the big-screen layout (title, subtitle with the screen's keys at its
right, content, a bottom row of big buttons), the debrief's texts (``debrief_text``: assets/strings/nabespreking.toml),
key bindings and taps, the facilitator's panel (F9 or B, closed by default), and ``Navigator``: where a debrief
screen can lead (carried out by ``escaperoom.ui.debrief.flow``, the only module that names the debrief screens).
Used by every module in this package."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

import pygame

from escaperoom.ui import theme
from escaperoom.ui.context import UiContext
from escaperoom.ui.debrief.data import DebriefData
from escaperoom.ui.debrief.keys import KeyHint, draw_hints, hint_rects, hints_width
from escaperoom.ui.debrief.panel import FacilitatorPanel
from escaperoom.ui.draw import draw_text
from escaperoom.ui.pointer import Phase, pointer
from escaperoom.ui.scene import Scene, SceneStack
from escaperoom.ui.widgets import Button, FocusGroup

CANVAS = pygame.Rect((0, 0), theme.CANVAS_SIZE)
M = theme.MARGIN
WIDTH = theme.CANVAS_WIDTH - 2 * M
TITLE = pygame.Rect(M, 28, WIDTH, 100)
SUB = pygame.Rect(M, 130, WIDTH, 52)
TOP = 196
BAR_Y = theme.CANVAS_HEIGHT - 36 - theme.BUTTON_HEIGHT
BOTTOM = BAR_Y - theme.SPACE_M  # where the content ends, above the buttons
BODY, SMALL = theme.TEXT_BODY, theme.TEXT_SMALL
PANEL_RECT = pygame.Rect(M, TOP, WIDTH, BOTTOM - TOP)  # the facilitator's panel covers the content
FACILITATOR_KEYS = (pygame.K_F9, pygame.K_b)


def debrief_text(ctx: UiContext, lang: str, key: str, **values: Any) -> str:
    """The debrief's text ``key`` (``nabespreking.<key>`` in the catalogue) in ``lang``."""
    return ctx.strings.t(f"nabespreking.{key}", lang, **values)


class Navigator(Protocol):
    """Where a debrief screen can lead: the screens ask, ``escaperoom.ui.debrief.flow.DebriefFlow`` opens."""

    def open_overview(self, stack: SceneStack, *, replace: bool = False) -> None: ...
    def open_sessions(self, stack: SceneStack, *, from_overview: bool = False) -> None: ...
    def open_puzzle(self, stack: SceneStack, index: int = 0) -> None: ...
    def open_timeline(self, stack: SceneStack, team: int = 0) -> None: ...
    def open_whatif(self, stack: SceneStack, puzzle_id: str) -> None: ...
    def open_agreements(self, stack: SceneStack, puzzle_id: str | None = None) -> None: ...


class DebriefScene(Scene):
    """Background, title, subtitle with the screen's keys (``hints``) at its right, a bottom row of big buttons in
    a focus group, key bindings, and the facilitator's panel (F9 or B opens and closes it, Esc closes it; closed
    by default, so nothing for the facilitator only is projected unless asked for). ``flow`` opens the next
    screen."""

    def __init__(self, ctx: UiContext, data: DebriefData, flow: Navigator):
        super().__init__()
        self.ctx, self.data, self.flow = ctx, data, flow
        self.group = FocusGroup()
        self.buttons: list[Button] = []
        self.title = ""
        self.subtitle = ""
        self.hints: list[KeyHint] = []
        self.keys: dict[int, Callable[[], None]] = {}
        self.facilitator: FacilitatorPanel | None = None  # the panel, while open
        self._sub_cache: tuple[tuple[str, int], str] = (("", 0), "")

    def s(self, key: str, **values: Any) -> str:
        return debrief_text(self.ctx, self.data.lang, key, **values)

    def bar(self, specs: Sequence[tuple[str, Callable[[], None]]]) -> list[Button]:
        """Buttons side by side along the bottom, each as wide as its label needs (two lines at most) and the room
        left shared out; the first is the primary one."""
        for old in self.buttons:
            self.group.remove(old)
        gap = theme.SPACE_M
        widths = bar_widths(self.ctx, [label for label, _ in specs], WIDTH, gap)
        x = M
        self.buttons = []
        for i, ((label, fn), width) in enumerate(zip(specs, widths, strict=True)):
            self.buttons.append(Button((x, BAR_Y, width, theme.BUTTON_HEIGHT), self.ctx.text, label, fn,
                                       style="primary" if i == 0 else "secondary", size=BODY))
            x += width + gap
        for b in self.buttons:
            self.group.add(b)
        return self.buttons

    def button_has_keyboard_focus(self) -> bool:
        focused = self.group.focused
        return focused is not None and focused.focus_visible

    def typing(self) -> bool:
        """True while a text field has the focus (letters are text then, not keys)."""
        return False

    def back(self) -> None:
        if self.stack is not None:
            self.stack.pop()

    # --- the facilitator's panel ---------------------------------------------------------------------------

    def facilitator_puzzle(self) -> str | None:
        """The puzzle the facilitator's panel is about on this screen (None: every puzzle)."""
        return None

    def toggle_facilitator(self) -> None:
        """Open the facilitator's panel for what this screen shows, or close it."""
        if self.facilitator is not None:
            self.facilitator = None
            return
        notes = self.data.facilitator_notes()
        if notes is not None:
            self.facilitator = FacilitatorPanel(self.ctx, notes, self.facilitator_puzzle(), self.data.lang,
                                                PANEL_RECT)

    def refresh_facilitator(self) -> None:
        """Follow the screen: the open panel shows the puzzle now in view."""
        if self.facilitator is not None and self.facilitator.puzzle_id != self.facilitator_puzzle():
            self.facilitator = None
            self.toggle_facilitator()

    def shown_hints(self) -> list[KeyHint]:
        """The keys on the subtitle's line: the screen's own, or the panel's while it is open."""
        if self.facilitator is None:
            return self.hints
        hints = [KeyHint(("B",), debrief_text(self.ctx, self.data.lang, "begeleider.close"))]
        pages = len(self.facilitator.pages)
        if pages > 1:
            hints.insert(0, page_hint(self.ctx, self.data.lang, self.facilitator.page, pages))
        return hints

    def _panel_event(self, event: pygame.event.Event) -> bool:
        """Keys for the open panel: Esc closes, PgUp/PgDn page; the rest goes on to the screen."""
        if event.type != pygame.KEYDOWN or self.facilitator is None:
            return False
        if event.key == pygame.K_ESCAPE:
            self.facilitator = None
            return True
        if event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
            self.facilitator.turn(1 if event.key == pygame.K_PAGEDOWN else -1)
            return True
        return False

    # --- events --------------------------------------------------------------------------------------------

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and (event.key == pygame.K_F9 or (event.key == pygame.K_b
                                                                         and not self.typing())):
            self.toggle_facilitator()
            return True
        if self._panel_event(event):
            return True
        if event.type == pygame.KEYDOWN and not self.typing():
            if event.key == pygame.K_ESCAPE:
                self.back()
                return True
            bound = self.keys.get(event.key)
            if bound is not None:
                bound()
                self.refresh_facilitator()
                return True
        if self.group.handle_event(event):
            self.refresh_facilitator()
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.back()
            return True
        action = pointer(event)
        if action is not None and action.phase is Phase.DOWN:
            return self.tap(action.pos)
        return False

    def tap(self, pos: tuple[int, int]) -> bool:
        """A press that no button took (rows, toggles)."""
        return False

    def tapped_hint(self, pos: tuple[int, int]) -> KeyHint | None:
        """The key hint on the subtitle's line under ``pos`` (a page key can be tapped), or None."""
        hints = self.shown_hints()
        for hint, rect in zip(hints, hint_rects(self.ctx, hints, SUB), strict=True):
            if rect.collidepoint(pos):
                return hint
        return None

    def update(self, dt: float) -> None:
        self.group.update(dt)

    # --- drawing -------------------------------------------------------------------------------------------

    def _fitted_subtitle(self, room: int) -> str:
        """The subtitle fitted to ``room`` pixels: whole " · " parts dropped from its end, and a single part still
        too long shortened with '…' (worked out once per text and room)."""
        key = (self.subtitle, room)
        if self._sub_cache[0] != key:
            line = self.ctx.fonts.line_height("regular", SMALL)
            parts = self.subtitle.split(" · ")
            while len(parts) > 1 and not self.ctx.text.fits(" · ".join(parts), "regular", SMALL, room, line):
                parts.pop()
            text = " · ".join(parts)
            if not self.ctx.text.fits(text, "regular", SMALL, room, line):
                words = text.split()
                while words and not self.ctx.text.fits(" ".join(words) + " …", "regular", SMALL, room, line):
                    words.pop()
                text = " ".join(words) + " …" if words else ""
            self._sub_cache = (key, text)
        return self._sub_cache[1]

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.BG)
        draw_text(self.ctx, surface, self.title, TITLE, role="bold", size=theme.TEXT_TITLE, valign="middle",
                  min_size=theme.TEXT_MIN)
        hints = self.shown_hints()
        used = hints_width(self.ctx, hints)
        room = SUB.width - used - (theme.SPACE_L if used else 0)
        draw_text(self.ctx, surface, self._fitted_subtitle(room), pygame.Rect(SUB.x, SUB.y, room, SUB.height),
                  size=SMALL, colour=theme.TEXT_MUTED, valign="middle")
        draw_hints(self.ctx, surface, hints, SUB)
        self.draw_body(surface)
        self.group.draw(surface)
        if self.facilitator is not None:
            self.facilitator.draw(surface)

    def draw_body(self, surface: pygame.Surface) -> None:
        """Paint the scene's content between the subtitle and the buttons."""


def page_hint(ctx: UiContext, lang: str, page: int, pages: int) -> KeyHint:
    """"[PgDn] pagina 1 van 3" (PgUp on the last page): the key that turns the page, with where you are."""
    return KeyHint(("PgDn" if page + 1 < pages else "PgUp",), debrief_text(ctx, lang, "page_of", i=page + 1, n=pages))


_LABEL_ROOM = 2 * theme.SPACE_L  # a button's label keeps this much room left and right (the Button's padding)


def _label_width(ctx: UiContext, label: str, size: int, lines: int = 2) -> int:
    """The narrowest a button can be for ``label`` at ``size`` on at most ``lines`` lines."""
    height = lines * ctx.fonts.line_height("bold", size)
    lo, hi = 60, max(60, ctx.fonts.text_width(label, "bold", size) + 2)
    while lo < hi:
        mid = (lo + hi) // 2
        if ctx.text.fits(label, "bold", size, mid, height):
            hi = mid
        else:
            lo = mid + 1
    return lo + _LABEL_ROOM


def bar_widths(ctx: UiContext, labels: Sequence[str], width: int, gap: int) -> list[int]:
    """Widths for buttons with ``labels`` along ``width``: equal when the labels allow it, else each as wide as its
    label needs on two lines at the body size (or, when even that is too wide, at the smallest size), then the
    room left first to the labels it lets stand on one line, and the rest shared out."""
    n = max(1, len(labels))
    room = width - (n - 1) * gap
    equal = room // n
    for size in (BODY, SMALL):
        need = [_label_width(ctx, label, size) for label in labels]
        if max(need, default=0) <= equal:
            return [equal] * len(labels)
        if sum(need) > room:
            continue
        one_line = [_label_width(ctx, label, size, 1) for label in labels]
        spare = room - sum(need)
        for i in sorted(range(len(labels)), key=lambda i: one_line[i] - need[i]):
            if 0 < one_line[i] - need[i] <= spare:
                spare -= one_line[i] - need[i]
                need[i] = one_line[i]
        return [w + spare // n for w in need]
    return [equal] * len(labels)
