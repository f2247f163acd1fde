"""Reading TOML content robustly: every broken file gives one Dutch problem with a line, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from escaperoom.content.source import TomlDocument, _Scanner, format_key_path, parse_toml, read_toml
from escaperoom.errors import ContentError, Problem

BROKEN = Path(__file__).parent / "fixtures" / "broken"


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


# ------------------------------------------------------------------------------------------ files that cannot be read


def test_a_missing_file_is_reported_and_a_similar_name_is_suggested(tmp_path):
    (tmp_path / "casus_wijkteam.toml").write_text('a = 1\n', encoding="utf-8")
    problem = problem_of(tmp_path / "casus_wijkteem.toml")
    assert problem.message == "het bestand bestaat niet"
    assert "bedoelde je 'casus_wijkteam.toml'?" in problem.hint


def test_a_directory_is_refused_as_a_map_not_a_file(tmp_path):
    assert problem_of(tmp_path).message == "dit is een map, geen bestand"


def test_an_unreadable_file_is_reported_without_traceback(tmp_path, monkeypatch):
    path = tmp_path / "geheim.toml"
    path.write_text('a = 1\n', encoding="utf-8")

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    assert problem_of(path).message == "het bestand kan niet worden gelezen: geen toegang"


def test_an_empty_file_says_it_is_empty():
    problem = problem_of(BROKEN / "empty.toml")
    assert problem.message == "het bestand is leeg"
    assert problem.line is None


def test_a_file_of_only_whitespace_is_empty_too(tmp_path):
    path = tmp_path / "wit.toml"
    path.write_bytes(b"\xef\xbb\xbf \n\r\n\t\n")
    assert problem_of(path).message == "het bestand is leeg"


def test_a_file_with_only_comments_says_nothing_is_switched_on():
    assert problem_of(BROKEN / "comments_only.toml").message.startswith("het bestand is leeg: er staat alleen commentaar")


def test_a_fifty_megabyte_file_is_refused_with_its_size_before_it_is_read(tmp_path):
    path = tmp_path / "groot.toml"
    with path.open("wb") as handle:  # sparse: 50 MB of NUL bytes that are never read
        handle.truncate(50_000_000)
    problem = problem_of(path)
    assert problem.message == "het bestand is te groot (50,0 MB; de grens is 5,0 MB)"


def test_the_size_limit_can_be_set_by_the_caller(tmp_path):
    path = tmp_path / "klein.toml"
    path.write_text('titel = "' + "x" * 2000 + '"\n', encoding="utf-8")
    assert "te groot (2,0 kB; de grens is 1,0 kB)" in problem_of(path, max_bytes=1000).message
    assert read_toml(path).data["titel"] == "x" * 2000


def test_binary_junk_is_refused_with_the_line_of_the_first_nul_byte():
    problem = problem_of(BROKEN / "binary.toml")
    assert problem.message == "het bestand bevat binaire gegevens (NUL-tekens): dit is geen tekstbestand"
    assert problem.line == 4


def test_a_latin1_file_asks_to_save_as_utf8_and_points_at_the_bad_byte():
    problem = problem_of(BROKEN / "latin1.toml")
    assert problem.message.startswith("het bestand is niet in UTF-8 opgeslagen; sla het op als UTF-8")
    assert "waarschijnlijk 'é'" in problem.message
    assert problem.line == 3
    assert "UTF-8" in problem.hint


def test_a_utf16_file_is_recognised_and_the_author_is_told_to_save_as_utf8():
    problem = problem_of(BROKEN / "utf16.toml")
    assert problem.message == "het bestand is opgeslagen als UTF-16 ('Unicode'), niet als UTF-8"


def test_a_word_document_saved_as_toml_is_recognised():
    assert "Word" in problem_of(BROKEN / "word_document.toml").message


# ------------------------------------------------------------------------------------------ TOML mistakes


def test_an_unquoted_string_asks_for_quotes_on_its_line():
    problem = problem_of(BROKEN / "unquoted_string.toml")
    assert problem.message == "tekst zonder aanhalingstekens: TOML leest dit niet als tekst"
    assert problem.hint == 'zet tekst tussen aanhalingstekens, bijvoorbeeld: titel = "Wie mag wat weten"'
    assert problem.line == 3
    assert problem.key == "titel"


def test_a_duplicate_key_names_the_key_and_the_earlier_line():
    problem = problem_of(BROKEN / "duplicate_key.toml")
    assert problem.message == "de sleutel 'puzzels[0].titel' staat er twee keer in"
    assert problem.hint.startswith("deze sleutel staat er twee keer in (eerder op regel 3)")
    assert problem.line == 5


def test_a_duplicate_table_names_the_table_and_the_earlier_line():
    problem = problem_of(BROKEN / "duplicate_table.toml")
    assert problem.message == "de tabel [scenario] staat er twee keer in"
    assert "eerder op regel 1" in problem.hint
    assert problem.line == 7


def test_an_unclosed_array_points_at_the_line_where_the_array_starts():
    problem = problem_of(BROKEN / "unclosed_array.toml")
    assert problem.message == "de lijst wordt niet afgesloten met ']'"
    assert problem.line == 2
    assert problem.key == "organisaties"


def test_an_unclosed_array_at_the_end_of_the_file_points_at_its_start():
    problem = text_problem('a = 1\nb = [\n  1,\n  2\n')
    assert problem.message == "de lijst wordt niet afgesloten met ']'"
    assert problem.line == 2


def test_a_missing_comma_between_array_items_is_named():
    problem = text_problem('kaarten = [\n  "a"\n  "b",\n]\n')
    assert problem.message == "tussen twee items van de lijst ontbreekt een komma"
    assert problem.line == 3


def test_a_missing_equals_sign_is_named():
    problem = problem_of(BROKEN / "missing_equals.toml")
    assert problem.message == "op deze regel ontbreekt '='"
    assert problem.line == 2


def test_a_key_with_a_space_is_explained():
    problem = text_problem('mijn titel = "x"\n')
    assert problem.message == "een sleutel mag geen spaties of rare tekens bevatten"


def test_an_unclosed_string_is_named_on_its_own_line():
    problem = problem_of(BROKEN / "unclosed_string.toml")
    assert problem.message == "de tekst wordt op dezelfde regel niet afgesloten met een aanhalingsteken"
    assert problem.line == 2
    assert '"""' in problem.hint


