"""Authoring without a programmer: ``escaperoom nieuw`` writes a template that passes ``check`` with no warning and
names the schema; docs/authoring.md holds the generated reference exactly as ``escaperoom schema --markdown`` makes
it; the thin-content warnings (content/thin.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from escaperoom.cli import main
from escaperoom.content.reference import BEGIN, END, reference_markdown
from escaperoom.content.thin import expected_minutes
from escaperoom.kinds.judging import load_judged
from escaperoom.paths import puzzels_dir
from escaperoom.rules.lawbook import load_lawbook

DOC = Path(__file__).resolve().parents[2] / "docs" / "authoring.md"
HENK = puzzels_dir() / "henk.toml"


def test_nieuw_writes_a_template_that_passes_check_without_warnings(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["nieuw", "x"]) == 0
    assert (tmp_path / "x.toml").read_text(encoding="utf-8").startswith("#:schema ./casus.schema.json\n")
    assert (tmp_path / "casus.schema.json").is_file()
    capsys.readouterr()
    assert main(["check", "x.toml"]) == 0
    out = capsys.readouterr().out
    assert "1 in orde, 0 fout(en), 0 waarschuwing(en)" in out
    assert load_judged(tmp_path / "x.toml").scenario.id == "x"


def test_nieuw_never_overwrites_and_refuses_a_bad_id(tmp_path, capsys):
    assert main(["nieuw", "x", "--map", str(tmp_path)]) == 0
    before = (tmp_path / "x.toml").read_bytes()
    assert main(["nieuw", "x", "--map", str(tmp_path)]) == 1
    assert "bestaat al" in capsys.readouterr().err
    assert (tmp_path / "x.toml").read_bytes() == before
    assert main(["nieuw", "Mijn Casus", "--map", str(tmp_path)]) == 2
    assert "mag alleen" in capsys.readouterr().err


def test_the_committed_guide_holds_the_generated_reference():
    text = DOC.read_text(encoding="utf-8")
    assert BEGIN in text and END in text
    committed = text[text.index(BEGIN): text.index(END) + len(END)] + "\n"
    assert committed == reference_markdown(), "run: escaperoom schema --markdown and paste it into docs/authoring.md"


def test_the_reference_names_every_role_fact_category_and_kind():
    text = reference_markdown()
    book = load_lawbook()
    for name in (*book.roles, *book.facts, "gewoon", "gezondheid", "strafrechtelijk", "financieel", "bsn",
                 "sorteren", "grondslag", "zwartlakken", "volgorde", "dilemma", "slot", "speelniveau"):
        assert f"`{name}`" in text, name


def _variant(tmp_path, old, new):
    text = HENK.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "henk.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return load_judged(path).warnings


@pytest.mark.parametrize(("old", "new", "message"), [
    ('uitleg = { nl = "Goed: het beroepsgeheim blijft intact en Henk houdt regie. Een crisiskaart kan de politie '
     'later helpen."', 'uitleg = { nl = "Goed."', "de uitleg is kort (1 woorden)"),
    ("duur_minuten = 45", "duur_minuten = 120", "de inhoud vraagt ongeveer"),
    ("duur_minuten = 45", "duur_minuten = 15", "de inhoud vraagt ongeveer"),
])
def test_check_warns_about_thin_content(tmp_path, old, new, message):
    warnings = _variant(tmp_path, old, new)
    assert any(w.message.startswith(message) and w.severity == "waarschuwing" and w.line for w in warnings), \
        [w.format() for w in warnings]


def test_check_warns_about_a_puzzle_with_fewer_than_three_items(tmp_path):
    from escaperoom.content.template import template
    text = template("x").replace('kaarten = ["contact", "achterstand", "reden"]',
                                 'kaarten = ["contact", "achterstand"]')
    text = text.replace(', reden = "mag_niet_delen" }', " }")
    path = tmp_path / "x.toml"
    path.write_text(text, encoding="utf-8")
    warnings = load_judged(path).warnings
    assert any(w.message.startswith("puzzel 'vroegsignalering' heeft maar 2 te beslissen onderdelen") and w.line
               for w in warnings), [w.format() for w in warnings]


def test_the_expected_playing_time_of_every_bundled_case_is_near_its_duration():
    for path in sorted(puzzels_dir().glob("*.toml")):
        for judged in load_judged(path).levels.values():
            planned = judged.scenario.scenario.duur_minuten
            assert 0.6 * planned <= expected_minutes(judged.scenario) <= 1.5 * planned, (path.name, judged.level)


def test_at_least_two_bundled_cases_are_completely_in_english():
    from pydantic import BaseModel

    from escaperoom.text import Text

    def missing(node) -> int:
        if isinstance(node, Text):
            return 0 if node.en else 1
        if isinstance(node, BaseModel):
            return sum(missing(getattr(node, k)) for k in type(node).model_fields)
        if isinstance(node, list | tuple):
            return sum(missing(x) for x in node)
        if isinstance(node, dict):
            return sum(missing(x) for x in node.values())
        return 0

    english = [path.stem for path in sorted(puzzels_dir().glob("*.toml"))
               if all(missing(j.scenario) == 0 for j in load_judged(path).levels.values())]
    assert len(english) >= 2 and {"henk", "gezin"} <= set(english), english
