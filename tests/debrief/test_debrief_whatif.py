"""'Maar wat als …?': toggling one fact recomputes the engine's verdicts and names the ones that change."""

from __future__ import annotations

import pytest

from escaperoom.debrief.whatif import WhatIf, whatif_for


def test_a_tenant_objection_makes_the_early_detection_data_not_shareable(henk_loaded):
    panel = WhatIf(henk_loaded, "vroegsignalering")
    toggle = panel.toggle("feit:huurder_bezwaar=ja")
    assert toggle.label == "Wat als: de huurder heeft bezwaar gemaakt tegen het doorgeven van zijn gegevens?"
    assert toggle.now == "nu: nee"
    changes = panel.recompute(toggle)
    changed = {(c.item_id, c.recipient): (c.old, c.new) for c in changes if c.changed}
    assert changed == {
        ("contact", "Gemeente, schuldhulpverlening (vroegsignalering)"): ("moet_delen", "mag_niet_delen"),
        ("achterstand", "Gemeente, schuldhulpverlening (vroegsignalering)"): ("moet_delen", "mag_niet_delen"),
    }
    first = changes[0]
    assert first.changed and "bezwaar" in first.explanation
    assert any(cite == "Besluit gemeentelijke schuldhulpverlening art. 2" for _, cite, _ in first.citations)
    assert all(not c.changed for c in changes[2:])


def test_the_puzzles_own_facts_come_first_then_danger_and_consent(henk_loaded):
    ids = [t.id for t in WhatIf(henk_loaded, "vroegsignalering").toggles]
    assert ids[:3] == ["feit:vroegsignalering_stappen=ja", "feit:vroegsignalering_stappen=nee", "feit:huurder_bezwaar=ja"]
    assert "acuut_gevaar=ja" in ids and "toestemming:ja" in ids


def test_a_covenant_changes_no_verdict(henk_loaded):
    panel = WhatIf(henk_loaded, "grondslagen")
    assert panel.changes("feit:convenant=nee") == 0


def test_acute_danger_alone_does_not_open_the_therapists_secrecy_but_consent_does(henk_loaded):
    # since the legal audit (08fe7d3) R01 no longer carries health-only data of a resident who can decide himself
    panel = WhatIf(henk_loaded, "wijkagent-belt")
    assert panel.changes("acuut_gevaar=ja") == 0
    changed = [c for c in panel.recompute("toestemming:ja") if c.changed]
    assert {c.item_id for c in changed} == {"in_behandeling", "diagnose_ggz"}
    assert all(c.old == "mag_niet_delen" and c.new == "mag_delen" for c in changed)


def test_refused_consent_is_offered_where_consent_was_given(henk_loaded):
    panel = WhatIf(henk_loaded, "mail-corporatie")
    changed = [c for c in panel.recompute("toestemming:nee") if c.changed]
    assert [(c.item_id, c.old, c.new) for c in changed] == [("begeleiding", "mag_delen", "mag_niet_delen")]


@pytest.mark.parametrize("puzzle", ["vroegsignalering", "grondslagen", "wijkagent-belt"])
def test_explicit_consent_never_turns_a_sharing_verdict_into_mag_niet(henk_loaded, puzzle):
    panel = WhatIf(henk_loaded, puzzle)
    for change in panel.recompute("toestemming:ja"):
        if change.old != "mag_niet_delen":
            assert change.new != "mag_niet_delen", change


def test_team_effects_rescore_each_teams_answer_under_the_toggle(debrief5):
    panel = whatif_for(debrief5, "vroegsignalering")
    effects = {e.team: e for e in panel.team_effects("feit:huurder_bezwaar=ja", debrief5)}
    assert set(effects) == {s.label for s in debrief5.sessions}
    noord = effects["Team Noord"]  # shared contact and arrears with debt help: now too broad twice
    assert (noord.right_before, noord.right_after, noord.items) == (5, 3, 5)


def test_a_puzzle_without_legal_cases_has_no_what_if_panel(debrief5):
    assert whatif_for(debrief5, "stappenplan") is None


def test_in_english_the_toggles_ask_in_english(henk_loaded):
    panel = WhatIf(henk_loaded, "vroegsignalering", lang="en")
    labels = [t.label for t in panel.toggles]
    assert all(label.startswith("What if") for label in labels)
    assert panel.toggle("acuut_gevaar=ja").now == "now: no"
    assert not any("Wat als" in label or "nu:" in t.now for label, t in zip(labels, panel.toggles))
