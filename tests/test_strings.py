"""The UI string catalogue: Dutch required, same placeholders in both languages, clear errors."""

from __future__ import annotations

import pytest

from escaperoom.errors import ContentError
from escaperoom.strings import Catalogue, StringIdError, placeholders


def test_the_bundled_catalogue_loads_and_has_the_title_screen_strings():
    cat = Catalogue.load()
    assert cat.t("title.new_game") == "Nieuw spel"
    assert cat.t("title.new_game", "en") == "New game"
    for id in ("title.continue", "title.debrief", "title.quit", "pause.heading", "facilitator.heading"):
        assert id in cat


def test_placeholders_are_filled_in_and_english_falls_back_to_dutch():
    cat = Catalogue.from_mapping({"groet": {"nl": "Hallo {team}"}, "x": {"nl": "{a} en {b}", "en": "{b} and {a}"}})
    assert cat.t("groet", "en", team="De Uilen") == "Hallo De Uilen"
    assert cat.t("x", "en", a=1, b=2) == "2 and 1"


def test_a_plain_string_is_a_dutch_only_entry():
    assert Catalogue.from_mapping({"a": {"b": "Pauze"}}).t("a.b", "en") == "Pauze"


def test_different_placeholders_in_nl_and_en_are_a_content_error_in_dutch():
    with pytest.raises(ContentError) as info:
        Catalogue.from_mapping({"title": {"hello": {"nl": "Hallo {naam}", "en": "Hello {name}"}}})
    problem = info.value.first
    assert problem.key == "title.hello"
    assert "placeholders in nl en en verschillen" in problem.message
    assert "{naam}" in problem.message and "{name}" in problem.message


def test_missing_dutch_and_unknown_language_keys_are_reported_together():
    with pytest.raises(ContentError) as info:
        Catalogue.from_mapping({"a": {"en": "Only English"}, "b": {"nl": "x", "fr": "y"}, "C": "z"})
    messages = {p.key: p.message for p in info.value.problems}
    assert messages["a"] == "de Nederlandse tekst (nl) ontbreekt"
    assert "'fr'" in messages["b"]
    assert "kleine letters" in messages["C"]


def test_problems_in_a_file_carry_the_line_number(tmp_path):
    path = tmp_path / "ui.toml"
    path.write_text('[pause]\nheading = { nl = "Pauze" }\nbody = { nl = "{a}", en = "{b}" }\n', encoding="utf-8")
    with pytest.raises(ContentError) as info:
        Catalogue.load(path)
    assert info.value.first.line == 3
    assert str(path) + ":3" in str(info.value)


def test_broken_toml_is_a_content_error_not_a_traceback(tmp_path):
    path = tmp_path / "ui.toml"
    path.write_text('a = { nl = "open\n', encoding="utf-8")
    with pytest.raises(ContentError, match="geen geldige TOML"):
        Catalogue.load(path)


def test_an_unknown_id_names_the_closest_known_id():
    cat = Catalogue.from_mapping({"title": {"new_game": "Nieuw spel"}})
    with pytest.raises(StringIdError, match="bedoelde je 'title.new_game'"):
        cat.t("title.new_gaem")


def test_a_missing_placeholder_value_is_a_clear_error():
    cat = Catalogue.from_mapping({"a": "Team {team}"})
    with pytest.raises(StringIdError, match=r"\{team\}"):
        cat.t("a")


@pytest.mark.parametrize("text", ["{", "a }", "{0}", "{}", "{x:>3}", "{x!r}"])
def test_malformed_placeholders_are_rejected(text):
    with pytest.raises(ValueError):
        placeholders(text)


def test_doubled_braces_are_literal():
    assert placeholders("{{niet}} {wel}") == {"wel"}


def test_each_text_is_parsed_once_per_language_however_often_it_is_asked(monkeypatch):
    """The reports ask for the same few texts ~10⁵ times: their placeholders are parsed once, then remembered."""
    import escaperoom.strings as strings

    cat = Catalogue.from_mapping({"groet": {"nl": "Hallo {naam} {{x}}", "en": "Hello {naam} {{x}}"}, "vast": "{{a}}"})
    parsed: list[str] = []
    real = strings.placeholders
    monkeypatch.setattr(strings, "placeholders", lambda text: parsed.append(text) or real(text))
    for _ in range(100):
        assert cat.t("groet", "nl", naam="Noor") == "Hallo Noor {x}"
        assert cat.t("groet", "en", naam="Noor") == "Hello Noor {x}"
        assert cat.t("vast") == "{a}"
    assert len(parsed) <= 3
    with pytest.raises(StringIdError, match=r"\{naam\}"):
        cat.t("groet", "en")
    assert cat.template("groet", "en") == "Hello {naam} {{x}}"
