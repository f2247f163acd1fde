"""Shared parts of the game screens: a scene base with a focus group, text drawn fitted into boxes (cached by the
foundation's text cache), the clock format and a modal base that hands a typed result back. Used by every
module in this package.

Frame cost: a screen is painted into a cached layer that is repainted only when ``view_key()`` changes (the
scene's ``state_key()`` plus every widget's look: focus, press, label, typed value, cursor blink); each frame
blits that layer and paints only ``draw_live`` (the ticking clock) on top. The layer is a render cache, like the
text cache: ``draw`` still changes no game or scene state."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import pygame

from escaperoom.ui import theme
from escaperoom.ui.context import UiContext
from escaperoom.ui.fonts import Align, Role, blit_in_box
from escaperoom.ui.scene import ModalScene, Scene
from escaperoom.ui.scenes.game import Game
from escaperoom.ui.theme import Colour
from escaperoom.ui.widgets import Button, FocusGroup

T = TypeVar("T")
CANVAS = pygame.Rect((0, 0), theme.CANVAS_SIZE)


def clock_text(seconds: float) -> str:
    """``MM:SS`` (rounded up, so 0:00 only when the time is really up)."""
    whole = max(0, int(-(-seconds // 1)))
    return f"{whole // 60:02d}:{whole % 60:02d}"


def draw_text(ctx: UiContext, surface: pygame.Surface, text: str, box: pygame.Rect, *, role: Role = "regular",
              size: int = theme.TEXT_BODY, colour: Colour = theme.TEXT, align: Align = "left",
              valign: str = "top", min_size: int = theme.TEXT_MIN) -> None:
    """Draw ``text`` wrapped inside ``box`` at the largest size up to ``size`` that fits (both cached)."""
    if not text:
        return
    fitted = ctx.text.fit_size(text, role, box.width, box.height, size, min_size)
    rendered = ctx.text.render(text, role, fitted, colour, box.width, align)
    blit_in_box(surface, rendered, box, align, valign, ctx.fonts.line_height(role, fitted))


def text_fits(ctx: UiContext, text: str, box: pygame.Rect, role: Role, size: int) -> bool:
    """True when ``text`` fits ``box`` at a size between the theme minimum and ``size`` (for the fit test)."""
    fitted = ctx.text.fit_size(text, role, box.width, box.height, size)
    return ctx.text.fits(text, role, fitted, box.width, box.height)


_COLOURKEY = (255, 0, 254)


def widgets_key(group: FocusGroup) -> tuple:
    """Everything about the widgets that changes how they look."""
    out = []
    for w in group.widgets:
        blink = getattr(w, "_blink", None)
        out.append((id(w), w.visible, w.enabled, w.focused, w.focus_visible, getattr(w, "pressed", None),
                    getattr(w, "label", None), getattr(w, "value", None), getattr(w, "cursor", None),
                    None if blink is None else blink < 0.6, tuple(w.rect)))
    return tuple(out)


def panel(surface: pygame.Surface, rect: pygame.Rect, fill: Colour = theme.SURFACE,
          border: Colour | None = theme.BORDER) -> None:
    pygame.draw.rect(surface, fill, rect, border_radius=theme.RADIUS)
    if border is not None:
        pygame.draw.rect(surface, border, rect, theme.BORDER_WIDTH, border_radius=theme.RADIUS)


class _GameParts:
    """What full screens and modals share: the game and its UI context, string lookup, buttons in
    ``self.group``, the labels for the fit test and the key that decides when the cached layer is repainted."""

    game: Game
    ctx: UiContext
    group: FocusGroup

    def _init_parts(self, game: Game) -> None:
        self.game = game
        self.ctx = game.ctx
        self.group = FocusGroup()

    def t(self, id: str, /, **values: Any) -> str:
        return self.ctx.t(id, **values)

    def button(self, rect: pygame.Rect | tuple[int, int, int, int], label: str, on_click: Callable[[], None],
               style: str = "primary", **kw: Any) -> Button:
        return self.group.add(Button(rect, self.ctx.text, label, on_click, style=style, **kw))  # type: ignore[return-value]

    def labels(self) -> list[tuple[str, pygame.Rect, Role, int]]:
        return []

    def update(self, dt: float) -> None:
        self.group.update(dt)

    def state_key(self) -> Any:
        """What the painted layer reads that can change (the layer is repainted when it does)."""
        return None

    def view_key(self) -> tuple:
        return (self.ctx.lang, self.state_key(), widgets_key(self.group))


class GameScene(_GameParts, Scene):
    """A full screen of the game: background, widgets in ``self.group`` and whatever ``draw_back`` paints.
    ``labels()`` lists (text, box, role, size) of the fixed texts so a test can check that they fit."""

    def __init__(self, game: Game):
        super().__init__()
        self._init_parts(game)

    def handle_event(self, event: pygame.event.Event) -> bool:
        return self.group.handle_event(event)

    def draw(self, surface: pygame.Surface) -> None:
        key = self.view_key()
        layer = getattr(self, "_layer", None)
        if layer is None or key != getattr(self, "_layer_key", None):
            if layer is None:
                layer = pygame.Surface(surface.get_size()).convert(surface)
            layer.fill(theme.BG)
            self.draw_back(layer)
            self.group.draw(layer)
            self._layer, self._layer_key = layer, key
        surface.blit(layer, (0, 0))
        self.draw_live(surface)

    def draw_back(self, surface: pygame.Surface) -> None:
        """Paint what sits behind the widgets (titles, panels)."""

    def draw_live(self, surface: pygame.Surface) -> None:
        """Paint what changes every frame (a clock) over the cached layer."""


class GameModal(_GameParts, ModalScene[T]):
    """A modal game screen: a centred panel over the darkened scene below, widgets in ``self.group``; Escape
    dismisses with ``self.cancel_result`` unless that is ``NotImplemented``."""

    cancel_result: Any = None

    def __init__(self, game: Game, size: tuple[int, int] = (1400, 860)):
        super().__init__()
        self._init_parts(game)
        self.rect = pygame.Rect((0, 0), size)
        self.rect.center = CANVAS.center

    def button_row(self, specs: list[tuple[str, Callable[[], None]]]) -> list[Button]:
        """Buttons side by side along the bottom of the panel; the first is the primary one."""
        pad, gap = theme.SPACE_XL, theme.SPACE_L
        inner = self.rect.width - 2 * pad
        width = (inner - (len(specs) - 1) * gap) // max(1, len(specs))
        y = self.rect.bottom - pad - theme.BUTTON_HEIGHT
        return [self.button((self.rect.x + pad + i * (width + gap), y, width, theme.BUTTON_HEIGHT), label, fn,
                            "primary" if i == 0 else "secondary") for i, (label, fn) in enumerate(specs)]

    def handle_event(self, event: pygame.event.Event) -> bool:
        if (event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE
                and self.cancel_result is not NotImplemented):
            self.dismiss(self.cancel_result)
            return True
        self.group.handle_event(event)
        return True  # nothing below a modal reacts

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.SCRIM_MULTIPLY, special_flags=pygame.BLEND_RGB_MULT)
        key = self.view_key()
        layer = getattr(self, "_layer", None)
        if layer is None or key != getattr(self, "_layer_key", None):
            if layer is None:
                layer = pygame.Surface(surface.get_size()).convert(surface)
            layer.fill(_COLOURKEY)
            pygame.draw.rect(layer, theme.SURFACE, self.rect, border_radius=theme.RADIUS + 8)
            pygame.draw.rect(layer, theme.BORDER, self.rect, theme.BORDER_WIDTH, border_radius=theme.RADIUS + 8)
            self.draw_content(layer)
            self.group.draw(layer)
            self._layer, self._layer_key = layer, key
            self._keyed = layer.copy()
            self._keyed.set_colorkey(_COLOURKEY)
        # Opaque blits for the body (fast), colour-keyed ones only for the four rounded corners.
        r = theme.RADIUS + 8
        for area in (self.rect.inflate(-2 * r, 0), self.rect.inflate(0, -2 * r)):
            surface.blit(layer, area, area)
        for x in (self.rect.x, self.rect.right - r):
            for y in (self.rect.y, self.rect.bottom - r):
                corner = pygame.Rect(x, y, r, r)
                surface.blit(self._keyed, corner, corner)
        self.draw_live(surface)

    def draw_live(self, surface: pygame.Surface) -> None:
        """Paint what changes every frame over the cached panel."""

    def draw_content(self, surface: pygame.Surface) -> None:
        """Paint the panel's texts."""

    def inner(self) -> pygame.Rect:
        return self.rect.inflate(-2 * theme.SPACE_XL, -2 * theme.SPACE_XL)
