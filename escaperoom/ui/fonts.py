"""Fonts and rendered text: loads the bundled faces once, renders text line by line through a cache bounded in
bytes, fits text in boxes by measuring it.

Atkinson Hyperlegible is the main face; a text with a character Atkinson lacks is drawn in Noto Sans instead.
Atkinson has no Ĳ/ĳ, so those are written as IJ/ij first (``prepare_text``). ``TextCache.fit_size`` finds the
largest size at which a text stays inside its box, so no label leaves its box in any language; it measures
(``text_layout``), it renders nothing.
``missing_glyphs`` tells which characters no bundled face can draw (a test runs it over all UI strings).
"""

from __future__ import annotations

import time
import unicodedata
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path
from typing import Literal, cast

import pygame
import pygame.freetype

from escaperoom import paths
from escaperoom.ui import theme
from escaperoom.ui.surface_cache import SurfaceCache
from escaperoom.ui.text_layout import Layout, Measure, wrap_lines
from escaperoom.ui.theme import Colour

__all__ = ["Align", "Fonts", "Layout", "Role", "TextCache", "blit_in_box", "missing_glyphs", "place", "prepare_text",
           "wrap_lines"]

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
        self._drawn: dict[str, set[str]] = {}  # role -> characters the main face of that role draws

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
            drawn = self._drawn.setdefault(role, set())
            main = FACES[role][0]
            found = False
            for c in set(prepared) - drawn:  # each character asked of FreeType once, not once per text
                if _needs_glyph(c) and not self._glyphs.has(main, c):
                    found = True
                    break
                drawn.add(c)
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


# the characters and sizes warm_glyphs loads ahead: the sizes texts are fitted between, the common sizes first
_WARM_CHARS = ("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:;!?'\"()-–—/+%€&@#…"
               "éëèêïíöóüúáàäçñ‘’“”·")
_WARM_SIZES = tuple(dict.fromkeys((theme.TEXT_BODY, theme.TEXT_MIN, theme.TEXT_LARGE, theme.TEXT_TITLE,
                                   *range(theme.TEXT_MIN, theme.TEXT_TITLE + 1))))
_WARM_CHUNK = 6  # glyphs loaded per step (a step at a new size also opens the font)
DEFAULT_CACHE_BYTES = 16 * 1024 * 1024  # rendered lines and blocks; a screen full of text is 2-6 MiB
_LAYOUTS = 4096  # layouts kept (the lines of a text at one size and width: a few hundred bytes each)
_FITS = 4096


