"""Benchmark of the pure core: load and validate 200 puzzle files; rule-engine verdicts per second.

Run: ``python benchmarks/bench_core.py [--runs N]``. Prints medians of N runs, in wall time and in the thread's CPU
time (the machine is shared, so wall time alone is noisy); not a test (speed is measured here, not asserted).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from escaperoom.kinds.judging import load_many_judged
from escaperoom.paths import puzzels_dir
from escaperoom.rules.engine import evaluate_item
from escaperoom.rules.facts import Category, Consent, DataItem, Request
from escaperoom.rules.lawbook import load_lawbook
from escaperoom.text import Text


def _timed(work: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, thread CPU seconds) of one call."""
    wall, cpu = time.perf_counter(), time.thread_time()
    work()
    return time.perf_counter() - wall, time.thread_time() - cpu


def bench_load(files: int = 200, runs: int = 5) -> tuple[float, float]:
    """Median (wall, CPU) seconds to load, validate and judge ``files`` copies of the bundled scenario."""
    source = (puzzels_dir() / "henk.toml").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(files):
            Path(tmp, f"casus{i:03}.toml").write_text(source.replace('id = "henk"', f'id = "henk{i:03}"', 1),
                                                      encoding="utf-8")
        book = load_lawbook()

        def load() -> None:
            loaded, problems = load_many_judged([Path(tmp)], book)
            assert len(loaded) == files and not [p for p in problems if p.severity == "fout"], problems[:3]

        times = [_timed(load) for _ in range(runs)]
    return statistics.median(t[0] for t in times), statistics.median(t[1] for t in times)


def _requests(n: int) -> list[tuple[Request, DataItem]]:
    book = load_lawbook()
    roles = sorted(book.roles)
    facts = sorted(book.facts)
    cats = list(Category)
    consents = list(Consent)
    requests = []
    for i in range(n):
        req = Request(houder=roles[i % len(roles)], ontvanger=roles[(i * 7 + 3) % len(roles)], doel=Text.of("doel"),
                      toestemming=consents[i % len(consents)], acuut_gevaar=i % 11 == 0,
                      situatie=frozenset(facts[j] for j in range(len(facts)) if (i >> j) & 1))
        item = DataItem(id="x", label=Text.of("gegeven"), categorieen=(cats[i % len(cats)], cats[(i // 5) % len(cats)]),
                        nodig=i % 9 != 0)
        requests.append((req, item))
    return requests


def bench_verdicts(n: int = 5_000, runs: int = 5) -> tuple[float, float]:
    """Median verdicts per second over ``runs`` runs of ``n`` requests: (by wall time, by thread CPU time)."""
    book = load_lawbook()
    requests = _requests(n)

    def judge() -> None:
        for req, item in requests:
            evaluate_item(book, req, item)

    times = [_timed(judge) for _ in range(runs)]
    return n / statistics.median(t[0] for t in times), n / statistics.median(t[1] for t in times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per measurement (the median is printed)")
    args = parser.parse_args()
    from escaperoom.rules.lawbook import LAW_DIR
    law_files = len(list(LAW_DIR.glob("*.toml"))) + 2  # the instruments, rollen.toml and feiten.toml
    wall, cpu = _timed(lambda: load_lawbook.__wrapped__())  # type: ignore[attr-defined]  # bypass the cache
    print(f"{f'law book load ({law_files} files):':<40}{1000 * wall:9.1f} ms wall {1000 * cpu:9.1f} ms CPU")
    wall, cpu = bench_load(runs=args.runs)
    print(f"{'load + validate + judge 200 files:':<40}{1000 * wall:9.1f} ms wall {1000 * cpu:9.1f} ms CPU"
          f"  (median of {args.runs})")
    per_wall, per_cpu = bench_verdicts(runs=args.runs)
    print(f"{'rule engine verdicts per second:':<40}{per_wall:9.0f} wall    {per_cpu:9.0f} CPU"
          f"     (median of {args.runs})")


if __name__ == "__main__":
    main()
