""""Bedoelde je …?": the closest option to a misspelt word, or nothing."""

from __future__ import annotations

import pytest

from escaperoom.content.diagnostics import did_you_mean


@pytest.mark.parametrize(
    ("word", "options", "expected"),
    [
        ("wijkteem", ["huisarts", "wijkteam"], "wijkteam"),
        ("Wijkteam", ["huisarts", "wijkteam"], "wijkteam"),
        ("wijk team", ["huisarts", "wijkteam"], "wijkteam"),
        ("kosten", ["kosten_seconden", "tekst"], "kosten_seconden"),
        ("politie", ["huisarts", "wijkteam"], None),
        ("wijkteam", ["huisarts", "wijkteam"], None),
        ("", ["a"], None),
        (7, ["7", "8"], None),
    ],
)
def test_did_you_mean_finds_the_closest_option_or_nothing(word, options, expected):
    assert did_you_mean(word, options) == expected
