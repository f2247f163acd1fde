"""The privacy compass on the overview: each team placed by how often it shared too widely against how often too
cautiously, with the diagonal, the axes in words and icons, and team names placed next to their dots by
``escaperoom.debrief.compass`` (a crowded dot is counted). ``compass_layout`` works it out once, ``draw_compass``
paints it. Used by the overview screen."""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from escaperoom.debrief.compass import counted, place_labels, spots
from escaperoom.ui import theme
from escaperoom.ui.context import UiContext
from escaperoom.ui.debrief.base import BODY, SMALL, debrief_text
from escaperoom.ui.debrief.blocks import draw_note
from escaperoom.ui.debrief.looks import error_look
from escaperoom.ui.draw import draw_text, panel
from escaperoom.ui.icons import draw_icon


@dataclass
class CompassLayout:
    rect: pygame.Rect
    plot: pygame.Rect
    ticks: list[tuple[int, int, int]]  # value, x, y
    points: list[tuple[tuple[int, int], str, pygame.Rect, bool]]  # centre, label ("" = none), box, leader line
    y_label: pygame.Surface
    top_value: int
    complete: bool = True  # every team at every dot is named in full
    counts: list[int] = field(default_factory=list)  # per point: the number of teams its dot shows (0 = none)
    note_box: pygame.Rect = field(default_factory=pygame.Rect)  # where "getal = aantal teams" goes (right-aligned)


_DOT_R = 24  # a compass dot that shows its number of teams (two digits at 36 px fit)


def compass_layout(ctx: UiContext, rect: pygame.Rect, points: list[tuple[str, int, int]], lang: str) -> CompassLayout:
    """Where the compass's dots, axis numbers and team names go. Names are placed by ``debrief.compass``: next to
    their dot, inside the panel, never over a dot, an axis number or the axis titles; a crowded dot gets
    "Team A, Team B (+46)", a long name '…'."""
    title_w = ctx.fonts.text_width(debrief_text(ctx, lang, "compass"), "bold", BODY)
    note_w = ctx.fonts.text_width(debrief_text(ctx, lang, "compass_count"), "regular", SMALL)  # "getal = aantal teams"
    below = title_w + theme.SPACE_M + note_w > rect.width - 48  # a narrow compass: the note under the title
    drop = 44 if below else 0
    plot = pygame.Rect(rect.x + 124, rect.y + 84 + drop, rect.width - 160, rect.height - 200 - drop)
    note_box = pygame.Rect(rect.x + 24, rect.y + 12 + (52 if below else 0), rect.width - 48, 56 if not below else 44)
    top_value = max([3, *(p[1] for p in points), *(p[2] for p in points)]) + 1
    step = 1 if top_value <= 6 else 2 if top_value <= 12 else 5

    def at(vx: float, vy: float) -> tuple[int, int]:
        return (round(plot.x + plot.width * vx / top_value), round(plot.bottom - plot.height * vy / top_value))

    ticks = [(v, *at(v, v)) for v in range(0, top_value + 1, step)]
    tick_h = ctx.fonts.line_height("regular", SMALL)
    obstacles: list[tuple[float, float, float, float]] = []
    for value, x, y in ticks:
        w = ctx.fonts.text_width(str(value), "regular", SMALL)
        obstacles.append((x - w / 2 - 4, plot.bottom + 18, x + w / 2 + 4, plot.bottom + 22 + tick_h))
        obstacles.append((plot.x - w - 32, y - tick_h / 2, plot.x - 24, y + tick_h / 2))
    obstacles.append((rect.x + 20, rect.y + 8, rect.x + 28 + title_w, rect.y + 72))
    obstacles.append((note_box.right - 8 - note_w, note_box.y - 4, note_box.right, note_box.bottom + 4))
    x_w = 52 + ctx.fonts.text_width(debrief_text(ctx, lang, "axis_x"), "bold", SMALL)
    obstacles.append((plot.centerx - x_w / 2 - 4, plot.bottom + 68, plot.centerx + x_w / 2 + 4, plot.bottom + 120))
    line = ctx.fonts.line_height("bold", SMALL)
    inside = rect.inflate(-2 * theme.SPACE_M, -2 * theme.SPACE_M)  # labels keep clear of the panel's border
    bounds = (plot.x + 6, inside.y, inside.right, plot.bottom + 12)

    def measure(text: str) -> float:
        return ctx.fonts.text_width(text, "bold", SMALL)

    placed = place_labels(spots(points), at, measure, line, bounds, obstacles, dot_radius=_DOT_R, gap=8)
    laid = [((round(p.centre[0]), round(p.centre[1])), p.text,
             pygame.Rect(round(p.box[0]), round(p.box[1]), round(p.box[2] - p.box[0]), round(p.box[3] - p.box[1])),
             p.far) for p in placed]
    counts = [len(p.spot.teams) if counted(p) else 0 for p in placed]
    broad = error_look(ctx, "te_ruim")
    y_title = ctx.text.render(debrief_text(ctx, lang, "axis_y"), "bold", SMALL, broad.colour)
    y_label = pygame.transform.rotate(y_title, 90)
    return CompassLayout(rect, plot, ticks, laid, y_label, top_value, all(p.complete for p in placed), counts,
                         note_box)


