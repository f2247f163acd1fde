"""Pause overlay: the clock stands still and the time left is shown. Who paused decides who resumes, and the
text says so. The team's own pause (Esc on the map): "Verder spelen" (tap/Enter, or Esc again)
resumes. The facilitator's pause (F2/P, ``scenes.facilitator``): only the facilitator resumes (F2/P), so the
overlay shows no resume button. Both offer "Naar het beginscherm", which leaves the game saved (Doorgaan on the
title continues it). Leads back to the scene below, or to the title."""

from __future__ import annotations

import pygame

from escaperoom.play.session import Phase
from escaperoom.ui import theme
from escaperoom.ui.draw import draw_text
from escaperoom.ui.hud import clock_text
from escaperoom.ui.scenes.base import GameModal
from escaperoom.ui.scenes.game import TEAM, Game


class PauseScene(GameModal[None]):
    cancel_result = NotImplemented  # Esc is handled below: it resumes a team pause, never a facilitator's one

    def __init__(self, game: Game, by: str = TEAM):
        super().__init__(game, (1300, 760))
        self.by = by
        self.resume_button = None
        if by == TEAM:
            self.resume_button, self.title_button = self.button_row(
                [(self.t("pause.resume"), self.resume_game), (self.t("pause.to_title"), self.to_title)])
        else:
            (self.title_button,) = self.button_row([(self.t("pause.to_title"), self.to_title)])
            self.title_button.style = "secondary"

    def enter(self) -> None:
        self.group.focus(self.resume_button or self.title_button, visible=True)

    def resume_game(self) -> None:
        self.game.session.resume(by="team")
        self.dismiss(None)

    def to_title(self) -> None:
        self.game.flow.to_title()

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            if self.by == TEAM:
                self.resume_game()
            return True
        return super().handle_event(event)

    def update(self, dt: float) -> None:
        super().update(dt)
        if self.game.recorder is not None and self.game.session.phase is not Phase.PAUSED and self.stack is not None:
            self.dismiss(None)  # resumed from elsewhere (facilitator key)

    def labels(self):
        inner = self.inner()
        body = "spel.pause.body_team" if self.by == TEAM else "spel.pause.body"
        return [(self.t("spel.pause.heading"), pygame.Rect(inner.x, inner.y, inner.width, 110), "bold",
                 theme.TEXT_HERO),
                (self.t(body), pygame.Rect(inner.x, inner.y + 290, inner.width, 150), "regular", theme.TEXT_BODY)]

    def state_key(self):
        return round(self.game.session.remaining_s) if self.game.recorder is not None else None

    def draw_content(self, surface: pygame.Surface) -> None:
        inner = self.inner()
        (title, tbox, _, tsize), (body, bbox, _, bsize) = self.labels()
        draw_text(self.ctx, surface, title, tbox, role="bold", size=tsize, colour=theme.ACCENT, align="center")
        if self.game.recorder is not None:
            box = pygame.Rect(inner.x, inner.y + 130, inner.width, 150)
            draw_text(self.ctx, surface, clock_text(self.game.session.remaining_s), box, role="bold", size=140,
                      align="center", valign="middle")
        draw_text(self.ctx, surface, body, bbox, size=bsize, align="center")
