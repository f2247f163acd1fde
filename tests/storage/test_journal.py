"""The decision journal: record format, torn and damaged files, resume."""

from __future__ import annotations

import json
import os
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import escaperoom.storage.journal as journal_module
from escaperoom.errors import SaveError
from escaperoom.storage.journal import JOURNAL_SCHEMA, Journal, read_journal, read_journal_header

ISO_MS_UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


def _fixed_clock(start: datetime = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)):
    moments = iter(start + timedelta(milliseconds=i) for i in range(10_000))
    return lambda: next(moments)


def _journal(path: Path, decisions: int = 3) -> Path:
    with Journal.create(path, {"team": "De Uilen", "scenario": "wijkteam"}) as journal:
        for n in range(decisions):
            journal.append("besluit", puzzel=f"p{n}", antwoord="mag delen")
    return path


def _line(record: dict) -> bytes:
    return (json.dumps(record, separators=(",", ":")) + "\n").encode()


# ------------------------------------------------------------------------------------------ format


def test_a_new_journal_starts_with_a_sessie_start_record_holding_the_header(tmp_path):
    path = tmp_path / "s" / "journal.jsonl"
    Journal.create(path, {"team": "De Uilen", "scenario": "wijkteam"}, clock=_fixed_clock()).close()
    first = json.loads(path.read_bytes().splitlines()[0])
    assert first == {
        "type": "sessie_start",
        "schema": JOURNAL_SCHEMA,
        "seq": 0,
        "t": "2025-03-01T09:30:00.000Z",
        "team": "De Uilen",
        "scenario": "wijkteam",
    }


def test_every_record_has_type_seq_utc_time_with_milliseconds_and_schema(tmp_path):
    path = _journal(tmp_path / "journal.jsonl", decisions=5)
    records = read_journal(path).records
    assert [r["seq"] for r in records] == list(range(6))
    for record in records:
        assert record["schema"] == JOURNAL_SCHEMA
        assert isinstance(record["type"], str)
        assert ISO_MS_UTC.match(record["t"]), record["t"]
        assert datetime.fromisoformat(record["t"]).tzinfo is not None


def test_append_returns_exactly_the_record_that_was_stored(tmp_path):
    path = tmp_path / "journal.jsonl"
    with Journal.create(path, {"team": "A"}) as journal:
        written = journal.append("besluit", puzzel="p1", reden="Zorgplicht, art. 7:457 BW — ĳverig\nen zo")
    assert read_journal(path).records[1] == written


def test_each_record_is_exactly_one_line_even_when_text_holds_line_breaks(tmp_path):
    path = tmp_path / "journal.jsonl"
    with Journal.create(path, {"team": "A"}) as journal:
        journal.append("besluit", reden="een\ntwee\r\ndrie\u2028vier\x85vijf")
    assert path.read_bytes().count(b"\n") == 2
    assert path.read_bytes().endswith(b"\n")


@pytest.mark.parametrize(
    "value",
    [datetime(2025, 1, 1), {1, 2}, object(), float("nan"), float("inf"), b"bytes", "\ud800"],
    ids=["datetime", "set", "object", "nan", "inf", "bytes", "lone-surrogate"],
)
def test_a_value_that_is_not_json_is_refused_before_anything_is_written(tmp_path, value):
    path = _journal(tmp_path / "journal.jsonl")
    before = path.read_bytes()
    journal = Journal.open_append(path)
    with pytest.raises(TypeError):
        journal.append("besluit", waarde=value)
    assert path.read_bytes() == before
    assert journal.append("besluit", waarde=1)["seq"] == 4  # the failed record did not use up a seq
    journal.close()


def test_a_header_that_is_not_json_creates_no_file(tmp_path):
    path = tmp_path / "journal.jsonl"
    with pytest.raises(TypeError):
        Journal.create(path, {"team": object()})
    assert not path.exists()


@pytest.mark.parametrize("key", ["seq", "t", "schema"])
def test_the_journal_keys_cannot_be_overwritten_by_fields_or_header(tmp_path, key):
    with pytest.raises(ValueError):
        Journal.create(tmp_path / "a.jsonl", {key: 1})
    with Journal.create(tmp_path / "b.jsonl", {}) as journal, pytest.raises(ValueError):
        journal.append("besluit", **{key: 1})


def test_create_refuses_to_overwrite_an_existing_journal(tmp_path):
    path = _journal(tmp_path / "journal.jsonl")
    before = path.read_bytes()
    with pytest.raises(SaveError, match="niet overschreven"):
        Journal.create(path, {"team": "B"})
    assert path.read_bytes() == before


