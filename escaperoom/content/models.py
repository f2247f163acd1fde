"""Typed content: a scenario (casus) with its resident, data items, puzzles of six kinds and the final lock.

TOML keys are Dutch (the authors are Dutch); this module is the one place that defines them. Unknown keys are
errors, and so are internal names: only the documented keys are accepted or suggested. Numbers and true/false are
strict (``duur_minuten = "45"`` is an error with a Dutch hint, not silently 45), so an author is never misled.
Used by the loader, the rule engine adapter (``Scenario.request``), the puzzle kinds (``escaperoom.kinds``), the
session and the UI.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr, Strict, field_validator

from escaperoom.content.limits import (
    EXPLANATION,
    HINT,
    LABEL,
    MAX_ITEMS,
    MAX_LIST,
    MAX_PUZZLES,
    MAX_STATIONS,
    NAME,
    OPTION,
    STORY,
    TITLE,
    HintedError,
    check_asset_path,
    check_id,
    check_provision_id,
    check_reward,
    name_limit,
    text_limit,
)
from escaperoom.rules.facts import Category, Consent, DataItem, Decision, Request
from escaperoom.text import Text

SCHEMA_VERSION = 1
NIET_DELEN = "niet_delen"  # the "do not share" destination of a sorting puzzle
GEEN_GRONDSLAG = "geen"  # the "no basis: do not share" option of a grondslag puzzle

Int = Annotated[int, Strict()]  # an author's "45" in quotes is an error, not silently 45
Bool = Annotated[bool, Strict()]  # "true" in quotes or 1 is an error, not silently true

# Ids and references: ASCII [a-z0-9_-] (content/limits.py says why), so an invisible or look-alike character is
# named where it is written instead of surfacing later as "onbekend gegeven".
Id = Annotated[str, AfterValidator(check_id)]
ProvisionId = Annotated[str, AfterValidator(check_provision_id)]
AssetPath = Annotated[str, AfterValidator(check_asset_path)]

# Texts, each with the room it gets on the screen (content/limits.py); the multi-line ones may hold newlines.
Title = Annotated[Text, text_limit(TITLE, "de titel")]
Label = Annotated[Text, text_limit(LABEL, "het label")]
Purpose = Annotated[Text, text_limit(LABEL, "het doel")]
Heading = Annotated[Text, text_limit(TITLE, "de kop van het document")]
FragmentText = Annotated[Text, text_limit(LABEL, "het fragment")]
OptionText = Annotated[Text, text_limit(OPTION, "de optie")]
StepText = Annotated[Text, text_limit(OPTION, "de stap")]
ReasonText = Annotated[Text, text_limit(OPTION, "de reden")]
HintText = Annotated[Text, text_limit(HINT, "de hint", multiline=True)]
TaskText = Annotated[Text, text_limit(HINT, "de opdracht", multiline=True)]
QuestionText = Annotated[Text, text_limit(HINT, "de vraag", multiline=True)]
Description = Annotated[Text, text_limit(HINT, "de beschrijving", multiline=True)]
Explanation = Annotated[Text, text_limit(EXPLANATION, "de uitleg", multiline=True)]
Note = Annotated[Text, text_limit(EXPLANATION, "de toelichting", multiline=True)]
Story = Annotated[Text, text_limit(STORY, "het verhaal", multiline=True)]
Name = Annotated[str, name_limit(NAME, "de naam")]
CheckedAgainst = Annotated[str, name_limit(HINT, "gecontroleerd_tegen")]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Level = Literal["basis", "verdieping"]  # the two levels of a casus (content/levels.py)
LevelTag = Annotated[Level | None, Field(description="alleen op dit speelniveau (zonder: op beide)")]
Override = Annotated[dict[str, Any] | None, Field(description="sleutels die op dit speelniveau de eigen vervangen")]


class Resident(_Model):
    """The resident whose stability is at stake (fictional)."""

    naam: Name
    leeftijd: Int | None = Field(default=None, ge=0, le=120)
    beschrijving: Description


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

    label: Label
    houder: Id
    categorieen: list[Category] = Field(min_length=1, max_length=MAX_LIST)


class RequestSpec(_Model):
    """The facts of one sharing question (holder comes from the items)."""

    ontvanger: Id
    doel: Purpose
    toestemming: Consent = Consent.NIET_GEVRAAGD
    acuut_gevaar: Bool = False
    situatie: dict[Id, Bool] = Field(default_factory=dict, max_length=MAX_ITEMS)
    nodig: list[Id] = Field(default_factory=list, max_length=MAX_ITEMS)
    verwacht: dict[Id, Decision] = Field(default_factory=dict, max_length=MAX_ITEMS)
    toelichting: Note | None = None  # author's note shown with the verdict (e.g. why an [onzeker] rule is used)
    speelniveau: LevelTag = None  # in a list of requests: only at this level (content/levels.py)


class Hint(_Model):
    niveau: Literal["principe", "artikel", "voorbeeld"]
    tekst: HintText
    kosten_seconden: Int = Field(default=60, ge=0, le=900)
    speelniveau: LevelTag = None


class _Puzzle(_Model):
    is_lock: ClassVar[bool] = False  # the final code lock (one per scenario), not a station in the room

    id: Id
    titel: Title
    station: Id
    opdracht: TaskText
    beloning: str = Field(min_length=1, max_length=1)
    hints: list[Hint] = Field(default_factory=list, max_length=MAX_LIST)
    intervisie: list[QuestionText] = Field(default_factory=list, max_length=MAX_LIST)
    afbeelding: AssetPath | None = None  # path inside assets/
    speelniveau: LevelTag = None  # only at this level (content/levels.py); the loader applies it and the two below
    basis: Override = None
    verdieping: Override = None

    @field_validator("beloning")
    @classmethod
    def _reward_is_code_char(cls, value: str) -> str:
        """One sign a team can type on the lock's keypad (0-9, A-Z); a lower-case letter becomes its capital."""
        return check_reward(value)


