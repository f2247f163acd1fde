"""The reports: one self-contained HTML file that escapes team text, and a CSV that Dutch Excel opens."""

from __future__ import annotations

import csv
import io
import re

from escaperoom.debrief.model import load_sessions
from escaperoom.debrief.report import CSV_COLUMNS, render_csv, render_html, write_csv, write_html


def test_the_html_report_has_no_external_resources(debrief5):
    page = render_html([debrief5])
    assert "<script" not in page.lower()
    assert "<link" not in page.lower()
    assert "@import" not in page and "url(" not in page
    assert not re.search(r"""\ssrc\s*=""", page, re.IGNORECASE)
    for tag in re.findall(r"<[^>]*\bhref=[^>]*>", page):
        assert tag.startswith("<a ") and ("href=\"#" in tag or "href=\"https://" in tag or "href=\"http://" in tag)
    assert "<svg" in page and 'class="compass"' in page


def test_a_script_tag_in_a_reason_is_escaped(debrief5):
    page = render_html([debrief5])
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;quotes&quot;" in page
    assert "<script>" not in page


def test_the_report_shows_spread_verdicts_reasons_questions_what_if_and_timelines(debrief5):
    page = render_html([debrief5])
    assert "2 van de 5 teams deelden ‘Henk vertelde dat hij &#x27;zwart bijklust&#x27; sinds zijn ontslag’" in page
    assert "Wie van jullie dacht dat vroegsignalering toestemming van Henk nodig heeft?" in page
    assert "We wisten niet of Henk toestemming moest geven" in page
    assert "VERANDERT" in page and "Wat als: de huurder heeft bezwaar gemaakt" in page
    assert page.count('class="team-timeline"') == 5
    assert '<a href="https://wetten.overheid.nl/' in page


def test_most_divided_first_reorders_the_puzzles(debrief5):
    page = render_html([debrief5], most_divided_first=True)
    assert page.index('id="puzzel-wijkagent-belt"') < page.index('id="puzzel-vroegsignalering"')


def test_broken_journals_are_named_in_the_report(tmp_path, five_teams, debrief5):
    (tmp_path / "kapot.jsonl").write_text("kapot\n", encoding="utf-8")
    found = load_sessions([five_teams, tmp_path / "kapot.jsonl"])
    page = render_html([debrief5], found)
    assert "kapot.jsonl" in page and "geen beslissingsjournaal" in page


def test_the_csv_starts_with_a_bom_uses_semicolons_and_has_one_row_per_item_decision(tmp_path, debrief5):
    path = write_csv([debrief5], tmp_path / "beslissingen.csv")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert tuple(rows[0]) == CSV_COLUMNS
    expected = sum(len(r["items"]) for s in debrief5.sessions for r in s.records if r["type"] == "poging")
    assert len(rows) - 1 == expected
    assert all(len(row) == len(CSV_COLUMNS) for row in rows)
    first = dict(zip(CSV_COLUMNS, rows[1], strict=True))
    assert first["team"] and first["casus"] == "henk" and first["poging"] == "1"
    assert {dict(zip(CSV_COLUMNS, r, strict=True))["punten"] for r in rows[1:]} <= {"1", "0", "0,5"}
    assert any(dict(zip(CSV_COLUMNS, r, strict=True))["fout"] == "te ruim" for r in rows[1:])


def test_csv_cells_that_excel_would_read_as_a_formula_get_an_apostrophe(debrief5):
    team = debrief5.sessions[0]
    old = team.label
    team.label = "=HYPERLINK(\"x\")"
    try:
        text = render_csv([debrief5])
    finally:
        team.label = old
    assert ';"\'=HYPERLINK(""x"")";' in text


def test_write_html_writes_utf8_and_replaces_an_older_report(tmp_path, debrief5):
    target = tmp_path / "rapport.html"
    target.write_text("oud", encoding="utf-8")
    write_html([debrief5], target)
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert not list(tmp_path.glob(".*.tmp"))


def _rows(debrief):
    text = render_csv([debrief])
    return [dict(zip(CSV_COLUMNS, r, strict=True)) for r in list(csv.reader(io.StringIO(text), delimiter=";"))[1:]]


def test_the_lock_code_is_written_as_text_that_excel_keeps_and_a_program_reads(debrief5):
    locks = [r for r in _rows(debrief5) if r["soort"] == "slot"]
    wrong = [r for r in locks if r["fout"] != "goed"]
    assert wrong and all(re.fullmatch(r"code 0+", r["antwoord"]) for r in wrong)  # 00000 stays 00000
    assert all(r["verwacht"].startswith("code ") and r["verwacht"][5:].isalnum() for r in locks)
    assert all(not r["antwoord"].isdigit() for r in locks)  # Excel would make a number of a bare code


def test_a_dilemma_row_names_the_question_and_the_chosen_option(debrief5):
    rows = [r for r in _rows(debrief5) if r["soort"] == "dilemma"]
    question = debrief5.loaded.scenario.puzzle("wijkagent-belt").vraag.nl
    options = {o.tekst.nl for o in debrief5.loaded.scenario.puzzle("wijkagent-belt").opties}
    assert rows and all(r["gegeven"] == question and r["antwoord"] in options for r in rows)
    assert any(r["antwoord"] != r["verwacht"] for r in rows)


def test_the_report_names_the_uncertain_point_next_to_the_explanation(debrief5):
    html = render_html([debrief5])
    assert '<p class="onzeker">[onzeker] Besluit gemeentelijke schuldhulpverlening art. 2' in html
