"""The puzzle scenes, one module per kind (sorteren, grondslag, zwartlakken, volgorde, dilemma) plus the feedback
scene shown after an answer, and ``scene_for``: the screen of a puzzle by its kind (this package's registry). The
game flow (``escaperoom.ui.flow``) opens a station with ``scene_for(puzzle, session, ctx)`` on the room; an
answered puzzle leaves the stack and hands back its ``Answered``, the flow shows the feedback, and the feedback
hands the ``PuzzleResult`` to the room's ``on_result``. Their scripted answers (autoplay, tests) are in
``escaperoom.ui.scripted.puzzles``. The code lock ("slot") is not here: it belongs to the game's screens.
"""

from __future__ import annotations

from collections.abc import Callable

from escaperoom.content.models import (
    BasisPuzzle,
    DilemmaPuzzle,
    OrderPuzzle,
    Puzzle,
    RedactPuzzle,
    SortPuzzle,
)
from escaperoom.play.session import Session
from escaperoom.ui.context import UiContext
from escaperoom.ui.puzzles._base import PuzzleScene
from escaperoom.ui.puzzles.basis import BasisScene
from escaperoom.ui.puzzles.dilemma import DilemmaScene
from escaperoom.ui.puzzles.feedback import FeedbackScene
from escaperoom.ui.puzzles.order import OrderScene
from escaperoom.ui.puzzles.redact import RedactScene
from escaperoom.ui.puzzles.sort import SortScene

SCENES: dict[type, type[PuzzleScene]] = {
    SortPuzzle: SortScene,
    BasisPuzzle: BasisScene,
    RedactPuzzle: RedactScene,
    OrderPuzzle: OrderScene,
    DilemmaPuzzle: DilemmaScene,
}


def scene_for(puzzle: Puzzle, session: Session, ctx: UiContext,
              on_hint: Callable[[], None] | None = None) -> PuzzleScene:
    """The scene for one puzzle. ``on_hint`` opens the hint ladder over it (the game flow passes it; without it
    the scene has no hint button). Raises ``TypeError`` for the lock (the game flow has its own lock scene)."""
    try:
        kind = SCENES[type(puzzle)]
    except KeyError:
        raise TypeError(f"geen puzzelscherm voor soort '{getattr(puzzle, 'soort', type(puzzle).__name__)}'") from None
    return kind(puzzle, session, ctx, on_hint)


__all__ = ["SCENES", "BasisScene", "DilemmaScene", "FeedbackScene", "OrderScene", "PuzzleScene", "RedactScene",
           "SortScene", "scene_for"]
