"""Pause overlay: the clock stands still (``session.pause``) until the facilitator resumes (F2/P, or the button).
Shows the time left. Controls: Verder spelen (tap/Enter) resumes; Naar het beginscherm leaves the game saved
(Doorgaan on the title continues it). Leads back to the scene below, or to the title."""

from __future__ import annotations

import pygame

from escaperoom.session import Phase
from escaperoom.ui import theme
from escaperoom.ui.scene import SceneStack
from escaperoom.ui.scenes.base import GameModal, clock_text, draw_text
from escaperoom.ui.scenes.game import Game


def open_pause(game: Game, stack: SceneStack) -> None:
    """Pause the session and show the overlay (once)."""
    game.session.pause()
    if not isinstance(stack.top, PauseScene):
        stack.push(PauseScene(game))


class PauseScene(GameModal[None]):
    cancel_result = NotImplemented  # Esc does not resume: only the facilitator (or the button) does

    def __init__(self, game: Game):
        super().__init__(game, (1300, 760))
        self.resume_button, self.title_button = self.button_row(
            [(self.t("pause.resume"), self.resume_game), (self.t("pause.to_title"), self.to_title)])

    def enter(self) -> None:
        self.group.focus(self.resume_button, visible=True)

    def resume_game(self) -> None:
        self.game.session.resume()
        self.dismiss(None)

    def to_title(self) -> None:
        from escaperoom.ui.scenes.title import TitleScene
        assert self.stack is not None
        self.game.close()
        self.stack.reset(TitleScene(self.game))

    def update(self, dt: float) -> None:
        super().update(dt)
        if self.game.recorder is not None and self.game.session.phase is not Phase.PAUSED and self.stack is not None:
            self.dismiss(None)  # resumed from elsewhere (facilitator key)

    def draw_live(self, surface: pygame.Surface) -> None:
        if self.game.recorder is None:
            return
        inner = self.inner()
        box = pygame.Rect(inner.x, inner.y + 130, inner.width, 150)
        surface.fill(theme.SURFACE, box)
        draw_text(self.ctx, surface, clock_text(self.game.session.remaining_s), box, role="bold", size=140,
                  align="center", valign="middle")

    def labels(self):
        inner = self.inner()
        return [(self.t("spel.pause.heading"), pygame.Rect(inner.x, inner.y, inner.width, 110), "bold",
                 theme.TEXT_HERO),
                (self.t("spel.pause.body"), pygame.Rect(inner.x, inner.y + 290, inner.width, 150), "regular",
                 theme.TEXT_BODY)]

    def draw_content(self, surface: pygame.Surface) -> None:
        inner = self.inner()
        (title, tbox, _, tsize), (body, bbox, _, bsize) = self.labels()
        draw_text(self.ctx, surface, title, tbox, role="bold", size=tsize, colour=theme.ACCENT, align="center")
        draw_text(self.ctx, surface, body, bbox, size=bsize, align="center")
