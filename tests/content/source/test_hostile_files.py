"""Hostile entries on disk: a FIFO never blocks ``check``, a device or a link out of the folder is refused by name,
a name too long for the file system is a Dutch message. Each one once gave a hang, a silent skip or a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from escaperoom.cli import main
from escaperoom.content.loader import discover
from escaperoom.content.source import read_toml
from escaperoom.content.source.files import links_out_of, toml_files_in
from escaperoom.kinds.judging import load_many_judged

from ._reading import HENK, problem_of

posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and /dev exist on POSIX systems only")


@posix_only
def test_a_fifo_named_on_the_command_line_is_refused_as_a_fifo_without_waiting(tmp_path):
    fifo = tmp_path / "pijp.toml"
    os.mkfifo(fifo)
    problem = problem_of(fifo)
    assert problem.message == "dit is geen gewoon bestand maar een named pipe (FIFO)"
    assert "blijven wachten" in problem.hint


@posix_only
def test_a_fifo_swapped_in_after_the_first_look_still_never_blocks(tmp_path):
    """The reader looks (stat) and then opens; a FIFO put in its place between the two must not make it wait for
    a writer forever. Run in a child process with a timeout, so a regression fails instead of hanging the suite."""
    fifo = tmp_path / "pijp.toml"
    os.mkfifo(fifo)
    regular = tmp_path / "gewoon.toml"
    regular.write_text("a = 1\n", encoding="utf-8")
    code = textwrap.dedent(f"""
        from pathlib import Path
        from escaperoom.content.source import read_toml
        from escaperoom.errors import ContentError
        real_stat = Path.stat
        Path.stat = lambda self, **kw: real_stat(Path({str(regular)!r})) if self == Path({str(fifo)!r}) else \\
            real_stat(self, **kw)
        try:
            read_toml(Path({str(fifo)!r}))
        except ContentError as err:
            print(err.first.message)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "dit is geen gewoon bestand maar een named pipe (FIFO)", out.stderr


@posix_only
def test_a_device_is_refused_as_a_device():
    assert problem_of(Path("/dev/null")).message == "dit is geen gewoon bestand maar een apparaat"


@posix_only
def test_a_fifo_in_a_folder_is_reported_not_skipped_silently(tmp_path, capsys):
    os.mkfifo(tmp_path / "pijp.toml")
    assert main(["check", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"{tmp_path / 'pijp.toml'}: fout: dit is geen gewoon bestand maar een named pipe (FIFO)" in out


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_link_in_a_folder_to_a_file_outside_it_is_refused_and_not_read(tmp_path):
    folder, outside = tmp_path / "puzzels", tmp_path / "elders"
    folder.mkdir()
    outside.mkdir()
    secret = outside / "geheim.toml"
    secret.write_text('wachtwoord = "hunter2"\n', encoding="utf-8")
    (folder / "lek.toml").symlink_to(secret)
    (folder / "henk.toml").write_bytes(HENK.read_bytes())
    assert discover([folder]) == [folder / "henk.toml"]
    loaded, problems = load_many_judged([folder])
    assert [item.scenario.id for item in loaded] == ["henk"]
    [refused] = [p for p in problems if p.severity == "fout"]
    assert refused.file == folder / "lek.toml"
    assert refused.message.startswith("dit is een snelkoppeling (symbolische link) naar een bestand buiten de map")
    assert "hunter2" not in str([p.format() for p in problems])


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_links_inside_the_folder_are_read_and_broken_lock_file_links_are_left_alone(tmp_path):
    (tmp_path / "echt.toml").write_text("a = 1\n", encoding="utf-8")
    (tmp_path / "ook.toml").symlink_to(tmp_path / "echt.toml")
    (tmp_path / ".#echt.toml").symlink_to("gebruiker@laptop.1234:1700000000")  # what Emacs leaves behind
    assert toml_files_in(tmp_path) == [tmp_path / "echt.toml", tmp_path / "ook.toml"]
    assert links_out_of(tmp_path) == []


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_link_named_directly_is_read_where_it_points(tmp_path):
    (tmp_path / "echt.toml").write_text("a = 1\n", encoding="utf-8")
    (tmp_path / "map").mkdir()
    (tmp_path / "map" / "link.toml").symlink_to(tmp_path / "echt.toml")
    assert read_toml(tmp_path / "map" / "link.toml").data == {"a": 1}


def test_a_name_too_long_for_the_file_system_is_a_dutch_message_not_a_traceback(capsys):
    assert main(["check", "a" * 5000 + ".toml"]) == 1
    captured = capsys.readouterr()
    assert "het bestand kan niet worden gelezen (de naam is te lang)" in captured.out
    assert "Traceback" not in captured.out + captured.err
