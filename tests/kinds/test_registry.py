"""The registry of puzzle kinds: every kind of the content models is registered once, has its own module in
``escaperoom/kinds/``, a screen in ``ui/puzzles/`` (or is the lock, which the game flow opens), and words whose
strings exist in Dutch and English."""

from __future__ import annotations

import ast
import inspect
import typing
from pathlib import Path

import pytest

import escaperoom.kinds as kinds_pkg
from escaperoom.content.models import PUZZLE_KINDS, Puzzle
from escaperoom.kinds import KINDS, Words, is_lock_kind, kind_named
from escaperoom.strings import Catalogue

KINDS_DIR = Path(kinds_pkg.__file__).parent
_IDS = {"t": "{}", "spread": "nabespreking.zin.{}"}  # Words methods whose first argument names a string


def _models() -> set[type]:
    union = typing.get_args(Puzzle)[0]  # Annotated[Union[...], Field(...)]
    return set(typing.get_args(union))


def test_every_kind_of_the_content_models_is_registered_once():
    assert [k.soort for k in KINDS] == list(PUZZLE_KINDS)
    assert {k.model for k in KINDS} == _models() and len(KINDS) == len(_models())
    for kind in KINDS:
        assert kind_named(kind.soort) is kind
        assert kind.model.model_fields["soort"].annotation == typing.Literal[kind.soort]
    assert kind_named("rangschikken") is None and not is_lock_kind("rangschikken")


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.soort)
def test_every_kind_lives_in_its_own_module_with_its_words(kind):
    module = inspect.getmodule(type(kind))
    assert module is not None and module.__name__.startswith("escaperoom.kinds.")
    path = Path(inspect.getfile(module))
    assert path.parent == KINDS_DIR and path.stem not in ("base", "words", "results", "judging", "__init__")
    assert inspect.getmodule(kind.words) is module and issubclass(kind.words, Words) and kind.words is not Words
    assert (module.__doc__ or "").strip(), f"{path.name} opens without a docstring"


def test_every_kind_has_a_screen_in_ui_puzzles_or_is_the_one_lock():
    from escaperoom.ui.puzzles import SCENES

    locks = [k for k in KINDS if k.is_lock]
    assert [k.soort for k in locks] == ["slot"]
    for kind in KINDS:
        assert kind.is_lock == kind.model.is_lock
        assert kind.is_lock or kind.model in SCENES, f"no screen in ui/puzzles/ for '{kind.soort}'"
        assert not (kind.is_lock and kind.model in SCENES)
        assert is_lock_kind(kind.soort) == kind.is_lock


def _string_ids(path: Path) -> set[str]:
    """The catalogue ids a words module asks for: ``t("id")`` (also through a local ``t = self.t``),
    ``spread("key")``, ``say("key")`` (``key_1`` and ``key_n``) and the id handed to ``recipient(role, "id")``."""
    ids: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute | ast.Name):
            continue
        texts = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None for a in node.args]
        name = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
        if name in _IDS and texts[:1] and texts[0] is not None:
            ids.add(_IDS[name].format(texts[0]))
        elif name == "say" and texts[:1] and texts[0] is not None:
            ids |= {f"nabespreking.zin.{texts[0]}_1", f"nabespreking.zin.{texts[0]}_n"}
        elif name == "recipient" and len(texts) == 2 and texts[1] is not None:
            ids.add(texts[1])
    return ids


@pytest.mark.parametrize("module", sorted(p.name for p in KINDS_DIR.glob("*.py")))
def test_the_words_of_every_kind_exist_in_dutch_and_english(module):
    catalogue = Catalogue.load()
    ids = _string_ids(KINDS_DIR / module)
    for string_id in sorted(ids):
        assert string_id in catalogue, f"{module}: no string '{string_id}'"
        assert catalogue.entries[string_id].en, f"{module}: '{string_id}' has no English"
    if module in {Path(inspect.getfile(type(k))).name for k in KINDS} - {"lock.py"}:
        assert ids, f"{module} says nothing in words"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_kind_has_its_name_in_words_for_the_debrief(lang):
    from escaperoom.debrief.model import spread_words

    catalogue = Catalogue.load()
    for kind in KINDS:
        assert f"nabespreking.zin.kind_{kind.soort}" in catalogue
        assert spread_words(lang, f"kind_{kind.soort}")
