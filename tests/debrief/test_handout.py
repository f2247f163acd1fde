"""The participants' handout (``escaperoom debrief PAD --handout FILE``): the case's legal points and the group's
agreements on one page, in Dutch or English, and nothing of the teams: no team name, no typed reason, no score."""

from __future__ import annotations

import html
import re

from escaperoom.cli import main
from escaperoom.debrief.agreements import Agreement, load_agreements
from escaperoom.debrief.handout import handout_html, legal_points
from escaperoom.debrief.model import build_debrief, load_sessions


def _text(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def _team_data(folder) -> tuple[set[str], set[str]]:
    found = load_sessions([folder])
    names = {s.team for s in found.sessions} | {s.session_id for s in found.sessions}
    reasons = {reason for s in found.sessions for _, _, reason in s.reasons}
    return names, reasons


def test_the_handout_has_the_legal_points_and_the_agreements_and_no_team_data(five_teams, henk_loaded):
    book = load_agreements(five_teams)
    book.add(Agreement("We vragen de bewoner eerst zelf", "de FG", "grondslagen", "avg.6.1.a", "henk"))
    book.add(Agreement("Een convenant is geen grondslag", casus="henk"))
    d = build_debrief(load_sessions([five_teams]).sessions, scenarios=[henk_loaded])
    page = handout_html([d], book)
    text = _text(page)
    names, reasons = _team_data(five_teams)
    assert names and reasons
    assert [n for n in names if n in page or n in text] == []
    assert [r for r in reasons if r in text or html.escape(r) in page] == []
    assert "poging" not in text and "teams" not in text  # no attempts, no counts of teams
    assert "De flat van Henk: wat de wet zegt en wat wij afspraken" in text
    assert "We vragen de bewoner eerst zelf" in text and "Bellen: de FG" in text
    assert "Bij: Op welke grond? · AVG art. 6 lid 1 onder a" in text
    assert "Zwartlakken:" in text and "Besluit gemeentelijke schuldhulpverlening art. 2" in text
    assert text.count("Artikelen:") == 4  # every puzzle but the order one, whose verdicts rest on no article


def test_the_legal_points_cover_every_puzzle_but_the_lock_in_the_handouts_language(henk_loaded):
    from escaperoom.rules.lawbook import load_lawbook

    points = legal_points(henk_loaded, load_lawbook(), "en")
    assert [p.title for p in points] == [p.titel.en for p in henk_loaded.scenario.puzzels if p.soort != "slot"]
    basis = next(p for p in points if p.title == "On which basis?")
    assert any("GDPR art. 6(1)(a)" in line for line in basis.lines) and "GDPR art. 6(1)(a)" in basis.articles
    assert not any(re.search(r" lid |\bAVG\b", a) for p in points for a in p.articles)


def test_escaperoom_debrief_writes_the_handout_with_the_agreements_of_the_folder(five_teams, tmp_path, capsys):
    load_agreements(five_teams).add(Agreement("We leggen vast wat we deelden en waarom", casus="henk"))
    out = tmp_path / "handout.html"
    assert main(["debrief", str(five_teams), "--handout", str(out), "--lang", "en"]) == 0
    text = _text(out.read_text(encoding="utf-8"))
    assert "Henk's flat: what the law says and what we agreed" in text
    assert "We leggen vast wat we deelden en waarom" in text
    names, _ = _team_data(five_teams)
    assert not any(n in text for n in names)
    assert "Handout written:" in capsys.readouterr().out
    report = tmp_path / "rapport.html"
    assert main(["debrief", str(five_teams), "--html", str(report)]) == 0
    page = report.read_text(encoding="utf-8")
    assert "We leggen vast wat we deelden en waarom" in page and "Onze afspraken" in page
