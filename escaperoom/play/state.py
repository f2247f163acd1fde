"""A session as a save and back: :func:`to_state` gives the game state as plain TOML-ready data, :func:`from_state`
rebuilds the :class:`~escaperoom.play.session.Session` after checking the whole state against a strict model.

Used by the recorder (:mod:`escaperoom.play.recorder`), which adds its own keys and writes the file through
:mod:`escaperoom.storage.saves`. A hand-edited or damaged save ends in :class:`StateError`: one Dutch sentence
naming the key (worded by :func:`escaperoom.content.diagnostics.state_problem`), never a traceback later (nan in
the journal, KeyError in tick). Pure (no pygame).
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator

from escaperoom.content.diagnostics import quote_value, state_problem
from escaperoom.content.models import Scenario
from escaperoom.kinds import Case, ErrorKind
from escaperoom.play.records import GOOD
from escaperoom.play.session import EventSink, Feedback, Mistake, Phase, PuzzleState, Session, Settings, Status
from escaperoom.text import LANGUAGES, Text

STATE_VERSION = 1
MAX_SECONDS = 10**9  # no game clock gets near this (≈ 31 years); bounds keep every sum finite


class StateError(ValueError):
    """A saved state that does not fit: ``key`` is the dotted key path (``klok.verstreken_s``), ``message`` a
    complete Dutch sentence naming it. The recorder turns it into a :class:`~escaperoom.errors.SaveError`."""

    def __init__(self, key: str, message: str):
        self.key = key
        self.message = message
        super().__init__(message)


def to_state(session: Session) -> dict[str, Any]:
    """The session's state as the save keeps it (Dutch keys; the recorder adds its own)."""
    s = session
    return {
        "versie": STATE_VERSION,
        "instellingen": {"scenario": s.settings.scenario_id, "team": s.settings.team,
                         "duur_s": s.settings.duration_s, "feedback": s.settings.feedback.value,
                         "taal": s.settings.lang},
        "klok": {"verstreken_s": s.elapsed, "extra_s": s.extra_s, "strafijd_s": s.penalty_s},
        "fase": s.phase.value,
        "stabiliteit": s.stability,
        "verloop": list(s.history),
        "tellingen": dict(s.tallies),
        "huidig": s.current or "",
        "beeindigen_gevraagd": s.end_requested,
        "puzzels": {pid: {"status": p.status.value, "pogingen": p.attempts, "hints": p.hints,
                          "seconden": p.seconds, "beste": p.best, "antwoord_getoond": p.answer_shown,
                          "beoordeeld": dict(p.judged), "goed_gerekend": sorted(p.credited)}
                    for pid, p in s.puzzles.items()},
        "fouten": [{"puzzel": m.puzzle_id, "sleutel": m.key, "soort": m.kind.value,
                    "label": m.label.model_dump(exclude_none=True)} for m in s.mistakes],
    }


def from_state(state: Any, scenario: Scenario, cases: dict[str, list[Case]],
               on_event: EventSink | None = None) -> Session:
    """Rebuild a session from :func:`to_state`. The whole state is checked first (types, finite numbers in
    range, known phases/statuses/puzzles, judgements and mistakes well-formed); anything that does not fit
    raises :class:`StateError` with a Dutch message naming the key. A state written before ``beoordeeld``,
    ``goed_gerekend``, ``fouten`` or ``beeindigen_gevraagd`` existed loads with them empty."""
    if not isinstance(state, dict):
        raise StateError("", "de spelstand is geen tabel.")
    if "versie" not in state:
        raise StateError("versie", "'versie' ontbreekt: dit is geen spelstand van dit spel.")
    if state["versie"] != STATE_VERSION:
        raise StateError("versie", f"'versie' is onbekend ({quote_value(state['versie'])}); deze versie van het "
                                   f"spel kent versie {STATE_VERSION}.")
    try:
        model = _StateModel.model_validate(state)
    except ValidationError as err:
        problem = state_problem(err, state)
        raise StateError(problem.key, problem.message) from None
    _check_fits(model, scenario)
    puzzles = {pid: PuzzleState(raw.status, raw.pogingen, raw.hints, raw.seconden, raw.beste,
                                raw.antwoord_getoond, dict(raw.beoordeeld), set(raw.goed_gerekend))
               for pid, raw in ((p.id, model.puzzels[p.id]) for p in scenario.puzzels)}
    ins, klok = model.instellingen, model.klok
    return Session(scenario=scenario, cases=cases,
                   settings=Settings(ins.scenario, ins.team, ins.duur_s, ins.feedback, ins.taal),
                   on_event=on_event or (lambda kind, fields: None),
                   elapsed=klok.verstreken_s, extra_s=klok.extra_s, penalty_s=klok.strafijd_s, phase=model.fase,
                   stability=model.stabiliteit, history=list(model.verloop), puzzles=puzzles,
                   current=model.huidig or None, tallies=dict(model.tellingen),
                   mistakes=[Mistake(m.puzzel, m.sleutel, m.label, m.soort) for m in model.fouten],
                   end_requested=model.beeindigen_gevraagd)


