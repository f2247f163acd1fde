"""Kill tests: a writer process is killed with SIGKILL mid-loop, over and over; nothing it promised may be lost."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from escaperoom.storage.journal import Journal, read_journal
from escaperoom.storage.saves import clean_stale_temp_files, read_state

from ._writer import state_for

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")

WRITER = Path(__file__).with_name("_writer.py")
REPO = Path(__file__).resolve().parents[2]
KILLS = 35


def _run_and_kill(mode: str, target: Path, rng: random.Random) -> list[int]:
    """Start the writer, wait for its first promise, let it run a random short while, SIGKILL it.
    Returns the numbers it promised (complete lines only: a line cut by the kill promised nothing)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    # bufsize=0: readline() must not read ahead. A buffered pipe reads a whole chunk, and communicate() reads the
    # raw pipe after it, so every line the writer printed before readline() ran was lost: on a loaded machine the
    # last promise looked older than it was and a correct state seemed two saves ahead of it.
    proc = subprocess.Popen([sys.executable, str(WRITER), mode, str(target)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, bufsize=0)
    try:
        first = proc.stdout.readline()
        if first:
            time.sleep(rng.uniform(0, 0.04))
        proc.send_signal(signal.SIGKILL)
        rest, err = proc.communicate()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert first, f"writer did not start: {err.decode(errors='replace')}"
    assert proc.returncode == -signal.SIGKILL, err.decode(errors="replace")
    text = (first + rest).decode()
    return [int(line) for line in text.split("\n")[:-1]]


def test_killing_the_journal_writer_never_loses_a_record_it_reported_as_written(tmp_path):
    seed = random.randrange(2**32)
    rng = random.Random(seed)
    path = tmp_path / "journal.jsonl"
    promised: list[int] = []
    for kill in range(KILLS):
        reported = _run_and_kill("journal", path, rng)
        promised += reported
        result = read_journal(path)  # readable after every kill
        stored = [r["seq"] for r in result.records]
        missing = set(reported) - set(stored)
        assert not missing, f"seed {seed}, kill {kill}: reported but not in journal: {sorted(missing)}"
    result = read_journal(path)
    seqs = [r["seq"] for r in result.records]
    assert seqs == list(range(len(seqs))), f"seed {seed}: seq not contiguous across resumes"
    assert set(promised) <= set(seqs)
    assert len(promised) == len(set(promised)), f"seed {seed}: a seq was promised twice"

    with Journal.open_append(path) as journal:
        last = journal.append("na_de_crash")
    after = read_journal(path)
    assert after.records[-1] == last
    assert last["seq"] == seqs[-1] + 1
    assert after.warnings == []


def test_killing_the_state_writer_leaves_either_the_old_or_the_new_state_never_a_mix(tmp_path):
    seed = random.randrange(2**32)
    rng = random.Random(seed)
    path = tmp_path / "stand.toml"
    promised = 0
    for kill in range(KILLS):
        reported = _run_and_kill("state", path, rng)
        promised += len(reported)
        state = read_state(path)
        assert state == state_for(state["n"]), f"seed {seed}, kill {kill}: state is a mix"
        # The last promise is on disk, or the save after it (written but killed before it could report).
        assert reported[-1] <= state["n"] <= reported[-1] + 1, f"seed {seed}, kill {kill}"
    clean_stale_temp_files(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["stand.toml"]
    assert promised >= KILLS
