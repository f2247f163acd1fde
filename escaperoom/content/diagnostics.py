"""Turning pydantic's ``ValidationError`` into Dutch :class:`Problem` records a trainer can act on.

The content loader and ``escaperoom check`` call :func:`problems_from_validation` with the error and the
:class:`TomlDocument` it came from; :func:`did_you_mean` serves cross-reference checks too.
"""

from __future__ import annotations

import ast
import datetime as dt
import difflib
import enum
import re
import typing
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any

import pydantic
from pydantic import BaseModel

from escaperoom.content.source import TomlDocument, format_key_path
from escaperoom.errors import ContentError, Problem

__all__ = [
    "problems_from_validation",
    "content_error_from_validation",
    "did_you_mean",
    "format_key_path",
    "AllowedKeys",
]

Loc = tuple[str | int, ...]
AllowedKeys = Callable[[Loc], Iterable[str] | None] | Mapping[Loc | str, Iterable[str]]
"""Which keys may stand at a place, given the cleaned key path of that place (``("puzzels", 0)``); a mapping
may be keyed by that tuple or by its text (``"puzzels[0]"``)."""

_MISSING = object()
_TEXT_MODELS = {"Text"}  # models an author writes as a plain string (escaperoom.text.Text)
_SINGULAR = {"puzzels": "puzzel"}  # "onbekende puzzelsoort 'x'" reads better than "onbekende soort 'x'"


# --------------------------------------------------------------------------------------------- did you mean


def did_you_mean(word: object, options: Iterable[object], *, cutoff: float = 0.6) -> str | None:
    """The option closest to ``word`` (case, spaces, ``_`` and ``-`` ignored first), or ``None``.

    ``did_you_mean("wijkteem", ["huisarts", "wijkteam"])`` → ``"wijkteam"``; an exact match gives ``None``.
    """
    text = str(word)
    opts = list(dict.fromkeys(str(o) for o in options))
    if not text or text in opts:
        return None

    def norm(s: str) -> str:
        return re.sub(r"[\s_\-]+", "", s.casefold())

    by_norm: dict[str, str] = {}
    for opt in opts:
        by_norm.setdefault(norm(opt), opt)
    if norm(text) in by_norm:
        return by_norm[norm(text)]
    by_lower: dict[str, str] = {}
    for opt in opts:
        by_lower.setdefault(opt.casefold(), opt)
    close = difflib.get_close_matches(text.casefold(), list(by_lower), n=1, cutoff=cutoff)
    if close:
        return by_lower[close[0]]
    if len(text) >= 4:  # a shortened key: "kosten" for "kosten_seconden"
        starts = [o for low, o in by_lower.items() if low.startswith(text.casefold())]
        if len(starts) == 1:
            return starts[0]
    return None


# --------------------------------------------------------------------------------------------- main entry


def problems_from_validation(
    err: pydantic.ValidationError,
    doc: TomlDocument,
    *,
    aliases: Mapping[str, str] | None = None,
    model: Any = None,
    allowed_keys: AllowedKeys | None = None,
    tags: Collection[str] = (),
) -> list[Problem]:
    """One Dutch :class:`Problem` per pydantic error (alternatives of one union merged), in pydantic's order.

    - ``aliases`` renames loc segments to the keys written in the TOML (field name → TOML key), for models
      whose errors are not reported by alias.
    - ``model`` (the model class or type that was validated) lets us list the allowed keys at a place
      ("bedoelde je …?") and the tags of a discriminated union; ``allowed_keys`` does the same by hand.
    - Union tag segments in the loc (``("puzzels", 0, "sorteren", "kaarten")``) are dropped from the key path:
      the ones in ``tags``, and any segment that is not in the data (found by walking ``doc.data``).
    """
    aliases = dict(aliases or {})
    tag_set = set(tags)
    found: list[tuple[Problem, Loc | None]] = []  # (problem, raw loc when it came from a union alternative)
    for error in err.errors(include_url=False):
        item = _Err(error, doc, aliases, tag_set, model, allowed_keys)
        try:
            problem = item.problem()
        except Exception:  # noqa: BLE001 — never let the translation crash the report
            problem = Problem(doc.path, f"ongeldige waarde ({error.get('msg', '')})",
                              key=format_key_path(item.clean), line=_safe_line(doc, item.clean))
        found.append((problem, item.raw if item.pseudo else None))
    return _merge(found)


