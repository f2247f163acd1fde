"""Atomic TOML saves: round trip, refusal of broken or foreign files, stale temp files."""

from __future__ import annotations

import contextlib
import os
import tempfile
import tomllib
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from escaperoom.errors import SaveError
from escaperoom.storage.saves import SAVE_SCHEMA, clean_stale_temp_files, read_state, write_state

STATE = {
    "team": "De Uilen",
    "scenario": "wijkteam",
    "afgerond": False,
    "resterende_tijd": 1234.5,
    "gestart": datetime(2025, 3, 1, 9, 30, tzinfo=UTC),
    "datum": date(2025, 3, 1),
    "puzzels": [
        {"id": "p1", "opgelost": True, "pogingen": 2, "hints": ["h1"]},
        {"id": "p2", "opgelost": False, "pogingen": 0, "hints": []},
    ],
    "cijfers": {"score": 80, "slot": "4711"},
}


def test_a_state_comes_back_exactly_as_it_was_saved(tmp_path):
    path = tmp_path / "stand.toml"
    write_state(path, STATE)
    assert read_state(path) == STATE


def test_the_file_says_which_app_and_schema_wrote_it(tmp_path):
    path = tmp_path / "stand.toml"
    write_state(path, {"team": "A"})
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    assert raw["app"] == "escaperoom"
    assert raw["schema"] == SAVE_SCHEMA
    assert path.read_text(encoding="utf-8").startswith('app = "escaperoom"\nschema = 1\n')


def test_none_values_are_left_out_at_every_depth(tmp_path):
    path = tmp_path / "stand.toml"
    write_state(path, {"team": "A", "hint": None, "puzzel": {"p1": {"antwoord": None, "pogingen": 1}},
                       "lijst": [{"a": None, "b": 2}]})
    assert read_state(path) == {"team": "A", "puzzel": {"p1": {"pogingen": 1}}, "lijst": [{"b": 2}]}


def test_none_inside_a_list_is_refused_because_dropping_it_would_shift_the_other_items(tmp_path):
    path = tmp_path / "stand.toml"
    with pytest.raises(TypeError, match="None"):
        write_state(path, {"antwoorden": ["a", None, "c"]})
    assert not path.exists()


@pytest.mark.parametrize("state", [{"x": object()}, {"x": {1, 2}}, {"x": b"bytes"}, {1: "getal als sleutel"}],
                         ids=["object", "set", "bytes", "int-key"])
def test_a_value_toml_cannot_hold_is_refused_and_the_old_save_is_kept(tmp_path, state):
    path = tmp_path / "stand.toml"
    write_state(path, {"team": "A"})
    before = path.read_bytes()
    with pytest.raises(TypeError):
        write_state(path, state)
    assert path.read_bytes() == before
    assert list(tmp_path.iterdir()) == [path]


@pytest.mark.parametrize("key", ["app", "schema"])
def test_the_keys_app_and_schema_are_reserved(tmp_path, key):
    with pytest.raises(ValueError):
        write_state(tmp_path / "stand.toml", {key: 1})


def test_saving_again_replaces_the_state_and_leaves_no_temp_file(tmp_path):
    path = tmp_path / "sessie" / "stand.toml"
    write_state(path, {"n": 1})
    write_state(path, {"n": 2})
    assert read_state(path) == {"n": 2}
    assert sorted(p.name for p in path.parent.iterdir()) == ["stand.toml"]


def test_a_failed_save_keeps_the_previous_state_and_removes_its_temp_file(tmp_path, monkeypatch):
    path = tmp_path / "stand.toml"
    write_state(path, {"n": 1})
    before = path.read_bytes()

    def no_rename(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_rename)
    with pytest.raises(SaveError, match="vorige stand is bewaard"):
        write_state(path, {"n": 2})
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert list(tmp_path.iterdir()) == [path]


TOML_LEAVES = (
    st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | st.dates()
)
TOML_VALUES = st.recursive(
    TOML_LEAVES,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=15,
)


@settings(deadline=None, max_examples=100)
@given(st.dictionaries(st.text(max_size=8).filter(lambda k: k not in ("app", "schema")), TOML_VALUES, max_size=6))
def test_any_toml_state_survives_a_round_trip(state):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "stand.toml"
        write_state(path, state)
        assert _same(read_state(path), state)


