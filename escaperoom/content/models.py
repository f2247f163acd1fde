"""Typed content: a scenario (casus) with its resident, data items, puzzles of six kinds and the final lock.

TOML keys are Dutch (the authors are Dutch); this module is the one place that defines them. Unknown keys are
errors, and so are internal names: only the documented keys are accepted or suggested. Numbers and true/false are
strict (``duur_minuten = "45"`` is an error with a Dutch hint, not silently 45), so an author is never misled.
Used by the loader, the rule engine adapter (``Scenario.request``), the puzzle kinds (``escaperoom.kinds``), the
session and the UI.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, ClassVar, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, Strict, field_validator

from escaperoom.rules.facts import Category, Consent, DataItem, Decision, Request
from escaperoom.text import Text

SCHEMA_VERSION = 1
NIET_DELEN = "niet_delen"  # the "do not share" destination of a sorting puzzle
GEEN_GRONDSLAG = "geen"  # the "no basis: do not share" option of a grondslag puzzle

Int = Annotated[int, Strict()]  # an author's "45" in quotes is an error, not silently 45
Bool = Annotated[bool, Strict()]  # "true" in quotes or 1 is an error, not silently true


class _Hinted(ValueError):
    """A validation error with a Dutch hint; the diagnostics show ``hint`` as the 'tip'."""

    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.hint = hint


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Resident(_Model):
    """The resident whose stability is at stake (fictional)."""

    naam: str
    leeftijd: Int | None = Field(default=None, ge=0, le=120)
    beschrijving: Text


class Stability(_Model):
    """How the resident's stability (0–100, higher is better) moves with each item decision."""

    start: Int = Field(default=60, ge=0, le=100)
    goed: Int = 3
    te_ruim: Int = -8
    te_voorzichtig: Int = -6
    verkeerde_grondslag: Int = -2
    fout: Int = -3  # wrong order / unacceptable dilemma option


class ItemSpec(_Model):
    """A data item in the scenario's catalogue: what it is, who holds it, its categories."""

    label: Text
    houder: str
    categorieen: list[Category] = Field(min_length=1)


class RequestSpec(_Model):
    """The facts of one sharing question (holder comes from the items)."""

    ontvanger: str
    doel: Text
    toestemming: Consent = Consent.NIET_GEVRAAGD
    acuut_gevaar: Bool = False
    situatie: dict[str, Bool] = Field(default_factory=dict)
    nodig: list[str] = Field(default_factory=list)
    verwacht: dict[str, Decision] = Field(default_factory=dict)
    toelichting: Text | None = None  # author's note shown with the verdict (e.g. why an [onzeker] rule is used)


class Hint(_Model):
    niveau: Literal["principe", "artikel", "voorbeeld"]
    tekst: Text
    kosten_seconden: Int = Field(default=60, ge=0, le=900)


class _Puzzle(_Model):
    is_lock: ClassVar[bool] = False  # the final code lock (one per scenario), not a station in the room

    id: str
    titel: Text
    station: str
    opdracht: Text
    beloning: str = Field(min_length=1, max_length=1)
    hints: list[Hint] = Field(default_factory=list)
    intervisie: list[Text] = Field(default_factory=list)
    afbeelding: str | None = None  # path inside assets/

    @field_validator("beloning")
    @classmethod
    def _reward_is_code_char(cls, value: str) -> str:
        if not value.isalnum():
            raise ValueError("de beloning is één cijfer of letter van de eindcode")
        return value.upper()


class SortPuzzle(_Puzzle):
    """Drag data cards to a recipient or to "niet delen"."""

    soort: Literal["sorteren"]
    kaarten: list[str] = Field(min_length=1)
    bestemmingen: list[RequestSpec] = Field(min_length=1)


class BasisDecision(RequestSpec):
    """One sharing decision in a grondslag puzzle: which basis carries it (or none)?"""

    gegeven: str
    opties: list[str] = Field(min_length=2)


class BasisPuzzle(_Puzzle):
    soort: Literal["grondslag"]
    beslissingen: list[BasisDecision] = Field(min_length=1)


class Fragment(_Model):
    tekst: Text
    gegeven: str | None = None  # the data item this fragment discloses; None = neutral text


class RedactPuzzle(_Puzzle):
    """Black out the fragments of a document that may not be sent to the recipient."""

    soort: Literal["zwartlakken"]
    document: Text  # the document's heading, e.g. "Concept-e-mail aan de woningcorporatie"
    verzoek: RequestSpec
    fragmenten: list[Fragment] = Field(min_length=2)


class OrderPuzzle(_Puzzle):
    """Put the steps of the decision procedure in order; ``stappen`` are written in the right order."""

    soort: Literal["volgorde"]
    stappen: list[Text] = Field(min_length=2)
    uitleg: Text