def test_appending_to_a_closed_journal_is_an_error(tmp_path):
    journal = Journal.create(tmp_path / "journal.jsonl", {})
    journal.close()
    journal.close()  # closing twice is harmless
    assert journal.closed
    with pytest.raises(ValueError):
        journal.append("besluit")


def test_a_failed_write_is_rolled_back_so_the_next_record_is_not_glued_to_it(tmp_path, monkeypatch):
    path = _journal(tmp_path / "journal.jsonl")
    before = path.read_bytes()
    journal = Journal.open_append(path)
    real_write = os.write

    def half_then_disk_full(fd, data):
        if fd == journal._fd and len(data) > 1:
            real_write(fd, bytes(data[: len(data) // 2]))
            raise OSError(28, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", half_then_disk_full)
    with pytest.raises(SaveError, match="niet in het journaal geschreven"):
        journal.append("besluit", puzzel="vol")
    monkeypatch.undo()
    assert path.read_bytes() == before
    journal.append("besluit", puzzel="weer ruimte")
    journal.close()
    result = read_journal(path)
    assert result.warnings == []
    assert [r["seq"] for r in result.records] == [0, 1, 2, 3, 4]


def test_a_journal_whose_start_record_cannot_be_written_leaves_no_file_behind(tmp_path, monkeypatch):
    path = tmp_path / "journal.jsonl"

    def broken_disk(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken_disk)
    with pytest.raises(SaveError, match="niet in het journaal geschreven"):
        Journal.create(path, {"team": "A"})
    monkeypatch.undo()
    assert not path.exists()
    Journal.create(path, {"team": "A"}).close()  # a second attempt is not blocked by a leftover


# ------------------------------------------------------------------------------------------ reading damage


def test_a_torn_last_line_is_skipped_with_a_warning(tmp_path):
    path = _journal(tmp_path / "journal.jsonl")
    path.write_bytes(path.read_bytes() + b'{"type":"besluit","seq":4,"t":"2025')
    result = read_journal(path)
    assert [r["seq"] for r in result.records] == [0, 1, 2, 3]
    assert len(result.warnings) == 1
    assert "laatste regel (regel 5)" in result.warnings[0] and "onvolledig" in result.warnings[0]


def test_zero_bytes_left_by_a_power_cut_at_the_end_are_skipped_with_a_warning(tmp_path):
    path = _journal(tmp_path / "journal.jsonl")
    path.write_bytes(path.read_bytes() + b"\x00" * 300)
    result = read_journal(path)
    assert len(result.records) == 4
    assert len(result.warnings) == 1


def test_an_unreadable_last_line_with_a_newline_is_skipped_with_a_warning(tmp_path):
    path = _journal(tmp_path / "journal.jsonl")
    path.write_bytes(path.read_bytes() + b"{kapot\n")
    result = read_journal(path)
    assert len(result.records) == 4
    assert result.warnings == ["de laatste regel (regel 5) is onleesbaar (geen geldige JSON) en is overgeslagen."]


def test_garbage_in_the_middle_is_skipped_with_a_warning_naming_the_line(tmp_path):
    path = _journal(tmp_path / "journal.jsonl")
    lines = path.read_bytes().splitlines(keepends=True)
    lines.insert(2, b"\xff\xfe garbage \x00\x01\n")
    lines.insert(4, b"[1, 2, 3]\n")
    path.write_bytes(b"".join(lines))
    result = read_journal(path)
    assert [r["seq"] for r in result.records] == [0, 1, 2, 3]
    assert len(result.warnings) == 2
    assert result.warnings[0].startswith("regel 3 is onleesbaar")
    assert result.warnings[1].startswith("regel 5 is onleesbaar")


def test_a_record_without_type_or_seq_is_skipped_with_a_warning(tmp_path):
    path = _journal(tmp_path / "journal.jsonl", decisions=1)
    with open(path, "ab") as handle:
        handle.write(b'{"seq": 9}\n{"type": "besluit", "seq": true}\n{"type": "besluit", "seq": 10}\n')
    result = read_journal(path)
    assert [r["seq"] for r in result.records] == [0, 1, 10]
    assert [w.split(" is ")[0] for w in result.warnings] == ["regel 3", "regel 4"]


def test_seq_going_backwards_or_repeating_gives_a_warning_but_keeps_the_record(tmp_path):
    path = _journal(tmp_path / "journal.jsonl", decisions=2)
    with open(path, "ab") as handle:
        handle.write(_line({"type": "besluit", "seq": 2, "t": "x"}))
        handle.write(_line({"type": "besluit", "seq": 7, "t": "x"}))
        handle.write(_line({"type": "besluit", "seq": 5, "t": "x"}))
    result = read_journal(path)
    assert [r["seq"] for r in result.records] == [0, 1, 2, 2, 7, 5]
    assert result.warnings == [
        "regel 4: volgnummer 2 is dubbel; het record is wel meegenomen.",
        "regel 6: volgnummer 5 is lager dan een eerder record; het record is wel meegenomen.",
    ]
    with Journal.open_append(path) as journal:
        assert journal.next_seq == 8


def test_a_utf8_bom_and_crlf_line_endings_from_a_windows_editor_are_accepted(tmp_path):
    path = _journal(tmp_path / "journal.jsonl")
    original = read_journal(path).records
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    result = read_journal(path)
    assert result.records == original
    assert result.warnings == []


def test_blank_lines_are_ignored_without_warning(tmp_path):
    path = _journal(tmp_path / "journal.jsonl")
    path.write_bytes(b"\n" + path.read_bytes().replace(b"\n", b"\n\n"))
    result = read_journal(path)
    assert len(result.records) == 4 and result.warnings == []


def test_a_last_record_missing_only_its_newline_is_kept_with_a_warning(tmp_path):
    path = _journal(tmp_path / "journal.jsonl")
    path.write_bytes(path.read_bytes()[:-1])
    result = read_journal(path)
    assert [r["seq"] for r in result.records] == [0, 1, 2, 3]
    assert len(result.warnings) == 1 and "geen regeleinde" in result.warnings[0]


def test_reading_never_changes_the_file(tmp_path):
    path = _journal(tmp_path / "journal.jsonl")
    damaged = path.read_bytes() + b"\x00garbage"
    path.write_bytes(damaged)
    read_journal(path)
    read_journal_header(path)
    assert path.read_bytes() == damaged
    assert list(tmp_path.iterdir()) == [path]


# ------------------------------------------------------------------------------------------ not a journal

_HEADER = _line({"type": "sessie_start", "schema": 1, "seq": 0, "t": "2025-03-01T09:30:00.000Z", "team": "A"})
_NOT_A_JOURNAL = {
    "empty": (b"", "leeg"),
    "only-blank-lines": (b"\n\r\n  \n", "leeg"),
    "binary-junk": (bytes(range(256)) * 4, "geen beslissingsjournaal"),
    "binary-junk-without-newline": (bytes(range(11, 256)), "geen beslissingsjournaal"),
    "zeros-after-power-cut": (b"\x00" * 4096, "alleen nul-bytes"),
    "png-image": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "geen beslissingsjournaal"),
    "plain-text": (b"Boodschappen: melk, brood\n", "geen beslissingsjournaal"),
    "json-array": (b"[]\n", "geen beslissingsjournaal"),
    "first-record-not-start": (_line({"type": "besluit", "seq": 0}), "geen 'sessie_start'"),
    "newer-schema": (_line({"type": "sessie_start", "schema": 2, "seq": 0}), "nieuwere versie"),
    "schema-missing": (_line({"type": "sessie_start", "seq": 0}), "versienummer"),
    "schema-text": (_line({"type": "sessie_start", "schema": "1", "seq": 0}), "versienummer"),
    "torn-start-line": (_HEADER[:25], "geen volledige startregel"),
    "toml-save": (b'app = "escaperoom"\nschema = 1\n', "geen beslissingsjournaal"),
}


@pytest.mark.parametrize("content,fragment", _NOT_A_JOURNAL.values(), ids=_NOT_A_JOURNAL.keys())
def test_a_file_that_is_not_a_journal_raises_a_dutch_save_error_and_stays_untouched(tmp_path, content, fragment):
    path = tmp_path / "journal.jsonl"
    path.write_bytes(content)
    for action in (read_journal, read_journal_header, Journal.open_append):
        with pytest.raises(SaveError) as caught:
            action(path)
        assert fragment in str(caught.value)
        assert caught.value.path == path
        assert path.read_bytes() == content
    assert list(tmp_path.iterdir()) == [path]


def test_a_directory_is_not_a_journal(tmp_path):
    with pytest.raises(SaveError, match="map"):
        read_journal(tmp_path)


def test_a_missing_journal_raises_save_error(tmp_path):
    with pytest.raises(SaveError, match="bestaat niet"):
        read_journal(tmp_path / "weg.jsonl")
    with pytest.raises(SaveError, match="bestaat niet"):
        Journal.open_append(tmp_path / "weg.jsonl")


def test_an_unreadable_journal_raises_save_error(tmp_path, monkeypatch):
    path = _journal(tmp_path / "journal.jsonl")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(journal_module, "open", denied, raising=False)
    with pytest.raises(SaveError, match="geen toegang"):
        read_journal(path)


# ------------------------------------------------------------------------------------------ resume


def test_reopening_continues_seq_after_the_highest_record(tmp_path):
    path = _journal(tmp_path / "journal.jsonl", decisions=3)
    with Journal.open_append(path) as journal:
        assert journal.next_seq == 4
        assert journal.append("hervat")["seq"] == 4
        assert journal.append("besluit")["seq"] == 5
    result = read_journal(path)
    assert [r["seq"] for r in result.records] == [0, 1, 2, 3, 4, 5]
    assert result.warnings == []


def test_reopening_after_a_torn_line_cuts_it_off_and_keeps_a_copy_of_the_original(tmp_path):
    path = _journal(tmp_path / "journal.jsonl")
    damaged = path.read_bytes() + b'{"type":"besluit","seq":4,"pu'
    path.write_bytes(damaged)
    clock = _fixed_clock(datetime(2025, 3, 1, 10, 0, 5, tzinfo=UTC))
    with Journal.open_append(path, clock=clock) as journal:
        assert journal.append("hervat")["seq"] == 4
    backup = tmp_path / "journal.jsonl.beschadigd-20250301-100005"
    assert backup.read_bytes() == damaged
    result = read_journal(path)
    assert result.warnings == []
    assert [r["type"] for r in result.records][-1] == "hervat"


def test_reopening_twice_in_the_same_second_never_overwrites_an_earlier_copy(tmp_path):
    path = _journal(tmp_path / "journal.jsonl")
    clock_moment = datetime(2025, 3, 1, 10, 0, 5, tzinfo=UTC)
    copies = []
    for junk in (b"eerste rommel", b"tweede rommel"):
        path.write_bytes(path.read_bytes() + junk)
        copies.append(path.read_bytes())
        Journal.open_append(path, clock=lambda: clock_moment).close()
    assert (tmp_path / "journal.jsonl.beschadigd-20250301-100005").read_bytes() == copies[0]
    assert (tmp_path / "journal.jsonl.beschadigd-20250301-100005-2").read_bytes() == copies[1]


def test_reopening_after_unreadable_lines_at_the_end_removes_them_so_they_do_not_end_up_in_the_middle(tmp_path):
    path = _journal(tmp_path / "journal.jsonl")
    path.write_bytes(path.read_bytes() + b"{kapot\n\x00\x00\n")
    with Journal.open_append(path) as journal:
        journal.append("hervat")
    result = read_journal(path)
    assert result.warnings == []
    assert len(list(tmp_path.glob("journal.jsonl.beschadigd-*"))) == 1


def test_reopening_after_a_record_that_only_missed_its_newline_keeps_that_record(tmp_path):
    path = _journal(tmp_path / "journal.jsonl")
    path.write_bytes(path.read_bytes()[:-1])
    with Journal.open_append(path) as journal:
        assert journal.append("hervat")["seq"] == 4
    result = read_journal(path)
    assert [r["seq"] for r in result.records] == [0, 1, 2, 3, 4]
    assert result.warnings == []
    assert list(tmp_path.iterdir()) == [path]  # nothing was lost, so no copy was needed


def test_reopening_a_healthy_journal_makes_no_copy_and_keeps_damage_in_the_middle_as_it_is(tmp_path):
    path = _journal(tmp_path / "journal.jsonl")
    lines = path.read_bytes().splitlines(keepends=True)
    lines.insert(2, b"rommel\n")
    path.write_bytes(b"".join(lines))
    with Journal.open_append(path) as journal:
        journal.append("hervat")
    assert list(tmp_path.iterdir()) == [path]
    assert read_journal(path).warnings == ["regel 3 is onleesbaar (geen geldige JSON) en is overgeslagen."]


def test_the_header_can_be_read_without_reading_the_whole_journal(tmp_path):
    path = _journal(tmp_path / "journal.jsonl", decisions=2)
    with open(path, "ab") as handle:
        handle.write(b"\x00" * 5000)  # damage later on does not matter for the header
    header = read_journal_header(path)
    assert header["type"] == "sessie_start"
    assert header["team"] == "De Uilen"
