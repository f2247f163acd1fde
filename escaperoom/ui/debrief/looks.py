"""How the debrief shows an answer or a verdict: a ``Look`` (colour, icon shape, word; never colour alone) for an
error or a verdict, and ``icon_word`` to draw one in a box. Used by every debrief screen."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from escaperoom.debrief.model import ERROR_WORDS
from escaperoom.ui import theme
from escaperoom.ui.context import UiContext
from escaperoom.ui.draw import draw_text
from escaperoom.ui.icons import draw_icon
from escaperoom.ui.theme import Colour, Icon

SMALL = theme.TEXT_SMALL


@dataclass(frozen=True)
class Look:
    colour: Colour
    icon: Icon
    word: str


def error_look(ctx: UiContext, error: str | None) -> Look:
    """Icon, colour and word for an answer: goed, a legal error (theme's feedback styles) or another error."""
    key = "goed" if error is None else error
    if key in theme.FEEDBACK_STYLES:
        style = theme.feedback_style(key)
        return Look(style.colour, style.icon, ctx.t(style.word_id))
    word = ERROR_WORDS.get(error, str(error))
    return Look(theme.RED, Icon.CROSS, word[:1].upper() + word[1:])


def verdict_look(ctx: UiContext, decision: str) -> Look:
    style = theme.verdict_style(decision)
    return Look(style.colour, style.icon, ctx.t(style.word_id))


def icon_word(ctx: UiContext, surface: pygame.Surface, look: Look, box: pygame.Rect, *, size: int = SMALL,
               icon_size: int = 40, bold: bool = True, valign: str = "middle") -> None:
    """An icon followed by its word, inside ``box`` (the word wraps/shrinks to stay in the box)."""
    x = box.x
    if look.icon is not None:
        top = box.centery - icon_size // 2 if valign == "middle" else box.y + 2
        draw_icon(surface, look.icon, pygame.Rect(x, top, icon_size, icon_size), look.colour)
        x += icon_size + 12
    draw_text(ctx, surface, look.word, pygame.Rect(x, box.y, box.right - x, box.height),
              role="bold" if bold else "regular", size=size, colour=look.colour, valign=valign)
