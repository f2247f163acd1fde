"""Frame-time benchmark of the widget demo scene at 1920x1080 under the dummy video driver.

Measures CPU time of events + update + draw per frame (``App.frame_ms``), for a still screen, a card being
dragged with the text field focused, and a modal over the scene. Run: ``python benchmarks/bench_ui_frame.py``.
Aim: p99 <= 4 ms.
"""

from __future__ import annotations

import os
import statistics
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "ui"))

import pygame  # noqa: E402
from ui_demo import DemoScene  # noqa: E402

from escaperoom.ui.app import App  # noqa: E402
from escaperoom.ui.scripted.events import key, mouse_down, mouse_move, tap, type_text  # noqa: E402

FRAMES = 2000
WARMUP = 20


def _report(name: str, samples: list[float]) -> None:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    print(f"{name:<28} median {statistics.median(ordered):6.3f} ms   p99 {p99:6.3f} ms   max {ordered[-1]:6.3f} ms")


def main() -> None:
    app = App(DemoScene)
    app.open()
    demo: DemoScene = app.stack.top  # type: ignore[assignment]

    def measure(name: str, events_for_frame) -> None:
        for i in range(WARMUP):
            app.step(events_for_frame(i))
        app.frame_ms.clear()
        for i in range(FRAMES):
            app.step(events_for_frame(WARMUP + i))
        _report(name, list(app.frame_ms))

    measure("still screen", lambda i: [])
    app.step(tap(demo.field.rect.center) + type_text("De Uilen"))
    start = demo.card_a.rect.center
    app.step([mouse_down(start)])
    measure("dragging a card", lambda i: [mouse_move((start[0] - i % 600, start[1] + i % 300))])
    app.step([key(pygame.K_ESCAPE)])
    measure("confirm modal open", lambda i: [])
    app.close()


if __name__ == "__main__":
    main()
