"""Two levels of one casus in one file: ``basis`` (fewer items, more hints, clearer facts) and ``verdieping`` (the
whole case). The loader derives each level's data from the file before validation; the rest of the game sees a
plain scenario. Used by the loader and the judging step; docs/authoring.md explains it to authors.

How a file says what differs (everything without a mark is in both levels):

* ``speelniveau = "basis"`` (or ``"verdieping"``) on a ``[[puzzels]]`` block or on a table in one of its lists
  (``bestemmingen``, ``beslissingen``, ``fragmenten``, ``opties``, ``hints``): only at that level;
* ``[puzzels.basis]`` / ``[puzzels.verdieping]`` (and ``[scenario.basis]`` / ``[scenario.verdieping]``): keys that
  replace the puzzle's (or the scenario's) own at that level, e.g. fewer ``kaarten`` or a clearer ``opdracht``;
* a reference to something that exists at the other level only (a card in ``verwacht`` or ``nodig``, a puzzle in
  the lock's ``codes_van``) is left out at this level; a reference to something that exists nowhere stays, so the
  checker still names the typo.

Problems found at one level are reported with the key and line as written in the file (:class:`LevelDocument`,
:func:`remap_problem`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from escaperoom.content.source import TomlDocument
from escaperoom.content.source.keypath import KeyPath, format_key_path
from escaperoom.errors import Problem

BASIS, VERDIEPING = "basis", "verdieping"
LEVELS = (BASIS, VERDIEPING)
DEFAULT_LEVEL = VERDIEPING  # the whole case: what a game without a chosen level plays
TAG = "speelniveau"  # the key that marks a part as belonging to one level only
TAGGED_LISTS = ("bestemmingen", "beslissingen", "fragmenten", "opties", "hints")
_REQUESTS = ("bestemmingen", "beslissingen")  # lists of requests (a puzzle's single request is ``verzoek``)

PathMap = dict[KeyPath, KeyPath]  # a derived key path prefix -> where it is written in the file


def has_levels(data: Mapping[str, Any]) -> bool:
    """Whether a file marks anything as belonging to one level (a tag or an override table)."""
    scenario = data.get("scenario")
    if isinstance(scenario, dict) and any(isinstance(scenario.get(lvl), dict) for lvl in LEVELS):
        return True
    puzzles = data.get("puzzels")
    if not isinstance(puzzles, list):
        return False
    for p in puzzles:
        if not isinstance(p, dict):
            continue
        if TAG in p or any(isinstance(p.get(lvl), dict) for lvl in LEVELS):
            return True
        if any(isinstance(t, dict) and TAG in t for key in TAGGED_LISTS for t in _list(p.get(key))):
            return True
    return False


def derive(data: Mapping[str, Any], level: str) -> tuple[dict[str, Any], PathMap]:
    """The file's data as it is at ``level``, and where each moved part is written in the file."""
    out = dict(data)
    paths: PathMap = {}
    scenario = data.get("scenario")
    if isinstance(scenario, dict):
        out["scenario"] = _overridden(scenario, level, ("scenario",), ("scenario",), paths)
    puzzles = data.get("puzzels")
    if not isinstance(puzzles, list):
        return out, paths
    kept: list[tuple[int, Any]] = [(i, p) for i, p in enumerate(puzzles) if _at(p, level)]
    derived: list[Any] = []
    for new, (old, p) in enumerate(kept):
        if new != old:
            paths[("puzzels", new)] = ("puzzels", old)
        derived.append(_puzzle(p, level, new, old, paths) if isinstance(p, dict) else p)
    ids_everywhere = {p.get("id") for p in puzzles if isinstance(p, dict)}
    ids_here = {p.get("id") for p in derived if isinstance(p, dict)}
    for (_old, source), p in zip(kept, derived, strict=True):
        if isinstance(p, dict) and isinstance(source, dict):
            everywhere = {i for lvl in LEVELS for i in _items(_puzzle(source, lvl, 0, 0, {}))}
            _drop_foreign(p, everywhere, ids_everywhere - ids_here)
    out["puzzels"] = derived
    return out, paths


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _at(part: Any, level: str) -> bool:
    """A part is at ``level`` unless it is tagged with the other level (a wrong tag keeps it: the model says so)."""
    tag = part.get(TAG) if isinstance(part, dict) else None
    return tag not in LEVELS or tag == level


def _overridden(table: dict[str, Any], level: str, new: KeyPath, old: KeyPath, paths: PathMap) -> dict[str, Any]:
    out = {k: v for k, v in table.items() if k not in LEVELS}
    override = table.get(level)
    if isinstance(override, dict):
        for key, value in override.items():
            out[key] = value
            paths[(*new, key)] = (*old, level, key)
    return out


