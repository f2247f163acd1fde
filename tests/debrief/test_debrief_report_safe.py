"""Reports safe to open: every text from a journal or a casus is escaped in the HTML (team names, reasons, titles,
labels, tasks, questions, explanations), and CSV cells Excel would read as a formula are neutralised, numbers not."""

from __future__ import annotations

import csv
import io
import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from debrief_teams import play_team
from hypothesis import given
from hypothesis import strategies as st

from escaperoom.debrief.model import build_debrief, load_sessions
from escaperoom.debrief.report import CSV_COLUMNS, render_csv, render_html
from escaperoom.debrief.report.csv import neutralise
from escaperoom.debrief.report.texts import escape
from escaperoom.kinds.judging import load_judged
from escaperoom.paths import puzzels_dir

EVIL = "<script>alert('x')</script> & \"y\" <i onclick=z>"  # short enough for a title (60)
_EVIL_TOML = EVIL.replace("\\", "\\\\").replace('"', '\\"')
# Texts of the bundled casus replaced by EVIL (with a word to tell them apart): title, puzzle title, task,
# card label, intervision question, dilemma option.
_CONTENT = {
    "De flat van Henk": "casus",
    "Het dossier van de corporatie": "puzzel",
    "De consulent van Thuisbaas heeft vijf gegevens over Henk. Sleep elke kaart naar wie hem mag (of moet) krijgen "
    "— of naar 'Niet delen'.": "opdracht",
    "Naam, adres en telefoonnummer van Henk": "kaart",
    "Waarom hoort het zwart bijklussen niet in de melding, ook al is het 'waar'?": "vraag",
}
_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "h4", "p", "section", "div",
         "ul", "ol", "li", "table", "colgroup", "col", "thead", "tbody", "tr", "th", "td", "span", "strong", "a",
         "blockquote", "nav", "article", "footer", "svg", "desc", "rect", "line", "text", "circle"}


class _Page(HTMLParser):
    """The tags, attributes and text of a page as a browser's parser sees them."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _evil_casus(tmp_path: Path) -> Path:
    source = (puzzels_dir() / "henk.toml").read_text(encoding="utf-8")
    for text, what in _CONTENT.items():
        assert f'"{text}"' in source, text
        source = source.replace(f'"{text}"', f'"{what}: {_EVIL_TOML}"')
    path = tmp_path / "henk.toml"
    path.write_text(source, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def evil(tmp_path_factory):
    """Three teams with a hostile name and hostile typed reasons, playing a casus whose texts are hostile."""
    folder = tmp_path_factory.mktemp("evil")
    loaded = load_judged(_evil_casus(folder))
    saves = folder / "saves"
    for pattern in (1, 2, 3):
        play_team(saves, loaded, f"team {pattern}: {EVIL}", pattern)
    def change(record):  # every typed reason hostile too
        if record["type"] == "poging":
            record["reden"] = f"reden: {EVIL}"
    _rewrite(saves, change)
    return saves, loaded


def _assert_safe(page: str) -> _Page:
    parsed = _Page(page)
    assert EVIL not in page  # never unescaped in the source
    for tag, attrs in parsed.tags:
        assert tag in _TAGS, tag
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            assert "<" not in (value or "") and "onclick" not in (value or ""), (tag, name, value)
    return parsed


def test_hostile_team_names_reasons_and_content_are_text_in_the_html(evil):
    saves, loaded = evil
    d = build_debrief(load_sessions([saves]).sessions, scenarios=[loaded])
    parsed = _assert_safe(render_html([d]))
    text = "".join(parsed.text)
    for what in ("team 1", "team 2", "team 3", "reden", *_CONTENT.values()):
        assert f"{what}: {EVIL}" in text, what  # shown as the very text that was typed or written


def test_hostile_texts_from_the_journals_alone_are_escaped_too(evil, tmp_path):
    """The casus is not on this computer: titles, labels and explanations come from the journals."""
    saves, _ = evil
    copy = tmp_path / "saves"
    shutil.copytree(saves, copy)

    def change(record):
        if record["type"] == "sessie_start":
            record["casus"] = "elders"
        for item in record.get("items", []):
            item["uitleg"] = f"uitleg: {EVIL}"
    _rewrite(copy, change)
    d = build_debrief(load_sessions([copy]).sessions, scenarios=[])
    assert d.loaded is None
    text = "".join(_assert_safe(render_html([d])).text)
    for what in ("team 1", "reden", "uitleg", "casus", "kaart"):
        assert f"{what}: {EVIL}" in text, what


def _csv(text: str) -> list[dict[str, str]]:
    return [dict(zip(CSV_COLUMNS, row, strict=True)) for row in csv.reader(io.StringIO(text), delimiter=";")][1:]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_csv_text_cell_starting_with_a_formula_character_gets_an_apostrophe(debrief5, start):
    team = debrief5.sessions[0]
    old = team.label
    team.label = f"{start}HYPERLINK(\"https://x\";\"klik\")"
    try:
        rows = _csv(render_csv([debrief5]))
    finally:
        team.label = old
    mine = [r for r in rows if r["sessie"] == team.session_id]
    assert mine and all(r["team"] == "'" + f"{start}HYPERLINK(\"https://x\";\"klik\")" for r in mine)
    assert all(not r["team"].startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows)


def _rewrite(saves: Path, change) -> None:
    for journal in saves.glob("*/journal.jsonl"):
        records = [json.loads(line) for line in journal.read_text(encoding="utf-8").splitlines()]
        for record in records:
            change(record)
        journal.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def test_typed_reasons_and_explanations_are_neutralised_but_numbers_stay_numbers(five_teams, henk_loaded):
    def change(record):
        if record["type"] == "poging":
            record["reden"] = "-1+1 @iedereen"
            for item in record["items"]:
                item["uitleg"] = "=1+1"
    _rewrite(five_teams, change)
    rows = _csv(render_csv([build_debrief(load_sessions([five_teams]).sessions, scenarios=[henk_loaded])]))
    assert rows and all(r["reden"] == "'-1+1 @iedereen" and r["uitleg"] == "'=1+1" for r in rows)
    assert all(r["poging"].isdigit() for r in rows)  # numeric columns: never an apostrophe
    assert {r["punten"] for r in rows} <= {"1", "0", "0,5"}


def test_the_csv_of_hostile_content_has_the_texts_as_written(evil):
    saves, loaded = evil
    d = build_debrief(load_sessions([saves]).sessions, scenarios=[loaded])
    rows = _csv(render_csv([d]))
    assert {r["team"] for r in rows} == {f"team {n}: {EVIL}" for n in (1, 2, 3)}
    assert any(r["gegeven"] == f"kaart: {EVIL}" for r in rows)


@given(st.text())
def test_escaped_text_has_no_markup_and_reads_back_as_written(text):
    out = escape(text)
    assert not set(out) & set("<>\"'")
    assert "".join(_Page(f"<p>{out}</p>").text) == text


@given(st.text())
def test_no_neutralised_cell_starts_like_a_formula(text):
    out = neutralise(text)
    assert not out.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert out in (text, "'" + text)
