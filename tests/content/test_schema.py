"""The JSON Schema of a casus file (content/schema.py): the shipped file is what the models generate, a real JSON
Schema validator accepts every bundled case (parsed from TOML) and the template, and rejects broken ones."""

from __future__ import annotations

import copy
import json
import tomllib

import jsonschema
import pytest

from escaperoom.cli import main
from escaperoom.content.schema import SHIPPED, json_schema, schema_text
from escaperoom.content.template import template
from escaperoom.paths import puzzels_dir

BUNDLED = sorted(puzzels_dir().glob("*.toml"))
VALIDATOR = jsonschema.Draft7Validator(json_schema())


def _case(path):
    return tomllib.loads(path.read_text(encoding="utf-8"))


def test_the_shipped_schema_is_the_generated_one():
    assert SHIPPED.read_text(encoding="utf-8") == schema_text(), "run: escaperoom schema --uit " + str(SHIPPED)


def test_the_schema_is_a_valid_draft_7_schema_with_only_draft_4_keywords():
    jsonschema.Draft7Validator.check_schema(json_schema())
    text = schema_text()
    assert '"const"' not in text and '"$defs"' not in text and '"discriminator"' not in text


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_every_bundled_case_is_valid_under_the_schema(path):
    errors = sorted(VALIDATOR.iter_errors(_case(path)), key=lambda e: list(e.path))
    assert errors == [], [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def test_the_template_is_valid_under_the_schema():
    assert list(VALIDATOR.iter_errors(tomllib.loads(template("x")))) == []


@pytest.mark.parametrize(("break_it", "where"), [
    (lambda d: d["scenario"].pop("titel"), ["scenario"]),
    (lambda d: d["scenario"].__setitem__("duur_minuten", "45"), ["scenario", "duur_minuten"]),
    (lambda d: d["puzzels"][0].__setitem__("soort", "raadsel"), ["puzzels", 0]),
    (lambda d: d["puzzels"][0].__setitem__("kaartjes", ["contact"]), ["puzzels", 0]),
    (lambda d: d["gegevens"]["contact"].__setitem__("categorieen", ["geheim"]), ["gegevens", "contact"]),
    (lambda d: d["puzzels"][0]["bestemmingen"][0].__setitem__("toestemming", "misschien"), ["puzzels", 0]),
    (lambda d: d["puzzels"][0].__setitem__("speelniveau", "gevorderd"), ["puzzels", 0]),
    (lambda d: d["puzzels"][1].__setitem__("basis", {"kaartjes": []}), ["puzzels", 1]),
], ids=["no title", "number as text", "unknown kind", "unknown key", "unknown category", "unknown consent",
        "unknown level", "unknown key in a level override"])
def test_the_schema_rejects_a_broken_case(break_it, where):
    data = copy.deepcopy(_case(puzzels_dir() / "henk.toml"))
    break_it(data)
    errors = list(VALIDATOR.iter_errors(data))
    assert errors
    assert any(list(e.absolute_path)[: len(where)] == where for e in errors), [list(e.absolute_path) for e in errors]


def test_escaperoom_schema_prints_the_schema_and_writes_it_to_a_file(tmp_path, capsys):
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == json_schema()
    out = tmp_path / "casus.schema.json"
    assert main(["schema", "--uit", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == schema_text()
