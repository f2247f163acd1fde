"""Debrief screen: the group's agreements (werkafspraken), typed on the big screen at the end of the debrief.

Shows the agreements made so far (numbered: what we will do differently, whom we call, the puzzle and article it
rests on) and a form to add one: "Wat doen we voortaan anders?", "Wie bellen we?", and two choosers for the
puzzle and one of its articles. Every agreement is written at once, and what is being typed about a second after
the last key, to ``afspraken.toml`` in the debrief's folder (``escaperoom.debrief.agreements``); text that looks
like personal data is refused with a calm notice. Controls (shown on screen): type in a field, Tab to the next
field, Enter keeps the agreement, Left/Right change a chooser, Up/Down choose an agreement in the list (outside a
field), Delete or "Verwijder afspraak" removes it, PgUp/PgDn page the list, F9 the facilitator's panel, Esc back.
Leads back to where it was opened (the overview or the last puzzle)."""

from __future__ import annotations

import pygame

from escaperoom.debrief.agreements import MAX_TEXT, MAX_WHO, Agreement, PersonalData, article_choices
from escaperoom.errors import SaveError
from escaperoom.play.pii import LABEL_IDS
from escaperoom.ui import theme
from escaperoom.ui.context import UiContext
from escaperoom.ui.debrief.base import BODY, SMALL, TOP, WIDTH, DebriefScene, M, Navigator, page_hint
from escaperoom.ui.debrief.blocks import Block, paginate
from escaperoom.ui.debrief.data import DebriefData
from escaperoom.ui.debrief.keys import DOWN, LEFT, RIGHT, UP, KeyHint
from escaperoom.ui.draw import draw_text, panel
from escaperoom.ui.widgets import Button, TextField

_LIST = pygame.Rect(M, TOP, WIDTH, 330)
_FORM_Y = _LIST.bottom + theme.SPACE_S
_LABEL_H = 58  # a field's label, with room under it for the field's focus ring
_FIELD_H = 96
_ROW2_Y = _FORM_Y + _LABEL_H + _FIELD_H + theme.SPACE_S
_DRAFT_AFTER = 1.0  # seconds after the last key before the text being typed is kept


class Chooser(Button):
    """A button that shows its current choice and steps through ``options`` (a click or Enter: the next one;
    Left/Right while focused: back and forth)."""

    def __init__(self, rect: pygame.Rect, ctx: UiContext, options: list[tuple[str, str]], on_change: object):
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
        if callable(self._changed):
            self._changed()

    def handle_key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            self.step(1 if event.key == pygame.K_RIGHT else -1)
            return True
        return super().handle_key(event)


