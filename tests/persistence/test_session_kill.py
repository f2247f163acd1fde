"""Kill test at the session level: a scripted game killed with SIGKILL at random moments, then resumed.

Every journal stays readable, no attempt the team saw accepted is lost, and resume continues where it was.
"""

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from escaperoom.journal import read_journal
from escaperoom.recorder import applied_records
from escaperoom.saves import list_sessions, read_state

PLAY = Path(__file__).with_name("_play.py")
KILLS = 32


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_game_killed_32_times_loses_no_accepted_attempt_and_resumes_correctly(tmp_path):
    rng = random.Random(20261123)
    accepted: dict[str, list[int]] = {}  # session id -> seqs the player saw accepted
    finished = 0
    for run in range(KILLS + 8):
        proc = subprocess.Popen([sys.executable, str(PLAY), str(tmp_path)], stdout=subprocess.PIPE, text=True,
                                env={**os.environ, "PYTHONUNBUFFERED": "1"})
        first = proc.stdout.readline().split()
        assert first and first[0] == "ready", first
        session_id = first[1]
        if run < KILLS:
            time.sleep(rng.uniform(0.0, 0.06))
            proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate(timeout=60)
        for line in out.splitlines():
            parts = line.split()
            if parts and parts[0] == "accepted":
                accepted.setdefault(session_id, []).append(int(parts[3]))
            if parts and parts[0] == "done":
                finished += 1

        folder = tmp_path / session_id
        journal = read_journal(folder / "journal.jsonl")
        seqs = [r["seq"] for r in journal.records]
        assert seqs == list(range(len(seqs))), "journal seqs must be gap-free after every kill"
        assert set(accepted.get(session_id, [])) <= set(seqs), "an accepted attempt was lost"
        state = read_state(folder / "stand.toml")
        # the state reflects exactly the applied records up to its journaal_seq; a record after it is in flight
        # (written, never shown) and is marked niet_toegepast by the next resume
        assert seqs[-1] - 1 <= state["journaal_seq"] <= seqs[-1]
        applied = [r for r in applied_records(journal.records) if r["seq"] <= state["journaal_seq"]]
        attempts = Counter(r["puzzel"] for r in applied if r["type"] == "poging")
        for pid, puzzle in state["puzzels"].items():
            assert puzzle["pogingen"] == attempts[pid], pid
        assert not set(accepted.get(session_id, [])) & {s for r in journal.records if r["type"] == "herstel"
                                                        for s in r["niet_toegepast"]}, "an accepted attempt was undone"

    assert finished >= 1, "at least one game must reach its end after resuming"
    # a busy machine may kill many runs before their first attempt; the 8 unkilled runs always make progress
    assert sum(len(v) for v in accepted.values()) >= 8
    assert all(info.ok for info in list_sessions(tmp_path))
