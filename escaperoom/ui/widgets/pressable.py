"""Pressable: the press-and-release behaviour of a widget that acts when tapped or clicked, for mouse and finger
alike. A press inside captures that pointer; its moves say whether it is still over the widget (``pressed``);
its release over the widget activates it, a release after dragging out does nothing. Enter/Space activate a
focused one. Used by the button, the card, the room's station tiles and the lines of the redact document."""

from __future__ import annotations

import pygame

from escaperoom.ui.pointer import Phase, Pointer
from escaperoom.ui.widgets.base import ACTIVATE_KEYS, RectLike, Widget


class Pressable(Widget):
    """A widget that ``activate``s on a press and release inside it (or Enter/Space while focused). Subclasses
    override ``activate`` and, for more than a press (a drag), the ``press_*`` hooks."""

    def __init__(self, rect: RectLike):
        super().__init__(rect)
        self.pressed = False  # a pointer went down on the widget and is still over it
        self.press_id: object = None  # the pointer that holds it ("mouse" or a finger), None when free

    def activate(self) -> None:
        """What a press and release inside (or Enter/Space) does."""

    def accepts_press(self, action: Pointer) -> bool:
        """Whether a press inside may take the widget (a card being dragged keeps the pointer that picked it up)."""
        return True

    def press_started(self, action: Pointer) -> None:
        """The pointer ``action.id`` went down inside and now holds the widget."""

    def press_moved(self, action: Pointer, inside: bool) -> None:
        """The holding pointer moved (``pressed`` already says whether it is inside)."""

    def press_ended(self, action: Pointer, inside: bool) -> None:
        """The holding pointer was released; by default a release inside activates."""
        if inside:
            self.activate()

    def handle_pointer(self, action: Pointer) -> bool:
        inside = self.rect.collidepoint(action.pos)
        if action.phase is Phase.DOWN:
            if not inside or not self.accepts_press(action):
                return False
            self.press_id, self.pressed = action.id, True
            self.press_started(action)
            return True
        if self.press_id is None or action.id != self.press_id:
            return False
        if action.phase is Phase.MOVE:
            self.pressed = inside
            self.press_moved(action, inside)
            return True
        self.press_id, self.pressed = None, False
        self.press_ended(action, inside)
        return True

    def handle_key(self, event: pygame.event.Event) -> bool:
        if event.key in ACTIVATE_KEYS:
            self.activate()
            return True
        return False
