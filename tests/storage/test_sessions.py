"""Session folders in the saves directory: naming, listing (also broken ones) and deleting."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from escaperoom.errors import SaveError
from escaperoom.storage.journal import Journal
from escaperoom.storage.saves import (
    SessionFiles,
    delete_all,
    delete_session,
    list_sessions,
    team_slug,
    write_state,
)


def _session(saves: Path, team: str, when: datetime, *, scenario="wijkteam", finished=None) -> SessionFiles:
    files = SessionFiles.new(saves, team, now=when)
    Journal.create(files.journal, {"team": team, "scenario": scenario}).close()
    if finished is not None:
        write_state(files.state, {"team": team, "afgerond": finished})
    return files


def test_a_session_id_is_time_team_slug_and_four_hex_digits(tmp_path):
    files = SessionFiles.new(tmp_path, "De Ĳsvogels van Zuid-Oost!", now=datetime(2025, 3, 1, 9, 30, 5))
    date, time, *slug, tail = files.session_id.split("-")
    assert (date, time) == ("20250301", "093005")
    assert "-".join(slug) == "de-ijsvogels-van-zuid-oost"
    assert len(tail) == 4 and int(tail, 16) >= 0
    assert files.folder == tmp_path / files.session_id
    assert files.journal == files.folder / "journal.jsonl"
    assert files.state == files.folder / "stand.toml"
    assert files.started == datetime(2025, 3, 1, 9, 30, 5)


@pytest.mark.parametrize(
    "team,slug",
    [("Team Één", "team-een"), ("   ", "team"), ("!!!", "team"), ("Café ‘Ons Huis’", "cafe-ons-huis"),
     ("x" * 80, "x" * 30), ("ab" + "-" * 40 + "cd", "ab-cd")],
)
def test_team_names_become_safe_folder_name_slugs(team, slug):
    assert team_slug(team) == slug


def test_two_sessions_of_the_same_team_in_the_same_second_get_different_ids(tmp_path):
    moment = datetime(2025, 3, 1, 9, 30)
    ids = {SessionFiles.new(tmp_path, "A", now=moment).session_id for _ in range(20)}
    assert len(ids) > 1


@pytest.mark.parametrize("bad", ["..", "../etc", "20250301-093000-a-ab12/../x", "", "20250301-093000-A-ab12",
                                 "20250301-093000--ab12", "sessie"])
def test_a_session_id_that_could_point_anywhere_else_is_refused(tmp_path, bad):
    with pytest.raises(ValueError):
        SessionFiles(tmp_path, bad)


def test_sessions_are_listed_newest_first_with_team_scenario_and_whether_finished(tmp_path):
    _session(tmp_path, "Uilen", datetime(2025, 3, 1, 9, 0), finished=True)
    _session(tmp_path, "Vossen", datetime(2025, 3, 2, 9, 0), scenario="jeugdzorg", finished=False)
    _session(tmp_path, "Dassen", datetime(2025, 3, 1, 14, 0))  # crashed before the first save: no state yet
    listed = list_sessions(tmp_path)
    assert [(s.team, s.scenario, s.finished, s.ok) for s in listed] == [
        ("Vossen", "jeugdzorg", False, True),
        ("Dassen", "wijkteam", False, True),
        ("Uilen", "wijkteam", True, True),
    ]


def test_broken_sessions_are_listed_with_their_reason_instead_of_crashing(tmp_path):
    junk = _session(tmp_path, "Rommel", datetime(2025, 3, 1, 9, 0))
    junk.journal.write_bytes(b"\x00\x01\x02 geen journaal")
    no_journal = SessionFiles.new(tmp_path, "Zonder", now=datetime(2025, 3, 1, 10, 0))
    write_state(no_journal.state, {"team": "Zonder", "scenario": "wijkteam"})
    bad_state = _session(tmp_path, "Kapot", datetime(2025, 3, 1, 11, 0))
    bad_state.state.write_bytes(b"team = \"Kap")
    empty = SessionFiles.new(tmp_path, "Leeg", now=datetime(2025, 3, 1, 12, 0))
    empty.folder.mkdir()

    listed = {s.files.session_id: s for s in list_sessions(tmp_path)}

    assert "geen beslissingsjournaal" in listed[junk.session_id].broken
    assert "journaal ontbreekt" in listed[no_journal.session_id].broken
    assert listed[no_journal.session_id].team == "Zonder"  # still recognisable from the state file
    assert "stand: " in listed[bad_state.session_id].broken
    assert listed[bad_state.session_id].team == "Kapot"
    assert "journaal ontbreekt" in listed[empty.session_id].broken
    assert not any(s.ok for s in listed.values())
    assert junk.journal.read_bytes() == b"\x00\x01\x02 geen journaal"  # listing never repairs or deletes


def test_listing_ignores_files_and_folders_that_are_not_sessions(tmp_path):
    (tmp_path / "README.md").write_text("saves")
    (tmp_path / "oude-map").mkdir()
    (tmp_path / "20250301-093000-los-bestand-ab12").write_text("een bestand, geen map")
    session = _session(tmp_path, "Uilen", datetime(2025, 3, 1, 9, 0))
    assert [s.files for s in list_sessions(tmp_path)] == [session]


def test_listing_a_missing_saves_folder_gives_nothing(tmp_path):
    assert list_sessions(tmp_path / "bestaat-niet") == []


def test_deleting_a_session_removes_only_its_folder(tmp_path):
    keep = _session(tmp_path, "Uilen", datetime(2025, 3, 1, 9, 0), finished=True)
    gone = _session(tmp_path, "Vossen", datetime(2025, 3, 2, 9, 0), finished=False)
    (gone.folder / "journal.jsonl.beschadigd-20250302-100000").write_bytes(b"x")
    delete_session(gone)
    assert not gone.folder.exists()
    assert [s.files for s in list_sessions(tmp_path)] == [keep]
    delete_session(gone)  # already gone: nothing to do


def test_deleting_a_session_that_is_a_link_is_refused(tmp_path):
    target = tmp_path / "elders"
    target.mkdir()
    (target / "belangrijk.txt").write_text("x")
    saves = tmp_path / "saves"
    saves.mkdir()
    files = SessionFiles(saves, "20250301-093000-link-ab12")
    files.folder.symlink_to(target, target_is_directory=True)
    with pytest.raises(SaveError):
        delete_session(files)
    assert (target / "belangrijk.txt").exists()


def test_deleting_all_removes_every_session_but_nothing_else(tmp_path):
    (tmp_path / "README.md").write_text("saves")
    sessions = [_session(tmp_path, team, datetime(2025, 3, day, 9, 0)) for day, team in ((1, "A"), (2, "B"))]
    removed = delete_all(tmp_path)
    assert sorted(removed, key=lambda f: f.session_id) == sessions
    assert [p.name for p in tmp_path.iterdir()] == ["README.md"]
    assert delete_all(tmp_path / "bestaat-niet") == []
