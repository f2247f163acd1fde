"""The game's status at a glance: time left and the resident's stability, as words, numbers and shapes (never by
colour alone). ``Hud`` is the compact strip at the top of every puzzle and feedback screen; the helpers (clock and
stability colours, the trend of the stability and its arrow) are shared with the room and the end screen.

The strip has a live part (the clock, repainted when ``live_key()`` changes, inside ``live_rect()``) and a still
part (labels and the stability, ``key()``), so the screens and the modals over them can cache it.
"""

from __future__ import annotations

from typing import Any

import pygame

from escaperoom.play.session import Session
from escaperoom.ui import theme
from escaperoom.ui.context import UiContext
from escaperoom.ui.draw import draw_text, panel

HEIGHT = 124
_PAD = theme.SPACE_S
_TIME_W = 180  # the time cell; the stability cell takes the rest
_VALUE = 56  # the clock and the stability number (TEXT_LARGE), read from 4 m
_LABEL = theme.TEXT_SMALL
_TREND_WORD = theme.TEXT_SMALL


def clock_text(seconds: float) -> str:
    """``MM:SS`` (rounded up, so 0:00 only when the time is really up)."""
    whole = max(0, int(-(-seconds // 1)))
    return f"{whole // 60:02d}:{whole % 60:02d}"


def clock_colour(seconds: float) -> theme.Colour:
    """The countdown turns amber in the last five minutes and red in the last one (the digits say it too)."""
    return theme.RED if seconds < 60 else theme.AMBER if seconds < 300 else theme.TEXT


def stability_colour(value: int) -> theme.Colour:
    return theme.GREEN if value >= 60 else theme.AMBER if value >= 35 else theme.RED


def trend(before: int, after: int) -> str:
    """``"up"``, ``"down"`` or ``"flat"``: the catalogue has ``spel.room.trend_<trend>`` for each."""
    return "up" if after > before else "down" if after < before else "flat"


def draw_trend_arrow(surface: pygame.Surface, box: pygame.Rect, direction: str, colour: theme.Colour) -> None:
    """An arrow up or down, or a flat bar: the trend never hangs on colour alone."""
    cx = box.centerx
    if direction == "flat":
        pygame.draw.rect(surface, colour, (box.x, box.centery - 6, box.width, 12), border_radius=6)
        return
    sign = -1 if direction == "up" else 1
    tip = box.top if sign < 0 else box.bottom
    base = box.centery - sign * 4
    pygame.draw.polygon(surface, colour, [(cx, tip), (box.left, base), (box.right, base)])
    tail = box.bottom if sign < 0 else box.top
    shaft = max(6, box.width * 2 // 7)
    pygame.draw.rect(surface, colour, (cx - shaft // 2, min(base, tail), shaft, abs(tail - base)))


def draw_right_arrow(surface: pygame.Surface, box: pygame.Rect, colour: theme.Colour) -> None:
    """"from … to …" as a shape (the bundled fonts have no → glyph)."""
    mid = box.centery
    head = max(8, box.height // 2)
    shaft = max(4, box.height // 5)
    pygame.draw.rect(surface, colour, (box.x, mid - shaft // 2, box.width - head + 2, shaft))
    tip = [(box.right, mid), (box.right - head, mid - head), (box.right - head, mid + head)]
    pygame.draw.polygon(surface, colour, tip)


class HudLayer:
    """For a scene that shows a :class:`Hud` as ``self.hud``: while a modal covers the scene, only the HUD's
    clock is repainted (the live area the modal backdrop asks for)."""

    hud: Hud

    def live_key(self) -> Any:
        return self.hud.live_key()

    def live_rect(self) -> pygame.Rect:
        return self.hud.live_rect()

    def draw_live(self, surface: pygame.Surface) -> None:
        self.hud.draw_live(surface)


class Hud:
    """The status strip in ``rect`` (the top of a puzzle screen's sidebar). ``before`` is the stability to compare
    with (the feedback screen passes the value before this answer); by default the previous value in the history.
    """

    def __init__(self, rect: pygame.Rect, session: Session, ctx: UiContext, lang: str, before: int | None = None):
        self.rect = pygame.Rect(rect)
        self.session = session
        self.ctx = ctx
        self.lang = lang
        self.before = before
        inner = self.rect.inflate(-2 * _PAD, -2 * theme.SPACE_XS)
        self.time_label = pygame.Rect(inner.x, inner.y, _TIME_W, 46)
        self.clock_box = pygame.Rect(inner.x, self.time_label.bottom, _TIME_W, inner.bottom - self.time_label.bottom)
        right = inner.x + _TIME_W + 2 * _PAD
        self.divider_x = inner.x + _TIME_W + _PAD
        self.stability_label = pygame.Rect(right, inner.y, inner.right - right, 46)
        row = pygame.Rect(right, self.time_label.bottom, inner.right - right, self.clock_box.height)
        self.value_box = pygame.Rect(row.x, row.y, 96, row.height)
        self.arrow_box = pygame.Rect(self.value_box.right + theme.SPACE_XS, row.centery - 24, 36, 48)
        self.trend_box = pygame.Rect(self.arrow_box.right + theme.SPACE_S, row.y,
                                     row.right - self.arrow_box.right - theme.SPACE_S, row.height)

    def t(self, id: str, /, **values: Any) -> str:
        return self.ctx.strings.t(id, self.lang, **values)

    # --- what it shows ----------------------------------------------------------------------------------------

    def stability(self) -> tuple[int, str]:
        """(value now, trend against ``before``)."""
        s = self.session
        now = s.stability
        before = self.before if self.before is not None else (s.history[-2] if len(s.history) > 1 else now)
        return now, trend(before, now)

    def labels(self) -> list[tuple[str, pygame.Rect, str, int]]:
        """Every fixed text with its box, role and size (for the fit test)."""
        name = self.session.scenario.scenario.bewoner.naam
        out = [(self.t("spel.room.time_left"), self.time_label, "regular", _LABEL),
               (self.t("spel.room.stability", naam=name), self.stability_label, "regular", _LABEL)]
        out += [(self.t(f"spel.room.trend_{word}"), self.trend_box, "bold", _TREND_WORD)
                for word in ("up", "down", "flat")]
        return out

    def key(self) -> Any:
        """Everything the still part reads."""
        return (self.lang, self.session.stability, self.stability(), self.session.phase)

    def live_rect(self) -> pygame.Rect:
        return self.clock_box

    def live_key(self) -> Any:
        left = self.session.remaining_s
        return clock_text(left), clock_colour(left)

    # --- drawing ----------------------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        self.draw_still(surface)
        self.draw_live(surface)

    def draw_still(self, surface: pygame.Surface) -> None:
        panel(surface, self.rect)
        pygame.draw.line(surface, theme.BORDER, (self.divider_x, self.rect.y + _PAD),
                         (self.divider_x, self.rect.bottom - _PAD), 2)
        (time_label, tbox, _, tsize), (stab_label, sbox, _, ssize) = self.labels()[:2]
        draw_text(self.ctx, surface, time_label, tbox, size=tsize, colour=theme.TEXT_MUTED, valign="middle")
        draw_text(self.ctx, surface, stab_label, sbox, size=ssize, colour=theme.TEXT_MUTED, valign="middle")
        value, direction = self.stability()
        colour = stability_colour(value)
        draw_text(self.ctx, surface, str(value), self.value_box, role="bold", size=_VALUE, colour=colour,
                  valign="middle", min_size=theme.TEXT_MIN)
        draw_trend_arrow(surface, self.arrow_box, direction, colour if direction != "flat" else theme.TEXT_MUTED)
        draw_text(self.ctx, surface, self.t(f"spel.room.trend_{direction}"), self.trend_box, role="bold",
                  size=_TREND_WORD, valign="middle")

    def draw_live(self, surface: pygame.Surface) -> None:
        """The clock (repaints all of ``live_rect``)."""
        surface.fill(theme.SURFACE, self.clock_box)
        left = self.session.remaining_s
        draw_text(self.ctx, surface, clock_text(left), self.clock_box, role="bold", size=_VALUE,
                  colour=clock_colour(left), valign="middle", min_size=theme.TEXT_MIN)
