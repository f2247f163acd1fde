"""Fonts and the text cache: every UI character has a glyph, text is rendered once, text is fitted in its box."""

from __future__ import annotations

import pygame
import pytest

from escaperoom.ui import theme
from escaperoom.ui.fonts import TextCache, blit_in_box, missing_glyphs, prepare_text, wrap_lines
from escaperoom.ui.text_layout import Measure


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


# --- drawn line by line, measured not rendered: pixel for pixel what SDL draws for the whole text -------------------

def _corpus(catalogue) -> list[str]:
    """Every UI string and every text in the bundled puzzle files (long ones too, wrapped over many lines)."""
    import tomllib

    from escaperoom.paths import puzzels_dir

    found: list[str] = list(catalogue.all_texts())

    def walk(value) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for path in sorted(puzzels_dir().glob("*.toml")):
        walk(tomllib.loads(path.read_text(encoding="utf-8")))
    return sorted({t for t in found if t.strip()}) + ["Жанна ĳs\n\nnaast Ĳmuiden", "twee  spaties\teen tab", "a\n"]


def _sdl_render(fonts, text: str, role, size: int, colour, width: int, align) -> pygame.Surface:
    """What the text cache rendered before it went line by line: SDL's own render of the whole wrapped text."""
    from escaperoom.ui.fonts import _ALIGN

    prepared = prepare_text(text)
    font = fonts.font_for(prepared, role, size)
    font.align = _ALIGN[align]
    return font.render(wrap_lines(font, prepared, width) if width > 0 else prepared, True, colour, None, 0)


def _same_pixels(a: pygame.Surface, b: pygame.Surface) -> bool:
    return a.get_size() == b.get_size() and pygame.image.tobytes(a, "RGBA") == pygame.image.tobytes(b, "RGBA")


def test_a_text_rendered_line_by_line_has_the_pixels_of_sdls_wrapped_render(fonts, catalogue):
    corpus = _corpus(catalogue)
    cases = [(role, size, width, align) for role, size, width, align in
             [("regular", 36, 700, "left"), ("bold", 44, 480, "center"), ("regular", 40, 1100, "right"),
              ("bold", 64, 520, "left"), ("regular", 37, 0, "center")]]
    for role, size, width, align in cases:
        text = TextCache(fonts)
        for content in corpus[::3]:
            ours = text.render(content, role, size, theme.TEXT_MUTED, width, align)
            assert _same_pixels(ours, _sdl_render(fonts, content, role, size, theme.TEXT_MUTED, width, align)), \
                (role, size, width, align, content[:60])


def test_drawing_a_text_in_a_box_line_by_line_blits_the_same_pixels_as_blitting_it_whole(fonts, catalogue):
    corpus = [t for t in _corpus(catalogue) if len(t) > 60][::3]
    text = TextCache(fonts)
    box = pygame.Rect(37, 21, 640, 200)  # short: long texts are cut at a whole line
    for content, (align, valign) in zip(corpus, [("left", "top"), ("center", "middle"), ("right", "bottom")] * 99,
                                        strict=False):
        ours, whole = (pygame.Surface((800, 300)) for _ in range(2))
        for surface in (ours, whole):
            surface.fill(theme.SURFACE)
        text.draw_in_box(ours, content, box, "regular", 40, theme.TEXT, align, valign, fonts.line_height("regular", 40))
        rendered = _sdl_render(fonts, content, "regular", 40, theme.TEXT, box.width, align)
        blit_in_box(whole, rendered, box, align, valign, fonts.line_height("regular", 40))
        assert _same_pixels(ours, whole), (align, valign, content[:60])


@pytest.mark.parametrize("role", ["regular", "bold"])
def test_wrapping_from_word_widths_breaks_every_text_where_measuring_each_line_does(fonts, catalogue, role):
    corpus = [prepare_text(t) for t in _corpus(catalogue) if " " in t]
    measure = Measure()
    for size in (36, 43, 57, 72, 96):
        font = fonts.font(role, size)
        for width in (180, 420, 777, 1400):
            for content in corpus:
                lines, _ = measure.wrap(font, size, content, width)
                assert "\n".join(lines) == wrap_lines(font, content, width), (size, width, content[:60])


def _fit_by_rendering(fonts, text: str, role, width: int, height: int, max_size: int, min_size: int) -> int:
    """How the size was found before it was measured: render the wrapped text at every size tried."""
    def fits(size: int) -> bool:
        font = fonts.font_for(prepare_text(text), role, size)
        if any(font.size(w)[0] > width for w in prepare_text(text).replace("\n", " ").split(" ") if w):
            return False
        return _sdl_render(fonts, text, role, size, theme.TEXT, width, "left").get_height() <= height

    lo, hi, best = min_size, max_size, min_size
    while lo <= hi:
        mid = (lo + hi) // 2
        if fits(mid):
            best, lo = mid, mid + 1
        else:
            hi = mid - 1
    return best


def test_fitting_by_measuring_finds_the_size_rendering_every_probe_found(fonts, catalogue):
    corpus = _corpus(catalogue)[::4]
    text = TextCache(fonts)
    for content in corpus:
        for role, width, height, top in (("bold", 520, 240, 72), ("regular", 900, 300, 48), ("regular", 300, 130, 44)):
            assert text.fit_size(content, role, width, height, top, 36) == \
                _fit_by_rendering(fonts, content, role, width, height, top, 36), (role, width, content[:60])
    assert text.misses == 0  # nothing was rendered


def test_a_changed_text_renders_only_its_new_lines(fonts):
    text = TextCache(fonts)
    lines = [f"Regel {i}: een zin die op een eigen regel staat." for i in range(40)]
    text.render("\n".join(lines), "regular", 36, theme.TEXT, 1200)
    misses = text.misses
    lines[17] = "Regel 17 is veranderd."
    text.render("\n".join(lines), "regular", 36, theme.TEXT, 1200)
    assert text.misses == misses + 1


def test_the_cache_is_bounded_by_the_bytes_of_its_surfaces(fonts):
    cache = TextCache(fonts, max_bytes=2_000_000)
    for i in range(400):
        cache.render(f"Tekst nummer {i} die een hele regel breed wordt gemaakt", "regular", 64)
        assert cache.bytes <= 2_000_000
    assert 0 < len(cache) < 400
    assert cache.render("Tekst nummer 399 die een hele regel breed wordt gemaakt", "regular", 64) is not None