class TextCache:
    """Rendered text, kept line by line: a line's surface is keyed by (line, role, size, colour, face), and a text is
    laid out (``layout``: its lines at one size and wrap width, measured, not rendered) before a line is drawn, so a
    changed text renders only its new lines and trying sizes renders nothing. The lines and the blocks ``render``
    composes from them share one store bounded by the bytes of their pixels (``max_bytes``, and by ``max_entries``
    when given), the least recently used going first.

    ``draw_in_box`` is what widgets call from ``draw``: after the first frame a few dictionary look-ups and a blit
    per line. ``render`` gives the text as one surface, the lines composed exactly as SDL renders a wrapped text.
    ``wrap_width`` > 0 wraps at spaces (``wrap_lines``) and aligns the lines with each other (the block is as wide
    as its widest line, at most ``wrap_width`` unless one word is wider); 0 draws one line per ``\\n``.
    """

    def __init__(self, fonts: Fonts, max_entries: int | None = None, max_bytes: int = DEFAULT_CACHE_BYTES):
        self.fonts = fonts
        self.max_entries = max_entries
        self._surfaces = SurfaceCache(max_bytes, max_entries)
        self._layouts: OrderedDict[tuple[str, str, int, int], Layout] = OrderedDict()
        self._fit: OrderedDict[tuple[str, str, int, int, int, int], int] = OrderedDict()
        self.measure = Measure()
        self.hits = 0
        self.misses = 0
        self._warming = ((role, size, i) for size in _WARM_SIZES for role in ROLES
                         for i in range(0, len(_WARM_CHARS), _WARM_CHUNK))

    def __len__(self) -> int:
        return len(self._surfaces)

    @property
    def bytes(self) -> int:
        """Bytes of pixels held."""
        return self._surfaces.bytes

    def clear(self) -> None:
        self._surfaces.clear()
        self._layouts.clear()
        self._fit.clear()
        self.measure.clear()

    # --- measuring ----------------------------------------------------------------------------------------------

    def layout(self, text: str, role: Role, size: int, wrap_width: int = 0) -> Layout:
        """The lines of ``text`` at ``size`` wrapped at ``wrap_width`` (0: at its line breaks only), measured."""
        key = (text, role, size, wrap_width)
        found = self._layouts.get(key)
        if found is not None:
            self._layouts.move_to_end(key)
            return found
        prepared = prepare_text(text)
        fallback = self.fonts.needs_fallback(prepared, role)
        font = self.fonts.font(role, size, fallback=fallback)
        found = self._layouts[key] = self.measure.layout(font, size, prepared, wrap_width, fallback)
        if len(self._layouts) > _LAYOUTS:
            self._layouts.popitem(last=False)
        return found

    def fits(self, text: str, role: Role, size: int, width: int, height: int) -> bool:
        """True when ``text`` wrapped at ``width`` is at most ``height`` tall and no word is wider than ``width``
        (SDL would otherwise break the word mid-way). Measured, not rendered."""
        layout = self.layout(text, role, size, width)
        return layout.widest_word <= width and layout.height <= height

    def fit_size(
        self, text: str, role: Role, width: int, height: int, max_size: int, min_size: int = theme.TEXT_MIN
    ) -> int:
        """The largest size in ``[min_size, max_size]`` at which ``text`` fits the box; ``min_size`` if none does
        (a test over the catalogue makes sure that does not happen for bundled strings). A binary search over the
        sizes, each tried by measuring (``fits``)."""
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
        if len(self._fit) > _FITS:
            self._fit.popitem(last=False)
        return best

    # --- rendering ----------------------------------------------------------------------------------------------

    def _line(self, line: str, role: Role, size: int, colour: Colour, fallback: bool,
              keep: bool = True) -> pygame.Surface:
        key = (line, role, size, colour, fallback)
        surface = self._surfaces.get(key)
        if surface is not None:
            self.hits += 1
            return surface
        self.misses += 1
        font = self.fonts.font(role, size, fallback=fallback)
        rendered = font.render(line, True, colour, None, 0)
        return self._surfaces.put(key, rendered) if keep else rendered

    def render_line(self, text: str, role: Role = "regular", size: int = theme.TEXT_BODY,
                    colour: Colour = theme.TEXT, *, keep: bool = True) -> pygame.Surface:
        """``text`` (one line, no wrapping) as a surface; ``keep=False`` renders it without storing it (typed text:
        every key press makes a new line that would only push the screen's texts out of the cache)."""
        layout = self.layout(text, role, size)
        if len(layout.lines) != 1 or layout.whole:
            return self.render(text, role, size, colour)
        return self._line(layout.lines[0], role, size, _rgb(colour), layout.fallback, keep)

    def _lines(self, layout: Layout, role: Role, size: int, colour: Colour) -> list[pygame.Surface | None]:
        return [self._line(line, role, size, colour, layout.fallback) if line else None for line in layout.lines]

    def render(
        self,
        text: str,
        role: Role = "regular",
        size: int = theme.TEXT_BODY,
        colour: Colour = theme.TEXT,
        wrap_width: int = 0,
        align: Align = "left",
    ) -> pygame.Surface:
        """``text`` as one surface: a single line as it is cached, several lines composed into a block (kept in the
        same store) exactly as SDL renders a wrapped text."""
        colour = _rgb(colour)
        layout = self.layout(text, role, size, wrap_width)
        if len(layout.lines) == 1 and not layout.whole:
            return self._line(layout.lines[0], role, size, colour, layout.fallback)
        key = (text, role, size, colour, wrap_width, align, "block")
        surface = self._surfaces.get(key)
        if surface is not None:
            self.hits += 1
            return surface
        if layout.whole:
            self.misses += 1
            font = self.fonts.font(role, size, fallback=layout.fallback)
            font.align = _ALIGN[align]
            return self._surfaces.put(key, font.render("\n".join(layout.lines), True, colour, None, 0))
        lines = self._lines(layout, role, size, colour)
        width = max((s.get_width() for s in lines if s is not None), default=0)
        block = pygame.Surface((width, layout.height), pygame.SRCALPHA)
        block.fill((*colour[:3], 0))  # as SDL leaves the pixels between the glyphs
        for i, line in enumerate(lines):
            if line is not None:
                block.blit(line, (_line_x(align, width, line.get_width()), i * layout.line_height))
        return self._surfaces.put(key, block)

    def draw_in_box(self, surface: pygame.Surface, text: str, box: pygame.Rect, role: Role = "regular",
                    size: int = theme.TEXT_BODY, colour: Colour = theme.TEXT, align: Align = "left",
                    valign: str = "top", line_height: int = 0, wrap_width: int | None = None) -> None:
        """Pixel for pixel ``blit_in_box(surface, self.render(text, role, size, colour, wrap, align), box, align,
        valign, line_height)`` with ``wrap`` = ``box.width`` unless given, but blitting the cached lines one by one
        instead of composing a block."""
        colour = _rgb(colour)
        wrap = box.width if wrap_width is None else wrap_width
        layout = self.layout(text, role, size, wrap)
        if layout.whole or len(layout.lines) == 1:
            blit_in_box(surface, self.render(text, role, size, colour, wrap, align), box, align, valign, line_height)
            return
        lines = self._lines(layout, role, size, colour)
        width = max((s.get_width() for s in lines if s is not None), default=0)
        visible, spot = _visible_area(width, layout.height, box, align, valign, line_height)
        for i, line in enumerate(lines):
            if line is None:
                continue
            where = pygame.Rect(spot.x + _line_x(align, width, line.get_width()), spot.y + i * layout.line_height,
                                line.get_width(), line.get_height())
            part = where.clip(visible)
            if part.width and part.height:
                surface.blit(line, part.topleft, part.move(-where.x, -where.y))

    def draw_at(self, surface: pygame.Surface, text: str, topleft: tuple[int, int], role: Role = "regular",
                size: int = theme.TEXT_BODY, colour: Colour = theme.TEXT, wrap_width: int = 0,
                align: Align = "left") -> int:
        """Pixel for pixel ``surface.blit(self.render(text, role, size, colour, wrap_width, align), topleft)``, line
        by line; returns the height of the text."""
        colour = _rgb(colour)
        layout = self.layout(text, role, size, wrap_width)
        if layout.whole or len(layout.lines) == 1:
            surface.blit(self.render(text, role, size, colour, wrap_width, align), topleft)
            return layout.height
        lines = self._lines(layout, role, size, colour)
        width = max((s.get_width() for s in lines if s is not None), default=0)
        for i, line in enumerate(lines):
            if line is not None:
                surface.blit(line, (topleft[0] + _line_x(align, width, line.get_width()),
                                    topleft[1] + i * layout.line_height))
        return layout.height

    def warm_glyphs(self, budget_s: float) -> bool:
        """Load the main faces' glyphs at the sizes texts are fitted to, a few at a time for at most ``budget_s``
        seconds (an idle frame's spare time): FreeType loads a glyph the first time a size measures it, and the sizes
        a fit tries would otherwise pay 2-4 ms each in the first frame that needs them. True once all are loaded."""
        end = time.perf_counter() + budget_s
        for role, size, start in self._warming:
            self.fonts.font(role, size).size(_WARM_CHARS[start:start + _WARM_CHUNK])
            if time.perf_counter() >= end:
                return False
        return True

    def warm(self, texts: Iterable[str], role: Role, size: int, colour: Colour = theme.TEXT) -> None:
        """Render texts ahead of time (e.g. in a scene's ``enter``) so the first frame does no text work."""
        for text in texts:
            self.render(text, role, size, colour)