def content_error_from_validation(err: pydantic.ValidationError, doc: TomlDocument, **options: Any) -> ContentError:
    """:func:`problems_from_validation` wrapped in one :class:`ContentError`."""
    return ContentError(problems_from_validation(err, doc, **options))


def _is_tag_value(seg: str, node: dict[Any, Any]) -> bool:
    return any(isinstance(v, str) and v == seg for v in node.values())


def _safe_line(doc: TomlDocument, loc: Loc) -> int | None:
    return doc.line_of(loc) if loc else None


def _merge(found: list[tuple[Problem, Loc | None]]) -> list[Problem]:
    """Drop exact repeats; fold the errors of one smart union (same key, several alternatives) into one."""
    out: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    union_at: dict[str, tuple[int, Loc]] = {}
    for problem, raw in found:
        key = problem.key
        if (key, problem.message) in seen:
            continue
        seen.add((key, problem.message))
        if raw is not None and key in union_at and union_at[key][1] != raw:
            index = union_at[key][0]
            first = out[index]
            out[index] = Problem(first.file, _either(first.message, problem.message), key=first.key,
                                 line=first.line, hint=first.hint or problem.hint, severity=first.severity)
            continue
        if raw is not None:
            union_at.setdefault(key, (len(out), raw))
        out.append(problem)
    return out


_EXPECTED = re.compile(r"^hier hoort (?P<what>.+), maar er staat (?P<got>.+)$")


def _either(first: str, second: str) -> str:
    """"hier hoort tekst, maar er staat X" + "hier hoort een lijst, ..." → "hier hoort tekst of een lijst, ..."."""
    a, b = _EXPECTED.match(first), _EXPECTED.match(second)
    if a and b and a.group("got") == b.group("got"):
        return f"hier hoort {a.group('what')} of {b.group('what')}, maar er staat {a.group('got')}"
    return f"{first}; of: {second}"


# --------------------------------------------------------------------------------------------- one error


