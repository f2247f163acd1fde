"""The law's building blocks as typed models: instruments, provisions (with their dated text versions), roles, facts.

Read from ``law/*.toml``, ``rollen.toml`` and ``feiten.toml`` by :mod:`escaperoom.rules.lawbook`; the engine's steps
ask for provisions by :class:`Step`, never by id. Citations are built here, the Dutch and the English way.

Dates (kennisbank §0.2, §0.4): ``geldig_vanaf``/``geldig_tot`` say when a provision applies (in force), with
``vervangen_door`` naming what replaced it; ``tekst_vanaf`` is the start of its current wording and ``versies``
hold earlier wordings (``tot`` = last day), so a citation can differ by date (UAVG 46 lid 1 → UAVG 46).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from escaperoom.rules.facts import Category
from escaperoom.text import Text

ANY = "*"  # "een ieder": any holder / any recipient


class Kind(StrEnum):
    """What a provision does."""

    PLICHT = "plicht"  # a duty to provide (or to act)
    MELDRECHT = "meldrecht"  # a statutory right to report
    BEVOEGDHEID = "bevoegdheid"  # a permission to provide
    VERBOD = "verbod"  # a prohibition or secrecy rule
    UITZONDERING = "uitzondering"  # an exception to a prohibition (e.g. art. 9 lid 2)
    GRONDSLAG = "grondslag"  # an art. 6 AVG lawful basis
    BEGINSEL = "beginsel"  # a principle (art. 5 AVG, …) or a definition
    TAAK = "taak"  # the task of a body (Politiewet 3, Wgs 3 lid 1 b): never another party's ground to share


class Step(StrEnum):
    """The fixed part a provision plays in the engine's reasoning (``stap`` in the law files).

    Steps in :data:`SINGLE_STEPS` must be carried by exactly one provision (the engine uses it as a basis or as *the*
    prohibition); the others may be carried by several, which are then all cited.
    """

    MINIMALISATIE = "minimalisatie"  # R13: art. 5 lid 1 c AVG
    DOELBINDING = "doelbinding"  # art. 5 lid 1 b AVG
    INFORMEREN = "informeren"  # R15: art. 13/14 AVG
    VERANTWOORDING = "verantwoording"  # R15: art. 5 lid 2 AVG
    INFORMEREN_UITSTEL = "informeren_uitstel"  # UAVG 41: informing may wait to protect others
    POLITIEGEGEVEN = "politiegegeven"  # R17: Wpg 1 onder a — what police data are
    POLITIE_GEEN_AVG = "politie_geen_avg"  # R17: AVG 2 lid 2 d, UAVG 2 lid 3 — the AVG does not apply
    POLITIE_NOODZAAK = "politie_noodzaak"  # R17: Wpg 3 — necessary, adequate, not excessive
    POLITIE_BIJZONDER = "politie_bijzonder"  # R17: Wpg 5 — special categories only when unavoidable
    POLITIEGEHEIM = "politiegeheim"  # R10: Wpg 7 — police data leave the police only through the Wpg
    POLITIE_ACUUT = "politie_acuut"  # R01: the Wpg ground the police use in acute danger (Wpg 19)
    POLITIETAAK = "politietaak"  # the police's task (Politiewet 2012 art. 3): no ground of a holder
    BSN_DOEL = "bsn_doel"  # R11: UAVG 46 — a national number only for purposes set by law
    BSN_PRIVAAT = "bsn_privaat"  # R11: Wabb 1 d — other users only where a statute prescribes it
    BSN_OVERHEID = "bsn_overheid"  # R11: Wabb 10 — government bodies may use it for their task
    BSN_ZORG = "bsn_zorg"  # R19: Wabvpz 9 — a care provider mentions the BSN to another (a flow)
    BSN_ZORG_MEDE = "bsn_zorg_mede"  # R19: Wabvpz 4 and 8, cited with it
    CONFLICT_VAN_PLICHTEN = "conflict_van_plichten"  # R01: the KNMG test
    VITAAL_BELANG = "vitaal_belang"  # R01: art. 6 lid 1 d AVG
    VITAAL_BELANG_ART9 = "vitaal_belang_art9"  # R01: art. 9 lid 2 c AVG (person cannot consent)
    VITAAL_BELANG_UAVG = "vitaal_belang_uavg"  # UAVG 22 lid 2 b (the Dutch twin of art. 9 lid 2 c)
    VITAAL_BELANG_ART10 = "vitaal_belang_art10"  # UAVG 32 b (criminal data, person cannot consent)
    BEROEPSGEHEIM = "beroepsgeheim"  # R05: the secrecy regime of a holder; at most one per role
    BEROEPSGEHEIM_MEDE = "beroepsgeheim_mede"  # further secrecy rules cited with it (Wet BIG 88, Sr 272)
    VERSCHONINGSRECHT = "verschoningsrecht"  # testimonial privilege, towards the recipients in ``jegens``
    RECHTSTREEKS_BETROKKEN = "rechtstreeks_betrokken"  # R14: "no other": the directly involved (7:457 lid 2 BW)
    BEHANDELINGSOVEREENKOMST = "behandelingsovereenkomst"  # R14: art. 6 lid 1 b AVG (the treatment contract)
    ZORG = "zorg"  # R14: art. 9 lid 2 h AVG (health and social care)
    EIGEN_HULPVERLENING = "eigen_hulpverlening"  # UAVG 30 lid 3 a: for one's own care, not to pass on
    WMO_GEHEIM = "wmo_geheim"  # R16: Wmo 2015 art. 5.3.3 lid 1 (``bindt`` names the Wmo holders)
    WMO_GEHEIM_MEDE = "wmo_geheim_mede"  # R16: cited with it for these holders (Wmo 5.1.2 for the provider)
    WMO_GEEN_ANDEREN = "wmo_geen_anderen"  # R16: 5.3.3 lid 3 — ``jegens`` those whose cooperation is required
    TOESTEMMING_BEGRIP = "toestemming_begrip"  # R07: art. 4 punt 11 AVG
    TOESTEMMING_VRIJ = "toestemming_vrij"  # R07: art. 7 lid 4 AVG
    TOESTEMMING_OVERHEID = "toestemming_overheid"  # R07: overweging 43
    TOESTEMMING = "toestemming"  # art. 6 lid 1 a AVG
    TOESTEMMING_ART9 = "toestemming_art9"  # art. 9 lid 2 a AVG
    TOESTEMMING_ART10 = "toestemming_art10"  # UAVG 32 a
    ART9_VERBOD = "art9_verbod"  # R08: art. 9 lid 1 AVG
    ART10_VERBOD = "art10_verbod"  # art. 10 AVG
    ART10_UAVG = "art10_uavg"  # UAVG 31–33
    LIMITATIEVE_ONTVANGERS = "limitatieve_ontvangers"  # R09: Wmo 2015 art. 5.2.1 lid 2
    GERECHTVAARDIGD_BELANG = "gerechtvaardigd_belang"  # R18: art. 6 lid 1 f AVG
    OVERHEID_GEEN_F = "overheid_geen_f"  # R06: art. 6 lid 1 slotzin AVG
    WETTELIJKE_GRONDSLAG = "wettelijke_grondslag"  # R12: art. 6 lid 3 AVG (a covenant is no law)


SINGLE_STEPS = frozenset({
    Step.MINIMALISATIE, Step.DOELBINDING, Step.POLITIEGEGEVEN, Step.POLITIE_NOODZAAK, Step.POLITIE_BIJZONDER,
    Step.POLITIEGEHEIM, Step.POLITIE_ACUUT, Step.POLITIETAAK, Step.BSN_DOEL, Step.CONFLICT_VAN_PLICHTEN,
    Step.VITAAL_BELANG, Step.VITAAL_BELANG_ART9, Step.VITAAL_BELANG_ART10, Step.BEHANDELINGSOVEREENKOMST, Step.ZORG,
    Step.TOESTEMMING_VRIJ, Step.TOESTEMMING_OVERHEID, Step.TOESTEMMING, Step.TOESTEMMING_ART9, Step.TOESTEMMING_ART10,
    Step.ART9_VERBOD, Step.ART10_VERBOD, Step.LIMITATIEVE_ONTVANGERS, Step.GERECHTVAARDIGD_BELANG,
    Step.OVERHEID_GEEN_F, Step.WETTELIJKE_GRONDSLAG,
})
ROLE_STEPS = frozenset({Step.BEROEPSGEHEIM, Step.BEROEPSGEHEIM_MEDE, Step.VERSCHONINGSRECHT,
                        Step.RECHTSTREEKS_BETROKKEN, Step.WMO_GEHEIM, Step.WMO_GEHEIM_MEDE,
                        Step.WMO_GEEN_ANDEREN})  # steps that apply per holder role: they need ``bindt``
FLOW_STEPS = frozenset({Step.BSN_ZORG})  # flows only their own step may use (not the general duties)


class Role(BaseModel):
    """A holder or recipient. ``beroepsgeheim`` is not written in rollen.toml: it follows from the law files
    (a provision with ``stap = ["beroepsgeheim"]`` that binds the role)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    naam: Text
    in_zin: Text | None = None  # the name mid-sentence, where lower-casing the first letter would be wrong
    overheid: bool = False
    beroepsgeheim: bool = False
    noodhulp: bool = False
    politie: bool = False
    onzeker_overheid: Text | None = None  # the kennisbank is unsure whether this role is a public authority
    onzeker_bsn: Text | None = None  # the kennisbank is unsure whether a statute prescribes this role's BSN use


