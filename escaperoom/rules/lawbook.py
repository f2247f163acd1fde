"""The law as data: roles, situation facts and legal provisions, loaded from TOML files in this package.

One file per legal instrument in ``law/`` (AVG, UAVG, WGBO, Wet BIG, Wvggz, Wpg, Wgs + Besluit, Wmo 2015, Jeugdwet,
Participatiewet, WGS, …); ``rollen.toml`` and ``feiten.toml`` beside this module. Loaded once, validated with
cross-references; used by the engine, ``escaperoom check`` and the debrief.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from escaperoom.errors import ContentError, Problem
from escaperoom.rules.facts import Category
from escaperoom.text import Text

LAW_DIR = Path(__file__).parent / "law"
ROLES_FILE = Path(__file__).parent / "rollen.toml"
FACTS_FILE = Path(__file__).parent / "feiten.toml"
ANY = "*"  # "een ieder": any holder / any recipient


class Kind(StrEnum):
    """What a provision does."""

    PLICHT = "plicht"  # a duty to provide (or to act)
    MELDRECHT = "meldrecht"  # a statutory right to report
    BEVOEGDHEID = "bevoegdheid"  # a permission to provide
    VERBOD = "verbod"  # a prohibition or secrecy rule
    UITZONDERING = "uitzondering"  # an exception to a prohibition (e.g. art. 9 lid 2)
    GRONDSLAG = "grondslag"  # an art. 6 AVG lawful basis
    BEGINSEL = "beginsel"  # a principle (art. 5 AVG, …)


class Role(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    naam: Text
    overheid: bool = False
    beroepsgeheim: bool = False
    noodhulp: bool = False
    wmo_college: bool = False
    wmo_ontvanger: bool = False
    politie: bool = False


class Fact(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    vraag: Text


class Instrument(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    naam: str
    afkorting: str
    bron: str  # BWB id, CELEX or publication
    url: str


class Provision(BaseModel):
    """One legal provision. Flow provisions (duty, right to report, permission, prohibition with roles) name
    holders, recipients and categories; the engine matches requests against them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    artikel: str
    lid: str | None = None
    onderdeel: str | None = None
    citaat: str | None = None  # overrides the generated citation (e.g. for a Besluit kept in its Act's file)
    soort: Kind
    geldig_vanaf: dt.date | None = None
    gecontroleerd: dt.date
    samenvatting: Text
    kort: Text | None = None  # a few words that name what it is ("toestemming"), shown next to the citation
    onzeker: str | None = None
    houders: tuple[str, ...] = ()
    ontvangers: tuple[str, ...] = ()
    categorieen: tuple[Category, ...] = ()
    voorwaarden: tuple[str, ...] = ()
    vervalt_bij: tuple[str, ...] = ()
    exclusief: bool = False  # the regime is exhaustive: unmet conditions mean no sharing on other grounds
    doorbreekt_beroepsgeheim: bool = False
    tenzij_toestemming: bool = False  # (for prohibitions) lifted by explicit consent
    art6: tuple[str, ...] = ()
    art9: str | None = None
    art10: str | None = None  # the law that allows criminal-offence data here (art. 10 AVG / UAVG 31–33)
    ook: tuple[str, ...] = ()
    instrument: Instrument = Field(exclude=True)
    file: Path = Field(exclude=True)

    @property
    def is_flow(self) -> bool:
        return bool(self.houders and self.ontvangers)

    @property
    def citation(self) -> str:
        if self.citaat:
            return self.citaat
        if self.artikel.startswith("overweging"):
            return f"{self.instrument.afkorting} {self.artikel}"
        if not self.artikel[0].isdigit():
            return f"{self.instrument.afkorting}: {self.artikel}"
        text = f"{self.instrument.afkorting} art. {self.artikel}"
        if self.lid:
            text += f" lid {self.lid}"
        if self.onderdeel:
            text += f" onder {self.onderdeel}" if self.onderdeel != "slotzin" else " slotzin"
        return text

    @property
    def url(self) -> str:
        return self.instrument.url

    def covers(self, holder: str, recipient: str, categories: tuple[Category, ...]) -> bool:
        """Does this flow provision speak about this holder, recipient and every category of the item?"""
        return (
            (ANY in self.houders or holder in self.houders)
            and (ANY in self.ontvangers or recipient in self.ontvangers)
            and all(c in self.categorieen for c in categories)
        )