class _Err:
    """One pydantic error dict, with its cleaned key path and what the data holds there."""

    def __init__(self, error: Mapping[str, Any], doc: TomlDocument, aliases: dict[str, str], tags: set[str],
                 model: Any, allowed_keys: AllowedKeys | None):
        self.type: str = str(error.get("type", ""))
        self.raw: Loc = tuple(error.get("loc", ()))
        self.input = error.get("input", _MISSING)
        self.ctx: Mapping[str, Any] = error.get("ctx") or {}
        self.msg: str = str(error.get("msg", ""))
        self.doc = doc
        self.model = model
        self.allowed_keys = allowed_keys
        self.aliases = aliases
        self.clean, self.parent_data, self.pseudo = self._clean(tags)

    # -- where

    def _clean(self, tags: set[str]) -> tuple[Loc, Any, bool]:
        node: Any = self.doc.data
        parent: Any = _MISSING
        clean: list[str | int] = []
        pseudo = False
        for k, seg in enumerate(self.raw):
            last = k == len(self.raw) - 1
            name = self.aliases.get(seg, seg) if isinstance(seg, str) else seg
            if isinstance(seg, str) and isinstance(node, dict) and name not in node and _is_tag_value(seg, node):
                continue  # the tag of a discriminated union, e.g. soort = "sorteren"
            if isinstance(seg, str) and seg in tags and isinstance(node, dict) and _is_tag_value(seg, node):
                continue
            if isinstance(node, dict) and isinstance(name, str) and name in node:
                parent, node = node, node[name]
                clean.append(name)
            elif isinstance(node, list) and isinstance(seg, int) and not isinstance(seg, bool) and -len(node) <= seg < len(node):
                parent, node = node, node[seg]
                clean.append(seg)
            elif last and self.type.startswith("missing") and isinstance(node, (dict, list)):
                parent, node = node, _MISSING
                clean.append(name)
            elif not (isinstance(seg, str) and seg in tags):
                pseudo = True  # a union member or a validator wrapper: not a key in the file
        return tuple(clean), parent, pseudo

    @property
    def name(self) -> str:
        return str(self.clean[-1]) if self.clean else ""

    @property
    def key(self) -> str:
        return format_key_path(self.clean)

    def line(self, loc: Loc | None = None) -> int | None:
        return _safe_line(self.doc, self.clean if loc is None else loc)

    def allowed_here(self, parent_loc: Loc, raw_parent: Loc) -> list[str] | None:
        """The keys that may stand in the table at ``parent_loc``, if anyone told us."""
        if self.allowed_keys is not None:
            if callable(self.allowed_keys):
                keys = self.allowed_keys(parent_loc)
            else:
                keys = self.allowed_keys.get(parent_loc)
                if keys is None:
                    keys = self.allowed_keys.get(format_key_path(parent_loc))
            if keys is not None:
                return [str(k) for k in keys]
        if self.model is not None:
            target = _walk_type(self.model, raw_parent)
            if target is not None:
                return _model_keys(target)
        return None

    # -- what

    def problem(self) -> Problem:
        handler = _HANDLERS.get(self.type)
        if handler is None:
            handler = _prefix_handler(self.type)
        message, hint, key, line = handler(self)
        return Problem(self.doc.path, message, key=key, line=line, hint=hint)

    def simple(self, message: str, hint: str = "") -> tuple[str, str, str, int | None]:
        return message, hint, self.key, self.line()


Result = tuple[str, str, str, int | None]


# --------------------------------------------------------------------------------------------- handlers


def _missing(e: _Err) -> Result:
    name = e.name
    parent_loc = e.clean[:-1]
    if e.clean and isinstance(e.clean[-1], int):
        return e.simple(f"hier ontbreekt item {name}")
    where = format_key_path(parent_loc)
    present = list(e.parent_data) if isinstance(e.parent_data, dict) else []
    allowed = e.allowed_here(parent_loc, e.raw[:-1]) or []
    typo = did_you_mean(name, [k for k in present if k not in allowed])
    if typo:
        hint = f"staat er een tikfout in '{typo}'? die sleutel moet '{name}' heten"
    else:
        hint = f"voeg een regel '{name} = ...' toe" + (f" aan {where}" if where else "")
    return e.simple(f"verplichte sleutel '{name}' ontbreekt", hint)


def _extra(e: _Err) -> Result:
    name = e.name
    parent_loc = e.clean[:-1]
    allowed = e.allowed_here(parent_loc, e.raw[:-1])
    if allowed is not None:
        present = set(e.parent_data) if isinstance(e.parent_data, dict) else set()
        guess = did_you_mean(name, [k for k in allowed if k not in present]) or did_you_mean(name, allowed)
        if guess:
            hint = f"bedoelde je '{guess}'?"
        else:
            shown = ", ".join(sorted(allowed)[:15]) + (", ..." if len(allowed) > 15 else "")
            hint = f"haal deze sleutel weg of controleer de spelling; hier mag: {shown}"
    else:
        hint = "haal deze sleutel weg of controleer de spelling"
    return e.simple(f"onbekende sleutel '{name}'", hint)


def _choice(e: _Err) -> Result:
    options = _parse_expected(str(e.ctx.get("expected", "")))
    given = _show(e.input)
    message = f"'{given}' is geen geldige waarde"
    if options:
        message += "; kies uit: " + ", ".join(options)
    guess = did_you_mean(given, options) if options else None
    return e.simple(message, f"bedoelde je '{guess}'?" if guess else "")


