"""Fuzzing ``check`` and ``verdict`` with structured mutations of the real puzzels/henk.toml.

Each example applies one to three mutations (delete or duplicate a line, duplicate a table, change a value's
type, rename a key, put control characters, emoji, bidi and zero-width characters into ids and texts, insert
raw bytes or brackets, cut the file at a byte) and loads the result the way ``escaperoom check`` does, then
renders what loaded the way ``verdict`` does. The only outcomes allowed: a loaded scenario, or clean problems
(file, a line inside the file, a message) that print without a raw control character. Never another exception.

Deterministic under the default ``ci`` profile; ``HYPOTHESIS_PROFILE=explore python -m pytest tests/content
--hypothesis-seed=N`` draws new examples.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, find, given, settings
from hypothesis import strategies as st

from escaperoom.kinds.judging import load_many_judged
from escaperoom.rules.lawbook import load_lawbook
from escaperoom.verdicts import render_text, scenario_json

HENK = Path(__file__).resolve().parents[2] / "puzzels" / "henk.toml"
TEXT = HENK.read_text(encoding="utf-8")
LINES = TEXT.split("\n")
BOOK = load_lawbook()

_VALUES = ["3", "-1", "1.5", "true", '"x"', '""', "[]", '[1, "a"]', "{}", "{ nl = 3 }", "{ nl = \"\" }",
           "2024-01-01", "nan", "inf", '"' + "x" * 5000 + '"', "1" * 400, '"7"', '"ß"', '"٣"', '"../../etc/passwd"',
           '"/etc/passwd"', '"\\u0000"', '"a\\\\b"']
_INSERTS = ["\\u0000", "\\u001b[31m", "\\u0007", "\\u009b", "\\t", "\\n", "\\u202e", "\\u200b", "\\u200f", "\\ufeff",
            "🔒", "مريم", "ß", "\u0301", "\u202e", "\u200b", "\u200d", "\ufeff", " ", "A", "..", "/", "\\\\"]
_RAW = ["\x00", "\x01", "\x1b[2J", "\x7f", "\ufffd", "[[[[[[", "]]]", "{{{", "\"", "'''", '"""', "=", "#", "\r",
        "\u2028", "[puzzels]\n", "[[puzzels]]\n", "[gegevens.x]\n"]

def _delete_line(draw: st.DrawFn, lines: list[str]) -> None:
    del lines[draw(st.integers(0, len(lines) - 1))]


def _duplicate_line(draw: st.DrawFn, lines: list[str]) -> None:
    i = draw(st.integers(0, len(lines) - 1))
    lines.insert(i, lines[i])


def _swap_lines(draw: st.DrawFn, lines: list[str]) -> None:
    i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
    lines[i], lines[j] = lines[j], lines[i]


def _duplicate_table(draw: st.DrawFn, lines: list[str]) -> None:
    headers = [i for i, line in enumerate(lines) if line.startswith("[")]
    if not headers:
        return
    start = draw(st.sampled_from(headers))
    end = next((i for i in headers if i > start), len(lines))
    lines[end:end] = lines[start:end]


def _key_lines(lines: list[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if " = " in line and not line.lstrip().startswith("#")]


def _change_value(draw: st.DrawFn, lines: list[str]) -> None:
    keyed = _key_lines(lines)
    if keyed:
        i = draw(st.sampled_from(keyed))
        lines[i] = lines[i].split(" = ", 1)[0] + " = " + draw(st.sampled_from(_VALUES))


def _rename_key(draw: st.DrawFn, lines: list[str]) -> None:
    keyed = _key_lines(lines)
    if keyed:
        i = draw(st.sampled_from(keyed))
        key, value = lines[i].split(" = ", 1)
        lines[i] = draw(st.sampled_from([key[:-1], key + "x", key.upper(), f'"{key} "', f'"{key}\\u200b"'])) + \
            " = " + value


def _into_a_string(draw: st.DrawFn, lines: list[str]) -> None:
    quoted = [i for i, line in enumerate(lines) if line.count('"') >= 2]
    if quoted:
        i = draw(st.sampled_from(quoted))
        line = lines[i]
        start = line.index('"') + 1
        at = draw(st.integers(start, max(start, line.index('"', start))))
        lines[i] = line[:at] + draw(st.sampled_from(_INSERTS)) + line[at:]


def _raw_text(draw: st.DrawFn, lines: list[str]) -> None:
    i = draw(st.integers(0, len(lines) - 1))
    at = draw(st.integers(0, len(lines[i])))
    lines[i] = lines[i][:at] + draw(st.sampled_from(_RAW)) + lines[i][at:]


_LINE_MUTATIONS = [_delete_line, _duplicate_line, _swap_lines, _duplicate_table, _change_value, _rename_key,
                   _into_a_string, _into_a_string, _raw_text]


@st.composite
def mutated_henk(draw: st.DrawFn) -> bytes:
    lines = list(LINES)
    for mutation in draw(st.lists(st.sampled_from(_LINE_MUTATIONS), min_size=1, max_size=3)):
        mutation(draw, lines)
    raw = "\n".join(lines).encode("utf-8", errors="surrogatepass")
    if draw(st.booleans()) and draw(st.integers(0, 3)) == 0:  # now and then: cut, or spoil the bytes
        at = draw(st.integers(0, len(raw)))
        raw = draw(st.sampled_from([raw[:at], raw[:at] + b"\xff\xfe" + raw[at:], raw[:at] + b"\x00" + raw[at:],
                                    raw[:at] + "é".encode("latin-1") + raw[at:], b"\xff\xfe" + raw]))
    return raw


def _assert_clean(problem, path: Path, line_count: int) -> None:
    assert problem.file == path and problem.message
    assert problem.line is None or 1 <= problem.line <= line_count + 1, problem.format()
    printed = problem.format()
    assert not [c for c in printed if unicodedata.category(c) == "Cc" and c != "\n"], printed
    assert "Traceback" not in printed


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(raw=mutated_henk())
def test_a_mutated_henk_toml_loads_or_gives_clean_problems_never_another_exception(tmp_path, raw):
    path = tmp_path / "henk.toml"
    path.write_bytes(raw)
    loaded, problems = load_many_judged([path], BOOK)  # what `check` and `verdict` call; it raises nothing for content
    line_count = raw.count(b"\n") + 1
    for problem in problems:
        _assert_clean(problem, path, line_count)
    for item in loaded:
        assert render_text(BOOK, item, "nl") and scenario_json(BOOK, item, "en")["casus"] == item.scenario.id
    assert loaded or [p for p in problems if p.severity == "fout"]
    errors = [p for p in problems if p.severity == "fout"]
    event("geladen" if loaded else f"fout: {errors[0].message.split(':')[0].split(chr(39))[0][:40]}")


@st.composite
def _mutated_once(draw: st.DrawFn, mutation: Callable[[st.DrawFn, list[str]], None]) -> list[str]:
    lines = list(LINES)
    mutation(draw, lines)
    return lines


@pytest.mark.parametrize("mutation", sorted(set(_LINE_MUTATIONS), key=lambda m: m.__name__),
                         ids=lambda m: m.__name__)
def test_every_kind_of_mutation_can_change_the_file(mutation):
    """A guard on the generator itself: a kind of mutation that never changes the text would leave the fuzz idle."""
    find(_mutated_once(mutation), lambda lines: lines != LINES, settings=settings(database=None, derandomize=True))
