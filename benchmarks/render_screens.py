"""Renders every game and debrief screen headless, and frames in the middle of interactions (a card dragged, a reason
typed, a row blacked out, a modal over a ticking clock), to PNGs in one folder: run it before and after a change to
the drawing code and compare the folders pixel by pixel (``--compare BEFORE``, with ImageMagick's ``compare``).

Run: ``python benchmarks/render_screens.py OUT [--teams DIR] [--compare BEFORE]``. ``--teams`` keeps the scripted
debrief teams in DIR (made once, reused), so dates and times in the debrief are the same in both runs.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import pygame  # noqa: E402


def _open(saves: str):
    from escaperoom.ui.main import open_app

    return open_app(argparse.Namespace(window=True, headless=True, lang="nl", saves=Path(saves), scenario=None,
                                       team=None, duur=None, resume=False, autoplay=False))


class Shooter:
    """Saves numbered frames of one app to ``out``."""

    def __init__(self, app, out: Path):
        self.app, self.out = app, out

    def shot(self, name: str, events: list | None = None, frames: int = 1) -> None:
        for i in range(frames):
            self.app.step(events if i == 0 and events is not None else [])
        self.app.save_screenshot(self.out / f"{name}.png")


def _gallery(s: Shooter) -> None:
    from escaperoom.ui.scripted import gallery

    for name in gallery.NAMES:
        gallery.show(s.app, name)
        s.shot(f"g-{name}-0")
        s.shot(f"g-{name}-61", frames=61)  # the clock has ticked, the cursor blinked


def _sort(s: Shooter) -> None:
    from escaperoom.ui.scripted import gallery
    from escaperoom.ui.scripted.events import click, key, mouse_down, mouse_move, mouse_up

    gallery.show(s.app, "puzzel-sorteren")
    scene = s.app.stack.top
    start = scene.cards[0].rect.center
    s.shot("sort-down", [mouse_down(start)])
    for i in range(1, 6):
        pos = (start[0] + 90 * i, start[1] - 80 * i)
        s.shot(f"sort-drag{i}", [mouse_move(pos, rel=(90, -80))])
    zone = scene.zones[1].center
    s.shot("sort-over-zone", [mouse_move(zone, rel=(1, 1))])
    s.shot("sort-dropped", [mouse_up(zone)])
    s.shot("sort-tap-card", click(scene.cards[2].rect.center))
    s.shot("sort-key-target", [key(pygame.K_RIGHT)])
    s.shot("sort-key-place", [key(pygame.K_RETURN)])
    s.shot("sort-tab", [key(pygame.K_TAB)])
    s.shot("sort-tab2", [key(pygame.K_TAB)])
    s.shot("sort-submit-incomplete", click(scene.submit_button.rect.center))
    s.shot("sort-press-back", [mouse_down(scene.back_button.rect.center)])


def _dilemma(s: Shooter) -> None:
    from escaperoom.ui.scripted import gallery
    from escaperoom.ui.scripted.events import click, key, type_text

    gallery.show(s.app, "puzzel-dilemma")
    scene = s.app.stack.top
    s.shot("dilemma-down", [key(pygame.K_DOWN)])
    s.shot("dilemma-option", click(scene.options.row_rect(1).center))
    s.shot("dilemma-focus-field", click(scene.field.rect.center))
    for i, chunk in enumerate(("Er is ", "acuut gevaar", ", dus delen")):
        s.shot(f"dilemma-typed{i}", type_text(chunk))
    s.shot("dilemma-blink", frames=40)
    s.shot("dilemma-backspace", [key(pygame.K_BACKSPACE), key(pygame.K_LEFT)])
    s.shot("dilemma-reason", click(scene.reasons.row_rect(0).center))
    s.shot("dilemma-pii", click(scene.field.rect.center) + type_text(" bel 06-12345678") + [key(pygame.K_RETURN)])
    s.shot("dilemma-back-options", click(scene.chosen_button.rect.center))


def _redact(s: Shooter) -> None:
    from escaperoom.ui.scripted import gallery
    from escaperoom.ui.scripted.events import click, key

    gallery.show(s.app, "puzzel-zwartlakken")
    scene = s.app.stack.top
    for i in (0, 2, 3, 2):
        s.shot(f"redact-toggle{i}-{len(list(s.out.glob('redact-*')))}", click(scene.rows[i].rect.center))
    s.shot("redact-tab", [key(pygame.K_TAB)])
    s.shot("redact-down", [key(pygame.K_DOWN)])
    s.shot("redact-space", [key(pygame.K_SPACE)])


def _order(s: Shooter) -> None:
    from escaperoom.ui.scripted import gallery
    from escaperoom.ui.scripted.events import key, mouse_down, mouse_move, mouse_up

    gallery.show(s.app, "puzzel-volgorde")
    scene = s.app.stack.top
    rows = scene.steps
    start = rows.row_rect(0).center
    s.shot("order-down", [mouse_down(start)])
    for i in range(1, 5):
        s.shot(f"order-drag{i}", [mouse_move((start[0], start[1] + 70 * i), rel=(0, 70))])
    s.shot("order-drop", [mouse_up((start[0], start[1] + 280))])
    s.shot("order-key-grab", [key(pygame.K_TAB), key(pygame.K_RETURN)])
    s.shot("order-key-move", [key(pygame.K_DOWN)])


def _basis(s: Shooter) -> None:
    from escaperoom.ui.scripted import gallery
    from escaperoom.ui.scripted.events import click, key

    gallery.show(s.app, "puzzel-grondslag")
    scene = s.app.stack.top
    s.shot("basis-choose", click(scene.options.row_rect(0).center))
    s.shot("basis-tab", click(scene.tabs[2].rect.center))
    s.shot("basis-pagedown", [key(pygame.K_PAGEDOWN)])
    s.shot("basis-keys", [key(pygame.K_TAB), key(pygame.K_DOWN)])


def _feedback(s: Shooter) -> None:
    from escaperoom.ui.scripted import gallery
    from escaperoom.ui.scripted.events import click, key, mouse_down

    gallery.show(s.app, "puzzel-feedback")
    scene = s.app.stack.top
    s.shot("feedback-next", [key(pygame.K_PAGEDOWN)])
    s.shot("feedback-prev", click(scene.prev_button.rect.center))
    s.shot("feedback-tab", [key(pygame.K_TAB)])
    s.shot("feedback-press", [mouse_down(scene.back_button.rect.center)])
    s.shot("feedback-f1", [key(pygame.K_F1)])
    s.shot("feedback-f1-tick", frames=70)


def _modals(s: Shooter) -> None:
    from escaperoom.ui.scripted import gallery
    from escaperoom.ui.scripted.events import click, key

    gallery.show(s.app, "puzzel-sorteren")
    scene = s.app.stack.top
    if scene.hint_button is not None:
        s.shot("puzzle-hint", click(scene.hint_button.rect.center))
        s.shot("puzzle-hint-tick", frames=70)
        s.shot("puzzle-hint-closed", [key(pygame.K_ESCAPE)])
    s.shot("puzzle-f7", [key(pygame.K_F7)])
    s.shot("puzzle-f7-tick", frames=65)
    s.shot("puzzle-f7-closed", [key(pygame.K_ESCAPE)])
    s.shot("puzzle-f2", [key(pygame.K_F2)])
    s.shot("puzzle-f2-tick", frames=30)


def _debrief(out: Path, teams: Path) -> None:
    from debrief_teams import henk, make_teams

    from escaperoom.debrief.model import load_sessions
    from escaperoom.ui.app import App
    from escaperoom.ui.debrief.data import DebriefData
    from escaperoom.ui.debrief.flow import first_scene

    if not any(teams.iterdir()):
        make_teams(teams, 5, demo=True)
    data = DebriefData(load_sessions([teams]), scenarios=[henk()])
    starts: list[tuple[str, dict]] = [
        ("sessies", {}), ("overzicht", {}), ("puzzel", {}), ("puzzel", {"mode": "uitleg", "item": 3}),
        ("puzzel", {"mode": "redenen"}), ("puzzel", {"index": 3}), ("tijdlijn", {"team": 2, "step": 3}),
        ("watals", {"puzzle": "vroegsignalering", "apply": "feit:huurder_bezwaar=ja"}),
        ("watals", {"puzzle": "grondslagen"})]
    for n, (start, state) in enumerate(starts):
        app = App(lambda ctx, start=start, state=state: first_scene(ctx, data, start, **dict(state)))
        app.open()
        app.step([])
        app.save_screenshot(out / f"d-{n}-{start}.png")
        app.step([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_DOWN, mod=0, unicode="", scancode=0)])
        app.save_screenshot(out / f"d-{n}-{start}-down.png")
        app.close()


STEPS: dict[str, Callable[[Shooter], None]] = {"gallery": _gallery, "sort": _sort, "dilemma": _dilemma,
                                               "redact": _redact, "order": _order, "basis": _basis,
                                               "feedback": _feedback, "modals": _modals}


def compare(before: Path, after: Path) -> int:
    """Prints every image whose pixels differ (ImageMagick ``compare -metric AE``); returns how many differ."""
    differ = 0
    names = sorted({p.name for p in before.glob("*.png")} | {p.name for p in after.glob("*.png")})
    for name in names:
        a, b = before / name, after / name
        if not (a.exists() and b.exists()):
            print(f"{name}: only in {'after' if b.exists() else 'before'}")
            differ += 1
            continue
        done = subprocess.run(["compare", "-metric", "AE", str(a), str(b), "null:"], capture_output=True, text=True)
        pixels = done.stderr.strip().split()[0] if done.stderr.strip() else "?"
        if pixels != "0":
            print(f"{name}: {pixels} pixels differ")
            differ += 1
    print(f"{len(names)} images compared, {differ} differ")
    return differ


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--teams", type=Path, default=None)
    parser.add_argument("--compare", type=Path, default=None, help="a folder rendered before, to compare with")
    opts = parser.parse_args()
    opts.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as saves:
        app = _open(saves)
        shooter = Shooter(app, opts.out)
        for step in STEPS.values():
            step(shooter)
        app.game.close()
        app.close()
    with tempfile.TemporaryDirectory() as tmp:
        teams = opts.teams or Path(tmp)
        teams.mkdir(parents=True, exist_ok=True)
        _debrief(opts.out, teams)
    if opts.compare is not None:
        return 1 if compare(opts.compare, opts.out) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