def _tag_invalid(e: _Err) -> Result:
    disc = _unquote(str(e.ctx.get("discriminator", "soort")))
    tag = str(e.ctx.get("tag", _show(e.input)))
    options = _parse_expected(str(e.ctx.get("expected_tags", "")))
    message = f"onbekende {_tag_label(disc, e.clean)} '{tag}'"
    if options:
        message += "; kies uit: " + ", ".join(options)
    guess = did_you_mean(tag, options) if options else None
    loc = e.clean + (disc,)
    return message, (f"bedoelde je '{guess}'?" if guess else ""), format_key_path(loc), e.line(loc)


def _tag_missing(e: _Err) -> Result:
    disc = _unquote(str(e.ctx.get("discriminator", "soort")))
    loc = e.clean + (disc,)
    options: list[str] = []
    if e.model is not None:
        target = _walk_type(e.model, e.raw, keep_union=True)
        options = _union_tags(target) if target is not None else []
    if not isinstance(e.input, dict):
        return (f"hier hoort een tabel met '{disc} = ...', maar er staat {_describe(e.input)}",
                _table_hint(e), e.key, e.line())
    typo = did_you_mean(disc, [k for k in e.input if isinstance(k, str)])
    if typo:
        hint = f"staat er een tikfout in '{typo}'? die sleutel moet '{disc}' heten"
    else:
        hint = f"voeg een regel '{disc} = \"...\"' toe" + (f"; kies uit: {', '.join(options)}" if options else "")
    return f"verplichte sleutel '{disc}' ontbreekt; die zegt wat voor {_tag_noun(e.clean)} dit is", hint, \
        format_key_path(loc), e.line()


def _string(e: _Err) -> Result:
    return e.simple(f"hier hoort tekst, maar er staat {_describe(e.input)}",
                    f'zet tekst tussen aanhalingstekens, bijvoorbeeld: {e.name or "titel"} = "..."')


def _integer(e: _Err) -> Result:
    name = e.name or "aantal"
    message = f"hier hoort een geheel getal, maar er staat {_describe(e.input)}"
    if isinstance(e.input, float) and not isinstance(e.input, bool):
        whole = f"{e.input:.0f}" if e.input.is_integer() else "3"
        return e.simple(message, f"schrijf een geheel getal zonder decimalen, bijvoorbeeld: {name} = {whole}")
    if isinstance(e.input, str) and re.fullmatch(r"\s*-?\d+\s*", e.input):  # "45": the number in quotes
        return e.simple(message, f"schrijf een getal zonder aanhalingstekens: {name} = {e.input.strip()}")
    return e.simple(message, f"schrijf een getal zonder aanhalingstekens, bijvoorbeeld: {name} = 3")


def _number(e: _Err) -> Result:
    return e.simple(f"hier hoort een getal, maar er staat {_describe(e.input)}",
                    "schrijf een getal zonder aanhalingstekens, met een punt voor decimalen: 1.5")


def _boolean(e: _Err) -> Result:
    return e.simple(f"hier hoort true of false, maar er staat {_describe(e.input)}",
                    "schrijf true of false, zonder aanhalingstekens")


def _list(e: _Err) -> Result:
    name = e.name or "lijst"
    if isinstance(e.input, str):
        hint = f'zet de tekst tussen [ ]: {name} = ["{_short(e.input)}"]'
    elif isinstance(e.input, dict):
        hint = f"schrijf [[{format_key_path(e.clean)}]] (met dubbele haken) boven elk item, of {name} = [ ... ]"
    else:
        hint = f'schrijf een lijst tussen [ ], bijvoorbeeld: {name} = ["a", "b"]'
    return e.simple(f"hier hoort een lijst, maar er staat {_describe(e.input)}", hint)


def _table(e: _Err) -> Result:
    if e.ctx.get("class_name") in _TEXT_MODELS:
        return _string(e)
    return e.simple(f"hier hoort een tabel, maar er staat {_describe(e.input)}", _table_hint(e))


