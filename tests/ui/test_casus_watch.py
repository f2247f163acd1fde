"""``--casus PAD`` plays one casus file from anywhere (a broken one prints the problems ``check`` prints and exits 1),
``--niveau`` picks its level, and ``--watch`` reloads it when the file is saved, keeping the open puzzle open."""

from __future__ import annotations

import argparse
import itertools
import time
from pathlib import Path
from typing import Any

from escaperoom.cli import cmd_check, main
from escaperoom.paths import puzzels_dir
from escaperoom.play.watch import FileWatch
from escaperoom.ui.main import open_app
from escaperoom.ui.scenes.room import RoomScene

GEZIN = puzzels_dir() / "gezin.toml"


def _args(saves: Path, **kw: Any) -> argparse.Namespace:
    base = dict(window=True, headless=True, lang="nl", saves=saves, scenario=None, team=None, duur=None,
                resume=False, autoplay=False, frames=0, screenshot=None, casus=None, niveau=None, watch=False)
    base.update(kw)
    return argparse.Namespace(**base)


def test_a_broken_casus_prints_what_check_prints_and_exits_1(tmp_path, capsys):
    path = tmp_path / "kapot.toml"
    path.write_text(GEZIN.read_text(encoding="utf-8").replace('ontvanger = "wijkteam"', 'ontvanger = "wijkteem"'),
                    encoding="utf-8")
    assert cmd_check([path]) == 1
    checked = [line for line in capsys.readouterr().out.splitlines() if "kapot.toml:" in line]
    assert checked and "onbekende rol 'wijkteem'" in checked[0]
    assert main(["--casus", str(path), "--headless", "--frames", "1", "--saves", str(tmp_path / "s")]) == 1
    err = capsys.readouterr().err
    assert all(line in err for line in checked)


def test_watch_without_casus_is_a_usage_error(tmp_path, capsys):
    assert main(["--watch", "--headless", "--frames", "1", "--saves", str(tmp_path)]) == 2
    assert "--casus" in capsys.readouterr().err


def test_a_casus_from_anywhere_plays_at_the_level_asked_for(tmp_path):
    path = tmp_path / "elders.toml"
    path.write_bytes(GEZIN.read_bytes())
    app = open_app(_args(tmp_path / "saves", casus=path, niveau="basis", team="Team Elders"))
    try:
        assert [s.scenario.id for s in app.game.scenarios] == ["gezin"]
        assert app.game.level == "basis"
        assert app.game.session.settings.duration_s == 40 * 60  # [scenario.basis] duur_minuten
        assert len(app.game.session.scenario.puzzle("signaal").kaarten) == 4
    finally:
        app.game.close()
        app.close()


def test_watch_reloads_the_saved_file_and_keeps_the_open_puzzle_open(tmp_path):
    path = tmp_path / "gezin.toml"
    path.write_bytes(GEZIN.read_bytes())
    app = open_app(_args(tmp_path / "saves", casus=path, watch=True, team="Team Watch"))
    try:
        ticks = itertools.count()
        app.watcher.file = FileWatch(path, clock=lambda: float(next(ticks)))  # a look every frame
        app.step([], dt=0.1)  # the intro (--team skips setup)
        app.game.flow.open_room(replace=True)  # "Naar de kamer"
        app.step([], dt=0.1)
        room = app.game.flow.stack.top
        assert isinstance(room, RoomScene)
        room.choose("signaal")
        assert getattr(app.game.flow.stack.top, "puzzle", None) is not None
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("Het signaal van de corporatie", "Het signaal van Lindehof"), encoding="utf-8")
        deadline = time.monotonic() + 60  # a loaded two-core machine: seconds, not the frame count, decide
        while app.watcher.reloads == 0 and time.monotonic() < deadline:
            app.step([], dt=0.05)
        assert app.watcher.reloads == 1
        assert app.game.session.scenario.puzzle("signaal").titel.nl == "Het signaal van Lindehof"
        top = app.game.flow.stack.top
        assert getattr(top, "puzzle", None) is not None and top.puzzle.id == "signaal"
        assert top.puzzle.titel.nl == "Het signaal van Lindehof"
        path.write_text(text.replace('ontvanger = "wijkteam"', 'ontvanger = "wijkteem"'), encoding="utf-8")
        deadline = time.monotonic() + 60
        before = app.game.session.scenario
        while time.monotonic() < deadline and app.watcher.file._digest != FileWatch(path)._digest:
            app.step([], dt=0.05)
        app.step([], dt=0.05)
        assert app.game.session.scenario is before  # a broken save keeps the content that played
    finally:
        app.game.close()
        app.close()


def test_file_watch_sees_a_save_and_ignores_a_save_without_changes(tmp_path):
    path = tmp_path / "x.toml"
    path.write_text("a = 1\n", encoding="utf-8")
    now = [0.0]
    watch = FileWatch(path, interval_s=0.2, clock=lambda: now[0])
    assert not watch.changed()
    path.write_text("a = 22\n", encoding="utf-8")
    assert not watch.changed()  # looked too recently
    now[0] = 1.0
    assert watch.changed() and not watch.changed()
    now[0] = 2.0
    path.write_text("a = 22\n", encoding="utf-8")  # saved again, same bytes
    assert not watch.changed()