class SortPuzzle(_Puzzle):
    """Drag data cards to a recipient or to "niet delen"."""

    soort: Literal["sorteren"]
    kaarten: list[Id] = Field(min_length=1, max_length=MAX_LIST)
    bestemmingen: list[RequestSpec] = Field(min_length=1, max_length=MAX_LIST)


class BasisDecision(RequestSpec):
    """One sharing decision in a grondslag puzzle: which basis carries it (or none)?"""

    gegeven: Id
    opties: list[ProvisionId] = Field(min_length=2, max_length=MAX_LIST)


class BasisPuzzle(_Puzzle):
    soort: Literal["grondslag"]
    beslissingen: list[BasisDecision] = Field(min_length=1, max_length=MAX_LIST)


class Fragment(_Model):
    tekst: FragmentText
    gegeven: Id | None = None  # the data item this fragment discloses; None = neutral text
    speelniveau: LevelTag = None


class RedactPuzzle(_Puzzle):
    """Black out the fragments of a document that may not be sent to the recipient."""

    soort: Literal["zwartlakken"]
    document: Heading  # the document's heading, e.g. "Concept-e-mail aan de woningcorporatie"
    verzoek: RequestSpec
    fragmenten: list[Fragment] = Field(min_length=2, max_length=MAX_LIST)


class OrderPuzzle(_Puzzle):
    """Put the steps of the decision procedure in order; ``stappen`` are written in the right order."""

    soort: Literal["volgorde"]
    stappen: list[StepText] = Field(min_length=2, max_length=MAX_LIST)
    uitleg: Explanation


class DilemmaOption(_Model):
    tekst: OptionText
    aanvaardbaar: Bool | None = None  # may be derived from ``deelt`` when the puzzle has a ``verzoek``
    deelt: list[Id] | None = Field(default=None, max_length=MAX_ITEMS)
    uitleg: Explanation
    speelniveau: LevelTag = None