def _table_hint(e: _Err) -> str:
    if isinstance(e.input, list):
        return f"schrijf [{format_key_path(e.clean)}] (met enkele haken): er hoort hier één tabel, geen lijst"
    if e.clean and isinstance(e.clean[-1], int):
        return "elk item van deze lijst is een tabel: { sleutel = waarde, ... } of een blok onder [[naam]]"
    return f"schrijf een kop [{format_key_path(e.clean) or 'naam'}] met daaronder regels 'sleutel = waarde'"


def _value_error(e: _Err) -> Result:
    original = e.ctx.get("error")
    message = str(original) if isinstance(original, BaseException) and str(original) else e.msg
    for prefix in ("Value error, ", "Assertion failed, "):
        if message.startswith(prefix):
            message = message[len(prefix):]
    hint = getattr(original, "hint", "") if original is not None else ""
    return e.simple(message, hint if isinstance(hint, str) else "")


def _bound(e: _Err) -> Result:
    shown = _show(e.input)
    text = {
        "greater_than_equal": ("te klein", f"het moet minstens {e.ctx.get('ge')} zijn"),
        "greater_than": ("te klein", f"het moet groter zijn dan {e.ctx.get('gt')}"),
        "less_than_equal": ("te groot", f"het mag hoogstens {e.ctx.get('le')} zijn"),
        "less_than": ("te groot", f"het moet kleiner zijn dan {e.ctx.get('lt')}"),
    }[e.type]
    return e.simple(f"{shown} is {text[0]}: {text[1]}", "")


def _length(e: _Err) -> Result:
    actual = e.ctx.get("actual_length")
    if e.type == "too_short":
        need = e.ctx.get("min_length")
        if need == 1 and actual == 0:
            return e.simple("deze lijst mag niet leeg zijn", "zet er minstens één item in")
        message = f"te weinig items: minstens {need} nodig" + (f", er staan er {actual}" if actual is not None else "")
        return e.simple(message, "vul de lijst aan")
    most = e.ctx.get("max_length")
    message = f"te veel items: hoogstens {most}" + (f", er staan er {actual}" if actual is not None else "")
    return e.simple(message, "haal items weg of verdeel ze")


def _string_length(e: _Err) -> Result:
    if e.type == "string_too_short":
        need = e.ctx.get("min_length", 1)
        if need == 1:
            return e.simple("deze tekst mag niet leeg zijn", "schrijf iets tussen de aanhalingstekens")
        return e.simple(f"deze tekst is te kort: minstens {need} {_chars(need)}", "")
    most = e.ctx.get("max_length")
    length = len(e.input) if isinstance(e.input, str) else None
    return e.simple(f"deze tekst is te lang: hoogstens {most} {_chars(most)}" + (f" (nu {length})" if length else ""),
                    "maak de tekst korter")


def _pattern(e: _Err) -> Result:
    return e.simple(f"'{_show(e.input)}' heeft niet de goede vorm",
                    f"het moet passen bij het patroon {e.ctx.get('pattern', '')}".strip())


def _date(e: _Err) -> Result:
    with_time = e.type.startswith("datetime")
    kind = "datum en tijd (zoals 2024-03-01T09:30:00)" if with_time else "datum (zoals 2024-03-01)"
    hint = "schrijf een datum als jaar-maand-dag, zonder aanhalingstekens: 2024-03-01"
    if isinstance(e.input, str):
        m = re.fullmatch(r"\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*", e.input)
        if m:
            day, month, year = m.groups()
            hint = f"schrijf de datum als jaar-maand-dag, zonder aanhalingstekens: {year}-{int(month):02d}-{int(day):02d}"
        elif re.fullmatch(r"\s*\d{4}-\d{2}-\d{2}.*", e.input):
            hint = "haal de aanhalingstekens weg en controleer of de datum bestaat"
    return e.simple(f"hier hoort een {kind}, maar er staat {_describe(e.input)}", hint)


