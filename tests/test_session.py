"""The game session as a plain state machine: clock, hints, attempts, stability, lock, facilitator, persistence."""

import pytest

from escaperoom.content.loader import load_scenario
from escaperoom.paths import puzzels_dir
from escaperoom.scoring import NIET_DELEN, ErrorKind
from escaperoom.session import Feedback, PersonalDataInReason, Phase, Session, SessionError, Settings, Status

LOADED = load_scenario(puzzels_dir() / "henk.toml")


def _session(events=None, duration=45 * 60):
    sink = (lambda kind, fields: events.append((kind, fields))) if events is not None else (lambda k, f: None)
    return Session(scenario=LOADED.scenario, cases=LOADED.cases,
                   settings=Settings("henk", "Team Noord", duration, Feedback.DIRECT), on_event=sink)


def test_the_clock_counts_down_only_while_playing():
    s = _session()
    s.tick(60)
    assert s.remaining_s == 45 * 60 - 60
    s.pause()
    s.tick(600)
    assert s.remaining_s == 45 * 60 - 60
    s.resume()
    s.tick(1)
    assert s.remaining_s == 45 * 60 - 61


def test_time_running_out_ends_the_game_as_time_up_and_records_the_end():
    events = []
    s = _session(events, duration=100)
    s.tick(101)
    assert s.phase is Phase.TIME_UP
    assert events[-1][0] == "einde" and events[-1][1]["fase"] == "tijd_op"
    with pytest.raises(SessionError):
        s.submit("stappenplan", {"volgorde": [0, 1, 2, 3, 4, 5, 6, 7]})


def test_a_hint_costs_its_time_and_climbs_the_ladder_principle_article_example():
    s = _session()
    levels = [s.take_hint("vroegsignalering").niveau for _ in range(3)]
    assert levels == ["principe", "artikel", "voorbeeld"]
    assert s.take_hint("vroegsignalering") is None
    assert s.penalty_s == 60 + 60 + 90


def test_a_free_facilitator_hint_costs_no_time_and_is_recorded_as_facilitator_action():
    events = []
    s = _session(events)
    s.give_hint("grondslagen")
    assert s.penalty_s == 0
    assert [k for k, _ in events] == ["hint", "facilitator"]
    assert events[0][1]["gratis"] is True


def test_sharing_too_much_lowers_the_residents_stability_and_leaves_the_puzzle_open():
    s = _session()
    start = s.stability
    answer = s.model_answer("vroegsignalering")
    answer["plaatsing"]["zwart_werk"] = "gemeente_schuldhulp"
    result = s.submit("vroegsignalering", answer)
    assert not result.solved and result.count(ErrorKind.TE_RUIM) == 1
    assert s.status("vroegsignalering") is Status.OPEN
    weights = LOADED.scenario.scenario.stabiliteit
    assert s.stability == start + 4 * weights.goed + weights.te_ruim


def test_holding_back_what_must_be_shared_is_too_careful_and_also_costs_stability():
    s = _session()
    answer = s.model_answer("vroegsignalering")
    answer["plaatsing"]["contact"] = NIET_DELEN
    result = s.submit("vroegsignalering", answer)
    assert [i.error.value for i in result.items if i.error] == ["te_voorzichtig"]
    assert s.stability < LOADED.scenario.scenario.stabiliteit.start + 5 * LOADED.scenario.scenario.stabiliteit.goed


def test_the_lock_opens_only_when_every_puzzle_is_done_and_the_code_is_right():
    s = _session()
    with pytest.raises(SessionError):
        s.submit("kluis", {"code": "73942"})
    for p in LOADED.scenario.rooms:
        assert s.submit(p.id, s.model_answer(p.id)).solved
    assert s.code_so_far() == list("73942")
    assert not s.submit("kluis", {"code": "00000"}).solved
    assert s.phase is Phase.PLAYING
    assert s.submit("kluis", {"code": " 73942 "}).solved
    assert s.phase is Phase.ESCAPED


