"""Content judges nothing: no module of ``escaperoom/content/`` imports the rule engine or the puzzle kinds, not
even inside a function. It loads, validates and cross-references; ``escaperoom.kinds.judging`` judges."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import escaperoom.content

CONTENT = Path(escaperoom.content.__file__).parent
FORBIDDEN = ("escaperoom.kinds", "escaperoom.rules.engine", "escaperoom.judge", "escaperoom.scoring")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


@pytest.mark.parametrize("module", sorted(p.relative_to(CONTENT).as_posix() for p in CONTENT.rglob("*.py")))
def test_no_content_module_imports_the_engine_or_the_kinds(module):
    found = {name for name in _imports(CONTENT / module) for bad in FORBIDDEN if name == bad or
             name.startswith(bad + ".")}
    assert not found, f"content/{module} imports {sorted(found)}"
