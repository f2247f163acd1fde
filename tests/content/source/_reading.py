"""Helpers for the tests of content/source: the broken fixture files and the one-problem assertions."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import strategies as st

from escaperoom.content.source import parse_toml, read_toml
from escaperoom.errors import ContentError, Problem

BROKEN = Path(__file__).resolve().parents[1] / "fixtures" / "broken"
HENK = Path(__file__).resolve().parents[3] / "puzzels" / "henk.toml"


def problem_of(path: Path, **options) -> Problem:
    with pytest.raises(ContentError) as caught:
        read_toml(path, **options)
    assert len(caught.value.problems) == 1
    problem = caught.value.first
    assert problem.file == path
    assert "Traceback" not in str(caught.value)
    return problem


def text_problem(text: str) -> Problem:
    with pytest.raises(ContentError) as caught:
        parse_toml(text, Path("p.toml"))
    return caught.value.first

TOMLISH = st.lists(
    st.sampled_from(list("ab1 =[]{}.,\"'#\n\t-_é") + ['"""', "'''", "[[", "]]", "true", "\r\n", "\r"]), max_size=60
).map("".join)
"""Text made of TOML's building blocks, for the property tests of the parser and the line scanner."""
