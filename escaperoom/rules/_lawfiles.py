"""Reading and cross-checking the law files (``law/*.toml``, ``rollen.toml``, ``feiten.toml``) for the law book.

Every problem becomes a Dutch :class:`~escaperoom.errors.Problem` with file, key and hint; nothing is raised here,
:func:`escaperoom.rules.lawbook.load_lawbook` collects the problems and raises one ``ContentError``.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from escaperoom.errors import ContentError, Problem
from escaperoom.rules.facts import Category
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
)


def read_toml(path: Path) -> dict[str, Any]:
    """A law file as a dict; unreadable, non-UTF-8 or broken TOML raises a Dutch :class:`ContentError`."""
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


def validation_problems(path: Path, key: str, err: ValidationError) -> list[Problem]:
    out = []
    for e in err.errors():
        loc = ".".join(str(x) for x in e["loc"])
        out.append(Problem(path, _dutch(e["msg"]), key=f"{key}.{loc}" if loc else key))
    return out


def read_roles(path: Path, problems: list[Problem]) -> dict[str, Role]:
    roles: dict[str, Role] = {}
    for rid, raw in read_toml(path).items():
        if isinstance(raw, dict) and "beroepsgeheim" in raw:
            problems.append(Problem(path, "'beroepsgeheim' staat niet in rollen.toml maar in de wet",
                                    key=f"{rid}.beroepsgeheim",
                                    hint="zet de rol in 'bindt' van de geheimhoudingsregel "
                                         "(stap = [\"beroepsgeheim\"])"))
            continue
        try:
            roles[rid] = Role.model_validate({"id": rid, **raw})
        except (ValidationError, TypeError) as err:
            problems += (validation_problems(path, rid, err) if isinstance(err, ValidationError)
                         else [Problem(path, "hier hoort een tabel [rol]", key=rid)])
    return roles


def read_facts(path: Path, problems: list[Problem]) -> dict[str, Fact]:
    facts: dict[str, Fact] = {}
    for fid, raw in read_toml(path).items():
        try:
            facts[fid] = Fact.model_validate({"id": fid, **raw})
        except (ValidationError, TypeError) as err:
            problems += (validation_problems(path, fid, err) if isinstance(err, ValidationError)
                         else [Problem(path, "hier hoort een tabel [feit]", key=fid)])
    return facts


def read_law(law_dir: Path, problems: list[Problem]) -> tuple[dict[str, Provision], dict[str, Instrument]]:
    """Every instrument and provision of ``law_dir``, the dates a provision inherits from its instrument filled in."""
    provisions: dict[str, Provision] = {}
    instruments: dict[str, Instrument] = {}
    for path in sorted(law_dir.glob("*.toml")):
        data = read_toml(path)
        try:
            instrument = Instrument.model_validate(data.get("wet", {}))
        except ValidationError as err:
            problems += validation_problems(path, "wet", err)
            continue
        if instrument.id in instruments:
            problems.append(Problem(path, f"wet '{instrument.id}' staat ook in een ander wetbestand", key="wet.id"))
        instruments[instrument.id] = instrument
        for index, raw in enumerate(data.get("bepaling", [])):
            try:
                prov = Provision.model_validate({**raw, "instrument": instrument, "file": path})
            except ValidationError as err:
                problems += validation_problems(path, f"bepaling[{index}]", err)
                continue
            key = f"bepaling[{index}]"
            if prov.id in provisions:
                problems.append(Problem(path, f"bepaling '{prov.id}' staat er twee keer in", key=f"{key}.id"))
            if not (prov.id.startswith(instrument.id + ".") or prov.citaat):
                problems.append(Problem(path, f"id '{prov.id}' begint niet met '{instrument.id}.'", key=f"{key}.id",
                                        hint="laat het id de wettelijke nummering volgen"))
            provisions[prov.id] = _inherit_dates(prov)
    return provisions, instruments


def _inherit_dates(prov: Provision) -> Provision:
    """A provision without its own date (and without its own reason for none) applies since its instrument."""
    if prov.geldig_vanaf or prov.geldig_vanaf_ontbreekt:
        return prov
    inst = prov.instrument
    return prov.model_copy(update={"geldig_vanaf": inst.geldig_vanaf,
                                   "geldig_vanaf_onzeker": prov.geldig_vanaf_onzeker or inst.geldig_vanaf_onzeker,
                                   "geldig_vanaf_ontbreekt": inst.geldig_vanaf_ontbreekt})


def cross_check(roles: dict[str, Role], facts: dict[str, Fact], provisions: dict[str, Provision]) -> list[Problem]:
    problems: list[Problem] = []
    regime_of: dict[str, str] = {}
    for prov in provisions.values():
        problems += _references(prov, roles, facts, provisions)
        problems += _shape(prov)
        if Step.BEROEPSGEHEIM in prov.stap:
            for role in prov.bindt:
                if role in regime_of:
                    problems.append(Problem(prov.file, f"rol '{role}' valt al onder het beroepsgeheim van "
                                                       f"'{regime_of[role]}'", key=f"bepaling {prov.id}",
                                            hint="één geheimhoudingsregel per rol; noem de andere als "
                                                 "stap = [\"beroepsgeheim_mede\"]"))
                regime_of[role] = prov.id
    for step in SINGLE_STEPS:
        carriers = [p for p in provisions.values() if step in p.stap]
        if len(carriers) > 1:
            problems.append(Problem(carriers[1].file, f"stap '{step.value}' hoort bij één bepaling, niet bij "
                                    + ", ".join(p.id for p in carriers), key=f"bepaling {carriers[1].id}"))
    return problems


def _references(prov: Provision, roles: dict[str, Role], facts: dict[str, Fact],
                provisions: dict[str, Provision]) -> list[Problem]:
    problems: list[Problem] = []
    key = f"bepaling {prov.id}"
    for role in (*prov.houders, *prov.ontvangers, *prov.bindt, *prov.jegens):
        if role != ANY and role not in roles:
            problems.append(Problem(prov.file, f"onbekende rol '{role}'", key=key))
    for fact in (*prov.voorwaarden, *prov.vervalt_bij):
        if fact not in facts:
            problems.append(Problem(prov.file, f"onbekend situatiefeit '{fact}'", key=key))
    bases = (*prov.art6, *prov.art6_privaat, *(r for r in (prov.art9, prov.art10, prov.bsn) if r), *prov.ook)
    refs = (*bases, *prov.zie_ook, *prov.geheim_blijft, *prov.steunt_op,
            *((prov.vervangen_door,) if prov.vervangen_door else ()))
    for ref in refs:
        if ref not in provisions:
            problems.append(Problem(prov.file, f"verwijzing naar onbekende bepaling '{ref}'", key=key))
        elif ref in bases and provisions[ref].soort is Kind.TAAK:
            problems.append(Problem(prov.file, f"'{ref}' is een taakbepaling: geen grondslag van de houder", key=key,
                                    hint="noem haar in 'zie_ook' (kennisbank §8.2: grondslag = grond van de houder)"))
    return problems


def _shape(prov: Provision) -> list[Problem]:
    problems: list[Problem] = []
    key = f"bepaling {prov.id}"
    if prov.is_flow and not prov.categorieen:
        problems.append(Problem(prov.file, "een bepaling met houders en ontvangers noemt ook de categorieen", key=key))
    police_only = set(prov.houders) == {"politie"}  # the Wpg regime, not the AVG (Richtlijn 2016/680)
    if (prov.is_flow and Category.GEZONDHEID in prov.categorieen and prov.soort != Kind.VERBOD
            and not prov.art9 and not police_only):
        problems.append(Problem(prov.file, "gezondheidsgegevens vragen een art. 9-uitzondering (art9 = ...)",
                                key=key))
    role_steps = [s for s in prov.stap if s in ROLE_STEPS]
    if role_steps and not prov.bindt:
        problems.append(Problem(prov.file, f"stap '{role_steps[0].value}' geldt per rol: noem de rollen in 'bindt'",
                                key=key))
    if (prov.bindt or prov.jegens) and not role_steps:
        problems.append(Problem(prov.file, "'bindt' en 'jegens' horen bij een stap die per rol geldt "
                                           "(beroepsgeheim, rechtstreeks_betrokken, …)", key=key))
    if any(s in FLOW_STEPS for s in prov.stap) and not prov.is_flow:
        problems.append(Problem(prov.file, "deze stap hoort bij een bepaling met houders en ontvangers", key=key))
    return problems
