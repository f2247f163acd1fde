"""The translator stays linear in the number of errors and reports at most MAX_PROBLEMS per file, then counts.

Before, every unknown key walked its whole table again: 100,000 unknown headers took 27 minutes in ``check``.
The exact timings are in benchmarks/bench_check_hostile.py; the budgets here are generous (a loaded 2-core CI
machine) but still fail by orders of magnitude on the quadratic version.
"""

from __future__ import annotations

import time
from pathlib import Path

import pydantic
import pytest

from escaperoom.cli import main
from escaperoom.content.diagnostics import problems_from_validation
from escaperoom.content.limits import MAX_PROBLEMS
from escaperoom.content.models import Scenario
from escaperoom.content.source import parse_toml
from escaperoom.errors import ContentError
from escaperoom.kinds.judging import load_judged

HENK = Path(__file__).resolve().parents[3] / "puzzels" / "henk.toml"
_BUDGET_S = 10.0  # the requirement is 2 s on this machine; see the benchmark


def _unknown_headers(n: int) -> str:
    return HENK.read_text(encoding="utf-8") + "".join(f"[onbekend{i}]\n" for i in range(n))


def test_five_thousand_unknown_keys_give_the_first_fifty_and_a_count_of_the_rest(tmp_path):
    path = tmp_path / "veel.toml"
    path.write_text(_unknown_headers(5_000), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_judged(path)
    problems = caught.value.problems
    assert len(problems) == MAX_PROBLEMS + 1
    assert all(p.message.startswith("onbekende sleutel 'onbekend") and p.line for p in problems[:-1])
    assert problems[0].line == HENK.read_text(encoding="utf-8").count("\n") + 1
    last = problems[-1]
    assert last.message == "… en nog 4.950 meldingen over dit bestand" and last.severity == "fout"
    assert last.hint == "los eerst de meldingen hierboven op en controleer het bestand dan opnieuw"


def test_one_more_problem_is_counted_as_one_melding():
    doc = parse_toml(_unknown_headers(MAX_PROBLEMS + 1), Path("p.toml"))
    with pytest.raises(pydantic.ValidationError) as caught:
        Scenario.model_validate(doc.data)
    problems = problems_from_validation(caught.value, doc, model=Scenario, tags=("soort",))
    assert problems[-1].message == "… en nog 1 melding over dit bestand"


def test_a_hundred_thousand_unknown_keys_are_translated_in_linear_time():
    doc = parse_toml(_unknown_headers(100_000), Path("p.toml"), max_entries=10**6)
    with pytest.raises(pydantic.ValidationError) as caught:
        Scenario.model_validate(doc.data)
    start = time.perf_counter()
    problems = problems_from_validation(caught.value, doc, model=Scenario, tags=("soort",))
    elapsed = time.perf_counter() - start
    assert problems[-1].message == "… en nog 99.950 meldingen over dit bestand"
    assert elapsed < _BUDGET_S, f"{elapsed:.1f} s"


def test_check_answers_a_hundred_thousand_unknown_headers_quickly_with_one_problem(tmp_path, capsys):
    path = tmp_path / "honderdduizend.toml"
    path.write_text(_unknown_headers(100_000), encoding="utf-8")
    start = time.perf_counter()
    assert main(["check", str(path)]) == 1
    elapsed = time.perf_counter() - start
    out = capsys.readouterr().out
    assert out.count(": fout: ") == 1 and "te veel sleutels en lijst-items: meer dan 10.000" in out
    assert elapsed < _BUDGET_S, f"{elapsed:.1f} s"