def test_a_skipped_puzzle_gives_its_code_character_so_the_lock_stays_reachable():
    s = _session()
    for p in LOADED.scenario.rooms:
        s.skip(p.id)
    assert s.lock_open and s.code_so_far() == list("73942")


def test_a_reason_with_a_bsn_is_refused_and_nothing_is_recorded():
    events = []
    s = _session(events)
    answer = s.model_answer("wijkagent-belt")
    answer["reden"] = "Zijn BSN is 111222333, dus geheim"
    with pytest.raises(PersonalDataInReason):
        s.submit("wijkagent-belt", answer)
    assert events == [] and s.puzzles["wijkagent-belt"].attempts == 0


def test_every_attempt_is_recorded_with_answer_verdicts_errors_and_time():
    events = []
    s = _session(events)
    s.enter("grondslagen")
    s.tick(42)
    s.submit("grondslagen", s.model_answer("grondslagen"))
    kind, rec = events[-1]
    assert kind == "poging"
    assert rec["poging"] == 1 and rec["opgelost"] and rec["tijd_op_puzzel_s"] == 42
    assert {i["oordeel"] for i in rec["items"]} == {"moet_delen", "mag_delen", "mag_niet_delen"}
    assert all(i["artikelen"] for i in rec["items"])


def test_facilitator_actions_change_the_session_and_are_each_recorded():
    events = []
    s = _session(events)
    s.adjust_time(300)
    s.adjust_time(-300)
    s.pause()
    s.resume()
    s.reveal_answer("stappenplan")
    s.skip("stappenplan")
    s.end_game()
    actions = [f["actie"] for k, f in events if k == "facilitator"]
    assert actions == ["tijd", "tijd", "pauze", "hervat", "antwoord_tonen", "overslaan", "beeindigen"]
    assert s.phase is Phase.ENDED


def test_the_state_round_trips_so_a_resumed_game_continues_exactly():
    s = _session()
    s.enter("vroegsignalering")
    s.tick(123.5)
    s.take_hint("vroegsignalering")
    s.submit("stappenplan", {"volgorde": [1, 0, 2, 3, 4, 5, 6, 7]})
    again = Session.from_state(s.to_state(), LOADED.scenario, LOADED.cases)
    assert again.to_state() == s.to_state()
    assert again.remaining_s == s.remaining_s and again.stability == s.stability


def test_a_state_from_another_scenario_is_refused():
    state = _session().to_state()
    state["instellingen"]["scenario"] = "ander"
    with pytest.raises(ValueError):
        Session.from_state(state, LOADED.scenario, LOADED.cases)


def test_the_end_summary_tells_what_the_choices_meant_for_the_resident():
    s = _session()
    answer = s.model_answer("vroegsignalering")
    answer["plaatsing"]["waarnemingen"] = "gemeente_schuldhulp"
    s.submit("vroegsignalering", answer)
    s.end_game()
    summary = s.summary()
    assert summary["te_ruim"] == 1 and summary["goed"] == 4 and summary["fase"] == "beeindigd"
    assert summary["verloop"][0] == LOADED.scenario.scenario.stabiliteit.start


def test_a_record_written_just_before_a_crash_is_marked_not_applied_on_resume(tmp_path):
    from escaperoom import recorder
    from escaperoom.journal import read_journal
    rec = recorder.start(tmp_path, LOADED, "Team Herstel")
    rec.session.submit("stappenplan", {"volgorde": [1, 0, 2, 3, 4, 5, 6, 7]})
    # simulate a crash after the journal append but before the state write
    rec.journal.append("poging", puzzel="stappenplan", poging=2, items=[])
    rec.close()
    again = recorder.resume(rec.files, LOADED)
    assert again.session.puzzles["stappenplan"].attempts == 1
    records = read_journal(rec.files.journal).records
    assert records[-1]["type"] == "herstel" and records[-1]["niet_toegepast"] == [records[-2]["seq"]]
    applied = recorder.applied_records(records)
    assert [r["poging"] for r in applied if r["type"] == "poging"] == [1]
    again.close()