class AgreementsScene(DebriefScene):
    """The group's agreements: the list so far and a form for a new one (see the module's docstring). Controls:
    type, Tab to the next field, Enter keeps the agreement, Left/Right change a chooser, Up/Down choose an
    agreement (outside a field), Delete removes it, PgUp/PgDn page the list, F9 the facilitator's panel, Esc
    back."""

    def __init__(self, ctx: UiContext, data: DebriefData, flow: Navigator, puzzle_id: str | None = None):
        super().__init__(ctx, data, flow)
        d = data.debrief
        self.casus = d.casus if d is not None else ""
        self.chosen = 0
        self.list_page = 0
        self.message = ""
        self.idle = 0.0  # seconds since the last change to the form
        self.dirty = False
        self.bar([(self.s("agree_save"), self.keep), (self.s("agree_delete"), self.remove),
                  (self.s("back"), self.back)])
        self.text_field = TextField((M, _FORM_Y + _LABEL_H, WIDTH, _FIELD_H), ctx.text, max_length=MAX_TEXT,
                                    placeholder=self.s("agree_text_hint"), on_submit=lambda _: self.keep(),
                                    on_change=lambda _: self.touch(), size=BODY)
        third = (WIDTH - 2 * theme.SPACE_M) // 3
        self.who_field = TextField((M, _ROW2_Y + _LABEL_H, third, _FIELD_H), ctx.text, max_length=MAX_WHO,
                                   placeholder=self.s("agree_who_hint"), on_submit=lambda _: self.keep(),
                                   on_change=lambda _: self.touch(), size=BODY)
        puzzles = [(p.id, p.title) for p in data.puzzles()]
        self.puzzle_chooser = Chooser(pygame.Rect(M + third + theme.SPACE_M, _ROW2_Y + _LABEL_H, third, _FIELD_H),
                                      ctx, [("", self.s("agree_no_puzzle")), *puzzles], self._puzzle_changed)
        self.article_chooser = Chooser(pygame.Rect(M + 2 * (third + theme.SPACE_M), _ROW2_Y + _LABEL_H, third,
                                                   _FIELD_H), ctx, [("", self.s("agree_no_article"))], self.touch)
        for widget in (self.text_field, self.who_field, self.puzzle_chooser, self.article_chooser):
            self.group.add(widget)
        self.keys = {pygame.K_UP: lambda: self.choose(-1), pygame.K_DOWN: lambda: self.choose(1),
                     pygame.K_DELETE: self.remove}
        self._restore(puzzle_id)
        self._layout()

    # --- the form ------------------------------------------------------------------------------------------

    def _cite(self, provision_id: str) -> str:
        d, book = self.data.debrief, self.ctx.book
        if provision_id not in book.provisions:
            return provision_id
        day = d.loaded.peildatum if d is not None and d.loaded is not None else None
        return book.cite(provision_id, self.data.lang, day)

    def _puzzle_changed(self) -> None:
        d = self.data.debrief
        pid = self.puzzle_chooser.value
        articles = article_choices(d.loaded if d is not None else None, pid) if pid else []
        self.article_chooser.options = [("", self.s("agree_no_article"))] + [(a, self._cite(a)) for a in articles]
        self.article_chooser.choose("")
        self.touch()

    def _restore(self, puzzle_id: str | None) -> None:
        """Back in the form: what was being typed when the debrief was closed (or killed), else the puzzle this
        screen was opened from."""
        draft = self.data.agreements.draft
        if draft is not None and draft.casus in ("", self.casus):
            self.text_field.set_value(draft.text)
            self.who_field.set_value(draft.who)
            self.puzzle_chooser.choose(draft.puzzle)
            self._puzzle_changed()
            self.article_chooser.choose(draft.article)
        elif puzzle_id:
            self.puzzle_chooser.choose(puzzle_id)
            self._puzzle_changed()
        self.dirty = False

    def form(self) -> Agreement:
        return Agreement(self.text_field.value, self.who_field.value, self.puzzle_chooser.value,
                         self.article_chooser.value, self.casus)

    def touch(self) -> None:
        self.dirty, self.idle, self.message = True, 0.0, ""

    def _clear(self) -> None:
        self.text_field.set_value("")
        self.who_field.set_value("")
        self.puzzle_chooser.choose("")
        self._puzzle_changed()
        self.dirty = False

    def _pii_text(self, error: PersonalData) -> str:
        kinds = list(dict.fromkeys(f.kind for f in error.findings))
        names = [self.ctx.strings.t(LABEL_IDS[k], self.data.lang) for k in kinds]
        joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + self.s("agree_and") + names[-1]
        return self.s("agree_pii", wat=joined)

    def keep(self) -> None:
        """Keep the agreement in the form (written at once), or say why not."""
        book = self.data.agreements
        try:
            kept = book.add(self.form())
        except PersonalData as err:
            self.message = self._pii_text(err)
            return
        except ValueError:
            self.message = self.s("agree_empty")
            self.group.focus(self.text_field)
            return
        except SaveError as err:
            self.message = self.s("agree_save_error", x=err.message)
            return
        mine = book.of_casus(self.casus)
        self.chosen = mine.index(kept) if kept in mine else 0
        self._clear()
        self.message = self.s("agree_saved", n=self.chosen + 1)
        self.group.focus(self.text_field)
        self._layout()

    def remove(self) -> None:
        mine = self.data.agreements.of_casus(self.casus)
        if mine and not self.typing():
            try:
                self.data.agreements.remove(mine[min(self.chosen, len(mine) - 1)])
            except SaveError as err:
                self.message = self.s("agree_save_error", x=err.message)
            self.chosen = max(0, self.chosen - 1)
            self._layout()

    def choose(self, step: int) -> None:
        mine = self.data.agreements.of_casus(self.casus)
        if mine:
            self.chosen = max(0, min(len(mine) - 1, self.chosen + step))
            self.list_page = self._page_of(self.chosen)
            self._layout()

    def _keep_draft(self) -> None:
        if self.dirty:
            self.dirty = False
            try:
                self.data.agreements.keep_draft(self.form())
            except SaveError as err:
                self.message = self.s("agree_save_error", x=err.message)

    # --- lifecycle and events ------------------------------------------------------------------------------

    def enter(self) -> None:
        self.group.focus(self.text_field, visible=True)

    def exit(self) -> None:
        self._keep_draft()

    def typing(self) -> bool:
        return isinstance(self.group.focused, TextField)

    def update(self, dt: float) -> None:
        super().update(dt)
        if self.dirty:
            self.idle += dt
            if self.idle >= _DRAFT_AFTER:
                self._keep_draft()

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN) \
                and self.facilitator is None:
            step = 1 if event.key == pygame.K_PAGEDOWN else -1
            self.list_page = max(0, min(len(self.pages) - 1, self.list_page + step))
            self._layout()
            return True
        return super().handle_event(event)

    def tap(self, pos: tuple[int, int]) -> bool:
        for index, rect in self.item_rects:
            if rect.collidepoint(pos):
                self.chosen = index
                self.group.focus(None)
                self._layout()
                return True
        return False

    # --- layout and drawing --------------------------------------------------------------------------------

    def _puzzle_title(self, puzzle_id: str) -> str:
        d = self.data.debrief
        return d.puzzle_title(puzzle_id) if d is not None else puzzle_id

    def _blocks(self) -> list[Block]:
        blocks: list[Block] = []
        for i, a in enumerate(self.data.agreements.of_casus(self.casus)):
            blocks.append(Block("agreement", f"{i + 1}. {a.text}", "bold", BODY, gap=theme.SPACE_S, payload=i,
                                keep=bool(a.who or a.puzzle)))
            extra = [self.s("agree_call", x=a.who)] if a.who else []
            if a.puzzle:
                at = self._puzzle_title(a.puzzle) + (f" · {self._cite(a.article)}" if a.article else "")
                extra.append(self.s("agree_at", x=at))
            elif a.article:
                extra.append(self.s("agree_at", x=self._cite(a.article)))
            if extra:
                blocks.append(Block("agreement_more", " · ".join(extra), colour=theme.TEXT_MUTED, indent=52,
                                    payload=i, stick=True))
        return blocks

    def _page_of(self, index: int) -> int:
        return next((p for p, page in enumerate(self.pages) if any(b.payload == index for b in page)), 0)

    def _layout(self) -> None:
        d = self.data.debrief
        self.title = f"{self.s('agreements')}: {d.title}" if d is not None else self.s("agreements")
        book = self.data.agreements
        self.subtitle = (self.s("agree_unreadable", x=book.problem) if book.problem
                         else self.s("agree_help") if book.path is not None else self.s("agree_memory"))
        area = _LIST.inflate(-48, -(24 + 64)).move(0, 32)
        blocks = self._blocks()
        self.pages = paginate(self.ctx, blocks, area) if blocks else [[]]
        self.list_page = max(0, min(self.list_page, len(self.pages) - 1))
        self.item_rects: list[tuple[int, pygame.Rect]] = []
        for block in self.pages[self.list_page]:
            self.item_rects.append((block.payload, block.rect.inflate(16, 8)))
        self.buttons[1].enabled = bool(book.of_casus(self.casus))

    def shown_hints(self) -> list[KeyHint]:
        if self.facilitator is not None:
            return super().shown_hints()
        hints = [KeyHint(("Tab",), self.s("key_next_field")), KeyHint(("Enter",), self.s("key_keep"))]
        if isinstance(self.group.focused, Chooser):
            hints.insert(0, KeyHint((LEFT, RIGHT), self.s("key_choose")))
        elif not self.typing() and self.data.agreements.of_casus(self.casus):
            hints.insert(0, KeyHint((UP, DOWN), self.s("key_agreement")))
        if len(self.pages) > 1:
            hints.insert(0, page_hint(self.ctx, self.data.lang, self.list_page, len(self.pages)))
        return hints

    def draw_body(self, surface: pygame.Surface) -> None:
        panel(surface, _LIST)
        head = pygame.Rect(_LIST.x + 24, _LIST.y + 12, _LIST.width - 48, 52)
        draw_text(self.ctx, surface, self.s("agree_list_head"), head, role="bold", size=BODY, colour=theme.ACCENT,
                  valign="middle")
        if self.message:
            draw_text(self.ctx, surface, self.message, pygame.Rect(head.x + 560, head.y, head.width - 560, 52),
                      size=SMALL, colour=theme.AMBER, valign="middle", align="right")
        mine = self.data.agreements.of_casus(self.casus)
        if not mine:
            draw_text(self.ctx, surface, self.s("agree_none"), pygame.Rect(head.x, head.bottom + 16, head.width, 100),
                      size=SMALL, colour=theme.TEXT_MUTED)
        for index, rect in self.item_rects:
            if index == self.chosen and not self.typing():
                pygame.draw.rect(surface, theme.FOCUS, rect, 4, border_radius=10)
        for block in self.pages[self.list_page]:
            draw_text(self.ctx, surface, block.text, block.rect, role=block.role, size=block.size,
                      colour=block.colour)
        labels = ((self.s("agree_text_label"), pygame.Rect(M, _FORM_Y, WIDTH, _LABEL_H)),
                  (self.s("agree_who_label"), self.who_field.rect.move(0, -_LABEL_H)),
                  (self.s("agree_puzzle_label"), self.puzzle_chooser.rect.move(0, -_LABEL_H)),
                  (self.s("agree_article_label"), self.article_chooser.rect.move(0, -_LABEL_H)))
        for text, rect in labels:
            draw_text(self.ctx, surface, text, pygame.Rect(rect.x, rect.y, rect.width, _LABEL_H - 14), role="bold",
                      size=SMALL, colour=theme.TEXT_MUTED, valign="top")
