"""The phrasebook for content files: each kind of pydantic error as a Dutch message with a hint a trainer can act on.

Used by :func:`~escaperoom.content.diagnostics.translate.problems_from_validation`: "verplichte sleutel 'titel'
ontbreekt", "onbekende sleutel 'titl'" (bedoelde je 'titel'?), "hier hoort tekst, maar er staat het getal 3", …
"""

from __future__ import annotations

import re

from escaperoom.content.diagnostics.finding import Finding, Phrase, Phrasebook
from escaperoom.content.diagnostics.model_walk import Loc, union_tags, walk_type
from escaperoom.content.diagnostics.suggest import did_you_mean
from escaperoom.content.diagnostics.values import chars, describe, parse_expected, short, show, unquote
from escaperoom.content.source import format_key_path
from escaperoom.errors import Problem

__all__ = ["CONTENT_PHRASES"]

_TEXT_MODELS = {"Text"}  # models an author writes as a plain string (escaperoom.text.Text)
_SINGULAR = {"puzzels": "puzzel"}  # "onbekende puzzelsoort 'x'" reads better than "onbekende soort 'x'"
_MOST_TYPO_CANDIDATES = 200  # a table with more unknown keys than this is no typo; don't search them all


def _missing(e: Finding) -> Problem:
    name = e.name
    parent_loc = e.clean[:-1]
    if e.clean and isinstance(e.clean[-1], int):
        return e.problem(f"hier ontbreekt item {name}")
    where = format_key_path(parent_loc)
    present = list(e.parent_data) if isinstance(e.parent_data, dict) else []
    allowed = set(e.where.allowed_here(parent_loc, e.raw[:-1]) or [])
    unknown = [k for k in present if k not in allowed]
    typo = did_you_mean(name, unknown) if len(unknown) <= _MOST_TYPO_CANDIDATES else None
    if typo:
        hint = f"staat er een tikfout in '{typo}'? die sleutel moet '{name}' heten"
    else:
        hint = f"voeg een regel '{name} = ...' toe" + (f" aan {where}" if where else "")
    return e.problem(f"verplichte sleutel '{name}' ontbreekt", hint)


def _extra(e: Finding) -> Problem:
    name = e.name
    allowed = e.where.allowed_here(e.clean[:-1], e.raw[:-1])
    if allowed is not None:
        present = e.where.keys_of(e.parent_data)
        guess = did_you_mean(name, [k for k in allowed if k not in present]) or did_you_mean(name, allowed)
        if guess:
            hint = f"bedoelde je '{guess}'?"
        else:
            shown = ", ".join(sorted(allowed)[:15]) + (", ..." if len(allowed) > 15 else "")
            hint = f"haal deze sleutel weg of controleer de spelling; hier mag: {shown}"
    else:
        hint = "haal deze sleutel weg of controleer de spelling"
    return e.problem(f"onbekende sleutel '{name}'", hint)


def _choice(e: Finding) -> Problem:
    options = parse_expected(str(e.ctx.get("expected", "")))
    given = show(e.input)
    message = f"'{given}' is geen geldige waarde"
    if options:
        message += "; kies uit: " + ", ".join(options)
    guess = did_you_mean(given, options) if options else None
    return e.problem(message, f"bedoelde je '{guess}'?" if guess else "")


def _tag_invalid(e: Finding) -> Problem:
    disc = unquote(str(e.ctx.get("discriminator", "soort")))
    tag = str(e.ctx.get("tag", show(e.input)))
    options = parse_expected(str(e.ctx.get("expected_tags", "")))
    message = f"onbekende {_tag_label(disc, e.clean)} '{tag}'"
    if options:
        message += "; kies uit: " + ", ".join(options)
    guess = did_you_mean(tag, options) if options else None
    return e.problem(message, f"bedoelde je '{guess}'?" if guess else "", loc=(*e.clean, disc))


