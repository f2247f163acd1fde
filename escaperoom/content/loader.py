"""Load scenario files: TOML → :class:`Scenario` → cross-reference checks. Judges nothing.

Every problem is a :class:`Problem` with file, key path, line and a Dutch hint; errors stop a file from loading,
warnings (missing hint levels, a reward the lock does not use) do not. The checks that depend on a puzzle's kind
(its cards, decisions, fragments, options) are handed in by the layer above (``escaperoom.kinds``), which also
lets the rule engine judge the loaded scenario (``escaperoom.kinds.judging``): this package knows no verdicts.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TypeVar

import pydantic

from escaperoom.content.diagnostics import did_you_mean, problems_from_validation
from escaperoom.content.levels import DEFAULT_LEVEL, LevelDocument, has_levels, remap_problem
from escaperoom.content.models import Puzzle, RequestSpec, Scenario
from escaperoom.content.source import TomlDocument, format_key_path, read_toml
from escaperoom.content.source.files import links_out_of, toml_files_in
from escaperoom.content.thin import check_thin
from escaperoom.errors import ContentError, Problem
from escaperoom.paths import assets_dir, puzzels_dir
from escaperoom.rules.lawbook import LawBook, load_lawbook

KeyPath = tuple[str | int, ...]
_HINT_ORDER = ("principe", "artikel", "voorbeeld")


@dataclass
class Loaded:
    """A scenario that loaded and whose cross-references hold: the model, the source document, its warnings."""

    scenario: Scenario
    doc: TomlDocument
    warnings: list[Problem] = field(default_factory=list)

    @property
    def path(self) -> Path:
        path = self.doc.path
        assert path is not None, "a loaded document always has its file"
        return path


class _Loadable(Protocol):
    """What :func:`load_each` needs of a loaded file (a :class:`Loaded`, or the judged form above it)."""

    @property
    def scenario(self) -> Scenario: ...

    @property
    def doc(self) -> TomlDocument: ...

    @property
    def warnings(self) -> list[Problem]: ...


L = TypeVar("L", bound=_Loadable)
PuzzleChecks = Callable[["Checker", KeyPath, Puzzle], None]
"""The checks of one puzzle that depend on its kind: ``(checker, key path of the puzzle, puzzle)``."""


def discover(paths: list[Path] | None = None) -> list[Path]:
    """The ``.toml`` files named, or found (recursively) in the folders named; default: the bundled puzzels/.
    A link in a folder to a file outside it is left out (:func:`load_many` reports it)."""
    out: list[Path] = []
    for path in paths or [puzzels_dir()]:
        if os.path.isdir(path):  # never raises (a name too long for the file system is simply not a folder)
            out += toml_files_in(path)
        else:
            out.append(path)
    return out


def empty_folders(paths: list[Path] | None) -> list[Path]:
    """The folders named that hold no ``.toml`` file: ``check`` warns about them instead of skipping them silently."""
    return [p for p in paths or [] if os.path.isdir(p) and not toml_files_in(p) and not links_out_of(p)]


def load_scenario(path: Path, book: LawBook | None = None, *, puzzle_checks: PuzzleChecks | None = None,
                  level: str | None = None) -> Loaded:
    """Load one scenario file; raises :class:`ContentError` with every error found (warnings in ``Loaded``).

    ``puzzle_checks`` are the kind-specific checks of each puzzle (``escaperoom.kinds.check_puzzle``); without
    them only the checks that hold for every kind are made. ``level`` loads the file as it is at that level
    (``content/levels.py``; a file with levels and no ``level``: its default level); its problems name the keys and
    lines as written in the file."""
    doc = read_toml(path)
    if level is None and has_levels(doc.data):
        level = DEFAULT_LEVEL
    if level is None:
        return load_document(doc, book, puzzle_checks=puzzle_checks)
    level_doc = LevelDocument(doc, level)
    try:
        loaded = load_document(level_doc, book, puzzle_checks=puzzle_checks)
    except ContentError as err:
        raise ContentError([remap_problem(p, level_doc) for p in err.problems]) from None
    loaded.warnings = [remap_problem(p, level_doc) for p in loaded.warnings]
    return loaded


def load_document(doc: TomlDocument, book: LawBook | None = None, *,
                  puzzle_checks: PuzzleChecks | None = None) -> Loaded:
    """Validate and cross-check a parsed document (:func:`load_scenario` after reading the file)."""
    book = book or load_lawbook()
    path = doc.path
    try:
        scenario = Scenario.model_validate(doc.data).with_source(path)
    except pydantic.ValidationError as err:
        raise ContentError(problems_from_validation(err, doc, model=Scenario, tags=("soort",))) from None
    checker = Checker(scenario, doc, book)
    checker.run(puzzle_checks)
    errors = [p for p in checker.problems if p.severity == "fout"]
    if errors:
        raise ContentError(errors)
    return Loaded(scenario, doc, checker.problems)


def load_each(paths: Sequence[Path] | None, load: Callable[[Path], L]) -> tuple[list[L], list[Problem]]:
    """Load every file with ``load``; returns what loaded and every problem (errors and warnings), never raises
    for content. A folder without files is a warning; a casus id met twice is an error at the second file."""
    loaded: list[L] = []
    folders = list(paths) if paths is not None else None
    problems: list[Problem] = [
        Problem(folder, "in deze map staan geen .toml-bestanden; er is niets gecontroleerd", severity="waarschuwing",
                hint="controleer of dit de goede map is: puzzelbestanden eindigen op .toml")
        for folder in empty_folders(folders)]
    problems += [p for folder in folders or [puzzels_dir()] if os.path.isdir(folder) for p in links_out_of(folder)]
    seen: dict[str, Path] = {}
    for path in discover(folders):
        try:
            item = load(path)
        except ContentError as err:
            problems += err.problems
            continue
        if item.scenario.id in seen:
            problems.append(Problem(path, f"casus-id '{item.scenario.id}' bestaat al in {seen[item.scenario.id]}",
                                    key="scenario.id", line=item.doc.line_of(("scenario", "id")),
                                    hint="geef elke casus een eigen id"))
            continue
        seen[item.scenario.id] = path
        loaded.append(item)
        problems += item.warnings
    return loaded, problems


class Checker:
    """Cross-reference checks after the schema: roles, items, facts, assets, lock wiring, hint order; the checks
    that depend on a puzzle's kind call back into :meth:`item`, :meth:`request`, :meth:`add`.

    Also the collector of the problems found one step above (the rule engine's agreement, in
    ``escaperoom.kinds.judging``): every problem carries the line of its key path in the file."""

    def __init__(self, sc: Scenario, doc: TomlDocument, book: LawBook):
        self.sc, self.doc, self.book = sc, doc, book
        self.problems: list[Problem] = []

    def add(self, path: KeyPath, message: str, hint: str = "", severity: str = "fout") -> None:
        self.problems.append(Problem(self.doc.path, message, key=format_key_path(path), line=self.doc.line_of(path),
                                     hint=hint, severity=severity))

    @staticmethod
    def suggest(name: str, known: Iterable[str]) -> str | None:
        """The known name closest to a misspelt ``name`` (for "bedoelde je …?"), or None."""
        return did_you_mean(name, known)

    def role(self, path: KeyPath, role: str) -> None:
        if role not in self.book.roles:
            guess = did_you_mean(role, self.book.roles)
            self.add(path, f"onbekende rol '{role}'",
                     f"bedoelde je '{guess}'?" if guess else "kies uit: " + ", ".join(sorted(self.book.roles)))

    def item(self, path: KeyPath, item_id: str) -> bool:
        if item_id in self.sc.gegevens:
            return True
        guess = did_you_mean(item_id, self.sc.gegevens)
        self.add(path, f"onbekend gegeven '{item_id}'",
                 f"bedoelde je '{guess}'?" if guess else "voeg het toe als [gegevens." + item_id + "]")
        return False

    def asset(self, path: KeyPath, rel: str | None) -> None:
        if rel is None:
            return
        try:  # the model already refused NUL, "..", absolute and over-long paths; this is the file system's say
            root = assets_dir().resolve()
            target = (root / rel).resolve()
            target.is_file()
        except (OSError, RuntimeError, ValueError):
            self.add(path, f"bestand '{rel}' kan niet worden gelezen in assets/", "controleer de naam en de map")
            return
        if not target.is_relative_to(root):
            self.add(path, f"'{rel}' ligt buiten de map assets/", "verwijs alleen naar bestanden in assets/")
        elif not target.is_file():
            self.add(path, f"bestand '{rel}' bestaat niet in assets/", "controleer de naam en de map")

    def request(self, path: KeyPath, spec: RequestSpec, items: list[str]) -> None:
        self.role((*path, "ontvanger"), spec.ontvanger)
        for fact in spec.situatie:
            if fact not in self.book.facts:
                guess = did_you_mean(fact, self.book.facts)
                self.add((*path, "situatie", fact), f"onbekend situatiefeit '{fact}'",
                         f"bedoelde je '{guess}'?" if guess else "kies uit: " + ", ".join(sorted(self.book.facts)))
        for key in ("nodig", "verwacht"):
            for item_id in getattr(spec, key):
                if self.item((*path, key), item_id) and item_id not in items:
                    self.add((*path, key), f"'{item_id}' hoort niet bij dit verzoek",
                             "noem alleen gegevens die in deze puzzel voorkomen")
        holders = {self.sc.gegevens[i].houder for i in items if i in self.sc.gegevens}
        if len(holders) > 1:
            self.add(path, "de gegevens van één verzoek komen van verschillende houders: " + ", ".join(sorted(holders)),
                     "splits het verzoek: één houder per verzoek")

    def run(self, puzzle_checks: PuzzleChecks | None = None) -> None:
        sc = self.sc
        for i, org in enumerate(sc.scenario.organisaties):
            self.role(("scenario", "organisaties", i), org)
        self.asset(("scenario", "afbeelding"), sc.scenario.afbeelding)
        for item_id, spec in sc.gegevens.items():
            self.role(("gegevens", item_id, "houder"), spec.houder)
        seen: dict[str, int] = {}
        locks = [i for i, p in enumerate(sc.puzzels) if p.is_lock]
        if len(locks) != 1:  # point at the second lock (the one to remove), or at the puzzles when there is none
            self.add(("puzzels", locks[1], "soort") if len(locks) > 1 else ("puzzels",),
                     f"een casus heeft precies één slot (soort = \"slot\"), deze heeft er {len(locks)}",
                     "voeg een [[puzzels]] met soort = \"slot\" toe" if not locks else "verwijder de extra sloten")
        for index, p in enumerate(sc.puzzels):
            base: KeyPath = ("puzzels", index)
            if p.id in seen:
                self.add((*base, "id"), f"puzzel-id '{p.id}' komt twee keer voor", "geef elke puzzel een eigen id")
            seen[p.id] = index
            if p.station not in sc.scenario.organisaties:
                guess = did_you_mean(p.station, sc.scenario.organisaties)
                self.add((*base, "station"), f"station '{p.station}' staat niet in scenario.organisaties",
                         f"bedoelde je '{guess}'?" if guess else "voeg de organisatie toe aan scenario.organisaties")
            self.asset((*base, "afbeelding"), p.afbeelding)
            self._hints(base, p)
            if puzzle_checks is not None:
                puzzle_checks(self, base, p)
        self._lock(seen)
        check_thin(sc, lambda path, message, hint: self.add(path, message, hint, severity="waarschuwing"))

    def _hints(self, base: KeyPath, p: Puzzle) -> None:
        if p.is_lock:
            return
        levels = [h.niveau for h in p.hints]
        if levels != sorted(levels, key=_HINT_ORDER.index):
            self.add((*base, "hints"), "de hints staan niet in de volgorde principe → artikel → voorbeeld",
                     "zet de hint met niveau 'principe' eerst en 'voorbeeld' laatst")
        missing = [lvl for lvl in _HINT_ORDER if lvl not in levels]
        if missing:
            self.add((*base, "hints"), "hint-niveau ontbreekt: " + ", ".join(missing),
                     "geef elke puzzel een hint per niveau: principe, artikel, voorbeeld", severity="waarschuwing")
        if not p.intervisie:
            self.add((*base, "intervisie"), "geen intervisievragen voor de nabespreking",
                     "voeg minstens één vraag toe: intervisie = [ { nl = \"...\" } ]", severity="waarschuwing")

    def _lock(self, seen: dict[str, int]) -> None:
        lock = self.sc.lock
        if lock is None:
            return
        lock_index = next(i for i, p in enumerate(self.sc.puzzels) if p.is_lock)
        base: KeyPath = ("puzzels", lock_index, "codes_van")
        for k, pid in enumerate(lock.codes_van):
            if pid not in seen:
                guess = did_you_mean(pid, seen)
                self.add((*base, k), f"onbekende puzzel '{pid}'", f"bedoelde je '{guess}'?" if guess else "")
            elif pid == lock.id:
                self.add((*base, k), "het slot kan zijn eigen code niet leveren")
        if len(set(lock.codes_van)) != len(lock.codes_van):
            self.add(base, "een puzzel staat twee keer in codes_van", "noem elke puzzel één keer")
        feeding = set(lock.codes_van)
        for p in self.sc.rooms:
            if p.id not in feeding:
                self.add(("puzzels", seen[p.id], "beloning"), f"de beloning van '{p.id}' gaat niet naar het slot",
                         "zet de puzzel in codes_van van het slot", severity="waarschuwing")
