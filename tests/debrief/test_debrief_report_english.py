"""``--lang en``: the HTML report has no Dutch heading, label or sentence of its own and the CSV header is English,
checked against the string catalogue (every Dutch report text, and the debrief's sentences and words). Texts the
teams typed, the casus' recorded Dutch labels and the Dutch law citations stay as they are."""

from __future__ import annotations

import csv
import io
import re
import string
from html.parser import HTMLParser
from pathlib import Path

import pytest
from debrief_teams import make_teams

from escaperoom.debrief.model import LAST, build_debrief, load_sessions
from escaperoom.debrief.report import CSV_COLUMNS, header, render_csv, render_html
from escaperoom.kinds.words import default_catalogue

# The report's own texts, and the debrief's sentences, words and timeline it shows.
_SECTIONS = ("nabespreking.rapport.", "nabespreking.csv.", "nabespreking.fout.", "nabespreking.zin.",
             "nabespreking.stap.")


def _dutch_fragments() -> list[tuple[str, str]]:
    """(id, fragment): the literal parts of every Dutch report text that its English text does not share."""
    cat = default_catalogue()
    out = []
    for id in cat.ids():
        if not id.startswith(_SECTIONS):
            continue
        entry = cat.entries[id]
        assert entry.en, f"{id} has no English text"
        parts = [literal.strip(" ·:—()‘’") for literal, *_ in string.Formatter().parse(entry.nl)]
        whole = len(parts) == 1  # a heading or label, not part of a sentence
        for literal in parts:
            if len(literal) >= 4 and (whole or " " in literal) and literal not in entry.en:
                out.append((id, literal))
    return out


class _Text(HTMLParser):
    """The visible text of a page, without the style sheet."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._style = False
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._style = False

    def handle_data(self, data: str) -> None:
        if not self._style:
            self.parts.append(data)


def _dutch_in(text: str) -> list[tuple[str, str]]:
    return [(id, f) for id, f in _dutch_fragments() if re.search(rf"(?<!\w){re.escape(f)}(?!\w)", text)]


@pytest.fixture(scope="module")
def fifteen(tmp_path_factory, henk_loaded):
    """Fifteen teams: grids with teams down, answer groups of "all other teams", crowded compass spots."""
    saves = tmp_path_factory.mktemp("fifteen") / "saves"
    make_teams(saves, 15, loaded=henk_loaded)
    return load_sessions([saves])


def test_the_english_report_has_no_dutch_text_of_its_own(_five_teams_master, fifteen, henk_loaded):
    five = load_sessions([_five_teams_master]).sessions
    pages = []
    for sessions in (five, fifteen.sessions):
        for basis in ("eerste", LAST):
            d = build_debrief(sessions, scenarios=[henk_loaded], lang="en", basis=basis)
            pages.append(render_html([d], most_divided_first=basis == LAST))
    pages.append(render_html([], lang="en"))
    text = "\n".join("\n".join(_Text(page).parts) for page in pages)
    assert all('<html lang="en">' in page for page in pages)
    assert "Privacy Escape Room debrief" in text and "Per puzzle" in text and "But what if …?" in text
    assert _dutch_in(text) == []


def test_the_dutch_report_is_checked_by_the_same_fragments(debrief5):
    """The check can fail: the Dutch report holds many of the fragments the English one must not."""
    found = {id for id, _ in _dutch_in("\n".join(_Text(render_html([debrief5])).parts))}
    assert len(found) >= 40
    assert {"nabespreking.rapport.heading", "nabespreking.rapport.per_puzzle", "nabespreking.rapport.whatif"} <= found


def test_the_english_csv_has_an_english_header_and_english_words(_five_teams_master, henk_loaded):
    d = build_debrief(load_sessions([_five_teams_master]).sessions, scenarios=[henk_loaded], lang="en")
    rows = list(csv.reader(io.StringIO(render_csv([d])), delimiter=";"))
    assert rows[0] == header("en") == ["session", "team", "scenario", "puzzle", "kind", "attempt", "key", "item",
                                       "answer", "expected", "verdict", "error", "points", "rule", "bases",
                                       "articles", "reason", "time", "explanation"]
    assert header("nl") == list(CSV_COLUMNS)
    ours = ("antwoord", "verwacht", "oordeel", "fout")  # the other columns are ids, numbers and journal text
    cells = "\n".join(rows[0] + [row[CSV_COLUMNS.index(c)] for row in rows[1:] for c in ours])
    assert _dutch_in(cells) == []
    assert {row[CSV_COLUMNS.index("fout")] for row in rows[1:]} >= {"right", "too broad", "too cautious"}


def test_the_readme_maps_every_dutch_column_id_to_its_english_header():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    pairs = dict(re.findall(r"\| `([a-z]+)` \| `([a-z]+)` \|", readme))
    assert pairs == dict(zip(CSV_COLUMNS, header("en"), strict=True))