class Fact(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    vraag: Text


class Instrument(BaseModel):
    """One legal instrument (``[wet]``): its names, where its text lives, which text version was checked and since
    when it applies (kennisbank §0.4)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    naam: str
    afkorting: str
    naam_en: str  # the English name ("Police Data Act")
    citeer_en: str | None = None  # the English citation prefix; default "<naam_en> (<afkorting>)"
    bron: str  # BWB id, CELEX or publication
    url: str
    tekstversie: dt.date | None = None  # the version the kennisbank checked (§0.2, peildata)
    tekstversie_ontbreekt: str | None = None  # why there is no tekstversie
    geldig_vanaf: dt.date | None = None  # since when it applies (§0.4)
    geldig_vanaf_onzeker: str | None = None  # §0.4 marks that date [onzeker]: why
    geldig_vanaf_ontbreekt: str | None = None  # why there is no date (never guessed)

    @model_validator(mode="after")
    def _version_and_date_or_reason(self) -> Instrument:
        if (self.tekstversie is None) == (self.tekstversie_ontbreekt is None):
            raise ValueError("geef 'tekstversie' (de peildatum uit kennisbank §0.2) of 'tekstversie_ontbreekt' "
                             "(waarom er geen is) — precies één van beide")
        if (self.geldig_vanaf is None) == (self.geldig_vanaf_ontbreekt is None):
            raise ValueError("geef 'geldig_vanaf' (de datum uit kennisbank §0.4) of 'geldig_vanaf_ontbreekt' "
                             "(waarom er geen is) — precies één van beide")
        return self

    @property
    def prefix_en(self) -> str:
        return self.citeer_en or f"{self.naam_en} ({self.afkorting})"


class TextVersion(BaseModel):
    """An earlier wording of a provision, valid until ``tot`` (inclusive); what it does not name stays as now."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    vanaf: dt.date | None = None
    tot: dt.date
    lid: str | None = None  # "" = this version has no lid
    onderdeel: str | None = None
    citaat: str | None = None
    citaat_en: str | None = None
    samenvatting: Text | None = None
    vindplaats: str | None = None  # the text of this version (a dated wetten.overheid.nl address)


class Provision(BaseModel):
    """One legal provision. Flow provisions (duty, right to report, permission, prohibition with roles) name
    holders, recipients and categories; the engine matches requests against them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    artikel: str
    artikel_en: str | None = None  # for a non-numbered "article" (a guideline's test): its English name
    lid: str | None = None
    onderdeel: str | None = None
    citaat: str | None = None  # overrides the generated citation (e.g. "AVG art. 4 punt 11")
    citaat_en: str | None = None  # the same in English ("GDPR art. 4(11)")
    soort: Kind
    geldig_vanaf: dt.date | None = None  # from the kennisbank only; else the instrument's date applies
    geldig_vanaf_onzeker: str | None = None  # the kennisbank marks the date [onzeker]
    geldig_vanaf_ontbreekt: str | None = None  # why there is none (then not the instrument's date either)
    geldig_tot: dt.date | None = None  # last day it applied, when it was repealed or replaced
    vervangen_door: str | None = None  # the provision that replaced it
    steunt_op: tuple[str, ...] = ()  # provisions it refers to: it cannot apply while they do not
    tekst_vanaf: dt.date | None = None  # since when the current wording applies (earlier ones in ``versies``)
    tekst_vanaf_onzeker: str | None = None
    versies: tuple[TextVersion, ...] = ()
    vindplaats: str | None = None  # a deep link to this article (default: the instrument's text)
    gecontroleerd: dt.date  # last checked against shared/legal/kennisbank.md
    samenvatting: Text
    kort: Text | None = None  # a few words that name what it is ("toestemming"), shown next to the citation
    onzeker: Text | None = None  # a point the kennisbank marks [onzeker] (or the engine's own [analyse])
    tekst_onzeker: Text | None = None  # the text itself was not checked word for word (kennisbank §0.2, §11 pt 16)
    houders: tuple[str, ...] = ()
    ontvangers: tuple[str, ...] = ()
    categorieen: tuple[Category, ...] = ()
    voorwaarden: tuple[str, ...] = ()
    vervalt_bij: tuple[str, ...] = ()
    exclusief: bool = False  # an exhaustive duty: unmet conditions leave only explicit consent (R20)
    doorbreekt_beroepsgeheim: bool = False
    doorbreking_onzeker: Text | None = None  # whether it breaks professional secrecy is itself [onzeker]
    tenzij_toestemming: bool = False  # (for prohibitions) lifted by explicit consent
    wpg5: bool = False  # (police flows) the statute itself makes health data part of this exchange (Wpg 5 met)
    art6: tuple[str, ...] = ()  # the art. 6 AVG bases this provision gives (for a private holder: see art6_privaat)
    art6_privaat: tuple[str, ...] = ()  # the bases for a holder that is no public authority, when they differ
    art9: str | None = None
    art10: str | None = None  # the law that allows criminal-offence data here (art. 10 AVG / UAVG 31–33)
    bsn: str | None = None  # the provision that prescribes the BSN in this flow (Wmo 5.2.9, WGS 2.29 lid 1, …)
    ook: tuple[str, ...] = ()  # provisions that carry the sharing with this one (part of the bases)
    zie_ook: tuple[str, ...] = ()  # provisions cited beside it in the trace, but no basis of the holder
    geheim_blijft: tuple[str, ...] = ()  # provisions that say professional secrecy still applies to this flow
    stap: tuple[Step, ...] = ()
    bindt: tuple[str, ...] = ()  # holder roles this (secrecy) rule binds
    jegens: tuple[str, ...] = ()  # recipient roles it applies towards (e.g. the verschoningsrecht)
    instrument: Instrument = Field(exclude=True)
    file: Path = Field(exclude=True)

    @model_validator(mode="after")
    def _dates_fit(self) -> Provision:
        if self.geldig_vanaf and self.geldig_vanaf_ontbreekt:
            raise ValueError("geef 'geldig_vanaf' of 'geldig_vanaf_ontbreekt', niet allebei")
        if self.geldig_tot and self.geldig_vanaf and self.geldig_tot < self.geldig_vanaf:
            raise ValueError("'geldig_tot' ligt vóór 'geldig_vanaf'")
        if self.vervangen_door and not self.geldig_tot:
            raise ValueError("'vervangen_door' hoort bij een bepaling met 'geldig_tot' (tot wanneer gold ze?)")
        if self.versies and not self.tekst_vanaf:
            raise ValueError("een bepaling met 'versies' noemt ook 'tekst_vanaf' "
                             "(sinds wanneer de huidige tekst geldt)")
        ends = [v.tot for v in self.versies]
        if ends != sorted(ends) or len(set(ends)) != len(ends):
            raise ValueError("zet de 'versies' op volgorde van 'tot', elke datum één keer")
        if self.tekst_vanaf and ends and ends[-1] >= self.tekst_vanaf:
            raise ValueError("de laatste eerdere versie eindigt niet vóór 'tekst_vanaf'")
        return self

    @property
    def is_flow(self) -> bool:
        return bool(self.houders and self.ontvangers)

    @property
    def citation(self) -> str:
        """The Dutch citation of the current wording."""
        return cite(self, "nl")

    @property
    def url(self) -> str:
        return self.vindplaats or self.instrument.url

    def at(self, day: dt.date) -> Provision:
        """The provision as worded on ``day`` (itself when its current wording already applied)."""
        if not self.versies or self.tekst_vanaf is None or day >= self.tekst_vanaf:
            return self
        version = next((v for v in self.versies if day <= v.tot and (v.vanaf is None or day >= v.vanaf)),
                       self.versies[0])
        update: dict[str, object] = {"versies": (), "tekst_vanaf": version.vanaf}
        for name in ("lid", "onderdeel", "citaat", "citaat_en", "samenvatting", "vindplaats"):
            value = getattr(version, name)
            if value is not None:
                update[name] = value or None
        return self.model_copy(update=update)

    def applies_on(self, day: dt.date) -> bool:
        """In force on ``day`` by its own dates (``steunt_op`` is checked by the law book)."""
        return (self.geldig_vanaf is None or self.geldig_vanaf <= day) and (
            self.geldig_tot is None or day <= self.geldig_tot)

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


def cite(prov: Provision, lang: str = "nl") -> str:
    """The citation of a provision as worded: Dutch ("AVG art. 6 lid 1 onder a", "Wpg art. 16 lid 1 onder b") or
    English ("GDPR art. 6(1)(a)", "Police Data Act (Wpg) art. 16(1)(b)")."""
    if lang == "en":
        if prov.citaat_en:
            return prov.citaat_en
        prefix = prov.instrument.prefix_en
        if not prov.artikel[0].isdigit():
            return f"{prefix}: {prov.artikel_en or prov.artikel}"
        text = f"{prefix} art. {prov.artikel.replace(' en ', ' and ')}"
        if prov.lid:
            text += f"({prov.lid})"
        if prov.onderdeel == "slotzin":
            return text + ", second subparagraph"
        return text + (f"({prov.onderdeel})" if prov.onderdeel else "")
    if prov.citaat:
        return prov.citaat
    short = prov.instrument.afkorting
    if prov.artikel.startswith("overweging"):
        return f"{short} {prov.artikel}"
    if not prov.artikel[0].isdigit():
        return f"{short}: {prov.artikel}"
    text = f"{short} art. {prov.artikel}"
    if prov.lid:
        text += f" lid {prov.lid}"
    if prov.onderdeel:
        text += f" onder {prov.onderdeel}" if prov.onderdeel != "slotzin" else " slotzin"
    return text
