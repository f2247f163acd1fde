"""Journals written by the game before the journal vocabulary moved to ``play/records.py`` (``fixtures/``: one
``escaperoom --autoplay --headless`` game, one session with every facilitator action, a crash and its ``herstel``)
still read as they did: every line parses to a known record whose builder writes the same bytes, and the debrief
makes the same numbers of them (``fixtures/*.expected.json``, made by the code of that time)."""

from __future__ import annotations

import json

import pytest

from escaperoom.play.records import UnknownRecord, parse_record
from escaperoom.storage.journal import read_journal

from ._debrief_numbers import FIXTURES, JOURNALS, numbers


@pytest.mark.parametrize("name", JOURNALS)
def test_every_line_of_an_old_journal_is_rebuilt_byte_for_byte_from_its_typed_record(name):
    path = FIXTURES / name
    lines = path.read_text(encoding="utf-8").splitlines()
    found = read_journal(path)
    assert found.warnings == [] and len(found.records) == len(lines)
    for line, raw in zip(lines, found.records, strict=True):
        record = parse_record(raw)
        assert not isinstance(record, UnknownRecord)
        meta = {key: raw[key] for key in ("type", "schema", "seq", "t")}
        again = json.dumps({**meta, **record.fields()}, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        assert again == line


@pytest.mark.parametrize("name", JOURNALS)
def test_an_old_journal_gives_the_same_debrief_numbers_as_before(name):
    expected = json.loads((FIXTURES / name.replace(".jsonl", ".expected.json")).read_text(encoding="utf-8"))
    assert json.loads(json.dumps(numbers(FIXTURES / name), ensure_ascii=False)) == expected
