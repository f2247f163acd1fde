"""Widgets driven by synthetic mouse, touch, key and text events, as a player would."""

from __future__ import annotations

import copy

import pygame
import pytest

from escaperoom.ui import theme
from escaperoom.ui.scripted.events import (
    click,
    drag,
    feed,
    finger,
    key,
    mouse_down,
    mouse_move,
    mouse_up,
    tap,
    type_text,
)
from escaperoom.ui.widgets import (
    Badge,
    Button,
    Card,
    ChoiceList,
    FocusGroup,
    Modal,
    Pressable,
    TextBlock,
    TextField,
    Widget,
)

RECT = pygame.Rect(100, 100, 560, 128)
INSIDE = RECT.center
OUTSIDE = (1500, 900)


@pytest.fixture
def clicks() -> list[str]:
    return []


@pytest.fixture
def button(text, clicks) -> Button:
    return Button(RECT, text, "Nieuw spel", lambda: clicks.append("klik"))


# --- pressable: the one press-and-release behaviour ----------------------------------------------------------


class _Counted(Pressable):
    def __init__(self, rect):
        super().__init__(rect)
        self.times = 0

    def activate(self) -> None:
        self.times += 1


def test_a_pressable_acts_on_a_press_and_release_inside_by_mouse_finger_or_enter():
    widget = _Counted(RECT)
    feed(widget, click(INSIDE) + tap(INSIDE))
    widget.set_focus(True)
    feed(widget, [key(pygame.K_RETURN)])
    assert widget.times == 3


def test_dragging_out_of_a_pressable_cancels_and_another_pointer_cannot_release_it():
    widget = _Counted(RECT)
    assert feed(widget, [mouse_down(INSIDE), mouse_move(OUTSIDE)]) == [True, True]
    assert not widget.pressed
    feed(widget, [mouse_up(OUTSIDE)])
    feed(widget, [finger(pygame.FINGERDOWN, INSIDE), mouse_up(INSIDE)])  # the mouse did not press it
    assert widget.times == 0 and widget.pressed
    feed(widget, [finger(pygame.FINGERUP, INSIDE)])
    assert widget.times == 1 and widget.press_id is None


def test_button_card_station_tile_and_redact_line_share_the_pressable_behaviour():
    from escaperoom.ui.puzzles.redact import _Fragment
    from escaperoom.ui.scenes.room import StationTile
    assert all(issubclass(kind, Pressable) for kind in (Button, Card, StationTile, _Fragment))


# --- button ---------------------------------------------------------------------------------------------------


def test_a_mouse_click_on_the_button_runs_its_action_once(button, clicks):
    assert feed(button, click(INSIDE)) == [True, True]
    assert clicks == ["klik"]


def test_pressing_and_releasing_outside_the_button_does_nothing(button, clicks):
    assert feed(button, click(OUTSIDE)) == [False, False]
    assert feed(button, [mouse_down(INSIDE), mouse_move(OUTSIDE), mouse_up(OUTSIDE)]) == [True, True, True]
    assert clicks == []
    assert not button.pressed


def test_the_button_looks_pressed_while_held(button):
    feed(button, [mouse_down(INSIDE)])
    assert button.pressed
    feed(button, [mouse_up(INSIDE)])
    assert not button.pressed


def test_a_finger_tap_clicks_once_and_the_mouse_events_sdl_makes_from_it_are_ignored(button, clicks):
    synthetic = pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=INSIDE, button=1, touch=True)
    synthetic_up = pygame.event.Event(pygame.MOUSEBUTTONUP, pos=INSIDE, button=1, touch=True)
    feed(button, [tap(INSIDE)[0], synthetic, tap(INSIDE)[1], synthetic_up])
    assert clicks == ["klik"]


