"""Grondslag: for each sharing decision of a BasisPuzzle, pick the legal basis that carries it (or "Geen
grondslag: niet delen").

Shows a column of numbered decision buttons (a check mark on the decided ones), the current decision compactly
(the data item, to whom, the purpose, consent and acute danger) and its options as a list (each option is the
article citation from the law book). Choosing an option moves on to the next undecided decision.
Controls: tap a decision number and an option; or Tab to the numbers / the list, Up/Down and Enter (PageUp/
PageDown also change decision). "Controleer" submits ``{"keuzes": {"0": provision_id | "geen", ...}}``; leads to
the feedback, or back to the room with "Terug naar de kamer" / Esc.
"""

from __future__ import annotations

from functools import partial

import pygame

from escaperoom.content.models import GEEN_GRONDSLAG, BasisPuzzle
from escaperoom.kinds import BasisAnswer
from escaperoom.ui import theme
from escaperoom.ui.draw import draw_text, panel
from escaperoom.ui.icons import draw_icon
from escaperoom.ui.puzzles._base import CONTENT, PuzzleScene
from escaperoom.ui.theme import Icon
from escaperoom.ui.widgets import Button, ChoiceList

_TAB = theme.TOUCH_MIN
_GAP = theme.SPACE_M
FACTS = pygame.Rect(CONTENT.x + _TAB + _GAP, CONTENT.y, CONTENT.width - _TAB - _GAP, 400)
OPTIONS = pygame.Rect(FACTS.x, FACTS.bottom + _GAP, FACTS.width, CONTENT.bottom - FACTS.bottom - _GAP)
_PAD = theme.SPACE_M


