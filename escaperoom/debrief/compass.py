"""Where the privacy compass writes its team names: next to each dot, inside the chart, never over a dot, an axis
number or another label. A group too long for the room is summarised ("Team A, Team B (+46)"), a name too long
is cut with '…', and a dot with no room for a name shows its number of teams (so does every dot of several).
Pure (no pygame): the big screen measures with its fonts, the HTML report with an estimate.
Used by ``escaperoom.debrief.report.svg`` (inline SVG) and ``escaperoom.ui.debrief.compass`` (the overview).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

Box = tuple[float, float, float, float]  # left, top, right, bottom
Measure = Callable[[str], float]  # the width of a text in the label font


@dataclass(frozen=True)
class Spot:
    """The teams at one point of the compass: ``x`` times too cautious, ``y`` times too broad."""

    x: int
    y: int
    teams: tuple[str, ...]


@dataclass(frozen=True)
class PlacedLabel:
    """A spot's label: the text as written, its box, and how many of the spot's names it writes out. A spot with
    no free place for even one name gets no label (``text`` is "", ``placed`` False): its dot then shows the
    number of teams there, and the names are in the table or the list under the chart."""

    spot: Spot
    centre: tuple[float, float]
    text: str
    box: Box
    shown: int  # names written out in full or cut; the rest is behind "(+N)"
    cut: bool = False  # a name was shortened with '…'
    placed: bool = True
    far: bool = False  # placed away from its dot: draw a leader line

    @property
    def complete(self) -> bool:
        return self.placed and self.shown == len(self.spot.teams) and not self.cut


def spots(points: Sequence[tuple[str, int, int]]) -> list[Spot]:
    """(team, te ruim, te voorzichtig) per team -> the teams grouped per point, in the order met."""
    groups: dict[tuple[int, int], list[str]] = {}
    for team, ruim, voorzichtig in points:
        groups.setdefault((voorzichtig, ruim), []).append(team)
    return [Spot(x, y, tuple(teams)) for (x, y), teams in groups.items()]


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _inside(box: Box, bounds: Box) -> bool:
    return box[0] >= bounds[0] and box[1] >= bounds[1] and box[2] <= bounds[2] and box[3] <= bounds[3]


def cut_text(text: str, width: float, measure: Measure) -> str:
    """``text`` shortened with '…' (at a word when one fits, else at a character) to at most ``width``."""
    if measure(text) <= width:
        return text
    words = text.split()
    for n in range(len(words) - 1, 0, -1):
        candidate = " ".join(words[:n]) + " …"
        if measure(candidate) <= width:
            return candidate
    for n in range(len(text) - 1, 0, -1):
        candidate = text[:n].rstrip() + "…"
        if measure(candidate) <= width:
            return candidate
    return "…"


def label_forms(teams: Sequence[str], suffix: str, measure: Measure, max_width: float) -> list[tuple[str, int, bool]]:
    """The ways to write a spot's label, longest first, each at most ``max_width`` wide:
    every name; fewer names and "(+N)"; the first name cut with '…' and "(+N)". As (text, names shown, cut)."""
    n = len(teams)
    forms: list[tuple[str, int, bool]] = []
    full = ", ".join(teams) + suffix
    if measure(full) <= max_width:
        forms.append((full, n, False))
    shorter: list[tuple[str, int, bool]] = []
    for k in range(1, n):  # one name more is a wider label: stop at the first that does not fit (linear in n)
        text = ", ".join(teams[:k]) + f" (+{n - k})" + suffix
        if measure(text) > max_width:
            break
        shorter.append((text, k, False))
    forms += reversed(shorter)
    if not forms:
        more = f" (+{n - 1})" if n > 1 else ""
        room = max_width - measure(more + suffix)
        head = cut_text(teams[0], room, measure) if room > 0 else "…"
        forms.append((head + more + suffix, 1, True))
    return forms


def _candidates(cx: float, cy: float, w: float, h: float, gap: float, ring: int) -> list[Box]:
    """Boxes of ``w`` x ``h`` around a dot at (cx, cy): right, left, then above/below on both sides; ring 2 and 3
    further out (with a leader line)."""
    d = gap * ring + (ring - 1) * h * 0.6
    lift = h * 0.5 + gap * 0.4 + (ring - 1) * h * 0.5
    spots = [(cx + d, cy - h / 2), (cx - d - w, cy - h / 2),
             (cx + d * 0.6, cy - h - lift), (cx + d * 0.6, cy + lift),
             (cx - d * 0.6 - w, cy - h - lift), (cx - d * 0.6 - w, cy + lift),
             (cx - w / 2, cy - h - lift - d * 0.3), (cx - w / 2, cy + lift + d * 0.3)]
    return [(x, y, x + w, y + h) for x, y in spots]


def place_labels(groups: Sequence[Spot], at: Callable[[int, int], tuple[float, float]], measure: Measure,
                 line_height: float, bounds: Box, obstacles: Sequence[Box] = (), *, dot_radius: float = 12,
                 gap: float = 18, max_width: float | None = None) -> list[PlacedLabel]:
    """A label for every spot that has room for one. ``at`` maps a spot to its dot's centre; ``obstacles`` are
    the axis numbers and titles; ``bounds`` is where labels may go. Every dot is an obstacle too, and so is every
    label placed before: labels never overlap anything. A spot gets the first free box around its dot in its
    longest form that fits, else a shorter form ("(+N)"); with few dots also a box further out (with a leader
    line); else no label at all (the dot then shows its number of teams)."""
    centres = {(s.x, s.y): at(s.x, s.y) for s in groups}
    r = dot_radius + 4
    fixed = list(obstacles) + [(cx - r, cy - r, cx + r, cy + r) for cx, cy in centres.values()]
    width_limit = max_width if max_width is not None else (bounds[2] - bounds[0]) * 0.9
    rings = (1, 2) if len(groups) <= 8 else (1,)  # far labels and their lines only where the chart is calm
    placed: list[PlacedLabel] = []
    taken: list[Box] = []
    for spot in sorted(groups, key=lambda s: (-s.y, s.x)):
        cx, cy = centres[(spot.x, spot.y)]
        choice: PlacedLabel | None = None
        for ring in rings:
            for text, shown, cut in label_forms(spot.teams, "", measure, width_limit):
                w = measure(text)
                for box in _candidates(cx, cy, w, line_height, gap + dot_radius, ring):
                    if (_inside(box, bounds) and not any(_overlaps(box, o) for o in fixed)
                            and not any(_overlaps(box, t) for t in taken)):
                        choice = PlacedLabel(spot, (cx, cy), text, box, shown, cut, True, ring > 1)
                        break
                if choice:
                    break
            if choice:
                break
        if choice is None:
            choice = PlacedLabel(spot, (cx, cy), "", (cx, cy, cx, cy), 0, False, False, False)
        else:
            taken.append(choice.box)
        placed.append(choice)
    return placed


def counted(label: PlacedLabel) -> bool:
    """Whether the dot writes its number of teams: several teams there, or no name next to it."""
    return len(label.spot.teams) > 1 or not label.placed


def estimate_width(font_px: float, bold: bool = True) -> Measure:
    """A text width estimate for the HTML report's SVG (sans-serif; on the safe side, so labels never spill)."""
    per_char = font_px * (0.62 if bold else 0.57)
    wide = set("MWmw@%")
    narrow = set("iljtfrI.,:;'!|() ")

    def measure(text: str) -> float:
        total = 0.0
        for ch in text:
            total += per_char * (1.3 if ch in wide else 0.55 if ch in narrow else 1.0)
        return total

    return measure
