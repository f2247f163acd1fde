"""The law as data: roles, situation facts and legal provisions, loaded once from the TOML files in this package.

One file per legal instrument in ``law/`` (AVG, UAVG, WGBO, Wet BIG, Wvggz, Wpg, Wgs, Besluit Wgs, Wmo 2015, Jeugdwet,
Participatiewet, WGS, Wabvpz, …); ``rollen.toml`` and ``feiten.toml`` beside this module. Loaded once, validated with
cross-references; used by the engine, ``escaperoom check``, the ``verdict`` command and the debrief.

What the dates mean:

- ``gecontroleerd`` (per provision) is the day the entry was last checked **against shared/legal/kennisbank.md**,
  the project's legal knowledge base — not against wetten.overheid.nl or EUR-Lex. ``escaperoom check`` warns when
  it is older than ``--verouderd-na`` months.
- ``tekstversie`` (per instrument) is the version of the legal text the kennisbank says it was checked against
  (kennisbank §0.2, "peildata"); where the kennisbank names none, ``tekstversie_ontbreekt`` says so.
- ``geldig_vanaf`` (per instrument, a provision may have its own) is the date of entry into force the kennisbank
  gives (§0.4), with ``geldig_vanaf_onzeker`` where §0.4 marks it [onzeker]; otherwise ``geldig_vanaf_ontbreekt``
  says why there is none. A date is never guessed. ``geldig_tot``/``vervangen_door`` mark a provision that
  stopped applying; ``tekst_vanaf`` and ``versies`` give its wordings by date.

The engine judges on a *peildatum*: :meth:`LawBook.edition` is the law as it stood that day — only provisions in force,
each in its wording of that day. Every provision the reasoning (R01–R20) needs in a fixed part is tagged with
``stap = [...]`` (:class:`Step`); secrecy regimes name the holder roles they bind (``bindt``) and, where it matters,
the recipients (``jegens``). So the engine names steps, not provision ids, and a new provision needs no engine code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from escaperoom.errors import ContentError, Problem
from escaperoom.rules._lawfiles import cross_check, read_facts, read_law, read_roles
from escaperoom.rules.provisions import (
    ANY,
    FLOW_STEPS,
    ROLE_STEPS,
    SINGLE_STEPS,
    Fact,
    Instrument,
    Kind,
    Provision,
    Role,
    Step,
    cite,
)
from escaperoom.text import Text

__all__ = ["ANY", "FACTS_FILE", "LAW_DIR", "ROLES_FILE", "SINGLE_STEPS", "Edition", "Fact", "Instrument", "Kind",
           "LawBook", "LawChange", "Provision", "ROLE_STEPS", "Role", "Step", "load_lawbook"]

LAW_DIR = Path(__file__).parent / "law"
ROLES_FILE = Path(__file__).parent / "rollen.toml"
FACTS_FILE = Path(__file__).parent / "feiten.toml"


@dataclass(frozen=True)
class LawChange:
    """A change in the law between two days: a provision came into force (``nieuw``), stopped applying
    (``vervallen``, with what replaced it) or got a new wording (``nieuwe_tekst``)."""

    provision: str
    kind: str
    day: dt.date
    replaced_by: str | None = None


class Edition:
    """The law as it stood on one day (the peildatum): only provisions in force, each worded as that day.

    Built and cached by :meth:`LawBook.edition`; the engine's steps read only this."""

    def __init__(self, book: LawBook, day: dt.date):
        self.book, self.day = book, day
        self.roles, self.facts = book.roles, book.facts
        self.provisions: dict[str, Provision] = {pid: p.at(day) for pid, p in book.provisions.items()
                                                 if book.is_in_force(pid, day)}
        flows = [p for p in self.provisions.values() if p.is_flow]
        self.flows = tuple(p for p in flows if not any(s in FLOW_STEPS for s in p.stap))
        self.lapsed_flows = tuple(p.at(day) for p in book.flows if p.id not in self.provisions)
        steps: dict[Step, list[Provision]] = {}
        for prov in self.provisions.values():
            for step in prov.stap:
                steps.setdefault(step, []).append(prov)
        self._steps = {s: tuple(ps) for s, ps in steps.items()}
        self._cites: dict[tuple[str, str], str] = {}
        self._both: dict[str, Text] = {}

    def __getitem__(self, provision_id: str) -> Provision:
        prov = self.provisions.get(provision_id)
        return prov if prov is not None else self.book.provisions[provision_id].at(self.day)

    def cite(self, provision_id: str, lang: str = "nl") -> str:
        key = (provision_id, lang)
        if key not in self._cites:
            self._cites[key] = cite(self[provision_id], lang)
        return self._cites[key]

    def cite_both(self, provision_id: str) -> Text:
        """The citation in Dutch and English, as one text (for the explanations)."""
        if provision_id not in self._both:
            self._both[provision_id] = Text.model_construct(nl=self.cite(provision_id, "nl"),
                                                            en=self.cite(provision_id, "en"))
        return self._both[provision_id]

    def step(self, step: Step) -> tuple[Provision, ...]:
        """The provisions in force that play this part in the reasoning, in file order (empty if none)."""
        return self._steps.get(step, ())

    def one(self, step: Step) -> str:
        """The id of the one provision of a single step. Raises :class:`KeyError` when none is in force."""
        provs = self.step(step)
        if len(provs) != 1:
            raise KeyError(f"stap '{step.value}': {len(provs)} bepalingen van kracht op {self.day:%d-%m-%Y}, "
                           "verwacht precies 1")
        return provs[0].id

    def ids(self, step: Step, *, holder: str | None = None, recipient: str | None = None) -> tuple[str, ...]:
        """The ids of a step's provisions, optionally only those that bind ``holder`` and apply to ``recipient``."""
        return tuple(p.id for p in self.step(step)
                     if (holder is None or p.binds(holder)) and (recipient is None or p.towards(recipient)))

    def regime(self, step: Step, holder: str) -> Provision | None:
        """The provision of a per-role step that binds this holder (7:457 BW, 7.3.11 Jeugdwet, Wmo 5.3.3)."""
        return next((p for p in self.step(step) if p.binds(holder)), None)


