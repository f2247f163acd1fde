"""Text from a file is printed with control characters, escape sequences and bidi controls as visible escapes."""

from __future__ import annotations

import json

import pytest

from escaperoom.errors import Problem
from escaperoom.printable import json_printable, printable


@pytest.mark.parametrize(("text", "shown"), [
    ("gewone tekst, met é en €", "gewone tekst, met é en €"),
    ("\x1b[31mrood\x1b[0m", "\\x1b[31mrood\\x1b[0m"),
    ("bel\x07", "bel\\x07"),
    ("tab\there", "tab\\there"),
    ("twee\nregels", "twee\\nregels"),
    ("c1 \x9b31m", "c1 \\x9b31m"),
    ("del\x7f", "del\\x7f"),
    ("abc\u202edef", "abc\\u202edef"),
    ("regel\u2028scheiding", "regel\\u2028scheiding"),
    ("مرحبا שלום", "مرحبا שלום"),
    ("emoji 🔒", "emoji 🔒"),
], ids=["plain", "ansi", "bell", "tab", "newline", "c1 csi", "del", "rtl override", "line separator", "rtl letters",
        "emoji"])
def test_control_characters_and_escape_sequences_are_shown_as_escapes(text, shown):
    assert printable(text) == shown


def test_newlines_may_be_kept_for_multi_line_output():
    assert printable("a\nb\x1b", keep_newlines=True) == "a\nb\\x1b"


def test_invisible_characters_are_shown_only_when_asked_for():
    assert printable("wijk\u200bteam") == "wijk\u200bteam"
    assert printable("wijk\u200bteam", invisible=True) == "wijk\\u200bteam"
    assert printable("a\xa0b\u00adc", invisible=True) == "a\\xa0b\\xadc"
    assert printable("gewoon id", invisible=True) == "gewoon id"


def test_json_stays_the_same_data_with_the_terminal_characters_escaped():
    data = {"melding": "\x9b31m \u202e \x7f \u2028 é"}
    text = json_printable(json.dumps(data, ensure_ascii=False))
    assert json.loads(text) == data
    assert not any(c in text for c in "\x9b\u202e\x7f\u2028")
    assert "é" in text


def test_a_problem_prints_what_came_from_the_file_safely():
    problem = Problem(None, "onbekende sleutel '\x1b[2J'", key="\x1b[2J", line=3, hint="haal '\x1b[2J' weg")
    text = problem.format()
    assert "\x1b" not in text
    assert "onbekende sleutel '\\x1b[2J'" in text and "(sleutel '\\x1b[2J')" in text
    assert text.count("\n") == 1  # the tip line; a newline from a file never starts a line of its own


def test_a_problem_shows_an_invisible_character_from_a_file_so_a_key_is_not_mistaken_for_a_valid_one():
    problem = Problem(None, "onbekende sleutel 'sche\u200bma'", key='"sche\u200bma"', line=2)
    assert problem.format() == ("<onbekend bestand>:2: fout: onbekende sleutel 'sche\\u200bma' "
                                "(sleutel '\"sche\\u200bma\"')")
