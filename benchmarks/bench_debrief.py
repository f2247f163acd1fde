"""Benchmark of the debrief at scale: the whole ``escaperoom debrief DIR --html F --csv F`` as a facilitator runs it,
at 2k, 10k and 100k item decisions (rows of the CSV), each in a fresh process.

The journals: a base of autoplayed games (``escaperoom --autoplay --headless``, one subprocess per team, each team
name gives its own seeded mistakes, ~40 item decisions a game), then, for the larger sizes, copies of those
journals with a new session id and team name in their start record (the debrief counts a session id once), until
the size is reached. Both are cached in a temporary folder keyed by the autoplay script, the content and the app
version (``--fresh`` plays them again).

Per size, medians of ``--runs`` (3) runs, each a fresh process started through a small probe process:
wall time (probe: start to exit, interpreter start-up included), thread CPU time of the command's main thread
(``time.thread_time`` in the child, imports included), process CPU time (user + system, ``RUSAGE_CHILDREN`` of the
probe) and peak RSS (``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`` of the probe: exactly one child, so the
peak of that one process). ``--split`` also times the steps in this process (reading, aggregating, HTML, CSV).
Run: ``python benchmarks/bench_debrief.py [--sizes 2000,10000,100000] [--runs 3] [--base 50] [--split] [--fresh]``.
Not a test.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from escaperoom import __version__

NAMES = ("Wijkteam Noord", "Wijkteam Oost", "Wijkteam Zuid", "Wijkteam West", "Schuldhulp", "Jeugd en gezin",
         "Zorg en welzijn", "Participatie", "Bemoeizorg", "Inkomen")

# The command in a fresh interpreter; writes its own thread CPU time to the file named first.
_CHILD = """
import json, sys, time
wall0, cpu0 = time.perf_counter(), time.thread_time()
from escaperoom.cli import main
code = main(sys.argv[2:])
with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump({"code": code, "thread_cpu": time.thread_time() - cpu0, "inner_wall": time.perf_counter() - wall0}, out)
"""

# Starts exactly one child and reports its wall time, CPU time and peak RSS.
_PROBE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
run = subprocess.run(sys.argv[1:], capture_output=True, text=True)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"rc": run.returncode, "wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
                  "maxrss_kib": usage.ru_maxrss, "stderr": run.stderr[-3000:]}))
"""


def _team(i: int) -> str:
    return f"{NAMES[i % len(NAMES)]} {i // len(NAMES) + 1}"


def _cache_root(base: int) -> Path:
    from importlib.util import find_spec

    from escaperoom.kinds.judging import load_many_judged

    spec = find_spec("escaperoom.ui.scripted.autoplay")  # found, not imported: no pygame here
    assert spec is not None and spec.origin is not None
    digest = hashlib.sha256(Path(spec.origin).read_bytes())
    for loaded in load_many_judged()[0]:
        digest.update(loaded.doc.text.encode("utf-8"))
    digest.update(f"{__version__}:{base}".encode())
    return Path(tempfile.gettempdir()) / "escaperoom-bench-debrief" / digest.hexdigest()[:12]


