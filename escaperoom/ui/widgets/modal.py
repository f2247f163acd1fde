"""Modal: a centred panel over a darkened screen with a title, a text and a row of buttons; choosing a button
runs ``on_choose(value)``; Escape chooses ``cancel`` when given. All input stops here (nothing below reacts).
Subclasses put extra widgets in ``self.group`` and draw in ``content_rect`` (e.g. the code lock).
``escaperoom.ui.scene.ModalScene`` wraps one to return a typed result to the scene below.

Frame cost: the first ``draw`` takes what is already on the surface (the scene below) as the backdrop and darkens
it once; the panel is painted over a copy of it only when a button's look changes (``look_key``); every other
frame is one blit. These ``_cache_*`` surfaces are a render cache, like the text cache: drawing changes no state.
So the scene below need not be drawn again while the modal is open (its scene can be opaque and draw the scene below
only when ``needs_backdrop``); call ``invalidate()`` when what is below changes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Generic, TypeVar

import pygame

from escaperoom.ui import theme
from escaperoom.ui.fonts import TextCache
from escaperoom.ui.widgets.base import RectLike, Widget
from escaperoom.ui.widgets.button import Button
from escaperoom.ui.widgets.focus import FocusGroup
from escaperoom.ui.widgets.text_block import TextBlock

T = TypeVar("T")
_NO_CANCEL = object()
_PAD = theme.SPACE_XL
_BUTTON_GAP = theme.SPACE_L
_INPUT = frozenset(
    {
        pygame.KEYDOWN, pygame.KEYUP, pygame.TEXTINPUT, pygame.TEXTEDITING, pygame.MOUSEBUTTONDOWN,
        pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION, pygame.MOUSEWHEEL, pygame.FINGERDOWN, pygame.FINGERUP,
        pygame.FINGERMOTION,
    }
)


class Modal(Widget, Generic[T]):
    focusable = False

    def __init__(
        self,
        canvas: RectLike,
        text: TextCache,
        title: str,
        body: str,
        choices: Sequence[tuple[str, T]],
        on_choose: Callable[[T], None],
        *,
        cancel: object = _NO_CANCEL,
        width: int = 1280,
        content_height: int = 0,
    ):
        canvas = pygame.Rect(canvas)
        inner_width = width - 2 * _PAD
        title_line = text.fonts.line_height("bold", theme.TEXT_TITLE)
        title_h = title_line * (1 if text.fits(title, "bold", theme.TEXT_TITLE, inner_width, title_line) else 2)
        body_h = 0
        if body:
            natural = text.layout(body, "regular", theme.TEXT_BODY, inner_width).height
            body_h = min(natural, canvas.height // 2)
        height = _PAD + title_h + theme.SPACE_L + body_h + (theme.SPACE_L + content_height if content_height else 0)
        height += theme.SPACE_XL + theme.BUTTON_HEIGHT + _PAD
        panel = pygame.Rect(0, 0, width, min(height, canvas.height - 2 * theme.SPACE_L))
        panel.center = canvas.center
        super().__init__(panel)
        self.canvas = canvas
        self.on_choose = on_choose
        self.cancel = cancel
        x = panel.x + _PAD
        self.title_block = TextBlock((x, panel.y + _PAD, inner_width, title_h), text, title, role="bold",
                                     size=theme.TEXT_TITLE)
        self.body_block = TextBlock((x, self.title_block.rect.bottom + theme.SPACE_L, inner_width, body_h), text, body)
        top = self.body_block.rect.bottom + (theme.SPACE_L if content_height else 0)
        self.content_rect = pygame.Rect(x, top, inner_width, content_height)
        count = max(1, len(choices))
        button_w = (inner_width - (count - 1) * _BUTTON_GAP) // count
        y = panel.bottom - _PAD - theme.BUTTON_HEIGHT
        self.buttons = [
            Button(
                (x + i * (button_w + _BUTTON_GAP), y, button_w, theme.BUTTON_HEIGHT),
                text,
                label,
                partial(self.choose, value),
                style="primary" if i == 0 else "secondary",
            )
            for i, (label, value) in enumerate(choices)
        ]
        self.group = FocusGroup(self.buttons)
        self.group.focus_first(visible=True)
        self._cache_backdrop: pygame.Surface | None = None
        self._cache_frame: pygame.Surface | None = None
        self._cache_key: tuple[object, ...] | None = None

    def choose(self, value: T) -> None:
        self.on_choose(value)

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE and self.cancel is not _NO_CANCEL:
            self.choose(self.cancel)  # type: ignore[arg-type]
            return True
        self.group.handle_event(event)
        return event.type in _INPUT  # a modal lets no input through to what is below

    def update(self, dt: float) -> None:
        self.group.update(dt)

    @property
    def needs_backdrop(self) -> bool:
        """True until the backdrop is taken: the next ``draw`` must find the scene below already on the surface."""
        return self._cache_backdrop is None

    def invalidate(self) -> None:
        """What is below the modal changed: take the backdrop again on the next ``draw``."""
        self._cache_backdrop = None

    def look_key(self) -> tuple[object, ...]:
        """Everything about the panel that can change how it looks (subclasses add what ``draw_content`` reads)."""
        return tuple(w.look() for w in self.group.widgets)

    def draw(self, surface: pygame.Surface) -> None:
        backdrop = self._cache_backdrop
        if backdrop is None or backdrop.get_size() != surface.get_size():
            backdrop = surface.copy()
            backdrop.fill(theme.SCRIM_MULTIPLY, self.canvas, special_flags=pygame.BLEND_RGB_MULT)
            self._cache_backdrop, self._cache_frame, self._cache_key = backdrop, None, None
        key = self.look_key()
        if self._cache_frame is None or key != self._cache_key:
            frame = backdrop.copy()
            pygame.draw.rect(frame, theme.SURFACE, self.rect, border_radius=theme.RADIUS + 8)
            pygame.draw.rect(frame, theme.BORDER, self.rect, theme.BORDER_WIDTH, border_radius=theme.RADIUS + 8)
            self.title_block.draw(frame)
            self.body_block.draw(frame)
            self.draw_content(frame)
            self.group.draw_below(frame)
            self._cache_frame, self._cache_key = frame, key
        surface.blit(self._cache_frame, (0, 0))
        self.group.draw_over(surface)

    def draw_content(self, surface: pygame.Surface) -> None:
        """Subclasses draw extra content inside ``content_rect`` here."""