def _tag_missing(e: Finding) -> Problem:
    disc = unquote(str(e.ctx.get("discriminator", "soort")))
    options: list[str] = []
    if e.where.model is not None:
        target = walk_type(e.where.model, e.raw, keep_union=True)
        options = union_tags(target) if target is not None else []
    if not isinstance(e.input, dict):
        return e.problem(f"hier hoort een tabel met '{disc} = ...', maar er staat {describe(e.input)}", _table_hint(e))
    typo = did_you_mean(disc, [k for k in e.input if isinstance(k, str)])
    if typo:
        hint = f"staat er een tikfout in '{typo}'? die sleutel moet '{disc}' heten"
    else:
        hint = f"voeg een regel '{disc} = \"...\"' toe" + (f"; kies uit: {', '.join(options)}" if options else "")
    return e.problem(f"verplichte sleutel '{disc}' ontbreekt; die zegt wat voor {_tag_noun(e.clean)} dit is", hint,
                     loc=(*e.clean, disc), line_loc=e.clean)


def _string(e: Finding) -> Problem:
    return e.problem(f"hier hoort tekst, maar er staat {describe(e.input)}",
                     f'zet tekst tussen aanhalingstekens, bijvoorbeeld: {e.name or "titel"} = "..."')


def _integer(e: Finding) -> Problem:
    name = e.name or "aantal"
    message = f"hier hoort een geheel getal, maar er staat {describe(e.input)}"
    if isinstance(e.input, float) and not isinstance(e.input, bool):
        whole = f"{e.input:.0f}" if e.input.is_integer() else "3"
        return e.problem(message, f"schrijf een geheel getal zonder decimalen, bijvoorbeeld: {name} = {whole}")
    if isinstance(e.input, str) and re.fullmatch(r"\s*-?\d+\s*", e.input):  # "45": the number in quotes
        return e.problem(message, f"schrijf een getal zonder aanhalingstekens: {name} = {e.input.strip()}")
    return e.problem(message, f"schrijf een getal zonder aanhalingstekens, bijvoorbeeld: {name} = 3")


def _number(e: Finding) -> Problem:
    return e.problem(f"hier hoort een getal, maar er staat {describe(e.input)}",
                     "schrijf een getal zonder aanhalingstekens, met een punt voor decimalen: 1.5")


def _boolean(e: Finding) -> Problem:
    return e.problem(f"hier hoort true of false, maar er staat {describe(e.input)}",
                     "schrijf true of false, zonder aanhalingstekens")


def _list(e: Finding) -> Problem:
    name = e.name or "lijst"
    if isinstance(e.input, str):
        hint = f'zet de tekst tussen [ ]: {name} = ["{short(e.input)}"]'
    elif isinstance(e.input, dict):
        hint = f"schrijf [[{format_key_path(e.clean)}]] (met dubbele haken) boven elk item, of {name} = [ ... ]"
    else:
        hint = f'schrijf een lijst tussen [ ], bijvoorbeeld: {name} = ["a", "b"]'
    return e.problem(f"hier hoort een lijst, maar er staat {describe(e.input)}", hint)


def _table(e: Finding) -> Problem:
    if e.ctx.get("class_name") in _TEXT_MODELS:
        return _string(e)
    return e.problem(f"hier hoort een tabel, maar er staat {describe(e.input)}", _table_hint(e))


def _table_hint(e: Finding) -> str:
    if isinstance(e.input, list):
        return f"schrijf [{format_key_path(e.clean)}] (met enkele haken): er hoort hier één tabel, geen lijst"
    if e.clean and isinstance(e.clean[-1], int):
        return "elk item van deze lijst is een tabel: { sleutel = waarde, ... } of een blok onder [[naam]]"
    return f"schrijf een kop [{format_key_path(e.clean) or 'naam'}] met daaronder regels 'sleutel = waarde'"


def _own(e: Finding) -> Problem:
    """A message from one of our own validators (``ValueError``, optionally with a ``hint``)."""
    original = e.ctx.get("error")
    message = str(original) if isinstance(original, BaseException) and str(original) else e.msg
    for prefix in ("Value error, ", "Assertion failed, "):
        if message.startswith(prefix):
            message = message[len(prefix):]
    hint = getattr(original, "hint", "") if original is not None else ""
    return e.problem(message, hint if isinstance(hint, str) else "")


_BOUND_WORDS = {
    "greater_than_equal": ("te klein", "het moet minstens {} zijn", "ge"),
    "greater_than": ("te klein", "het moet groter zijn dan {}", "gt"),
    "less_than_equal": ("te groot", "het mag hoogstens {} zijn", "le"),
    "less_than": ("te groot", "het moet kleiner zijn dan {}", "lt"),
}


