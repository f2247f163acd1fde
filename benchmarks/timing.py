"""Shared parts of the screen benchmarks: a frame timer that reads wall time and this thread's CPU time around a whole
``App.step`` (events, update, draw and ``flip``, as the bare fill+flip anchor), a count of the ``fsync`` calls made
in a frame (a frame that saves), medians and p99s, and the table they print.

Used by ``bench_frames.py``, ``bench_game.py`` and ``bench_text.py``. Never a best-of-N: every figure is a median or
a percentile over all samples.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


def p99(samples: Iterable[float]) -> float:
    """The 99th percentile (nearest rank); the maximum for fewer than 100 samples."""
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, max(0, -(-99 * len(ordered) // 100) - 1))]


def median(samples: Iterable[float]) -> float:
    values = list(samples)
    return statistics.median(values) if values else float("nan")


class FsyncCounter:
    """Counts ``os.fsync`` calls (each still done for real), so a frame that saves can be told apart."""

    def __init__(self) -> None:
        self.calls = 0
        self._real = os.fsync

    def __enter__(self) -> FsyncCounter:
        real = self._real

        def counting(fd: int) -> None:
            self.calls += 1
            real(fd)

        os.fsync = counting  # type: ignore[assignment]
        return self

    def __exit__(self, *exc: object) -> None:
        os.fsync = self._real


@dataclass
class Samples:
    """Wall and thread-CPU milliseconds of a series of frames, and how many of them saved (called fsync)."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    saves: list[bool] = field(default_factory=list)

    def add(self, wall_ms: float, cpu_ms: float, saved: bool = False) -> None:
        self.wall.append(wall_ms)
        self.cpu.append(cpu_ms)
        self.saves.append(saved)

    def extend(self, other: Samples) -> None:
        self.wall += other.wall
        self.cpu += other.cpu
        self.saves += other.saves

    def only(self, saved: bool) -> Samples:
        out = Samples()
        for w, c, s in zip(self.wall, self.cpu, self.saves, strict=True):
            if s is saved:
                out.add(w, c, s)
        return out

    def __len__(self) -> int:
        return len(self.wall)


def timed(fn: Callable[[], object], fsyncs: FsyncCounter | None = None) -> tuple[float, float, bool]:
    """(wall ms, thread CPU ms, whether it called fsync) of one call of ``fn``."""
    before = fsyncs.calls if fsyncs is not None else 0
    wall, cpu = time.perf_counter(), time.thread_time()
    fn()
    cpu_ms = (time.thread_time() - cpu) * 1000
    wall_ms = (time.perf_counter() - wall) * 1000
    return wall_ms, cpu_ms, fsyncs is not None and fsyncs.calls > before


def step_timed(app, events: list | None, samples: Samples, fsyncs: FsyncCounter | None = None) -> None:
    """One ``app.step(events)`` (events, update, draw, flip), timed into ``samples``."""
    wall, cpu, saved = timed(lambda: app.step(events if events is not None else []), fsyncs)
    samples.add(wall, cpu, saved)


def bare_frames(surface, frames: int) -> Samples:
    """The anchor: a fill of the 1920x1080 canvas and a ``flip``, timed like a game frame."""
    import pygame

    from escaperoom.ui import theme

    out = Samples()

    def frame() -> None:
        surface.fill(theme.BG)
        pygame.display.flip()

    for _ in range(frames):
        out.add(*timed(frame)[:2])
    return out


HEADER = (f"{'':<34} {'cpu med':>8} {'cpu p99':>8} {'wall med':>9} {'wall p99':>9} {'n':>5}"
          f" {'cpu p99/bare':>13} {'wall p99/bare':>14}")


def row(name: str, samples: Samples, bare: Samples | None = None) -> str:
    ratios = ""
    if bare is not None and len(bare) and len(samples):
        ratios = (f" {p99(samples.cpu) / median(bare.cpu):>12.1f}x"
                  f" {p99(samples.wall) / median(bare.wall):>13.1f}x")
    return (f"{name:<34} {median(samples.cpu):>8.2f} {p99(samples.cpu):>8.2f} {median(samples.wall):>9.2f} "
            f"{p99(samples.wall):>9.2f} {len(samples):>5}{ratios}")


def table(title: str, results: dict[str, Samples], bare: Samples | None = None) -> None:
    """Prints one table: medians and p99 of CPU and wall ms per frame, and each p99 over the bare frame's median
    (CPU over CPU, wall over wall)."""
    print(f"\n{title}  (ms per frame; cpu = time.thread_time, wall = time.perf_counter)")
    print(HEADER)
    for name, samples in results.items():
        print(row(name, samples, bare))
