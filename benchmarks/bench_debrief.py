"""Benchmark of the debrief: 50 team sessions played by ``escaperoom --autoplay`` (each team name gives its own
seeded mistakes, ~40 item decisions a session), then the debrief of all of them.

Times (median of several repeats, ``time.perf_counter``): reading the journals and aggregating them
(``load_sessions`` + ``build_debrief``); rendering the reports (HTML with what-if sections and timelines, and CSV);
and the whole command ``escaperoom debrief DIR --html r.html --csv d.csv`` as a user runs it (a fresh Python
process: start-up, imports, content and law book loading, reading, aggregating, writing). Aim: each under 1 s.

The sessions are played once, headless, in a subprocess per team, and cached in a temporary folder keyed by the
autoplay script, the content and the app version (delete it or pass ``--fresh`` to play them again).
Run: ``python benchmarks/bench_debrief.py [SESSIONS] [--fresh]``. Not a test.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from escaperoom import __version__
from escaperoom.debrief.model import build_debrief, load_sessions
from escaperoom.debrief.report import render_csv, render_html
from escaperoom.rules.lawbook import load_lawbook

NAMES = ("Wijkteam Noord", "Wijkteam Oost", "Wijkteam Zuid", "Wijkteam West", "Schuldhulp", "Jeugd en gezin",
         "Zorg en welzijn", "Participatie", "Bemoeizorg", "Inkomen")


def _team(i: int) -> str:
    return f"{NAMES[i % len(NAMES)]} {i // len(NAMES) + 1}"


def _cache_key(sessions: int) -> str:
    from importlib.util import find_spec

    from escaperoom.kinds.judging import load_many_judged

    digest = hashlib.sha256(Path(find_spec("escaperoom.ui.scripted.autoplay").origin).read_bytes())  # not imported: no pygame
    for loaded in load_many_judged()[0]:
        digest.update(loaded.doc.text.encode("utf-8"))
    digest.update(f"{__version__}:{sessions}".encode())
    return digest.hexdigest()[:12]


def played_sessions(sessions: int, fresh: bool = False) -> tuple[Path, float]:
    """A saves folder with ``sessions`` finished autoplay games (cached); and the seconds it took to play them
    (0 when they came from the cache)."""
    folder = Path(tempfile.gettempdir()) / "escaperoom-bench-debrief" / _cache_key(sessions)
    done = folder / "klaar"
    if done.exists() and not fresh:
        return folder / "saves", 0.0
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "saves").mkdir(parents=True)
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
    start = time.perf_counter()
    for i in range(sessions):
        run = subprocess.run([sys.executable, "-m", "escaperoom", "--autoplay", "--headless", "--team", _team(i),
                              "--saves", str(folder / "saves")], env=env, capture_output=True, text=True)
        if run.returncode != 0:
            raise SystemExit(f"autoplay of {_team(i)} failed:\n{run.stdout}\n{run.stderr}")
        print(f"\rplayed {i + 1}/{sessions}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    done.write_text("ok\n", encoding="utf-8")
    return folder / "saves", time.perf_counter() - start


def _median(fn, repeats: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main(sessions: int = 50, repeats: int = 7, fresh: bool = False) -> None:
    saves, played = played_sessions(sessions, fresh)
    book = load_lawbook()
    from escaperoom.kinds.judging import load_many_judged
    scenarios, _ = load_many_judged()

    def aggregate():
        found = load_sessions([saves])
        return build_debrief(found.sessions, scenarios=scenarios, book=book)

    agg, debrief = _median(aggregate, repeats)
    decisions = [s.decisions for s in debrief.sessions]
    records = sum(len(s.records) for s in debrief.sessions)
    html_t, page = _median(lambda: render_html([debrief]), repeats)
    csv_t, table = _median(lambda: render_csv([debrief]), repeats)
    with tempfile.TemporaryDirectory() as out:
        command = [sys.executable, "-m", "escaperoom", "debrief", str(saves), "--html", str(Path(out) / "r.html"),
                   "--csv", str(Path(out) / "d.csv")]

        def whole():
            run = subprocess.run(command, capture_output=True, text=True)
            if run.returncode != 0:
                raise SystemExit(f"escaperoom debrief failed:\n{run.stderr}")

        cmd_t, _ = _median(whole, max(3, repeats // 2))
        start_t, _ = _median(lambda: subprocess.run([sys.executable, "-c", "import escaperoom.cli"], check=True),
                             max(3, repeats // 2))
    spread = len({s.compass for s in debrief.sessions})
    print(f"sessions: {len(debrief.sessions)} (autoplay, {spread} different compass positions; "
          + (f"played in {played:.0f} s" if played else f"cached in {saves.parent}") + ")")
    print(f"journal records: {records}, item decisions: {sum(decisions)} (per session {min(decisions)}–"
          f"{max(decisions)}, mean {statistics.mean(decisions):.0f})")
    print(f"load + aggregate (median of {repeats})     : {1000 * agg:8.1f} ms")
    print(f"HTML report                             : {1000 * html_t:8.1f} ms  ({len(page) / 1024:.0f} KiB)")
    print(f"CSV report                              : {1000 * csv_t:8.1f} ms  ({len(table) / 1024:.0f} KiB)")
    print(f"escaperoom debrief DIR --html --csv     : {1000 * cmd_t:8.1f} ms  (a new process; of which "
          f"{1000 * start_t:.0f} ms Python start-up and imports)")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(int(args[0]) if args else 50, fresh="--fresh" in sys.argv)
