"""The phrasebook for saved game states: each kind of pydantic error as one Dutch sentence naming the key.

Used by :func:`~escaperoom.content.diagnostics.translate.state_problem` for ``play.state.from_state`` (e.g.
``'klok.verstreken_s' is geen geldig getal (nan).``); :func:`quote_value` also serves the recorder's messages.
"""

from __future__ import annotations

import math
from typing import Any

from escaperoom.content.diagnostics.finding import Finding, Phrase, Phrasebook
from escaperoom.errors import Problem

__all__ = ["STATE_PHRASES", "quote_value"]

_OWN_VERBS = ("is ", "noemt ")  # our own validators' messages start like this and are used as they are
_TYPE_WORDS = {"integer": "is geen geheel getal", "number": "is geen geldig getal", "text": "is geen tekst",
               "boolean": "is geen ja/nee-waarde (true of false)", "table": "is geen tabel", "list": "is geen lijst"}
_BOUNDS = {"greater_than_equal": "moet minstens {limit} zijn", "greater_than": "moet meer dan {limit} zijn",
           "less_than_equal": "mag hoogstens {limit} zijn", "less_than": "moet minder dan {limit} zijn"}


def quote_value(value: Any) -> str:
    """A value as the message quotes it: ``nan``, ``1e+30``, ``"x"``, ``[1, 2]`` (cut off when long)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    try:
        text = '"' + value + '"' if isinstance(value, str) else repr(value)
    except (RecursionError, ValueError):  # a deeply nested list, an int with thousands of digits
        text = "…"
    return text if len(text) <= 40 else text[:37] + "…"


def _sentence(e: Finding, text: str) -> Problem:
    key = e.key or "spelstand"
    return Problem(None, f"'{key}' {text}.", key=key)


def _missing(e: Finding) -> Problem:  # the loc of a missing key is the key itself; input is the table around it
    return Problem(None, f"'{e.key}' ontbreekt.", key=e.key)


def _wrong_type(e: Finding) -> Problem:
    return _sentence(e, f"{_TYPE_WORDS[e.category]} ({quote_value(e.input)})")


def _bound(e: Finding) -> Problem:
    limit = next(v for k, v in e.ctx.items() if k in ("ge", "gt", "le", "lt"))
    limit = int(limit) if isinstance(limit, float) and limit.is_integer() else limit
    if e.type == "greater_than_equal" and limit == 0:
        words = "mag niet negatief zijn"
    else:
        words = _BOUNDS[e.type].format(limit=limit)
    return _sentence(e, f"{words} ({quote_value(e.input)})")


def _count(e: Finding) -> Problem:
    return _sentence(e, "is leeg") if e.type == "too_short" else _other(e)


def _choice(e: Finding) -> Problem:
    expected = str(e.ctx.get("expected", "")).replace(" or ", " of ")
    return _sentence(e, f"heeft een onbekende waarde ({quote_value(e.input)}); mogelijk: {expected}")


def _own(e: Finding) -> Problem:
    text = str(e.ctx.get("error", e.msg))
    if not text.startswith(_OWN_VERBS):  # a message from a model we reuse (Text): quote it
        text = f"is ongeldig: {text}"
    return _sentence(e, text)


def _unknown_key(e: Finding) -> Problem:
    return _sentence(e, "is een onbekende sleutel")


def _other(e: Finding) -> Problem:
    return _sentence(e, f"is ongeldig ({quote_value(e.input)})")


_PHRASES: dict[str, Phrase] = {
    "missing": _missing, **dict.fromkeys(_TYPE_WORDS, _wrong_type), "bound": _bound, "count": _count,
    "choice": _choice, "own": _own, "unknown_key": _unknown_key, "other": _other,
}
STATE_PHRASES = Phrasebook(_PHRASES, _other)
"""The saved state's phrasebook: ``'<key>' <what is wrong> (<value>).``"""
