"""Bytes → text: binary files, NUL bytes, latin-1 and UTF-16 are refused with the line and how to save as UTF-8."""

from __future__ import annotations

from ._reading import BROKEN, problem_of


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


