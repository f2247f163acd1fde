"""``escaperoom wis``: lists what goes, asks first (no answer is no), deletes one session or all."""

from __future__ import annotations

import io
import sys

import pytest

from escaperoom.cli import main


def _ids(folder):
    return sorted(p.name for p in folder.iterdir() if p.is_dir())


@pytest.fixture
def no_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))


def test_wis_with_ja_deletes_the_session_without_asking(five_teams, capsys):
    victim = _ids(five_teams)[0]
    code = main(["wis", victim, "--ja", "--saves", str(five_teams)])
    out = capsys.readouterr().out
    assert code == 0
    assert victim not in _ids(five_teams) and len(_ids(five_teams)) == 4
    assert victim in out and "team: Team" in out and "casus: henk" in out and "Verwijderd: 1 sessie." in out


def test_wis_without_confirmation_keeps_everything(five_teams, capsys, no_stdin):
    before = _ids(five_teams)
    code = main(["wis", "--alle", "--saves", str(five_teams)])
    out = capsys.readouterr().out
    assert code == 0
    assert "Weet je het zeker? [j/N]" in out and "Niets verwijderd." in out
    assert _ids(five_teams) == before


@pytest.mark.parametrize("answer", ["n\n", "\n", "misschien\n"])
def test_anything_but_ja_keeps_the_sessions(five_teams, monkeypatch, capsys, answer):
    monkeypatch.setattr(sys, "stdin", io.StringIO(answer))
    before = _ids(five_teams)
    main(["wis", before[0], "--saves", str(five_teams)])
    assert _ids(five_teams) == before


def test_answering_j_deletes_all_sessions(five_teams, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("j\n"))
    (five_teams / "LEESMIJ.txt").write_text("blijft", encoding="utf-8")
    code = main(["wis", "--alle", "--saves", str(five_teams)])
    assert code == 0 and _ids(five_teams) == []
    assert (five_teams / "LEESMIJ.txt").exists()
    assert "Verwijderd: 5 sessies." in capsys.readouterr().out


def test_an_unknown_session_is_exit_1_with_the_existing_ids(five_teams, capsys):
    code = main(["wis", "20990101-000000-niemand-0000", "--ja", "--saves", str(five_teams)])
    err = capsys.readouterr().err
    assert code == 1
    assert "sessie '20990101-000000-niemand-0000' bestaat niet" in err
    for session_id in _ids(five_teams):
        assert session_id in err
    assert len(_ids(five_teams)) == 5


def test_a_path_instead_of_an_id_deletes_nothing(five_teams, capsys):
    code = main(["wis", "../../etc", "--ja", "--saves", str(five_teams)])
    assert code == 1 and len(_ids(five_teams)) == 5


def test_wis_without_a_session_or_alle_is_a_usage_error(five_teams, capsys):
    assert main(["wis", "--saves", str(five_teams)]) == 2
    assert "--alle" in capsys.readouterr().err


def test_wis_alle_on_an_empty_folder_says_there_is_nothing(tmp_path, capsys):
    assert main(["wis", "--alle", "--ja", "--saves", str(tmp_path)]) == 0
    assert "geen sessies" in capsys.readouterr().out