@dataclass(frozen=True)
class LawBook:
    """Everything the engine knows, indexed by id; :meth:`edition` gives the law on a day."""

    roles: dict[str, Role]
    facts: dict[str, Fact]
    provisions: dict[str, Provision]
    instruments: dict[str, Instrument]
    _steps: dict[Step, tuple[Provision, ...]] = field(default_factory=dict, repr=False, compare=False)
    _index: dict[str, object] = field(default_factory=dict, repr=False, compare=False)  # derived once, read often
    _editions: dict[dt.date, Edition] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        steps: dict[Step, list[Provision]] = {}
        for prov in self.provisions.values():
            for step in prov.stap:
                steps.setdefault(step, []).append(prov)
        self._steps.update({s: tuple(ps) for s, ps in steps.items()})
        self._index["flows"] = tuple(p for p in self.provisions.values() if p.is_flow)
        self._index["earliest"] = max((p.geldig_vanaf for p in self.provisions.values()
                                       if p.geldig_vanaf and any(s in SINGLE_STEPS for s in p.stap)),
                                      default=dt.date.min)

    def __getitem__(self, provision_id: str) -> Provision:
        return self.provisions[provision_id]

    # ------------------------------------------------------------------ dates and versions

    def edition(self, day: dt.date | None = None) -> Edition:
        """The law as it stood on ``day`` (default: today). Cached per day."""
        day = day or dt.date.today()
        if day not in self._editions:
            self._editions[day] = Edition(self, day)
        return self._editions[day]

    def is_in_force(self, provision_id: str, day: dt.date) -> bool:
        """Whether a provision applied on ``day``: by its own dates and those of the provisions it rests on."""
        prov = self.provisions[provision_id]
        return prov.applies_on(day) and all(self.is_in_force(ref, day) for ref in prov.steunt_op)

    def in_force(self, day: dt.date | None = None) -> tuple[Provision, ...]:
        """Every provision in force on ``day`` (default: today), worded as that day."""
        return tuple(self.edition(day).provisions.values())

    def version(self, provision_id: str, day: dt.date | None = None) -> Provision:
        """A provision as worded on ``day`` (default: today), whether or not it applied that day."""
        return self.provisions[provision_id].at(day or dt.date.today())

    def changes_between(self, start: dt.date, end: dt.date) -> tuple[LawChange, ...]:
        """What changed after ``start`` up to and including ``end``, in date order."""
        out: list[LawChange] = []
        for pid, prov in self.provisions.items():
            if prov.geldig_vanaf and start < prov.geldig_vanaf <= end:
                out.append(LawChange(pid, "nieuw", prov.geldig_vanaf))
            if prov.geldig_tot and start <= prov.geldig_tot < end:
                out.append(LawChange(pid, "vervallen", prov.geldig_tot + dt.timedelta(days=1), prov.vervangen_door))
            starts = [v.vanaf for v in prov.versies if v.vanaf] + ([prov.tekst_vanaf] if prov.tekst_vanaf else [])
            out += [LawChange(pid, "nieuwe_tekst", s) for s in starts if start < s <= end
                    and s != prov.geldig_vanaf]
        return tuple(sorted(out, key=lambda c: (c.day, c.provision)))

    def provisions_replaced_since(self, day: dt.date, until: dt.date | None = None) -> tuple[LawChange, ...]:
        """Provisions that stopped applying or got a new wording after ``day`` (up to ``until``, default today):
        what ``check`` warns about for a case judged or checked on ``day``."""
        return tuple(c for c in self.changes_between(day, until or dt.date.today()) if c.kind != "nieuw")

    def checked_before_current_text(self) -> tuple[Provision, ...]:
        """Provisions whose current wording applies since after they were last checked against the kennisbank."""
        return tuple(p for p in self.provisions.values() if p.tekst_vanaf and p.tekst_vanaf > p.gecontroleerd)

    @property
    def earliest_peildatum(self) -> dt.date:
        """The first day on which every single step of the reasoning has a provision in force (before it the
        law book does not know the law: e.g. the Wbp before the AVG)."""
        return self._index["earliest"]  # type: ignore[return-value]

    # ------------------------------------------------------------------ citing and looking up (undated: all provisions)

    def cite(self, provision_id: str, lang: str = "nl", on: dt.date | None = None) -> str:
        """The citation as worded on ``on`` (default today), Dutch or English."""
        return self.edition(on).cite(provision_id, lang)

    def label(self, provision_id: str, lang: str = "nl", on: dt.date | None = None) -> str:
        """The citation with its short name, for answer options: "AVG art. 6 lid 1 onder a — toestemming"."""
        prov = self.provisions[provision_id]
        citation = self.cite(provision_id, lang, on)
        return f"{citation} — {prov.kort.get(lang)}" if prov.kort else citation

    @property
    def flows(self) -> tuple[Provision, ...]:
        return self._index["flows"]  # type: ignore[return-value]

    def step(self, step: Step) -> tuple[Provision, ...]:
        """The provisions that play this part in the reasoning (any date), in file order (empty if none)."""
        return self._steps.get(step, ())

    def one(self, step: Step) -> str:
        """The id of the one provision of a single step (any date). Raises :class:`KeyError` when missing."""
        provs = self.step(step)
        if len(provs) != 1:
            raise KeyError(f"stap '{step.value}': {len(provs)} bepalingen in de wetbestanden, verwacht precies 1")
        return provs[0].id

    def ids(self, step: Step, *, holder: str | None = None, recipient: str | None = None) -> tuple[str, ...]:
        return tuple(p.id for p in self.step(step)
                     if (holder is None or p.binds(holder)) and (recipient is None or p.towards(recipient)))

    def secrecy_regime(self, holder: str) -> Provision | None:
        """The professional-secrecy regime that binds this holder role (7:457 BW, 7.3.11 Jeugdwet), if any."""
        return next((p for p in self.step(Step.BEROEPSGEHEIM) if p.binds(holder)), None)

    def stale(self, today: dt.date, months: int = 12) -> list[Provision]:
        """Provisions last checked (against the kennisbank) longer ago than ``months``: content built on them
        may be out of date."""
        limit = _months_before(today, months)
        return [p for p in self.provisions.values() if p.gecontroleerd < limit]


