"""``--watch``: the casus file is looked at every frame (cheaply, :class:`~escaperoom.play.watch.FileWatch`); when
it was saved, it is loaded and checked again and the game goes on with it: the room is rebuilt and the puzzle that
was open opens again with the new text. A file that no longer loads keeps the old content; its problems are
printed as ``check`` prints them and the room says so. Used by ``escaperoom.ui.main`` (``GameApp.step``)."""

from __future__ import annotations

import sys
from pathlib import Path

from escaperoom.errors import ContentError
from escaperoom.kinds.judging import load_judged
from escaperoom.play.watch import FileWatch, swap_content
from escaperoom.ui.flow import GameFlow
from escaperoom.ui.scenes.game import Game


class Watcher:
    """Reloads the casus at ``path`` into ``game`` when the file was saved (call :meth:`poll` every frame)."""

    def __init__(self, game: Game, flow: GameFlow, path: Path, watch: FileWatch | None = None):
        self.game, self.flow, self.path = game, flow, path
        self.file = watch or FileWatch(path)
        self.reloads = 0  # how many times the content was swapped (tests, the room's notice)

    def poll(self) -> None:
        if not self.file.changed():
            return
        try:
            fresh = load_judged(self.path)
        except ContentError as err:
            for problem in err.problems:
                print(problem.format(), file=sys.stderr)
            self._notify(self.game.ctx.t("spel.watch.broken"))
            return
        self.game.scenarios = [fresh if s.scenario.id == fresh.scenario.id else s for s in self.game.scenarios]
        if fresh.scenario.id not in {s.scenario.id for s in self.game.scenarios}:
            self.game.scenarios.append(fresh)
        self.reloads += 1
        if self.game.recorder is None:
            return
        session = self.game.session
        if fresh.scenario.id != session.scenario.id:
            self._notify(self.game.ctx.t("spel.watch.other_id"))
            return
        current = session.current
        swap_content(session, fresh.at_level(self.game.level))
        self.game.recorder.save()
        self._reopen(current)

    def _reopen(self, current: str | None) -> None:
        flow = self.flow
        if not flow.in_room():  # title, setup, intro or the end: they read the content when they open
            return
        flow.back_to_room()
        flow.open_room(replace=True)
        flow.notify(self.game.ctx.t("spel.watch.reloaded"))
        choose = getattr(flow.stack.top, "choose", None)  # the new room (the flow names the screens, not this)
        if choose is not None and current is not None and current in self.game.session.puzzles:
            choose(current)

    def _notify(self, text: str) -> None:
        if self.flow.in_room():
            self.flow.notify(text)
