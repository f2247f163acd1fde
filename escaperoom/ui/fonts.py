"""Fonts and rendered text: loads the bundled faces once, renders text through an LRU cache, fits text in boxes.

Atkinson Hyperlegible is the main face; a text with a character Atkinson lacks is drawn in Noto Sans instead.
Atkinson has no Ĳ/ĳ, so those are written as IJ/ij first (``prepare_text``). ``TextCache.fit_size`` finds the
largest size at which a text stays inside its box, so no label leaves its box in any language.
``missing_glyphs`` tells which characters no bundled face can draw (a test runs it over all UI strings).
"""

from __future__ import annotations

import unicodedata
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

import pygame
import pygame.freetype

from escaperoom import paths
from escaperoom.ui import theme
from escaperoom.ui.theme import Colour

Role = Literal["regular", "bold"]
Align = Literal["left", "center", "right"]
ROLES: tuple[Role, ...] = ("regular", "bold")

# role -> (main face, fallback face)
FACES: dict[str, tuple[str, str]] = {
    "regular": ("AtkinsonHyperlegible-Regular.ttf", "NotoSans-Regular.ttf"),
    "bold": ("AtkinsonHyperlegible-Bold.ttf", "NotoSans-Bold.ttf"),
}
_ALIGN = {"left": pygame.FONT_LEFT, "center": pygame.FONT_CENTER, "right": pygame.FONT_RIGHT}
_SUBSTITUTES = str.maketrans({"Ĳ": "IJ", "ĳ": "ij"})


def fonts_dir() -> Path:
    return paths.assets_dir() / "fonts"


def prepare_text(text: str) -> str:
    """Text as it is drawn: NFC-normalised, with Ĳ/ĳ written as IJ/ij (Atkinson has no ligature glyph)."""
    return unicodedata.normalize("NFC", text).translate(_SUBSTITUTES)


def _needs_glyph(char: str) -> bool:
    return not (char.isspace() or unicodedata.category(char) in ("Cc", "Cf"))


class _GlyphIndex:
    """Which characters each face can draw, asked of FreeType (``get_metrics`` gives None for a missing glyph)."""

    def __init__(self, directory: Path):
        if not pygame.freetype.get_init():
            pygame.freetype.init()
        self._faces = {
            name: pygame.freetype.Font(str(directory / name), size=24) for pair in FACES.values() for name in pair
        }
        self._known: dict[tuple[str, str], bool] = {}

    def has(self, face: str, char: str) -> bool:
        key = (face, char)
        found = self._known.get(key)
        if found is None:
            found = self._faces[face].get_metrics(char)[0] is not None
            self._known[key] = found
        return found


def missing_glyphs(text: str, directory: Path | None = None) -> set[str]:
    """Characters of ``text`` (after ``prepare_text``) that neither the main nor the fallback face can draw,
    in any role. Whitespace and control characters are not counted."""
    index = _GlyphIndex(directory or fonts_dir())
    chars = {c for c in prepare_text(text) if _needs_glyph(c)}
    return {
        c for c in chars if any(not (index.has(main, c) or index.has(fallback, c)) for main, fallback in FACES.values())
    }


class Fonts:
    """The bundled faces as ``pygame.font.Font`` objects, one per (role, size, face), loaded on first use."""

    def __init__(self, directory: Path | None = None):
        if not pygame.font.get_init():
            pygame.font.init()
        self.directory = directory or fonts_dir()
        for main, fallback in FACES.values():
            for name in (main, fallback):
                if not (self.directory / name).is_file():
                    raise FileNotFoundError(f"lettertype ontbreekt: {self.directory / name}")
        self._fonts: dict[tuple[str, int, bool], pygame.font.Font] = {}
        self._glyphs = _GlyphIndex(self.directory)
        self._fallback_needed: dict[tuple[str, str], bool] = {}

    def font(self, role: Role, size: int, *, fallback: bool = False) -> pygame.font.Font:
        key = (role, size, fallback)
        font = self._fonts.get(key)
        if font is None:
            name = FACES[role][1 if fallback else 0]
            font = pygame.font.Font(str(self.directory / name), size)
            self._fonts[key] = font
        return font

    def needs_fallback(self, prepared: str, role: Role) -> bool:
        """True when the main face lacks a character of the (already prepared) text."""
        key = (prepared, role)
        found = self._fallback_needed.get(key)
        if found is None:
            main = FACES[role][0]
            found = any(_needs_glyph(c) and not self._glyphs.has(main, c) for c in prepared)
            if len(self._fallback_needed) >= 4096:  # typed text makes a new string per key press
                self._fallback_needed.clear()
            self._fallback_needed[key] = found
        return found

    def font_for(self, prepared: str, role: Role, size: int) -> pygame.font.Font:
        return self.font(role, size, fallback=self.needs_fallback(prepared, role))

    def line_height(self, role: Role, size: int) -> int:
        return self.font(role, size).get_linesize()

    def text_width(self, text: str, role: Role, size: int) -> int:
        """Width of ``text`` on one line (no wrapping)."""
        prepared = prepare_text(text)
        return self.font_for(prepared, role, size).size(prepared)[0]


