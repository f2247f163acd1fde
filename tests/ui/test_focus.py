"""Keyboard focus: Tab and arrows move it, taps set it quietly, keys go to the focused widget first."""

from __future__ import annotations

import pygame
import pytest

from escaperoom.ui.scripted.events import feed, key, tap, type_text
from escaperoom.ui.widgets import Button, FocusGroup, TextField


@pytest.fixture
def grid(text):
    """Two columns of two buttons, then a text field under them:  a b / c d / field"""
    pressed: list[str] = []
    buttons = {
        name: Button((100 + col * 700, 100 + row * 200, 600, 128), text, name.upper(), lambda n=name: pressed.append(n))
        for name, (col, row) in {"a": (0, 0), "b": (1, 0), "c": (0, 1), "d": (1, 1)}.items()
    }
    field = TextField((100, 500, 1200, 120), text)
    group = FocusGroup([*buttons.values(), field])
    return group, buttons, field, pressed


def test_tab_cycles_forward_and_shift_tab_backward_wrapping_around(grid):
    group, b, field, _ = grid
    order = []
    for _ in range(6):
        group.handle_event(key(pygame.K_TAB))
        order.append(group.focused)
    assert order == [b["a"], b["b"], b["c"], b["d"], field, b["a"]]
    group.handle_event(key(pygame.K_TAB, mod=pygame.KMOD_LSHIFT))
    assert group.focused is field


def test_only_one_widget_has_focus_and_it_shows_the_ring(grid):
    group, b, _, _ = grid
    feed(group, [key(pygame.K_TAB), key(pygame.K_TAB)])
    assert [w for w in group.widgets if w.focused] == [b["b"]]
    assert b["b"].focus_visible


def test_tab_skips_disabled_and_hidden_widgets(grid):
    group, b, field, _ = grid
    b["b"].enabled = False
    b["c"].visible = False
    order = []
    for _ in range(3):
        group.handle_event(key(pygame.K_TAB))
        order.append(group.focused)
    assert order == [b["a"], b["d"], field]


def test_arrow_keys_move_to_the_nearest_widget_in_that_direction(grid):
    group, b, field, _ = grid
    group.focus(b["a"])
    group.handle_event(key(pygame.K_RIGHT))
    assert group.focused is b["b"]
    group.handle_event(key(pygame.K_DOWN))
    assert group.focused is b["d"]
    group.handle_event(key(pygame.K_LEFT))
    assert group.focused is b["c"]
    group.handle_event(key(pygame.K_DOWN))
    assert group.focused is field
    group.handle_event(key(pygame.K_UP))
    assert group.focused in (b["c"], b["d"])


def test_an_arrow_with_nothing_in_that_direction_cycles_in_order(grid):
    group, b, field, _ = grid
    group.focus(field)
    group.handle_event(key(pygame.K_DOWN))
    assert group.focused is b["a"]


def test_enter_presses_the_focused_button(grid):
    group, b, _, pressed = grid
    feed(group, [key(pygame.K_TAB), key(pygame.K_RIGHT), key(pygame.K_RETURN)])
    assert pressed == ["b"]


def test_a_tap_focuses_the_widget_without_the_ring_and_the_next_arrow_only_shows_it(grid):
    group, b, _, pressed = grid
    feed(group, tap(b["d"].rect.center))
    assert pressed == ["d"]
    assert group.focused is b["d"] and not b["d"].focus_visible
    group.handle_event(key(pygame.K_LEFT))
    assert group.focused is b["d"] and b["d"].focus_visible
    group.handle_event(key(pygame.K_LEFT))
    assert group.focused is b["c"]


def test_typed_text_goes_to_the_focused_field_and_left_right_stay_inside_it(grid):
    group, _, field, _ = grid
    feed(group, tap(field.rect.center))
    feed(group, type_text("ab"))
    assert field.value == "ab"
    assert group.handle_event(key(pygame.K_LEFT))
    assert group.focused is field and field.cursor == 1
    group.handle_event(key(pygame.K_UP))
    assert group.focused is not field


def test_pointer_events_go_to_the_widget_under_the_pointer_only(grid):
    group, _, _, pressed = grid
    assert not any(feed(group, tap((1900, 1000))))
    assert pressed == [] and group.focused is None


def test_removing_the_focused_widget_clears_focus(grid):
    group, b, _, _ = grid
    group.focus(b["a"])
    group.remove(b["a"])
    assert group.focused is None and not b["a"].focused
