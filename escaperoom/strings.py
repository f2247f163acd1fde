"""The UI string catalogue: every text on screen that is not puzzle content, keyed by id, in Dutch and English.

Read from every ``assets/strings/*.toml`` (ui.toml, spel.toml ...; an id in two files is an error). Tables nest
into dotted ids (``[title] new_game = {...}`` is ``title.new_game``), validated once at load with pydantic, then
looked up by the screens and the reports with ``cat.t(id, lang)``; each (id, language) is parsed once, on first use.
Pure: no pygame.
"""

from __future__ import annotations

import difflib
import functools
import re
import string
import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from escaperoom import paths
from escaperoom.errors import ContentError, EscapeRoomError, Problem
from escaperoom.text import Text

_ID = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$")
_FORMATTER = string.Formatter()


class StringIdError(EscapeRoomError, LookupError):
    """A screen asked for a string id the catalogue does not have, or left out a placeholder value."""


def placeholders(text: str) -> set[str]:
    """Names between braces in ``text`` (``{{`` and ``}}`` are literal braces). Raises ValueError in Dutch."""
    try:
        parsed = list(_FORMATTER.parse(text))
    except ValueError:
        raise ValueError(
            f"de accolades in '{text}' kloppen niet; schrijf {{{{ of }}}} voor een losse accolade"
        ) from None
    names: set[str] = set()
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name.isidentifier():
            raise ValueError(f"'{{{name}}}' in '{text}' is geen geldige naam; gebruik een woord, bijvoorbeeld {{naam}}")
        if spec or conversion:
            raise ValueError(f"'{{{name}}}' in '{text}' heeft een opmaakcode; schrijf alleen {{{name}}}")
        names.add(name)
    return names


class Entry(Text):
    """One catalogue string: ``nl`` required, ``en`` optional, both with the same ``{placeholders}``."""

    @model_validator(mode="after")
    def _same_placeholders(self) -> Entry:
        nl = placeholders(self.nl)
        if self.en is None:
            return self
        en = placeholders(self.en)
        if nl != en:
            parts = []
            if nl - en:
                parts.append("alleen in nl: " + ", ".join(f"{{{n}}}" for n in sorted(nl - en)))
            if en - nl:
                parts.append("alleen in en: " + ", ".join(f"{{{n}}}" for n in sorted(en - nl)))
            raise ValueError("de placeholders in nl en en verschillen (" + "; ".join(parts) + ")")
        return self

    @property
    def names(self) -> frozenset[str]:
        return frozenset(placeholders(self.nl))


class _Compiled(NamedTuple):
    """One (id, language) parsed: the text to format (finished already when ``names`` is empty) and the names of
    its placeholders."""

    text: str
    names: frozenset[str]


