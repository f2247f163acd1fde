"""The law as data: roles, situation facts and legal provisions, loaded from TOML files in this package.

One file per legal instrument in ``law/`` (AVG, UAVG, WGBO, Wet BIG, Wvggz, Wpg, Wgs, Besluit Wgs, Wmo 2015, Jeugdwet,
Participatiewet, WGS, …); ``rollen.toml`` and ``feiten.toml`` beside this module. Loaded once, validated with
cross-references; used by the engine, ``escaperoom check`` and the debrief.

What the dates mean:

- ``gecontroleerd`` (per provision) is the day the entry was last checked **against shared/legal/kennisbank.md**,
  the project's legal knowledge base — not against wetten.overheid.nl or EUR-Lex. ``escaperoom check`` warns when
  it is older than ``--verouderd-na`` months.
- ``tekstversie`` (per instrument) is the version of the legal text the kennisbank says it was checked against
  (kennisbank §0.2, "peildata"); where the kennisbank names none, ``tekstversie_ontbreekt`` says so.
- ``geldig_vanaf`` (per provision) is only filled in where the kennisbank itself gives the date of entry into force;
  otherwise it is left out and ``geldig_vanaf_ontbreekt`` (on the provision or its instrument) says why. A date is
  never guessed.

Provisions are matched in two ways. *Flow* provisions (``houders`` + ``ontvangers`` + ``categorieen``) are the
duties, rights to report, permissions and prohibitions the engine looks up per request. Every provision the engine's
reasoning (R01–R15) needs in a fixed part is tagged with ``stap = [...]`` (see :class:`Step`); secrecy regimes and
the exceptions tied to them name the holder roles they bind (``bindt``) and, where it matters, the recipients
(``jegens``). So the engine names steps, not provision ids, and a new provision needs no engine code.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

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


class Step(StrEnum):
    """The fixed part a provision plays in the engine's reasoning (``stap`` in the law files).

    Steps marked *one* must be carried by exactly one provision (the engine uses it as a basis or as *the*
    prohibition); the others may be carried by several, which are then all cited.
    """

    # R13 data minimisation and purpose limitation
    MINIMALISATIE = "minimalisatie"  # one: art. 5 lid 1 c AVG
    DOELBINDING = "doelbinding"  # one: art. 5 lid 1 b AVG
    # R15 inform and record
    INFORMEREN = "informeren"  # art. 13/14 AVG
    VERANTWOORDING = "verantwoording"  # art. 5 lid 2 AVG
    INFORMEREN_UITSTEL = "informeren_uitstel"  # UAVG 41: informing may wait to protect others
    # the police regime (Wpg)
    POLITIEGEHEIM = "politiegeheim"  # one: Wpg art. 7 — police data leave the police only through the Wpg
    POLITIE_ACUUT = "politie_acuut"  # one: the Wpg ground the police use in acute danger (Wpg 19)
    POLITIETAAK = "politietaak"  # one: the police's task to help (Politiewet 2012 art. 3)
    # R11 BSN
    BSN_DOEL = "bsn_doel"  # one: UAVG 46 — a national number only for purposes set by law
    BSN_PRIVAAT = "bsn_privaat"  # Wabb 1 d — other users only where a statute prescribes it
    BSN_OVERHEID = "bsn_overheid"  # Wabb 10 — government bodies may use it for their task
    # R01 acute danger
    CONFLICT_VAN_PLICHTEN = "conflict_van_plichten"  # one: the KNMG test
    VITAAL_BELANG = "vitaal_belang"  # one: art. 6 lid 1 d AVG
    VITAAL_BELANG_ART9 = "vitaal_belang_art9"  # one: art. 9 lid 2 c AVG (person cannot consent)
    VITAAL_BELANG_UAVG = "vitaal_belang_uavg"  # UAVG 22 lid 2 b (the Dutch twin of art. 9 lid 2 c)
    VITAAL_BELANG_ART10 = "vitaal_belang_art10"  # one: UAVG 32 b (criminal data, person cannot consent)
    # R05 / R14 professional secrecy (``bindt`` names the holder roles)
    BEROEPSGEHEIM = "beroepsgeheim"  # the secrecy regime of a holder; at most one per role
    BEROEPSGEHEIM_MEDE = "beroepsgeheim_mede"  # further secrecy rules cited with it (Wet BIG 88, Sr 272)
    VERSCHONINGSRECHT = "verschoningsrecht"  # testimonial privilege, towards the recipients in ``jegens``
    RECHTSTREEKS_BETROKKEN = "rechtstreeks_betrokken"  # "no other": the directly involved (7:457 lid 2 BW)
    BEHANDELINGSOVEREENKOMST = "behandelingsovereenkomst"  # one: art. 6 lid 1 b AVG (the treatment contract)
    ZORG = "zorg"  # one: art. 9 lid 2 h AVG (health and social care)
    EIGEN_HULPVERLENING = "eigen_hulpverlening"  # UAVG 30 lid 3 a: for one's own care, not to pass on
    # R07 consent must be free
    TOESTEMMING_BEGRIP = "toestemming_begrip"  # art. 4 punt 11 AVG
    TOESTEMMING_VRIJ = "toestemming_vrij"  # one: art. 7 lid 4 AVG
    TOESTEMMING_OVERHEID = "toestemming_overheid"  # one: overweging 43
    # consent as a basis
    TOESTEMMING = "toestemming"  # one: art. 6 lid 1 a AVG
    TOESTEMMING_ART9 = "toestemming_art9"  # one: art. 9 lid 2 a AVG
    TOESTEMMING_ART10 = "toestemming_art10"  # one: UAVG 32 a
    # R08 / ART10 special and criminal data
    ART9_VERBOD = "art9_verbod"  # one: art. 9 lid 1 AVG
    ART10_VERBOD = "art10_verbod"  # one: art. 10 AVG
    ART10_UAVG = "art10_uavg"  # UAVG 31
    # R09: the holders of this flow give health data only to its recipients (Wmo 2015 art. 5.2.1 lid 2)
    LIMITATIEVE_ONTVANGERS = "limitatieve_ontvangers"
    # R06 / R12 / the private default
    GERECHTVAARDIGD_BELANG = "gerechtvaardigd_belang"  # one: art. 6 lid 1 f AVG
    OVERHEID_GEEN_F = "overheid_geen_f"  # one: art. 6 lid 1 slotzin AVG
    WETTELIJKE_GRONDSLAG = "wettelijke_grondslag"  # one: art. 6 lid 3 AVG (a covenant is no law)


SINGLE_STEPS = frozenset({
    Step.MINIMALISATIE, Step.DOELBINDING, Step.POLITIEGEHEIM, Step.POLITIE_ACUUT, Step.POLITIETAAK, Step.BSN_DOEL,
    Step.CONFLICT_VAN_PLICHTEN, Step.VITAAL_BELANG, Step.VITAAL_BELANG_ART9, Step.VITAAL_BELANG_ART10,
    Step.BEHANDELINGSOVEREENKOMST, Step.ZORG, Step.TOESTEMMING_VRIJ, Step.TOESTEMMING_OVERHEID, Step.TOESTEMMING,
    Step.TOESTEMMING_ART9, Step.TOESTEMMING_ART10, Step.ART9_VERBOD, Step.ART10_VERBOD,
    Step.LIMITATIEVE_ONTVANGERS, Step.GERECHTVAARDIGD_BELANG, Step.OVERHEID_GEEN_F, Step.WETTELIJKE_GRONDSLAG,
})
_ROLE_STEPS = frozenset({Step.BEROEPSGEHEIM, Step.BEROEPSGEHEIM_MEDE, Step.VERSCHONINGSRECHT,
                         Step.RECHTSTREEKS_BETROKKEN})  # steps that apply per holder role: they need ``bindt``


class Role(BaseModel):
    """A holder or recipient. ``beroepsgeheim`` is not written in rollen.toml: it follows from the law files
    (a provision with ``stap = ["beroepsgeheim"]`` that binds the role)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    naam: Text
    overheid: bool = False
    beroepsgeheim: bool = False
    noodhulp: bool = False
    politie: bool = False
    onzeker_overheid: str | None = None  # the kennisbank is unsure whether this role is a public authority
    onzeker_bsn: str | None = None  # the kennisbank is unsure whether a statute prescribes this role's BSN use


