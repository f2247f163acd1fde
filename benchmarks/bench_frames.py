"""Frame-time benchmark of every game screen at 1920x1080 under the dummy video driver, next to a bare
fill+flip measured in the same run, plus the time from process start to the first frame of ``escaperoom``.

CPU time per frame = events + update + draw (``App.frame_ms``), median and p99 over ``--frames`` frames per
screen (the room ticks its clock; nothing else changes). Run: ``python benchmarks/bench_frames.py``.
Aims: p99 <= 4 ms per screen, first frame <= 1 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

from escaperoom.ui import theme  # noqa: E402

WARMUP = 10


def _p99(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]


def bare_frames(surface: pygame.Surface, frames: int) -> list[float]:
    out = []
    for _ in range(frames):
        started = time.perf_counter()
        surface.fill(theme.BG)
        pygame.display.flip()
        out.append((time.perf_counter() - started) * 1000)
    return out


def screen_frames(frames: int) -> dict[str, list[float]]:
    from escaperoom.ui.main import open_app
    from escaperoom.ui.scenes import gallery

    results: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as saves:
        args = argparse.Namespace(window=True, headless=True, lang="nl", saves=Path(saves), scenario=None,
                                  team=None, duur=None, resume=False, autoplay=False)
        app = open_app(args)
        results["(kaal: fill+flip)"] = bare_frames(app.surface, frames)
        for name in gallery.NAMES:
            gallery.show(app, name)
            for _ in range(WARMUP):
                app.step([])
            app.frame_ms.clear()
            for _ in range(frames):
                app.step([])
            results[name] = list(app.frame_ms)
        app.game.close()
        app.close()
    return results


def first_frame_ms() -> float:
    """A fresh ``escaperoom --headless --frames 1`` process; ESCAPEROOM_TIMING makes it report its first frame."""
    with tempfile.TemporaryDirectory() as saves:
        env = {**os.environ, "ESCAPEROOM_TIMING": "1"}
        done = subprocess.run([sys.executable, "-m", "escaperoom", "--headless", "--frames", "1", "--saves", saves],
                              env=env, capture_output=True, text=True, check=True)
    line = next(ln for ln in done.stderr.splitlines() if "eerste frame" in ln)
    return float(line.split()[3])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--frames", type=int, default=300)
    opts = parser.parse_args()
    results = screen_frames(opts.frames)
    print(f"{'scherm':<20} {'mediaan ms':>11} {'p99 ms':>8}")
    for name, samples in results.items():
        print(f"{name:<20} {statistics.median(samples):>11.2f} {_p99(samples):>8.2f}")
    starts = [first_frame_ms() for _ in range(3)]
    print(f"\neerste frame na processtart: {min(starts):.0f} ms (beste van 3; alle: "
          + ", ".join(f"{s:.0f}" for s in starts) + ")")
    return 0


if __name__ == "__main__":
    sys.exit(main())