def _date_when(e: _Err) -> Result:
    if e.type.endswith("past"):
        return e.simple(f"de datum {_show(e.input)} moet in het verleden liggen", "")
    return e.simple(f"de datum {_show(e.input)} moet in de toekomst liggen", "")


def _generic(e: _Err) -> Result:
    return e.simple(f"ongeldige waarde: {_describe(e.input)} ({e.msg})", "")


_HANDLERS: dict[str, Callable[[_Err], Result]] = {
    "missing": _missing,
    "extra_forbidden": _extra,
    "literal_error": _choice,
    "enum": _choice,
    "union_tag_invalid": _tag_invalid,
    "union_tag_not_found": _tag_missing,
    "string_type": _string,
    "string_sub_type": _string,
    "int_type": _integer,
    "int_parsing": _integer,
    "int_from_float": _integer,
    "float_type": _number,
    "float_parsing": _number,
    "finite_number": _number,
    "bool_type": _boolean,
    "bool_parsing": _boolean,
    "list_type": _list,
    "tuple_type": _list,
    "set_type": _list,
    "frozen_set_type": _list,
    "iterable_type": _list,
    "dict_type": _table,
    "model_type": _table,
    "model_attributes_type": _table,
    "dataclass_type": _table,
    "value_error": _value_error,
    "assertion_error": _value_error,
    "greater_than_equal": _bound,
    "greater_than": _bound,
    "less_than_equal": _bound,
    "less_than": _bound,
    "too_short": _length,
    "too_long": _length,
    "string_too_short": _string_length,
    "string_too_long": _string_length,
    "string_pattern_mismatch": _pattern,
    "date_past": _date_when,
    "date_future": _date_when,
}


def _prefix_handler(kind: str) -> Callable[[_Err], Result]:
    if kind.startswith(("date", "datetime", "time_")):
        return _date
    if kind.startswith("missing"):
        return _missing
    return _generic


# --------------------------------------------------------------------------------------------- wording


def _chars(n: Any) -> str:
    return "teken" if n == 1 else "tekens"


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _show(value: Any) -> str:
    if value is _MISSING or value is None:
        return "niets"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (list, dict)):
        return _describe(value)
    return _short(str(value))


def _describe(value: Any) -> str:
    if value is _MISSING or value is None:
        return "niets"
    if isinstance(value, bool):
        return f"{'true' if value else 'false'} (ja/nee)"
    if isinstance(value, (int, float)):
        return f"het getal {value}"
    if isinstance(value, str):
        return f'de tekst "{_short(value)}"' if value else "een lege tekst"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een tabel"
    if isinstance(value, (dt.date, dt.time)):
        return f"de datum {value.isoformat()}" if isinstance(value, dt.date) else f"de tijd {value.isoformat()}"
    return f"een waarde van soort {type(value).__name__}"