def _bound(e: Finding) -> Problem:
    size, rule, limit = _BOUND_WORDS[e.type]
    return e.problem(f"{show(e.input)} is {size}: {rule.format(e.ctx.get(limit))}")


def _length(e: Finding) -> Problem:
    actual = e.ctx.get("actual_length")
    if e.type == "too_short":
        need = e.ctx.get("min_length")
        if need == 1 and actual == 0:
            return e.problem("deze lijst mag niet leeg zijn", "zet er minstens één item in")
        message = f"te weinig items: minstens {need} nodig" + (f", er staan er {actual}" if actual is not None else "")
        return e.problem(message, "vul de lijst aan")
    most = e.ctx.get("max_length")
    message = f"te veel items: hoogstens {most}" + (f", er staan er {actual}" if actual is not None else "")
    return e.problem(message, "haal items weg of verdeel ze")


def _string_length(e: Finding) -> Problem:
    if e.type == "string_too_short":
        need = e.ctx.get("min_length", 1)
        if need == 1:
            return e.problem("deze tekst mag niet leeg zijn", "schrijf iets tussen de aanhalingstekens")
        return e.problem(f"deze tekst is te kort: minstens {need} {chars(need)}")
    most = e.ctx.get("max_length")
    length = len(e.input) if isinstance(e.input, str) else None
    return e.problem(f"deze tekst is te lang: hoogstens {most} {chars(most)}" + (f" (nu {length})" if length else ""),
                     "maak de tekst korter")


def _pattern(e: Finding) -> Problem:
    return e.problem(f"'{show(e.input)}' heeft niet de goede vorm",
                     f"het moet passen bij het patroon {e.ctx.get('pattern', '')}".strip())


def _date(e: Finding) -> Problem:
    with_time = e.type.startswith("datetime")
    kind = "datum en tijd (zoals 2024-03-01T09:30:00)" if with_time else "datum (zoals 2024-03-01)"
    hint = "schrijf een datum als jaar-maand-dag, zonder aanhalingstekens: 2024-03-01"
    if isinstance(e.input, str):
        m = re.fullmatch(r"\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*", e.input)
        if m:
            day, month, year = m.groups()
            hint = ("schrijf de datum als jaar-maand-dag, zonder aanhalingstekens: "
                    f"{year}-{int(month):02d}-{int(day):02d}")
        elif re.fullmatch(r"\s*\d{4}-\d{2}-\d{2}.*", e.input):
            hint = "haal de aanhalingstekens weg en controleer of de datum bestaat"
    return e.problem(f"hier hoort een {kind}, maar er staat {describe(e.input)}", hint)


def _date_when(e: Finding) -> Problem:
    if e.type.endswith("past"):
        return e.problem(f"de datum {show(e.input)} moet in het verleden liggen")
    return e.problem(f"de datum {show(e.input)} moet in de toekomst liggen")


def _generic(e: Finding) -> Problem:
    return e.problem(f"ongeldige waarde: {describe(e.input)} ({e.msg})")


def _failed(e: Finding) -> Problem:
    return e.problem(f"ongeldige waarde ({e.msg})")


def _tag_noun(clean: Loc) -> str:
    for seg in reversed(clean):
        if isinstance(seg, str) and seg in _SINGULAR:
            return _SINGULAR[seg]
    return "item"


def _tag_label(disc: str, clean: Loc) -> str:
    noun = _tag_noun(clean)
    return f"{noun}{disc}" if noun != "item" and disc == "soort" else disc


_PHRASES: dict[str, Phrase] = {
    "missing": _missing, "unknown_key": _extra, "choice": _choice, "unknown_tag": _tag_invalid,
    "missing_tag": _tag_missing, "text": _string, "integer": _integer, "number": _number, "boolean": _boolean,
    "list": _list, "table": _table, "own": _own, "bound": _bound, "count": _length, "text_length": _string_length,
    "pattern": _pattern, "date": _date, "date_when": _date_when, "other": _generic,
}
CONTENT_PHRASES = Phrasebook(_PHRASES, _failed)
"""The content file's phrasebook: Dutch message, key, line and hint for each category of error."""
