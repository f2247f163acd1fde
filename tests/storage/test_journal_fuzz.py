"""Fuzzed journals: whatever is on disk, reading gives records and warnings or a SaveError, never a traceback."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from escaperoom.errors import SaveError
from escaperoom.storage.journal import Journal, JournalRead, read_journal, read_journal_header

FILE_SETTINGS = settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])

JSON_LEAVES = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
)
JSON_VALUES = st.recursive(
    JSON_LEAVES,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=12,
)
FIELD_NAMES = st.text(min_size=1, max_size=10).filter(lambda k: k not in {"type", "seq", "t", "schema"})


def _valid_journal(folder: Path, decisions: int = 4) -> tuple[Path, bytes, list[dict]]:
    path = folder / "journal.jsonl"
    with Journal.create(path, {"team": "De Uilen", "scenario": "wijkteam"}) as journal:
        for n in range(decisions):
            journal.append("besluit", puzzel=f"p{n}", antwoord="mag niet delen", reden="ĳs en é\nnieuwe regel")
    return path, path.read_bytes(), read_journal(path).records


def _read_or_save_error(path: Path) -> JournalRead | None:
    """The only two allowed outcomes; any other exception fails the test."""
    try:
        result = read_journal(path)
    except SaveError as err:
        assert str(err)
        return None
    assert result.records and result.records[0]["type"] == "sessie_start"
    assert all(isinstance(w, str) and w for w in result.warnings)
    return result


@FILE_SETTINGS
@given(st.binary(max_size=2000))
def test_random_bytes_give_records_or_a_save_error_never_another_exception(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "journal.jsonl"
        path.write_bytes(data)
        _read_or_save_error(path)
        with contextlib.suppress(SaveError):
            read_journal_header(path)


@FILE_SETTINGS
@given(st.lists(st.sampled_from([b"{", b"}", b'"', b"\n", b"\r\n", b":", b",", b"\\", b'"type"', b'"seq"',
                                 b'"sessie_start"', b'"schema"', b"1", b"0", b"-", b"[", b"]", b"\x00", b"\xef\xbb\xbf",
                                 b"\xff", b"true", b"null", b" "]), max_size=80))
def test_json_like_noise_gives_records_or_a_save_error_never_another_exception(pieces):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "journal.jsonl"
        path.write_bytes(b"".join(pieces))
        _read_or_save_error(path)


def test_cutting_a_valid_journal_at_every_byte_keeps_every_complete_record(tmp_path):
    path, data, original = _valid_journal(tmp_path)
    line_ends = [i + 1 for i, byte in enumerate(data) if byte == ord("\n")]
    for offset in range(len(data) + 1):
        path.write_bytes(data[:offset])
        result = _read_or_save_error(path)
        complete = sum(1 for end in line_ends if end <= offset)
        only_newline_missing = offset + 1 in line_ends
        if complete == 0 and not only_newline_missing:
            assert result is None, f"cut at {offset} should not be a journal"
            continue
        assert result is not None, f"cut at {offset} lost the journal"
        expected = complete + (1 if only_newline_missing else 0)
        assert result.records == original[:expected], f"cut at {offset}"
        assert bool(result.warnings) == (offset not in line_ends), f"cut at {offset}: {result.warnings}"


@FILE_SETTINGS
@given(st.data())
def test_a_journal_cut_anywhere_after_its_start_line_can_be_resumed_cleanly(data):
    with tempfile.TemporaryDirectory() as folder:
        path, full, original = _valid_journal(Path(folder))
        header_end = full.index(b"\n")
        offset = data.draw(st.integers(min_value=header_end, max_value=len(full)), label="offset")
        path.write_bytes(full[:offset])
        survivors = read_journal(path).records
        with Journal.open_append(path) as journal:
            added = journal.append("hervat", na=len(survivors))
        result = read_journal(path)
        assert result.warnings == []
        assert result.records == survivors + [added]
        assert added["seq"] == survivors[-1]["seq"] + 1
        assert survivors == original[: len(survivors)]


@FILE_SETTINGS
@given(junk=st.binary(min_size=1, max_size=200), where=st.integers(min_value=1, max_value=4))
def test_junk_between_records_never_loses_the_records_around_it(junk, where):
    with tempfile.TemporaryDirectory() as folder:
        path, full, original = _valid_journal(Path(folder))
        lines = full.splitlines(keepends=True)
        path.write_bytes(b"".join(lines[:where]) + junk + b"\n" + b"".join(lines[where:]))
        result = read_journal(path)
        assert result.records[:where] == original[:where]
        assert result.records[-(len(original) - where):] == original[where:]


@FILE_SETTINGS
@given(st.dictionaries(FIELD_NAMES, JSON_VALUES, max_size=5), st.text(min_size=1, max_size=15))
def test_any_json_fields_come_back_exactly_as_they_were_appended(fields, kind):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "journal.jsonl"
        with Journal.create(path, {"team": "A"}) as journal:
            written = journal.append(kind, **fields)
        result = read_journal(path)
        assert result.warnings == []
        assert result.records[1] == written
        assert path.read_bytes().count(b"\n") == 2
