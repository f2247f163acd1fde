"""Widgets, one per module, each with ``rect`` (canvas pixels), ``handle_event(event) -> bool``, ``update(dt)``
and ``draw(surface)`` (which never changes state). ``FocusGroup`` moves keyboard focus between them;
``Pressable`` is the press-and-release behaviour of everything that acts on a tap."""

from escaperoom.ui.widgets.badge import Badge
from escaperoom.ui.widgets.base import Widget, draw_focus_ring
from escaperoom.ui.widgets.button import Button
from escaperoom.ui.widgets.card import Card
from escaperoom.ui.widgets.choice_list import ChoiceList
from escaperoom.ui.widgets.focus import FocusGroup
from escaperoom.ui.widgets.modal import Modal
from escaperoom.ui.widgets.pressable import Pressable
from escaperoom.ui.widgets.text_block import TextBlock
from escaperoom.ui.widgets.text_field import TextField

__all__ = [
    "Badge",
    "Button",
    "Card",
    "ChoiceList",
    "FocusGroup",
    "Modal",
    "Pressable",
    "TextBlock",
    "TextField",
    "Widget",
    "draw_focus_ring",
]
