"""Benchmark of the debrief: 50 team sessions of ~40 item decisions each, played through the real recorder.

Times (median of several repeats, ``time.perf_counter``): reading the journals and aggregating them
(``load_sessions`` + ``build_debrief``), and writing the reports (HTML with what-if sections and timelines, and
CSV). Aim: each under 1 s. Run: ``python benchmarks/bench_debrief.py [SESSIONS]``. Not a test.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "debrief"))

from debrief_teams import henk, make_teams  # noqa: E402  (the scripted teams of the debrief tests)

from escaperoom.debrief.model import build_debrief, load_sessions  # noqa: E402
from escaperoom.debrief.report import render_csv, render_html  # noqa: E402
from escaperoom.rules.lawbook import load_lawbook  # noqa: E402


def _median(fn, repeats: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main(sessions: int = 50, repeats: int = 7) -> None:
    loaded = henk()
    book = load_lawbook()
    with tempfile.TemporaryDirectory() as tmp:
        saves = Path(tmp) / "saves"
        start = time.perf_counter()
        make_teams(saves, sessions, rounds=2, loaded=loaded)
        made = time.perf_counter() - start

        def aggregate():
            found = load_sessions([saves])
            return build_debrief(found.sessions, scenarios=[loaded], book=book)

        agg, debrief = _median(aggregate, repeats)
        decisions = sum(s.decisions for s in debrief.sessions)
        records = sum(len(s.records) for s in debrief.sessions)
        html_t, page = _median(lambda: render_html([debrief]), repeats)
        csv_t, table = _median(lambda: render_csv([debrief]), repeats)
        both_t, _ = _median(lambda: (render_html([debrief]), render_csv([debrief])), repeats)
    print(f"sessions: {len(debrief.sessions)}, journal records: {records}, item decisions: {decisions} "
          f"(~{decisions / max(1, len(debrief.sessions)):.0f} per session; played in {made:.1f} s)")
    print(f"load + aggregate (median of {repeats}): {1000 * agg:8.1f} ms")
    print(f"HTML report                         : {1000 * html_t:8.1f} ms  ({len(page) / 1024:.0f} KiB)")
    print(f"CSV report                          : {1000 * csv_t:8.1f} ms  ({len(table) / 1024:.0f} KiB)")
    print(f"HTML + CSV                          : {1000 * both_t:8.1f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
