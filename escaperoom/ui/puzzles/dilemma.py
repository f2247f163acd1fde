"""Dilemma: choose what to do in a DilemmaPuzzle, then give the reason (picked from ``redenen`` or typed).

Shows two steps on one screen. First the question with its options; choosing one moves on to the reason: the
choice (tap it to choose again), the listed reasons and a text field (a listed reason fills the field, so it can
be edited). The reason goes with the answer to ``session.submit`` and is kept for the debrief. When the session
finds personal data in the typed reason, a calm message names what it found; nothing is sent and the text stays
for editing. Controls: tap, or Tab/Up/Down/Enter, and typing in the field (Enter in the field submits).
"Controleer" submits ``{"keuze": option_index, "reden": text}``; leads to the feedback scene, or back to the room
with "Terug naar de kamer" / Esc.
"""

from __future__ import annotations

import pygame

from escaperoom.content.models import DilemmaPuzzle
from escaperoom.kinds import DilemmaAnswer
from escaperoom.play.session import PersonalDataInReason
from escaperoom.ui import theme
from escaperoom.ui.draw import draw_text, panel
from escaperoom.ui.icons import draw_icon
from escaperoom.ui.puzzles._base import CONTENT, PuzzleScene, personal_data_text
from escaperoom.ui.theme import Icon
from escaperoom.ui.widgets import Button, ChoiceList, TextField

QUESTION = pygame.Rect(CONTENT.x, CONTENT.y, CONTENT.width, 110)
OPTIONS = pygame.Rect(CONTENT.x, QUESTION.bottom + theme.SPACE_M, CONTENT.width,
                      CONTENT.bottom - QUESTION.bottom - theme.SPACE_M)
CHOSEN = pygame.Rect(CONTENT.x, CONTENT.y, CONTENT.width, 136)
REASON_HEAD = pygame.Rect(CONTENT.x, CHOSEN.bottom + theme.SPACE_M, CONTENT.width, 60)
REASONS = pygame.Rect(CONTENT.x, REASON_HEAD.bottom + theme.SPACE_S, CONTENT.width,
                      3 * theme.ROW_HEIGHT + 2 * theme.SPACE_M)
FIELD = pygame.Rect(CONTENT.x, REASONS.bottom + theme.SPACE_M, CONTENT.width, theme.TOUCH_MIN)
NOTICE = pygame.Rect(CONTENT.x, FIELD.bottom + theme.SPACE_M, CONTENT.width,
                     CONTENT.bottom - FIELD.bottom - theme.SPACE_M)
MAX_REASON = 160


class DilemmaScene(PuzzleScene):
    puzzle: DilemmaPuzzle

    def build(self) -> None:
        p = self.puzzle
        self.stage = 0  # 0: choose an option, 1: give the reason
        self.choice: int | None = None
        self.notice = ""  # the personal-data message, shown under the field
        self.question = self.text(p.vraag)
        self.option_texts = [self.text(o.tekst) for o in p.opties]
        self.reason_texts = [self.text(r) for r in p.redenen]
        self.options = self.focus.add(ChoiceList(OPTIONS, self.ctx.text, self.option_texts, self._chosen))
        self.chosen_button = self.focus.add(Button(CHOSEN, self.ctx.text, "", self._back_to_options, style="secondary",
                                                   size=theme.TEXT_BODY))
        self.reasons = self.focus.add(ChoiceList(REASONS, self.ctx.text, self.reason_texts, self._reason_picked))
        self.field = self.focus.add(TextField(FIELD, self.ctx.text, placeholder=self.t("puzzel.dilemma.reason_hint"),
                                              max_length=MAX_REASON, on_submit=lambda _: self.submit(),
                                              on_change=self._typed))
        self._show_stage(0)

    # --- state changes ---------------------------------------------------------------------------------------

    def _show_stage(self, stage: int) -> None:
        self.stage = stage
        self.options.visible = stage == 0
        for widget in (self.chosen_button, self.reasons, self.field):
            widget.visible = stage == 1

    def _chosen(self, index: int) -> None:
        self.choice = index
        self.chosen_button.set_label(self.t("puzzel.feedback.choice", keuze=self.option_texts[index]))
        self._show_stage(1)
        keyboard = self.options.focus_visible
        self.focus.focus(self.reasons if self.reason_texts else self.field, visible=keyboard)

    def _back_to_options(self) -> None:
        self._show_stage(0)
        self.focus.focus(self.options, visible=self.chosen_button.focus_visible)

    def _reason_picked(self, index: int) -> None:
        self.field.set_value(self.reason_texts[index])
        self.reasons.selected = index

    def _typed(self, value: str) -> None:
        self.notice = ""
        if self.reasons.selected is not None and value != self.reason_texts[self.reasons.selected]:
            self.reasons.selected = None

    def reason(self) -> str:
        return self.field.value.strip()

    def answer(self) -> DilemmaAnswer | None:
        if self.choice is None:
            self.message = self.t("puzzel.dilemma.choose_first")
            return None
        if self.puzzle.reden_verplicht and not self.reason():
            self.message = self.t("puzzel.dilemma.reason_needed")
            return None
        return {"keuze": self.choice, "reden": self.reason()}

    def on_personal_data(self, err: PersonalDataInReason) -> None:
        self.notice = self.personal_data_text(err)
        self.focus.focus(self.field, visible=True)

    # --- drawing -----------------------------------------------------------------------------------------------

    def state_key(self) -> tuple[int, str, int | None]:
        return self.stage, self.notice, self.choice

    def draw_content(self, surface: pygame.Surface) -> None:
        if self.stage == 0:
            draw_text(self.ctx, surface, self.question, QUESTION, role="bold", size=theme.TEXT_LARGE, valign="middle")
            return
        draw_text(self.ctx, surface, self.t("puzzel.dilemma.reason"), REASON_HEAD, role="bold", size=theme.TEXT_BODY,
                  valign="middle")
        if self.notice:
            panel(surface, NOTICE, theme.SURFACE, theme.AMBER)
            icon = pygame.Rect(NOTICE.x + theme.SPACE_M, NOTICE.y + theme.SPACE_M, 56, 56)
            draw_icon(surface, Icon.WARNING, icon, theme.AMBER, cutout=theme.SURFACE)
            box = pygame.Rect(icon.right + theme.SPACE_M, NOTICE.y + theme.SPACE_S,
                              NOTICE.right - icon.right - 2 * theme.SPACE_M, NOTICE.height - 2 * theme.SPACE_S)
            draw_text(self.ctx, surface, self.notice, box, size=theme.TEXT_BODY, colour=theme.TEXT, valign="middle")

    def texts_and_boxes(self) -> list[tuple[str, pygame.Rect, str]]:
        out = [(self.question, QUESTION, "bold"), (self.t("puzzel.dilemma.reason"), REASON_HEAD, "bold")]
        for widget, texts in ((self.options, self.option_texts), (self.reasons, self.reason_texts)):
            out += [(text, widget._label_box(row), "regular")
                    for text, row in zip(texts, widget.row_rects(), strict=False)]
        for text in self.option_texts:
            out.append((self.t("puzzel.feedback.choice", keuze=text), self.chosen_button._label_box(), "bold"))
        notice = personal_data_text(self.ctx, self.lang, "06-12345678 j@example.nl NL91ABNA0417164300", [])
        out.append((notice, NOTICE.inflate(-2 * theme.SPACE_M - 56 - theme.SPACE_M, -2 * theme.SPACE_S), "regular"))
        return out
