"""The agreements screen at the end of the debrief: the group types an agreement on the big screen with the keyboard,
links it to a puzzle and one of its articles, and it is in the debrief's file at once; personal data is refused
with a calm notice, letters typed are text (not keys), and what was being typed survives a killed debrief."""

from __future__ import annotations

import pygame

from escaperoom.debrief.agreements import load_agreements
from escaperoom.debrief.model import load_sessions
from escaperoom.ui.debrief.agreements import AgreementsScene, Chooser
from escaperoom.ui.debrief.data import DebriefData
from escaperoom.ui.debrief.flow import first_scene
from escaperoom.ui.debrief.overview import OverviewScene
from escaperoom.ui.debrief.puzzle import PuzzleScene
from escaperoom.ui.scripted.events import click, key


def typed(text: str) -> list[pygame.event.Event]:
    """The events of typing ``text`` on a keyboard: a KEYDOWN with its character, then the TEXTINPUT."""
    events = []
    for char in text:
        code = ord(char.lower()) if char.isascii() and char.isalnum() else pygame.K_SPACE if char == " " else 0
        events += [key(code, unicode=char), pygame.event.Event(pygame.TEXTINPUT, text=char)]
    return events


def test_the_group_types_an_agreement_links_it_to_an_article_and_it_is_kept_at_once(opened, six_data, tmp_path):
    app = opened(lambda ctx: first_scene(ctx, six_data, "overzicht"))
    app.step([key(pygame.K_a)])
    scene = app.stack.top
    assert isinstance(scene, AgreementsScene) and scene.typing()
    app.step(typed("We vragen de bewoner eerst zelf, ook bij de politie"))  # "b", "t", "a": letters, not keys
    assert scene.facilitator is None and isinstance(app.stack.top, AgreementsScene)
    app.step([key(pygame.K_TAB)] + typed("de FG") + [key(pygame.K_TAB)])
    assert isinstance(scene.group.focused, Chooser) and scene.group.focused is scene.form.puzzle
    app.step([key(pygame.K_RIGHT), key(pygame.K_RIGHT), key(pygame.K_TAB)])  # the second puzzle: grondslagen
    assert scene.form.puzzle.value == "grondslagen"
    articles = [value for value, _ in scene.form.article.options]
    assert articles[0] == "" and "avg.6.1.a" in articles
    while scene.form.article.value != "avg.6.1.a":
        app.step([key(pygame.K_RIGHT)])
    assert scene.form.article.label == "AVG art. 6 lid 1 onder a"
    app.step(click(scene.buttons[0].rect.center))  # Afspraak bewaren
    kept = load_agreements(tmp_path).items
    assert [(a.text, a.who, a.puzzle, a.article, a.casus) for a in kept] == [
        ("We vragen de bewoner eerst zelf, ook bij de politie", "de FG", "grondslagen", "avg.6.1.a", "henk")]
    assert scene.form.text.value == "" and scene.message == "Afspraak 1 is bewaard."
    assert not scene.editing  # the list, large, with the new agreement on it
    assert "1. We vragen de bewoner eerst zelf, ook bij de politie" in [b.text for b in scene.pages[0]]
    assert any("AVG art. 6 lid 1 onder a" in b.text and "Op welke grond?" in b.text for b in scene.pages[0])
    app.step([key(pygame.K_n)])  # a new one: N, type, Enter keeps it too
    assert scene.editing and scene.typing()
    app.step(typed("We leggen vast wat we deelden"))
    assert scene.preview[0].text == "2. We leggen vast wat we deelden"  # the whole sentence, as it will stand
    app.step([key(pygame.K_RETURN)])
    assert len(load_agreements(tmp_path).items) == 2


def test_an_agreement_with_a_phone_number_is_refused_with_a_notice_in_the_screens_language(opened, _six_teams_master,
                                                                                          henk_loaded, tmp_path):
    data = DebriefData(load_sessions([_six_teams_master]), lang="en", scenarios=[henk_loaded], folder=tmp_path)
    app = opened(lambda ctx: first_scene(ctx, data, "afspraken"), lang="en")
    scene = app.stack.top
    app.step(typed("Call her at 06-12345678") + [key(pygame.K_RETURN)])
    assert load_agreements(tmp_path).items == []
    assert scene.message == "The text seems to contain a phone number. Leave personal data out: the agreement is kept."
    assert scene.form.text.value == "Call her at 06-12345678"  # to edit, not lost


def test_what_was_being_typed_comes_back_after_the_debrief_was_killed(opened, six_data, henk_loaded, tmp_path):
    app = opened(lambda ctx: first_scene(ctx, six_data, "afspraken"))
    scene = app.stack.top
    app.step(typed("We bellen eerst de"))
    for _ in range(5):
        app.step(dt=0.1)
    assert load_agreements(tmp_path).draft is None  # not at every key
    for _ in range(6):
        app.step(dt=0.1)
    assert load_agreements(tmp_path).draft.text == "We bellen eerst de"  # a second after the last key
    # no exit, no save: as if the power went off; a new debrief on the same folder
    again = DebriefData(six_data.found, scenarios=[henk_loaded], folder=tmp_path)
    other = opened(lambda ctx: first_scene(ctx, again, "afspraken")).stack.top
    assert other.form.text.value == "We bellen eerst de"
    assert scene.typing()


def test_an_agreement_is_removed_from_the_list_and_the_file(opened, six_data, tmp_path):
    from escaperoom.debrief.agreements import Agreement

    for text in ("Eerste", "Tweede", "Derde"):
        six_data.agreements.add(Agreement(text, casus="henk"))
    app = opened(lambda ctx: first_scene(ctx, six_data, "afspraken"))
    scene = app.stack.top
    assert not scene.editing and not scene.typing()  # agreements made: it opens on their list
    app.step([key(pygame.K_DOWN), key(pygame.K_DELETE)])
    assert [a.text for a in load_agreements(tmp_path).items] == ["Eerste", "Derde"]


def test_the_agreements_come_after_the_last_puzzle_and_from_the_overview(opened, six_data):
    app = opened(lambda ctx: first_scene(ctx, six_data, "puzzel", index=len(six_data.puzzles()) - 1))
    puzzle = app.stack.top
    assert isinstance(puzzle, PuzzleScene) and puzzle.buttons[0].label == "Naar de afspraken"
    app.step([key(pygame.K_RIGHT)])
    assert isinstance(app.stack.top, AgreementsScene)
    app.step([key(pygame.K_ESCAPE)])
    assert app.stack.top is puzzle
    overview = opened(lambda ctx: first_scene(ctx, six_data, "overzicht"))
    assert isinstance(overview.stack.top, OverviewScene)
    overview.step(click(overview.stack.top.buttons[1].rect.center))  # Afspraken
    assert isinstance(overview.stack.top, AgreementsScene)