def _months_before(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return dt.date(year, month + 1, min(day.day, 28))


@cache
def load_lawbook(law_dir: Path = LAW_DIR, roles_file: Path = ROLES_FILE, facts_file: Path = FACTS_FILE, *,
                 complete: bool = True) -> LawBook:
    """Load and cross-check the law files. Raises :class:`ContentError` listing every problem found.

    ``complete`` also demands a provision for every step of the reasoning (:class:`Step`); tests that load a
    small folder of their own switch it off.
    """
    problems: list[Problem] = []
    roles = read_roles(roles_file, problems)
    facts = read_facts(facts_file, problems)
    provisions, instruments = read_law(law_dir, problems)
    problems += cross_check(roles, facts, provisions)
    if complete:
        for step in Step:
            if not any(step in p.stap for p in provisions.values()):
                problems.append(Problem(law_dir, f"geen enkele bepaling speelt de rol '{step.value}' in de redenering",
                                        hint=f"zet stap = [\"{step.value}\"] bij de bepaling die dat doet"))
    if problems:
        raise ContentError(problems)
    bound = {r for p in provisions.values() if Step.BEROEPSGEHEIM in p.stap for r in p.bindt}
    roles = {rid: role.model_copy(update={"beroepsgeheim": rid in bound or ANY in bound})
             for rid, role in roles.items()}
    return LawBook(roles=roles, facts=facts, provisions=provisions, instruments=instruments)