def test_finger_coordinates_are_scaled_from_normalised_to_canvas_pixels(button, clicks):
    event = pygame.event.Event(pygame.FINGERDOWN, touch_id=1, finger_id=0, x=INSIDE[0] / 1920, y=INSIDE[1] / 1080)
    assert button.handle_event(event)
    assert not button.handle_event(pygame.event.Event(pygame.FINGERDOWN, touch_id=1, finger_id=1, x=0.9, y=0.9))


def test_the_right_mouse_button_and_the_wheel_do_not_click(button, clicks):
    feed(button, [mouse_down(INSIDE, button=3), mouse_up(INSIDE, button=3)])
    assert clicks == []


@pytest.mark.parametrize("code", [pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE])
def test_enter_and_space_click_the_focused_button_only(button, clicks, code):
    assert not button.handle_event(key(code))
    button.set_focus(True)
    assert button.handle_event(key(code))
    assert clicks == ["klik"]


def test_a_disabled_button_ignores_everything(button, clicks):
    button.enabled = False
    button.set_focus(True)
    assert feed(button, [*click(INSIDE), key(pygame.K_RETURN), *tap(INSIDE)]) == [False] * 5
    assert clicks == []


def test_a_long_label_is_shrunk_to_stay_inside_the_button(text):
    wide = Button((0, 0, 400, 120), text, "Opslaan en afsluiten, daarna naar het beginscherm")
    assert theme.TEXT_MIN <= wide._size < theme.TEXT_BODY


# --- text field ------------------------------------------------------------------------------------------------


@pytest.fixture
def field(text) -> TextField:
    submitted: list[str] = []
    widget = TextField((100, 300, 600, 120), text, max_length=10, on_submit=submitted.append)
    widget.submitted = submitted  # type: ignore[attr-defined]
    widget.set_focus(True)
    return widget


def test_typing_fills_the_field_and_enter_submits_it(field):
    feed(field, type_text("Uilen"))
    assert field.value == "Uilen" and field.cursor == 5
    assert field.handle_event(key(pygame.K_RETURN))
    assert field.submitted == ["Uilen"]


def test_backspace_delete_and_cursor_keys_edit_in_place(field):
    feed(field, type_text("Uilxen"))
    feed(field, [key(pygame.K_LEFT), key(pygame.K_LEFT), key(pygame.K_BACKSPACE)])
    assert field.value == "Uilen" and field.cursor == 3
    feed(field, [key(pygame.K_HOME), key(pygame.K_DELETE)])
    assert field.value == "ilen" and field.cursor == 0
    feed(field, [key(pygame.K_END)] + type_text("!"))
    assert field.value == "ilen!"
    feed(field, [key(pygame.K_HOME), key(pygame.K_BACKSPACE), key(pygame.K_LEFT)])
    assert field.value == "ilen!" and field.cursor == 0


def test_the_field_stops_at_its_maximum_length(field):
    feed(field, type_text("abcdefghijklmnop"))
    assert field.value == "abcdefghij"
    field.handle_event(pygame.event.Event(pygame.TEXTINPUT, text="xyz"))
    assert len(field.value) == 10


def test_an_unfocused_field_ignores_typing(field):
    field.set_focus(False)
    assert feed(field, type_text("abc")) == [False] * 3
    assert field.value == ""


def test_printable_key_presses_are_claimed_so_no_shortcut_fires_while_typing(field):
    assert field.handle_event(key(pygame.K_q, unicode="q"))
    assert field.handle_event(key(pygame.K_SPACE, unicode=" "))
    assert not field.handle_event(key(pygame.K_TAB))
    assert not field.handle_event(key(pygame.K_ESCAPE, unicode="\x1b"))


def test_tapping_in_the_field_puts_the_cursor_near_the_tap(field):
    field.set_value("abcdef")
    assert field.handle_event(mouse_down((field.rect.x + 2, field.rect.centery)))
    assert field.cursor == 0


def test_the_cursor_blinks_with_time_not_with_drawing(field, canvas):
    field.update(0.7)
    state = copy.copy(vars(field))
    field.draw(canvas)
    assert vars(field) == state


