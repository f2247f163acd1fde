"""Start-up benchmark: the time from starting a fresh ``python -m escaperoom --headless --frames 1`` to its first frame,
for one or more Python interpreters (each with its own install of the game, e.g. the tree before and after a
change), alternating between them so that both see the same machine; medians of ``--runs`` starts each, the CPU
time the whole process used (user + system: steadier than wall time on a busy machine), and what ``-X importtime``
reports for the imports of one start.

Run: ``python benchmarks/bench_startup.py [--runs N] [PYTHON ...]`` (default: this interpreter).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time


def first_frame(python: str) -> tuple[float, float, float]:
    """(ms from just before the process starts to its first frame, ms it reports from inside, CPU ms of the whole
    process)."""
    with tempfile.TemporaryDirectory() as saves:
        env = {**os.environ, "ESCAPEROOM_TIMING": "1", "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.time()
        done = subprocess.run([python, "-m", "escaperoom", "--headless", "--frames", "1", "--saves", saves], env=env,
                              capture_output=True, text=True, check=True, cwd=tempfile.gettempdir())
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = next(ln for ln in done.stderr.splitlines() if "eerste frame om" in ln)
    inside = next(ln for ln in done.stderr.splitlines() if "eerste frame na" in ln)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    return (float(wall.split()[3]) - started) * 1000, float(inside.split()[3]), cpu


def imports_ms(python: str) -> float:
    """Total cumulative import time of the top-level imports of one start (``-X importtime``), in ms."""
    with tempfile.TemporaryDirectory() as saves:
        done = subprocess.run([python, "-X", "importtime", "-m", "escaperoom", "--headless", "--frames", "1",
                               "--saves", saves], capture_output=True, text=True, check=True,
                              cwd=tempfile.gettempdir(), env={**os.environ, "SDL_VIDEODRIVER": "dummy"})
    total = 0
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "cumulative" not in line:
            _, cumulative, name = (part for part in line.split(":", 1)[1].split("|"))
            if not name.startswith("  "):  # top level: one space after the bar
                total += int(cumulative)
    return total / 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pythons", nargs="*", default=[sys.executable])
    parser.add_argument("--runs", type=int, default=15)
    opts = parser.parse_args()
    starts: dict[str, list[tuple[float, float, float]]] = {p: [] for p in opts.pythons}
    imports: dict[str, list[float]] = {p: [] for p in opts.pythons}
    for _ in range(opts.runs):
        for python in opts.pythons:
            starts[python].append(first_frame(python))
            imports[python].append(imports_ms(python))
    print(f"{'python':<44} {'start -> 1st frame':>19} {'inside':>8} {'cpu':>8} {'imports':>8}   "
          f"(medians of {opts.runs}, ms)")
    for python in opts.pythons:
        real, inside, cpu = (statistics.median(run[i] for run in starts[python]) for i in range(3))
        print(f"{python:<44} {real:>19.0f} {inside:>8.0f} {cpu:>8.0f} {statistics.median(imports[python]):>8.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