def draw_compass(ctx: UiContext, surface: pygame.Surface, lay: CompassLayout, lang: str) -> None:
    panel(surface, lay.rect)
    plot = lay.plot
    for value, x, y in lay.ticks:
        pygame.draw.line(surface, theme.SURFACE_RAISED, (x, plot.y), (x, plot.bottom), 2)
        pygame.draw.line(surface, theme.SURFACE_RAISED, (plot.x, y), (plot.right, y), 2)
        tick = ctx.text.render(str(value), "regular", SMALL, theme.TEXT_MUTED)
        surface.blit(tick, (x - tick.get_width() // 2, plot.bottom + 22))
        surface.blit(tick, (plot.x - tick.get_width() - 28, y - tick.get_height() // 2))
    pygame.draw.rect(surface, theme.BORDER, plot, 3)
    # the diagonal: as often too broad as too cautious (dashed)
    steps = 24
    for i in range(0, steps, 2):
        a = (plot.x + plot.width * i / steps, plot.bottom - plot.height * i / steps)
        b = (plot.x + plot.width * (i + 1) / steps, plot.bottom - plot.height * (i + 1) / steps)
        pygame.draw.line(surface, theme.BORDER, a, b, 3)
    cautious, broad = error_look(ctx, "te_voorzichtig"), error_look(ctx, "te_ruim")  # the table's icons
    x_label = ctx.text.render(debrief_text(ctx, lang, "axis_x"), "bold", SMALL, cautious.colour)
    icon_box = pygame.Rect(0, 0, 40, 40)
    total = icon_box.width + 12 + x_label.get_width()
    icon_box.topleft = (plot.centerx - total // 2, plot.bottom + 74)
    if cautious.icon is not None:
        draw_icon(surface, cautious.icon, icon_box, cautious.colour, theme.SURFACE)
    surface.blit(x_label, (icon_box.right + 12, plot.bottom + 72))
    warn_box = pygame.Rect(lay.rect.x + 14, plot.y, 40, 40)
    if broad.icon is not None:
        draw_icon(surface, broad.icon, warn_box, broad.colour, theme.SURFACE)
    surface.blit(lay.y_label, (lay.rect.x + 14, warn_box.bottom + 10))
    title = pygame.Rect(lay.rect.x + 24, lay.rect.y + 12, lay.rect.width - 48, 56)
    draw_text(ctx, surface, debrief_text(ctx, lang, "compass"), title, role="bold", size=BODY, valign="middle")
    for centre, label, box, far in lay.points:
        if label and (far or abs(box.centery - centre[1]) > box.height // 2):  # not level with its dot
            near = (min(max(centre[0], box.x), box.right), min(max(centre[1], box.y + 6), box.bottom - 6))
            pygame.draw.line(surface, theme.TEXT_MUTED, centre, near, 3)
    for (centre, _, _, _), count in zip(lay.points, lay.counts, strict=True):
        if count:  # the number of teams at this dot, dark on the accent
            pygame.draw.circle(surface, theme.BG, centre, _DOT_R + 3)
            pygame.draw.circle(surface, theme.ACCENT, centre, _DOT_R)
            number = ctx.text.render(str(count), "bold", SMALL, theme.TEXT_ON_ACCENT)
            surface.blit(number, number.get_rect(center=centre))
        else:
            pygame.draw.circle(surface, theme.BG, centre, 19)
            pygame.draw.circle(surface, theme.ACCENT, centre, 15)
    for _, label, box, _ in lay.points:
        if label:
            surface.blit(ctx.text.render(label, "bold", SMALL, theme.TEXT), box.topleft)
    if any(lay.counts):  # what the numbers mean, on the title's line
        draw_note(ctx, surface, debrief_text(ctx, lang, "compass_count"), lay.note_box)
