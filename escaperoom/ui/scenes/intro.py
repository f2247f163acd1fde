"""Story intro: the scenario's title and story, and a card for the resident (name, age, description) with what
the stability meter means. Controls: the one button (tap, Enter or Space). Leads to the room; the game clock
starts ticking there."""

from __future__ import annotations

import pygame

from escaperoom.ui import theme
from escaperoom.ui.draw import draw_text, panel
from escaperoom.ui.scenes.base import CANVAS, GameScene
from escaperoom.ui.scenes.game import Game

_STORY = pygame.Rect(100, 190, 1140, 820)
_CARD = pygame.Rect(1300, 190, 520, 640)


class IntroScene(GameScene):
    def __init__(self, game: Game):
        super().__init__(game)
        self.go = self.button((_CARD.x, CANVAS.bottom - 70 - theme.BUTTON_HEIGHT, _CARD.width, theme.BUTTON_HEIGHT),
                              self.t("spel.intro.go"), self.to_room)

    def enter(self) -> None:
        self.group.focus(self.go, visible=True)

    def to_room(self) -> None:
        self.game.flow.open_room(replace=True)

    def labels(self):
        sc = self.game.session.scenario.scenario
        lang = self.ctx.lang
        resident = sc.bewoner
        who = (self.t("spel.intro.resident", naam=resident.naam, leeftijd=resident.leeftijd)
               if resident.leeftijd is not None else resident.naam)
        inner = _CARD.inflate(-2 * theme.SPACE_L, -2 * theme.SPACE_L)
        return [
            (sc.titel.get(lang), pygame.Rect(100, 50, 1720, 110), "bold", theme.TEXT_TITLE),
            (sc.verhaal.get(lang).strip(), _STORY, "regular", theme.TEXT_BODY),
            (who, pygame.Rect(inner.x, inner.y, inner.width, 80), "bold", theme.TEXT_LARGE),
            (resident.beschrijving.get(lang), pygame.Rect(inner.x, inner.y + 100, inner.width, 230), "regular",
             theme.TEXT_BODY),
            (self.t("spel.intro.stability_hint", naam=resident.naam),
             pygame.Rect(inner.x, inner.y + 350, inner.width, inner.height - 350), "regular", theme.TEXT_SMALL),
        ]

    def draw_back(self, surface: pygame.Surface) -> None:
        panel(surface, _CARD)
        for i, (text, box, role, size) in enumerate(self.labels()):
            colour = theme.ACCENT if i in (0, 2) else (theme.TEXT_MUTED if i == 4 else theme.TEXT)
            draw_text(self.ctx, surface, text, box, role=role, size=size, colour=colour)