def _rgb(colour: Colour) -> Colour:
    """A colour as a plain tuple (a key for the cache; a ``pygame.Color`` or a list would not do)."""
    return cast(Colour, tuple(colour))


def _line_x(align: Align, block_width: int, line_width: int) -> int:
    """Where a line starts in its block (SDL's own rounding for centred lines)."""
    if align == "center":
        return block_width // 2 - line_width // 2
    return block_width - line_width if align == "right" else 0


def _visible_area(width: int, height: int, box: pygame.Rect, align: Align, valign: str,
                  line_height: int) -> tuple[pygame.Rect, pygame.Rect]:
    """(the part of ``box`` a ``width`` x ``height`` text shows in, where the whole text would be): see
    ``blit_in_box``."""
    if height > box.height:
        valign = "top"  # overflowing text keeps its first lines
    spot = _placed(width, height, box, align, valign)
    visible = spot.clip(box)
    if line_height > 0 and visible.height < spot.height:
        visible.height = max(line_height, (visible.height // line_height) * line_height)
        visible = visible.clip(box)
    return visible, spot


def _placed(width: int, height: int, box: pygame.Rect, align: Align, valign: str) -> pygame.Rect:
    x = {"left": box.x, "center": box.centerx - width // 2, "right": box.right - width}[align]
    y = {"top": box.y, "middle": box.centery - height // 2, "bottom": box.bottom - height}[valign]
    return pygame.Rect(x, y, width, height)


def place(surface: pygame.Surface, box: pygame.Rect, align: Align = "left", valign: str = "top") -> pygame.Rect:
    """Where to blit a rendered text surface inside ``box`` (``valign``: top, middle, bottom)."""
    return _placed(surface.get_width(), surface.get_height(), box, align, valign)


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
    visible, spot = _visible_area(rendered.get_width(), rendered.get_height(), box, align, valign, line_height)
    surface.blit(rendered, visible.topleft, visible.move(-spot.x, -spot.y))
