"""The content phrasebook: pydantic errors become Dutch problems with key path, line and a hint (did you mean …?)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Literal

import pytest
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from escaperoom.content.diagnostics import content_error_from_validation, problems_from_validation
from escaperoom.content.source import parse_toml, read_toml
from escaperoom.errors import ContentError, Problem


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Verzoek(_Strict):
    rol: Literal["huisarts", "wijkteam", "school"]
    toestemming: bool
    datum: dt.date | None = None


class Hint(_Strict):
    tekst: str = Field(min_length=1)
    kosten_seconden: int = Field(default=60, ge=0, le=900)


class _Puzzel(_Strict):
    id: str
    titel: str
    hints: list[Hint] = []
    verzoeken: list[Verzoek] = []

    @field_validator("id")
    @classmethod
    def _id_is_simple(cls, value: str) -> str:
        if " " in value:
            raise ValueError("een id mag geen spaties bevatten")
        return value


class Sorteren(_Puzzel):
    soort: Literal["sorteren"]
    kaarten: list[str] = Field(min_length=2)


class Kiezen(_Puzzel):
    soort: Literal["kiezen"]
    opties: list[str]
    punten: int | str = 1


Puzzel = Annotated[Sorteren | Kiezen, Field(discriminator="soort")]


class Spel(_Strict):
    titel: str
    organisaties: list[str] = Field(min_length=1)
    puzzels: list[Puzzel]


def problems(text: str, **options) -> list[Problem]:
    doc = parse_toml(text, Path("spel.toml"))
    with pytest.raises(ValidationError) as caught:
        Spel.model_validate(doc.data)
    options.setdefault("model", Spel)
    return problems_from_validation(caught.value, doc, **options)


def only(found: list[Problem], key: str) -> Problem:
    matching = [p for p in found if p.key == key]
    assert len(matching) == 1, [p.format() for p in found]
    return matching[0]


VALID = """\
titel = "Spel"
organisaties = ["huisarts", "wijkteam"]

[[puzzels]]
soort = "sorteren"
id = "p1"
titel = "Sorteer"
kaarten = ["a", "b"]
verzoeken = [
  { rol = "huisarts", toestemming = true },
  { rol = "wijkteam", toestemming = false },
]

[[puzzels]]
soort = "kiezen"
id = "p2"
titel = "Kies"
opties = ["x", "y"]

