"""The privacy compass's team names: next to their dot, inside the chart, never over a dot, an axis number or
another name; crowded dots summarised with "(+N)", long names cut with '…' (escaperoom.debrief.compass)."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from escaperoom.debrief.compass import Spot, counted, cut_text, estimate_width, label_forms, place_labels, spots
from escaperoom.debrief.report import compass_labels, compass_svg

MEASURE = estimate_width(15)
BOUNDS = (0.0, 0.0, 600.0, 400.0)


def _at(x: int, y: int) -> tuple[float, float]:
    return 40 + 100 * x, 360 - 80 * y


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _teams(n: int, seed: int) -> list[tuple[str, int, int]]:
    rng = random.Random(seed)
    return [(f"Team {i + 1}", rng.randint(0, 4), rng.randint(0, 4)) for i in range(n)]


@pytest.mark.parametrize("n,seed", [(1, 0), (5, 1), (12, 2), (25, 3), (50, 4), (50, 5)])
def test_labels_stay_inside_and_never_cover_a_dot_or_an_axis_number(n, seed):
    axis_numbers = [(0, 370, 600, 400)]  # a strip of tick labels under the chart
    placed = place_labels(spots(_teams(n, seed)), _at, MEASURE, 19, BOUNDS, axis_numbers, dot_radius=9, gap=6)
    dots = [(cx - 13, cy - 13, cx + 13, cy + 13) for cx, cy in (p.centre for p in placed)]
    assert len(placed) == len(spots(_teams(n, seed)))  # every dot is there, with a name or its number of teams
    boxes = [label.box for label in placed if label.placed]
    for label in placed:
        if not label.placed:
            assert counted(label) and label.text == ""
            continue
        box = label.box
        assert BOUNDS[0] <= box[0] and box[2] <= BOUNDS[2] and BOUNDS[1] <= box[1] and box[3] <= BOUNDS[3]
        assert not any(_overlap(box, d) for d in dots), label
        assert not _overlap(box, axis_numbers[0]), label
    assert all(not _overlap(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:])  # no two names overlap


def test_a_crowded_dot_names_the_first_teams_and_counts_the_rest():
    group = Spot(1, 1, tuple(f"Team {i}" for i in range(1, 48)))
    [label] = place_labels([group], _at, MEASURE, 19, BOUNDS)
    assert label.text.startswith("Team 1, Team 2") and label.text.endswith(f"(+{47 - label.shown})")
    assert 0 < label.shown < 47 and not label.complete
    assert MEASURE(label.text) <= (BOUNDS[2] - BOUNDS[0]) * 0.9


def test_a_name_too_long_for_the_chart_is_cut_with_an_ellipsis():
    forms = label_forms(["Het zeer uitgebreide samenwerkingsverband van wijkteams in de regio"], "", MEASURE, 200)
    text, shown, cut = forms[-1]
    assert cut and text.endswith("…") and MEASURE(text) <= 200
    assert cut_text("kort", 200, MEASURE) == "kort"


def test_a_crowded_chart_shows_numbers_of_teams_where_names_do_not_fit():
    points = [(f"Wijkteam {i + 1}", i % 7, (i * 3) % 8) for i in range(50)]  # 50 teams, every dot taken nearby
    placed = place_labels(spots(points), _at, MEASURE, 19, BOUNDS, dot_radius=12, gap=4)
    assert any(not p.placed for p in placed) and all(counted(p) for p in placed if not p.placed)


def test_the_report_compass_writes_every_label_inside_the_svg_and_numbers_in_the_dots():
    points = _teams(50, 7)
    labels = compass_labels(points)
    svg = compass_svg(points)
    assert svg.count('class="team"') == sum(1 for label in labels if label.placed)
    assert svg.count('class="count"') == sum(1 for label in labels if counted(label))
    for label in labels:
        assert label.box[0] >= 0 and label.box[2] <= 680 and label.box[1] >= 0 and label.box[3] <= 480


def _forms_by_trying_every_count(teams, suffix, measure, max_width):
    """label_forms as it was first written: every number of names tried (quadratic in the number of teams)."""
    n = len(teams)
    forms = []
    for k in range(n, 0, -1):
        more = f" (+{n - k})" if k < n else ""
        text = ", ".join(teams[:k]) + more + suffix
        if measure(text) <= max_width:
            forms.append((text, k, False))
    return forms


@given(st.lists(st.text(min_size=1, max_size=14), min_size=1, max_size=40), st.integers(20, 700))
def test_label_forms_stop_at_the_first_count_that_does_not_fit_and_find_the_same_forms(teams, width):
    """One name more is a wider label, so trying counts upwards can stop at the first that does not fit: linear
    in the number of teams (a spot of 2,000 teams), with the same forms as trying every count."""
    expected = _forms_by_trying_every_count(teams, "", MEASURE, width)
    forms = label_forms(teams, "", MEASURE, width)
    assert forms == expected or (not expected and len(forms) == 1 and forms[0][2])
