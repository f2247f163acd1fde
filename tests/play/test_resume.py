"""Resume through the recorder: a decided end is always recorded, a bad state is refused with a Dutch message
naming the key (files untouched), a session killed before its first save still continues, and the content hash
in the journal covers the law."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pytest

from escaperoom.errors import SaveError
from escaperoom.kinds.judging import load_judged
from escaperoom.paths import puzzels_dir
from escaperoom.play import recorder
from escaperoom.play.fingerprint import content_hash, law_files
from escaperoom.play.records import applied_records
from escaperoom.play.session import Phase
from escaperoom.rules.lawbook import LAW_DIR
from escaperoom.storage.journal import Journal, read_journal
from escaperoom.storage.saves import SessionFiles, list_sessions, read_state, write_state

LOADED = load_judged(puzzels_dir() / "henk.toml")


class _Killed(BaseException):
    """Stands in for SIGKILL at one exact moment: nothing after it runs."""


def _die_before(rec: recorder.Recorder, kind: str) -> None:
    real = rec.session.on_event

    def sink(k, fields):
        if k == kind:
            raise _Killed(k)
        real(k, fields)

    rec.session.on_event = sink


def _applied_ends(files: SessionFiles) -> list[dict]:
    records = read_journal(files.journal).records
    seq = read_state(files.state)["journaal_seq"]
    return [r for r in applied_records(records) if r["type"] == "einde" and r["seq"] <= seq]


def _solve_rooms(session) -> None:
    for p in LOADED.scenario.rooms:
        session.submit(p.id, session.model_answer(p.id))


def test_a_game_killed_after_the_lock_opened_but_before_its_end_record_ends_as_escaped_on_resume(tmp_path):
    rec = recorder.start(tmp_path, LOADED, "Team Slot")
    _solve_rooms(rec.session)
    _die_before(rec, "einde")
    with pytest.raises(_Killed):
        rec.session.submit("kluis", {"code": "73942"})
    rec.close()
    assert read_state(rec.files.state)["fase"] == "spelen"  # the stuck state the crash left
    again = recorder.resume(rec.files, LOADED)
    again.close()
    assert again.session.phase is Phase.ESCAPED
    assert [e["fase"] for e in _applied_ends(rec.files)] == ["ontsnapt"]
    assert read_state(rec.files.state)["afgerond"] is True
    assert recorder.resumable(tmp_path) == []


def test_a_game_ended_by_the_facilitator_and_killed_before_its_end_record_ends_on_resume(tmp_path):
    rec = recorder.start(tmp_path, LOADED, "Team Einde")
    _die_before(rec, "einde")
    with pytest.raises(_Killed):
        rec.session.end_game()
    rec.close()
    again = recorder.resume(rec.files, LOADED)
    again.close()
    assert again.session.phase is Phase.ENDED
    records = applied_records(read_journal(rec.files.journal).records)
    assert [r.get("actie", r["type"]) for r in records[-2:]] == ["beeindigen", "einde"]


def test_a_game_whose_time_was_taken_away_and_killed_before_its_end_record_ends_as_time_up(tmp_path):
    rec = recorder.start(tmp_path, LOADED, "Team Tijd")
    _die_before(rec, "einde")
    with pytest.raises(_Killed):
        rec.session.adjust_time(-60 * 60)
    rec.close()
    again = recorder.resume(rec.files, LOADED)
    again.close()
    assert again.session.phase is Phase.TIME_UP
    assert [e["fase"] for e in _applied_ends(rec.files)] == ["tijd_op"]


def test_resuming_a_running_game_writes_nothing(tmp_path):
    rec = recorder.start(tmp_path, LOADED, "Team Stil")
    rec.session.submit("stappenplan", {"volgorde": [1, 0, 2, 3, 4, 5, 6, 7]})
    rec.close()
    before = (rec.files.journal.read_bytes(), rec.files.state.read_bytes())
    recorder.resume(rec.files, LOADED).close()
    assert (rec.files.journal.read_bytes(), rec.files.state.read_bytes()) == before


# ------------------------------------------------------------------ a bad state: SaveError naming the key


def _saved_game(folder: Path) -> recorder.Recorder:
    rec = recorder.start(folder, LOADED, "Team Stand")
    rec.session.enter("vroegsignalering")
    answer = rec.session.model_answer("vroegsignalering")
    answer["plaatsing"]["zwart_werk"] = "gemeente_schuldhulp"
    rec.session.submit("vroegsignalering", answer)
    rec.close()
    return rec


def _set(state: dict, path: str, value) -> None:
    *parents, last = path.split(".")
    for key in parents:
        state = state[key]
    if value is _DELETE:
        del state[last]
    else:
        state[last] = value


_DELETE = object()

BAD_STATES = [
    ("tellingen", [1, 2], "'tellingen' is geen tabel"),
    ("tellingen", "x", "'tellingen' is geen tabel"),
    ("klok.verstreken_s", math.nan, "'klok.verstreken_s' is geen geldig getal (nan)"),
    ("klok.verstreken_s", -5.0, "'klok.verstreken_s' mag niet negatief zijn"),
    ("klok.strafijd_s", math.inf, "'klok.strafijd_s' is geen geldig getal (inf)"),
    ("huidig", "bestaat-niet", "'huidig' noemt een onbekende puzzel"),
    ("stabiliteit", 1e30, "'stabiliteit' is geen geheel getal"),
    ("stabiliteit", 101, "'stabiliteit' mag hoogstens 100 zijn"),
    ("verloop", [50, -1], "'verloop[1]' mag niet negatief zijn"),
    ("fase", "zwemmen", "'fase' heeft een onbekende waarde"),
    ("puzzels.vroegsignalering.status", "klaar", "'puzzels.vroegsignalering.status' heeft een onbekende waarde"),
    ("puzzels.vroegsignalering.pogingen", "1", "'puzzels.vroegsignalering.pogingen' is geen geheel getal"),
    ("puzzels.vroegsignalering.beoordeeld", {"contact": "prima"},
     "'puzzels.vroegsignalering.beoordeeld.contact' is geen bekend oordeel"),
    ("puzzels.kluis", _DELETE, "'puzzels.kluis' ontbreekt"),
    ("fouten", [{"puzzel": "vroegsignalering", "sleutel": "x", "soort": "te_ruim"}], "'fouten[0].label' ontbreekt"),
    ("fouten", "geen", "'fouten' is geen lijst"),
    ("instellingen.feedback", "af en toe", "'instellingen.feedback' heeft een onbekende waarde"),
    ("instellingen.duur_s", 0, "'instellingen.duur_s' moet meer dan 0 zijn"),
    ("instellingen.scenario", "ander", "hoort bij casus 'ander'"),
    ("journaal_seq", 99, "'journaal_seq' is 99, maar het journaal gaat maar tot"),
    ("journaal_seq", "3", "'journaal_seq' is geen volgnummer"),
    ("afgerond", "nee", "'afgerond' is geen ja/nee-waarde"),
]


@pytest.mark.parametrize("path,value,words", BAD_STATES, ids=[f"{p}={v!r}" for p, v, _ in BAD_STATES])
def test_a_well_formed_save_with_a_wrong_value_is_refused_with_a_dutch_message_naming_the_key(tmp_path, path, value,
                                                                                            words):
    rec = _saved_game(tmp_path)
    state = read_state(rec.files.state)
    _set(state, path, value)
    write_state(rec.files.state, state)
    before = (rec.files.journal.read_bytes(), rec.files.state.read_bytes())
    with pytest.raises(SaveError) as caught:
        recorder.resume(rec.files, LOADED)
    assert words in caught.value.message
    assert caught.value.message.endswith("Het bestand blijft bewaard; begin een nieuw spel.")
    assert (rec.files.journal.read_bytes(), rec.files.state.read_bytes()) == before


def test_the_message_for_nan_reads_as_one_dutch_sentence_after_the_file_name(tmp_path):
    rec = _saved_game(tmp_path)
    state = read_state(rec.files.state)
    state["klok"]["verstreken_s"] = math.nan
    write_state(rec.files.state, state)
    with pytest.raises(SaveError) as caught:
        recorder.resume(rec.files, LOADED)
    assert str(caught.value) == (f"{rec.files.state}: 'klok.verstreken_s' is geen geldig getal (nan). "
                                 "Het bestand blijft bewaard; begin een nieuw spel.")


# ------------------------------------------------------------------ killed before the first state save


def test_a_session_killed_before_its_first_state_save_continues_from_its_start_record(tmp_path):
    rec = recorder.start(tmp_path, LOADED, "Team Vroeg", duration_s=30 * 60)
    rec.close()
    rec.files.state.unlink()  # as if killed between Journal.create and the first save
    assert [info.files for info in list_sessions(tmp_path) if info.ok and not info.finished] == [rec.files]
    again = recorder.resume(rec.files, LOADED)
    again.close()
    assert again.session.remaining_s == 30 * 60 and again.session.settings.team == "Team Vroeg"
    assert read_state(rec.files.state)["journaal_seq"] == 0


def test_a_journal_with_decisions_but_no_state_gets_its_own_message_and_stays_untouched(tmp_path):
    rec = _saved_game(tmp_path)
    rec.files.state.unlink()
    before = rec.files.journal.read_bytes()
    with pytest.raises(SaveError) as caught:
        recorder.resume(rec.files, LOADED)
    assert ("de spelstand (stand.toml) ontbreekt, terwijl het journaal al 1 record na de start bevat"
            in caught.value.message)
    assert rec.files.journal.read_bytes() == before and not rec.files.state.exists()


def test_a_start_record_for_another_scenario_without_state_is_refused(tmp_path):
    files = SessionFiles.new(tmp_path, "Team Ander")
    Journal.create(files.journal, {"casus": "ander", "team": "Team Ander",
                                   "instellingen": {"duur_s": 60, "feedback": "direct", "taal": "nl"}}).close()
    with pytest.raises(SaveError, match="nog voor de eerste opslag"):
        recorder.resume(files, LOADED)
    assert not files.state.exists()


# ------------------------------------------------------------------ the content hash covers the law


def _law_copy(tmp_path: Path) -> Path:
    rules = tmp_path / "rules"
    shutil.copytree(LAW_DIR.parent, rules, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return rules / "law"


def test_the_content_hash_changes_when_a_law_file_that_decides_the_verdicts_changes(tmp_path):
    law = _law_copy(tmp_path)
    assert content_hash(LOADED, law) == content_hash(LOADED)
    avg = law / "avg.toml"
    avg.write_text(avg.read_text(encoding="utf-8") + "\n# gewijzigd\n", encoding="utf-8")
    assert content_hash(LOADED, law) != content_hash(LOADED)


def test_the_content_hash_also_covers_the_roles_and_facts_files(tmp_path):
    law = _law_copy(tmp_path)
    roles = law.parent / "rollen.toml"
    roles.write_text(roles.read_text(encoding="utf-8") + "\n# gewijzigd\n", encoding="utf-8")
    assert content_hash(LOADED, law) != content_hash(LOADED)
    names = [p.relative_to(law.parent).as_posix() for p in law_files(law)]
    assert names == sorted(names) and {"rollen.toml", "feiten.toml", "law/avg.toml"} <= set(names)


def test_the_same_law_checked_out_with_windows_line_endings_hashes_the_same(tmp_path):
    law = _law_copy(tmp_path)
    for path in law_files(law):
        path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    assert content_hash(LOADED, law) == content_hash(LOADED)


def test_the_journal_header_carries_the_hash_of_scenario_and_law(tmp_path):
    rec = recorder.start(tmp_path, LOADED, "Team Hash")
    rec.close()
    assert read_journal(rec.files.journal).header["inhoud_hash"] == content_hash(LOADED)
