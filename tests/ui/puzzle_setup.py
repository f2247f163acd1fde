"""The puzzle screens on the real Henk content, for the screen tests and the driver tests: a session of the
bundled casus, a puzzle of each kind, and a puzzle opened on a stand-in room the way the game flow opens it."""

from __future__ import annotations

from functools import cache

from escaperoom.kinds.judging import load_many_judged
from escaperoom.play.session import Feedback, Session, Settings
from escaperoom.ui.context import UiContext
from escaperoom.ui.flow import visit_puzzle
from escaperoom.ui.scene import Scene, SceneStack

KINDS = ["sorteren", "grondslag", "zwartlakken", "volgorde", "dilemma"]


@cache
def _henk():
    loaded, _ = load_many_judged()
    return next(item for item in loaded if item.scenario.id == "henk")


def make_session(lang: str = "nl", feedback: Feedback = Feedback.DIRECT, events: list | None = None) -> Session:
    henk = _henk()
    sink = (lambda kind, fields: events.append((kind, fields))) if events is not None else (lambda kind, fields: None)
    return Session(scenario=henk.scenario, cases=henk.cases,
                   settings=Settings("henk", "test", 2700, feedback=feedback, lang=lang), on_event=sink)


def puzzle_of(kind: str):
    return next(p for p in _henk().scenario.rooms if p.soort == kind)


class Room(Scene):
    """Stands in for the game's room: records what the station visit hands back."""

    def __init__(self):
        super().__init__()
        self.results: list[object] = []

    def on_result(self, result: object) -> None:
        self.results.append(result)


def open_scene(kind: str, ctx: UiContext, session: Session) -> tuple[SceneStack, Room, Scene]:
    """The puzzle opened on the room as the game flow does it (its answer leads to the feedback)."""
    stack, room = SceneStack(), Room()
    stack.push(room)
    scene = visit_puzzle(stack, puzzle_of(kind), session, ctx)
    return stack, room, scene
