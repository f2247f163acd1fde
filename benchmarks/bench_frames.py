"""Frame-time benchmark of the game at 1920x1080 under the dummy video driver, next to a bare fill+flip measured in
the same run:

- every game screen standing still (the room and the puzzles tick their clock; nothing else changes);
- interactive frames: a card dragged across the sort puzzle (a mouse move each frame), a reason typed in the
  dilemma (a letter each frame), fragments blacked out and back in the zwartlakken document (a click each frame);
- the first frame after a scene transition (title -> setup, room -> each puzzle, answer -> feedback, room -> hint,
  lock, pause, the code -> the end), with the text cache emptied first so every text on the new screen is
  rendered in that frame (the worst case), repeated ``--repeats`` times;
- the time from process start to the first frame: a fresh ``escaperoom --headless --frames 1`` process timed from
  just before it is started (interpreter, imports, fonts, content and law book included), next to the in-process
  number it reports itself (from importing ``escaperoom.ui.main``).

CPU time per frame = events + update + draw (``App.frame_ms``), median and p99. Run:
``python benchmarks/bench_frames.py [--frames N] [--repeats R]``. Aims: p99 <= 4 ms per frame, first frame <= 1 s.
"""

from __future__ import annotations

import argparse
import os
import shutil
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
    from escaperoom.ui.scripted import gallery

    results: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as saves:
        app = _open(saves)
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


def _open(saves: str):
    from escaperoom.ui.main import open_app

    args = argparse.Namespace(window=True, headless=True, lang="nl", saves=Path(saves), scenario=None, team=None,
                              duur=None, resume=False, autoplay=False)
    return open_app(args)


def _fresh_room(app):
    """A new game's room on the title screen, as after Nieuw spel -> setup -> intro."""
    from escaperoom.ui.scripted import gallery
    from escaperoom.ui.scenes.room import RoomScene
    from escaperoom.ui.scenes.title import TitleScene

    app.game.close()
    gallery._start(app.game)
    app.stack.reset(TitleScene(app.game))
    room = RoomScene(app.game)
    app.stack.push(room)
    app.step([])
    return room


def interactive_frames(frames: int) -> dict[str, list[float]]:
    """Frames in which the team is doing something: every frame gets its own input."""
    from escaperoom.ui.scripted import gallery
    from escaperoom.ui.scripted.events import click, mouse_down, mouse_move

    results: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as saves:
        app = _open(saves)

        def measure(name: str, events_for_frame) -> None:
            for i in range(WARMUP):
                app.step(events_for_frame(i))
            app.frame_ms.clear()
            for i in range(frames):
                app.step(events_for_frame(WARMUP + i))
            results[name] = list(app.frame_ms)

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
        app.game.close()
        app.close()
    return results