def _check_fits(model: _StateModel, scenario: Scenario) -> None:
    """A well-formed state that belongs to another casus (or another version of it) is refused by key."""
    ins = model.instellingen
    if ins.scenario != scenario.id:
        raise StateError("instellingen.scenario",
                         f"de stand hoort bij casus '{ins.scenario}', niet bij '{scenario.id}'.")
    known = {p.id: p for p in scenario.puzzels}
    for pid in known:
        if pid not in model.puzzels:
            raise StateError(f"puzzels.{pid}", f"'puzzels.{pid}' ontbreekt: de stand past niet bij deze casus.")
    for pid, raw in model.puzzels.items():
        if pid not in known:
            raise StateError(f"puzzels.{pid}", f"'puzzels.{pid}' is geen puzzel van casus '{scenario.id}'.")
        if raw.hints > len(known[pid].hints):
            raise StateError(f"puzzels.{pid}.hints", f"'puzzels.{pid}.hints' is {raw.hints}, maar die puzzel "
                                                     f"heeft maar {len(known[pid].hints)} hints.")
    if model.huidig and model.huidig not in known:
        raise StateError("huidig", f"'huidig' noemt een onbekende puzzel ({quote_value(model.huidig)}).")
    for n, m in enumerate(model.fouten):
        if m.puzzel not in known:
            raise StateError(f"fouten[{n}].puzzel",
                             f"'fouten[{n}].puzzel' noemt een onbekende puzzel ({quote_value(m.puzzel)}).")


# --------------------------------------------------------------------------------------------------- the state model
# What from_state accepts, strictly: a TOML save holds str/int/float/bool/tables/lists.

_JUDGEMENTS = frozenset({GOOD, *(k.value for k in ErrorKind)})

_Seconds = Annotated[float, Field(ge=0, le=MAX_SECONDS, allow_inf_nan=False)]
_Count = Annotated[int, Field(ge=0, le=MAX_SECONDS)]
_Stability = Annotated[int, Field(ge=0, le=100)]


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore", frozen=True)


class _SettingsModel(_Strict):
    scenario: str
    team: str
    duur_s: Annotated[int, Field(gt=0, le=MAX_SECONDS)]
    feedback: Annotated[Feedback, Field(strict=False)]
    taal: str

    @field_validator("taal")
    @classmethod
    def _known_language(cls, value: str) -> str:
        if value not in LANGUAGES:
            raise ValueError(f"is geen bekende taal ({quote_value(value)}); mogelijk: {', '.join(LANGUAGES)}")
        return value


class _ClockModel(_Strict):
    verstreken_s: _Seconds
    extra_s: Annotated[float, Field(ge=-MAX_SECONDS, le=MAX_SECONDS, allow_inf_nan=False)]
    strafijd_s: _Seconds


def _judgement(value: str) -> str:
    if value not in _JUDGEMENTS:
        raise ValueError(f"is geen bekend oordeel ({quote_value(value)}); mogelijk: {', '.join(sorted(_JUDGEMENTS))}")
    return value


_Judgement = Annotated[str, AfterValidator(_judgement)]


class _PuzzleModel(_Strict):
    status: Annotated[Status, Field(strict=False)]
    pogingen: _Count
    hints: _Count
    seconden: _Seconds
    beste: Annotated[float, Field(ge=0, le=1, allow_inf_nan=False)]
    antwoord_getoond: bool
    beoordeeld: dict[str, _Judgement] = {}
    goed_gerekend: list[str] = []


class _MistakeModel(_Strict):
    puzzel: str
    sleutel: str
    soort: Annotated[ErrorKind, Field(strict=False)]
    label: Annotated[Text, Field(strict=False)]


class _StateModel(_Strict):
    versie: int
    instellingen: _SettingsModel
    klok: _ClockModel
    fase: Annotated[Phase, Field(strict=False)]
    stabiliteit: _Stability
    verloop: Annotated[list[_Stability], Field(min_length=1)]
    tellingen: dict[_Judgement, _Count] = {}
    huidig: str = ""
    beeindigen_gevraagd: bool = False
    puzzels: dict[str, _PuzzleModel]
    fouten: list[_MistakeModel] = []
