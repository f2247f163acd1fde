"""The line scanner: the line of every key path, also after multi-line strings, never raising on any text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings

from escaperoom.content.source import TomlDocument, parse_toml, read_toml
from escaperoom.content.source.scanner import LineScanner

from ._reading import HENK, TOMLISH

# ------------------------------------------------------------------------------------------ line locator

LOCATOR_TEXT = """\
# Kop met [geen] tabel en titel = "geen sleutel"
titel = "Spel"  # commentaar met [haken]
rollen = ["huisarts", "wijkteam",
  "school"]
"rare sleutel".x = 1
a.b.c = 2
uitleg = \"\"\"
[nep]
nep = 1
\"\"\"
letterlijk = '''
[[puzzels]]
'''

[[puzzels]]
id = "p1"
verzoeken = [
  { rol = "huisarts", toestemming = true },
  # een commentaar tussen de items
  { rol = "wijkteam", "toestemming" = false, extra = { diep = [1, { x = 1 }] } },
]

[[puzzels]]
id = "p2"
[puzzels.inhoud]
soort = 'kiezen'

[[puzzels.verzoeken]]
rol = "x"
[[puzzels.verzoeken]]
rol = "y"
toestemming = true

[[puzzels]]
id = "p3"
"""


@pytest.fixture(scope="module")
def located() -> TomlDocument:
    return parse_toml(LOCATOR_TEXT, Path("locator.toml"))


@pytest.mark.parametrize(
    ("key_path", "line"),
    [
        (("titel",), 2),
        (("rollen",), 3),
        (("rollen", 2), 4),
        (("rare sleutel", "x"), 5),
        (("a", "b", "c"), 6),
        (("a",), 6),
        (("uitleg",), 7),
        (("letterlijk",), 11),
        (("puzzels",), 15),
        (("puzzels", 0), 15),
        (("puzzels", 0, "id"), 16),
        (("puzzels", 0, "verzoeken", 0), 18),
        (("puzzels", 0, "verzoeken", 1, "toestemming"), 20),
        (("puzzels", 0, "verzoeken", 1, "extra", "diep", 1, "x"), 20),
        (("puzzels", 1), 23),
        (("puzzels", 1, "inhoud", "soort"), 26),
        (("puzzels", 1, "verzoeken", 0, "rol"), 29),
        (("puzzels", 1, "verzoeken", 1, "toestemming"), 32),
        (("puzzels", 2, "id"), 35),
    ],
)
def test_line_of_finds_the_line_where_a_key_is_written(located, key_path, line):
    assert located.line_of(key_path) == line


def test_line_of_a_missing_key_is_the_line_of_its_nearest_written_ancestor(located):
    assert located.line_of(("puzzels", 2, "verzoeken", 0, "toestemming")) == 34  # the third [[puzzels]]
    assert located.line_of(("puzzels", 1, "verzoeken", 0, "toestemming")) == 28  # its [[puzzels.verzoeken]]


def test_line_of_knows_nothing_of_keys_inside_strings_or_comments(located):
    assert located.data.get("nep") is None
    assert located.line_of(("nep",)) is None
    assert located.line_of(("geen",)) is None


@pytest.mark.parametrize("key_path", [(), ("nergens", 3, "x"), (object(),), ([],), (None, 1.5)])
def test_line_of_never_raises_on_odd_paths(located, key_path):
    assert located.line_of(key_path) is None


@settings(max_examples=300, deadline=None)
@given(TOMLISH)
def test_the_line_scanner_itself_never_raises_and_records_only_real_lines_on_any_text(text):
    """``line_of`` swallows every exception (it runs while another error is being reported), so this test calls
    the scanner directly: a scanner bug surfaces here instead of silently losing line numbers."""
    scan = LineScanner(text).run()
    last = text.count("\n") + 1
    assert all(1 <= line <= last for line in scan.lines.values())


def _key_paths(node, prefix=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*prefix, key)
            yield from _key_paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            if isinstance(value, (dict, list)):
                yield (*prefix, index)
                yield from _key_paths(value, (*prefix, index))


def test_the_scanner_finds_the_line_of_every_key_in_henk_toml():
    """Every key path of the bundled scenario (also after its multi-line strings) is found, on a line that names
    that key — or, for an item of an array of tables, on its [[header]]."""
    henk = HENK
    doc = read_toml(henk)
    lines = doc.text.splitlines()
    scan = LineScanner(doc.text).run()
    paths = list(_key_paths(doc.data))
    assert len(paths) > 300
    for path in paths:
        assert path in scan.lines, path
        text = lines[scan.lines[path] - 1]
        last = path[-1]
        if isinstance(last, str):
            assert last in text, (path, scan.lines[path], text)
        else:
            header = "[[" + ".".join(str(k) for k in path[:-1] if isinstance(k, str)) + "]]"
            assert text.strip() == header or text.lstrip().startswith("{"), (path, text)