class BasisScene(PuzzleScene):
    puzzle: BasisPuzzle

    def build(self) -> None:
        decisions = self.puzzle.beslissingen
        self.chosen: list[int | None] = [None] * len(decisions)
        self.current = 0
        spread = (CONTENT.height - _TAB) // max(1, len(decisions) - 1) if len(decisions) > 1 else 0
        step = min(_TAB + theme.SPACE_S, spread)
        self.tabs: list[Button] = []
        for d in range(len(decisions)):
            button = Button((CONTENT.x, CONTENT.y + d * step, _TAB, _TAB), self.ctx.text, str(d + 1),
                            partial(self.show, d), style="secondary", size=theme.TEXT_LARGE)
            self.tabs.append(button)
            self.focus.add(button)
        self.option_labels = [[self.t("puzzel.geen_grondslag") if o == GEEN_GRONDSLAG else self.basis_label(o)
                               for o in spec.opties] for spec in decisions]
        self.options = ChoiceList(OPTIONS, self.ctx.text, self.option_labels[0], self.choose)
        self.focus.add(self.options)
        self.facts = [self._facts(d) for d in range(len(decisions))]
        self.show(0)

    def _facts(self, d: int) -> tuple[str, str, str]:
        """(heading, item label, details) of decision ``d``."""
        spec = self.puzzle.beslissingen[d]
        heading = self.t("puzzel.basis.decision", n=d + 1, totaal=len(self.puzzle.beslissingen))
        label = self.text(self.session.scenario.gegevens[spec.gegeven].label)
        details = "\n".join([
            self.t("puzzel.basis.to", ontvanger=self.role_name(spec.ontvanger)),
            self.t("puzzel.basis.purpose", doel=self.text(spec.doel)),
            self.t("puzzel.basis.consent", toestemming=self.t(f"puzzel.consent.{spec.toestemming.value}"))
            + "  ·  " + self.t("puzzel.basis.danger_yes" if spec.acuut_gevaar else "puzzel.basis.danger_no"),
        ])
        return heading, label, details

    # --- state changes ---------------------------------------------------------------------------------------

    def show(self, d: int) -> None:
        self.current = d
        self.options.set_options(self.option_labels[d])
        chosen = self.chosen[d]
        self.options.selected = chosen
        self.options.highlight = chosen if chosen is not None else 0
        for i, tab in enumerate(self.tabs):
            tab.style = "primary" if i == d else "secondary"

    def choose(self, index: int) -> None:
        self.chosen[self.current] = index
        n = len(self.chosen)
        following = [(self.current + k) % n for k in range(1, n)]
        nxt = next((d for d in following if self.chosen[d] is None), self.current)
        self.show(nxt)

    def handle_puzzle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            step = 1 if event.key == pygame.K_PAGEDOWN else -1
            self.show((self.current + step) % len(self.tabs))
            return True
        return False

    def answer(self) -> BasisAnswer | None:
        if any(c is None for c in self.chosen):
            self.message = self.t("puzzel.basis.not_all")
            return None
        return {"keuzes": {str(d): self.puzzle.beslissingen[d].opties[c] for d, c in enumerate(self.chosen)
                           if c is not None}}

    # --- drawing -----------------------------------------------------------------------------------------------

    def _boxes(self, label: str) -> tuple[pygame.Rect, pygame.Rect, pygame.Rect]:
        """(heading, item label, details) boxes in the facts panel; the label box is as tall as the label."""
        inner = FACTS.inflate(-2 * _PAD, -2 * _PAD)
        head = pygame.Rect(inner.x, inner.y, inner.width, 48)
        size = self.ctx.text.fit_size(label, "bold", inner.width, 110, theme.TEXT_BODY)
        height = min(110, self.ctx.text.layout(label, "bold", size, inner.width).height)
        item = pygame.Rect(inner.x, head.bottom + theme.SPACE_XS, inner.width, height)
        rest = pygame.Rect(inner.x, item.bottom + theme.SPACE_S, inner.width,
                           inner.bottom - item.bottom - theme.SPACE_S)
        return head, item, rest

    def content_parts(self) -> list[tuple[object, pygame.Rect]]:
        """The facts of the current decision, and the check mark of each decided one."""
        marks = [((d, chosen is not None), self._mark(tab).inflate(8, 8))
                 for d, (tab, chosen) in enumerate(zip(self.tabs, self.chosen, strict=True))]
        return [(("facts", self.current), FACTS.inflate(8, 8)), *marks]

    @staticmethod
    def _mark(tab: Button) -> pygame.Rect:
        mark = pygame.Rect(0, 0, 56, 56)
        mark.center = (tab.rect.right - 6, tab.rect.top + 6)
        return mark

    def draw_content(self, surface: pygame.Surface) -> None:
        heading, label, details = self.facts[self.current]
        panel(surface, FACTS)
        head, item, rest = self._boxes(label)
        draw_text(self.ctx, surface, heading, head, size=theme.TEXT_SMALL, colour=theme.ACCENT, valign="middle")
        draw_text(self.ctx, surface, label, item, role="bold", size=theme.TEXT_BODY)
        draw_text(self.ctx, surface, details, rest, size=theme.TEXT_BODY, colour=theme.TEXT_MUTED)

    def texts_and_boxes(self) -> list[tuple[str, pygame.Rect, str]]:
        """Every content text with its box and role (for the overflow test)."""
        out = []
        for _heading, label, details in self.facts:
            _head, item, rest = self._boxes(label)
            out += [(label, item.inflate(0, 110 - item.height), "bold"), (details, rest, "regular")]
        return out

    def draw_overlay(self, surface: pygame.Surface) -> None:
        for tab, chosen in zip(self.tabs, self.chosen, strict=True):
            if chosen is not None:  # a check mark on decided decisions (shape, not colour alone)
                mark = pygame.Rect(0, 0, 52, 52)
                mark.center = (tab.rect.right - 6, tab.rect.top + 6)
                pygame.draw.circle(surface, theme.GREEN, mark.center, 28)
                draw_icon(surface, Icon.CHECK, mark.inflate(-14, -14), theme.TEXT_ON_ACCENT, cutout=theme.GREEN)
