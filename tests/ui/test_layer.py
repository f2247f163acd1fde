"""Cached layers: a screen is painted once while what it shows holds, painted again when that changes (a card moved,
a toggle, typing, focus), the pool lends surfaces back and forth without a screen ever showing another's pixels, and
a layered screen shows exactly what painting it whole would show."""

from __future__ import annotations

import pygame
import pytest
from puzzle_setup import KINDS, make_session, open_scene

from escaperoom.ui import theme
from escaperoom.ui.layer import Layer, LayerPool
from escaperoom.ui.scene import ModalScene, Scene, SceneStack
from escaperoom.ui.scripted.events import click, key, mouse_down, mouse_move, type_text

FULL = 1920 * 1080 * 4


class _Painted(Scene):
    """A screen with one layer that paints itself in its own colour and counts how often."""

    def __init__(self, pool: LayerPool, colour: tuple[int, int, int]):
        super().__init__()
        self.pool, self.colour, self.key = pool, colour, 0
        self.layer = Layer(self)

    def draw(self, surface: pygame.Surface) -> None:
        self.layer.draw(surface, self.pool, self.key, lambda s: s.fill(self.colour))


class _Over(ModalScene[None]):
    pass


def _canvas() -> pygame.Surface:
    return pygame.Surface(theme.CANVAS_SIZE)


def test_a_layer_is_painted_once_while_its_key_holds_and_again_when_it_changes():
    pool, canvas = LayerPool(), _canvas()
    stack = SceneStack()
    scene = _Painted(pool, theme.SURFACE)
    stack.push(scene)
    for _ in range(5):
        stack.draw(canvas)
    assert scene.layer.paints == 1
    scene.key = 1
    stack.draw(canvas)
    assert scene.layer.paints == 2 and canvas.get_at((5, 5))[:3] == theme.SURFACE


def test_the_pool_takes_the_surface_of_a_covered_screen_which_then_paints_itself_again():
    pool, canvas = LayerPool(max_bytes=FULL), _canvas()
    stack = SceneStack()
    below, above = _Painted(pool, theme.SURFACE), _Painted(pool, theme.ACCENT)
    stack.push(below)
    stack.draw(canvas)
    stack.push(above)  # opaque: the one surface the budget allows goes to it
    stack.draw(canvas)
    assert above.layer.surface is below.layer.surface and len(pool._slots) == 1
    stack.pop()
    stack.draw(canvas)
    assert below.layer.paints == 2 and canvas.get_at((5, 5))[:3] == theme.SURFACE


def test_the_pool_never_takes_a_surface_that_is_on_screen_even_past_its_budget():
    pool, canvas = LayerPool(max_bytes=FULL), _canvas()
    stack = SceneStack()
    below, modal = _Painted(pool, theme.SURFACE), _Over()
    stack.push(below)
    stack.push(modal)  # not opaque: the screen below is still drawn
    stack.draw(canvas)
    other = Layer(modal, "frame")
    other.draw(canvas, pool, 0, lambda s: s.fill(theme.RED))
    assert other.surface is not below.layer.surface and len(pool._slots) == 2
    stack.draw(canvas)
    assert below.layer.paints == 1


def test_a_screen_that_left_the_stack_gives_its_surface_back_without_its_colour_key():
    pool, canvas = LayerPool(), _canvas()
    stack = SceneStack()
    first = _Painted(pool, theme.SURFACE)
    stack.push(first)
    stack.draw(canvas)
    first.layer.surface.set_colorkey((255, 0, 254))
    second = _Painted(pool, theme.ACCENT)
    stack.replace(second)
    stack.draw(canvas)
    assert second.layer.surface is first.layer.surface and second.layer.surface.get_colorkey() is None
    assert len(pool._slots) == 1


# --- the puzzle screens -------------------------------------------------------------------------------------------


def _paints(scene) -> int:
    return scene._layer.paints


