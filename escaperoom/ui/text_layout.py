"""Wrapping and measuring text without rendering it, for ``fonts.TextCache``: ``Layout`` is a text broken into lines
at one size and wrap width (how tall it is, its widest word), ``Measure`` makes layouts from word widths measured
once per font, and ``wrap_lines`` is the exact wrapping rule both follow.

A multi-line text is drawn line by line (``TextCache``): SDL draws the lines of a wrapped render exactly as single
lines, ``line_height`` apart, so a block of ``n`` lines is ``n * line_height`` tall and is known before any pixel
is rendered.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

# Summing word widths is off from measuring the whole line by rounding, kerning and the glyphs' overhang at the word
# ends: at most about one pixel per word at 96 px in the bundled faces. A sum further than this from the wrap width
# decides the break without measuring; a closer one measures the line itself (see ``Measure.wrap``).
_MARGIN_PX = 2
_SIZE_PER_MARGIN_PX = 24  # each word adds 1 + size // 24 pixels of margin (2 at 36 px, 5 at 96 px)
_WORDS_PER_FONT = 8192  # word widths kept per font (typed text makes new words)


def wrap_lines(font: pygame.font.Font, text: str, width: int) -> str:
    """``text`` broken into lines at spaces so that each line fits ``width``, every line stripped of the spaces
    around it (SDL's own wrapping can start a line with the space it broke at: " (vroegsignalering)"). A word wider
    than ``width`` keeps a line of its own (``TextCache.fits`` reports it as not fitting). A no-break space
    (U+00A0, "1\u00a0minuut") never breaks. This measures every candidate line; ``Measure.wrap`` gives the same
    lines measuring far less."""
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


@dataclass(frozen=True, slots=True)
class Layout:
    """A text as it is drawn at one size and wrap width: its ``lines`` (top to bottom), each ``line_height`` tall,
    and its widest single word (wider than the wrap width: the text does not fit). ``whole`` marks a text SDL lays
    out its own way (it ends in a line break): it is rendered in one call and ``lines`` is not used for drawing."""

    lines: tuple[str, ...]
    line_height: int
    widest_word: int
    fallback: bool
    whole: bool = False
    whole_height: int = 0

    @property
    def height(self) -> int:
        return self.whole_height if self.whole else len(self.lines) * self.line_height


class Measure:
    """Word and line widths per font, measured once (``Font.size``) and remembered, and the layouts made from them."""

    def __init__(self) -> None:
        self._words: dict[int, dict[str, int]] = {}  # id(font) -> word -> width
        self._fonts: dict[int, pygame.font.Font] = {}  # keeps the fonts alive while their ids are keys

    def width(self, font: pygame.font.Font, text: str) -> int:
        """``font.size(text)[0]``, remembered."""
        words = self._words.get(id(font))
        if words is None:
            words = self._words[id(font)] = {}
            self._fonts[id(font)] = font
        found = words.get(text)
        if found is None:
            if len(words) >= _WORDS_PER_FONT:
                words.clear()
            found = words[text] = font.size(text)[0]
        return found

    def clear(self) -> None:
        self._words.clear()
        self._fonts.clear()

    def wrap(self, font: pygame.font.Font, size: int, text: str, width: int) -> tuple[list[str], int]:
        """(lines, widest word): the lines ``wrap_lines(font, text, width)`` gives, found from the sum of the words'
        widths where that sum is clearly inside or outside ``width``, and by measuring the line where it is near."""
        space = self.width(font, " ")
        per_word = 1 + size // _SIZE_PER_MARGIN_PX
        out: list[str] = []
        widest = 0
        for paragraph in text.split("\n"):
            words = [w for w in paragraph.split(" ") if w]
            widths = [self.width(font, w) for w in words]
            widest = max(widest, max(widths, default=0))
            if sum(widths) + space * (len(words) - 1) + _MARGIN_PX + per_word * (len(words) - 1) <= width:
                out.append(" ".join(words))  # clearly one line: the loop below would not break it either
                continue
            line, estimate, unsure = "", 0, 0  # unsure: word gaps summed since the line was last measured
            for word, w in zip(words, widths, strict=True):
                if not line:
                    line, estimate, unsure = word, w, 0
                    continue
                guess = estimate + space + w
                margin = _MARGIN_PX + per_word * (unsure + 1)
                if guess - margin > width:
                    over = True
                elif guess + margin <= width:
                    over, estimate, unsure = False, guess, unsure + 1
                else:
                    exact = font.size(f"{line} {word}")[0]
                    over, estimate, unsure = exact > width, exact, 0
                if over:
                    out.append(line)
                    line, estimate, unsure = word, w, 0
                else:
                    line = f"{line} {word}"
            out.append(line)
        return out, widest

    def layout(self, font: pygame.font.Font, size: int, prepared: str, width: int, fallback: bool) -> Layout:
        """The layout of an already prepared text (``fonts.prepare_text``) in ``font``; ``width`` <= 0: no wrapping,
        a line per ``\\n``."""
        line_height = font.get_linesize()
        if width > 0:
            lines, widest = self.wrap(font, size, prepared, width)
        else:
            lines = prepared.split("\n")
            words = [w for w in prepared.replace("\n", " ").split(" ") if w]
            widest = max((self.width(font, w) for w in words), default=0)
        if len(lines) > 1 and (lines[-1] == "" or any("\r" in ln for ln in lines)):
            # SDL gives a text that ends in a line break one line with a box for it: render it as SDL does
            whole = "\n".join(lines)
            height = font.render(whole, True, (0, 0, 0), None, 0).get_height()
            return Layout(tuple(lines), line_height, widest, fallback, whole=True, whole_height=height)
        return Layout(tuple(lines), line_height, widest, fallback)