def test_an_unclosed_multiline_string_points_at_where_it_opens():
    problem = problem_of(BROKEN / "unclosed_multiline_string.toml")
    assert problem.message.startswith("tekst met drie aanhalingstekens")
    assert problem.line == 2


def test_an_impossible_date_is_named_with_the_value():
    problem = problem_of(BROKEN / "invalid_date.toml")
    assert problem.message == "'2024-02-30' is geen geldige datum"
    assert problem.line == 2


def test_a_dutch_day_month_year_date_asks_for_year_month_day():
    problem = problem_of(BROKEN / "day_month_year_date.toml")
    assert problem.message == "'01-03-2024' is geen geldige datum"
    assert "jaar-maand-dag" in problem.hint


def test_a_decimal_comma_asks_for_a_point():
    problem = problem_of(BROKEN / "decimal_comma.toml")
    assert problem.message == "'1,5' is geen geldig getal: gebruik een punt voor decimalen"
    assert problem.hint == "schrijf 1.5 in plaats van 1,5"


def test_curly_quotes_from_word_are_named():
    problem = problem_of(BROKEN / "smart_quotes.toml")
    assert problem.message == "krullende aanhalingstekens (“ ”) kan TOML niet lezen"
    assert problem.line == 2


def test_capitalised_true_asks_for_lower_case():
    problem = problem_of(BROKEN / "capital_true.toml")
    assert problem.message == "'True' moet in kleine letters: true"
    assert problem.hint == "schrijf true of false in kleine letters, zonder aanhalingstekens"


def test_ja_as_a_value_suggests_true_or_quotes():
    problem = text_problem("toestemming = ja\n")
    assert "schrijf dan true of false" in problem.hint


def test_a_quote_inside_a_string_is_explained():
    problem = text_problem('titel = "De "grote" puzzel"\n')
    assert problem.message == "na de tekst tussen aanhalingstekens staat nog meer op de regel"


def test_a_lone_backslash_in_a_string_is_explained():
    assert text_problem('pad = "C:\\map"\n').message.startswith("een backslash")


def test_a_missing_value_is_named():
    problem = text_problem('a = 1\ntitel =\n')
    assert problem.message == "na '=' ontbreekt de waarde"
    assert problem.line == 2


def test_an_inline_table_split_over_lines_is_explained():
    problem = text_problem('a = 1\nrol = { naam = "x",\n  code = 2 }\n')
    assert problem.message.startswith("een tabel tussen { } moet op één regel staan")
    assert problem.line == 2


def test_an_unknown_tomllib_message_falls_back_to_dutch_with_the_original(monkeypatch):
    import tomllib

    def odd(_text):
        raise tomllib.TOMLDecodeError("Something new (at line 2, column 1)")

    monkeypatch.setattr(tomllib, "loads", odd)
    problem = text_problem("a = 1\nb = 2\n")
    assert problem.message == "dit is geen geldige TOML (Something new)"
    assert problem.line == 2


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


# ------------------------------------------------------------------------------------------ line locator

LOCATOR_TEXT = """\
# Kop met [geen] tabel en titel = "geen sleutel"
titel = "Spel"  # commentaar met [haken]
rollen = ["huisarts", "wijkteam",
  "school"]
"rare sleutel".x = 1
a.b.c = 2
uitleg = \"\"\"
[nep]
nep = 1
\"\"\"
letterlijk = '''
[[puzzels]]
'''

[[puzzels]]
id = "p1"
verzoeken = [
  { rol = "huisarts", toestemming = true },
  # een commentaar tussen de items
  { rol = "wijkteam", "toestemming" = false, extra = { diep = [1, { x = 1 }] } },
]

[[puzzels]]
id = "p2"
[puzzels.inhoud]
soort = 'kiezen'

[[puzzels.verzoeken]]
rol = "x"
[[puzzels.verzoeken]]
rol = "y"
toestemming = true

[[puzzels]]
id = "p3"
"""


