"""``escaperoom nieuw CASUS-ID [--map MAP]``: a commented template casus that passes ``check``, to start writing a
case without a programmer. It names the JSON Schema (Taplo's ``#:schema`` directive) and puts the schema beside it,
so an editor that understands TOML schemas completes keys and flags errors while typing.
"""

from __future__ import annotations

import sys
from pathlib import Path

from escaperoom.content.limits import HintedError, check_id
from escaperoom.content.schema import SHIPPED

SCHEMA_NAME = "casus.schema.json"

TEMPLATE = Path(__file__).with_name("sjabloon.toml")  # the text, with CASUS_ID where the id goes


def template(casus_id: str) -> str:
    """The template text for ``casus_id`` (already checked to be a valid id)."""
    return TEMPLATE.read_text(encoding="utf-8").replace("CASUS_ID", casus_id)


def cmd_new(casus_id: str, folder: Path) -> int:
    """Write ``FOLDER/CASUS-ID.toml`` (never over an existing file) and the schema beside it when it is missing."""
    try:
        check_id(casus_id, "het casus-id", 'bijvoorbeeld "gezin-de-vries"')
    except HintedError as err:
        print(f"escaperoom nieuw: {err}", file=sys.stderr)
        return 2
    target = folder / f"{casus_id}.toml"
    if target.exists():
        print(f"escaperoom nieuw: {target} bestaat al; kies een ander id of een andere map (--map)", file=sys.stderr)
        return 1
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with open(target, "x", encoding="utf-8", newline="\n") as out:
            out.write(template(casus_id))
        schema = folder / SCHEMA_NAME
        if not schema.exists():
            schema.write_bytes(SHIPPED.read_bytes())
    except OSError as err:
        print(f"escaperoom nieuw: {target} kan niet worden geschreven ({err.strerror or err})", file=sys.stderr)
        return 1
    print(f"geschreven: {target}\ncontroleer met:  escaperoom check {target}\nspeel met:       "
          f"escaperoom --casus {target} --watch --window")
    return 0
