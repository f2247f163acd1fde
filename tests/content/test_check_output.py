"""What ``check`` and ``verdict`` print about a file never carries a raw control character or escape sequence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from escaperoom.cli import main

HENK = Path(__file__).resolve().parents[2] / "puzzels" / "henk.toml"
_RAW = ("\x1b", "\x07", "\x9b", "\u202e")


@pytest.fixture
def hostile(tmp_path) -> Path:
    """henk.toml with unknown keys whose names hold an ANSI sequence, a bell, a C1 CSI and an RTL override."""
    path = tmp_path / "casus.toml"
    text = HENK.read_text(encoding="utf-8").replace(
        "schema = 1",
        'schema = 1\n"\\u001b[2J\\u001b[31mrood" = 1\n"bel\\u0007" = 2\n"c1\\u009b31m" = 3\n"\\u202egnp" = 4')
    path.write_text(text, encoding="utf-8")
    return path


def test_check_prints_escape_sequences_from_a_file_as_visible_escapes(hostile, capsys):
    assert main(["check", str(hostile)]) == 1
    out = capsys.readouterr().out
    assert not [c for c in _RAW if c in out]
    assert "onbekende sleutel '\\x1b[2J\\x1b[31mrood'" in out
    assert "onbekende sleutel 'bel\\x07'" in out and "c1\\x9b31m" in out and "\\u202egnp" in out


def test_verdict_prints_the_problems_safely_as_text_and_as_json(hostile, capsys):
    assert main(["verdict", str(hostile)]) == 1
    err = capsys.readouterr().err
    assert not [c for c in _RAW if c in err] and "\\x1b[2J" in err
    assert main(["verdict", "--json", str(hostile)]) == 1
    out = capsys.readouterr().out
    assert not [c for c in _RAW if c in out]
    messages = [p["melding"] for p in json.loads(out)["problemen"]]
    assert any("c1\x9b31m" in m for m in messages)  # the data itself stays exact
