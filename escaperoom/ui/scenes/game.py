"""What the game screens share while the app runs: the UI context, the loaded scenarios, the saves folder, the
start-up choices from the command line, (once a game runs) the recorder with its session, and the flow: what a
screen may ask for when it leads somewhere else (``Flow``, carried out by ``escaperoom.ui.flow``, the only module
that names the screens). Passed to every game scene; no globals. Starting and resuming go through
``escaperoom.play.recorder``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from escaperoom.content.models import Puzzle
from escaperoom.errors import SaveError
from escaperoom.kinds.judging import Judged
from escaperoom.play import recorder as _recorder
from escaperoom.play.records import StartRecord
from escaperoom.play.session import Feedback, Session
from escaperoom.storage.journal import read_journal_header
from escaperoom.storage.saves import list_sessions
from escaperoom.ui.context import UiContext

TEAM, FACILITATOR = "team", "facilitator"  # who paused the game (the pause overlay differs)


@dataclass
class Defaults:
    """Start-up choices (from the command line); the setup screen starts from these."""

    scenario_id: str | None = None
    team: str | None = None
    duration_min: int | None = None
    feedback: Feedback = Feedback.DIRECT
    lang: str = "nl"
    level: str | None = None  # the speelniveau (basis / verdieping); None: the casus's default (the whole case)


@dataclass
class ResumeProblem:
    """Why the newest unfinished game cannot continue (shown by the resume error scene; the files are kept)."""

    team: str | None
    reason: str


class Flow(Protocol):
    """Where a game screen can lead: the screens ask, ``escaperoom.ui.flow.GameFlow`` opens (on the app's stack)."""

    # title, setup, intro
    def open_setup(self) -> None: ...
    def open_resume_error(self, problem: ResumeProblem) -> None: ...
    def open_intro(self) -> None: ...
    def open_room(self, *, replace: bool = False) -> None: ...
    def open_debrief(self) -> bool: ...
    # the room
    def open_puzzle(self, puzzle: Puzzle, on_hint: Callable[[], None] | None = None) -> None: ...
    def open_lock(self, on_code: Callable[[str | None], None]) -> None: ...
    def open_hint(self, puzzle_id: str, *, free: bool = False) -> None: ...
    def open_pause(self, by: str) -> None: ...
    def open_end(self) -> None: ...
    # leaving a game
    def to_title(self) -> None: ...
    def to_debrief(self) -> None: ...


@dataclass
class Game:
    ctx: UiContext
    scenarios: list[Judged]
    saves_dir: Path
    defaults: Defaults = field(default_factory=Defaults)
    recorder: _recorder.Recorder | None = None
    autoplay: bool = False  # scenes skip waits meant for humans (the autoplayer drives them)
    level: str | None = None  # the speelniveau of the game that runs (set by start and resume)
    flow: Flow = field(init=False, repr=False)  # set by ``GameFlow(game, stack)``

    @property
    def session(self) -> Session:
        assert self.recorder is not None, "no game running"
        return self.recorder.session

    def scenario(self, scenario_id: str | None) -> Judged:
        for loaded in self.scenarios:
            if loaded.scenario.id == scenario_id:
                return loaded
        return self.scenarios[0]

    def start(self, scenario_id: str | None, team: str, duration_min: int | None, feedback: Feedback,
              lang: str, level: str | None = None) -> Session:
        self.close()
        loaded = self.scenario(scenario_id).at_level(level)
        self.level = loaded.level
        self.recorder = _recorder.start(self.saves_dir, loaded, team,
                                        duration_s=duration_min * 60 if duration_min else None,
                                        feedback=feedback, lang=lang)
        self.ctx.lang = lang
        return self.recorder.session

    def resume_latest(self) -> Session | ResumeProblem | None:
        """Continue the newest unfinished game; a :class:`ResumeProblem` when it cannot, None when there is none."""
        infos = [i for i in list_sessions(self.saves_dir) if not i.finished]
        if not infos:
            return None
        info = infos[0]
        if not info.ok:
            return ResumeProblem(info.team, info.broken or "")
        loaded = next((s for s in self.scenarios if s.scenario.id == info.scenario), None)
        if loaded is not None:
            loaded = loaded.at_level(_recorded_level(info.files.journal))
        if loaded is None:
            return ResumeProblem(info.team, self.ctx.t("spel.resume_error.unknown_scenario",
                                                       casus=info.scenario or "?"))
        try:
            rec = _recorder.resume(info.files, loaded)
        except SaveError as err:
            return ResumeProblem(info.team, err.message)
        self.close()
        self.recorder = rec
        self.level = loaded.level
        self.ctx.lang = rec.session.settings.lang
        return rec.session

    def close(self) -> None:
        if self.recorder is not None:
            self.recorder.close()
            self.recorder = None


def _recorded_level(journal: Path) -> str | None:
    """The speelniveau a session's start record names (None for a journal without one, or one that cannot be read:
    resuming then reports what is wrong)."""
    try:
        return StartRecord.parse(read_journal_header(journal)).level
    except (SaveError, OSError):
        return None
