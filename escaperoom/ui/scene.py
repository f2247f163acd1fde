"""Scenes and the scene stack: one scene per screen, stacked so a pause menu or a code lock can sit on top.

Lifecycle of a scene on a :class:`SceneStack` (the stack calls these; a scene never calls them itself)::

    push(s)      -> s.enter()            s is now on top and gets events
    push(t)      -> s.pause(); t.enter() s is covered: no events, no update (unless updates_when_covered)
    pop(result)  -> t.exit(); s.resume(); then the result goes to the callback given to push(t, on_result=...)
                                          or, without one, to s.on_result(result)
    replace(u)   -> s.exit(); u.enter()  u takes s's place (no result is passed; replace(u, on_result=...) as push)
    reset(u)     -> every scene exits, top first; u.enter()

Events go to the top scene only. ``draw`` starts at the highest opaque scene and paints upwards, so a
non-opaque scene (a modal) is drawn over the scene below it. A :class:`ModalScene` ``[T]`` ends with
``dismiss(result)``, which hands a typed ``T`` to whoever pushed it (as Textual's ``ModalScreen[T]``).
The stack holds no globals: scenes reach it through ``self.stack``; the app owns it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, ClassVar, Generic, TypeVar

import pygame

T = TypeVar("T")
_NO_RESULT: Any = object()


class Scene:
    """One screen. Override what you need; every hook has a do-nothing default."""

    opaque: ClassVar[bool] = True  # False: the scenes below show through (modals)
    updates_when_covered: ClassVar[bool] = False  # True: keeps getting update(dt) while another scene is on top

    def __init__(self) -> None:
        self.stack: SceneStack | None = None

    # lifecycle
    def enter(self) -> None:
        """Now on the stack and on top: build widgets, focus the first one."""

    def pause(self) -> None:
        """Another scene was pushed on top of this one."""

    def resume(self) -> None:
        """The scene on top of this one was popped; this one is on top again."""

    def exit(self) -> None:
        """Leaving the stack (popped, replaced or reset)."""

    def on_result(self, result: object) -> None:
        """Result of a scene this one pushed without an ``on_result`` callback."""

    # per frame
    def handle_event(self, event: pygame.event.Event) -> bool:
        """Return True when the event was used."""
        return False

    def update(self, dt: float) -> None:
        """Advance by ``dt`` seconds (timers, animations). The only place besides event handling to change state."""

    def draw(self, surface: pygame.Surface) -> None:
        """Paint the scene on the 1920x1080 canvas. Reads state, never changes it."""


class ModalScene(Scene, Generic[T]):
    """A scene drawn over the one below that ends by handing a ``T`` back: ``self.dismiss(value)``."""

    opaque = False

    def dismiss(self, result: T) -> None:
        if self.stack is None or self.stack.top is not self:
            raise RuntimeError(f"{type(self).__name__}.dismiss: this scene is not on top of a stack")
        self.stack.pop(result)


class SceneStack:
    """The scenes of one running app, bottom first. Owned by the app, passed to scenes as ``scene.stack``."""

    def __init__(self) -> None:
        self._scenes: list[Scene] = []
        self._callbacks: list[Callable[[Any], None] | None] = []
        self.quit_requested = False

    # --- inspection ---------------------------------------------------------------------------------------

    @property
    def top(self) -> Scene | None:
        return self._scenes[-1] if self._scenes else None

    @property
    def scenes(self) -> tuple[Scene, ...]:
        return tuple(self._scenes)

    def __len__(self) -> int:
        return len(self._scenes)

    def __iter__(self) -> Iterator[Scene]:
        return iter(tuple(self._scenes))

    # --- changes ------------------------------------------------------------------------------------------

    def push(self, scene: Scene, on_result: Callable[[Any], None] | None = None) -> None:
        """Put ``scene`` on top. For a ``ModalScene[T]``, ``on_result`` receives the ``T`` it is dismissed with."""
        below = self.top
        if below is not None:
            below.pause()
        scene.stack = self
        self._scenes.append(scene)
        self._callbacks.append(on_result)
        scene.enter()

    def pop(self, result: Any = _NO_RESULT) -> Scene:
        """Remove the top scene; pass ``result`` (if given) to the callback or to the new top's ``on_result``."""
        if not self._scenes:
            raise IndexError("pop from an empty scene stack")
        scene = self._scenes.pop()
        callback = self._callbacks.pop()
        scene.exit()
        scene.stack = None
        below = self.top
        if below is not None:
            below.resume()
        if result is not _NO_RESULT:
            if callback is not None:
                callback(result)
            elif below is not None:
                below.on_result(result)
        return scene

    def replace(self, scene: Scene, on_result: Callable[[Any], None] | None = None) -> None:
        """Swap the top scene for ``scene`` (the scene below is not paused or resumed); ``on_result`` as for
        ``push`` (the callback of the scene replaced is dropped)."""
        if self._scenes:
            old = self._scenes.pop()
            self._callbacks.pop()
            old.exit()
            old.stack = None
        scene.stack = self
        self._scenes.append(scene)
        self._callbacks.append(on_result)
        scene.enter()

    def reset(self, scene: Scene) -> None:
        """Exit every scene (top first) and start again with ``scene`` (e.g. back to the title screen)."""
        while self._scenes:
            old = self._scenes.pop()
            self._callbacks.pop()
            old.exit()
            old.stack = None
        self.push(scene)

    def request_quit(self) -> None:
        """Ask the app to stop after this frame."""
        self.quit_requested = True

    # --- per frame ----------------------------------------------------------------------------------------

    def handle_event(self, event: pygame.event.Event) -> bool:
        top = self.top
        return top.handle_event(event) if top is not None else False

    def update(self, dt: float) -> None:
        scenes = tuple(self._scenes)
        for scene in scenes[:-1]:
            if scene.updates_when_covered and scene.stack is self:
                scene.update(dt)
        if scenes and scenes[-1].stack is self:
            scenes[-1].update(dt)

    def visible(self) -> tuple[Scene, ...]:
        """The scenes that draw this frame: from the highest opaque one up to the top."""
        start = 0
        for index in range(len(self._scenes) - 1, -1, -1):
            if self._scenes[index].opaque:
                start = index
                break
        return tuple(self._scenes[start:])

    def draw(self, surface: pygame.Surface) -> None:
        for scene in self.visible():
            scene.draw(surface)