class TextCache:
    """Rendered text surfaces keyed by (text, role, size, colour, wrap width, align), least recently used dropped.

    ``render`` is what widgets call from ``draw``: after the first frame it is a dictionary look-up.
    ``wrap_width`` > 0 wraps at spaces (``wrap_lines``) and aligns the lines with each other (the surface is as wide
    as its widest line, at most ``wrap_width`` unless one word is wider); 0 draws one line per ``\\n``.
    """

    def __init__(self, fonts: Fonts, max_entries: int = 1024):
        self.fonts = fonts
        self.max_entries = max_entries
        self._surfaces: OrderedDict[tuple, pygame.Surface] = OrderedDict()
        self._fit: OrderedDict[tuple, int] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._surfaces)

    def clear(self) -> None:
        self._surfaces.clear()
        self._fit.clear()

    def render(
        self,
        text: str,
        role: Role = "regular",
        size: int = theme.TEXT_BODY,
        colour: Colour = theme.TEXT,
        wrap_width: int = 0,
        align: Align = "left",
    ) -> pygame.Surface:
        key = (text, role, size, tuple(colour), wrap_width, align)
        surface = self._surfaces.get(key)
        if surface is not None:
            self.hits += 1
            self._surfaces.move_to_end(key)
            return surface
        self.misses += 1
        prepared = prepare_text(text)
        font = self.fonts.font_for(prepared, role, size)
        font.align = _ALIGN[align]
        if wrap_width > 0:
            # our own line breaks, then SDL only splits at them: its wrapping keeps the space it broke at, and
            # re-wraps a line that ends in "\n" as if the newline had a width
            prepared = wrap_lines(font, prepared, wrap_width)
        surface = font.render(prepared, True, colour, None, 0)
        self._surfaces[key] = surface
        if len(self._surfaces) > self.max_entries:
            self._surfaces.popitem(last=False)
        return surface

    def fits(self, text: str, role: Role, size: int, width: int, height: int) -> bool:
        """True when ``text`` wrapped at ``width`` is at most ``height`` tall and no word is wider than ``width``
        (SDL would otherwise break the word mid-way)."""
        prepared = prepare_text(text)
        font = self.fonts.font_for(prepared, role, size)
        if any(font.size(word)[0] > width for word in prepared.replace("\n", " ").split(" ") if word):
            return False
        return self.render(text, role, size, theme.TEXT, width, "left").get_height() <= height

    def fit_size(
        self, text: str, role: Role, width: int, height: int, max_size: int, min_size: int = theme.TEXT_MIN
    ) -> int:
        """The largest size in ``[min_size, max_size]`` at which ``text`` fits the box; ``min_size`` if none does
        (a test over the catalogue makes sure that does not happen for bundled strings)."""
        key = (text, role, width, height, max_size, min_size)
        cached = self._fit.get(key)
        if cached is not None:
            return cached
        lo, hi, best = min_size, max_size, min_size
        while lo <= hi:
            mid = (lo + hi) // 2
            if self.fits(text, role, mid, width, height):
                best, lo = mid, mid + 1
            else:
                hi = mid - 1
        self._fit[key] = best
        if len(self._fit) > self.max_entries:
            self._fit.popitem(last=False)
        return best

    def warm(self, texts: Iterable[str], role: Role, size: int, colour: Colour = theme.TEXT) -> None:
        """Render texts ahead of time (e.g. in a scene's ``enter``) so the first frame does no text work."""
        for text in texts:
            self.render(text, role, size, colour)


def wrap_lines(font: pygame.font.Font, text: str, width: int) -> str:
    """``text`` broken into lines at spaces so that each line fits ``width``, every line stripped of the spaces
    around it (SDL's own wrapping can start a line with the space it broke at: " (vroegsignalering)"). A word wider
    than ``width`` keeps a line of its own (``TextCache.fits`` reports it as not fitting). A no-break space
    (U+00A0, "1\u00a0minuut") never breaks."""
    out: list[str] = []
    for paragraph in text.split("\n"):
        words = [w for w in paragraph.split(" ") if w]  # not str.split(): a no-break space (U+00A0) holds
        line = ""
        for word in words:
            candidate = f"{line} {word}" if line else word
            if line and font.size(candidate)[0] > width:
                out.append(line)
                line = word
            else:
                line = candidate
        out.append(line)
    return "\n".join(out)


def place(surface: pygame.Surface, box: pygame.Rect, align: Align = "left", valign: str = "top") -> pygame.Rect:
    """Where to blit a rendered text surface inside ``box`` (``valign``: top, middle, bottom)."""
    width, height = surface.get_size()
    x = {"left": box.x, "center": box.centerx - width // 2, "right": box.right - width}[align]
    y = {"top": box.y, "middle": box.centery - height // 2, "bottom": box.bottom - height}[valign]
    return pygame.Rect(x, y, width, height)


def blit_in_box(
    surface: pygame.Surface,
    rendered: pygame.Surface,
    box: pygame.Rect,
    align: Align = "left",
    valign: str = "top",
    line_height: int = 0,
) -> None:
    """Blit a rendered text inside ``box`` and never outside it: what does not fit is cut off, at a whole line
    when ``line_height`` is given (a half-visible line reads as a different word)."""
    if rendered.get_height() > box.height:
        valign = "top"  # overflowing text keeps its first lines
    spot = place(rendered, box, align, valign)
    visible = spot.clip(box)
    if line_height > 0 and visible.height < spot.height:
        visible.height = max(line_height, (visible.height // line_height) * line_height)
        visible = visible.clip(box)
    surface.blit(rendered, visible.topleft, visible.move(-spot.x, -spot.y))
