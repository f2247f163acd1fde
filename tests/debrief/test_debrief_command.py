"""``escaperoom debrief``: reports from the command line, warning lines for broken journals, no traceback."""

from __future__ import annotations

import pygame

from escaperoom.cli import main


def test_debrief_writes_html_and_csv_and_says_where(tmp_path, five_teams, capsys):
    html, table = tmp_path / "rapport.html", tmp_path / "beslissingen.csv"
    code = main(["debrief", str(five_teams), "--html", str(html), "--csv", str(table)])
    out = capsys.readouterr()
    assert code == 0
    assert f"HTML-rapport geschreven: {html} (5 teams)" in out.out
    assert f"CSV geschreven: {table}" in out.out
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert table.read_bytes().startswith(b"\xef\xbb\xbf")


def test_the_saves_folder_is_the_default_source(tmp_path, five_teams, capsys):
    code = main(["debrief", "--saves", str(five_teams), "--csv", str(tmp_path / "b.csv")])
    assert code == 0 and (tmp_path / "b.csv").exists()


def test_every_broken_journal_gets_a_warning_line(tmp_path, five_teams, capsys):
    (tmp_path / "kapot.jsonl").write_bytes(b"\x00\x01\x02")
    code = main(["debrief", str(five_teams), str(tmp_path / "kapot.jsonl"), str(tmp_path / "weg"),
                 "--html", str(tmp_path / "r.html")])
    err = capsys.readouterr().err
    assert code == 0
    assert err.count("waarschuwing: niet gelezen:") == 2
    assert "kapot.jsonl" in err and "bestaat niet" in err and "Traceback" not in err


def test_no_usable_session_is_a_dutch_error_and_no_report(tmp_path, capsys):
    (tmp_path / "kapot.jsonl").write_text("{", encoding="utf-8")
    code = main(["debrief", str(tmp_path / "kapot.jsonl"), "--html", str(tmp_path / "r.html")])
    err = capsys.readouterr().err
    assert code == 1
    assert "geen bruikbare sessies gevonden" in err
    assert not (tmp_path / "r.html").exists()


def test_an_unwritable_report_path_is_a_dutch_error(tmp_path, five_teams, capsys):
    (tmp_path / "map").mkdir()
    code = main(["debrief", str(five_teams), "--html", str(tmp_path / "map")])
    err = capsys.readouterr().err
    assert code == 1 and "het rapport kan niet geschreven worden" in err


def test_without_report_options_the_big_screen_opens_headless(tmp_path, five_teams):
    shot = tmp_path / "debrief.png"
    code = main(["debrief", str(five_teams), "--headless", "--frames", "2", "--screenshot", str(shot)])
    assert code == 0
    assert pygame.image.load(str(shot)).get_size() == (1920, 1080)


def test_with_lang_en_the_reports_and_the_command_speak_english(tmp_path, five_teams, capsys):
    html, table = tmp_path / "report.html", tmp_path / "decisions.csv"
    (tmp_path / "kapot.jsonl").write_bytes(b"\x00")
    code = main(["debrief", str(five_teams), str(tmp_path / "kapot.jsonl"), "--html", str(html), "--csv", str(table),
                 "--lang", "en"])
    out = capsys.readouterr()
    assert code == 0
    assert f"HTML report written: {html} (5 teams)" in out.out and f"CSV written: {table}" in out.out
    assert "warning: not read:" in out.err and "waarschuwing" not in out.err
    assert "<h1>Privacy Escape Room debrief</h1>" in html.read_text(encoding="utf-8")
    assert table.read_text(encoding="utf-8-sig").startswith("session;team;scenario;")