def played_sessions(base: int, fresh: bool = False) -> Path:
    """A saves folder with ``base`` finished autoplay games (cached)."""
    folder = _cache_root(base)
    done = folder / "klaar"
    if done.exists() and not fresh:
        return folder / "saves"
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "saves").mkdir(parents=True)
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
    start = time.perf_counter()
    for i in range(base):
        run = subprocess.run([sys.executable, "-m", "escaperoom", "--autoplay", "--headless", "--team", _team(i),
                              "--saves", str(folder / "saves")], env=env, capture_output=True, text=True)
        if run.returncode != 0:
            raise SystemExit(f"autoplay of {_team(i)} failed:\n{run.stdout}\n{run.stderr}")
        print(f"\rplayed {i + 1}/{base}", end="", file=sys.stderr, flush=True)
    print(f"\rplayed {base} games in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    done.write_text("ok\n", encoding="utf-8")
    return folder / "saves"


def _decisions(journal: Path) -> int:
    count = 0
    with journal.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record.get("type") == "poging":
                count += len(record.get("items") or [])
    return count


def scaled_sessions(saves: Path, size: int) -> tuple[Path, int, int]:
    """A folder with at least ``size`` item decisions: the autoplay journals, then copies of them with a new
    session id and team name (cached next to ``saves``). Returns (folder, sessions, item decisions)."""
    folder = saves.parent / f"scaled-{size}"
    done = folder / "klaar.json"
    if done.exists():
        facts = json.loads(done.read_text(encoding="utf-8"))
        return folder / "saves", facts["sessions"], facts["decisions"]
    shutil.rmtree(folder, ignore_errors=True)
    journals = sorted(saves.glob("*/journal.jsonl"))
    counts = [_decisions(j) for j in journals]
    total = sessions = 0
    while total < size:
        source, count = journals[sessions % len(journals)], counts[sessions % len(journals)]
        lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
        header = json.loads(lines[0])
        copy = sessions // len(journals)
        if copy:
            header["sessie"] = f"{header['sessie']}-k{copy}"
            header["team"] = f"{header['team']} ({copy + 1})"
        target = folder / "saves" / header["sessie"]
        target.mkdir(parents=True)
        (target / "journal.jsonl").write_text(json.dumps(header, ensure_ascii=False, separators=(",", ":")) + "\n"
                                              + "".join(lines[1:]), encoding="utf-8")
        total += count
        sessions += 1
    done.write_text(json.dumps({"sessions": sessions, "decisions": total}), encoding="utf-8")
    return folder / "saves", sessions, total


def _run_once(saves: Path, out: Path) -> dict[str, Any]:
    timing = out / "child.json"
    command = [sys.executable, "-c", _CHILD, str(timing), "debrief", str(saves),
               "--html", str(out / "r.html"), "--csv", str(out / "d.csv")]
    probe = subprocess.run([sys.executable, "-c", _PROBE, *command], capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(probe.stdout)
    if result["rc"] != 0:
        raise SystemExit(f"escaperoom debrief failed:\n{result['stderr']}")
    result.update(json.loads(timing.read_text(encoding="utf-8")))
    result["html_kib"] = (out / "r.html").stat().st_size / 1024
    result["csv_kib"] = (out / "d.csv").stat().st_size / 1024
    return result


def measure(saves: Path, runs: int) -> dict[str, float]:
    """Medians over ``runs`` fresh processes of ``escaperoom debrief saves --html --csv``."""
    results = []
    with tempfile.TemporaryDirectory() as out:
        for _ in range(runs):
            results.append(_run_once(saves, Path(out)))
    keys = ("wall", "thread_cpu", "cpu", "maxrss_kib", "html_kib", "csv_kib")
    return {key: statistics.median(r[key] for r in results) for key in keys}


def split(saves: Path) -> dict[str, float]:
    """Thread CPU seconds of each step in this process: reading, aggregating, HTML, CSV."""
    from escaperoom.debrief.model import build_debriefs, load_sessions
    from escaperoom.debrief.report import render_csv, render_html

    marks = [time.thread_time()]
    found = load_sessions([saves])
    marks.append(time.thread_time())
    debriefs = build_debriefs(found)
    marks.append(time.thread_time())
    render_html(debriefs, found)
    marks.append(time.thread_time())
    render_csv(debriefs)
    marks.append(time.thread_time())
    names = ("read", "aggregate", "html", "csv")
    return {name: marks[i + 1] - marks[i] for i, name in enumerate(names)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2000,10000,100000", help="item decisions, comma-separated")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--base", type=int, default=50, help="autoplayed games the copies are made of")
    parser.add_argument("--split", action="store_true", help="also time the steps in this process")
    parser.add_argument("--fresh", action="store_true", help="play the base games again")
    args = parser.parse_args(argv)
    saves = played_sessions(args.base, args.fresh)
    print(f"escaperoom debrief DIR --html F --csv F, fresh process, median of {args.runs} runs; {os.cpu_count()} "
          f"cores, load {os.getloadavg()[0]:.2f}")
    print(f"{'decisions':>10} {'sessions':>8} {'wall s':>8} {'thread s':>9} {'cpu s':>7} {'µs/dec':>7} "
          f"{'peak MiB':>9} {'HTML MiB':>9} {'CSV MiB':>8}")
    for size in (int(s) for s in args.sizes.split(",")):
        folder, sessions, decisions = scaled_sessions(saves, size)
        m = measure(folder, args.runs)
        print(f"{decisions:>10} {sessions:>8} {m['wall']:>8.2f} {m['thread_cpu']:>9.2f} {m['cpu']:>7.2f} "
              f"{1e6 * m['wall'] / decisions:>7.1f} {m['maxrss_kib'] / 1024:>9.0f} {m['html_kib'] / 1024:>9.1f} "
              f"{m['csv_kib'] / 1024:>8.1f}", flush=True)
        if args.split:
            steps = split(folder)
            print("           steps in this process (thread CPU s): "
                  + ", ".join(f"{name} {seconds:.2f}" for name, seconds in steps.items()), flush=True)


if __name__ == "__main__":
    main()
