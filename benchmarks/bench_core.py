"""Benchmark of the pure core: load and validate 200 puzzle files; rule-engine verdicts per second.

Run: ``python benchmarks/bench_core.py``. Prints medians; not a test (speed is measured here, not asserted).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from escaperoom.kinds.judging import load_many_judged
from escaperoom.paths import puzzels_dir
from escaperoom.rules.engine import evaluate_item
from escaperoom.rules.facts import Category, Consent, DataItem, Request
from escaperoom.rules.lawbook import load_lawbook
from escaperoom.text import Text


def bench_load(files: int = 200, repeats: int = 5) -> float:
    source = (puzzels_dir() / "henk.toml").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(files):
            Path(tmp, f"casus{i:03}.toml").write_text(source.replace('id = "henk"', f'id = "henk{i:03}"', 1),
                                                      encoding="utf-8")
        book = load_lawbook()
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            loaded, problems = load_many_judged([Path(tmp)], book)
            times.append(time.perf_counter() - start)
            assert len(loaded) == files and not [p for p in problems if p.severity == "fout"], problems[:3]
    return statistics.median(times)


def bench_verdicts(n: int = 20_000) -> float:
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
    start = time.perf_counter()
    for req, item in requests:
        evaluate_item(book, req, item)
    return n / (time.perf_counter() - start)


if __name__ == "__main__":
    from escaperoom.rules.lawbook import LAW_DIR
    law_files = len(list(LAW_DIR.glob("*.toml"))) + 2  # the instruments, rollen.toml and feiten.toml
    t0 = time.perf_counter()
    load_lawbook()
    label = f"law book load ({law_files} files):"
    print(f"{label:<36}{1000 * (time.perf_counter() - t0):8.1f} ms")
    print(f"load + validate + judge 200 files:  {1000 * bench_load():8.1f} ms (median of 5)")
    print(f"rule engine verdicts per second:    {bench_verdicts():8.0f}")
