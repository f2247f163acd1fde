"""The structure drawn from the code's own imports (every ``import`` statement, function-level ones included, read
with ``ast``): no import circles anywhere in ``escaperoom``; a screen never imports another screen (only the flow
modules name the screens); nothing outside ``escaperoom/ui/`` but the entry point ``escaperoom/cli.py`` imports
``escaperoom.ui``."""

from __future__ import annotations

import ast
from pathlib import Path

import escaperoom

ROOT = Path(escaperoom.__file__).parent
SCREEN_PACKAGES = ("escaperoom.ui.scenes", "escaperoom.ui.puzzles", "escaperoom.ui.debrief")
# the parts the screens of a package share (bases, state, drawing): not screens themselves
SHARED = {
    "escaperoom.ui.scenes.base", "escaperoom.ui.scenes.game",
    "escaperoom.ui.puzzles._base",
    "escaperoom.ui.debrief.base", "escaperoom.ui.debrief.data", "escaperoom.ui.debrief.looks",
    "escaperoom.ui.debrief.blocks", "escaperoom.ui.debrief.compass", "escaperoom.ui.debrief.run",
    "escaperoom.ui.debrief.keys", "escaperoom.ui.debrief.panel", "escaperoom.ui.debrief.grid",
    "escaperoom.ui.debrief.agreement_form",
}
FLOWS = {"escaperoom.ui.flow", "escaperoom.ui.debrief.flow"}
REGISTRY = "escaperoom.ui.puzzles"  # the puzzle screens by kind (``scene_for``), for the flow and the drivers
SCRIPTED = "escaperoom.ui.scripted"  # the drivers that play the real screens (autoplay, gallery, puzzle drivers)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in ROOT.rglob("*.py")}


def _resolve(name: str) -> str | None:
    """The ``escaperoom`` module an imported name lands in (the longest module prefix), or None outside it."""
    parts = name.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in MODULES:
            return candidate
        parts.pop()
    return None


def _imports(module: str) -> set[str]:
    """Every ``escaperoom`` module that ``module`` imports, wherever in the file the import stands."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for name in names:
            target = _resolve(name)
            if target is not None and target != module:
                found.add(target)
    return found


GRAPH = {module: _imports(module) for module in MODULES}


def _is_screen(module: str) -> bool:
    return (module.startswith(tuple(f"{p}." for p in SCREEN_PACKAGES)) and module not in SHARED
            and module not in FLOWS)


def _cycles() -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(GRAPH[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for module in sorted(GRAPH):
        if module not in index:
            visit(module)
    return out


def test_the_graph_sees_the_packages_and_their_function_level_imports():
    assert len(MODULES) > 60 and "escaperoom.ui.flow" in MODULES and "escaperoom.ui.debrief.flow" in MODULES
    assert "escaperoom.ui.main" in GRAPH["escaperoom.cli"]  # imported inside a function
    screens = [m for m in MODULES if _is_screen(m)]
    assert {"escaperoom.ui.scenes.title", "escaperoom.ui.puzzles.sort", "escaperoom.ui.debrief.overview"} <= set(
        screens)


def test_there_are_no_import_circles_in_escaperoom():
    assert _cycles() == []


def test_no_screen_imports_another_screen_or_a_flow():
    wrong = {screen: sorted(m for m in GRAPH[screen] if _is_screen(m) or m in FLOWS)
             for screen in MODULES if _is_screen(screen)}
    assert {screen: targets for screen, targets in wrong.items() if targets} == {}


def test_only_the_flows_the_puzzle_registry_and_the_scripted_drivers_name_screens():
    naming = {module for module, targets in GRAPH.items() if not _is_screen(module)
              and any(_is_screen(t) for t in targets)}
    allowed = {m for m in naming if m in FLOWS or m in (REGISTRY, SCRIPTED) or m.startswith(f"{SCRIPTED}.")}
    assert naming - allowed == set()


def test_nothing_outside_the_ui_but_the_cli_imports_the_ui():
    outside = {module: sorted(t for t in targets if t == "escaperoom.ui" or t.startswith("escaperoom.ui."))
               for module, targets in GRAPH.items()
               if not (module == "escaperoom.ui" or module.startswith("escaperoom.ui.")) and module != "escaperoom.cli"}
    assert {module: targets for module, targets in outside.items() if targets} == {}
