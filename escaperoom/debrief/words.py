"""The debrief's words: the error and verdict words, the spread and timeline texts from the string catalogue
(``nabespreking.*`` in assets/strings/nabespreking.toml), a recorded puzzle's words and the short label of an item.

Used by the aggregation (:mod:`escaperoom.debrief.model`), the timeline (:mod:`escaperoom.debrief.timeline`), the
reports and the debrief screens. Pure (no pygame).
"""

from __future__ import annotations

from typing import Any

from escaperoom.kinds import ErrorKind, Words, record_words
from escaperoom.kinds.judging import Judged
from escaperoom.kinds.words import default_catalogue
from escaperoom.rules.lawbook import LawBook
from escaperoom.strings import Catalogue

LEGAL_ERRORS = (ErrorKind.TE_RUIM.value, ErrorKind.TE_VOORZICHTIG.value, ErrorKind.VERKEERDE_GRONDSLAG.value)

ERROR_WORDS = {
    None: "goed",
    "te_ruim": "te ruim",
    "te_voorzichtig": "te voorzichtig",
    "verkeerde_grondslag": "verkeerde grondslag",
    "verkeerde_volgorde": "verkeerde volgorde",
    "niet_aanvaardbaar": "niet aanvaardbaar",
    "onbeantwoord": "niet beantwoord",
}
VERDICT_WORDS = {"moet_delen": "moet delen", "mag_delen": "mag delen", "mag_niet_delen": "mag niet delen"}


def catalogue() -> Catalogue:
    """The bundled string catalogue (read once)."""
    return default_catalogue()


def spread_words(lang: str, key: str, **values: Any) -> str:
    """A spread text from the string catalogue (``nabespreking.zin.*`` in assets/strings/nabespreking.toml)."""
    return catalogue().t(f"nabespreking.zin.{key}", lang, **values)


def step_words(lang: str, key: str, **values: Any) -> str:
    """A timeline text from the string catalogue (``nabespreking.stap.*`` in assets/strings/nabespreking.toml)."""
    return catalogue().t(f"nabespreking.stap.{key}", lang, **values)


def error_word(error: str | None, lang: str = "nl") -> str:
    """"goed", "te ruim", ... for an error kind, in ``lang`` (an unknown kind as written)."""
    key = "goed" if error is None else error
    if key == "goed" or key in ERROR_WORDS:
        return catalogue().t(f"nabespreking.fout.{key}", lang)
    return str(error)


def puzzle_words(book: LawBook, loaded: Judged | None, puzzle_id: str, kind: str, lang: str) -> Words:
    """The words of one recorded puzzle (its kind by name; the casus when it is on this computer), citing as
    worded on the day whose law judged the casus here."""
    words = record_words(kind, book, lang, scenario=loaded.scenario if loaded is not None else None,
                         puzzle_id=puzzle_id, strings=catalogue())
    if loaded is not None:
        words.peildatum = loaded.peildatum
    return words


def short_label(label: str, limit: int = 44) -> str:
    """The head of a long item label for tight places (the big screen): up to ``:`` or ``(`` when that comes
    early enough, else whole words up to ``limit`` characters and '…'.
    ``"Hoogte huurachterstand: 2 maanden"`` -> ``"Hoogte huurachterstand"``."""
    cut = len(label)
    for mark in (":", " ("):
        at = label.find(mark)
        if 3 <= at < cut:
            cut = at
    head = label[:cut].strip()
    if len(head) <= limit:
        return head
    words, out = head.split(), ""
    for word in words:
        if len(out) + len(word) + 1 > limit - 2:
            break
        out = f"{out} {word}".strip()
    return (out or head[: limit - 2]) + " …"


