"""Loading and aggregation: five scripted teams, duplicates from several laptops, content versions, the compass."""

from __future__ import annotations

import json
import shutil

from escaperoom.debrief.model import build_debrief, build_debriefs, load_sessions


def test_five_teams_load_as_five_sessions_without_problems(five_teams):
    found = load_sessions([five_teams])
    assert len(found.sessions) == 5
    assert found.broken == [] and found.duplicates == [] and found.notes == []
    assert sorted(s.team for s in found.sessions) == ["Team Midden", "Team Noord", "Team Oost", "Team West", "Team Zuid"]


def test_the_debrief_has_the_five_rooms_in_scenario_order_and_leaves_the_lock_out(debrief5):
    assert [p.id for p in debrief5.puzzles] == [
        "vroegsignalering", "grondslagen", "mail-corporatie", "stappenplan", "wijkagent-belt"]
    assert debrief5.title == "De flat van Henk"
    assert debrief5.warnings == []


def test_the_spread_sentence_counts_the_teams_first_attempts(debrief5):
    sort = debrief5.puzzle("vroegsignalering")
    zwart = sort.item("zwart_werk")
    assert [len(g.teams) for g in zwart.groups] == [3, 2]
    assert zwart.groups[1].error == "te_ruim"
    assert zwart.groups[1].sentence.startswith("2 van de 5 teams deelden ‘Henk vertelde")
    assert zwart.groups[1].sentence.endswith("met gemeente, meldpunt zorgwekkend gedrag (Wvggz)")
    contact = sort.item("contact")
    assert contact.groups[1].sentence == "1 van de 5 teams deelde ‘Naam, adres en telefoonnummer van Henk’ niet"
    assert sort.item("buurvrouw").sentence.startswith("alle 5 teams deelden")


def test_the_last_attempt_is_kept_too_and_can_be_the_basis(debrief5):
    last = debrief5.with_basis("laatste")
    zwart = last.puzzle("vroegsignalering").item("zwart_werk")
    assert [len(g.teams) for g in zwart.groups] == [5]
    zuid = next(s for s in debrief5.sessions if s.team == "Team Zuid")
    track = zuid.tracks["vroegsignalering"]
    assert len(track.attempts) == 2
    assert track.first.item("zwart_werk").error == "te_ruim" and track.last.item("zwart_werk").error is None


def test_error_counts_add_up_every_attempt_as_the_session_summary_does(debrief5):
    for s in debrief5.sessions:
        summary = s.end["samenvatting"]
        errors = s.errors()
        assert errors["te_ruim"] == summary["te_ruim"]
        assert errors["te_voorzichtig"] == summary["te_voorzichtig"]
        assert errors["verkeerde_grondslag"] == summary["verkeerde_grondslag"]
        assert s.compass == (summary["te_ruim"], summary["te_voorzichtig"])
    assert dict((t, (r, v)) for t, r, v in debrief5.compass)["Team Noord"] == (0, 0)


def test_most_divided_puzzles_come_first(debrief5):
    ordered = debrief5.by_division()
    assert ordered[0].id == "wijkagent-belt"  # four different options among five teams
    assert [p.division for p in ordered] == sorted((p.division for p in ordered), reverse=True)
    assert debrief5.puzzle("wijkagent-belt").division_word == "sterk verdeeld"


def test_reasons_hints_time_and_skips_are_aggregated_per_team(debrief5):
    reasons = debrief5.puzzle("vroegsignalering").reasons
    assert ("Team Oost", 1, "We wisten niet of Henk toestemming moest geven") in reasons
    west = next(s for s in debrief5.sessions if s.team == "Team West")
    assert west.tracks["grondslagen"].hints == 1 and west.hints == 1
    midden = next(s for s in debrief5.sessions if s.team == "Team Midden")
    assert midden.tracks["stappenplan"].skipped and midden.skipped == 1 and midden.solved == 4
    assert midden.tracks["vroegsignalering"].seconds > 0


def test_the_timeline_is_every_journal_record_in_order(debrief5):
    for s in debrief5.sessions:
        assert [st.seq for st in s.steps] == [r["seq"] for r in s.records]
        texts = [debrief5.describe(st) for st in s.steps]
        assert texts[0].headline.startswith("Start van ")
        assert texts[-1].headline == "Einde: ontsnapt"
        assert any(t.headline.startswith("Slot: code goed") for t in texts)


