"""One pydantic error, normalised for phrasing: its category, its key path in the data and the value found there.

Used by the translator (``translate``) and its two phrasebooks: ``content_words`` (a content file: lines, hints,
"bedoelde je …?") and ``state_words`` (a saved game state: one sentence naming the key). The key path drops
what is not a key in the data: the tag of a discriminated union (``sorteren``), validator wrappers, ``[key]``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from escaperoom.content.diagnostics.model_walk import Loc, model_keys, walk_type
from escaperoom.content.diagnostics.values import MISSING
from escaperoom.content.source import TomlDocument, format_key_path
from escaperoom.errors import Problem

__all__ = ["AllowedKeys", "Finding", "Phrasebook", "Translation", "category_of", "phrase"]

AllowedKeys = Callable[[Loc], Iterable[str] | None] | Mapping[Loc | str, Iterable[str]]
"""Which keys may stand at a place, given the cleaned key path of that place (``("puzzels", 0)``); a mapping
may be keyed by that tuple or by its text (``"puzzels[0]"``)."""

_CATEGORIES = {
    "missing": "missing",
    "extra_forbidden": "unknown_key",
    "literal_error": "choice", "enum": "choice",
    "union_tag_invalid": "unknown_tag", "union_tag_not_found": "missing_tag",
    "string_type": "text", "string_sub_type": "text",
    "int_type": "integer", "int_parsing": "integer", "int_from_float": "integer", "int_parsing_size": "integer",
    "float_type": "number", "float_parsing": "number", "finite_number": "number",
    "bool_type": "boolean", "bool_parsing": "boolean",
    "list_type": "list", "tuple_type": "list", "set_type": "list", "frozen_set_type": "list", "iterable_type": "list",
    "dict_type": "table", "model_type": "table", "model_attributes_type": "table", "dataclass_type": "table",
    "value_error": "own", "assertion_error": "own",
    "greater_than_equal": "bound", "greater_than": "bound", "less_than_equal": "bound", "less_than": "bound",
    "too_short": "count", "too_long": "count",
    "string_too_short": "text_length", "string_too_long": "text_length",
    "string_pattern_mismatch": "pattern",
    "date_past": "date_when", "date_future": "date_when",
}  # fmt: skip


def category_of(error_type: str) -> str:
    """What kind of mistake a pydantic error type is: ``int_from_float`` → ``integer``; unknown → ``other``."""
    found = _CATEGORIES.get(error_type)
    if found is not None:
        return found
    if error_type.startswith(("date", "datetime", "time_")):
        return "date"
    if error_type.startswith("missing"):
        return "missing"
    return "other"


class Translation:
    """What one translation knows besides the errors: the data that was validated, the document it came from
    (for lines; ``None`` for data that has no file, like a saved state) and the model (for allowed keys)."""

    def __init__(self, data: Any, doc: TomlDocument | None = None, *, aliases: Mapping[str, str] | None = None,
                 tags: Collection[str] = (), model: Any = None, allowed_keys: AllowedKeys | None = None):
        self.data = data
        self.doc = doc
        self.aliases = dict(aliases or {})
        self.tags = set(tags)
        self.model = model
        self.allowed_keys = allowed_keys
        # per-table caches (the data does not change while it is being translated): with 100,000 unknown keys in
        # one table, each error must not walk that table again, or the translation turns quadratic
        self._tag_values: dict[int, frozenset[str]] = {}
        self._keys: dict[int, frozenset[Any]] = {}
        self._allowed: dict[tuple[Loc, Loc], list[str] | None] = {}

    @property
    def path(self) -> Path | None:
        return self.doc.path if self.doc is not None else None

    def line(self, loc: Loc) -> int | None:
        return self.doc.line_of(loc) if loc and self.doc is not None else None

    def is_tag_value(self, seg: str, node: dict[Any, Any]) -> bool:
        """Whether ``seg`` is one of the text values of table ``node`` (the tag of a discriminated union)."""
        values = self._tag_values.get(id(node))
        if values is None:
            values = self._tag_values[id(node)] = frozenset(v for v in node.values() if isinstance(v, str))
        return seg in values

    def keys_of(self, node: Any) -> frozenset[Any]:
        """The keys of table ``node`` (none when it is not a table)."""
        if not isinstance(node, dict):
            return frozenset()
        keys = self._keys.get(id(node))
        if keys is None:
            keys = self._keys[id(node)] = frozenset(node)
        return keys

    def allowed_here(self, parent_loc: Loc, raw_parent: Loc) -> list[str] | None:
        """The keys that may stand in the table at ``parent_loc``, if anyone told us."""
        cache_key = (parent_loc, raw_parent)
        if cache_key not in self._allowed:
            self._allowed[cache_key] = self._allowed_here(parent_loc, raw_parent)
        return self._allowed[cache_key]

    def _allowed_here(self, parent_loc: Loc, raw_parent: Loc) -> list[str] | None:
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
            target = walk_type(self.model, raw_parent)
            if target is not None:
                return model_keys(target)
        return None


class Finding:
    """One pydantic error dict, with its cleaned key path and what the data holds there."""

    def __init__(self, error: Mapping[str, Any], where: Translation):
        self.type: str = str(error.get("type", ""))
        self.category = category_of(self.type)
        self.raw: Loc = tuple(error.get("loc", ()))
        self.input: Any = error.get("input", MISSING)
        self.ctx: Mapping[str, Any] = error.get("ctx") or {}
        self.msg: str = str(error.get("msg", ""))
        self.where = where
        self.clean, self.parent_data, self.pseudo = self._clean()

    def _clean(self) -> tuple[Loc, Any, bool]:
        node: Any = self.where.data
        parent: Any = MISSING
        clean: list[str | int] = []
        pseudo = False
        tags, aliases = self.where.tags, self.where.aliases
        missing = self.category == "missing"
        for k, seg in enumerate(self.raw):
            last = k == len(self.raw) - 1
            name = aliases.get(seg, seg) if isinstance(seg, str) else seg
            if isinstance(seg, str) and isinstance(node, dict) and not (last and missing):
                if name not in node and self.where.is_tag_value(seg, node):
                    continue  # the tag of a discriminated union, e.g. soort = "sorteren"
                if seg in tags and self.where.is_tag_value(seg, node):
                    continue
            if isinstance(node, dict) and isinstance(name, str) and name in node:
                parent, node = node, node[name]
                clean.append(name)
            elif (isinstance(node, list) and isinstance(seg, int) and not isinstance(seg, bool)
                  and -len(node) <= seg < len(node)):
                parent, node = node, node[seg]
                clean.append(seg)
            elif last and missing and isinstance(node, (dict, list)):
                parent, node = node, MISSING
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
        return self.where.line(self.clean if loc is None else loc)

    def problem(self, message: str, hint: str = "", *, loc: Loc | None = None, line_loc: Loc | None = None) -> Problem:
        """A problem at this error's key (or at ``loc``), on the line of ``line_loc`` (default: the same place)."""
        at = self.clean if loc is None else loc
        line = self.line(at if line_loc is None else line_loc)
        return Problem(self.where.path, message, key=format_key_path(at), line=line, hint=hint)


Phrase = Callable[[Finding], Problem]


@dataclass(frozen=True)
class Phrasebook:
    """How one audience is told about errors: a phrase per category (``other`` for the rest) and ``failed``,
    used when a phrase itself breaks (the translation must never hide the error it reports)."""

    phrases: Mapping[str, Phrase]
    failed: Phrase


def phrase(finding: Finding, book: Phrasebook) -> Problem:
    """``finding`` told in the words of ``book``; never raises."""
    try:
        return book.phrases.get(finding.category, book.phrases["other"])(finding)
    except Exception:  # noqa: BLE001 — never let the translation crash the report
        return book.failed(finding)
