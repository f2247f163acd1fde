"""Whole-game benchmark: what a team's game costs, as it is played, next to a bare fill+flip of the same run.

- every frame of full autoplayed games (``escaperoom.ui.scripted.autoplay``, headless, in this process), timed as
  ``App.step`` (events, update, draw, flip) in thread CPU time and wall time; the p99 of all frames, of the first
  frame after each scene change (the top of the stack changed) and of the frames that save (``os.fsync``) apart;
- start-up: a fresh ``escaperoom --headless --frames 1`` process, timed from just before it is started to its first
  frame (interpreter, imports, fonts, content and law book included), median of ``--starts`` runs, and the import
  time ``python -X importtime`` reports for the same command (cumulative, the largest packages listed);
- peak RSS of a whole ``escaperoom --autoplay --headless`` game in a fresh process (``ru_maxrss`` of that child).

Run: ``python benchmarks/bench_game.py [--games N] [--starts N]``. Aims: every p99 <= 10x bare, peak RSS <= 120 MiB.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import timing  # noqa: E402  (the dummy drivers, before pygame)
from timing import FsyncCounter, Samples, bare_frames, p99, table  # noqa: E402

TEAMS = ("Team Noord", "Team Oost", "Team Zuid", "Team West", "Team Midden")
MAX_FRAMES = 20_000


def play(team: str, fsyncs: FsyncCounter) -> dict[str, Samples]:
    """One autoplayed game: its frames, by kind."""
    import argparse as _argparse

    from escaperoom.ui.main import open_app
    from escaperoom.ui.scripted.autoplay import Autoplayer

    out = {"alle frames": Samples(), "eerste frame na overgang": Samples(), "overige frames": Samples()}
    with tempfile.TemporaryDirectory() as saves:
        app = open_app(_argparse.Namespace(window=True, headless=True, lang="nl", saves=Path(saves), scenario=None,
                                           team=None, duur=None, resume=False, autoplay=True))
        player = Autoplayer(app, team=team)
        shown = app.stack.scenes
        frames = 0
        while app.running and not player.finished and frames < MAX_FRAMES:
            one = Samples()
            events = player.events()
            _step(app, events, player.dt, one, fsyncs)
            changed = app.stack.scenes != shown
            shown = app.stack.scenes
            out["alle frames"].extend(one)
            out["eerste frame na overgang" if changed else "overige frames"].extend(one)
            frames += 1
        if getattr(app, "game", None) is not None:
            app.game.close()
        app.close()
    return out


def _step(app, events: list, dt: float, samples: Samples, fsyncs: FsyncCounter) -> None:
    before = fsyncs.calls
    cpu, wall = time.thread_time(), time.perf_counter()
    app.step(events, dt=dt)
    samples.add((time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000, fsyncs.calls > before)


def _bare() -> Samples:
    import pygame

    from escaperoom.ui import theme

    pygame.display.init()
    surface = pygame.display.set_mode(theme.CANVAS_SIZE)
    out = bare_frames(surface, 600)
    pygame.display.quit()
    return out


def _command() -> list[str]:
    script = shutil.which("escaperoom", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "escaperoom"]


def first_frame_ms() -> tuple[float, float]:
    """(ms from just before the process is started to its first frame, ms it reports from its own start)."""
    with tempfile.TemporaryDirectory() as saves:
        env = {**os.environ, "ESCAPEROOM_TIMING": "1"}
        started = time.time()
        done = subprocess.run([*_command(), "--headless", "--frames", "1", "--saves", saves], env=env,
                              capture_output=True, text=True, check=True)
    wall = next(ln for ln in done.stderr.splitlines() if "eerste frame om" in ln)
    inside = next(ln for ln in done.stderr.splitlines() if "eerste frame na" in ln)
    return (float(wall.split()[3]) - started) * 1000, float(inside.split()[3])


def import_times() -> tuple[float, list[tuple[str, float]]]:
    """(total ms of imports, the ten slowest top-level imports in ms) from ``-X importtime`` of the same command."""
    with tempfile.TemporaryDirectory() as saves:
        done = subprocess.run([sys.executable, "-X", "importtime", "-m", "escaperoom", "--headless", "--frames", "1",
                               "--saves", saves], capture_output=True, text=True, check=True)
    top: list[tuple[str, float]] = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line or "cumulative" in line:
            continue
        _, cumulative, name = line.split(":", 1)[1].split("|")
        if not name.startswith("  "):  # a top-level import: one space after the bar, nested ones more
            top.append((name.strip(), int(cumulative) / 1000))
    return sum(ms for _, ms in top), sorted(top, key=lambda t: -t[1])[:10]


# A child's ru_maxrss counts the memory of the process it was forked from until it execs: the game is started from a
# small Python of its own, not from this one (which holds the games played above).
_SPAWN = ("import os, resource, subprocess, sys\n"
          "code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
          "print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def peak_rss_mib() -> float:
    """Peak RSS of one whole autoplayed game in a fresh process (that child's ``ru_maxrss``)."""
    with tempfile.TemporaryDirectory() as saves:
        done = subprocess.run([sys.executable, "-c", _SPAWN, *_command(), "--autoplay", "--headless", "--saves", saves],
                              capture_output=True, text=True, check=True)
    code, kib = done.stdout.split()
    if code != "0":
        raise RuntimeError(f"autoplay ended with {code}")
    return int(kib) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--games", type=int, default=5, help="autoplayed games in this process")
    parser.add_argument("--starts", type=int, default=7, help="fresh processes for start-up and peak RSS")
    opts = parser.parse_args()
    bare = _bare()
    results: dict[str, Samples] = {}
    with FsyncCounter() as fsyncs:
        for i in range(opts.games):
            for name, samples in play(TEAMS[i % len(TEAMS)], fsyncs).items():
                results.setdefault(name, Samples()).extend(samples)
    bare.extend(_bare())
    split: dict[str, Samples] = {}
    for name, samples in results.items():
        split[name] = samples
        if name == "alle frames":
            split["  zonder opslaan"] = samples.only(False)
            split["  frames die opslaan (fsync)"] = samples.only(True)
    table(f"hele spellen (autoplay, {opts.games}x)", {"kaal: fill+flip": bare, **split}, bare)
    starts = [first_frame_ms() for _ in range(opts.starts)]
    total, slowest = import_times()
    rss = [peak_rss_mib() for _ in range(opts.starts)]
    inside = statistics.median(i for _, i in starts)
    print(f"\nstart tot eerste frame (vers proces '{Path(_command()[0]).name} --headless --frames 1', "
          f"{opts.starts}x): mediaan {statistics.median(r for r, _ in starts):.0f} ms (alle: "
          + ", ".join(f"{r:.0f}" for r, _ in starts) + f"); binnen het proces {inside:.0f} ms")
    print(f"imports (-X importtime, cumulatief, top-level): {total:.0f} ms; grootste: "
          + ", ".join(f"{name} {ms:.0f}" for name, ms in slowest))
    print(f"piek-RSS van een heel autoplay-spel (vers proces, {opts.starts}x): "
          f"mediaan {statistics.median(rss):.1f} MiB (max {max(rss):.1f})")
    worst = max(p99(s.cpu) for s in results.values() if len(s)) / timing.median(bare.cpu)
    print(f"slechtste p99 / kale mediaan (cpu): {worst:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