[[puzzels.hints]]
tekst = "Denk aan de wet"
"""


def broken(old: str, new: str) -> str:
    assert old in VALID
    return VALID.replace(old, new, 1)


def test_the_valid_example_is_valid():
    Spel.model_validate(parse_toml(VALID).data)


def test_a_missing_key_is_named_and_points_at_its_table_header():
    found = problems(broken('titel = "Kies"\n', ""))
    problem = only(found, "puzzels[1].titel")
    assert problem.message == "verplichte sleutel 'titel' ontbreekt"
    assert problem.line == 14
    assert problem.hint == "voeg een regel 'titel = ...' toe aan puzzels[1]"


def test_a_missing_key_with_a_misspelt_key_beside_it_points_at_the_typo():
    found = problems(broken('titel = "Kies"', 'titl = "Kies"'))
    missing = only(found, "puzzels[1].titel")
    assert missing.hint == "staat er een tikfout in 'titl'? die sleutel moet 'titel' heten"
    extra = only(found, "puzzels[1].titl")
    assert extra.message == "onbekende sleutel 'titl'"
    assert extra.hint == "bedoelde je 'titel'?"
    assert extra.line == 17


def test_an_unknown_key_without_a_close_match_lists_what_is_allowed():
    problem = only(problems(broken('titel = "Kies"\n', 'titel = "Kies"\nkleur = "rood"\n')), "puzzels[1].kleur")
    assert problem.message == "onbekende sleutel 'kleur'"
    assert problem.hint.startswith("haal deze sleutel weg of controleer de spelling; hier mag: ")
    assert "opties" in problem.hint and "kaarten" not in problem.hint  # the keys of kiezen, not of sorteren


def test_an_unknown_key_in_an_array_of_tables_suggests_the_full_name_of_a_shortened_key():
    found = problems(broken('tekst = "Denk aan de wet"', 'tekst = "x"\nkosten = 30'))
    problem = only(found, "puzzels[1].hints[0].kosten")
    assert problem.hint == "bedoelde je 'kosten_seconden'?"
    assert problem.line == 22


def test_allowed_keys_can_come_from_a_callable_instead_of_the_model():
    text = broken('titel = "Kies"\n', 'titel = "Kies"\nopiets = 1\n')
    asked: list[tuple] = []

    def allowed(loc):
        asked.append(loc)
        return ["opties", "titel"]

    problem = only(problems(text, model=None, allowed_keys=allowed), "puzzels[1].opiets")
    assert asked == [("puzzels", 1)]
    assert problem.hint == "bedoelde je 'opties'?"


def test_allowed_keys_can_come_from_a_mapping_keyed_by_key_text():
    text = broken('titel = "Kies"\n', 'titel = "Kies"\nopiets = 1\n')
    problem = only(problems(text, model=None, allowed_keys={"puzzels[1]": ["opties"]}), "puzzels[1].opiets")
    assert problem.hint == "bedoelde je 'opties'?"


def test_an_unknown_key_without_any_knowledge_of_the_model_still_gets_a_hint():
    text = broken('titel = "Kies"\n', 'titel = "Kies"\nopiets = 1\n')
    problem = only(problems(text, model=None), "puzzels[1].opiets")
    assert problem.hint == "haal deze sleutel weg of controleer de spelling"


def test_a_wrong_choice_inside_an_inline_table_lists_the_choices_and_points_at_its_line():
    problem = only(problems(broken('rol = "wijkteam"', 'rol = "wijkteem"')), "puzzels[0].verzoeken[1].rol")
    assert problem.message == "'wijkteem' is geen geldige waarde; kies uit: huisarts, wijkteam, school"
    assert problem.hint == "bedoelde je 'wijkteam'?"
    assert problem.line == 11


def test_an_unknown_puzzle_kind_is_called_puzzelsoort_with_a_suggestion():
    problem = only(problems(broken('soort = "kiezen"', 'soort = "kiesen"')), "puzzels[1].soort")
    assert problem.message == "onbekende puzzelsoort 'kiesen'; kies uit: sorteren, kiezen"
    assert problem.hint == "bedoelde je 'kiezen'?"
    assert problem.line == 15


def test_a_missing_puzzle_kind_says_which_kinds_exist():
    problem = only(problems(broken('soort = "kiezen"\n', "")), "puzzels[1].soort")
    assert problem.message == "verplichte sleutel 'soort' ontbreekt; die zegt wat voor puzzel dit is"
    assert problem.hint == "voeg een regel 'soort = \"...\"' toe; kies uit: sorteren, kiezen"
    assert problem.line == 14


def test_the_union_tag_is_left_out_of_the_key_path_and_the_line_lookup():
    problem = only(problems(broken('kaarten = ["a", "b"]', 'kaarten = ["a"]')), "puzzels[0].kaarten")
    assert problem.message == "te weinig items: minstens 2 nodig, er staan er 1"
    assert problem.line == 8


def test_tags_given_by_the_caller_are_left_out_too():
    found = problems(broken('kaarten = ["a", "b"]', 'kaarten = ["a"]'), tags={"sorteren", "kiezen"})
    assert only(found, "puzzels[0].kaarten").line == 8


def test_a_quoted_boolean_asks_for_true_or_false_without_quotes():
    problem = only(problems(broken("toestemming = true", 'toestemming = "ja"')), "puzzels[0].verzoeken[0].toestemming")
    assert problem.message == 'hier hoort true of false, maar er staat de tekst "ja"'
    assert problem.hint == "schrijf true of false, zonder aanhalingstekens"
    assert problem.line == 10


def test_a_number_where_text_belongs_asks_for_quotes():
    problem = only(problems(broken('titel = "Spel"', "titel = 3")), "titel")
    assert problem.message == "hier hoort tekst, maar er staat het getal 3"
    assert problem.line == 1


def test_text_where_a_list_belongs_suggests_brackets():
    problem = only(problems(broken('opties = ["x", "y"]', 'opties = "x"')), "puzzels[1].opties")
    assert problem.message == 'hier hoort een lijst, maar er staat de tekst "x"'
    assert problem.hint == 'zet de tekst tussen [ ]: opties = ["x"]'


def test_a_table_where_a_list_belongs_suggests_double_brackets():
    text = VALID.replace("[[puzzels]]", "[puzzels]", 1).split("\n[[puzzels]]")[0]
    problem = only(problems(text), "puzzels")
    assert problem.message == "hier hoort een lijst, maar er staat een tabel"
    assert "[[puzzels]]" in problem.hint


def test_a_plain_value_where_a_table_belongs_says_so():
    problem = only(problems(broken("[[puzzels.hints]]\ntekst = \"Denk aan de wet\"\n", "hints = [3]\n")),
                   "puzzels[1].hints[0]")
    assert problem.message == "hier hoort een tabel, maar er staat het getal 3"


def test_our_own_value_error_passes_through_without_the_pydantic_prefix():
    problem = only(problems(broken('id = "p2"', 'id = "p 2"')), "puzzels[1].id")
    assert problem.message == "een id mag geen spaties bevatten"
    assert problem.line == 16


def test_a_number_out_of_range_names_the_limit():
    problem = only(problems(broken('tekst = "Denk aan de wet"', 'tekst = "x"\nkosten_seconden = 1000')),
                   "puzzels[1].hints[0].kosten_seconden")
    assert problem.message == "1000 is te groot: het mag hoogstens 900 zijn"


def test_an_empty_text_may_not_be_empty():
    problem = only(problems(broken('tekst = "Denk aan de wet"', 'tekst = ""')), "puzzels[1].hints[0].tekst")
    assert problem.message == "deze tekst mag niet leeg zijn"


def test_an_empty_list_may_not_be_empty():
    problem = only(problems(broken('organisaties = ["huisarts", "wijkteam"]', "organisaties = []")), "organisaties")
    assert problem.message == "deze lijst mag niet leeg zijn"
    assert problem.line == 2


def test_a_day_month_year_date_in_quotes_is_rewritten_as_year_month_day():
    problem = only(problems(broken("toestemming = false }", 'toestemming = false, datum = "01-03-2024" }')),
                   "puzzels[0].verzoeken[1].datum")
    assert problem.message == 'hier hoort een datum (zoals 2024-03-01), maar er staat de tekst "01-03-2024"'
    assert problem.hint == "schrijf de datum als jaar-maand-dag, zonder aanhalingstekens: 2024-03-01"


def test_the_alternatives_of_a_plain_union_become_one_problem():
    found = problems(broken('opties = ["x", "y"]', 'opties = ["x", "y"]\npunten = [1]'))
    problem = only(found, "puzzels[1].punten")
    assert problem.message == "hier hoort een geheel getal of tekst, maar er staat een lijst"


def test_an_unknown_pydantic_error_falls_back_to_dutch_with_the_original_text():
    class Veelvoud(BaseModel):
        stap: int = Field(multiple_of=5)

    doc = parse_toml("stap = 7\n", Path("v.toml"))
    with pytest.raises(ValidationError) as caught:
        Veelvoud.model_validate(doc.data)
    [problem] = problems_from_validation(caught.value, doc)
    assert problem.message == "ongeldige waarde: het getal 7 (Input should be a multiple of 5)"
    assert problem.line == 1


def test_aliases_rename_field_names_to_the_keys_in_the_file():
    class Intern(BaseModel):
        model_config = ConfigDict(extra="forbid")
        title: str

    doc = parse_toml('# intern heet het title\ntitel = 3\n', Path("a.toml"))
    with pytest.raises(ValidationError) as caught:
        Intern.model_validate({"title": doc.data["titel"]})
    [problem] = problems_from_validation(caught.value, doc, aliases={"title": "titel"})
    assert problem.key == "titel"
    assert problem.line == 2


def test_problems_carry_the_file_and_format_as_file_line_message(tmp_path):
    path = tmp_path / "spel.toml"
    path.write_text(broken('soort = "kiezen"', 'soort = "kiesen"'), encoding="utf-8")
    doc = read_toml(path)
    with pytest.raises(ValidationError) as caught:
        Spel.model_validate(doc.data)
    error = content_error_from_validation(caught.value, doc, model=Spel)
    assert isinstance(error, ContentError)
    assert str(error).startswith(f"{path}:15: fout: onbekende puzzelsoort 'kiesen'")
    assert "tip: bedoelde je 'kiezen'?" in str(error)