# --- card ------------------------------------------------------------------------------------------------------


@pytest.fixture
def card(text) -> Card:
    events: list[tuple] = []
    widget = Card(
        (1200, 200, 500, 190),
        text,
        "Diagnose",
        "Depressie",
        on_drop=lambda c, pos: events.append(("drop", pos)),
        on_activate=lambda c: events.append(("activate",)),
    )
    widget.events = events  # type: ignore[attr-defined]
    return widget


def test_dragging_a_card_moves_it_and_reports_where_it_was_dropped(card):
    start = card.rect.center
    feed(card, [mouse_down(start), mouse_move((start[0] - 300, start[1] + 200))])
    assert card.dragging and card.on_top
    assert card.rect.center == (start[0] - 300, start[1] + 200)
    feed(card, [mouse_up((start[0] - 300, start[1] + 200))])
    assert card.events == [("drop", (start[0] - 300, start[1] + 200))]
    assert not card.dragging


def test_a_card_can_be_dragged_with_a_finger_and_other_fingers_do_not_steal_it(card):
    start = card.rect.center
    events = drag(start, (400, 700), touch=True)
    intruder = finger(pygame.FINGERMOTION, (10, 10), finger_id=7)
    feed(card, events[:-1] + [intruder] + events[-1:])
    assert card.events == [("drop", (400, 700))]
    assert card.rect.center == (400, 700)


def test_a_tiny_wobble_is_a_tap_not_a_drag(card):
    start = card.rect.center
    feed(card, [mouse_down(start), mouse_move((start[0] + 5, start[1] + 3)), mouse_up((start[0] + 5, start[1] + 3))])
    assert card.events == [("activate",)]
    assert card.rect.center == start


def test_a_card_without_a_drop_handler_returns_home(text):
    lone = Card((100, 100, 400, 180), text, "Adres")
    feed(lone, drag(lone.rect.center, (900, 900)))
    assert lone.rect.topleft == (100, 100)


def test_a_dragged_card_stays_on_the_canvas(card):
    feed(card, [mouse_down(card.rect.center), mouse_move((5000, -300))])
    assert pygame.Rect(0, 0, 1920, 1080).contains(card.rect)


def test_enter_on_a_focused_card_activates_it(card):
    card.set_focus(True)
    assert card.handle_event(key(pygame.K_RETURN))
    assert card.events == [("activate",)]


def test_place_at_gives_the_card_a_new_home(card):
    card.place_at((300, 600))
    card.rect.topleft = (0, 0)
    card.return_home()
    assert card.rect.topleft == (300, 600)


# --- choice list ---------------------------------------------------------------------------------------------


@pytest.fixture
def choices(text) -> ChoiceList:
    chosen: list[int] = []
    widget = ChoiceList((100, 100, 600, 500), text, ["3 spelers", "4 spelers", "5 spelers"], chosen.append)
    widget.chosen = chosen  # type: ignore[attr-defined]
    return widget


def test_tapping_an_option_chooses_it(choices):
    row = choices.row_rects()[2]
    feed(choices, tap(row.center))
    assert choices.chosen == [2] and choices.selected == 2


def test_rows_are_big_enough_to_tap(choices):
    assert all(row.height >= theme.TOUCH_MIN for row in choices.row_rects())


def test_arrow_keys_move_and_enter_chooses(choices):
    choices.set_focus(True)
    assert feed(choices, [key(pygame.K_DOWN), key(pygame.K_DOWN), key(pygame.K_RETURN)]) == [True, True, True]
    assert choices.chosen == [2]


def test_arrows_past_the_ends_are_left_for_the_focus_group(choices):
    choices.set_focus(True)
    assert not choices.handle_event(key(pygame.K_UP))
    feed(choices, [key(pygame.K_DOWN), key(pygame.K_DOWN)])
    assert not choices.handle_event(key(pygame.K_DOWN))