def _unquote(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    return text


_TOKEN = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|[^,\s]+")


def _parse_expected(expected: str) -> list[str]:
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


def _tag_noun(clean: Loc) -> str:
    for seg in reversed(clean):
        if isinstance(seg, str) and seg in _SINGULAR:
            return _SINGULAR[seg]
    return "item"


def _tag_label(disc: str, clean: Loc) -> str:
    noun = _tag_noun(clean)
    return f"{noun}{disc}" if noun != "item" and disc == "soort" else disc


# --------------------------------------------------------------------------------------------- model walking


def _unwrap(tp: Any) -> Any:
    """Strip ``Annotated`` and ``Optional``."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
            continue
        if _is_union(tp):
            members = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(members) == 1:
                tp = members[0]
                continue
        return tp


def _is_union(tp: Any) -> bool:
    import types

    return typing.get_origin(tp) in (typing.Union, types.UnionType)


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _field_annotation(model: type[BaseModel], key: str) -> Any:
    for name, info in model.model_fields.items():
        names = {name, info.alias}
        if isinstance(info.validation_alias, str):
            names.add(info.validation_alias)
        if key in names:
            if info.discriminator is not None:
                return typing.Annotated[info.annotation, pydantic.Field(discriminator=info.discriminator)]
            return info.annotation
    return _MISSING


def _model_keys(tp: Any) -> list[str] | None:
    tp = _unwrap(tp)
    if not _is_model(tp):
        return None
    keys: list[str] = []
    populate_by_name = bool(tp.model_config.get("populate_by_name") or tp.model_config.get("validate_by_name"))
    for name, info in tp.model_fields.items():
        key = info.validation_alias if isinstance(info.validation_alias, str) else (info.alias or name)
        keys.append(key)
        if populate_by_name and key != name:
            keys.append(name)
    return keys


def _member_tags(member: Any) -> list[str]:
    """The tag values a union member answers to: its ``Tag`` or its ``Literal`` fields."""
    tags: list[str] = []
    if typing.get_origin(member) is typing.Annotated:
        for meta in typing.get_args(member)[1:]:
            if isinstance(meta, pydantic.Tag):
                tags.append(str(meta.tag))
    model = _unwrap(member)
    if _is_model(model):
        for info in model.model_fields.values():
            ann = _unwrap(info.annotation)
            if typing.get_origin(ann) is typing.Literal:
                tags.extend(str(getattr(a, "value", a)) for a in typing.get_args(ann))
            tags.append(model.__name__)
    return tags


def _union_members(tp: Any) -> list[Any]:
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    if _is_union(tp):
        return [a for a in typing.get_args(tp) if a is not type(None)]
    return []


def _union_tags(tp: Any) -> list[str]:
    """The discriminator values of a tagged union (from its members' ``Literal`` or ``Tag``)."""
    out: list[str] = []
    disc = None
    if typing.get_origin(tp) is typing.Annotated:
        for meta in typing.get_args(tp)[1:]:
            disc = getattr(meta, "discriminator", None) or disc
    for member in _union_members(tp):
        tags: list[str] = []
        if typing.get_origin(member) is typing.Annotated:
            tags = [str(m.tag) for m in typing.get_args(member)[1:] if isinstance(m, pydantic.Tag)]
        model = _unwrap(member)
        if not tags and _is_model(model) and isinstance(disc, str):
            ann = _field_annotation(model, disc)
            ann = _unwrap(ann) if ann is not _MISSING else None
            if typing.get_origin(ann) is typing.Literal:
                tags = [str(getattr(a, "value", a)) for a in typing.get_args(ann)]
        out.extend(tags)
    return list(dict.fromkeys(out))


def _walk_type(tp: Any, loc: Loc, *, keep_union: bool = False) -> Any | None:
    """Follow a raw pydantic loc through type annotations; ``None`` when we lose the way. Iterative."""
    for seg in loc:
        for _ in range(32):  # unions may need several steps on one segment
            members = _union_members(tp)
            if len(members) > 1:
                chosen = [m for m in members if isinstance(seg, str) and seg in _member_tags(m)]
                if chosen:
                    tp = chosen[0]
                    break  # the tag segment is used up
                return None
            tp = _unwrap(tp)
            origin = typing.get_origin(tp)
            if _is_model(tp):
                if not isinstance(seg, str):
                    return None
                tp = _field_annotation(tp, seg)
                if tp is _MISSING:
                    return None
                break
            if origin in (list, set, frozenset, typing.get_origin(typing.Sequence[int])) and isinstance(seg, int):
                tp = typing.get_args(tp)[0] if typing.get_args(tp) else Any
                break
            if origin is tuple and isinstance(seg, int):
                args = typing.get_args(tp)
                tp = args[0] if len(args) == 2 and args[1] is Ellipsis else (args[seg] if seg < len(args) else Any)
                break
            if origin in (dict, typing.get_origin(typing.Mapping[str, int])) and isinstance(seg, str):
                args = typing.get_args(tp)
                tp = args[1] if len(args) == 2 else Any
                break
            return None
        else:
            return None
    if keep_union:
        return tp
    members = _union_members(tp)
    return tp if len(members) > 1 else _unwrap(tp)
