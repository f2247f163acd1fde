"""Start the game: ``run_game(args)`` is what ``escaperoom`` (no subcommand) calls. Loads the scenarios, opens the
app full screen (``--window`` for a window; headless with ``--headless``/``--frames``/``--screenshot``) on the
title screen, or straight into a game (``--team`` skips setup, ``--resume`` continues the newest game; the screens
follow ``escaperoom.ui.flow``), and routes the facilitator's keys (``flow.FacilitatorKeys``) before the scenes see
them. ``--autoplay`` lets a scripted team play the whole scenario through the real scenes
(``escaperoom.ui.scripted.autoplay``): headless as fast as it can, in a window at a pace people can follow
(``scripted.pace``), staying on the end screen until the window is closed. ``--casus PAD`` plays one casus file
from anywhere (checked as ``check`` does; a broken one prints the same problems and exits 1), ``--niveau`` picks
its level, ``--watch`` reloads it when the file is saved (``escaperoom.ui.watch``)."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

PROCESS_START = time.perf_counter()


def _prepare_environment(headless: bool) -> None:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    if headless:
        os.environ["SDL_VIDEODRIVER"] = "dummy"
        os.environ.setdefault("SDL_AUDIODRIVER", "dummy")


def build_app(args: argparse.Namespace):
    """The app with its first scene, not yet opened (tests and the benchmark call this and ``open()``)."""
    import pygame

    from escaperoom import paths
    from escaperoom.errors import EscapeRoomError
    from escaperoom.kinds.judging import load_judged, load_many_judged
    from escaperoom.play.session import Feedback
    from escaperoom.ui.app import App
    from escaperoom.ui.flow import FacilitatorKeys, GameFlow
    from escaperoom.ui.scenes.game import Defaults, Game
    from escaperoom.ui.watch import Watcher

    casus = getattr(args, "casus", None)
    if casus is not None:
        loaded = [load_judged(casus)]  # a ContentError: run_game prints its problems as check does
    else:
        loaded, problems = load_many_judged()
        errors = [p for p in problems if p.severity == "fout"]
        if not loaded and errors:
            raise EscapeRoomError("geen speelbare casus gevonden:\n" + "\n".join(p.format() for p in errors))
        loaded.sort(key=programme_order)
    lang = getattr(args, "lang", "nl") or "nl"
    defaults = Defaults(scenario_id=getattr(args, "scenario", None), team=getattr(args, "team", None),
                        duration_min=getattr(args, "duur", None), feedback=Feedback.DIRECT, lang=lang,
                        level=getattr(args, "niveau", None))
    if defaults.scenario_id and defaults.scenario_id not in {s.scenario.id for s in loaded}:
        known = ", ".join(s.scenario.id for s in loaded)
        raise EscapeRoomError(f"casus '{defaults.scenario_id}' bestaat niet; kies uit: {known}")
    saves = getattr(args, "saves", None) or paths.default_saves_dir()
    autoplay = bool(getattr(args, "autoplay", False))

    class GameApp(App):
        """The app plus the facilitator's keys, handled before any scene (they work on every screen)."""

        game: Game
        keys: FacilitatorKeys
        watcher: Watcher | None = None  # --watch: reloads the casus file when it is saved

        def dispatch(self, event: pygame.event.Event) -> None:
            if self.keys.handle(event):
                return
            super().dispatch(event)

        def step(self, events=None, dt=None) -> bool:
            if self.watcher is not None:
                self.watcher.poll()
            return super().step(events, dt)

    def first_scene(ctx):
        game = Game(ctx, loaded, Path(saves), defaults, autoplay=autoplay)
        app.game = game
        flow = GameFlow(game, app.stack)
        app.keys = FacilitatorKeys(flow)
        if casus is not None and getattr(args, "watch", False):
            app.watcher = Watcher(game, flow, Path(casus))
        return flow.title_scene()

    app = GameApp(first_scene, lang=lang, fullscreen=not getattr(args, "window", False)
                  and not getattr(args, "headless", False))
    return app


def programme_order(loaded) -> tuple[int, str]:
    """The order of the bundled cases on the setup screen: by ``volgnummer`` (a training programme's order), then
    by file name."""
    number = loaded.scenario.scenario.volgnummer
    return (number if number is not None else 100, loaded.path.name)


