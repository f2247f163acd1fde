"""The save phrasebook: the first pydantic error of a saved state as one Dutch sentence naming the key.

The full set of bad saves (through ``recorder.resume``) is in tests/play/test_resume.py; these tests pin the
translator itself on a small strict model, with the same sentences.
"""

from __future__ import annotations

import math
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import pytest
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from escaperoom.content.diagnostics import problems_from_validation, quote_value, state_problem
from escaperoom.content.diagnostics.finding import category_of
from escaperoom.content.source import parse_toml


class _Fase(StrEnum):
    SPELEN = "spelen"
    PAUZE = "pauze"


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")


class _Klok(_Strict):
    verstreken_s: Annotated[float, Field(ge=0, allow_inf_nan=False)]


class _Stand(_Strict):
    klok: _Klok
    fase: Annotated[_Fase, Field(strict=False)]
    stabiliteit: Annotated[int, Field(ge=0, le=100)] = 50
    verloop: list[Annotated[int, Field(ge=0)]] = []
    tellingen: dict[Annotated[str, Field(min_length=2)], int] = {}


GOOD = {"klok": {"verstreken_s": 1.5}, "fase": "spelen"}


def sentence(**changes) -> tuple[str, str]:
    state = {**GOOD, **changes}
    with pytest.raises(ValidationError) as caught:
        _Stand.model_validate(state)
    problem = state_problem(caught.value, state)
    assert problem.file is None and problem.line is None
    return problem.key, problem.message


def test_a_number_that_is_not_finite_is_named_with_its_key_and_value():
    assert sentence(klok={"verstreken_s": math.nan}) == ("klok.verstreken_s",
                                                          "'klok.verstreken_s' is geen geldig getal (nan).")


def test_a_negative_count_may_not_be_negative():
    assert sentence(klok={"verstreken_s": -5.0})[1] == "'klok.verstreken_s' mag niet negatief zijn (-5.0)."


def test_an_upper_bound_names_the_limit_and_an_index_names_the_item():
    assert sentence(stabiliteit=101)[1] == "'stabiliteit' mag hoogstens 100 zijn (101)."
    assert sentence(verloop=[50, -1])[1] == "'verloop[1]' mag niet negatief zijn (-1)."


def test_a_missing_key_is_named_even_when_a_value_beside_it_has_the_same_text():
    assert sentence(klok={})[1] == "'klok.verstreken_s' ontbreekt."
    key, message = sentence(klok={"nog": "verstreken_s"})  # a value equal to the missing key's name
    assert key == "klok.verstreken_s" and message.startswith("'klok.verstreken_s' ontbreekt")


def test_an_unknown_choice_lists_what_is_possible():
    assert sentence(fase="zwemmen")[1] == ("'fase' heeft een onbekende waarde (\"zwemmen\"); "
                                           "mogelijk: 'spelen' of 'pauze'.")


def test_a_wrong_type_says_what_belongs_there():
    assert sentence(tellingen=[1, 2])[1] == "'tellingen' is geen tabel ([1, 2])."
    assert sentence(stabiliteit="1")[1] == "'stabiliteit' is geen geheel getal (\"1\")."
    assert sentence(klok="x")[1] == "'klok' is geen tabel (\"x\")."


def test_a_bad_dict_key_is_reported_at_that_key_without_the_key_marker():
    key, message = sentence(tellingen={"x": 1})
    assert key == "tellingen.x" and "[key]" not in message


def test_an_unknown_key_is_called_unknown():
    assert sentence(extra=1)[1] == "'extra' is een onbekende sleutel."


def test_a_state_that_is_not_a_table_is_called_spelstand():
    with pytest.raises(ValidationError) as caught:
        _Stand.model_validate([1])
    assert state_problem(caught.value, [1]).message.startswith("'spelstand' is geen tabel")


@pytest.mark.parametrize(("value", "quoted"), [
    (math.inf, "inf"), (-math.inf, "-inf"), (True, "true"), ("x", '"x"'), (1e30, "1e+30"),
    ("x" * 100, '"' + "x" * 36 + "…"),
], ids=["inf", "-inf", "true", "text", "big float", "long text"])
def test_quote_value_shows_a_value_short(value, quoted):
    assert quote_value(value) == quoted


def test_quote_value_never_raises_on_a_huge_int_or_a_deep_list():
    deep: list = []
    for _ in range(100_000):
        deep = [deep]
    assert quote_value(10 ** 5000) == "…"
    assert quote_value(deep) == "…"


def test_the_content_phrasebook_also_names_a_missing_key_beside_a_value_with_its_name():
    """The same fix on the content side: ``id = "titel"`` must not hide the missing ``titel``."""

    class Puzzel(BaseModel):
        id: str
        titel: str

    doc = parse_toml('id = "titel"\n', Path("p.toml"))
    with pytest.raises(ValidationError) as caught:
        Puzzel.model_validate(doc.data)
    [problem] = problems_from_validation(caught.value, doc)
    assert problem.key == "titel" and problem.message == "verplichte sleutel 'titel' ontbreekt"


@pytest.mark.parametrize(("error_type", "category"), [
    ("int_from_float", "integer"), ("finite_number", "number"), ("datetime_parsing", "date"),
    ("missing_keyword_argument", "missing"), ("multiple_of", "other"),
])
def test_every_pydantic_error_type_falls_in_a_category(error_type, category):
    assert category_of(error_type) == category
