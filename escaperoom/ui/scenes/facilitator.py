"""The facilitator's overlays on the players' screen: the key list (F1), a message (the answer of a puzzle, F7, or
why a key did nothing) and the end confirmation (F8), and the answer in words for F7. The keys themselves are
routed by ``escaperoom.ui.flow.FacilitatorKeys`` before any scene sees them; every action goes through the
session, which records it in the journal. The overlays close with Esc, Enter or a tap and lead back to the scene
below."""

from __future__ import annotations

from typing import Any

import pygame

from escaperoom.content.models import (GEEN_GRONDSLAG, BasisPuzzle, DilemmaPuzzle, LockPuzzle, OrderPuzzle, Puzzle,
                                       RedactPuzzle, SortPuzzle)
from escaperoom.scoring import NIET_DELEN
from escaperoom.ui import theme
from escaperoom.ui.draw import draw_text
from escaperoom.ui.scenes.base import GameModal
from escaperoom.ui.scenes.game import Game

def answer_text(game: Game, puzzle: Puzzle, answer: dict[str, Any]) -> str:
    """The model answer in words, one line per item, for the facilitator to read out: recipients by their role
    name and legal bases by citation and short name from the law book, in the game's language."""
    from escaperoom.rules.lawbook import load_lawbook
    lang = game.ctx.lang
    sc = game.session.scenario
    t = game.ctx.t
    book = load_lawbook()

    def recipient(role_id: str) -> str:
        if role_id == NIET_DELEN:
            return t("spel.facilitator.not_share")
        role = book.roles.get(role_id)
        return role.naam.get(lang) if role is not None else role_id

    def basis(provision_id: str) -> str:
        if provision_id == GEEN_GRONDSLAG:
            return t("spel.facilitator.no_basis")
        try:
            return book.label(provision_id, lang)
        except KeyError:
            return provision_id

    if isinstance(puzzle, SortPuzzle):
        return "\n".join(f"{sc.gegevens[card].label.get(lang)} — {recipient(to)}"
                         for card, to in answer["plaatsing"].items())
    if isinstance(puzzle, BasisPuzzle):
        lines = []
        for index, choice in answer["keuzes"].items():
            d = puzzle.beslissingen[int(index)]
            lines.append(f"{sc.gegevens[d.gegeven].label.get(lang)} — {recipient(d.ontvanger)}: {basis(choice)}")
        return "\n".join(lines)
    if isinstance(puzzle, RedactPuzzle):
        if not answer["zwart"]:
            return t("spel.facilitator.blacken_none")
        return t("spel.facilitator.blacken") + "\n" + "\n".join(
            f"• {puzzle.fragmenten[i].tekst.get(lang)}" for i in answer["zwart"])
    if isinstance(puzzle, OrderPuzzle):
        return "\n".join(f"{n + 1}. {puzzle.stappen[i].get(lang)}" for n, i in enumerate(answer["volgorde"]))
    if isinstance(puzzle, DilemmaPuzzle):
        option = puzzle.opties[int(answer["keuze"])]
        return f"{option.tekst.get(lang)}\n{option.uitleg.get(lang)}"
    if isinstance(puzzle, LockPuzzle):
        return str(answer["code"])
    return str(answer)


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
