"""Frame-time benchmark of the widget demo scene at 1920x1080 under the dummy video driver.

Times whole frames (``App.step``: events, update, draw and flip) in thread CPU time and wall time (``timing.py``),
for a still screen, a card being dragged with the text field focused, and a modal over the scene, next to a bare
fill+flip of the canvas. Run: ``python benchmarks/bench_ui_frame.py``. Aim: p99 <= 10x bare.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "ui"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pygame  # noqa: E402
from timing import Samples, bare_frames, step_timed, table  # noqa: E402
from ui_demo import DemoScene  # noqa: E402

from escaperoom.ui.app import App  # noqa: E402
from escaperoom.ui.scripted.events import key, mouse_down, mouse_move, tap, type_text  # noqa: E402

FRAMES = 2000
WARMUP = 20


def main() -> None:
    app = App(DemoScene)
    app.open()
    demo: DemoScene = app.stack.top  # type: ignore[assignment]

    results: dict[str, Samples] = {}

    def measure(name: str, events_for_frame) -> None:
        for i in range(WARMUP):
            app.step(events_for_frame(i))
        samples = results[name] = Samples()
        for i in range(FRAMES):
            step_timed(app, events_for_frame(WARMUP + i), samples)

    measure("still screen", lambda i: [])
    app.step(tap(demo.field.rect.center) + type_text("De Uilen"))
    start = demo.card_a.rect.center
    app.step([mouse_down(start)])
    measure("dragging a card", lambda i: [mouse_move((start[0] - i % 600, start[1] + i % 300))])
    app.step([key(pygame.K_ESCAPE)])
    measure("confirm modal open", lambda i: [])
    bare = bare_frames(app.surface, FRAMES)
    app.close()
    table("widget demo", {"bare fill+flip": bare, **results}, bare)


if __name__ == "__main__":
    main()
