"""The frame every debrief screen shares: the big-screen layout (title, subtitle, content, a bottom row of big
buttons), the debrief's texts (``debrief_text``: assets/strings/nabespreking.toml), key bindings and taps, and
``Navigator``: where a debrief screen can lead (carried out by ``escaperoom.ui.debrief.flow``, the only module
that names the debrief screens). Used by every module in this package."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

import pygame

from escaperoom.ui import theme
from escaperoom.ui.context import UiContext
from escaperoom.ui.debrief.data import DebriefData
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
BODY, SMALL = theme.TEXT_BODY, theme.TEXT_SMALL


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


class DebriefScene(Scene):
    """Background, title, subtitle, a bottom row of big buttons in a focus group, and key bindings. ``flow`` opens
    the next screen."""

    def __init__(self, ctx: UiContext, data: DebriefData, flow: Navigator):
        super().__init__()
        self.ctx, self.data, self.flow = ctx, data, flow
        self.group = FocusGroup()
        self.buttons: list[Button] = []
        self.title = ""
        self.subtitle = ""
        self.keys: dict[int, Callable[[], None]] = {}

    def s(self, key: str, **values: Any) -> str:
        return debrief_text(self.ctx, self.data.lang, key, **values)

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
            bound = self.keys.get(event.key)
            if bound is not None:
                bound()
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
