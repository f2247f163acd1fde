"""Corrupt, foreign and fuzzed journals are reported with a Dutch reason; the debrief and its reports never crash."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from escaperoom.debrief.model import build_debrief, load_sessions
from escaperoom.debrief.report import render_csv, render_html
from escaperoom.debrief.whatif import whatif_for


def _journal(folder: Path) -> Path:
    return sorted(folder.iterdir())[0] / "journal.jsonl"


def _render_everything(found, loaded) -> None:
    if not found.sessions:
        render_html([], found)
        return
    d = build_debrief(found.sessions, scenarios=[loaded])
    for s in d.sessions:
        for step in s.steps:
            d.describe(step)
    for p in d.puzzles:
        panel = whatif_for(d, p.id)
        if panel:
            for t in panel.toggles:
                panel.team_effects(t, d)
    render_html([d], found)
    render_csv([d])


def test_broken_files_are_listed_with_a_dutch_reason_and_the_good_ones_still_load(tmp_path, five_teams):
    (tmp_path / "leeg.jsonl").write_bytes(b"")
    (tmp_path / "binair.jsonl").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "vreemd.jsonl").write_text('{"type":"iets","seq":0}\n', encoding="utf-8")
    (tmp_path / "nieuwer.jsonl").write_text('{"type":"sessie_start","schema":99,"seq":0}\n', encoding="utf-8")
    (tmp_path / "zonder_id.jsonl").write_text('{"type":"sessie_start","schema":1,"seq":0,"casus":"henk"}\n',
                                              encoding="utf-8")
    found = load_sessions([five_teams, tmp_path / "leeg.jsonl", tmp_path / "binair.jsonl", tmp_path / "vreemd.jsonl",
                           tmp_path / "nieuwer.jsonl", tmp_path / "zonder_id.jsonl", tmp_path / "weg.jsonl"])
    assert len(found.sessions) == 5
    reasons = {b.path.name: b.reason for b in found.broken}
    assert "leeg" in reasons["leeg.jsonl"]
    assert "geen beslissingsjournaal" in reasons["binair.jsonl"]
    assert "geen beslissingsjournaal" in reasons["vreemd.jsonl"]
    assert "nieuwere versie" in reasons["nieuwer.jsonl"]
    assert "sessienummer" in reasons["zonder_id.jsonl"]
    assert "bestaat niet" in reasons["weg.jsonl"]


def test_a_folder_without_journals_gives_a_note(tmp_path):
    (tmp_path / "leeg").mkdir()
    found = load_sessions([tmp_path / "leeg"])
    assert found.sessions == [] and "geen sessies" in found.notes[0]


def test_damaged_records_inside_a_good_journal_are_skipped_with_a_warning(five_teams, henk_loaded):
    journal = _journal(five_teams)
    lines = journal.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    attempt = next(i for i, r in enumerate(records) if r["type"] == "poging")
    records[attempt]["items"] = "kapot"
    second = next(i for i, r in enumerate(records) if r["type"] == "poging" and i > attempt)
    records[second]["items"][0] = {"label": 5}
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    lines.insert(3, "dit is geen json")
    journal.write_text("\n".join(lines) + '\n{"type":"poging","se', encoding="utf-8")
    found = load_sessions([five_teams])
    assert len(found.sessions) == 5 and not found.broken
    damaged = next(s for s in found.sessions if s.path == journal)
    text = " ".join(damaged.warnings)
    assert "onleesbaar" in text and "onvolledig" in text and "is overgeslagen" in text
    _render_everything(found, henk_loaded)


_json = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 10**6) | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fuzzed_record_values_never_crash_the_debrief(tmp_path_factory, _five_teams_master, henk_loaded, data):
    source = _journal(_five_teams_master)
    records = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines()]
    for _ in range(data.draw(st.integers(1, 6))):
        index = data.draw(st.integers(1, len(records) - 1))
        record = records[index]
        target = record
        items = record.get("items")
        if isinstance(items, list) and items and all(isinstance(i, dict) and i for i in items) \
                and data.draw(st.booleans()):
            target = data.draw(st.sampled_from(items))
        key = data.draw(st.sampled_from(sorted(target)))
        if key in ("type", "seq", "schema") and target is record:
            continue
        target[key] = data.draw(_json)
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "journal.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    found = load_sessions([folder])
    assert len(found.sessions) + len(found.broken) == 1
    _render_everything(found, henk_loaded)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(0, 10**6), junk=st.binary(max_size=40), where=st.integers(0, 10**6))
def test_fuzzed_journal_bytes_are_reported_or_read_never_raised(tmp_path_factory, _five_teams_master, henk_loaded,
                                                                cut, junk, where):
    data = _journal(_five_teams_master).read_bytes()
    data = data[: cut % (len(data) + 1)]
    spot = where % (len(data) + 1)
    data = data[:spot] + junk + data[spot:]
    folder = tmp_path_factory.mktemp("bytes")
    (folder / "journal.jsonl").write_bytes(data)
    found = load_sessions([folder])
    assert len(found.sessions) + len(found.broken) == 1
    for broken in found.broken:
        assert broken.reason and "Traceback" not in broken.reason
    _render_everything(found, henk_loaded)
