"""The HTML report's charts as inline SVG: the privacy compass (te ruim against te voorzichtig per team, names placed
by ``escaperoom.debrief.compass``) and the stacked bar of how the teams spread over the answers of one item.

Used by ``escaperoom.debrief.report.html``. Pure (no pygame). Team names are escaped; every other text is the
catalogue's (``nabespreking.rapport.*``), escaped too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from escaperoom.debrief.compass import PlacedLabel, counted, estimate_width, place_labels, spots
from escaperoom.debrief.report.texts import escape, word

Box = tuple[float, float, float, float]
Points = Sequence[tuple[str, int, int]]  # (team, te ruim, te voorzichtig)

COLOURS = {"goed": "#1f8a4c", "te_ruim": "#c62828", "te_voorzichtig": "#b26a00", "verkeerde_grondslag": "#6a4fb3",
           "fout": "#5f6b7a", "info": "#5f6b7a"}
_LABEL_PX = 15
_LEFT, _RIGHT, _TOP, _BOTTOM = 70, 20, 20, 60


def compass_svg(points: Points, width: int = 680, height: int = 480, *, lang: str = "nl") -> str:
    """The privacy compass: per team te voorzichtig (x) against te ruim (y), as inline SVG. Team names stand next
    to their dot, inside the chart and clear of dots, axis numbers and each other; a crowded dot is summarised
    ("Team A, Team B (+46)") and a dot of several teams (or without room for a name) shows their number —
    :func:`compass_labels` says which, so the report can list them in full."""
    return compass(points, width, height, lang)[0]


def compass_labels(points: Points, width: int = 680, height: int = 480, *, lang: str = "nl") -> list[PlacedLabel]:
    """The labels :func:`compass_svg` writes (to tell whether every team is named in full)."""
    return compass(points, width, height, lang)[1]


class _Frame:
    """The plot area of a compass whose axes run from 0 to ``top_value``: value -> pixel."""

    def __init__(self, width: int, height: int, top_value: int) -> None:
        self.width, self.height, self.top_value = width, height, top_value
        self.plot_w, self.plot_h = width - _LEFT - _RIGHT, height - _TOP - _BOTTOM

    def x(self, v: float) -> float:
        return _LEFT + self.plot_w * v / self.top_value

    def y(self, v: float) -> float:
        return _TOP + self.plot_h * (1 - v / self.top_value)


def compass(points: Points, width: int, height: int, lang: str) -> tuple[str, list[PlacedLabel]]:
    """The compass SVG and the labels it places."""
    top_value = max([3, *(p[1] for p in points), *(p[2] for p in points)]) + 1
    f = _Frame(width, height, top_value)
    parts = [f'<svg class="compass" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
             'aria-labelledby="kompas-titel kompas-uitleg" xmlns="http://www.w3.org/2000/svg">',
             f'<title id="kompas-titel">{escape(word("compass", lang))}</title>',
             f'<desc id="kompas-uitleg">{escape(word("compass_desc", lang))}</desc>',
             f'<rect x="{_LEFT}" y="{_TOP}" width="{f.plot_w}" height="{f.plot_h}" fill="#f7f9fc" stroke="#9aa7b8"/>']
    obstacles = _grid(f, parts)
    obstacles += _axes(f, parts, lang)
    measure = estimate_width(_LABEL_PX)
    bounds = (_LEFT + 2, 2, width - 4, _TOP + f.plot_h + 7)
    labels = place_labels(spots(points), lambda vx, vy: (f.x(vx), f.y(vy)), measure, 19, bounds, obstacles,
                          dot_radius=12, gap=4)
    parts += _dots(labels)
    parts.append("</svg>")
    return "".join(parts), labels


def _grid(f: _Frame, parts: list[str]) -> list[Box]:
    """The grid lines and axis numbers (appended to ``parts``); returns the numbers' boxes."""
    step = 1 if f.top_value <= 10 else 2 if f.top_value <= 20 else 5
    tick = estimate_width(13, bold=False)
    bottom = _TOP + f.plot_h
    obstacles: list[Box] = []
    for v in range(0, f.top_value + 1, step):
        x, y = f.x(v), f.y(v)
        parts.append(f'<line x1="{x:.1f}" y1="{_TOP}" x2="{x:.1f}" y2="{bottom}" stroke="#dde3ec"/>')
        parts.append(f'<line x1="{_LEFT}" y1="{y:.1f}" x2="{_LEFT + f.plot_w}" y2="{y:.1f}" stroke="#dde3ec"/>')
        parts.append(f'<text x="{x:.1f}" y="{bottom + 22}" text-anchor="middle" class="tick">{v}</text>')
        parts.append(f'<text x="{_LEFT - 10}" y="{y + 5:.1f}" text-anchor="end" class="tick">{v}</text>')
        w = tick(str(v))
        obstacles.append((x - w / 2 - 3, bottom + 8, x + w / 2 + 3, bottom + 26))
        obstacles.append((_LEFT - 12 - w, y - 9, _LEFT - 8, y + 9))
    return obstacles


