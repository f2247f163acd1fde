"""Debrief screen: the group's agreements (werkafspraken), typed on the big screen at the end of the debrief.

Two views. The list: every agreement made so far, large, numbered (what we will do differently, whom we call, the
puzzle and article it rests on). The form: "Wat doen we voortaan anders?", "Wie bellen we?", two choosers for the
puzzle and one of its articles, and the agreement as it will stand on the list. Every agreement is written at
once, and what is being typed about a second after the last key, to ``afspraken.toml`` in the debrief's folder
(``escaperoom.debrief.agreements``); text that looks like personal data is refused with a calm notice. Controls
(shown on screen) — list: N or "Nieuwe afspraak" opens the form, Up/Down choose an agreement, Delete removes it,
PgUp/PgDn page, Esc back; form: type, Tab to the next field, Left/Right change a chooser, Enter keeps the
agreement, Esc back to the list. F9 the facilitator's panel. Opens on the form when there is nothing on the list
yet (or a draft was left); leads back to where it was opened (the overview or the last puzzle)."""

from __future__ import annotations

import pygame

from escaperoom.debrief.agreements import Agreement, PersonalData
from escaperoom.errors import SaveError
from escaperoom.play.pii import LABEL_IDS
from escaperoom.ui import theme
from escaperoom.ui.context import UiContext
from escaperoom.ui.debrief.agreement_form import PREVIEW_Y, AgreementForm, Chooser
from escaperoom.ui.debrief.base import BODY, BOTTOM, SMALL, TOP, WIDTH, DebriefScene, M, Navigator, page_hint
from escaperoom.ui.debrief.blocks import Block, paginate
from escaperoom.ui.debrief.data import DebriefData
from escaperoom.ui.debrief.keys import DOWN, LEFT, RIGHT, UP, KeyHint
from escaperoom.ui.draw import draw_text, panel
from escaperoom.ui.widgets import TextField

_LIST = pygame.Rect(M, TOP, WIDTH, BOTTOM - TOP)
_DRAFT_AFTER = 1.0  # seconds after the last key before the text being typed is kept


