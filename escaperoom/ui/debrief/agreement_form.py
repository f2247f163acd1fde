"""The form for one agreement on the big screen: "Wat doen we voortaan anders?" (the full width), "Wie bellen we?",
and two ``Chooser`` buttons for the puzzle and one of the articles its verdicts rest on; ``AgreementForm`` makes the
widgets, fills them from a draft, and reads them back as an :class:`~escaperoom.debrief.agreements.Agreement`.
Used by the agreements screen."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from escaperoom.debrief.agreements import MAX_TEXT, MAX_WHO, Agreement, article_choices
from escaperoom.ui import theme
from escaperoom.ui.context import UiContext
from escaperoom.ui.debrief.base import BODY, SMALL, TOP, WIDTH, M, debrief_text
from escaperoom.ui.debrief.data import DebriefData
from escaperoom.ui.draw import draw_text
from escaperoom.ui.widgets import Button, TextField

LABEL_H = 58  # a field's label, with room under it for the field's focus ring
FIELD_H = 96
CHOOSER_H = 110  # a chooser's choice may take two lines ("Besluit gemeentelijke schuldhulpverlening art. 2")
ROW2_Y = TOP + LABEL_H + FIELD_H + theme.SPACE_S + LABEL_H
PREVIEW_Y = ROW2_Y + CHOOSER_H + theme.SPACE_M  # where the agreement is shown as it will be kept


class Chooser(Button):
    """A button that shows its current choice and steps through ``options`` (a click or Enter: the next one;
    Left/Right while focused: back and forth)."""

    def __init__(self, rect: pygame.Rect, ctx: UiContext, options: list[tuple[str, str]],
                 on_change: Callable[[], None]):
        self.options, self.at, self._changed = options, 0, on_change
        super().__init__(rect, ctx.text, options[0][1], self.step, style="secondary", size=SMALL)

    @property
    def value(self) -> str:
        return self.options[self.at][0]

    def choose(self, value: str) -> None:
        self.at = next((i for i, (v, _) in enumerate(self.options) if v == value), 0)
        self.set_label(self.options[self.at][1])

    def step(self, by: int = 1) -> None:
        self.at = (self.at + by) % len(self.options)
        self.set_label(self.options[self.at][1])
        self._changed()

    def handle_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            self.step(1 if event.key == pygame.K_RIGHT else -1)
            return True
        return super().handle_key(event)


class AgreementForm:
    """The form's widgets (text, who, puzzle, article) for the debrief of ``data``; ``on_change`` is called at every
    change, ``on_submit`` when Enter is pressed in a text field."""

    def __init__(self, ctx: UiContext, data: DebriefData, on_change: Callable[[], None],
                 on_submit: Callable[[], None]):
        self.ctx, self.data, self.on_change = ctx, data, on_change
        d = data.debrief
        self.casus = d.casus if d is not None else ""
        s = self.s
        self.text = TextField((M, TOP + LABEL_H, WIDTH, FIELD_H), ctx.text, max_length=MAX_TEXT,
                              placeholder=s("agree_text_hint"), on_submit=lambda _: on_submit(),
                              on_change=lambda _: on_change(), size=BODY)
        third = (WIDTH - 2 * theme.SPACE_M) // 3
        self.who = TextField((M, ROW2_Y, third, FIELD_H), ctx.text, max_length=MAX_WHO,
                             placeholder=s("agree_who_hint"), on_submit=lambda _: on_submit(),
                             on_change=lambda _: on_change(), size=BODY)
        puzzles = [(p.id, p.title) for p in data.puzzles()]
        self.puzzle = Chooser(pygame.Rect(M + third + theme.SPACE_M, ROW2_Y, third, CHOOSER_H), ctx,
                              [("", s("agree_no_puzzle")), *puzzles], self._puzzle_changed)
        self.article = Chooser(pygame.Rect(M + 2 * (third + theme.SPACE_M), ROW2_Y, third, CHOOSER_H), ctx,
                               [("", s("agree_no_article"))], on_change)
        self.widgets = (self.text, self.who, self.puzzle, self.article)

    def s(self, key: str, **values: object) -> str:
        return debrief_text(self.ctx, self.data.lang, key, **values)

    def cite(self, provision_id: str) -> str:
        """A provision as cited in the debrief's language, worded as on the day whose law judged the casus."""
        d, book = self.data.debrief, self.ctx.book
        if provision_id not in book.provisions:
            return provision_id
        day = d.loaded.peildatum if d is not None and d.loaded is not None else None
        return book.cite(provision_id, self.data.lang, day)

    def _puzzle_changed(self) -> None:
        d = self.data.debrief
        pid = self.puzzle.value
        articles = article_choices(d.loaded if d is not None else None, pid) if pid else []
        self.article.options = [("", self.s("agree_no_article"))] + [(a, self.cite(a)) for a in articles]
        self.article.choose("")
        self.on_change()

    def show(self, on: bool) -> None:
        for widget in self.widgets:
            widget.visible = on

    def fill(self, agreement: Agreement | None = None, puzzle_id: str | None = None) -> None:
        """The fields from ``agreement`` (a draft), or empty with ``puzzle_id`` chosen."""
        a = agreement or Agreement("", puzzle=puzzle_id or "")
        self.text.set_value(a.text)
        self.who.set_value(a.who)
        self.puzzle.choose(a.puzzle)
        self._puzzle_changed()
        self.article.choose(a.article)

    def value(self) -> Agreement:
        return Agreement(self.text.value, self.who.value, self.puzzle.value, self.article.value, self.casus)

    def draw_labels(self, surface: pygame.Surface) -> None:
        labels = (("agree_text_label", self.text), ("agree_who_label", self.who),
                  ("agree_puzzle_label", self.puzzle), ("agree_article_label", self.article))
        for key, widget in labels:
            rect = widget.rect.move(0, -LABEL_H)
            draw_text(self.ctx, surface, self.s(key), pygame.Rect(rect.x, rect.y, rect.width, LABEL_H - 14),
                      role="bold", size=SMALL, colour=theme.TEXT_MUTED)
