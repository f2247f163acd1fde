"""Theme: readable contrast, minimum sizes, and verdicts that carry a word and a shape besides a colour."""

from __future__ import annotations

import pygame
import pytest

from escaperoom.ui import theme
from escaperoom.ui.icons import draw_icon


def test_contrast_ratio_matches_the_wcag_extremes():
    assert theme.contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert theme.contrast_ratio((255, 255, 255), (0, 0, 0)) == pytest.approx(21.0)
    assert theme.contrast_ratio(theme.BG, theme.BG) == pytest.approx(1.0)
    # WCAG's own example: #777777 on white is just under 4.5
    assert theme.contrast_ratio((0x77, 0x77, 0x77), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize(("name", "fg", "bg"), theme.TEXT_PAIRS, ids=[p[0] for p in theme.TEXT_PAIRS])
def test_every_text_colour_pair_has_at_least_4_5_to_1_contrast(name, fg, bg):
    assert theme.contrast_ratio(fg, bg) >= 4.5, name


def test_sizes_are_made_for_a_screen_read_from_four_metres():
    assert theme.CANVAS_SIZE == (1920, 1080)
    assert min(theme.TEXT_MIN, theme.TEXT_SMALL, theme.TEXT_BODY) >= 36
    assert theme.TEXT_TITLE >= 64
    assert min(theme.TOUCH_MIN, theme.BUTTON_HEIGHT, theme.ROW_HEIGHT) >= 120


@pytest.mark.parametrize("styles", [theme.VERDICT_STYLES, theme.FEEDBACK_STYLES], ids=["verdicts", "feedback"])
def test_each_verdict_and_feedback_kind_has_its_own_word_and_shape(styles, catalogue):
    assert len({s.icon for s in styles.values()}) == len(styles)
    for style in styles.values():
        assert catalogue.t(style.word_id)
        assert catalogue.t(style.word_id, "en")


def test_no_verdict_or_feedback_kind_wears_the_padlock_of_the_lock_puzzle():
    styles = [*theme.VERDICT_STYLES.values(), *theme.FEEDBACK_STYLES.values()]
    assert all(style.icon is not theme.Icon.LOCK for style in styles)
    assert theme.feedback_style("te_voorzichtig").icon is theme.Icon.HAND


def test_all_verdicts_and_error_kinds_have_a_style():
    assert set(theme.VERDICT_STYLES) == {"moet_delen", "mag_delen", "mag_niet_delen"}
    assert set(theme.FEEDBACK_STYLES) == {"te_ruim", "te_voorzichtig", "verkeerde_grondslag", "goed"}


def test_styles_are_found_by_name_or_by_an_enum_with_that_value():
    from enum import Enum

    class Verdict(Enum):
        MAG_DELEN = "mag_delen"

    assert theme.verdict_style(Verdict.MAG_DELEN) is theme.verdict_style("mag_delen")
    assert theme.feedback_style("te_ruim").icon is theme.Icon.WARNING


@pytest.mark.parametrize("icon", list(theme.Icon))
def test_each_icon_draws_something_and_stays_inside_its_box(icon):
    surface = pygame.Surface((200, 200))
    surface.fill((0, 0, 0))
    box = pygame.Rect(50, 60, 96, 80)
    draw_icon(surface, icon, box, (255, 255, 255), cutout=(0, 0, 0))
    drawn = pygame.mask.from_threshold(surface, (255, 255, 255), (1, 1, 1, 255))
    assert drawn.count() > 400
    bounds = drawn.get_bounding_rects()
    assert bounds and all(box.contains(r) for r in bounds)