class AgreementsScene(DebriefScene):
    """The group's agreements: the list, and the form for a new one (see the module's docstring)."""

    def __init__(self, ctx: UiContext, data: DebriefData, flow: Navigator, puzzle_id: str | None = None):
        super().__init__(ctx, data, flow)
        self.chosen = 0
        self.list_page = 0
        self.message = ""
        self.idle = 0.0  # seconds since the last change to the form
        self.dirty = False
        self.pages: list[list[Block]] = [[]]  # the list's pages
        self.item_rects: list[tuple[int, pygame.Rect]] = []  # where each agreement of this page is (taps)
        self.preview: list[Block] = []  # the form's agreement as it will stand on the list
        self.form = AgreementForm(ctx, data, self.touch, self.keep)
        self.casus = self.form.casus
        for widget in self.form.widgets:
            self.group.add(widget)
        self.keys = {pygame.K_UP: lambda: self.choose(-1), pygame.K_DOWN: lambda: self.choose(1),
                     pygame.K_DELETE: self.remove, pygame.K_n: lambda: self.edit(True)}
        draft = data.agreements.draft
        if draft is not None and draft.casus in ("", self.casus):  # what was being typed when the debrief stopped
            self.form.fill(draft)
        else:
            self.form.fill(None, puzzle_id)
        self.dirty = False
        self.editing = not self.mine() or draft is not None
        self._layout()

    def mine(self) -> list[Agreement]:
        return self.data.agreements.of_casus(self.casus)

    # --- the two views ---------------------------------------------------------------------------------------

    def edit(self, on: bool) -> None:
        """To the form (``on``) or to the list; the text being typed stays as a draft."""
        self._keep_draft()
        self.editing = on
        self._layout()
        if self.stack is not None:
            self.group.focus(self.form.text if on else self.buttons[0], visible=True)

    def back(self) -> None:
        if self.editing and self.mine():
            self.edit(False)
        else:
            super().back()

    # --- keeping and removing ----------------------------------------------------------------------------------

    def touch(self) -> None:
        self.dirty, self.idle, self.message = True, 0.0, ""
        if self.buttons:  # the form is filled before the screen is laid out
            self._layout_preview()

    def _pii_text(self, error: PersonalData) -> str:
        kinds = list(dict.fromkeys(f.kind for f in error.findings))
        names = [self.ctx.strings.t(LABEL_IDS[k], self.data.lang) for k in kinds]
        joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + self.s("agree_and") + names[-1]
        return self.s("agree_pii", wat=joined)

    def keep(self) -> None:
        """Keep the agreement in the form (written at once) and show the list, or say why not."""
        book = self.data.agreements
        try:
            kept = book.add(self.form.value())
        except PersonalData as err:
            self.message = self._pii_text(err)
        except ValueError:
            self.message = self.s("agree_empty")
            self.group.focus(self.form.text)
        except SaveError as err:
            self.message = self.s("agree_save_error", x=err.message)
        else:
            mine = self.mine()
            self.chosen = mine.index(kept) if kept in mine else 0
            self.form.fill(None)
            self.dirty = False
            self.message = self.s("agree_saved", n=self.chosen + 1)
            self.editing = False
        self._layout()
        if not self.editing and self.stack is not None:
            self.group.focus(self.buttons[0], visible=True)

    def remove(self) -> None:
        mine = self.mine()
        if mine and not self.editing:
            try:
                self.data.agreements.remove(mine[min(self.chosen, len(mine) - 1)])
            except SaveError as err:
                self.message = self.s("agree_save_error", x=err.message)
            self.chosen = max(0, self.chosen - 1)
            if not self.mine():
                self.editing = True
            self._layout()

    def choose(self, step: int) -> None:
        mine = self.mine()
        if mine and not self.editing:
            self.chosen = max(0, min(len(mine) - 1, self.chosen + step))
            self.list_page = next((p for p, page in enumerate(self.pages)
                                   if any(b.payload == self.chosen for b in page)), 0)
            self._layout()

    def _keep_draft(self) -> None:
        if self.dirty:
            self.dirty = False
            try:
                self.data.agreements.keep_draft(self.form.value())
            except SaveError as err:
                self.message = self.s("agree_save_error", x=err.message)

    # --- lifecycle and events ------------------------------------------------------------------------------

    def enter(self) -> None:
        self.group.focus(self.form.text if self.editing else self.buttons[0], visible=True)

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
                and self.facilitator is None and not self.editing:
            step = 1 if event.key == pygame.K_PAGEDOWN else -1
            self.list_page = max(0, min(len(self.pages) - 1, self.list_page + step))
            self._layout()
            return True
        return super().handle_event(event)

    def tap(self, pos: tuple[int, int]) -> bool:
        for index, rect in self.item_rects:
            if rect.collidepoint(pos):
                self.chosen = index
                self._layout()
                return True
        return False

    # --- layout and drawing --------------------------------------------------------------------------------

    def _more(self, a: Agreement) -> str:
        extra = [self.s("agree_call", x=a.who)] if a.who else []
        d = self.data.debrief
        about = [d.puzzle_title(a.puzzle) if d is not None else a.puzzle] if a.puzzle else []
        if a.article:
            about.append(self.form.cite(a.article))
        if about:
            extra.append(self.s("agree_at", x=" · ".join(about)))
        return " · ".join(extra)

    def _blocks(self, agreements: list[Agreement], first: int = 0, size: int = BODY) -> list[Block]:
        blocks: list[Block] = []
        for i, a in enumerate(agreements, first):
            more = self._more(a)
            blocks.append(Block("agreement", f"{i + 1}. {a.text}", "bold", size, gap=theme.SPACE_M, payload=i,
                                keep=bool(more)))
            if more:
                blocks.append(Block("agreement_more", more, colour=theme.TEXT_MUTED, indent=48, payload=i,
                                    stick=True))
        return blocks

    def _layout(self) -> None:
        d = self.data.debrief
        self.title = f"{self.s('agreements')}: {d.title}" if d is not None else self.s("agreements")
        book = self.data.agreements
        count = len(self.mine())
        self.subtitle = (self.s("agree_unreadable", x=book.problem) if book.problem
                         else self.s("agree_memory") if book.path is None
                         else self.s("agree_kept_one" if count == 1 else "agree_kept_many", n=count) if count
                         else self.s("agree_help"))
        self.form.show(self.editing)
        if self.editing:
            self.bar([(self.s("agree_save"), self.keep), (self.s("agree_to_list"), lambda: self.edit(False)),
                      (self.s("back"), super().back)])
            self.buttons[1].enabled = bool(count)
            self._layout_preview()
            self.pages, self.item_rects = [[]], []
            return
        self.bar([(self.s("agree_new"), lambda: self.edit(True)), (self.s("agree_delete"), self.remove),
                  (self.s("back"), super().back)])
        self.buttons[1].enabled = bool(count)
        notice = 64 if self.message else 12  # a line for a notice ("Afspraak 3 is bewaard.") under the list
        area = pygame.Rect(_LIST.x + 24, _LIST.y + 76, _LIST.width - 48, _LIST.height - 76 - notice)
        blocks = self._blocks(self.mine())
        self.pages = paginate(self.ctx, blocks, area) if blocks else [[]]
        self.list_page = max(0, min(self.list_page, len(self.pages) - 1))
        frames: dict[int, pygame.Rect] = {}
        for block in self.pages[self.list_page]:  # one frame round an agreement and the line under it
            rect = block.rect.inflate(16, 8)
            frames[block.payload] = frames[block.payload].union(rect) if block.payload in frames else rect
        self.item_rects = sorted(frames.items())

    def _layout_preview(self) -> None:
        """The agreement in the form as it will stand on the list (the whole sentence, however long)."""
        form = self.form
        preview = Agreement(form.text.value or "…", form.who.value, form.puzzle.value, form.article.value)
        area = pygame.Rect(M + 24, PREVIEW_Y + 64, WIDTH - 48, BOTTOM - PREVIEW_Y - 64 - 12)
        self.preview = paginate(self.ctx, self._blocks([preview], len(self.mine())), area)[0]

    def shown_hints(self) -> list[KeyHint]:
        if self.facilitator is not None:
            return super().shown_hints()
        if not self.editing:
            hints = [KeyHint(("N",), self.s("key_new")), KeyHint(("Del",), self.s("key_remove"))]
            if len(self.mine()) > 1:
                hints.insert(0, KeyHint((UP, DOWN), self.s("key_agreement")))
            if len(self.pages) > 1:
                hints.insert(0, page_hint(self.ctx, self.data.lang, self.list_page, len(self.pages)))
            return hints
        hints = [KeyHint(("Tab",), self.s("key_next_field"))]
        if isinstance(self.group.focused, Chooser):
            hints.insert(0, KeyHint((LEFT, RIGHT), self.s("key_choose")))
        elif self.typing():
            hints.append(KeyHint(("Enter",), self.s("key_keep")))
        return hints

    def draw_body(self, surface: pygame.Surface) -> None:
        if self.editing:
            self.form.draw_labels(surface)
            box = pygame.Rect(M, PREVIEW_Y, WIDTH, BOTTOM - PREVIEW_Y)
            panel(surface, box)
            draw_text(self.ctx, surface, self.s("agree_preview"), pygame.Rect(box.x + 24, box.y + 8, box.width - 48,
                                                                              52), role="bold", size=SMALL,
                      colour=theme.ACCENT, valign="middle")
            blocks = self.preview
        else:
            panel(surface, _LIST)
            head = pygame.Rect(_LIST.x + 24, _LIST.y + 12, _LIST.width - 48, 52)
            draw_text(self.ctx, surface, self.s("agree_list_head"), head, role="bold", size=BODY,
                      colour=theme.ACCENT, valign="middle")
            for index, rect in self.item_rects:
                if index == self.chosen:
                    pygame.draw.rect(surface, theme.FOCUS, rect, 4, border_radius=10)
            blocks = self.pages[self.list_page]
        for block in blocks:
            draw_text(self.ctx, surface, block.text, block.rect, role=block.role, size=block.size,
                      colour=block.colour)
        if self.message:  # under the list, or on the preview's head line (next to what it is about)
            rect = (pygame.Rect(M + 520, PREVIEW_Y + 8, WIDTH - 544, 52) if self.editing
                    else pygame.Rect(M + 24, BOTTOM - 60, WIDTH - 48, 52))
            draw_text(self.ctx, surface, self.message, rect, size=SMALL, colour=theme.AMBER, valign="middle",
                      align="right" if self.editing else "left")