class Catalogue(BaseModel):
    """All UI strings by id. Build with :meth:`load` (file) or :meth:`from_mapping` (parsed TOML)."""

    model_config = ConfigDict(frozen=True)

    entries: dict[str, Entry]
    source: Path | None = None

    @field_validator("entries")
    @classmethod
    def _ids_are_dotted_names(cls, entries: dict[str, Entry]) -> dict[str, Entry]:
        for key in entries:
            if not _ID.match(key):
                raise ValueError(f"id '{key}' mag alleen kleine letters, cijfers, _ en punten bevatten")
        return entries

    # --- construction -------------------------------------------------------------------------------------

    @classmethod
    def load(cls, path: Path | None = None) -> Catalogue:
        """Read and check a catalogue file; without ``path`` every ``assets/strings/*.toml`` (see
        :meth:`load_dir`). Raises :class:`ContentError`."""
        if path is None:
            return cls.load_dir(paths.assets_dir() / "strings")
        path = Path(path)
        try:
            raw = path.read_text(encoding="utf-8")
        except OSError as err:
            raise ContentError(Problem(path, f"kan het bestand niet lezen ({err.strerror})")) from None
        try:
            data = tomllib.loads(raw)
        except tomllib.TOMLDecodeError as err:
            line = getattr(err, "lineno", None)
            raise ContentError(
                Problem(path, f"geen geldige TOML: {err}", line=line, hint="kijk of alle aanhalingstekens sluiten")
            ) from None
        return cls.from_mapping(data, source=path, source_text=raw)

    @classmethod
    def load_dir(cls, directory: Path) -> Catalogue:
        """Every ``*.toml`` in ``directory`` as one catalogue (one file per part of the game: ``ui.toml``,
        ``spel.toml`` ...). An id defined in two files is an error naming both."""
        files = sorted(Path(directory).glob("*.toml"))
        if not files:
            raise ContentError(Problem(Path(directory), "geen tekstbestanden (*.toml) gevonden"))
        entries: dict[str, Entry] = {}
        origin: dict[str, Path] = {}
        problems: list[Problem] = []
        for file in files:
            part = cls.load(file)
            for key, entry in part.entries.items():
                if key in origin:
                    problems.append(Problem(file, f"id '{key}' staat ook in {origin[key].name}", key=key,
                                            hint="geef elke tekst één id; hernoem of verwijder er één"))
                    continue
                entries[key], origin[key] = entry, file
        if problems:
            raise ContentError(problems)
        return cls(entries=entries, source=Path(directory))

    @classmethod
    def from_mapping(
        cls, data: Mapping[str, Any], *, source: Path | None = None, source_text: str | None = None
    ) -> Catalogue:
        """Flatten nested tables to dotted ids and validate. Raises :class:`ContentError` listing every problem."""
        flat: dict[str, Any] = {}
        problems: list[Problem] = []
        _flatten(data, "", flat, problems, source)
        try:
            catalogue = cls(entries=flat, source=source)
        except ValidationError as err:
            problems += [_problem(e, source, source_text) for e in err.errors()]
        if problems:
            raise ContentError(problems)
        return catalogue

    # --- lookup -------------------------------------------------------------------------------------------

    def t(self, id: str, lang: str = "nl", /, **values: Any) -> str:
        """The text for ``id`` in ``lang`` (Dutch when no translation) with ``{placeholders}`` filled in."""
        compiled = self._compile(id, lang)
        if not compiled.names:
            return compiled.text
        missing = compiled.names - values.keys()
        if missing:
            raise StringIdError(
                f"tekst '{id}' heeft een waarde nodig voor " + ", ".join(f"{{{n}}}" for n in sorted(missing))
            )
        return compiled.text.format(**values)

    def template(self, id: str, lang: str = "nl", /) -> str:
        """The text for ``id`` in ``lang`` with its ``{placeholders}`` (and ``{{``/``}}``) as written, for a caller
        that fills them itself (the HTML report escapes the text first, then fills in markup)."""
        entry = self._entry(id)
        return entry.get(lang)

    def _entry(self, id: str) -> Entry:
        entry = self.entries.get(id)
        if entry is None:
            close = difflib.get_close_matches(id, self.entries, n=1)
            hint = f"; bedoelde je '{close[0]}'?" if close else ""
            where = f" in {self.source}" if self.source else ""
            raise StringIdError(f"de tekst met id '{id}' bestaat niet{where}{hint}")
        return entry

    @functools.cached_property
    def _compiled(self) -> dict[tuple[str, str], _Compiled]:
        """(id, lang) -> its text parsed (filled by :meth:`_compile`). A plain attribute once made: a private
        attribute would go through pydantic's ``__getattr__`` on each of the reports' ~10⁵ lookups."""
        return {}

    def _compile(self, id: str, lang: str) -> _Compiled:
        """The text of (id, lang) parsed once: its placeholder names, and without any the finished text."""
        key = (id, lang)
        compiled = self._compiled.get(key)
        if compiled is None:
            entry = self._entry(id)
            text = entry.get(lang)
            names = entry.names
            compiled = _Compiled(text if names else text.format(), names)
            self._compiled[key] = compiled
        return compiled

    def __contains__(self, id: object) -> bool:
        return id in self.entries

    def __len__(self) -> int:
        return len(self.entries)

    def ids(self) -> list[str]:
        return sorted(self.entries)

    def all_texts(self) -> Iterator[str]:
        """Every text in every language (for glyph and fit checks)."""
        for entry in self.entries.values():
            yield entry.nl
            if entry.en is not None:
                yield entry.en


def _flatten(
    data: Mapping[str, Any], prefix: str, out: dict[str, Any], problems: list[Problem], source: Path | None
) -> None:
    for key, value in data.items():
        full = f"{prefix}{key}"
        if not _ID.match(full):
            problems.append(
                Problem(source, f"id '{full}' mag alleen kleine letters, cijfers, _ en punten bevatten", key=full,
                        hint="schrijf bijvoorbeeld nieuw_spel in plaats van Nieuw-Spel")
            )
            continue
        if isinstance(value, str) or (isinstance(value, dict) and ("nl" in value or "en" in value)):
            out[full] = value
        elif isinstance(value, dict):
            _flatten(value, full + ".", out, problems, source)
        else:
            problems.append(
                Problem(source, "hier hoort een tekst of { nl = \"...\", en = \"...\" }", key=full,
                        hint='schrijf bijvoorbeeld: nieuw_spel = { nl = "Nieuw spel", en = "New game" }')
            )


_MESSAGES = {
    "missing": "de Nederlandse tekst (nl) ontbreekt",
    "extra_forbidden": "onbekende sleutel; alleen nl en en zijn toegestaan",
    "string_type": "dit moet tekst tussen aanhalingstekens zijn",
}


def _problem(error: Mapping[str, Any], source: Path | None, source_text: str | None) -> Problem:
    loc = [str(part) for part in error["loc"]]
    key = loc[1] if len(loc) > 1 and loc[0] == "entries" else ".".join(loc)
    field = loc[2] if len(loc) > 2 and loc[0] == "entries" else ""
    message = _MESSAGES.get(error["type"]) or str(error.get("msg", "")).removeprefix("Value error, ")
    if error["type"] == "extra_forbidden" and field:
        message = f"onbekende sleutel '{field}'; alleen nl en en zijn toegestaan"
    hint = ""
    if "placeholders" in message:
        hint = "gebruik in beide talen dezelfde namen tussen accolades, bijvoorbeeld {naam}"
    return Problem(source, message, key=key, line=_line_of(source_text, key), hint=hint)


def _line_of(source_text: str | None, key: str) -> int | None:
    """Best-effort line number of a dotted id in the TOML text (tomllib keeps no positions)."""
    if not source_text or not key:
        return None
    last = re.escape(key.rsplit(".", 1)[-1])
    pattern = re.compile(rf'^\s*(?:"?{re.escape(key)}"?|{last})\s*=')
    for number, line in enumerate(source_text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return None