@pytest.fixture(scope="module")
def located() -> TomlDocument:
    return parse_toml(LOCATOR_TEXT, Path("locator.toml"))


@pytest.mark.parametrize(
    ("key_path", "line"),
    [
        (("titel",), 2),
        (("rollen",), 3),
        (("rollen", 2), 4),
        (("rare sleutel", "x"), 5),
        (("a", "b", "c"), 6),
        (("a",), 6),
        (("uitleg",), 7),
        (("letterlijk",), 11),
        (("puzzels",), 15),
        (("puzzels", 0), 15),
        (("puzzels", 0, "id"), 16),
        (("puzzels", 0, "verzoeken", 0), 18),
        (("puzzels", 0, "verzoeken", 1, "toestemming"), 20),
        (("puzzels", 0, "verzoeken", 1, "extra", "diep", 1, "x"), 20),
        (("puzzels", 1), 23),
        (("puzzels", 1, "inhoud", "soort"), 26),
        (("puzzels", 1, "verzoeken", 0, "rol"), 29),
        (("puzzels", 1, "verzoeken", 1, "toestemming"), 32),
        (("puzzels", 2, "id"), 35),
    ],
)
def test_line_of_finds_the_line_where_a_key_is_written(located, key_path, line):
    assert located.line_of(key_path) == line


def test_line_of_a_missing_key_is_the_line_of_its_nearest_written_ancestor(located):
    assert located.line_of(("puzzels", 2, "verzoeken", 0, "toestemming")) == 34  # the third [[puzzels]]
    assert located.line_of(("puzzels", 1, "verzoeken", 0, "toestemming")) == 28  # its [[puzzels.verzoeken]]


def test_line_of_knows_nothing_of_keys_inside_strings_or_comments(located):
    assert located.data.get("nep") is None
    assert located.line_of(("nep",)) is None
    assert located.line_of(("geen",)) is None


@pytest.mark.parametrize("key_path", [(), ("nergens", 3, "x"), (object(),), ([],), (None, 1.5)])
def test_line_of_never_raises_on_odd_paths(located, key_path):
    assert located.line_of(key_path) is None


def test_format_key_path_writes_indices_and_quotes_odd_keys():
    assert format_key_path(("puzzels", 2, "verzoeken", 0, "toestemming")) == "puzzels[2].verzoeken[0].toestemming"
    assert format_key_path(("rare sleutel", "x")) == '"rare sleutel".x'


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


_TOMLISH = st.lists(
    st.sampled_from(list("ab1 =[]{}.,\"'#\n\t-_é") + ['"""', "'''", "[[", "]]", "true", "\r\n", "\r"]), max_size=60
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TOMLISH)
def test_toml_like_text_either_parses_or_gives_one_problem_on_a_real_line(text):
    try:
        doc = parse_toml(text, Path("x.toml"))
    except ContentError as err:
        line = err.first.line
        assert line is None or 1 <= line <= text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
        return
    for key in doc.data:
        assert doc.line_of((key,)) is not None


@settings(max_examples=300, deadline=None)
@given(_TOMLISH)
def test_the_line_scanner_itself_never_raises_and_records_only_real_lines_on_any_text(text):
    """``line_of`` swallows every exception (it runs while another error is being reported), so this test calls
    the scanner directly: a scanner bug surfaces here instead of silently losing line numbers."""
    scan = _Scanner(text).run()
    last = text.count("\n") + 1
    assert all(1 <= line <= last for line in scan.lines.values())


def _key_paths(node, prefix=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*prefix, key)
            yield from _key_paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            if isinstance(value, (dict, list)):
                yield (*prefix, index)
                yield from _key_paths(value, (*prefix, index))


def test_the_scanner_finds_the_line_of_every_key_in_henk_toml():
    """Every key path of the bundled scenario (also after its multi-line strings) is found, on a line that names
    that key — or, for an item of an array of tables, on its [[header]]."""
    henk = Path(__file__).resolve().parents[2] / "puzzels" / "henk.toml"
    doc = read_toml(henk)
    lines = doc.text.splitlines()
    scan = _Scanner(doc.text).run()
    paths = list(_key_paths(doc.data))
    assert len(paths) > 300
    for path in paths:
        assert path in scan.lines, path
        text = lines[scan.lines[path] - 1]
        last = path[-1]
        if isinstance(last, str):
            assert last in text, (path, scan.lines[path], text)
        else:
            header = "[[" + ".".join(str(k) for k in path[:-1] if isinstance(k, str)) + "]]"
            assert text.strip() == header or text.lstrip().startswith("{"), (path, text)


def test_the_source_module_does_not_import_pygame():
    code = "import sys, escaperoom.content.source, escaperoom.content.diagnostics; print('pygame' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
