"""The app: opens the window, owns the scene stack and runs the loop (events -> update(dt) -> draw -> flip).

Everything is drawn on a logical 1920x1080 canvas; the window uses ``pygame.SCALED | pygame.RESIZABLE`` so
SDL scales on the GPU and maps mouse positions back to canvas pixels (touch positions are mapped in
``escaperoom.ui.pointer``). F11 toggles full screen. Under ``SDL_VIDEODRIVER=dummy`` the canvas is a plain
surface and ``run(frames=N, screenshot=path)`` renders N frames with a fixed time step and saves a PNG.
The CLI builds an ``App`` with a factory for the first scene.
"""

from __future__ import annotations

import os
import time
import warnings
from collections import deque
from collections.abc import Callable, Iterable
from pathlib import Path

import pygame

from escaperoom.errors import EscapeRoomError
from escaperoom.strings import Catalogue
from escaperoom.ui import theme
from escaperoom.ui.context import UiContext
from escaperoom.ui.scene import Scene, SceneStack

NOT_CE_MESSAGE = (
    "Dit spel heeft pygame-ce nodig, maar het gewone pygame is geïnstalleerd. "
    "Ze gebruiken dezelfde naam en zitten elkaar in de weg. Los het zo op:\n"
    "    pip uninstall -y pygame pygame-ce\n"
    "    pip install pygame-ce"
)
MAX_DT = 0.25  # seconds; a longer gap (window dragged, laptop asleep) counts as this much
HEADLESS_DRIVERS = ("dummy", "offscreen")


def ensure_pygame_ce() -> None:
    """Stop with a clear Dutch message when plain pygame is installed instead of pygame-ce."""
    if not getattr(pygame, "IS_CE", False):
        raise EscapeRoomError(NOT_CE_MESSAGE)


def is_headless() -> bool:
    """True under a video driver without a real screen (tests, CI, screenshots)."""
    driver = pygame.display.get_driver() if pygame.display.get_init() else os.environ.get("SDL_VIDEODRIVER", "")
    return driver in HEADLESS_DRIVERS


