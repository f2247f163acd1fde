"""The facilitator's overlays on the players' screen: the key list (F1), a message (the answer of a puzzle, F7, or
why a key did nothing) and the end confirmation (F8), and the answer in words for F7. The keys themselves are
routed by ``escaperoom.ui.flow.FacilitatorKeys`` before any scene sees them; every action goes through the
session, which records it in the journal. The overlays close with Esc, Enter or a tap and lead back to the scene
below."""

from __future__ import annotations

from typing import Any

import pygame

from escaperoom.content.models import Puzzle
from escaperoom.kinds import words_for
from escaperoom.ui import theme
from escaperoom.ui.draw import draw_text
from escaperoom.ui.scenes.base import GameModal
from escaperoom.ui.scenes.game import Game


def answer_text(game: Game, puzzle: Puzzle, answer: Any) -> str:
    """The model answer in words, one line per item, for the facilitator to read out: recipients by their role
    name and legal bases by citation and short name from the law book, in the game's language (the kind's words)."""
    words = words_for(puzzle, game.session.scenario, game.ctx.book, game.ctx.lang, strings=game.ctx.strings)
    return words.model_answer_text(answer)


class KeyListScene(GameModal[None]):
    """F1: the facilitator's keys."""

    def __init__(self, game: Game):
        super().__init__(game, (1500, 1000))
        (self.close,) = self.button_row([(self.t("common.close"), lambda: self.dismiss(None))])

    def enter(self) -> None:
        self.group.focus(self.close, visible=True)

    def labels(self):
        inner = self.inner()
        return [(self.t("spel.facilitator.heading"), pygame.Rect(inner.x, inner.y, inner.width, 90), "bold",
                 theme.TEXT_TITLE),
                (self.t("spel.facilitator.keys"), pygame.Rect(inner.x, inner.y + 110, inner.width,
                                                               self.close.rect.top - inner.y - 130), "regular",
                 theme.TEXT_BODY)]

    def draw_content(self, surface: pygame.Surface) -> None:
        (title, tbox, _, tsize), (body, bbox, _, bsize) = self.labels()
        draw_text(self.ctx, surface, title, tbox, role="bold", size=tsize, colour=theme.ACCENT, valign="middle")
        draw_text(self.ctx, surface, body, bbox, size=bsize)


class MessageScene(GameModal[None]):
    """A text for the facilitator (the answer of a puzzle, or why a key did nothing) with one close button."""

    def __init__(self, game: Game, body: str, heading: str = ""):
        super().__init__(game, (1640, 960))
        self.heading = heading or self.t("spel.facilitator.heading")
        self.body = body
        (self.close,) = self.button_row([(self.t("common.close"), lambda: self.dismiss(None))])

    def enter(self) -> None:
        self.group.focus(self.close, visible=True)

    def labels(self):
        inner = self.inner()
        return [(self.heading, pygame.Rect(inner.x, inner.y, inner.width, 90), "bold", theme.TEXT_TITLE),
                (self.body, pygame.Rect(inner.x, inner.y + 110, inner.width, self.close.rect.top - inner.y - 130),
                 "regular", theme.TEXT_BODY)]

    def draw_content(self, surface: pygame.Surface) -> None:
        (title, tbox, _, tsize), (body, bbox, _, bsize) = self.labels()
        draw_text(self.ctx, surface, title, tbox, role="bold", size=tsize, colour=theme.ACCENT, valign="middle")
        draw_text(self.ctx, surface, body, bbox, size=bsize)


class ConfirmEndScene(GameModal[bool]):
    """F8: end the game? Yes calls ``session.end_game`` (the room then shows the end scene)."""

    cancel_result = False

    def __init__(self, game: Game):
        super().__init__(game, (1400, 700))
        self.yes, self.no = self.button_row([(self.t("spel.facilitator.end_yes"), self.end),
                                             (self.t("common.cancel"), lambda: self.dismiss(False))])

    def enter(self) -> None:
        self.group.focus(self.no, visible=True)  # the safe choice has focus

    def end(self) -> None:
        if not self.game.session.phase.final:
            self.game.session.end_game()
        self.dismiss(True)

    def labels(self):
        inner = self.inner()
        return [(self.t("spel.facilitator.end_heading"), pygame.Rect(inner.x, inner.y, inner.width, 100), "bold",
                 theme.TEXT_TITLE),
                (self.t("spel.facilitator.end_body"), pygame.Rect(inner.x, inner.y + 130, inner.width, 200),
                 "regular", theme.TEXT_BODY)]

    def draw_content(self, surface: pygame.Surface) -> None:
        (title, tbox, _, tsize), (body, bbox, _, bsize) = self.labels()
        draw_text(self.ctx, surface, title, tbox, role="bold", size=tsize, colour=theme.AMBER, valign="middle")
        draw_text(self.ctx, surface, body, bbox, size=bsize)
