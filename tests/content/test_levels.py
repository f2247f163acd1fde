"""Two levels of one casus (content/levels.py): what a tag and an override table do, the lines and keys a problem at
one level names, that every bundled case has both levels with the basis no larger than the verdieping, and that the
game records the level it played."""

from __future__ import annotations

from pathlib import Path

import pytest

from escaperoom.content.levels import BASIS, VERDIEPING, derive, has_levels, parse_key_path
from escaperoom.content.source.keypath import format_key_path
from escaperoom.errors import ContentError
from escaperoom.kinds.judging import load_judged
from escaperoom.paths import puzzels_dir
from escaperoom.play import records
from escaperoom.play.recorder import start
from escaperoom.storage.journal import read_journal_header

BUNDLED = sorted(puzzels_dir().glob("*.toml"))
HENK = puzzels_dir() / "henk.toml"


def test_a_file_without_tags_has_no_levels_and_plays_the_same_at_both():
    text = (Path(__file__).resolve().parents[2] / "escaperoom" / "content" / "sjabloon.toml").read_text("utf-8")
    import tomllib
    data = tomllib.loads(text.replace("CASUS_ID", "x"))
    assert not has_levels(data)
    assert derive(data, BASIS)[0] == derive(data, VERDIEPING)[0] == data


def test_a_tagged_part_is_only_at_its_level_and_an_override_replaces_the_key():
    data = {"puzzels": [
        {"id": "a", "soort": "sorteren", "kaarten": ["x", "y", "z"], "basis": {"kaarten": ["x", "y"]},
         "bestemmingen": [{"ontvanger": "r", "verwacht": {"x": 1, "y": 1, "z": 1}},
                          {"ontvanger": "s", "speelniveau": "verdieping", "verwacht": {"x": 1}}]},
        {"id": "b", "speelniveau": "verdieping", "soort": "dilemma"},
        {"id": "slot", "soort": "slot", "codes_van": ["a", "b"]}]}
    basis, paths = derive(data, BASIS)
    assert [p["id"] for p in basis["puzzels"]] == ["a", "slot"]
    sort = basis["puzzels"][0]
    assert sort["kaarten"] == ["x", "y"] and "basis" not in sort
    assert [b["ontvanger"] for b in sort["bestemmingen"]] == ["r"]
    assert sort["bestemmingen"][0]["verwacht"] == {"x": 1, "y": 1}  # z is a card at the other level only
    assert basis["puzzels"][1]["codes_van"] == ["a"]  # b is a puzzle at the other level only
    assert paths[("puzzels", 1)] == ("puzzels", 2)
    assert paths[("puzzels", 0, "kaarten")] == ("puzzels", 0, "basis", "kaarten")
    whole, _ = derive(data, VERDIEPING)
    assert len(whole["puzzels"]) == 3 and whole["puzzels"][0]["kaarten"] == ["x", "y", "z"]


def test_a_reference_that_exists_at_no_level_is_kept_so_the_typo_is_named(tmp_path):
    text = HENK.read_text(encoding="utf-8").replace(
        'nodig = ["contact", "achterstand"]', 'nodig = ["contact", "achterstand", "achterstnd"]', 1)
    path = tmp_path / "henk.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_judged(path)
    assert any("onbekend gegeven 'achterstnd'" in p.message for p in err.value.problems)


def test_a_problem_at_one_level_names_the_key_and_line_as_written_and_the_level(tmp_path):
    text = HENK.read_text(encoding="utf-8")
    needle = 'niveau = "voorbeeld"\ntekst = { nl = "Twee opties zijn goed'
    assert needle in text
    broken = text.replace(needle, 'niveau = "voorbeld"\ntekst = { nl = "Twee opties zijn goed')
    path = tmp_path / "henk.toml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_judged(path)
    [problem] = [p for p in err.value.problems if "voorbeld" in p.message or "niveau" in p.key]
    line = broken[: broken.index('niveau = "voorbeld"')].count("\n") + 1
    assert problem.line == line
    assert problem.key.startswith("puzzels[4].hints[")  # the hint's index in the file, not in the basis level
    assert problem.message.endswith("(speelniveau basis)")


def test_key_paths_read_back_as_they_were_written():
    for path in (("puzzels", 2, "kaarten", 0), ("scenario", "basis", "duur_minuten"), ("gegevens", "a b", "label")):
        assert parse_key_path(format_key_path(path)) == path


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_every_bundled_case_has_both_levels_and_the_basis_asks_less(path):
    judged = load_judged(path)
    basis, whole = judged.levels[BASIS], judged.levels[VERDIEPING]
    assert judged is whole and judged.leveled and basis.level == BASIS
    assert basis.warnings == [] and whole.warnings == []

    def count(j):
        return sum(len(cases) for cases in j.cases.values())

    assert count(basis) < count(whole)
    assert {p.id for p in basis.scenario.puzzels} <= {p.id for p in whole.scenario.puzzels}
    hints = [len(p.hints) for p in basis.scenario.rooms]
    assert all(n >= 3 for n in hints) and sum(hints) > sum(len(p.hints) for p in whole.scenario.rooms
                                                          if p.id in {q.id for q in basis.scenario.rooms})


def test_the_journal_start_record_names_the_level_played_and_old_records_rebuild_without_it(tmp_path):
    judged = load_judged(HENK)
    rec = start(tmp_path, judged.at_level(BASIS), "Team Niveau")
    rec.close()
    header = read_journal_header(rec.files.journal)
    assert header["niveau"] == "basis"
    parsed = records.StartRecord.parse(header)
    assert parsed.level == "basis" and parsed.fields()["niveau"] == "basis"
    old = {k: v for k, v in header.items() if k != "niveau"}
    assert records.StartRecord.parse(old).level is None and "niveau" not in records.StartRecord.parse(old).fields()


def test_the_two_levels_of_one_file_have_different_content_hashes():
    from escaperoom.play.fingerprint import content_hash
    judged = load_judged(HENK)
    assert content_hash(judged.at_level(BASIS)) != content_hash(judged.at_level(VERDIEPING))