class Fact(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    vraag: Text


class Instrument(BaseModel):
    """One legal instrument (``[wet]``): its name, where its text lives and which text version was checked."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    naam: str
    afkorting: str
    bron: str  # BWB id, CELEX or publication
    url: str
    tekstversie: dt.date | None = None  # the version the kennisbank checked (§0.2, peildata)
    tekstversie_ontbreekt: str | None = None  # why there is no tekstversie
    geldig_vanaf_ontbreekt: str | None = None  # why provisions of this instrument carry no geldig_vanaf

    @model_validator(mode="after")
    def _version_or_reason(self) -> "Instrument":
        if (self.tekstversie is None) == (self.tekstversie_ontbreekt is None):
            raise ValueError("geef 'tekstversie' (de peildatum uit kennisbank §0.2) of 'tekstversie_ontbreekt' "
                             "(waarom er geen is) — precies één van beide")
        return self


class Provision(BaseModel):
    """One legal provision. Flow provisions (duty, right to report, permission, prohibition with roles) name
    holders, recipients and categories; the engine matches requests against them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    artikel: str
    lid: str | None = None
    onderdeel: str | None = None
    citaat: str | None = None  # overrides the generated citation (e.g. "AVG art. 4 punt 11")
    soort: Kind
    geldig_vanaf: dt.date | None = None  # only where the kennisbank gives the date
    geldig_vanaf_ontbreekt: str | None = None  # why there is none (else the instrument's reason applies)
    gecontroleerd: dt.date  # last checked against shared/legal/kennisbank.md
    samenvatting: Text
    kort: Text | None = None  # a few words that name what it is ("toestemming"), shown next to the citation
    onzeker: str | None = None  # a point the kennisbank marks [onzeker] (or the engine's own [analyse])
    tekst_onzeker: str | None = None  # the text itself was not checked word for word (kennisbank §0.2, §11 pt 16)
    houders: tuple[str, ...] = ()
    ontvangers: tuple[str, ...] = ()
    categorieen: tuple[Category, ...] = ()
    voorwaarden: tuple[str, ...] = ()
    vervalt_bij: tuple[str, ...] = ()
    exclusief: bool = False  # the regime is exhaustive: unmet conditions mean no sharing on other grounds
    doorbreekt_beroepsgeheim: bool = False
    tenzij_toestemming: bool = False  # (for prohibitions) lifted by explicit consent
    art6: tuple[str, ...] = ()  # the art. 6 AVG bases this provision gives (for a private holder: see art6_privaat)
    art6_privaat: tuple[str, ...] = ()  # the bases for a holder that is no public authority, when they differ
    art9: str | None = None
    art10: str | None = None  # the law that allows criminal-offence data here (art. 10 AVG / UAVG 31–33)
    ook: tuple[str, ...] = ()  # provisions that carry the sharing with this one (part of the bases)
    zie_ook: tuple[str, ...] = ()  # provisions cited beside it in the trace, but no basis of the holder
    geheim_blijft: tuple[str, ...] = ()  # provisions that say professional secrecy still applies to this flow
    stap: tuple[Step, ...] = ()
    bindt: tuple[str, ...] = ()  # holder roles this (secrecy) rule binds
    jegens: tuple[str, ...] = ()  # recipient roles it applies towards (e.g. the verschoningsrecht)
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

    def binds(self, role: str) -> bool:
        return ANY in self.bindt or role in self.bindt

    def towards(self, role: str) -> bool:
        return not self.jegens or ANY in self.jegens or role in self.jegens


@dataclass(frozen=True)
class LawBook:
    """Everything the engine knows, indexed by id."""

    roles: dict[str, Role]
    facts: dict[str, Fact]
    provisions: dict[str, Provision]
    instruments: dict[str, Instrument]
    _steps: dict[Step, tuple[Provision, ...]] = field(default_factory=dict, repr=False, compare=False)
    _index: dict[str, object] = field(default_factory=dict, repr=False, compare=False)  # derived once, read often

    def __post_init__(self) -> None:
        steps: dict[Step, list[Provision]] = {}
        for prov in self.provisions.values():
            for step in prov.stap:
                steps.setdefault(step, []).append(prov)
        self._steps.update({s: tuple(ps) for s, ps in steps.items()})
        self._index["flows"] = tuple(p for p in self.provisions.values() if p.is_flow)
        self._index["citations"] = {pid: p.citation for pid, p in self.provisions.items()}

    def __getitem__(self, provision_id: str) -> Provision:
        return self.provisions[provision_id]

    def cite(self, provision_id: str) -> str:
        return self._index["citations"][provision_id]  # type: ignore[index]

    def label(self, provision_id: str, lang: str = "nl") -> str:
        """The citation with its short name, for answer options: "AVG art. 6 lid 1 onder a — toestemming"."""
        prov = self.provisions[provision_id]
        return f"{prov.citation} — {prov.kort.get(lang)}" if prov.kort else prov.citation

    @property
    def flows(self) -> tuple[Provision, ...]:
        return self._index["flows"]  # type: ignore[return-value]

    def step(self, step: Step) -> tuple[Provision, ...]:
        """The provisions that play this part in the reasoning, in file order (empty if none)."""
        return self._steps.get(step, ())

    def one(self, step: Step) -> str:
        """The id of the one provision of a single step. Raises :class:`KeyError` when the law files lack it
        (``load_lawbook`` with ``complete=True`` guarantees it is there)."""
        provs = self.step(step)
        if len(provs) != 1:
            raise KeyError(f"stap '{step.value}': {len(provs)} bepalingen in de wetbestanden, verwacht precies 1")
        return provs[0].id

    def ids(self, step: Step, *, holder: str | None = None, recipient: str | None = None) -> tuple[str, ...]:
        """The ids of a step's provisions, optionally only those that bind ``holder`` and apply ``recipient``."""
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


def _read(path: Path) -> dict:
    try:
        text = path.read_bytes().decode("utf-8-sig")  # accept a BOM from a Windows editor
    except OSError as err:
        raise ContentError(Problem(path, f"wetbestand kan niet worden gelezen ({err.strerror or err})",
                                   hint="controleer of het bestand bestaat en leesbaar is")) from None
    except UnicodeDecodeError:
        raise ContentError(Problem(path, "wetbestand is niet in UTF-8 opgeslagen",
                                   hint="sla het op als UTF-8")) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        where = re.search(r"\(at line (\d+), column \d+\)", str(err))  # Python 3.11 has no err.lineno
        raise ContentError(Problem(path, f"wetbestand is geen geldige TOML: {_dutch_toml_error(str(err))}",
                                   line=int(where.group(1)) if where else None,
                                   hint="elke regel is 'sleutel = waarde', een kop [naam] of [[naam]], "
                                        "of commentaar dat begint met #")) from None


def _dutch_toml_error(message: str) -> str:
    """tomllib speaks English ("Expected '=' after a key (at line 3, column 5)"); keep the gist, in Dutch."""
    words = (("Expected", "verwacht"), ("after a key in a key/value pair", "na een sleutel"), ("at line", "op regel"),
             ("column", "kolom"), ("Invalid value", "ongeldige waarde"), ("Invalid statement", "ongeldige regel"),
             ("Cannot overwrite a value", "een waarde staat er twee keer"), ("Unclosed", "niet afgesloten"),
             ("end of document", "einde van het bestand"), ("Illegal character", "ongeldig teken"))
    for english, dutch in words:
        message = message.replace(english, dutch)
    return message


_MESSAGES = (  # pydantic's English messages that can occur in the law files, in Dutch
    ("Field required", "verplichte sleutel ontbreekt"),
    ("Extra inputs are not permitted", "onbekende sleutel"),
    ("Input should be a valid date", "hier hoort een datum (jjjj-mm-dd, zonder aanhalingstekens)"),
    ("Input should be a valid string", "hier hoort tekst tussen aanhalingstekens"),
    ("Input should be a valid boolean", "hier hoort true of false"),
    ("Input should be a valid tuple", "hier hoort een lijst [ ... ]"),
    ("Input should be a valid dictionary", "hier hoort een tabel { ... }"),
    ("Input should be", "de waarde moet zijn:"),
    ("Value error, ", ""),
)


def _dutch(message: str) -> str:
    for english, dutch in _MESSAGES:
        if message.startswith(english):
            return dutch + message[len(english):]
    return message


def _validation_problems(path: Path, key: str, err: ValidationError) -> list[Problem]:
    out = []
    for e in err.errors():
        loc = ".".join(str(x) for x in e["loc"])
        out.append(Problem(path, _dutch(e["msg"]), key=f"{key}.{loc}" if loc else key))
    return out


@cache
def load_lawbook(law_dir: Path = LAW_DIR, roles_file: Path = ROLES_FILE, facts_file: Path = FACTS_FILE, *,
                 complete: bool = True) -> LawBook:
    """Load and cross-check the law files. Raises :class:`ContentError` listing every problem found.

    ``complete`` also demands a provision for every step of the reasoning (:class:`Step`); tests that load a
    small folder of their own switch it off.
    """
    problems: list[Problem] = []
    roles: dict[str, Role] = {}
    for rid, raw in _read(roles_file).items():
        if isinstance(raw, dict) and "beroepsgeheim" in raw:
            problems.append(Problem(roles_file, "'beroepsgeheim' staat niet in rollen.toml maar in de wet",
                                    key=f"{rid}.beroepsgeheim",
                                    hint="zet de rol in 'bindt' van de geheimhoudingsregel (stap = [\"beroepsgeheim\"])"))
            continue
        try:
            roles[rid] = Role.model_validate({"id": rid, **raw})
        except (ValidationError, TypeError) as err:
            problems += (_validation_problems(roles_file, rid, err) if isinstance(err, ValidationError)
                         else [Problem(roles_file, "hier hoort een tabel [rol]", key=rid)])
    facts: dict[str, Fact] = {}
    for fid, raw in _read(facts_file).items():
        try:
            facts[fid] = Fact.model_validate({"id": fid, **raw})
        except (ValidationError, TypeError) as err:
            problems += (_validation_problems(facts_file, fid, err) if isinstance(err, ValidationError)
                         else [Problem(facts_file, "hier hoort een tabel [feit]", key=fid)])

    provisions: dict[str, Provision] = {}
    instruments: dict[str, Instrument] = {}
    for path in sorted(law_dir.glob("*.toml")):
        data = _read(path)
        try:
            instrument = Instrument.model_validate(data.get("wet", {}))
        except ValidationError as err:
            problems += _validation_problems(path, "wet", err)
            continue
        if instrument.id in instruments:
            problems.append(Problem(path, f"wet '{instrument.id}' staat ook in een ander wetbestand", key="wet.id"))
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
            if prov.geldig_vanaf is None and not (prov.geldig_vanaf_ontbreekt or instrument.geldig_vanaf_ontbreekt):
                problems.append(Problem(path, f"bepaling '{prov.id}' heeft geen geldig_vanaf en zegt niet waarom",
                                        key=f"bepaling[{index}]",
                                        hint="geef de datum uit de kennisbank, of schrijf geldig_vanaf_ontbreekt = "
                                             "\"...\" (nooit een datum raden)"))
            provisions[prov.id] = prov

    problems += _cross_check(roles, facts, provisions)
    if complete:
        for step in Step:
            carriers = [p for p in provisions.values() if step in p.stap]
            if not carriers:
                problems.append(Problem(law_dir, f"geen enkele bepaling speelt de rol '{step.value}' in de redenering",
                                        hint=f"zet stap = [\"{step.value}\"] bij de bepaling die dat doet"))
    if problems:
        raise ContentError(problems)
    bound = {r for p in provisions.values() if Step.BEROEPSGEHEIM in p.stap for r in p.bindt}
    roles = {rid: role.model_copy(update={"beroepsgeheim": rid in bound or ANY in bound}) for rid, role in roles.items()}
    return LawBook(roles=roles, facts=facts, provisions=provisions, instruments=instruments)


def _cross_check(roles: dict[str, Role], facts: dict[str, Fact], provisions: dict[str, Provision]) -> list[Problem]:
    problems: list[Problem] = []
    regime_of: dict[str, str] = {}
    for prov in provisions.values():
        key = f"bepaling {prov.id}"
        for role in (*prov.houders, *prov.ontvangers, *prov.bindt, *prov.jegens):
            if role != ANY and role not in roles:
                problems.append(Problem(prov.file, f"onbekende rol '{role}'", key=key))
        for fact in (*prov.voorwaarden, *prov.vervalt_bij):
            if fact not in facts:
                problems.append(Problem(prov.file, f"onbekend situatiefeit '{fact}'", key=key))
        refs = (*prov.art6, *prov.art6_privaat, *(r for r in (prov.art9, prov.art10) if r), *prov.ook,
                *prov.zie_ook, *prov.geheim_blijft)
        for ref in refs:
            if ref not in provisions:
                problems.append(Problem(prov.file, f"verwijzing naar onbekende bepaling '{ref}'", key=key))
        if prov.is_flow and not prov.categorieen:
            problems.append(Problem(prov.file, "een bepaling met houders en ontvangers noemt ook de categorieen", key=key))
        police_only = set(prov.houders) == {"politie"}  # the Wpg regime, not the AVG (Richtlijn 2016/680)
        if (prov.is_flow and Category.GEZONDHEID in prov.categorieen and prov.soort != Kind.VERBOD
                and not prov.art9 and not police_only):
            problems.append(Problem(prov.file, "gezondheidsgegevens vragen een art. 9-uitzondering (art9 = ...)", key=key))
        role_steps = [s for s in prov.stap if s in _ROLE_STEPS]
        if role_steps and not prov.bindt:
            problems.append(Problem(prov.file, f"stap '{role_steps[0].value}' geldt per rol: noem de rollen in 'bindt'",
                                    key=key))
        if (prov.bindt or prov.jegens) and not role_steps:
            problems.append(Problem(prov.file, "'bindt' en 'jegens' horen bij een stap die per rol geldt "
                                               "(beroepsgeheim, rechtstreeks_betrokken, …)", key=key))
        if Step.BEROEPSGEHEIM in prov.stap:
            for role in prov.bindt:
                if role in regime_of:
                    problems.append(Problem(prov.file, f"rol '{role}' valt al onder het beroepsgeheim van "
                                                       f"'{regime_of[role]}'", key=key,
                                            hint="één geheimhoudingsregel per rol; noem de andere als "
                                                 "stap = [\"beroepsgeheim_mede\"]"))
                regime_of[role] = prov.id
    for step in SINGLE_STEPS:
        carriers = [p for p in provisions.values() if step in p.stap]
        if len(carriers) > 1:
            problems.append(Problem(carriers[1].file, f"stap '{step.value}' hoort bij één bepaling, niet bij "
                                                      + ", ".join(p.id for p in carriers), key=f"bepaling {carriers[1].id}"))
    return problems
