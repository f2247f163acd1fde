"""The engine's explanation texts as data: ``uitleg.toml`` beside this module, Dutch and English, with {placeholders}.

A jurist corrects a sentence there without reading Python. Ids are ``section.name`` (``r05.zwijgt``); sections named
``notitie`` hold facilitator notes (they may name the kennisbank, §, [onzeker]), every other section is text a team
sees and may not. Validated once at load (both languages, the same placeholders, no jargon in team texts); the
engine's steps render them with :meth:`Texts.render`.
"""

from __future__ import annotations

import re
import string
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from escaperoom.errors import ContentError, Problem, RuleError
from escaperoom.rules._lawfiles import read_toml
from escaperoom.text import Text

TEXTS_FILE = Path(__file__).parent / "uitleg.toml"
NOTE_SECTIONS = ("notitie",)  # facilitator-only texts
JARGON = re.compile(r"\[onzeker\]|\[analyse\]|kennisbank|knowledge base|§|\bengine\b|\bR\d\d\b", re.IGNORECASE)
_ID = re.compile(r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")

Param = str | Text


def placeholders(text: str) -> frozenset[str]:
    """The {names} in a text; broken braces or a format code raise ValueError (in Dutch)."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        raise ValueError(f"de accolades in '{text}' kloppen niet") from None
    names = set()
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            raise ValueError(f"'{{{name}}}' is geen geldige invulplek; schrijf alleen {{naam}}")
        names.add(name)
    return frozenset(names)


class Entry(BaseModel):
    """One text: Dutch and English, with the same {placeholders}."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    nl: str
    en: str | None = None

    @model_validator(mode="after")
    def _same_placeholders(self) -> Entry:
        nl, en = placeholders(self.nl), placeholders(self.en or self.nl)
        if nl != en:
            only_nl, only_en = ", ".join(sorted(nl - en)), ", ".join(sorted(en - nl))
            raise ValueError(f"de invulplekken in nl en en verschillen (alleen in nl: {only_nl or '—'}; "
                             f"alleen in en: {only_en or '—'})")
        return self

    @property
    def names(self) -> frozenset[str]:
        return placeholders(self.nl)


class Texts:
    """All explanation texts by id."""

    def __init__(self, entries: dict[str, Entry]):
        self.entries = entries
        self._names = {text_id: entry.names for text_id, entry in entries.items()}

    def __contains__(self, text_id: str) -> bool:
        return text_id in self.entries

    def render(self, text_id: str, params: dict[str, Param], defaults: dict[str, Param] | None = None) -> Text:
        """The text with its placeholders filled from ``params`` (else ``defaults``), per language (a :class:`Text`
        value gives each language its own)."""
        entry = self.entries.get(text_id)
        if entry is None:
            raise RuleError(f"uitleg-tekst '{text_id}' staat niet in {TEXTS_FILE.name}")
        values: dict[str, Param] = {}
        for name in self._names[text_id]:
            value = params.get(name, defaults.get(name) if defaults else None)
            if value is None:
                raise RuleError(f"uitleg-tekst '{text_id}': geen waarde voor {name}")
            values[name] = value
        nl = entry.nl.format(**{k: v.nl if isinstance(v, Text) else v for k, v in values.items()})
        en = (entry.en or entry.nl).format(**{k: v.get("en") if isinstance(v, Text) else v for k, v in values.items()})
        return Text.model_construct(nl=nl, en=en)  # both parts are non-empty texts already


def is_note(text_id: str) -> bool:
    return text_id.split(".", 1)[0] in NOTE_SECTIONS


@cache
def load_texts(path: Path = TEXTS_FILE) -> Texts:
    """Load and validate the texts. Raises :class:`ContentError` listing every problem (Dutch, with the key)."""
    problems: list[Problem] = []
    entries: dict[str, Entry] = {}
    for section, table in read_toml(path).items():
        if not isinstance(table, dict):
            problems.append(Problem(path, "hier hoort een tabel [sectie] met teksten", key=section))
            continue
        for name, raw in table.items():
            text_id = f"{section}.{name}"
            if not _ID.match(text_id):
                problems.append(Problem(path, f"'{text_id}' is geen geldige naam", key=text_id,
                                        hint="kleine letters, cijfers en _, zoals r05.zwijgt"))
                continue
            try:
                entry = Entry.model_validate(raw)
            except ValidationError as err:
                problems += [Problem(path, e["msg"].removeprefix("Value error, "), key=text_id) for e in err.errors()]
                continue
            if not entry.en:
                problems.append(Problem(path, "de Engelse tekst ontbreekt", key=text_id,
                                        hint="elke uitleg van de redenering staat er in nl én en"))
            elif not is_note(text_id) and (JARGON.search(entry.nl) or JARGON.search(entry.en)):
                word = (JARGON.search(entry.nl) or JARGON.search(entry.en or ""))
                problems.append(Problem(path, f"een tekst voor het team bevat '{word.group(0) if word else ''}'",
                                        key=text_id, hint="zet technische toelichting in een [notitie]-tekst"))
            entries[text_id] = entry
    if problems:
        raise ContentError(problems)
    return Texts(entries)
