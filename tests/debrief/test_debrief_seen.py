"""The explanation a team saw is in its journal (``uitleg`` per item): when the casus on the debrief computer is
missing or another version, the debrief shows that text (and says why); when it matches, the current content."""

from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest

from escaperoom.debrief.model import build_debrief, load_sessions
from escaperoom.debrief.report import render_csv, render_html
from escaperoom.ui.app import App
from escaperoom.ui.debrief.data import DebriefData
from escaperoom.ui.debrief.flow import first_scene
from escaperoom.ui.scripted.events import key


def _rewrite(saves: Path, change) -> None:
    """Apply ``change(record)`` to every record of every journal under ``saves``."""
    for journal in saves.glob("*/journal.jsonl"):
        records = [json.loads(line) for line in journal.read_text(encoding="utf-8").splitlines()]
        for record in records:
            change(record)
        journal.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def _other_version(saves: Path) -> None:
    """The teams played another version of the casus: another content hash and their own explanation text."""
    def change(record):
        if record["type"] == "sessie_start":
            record["inhoud_hash"] = "0123456789abcdef"
        for item in record.get("items", []):
            if item["sleutel"] == "zwart_werk":
                item["uitleg"] = "OUDE VERSIE: " + item["uitleg"]
    _rewrite(saves, change)


def test_every_item_decision_carries_the_explanation_the_team_saw(debrief5):
    team = debrief5.sessions[0]
    attempt = team.tracks["vroegsignalering"].first
    item = attempt.item("zwart_werk")
    assert item.explanation and item.explanation == next(
        i["uitleg"] for r in team.records if r["type"] == "poging" and r["puzzel"] == "vroegsignalering"
        for i in r["items"] if i["sleutel"] == "zwart_werk")


def test_with_the_same_content_only_the_current_explanation_is_shown(debrief5):
    assert debrief5.other_version == ()
    assert all(not item.seen for p in debrief5.puzzles for item in p.items)
    assert "Uitleg die de teams in het spel zagen" not in render_html([debrief5])


def test_another_content_version_shows_what_the_teams_saw_next_to_the_current_law(five_teams, henk_loaded):
    _other_version(five_teams)
    d = build_debrief(load_sessions([five_teams]).sessions, scenarios=[henk_loaded])
    assert len(d.other_version) == 5
    item = d.puzzle("vroegsignalering").item("zwart_werk")
    assert item.seen and all(v.explanation.startswith("OUDE VERSIE: ") for v in item.seen)
    assert sum(len(v.teams) for v in item.seen) == 5
    assert item.law  # the verdicts of this computer's version are still there
    page = render_html([d])
    assert "Uitleg die de teams in het spel zagen" in page and "OUDE VERSIE: " in page
    assert "verschilt van die op deze computer" in page
    assert any("andere versie dan die van alle 5 teams" in w for w in d.warnings)


def test_without_the_casus_the_journal_explanations_and_option_texts_are_used(five_teams):
    d = build_debrief(load_sessions([five_teams]).sessions, scenarios=[])
    item = d.puzzle("vroegsignalering").item("zwart_werk")
    assert item.law == () and item.seen
    page = render_html([d])
    assert "de casus staat niet op deze computer" in page
    dilemma = d.puzzle("wijkagent-belt").item("keuze")
    assert all(not g.text.startswith("optie ") for g in dilemma.groups)  # the option's text from the journal
    assert "Niets over Henk zeggen" in " ".join(g.text for g in dilemma.groups)


def test_the_explanation_is_in_the_csv(debrief5):
    text = render_csv([debrief5])
    assert text.splitlines()[0].endswith(";uitleg")
    assert "is niet nodig voor het doel" in text


@pytest.fixture
def app():
    apps = []

    def open_(factory):
        a = App(factory)
        a.open()
        apps.append(a)
        return a

    yield open_
    for a in apps:
        if a.surface is not None:
            a.close()


def test_the_big_screen_explanation_shows_the_journal_text_when_the_content_differs(app, five_teams, henk_loaded):
    _other_version(five_teams)
    data = DebriefData(load_sessions([five_teams]), scenarios=[henk_loaded])
    index = next(i for i, it in enumerate(data.debrief.puzzle("vroegsignalering").items) if it.key == "zwart_werk")
    a = app(lambda ctx: first_scene(ctx, data, "puzzel", mode="uitleg", item=index))
    a.step()
    scene = a.stack.top
    texts = [b.text for page in scene.explain_pages for b in page]
    assert any(t == "Uitleg die de teams in het spel zagen" for t in texts)
    assert any("OUDE VERSIE: " in t for t in texts)
    assert any("andere versie dan die van" in t for t in texts)
    a.step([key(pygame.K_PAGEDOWN)])
    assert scene.text_page == min(1, scene.text_pages - 1)