def open_app(args: argparse.Namespace):
    """Build and open the app (window or headless canvas) on the title screen, and go on from there as the command
    line says: ``--resume`` continues the newest game (as "Doorgaan"), ``--team`` starts one (setup skipped)."""
    app = build_app(args)
    app.open()
    team = getattr(args, "team", None) if not getattr(args, "autoplay", False) else None
    app.game.flow.begin(resume=bool(getattr(args, "resume", False)), team=team)
    return app


AUTOPLAY_MAX_FRAMES = 20_000  # a whole game takes about 100 frames; 45 minutes of game time at 0.25 s is 10,800


def run_game(args: argparse.Namespace) -> int:
    headless = bool(getattr(args, "headless", False))
    _prepare_environment(headless)
    from escaperoom.errors import ContentError, EscapeRoomError
    from escaperoom.ui.app import ensure_pygame_ce

    if getattr(args, "watch", False) and getattr(args, "casus", None) is None:
        print("escaperoom: --watch hoort bij --casus PAD (het bestand dat je schrijft)", file=sys.stderr)
        return 2
    try:
        ensure_pygame_ce()
        app = open_app(args)
    except ContentError as err:  # --casus: the same problems as 'escaperoom check' prints
        for problem in err.problems:
            print(problem.format(), file=sys.stderr)
        print(f"\nescaperoom: de casus {getattr(args, 'casus', '')} kan niet gespeeld worden: "
              f"{len(err.problems)} fout(en)", file=sys.stderr)
        return 1
    except EscapeRoomError as err:
        print(f"escaperoom: {err}", file=sys.stderr)
        return 1
    first_frame_s = first_frame_wall = None
    frames = getattr(args, "frames", 0) or None
    screenshot = getattr(args, "screenshot", None)
    player = pace = None
    if getattr(args, "autoplay", False):
        from escaperoom.ui.app import is_headless
        from escaperoom.ui.scripted.autoplay import Autoplayer
        from escaperoom.ui.scripted.pace import Pace
        player = Autoplayer(app, team=getattr(args, "team", None) or "Autoplay")
        if not headless and frames is None and not is_headless():
            pace = Pace(player)  # a demo in a window: watchable, in real time, and it stays on the end screen
    try:
        import pygame
        while app.running:
            events = pygame.event.get()
            if pace is not None:
                assert app.clock is not None
                dt = app.clock.tick(app.fps) / 1000
                if player is not None and not player.finished:
                    events += pace.events(app.stack.top, dt)
                alive = app.step(events, dt=dt)
            elif headless or frames is not None or player is not None:
                if player is not None:
                    events += player.events()
                dt = player.dt if player is not None else 1 / app.fps
                alive = app.step(events, dt=dt)
            else:
                assert app.clock is not None
                alive = app.step(events, dt=app.clock.tick(app.fps) / 1000)
            if first_frame_s is None:
                first_frame_s = time.perf_counter() - PROCESS_START
                first_frame_wall = time.time()
            if pace is None and player is not None and (player.finished or app.frames >= AUTOPLAY_MAX_FRAMES):
                break  # a stuck script must not spin forever (tests, CI): it then reports its phase and fails
            if not alive or (frames is not None and app.frames >= frames):
                break
        if screenshot is not None and app.surface is not None:
            app.save_screenshot(screenshot)
    finally:
        game = getattr(app, "game", None)
        phase = game.session.phase.value if game is not None and game.recorder is not None else None
        journal = game.recorder.files.journal if game is not None and game.recorder is not None else None
        if game is not None:
            game.close()
        app.close()
    if player is not None:
        print(f"autoplay: fase={phase or player.final_phase} frames={app.frames} journaal={journal or player.journal}")
        return 0 if (phase or player.final_phase) in ("ontsnapt", "tijd_op") else 1
    if os.environ.get("ESCAPEROOM_TIMING") and first_frame_s is not None:
        # in-process (from importing this module) and as a wall-clock time, so a parent process that noted when it
        # started this one can tell the real start-up time (interpreter and imports included)
        print(f"eerste frame na {first_frame_s * 1000:.0f} ms", file=sys.stderr)
        print(f"eerste frame om {first_frame_wall:.6f}", file=sys.stderr)
    return 0
