"""Fonts and the text cache: every UI character has a glyph, text is rendered once, text is fitted in its box."""

from __future__ import annotations

import pytest

from escaperoom.ui import theme
from escaperoom.ui.fonts import TextCache, missing_glyphs, prepare_text, wrap_lines


def test_ij_ligatures_are_written_as_two_letters():
    assert prepare_text("Ĳmuiden en ĳs") == "IJmuiden en ijs"


def test_every_character_in_the_ui_strings_has_a_glyph(catalogue):
    assert missing_glyphs("".join(catalogue.all_texts())) == set()


def test_missing_glyphs_names_characters_no_bundled_font_has():
    assert missing_glyphs("Pijl → klaar ✓") == {"→", "✓"}
    assert missing_glyphs("Ĳmuiden: €12,50 – “goed” (ëïé)\n\t") == set()


def test_text_atkinson_lacks_is_drawn_with_the_noto_fallback(fonts):
    assert not fonts.needs_fallback(prepare_text("Ĳmuiden"), "regular")
    assert fonts.needs_fallback("Жанна", "regular")
    assert fonts.font_for("Жанна", "bold", 44) is fonts.font("bold", 44, fallback=True)


def test_the_same_text_is_rendered_once_and_then_served_from_the_cache(text):
    first = text.render("Nieuw spel", "bold", 44, theme.TEXT)
    again = text.render("Nieuw spel", "bold", 44, theme.TEXT)
    assert again is first
    assert (text.misses, text.hits) == (1, 1)
    other_colour = text.render("Nieuw spel", "bold", 44, theme.TEXT_ON_ACCENT)
    assert other_colour is not first
    assert text.misses == 2


def test_the_cache_forgets_the_least_recently_used_text(fonts):
    cache = TextCache(fonts, max_entries=2)
    a = cache.render("a")
    cache.render("b")
    assert cache.render("a") is a  # a is now the most recent
    cache.render("c")  # evicts b
    assert len(cache) == 2
    assert cache.render("a") is a
    misses = cache.misses
    cache.render("b")
    assert cache.misses == misses + 1


def test_wrapped_text_stays_within_its_wrap_width(text):
    surface = text.render("Dit is een zin die over meerdere regels moet lopen.", "regular", 44, theme.TEXT, 400)
    assert surface.get_width() <= 400
    assert surface.get_height() >= 2 * text.fonts.line_height("regular", 44)


@pytest.mark.parametrize("width", [300, 350, 420])
def test_a_wrapped_line_never_starts_or_ends_with_a_space_and_fits_its_width(text, width):
    content = "Gemeente, schuldhulpverlening (vroegsignalering)  en  nog   iets\nTweede  alinea (met haakjes)"
    font = text.fonts.font("bold", 44)
    lines = wrap_lines(font, content, width).split("\n")
    assert len(lines) >= 3
    for line in lines:
        assert line == line.strip() and "  " not in line
        assert font.size(line)[0] <= width or " " not in line


def test_the_sort_zone_label_wraps_without_a_line_that_starts_with_a_space(text):
    font = text.fonts.font("bold", 44)
    lines = wrap_lines(font, "Gemeente, schuldhulpverlening (vroegsignalering)", 350).split("\n")
    assert lines[-1] == "(vroegsignalering)"


LONG = (
    "De wijkverpleegkundige vraagt of zij de diagnose van de huisarts mag doorgeven aan het sociaal wijkteam, "
    "zonder dat de cliënt daar toestemming voor heeft gegeven."
)


@pytest.mark.parametrize(
    ("content", "width", "height"),
    [
        ("Nieuw spel", 480, 104),
        ("Doorgaan met team De Ĳsvogels", 480, 104),
        ("Continue with team The Kingfishers", 480, 104),
        (LONG, 1200, 300),
        (LONG, 800, 600),
    ],
)
def test_fit_size_returns_the_largest_size_at_which_the_text_stays_in_its_box(text, content, width, height):
    size = text.fit_size(content, "bold", width, height, max_size=theme.TEXT_TITLE)
    assert theme.TEXT_MIN <= size <= theme.TEXT_TITLE
    assert text.fits(content, "bold", size, width, height)
    rendered = text.render(content, "bold", size, theme.TEXT, width)
    assert rendered.get_width() <= width and rendered.get_height() <= height
    if size < theme.TEXT_TITLE:
        assert not text.fits(content, "bold", size + 1, width, height)


def test_a_word_wider_than_the_box_does_not_fit_even_if_the_height_would(text):
    assert not text.fits("Verwerkingsverantwoordelijke", "regular", 44, 300, 1000)


def test_fit_size_gives_the_minimum_when_nothing_fits(text):
    assert text.fit_size(LONG, "regular", 300, 50, max_size=60) == theme.TEXT_MIN


def test_fit_size_is_worked_out_once_per_text_and_box(text):
    text.fit_size(LONG, "regular", 900, 400, max_size=60)
    misses = text.misses
    text.fit_size(LONG, "regular", 900, 400, max_size=60)
    assert text.misses == misses


BUTTON_IDS = [
    "title.new_game", "title.continue", "title.debrief", "title.quit", "title.language",
    "pause.resume", "pause.to_title", "pause.quit", "setup.start",
    "common.ok", "common.yes", "common.no", "common.cancel", "common.back", "common.next", "common.confirm",
    "common.close", "common.submit",
    "verdict.moet_delen", "verdict.mag_delen", "verdict.mag_niet_delen",
    "feedback.goed", "feedback.te_ruim", "feedback.te_voorzichtig", "feedback.verkeerde_grondslag",
]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_button_labels_fit_a_560_px_button_on_one_line_at_body_size_or_two_lines_at_minimum(text, catalogue, lang):
    from escaperoom.ui.widgets.button import _PAD_X, _PAD_Y

    width, height = 560 - 2 * _PAD_X, theme.TOUCH_MIN - 2 * _PAD_Y
    for id in BUTTON_IDS:
        label = catalogue.t(id, lang)
        assert text.fits(label, "bold", theme.TEXT_MIN, width, height), f"{id} [{lang}]: {label!r}"
