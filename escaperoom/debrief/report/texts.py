"""The words of the reports, in Dutch or English, from the string catalogue (``nabespreking.rapport.*`` and the CSV
header ``nabespreking.csv.*`` in ``assets/strings/nabespreking.toml``), and the HTML escaping every text goes through.

Used by the HTML, SVG and CSV modules of ``escaperoom.debrief.report``. Pure (no pygame).
"""

from __future__ import annotations

import html
from typing import Any

from escaperoom.kinds.words import default_catalogue

_REPORT = "nabespreking.rapport."


def escape(text: object) -> str:
    """``text`` safe in HTML text and in a quoted attribute: ``& < > " '`` become entities."""
    return html.escape(str(text), quote=True)


def word(key: str, lang: str, **values: Any) -> str:
    """A report text (plain text, not escaped) with its placeholders filled in."""
    return default_catalogue().t(_REPORT + key, lang, **values)


def markup(key: str, lang: str, **fragments: str) -> str:
    """A report text as HTML: the catalogue's text escaped, then its placeholders filled with ``fragments``, which
    are HTML already (each escaped by its caller)."""
    return escape(default_catalogue().template(_REPORT + key, lang)).format(**fragments)


def column(name: str, lang: str) -> str:
    """The CSV header of the column with the Dutch id ``name`` (``sessie`` -> ``session`` in English)."""
    return default_catalogue().t(f"nabespreking.csv.{name}", lang)


def verdict_word(decision: str, lang: str) -> str:
    """"moet delen", "mag delen", "mag niet delen" (or in English) for an engine decision; an unknown one as
    written."""
    key = f"{_REPORT}verdict_{decision}"
    return default_catalogue().t(key, lang) if key in default_catalogue() else decision