def test_the_same_session_copied_twice_from_two_laptops_counts_once(tmp_path, five_teams):
    laptop1, laptop2 = tmp_path / "laptop1", tmp_path / "laptop2"
    shutil.copytree(five_teams, laptop1)
    shutil.copytree(five_teams, laptop2)
    one = sorted(five_teams.iterdir())[0]
    found = load_sessions([tmp_path / "laptop1", tmp_path / "laptop2", one / "journal.jsonl"])
    assert len(found.sessions) == 5
    assert len(found.duplicates) == 6
    assert "staat er twee keer in" in found.duplicates[0].line()


def test_the_longer_copy_of_a_duplicated_session_wins(tmp_path, five_teams):
    folder = sorted(five_teams.iterdir())[0]
    short = tmp_path / "kort.jsonl"
    lines = (folder / "journal.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    short.write_text("".join(lines[:3]), encoding="utf-8")
    found = load_sessions([short, folder])
    assert len(found.sessions) == 1
    assert found.sessions[0].path == folder / "journal.jsonl"
    assert found.duplicates[0].dropped == short


def test_different_content_versions_between_teams_are_warned_about(tmp_path, five_teams, henk_loaded):
    journal = sorted(five_teams.iterdir())[0] / "journal.jsonl"
    lines = journal.read_text(encoding="utf-8").splitlines(keepends=True)
    header = json.loads(lines[0])
    header["inhoud_hash"] = "0000aaaa0000aaaa"
    journal.write_text(json.dumps(header, ensure_ascii=False) + "\n" + "".join(lines[1:]), encoding="utf-8")
    d = build_debrief(load_sessions([five_teams]).sessions, scenarios=[henk_loaded])
    assert any("niet alle teams speelden dezelfde versie" in w for w in d.warnings)
    assert any("andere versie dan die van " + header["team"] in w for w in d.warnings)


def test_two_teams_with_the_same_name_get_distinct_labels(tmp_path, henk_loaded):
    from debrief_teams import play_team
    play_team(tmp_path, henk_loaded, "Team 1", 0)
    play_team(tmp_path, henk_loaded, "Team 1", 1)
    d = build_debrief(load_sessions([tmp_path]).sessions, scenarios=[henk_loaded])
    labels = [s.label for s in d.sessions]
    assert len(set(labels)) == 2 and all(label.startswith("Team 1") for label in labels)


def test_a_casus_that_is_not_on_this_computer_still_shows_the_journal_decisions(debrief5, _five_teams_master):
    d = build_debrief(load_sessions([_five_teams_master]).sessions, scenarios=[])
    assert d.loaded is None
    assert any("staat niet (meer) op deze computer" in w for w in d.warnings)
    assert [p.id for p in d.puzzles] == [p.id for p in debrief5.puzzles]
    assert d.puzzle("vroegsignalering").item("zwart_werk").groups[1].error == "te_ruim"


def test_sessions_of_two_casussen_become_two_debriefs_and_the_newest_day_is_selected(tmp_path, five_teams,
                                                                                       henk_loaded):
    journal = sorted(five_teams.iterdir())[0] / "journal.jsonl"
    lines = journal.read_text(encoding="utf-8").splitlines(keepends=True)
    header = json.loads(lines[0])
    header.update(casus="andere", sessie=header["sessie"] + "x", t="2001-01-01T10:00:00.000Z")
    other = tmp_path / "andere.jsonl"
    other.write_text(json.dumps(header) + "\n" + "".join(lines[1:]), encoding="utf-8")
    found = load_sessions([five_teams, other])
    assert sorted(found.by_casus()) == ["andere", "henk"]
    assert {s.casus for s in found.default_selection()} == {"henk"}
    debriefs = build_debriefs(found, scenarios=[henk_loaded])
    assert sorted(d.casus for d in debriefs) == ["andere", "henk"]


def test_teams_are_in_natural_order_team_2_before_team_10(tmp_path, henk_loaded):
    from debrief_teams import play_team
    for name in ("Team 10", "Team 2", "team 1"):
        play_team(tmp_path, henk_loaded, name, 0)
    d = build_debrief(load_sessions([tmp_path]).sessions, scenarios=[henk_loaded])
    assert [s.label for s in d.sessions] == ["team 1", "Team 2", "Team 10"]


def test_identical_reasons_are_grouped_with_every_team_that_gave_them(debrief5):
    groups = debrief5.puzzle("wijkagent-belt").reason_groups()
    texts = [reason for reason, _ in groups]
    assert len(texts) == len({t.casefold() for t in texts})
    together = dict(groups)["Met Henk samen zoeken naar wat hij wil delen"]
    assert len(together) == 3 and {n for _, n in together} == {1}


def test_timeline_lines_lead_with_the_verdict_word(debrief5):
    oost = next(s for s in debrief5.sessions if s.team == "Team Oost")
    step = next(st for st in oost.steps if st.attempt and st.attempt.puzzle == "grondslagen")
    lines = debrief5.describe(step).lines
    assert [line.word for line in lines].count("verkeerde grondslag") == 1
    assert all(line.word in ("goed", "te ruim", "te voorzichtig", "verkeerde grondslag") for line in lines)
    assert all(":" in line.text for line in lines)


def test_a_resume_after_a_crash_is_described_in_words_in_dutch_and_english(debrief5):
    from dataclasses import replace

    from escaperoom.debrief.model import Step
    step = Step(99, 99, "", "herstel", None, 12.0, {"type": "herstel", "niet_toegepast": [7, 8]})
    text = debrief5.describe(step)
    assert text.headline.startswith("Verder gespeeld na een onderbreking")
    assert text.lines[0].word == "2 stappen tellen niet mee" and "opnieuw" in text.lines[0].text
    english = replace(debrief5, lang="en").describe(step)
    assert english.headline.startswith("Play resumed after an interruption")
    assert "Record" not in text.headline
    odd = debrief5.describe(Step(1, 1, "", "nieuwsoort", None, None, {"type": "nieuwsoort"}))
    assert odd.headline == "Onbekende regel in het journaal (‘nieuwsoort’)"


def test_an_english_debrief_names_the_items_in_english_from_the_casus(_five_teams_master, henk_loaded):
    d = build_debrief(load_sessions([_five_teams_master]).sessions, scenarios=[henk_loaded], lang="en")
    assert d.puzzle("vroegsignalering").item("contact").label == henk_loaded.scenario.gegevens["contact"].label.en
    step = next(st for st in d.sessions[0].steps if st.attempt and st.attempt.puzzle == "vroegsignalering")
    assert d.describe(step).headline.startswith("Try 1 at ")
    assert d.describe(step).lines[0].word in ("right", "too broad", "too cautious")


def test_a_verdict_that_rests_on_an_uncertain_point_brings_the_kennisbank_note_to_the_debrief(debrief5):
    # The game tells the team "bespreek het in de nabespreking"; the debrief must then say what is uncertain.
    contact = debrief5.puzzle("vroegsignalering").item("contact")
    early = next(v for v in contact.law if v.decision == "moet_delen")
    assert any("kennisbank §11 punt 6" in note for note in early.uncertain)  # Besluit Wgs art. 2, voorwaarde d
    covenant = debrief5.puzzle("grondslagen").items[3]
    assert all(v.uncertain == () for v in covenant.law)  # a covenant is no basis: settled (art. 6 lid 3 AVG)


def test_an_english_debrief_tells_the_spread_and_the_division_in_english(_five_teams_master, henk_loaded):
    found = load_sessions([_five_teams_master])
    d = build_debrief(found.sessions, scenarios=[henk_loaded], lang="en")
    sort = d.puzzle("vroegsignalering")
    zwart = sort.item("zwart_werk")
    assert zwart.groups[1].sentence.startswith("2 of the 5 teams shared ‘Henk said he")
    assert sort.item("contact").groups[1].sentence.endswith("did not share ‘Henk's name, address and phone number’")
    assert sort.item("buurvrouw").sentence.startswith("none of the 5 teams shared")
    assert sort.division_word in ("unanimous", "mixed", "strongly divided")
    assert "van de" not in " ".join(g.sentence for p in d.puzzles for i in p.items for g in i.groups)


def test_the_debrief_counts_decisions_like_the_game_so_a_resubmitted_mistake_counts_once(tmp_path, henk_loaded):
    from escaperoom.play import recorder

    rec = recorder.start(tmp_path / "saves", henk_loaded, "Team Herhaal")
    s = rec.session
    right = s.model_answer("vroegsignalering")
    wrong = {"plaatsing": {**right["plaatsing"], "zwart_werk": "gemeente_meldpunt"}}  # te ruim
    s.submit("vroegsignalering", wrong)
    s.submit("vroegsignalering", wrong)  # the same mistake again: no new decision
    s.submit("vroegsignalering", right)
    game = s.summary()
    rec.close()
    team = load_sessions([tmp_path / "saves"]).sessions[0]
    assert team.errors()["te_ruim"] == game["te_ruim"] == 1
    assert team.right == game["goed"] == len(right["plaatsing"])
    assert team.errors(first_only=True)["te_ruim"] == 1
