"""How the diagnostics show a value found in a file: ``de tekst "x"``, ``het getal 3``, ``een lijst``.

Used by the content phrasing (``content_words``) and the save phrasing (``state_words``) of the translator.
"""

from __future__ import annotations

import ast
import datetime as dt
import enum
import re
from typing import Any

__all__ = ["MISSING", "chars", "describe", "parse_expected", "short", "show", "unquote"]

MISSING: Any = object()
"""No value at this place (a missing key); pydantic's error gives the surrounding table as its input."""


def chars(n: object) -> str:
    return "teken" if n == 1 else "tekens"


def short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def show(value: Any) -> str:
    """The value itself, as short text: ``wijkteem``, ``true``, ``2024-03-01``."""
    if value is MISSING or value is None:
        return "niets"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (list, dict)):
        return describe(value)
    return short(str(value))


def describe(value: Any) -> str:
    """The value with its kind, for "maar er staat …": ``de tekst "ja"``, ``het getal 3``, ``een tabel``."""
    if value is MISSING or value is None:
        return "niets"
    if isinstance(value, bool):
        return f"{'true' if value else 'false'} (ja/nee)"
    if isinstance(value, (int, float)):
        return f"het getal {value}"
    if isinstance(value, str):
        return f'de tekst "{short(value)}"' if value else "een lege tekst"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een tabel"
    if isinstance(value, dt.date):
        return f"de datum {value.isoformat()}"
    if isinstance(value, dt.time):
        return f"de tijd {value.isoformat()}"
    return f"een waarde van soort {type(value).__name__}"


def unquote(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    return text


_TOKEN = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|[^,\s]+")


def parse_expected(expected: str) -> list[str]:
    """Pydantic's ``"'a', 'b' or 'c'"`` → ``["a", "b", "c"]``."""
    out: list[str] = []
    for token in _TOKEN.findall(expected):
        if token == "or":
            continue
        if token[:1] in "'\"":
            try:
                token = str(ast.literal_eval(token))
            except (ValueError, SyntaxError):
                token = token[1:-1]
        out.append(token)
    return out
