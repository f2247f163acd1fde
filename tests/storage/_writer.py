"""Helper process for the kill tests: writes in a loop until it is killed; not a test module.

    python _writer.py journal <path>   append records; print each seq after append() returned
    python _writer.py state <path>     save states n, n+1, …; print each n after write_state() returned

Every printed line is a promise: that record/state is on disk. The test kills this process with SIGKILL.
"""

from __future__ import annotations

import sys
from pathlib import Path

from escaperoom.storage.journal import Journal
from escaperoom.storage.saves import read_state, write_state


def state_for(n: int) -> dict:
    """A state whose size and shape change with n, so a half-written file cannot pass for a whole one."""
    return {
        "n": n,
        "team": "Kill",
        "blob": f"{n}:" + "x" * (n * 37 % 3000),
        "puzzels": [{"id": f"p{i}", "n": n} for i in range(n % 25)],
    }


def _journal(path: Path) -> None:
    journal = Journal.open_append(path) if path.exists() else Journal.create(path, {"team": "Kill", "scenario": "k"})
    n = 0
    while True:
        record = journal.append("besluit", n=n, reden="r" * (n * 13 % 500))
        sys.stdout.write(f"{record['seq']}\n")
        sys.stdout.flush()
        n += 1


def _state(path: Path) -> None:
    n = read_state(path)["n"] + 1 if path.exists() else 0
    while True:
        write_state(path, state_for(n))
        sys.stdout.write(f"{n}\n")
        sys.stdout.flush()
        n += 1


if __name__ == "__main__":
    mode, target = sys.argv[1], Path(sys.argv[2])
    {"journal": _journal, "state": _state}[mode](target)
