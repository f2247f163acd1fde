"""The debrief reads records, not a session: no debrief module imports the game's state machine, its save or its
recorder, and the modules that read journals repeat none of the journal's vocabulary (``play/records.py`` has it)."""

from __future__ import annotations

import ast
from pathlib import Path

import escaperoom.debrief
from escaperoom.play import records

DEBRIEF = Path(escaperoom.debrief.__file__).parent
READERS = ("model.py", "sessions.py", "timeline.py", "words.py", "whatif.py")
GAME = ("escaperoom.play.session", "escaperoom.play.state", "escaperoom.play.recorder", "escaperoom.play.outcome")
# (not "hint": that is also the key of the timeline's hint text in the string catalogue)
VOCABULARY = {records.ATTEMPT, records.FACILITATOR, records.END, records.REPAIR, records.START,
              *records.Action, "samenvatting", "niet_toegepast", "verstreken_s", "stabiliteit", "puzzel", "actie",
              "sleutel", "inhoud_hash", "casus_titel", "instellingen"}


def _imports(tree: ast.AST) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_no_debrief_module_imports_the_session_its_save_or_the_recorder():
    for path in sorted(DEBRIEF.rglob("*.py")):
        imported = _imports(ast.parse(path.read_text(encoding="utf-8")))
        assert not {name for name in imported if name.startswith(GAME)}, path.name


def test_the_journal_readers_repeat_no_record_vocabulary():
    for name in READERS:
        tree = ast.parse((DEBRIEF / name).read_text(encoding="utf-8"))
        literals = {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)
                    and isinstance(node.value, str)}
        assert literals & VOCABULARY == set(), name
