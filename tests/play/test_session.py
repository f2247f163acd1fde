"""The game session as a plain state machine: clock, hints, attempts, stability, lock, facilitator, persistence."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from escaperoom.content.models import NIET_DELEN
from escaperoom.kinds import ErrorKind
from escaperoom.kinds.judging import load_judged
from escaperoom.paths import puzzels_dir
from escaperoom.play.records import applied_records
from escaperoom.play.session import Feedback, PersonalDataInReason, Phase, Session, SessionError, Settings, Status
from escaperoom.play.state import from_state, to_state

LOADED = load_judged(puzzels_dir() / "henk.toml")


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


def test_a_recorded_no_names_the_prohibition_and_an_uncertain_verdict_carries_its_kennisbank_note():
    events = []
    s = _session(events)
    s.submit("grondslagen", s.model_answer("grondslagen"))
    covenant = events[-1][1]["items"][3]  # the home-visit report to the police "as the covenant says"
    assert covenant["oordeel"] == "mag_niet_delen" and covenant["grondslagen"] == [] and covenant["verbod"]
    s.submit("vroegsignalering", {"plaatsing": {}})  # nothing placed: every card held back
    early = {i["sleutel"]: i for i in events[-1][1]["items"]}["contact"]
    assert early["oordeel"] == "moet_delen" and early["onzeker"]  # Besluit Wgs art. 2: kennisbank §11 pt 6
    assert all(isinstance(i["berust_op_onzeker"], bool) for i in events[-1][1]["items"])


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
    again = from_state(to_state(s), LOADED.scenario, LOADED.cases)
    assert to_state(again) == to_state(s)
    assert again.remaining_s == s.remaining_s and again.stability == s.stability


def test_a_state_from_another_scenario_is_refused():
    state = to_state(_session())
    state["instellingen"]["scenario"] = "ander"
    with pytest.raises(ValueError):
        from_state(state, LOADED.scenario, LOADED.cases)


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
    from escaperoom.play import recorder
    from escaperoom.storage.journal import read_journal
    rec = recorder.start(tmp_path, LOADED, "Team Herstel")
    rec.session.submit("stappenplan", {"volgorde": [1, 0, 2, 3, 4, 5, 6, 7]})
    # simulate a crash after the journal append but before the state write
    rec.journal.append("poging", puzzel="stappenplan", poging=2, items=[])
    rec.close()
    again = recorder.resume(rec.files, LOADED)
    assert again.session.puzzles["stappenplan"].attempts == 1
    records = read_journal(rec.files.journal).records
    assert records[-1]["type"] == "herstel" and records[-1]["niet_toegepast"] == [records[-2]["seq"]]
    applied = applied_records(records)
    assert [r["poging"] for r in applied if r["type"] == "poging"] == [1]
    again.close()


# ------------------------------------------------------------------ stability counts decisions, not attempts

WEIGHTS = LOADED.scenario.scenario.stabiliteit


def _one_too_wide():
    answer = _session().model_answer("vroegsignalering")
    answer["plaatsing"]["zwart_werk"] = "gemeente_schuldhulp"
    return answer


def test_resubmitting_an_answer_with_one_mistake_30_times_moves_stability_only_once():
    s = _session()
    start = s.stability
    for _ in range(30):
        s.submit("vroegsignalering", _one_too_wide())
    assert s.stability == start + 4 * WEIGHTS.goed + WEIGHTS.te_ruim
    assert s.tallies == {"goed": 4, "te_ruim": 1}


def test_the_end_tallies_count_each_decision_once_however_often_it_was_resubmitted():
    s = _session()
    for _ in range(5):
        s.submit("vroegsignalering", _one_too_wide())
    s.submit("vroegsignalering", s.model_answer("vroegsignalering"))
    summary = s.summary()
    assert (summary["goed"], summary["te_ruim"], summary["te_voorzichtig"], summary["fouten"]) == (5, 1, 0, 1)


def test_right_then_wrong_then_right_earns_goed_only_once_and_so_never_gains():
    s = _session()
    wrong = _one_too_wide()
    s.submit("vroegsignalering", wrong)  # zwart_werk too wide, the other four right
    after_first = s.stability
    for _ in range(3):
        s.submit("vroegsignalering", {"plaatsing": {**wrong["plaatsing"], "contact": NIET_DELEN}})
        s.submit("vroegsignalering", wrong)  # 'contact' right again: no second goed
    assert s.stability == after_first + 3 * WEIGHTS.te_voorzichtig
    assert s.tallies == {"goed": 4, "te_ruim": 1, "te_voorzichtig": 3}


_SORT = LOADED.scenario.puzzle("vroegsignalering")
_PLACES = [NIET_DELEN, *(b.ontvanger for b in _SORT.bestemmingen)]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.fixed_dictionaries({card: st.sampled_from(_PLACES) for card in _SORT.kaarten}),
                min_size=1, max_size=12))
def test_no_sequence_of_answers_earns_more_than_goed_once_per_item_and_a_repeat_changes_nothing(answers):
    s = _session()
    start = s.stability
    for placing in answers:
        if s.status("vroegsignalering") is not Status.OPEN:
            break
        s.submit("vroegsignalering", {"plaatsing": placing})
        assert s.stability <= start + len(_SORT.kaarten) * WEIGHTS.goed
        assert s.tallies.get("goed", 0) <= len(_SORT.kaarten)
        if s.status("vroegsignalering") is Status.OPEN:
            before = (s.stability, dict(s.tallies), len(s.mistakes))
            s.submit("vroegsignalering", {"plaatsing": placing})
            assert (s.stability, dict(s.tallies), len(s.mistakes)) == before


def test_an_item_that_changes_from_one_error_into_another_costs_the_new_error():
    s = _session()
    answer = s.model_answer("grondslagen")
    s.submit("grondslagen", {"keuzes": {**answer["keuzes"], "1": "geen"}})  # consent-based sharing held back
    before = s.stability
    other = next(o for o in LOADED.scenario.puzzle("grondslagen").beslissingen[1].opties
                 if o not in ("geen", answer["keuzes"]["1"]))
    result = s.submit("grondslagen", {"keuzes": {**answer["keuzes"], "1": other}})
    kinds = {i.key: i.error for i in result.items if i.error}
    assert list(kinds.values()) in ([ErrorKind.VERKEERDE_GRONDSLAG], [ErrorKind.TE_RUIM])
    assert s.stability == before + {ErrorKind.VERKEERDE_GRONDSLAG: WEIGHTS.verkeerde_grondslag,
                                    ErrorKind.TE_RUIM: WEIGHTS.te_ruim}[next(iter(kinds.values()))]


def test_every_change_of_an_item_into_an_error_is_kept_as_a_mistake_naming_the_decision():
    from escaperoom.play.session import Mistake
    s = _session()
    s.submit("vroegsignalering", _one_too_wide())
    s.submit("vroegsignalering", _one_too_wide())  # the same mistake again is not a new one
    s.submit("stappenplan", {"volgorde": [1, 0, 2, 3, 4, 5, 6, 7]})
    label = LOADED.scenario.gegevens["zwart_werk"].label
    assert s.mistakes[0] == Mistake("vroegsignalering", "zwart_werk", label, ErrorKind.TE_RUIM)
    assert [(m.puzzle_id, m.key, m.kind) for m in s.mistakes[1:]] == [
        ("stappenplan", "positie:0", ErrorKind.VERKEERDE_VOLGORDE),
        ("stappenplan", "positie:1", ErrorKind.VERKEERDE_VOLGORDE)]
    assert s.mistakes[0].label.en  # bilingual, as the result showed it


def test_judgements_and_mistakes_survive_a_resume_so_resubmitting_after_it_still_changes_nothing():
    s = _session()
    s.submit("vroegsignalering", _one_too_wide())
    again = from_state(to_state(s), LOADED.scenario, LOADED.cases)
    assert again.mistakes == s.mistakes and again.puzzles["vroegsignalering"].judged["zwart_werk"] == "te_ruim"
    stability, tallies = again.stability, dict(again.tallies)
    again.submit("vroegsignalering", _one_too_wide())
    assert (again.stability, again.tallies) == (stability, tallies)
    assert to_state(again)["fouten"] == to_state(s)["fouten"]


def test_a_state_saved_before_judgements_existed_loads_with_none_judged_and_no_mistakes():
    state = to_state(_session())
    for puzzle in state["puzzels"].values():
        del puzzle["beoordeeld"], puzzle["goed_gerekend"]
    del state["fouten"], state["beeindigen_gevraagd"]
    s = from_state(state, LOADED.scenario, LOADED.cases)
    assert s.mistakes == [] and all(p.judged == {} and not p.credited for p in s.puzzles.values())
    assert not s.end_requested


# ------------------------------------------------------------------ a decided end is always recorded


def _crash_on_einde(events, saved):
    """An event sink that saves the state after each record, like the recorder, and dies before ``einde``."""
    def sink(kind, fields):
        if kind == "einde":
            raise KeyboardInterrupt("killed before the einde record")
        events.append((kind, fields))
        saved["state"] = to_state(saved["session"])
    return sink


def _solve_rooms(s):
    for p in LOADED.scenario.rooms:
        s.submit(p.id, s.model_answer(p.id))


def test_a_lock_solved_without_its_end_record_is_settled_as_escaped():
    events = []
    s = _session(events)
    _solve_rooms(s)
    saved = {"session": s}
    s.on_event = _crash_on_einde(events, saved)
    with pytest.raises(KeyboardInterrupt):
        s.submit("kluis", {"code": "73942"})
    again = from_state(saved["state"], LOADED.scenario, LOADED.cases,
                               on_event=lambda k, f: events.append((k, f)))
    assert again.phase is Phase.PLAYING  # what the crash left behind
    assert again.settle() is Phase.ESCAPED
    assert events[-1][0] == "einde" and events[-1][1]["fase"] == "ontsnapt"


def test_a_facilitator_end_without_its_end_record_is_settled_as_ended():
    events = []
    s = _session(events)
    saved = {"session": s}
    s.on_event = _crash_on_einde(events, saved)
    with pytest.raises(KeyboardInterrupt):
        s.end_game()
    assert events[-1][1]["actie"] == "beeindigen"
    again = from_state(saved["state"], LOADED.scenario, LOADED.cases,
                               on_event=lambda k, f: events.append((k, f)))
    assert again.settle() is Phase.ENDED and events[-1][1]["fase"] == "beeindigd"


def test_no_time_left_while_playing_is_settled_as_time_up_but_a_paused_game_waits():
    s = _session(duration=100)
    s.adjust_time(-60)
    s.elapsed = 40
    s.pause()
    assert s.settle() is None and s.phase is Phase.PAUSED
    s.phase = Phase.PLAYING
    assert s.settle() is Phase.TIME_UP


def test_settling_a_running_game_with_nothing_decided_changes_nothing():
    events = []
    s = _session(events)
    s.submit("stappenplan", {"volgorde": [1, 0, 2, 3, 4, 5, 6, 7]})
    count = len(events)
    assert s.settle() is None and s.phase is Phase.PLAYING and len(events) == count
    s.end_game()
    assert s.settle() is None and len(events) == count + 2


# ------------------------------------------------------------------ smaller fixes


def test_a_reason_typed_into_the_answer_is_checked_even_when_a_clean_reason_is_passed_too():
    events = []
    s = _session(events)
    answer = s.model_answer("wijkagent-belt")
    answer["reden"] = "Bel hem op 06-12345678"
    with pytest.raises(PersonalDataInReason):
        s.submit("wijkagent-belt", answer, reason="Veiligheid gaat voor")
    assert events == [] and s.puzzles["wijkagent-belt"].attempts == 0


def test_a_free_hint_when_the_ladder_is_used_up_returns_none_and_records_nothing():
    events = []
    s = _session(events)
    for _ in range(3):
        assert s.give_hint("grondslagen") is not None
    count = len(events)
    assert s.give_hint("grondslagen") is None
    assert len(events) == count


def test_a_pause_says_who_paused_the_team_or_the_facilitator():
    events = []
    s = _session(events)
    s.pause(by="team")
    s.resume()
    s.pause()
    s.resume(by="team")
    assert [(f["actie"], f["door"]) for k, f in events if k == "facilitator"] == [
        ("pauze", "team"), ("hervat", "facilitator"), ("pauze", "facilitator"), ("hervat", "team")]
