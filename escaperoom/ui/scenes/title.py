"""Title screen: the game's name and four big buttons — Nieuw spel (to setup), Doorgaan (resume the newest
unfinished game; a damaged, foreign or newer save leads to the resume error scene, the file is kept),
Nabespreking (the debrief, else a message) and Afsluiten.
Controls: mouse/touch on a button, or Tab/arrows + Enter. Leads (through ``game.flow``) to setup, the room, the
resume error, the debrief or quit."""

from __future__ import annotations

import pygame

from escaperoom.play.session import Session
from escaperoom.ui import theme
from escaperoom.ui.draw import draw_text
from escaperoom.ui.icons import draw_icon
from escaperoom.ui.scenes.base import CANVAS, GameScene
from escaperoom.ui.scenes.game import Game, ResumeProblem
from escaperoom.ui.theme import Icon

_W = 880


class TitleScene(GameScene):
    def __init__(self, game: Game):
        super().__init__(game)
        self.message = ""
        x = CANVAS.centerx - _W // 2
        y = 430
        step = theme.BUTTON_HEIGHT + theme.SPACE_M - 4
        self.new = self.button((x, y, _W, theme.BUTTON_HEIGHT), self.t("title.new_game"), self.new_game)
        self.cont = self.button((x, y + step, _W, theme.BUTTON_HEIGHT), self.t("title.continue"), self.continue_game,
                                "secondary")
        self.debrief = self.button((x, y + 2 * step, _W, theme.BUTTON_HEIGHT), self.t("title.debrief"),
                                   self.open_debrief, "secondary")
        self.quit = self.button((x, y + 3 * step, _W, theme.BUTTON_HEIGHT), self.t("title.quit"), self.quit_game,
                                "secondary", icon=None)
        if not game.scenarios:
            self.new.enabled = self.cont.enabled = False
            self.message = self.t("spel.title.no_scenarios")

    def enter(self) -> None:
        self.group.focus(self.new if self.new.enabled else self.debrief, visible=True)

    # --- actions -------------------------------------------------------------------------------------------

    def new_game(self) -> None:
        self.game.flow.open_setup()

    def continue_game(self) -> None:
        outcome = self.game.resume_latest()
        if outcome is None:
            self.message = self.t("spel.title.nothing_to_resume")
        elif isinstance(outcome, ResumeProblem):
            self.game.flow.open_resume_error(outcome)
        elif isinstance(outcome, Session):
            self.game.flow.open_room()

    def open_debrief(self) -> None:
        if not self.game.flow.open_debrief():
            self.message = self.t("spel.title.no_debrief")

    def quit_game(self) -> None:
        assert self.stack is not None
        self.stack.request_quit()

    def state_key(self):
        return self.message

    def labels(self):
        return [(self.t("app.name"), pygame.Rect(160, 150, 1600, 130), "bold", theme.TEXT_HERO),
                (self.t("spel.title.subtitle"), pygame.Rect(160, 290, 1600, 110), "regular", theme.TEXT_LARGE)]

    # --- drawing -------------------------------------------------------------------------------------------

    def draw_back(self, surface: pygame.Surface) -> None:
        (title, title_box, _, size), (sub, sub_box, _, sub_size) = self.labels()
        draw_text(self.ctx, surface, title, title_box, role="bold", size=size, colour=theme.ACCENT,
                  align="center", valign="middle")
        draw_text(self.ctx, surface, sub, sub_box, size=sub_size, align="center", valign="middle")
        draw_icon(surface, Icon.LOCK, pygame.Rect(CANVAS.centerx - 40, 60, 80, 80), theme.ACCENT, theme.BG)
        if self.message:
            box = pygame.Rect(160, CANVAS.bottom - 74, 1600, 64)
            draw_text(self.ctx, surface, self.message, box, colour=theme.AMBER, align="center", valign="middle")
