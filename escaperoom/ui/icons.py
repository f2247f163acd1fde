"""Icon shapes drawn with pygame.draw at any size, so verdicts and feedback never rely on colour alone.

``draw_icon(surface, Icon.CHECK, rect, colour)`` fills the square centred in ``rect``; ``cutout`` is the colour
used for holes (the "!" in the warning triangle, the keyhole). Used by the badge widget and by scenes.
"""

from __future__ import annotations

import math

import pygame

from escaperoom.ui import theme
from escaperoom.ui.theme import Colour, Icon

_Point = tuple[float, float]


def draw_icon(
    surface: pygame.Surface, icon: Icon, rect: pygame.Rect, colour: Colour, cutout: Colour = theme.BG
) -> None:
    """Draw ``icon`` in the largest square centred in ``rect``."""
    side = min(rect.width, rect.height)
    box = pygame.Rect(0, 0, side, side)
    box.center = rect.center
    stroke = max(4, round(side / 7))
    _DRAWERS[Icon(icon)](surface, box, colour, cutout, stroke)


def _at(box: pygame.Rect, points: list[_Point]) -> list[tuple[int, int]]:
    return [(round(box.x + px * box.width), round(box.y + py * box.height)) for px, py in points]


def _polyline(surface: pygame.Surface, colour: Colour, points: list[tuple[int, int]], stroke: int) -> None:
    """A thick line with round joints and ends (pygame's own thick joints leave notches)."""
    half = stroke / 2
    for (x1, y1), (x2, y2) in zip(points, points[1:]):
        length = math.hypot(x2 - x1, y2 - y1) or 1.0
        nx, ny = -(y2 - y1) / length * half, (x2 - x1) / length * half  # perpendicular, half a stroke long
        pygame.draw.polygon(surface, colour, [(x1 + nx, y1 + ny), (x2 + nx, y2 + ny), (x2 - nx, y2 - ny), (x1 - nx, y1 - ny)])
    for point in points:
        pygame.draw.circle(surface, colour, point, half)


def _check(surface, box, colour, cutout, stroke):
    _polyline(surface, colour, _at(box, [(0.14, 0.54), (0.40, 0.80), (0.88, 0.24)]), stroke)


def _cross(surface, box, colour, cutout, stroke):
    _polyline(surface, colour, _at(box, [(0.20, 0.20), (0.80, 0.80)]), stroke)
    _polyline(surface, colour, _at(box, [(0.80, 0.20), (0.20, 0.80)]), stroke)


def _arrow(surface, box, colour, cutout, stroke):
    pygame.draw.polygon(
        surface,
        colour,
        _at(box, [(0.08, 0.40), (0.50, 0.40), (0.50, 0.16), (0.92, 0.50), (0.50, 0.84), (0.50, 0.60), (0.08, 0.60)]),
    )


def _warning(surface, box, colour, cutout, stroke):
    pygame.draw.polygon(surface, colour, _at(box, [(0.50, 0.06), (0.96, 0.90), (0.04, 0.90)]))
    top, bottom = _at(box, [(0.50, 0.36), (0.50, 0.62)])
    _polyline(surface, cutout, [top, bottom], max(3, round(stroke * 0.8)))
    (dot,) = _at(box, [(0.50, 0.77)])
    pygame.draw.circle(surface, cutout, dot, max(2.5, stroke * 0.5))


def _lock(surface, box, colour, cutout, stroke):
    body = pygame.Rect(_at(box, [(0.16, 0.44)])[0], (round(box.width * 0.68), round(box.height * 0.50)))
    shackle = pygame.Rect(_at(box, [(0.30, 0.08)])[0], (round(box.width * 0.40), round(box.height * 0.52)))
    pygame.draw.arc(surface, colour, shackle, 0, math.pi, stroke)
    left, right = shackle.left + stroke // 2, shackle.right - 1 - stroke // 2
    pygame.draw.line(surface, colour, (left, shackle.centery), (left, body.top + 1), stroke)
    pygame.draw.line(surface, colour, (right, shackle.centery), (right, body.top + 1), stroke)
    pygame.draw.rect(surface, colour, body, border_radius=max(2, stroke // 2))
    (hole,) = _at(box, [(0.50, 0.64)])
    pygame.draw.circle(surface, cutout, hole, max(2.5, stroke * 0.55))
    _polyline(surface, cutout, [hole, (hole[0], hole[1] + round(box.height * 0.13))], max(2, round(stroke * 0.45)))


def _scales(surface, box, colour, cutout, stroke):
    thin = max(3, round(stroke * 0.6))
    _polyline(surface, colour, _at(box, [(0.50, 0.14), (0.50, 0.86)]), thin)
    _polyline(surface, colour, _at(box, [(0.28, 0.88), (0.72, 0.88)]), stroke)
    _polyline(surface, colour, _at(box, [(0.10, 0.24), (0.90, 0.24)]), thin)
    (pivot,) = _at(box, [(0.50, 0.14)])
    pygame.draw.circle(surface, colour, pivot, stroke * 0.7)
    for cx in (0.20, 0.80):
        _polyline(surface, colour, _at(box, [(cx - 0.12, 0.56), (cx, 0.24), (cx + 0.12, 0.56)]), max(2, thin // 2))
        pygame.draw.polygon(
            surface, colour, _at(box, [(cx - 0.17, 0.54), (cx + 0.17, 0.54), (cx + 0.10, 0.66), (cx - 0.10, 0.66)])
        )


def _hand(surface, box, colour, cutout, stroke):
    """An open hand held up, palm out: "holding back" (te voorzichtig), a shape unlike the lock of the lock puzzle."""
    w, h = box.width, box.height
    finger = max(3, round(w * 0.13))
    tops = ((0.30, 0.16), (0.445, 0.07), (0.59, 0.10), (0.735, 0.22))  # (centre x, top y) of each finger
    for cx, top in tops:
        x = round(box.x + cx * w - finger / 2)
        rect = pygame.Rect(x, round(box.y + top * h), finger, round((0.62 - top) * h))
        pygame.draw.rect(surface, colour, rect, border_radius=finger // 2)
    palm = pygame.Rect(round(box.x + 0.235 * w), round(box.y + 0.44 * h), round(0.565 * w), round(0.50 * h))
    pygame.draw.rect(surface, colour, palm, border_radius=round(0.2 * w))
    _polyline(surface, colour, _at(box, [(0.30, 0.76), (0.13, 0.50)]), max(3, round(w * 0.14)))
    gap = max(1, round(w * 0.025))  # the cutout between the fingers, down to the palm
    for (left, _), (right, top) in zip(tops, tops[1:]):
        x = round(box.x + (left + right) / 2 * w)
        pygame.draw.line(surface, cutout, (x, round(box.y + (top + 0.06) * h)), (x, round(box.y + 0.50 * h)), gap)


_DRAWERS = {
    Icon.CHECK: _check,
    Icon.CROSS: _cross,
    Icon.ARROW: _arrow,
    Icon.WARNING: _warning,
    Icon.LOCK: _lock,
    Icon.SCALES: _scales,
    Icon.HAND: _hand,
}
