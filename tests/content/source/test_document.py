"""Text → data: odd but valid files, empty files and deep nesting; arbitrary bytes give one problem or data."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from escaperoom.content.source import read_toml
from escaperoom.errors import ContentError

from ._reading import BROKEN, problem_of

# ------------------------------------------------------------------------------------------ odd but valid files


def test_a_file_starting_with_a_bom_is_read_without_complaint():
    doc = read_toml(BROKEN / "bom.toml")
    assert doc.data == {"titel": "Café de Privacy"}
    assert not doc.text.startswith("\ufeff")
    assert doc.line_of(("titel",)) == 2


def test_a_file_with_windows_line_endings_is_read_and_lines_count_as_an_editor_shows_them():
    doc = read_toml(BROKEN / "crlf.toml")
    assert doc.data["puzzels"][0]["uitleg"] == "Twee\nregels\n"
    assert "\r" not in doc.text
    assert doc.line_of(("puzzels", 0, "id")) == 5


def test_a_file_with_old_mac_line_endings_is_read(tmp_path):
    path = tmp_path / "cr.toml"
    path.write_bytes(b'titel = "a"\r[x]\rgetal = 3\r')
    doc = read_toml(path)
    assert doc.data == {"titel": "a", "x": {"getal": 3}}
    assert doc.line_of(("x", "getal")) == 3


def test_an_error_in_a_crlf_file_is_reported_on_the_line_an_editor_shows(tmp_path):
    path = tmp_path / "crlf_broken.toml"
    path.write_bytes(b'a = 1\r\nb = 2\r\ntitel = Hallo\r\n')
    assert problem_of(path).line == 3


def test_an_empty_file_says_it_is_empty():
    problem = problem_of(BROKEN / "empty.toml")
    assert problem.message == "het bestand is leeg"
    assert problem.line is None


def test_a_file_of_only_whitespace_is_empty_too(tmp_path):
    path = tmp_path / "wit.toml"
    path.write_bytes(b"\xef\xbb\xbf \n\r\n\t\n")
    assert problem_of(path).message == "het bestand is leeg"


def test_a_file_with_only_comments_says_nothing_is_switched_on():
    message = problem_of(BROKEN / "comments_only.toml").message
    assert message.startswith("het bestand is leeg: er staat alleen commentaar")


# ------------------------------------------------------------------------------------------ nesting


def test_ten_thousand_nested_arrays_are_refused_without_recursion_error(tmp_path):
    path = tmp_path / "diep.toml"
    path.write_text("titel = 'x'\na = " + "[" * 10_000 + "]" * 10_000 + "\n", encoding="utf-8")
    problem = problem_of(path)
    assert problem.message == "het bestand is te diep genest (meer dan 64 lagen lijsten of tabellen in elkaar)"
    assert problem.line == 2


def test_nesting_below_the_recursion_limit_is_refused_too(tmp_path):
    path = tmp_path / "diep.toml"
    path.write_text("a = " + "[" * 300 + "]" * 300 + "\n", encoding="utf-8")
    assert problem_of(path).message.startswith("het bestand is te diep genest")


def test_a_ten_thousand_level_dotted_table_is_refused(tmp_path):
    path = tmp_path / "punten.toml"
    path.write_text("titel = 'x'\n\n[" + ".".join(["a"] * 10_000) + "]\nb = 1\n", encoding="utf-8")
    problem = problem_of(path)
    assert problem.message.startswith("het bestand is te diep genest")
    assert problem.line == 3


def test_ten_thousand_nested_inline_tables_are_refused(tmp_path):
    path = tmp_path / "accolades.toml"
    path.write_text("a = " + "{b = " * 10_000 + "1" + "}" * 10_000 + "\n", encoding="utf-8")
    assert problem_of(path).message.startswith("het bestand is te diep genest")


# ------------------------------------------------------------------------------------------ properties


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400))
def test_arbitrary_bytes_either_read_or_give_one_content_error(tmp_path, raw):
    path = tmp_path / "willekeurig.toml"
    path.write_bytes(raw)
    try:
        doc = read_toml(path)
    except ContentError as err:
        assert len(err.problems) == 1 and err.first.message
        assert err.first.line is None or err.first.line >= 1
        return
    assert isinstance(doc.data, dict)


def test_the_source_module_does_not_import_pygame():
    code = "import sys, escaperoom.content.source, escaperoom.content.diagnostics; print('pygame' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
