"""Reading a content file from disk: missing, no access, a folder, too big — one Dutch problem, never a traceback.

The hostile cases (FIFOs, devices, links out of the folder, names too long) are in test_hostile_files.py.
"""

from __future__ import annotations

import os
from pathlib import Path

from escaperoom.content.source import read_toml

from ._reading import problem_of

# ------------------------------------------------------------------------------------------ files that cannot be read


def test_a_missing_file_is_reported_and_a_similar_name_is_suggested(tmp_path):
    (tmp_path / "casus_wijkteam.toml").write_text('a = 1\n', encoding="utf-8")
    problem = problem_of(tmp_path / "casus_wijkteem.toml")
    assert problem.message == "het bestand bestaat niet"
    assert "bedoelde je 'casus_wijkteam.toml'?" in problem.hint


def test_a_directory_is_refused_as_a_map_not_a_file(tmp_path):
    assert problem_of(tmp_path).message == "dit is een map, geen bestand"


def test_an_unreadable_file_is_reported_without_traceback(tmp_path, monkeypatch):
    """The reader opens with ``os.open`` (never blocking on a FIFO), so the refusal is simulated there; the
    tests run as root on CI, where a chmod 000 file is still readable."""
    path = tmp_path / "geheim.toml"
    path.write_text('a = 1\n', encoding="utf-8")
    real_open = os.open

    def refuse(name, *args, **kwargs):
        if Path(name) == path:
            raise PermissionError(13, "Permission denied")
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    assert problem_of(path).message == "het bestand kan niet worden gelezen: geen toegang"


def test_a_fifty_megabyte_file_is_refused_with_its_size_before_it_is_read(tmp_path):
    path = tmp_path / "groot.toml"
    with path.open("wb") as handle:  # sparse: 50 MB of NUL bytes that are never read
        handle.truncate(50_000_000)
    problem = problem_of(path)
    assert problem.message == "het bestand is te groot (50,0 MB; de grens is 5,0 MB)"


def test_the_size_limit_can_be_set_by_the_caller(tmp_path):
    path = tmp_path / "klein.toml"
    path.write_text('titel = "' + "x" * 2000 + '"\n', encoding="utf-8")
    assert "te groot (2,0 kB; de grens is 1,0 kB)" in problem_of(path, max_bytes=1000).message
    assert read_toml(path).data["titel"] == "x" * 2000