def _axes(f: _Frame, parts: list[str], lang: str) -> list[Box]:
    """The diagonal of balance, the two zone words and the axis titles (appended to ``parts``); returns the zone
    words' boxes."""
    top = f.top_value
    parts.append(f'<line x1="{f.x(0):.1f}" y1="{f.y(0):.1f}" x2="{f.x(top):.1f}" y2="{f.y(top):.1f}" '
                 'stroke="#9aa7b8" stroke-dasharray="6 6"/>')
    zone: Callable[[str], float] = estimate_width(14, bold=False)
    broad, cautious = word("zone_broad", lang) + " ↑", word("zone_cautious", lang) + " →"
    zx, zy = f.x(top * 0.04), f.y(top * 0.95) + 4
    parts.append(f'<text x="{zx:.1f}" y="{zy:.1f}" class="zone">{escape(broad)}</text>')
    zx2, zy2 = f.x(top * 0.97), f.y(top * 0.04)
    parts.append(f'<text x="{zx2:.1f}" y="{zy2:.1f}" text-anchor="end" class="zone">{escape(cautious)}</text>')
    parts.append(f'<text x="{_LEFT + f.plot_w / 2:.1f}" y="{f.height - 10}" text-anchor="middle" class="axis">'
                 f'{escape(word("axis_cautious", lang))}</text>')
    parts.append(f'<text transform="translate(18 {_TOP + f.plot_h / 2:.1f}) rotate(-90)" text-anchor="middle" '
                 f'class="axis">{escape(word("axis_broad", lang))}</text>')
    return [(zx - 2, zy - 14, zx + zone(broad) + 2, zy + 4), (zx2 - zone(cautious) - 2, zy2 - 14, zx2 + 2, zy2 + 4)]


def _dots(labels: Sequence[PlacedLabel]) -> list[str]:
    """Leader lines, then the dots (with their number of teams where :func:`counted`), then the names."""
    parts = []
    for label in labels:
        level = abs((label.box[1] + label.box[3]) / 2 - label.centre[1]) <= (label.box[3] - label.box[1]) / 2
        if label.far or not level:  # not level with its dot: a leader line
            bx = min(max(label.centre[0], label.box[0]), label.box[2])
            by = min(max(label.centre[1], label.box[1]), label.box[3])
            parts.append(f'<line x1="{label.centre[0]:.1f}" y1="{label.centre[1]:.1f}" x2="{bx:.1f}" y2="{by:.1f}" '
                         'stroke="#5f6b7a" stroke-width="1.5"/>')
    for label in labels:
        cx, cy = label.centre
        big = counted(label)
        parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{12 if big else 9}" fill="#1b2a41" stroke="#fff" '
                     'stroke-width="2"/>')
        if big:  # the number of teams at this spot
            parts.append(f'<text x="{cx:.1f}" y="{cy + 4.5:.1f}" text-anchor="middle" class="count">'
                         f"{len(label.spot.teams)}</text>")
    for label in labels:
        if label.placed:
            parts.append(f'<text x="{label.box[0]:.1f}" y="{label.box[3] - 5:.1f}" class="team">{escape(label.text)}'
                         "</text>")
    return parts


def spread_svg(segments: Sequence[tuple[int, str]], total: int) -> str:
    """A stacked bar of ``total`` teams: (count, status) segments, then the teams without an answer."""
    if total <= 0:
        return ""
    parts = ['<svg class="bar" viewBox="0 0 100 6" preserveAspectRatio="none" role="presentation" '
             'xmlns="http://www.w3.org/2000/svg">', '<rect x="0" y="0" width="100" height="6" fill="#e6eaf0"/>']
    pos = 0.0
    for count, status in segments:
        w = 100 * count / total
        parts.append(f'<rect x="{pos:.2f}" y="0" width="{w:.2f}" height="6" fill="{COLOURS.get(status, "#5f6b7a")}"'
                     ' stroke="#fff" stroke-width="0.4"/>')
        pos += w
    parts.append("</svg>")
    return "".join(parts)
