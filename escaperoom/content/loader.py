"""Load scenario files: TOML → :class:`Scenario` → cross-reference checks → engine verdicts per puzzle.

Used by ``escaperoom check``/``verdict``, the game and the debrief. Every problem is a :class:`Problem` with file,
key path, line and a Dutch hint; errors stop a file from loading, warnings (stale law, missing hint levels) do not.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

import pydantic

from escaperoom.content.diagnostics import did_you_mean, problems_from_validation
from escaperoom.content.models import (
    GEEN_GRONDSLAG, BasisPuzzle, DilemmaPuzzle, LockPuzzle, RedactPuzzle, RequestSpec, Scenario, SortPuzzle,
)
from escaperoom.content.source import TomlDocument, format_key_path, read_toml
from escaperoom.content.source.files import links_out_of, toml_files_in
from escaperoom.errors import ContentError, Problem, RuleError
from escaperoom.judge import Case, judge_scenario
from escaperoom.paths import assets_dir, puzzels_dir
from escaperoom.rules.lawbook import LawBook, load_lawbook
from escaperoom.scoring import dilemma_option_errors

STALE_MONTHS = 12
_HINT_ORDER = ("principe", "artikel", "voorbeeld")


@dataclass
class Loaded:
    """A scenario that loaded: the model, its judged cases per puzzle, the source document and its warnings."""

    scenario: Scenario
    cases: dict[str, list[Case]]
    doc: TomlDocument
    warnings: list[Problem] = field(default_factory=list)

    @property
    def path(self) -> Path:
        return self.doc.path


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


def load_scenario(path: Path, book: LawBook | None = None, *, today: dt.date | None = None,
                  stale_months: int = STALE_MONTHS) -> Loaded:
    """Load one scenario file; raises :class:`ContentError` with every error found (warnings in ``Loaded``)."""
    book = book or load_lawbook()
    doc = read_toml(path)
    try:
        scenario = Scenario.model_validate(doc.data).with_source(path)
    except pydantic.ValidationError as err:
        raise ContentError(problems_from_validation(err, doc, model=Scenario, tags=("soort",))) from None
    checker = _Checker(scenario, doc, book)
    checker.run()
    errors = [p for p in checker.problems if p.severity == "fout"]
    if errors:
        raise ContentError(errors)
    cases = checker.cases
    warnings = [p for p in checker.problems if p.severity != "fout"]
    warnings += _stale(scenario, cases, doc, book, today or dt.date.today(), stale_months)
    return Loaded(scenario, cases, doc, warnings)


def load_many(paths: list[Path] | None = None, book: LawBook | None = None, **kw) -> tuple[list[Loaded], list[Problem]]:
    """Load every file; returns what loaded and every problem (errors and warnings), never raises for content."""
    loaded: list[Loaded] = []
    problems: list[Problem] = [
        Problem(folder, "in deze map staan geen .toml-bestanden; er is niets gecontroleerd", severity="waarschuwing",
                hint="controleer of dit de goede map is: puzzelbestanden eindigen op .toml")
        for folder in empty_folders(paths)]
    problems += [p for folder in paths or [puzzels_dir()] if os.path.isdir(folder) for p in links_out_of(folder)]
    seen: dict[str, Path] = {}
    for path in discover(paths):
        try:
            item = load_scenario(path, book, **kw)
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


def _stale(sc: Scenario, cases: dict[str, list[Case]], doc: TomlDocument, book: LawBook, today: dt.date,
           months: int) -> list[Problem]:
    used = {cit for cs in cases.values() for c in cs for cit in c.verdict.citations}
    stale = [p for p in book.stale(today, months) if p.id in used]
    return [Problem(doc.path, f"{p.citation} is voor het laatst gecontroleerd op {p.gecontroleerd:%d-%m-%Y}, langer "
                              f"dan {months} maanden geleden; de wet kan veranderd zijn",
                    key="scenario", line=doc.line_of(("scenario",)), severity="waarschuwing",
                    hint=f"controleer de tekst op {p.url} en werk 'gecontroleerd' bij in {p.file.name}")
            for p in stale]


class _Checker:
    """Cross-reference checks after the schema: roles, items, facts, provisions, assets, lock, hints, engine."""

    def __init__(self, sc: Scenario, doc: TomlDocument, book: LawBook):
        self.sc, self.doc, self.book = sc, doc, book
        self.problems: list[Problem] = []
        self.cases: dict[str, list[Case]] = {}

    def add(self, path: tuple, message: str, hint: str = "", severity: str = "fout") -> None:
        self.problems.append(Problem(self.doc.path, message, key=format_key_path(path), line=self.doc.line_of(path),
                                     hint=hint, severity=severity))

    def role(self, path: tuple, role: str) -> None:
        if role not in self.book.roles:
            guess = did_you_mean(role, self.book.roles)
            self.add(path, f"onbekende rol '{role}'",
                     f"bedoelde je '{guess}'?" if guess else "kies uit: " + ", ".join(sorted(self.book.roles)))

    def item(self, path: tuple, item_id: str) -> bool:
        if item_id in self.sc.gegevens:
            return True
        guess = did_you_mean(item_id, self.sc.gegevens)
        self.add(path, f"onbekend gegeven '{item_id}'",
                 f"bedoelde je '{guess}'?" if guess else "voeg het toe als [gegevens." + item_id + "]")
        return False

    def asset(self, path: tuple, rel: str | None) -> None:
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

    def request(self, path: tuple, spec: RequestSpec, items: list[str]) -> None:
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

    def run(self) -> None:
        sc = self.sc
        for i, org in enumerate(sc.scenario.organisaties):
            self.role(("scenario", "organisaties", i), org)
        self.asset(("scenario", "afbeelding"), sc.scenario.afbeelding)
        for item_id, spec in sc.gegevens.items():
            self.role(("gegevens", item_id, "houder"), spec.houder)
        seen: dict[str, int] = {}
        locks = [i for i, p in enumerate(sc.puzzels) if isinstance(p, LockPuzzle)]
        if len(locks) != 1:  # point at the second lock (the one to remove), or at the puzzles when there is none
            self.add(("puzzels", locks[1], "soort") if len(locks) > 1 else ("puzzels",),
                     f"een casus heeft precies één slot (soort = \"slot\"), deze heeft er {len(locks)}",
                     "voeg een [[puzzels]] met soort = \"slot\" toe" if not locks else "verwijder de extra sloten")
        for index, p in enumerate(sc.puzzels):
            base = ("puzzels", index)
            if p.id in seen:
                self.add((*base, "id"), f"puzzel-id '{p.id}' komt twee keer voor", "geef elke puzzel een eigen id")
            seen[p.id] = index
            if p.station not in sc.scenario.organisaties:
                guess = did_you_mean(p.station, sc.scenario.organisaties)
                self.add((*base, "station"), f"station '{p.station}' staat niet in scenario.organisaties",
                         f"bedoelde je '{guess}'?" if guess else "voeg de organisatie toe aan scenario.organisaties")
            self.asset((*base, "afbeelding"), p.afbeelding)
            self._hints(base, p)
            self._kind(base, p)
        self._lock(seen)
        if any(p.severity == "fout" for p in self.problems):
            return
        try:
            self.cases = judge_scenario(self.book, sc)
        except RuleError as err:
            self.add(("puzzels",), f"de rule engine kan deze casus niet beoordelen: {err}")
            return
        self._agreement()

    def _hints(self, base: tuple, p) -> None:
        if isinstance(p, LockPuzzle):
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

    def _kind(self, base: tuple, p) -> None:
        if isinstance(p, SortPuzzle):
            for k, card in enumerate(p.kaarten):
                self.item((*base, "kaarten", k), card)
            recipients = [d.ontvanger for d in p.bestemmingen]
            if len(set(recipients)) != len(recipients):
                self.add((*base, "bestemmingen"), "twee bestemmingen hebben dezelfde ontvanger",
                         "elke ontvanger één keer")
            for d, spec in enumerate(p.bestemmingen):
                self.request((*base, "bestemmingen", d), spec, p.kaarten)
        elif isinstance(p, BasisPuzzle):
            for d, spec in enumerate(p.beslissingen):
                path = (*base, "beslissingen", d)
                if self.item((*path, "gegeven"), spec.gegeven):
                    self.request(path, spec, [spec.gegeven])
                for o, opt in enumerate(spec.opties):
                    if opt != GEEN_GRONDSLAG and opt not in self.book.provisions:
                        guess = did_you_mean(opt, [*self.book.provisions, GEEN_GRONDSLAG])
                        self.add((*path, "opties", o), f"onbekende bepaling '{opt}'",
                                 f"bedoelde je '{guess}'?" if guess else "gebruik een id uit escaperoom/rules/law/*.toml "
                                 "of 'geen'")
                if GEEN_GRONDSLAG not in spec.opties:
                    self.add((*path, "opties"), "de optie 'geen' (geen grondslag: niet delen) ontbreekt",
                             "voeg \"geen\" toe aan opties, zodat 'niet delen' te kiezen is", severity="waarschuwing")
        elif isinstance(p, RedactPuzzle):
            items = [f.gegeven for f in p.fragmenten if f.gegeven]
            for f, frag in enumerate(p.fragmenten):
                if frag.gegeven:
                    self.item((*base, "fragmenten", f, "gegeven"), frag.gegeven)
            if not items:
                self.add((*base, "fragmenten"), "geen enkel fragment noemt een gegeven",
                         "zet bij de fragmenten die gegevens bevatten: gegeven = \"...\"")
            self.request((*base, "verzoek"), p.verzoek, items)
        elif isinstance(p, DilemmaPuzzle):
            for g, item_id in enumerate(p.gegevens):
                self.item((*base, "gegevens", g), item_id)
            if (p.verzoek is None) != (not p.gegevens):
                self.add((*base, "verzoek"), "een dilemma met 'verzoek' noemt ook 'gegevens' (en omgekeerd)",
                         "geef beide, of geen van beide")
            if p.verzoek is not None:
                self.request((*base, "verzoek"), p.verzoek, p.gegevens)
            for o, opt in enumerate(p.opties):
                path = (*base, "opties", o)
                if opt.deelt is None and opt.aanvaardbaar is None:
                    self.add(path, "deze optie zegt niet of ze aanvaardbaar is",
                             "schrijf aanvaardbaar = true/false, of deelt = [ ... ] met een verzoek")
                if opt.deelt is not None:
                    if p.verzoek is None:
                        self.add((*path, "deelt"), "'deelt' werkt alleen als de puzzel een verzoek heeft",
                                 "voeg [puzzels.verzoek] toe of gebruik aanvaardbaar = true/false")
                    for item_id in opt.deelt:
                        if item_id not in p.gegevens:
                            self.add((*path, "deelt"), f"'{item_id}' staat niet in de gegevens van dit dilemma",
                                     "noem alleen gegevens uit 'gegevens'")

    def _lock(self, seen: dict[str, int]) -> None:
        lock_index = next((i for i, p in enumerate(self.sc.puzzels) if isinstance(p, LockPuzzle)), None)
        if lock_index is None:
            return
        lock = self.sc.puzzels[lock_index]
        base = ("puzzels", lock_index, "codes_van")
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

    def _agreement(self) -> None:
        """The engine must agree with every ``verwacht`` the author wrote; and every puzzle must be solvable."""
        for index, p in enumerate(self.sc.puzzels):
            cases = self.cases[p.id]
            for c in cases:
                expected = c.spec.verwacht.get(c.item_id)
                if expected is not None and expected is not c.verdict.decision:
                    self.add((*c.key_path, "verwacht", c.item_id) if c.key_path[-1] != "verzoek" else
                             (*c.key_path, "verwacht"),
                             f"de rule engine zegt '{c.verdict.decision.value}' voor '{c.item_id}' "
                             f"(regel {c.verdict.rule}), de puzzel verwacht '{expected.value}'",
                             "lees de uitleg met 'escaperoom verdict " + str(self.doc.path) + "'; pas de feiten of "
                             "'verwacht' aan, of meld een fout in de engine")
            if isinstance(p, BasisPuzzle):
                for d, (spec, c) in enumerate(zip(p.beslissingen, cases, strict=True)):
                    if c.verdict.decision.shares and not set(spec.opties) & c.verdict.bases:
                        self.add(("puzzels", index, "beslissingen", d, "opties"),
                                 "geen enkele optie is een geldige grondslag voor deze beslissing",
                                 "geldige grondslagen volgens de engine: " + ", ".join(sorted(c.verdict.bases)))
            if isinstance(p, DilemmaPuzzle):
                ok = [o for o in range(len(p.opties)) if dilemma_option_errors(p, cases, o) is None]
                if not ok:
                    self.add(("puzzels", index, "opties"), "geen enkele optie is aanvaardbaar",
                             "maak minstens één optie aanvaardbaar")
                for o, opt in enumerate(p.opties):
                    if opt.deelt is not None and opt.aanvaardbaar is not None and cases:
                        derived = dilemma_option_errors(p, cases, o) is None
                        if derived != opt.aanvaardbaar:
                            self.add(("puzzels", index, "opties", o, "aanvaardbaar"),
                                     f"de engine vindt deze optie {'wel' if derived else 'niet'} aanvaardbaar",
                                     "laat 'aanvaardbaar' weg, of pas 'deelt' aan")
