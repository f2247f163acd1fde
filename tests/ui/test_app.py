"""The app loop, headless: a few frames of the widget demo, a screenshot, quitting through a modal, the guards."""

from __future__ import annotations

import pygame
import pytest
from ui_demo import ConfirmScene, DemoScene

from escaperoom.errors import EscapeRoomError
from escaperoom.ui import app as app_module
from escaperoom.ui.app import App
from escaperoom.ui.scripted.events import click, key, tap, type_text


@pytest.fixture
def app():
    application = App(DemoScene)
    application.open()
    yield application
    if application.surface is not None:
        application.close()


def test_run_renders_frames_and_saves_a_1920x1080_screenshot(tmp_path):
    shot = tmp_path / "demo.png"
    application = App(DemoScene)
    application.run(frames=3, screenshot=shot)
    assert application.frames == 3
    assert pygame.image.load(str(shot)).get_size() == (1920, 1080)
    assert application.surface is None  # closed


def test_the_headless_canvas_is_the_logical_canvas(app):
    assert app.surface.get_size() == (1920, 1080)
    assert app.ctx.t("title.new_game") == "Nieuw spel"


def test_a_scripted_player_types_a_team_name_and_quits_through_the_confirm_modal(app):
    demo: DemoScene = app.stack.top
    app.step(tap(demo.field.rect.center) + type_text("De Uilen") + [key(pygame.K_RETURN)])
    assert demo.submitted == ["De Uilen"]
    app.step(click(demo.quit.rect.center))
    assert isinstance(app.stack.top, ConfirmScene)
    assert app.step([key(pygame.K_RETURN)])  # the modal's first button: "Ja"
    assert demo.results == [True]
    assert app.stack.top is demo


def test_escape_on_the_confirm_modal_answers_no(app):
    demo: DemoScene = app.stack.top
    app.step([key(pygame.K_ESCAPE)])
    app.step([key(pygame.K_ESCAPE)])
    assert demo.results == [False]


def test_input_under_a_modal_does_not_reach_the_scene_below(app):
    demo: DemoScene = app.stack.top
    app.step([key(pygame.K_ESCAPE)])
    app.step(click(demo.new_game.rect.topleft))  # outside the modal panel, on a button below
    assert demo.clicked == []


def test_closing_the_window_stops_the_app(app):
    assert not app.step([pygame.event.Event(pygame.QUIT)])
    assert not app.running


def test_f11_is_ignored_without_a_real_screen(app):
    assert app.step([key(pygame.K_F11)])
    assert not app.fullscreen


def test_leaving_full_screen_fits_the_window_to_the_desktop_again(app, monkeypatch):
    """On a 1280x720 desktop SDL restores the window at 1920x1080, off the screen (checked under Xvfb); F11 back to
    a window must shrink it to fit again, entering full screen must not."""
    calls: list[str] = []
    monkeypatch.setattr(app_module, "is_headless", lambda: False)
    monkeypatch.setattr(pygame.display, "toggle_fullscreen", lambda: calls.append("toggle") or 1)
    monkeypatch.setattr(app_module, "_fit_window_to_desktop", lambda *a, **k: calls.append("fit"))
    app.fullscreen = False
    app.dispatch(key(pygame.K_F11))
    assert app.fullscreen and calls == ["toggle"]
    app.dispatch(key(pygame.K_F11))
    assert not app.fullscreen and calls == ["toggle", "toggle", "fit"]


def test_the_frame_time_is_recorded_per_frame(app):
    for _ in range(5):
        app.step([])
    assert len(app.frame_ms) == 5 and all(ms > 0 for ms in app.frame_ms)


def test_plain_pygame_is_refused_with_a_dutch_message(monkeypatch):
    monkeypatch.setattr(app_module.pygame, "IS_CE", False, raising=False)
    with pytest.raises(EscapeRoomError, match="pygame-ce nodig"):
        App(DemoScene)


def test_drawing_twice_gives_the_same_frame(app):
    app.step([])
    first = pygame.image.tobytes(app.surface, "RGB")
    app.stack.draw(app.surface)
    assert pygame.image.tobytes(app.surface, "RGB") == first