def _puzzle(p: dict[str, Any], level: str, new: int, old: int, paths: PathMap) -> dict[str, Any]:
    out = _overridden(p, level, ("puzzels", new), ("puzzels", old), paths)
    for key in TAGGED_LISTS:
        items = out.get(key)
        if not isinstance(items, list):
            continue
        source = paths.get(("puzzels", new, key), ("puzzels", old, key))
        kept = [(j, t) for j, t in enumerate(items) if _at(t, level)]
        for nj, (oj, _t) in enumerate(kept):
            paths[("puzzels", new, key, nj)] = (*source, oj)
        out[key] = [t for _j, t in kept]
    return out


def _items(p: Mapping[str, Any]) -> set[str]:
    """The data items a puzzle (as derived for one level) puts on the table."""
    found = {c for c in _list(p.get("kaarten")) if isinstance(c, str)}
    found |= {g for g in _list(p.get("gegevens")) if isinstance(g, str)}
    for key, field in (("fragmenten", "gegeven"), ("beslissingen", "gegeven")):
        found |= {t[field] for t in _list(p.get(key)) if isinstance(t, dict) and isinstance(t.get(field), str)}
    return found


def _drop_foreign(p: dict[str, Any], everywhere: set[str], other_puzzles: set[Any]) -> None:
    """Leave out references to items of this puzzle (``everywhere``: at any level) that it lacks at this level, and
    to puzzles that exist at the other level only."""
    foreign = everywhere - _items(p)

    def clean(req: Any) -> Any:
        if not isinstance(req, dict):
            return req
        out = dict(req)
        if isinstance(req.get("verwacht"), dict):
            out["verwacht"] = {k: v for k, v in req["verwacht"].items() if k not in foreign}
        if isinstance(req.get("nodig"), list):
            out["nodig"] = [k for k in req["nodig"] if k not in foreign]
        return out

    for key in _REQUESTS:
        if isinstance(p.get(key), list):
            p[key] = [clean(t) for t in p[key]]
    if "verzoek" in p:
        p["verzoek"] = clean(p["verzoek"])
    if p.get("soort") == "slot" and isinstance(p.get("codes_van"), list):
        p["codes_van"] = [c for c in p["codes_van"] if c not in other_puzzles]


class LevelDocument(TomlDocument):
    """A document as one level sees it: the derived data, the file's text, and lines looked up where each part is
    written (through the :data:`PathMap` of :func:`derive`)."""

    __slots__ = ("level", "paths", "_source")

    def __init__(self, source: TomlDocument, level: str):
        data, paths = derive(source.data, level)
        super().__init__(source.path, data, source.text)
        self.level, self.paths, self._source = level, paths, source

    def source_path(self, key_path: Iterable[str | int]) -> KeyPath:
        """Where a key path of the derived data is written in the file."""
        path = tuple(key_path)
        for end in range(len(path), 0, -1):
            written = self.paths.get(path[:end])
            if written is not None:
                return (*written, *path[end:])
        return path

    def line_of(self, key_path: Iterable[str | int]) -> int | None:
        return self._source.line_of(self.source_path(key_path))


_KEY_PART = re.compile(r'\[(\d+)\]|\.?"((?:[^"\\]|\\.)*)"|\.?([A-Za-z0-9_-]+)')


def parse_key_path(text: str) -> KeyPath | None:
    """``puzzels[2].kaarten[0]`` back into its key path (the inverse of ``format_key_path``); None if it is not one."""
    parts: list[str | int] = []
    pos = 0
    while pos < len(text):
        match = _KEY_PART.match(text, pos)
        if match is None:
            return None
        index, quoted, bare = match.groups()
        if index is not None:
            parts.append(int(index))
        elif quoted is not None:
            parts.append(quoted.replace('\\"', '"').replace("\\\\", "\\"))
        else:
            parts.append(bare)
        pos = match.end()
    return tuple(parts)


def remap_problem(problem: Problem, doc: LevelDocument) -> Problem:
    """A problem found at one level, with its key as written in the file."""
    path = parse_key_path(problem.key) if problem.key else None
    if path is None:
        return problem
    return replace(problem, key=format_key_path(doc.source_path(path)))


def merge_level_problems(found: Mapping[str, list[Problem]]) -> list[Problem]:
    """The problems of every level, each once; one found at a single level says which."""
    seen: dict[tuple[Any, ...], list[str]] = {}
    first: dict[tuple[Any, ...], Problem] = {}
    for level, problems in found.items():
        for p in problems:
            ident = (p.line, p.key, p.message, p.severity)
            first.setdefault(ident, p)
            seen.setdefault(ident, []).append(level)
    out = []
    for ident, problem in first.items():
        levels = seen[ident]
        if len(set(levels)) < len(LEVELS):
            problem = replace(problem, message=f"{problem.message} (speelniveau {levels[0]})")
        out.append(problem)
    return out
