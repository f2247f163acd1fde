"""Reloading a casus while it is played, for authors (``escaperoom --casus PAD --watch``): :class:`FileWatch` says
when the file was saved (polled, cheap), :func:`swap_content` puts the reloaded casus into the running session.
Pure (no pygame); the screens side is ``escaperoom.ui.watch``."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from pathlib import Path

from escaperoom.kinds.judging import Judged
from escaperoom.play.session import PuzzleState, Session

POLL_S = 0.2  # how often the file is looked at: a saved change shows within a second


class FileWatch:
    """Whether a file changed since the last look. Looks at most every ``interval_s`` seconds (by ``clock``), at its
    size and modification time first and then at its bytes, so a save that changes nothing is no change, and a
    file system with a coarse clock still notices a save."""

    def __init__(self, path: Path, interval_s: float = POLL_S, clock: Callable[[], float] = time.monotonic):
        self.path, self.interval_s, self.clock = path, interval_s, clock
        self._next = 0.0
        self._stat = self._look()
        self._digest = self._read()

    def _look(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return st.st_mtime_ns, st.st_size

    def _read(self) -> str | None:
        try:
            return hashlib.sha256(self.path.read_bytes()).hexdigest()
        except OSError:
            return None

    def changed(self) -> bool:
        now = self.clock()
        if now < self._next:
            return False
        self._next = now + self.interval_s
        stat = self._look()
        if stat is None or stat == self._stat:
            return False
        self._stat = stat
        digest = self._read()
        if digest is None or digest == self._digest:
            return False
        self._digest = digest
        return True


def swap_content(session: Session, judged: Judged) -> None:
    """The session plays ``judged`` from now on: the progress of every puzzle still in it is kept, new puzzles
    start open, removed ones are gone (and so is the current puzzle when it was removed)."""
    session.scenario = judged.scenario
    session.cases = judged.cases
    session.puzzles = {p.id: session.puzzles.get(p.id, PuzzleState()) for p in judged.scenario.puzzels}
    if session.current is not None and session.current not in session.puzzles:
        session.current = None
