"""The small pieces of the HTML report: a decision's status mark (symbol and word, never colour alone), the engine's
verdict badge and a law citation's link.

Used by ``escaperoom.debrief.report.html`` and ``escaperoom.debrief.report.puzzle``. Pure (no pygame).
"""

from __future__ import annotations

import functools

from escaperoom.debrief.model import LEGAL_ERRORS, error_word
from escaperoom.debrief.report.texts import escape, verdict_word

# Status -> (css class, symbol); meaning never by colour alone: each has a symbol and a word.
MARKS = {
    "goed": ("goed", "✓"),
    "te_ruim": ("ruim", "▲"),
    "te_voorzichtig": ("voorzichtig", "▼"),
    "verkeerde_grondslag": ("grondslag", "◆"),
    "fout": ("fout", "✗"),
    "info": ("info", "•"),
}
_VERDICT_MARKS = {"moet_delen": ("moet", "➜"), "mag_delen": ("mag", "✓"), "mag_niet_delen": ("magniet", "✗")}


def status(error: str | None) -> str:
    """The mark an error gets: goed, one of the legal errors, or fout for any other."""
    if error is None:
        return "goed"
    return error if error in LEGAL_ERRORS else "fout"


@functools.lru_cache(maxsize=256)
def mark(error: str | None, lang: str) -> str:
    """A decision's mark: its symbol and the error's word ("▲ te ruim"). Remembered: a report writes a few kinds
    of mark, one per cell of its grids."""
    css, symbol = MARKS[status(error)]
    return f'<span class="mark {css}"><span aria-hidden="true">{symbol}</span> {escape(error_word(error, lang))}</span>'


def mark_head(kind: str) -> str:
    """The symbol alone of a timeline line's status."""
    css, symbol = MARKS.get(kind, MARKS["info"])
    return f'<span class="mark {css}" aria-hidden="true">{symbol}</span>'


def mark_css(kind: str) -> str:
    return MARKS.get(kind, MARKS["info"])[0]


@functools.lru_cache(maxsize=64)
def verdict(decision: str, lang: str) -> str:
    """The engine's verdict as a badge ("➜ moet delen")."""
    css, symbol = _VERDICT_MARKS.get(decision, ("info", "•"))
    return (f'<span class="verdict {css}"><span aria-hidden="true">{symbol}</span> '
            f"{escape(verdict_word(decision, lang))}</span>")


def link(cite: str, url: str) -> str:
    """A citation, linked to the law when its address is a web address (any other is left out)."""
    if url.startswith(("https://", "http://")):
        return f'<a href="{escape(url)}">{escape(cite)}</a>'
    return escape(cite)
