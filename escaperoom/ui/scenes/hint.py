"""Hint overlay: the hint ladder of one puzzle (principe → artikel → voorbeeld) as three steps, the text of the
hints taken so far (newest on top) and a button for the next hint that says what it costs in playing time
(``session.take_hint``). The facilitator's free hint (F5) opens it with the free hint already shown.
Controls: tap or Tab/arrows + Enter; Esc closes. Leads back to the scene below (a puzzle or the room)."""

from __future__ import annotations

import pygame

from escaperoom.content.models import Hint
from escaperoom.play.session import Phase
from escaperoom.ui import theme
from escaperoom.ui.draw import draw_text, panel
from escaperoom.ui.icons import draw_icon
from escaperoom.ui.scenes.base import GameModal, duration_text
from escaperoom.ui.scenes.game import Game
from escaperoom.ui.theme import Icon

LEVELS = ("principe", "artikel", "voorbeeld")


class HintScene(GameModal[None]):
    def __init__(self, game: Game, puzzle_id: str, *, free: bool = False):
        super().__init__(game, (1500, 900))
        self.session = game.session
        self.puzzle_id = puzzle_id
        self.free = free
        self.take, self.close = self.button_row([(self._next_label(), self.take_next),
                                                 (self.t("common.close"), lambda: self.dismiss(None))])
        self._refresh()

    def enter(self) -> None:
        self.group.focus(self.take if self.take.enabled else self.close, visible=True)

    def _next_label(self) -> str:
        nxt = self.session.next_hint(self.puzzle_id)
        if nxt is None:
            return self.t("spel.hint.none_left")
        if nxt.kosten_seconden == 0:
            return self.t("spel.hint.next_free")
        return self.t("spel.hint.next", tijd=duration_text(self.ctx, nxt.kosten_seconden))

    def _refresh(self) -> None:
        self.take.set_label(self._next_label())
        self.take.enabled = (self.session.next_hint(self.puzzle_id) is not None
                             and self.session.phase is Phase.PLAYING)
        if not self.take.enabled and self.group.focused is self.take:
            self.group.focus(self.close, visible=True)

    def take_next(self) -> None:
        if self.session.phase is Phase.PLAYING:
            self.session.take_hint(self.puzzle_id)
            self.free = False
        self._refresh()

    def taken(self) -> list[Hint]:
        return self.session.hints_taken(self.puzzle_id)

    def state_key(self):
        return (len(self.taken()), self.free, self.session.phase)

    def labels(self):
        inner = self.inner()
        puzzle = self.session.scenario.puzzle(self.puzzle_id)
        word_w = self.ctx.fonts.text_width(self.t("spel.hint.title"), "bold", theme.TEXT_TITLE) + theme.SPACE_M
        out = [(self.t("spel.hint.title"), pygame.Rect(inner.x, inner.y, word_w, 90), "bold", theme.TEXT_TITLE),
               (puzzle.titel.get(self.ctx.lang), pygame.Rect(inner.x + word_w + theme.SPACE_S, inner.y,
                                                             inner.width - word_w - theme.SPACE_S, 90),
                "bold", theme.TEXT_LARGE)]
        step_w = (inner.width - 2 * 60) // 3
        for i, level in enumerate(LEVELS):
            out.append((self.t(f"spel.hint.{level}"),
                        pygame.Rect(inner.x + i * (step_w + 60) + 70, inner.y + 120, step_w - 80, 80), "bold",
                        theme.TEXT_BODY))
        # the body: every hint of the ladder must fit, also under the "free hint" line
        out.append((self.t("spel.hint.none_yet"), self.body_box(False), "regular", theme.TEXT_BODY))
        free = self.body_box(True)
        out.append((self.t("spel.hint.free"), pygame.Rect(free.x, free.y - 64, free.width, 56), "bold",
                    theme.TEXT_SMALL))
        out += [(hint.tekst.get(self.ctx.lang), free, "regular", theme.TEXT_BODY) for hint in puzzle.hints]
        return out

    def body_box(self, free: bool) -> pygame.Rect:
        """Where the latest hint's text goes (lower by a line when the facilitator's "free hint" line is shown)."""
        inner = self.inner()
        body = pygame.Rect(inner.x, inner.y + 230, inner.width, self.take.rect.top - inner.y - 230 - theme.SPACE_L)
        return pygame.Rect(body.x, body.y + 64, body.width, body.height - 64) if free else body

    def draw_content(self, surface: pygame.Surface) -> None:
        labels = self.labels()
        text, box, role, size = labels[0]
        draw_text(self.ctx, surface, text, box, role=role, size=size, colour=theme.ACCENT, valign="middle")
        text, box, role, size = labels[1]  # the puzzle it is for, as a subtitle next to the word "Hint"
        draw_text(self.ctx, surface, text, box, role=role, size=size, colour=theme.TEXT_MUTED, valign="middle")
        taken = self.taken()
        levels_taken = {h.niveau for h in taken}
        for i, level in enumerate(LEVELS):
            word, wbox, role, size = labels[2 + i]
            step = pygame.Rect(wbox.x - 70, wbox.y, wbox.width + 80, wbox.height)
            done = level in levels_taken
            panel(surface, step, theme.SURFACE_RAISED if done else theme.BG, theme.ACCENT if done else theme.BORDER)
            icon_box = pygame.Rect(step.x + 12, step.y + 12, 52, 56)
            if done:
                draw_icon(surface, Icon.CHECK, icon_box, theme.ACCENT, theme.SURFACE_RAISED)
            else:
                pygame.draw.circle(surface, theme.TEXT_MUTED, icon_box.center, 22, 5)
            draw_text(self.ctx, surface, word, wbox, role=role, size=size,
                      colour=theme.TEXT if done else theme.TEXT_MUTED, valign="middle")
            if i < 2:
                ax = step.right + 12
                pygame.draw.polygon(surface, theme.TEXT_MUTED, [(ax, step.centery - 16), (ax + 32, step.centery),
                                                                (ax, step.centery + 16)])
        body = self.body_box(False)
        if self.free and taken:
            draw_text(self.ctx, surface, self.t("spel.hint.free"), pygame.Rect(body.x, body.y, body.width, 56),
                      role="bold", size=theme.TEXT_SMALL, colour=theme.GREEN)
            body = self.body_box(True)
        if not taken:
            draw_text(self.ctx, surface, self.t("spel.hint.none_yet"), body, colour=theme.TEXT_MUTED)
            return
        latest = taken[-1]
        draw_text(self.ctx, surface, latest.tekst.get(self.ctx.lang), body, size=theme.TEXT_BODY)