def test_sliding_off_a_row_before_lifting_chooses_nothing(choices):
    rows = choices.row_rects()
    feed(choices, [mouse_down(rows[0].center), mouse_up(rows[1].center)])
    assert choices.chosen == []


# --- modal ---------------------------------------------------------------------------------------------------


@pytest.fixture
def modal(text) -> Modal:
    answers: list[str] = []
    widget = Modal(
        pygame.Rect(0, 0, 1920, 1080), text, "Spel afsluiten?", "Jullie voortgang blijft bewaard.",
        [("Ja", "ja"), ("Nee", "nee")], answers.append, cancel="nee",
    )
    widget.answers = answers  # type: ignore[attr-defined]
    return widget


def test_the_modal_focuses_its_first_button_so_enter_chooses_it(modal):
    modal.handle_event(key(pygame.K_RETURN))
    assert modal.answers == ["ja"]


def test_escape_cancels_the_modal(modal):
    assert modal.handle_event(key(pygame.K_ESCAPE))
    assert modal.answers == ["nee"]


def test_the_modal_swallows_all_input_even_outside_its_panel(modal):
    assert feed(modal, click((5, 5)) + tap((5, 5)) + type_text("x")) == [True] * 5
    assert modal.answers == []
    assert not modal.handle_event(pygame.event.Event(pygame.USEREVENT))


def test_tapping_a_modal_button_chooses_its_value(modal):
    feed(modal, tap(modal.buttons[1].rect.center))
    assert modal.answers == ["nee"]


def test_the_modal_panel_is_centred_and_fits_the_canvas(modal):
    assert modal.rect.center == (960, 540)
    assert pygame.Rect(0, 0, 1920, 1080).contains(modal.rect)
    for button in modal.buttons:
        assert modal.rect.contains(button.rect)
        assert button.rect.height >= theme.TOUCH_MIN


# --- drawing ---------------------------------------------------------------------------------------------------


def _state(value):
    """A comparable snapshot of a widget and the widgets inside it (callbacks, the text cache and render caches
    (``_cache_*``) left out)."""
    if isinstance(value, (Widget, FocusGroup)):
        return {k: _state(v) for k, v in vars(value).items()
                if k != "text" and not k.startswith("_cache") and not callable(v)}
    if isinstance(value, (list, tuple)):
        return [_state(v) for v in value]
    if isinstance(value, pygame.Rect):
        return tuple(value)
    return copy.copy(value)


def test_drawing_never_changes_a_widget(text, canvas, button, card, choices, modal, field):
    block = TextBlock((100, 700, 800, 200), text, "Een tekst die wordt afgebroken over regels.")
    badge = Badge((100, 950, 500, 80), text, theme.verdict_style("mag_niet_delen"), "Mag niet delen")
    feed(card, [mouse_down(card.rect.center), mouse_move((600, 600))])  # mid-drag
    for widget in (button, card, choices, modal, field, block, badge):
        widget.set_focus(True)
        before = _state(widget)
        widget.draw(canvas)
        widget.draw(canvas)
        assert _state(widget) == before, type(widget).__name__


def test_an_open_modal_shows_the_scene_below_darkened_and_repaints_its_panel_when_focus_moves(modal):
    below = pygame.Surface((1920, 1080))
    below.fill((200, 100, 50))
    modal.draw(below)
    assert all(after < before for after, before in zip(below.get_at((5, 5))[:3], (200, 100, 50), strict=True))
    first = below.copy()
    fresh = pygame.Surface((1920, 1080))  # the scene below is not drawn again: the modal keeps its backdrop
    modal.draw(fresh)
    assert pygame.image.tobytes(fresh, "RGB") == pygame.image.tobytes(first, "RGB")
    modal.handle_event(key(pygame.K_TAB))
    modal.draw(fresh)
    area = modal.buttons[1].rect.inflate(40, 40)
    assert (pygame.image.tobytes(fresh.subsurface(area), "RGB")
            != pygame.image.tobytes(first.subsurface(area), "RGB"))  # the focus ring moved to "Nee"
    modal.invalidate()
    assert modal.needs_backdrop


