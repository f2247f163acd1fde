"""The keys of a debrief screen, shown on it: ``KeyHint`` (key caps and a word: "[↑][↓] gegeven", "[PgDn] pagina 1
van 3") and ``draw_hints``, which paints them right-aligned on the subtitle's line. The fonts have no arrow glyphs,
so arrows are drawn as shapes in their caps. Used by ``escaperoom.ui.debrief.base`` for every debrief screen."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from escaperoom.ui import theme
from escaperoom.ui.context import UiContext

UP, DOWN, LEFT, RIGHT = "up", "down", "left", "right"
ARROWS = (UP, DOWN, LEFT, RIGHT)
_CAP_H = 44  # a key cap
_ARROW_W = 40  # the width of a cap with an arrow in it
_CAP_PAD = 10  # room left and right of a cap's text
_CAP_GAP = 6  # between the caps of one hint
_WORD_GAP = 10  # between the caps and the word
_HINT_GAP = 32  # between two hints
_SIZE = theme.TEXT_SMALL


@dataclass(frozen=True)
class KeyHint:
    """Key caps (``"up"``, ``"down"``, ``"left"``, ``"right"`` or a key's name such as ``"PgDn"``, ``"B"``) and
    what they do, in words."""

    caps: tuple[str, ...]
    word: str


def _cap_width(ctx: UiContext, cap: str) -> int:
    if cap in ARROWS:
        return _ARROW_W
    return ctx.fonts.text_width(cap, "bold", _SIZE) + 2 * _CAP_PAD


def hint_width(ctx: UiContext, hint: KeyHint) -> int:
    caps = sum(_cap_width(ctx, c) for c in hint.caps) + _CAP_GAP * (len(hint.caps) - 1)
    return caps + (_WORD_GAP + ctx.fonts.text_width(hint.word, "regular", _SIZE) if hint.word else 0)


def hints_width(ctx: UiContext, hints: Sequence[KeyHint]) -> int:
    """How wide ``hints`` are side by side (0 for none)."""
    return sum(hint_width(ctx, h) for h in hints) + _HINT_GAP * max(0, len(hints) - 1)


def _arrow(surface: pygame.Surface, box: pygame.Rect, direction: str, colour: theme.Colour) -> None:
    """A filled arrow head with a short shaft, pointing ``direction``, inside ``box``."""
    cx, cy, r = box.centerx, box.centery, min(box.width, box.height) * 0.34
    shape = [(0.0, -1.0), (0.9, 0.05), (0.32, 0.05), (0.32, 1.0), (-0.32, 1.0), (-0.32, 0.05), (-0.9, 0.05)]
    turn = {UP: (1, 0, 0, 1), DOWN: (1, 0, 0, -1), LEFT: (0, 1, 1, 0), RIGHT: (0, -1, -1, 0)}[direction]
    a, b, c, d = turn
    points = [(cx + r * (a * x + b * y), cy + r * (c * x + d * y)) for x, y in shape]
    pygame.draw.polygon(surface, colour, points)


def draw_cap(ctx: UiContext, surface: pygame.Surface, cap: str, x: int, centre_y: int) -> int:
    """One key cap with its left edge at ``x``; returns its width."""
    width = _cap_width(ctx, cap)
    box = pygame.Rect(x, centre_y - _CAP_H // 2, width, _CAP_H)
    pygame.draw.rect(surface, theme.SURFACE_RAISED, box, border_radius=8)
    pygame.draw.rect(surface, theme.TEXT_MUTED, box, 2, border_radius=8)
    if cap in ARROWS:
        _arrow(surface, box, cap, theme.TEXT)
    else:
        label = ctx.text.render(cap, "bold", _SIZE, theme.TEXT)
        surface.blit(label, label.get_rect(center=box.center))
    return width


def hint_rects(ctx: UiContext, hints: Sequence[KeyHint], rect: pygame.Rect) -> list[pygame.Rect]:
    """Where each of ``hints`` is drawn by :func:`draw_hints` in ``rect`` (a tap on a page key turns the page)."""
    out, x = [], rect.right - hints_width(ctx, hints)
    for hint in hints:
        width = hint_width(ctx, hint)
        out.append(pygame.Rect(x, rect.y, width, rect.height))
        x += width + _HINT_GAP
    return out


def draw_hints(ctx: UiContext, surface: pygame.Surface, hints: Sequence[KeyHint], rect: pygame.Rect) -> None:
    """``hints`` side by side, right-aligned in ``rect`` and centred on its middle."""
    x = rect.right - hints_width(ctx, hints)
    for i, hint in enumerate(hints):
        if i:
            x += _HINT_GAP
        for j, cap in enumerate(hint.caps):
            x += (_CAP_GAP if j else 0) + draw_cap(ctx, surface, cap, x, rect.centery)
        if hint.word:
            word = ctx.text.render(hint.word, "regular", _SIZE, theme.TEXT_MUTED)
            surface.blit(word, (x + _WORD_GAP, rect.centery - word.get_height() // 2))
            x += _WORD_GAP + word.get_width()