@dataclass(frozen=True)
class LawBook:
    """Everything the engine knows, indexed by id."""

    roles: dict[str, Role]
    facts: dict[str, Fact]
    provisions: dict[str, Provision]
    instruments: dict[str, Instrument]

    def __getitem__(self, provision_id: str) -> Provision:
        return self.provisions[provision_id]

    def cite(self, provision_id: str) -> str:
        return self.provisions[provision_id].citation

    def label(self, provision_id: str, lang: str = "nl") -> str:
        """The citation with its short name, for answer options: "AVG art. 6 lid 1 onder a — toestemming"."""
        prov = self.provisions[provision_id]
        return f"{prov.citation} — {prov.kort.get(lang)}" if prov.kort else prov.citation

    @property
    def flows(self) -> tuple[Provision, ...]:
        return tuple(p for p in self.provisions.values() if p.is_flow)

    def stale(self, today: dt.date, months: int = 12) -> list[Provision]:
        """Provisions last checked longer ago than ``months``: content built on them may be out of date."""
        limit = _months_before(today, months)
        return [p for p in self.provisions.values() if p.gecontroleerd < limit]


def _months_before(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return dt.date(year, month + 1, min(day.day, 28))


def _read(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise ContentError(Problem(path, f"wetbestand onleesbaar: {err}")) from None


def _validation_problems(path: Path, key: str, err: ValidationError) -> list[Problem]:
    out = []
    for e in err.errors():
        loc = ".".join(str(x) for x in e["loc"])
        out.append(Problem(path, e["msg"], key=f"{key}.{loc}" if loc else key))
    return out


@cache
def load_lawbook(law_dir: Path = LAW_DIR, roles_file: Path = ROLES_FILE, facts_file: Path = FACTS_FILE) -> LawBook:
    """Load and cross-check the law files. Raises :class:`ContentError` listing every problem found."""
    problems: list[Problem] = []
    roles: dict[str, Role] = {}
    for rid, raw in _read(roles_file).items():
        try:
            roles[rid] = Role.model_validate({"id": rid, **raw})
        except ValidationError as err:
            problems += _validation_problems(roles_file, rid, err)
    facts: dict[str, Fact] = {}
    for fid, raw in _read(facts_file).items():
        try:
            facts[fid] = Fact.model_validate({"id": fid, **raw})
        except ValidationError as err:
            problems += _validation_problems(facts_file, fid, err)

    provisions: dict[str, Provision] = {}
    instruments: dict[str, Instrument] = {}
    for path in sorted(law_dir.glob("*.toml")):
        data = _read(path)
        try:
            instrument = Instrument.model_validate(data.get("wet", {}))
        except ValidationError as err:
            problems += _validation_problems(path, "wet", err)
            continue
        instruments[instrument.id] = instrument
        for index, raw in enumerate(data.get("bepaling", [])):
            try:
                prov = Provision.model_validate({**raw, "instrument": instrument, "file": path})
            except ValidationError as err:
                problems += _validation_problems(path, f"bepaling[{index}]", err)
                continue
            if prov.id in provisions:
                problems.append(Problem(path, f"bepaling '{prov.id}' staat er twee keer in", key=f"bepaling[{index}].id"))
            if not (prov.id.startswith(instrument.id + ".") or prov.citaat):
                problems.append(Problem(path, f"id '{prov.id}' begint niet met '{instrument.id}.'",
                                        key=f"bepaling[{index}].id", hint="laat het id de wettelijke nummering volgen"))
            provisions[prov.id] = prov

    for prov in provisions.values():
        key = f"bepaling {prov.id}"
        for role in (*prov.houders, *prov.ontvangers):
            if role != ANY and role not in roles:
                problems.append(Problem(prov.file, f"onbekende rol '{role}'", key=key))
        for fact in (*prov.voorwaarden, *prov.vervalt_bij):
            if fact not in facts:
                problems.append(Problem(prov.file, f"onbekend situatiefeit '{fact}'", key=key))
        for ref in (*prov.art6, *(r for r in (prov.art9, prov.art10) if r), *prov.ook):
            if ref not in provisions:
                problems.append(Problem(prov.file, f"verwijzing naar onbekende bepaling '{ref}'", key=key))
        if prov.is_flow and not prov.categorieen:
            problems.append(Problem(prov.file, "een bepaling met houders en ontvangers noemt ook de categorieen", key=key))
        police_only = set(prov.houders) == {"politie"}  # the Wpg regime, not the AVG (Richtlijn 2016/680)
        if (prov.is_flow and Category.GEZONDHEID in prov.categorieen and prov.soort != Kind.VERBOD
                and not prov.art9 and not police_only):
            problems.append(Problem(prov.file, "gezondheidsgegevens vragen een art. 9-uitzondering (art9 = ...)", key=key))
    if problems:
        raise ContentError(problems)
    return LawBook(roles=roles, facts=facts, provisions=provisions, instruments=instruments)
