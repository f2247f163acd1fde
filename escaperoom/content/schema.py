"""The JSON Schema of a casus file, generated from the content models, for editors that understand TOML schemas
(Taplo / "Even Better TOML"): key completion and errors while typing. Shipped as ``casus.schema.json`` beside this
module (a test keeps it equal to what :func:`json_schema` generates); ``escaperoom schema`` prints it, with
``--markdown`` the authoring reference (:mod:`escaperoom.content.reference`).

The dialect is draft-07 with only keywords draft-04 knows too (``definitions``, ``enum``, no ``const``), because
Taplo validates with draft-04. The schema checks the shape of a file; ``escaperoom check`` checks the rest (roles,
facts, cross-references, the law).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from escaperoom.content.levels import LEVELS, TAG
from escaperoom.content.models import Scenario

SHIPPED = Path(__file__).with_name("casus.schema.json")
SCHEMA_ID = "https://escaperoom.invalid/casus.schema.json"  # a name, not an address: nothing is fetched
_NOT_OVERRIDDEN = ("id", "soort", TAG, *LEVELS)
_TEXT = {
    "description": "Tekst: alleen Nederlands (\"...\"), of { nl = \"...\", en = \"...\" }",
    "anyOf": [
        {"type": "string", "minLength": 1},
        {"type": "object", "properties": {"nl": {"type": "string", "minLength": 1}, "en": {"type": "string"}},
         "required": ["nl"], "additionalProperties": False},
    ],
}


def json_schema() -> dict[str, Any]:
    """The schema of a casus file (a plain dict, ready for ``json.dumps``)."""
    raw = Scenario.model_json_schema(by_alias=True, mode="validation", ref_template="#/definitions/{model}")
    defs: dict[str, Any] = raw.pop("$defs", {})
    defs["Text"] = _TEXT
    for name, definition in defs.items():
        if name.endswith("Puzzle") or name == "ScenarioInfo":
            _override_tables(definition)
    schema = {"$schema": "http://json-schema.org/draft-07/schema#", "$id": SCHEMA_ID,
              "title": "Casus voor de Privacy Escape Room",
              "description": "Een casusbestand (puzzels/*.toml). Controleer altijd met: escaperoom check BESTAND",
              **_clean(raw), "definitions": {k: _clean(v) for k, v in sorted(defs.items())}}
    return schema


def _override_tables(definition: dict[str, Any]) -> None:
    """``[puzzels.basis]`` / ``[puzzels.verdieping]``: the puzzle's own keys, all optional."""
    props = definition.get("properties", {})
    inner = {k: v for k, v in props.items() if k not in _NOT_OVERRIDDEN}
    for level in LEVELS:
        if level in props:
            props[level] = {"description": f"sleutels die op speelniveau {level} de eigen vervangen",
                            "type": "object", "properties": inner, "additionalProperties": False}


def _clean(node: Any) -> Any:
    """Draft-04-friendly: ``const`` as a one-value ``enum``; pydantic's ``discriminator`` (no JSON Schema keyword)
    and the null alternative of optional keys (TOML has no null) left out."""
    if isinstance(node, list):
        return [_clean(n) for n in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key == "const":
            out["enum"] = [value]
        elif key == "discriminator":
            continue
        else:
            out[key] = _clean(value)
    for key in ("anyOf", "oneOf"):
        if key in out:
            options = [o for o in out[key] if o != {"type": "null"}]
            if len(options) == 1 and key == "anyOf":
                del out[key]
                out.update(options[0])
            else:
                out[key] = options
    if out.get("default", 0) is None:
        del out["default"]
    return out


def schema_text() -> str:
    """The schema as the shipped file holds it."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def cmd_schema(*, markdown: bool = False, out: Path | None = None) -> int:
    """``escaperoom schema [--markdown] [--uit BESTAND]``."""
    if markdown:
        from escaperoom.content.reference import reference_markdown
        text = reference_markdown()
    else:
        text = schema_text()
    if out is None:
        sys.stdout.write(text)
        return 0
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as err:
        print(f"escaperoom schema: {out} kan niet worden geschreven ({err.strerror or err})", file=sys.stderr)
        return 1
    print(f"geschreven: {out}")
    return 0
