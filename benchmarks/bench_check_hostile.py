"""Benchmark of ``escaperoom check`` on hostile files: 100,000 unknown keys (headers and plain keys), through the
whole command in a fresh process and through the translator alone; the requirement is under 2 s each.

Run: ``python benchmarks/bench_check_hostile.py``. Prints medians of a few runs; not a test (the tests in
tests/content/diagnostics/test_translate.py only guard against a return of the quadratic version).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pydantic

from escaperoom.content.diagnostics import problems_from_validation
from escaperoom.content.models import Scenario
from escaperoom.content.source import parse_toml
from escaperoom.paths import puzzels_dir

N = 100_000


def _median(run: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _hostile_texts() -> dict[str, str]:
    henk = (puzzels_dir() / "henk.toml").read_text(encoding="utf-8")
    return {
        f"{N:,} onbekende koppen [x]": henk + "".join(f"[onbekend{i}]\n" for i in range(N)),
        f"{N:,} onbekende sleutels x = 1": henk.replace("schema = 1", "schema = 1\n" + "".join(
            f"onbekend{i} = 1\n" for i in range(N)), 1),
    }


def bench_check_command(text: str, repeats: int = 3) -> float:
    """``escaperoom check FILE`` in a fresh interpreter, start-up included (what a trainer waits for)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "vijandig.toml")
        path.write_text(text, encoding="utf-8")
        command = [sys.executable, "-m", "escaperoom", "check", str(path)]
        return _median(lambda: subprocess.run(command, capture_output=True, check=False), repeats)


def bench_translator(text: str, repeats: int = 3) -> float:
    """``problems_from_validation`` alone on every one of the 100,000 errors (past the file's entry limit)."""
    doc = parse_toml(text, Path("vijandig.toml"), max_entries=10 * N)
    try:
        Scenario.model_validate(doc.data)
    except pydantic.ValidationError as err:
        error = err
    else:
        raise AssertionError("the hostile file validated")
    return _median(lambda: problems_from_validation(error, doc, model=Scenario, tags=("soort",)), repeats)


if __name__ == "__main__":
    for name, text in _hostile_texts().items():
        print(f"{name}: check {bench_check_command(text):.2f} s (nieuw proces), "
              f"vertaler alleen {bench_translator(text):.2f} s; eis < 2 s")