class DilemmaPuzzle(_Puzzle):
    """Choose an option and give a reason; several options may be acceptable."""

    soort: Literal["dilemma"]
    vraag: QuestionText
    verzoek: RequestSpec | None = None
    gegevens: list[Id] = Field(default_factory=list, max_length=MAX_ITEMS)  # the items of ``verzoek``
    opties: list[DilemmaOption] = Field(min_length=2, max_length=MAX_LIST)
    redenen: list[ReasonText] = Field(default_factory=list, max_length=MAX_LIST)  # the team may also type one
    reden_verplicht: Bool = True


class LockPuzzle(_Puzzle):
    """The final code lock: its code is the rewards of ``codes_van`` in that order."""

    is_lock: ClassVar[bool] = True

    soort: Literal["slot"]
    codes_van: list[Id] = Field(min_length=1, max_length=MAX_PUZZLES)
    beloning: str = "*"

    @field_validator("beloning")
    @classmethod
    def _reward_is_code_char(cls, value: str) -> str:
        return value


Puzzle = Annotated[
    SortPuzzle | BasisPuzzle | RedactPuzzle | OrderPuzzle | DilemmaPuzzle | LockPuzzle,
    Field(discriminator="soort"),
]
PUZZLE_KINDS = ("sorteren", "grondslag", "zwartlakken", "volgorde", "dilemma", "slot")


class ScenarioInfo(_Model):
    id: str
    titel: Title
    verhaal: Story
    duur_minuten: Int = Field(default=45, ge=5, le=240)
    bewoner: Resident
    organisaties: list[Id] = Field(min_length=1, max_length=MAX_STATIONS)
    stabiliteit: Stability = Stability()
    afbeelding: AssetPath | None = None
    volgnummer: Int | None = Field(default=None, ge=1, le=99)  # its place in a training programme (setup order)
    gecontroleerd_tegen: CheckedAgainst | None = None  # the law versions the author checked the casus against
    basis: Override = None  # [scenario.basis], [scenario.verdieping]: e.g. another duur_minuten (content/levels.py)
    verdieping: Override = None

    @field_validator("id")
    @classmethod
    def _simple_id(cls, value: str) -> str:
        return check_id(value, "het casus-id", 'bijvoorbeeld "henk" of "gezin-de-vries"')


class Scenario(_Model):
    """One scenario file: ``[scenario]``, ``[gegevens.*]`` and ``[[puzzels]]`` (the lock is one of them).

    The file's ``schema`` key is the field ``schema_`` (only ``schema`` is accepted in a file); where the file came
    from is not a key either: the loader sets it (:attr:`source`)."""

    schema_: Int = Field(default=SCHEMA_VERSION, alias="schema")
    scenario: ScenarioInfo
    gegevens: dict[Id, ItemSpec] = Field(min_length=1, max_length=MAX_ITEMS)
    puzzels: list[Puzzle] = Field(min_length=1, max_length=MAX_PUZZLES)
    _source: Path | None = PrivateAttr(default=None)

    @field_validator("schema_")
    @classmethod
    def _schema_supported(cls, value: int) -> int:
        if value > SCHEMA_VERSION:
            raise HintedError(f"schema {value} is nieuwer dan deze versie van het spel kent ({SCHEMA_VERSION})",
                          "werk het spel bij; of schrijf schema = 1 als het bestand voor deze versie is gemaakt")
        if value < 1:
            raise HintedError(f"schema {value} bestaat niet", f"schrijf schema = {SCHEMA_VERSION}")
        return value

    @property
    def source(self) -> Path | None:
        """The file this scenario was loaded from (set by the loader; ``None`` for a scenario built in code)."""
        return self._source

    def with_source(self, path: Path | None) -> Scenario:
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