class App:
    """One window, one scene stack. ``first_scene`` is called with the :class:`UiContext` once fonts are loaded."""

    def __init__(
        self,
        first_scene: Callable[[UiContext], Scene],
        *,
        strings: Catalogue | None = None,
        lang: str = "nl",
        fullscreen: bool = False,
        fps: int = 60,
        title: str | None = None,
    ):
        ensure_pygame_ce()
        self.first_scene = first_scene
        self.strings = strings
        self.lang = lang
        self.fullscreen = fullscreen
        self.fps = fps
        self.title = title
        self.stack = SceneStack()
        self.ctx: UiContext | None = None
        self.surface: pygame.Surface | None = None
        self.clock: pygame.time.Clock | None = None
        self.frame_ms: deque[float] = deque(maxlen=3600)  # CPU time of events + update + draw per frame
        self.frames = 0

    # --- window -------------------------------------------------------------------------------------------

    def open(self) -> None:
        pygame.display.init()
        pygame.font.init()
        self.surface = self._set_mode()
        self.clock = pygame.time.Clock()
        pygame.key.set_repeat(400, 40)
        self.ctx = UiContext.create(self.strings, self.lang)
        pygame.display.set_caption(self.title or self.ctx.t("app.name"))
        self.stack.push(self.first_scene(self.ctx))

    def _set_mode(self) -> pygame.Surface:
        if is_headless():
            return pygame.display.set_mode(theme.CANVAS_SIZE)
        flags = pygame.SCALED | pygame.RESIZABLE
        # Let SCALED scale by any factor (not only whole numbers) with smooth filtering, so the canvas fits a
        # 1280x720 projector or a 1366x768 laptop: pygame-ce turns integer scaling off when a hint of this exact
        # name is set, and SDL reads the filter quality from SDL_RENDER_SCALE_QUALITY.
        os.environ.setdefault("SDL_HINT_RENDER_SCALE_QUALITY", "1")
        os.environ.setdefault("SDL_RENDER_SCALE_QUALITY", "linear")
        if self.fullscreen:
            flags |= pygame.FULLSCREEN
        try:
            surface = pygame.display.set_mode(theme.CANVAS_SIZE, flags, vsync=1)
        except pygame.error:  # no vsync on this renderer
            surface = pygame.display.set_mode(theme.CANVAS_SIZE, flags)
        if not self.fullscreen:
            _fit_window_to_desktop()
        return surface

    def toggle_fullscreen(self) -> None:
        """F11. Leaving full screen on a desktop smaller than the canvas would leave a 1920x1080 window hanging
        off the screen (SDL restores the SCALED window at canvas size), so the window is fitted to the desktop
        again, as at start-up."""
        if is_headless():
            return
        pygame.display.toggle_fullscreen()
        self.fullscreen = not self.fullscreen
        if not self.fullscreen:
            _fit_window_to_desktop()

    def close(self) -> None:
        while len(self.stack):
            self.stack.pop()
        pygame.display.quit()
        self.surface = None

    @property
    def running(self) -> bool:
        return self.surface is not None and len(self.stack) > 0 and not self.stack.quit_requested

    # --- loop ---------------------------------------------------------------------------------------------

    def dispatch(self, event: pygame.event.Event) -> None:
        """App keys first (F11), then the top scene; an unhandled window close quits."""
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            self.toggle_fullscreen()
            return
        used = self.stack.handle_event(event)
        if event.type == pygame.QUIT and not used:
            self.stack.request_quit()

    def step(self, events: Iterable[pygame.event.Event] | None = None, dt: float | None = None) -> bool:
        """One frame: handle ``events`` (default: pygame's queue), update by ``dt`` seconds (default: 1/fps),
        draw and flip. Returns whether the app is still running. Tests call this with synthetic events."""
        assert self.surface is not None, "call open() first"
        started = time.perf_counter()
        for event in pygame.event.get() if events is None else events:
            self.dispatch(event)
            if not self.running:
                return False
        self.stack.update(1 / self.fps if dt is None else min(dt, MAX_DT))
        self.stack.draw(self.surface)
        self.frame_ms.append((time.perf_counter() - started) * 1000)
        pygame.display.flip()
        self.frames += 1
        return self.running

    def run(self, frames: int | None = None, screenshot: Path | str | None = None) -> None:
        """Run until the last scene is popped or quit is requested; with ``frames`` stop after that many frames
        (fixed time step, no waiting) and save the last frame to ``screenshot`` when given."""
        if self.surface is None:
            self.open()
        try:
            while self.running:
                if frames is None:
                    assert self.clock is not None
                    alive = self.step(dt=self.clock.tick(self.fps) / 1000)
                else:
                    alive = self.step()
                    if self.frames >= frames:
                        break
                if not alive:
                    break
            if screenshot is not None and self.surface is not None:
                self.save_screenshot(screenshot)
        finally:
            self.close()

    def save_screenshot(self, path: Path | str) -> Path:
        assert self.surface is not None
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(self.surface, str(path))
        return path


def _fit_window_to_desktop(margin: float = 0.92) -> None:
    """SCALED never makes a window smaller than the 1920x1080 canvas; on a smaller desktop (a 1280x720 laptop or
    projector) shrink the window to the largest 16:9 size that fits, centred — SDL keeps scaling the canvas into
    it and mapping the mouse back to canvas pixels."""
    try:
        desktop_w, desktop_h = pygame.display.get_desktop_sizes()[0]
    except (pygame.error, IndexError):
        return
    canvas_w, canvas_h = theme.CANVAS_SIZE
    if desktop_w >= canvas_w and desktop_h >= canvas_h:
        return
    scale = min(desktop_w * margin / canvas_w, desktop_h * margin / canvas_h)
    with warnings.catch_warnings():  # pygame-ce nudges towards Window.get_surface; we keep the display module
        warnings.simplefilter("ignore", DeprecationWarning)
        window = pygame.Window.from_display_module()
    window.minimum_size = (320, 180)  # SCALED sets the canvas size as the minimum
    window.size = (max(320, int(canvas_w * scale)), max(180, int(canvas_h * scale)))
    window.position = pygame.WINDOWPOS_CENTERED
