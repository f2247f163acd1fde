"""Fuzzed game states: a well-formed TOML save with wrong-typed or out-of-range values (or a required key left
out) makes resume raise SaveError — never any other exception — and leaves journal and state byte-identical."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from escaperoom.errors import SaveError
from escaperoom.kinds import ErrorKind
from escaperoom.kinds.judging import load_judged
from escaperoom.paths import puzzels_dir
from escaperoom.play import recorder
from escaperoom.storage.saves import SessionFiles, read_state, write_state

LOADED = load_judged(puzzels_dir() / "henk.toml")
PUZZLES = [p.id for p in LOADED.scenario.puzzels]
DELETE = "<delete>"

# --- values of the wrong kind (all of them TOML-writable) ----------------------------------------------------

_TEXT = st.text(max_size=8)
_TABLE = st.dictionaries(st.text(min_size=1, max_size=4), st.integers(-3, 3), max_size=2)
_SCALARS = st.one_of(st.booleans(), st.integers(-(2**62), 2**62), st.floats(), _TEXT,
                     st.dates(dt.date(1990, 1, 1), dt.date(2040, 1, 1)))
_ANY = st.one_of(_SCALARS, st.lists(st.integers(0, 9), max_size=3), _TABLE)
_NOT_NUMBER = st.one_of(st.booleans(), _TEXT, st.lists(st.integers(0, 9), max_size=3), _TABLE,
                        st.dates(dt.date(1990, 1, 1), dt.date(2040, 1, 1)))
_NOT_FINITE = st.sampled_from([float("nan"), float("inf"), float("-inf")])
_NOT_INT = st.one_of(_NOT_NUMBER, st.floats())
_NOT_TEXT = st.one_of(st.booleans(), st.integers(), st.floats(), st.lists(st.integers(0, 9), max_size=3), _TABLE)
_NOT_TABLE = st.one_of(_SCALARS, st.lists(st.integers(0, 9), max_size=3))
_NOT_LIST = st.one_of(_SCALARS, _TABLE)
_NOT_BOOL = st.one_of(st.integers(), st.floats(), _TEXT, _TABLE)


def _not_in(allowed: set[str]):
    return st.one_of(_NOT_TEXT, _TEXT.filter(lambda s: s not in allowed))


BAD = {
    "seconds": st.one_of(_NOT_NUMBER, _NOT_FINITE, st.floats(max_value=-1e-6), st.floats(min_value=1.1e9)),
    "signed_seconds": st.one_of(_NOT_NUMBER, _NOT_FINITE, st.floats(min_value=1.1e9), st.floats(max_value=-1.1e9)),
    "fraction": st.one_of(_NOT_NUMBER, _NOT_FINITE, st.floats(max_value=-1e-6), st.floats(min_value=1.000001)),
    "count": st.one_of(_NOT_INT, st.integers(max_value=-1), st.integers(min_value=10**9 + 1, max_value=2**62)),
    "stability": st.one_of(_NOT_INT, st.integers(max_value=-1), st.integers(min_value=101, max_value=2**62)),
    "duration": st.one_of(_NOT_INT, st.integers(max_value=0), st.integers(min_value=10**9 + 1, max_value=2**62)),
    "version": _ANY.filter(lambda v: not (type(v) is int and v == 1)),
    "phase": _not_in({"spelen", "pauze", "ontsnapt", "tijd_op", "beeindigd"}),
    "status": _not_in({"open", "opgelost", "overgeslagen"}),
    "feedback": _not_in({"direct", "escape"}),
    "lang": _not_in({"nl", "en"}),
    "judgement": _not_in({"goed", *(k.value for k in ErrorKind)}),
    "error_kind": _not_in({k.value for k in ErrorKind}),
    "scenario": _not_in({"henk"}),
    "puzzle": _not_in(set(PUZZLES)),
    "current": _not_in({"", *PUZZLES}),
    "text": _NOT_TEXT,
    "label": st.one_of(st.booleans(), st.integers(), st.floats(), st.lists(st.integers(0, 9), max_size=3),
                       st.sampled_from(["", "   "])),
    "bool": _NOT_BOOL,
    "table": _NOT_TABLE,
    "list": _NOT_LIST,
    "history": st.one_of(_NOT_LIST, st.just([])),
}

REQUIRED_TOP = {"versie", "instellingen", "klok", "fase", "stabiliteit", "verloop", "puzzels", "journaal_seq"}


def _kinds(state: dict) -> list[tuple[tuple, str]]:
    """Every place in the saved state with the kind of value it must hold."""
    out: list[tuple[tuple, str]] = [
        (("versie",), "version"), (("fase",), "phase"), (("stabiliteit",), "stability"), (("verloop",), "history"),
        (("huidig",), "current"), (("journaal_seq",), "count"), (("afgerond",), "bool"), (("sessie",), "text"),
        (("team",), "text"), (("scenario",), "text"), (("beeindigen_gevraagd",), "bool"), (("tellingen",), "table"),
        (("instellingen",), "table"), (("klok",), "table"), (("puzzels",), "table"), (("fouten",), "list"),
        (("instellingen", "scenario"), "scenario"), (("instellingen", "team"), "text"),
        (("instellingen", "duur_s"), "duration"), (("instellingen", "feedback"), "feedback"),
        (("instellingen", "taal"), "lang"), (("klok", "verstreken_s"), "seconds"),
        (("klok", "extra_s"), "signed_seconds"), (("klok", "strafijd_s"), "seconds"),
    ]
    out += [(("verloop", i), "stability") for i in range(len(state["verloop"]))]
    out += [(("tellingen", k), "count") for k in state["tellingen"]]
    for pid, puzzle in state["puzzels"].items():
        base = ("puzzels", pid)
        out += [(base, "table"), (base + ("status",), "status"), (base + ("pogingen",), "count"),
                (base + ("hints",), "count"), (base + ("seconden",), "seconds"), (base + ("beste",), "fraction"),
                (base + ("antwoord_getoond",), "bool"), (base + ("beoordeeld",), "table"),
                (base + ("goed_gerekend",), "list")]
        out += [(base + ("beoordeeld", k), "judgement") for k in puzzle["beoordeeld"]]
        out += [(base + ("goed_gerekend", i), "text") for i in range(len(puzzle["goed_gerekend"]))]
    for i in range(len(state["fouten"])):
        out += [(("fouten", i), "table"), (("fouten", i, "puzzel"), "puzzle"), (("fouten", i, "sleutel"), "text"),
                (("fouten", i, "soort"), "error_kind"), (("fouten", i, "label"), "label"),
                (("fouten", i, "label", "nl"), "label")]
    return out


def _required(path: tuple) -> bool:
    if len(path) == 1:
        return path[0] in REQUIRED_TOP
    if path[0] in ("instellingen", "klok"):
        return True
    if path[0] == "puzzels":
        return len(path) == 2 or path[2] in ("status", "pogingen", "hints", "seconden", "beste", "antwoord_getoond")
    return path[0] == "fouten" and len(path) == 3 or path[-2:] == ("label", "nl")


@cache
def _template() -> tuple[str, bytes, dict]:
    """One saved game on disk (a mistake made, a hint taken, time spent), kept for every example."""
    folder = Path(tempfile.mkdtemp(prefix="resume-fuzz-"))
    rec = recorder.start(folder, LOADED, "Team Fuzz")
    s = rec.session
    s.enter("vroegsignalering")
    s.tick(12.5)
    s.take_hint("vroegsignalering")
    answer = s.model_answer("vroegsignalering")
    answer["plaatsing"]["zwart_werk"] = "gemeente_schuldhulp"
    s.submit("vroegsignalering", answer)
    s.submit("stappenplan", {"volgorde": [1, 0, 2, 3, 4, 5, 6, 7]})
    rec.close()
    state = read_state(rec.files.state)
    journal = rec.files.journal.read_bytes()
    shutil.rmtree(folder)
    return rec.files.session_id, journal, state


def _place(state: dict, path: tuple, value) -> bool:
    here = state
    for key in path[:-1]:
        try:
            here = here[key]
        except (KeyError, IndexError, TypeError):
            return False  # an earlier change replaced or removed a parent: nothing to change here
        if not isinstance(here, (dict, list)):
            return False
    last = path[-1]
    if isinstance(here, dict) != isinstance(last, str):
        return False  # a list index into a table, or a key into a list: a save can only hold string keys
    if value == DELETE:
        if isinstance(here, list):
            return False
        here.pop(last, None)
    else:
        try:
            here[last] = value
        except (IndexError, TypeError):
            return False
    return True


@st.composite
def _broken_states(draw):
    session_id, journal, template = _template()
    state = _deep_copy(template)
    places = _kinds(template)
    changed = 0
    for _ in range(draw(st.integers(1, 3))):
        path, kind = draw(st.sampled_from(places))
        value = DELETE if _required(path) and draw(st.booleans()) else draw(BAD[kind])
        changed += _place(state, path, value)
    if draw(st.booleans()):  # an unknown tally or judgement next to the real ones
        _place(state, ("tellingen", draw(_TEXT.filter(lambda s: s not in {"goed", *ErrorKind}))), 1)
        changed += 1
    if not changed:
        _place(state, ("fase",), "kwijt")
    return session_id, journal, state


def _deep_copy(value):
    if isinstance(value, dict):
        return {k: _deep_copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_deep_copy(v) for v in value]
    return value


@settings(deadline=None, max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(_broken_states())
def test_resuming_a_save_with_wrong_values_raises_save_error_only_and_changes_no_byte(case):
    session_id, journal, state = case
    with tempfile.TemporaryDirectory() as tmp:
        files = SessionFiles(Path(tmp), session_id)
        files.folder.mkdir()
        files.journal.write_bytes(journal)
        write_state(files.state, state)
        before = (files.journal.read_bytes(), files.state.read_bytes())
        try:
            rec = recorder.resume(files, LOADED)
        except SaveError as err:
            assert err.message.endswith("begin een nieuw spel.") or "begin een nieuw spel" in err.message
        else:
            rec.close()
            raise AssertionError(f"resume accepted a broken state: {state!r}")
        assert (files.journal.read_bytes(), files.state.read_bytes()) == before