class DilemmaOption(_Model):
    tekst: Text
    aanvaardbaar: Bool | None = None  # may be derived from ``deelt`` when the puzzle has a ``verzoek``
    deelt: list[str] | None = None
    uitleg: Text


class DilemmaPuzzle(_Puzzle):
    """Choose an option and give a reason; several options may be acceptable."""

    soort: Literal["dilemma"]
    vraag: Text
    verzoek: RequestSpec | None = None
    gegevens: list[str] = Field(default_factory=list)  # the items of ``verzoek``
    opties: list[DilemmaOption] = Field(min_length=2)
    redenen: list[Text] = Field(default_factory=list)  # reasons to pick from; the team may also type one
    reden_verplicht: Bool = True


class LockPuzzle(_Puzzle):
    """The final code lock: its code is the rewards of ``codes_van`` in that order."""

    is_lock: ClassVar[bool] = True

    soort: Literal["slot"]
    codes_van: list[str] = Field(min_length=1)
    beloning: str = "*"

    @field_validator("beloning")
    @classmethod
    def _reward_is_code_char(cls, value: str) -> str:
        return value


Puzzle = Annotated[
    Union[SortPuzzle, BasisPuzzle, RedactPuzzle, OrderPuzzle, DilemmaPuzzle, LockPuzzle],
    Field(discriminator="soort"),
]
PUZZLE_KINDS = ("sorteren", "grondslag", "zwartlakken", "volgorde", "dilemma", "slot")


class ScenarioInfo(_Model):
    id: str
    titel: Text
    verhaal: Text
    duur_minuten: Int = Field(default=45, ge=5, le=240)
    bewoner: Resident
    organisaties: list[str] = Field(min_length=1)
    stabiliteit: Stability = Stability()
    afbeelding: str | None = None

    @field_validator("id")
    @classmethod
    def _simple_id(cls, value: str) -> str:
        if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", value):
            raise ValueError(f"het casus-id '{value}' mag alleen kleine letters, cijfers, '-' en '_' bevatten "
                             "(bijvoorbeeld \"henk\" of \"gezin-de-vries\")")
        return value


class Scenario(_Model):
    """One scenario file: ``[scenario]``, ``[gegevens.*]`` and ``[[puzzels]]`` (the lock is one of them).

    The file's ``schema`` key is the field ``schema_`` (only ``schema`` is accepted in a file); where the file came
    from is not a key either: the loader sets it (:attr:`source`)."""

    schema_: Int = Field(default=SCHEMA_VERSION, alias="schema")
    scenario: ScenarioInfo
    gegevens: dict[str, ItemSpec] = Field(min_length=1)
    puzzels: list[Puzzle] = Field(min_length=1)
    _source: Path | None = PrivateAttr(default=None)

    @field_validator("schema_")
    @classmethod
    def _schema_supported(cls, value: int) -> int:
        if value > SCHEMA_VERSION:
            raise _Hinted(f"schema {value} is nieuwer dan deze versie van het spel kent ({SCHEMA_VERSION})",
                          "werk het spel bij; of schrijf schema = 1 als het bestand voor deze versie is gemaakt")
        if value < 1:
            raise _Hinted(f"schema {value} bestaat niet", f"schrijf schema = {SCHEMA_VERSION}")
        return value

    @property
    def source(self) -> Path | None:
        """The file this scenario was loaded from (set by the loader; ``None`` for a scenario built in code)."""
        return self._source

    def with_source(self, path: Path | None) -> "Scenario":
        self._source = path
        return self

    @property
    def id(self) -> str:
        return self.scenario.id

    def puzzle(self, puzzle_id: str) -> Puzzle:
        for p in self.puzzels:
            if p.id == puzzle_id:
                return p
        raise KeyError(puzzle_id)

    @property
    def lock(self) -> LockPuzzle | None:
        return next((p for p in self.puzzels if isinstance(p, LockPuzzle)), None)

    @property
    def rooms(self) -> list[Puzzle]:
        """The puzzles before the lock, in file order."""
        return [p for p in self.puzzels if not p.is_lock]

    def item(self, item_id: str, needed: bool = True) -> DataItem:
        spec = self.gegevens[item_id]
        return DataItem(id=item_id, label=spec.label, categorieen=tuple(spec.categorieen), nodig=needed)

    def request(self, spec: RequestSpec, item_ids: list[str]) -> Request:
        """The engine's Request for a spec; the holder is the (single) holder of its items."""
        holders = {self.gegevens[i].houder for i in item_ids}
        holder = holders.pop() if len(holders) == 1 else sorted(holders)[0]
        return Request(houder=holder, ontvanger=spec.ontvanger, doel=spec.doel, toestemming=spec.toestemming,
                       acuut_gevaar=spec.acuut_gevaar,
                       situatie=frozenset(k for k, v in spec.situatie.items() if v))
