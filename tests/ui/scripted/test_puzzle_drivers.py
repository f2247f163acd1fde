"""The puzzle drivers (``escaperoom.ui.scripted.puzzles``) enter and submit an answer on the real screens: by
keyboard alone, by mouse alone (real drags), from what the team already entered, and only with those two."""

from __future__ import annotations

import pygame
import pytest
from puzzle_setup import KINDS, make_session, open_scene

from escaperoom.play.session import Status
from escaperoom.ui.puzzles import FeedbackScene
from escaperoom.ui.scripted.events import feed
from escaperoom.ui.scripted.puzzles import script_events


@pytest.mark.parametrize("kind", ["sorteren", "volgorde", "zwartlakken"])
def test_keyboard_only_solves_sort_order_and_redact(kind, ctx):
    session = make_session()
    stack, _, scene = open_scene(kind, ctx, session)
    events = script_events(scene, session.model_answer(scene.puzzle.id))
    assert {e.type for e in events} == {pygame.KEYDOWN}
    feed(stack, events)
    assert session.status(scene.puzzle.id) is Status.SOLVED


_MOUSE = {pygame.MOUSEBUTTONDOWN, pygame.MOUSEMOTION, pygame.MOUSEBUTTONUP}


@pytest.mark.parametrize("kind", KINDS)
def test_the_mouse_alone_solves_every_puzzle(kind, ctx):
    session = make_session()
    stack, room, scene = open_scene(kind, ctx, session)
    events = script_events(scene, session.model_answer(scene.puzzle.id), pointer="mouse")
    kinds = {e.type for e in events}
    assert pygame.KEYDOWN not in kinds and kinds <= _MOUSE | {pygame.TEXTINPUT}
    if kind in ("sorteren", "volgorde"):
        assert pygame.MOUSEMOTION in kinds  # real drags, not taps
    feed(stack, events)
    assert session.status(scene.puzzle.id) is Status.SOLVED
    assert isinstance(stack.top, FeedbackScene)


@pytest.mark.parametrize("kind", KINDS)
def test_the_mouse_script_starts_from_what_the_team_already_entered(kind, ctx):
    from escaperoom.ui.scripted.autoplay import wrong_answer

    session = make_session()
    stack, _, scene = open_scene(kind, ctx, session)
    right = session.model_answer(scene.puzzle.id)
    entered = script_events(scene, wrong_answer(scene.puzzle, right), pointer="mouse")[:-2]  # all but "Controleer"
    feed(stack, entered)
    assert stack.top is scene and session.puzzles[scene.puzzle.id].attempts == 0
    feed(stack, script_events(scene, right, pointer="mouse"))
    assert session.status(scene.puzzle.id) is Status.SOLVED


def test_script_events_knows_only_keyboard_and_mouse(ctx):
    _, _, scene = open_scene("sorteren", ctx, make_session())
    with pytest.raises(ValueError):
        script_events(scene, {"plaatsing": {}}, pointer="touch")
