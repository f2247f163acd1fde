"""What a team or a group may never read on a shared screen: engine internals (``[onzeker]``, kennisbank notes, ``§``
references, rule ids such as ``R07``, the word "engine") and citations in the other language ("AVG art. 6 lid 1
onder a" on an English screen, "GDPR art. 6(1)(a)" on a Dutch one).

Shared test helper: ``problems(text, lang)`` names what is wrong with one text, ``scan(texts, lang)`` collects it for
many (the projected debrief's scan in ``tests/ui/debrief``; the game screens' scan uses the same list).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# (what it is, the pattern): found in any language
INTERNALS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("[onzeker] marker", re.compile(r"\[\s*onzeker\s*\]|\[\s*uncertain\s*\]", re.IGNORECASE)),
    ("kennisbank note", re.compile(r"kennisbank|knowledge base", re.IGNORECASE)),
    ("section sign", re.compile("§")),
    ("the word engine", re.compile(r"\bengine\b", re.IGNORECASE)),
    ("rule id", re.compile(r"\bR\d{2}\b")),
)

# citations and legal words of the other language: (what it is, the pattern), per screen language
OTHER_LANGUAGE: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    "en": (
        ("Dutch 'lid'", re.compile(r"\blid\b")),
        ("Dutch 'onder'", re.compile(r"\bonder\b")),
        ("Dutch 'AVG art.'", re.compile(r"\bAVG art\.")),
        ("Dutch 'artikel'", re.compile(r"\bartikel\b", re.IGNORECASE)),
    ),
    "nl": (
        ("English 'GDPR'", re.compile(r"\bGDPR\b")),
        ("English 'art. 6(1)'", re.compile(r"\bart\. ?\d+\(\d+\)")),
        ("English 'Article'", re.compile(r"\bArticle\b")),
    ),
}


def problems(text: str, lang: str) -> list[str]:
    """What in ``text`` a group may not see on a ``lang`` screen ("rule id 'R13'"), or [] when it is fine."""
    found = []
    for what, pattern in (*INTERNALS, *OTHER_LANGUAGE.get(lang, ())):
        match = pattern.search(text)
        if match:
            found.append(f"{what} {match.group(0)!r}")
    return found


def scan(texts: Iterable[str], lang: str) -> dict[str, list[str]]:
    """Every text of ``texts`` that has a problem, with its problems (an empty dict: all fine)."""
    out: dict[str, list[str]] = {}
    for text in texts:
        found = problems(text, lang)
        if found:
            out[text] = found
    return out
