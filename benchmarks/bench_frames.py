"""Frame-time benchmark of the game at 1920x1080 under the dummy video driver, every figure next to a bare fill+flip
of the canvas measured in the same run (at the start and at the end, pooled):

- every game screen standing still (the room and the puzzles tick their clock; nothing else changes);
- interactive frames: a card dragged across the sort puzzle (a mouse move each frame), a reason typed in the
  dilemma (a letter each frame), fragments blacked out and back in the zwartlakken document (a click each frame),
  a step dragged in the volgorde list, the options of the grondslag puzzle walked with the arrow keys;
- the first frame after every scene transition (``transitions.TRANSITIONS``), with the text cache emptied first so
  every text on the new screen is rendered in that frame (the worst case), each repeated ``--repeats`` times.
  Frames that save (they call ``os.fsync``: starting a game, an answer, a pause, F7, the end) are listed apart.

A frame is one whole ``App.step``: events, update, draw and ``pygame.display.flip``, as the bare anchor. Each is timed
twice: CPU time of this thread (``time.thread_time``) and wall time (``time.perf_counter``; it includes waiting on
fsync). Every figure is a median or a p99 over all frames. ``p99/bare`` is the p99 over the bare frame's median.
Run: ``python benchmarks/bench_frames.py [--frames N] [--repeats R]``. Aim: every p99 <= 10x bare.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pygame  # noqa: E402
import timing  # noqa: E402  (sets the dummy drivers before pygame is imported)
from timing import FsyncCounter, Samples, bare_frames, p99, step_timed, table  # noqa: E402

WARMUP = 10


def open_app(saves: Path):
    from escaperoom.ui.main import open_app as _open

    args = argparse.Namespace(window=True, headless=True, lang="nl", saves=saves, scenario=None, team=None,
                              duur=None, resume=False, autoplay=False)
    return _open(args)


def screen_frames(app, frames: int) -> dict[str, Samples]:
    from escaperoom.ui.scripted import gallery

    results: dict[str, Samples] = {}
    for name in gallery.NAMES:
        gallery.show(app, name)
        for _ in range(WARMUP):
            app.step([])
        samples = results[name] = Samples()
        for _ in range(frames):
            step_timed(app, [], samples)
    return results


def interactive_frames(app, frames: int) -> dict[str, Samples]:
    """Frames in which the team is doing something: every frame gets its own input."""
    from escaperoom.ui.scripted import gallery
    from escaperoom.ui.scripted.events import click, key, mouse_down, mouse_move

    results: dict[str, Samples] = {}

    def measure(name: str, events_for_frame) -> None:
        for i in range(WARMUP):
            app.step(events_for_frame(i))
        samples = results[name] = Samples()
        for i in range(frames):
            step_timed(app, events_for_frame(WARMUP + i), samples)

    gallery.show(app, "puzzel-sorteren")
    sort = app.stack.top
    start = sort.cards[0].rect.center
    app.step([mouse_down(start), mouse_move((start[0] + 40, start[1]), rel=(40, 0))])  # the drag has begun
    measure("kaart slepen (sorteren)", lambda i: [mouse_move((start[0] + 40 + (i * 7) % 900,
                                                              start[1] - (i * 5) % 500), rel=(7, -5))])
    gallery.show(app, "puzzel-dilemma")
    dilemma = app.stack.top
    dilemma._chosen(0)
    dilemma.focus.focus(dilemma.field, visible=True)
    reason = "Er is acuut gevaar, dus delen met de crisisdienst is nodig en proportioneel. "

    def typing(i: int) -> list:
        if len(dilemma.field.value) >= 150:
            dilemma.field.set_value("")
        return [pygame.event.Event(pygame.TEXTINPUT, text=reason[i % len(reason)])]

    measure("reden typen (dilemma)", typing)
    gallery.show(app, "puzzel-zwartlakken")
    redact = app.stack.top
    measure("zwartlakken aan/uit", lambda i: click(redact.rows[i % len(redact.rows)].rect.center))
    gallery.show(app, "puzzel-volgorde")
    steps = app.stack.top.steps
    top = steps.row_rect(0).center
    app.step([mouse_down(top), mouse_move((top[0], top[1] + 30), rel=(0, 30))])
    measure("stap slepen (volgorde)", lambda i: [mouse_move((top[0], top[1] + 30 + (i * 9) % 700), rel=(0, 9))])
    gallery.show(app, "puzzel-grondslag")
    basis = app.stack.top
    basis.focus.focus(basis.options, visible=True)
    measure("opties met pijltjes (grondslag)", lambda i: [key(pygame.K_DOWN if (i // 3) % 2 == 0 else pygame.K_UP)])
    return results


def transition_frames(app, repeats: int, debrief_saves: Path, cold: bool) -> dict[str, Samples]:
    """The frame in which a new screen appears (built, laid out, drawn, flipped). ``cold``: the text cache is
    emptied just before, so every text on screen is rendered in that frame (the screen below a modal too); else it is
    emptied before the screen before it is built and drawn, so only the new screen's texts are new, as the first
    time a team opens it."""
    from transitions import TRANSITIONS

    results: dict[str, Samples] = {}
    game_saves = app.game.saves_dir
    with FsyncCounter() as fsyncs:
        for _ in range(repeats):
            for name, prepare in TRANSITIONS.items():
                app.game.close()
                _empty(game_saves)
                app.game.saves_dir = debrief_saves if "nabespreking" in name else game_saves
                if not cold:
                    app.game.ctx.text.clear()
                events = prepare(app)
                if cold:
                    app.game.ctx.text.clear()
                step_timed(app, events, results.setdefault(name, Samples()), fsyncs)
                app.game.saves_dir = game_saves
    return results


def _empty(folder: Path) -> None:
    """The games of earlier repeats leave the folder (the title screen lists it; it must not grow)."""
    for child in folder.iterdir():
        if child.is_dir():
            shutil.rmtree(child)
        else:
            child.unlink()


def summary(groups: dict[str, dict[str, Samples]], bare: Samples) -> None:
    """The worst p99 of each group over the bare median, CPU and wall, saves apart."""
    base_cpu, base_wall = timing.median(bare.cpu), timing.median(bare.wall)
    print(f"\nbare fill+flip: cpu median {base_cpu:.3f} ms, wall median {base_wall:.3f} ms (n={len(bare)})")
    print(f"{'worst p99 / bare median':<44} {'cpu':>8} {'wall':>8}   (where)")
    for group, results in groups.items():
        for saved in (False, True):
            picked = {n: s.only(saved) for n, s in results.items()}
            picked = {n: s for n, s in picked.items() if len(s)}
            if not picked:
                continue
            cpu_name, cpu = max(((n, p99(s.cpu)) for n, s in picked.items()), key=lambda x: x[1])
            wall_name, wall = max(((n, p99(s.wall)) for n, s in picked.items()), key=lambda x: x[1])
            label = f"{group}{' (frames that save)' if saved else ''}"
            print(f"{label:<44} {cpu / base_cpu:>7.1f}x {wall / base_wall:>7.1f}x   ({cpu_name}; {wall_name})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--frames", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=9, help="times each scene transition is measured")
    parser.add_argument("--only", default="stilstaand,interactief,overgang,koud",
                        help="which groups: stilstaand, interactief, overgang, koud (comma-separated)")
    opts = parser.parse_args()
    only = set(opts.only.split(","))
    with tempfile.TemporaryDirectory() as saves, tempfile.TemporaryDirectory() as debrief:
        from transitions import fill_saves

        fill_saves(Path(debrief))
        app = open_app(Path(saves))
        bare = bare_frames(app.surface, opts.frames)
        groups: dict[str, dict[str, Samples]] = {}
        if "stilstaand" in only:
            groups["stilstaand"] = screen_frames(app, opts.frames)
        if "interactief" in only:
            groups["interactief"] = interactive_frames(app, opts.frames)
        if "overgang" in only:
            groups["eerste frame na overgang"] = transition_frames(app, opts.repeats, Path(debrief), cold=False)
        if "koud" in only:
            groups["eerste frame na overgang, koud"] = transition_frames(app, opts.repeats, Path(debrief), cold=True)
        bare.extend(bare_frames(app.surface, opts.frames))
        app.game.close()
        app.close()
    table("kaal (fill+flip)", {"fill+flip": bare}, bare)
    for group in ("stilstaand", "interactief"):
        if group in groups:
            table(group, groups[group], bare)
    for group, what in (("eerste frame na overgang", "nieuwe teksten van het nieuwe scherm"),
                        ("eerste frame na overgang, koud", "lege tekstcache")):
        if group not in groups:
            continue
        transitions = groups[group]
        table(f"{group} ({what}, {opts.repeats}x)",
              {n: s.only(False) for n, s in transitions.items() if len(s.only(False))}, bare)
        table(f"{group}: frames die opslaan (fsync; {opts.repeats}x)",
              {n: s.only(True) for n, s in transitions.items() if len(s.only(True))}, bare)
    summary(groups, bare)
    return 0


if __name__ == "__main__":
    sys.exit(main())