def test_text_blocks_shrink_long_text_and_never_draw_outside_their_box(text):
    long = "Dit is een hele lange uitleg over de grondslag. " * 12
    block = TextBlock((200, 200, 600, 300), text, long, size=60)
    surface = pygame.Surface((1200, 800))
    surface.fill((0, 0, 0))
    block.draw(surface)
    drawn = pygame.mask.from_threshold(surface, (0, 0, 0), (1, 1, 1, 255))
    drawn.invert()  # every pixel that is not the black background
    assert drawn.count() > 0
    assert all(block.rect.contains(r) for r in drawn.get_bounding_rects())
    assert block.size == theme.TEXT_MIN


def test_a_text_block_rerenders_only_when_its_text_changes(text, canvas):
    block = TextBlock((0, 0, 800, 200), text, "Pauze")
    block.draw(canvas)
    misses = text.misses
    block.draw(canvas)
    block.set_text("Pauze")
    block.draw(canvas)
    assert text.misses == misses
    block.set_text("Verder spelen")
    block.draw(canvas)
    assert text.misses > misses


# --- looks: what a cached layer keys on ------------------------------------------------------------------------


def _drawn(widget, *, live: bool = True) -> bytes:
    surface = pygame.Surface((1920, 1080))
    surface.fill(theme.BG)
    if live:
        widget.draw(surface)
    else:
        widget.draw_layered(surface)
    return pygame.image.tobytes(surface, "RGB")


def test_a_widgets_look_changes_whenever_what_its_layer_shows_changes(button, card, choices, field):
    for widget, change in [
        (button, lambda: button.set_label("Doorgaan")),
        (button, lambda: setattr(button, "style", "secondary")),
        (button, lambda: button.handle_event(mouse_down(INSIDE))),
        (button, lambda: setattr(button, "enabled", False)),
        (card, lambda: setattr(card, "selected", True)),
        (card, lambda: setattr(card, "colour", theme.VIOLET)),
        (choices, lambda: choices.choose(1)),
        (field, lambda: field.insert("Uil")),
        (field, lambda: field.set_focus(False)),
    ]:
        widget.set_focus(True, visible=False)
        look, pixels = widget.look(), _drawn(widget, live=False)
        change()
        assert widget.look() != look and _drawn(widget, live=False) != pixels, (type(widget).__name__, change)


def test_focus_without_its_ring_and_the_cursor_blink_leave_the_look_alone(button, field):
    look = button.look()
    button.set_focus(True, visible=False)  # a tap focuses the button but shows no ring
    assert button.look() == look
    button.set_focus(True, visible=True)
    assert button.look() != look
    field.set_focus(True)
    look, layered = field.look(), _drawn(field, live=False)
    field.update(0.7)  # the cursor blinks off: drawn over the layer, not in it
    assert field.look() == look and _drawn(field, live=False) == layered
    assert _drawn(field) != _drawn(field, live=False) or field._blink >= 0.6


def test_the_layered_and_the_live_part_together_draw_what_draw_draws(text, button, card, choices, field):
    from escaperoom.ui.puzzles.order import _StepList

    steps = _StepList(pygame.Rect(700, 100, 1100, 900), text, ["Een", "Twee", "Drie"], [2, 0, 1], lambda: None)
    feed(steps, [mouse_down(steps.row_rect(0).center), mouse_move((900, 500))])  # a row lifted and dragged
    feed(card, [mouse_down(card.rect.center), mouse_move((600, 600))])
    for widget in (button, card, choices, field, steps):
        widget.set_focus(True)
        whole = pygame.Surface((1920, 1080))
        parts = pygame.Surface((1920, 1080))
        widget.draw(whole)
        widget.draw_layered(parts)
        widget.draw_live(parts)
        assert pygame.image.tobytes(whole, "RGB") == pygame.image.tobytes(parts, "RGB"), type(widget).__name__
