"""Shared parts of the game screens: a scene base with a focus group, playing time in words and a modal base that
hands a typed result back (texts and panels are drawn with ``escaperoom.ui.draw``). Used by every module in this
package.

Frame cost: a screen is painted into a cached layer (``escaperoom.ui.layer``) that is painted again only when
``view_key()`` changes (the scene's ``state_key()`` plus every widget's ``look()``: focus ring, press, label, typed
value, cursor blink); each frame blits that layer and paints only ``draw_live`` (the ticking clock, inside
``live_rect()``, changing when ``live_key()`` does) on top. A modal keeps one layer, its frame: the scenes below it,
drawn once and darkened, with its panel on top. It repaints only the live area of the frame when a scene below
changes its ``live_key()`` (the clock, once a second: that area of the scenes, darkened, and of the panel), the
panel's area when its own view changes and all of it when a scene below changes its ``look_key()``, so a still modal
costs one blit a frame. The layers' surfaces come from the UI context's pool. These layers are render caches, like
the text cache: ``draw`` still changes no game or scene state."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import pygame

from escaperoom.ui import theme
from escaperoom.ui.context import UiContext
from escaperoom.ui.draw import panel
from escaperoom.ui.fonts import Role
from escaperoom.ui.layer import Layer
from escaperoom.ui.scene import ModalScene, Scene
from escaperoom.ui.scenes.game import Game
from escaperoom.ui.widgets import Button, FocusGroup

T = TypeVar("T")
CANVAS = pygame.Rect((0, 0), theme.CANVAS_SIZE)
_WARM_S = 0.00025  # of each frame's spare time, to load glyphs ahead (fonts.TextCache.warm_glyphs)


def duration_text(ctx: UiContext, seconds: int) -> str:
    """A span of playing time in words, for costs: "30 seconden", "1 minuut", "2 minuten", "1:30 min"."""
    seconds = max(0, int(seconds))
    minutes, rest = divmod(seconds, 60)
    if minutes == 0:
        return ctx.t("spel.duration.seconds", n=rest)
    if rest == 0:
        return ctx.t("spel.duration.minute" if minutes == 1 else "spel.duration.minutes", n=minutes)
    return ctx.t("spel.duration.minutes_seconds", m=minutes, s=f"{rest:02d}")


def look_key(scene: Scene) -> Any:
    """What decides how ``scene`` looks when it is covered (see ``look_key`` on the game's scenes). A scene that
    does not say is taken to look the same while it is covered (it gets no input and no update then)."""
    key = getattr(scene, "look_key", None)
    return key() if callable(key) else id(scene)


def live_key(scene: Scene) -> Any:
    key = getattr(scene, "live_key", None)
    return key() if callable(key) else None


def widgets_key(group: FocusGroup) -> tuple[Any, ...]:
    """Everything about the widgets that changes how the layer holding them looks (each widget's ``look()``; a
    widget on top and the widgets' live parts are painted over the layer every frame)."""
    return group.look()


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
        self._layer = Layer(self)

    def t(self, id: str, /, **values: Any) -> str:
        return self.ctx.t(id, **values)

    def button(self, rect: pygame.Rect | tuple[int, int, int, int], label: str, on_click: Callable[[], None],
               style: str = "primary", **kw: Any) -> Button:
        return self.group.add(Button(rect, self.ctx.text, label, on_click, style=style, **kw))

    def labels(self) -> list[tuple[str, pygame.Rect, Role, int]]:
        return []

    def update(self, dt: float) -> None:
        self.group.update(dt)
        self.ctx.text.warm_glyphs(_WARM_S)  # the game's screens' spare time, until every size is loaded

    def state_key(self) -> Any:
        """What the painted layer reads that can change (the layer is repainted when it does)."""
        return None

    def view_key(self) -> tuple[Any, ...]:
        return (self.ctx.lang, self.state_key(), widgets_key(self.group))

    def live_rect(self) -> pygame.Rect | None:
        """Where ``draw_live`` paints (it repaints all of it), or None when it paints nothing."""
        return None

    def live_key(self) -> Any:
        """What ``draw_live`` reads (it is repainted under a modal only when this changes)."""
        return None


class GameScene(_GameParts, Scene):
    """A full screen of the game: background, widgets in ``self.group`` and whatever ``draw_back`` paints.
    ``labels()`` lists (text, box, role, size) of the fixed texts so a test can check that they fit."""

    def __init__(self, game: Game):
        super().__init__()
        self._init_parts(game)

    def handle_event(self, event: pygame.event.Event) -> bool:
        return self.group.handle_event(event)

    def draw(self, surface: pygame.Surface) -> None:
        self._layer.draw(surface, self.ctx.layers, self.view_key(), self._paint)
        self.group.draw_over(surface)
        self.draw_live(surface)

    def _paint(self, layer: pygame.Surface) -> None:
        layer.fill(theme.BG)
        self.draw_back(layer)
        self.group.draw_below(layer)

    def look_key(self) -> Any:
        """How this screen looks apart from its live area (a modal above re-composes when it changes)."""
        return (id(self), self.view_key())

    def draw_back(self, surface: pygame.Surface) -> None:
        """Paint what sits behind the widgets (titles, panels)."""

    def draw_live(self, surface: pygame.Surface) -> None:
        """Paint what changes every frame (a clock) over the cached layer."""


class GameModal(_GameParts, ModalScene[T]):
    """A modal game screen: a centred panel over the darkened scene below, widgets in ``self.group``; Escape
    dismisses with ``self.cancel_result`` unless that is ``NotImplemented``.

    Opaque for the stack (it draws the scenes below itself): they are painted once into its frame, darkened, with the
    panel over them; each draw blits the frame. The frame is repainted when a scene below changes its ``look_key()``;
    when only its ``live_key()`` changes, just its ``live_rect()`` is repainted (the room's clock under the hint
    ladder), and when only the panel's view changes, just the panel."""

    opaque = True  # paints the scenes below itself, from the cached backdrop
    cancel_result: Any = None

    def __init__(self, game: Game, size: tuple[int, int] = (1400, 860)):
        super().__init__()
        self._init_parts(game)
        self.rect = pygame.Rect((0, 0), size)
        self.rect.center = CANVAS.center
        self._frame = Layer(self, "frame")
        self._shown: tuple[Any, Any] = (None, None)  # (the scenes' live keys, the panel's view) the frame shows

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

    # --- what is below ---------------------------------------------------------------------------------------

    def below(self) -> tuple[Scene, ...]:
        """The scenes the stack would draw under this one: from the highest opaque one below it up to it."""
        if self.stack is None:
            return ()
        scenes = self.stack.scenes
        index = scenes.index(self) if self in scenes else len(scenes)
        start = 0
        for i in range(index - 1, -1, -1):
            if scenes[i].opaque:
                start = i
                break
        return scenes[start:index]

    def look_key(self) -> Any:
        below = self.below()
        return (id(self), self.view_key(), tuple(look_key(s) for s in below), tuple(live_key(s) for s in below))

    # --- drawing ---------------------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        below = self.below()
        look = tuple(look_key(s) for s in below)
        live = tuple(live_key(s) for s in below)
        view = self.view_key()
        frame, painted = self._frame.ensure(self.ctx.layers, look, surface,
                                            lambda layer: self._compose(layer, below, None))
        if not painted:
            old_live, old_view = self._shown
            if live != old_live:
                for scene, before, now in zip(below, old_live or (None,) * len(below), live, strict=False):
                    area = getattr(scene, "live_rect", lambda: None)()
                    if before != now and area is not None:
                        self._compose(frame, (scene,), area, live_only=True)
            if view != old_view:
                self._compose(frame, below, self.rect)
        self._shown = (live, view)
        surface.blit(frame, (0, 0))
        clip = surface.get_clip()
        surface.set_clip(self.rect.clip(clip))
        self.group.draw_over(surface)  # a cursor in the panel
        surface.set_clip(clip)
        self.draw_live(surface)

    def _compose(self, frame: pygame.Surface, below: tuple[Scene, ...], area: pygame.Rect | None,
                 live_only: bool = False) -> None:
        """Paint ``area`` of the frame (all of it for None): the scenes below (``live_only``: only their live part,
        which covers its ``live_rect``), darkened, and the panel over them where it lies in ``area``."""
        frame.set_clip(area)
        if not live_only and (not below or not below[0].opaque):  # an opaque scene paints the whole screen itself
            frame.fill(theme.BG)
        for scene in below:
            if live_only:
                scene.draw_live(frame)  # type: ignore[attr-defined]
            else:
                scene.draw(frame)
        frame.fill(theme.SCRIM_MULTIPLY, area, special_flags=pygame.BLEND_RGB_MULT)
        inside = self.rect if area is None else self.rect.clip(area)
        if inside.width and inside.height:
            frame.set_clip(inside)
            panel(frame, self.rect, radius=theme.RADIUS + 8)
            self.draw_content(frame)
            self.group.draw_below(frame)
        frame.set_clip(None)

    def draw_live(self, surface: pygame.Surface) -> None:
        """Paint what changes every frame over the cached panel."""

    def draw_content(self, surface: pygame.Surface) -> None:
        """Paint the panel's texts."""

    def inner(self) -> pygame.Rect:
        return self.rect.inflate(-2 * theme.SPACE_XL, -2 * theme.SPACE_XL)
