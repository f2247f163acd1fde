"""The one way the screens put text and panels on the canvas. ``draw_text`` fits a text into a box (the largest size
up to the one asked for at which it wraps into the box, never below its minimum), renders it through the UI
context's text cache and blits it inside the box, line by line; ``panel`` paints a rounded box with a border.
``text_fits`` is the check the tests hold every label to. Used by every scene, the HUD and the widgets."""

from __future__ import annotations

import pygame

from escaperoom.ui import theme
from escaperoom.ui.context import UiContext
from escaperoom.ui.fonts import Align, Role
from escaperoom.ui.theme import Colour


def min_size_for(size: int) -> int:
    """The smallest size a text drawn at up to ``size`` may shrink to: titles (``size`` >= 64) stay titles."""
    return theme.TITLE_MIN if size >= theme.TITLE_MIN else theme.TEXT_MIN


def draw_text(ctx: UiContext, surface: pygame.Surface, text: str, box: pygame.Rect, *, role: Role = "regular",
              size: int = theme.TEXT_BODY, colour: Colour = theme.TEXT, align: Align = "left", valign: str = "top",
              min_size: int | None = None) -> None:
    """Draw ``text`` wrapped inside ``box`` at the largest size up to ``size`` that fits, never below ``min_size``
    (default: 64 px for titles, 36 px for everything else; never above ``size``). What still does not fit is cut
    at a whole line, never drawn outside the box. Sizes and surfaces come from the text cache, so this is cheap
    every frame."""
    if not text or box.width <= 0 or box.height <= 0:
        return
    low = min(min_size_for(size) if min_size is None else min_size, size)
    fitted = ctx.text.fit_size(text, role, box.width, box.height, size, low)
    ctx.text.draw_in_box(surface, text, box, role, fitted, colour, align, valign, ctx.fonts.line_height(role, fitted))


def text_fits(ctx: UiContext, text: str, box: pygame.Rect, role: Role, size: int) -> bool:
    """True when ``text`` fits ``box`` at a size between its minimum (64 px for a title, else 36 px) and ``size``
    (the fit test over every label)."""
    low = min_size_for(size)
    fitted = ctx.text.fit_size(text, role, box.width, box.height, max(size, low), low)
    return ctx.text.fits(text, role, fitted, box.width, box.height)


def panel(surface: pygame.Surface, rect: pygame.Rect, fill: Colour | None = theme.SURFACE,
          border: Colour | None = theme.BORDER, width: int = theme.BORDER_WIDTH, radius: int = theme.RADIUS) -> None:
    """A rounded box: ``fill`` (None: none), then a ``border`` of ``width`` pixels (None: none)."""
    if fill is not None:
        pygame.draw.rect(surface, fill, rect, border_radius=radius)
    if border is not None:
        pygame.draw.rect(surface, border, rect, width, border_radius=radius)
