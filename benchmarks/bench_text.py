"""Text-change benchmark: a 40-line text changed and drawn again, our text cache (``TextCache.draw_in_box``, and the
``TextBlock`` widget: ``set_text`` + ``draw``) against pygame_gui's ``UITextBox.set_text`` with the same text, font file
(Atkinson Hyperlegible Regular) and size, in the same run, alternating, each timed in CPU time of this thread
(``time.thread_time``) and wall time; medians over ``--changes`` changes.

Two changes: one line of the 40 differs each time (a counter in line 18), and every line differs each time.

pygame_gui is not a dependency of the game: it is installed only in a benchmark venv of its own (see
``benchmarks/README.md``); without it only our figures are printed. Run:
``/tmp/bench-venv/bin/python benchmarks/bench_text.py [--changes N]``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pygame  # noqa: E402
import timing  # noqa: E402,F401  (the dummy drivers, before pygame)

SIZE = 36
BOX = pygame.Rect(0, 0, 1400, 2000)  # tall enough for 40 lines without a scroll bar
LINES = 40


def text_for(change: int, every_line: bool) -> str:
    """40 lines, each short enough for one line of the box; ``change`` is written into line 18 (or every line)."""
    lines = []
    for i in range(LINES):
        mark = change if every_line or i == 17 else 0
        lines.append(f"Regel {i + 1:02d}: mag de wijkagent het dossier van Henk inzien? (versie {mark})")
    return "\n".join(lines)


def _ms(fn: Callable[[], object]) -> tuple[float, float]:
    cpu, wall = time.thread_time(), time.perf_counter()
    fn()
    return (time.thread_time() - cpu) * 1000, (time.perf_counter() - wall) * 1000


class Ours:
    """Our renderer: the text cache drawing the text line by line into the box (and the TextBlock widget)."""

    def __init__(self) -> None:
        from escaperoom.ui import theme
        from escaperoom.ui.fonts import Fonts, TextCache
        from escaperoom.ui.widgets import TextBlock

        self.theme = theme
        self.text = TextCache(Fonts())
        self.surface = pygame.Surface(BOX.size)
        self.block = TextBlock(BOX, self.text, text_for(0, False), size=SIZE, min_size=SIZE)
        first = text_for(0, False)
        layout = getattr(self.text, "layout", None)
        self.lines = (len(layout(first, "regular", SIZE, BOX.width).lines) if layout is not None
                      else self.text.render(first, "regular", SIZE, theme.TEXT, BOX.width).get_height()
                      // self.text.fonts.line_height("regular", SIZE))

    def change(self, content: str) -> None:
        self.surface.fill(self.theme.SURFACE)
        if hasattr(self.text, "draw_in_box"):
            self.text.draw_in_box(self.surface, content, BOX, "regular", SIZE, self.theme.TEXT)
        else:  # the text cache before it drew line by line (for the "before" figures)
            from escaperoom.ui.fonts import blit_in_box

            blit_in_box(self.surface, self.text.render(content, "regular", SIZE, self.theme.TEXT, BOX.width), BOX)

    def widget(self, content: str) -> None:
        self.surface.fill(self.theme.SURFACE)
        self.block.set_text(content)
        self.block.draw(self.surface)


class Theirs:
    """pygame_gui: a UITextBox with the same font file and size; ``set_text`` reparses and rebuilds its image."""

    def __init__(self, workdir: Path) -> None:
        import pygame_gui

        from escaperoom.ui.fonts import fonts_dir

        face = str(fonts_dir() / "AtkinsonHyperlegible-Regular.ttf")
        theme_file = workdir / "theme.json"
        theme_file.write_text(json.dumps({"text_box": {
            "font": {"name": "atkinson", "size": str(SIZE), "regular_path": face, "bold_path": face,
                     "italic_path": face, "bold_italic_path": face},
            "misc": {"border_width": "0", "shadow_width": "0", "padding": "0,0"}}}), encoding="utf-8")
        self.manager = pygame_gui.UIManager(BOX.size, str(theme_file))
        self.box = pygame_gui.elements.UITextBox(text_for(0, False), BOX, self.manager)
        self.version = pygame_gui.__version__ if hasattr(pygame_gui, "__version__") else "?"
        layout = self.box.text_box_layout
        self.lines = len(layout.layout_rows) if layout is not None else -1

    def change(self, content: str) -> None:
        self.box.set_text(content)


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--changes", type=int, default=60)
    opts = parser.parse_args()
    pygame.display.init()
    pygame.display.set_mode((1, 1))
    pygame.font.init()
    ours = Ours()
    try:
        workdir = tempfile.TemporaryDirectory()
        theirs: Theirs | None = Theirs(Path(workdir.name))
    except ImportError:
        theirs = None
    print(f"40-line text, Atkinson Hyperlegible Regular {SIZE} px, box {BOX.width} px wide: our layout has "
          f"{ours.lines} lines" + (f", pygame_gui {theirs.version}'s {theirs.lines} rows" if theirs else
                                   "; pygame_gui not installed (see benchmarks/README.md)"))
    print(f"\n{'change':<26} {'what':<42} {'cpu ms':>8} {'wall ms':>8} {'cpu ratio':>10} {'wall ratio':>11}")
    serial = 1
    for every_line, label in ((False, "een regel anders"), (True, "alle regels anders")):
        samples: dict[str, list[tuple[float, float]]] = {"ours": [], "widget": [], "theirs": []}
        for _ in range(opts.changes):
            serial += 1
            content = text_for(serial, every_line)
            samples["ours"].append(_ms(lambda c=content: ours.change(c)))
            serial += 1
            content = text_for(serial, every_line)
            samples["widget"].append(_ms(lambda c=content: ours.widget(c)))
            if theirs is not None:
                samples["theirs"].append(_ms(lambda c=content: theirs.change(c)))
        base_cpu = _median([c for c, _ in samples["theirs"]])
        base_wall = _median([w for _, w in samples["theirs"]])
        for name, what in (("ours", "TextCache.draw_in_box"), ("widget", "TextBlock.set_text + draw"),
                           ("theirs", "pygame_gui UITextBox.set_text")):
            if not samples[name]:
                continue
            cpu, wall = _median([c for c, _ in samples[name]]), _median([w for _, w in samples[name]])
            ratios = f"{cpu / base_cpu:>9.3f}x {wall / base_wall:>10.3f}x" if theirs is not None else ""
            print(f"{label:<26} {what:<42} {cpu:>8.3f} {wall:>8.3f} {ratios}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
