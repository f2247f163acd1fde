"""Resume error: the newest unfinished game cannot continue (damaged, another scenario, a newer version). Says
so in plain Dutch with the reason and that the file is kept, and offers a fresh start. A modal that returns
``True`` (start a new game) or ``False`` (back). Controls: tap or Tab/arrows + Enter; Esc is back.
Leads to setup or back to the title."""

from __future__ import annotations

import pygame

from escaperoom.ui import theme
from escaperoom.ui.draw import draw_text
from escaperoom.ui.scenes.base import GameModal
from escaperoom.ui.scenes.game import Game, ResumeProblem


class ResumeErrorScene(GameModal[bool]):
    cancel_result = False

    def __init__(self, game: Game, problem: ResumeProblem):
        super().__init__(game, (1500, 900))
        self.problem = problem
        self.fresh, self.back = self.button_row([(self.t("spel.resume_error.fresh"), lambda: self.dismiss(True)),
                                                 (self.t("spel.resume_error.back"), lambda: self.dismiss(False))])

    def enter(self) -> None:
        self.group.focus(self.fresh, visible=True)

    def labels(self):
        inner = self.inner()
        team = self.problem.team or self.t("spel.resume_error.unknown_team")
        body = self.t("spel.resume_error.body", team=team, reden=self.problem.reason)
        return [(self.t("spel.resume_error.heading"), pygame.Rect(inner.x, inner.y, inner.width, 100), "bold",
                 theme.TEXT_TITLE),
                (body, pygame.Rect(inner.x, inner.y + 130, inner.width, self.fresh.rect.top - inner.y - 170),
                 "regular", theme.TEXT_BODY)]

    def draw_content(self, surface: pygame.Surface) -> None:
        (title, tbox, _, tsize), (body, bbox, _, bsize) = self.labels()
        draw_text(self.ctx, surface, title, tbox, role="bold", size=tsize, colour=theme.AMBER, valign="middle")
        draw_text(self.ctx, surface, body, bbox, size=bsize)
