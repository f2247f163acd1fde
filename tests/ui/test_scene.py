"""The scene stack: lifecycle order, events to the top, drawing from the highest opaque scene, typed results."""

from __future__ import annotations

import pygame
import pytest

from escaperoom.ui.scene import ModalScene, Scene, SceneStack
from escaperoom.ui.scripted.events import key


class Recorder(Scene):
    def __init__(self, name: str, log: list[str], opaque: bool = True):
        super().__init__()
        self.name, self.log = name, log
        self.opaque = opaque  # type: ignore[misc]
        self.results: list[object] = []

    def enter(self):
        self.log.append(f"{self.name}.enter")

    def pause(self):
        self.log.append(f"{self.name}.pause")

    def resume(self):
        self.log.append(f"{self.name}.resume")

    def exit(self):
        self.log.append(f"{self.name}.exit")

    def on_result(self, result):
        self.results.append(result)

    def handle_event(self, event):
        self.log.append(f"{self.name}.event")
        return True

    def update(self, dt):
        self.log.append(f"{self.name}.update")

    def draw(self, surface):
        self.log.append(f"{self.name}.draw")


class Ask(ModalScene[int]):
    def handle_event(self, event):
        if event.type == pygame.KEYDOWN:
            self.dismiss(event.key - pygame.K_0)
            return True
        return False


def test_push_and_pop_run_the_lifecycle_in_order():
    log: list[str] = []
    stack = SceneStack()
    a, b = Recorder("a", log), Recorder("b", log)
    stack.push(a)
    stack.push(b)
    assert stack.top is b and a.stack is stack
    stack.pop()
    assert log == ["a.enter", "a.pause", "b.enter", "b.exit", "a.resume"]
    assert b.stack is None


def test_replace_and_reset_exit_the_old_scenes():
    log: list[str] = []
    stack = SceneStack()
    stack.push(Recorder("a", log))
    stack.push(Recorder("b", log))
    stack.replace(Recorder("c", log))
    assert [s.name for s in stack] == ["a", "c"]
    stack.reset(Recorder("d", log))
    assert log[-5:] == ["b.exit", "c.enter", "c.exit", "a.exit", "d.enter"]
    assert len(stack) == 1


def test_events_and_updates_go_to_the_top_scene_only():
    log: list[str] = []
    stack = SceneStack()
    stack.push(Recorder("a", log))
    stack.push(Recorder("b", log))
    log.clear()
    stack.handle_event(key(pygame.K_a))
    stack.update(0.016)
    assert log == ["b.event", "b.update"]


def test_a_covered_scene_can_ask_to_keep_updating():
    log: list[str] = []

    class Clock(Recorder):
        updates_when_covered = True

    stack = SceneStack()
    stack.push(Clock("timer", log))
    stack.push(Recorder("pause", log))
    log.clear()
    stack.update(0.5)
    assert log == ["timer.update", "pause.update"]


def test_drawing_starts_at_the_highest_opaque_scene():
    log: list[str] = []
    stack = SceneStack()
    stack.push(Recorder("title", log))
    stack.push(Recorder("game", log))
    stack.push(Recorder("modal", log, opaque=False))
    stack.push(Recorder("toast", log, opaque=False))
    log.clear()
    stack.draw(pygame.Surface((10, 10)))
    assert log == ["game.draw", "modal.draw", "toast.draw"]


def test_a_modal_hands_its_typed_result_to_the_callback_given_at_push():
    log: list[str] = []
    stack = SceneStack()
    game = Recorder("game", log)
    stack.push(game)
    answers: list[int] = []
    stack.push(Ask(), on_result=answers.append)
    stack.handle_event(key(pygame.K_7))
    assert answers == [7]
    assert stack.top is game and log[-1] == "game.resume"
    assert game.results == []


def test_without_a_callback_the_result_goes_to_the_scene_below():
    stack = SceneStack()
    game = Recorder("game", [])
    stack.push(game)
    stack.push(Ask())
    stack.handle_event(key(pygame.K_3))
    assert game.results == [3]


def test_the_callback_runs_after_the_scene_below_has_resumed_so_it_may_push_again():
    log: list[str] = []
    stack = SceneStack()
    stack.push(Recorder("game", log))

    def again(result: int) -> None:
        log.append(f"result {result}")
        stack.push(Recorder("next", log))

    stack.push(Ask(), on_result=again)
    stack.handle_event(key(pygame.K_1))
    assert log[-4:] == ["game.resume", "result 1", "game.pause", "next.enter"]


def test_dismissing_a_modal_that_is_not_on_top_is_an_error():
    stack = SceneStack()
    ask = Ask()
    stack.push(ask)
    stack.push(Recorder("over", []))
    with pytest.raises(RuntimeError):
        ask.dismiss(1)


def test_popping_an_empty_stack_is_an_error():
    with pytest.raises(IndexError):
        SceneStack().pop()