@pytest.mark.parametrize("kind", KINDS)
def test_a_still_puzzle_screen_is_painted_once_and_then_only_blitted_while_its_clock_ticks(kind, ctx, canvas):
    stack, _, scene = open_scene(kind, ctx, make_session())
    for _ in range(90):
        stack.update(1 / 60)
        stack.draw(canvas)
    assert _paints(scene) == 1


def _whole(scene, like: pygame.Surface) -> pygame.Surface:
    """The screen painted from scratch, the way it was painted before it had a layer."""
    out = pygame.Surface(like.get_size())
    scene._paint(out)
    scene.hud.draw_live(out)
    scene.focus.draw_over(out)
    return out


def _same(a: pygame.Surface, b: pygame.Surface) -> bool:
    return pygame.image.tobytes(a, "RGB") == pygame.image.tobytes(b, "RGB")


def test_dragging_a_card_paints_the_layer_when_it_lifts_and_lands_and_not_while_it_moves(ctx, canvas):
    stack, _, scene = open_scene("sorteren", ctx, make_session())
    stack.draw(canvas)
    start = scene.cards[0].rect.center
    stack.handle_event(mouse_down(start))
    stack.handle_event(mouse_move((start[0] + 60, start[1] - 40), rel=(60, -40)))
    stack.draw(canvas)
    lifted = _paints(scene)
    for i in range(1, 30):
        stack.handle_event(mouse_move((start[0] + 60 + 9 * i, start[1] - 40 - 6 * i), rel=(9, -6)))
        stack.draw(canvas)
        assert _same(canvas, _whole(scene, canvas))
    assert _paints(scene) == lifted == 2


@pytest.mark.parametrize("kind,events", [
    ("zwartlakken", lambda scene: click(scene.rows[1].rect.center)),
    ("grondslag", lambda scene: click(scene.options.row_rect(0).center)),
    ("volgorde", lambda scene: [key(pygame.K_RETURN), key(pygame.K_DOWN), key(pygame.K_DOWN), key(pygame.K_SPACE)]),
    ("sorteren", lambda scene: click(scene.cards[1].rect.center) + [key(pygame.K_RIGHT), key(pygame.K_RETURN)]),
    ("dilemma", lambda scene: click(scene.options.row_rect(0).center) + click(scene.field.rect.center)
     + type_text("Omdat")),
])
def test_what_the_team_does_is_painted_into_the_layer_at_once(kind, events, ctx, canvas):
    stack, _, scene = open_scene(kind, ctx, make_session())
    stack.draw(canvas)
    for event in events(scene):
        stack.handle_event(event)
        stack.update(1 / 60)
        stack.draw(canvas)
        assert stack.top is scene and _same(canvas, _whole(scene, canvas)), event
    assert _paints(scene) + scene._layer.partial > 1


def test_a_toggle_paints_only_the_toggled_line_and_typing_only_the_field(ctx, canvas):
    stack, _, scene = open_scene("zwartlakken", ctx, make_session())
    stack.draw(canvas)
    for event in click(scene.rows[2].rect.center):
        stack.handle_event(event)
    stack.draw(canvas)
    assert (_paints(scene), scene._layer.partial) == (1, 1)
    stack, _, scene = open_scene("dilemma", ctx, make_session())
    for event in click(scene.options.row_rect(0).center) + click(scene.field.rect.center):
        stack.handle_event(event)
    stack.draw(canvas)
    painted = _paints(scene)
    for event in type_text("Omdat"):
        stack.handle_event(event)
        stack.draw(canvas)
    assert _paints(scene) == painted and scene._layer.partial >= 5


def test_the_blinking_cursor_is_drawn_over_the_layer_without_painting_it_again(ctx, canvas):
    stack, _, scene = open_scene("dilemma", ctx, make_session())
    for event in click(scene.options.row_rect(0).center) + click(scene.field.rect.center):
        stack.handle_event(event)
    stack.draw(canvas)
    painted, shown = _paints(scene), set()
    for _ in range(60):
        stack.update(1 / 60)
        stack.draw(canvas)
        shown.add(pygame.image.tobytes(canvas, "RGB"))
    assert _paints(scene) == painted and len(shown) == 2  # cursor on, cursor off
