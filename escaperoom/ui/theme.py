"""The look of the game in one place: colours, type sizes, touch sizes, spacing, and verdict/feedback styles.

Everything is measured on the 1920x1080 logical canvas and chosen for a shared screen read from 3-4 metres:
body text >= 36 px, titles >= 64 px, touch targets >= 120 px, text contrast >= 4.5:1 (``contrast_ratio``).
Verdicts never rely on colour alone: each has a word (catalogue id) and an icon shape (``escaperoom.ui.icons``).
Used by every widget and scene; contains no pygame calls.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

Colour = tuple[int, int, int]


def _hex(value: str) -> Colour:
    value = value.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


# --- canvas -----------------------------------------------------------------------------------------------

CANVAS_SIZE: tuple[int, int] = (1920, 1080)
CANVAS_WIDTH, CANVAS_HEIGHT = CANVAS_SIZE

# --- colours: calm dark navy/slate with one warm accent -------------------------------------------------------

BG: Colour = _hex("#0F1B2D")  # page background (navy)
SURFACE: Colour = _hex("#1B2A41")  # panels, cards, secondary buttons (slate)
SURFACE_RAISED: Colour = _hex("#263954")  # a raised panel on a panel, hovered rows
SURFACE_PRESSED: Colour = _hex("#31486A")  # a secondary button while pressed
BORDER: Colour = _hex("#4A6285")  # outlines of panels and fields (decorative, not text)
TEXT: Colour = _hex("#F3F5F9")  # main text
TEXT_MUTED: Colour = _hex("#B9C6D8")  # secondary text, placeholders
ACCENT: Colour = _hex("#F4A259")  # warm amber: primary buttons, selection
ACCENT_PRESSED: Colour = _hex("#E08A3C")
TEXT_ON_ACCENT: Colour = BG  # text on amber and on the verdict colours
FOCUS: Colour = _hex("#8FD3FF")  # the focus ring (sky blue, distinct from the amber accent)
DISABLED_FILL: Colour = _hex("#1F2D42")
DISABLED_TEXT: Colour = _hex("#93A1B5")
SCRIM_MULTIPLY: Colour = (96, 100, 112)  # a modal darkens the scene below by multiplying with this

# the document of the zwartlakken puzzle: dark ink on paper, blacked-out lines still faintly readable
PAPER: Colour = (244, 241, 234)
INK: Colour = (27, 36, 48)
INK_MUTED: Colour = (70, 80, 96)
BLACKED: Colour = (12, 12, 14)
BLACKED_TEXT: Colour = (150, 156, 166)
PAPER_FOCUS: Colour = (15, 95, 168)  # the focus ring on paper (FOCUS, sky blue, is too light on white)

GREEN: Colour = _hex("#5EDB8F")
BLUE: Colour = _hex("#7AB8FF")
RED: Colour = _hex("#FF8A80")
AMBER: Colour = _hex("#FFC857")
VIOLET: Colour = _hex("#C9B8FF")

# --- type sizes (px on the canvas) -------------------------------------------------------------------------

TEXT_MIN = 36  # nothing on screen is smaller
TITLE_MIN = 64  # a title never shrinks below this (read from 4 m)
TEXT_SMALL = 36
TEXT_BODY = 44
TEXT_LARGE = 56
TEXT_TITLE = 72
TEXT_HERO = 104

# --- sizes and spacing -------------------------------------------------------------------------------------

TOUCH_MIN = 120  # minimum height (and width) of anything you tap
BUTTON_HEIGHT = 128
ROW_HEIGHT = 120  # one option in a choice list
SPACE_XS = 8
SPACE_S = 16
SPACE_M = 24
SPACE_L = 40
SPACE_XL = 64
SPACE_XXL = 96
MARGIN = SPACE_XL  # distance from the canvas edge to content
RADIUS = 20
BORDER_WIDTH = 3
FOCUS_RING_WIDTH = 8
FOCUS_RING_GAP = 6
DRAG_SLOP = 16  # a pointer must move this far before a press on a card becomes a drag


# --- verdict and feedback styles ---------------------------------------------------------------------------


class Icon(StrEnum):
    """Icon shapes drawn with pygame.draw (no glyphs needed); see ``escaperoom.ui.icons.draw_icon``."""

    CHECK = "check"
    CROSS = "cross"
    ARROW = "arrow"
    WARNING = "warning"
    LOCK = "lock"
    SCALES = "scales"
    HAND = "hand"  # an open hand held up: holding back (te voorzichtig); the lock is the lock puzzle's


@dataclass(frozen=True)
class BadgeStyle:
    """How one verdict or feedback kind looks: its word (catalogue id), its colour and its icon shape."""

    word_id: str
    colour: Colour
    icon: Icon


VERDICT_STYLES: Mapping[str, BadgeStyle] = MappingProxyType(
    {
        "moet_delen": BadgeStyle("verdict.moet_delen", BLUE, Icon.ARROW),
        "mag_delen": BadgeStyle("verdict.mag_delen", GREEN, Icon.CHECK),
        "mag_niet_delen": BadgeStyle("verdict.mag_niet_delen", RED, Icon.CROSS),
    }
)

FEEDBACK_STYLES: Mapping[str, BadgeStyle] = MappingProxyType(
    {
        "goed": BadgeStyle("feedback.goed", GREEN, Icon.CHECK),
        "te_ruim": BadgeStyle("feedback.te_ruim", RED, Icon.WARNING),
        "te_voorzichtig": BadgeStyle("feedback.te_voorzichtig", AMBER, Icon.HAND),
        "verkeerde_grondslag": BadgeStyle("feedback.verkeerde_grondslag", VIOLET, Icon.SCALES),
    }
)


def _key(kind: object) -> str:
    return str(getattr(kind, "value", kind))


def verdict_style(verdict: object) -> BadgeStyle:
    """Style for a verdict given as its name (``"mag_delen"``) or an enum whose value is that name."""
    return VERDICT_STYLES[_key(verdict)]


def feedback_style(kind: object) -> BadgeStyle:
    """Style for a feedback kind (``"te_ruim"`` ...) given as a name or an enum whose value is that name."""
    return FEEDBACK_STYLES[_key(kind)]


# --- contrast ----------------------------------------------------------------------------------------------


def relative_luminance(colour: Colour) -> float:
    """WCAG 2.x relative luminance of an sRGB colour (0 = black, 1 = white)."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(c1: Colour, c2: Colour) -> float:
    """WCAG contrast ratio between two colours, from 1.0 (same) to 21.0 (black on white); order does not matter."""
    hi, lo = sorted((relative_luminance(c1), relative_luminance(c2)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


# Every (foreground, background) pair the widgets use for text or icons; a test holds each to >= 4.5:1.
TEXT_PAIRS: tuple[tuple[str, Colour, Colour], ...] = (
    *(
        (f"{fg_name} on {bg_name}", fg, bg)
        for fg_name, fg in (("TEXT", TEXT), ("TEXT_MUTED", TEXT_MUTED), ("FOCUS", FOCUS), ("ACCENT", ACCENT))
        for bg_name, bg in (("BG", BG), ("SURFACE", SURFACE), ("SURFACE_RAISED", SURFACE_RAISED))
    ),
    ("TEXT on SURFACE_PRESSED", TEXT, SURFACE_PRESSED),
    ("INK on PAPER", INK, PAPER),
    ("INK_MUTED on PAPER", INK_MUTED, PAPER),
    ("BLACKED_TEXT on BLACKED", BLACKED_TEXT, BLACKED),
    ("PAPER_FOCUS on PAPER", PAPER_FOCUS, PAPER),
    ("DISABLED_TEXT on DISABLED_FILL", DISABLED_TEXT, DISABLED_FILL),
    ("TEXT_ON_ACCENT on ACCENT", TEXT_ON_ACCENT, ACCENT),
    ("TEXT_ON_ACCENT on ACCENT_PRESSED", TEXT_ON_ACCENT, ACCENT_PRESSED),
    *(
        (f"{name} on {bg_name}", style.colour, bg)
        for styles in (VERDICT_STYLES, FEEDBACK_STYLES)
        for name, style in styles.items()
        for bg_name, bg in (("BG", BG), ("SURFACE", SURFACE), ("SURFACE_RAISED", SURFACE_RAISED))
    ),
    *(
        (f"TEXT_ON_ACCENT on {name}", TEXT_ON_ACCENT, style.colour)
        for styles in (VERDICT_STYLES, FEEDBACK_STYLES)
        for name, style in styles.items()
    ),
)
