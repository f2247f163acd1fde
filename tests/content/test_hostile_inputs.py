"""Every class of hostile input through ``check``, ``verdict`` and ``verdict --json``: exit code 1 (or 0 where
the file is fine), a Dutch message, no traceback and no raw control character on the terminal.

The table of the content helper's report (issues 14 and 15) is this test's parameter list: one row per input
class, each tried with the three commands.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from escaperoom.cli import main

HENK = Path(__file__).resolve().parents[2] / "puzzels" / "henk.toml"
TEXT = HENK.read_text(encoding="utf-8")
_SORT_TITLE = 'titel = { nl = "Het dossier van de corporatie", en = "The corporation\'s file" }'


def _file(tmp_path: Path, content: str | bytes, name: str = "casus.toml") -> list[str]:
    path = tmp_path / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return [str(path)]


def _henk(old: str, new: str) -> Callable[[Path], list[str]]:
    assert old in TEXT, old
    return lambda tmp_path: _file(tmp_path, TEXT.replace(old, new, 1))


def _sparse_50_mb(tmp_path: Path) -> list[str]:
    path = tmp_path / "groot.toml"
    with path.open("wb") as handle:
        handle.truncate(50_000_000)
    return [str(path)]


def _fifo(tmp_path: Path) -> list[str]:
    os.mkfifo(tmp_path / "pijp.toml")
    return [str(tmp_path / "pijp.toml")]


def _fifo_in_folder(tmp_path: Path) -> list[str]:
    os.mkfifo(tmp_path / "pijp.toml")
    return [str(tmp_path)]


def _link_out_of_folder(tmp_path: Path, *, alone: bool = False) -> list[str]:
    folder = tmp_path / "puzzels"
    folder.mkdir()
    (tmp_path / "geheim.toml").write_text('wachtwoord = "hunter2"\n', encoding="utf-8")
    (folder / "lek.toml").symlink_to(tmp_path / "geheim.toml")
    if not alone:
        (folder / "henk.toml").write_bytes(HENK.read_bytes())
    return [str(folder)]


def _unknown_keys(n: int) -> Callable[[Path], list[str]]:
    return lambda tmp_path: _file(tmp_path, TEXT + "".join(f"[onbekend{i}]\n" for i in range(n)))


posix = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX only")
HOSTILE: list = [  # (input class, builder, exit code of check, words check prints)
    ("binary", lambda t: _file(t, bytes(range(256)) * 8), 1, "binaire gegevens"),
    ("word document", lambda t: _file(t, b"PK\x03\x04" + b"\x00" * 100), 1, "Word"),
    ("utf-16", lambda t: _file(t, TEXT.encode("utf-16")), 1, "UTF-16"),
    ("latin-1", lambda t: _file(t, TEXT.encode("latin-1", errors="replace")), 1, "niet in UTF-8"),
    ("50 MB", _sparse_50_mb, 1, "te groot (50,0 MB"),
    ("deep nesting [[[ in a value", lambda t: _file(t, "a = " + "[" * 5000 + "]" * 5000 + "\n"), 1, "te diep genest"),
    ("deep nesting [[[ as a header", lambda t: _file(t, "[" * 5000 + "a" + "]" * 5000 + "\n"), 1, ": fout: "),
    ("deep nesting {{{", lambda t: _file(t, "a = " + "{b = " * 5000 + "1" + "}" * 5000 + "\n"), 1, "te diep"),
    ("deep nesting a.a.a", lambda t: _file(t, "[" + ".".join(["a"] * 5000) + "]\n"), 1, "te diep genest"),
    ("NUL byte", lambda t: _file(t, TEXT.encode() + b"\x00"), 1, "NUL-tekens"),
    ("NUL escape in a text", _henk(_SORT_TITLE, 'titel = "a\\u0000b"'), 1, "stuurteken (U+0000)"),
    ("NUL escape in a key", _henk("schema = 1", 'schema = 1\n"a\\u0000b" = 1'), 1, "onbekende sleutel 'a\\x00b'"),
    ("duplicate key", _henk("schema = 1", "schema = 1\nschema = 1"), 1, "staat er twee keer in"),
    ("duplicate table", _henk("[scenario.bewoner]", "[scenario.bewoner]\n[scenario.bewoner]"), 1, "twee keer"),
    ("link out of the folder", _link_out_of_folder, 1, "snelkoppeling (symbolische link) naar een bestand buiten"),
    ("only a link out of the folder", lambda t: _link_out_of_folder(t, alone=True), 2, "geen .toml-bestanden"),
    ("empty file", lambda t: _file(t, b""), 1, "het bestand is leeg"),
    ("a folder named .toml", lambda t: [str((t / "map.toml").mkdir() or t / "map.toml")], 2, "geen .toml-bestanden"),
    ("afbeelding ../../etc/passwd", _henk("duur_minuten = 45", 'duur_minuten = 45\nafbeelding = "../../etc/passwd"'),
     1, "buiten de map assets/"),
    ("afbeelding /etc/passwd", _henk("duur_minuten = 45", 'duur_minuten = 45\nafbeelding = "/etc/passwd"'), 1,
     "buiten de map assets/"),
    ("afbeelding with NUL", _henk("duur_minuten = 45", 'duur_minuten = 45\nafbeelding = "a\\u0000.png"'), 1,
     "stuurteken (U+0000)"),
    ("afbeelding name of 300", _henk("duur_minuten = 45", f'duur_minuten = 45\nafbeelding = "{"x" * 300}.png"'), 1,
     "het pad is te lang"),
    ("zero-width in an id", _henk('id = "vroegsignalering"', 'id = "vroeg\\u200bsignalering"'), 1,
     "'vroeg\\u200bsignalering' bevat een onzichtbaar teken (U+200B"),
    ("RTL override in an id", _henk('id = "vroegsignalering"', 'id = "vroeg\u202esignalering"'), 1, "U+202E"),
    ("RTL letters in a text", _henk(_SORT_TITLE, 'titel = { nl = "Het dossier van مريم", en = "x" }'), 0, "in orde"),
    ("zero-width in a key", _henk("schema = 1", 'schema = 1\n"sche\u200bma" = 1'), 1, "onbekende sleutel"),
    ("emoji id", _henk('id = "vroegsignalering"', 'id = "🔒"'), 1, "(niet '🔒')"),
    ("emoji in a text", _henk(_SORT_TITLE, 'titel = "Het dossier 🔒"'), 0, "in orde"),
    ("reward ß", _henk('beloning = "7"', 'beloning = "ß"'), 1, "kan een team niet intoetsen"),
    ("300,000-character title", _henk(_SORT_TITLE, 'titel = "' + "x" * 300_000 + '"'), 1, "te lang: 300000"),
    ("100,000 unknown keys", _unknown_keys(100_000), 1, "te veel sleutels en lijst-items"),
    ("5,000 unknown keys", _unknown_keys(5_000), 1, "… en nog 4.950 meldingen"),
    ("ANSI escape in a key", _henk("schema = 1", 'schema = 1\n"\\u001b[2J\\u001b[31mx" = 1'), 1,
     "'\\x1b[2J\\x1b[31mx'"),
    ("ANSI escape in a text", _henk(_SORT_TITLE, 'titel = "\\u001b[31mrood"'), 1, "stuurteken (U+001B)"),
    ("C1 CSI in a key", _henk("schema = 1", 'schema = 1\n"\\u009b31m" = 1'), 1, "'\\x9b31m'"),
    ("raw control byte in the file", lambda t: _file(t, TEXT.replace("schema = 1", "schema = 1\x07")), 1, ": fout: "),
    ("file cut in half", lambda t: _file(t, TEXT.encode()[: len(TEXT) // 2]), 1, ": fout: "),
    pytest.param("FIFO", _fifo, 1, "named pipe (FIFO)", marks=posix),
    pytest.param("FIFO in a folder", _fifo_in_folder, 1, "named pipe (FIFO)", marks=posix),
    pytest.param("device /dev/zero", lambda t: ["/dev/zero"], 1, "apparaat", marks=posix),
]


def _ids(row) -> str:
    return row.values[0] if hasattr(row, "values") else row[0]


def _raw_controls(text: str) -> list[str]:
    return [c for c in text if unicodedata.category(c) == "Cc" and c != "\n" or c == "\u202e"]


@pytest.mark.parametrize(("name", "build", "check_exit", "words"), HOSTILE, ids=[_ids(r) for r in HOSTILE])
def test_a_hostile_input_gives_check_and_verdict_a_clean_dutch_answer(tmp_path, capsys, name, build, check_exit,
                                                                      words):
    args = build(tmp_path)
    assert main(["check", *args]) == check_exit
    out = capsys.readouterr()
    assert words in out.out + out.err
    for command in (["verdict", *args], ["verdict", "--json", *args]):
        assert main(command) == (0 if check_exit == 0 else check_exit if check_exit == 2 else 1)
        result = capsys.readouterr()
        for stream in (out, result):
            assert "Traceback" not in stream.out + stream.err
            assert not _raw_controls(stream.out + stream.err)