def transition_frames(repeats: int) -> dict[str, list[float]]:
    """The frame in which a new screen appears (built, laid out and drawn), with an empty text cache."""
    from escaperoom.play.session import Status
    from escaperoom.ui.scripted import gallery
    from escaperoom.ui.scenes.lock import LockScene
    from escaperoom.ui.scripted.events import click, key
    from escaperoom.ui.scripted.puzzles import script_events

    results: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as saves:
        app = _open(saves)

        def timed(name: str, prepare) -> None:
            for _ in range(repeats):
                events = prepare()
                app.game.ctx.text.clear()
                app.step(events)
                results.setdefault(name, []).append(app.frame_ms[-1])

        def title_to_setup() -> list:
            gallery.show(app, "titel")
            app.step([])
            return click(app.stack.top.new.rect.center)

        timed("titel -> instellen", title_to_setup)
        for kind in ("sorteren", "grondslag", "zwartlakken", "volgorde", "dilemma"):
            def room_to_puzzle(kind: str = kind) -> list:
                room = _fresh_room(app)
                tile = next(t for t in room.tiles if t.puzzle.soort == kind)
                return click(tile.rect.center)

            timed(f"kamer -> {kind}", room_to_puzzle)

        def answer_to_feedback() -> list:
            gallery.show(app, "puzzel-sorteren")
            app.step([])
            scene = app.stack.top
            events = script_events(scene, app.game.session.model_answer(scene.puzzle.id))
            app.step(events[:-1])
            return events[-1:]  # the Enter on "Controleer"

        timed("antwoord -> terugkoppeling", answer_to_feedback)

        def room_to(screen: str):
            def prepare() -> list:
                gallery.show(app, "kamer")
                app.step([])
                room = app.stack.top
                if screen == "hint":
                    return click(room.hint_button.rect.center)
                if screen == "pauze":
                    return [key(pygame.K_ESCAPE)]
                session = room.session
                for p in session.scenario.rooms:
                    if session.status(p.id) is Status.OPEN:
                        session.submit(p.id, session.model_answer(p.id))
                app.step([])
                return click(room.tiles[-1].rect.center)
            return prepare

        for screen in ("hint", "pauze", "slot"):
            timed(f"kamer -> {screen}", room_to(screen))

        def code_to_end() -> list:
            room_to("slot")()
            room = app.stack.top
            app.step(click(room.tiles[-1].rect.center))
            lock = app.stack.top
            assert isinstance(lock, LockScene)
            for char in app.game.session.model_answer(app.game.session.scenario.lock.id)["code"]:
                lock.add(char)
            app.step([])
            return [key(pygame.K_RETURN)]

        timed("code -> einde", code_to_end)
        app.game.close()
        app.close()
    return results


def _escaperoom_command() -> list[str]:
    """The installed console script next to this Python (as a user starts it), else ``python -m escaperoom``."""
    script = shutil.which("escaperoom", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "escaperoom"]


def first_frame_ms() -> tuple[float, float]:
    """(from just before the process is started, as reported inside the process) in ms, for one fresh
    ``escaperoom --headless --frames 1``; ESCAPEROOM_TIMING makes it report its first frame."""
    with tempfile.TemporaryDirectory() as saves:
        env = {**os.environ, "ESCAPEROOM_TIMING": "1"}
        started = time.time()
        done = subprocess.run([*_escaperoom_command(), "--headless", "--frames", "1", "--saves", saves],
                              env=env, capture_output=True, text=True, check=True)
    inside = next(ln for ln in done.stderr.splitlines() if "eerste frame na" in ln)
    wall = next(ln for ln in done.stderr.splitlines() if "eerste frame om" in ln)
    return (float(wall.split()[3]) - started) * 1000, float(inside.split()[3])


def _table(title: str, results: dict[str, list[float]]) -> None:
    print(f"\n{title:<30} {'mediaan ms':>11} {'p99 ms':>8}")
    for name, samples in results.items():
        print(f"{name:<30} {statistics.median(samples):>11.2f} {_p99(samples):>8.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--frames", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=5, help="times each scene transition is measured")
    opts = parser.parse_args()
    _table("scherm (stilstaand)", screen_frames(opts.frames))
    _table("interactief", interactive_frames(opts.frames))
    transitions = transition_frames(opts.repeats)
    print(f"\n{'eerste frame na overgang':<30} {'mediaan ms':>11} {'max ms':>8}   (lege tekstcache, "
          f"{opts.repeats}x)")
    for name, samples in transitions.items():
        print(f"{name:<30} {statistics.median(samples):>11.2f} {max(samples):>8.2f}")
    starts = [first_frame_ms() for _ in range(3)]
    real = [r for r, _ in starts]
    inside = [i for _, i in starts]
    print(f"\neerste frame na processtart (echt, vanaf het starten van '{Path(_escaperoom_command()[0]).name}'): "
          f"{min(real):.0f} ms (beste van 3; alle: " + ", ".join(f"{r:.0f}" for r in real) + ")")
    print(f"eerste frame binnen het proces (vanaf import van escaperoom.ui.main): {min(inside):.0f} ms "
          "(beste van 3; alle: " + ", ".join(f"{i:.0f}" for i in inside) + ")")
    return 0


if __name__ == "__main__":
    sys.exit(main())
