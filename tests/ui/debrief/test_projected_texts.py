"""What the projected debrief shows the group, read off every screen and page with six scripted teams, in Dutch and
in English: no engine internals ([onzeker], kennisbank notes, §, rule ids, "engine") and no citation in the other
language; the facilitator's notes only appear when the facilitator opens the panel."""

from __future__ import annotations

import pygame
import pytest
from team_texts import problems, scan
from walk import recording, walk_everything

from escaperoom.debrief.agreements import Agreement
from escaperoom.ui.debrief.data import DebriefData
from escaperoom.ui.debrief.flow import first_scene
from escaperoom.ui.scripted.events import key


def test_the_scanner_finds_what_a_group_may_not_see():
    assert problems("aan Gemeente (regel R13)", "nl") == ["rule id 'R13'"]
    assert problems("[onzeker] Besluit art. 2 (kennisbank §11 punt 6)", "nl")[:3] == [
        "[onzeker] marker '[onzeker]'", "kennisbank note 'kennisbank'", "section sign '§'"]
    assert problems("the rule engine judges again", "en") == ["the word engine 'engine'"]
    assert problems("Henk chose AVG art. 6 lid 1 onder a", "en") == [
        "Dutch 'lid' 'lid'", "Dutch 'onder' 'onder'", "Dutch 'AVG art.' 'AVG art.'"]
    assert problems("gekozen: GDPR art. 6(1)(a)", "nl") == ["English 'GDPR' 'GDPR'", "English 'art. 6(1)' 'art. 6(1)'"]
    assert problems("Artikelen: AVG art. 6 lid 1 onder a", "nl") == []
    assert problems("Articles: GDPR art. 6(1)(a)", "en") == []


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_projected_debrief_text_is_for_the_group_and_in_the_debriefs_language(opened, _six_teams_master,
                                                                                     henk_loaded, tmp_path, lang):
    from escaperoom.debrief.model import load_sessions

    data = DebriefData(load_sessions([_six_teams_master]), lang=lang, scenarios=[henk_loaded], folder=tmp_path)
    data.agreements.add(Agreement("We vragen Henk eerst zelf", "de FG", "grondslagen", "avg.6.1.a", "henk"))
    app = opened(lambda ctx: first_scene(ctx, data, "overzicht"), lang=lang)
    with recording(app) as texts:
        walk_everything(app)
    shown = set(texts)
    assert len(shown) > 300  # every screen was walked (teams, items, steps, facts)
    assert {"Team Centrum", "Team Nieuw-West"} <= shown  # full names, on the overview
    assert scan(shown, lang) == {}


def test_the_facilitators_notes_are_only_shown_when_the_panel_is_opened(opened, six_data):
    app = opened(lambda ctx: first_scene(ctx, six_data, "puzzel", mode="uitleg", item=0))
    scene = app.stack.top
    with recording(app) as closed:
        app.step()
    assert scene.facilitator is None and scan(closed, "nl") == {}
    with recording(app) as opened_texts:
        app.step([key(pygame.K_F9)])
        panel = scene.facilitator
        assert panel is not None and panel.puzzle_id == "vroegsignalering" and len(panel.pages) > 1
        for _ in panel.pages:  # PgDn pages the panel, not the screen
            app.step([key(pygame.K_PAGEDOWN)])
    assert scene.text_page == 0 and panel.page == len(panel.pages) - 1
    seen = " ".join(opened_texts)
    assert "Voor de begeleider" in seen and "regel R02" in seen  # the uncertain point with its deciding rule
    assert "Gemeente, schuldhulpverlening (vroegsignalering)" in seen  # the answer key
    assert "De oordelen in deze nabespreking volgen de wet zoals die gold op" in seen  # the law's version
    app.step([key(pygame.K_RIGHT)])  # the panel follows the puzzle in view
    assert scene.facilitator is not None and scene.facilitator.puzzle_id == "grondslagen"
    app.step([key(pygame.K_b)])
    assert scene.facilitator is None
    app.step([key(pygame.K_F9), key(pygame.K_ESCAPE)])  # Esc closes the panel, and stays on the screen
    assert scene.facilitator is None and app.stack.top is scene
