"""TOML mistakes in Dutch: each tomllib message explained on the line an editor shows, with a hint."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings

from escaperoom.content.source import parse_toml
from escaperoom.errors import ContentError

from ._reading import BROKEN, TOMLISH, problem_of, text_problem

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



@settings(max_examples=400, deadline=None)
@given(TOMLISH)
def test_toml_like_text_either_parses_or_gives_one_problem_on_a_real_line(text):
    try:
        doc = parse_toml(text, Path("x.toml"))
    except ContentError as err:
        line = err.first.line
        assert line is None or 1 <= line <= text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
        return
    for key in doc.data:
        assert doc.line_of((key,)) is not None




def test_a_raw_control_character_after_a_value_is_named_with_its_code():
    problem = text_problem("a = 1\nschema = 1\x07\n")
    assert problem.message == "onzichtbaar stuurteken U+0007 na de waarde" and problem.line == 2
