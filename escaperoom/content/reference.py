"""The authoring reference, generated from the data: every key of a casus file, every puzzle kind, role, situation
fact, category, consent value and provision id an author can use. ``escaperoom schema --markdown`` prints it;
``docs/authoring.md`` holds it between two markers, and a test keeps that part equal to :func:`reference_markdown`,
so the guide never goes stale.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel

from escaperoom.content import models as m
from escaperoom.content.levels import LEVELS, TAG
from escaperoom.rules.facts import Category, Consent, Decision
from escaperoom.rules.lawbook import LawBook, load_lawbook

BEGIN = "<!-- BEGIN GEGENEREERD: escaperoom schema --markdown -->"
END = "<!-- EINDE GEGENEREERD -->"

CATEGORIES = {
    Category.GEWOON: "gewone persoonsgegevens (naam, adres, telefoon, wat iemand deed of zei)",
    Category.GEZONDHEID: "gezondheid, ook geestelijke gezondheid en wat daarover iets zegt (art. 9 AVG)",
    Category.STRAFRECHTELIJK: "strafbare feiten, ook een vermoeden ervan (art. 10 AVG, UAVG 1 en 31–33)",
    Category.FINANCIEEL: "geld: schulden, achterstanden, inkomen",
    Category.BSN: "het burgerservicenummer (UAVG 46, Wabb, Wabvpz)",
}
CONSENTS = {
    Consent.JA: "uitdrukkelijk, specifiek, geïnformeerd en vrij gegeven",
    Consent.NEE: "gevraagd en geweigerd",
    Consent.NIET_GEVRAAGD: "(nog) niet gevraagd (standaard)",
    Consent.ONMOGELIJK: "kan niet worden gevraagd (onbereikbaar, niet in staat, vragen is onveilig)",
    Consent.NIET_VRIJ: "'gegeven', maar niet vrij: voorwaarde voor hulp of uitkering, of een blanco formulier",
    Consent.GEEN_BEZWAAR: "geïnformeerd over een aangekondigde verstrekking en geen bezwaar gemaakt",
}
DECISIONS = {
    Decision.MOET: "de wet verplicht deze houder dit aan deze ontvanger te geven",
    Decision.MAG: "er is een grond om te delen, geen plicht",
    Decision.MAG_NIET: "geen grond, of iets verbiedt het",
}
KINDS: dict[str, tuple[type[BaseModel], str]] = {
    "sorteren": (m.SortPuzzle, "Sleep elke kaart (een gegeven) naar wie hem mag of moet krijgen, of naar 'Niet "
                               "delen'. Eén `[[puzzels.bestemmingen]]` per ontvanger, elk een verzoek."),
    "grondslag": (m.BasisPuzzle, "Kies per beslissing de grondslag die haar draagt, of 'Geen grondslag' "
                                 "(`opties` zijn bepaling-ids, zie onder; `geen` is 'niet delen')."),
    "zwartlakken": (m.RedactPuzzle, "Lak in een document de fragmenten zwart die niet naar de ontvanger mogen; "
                                    "een fragment met `gegeven` toont dat gegeven, één `[puzzels.verzoek]`."),
    "volgorde": (m.OrderPuzzle, "Zet de stappen in de goede volgorde; schrijf `stappen` in die volgorde (het "
                                "spel husselt ze)."),
    "dilemma": (m.DilemmaPuzzle, "Kies een optie en geef een reden; met een `[puzzels.verzoek]` oordeelt de wet "
                                 "per optie over wat ze `deelt`, zonder zegt `aanvaardbaar` het."),
    "slot": (m.LockPuzzle, "Het slot aan het eind: de code is de `beloning` van elke puzzel in `codes_van`, "
                           "in die volgorde. Precies één per casus."),
}
SECTIONS: tuple[tuple[str, type[BaseModel], str], ...] = (
    ("`[scenario]`", m.ScenarioInfo, "de casus zelf"),
    ("`[scenario.bewoner]`", m.Resident, "de bewoner wiens rust op het spel staat"),
    ("`[scenario.stabiliteit]`", m.Stability, "hoe de rust beweegt per beslissing"),
    ("`[gegevens.ID]`", m.ItemSpec, "elk gegeven in de casus"),
    ("een verzoek (`bestemmingen`, `verzoek`)", m.RequestSpec, "de feiten van één vraag om te delen"),
    ("`[[puzzels.beslissingen]]` (grondslag)", m.BasisDecision, "een verzoek plus het gegeven en de opties"),
    ("`[[puzzels.hints]]`", m.Hint, "de hint-ladder: principe → artikel → voorbeeld"),
    ("`[[puzzels.fragmenten]]` (zwartlakken)", m.Fragment, "een zin van het document"),
    ("`[[puzzels.opties]]` (dilemma)", m.DilemmaOption, "een keuze in het dilemma"),
)


def _type_name(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _type_name(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        names = [_type_name(a) for a in typing.get_args(annotation) if a is not type(None)]
        return " of ".join(dict.fromkeys(names))
    if origin is typing.Literal:
        return " / ".join(f'"{a}"' for a in typing.get_args(annotation))
    if origin in (list, tuple):
        return "lijst van " + _type_name(typing.get_args(annotation)[0])
    if origin is dict:
        key, value = typing.get_args(annotation)
        return "tabel" if value is Any else f"tabel {_type_name(key)} → {_type_name(value)}"
    words = {"Text": "tekst", "str": "tekst", "int": "geheel getal", "bool": "true/false", "Category": "categorie",
             "Consent": "toestemming", "Decision": "oordeel", "Resident": "tabel", "Stability": "tabel"}
    name = getattr(annotation, "__name__", str(annotation))
    return words.get(name, name)


def _keys(model: type[BaseModel], skip: tuple[str, ...] = ()) -> list[str]:
    rows = ["| sleutel | verplicht | waarde |", "|---|---|---|"]
    for name, info in model.model_fields.items():
        key = info.alias or name
        if key in skip:
            continue
        required = "ja" if info.is_required() else ""
        rows.append(f"| `{key}` | {required} | {_type_name(info.annotation)} |")
    return rows


def _table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return out


def _roles(book: LawBook) -> list[str]:
    rows = []
    for role in sorted(book.roles.values(), key=lambda r: r.id):
        marks = [word for flag, word in ((role.overheid, "overheid"), (role.beroepsgeheim, "beroepsgeheim"),
                                         (role.politie, "politie (Wpg)"), (role.noodhulp, "noodhulp")) if flag]
        rows.append((f"`{role.id}`", role.naam.nl, role.naam.get("en"), ", ".join(marks)))
    return _table(("id", "naam", "English", "wat de wet erover zegt"), rows)


def _provisions(book: LawBook) -> list[str]:
    rows = [(f"`{p.id}`", book.cite(p.id), p.soort.value) for p in sorted(book.provisions.values(),
                                                                          key=lambda p: p.id)]
    return _table(("id", "citaat", "soort"), rows)


def reference_markdown(book: LawBook | None = None) -> str:
    """The whole reference in Markdown (Dutch), from the models and the law files."""
    book = book or load_lawbook()
    out = [BEGIN, "", "## Naslag (gegenereerd uit de code en de wetsbestanden)", "",
           "Dit deel maakt `escaperoom schema --markdown`; verander het daar, niet hier.", ""]
    out += ["### Sleutels", ""]
    for title, model, what in SECTIONS:
        out += [f"#### {title}", "", what + ".", "", *_keys(model), ""]
    out += ["### Puzzelsoorten", "", "Elke `[[puzzels]]` heeft `soort` = een van deze. Gemeenschappelijk:", "",
            *_keys(m.SortPuzzle, skip=("soort", "kaarten", "bestemmingen")), ""]
    for soort, (model, what) in KINDS.items():
        common = set(m.SortPuzzle.model_fields) - {"kaarten", "bestemmingen"}
        own = tuple(k for k in model.model_fields if k in common and k != "beloning")
        out += [f"#### `{soort}`", "", what, "", *_keys(model, skip=own), ""]
    out += ["### Speelniveaus", "", f"`{LEVELS[0]}` en `{LEVELS[1]}` (standaard). `{TAG} = \"...\"` op een "
            "puzzel of op een tabel in `bestemmingen`, `beslissingen`, `fragmenten`, `opties` of `hints`: alleen "
            "op dat niveau. `[puzzels.basis]` of `[puzzels.verdieping]` (ook `[scenario.basis]`): sleutels die op "
            "dat niveau de eigen vervangen.", ""]
    out += ["### Rollen (`houder`, `ontvanger`, `organisaties`, `station`)", "",
            "Uit `escaperoom/rules/rollen.toml`; beroepsgeheim volgt uit de wetsbestanden.", "", *_roles(book), ""]
    out += ["### Situatiefeiten (`situatie = { feit = true }`)", "", "Uit `escaperoom/rules/feiten.toml`.", "",
            *_table(("id", "betekent"), [(f"`{f.id}`", f.vraag.nl) for f in sorted(book.facts.values(),
                                                                                  key=lambda f: f.id)]), ""]
    out += ["### Categorieën (`categorieen`)", "",
            *_table(("id", "betekent"), [(f"`{c.value}`", CATEGORIES[c]) for c in Category]), ""]
    out += ["### Toestemming (`toestemming`)", "",
            *_table(("waarde", "betekent"), [(f"`{c.value}`", CONSENTS[c]) for c in Consent]), ""]
    out += ["### Oordelen (`verwacht`)", "",
            *_table(("waarde", "betekent"), [(f"`{d.value}`", DECISIONS[d]) for d in Decision]), ""]
    out += ["### Bepalingen (`opties` van een grondslagpuzzel; wat `verdict` citeert)", "",
            "Uit `escaperoom/rules/law/*.toml`. Verzin nooit een artikelnummer: staat een bepaling er niet in, "
            "dan kent de engine haar niet.", "", *_provisions(book), "", END]
    return "\n".join(out) + "\n"