def _same(a, b) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=False))
    return type(a) is type(b) and a == b


# ------------------------------------------------------------------------------------------ refusing bad files

_GOOD = b'app = "escaperoom"\nschema = 1\nteam = "A"\n'
_BAD_SAVES = {
    "empty": (b"", "leeg"),
    "only-whitespace": (b"  \n\n", "leeg"),
    "broken-toml": (b'app = "escaperoom"\nschema = 1\nteam = "A\n', "geen geldige TOML"),
    "torn-write": (_GOOD[:20], "geen geldige TOML"),
    "binary-junk": (bytes(range(256)), "binaire gegevens"),
    "latin-1-text": ('app = "escaperoom"\nteam = "Caf\xe9"\n'.encode("latin-1"), "geen UTF-8"),
    "foreign-toml": (b'[tool.poetry]\nname = "iets"\n', "geen spelstand van de Privacy Escape Room"),
    "other-app": (b'app = "iets-anders"\nschema = 1\n', "geen spelstand van de Privacy Escape Room"),
    "newer-schema": (b'app = "escaperoom"\nschema = 2\n', "nieuwere versie"),
    "schema-missing": (b'app = "escaperoom"\n', "versienummer"),
    "schema-text": (b'app = "escaperoom"\nschema = "1"\n', "versienummer"),
    "journal-instead": (b'{"type":"sessie_start","schema":1,"seq":0}\n', "geen geldige TOML"),
}


@pytest.mark.parametrize("content,fragment", _BAD_SAVES.values(), ids=_BAD_SAVES.keys())
def test_a_broken_or_foreign_save_raises_a_dutch_save_error_and_the_file_is_unchanged(tmp_path, content, fragment):
    path = tmp_path / "stand.toml"
    path.write_bytes(content)
    with pytest.raises(SaveError) as caught:
        read_state(path)
    assert fragment in str(caught.value)
    assert "niet aangeraakt" in str(caught.value)
    assert caught.value.path == path
    assert path.read_bytes() == content
    assert list(tmp_path.iterdir()) == [path]


def test_a_bom_and_crlf_from_a_windows_editor_are_accepted(tmp_path):
    path = tmp_path / "stand.toml"
    path.write_bytes(b"\xef\xbb\xbf" + _GOOD.replace(b"\n", b"\r\n"))
    assert read_state(path) == {"team": "A"}


def test_a_missing_save_or_a_folder_raises_save_error(tmp_path):
    with pytest.raises(SaveError, match="bestaat niet"):
        read_state(tmp_path / "weg.toml")
    with pytest.raises(SaveError, match="map"):
        read_state(tmp_path)


@settings(deadline=None, max_examples=150)
@given(st.binary(max_size=500))
def test_random_bytes_give_a_state_or_a_save_error_never_another_exception(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "stand.toml"
        path.write_bytes(data)
        with contextlib.suppress(SaveError):
            assert isinstance(read_state(path), dict)
        assert path.read_bytes() == data


# ------------------------------------------------------------------------------------------ stale temp files


def test_stale_temp_files_from_crashed_saves_are_removed_and_nothing_else(tmp_path):
    session = tmp_path / "20250301-093000-de-uilen-ab12"
    session.mkdir()
    stale = [tmp_path / ".stand.toml.4242.tmp", session / ".stand.toml.1.tmp"]
    keep = [tmp_path / "README.md", tmp_path / "notes.tmp", tmp_path / ".verborgen", session / "stand.toml",
            session / "journal.jsonl", session / ".stand.toml.tmp",
            session / "journal.jsonl.beschadigd-20250301-100005"]
    for path in stale + keep:
        path.write_bytes(b"x")
    (tmp_path / ".map.123.tmp").mkdir()  # a folder with a temp-like name is not ours to remove

    removed = clean_stale_temp_files(tmp_path)

    assert sorted(removed) == sorted(stale)
    assert not any(p.exists() for p in stale)
    assert all(p.exists() for p in keep)
    assert (tmp_path / ".map.123.tmp").is_dir()
    assert clean_stale_temp_files(tmp_path) == []


def test_cleaning_a_missing_saves_folder_is_harmless(tmp_path):
    assert clean_stale_temp_files(tmp_path / "bestaat-niet") == []
