"""Debrief screen: 'Maar wat als …?' for one puzzle: flip one fact and see which verdicts change. Controls and what
it shows: see ``WhatIfScene``. Leads back to the puzzle."""

from __future__ import annotations

import pygame

from escaperoom.debrief.model import Debrief, short_label
from escaperoom.debrief.whatif import CaseChange, WhatIf, whatif_for
from escaperoom.ui import theme
from escaperoom.ui.context import UiContext
from escaperoom.ui.debrief.base import BODY, BOTTOM, CANVAS, SMALL, TOP, DebriefScene, M, Navigator
from escaperoom.ui.debrief.blocks import Block, clip, draw_note, page_note, paginate
from escaperoom.ui.debrief.data import DebriefData
from escaperoom.ui.debrief.keys import DOWN, LEFT, RIGHT, UP, KeyHint
from escaperoom.ui.debrief.looks import icon_word, verdict_look
from escaperoom.ui.draw import draw_text, panel

_TOGGLE_W = 740
_TOGGLE_TEXT_W = _TOGGLE_W - 20 - 88 - 22 - 24
_TOGGLE_LINES = 4  # a fact's question wraps to up to four lines (its row grows), never cut at two


class WhatIfScene(DebriefScene):
    """'Maar wat als …?' for one puzzle: on the left the facts to flip (the puzzle's situation facts, acute
    danger, consent; each question in full, the list scrolls), on the right what the rule engine now decides —
    every verdict that changes is framed and marked VERANDERT with the old and the new verdict (icon + word) and
    the new explanation; below it every team whose score would change ("Team Oost 4 → 2"), in columns. What does
    not fit is paged ("pagina 1 van 2 · PgDn"; a tap on it turns the page). Controls (shown on screen): Up/Down
    choose a fact, Enter/Space or a tap switches it on or off (one at a time), Left/Right other puzzle,
    PgUp/PgDn page, F9/B the facilitator's panel, Tab to the buttons, Esc back to the puzzle."""

    def __init__(self, ctx: UiContext, data: DebriefData, flow: Navigator, puzzle_id: str):
        super().__init__(ctx, data, flow)
        self.puzzle_ids = [p.id for p in data.puzzles() if data.debrief and whatif_for(data.debrief, p.id)]
        self.at = self.puzzle_ids.index(puzzle_id) if puzzle_id in self.puzzle_ids else 0
        self.highlight = 0
        self.applied: int | None = None
        self.result_page = 0
        self.keys = {pygame.K_UP: lambda: self.move(-1), pygame.K_DOWN: lambda: self.move(1),
                     pygame.K_LEFT: lambda: self.go(-1), pygame.K_RIGHT: lambda: self.go(1),
                     pygame.K_PAGEUP: lambda: self.page(-1), pygame.K_PAGEDOWN: lambda: self.page(1)}
        self.bar([(self.s("next_puzzle"), lambda: self.go(1)), (self.s("prev_puzzle"), lambda: self.go(-1)),
                  (self.s("back"), self.back)])
        self._load()

    def _load(self) -> None:
        d = self.data.debrief
        pid = self.puzzle_ids[self.at] if self.puzzle_ids else None
        self.panel: WhatIf | None = whatif_for(d, pid) if d and pid else None
        self.highlight, self.applied, self.result_page = 0, None, 0
        self._layout()

    def facilitator_puzzle(self) -> str | None:
        return self.panel.puzzle.id if self.panel is not None else None

    def go(self, step: int) -> None:
        if self.puzzle_ids:
            self.at = (self.at + step) % len(self.puzzle_ids)
            self._load()

    def move(self, step: int) -> None:
        if self.panel and self.panel.toggles:
            self.highlight = max(0, min(len(self.panel.toggles) - 1, self.highlight + step))
            self.result_page = 0
            self.group.focus(None)
            self._layout()

    def apply(self, index: int) -> None:
        self.highlight = index
        self.applied = None if self.applied == index else index
        self.result_page = 0
        self._layout()

    def page(self, step: int) -> None:
        self.result_page = max(0, min(self.result_pages - 1, self.result_page + step))
        self._layout()

    @property
    def changes(self) -> list[CaseChange]:
        return self._changes

    def _layout(self) -> None:
        d, panel = self.data.debrief, self.panel
        self._changes: list[CaseChange] = []
        self.toggle_rows: list[tuple[int, pygame.Rect, str, str]] = []
        self.result_blocks: list[Block] = []
        self.result_pages = 1
        self.note, self.note_rect, self.toggles_left = "", pygame.Rect(0, 0, 0, 0), (0, 0)
        if panel is None or d is None:
            self.title, self.subtitle = self.s("whatif"), self.s("no_whatif")
            return
        puzzle = d.puzzle(panel.puzzle.id)
        self.title = f"{self.s('whatif')} · {puzzle.title if puzzle else panel.puzzle.id}"
        self.subtitle = self.s("whatif_help")
        self.hints = [KeyHint((UP, DOWN), self.s("key_fact")), KeyHint(("Enter",), self.s("key_switch")),
                      KeyHint((LEFT, RIGHT), self.s("key_puzzle"))]
        self._layout_toggles(panel)
        x = M + _TOGGLE_W + theme.SPACE_L
        width = CANVAS.right - M - x
        self.result_rect = pygame.Rect(x, TOP, width, BOTTOM - TOP)
        self._layout_result(d, panel, pygame.Rect(x + 24, TOP + 20, width - 48, self.result_rect.height - 40))

    def _layout_toggles(self, panel: WhatIf) -> None:
        """The facts as rows as tall as their question (two to four lines); the list scrolls to keep the chosen
        fact in view and says how many are above and below."""
        lh = self.ctx.fonts.line_height("regular", SMALL)
        heights = []
        labels = []
        for toggle in panel.toggles:
            label = clip(self.ctx, toggle.label, "regular", SMALL, _TOGGLE_TEXT_W, _TOGGLE_LINES)
            lines = max(2, -(-self.ctx.text.render(label, "regular", SMALL, theme.TEXT,
                                                   _TOGGLE_TEXT_W).get_height() // lh))
            labels.append(label)
            heights.append(lines * lh + 36)
        gap = theme.SPACE_S
        bottom = BOTTOM
        first = 0
        while True:  # the first row shown: as low as needed for the highlighted row to fit (with the notes)
            used = sum(h + gap for h in heights[first:self.highlight + 1]) + (50 if first else 0)
            if used <= bottom - TOP - 50 or first >= self.highlight:
                break
            first += 1
        y = TOP + (50 if first else 0)
        last = first
        for index in range(first, len(panel.toggles)):
            more_below = 50 if index < len(panel.toggles) - 1 else 0
            if index > first and y + heights[index] + more_below > bottom:
                break
            rect = pygame.Rect(M, y, _TOGGLE_W, heights[index])
            self.toggle_rows.append((index, rect, labels[index], panel.toggles[index].now))
            y += heights[index] + gap
            last = index
        self.toggles_left = (first, len(panel.toggles) - 1 - last)
        self.toggle_note_y = (TOP, y)

    def _layout_result(self, d: Debrief, panel: WhatIf, area: pygame.Rect) -> None:
        inner = area.width
        toggle = panel.toggles[self.highlight]
        # the question in one line: it stands in full in its row on the left
        blocks = [Block("head", clip(self.ctx, toggle.label, "bold", BODY, inner, 1), "bold", BODY)]
        if self.applied != self.highlight:
            blocks.append(Block("muted", f"{toggle.now}. {self.s('switch_on')}", colour=theme.TEXT_MUTED,
                                 gap=theme.SPACE_S))
        else:
            changes = panel.recompute(toggle)
            self._changes = changes
            changed = [c for c in changes if c.changed]
            if not changed:
                blocks.append(Block("text", self.s("nothing_changes"), gap=theme.SPACE_S))
            merged: dict[tuple[str, str, str, str, str], list[CaseChange]] = {}
            for c in changed:  # the same change for several items (same recipient, verdicts, reason): one frame
                merged.setdefault((c.old, c.new, c.new_rule, c.recipient, c.explanation), []).append(c)
            for group in merged.values():
                c = group[0]
                items = ", ".join(dict.fromkeys(short_label(g.item) for g in group))
                what = f"{items} · {self.s('to', x=short_label(c.recipient))}"
                what_h = self.ctx.text.render(clip(self.ctx, what, "bold", SMALL, inner - 40, 2), "bold", SMALL,
                                              theme.TEXT, inner - 40).get_height()
                why = clip(self.ctx, c.explanation, "regular", SMALL, inner - 40, 3)  # the report has it all
                why_h = self.ctx.text.render(why, "regular", SMALL, theme.TEXT, inner - 40).get_height()
                blocks.append(Block("change", why, payload=(clip(self.ctx, what, "bold", SMALL, inner - 40, 2),
                                                             what_h, c), height=68 + what_h + why_h + 10,
                                     gap=theme.SPACE_S))
            same = len(changes) - len(changed)
            if same:
                blocks.append(Block("muted", self.s("unchanged", n=same), colour=theme.TEXT_MUTED,
                                     gap=theme.SPACE_S))
            effects = [e for e in panel.team_effects(toggle, d) if e.right_before != e.right_after]
            if changed:
                blocks.append(Block("effects_head", self.s("effect_head") if effects else self.s("no_effect"),
                                     "bold", SMALL, gap=theme.SPACE_S))
            entries = [self.s("effect_entry", team=e.team, a=e.right_before, b=e.right_after) for e in effects]
            if entries:  # in columns as wide as the widest entry, one block per row so pages split between rows
                widest = max(self.ctx.fonts.text_width(t, "regular", SMALL) for t in entries) + theme.SPACE_M
                columns = max(1, min(len(entries), inner // max(1, widest)))
                col_w = inner // columns
                entries = [clip(self.ctx, t, "regular", SMALL, col_w - theme.SPACE_S) for t in entries]
                for row in range(0, len(entries), columns):
                    blocks.append(Block("effects", "", payload=(entries[row:row + columns], col_w),
                                         height=self.ctx.fonts.line_height("regular", SMALL), gap=2))
        pages = paginate(self.ctx, blocks, area)
        if len(pages) > 1:  # room for the "pagina 1 van 2" line at the bottom
            pages = paginate(self.ctx, blocks, area.inflate(0, -48).move(0, -24))
        self.result_pages = len(pages)
        self.result_page = max(0, min(self.result_page, self.result_pages - 1))
        self.result_blocks = pages[self.result_page]
        self.note = page_note(self.ctx, self.data.lang, self.result_page, self.result_pages)
        if self.note:
            w = self.ctx.fonts.text_width(self.note, "regular", SMALL)
            self.note_rect = pygame.Rect(self.result_rect.right - 24 - w, self.result_rect.bottom - 56, w, 48)

    def handle_event(self, event: pygame.event.Event) -> bool:
        if (event.type == pygame.KEYDOWN and event.key in (pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER)
                and not self.button_has_keyboard_focus() and self.panel and self.panel.toggles):
            self.apply(self.highlight)
            return True
        return super().handle_event(event)

    def tap(self, pos: tuple[int, int]) -> bool:
        if self.note and self.note_rect.collidepoint(pos):
            self.result_page = (self.result_page + 1) % self.result_pages
            self._layout()
            return True
        for index, rect, _, _ in self.toggle_rows:
            if rect.collidepoint(pos):
                self.group.focus(None)
                self.apply(index)
                return True
        return False

    def draw_body(self, surface: pygame.Surface) -> None:
        if self.panel is None:
            return
        above, below = self.toggles_left
        if above:
            draw_text(self.ctx, surface, self.s("more_above", n=above), pygame.Rect(M + 20, TOP, _TOGGLE_W, 44),
                      size=SMALL, colour=theme.TEXT_MUTED, valign="middle")
        for index, rect, label, _now in self.toggle_rows:
            on = index == self.applied
            chosen = index == self.highlight
            panel(surface, rect, theme.SURFACE_RAISED if chosen else theme.SURFACE,
                  theme.FOCUS if chosen else theme.BORDER, 6 if chosen else theme.BORDER_WIDTH)
            switch = pygame.Rect(rect.x + 20, rect.centery - 26, 88, 52)
            pygame.draw.rect(surface, theme.ACCENT if on else theme.BG, switch, border_radius=26)
            pygame.draw.rect(surface, theme.TEXT, switch, 4, border_radius=26)
            knob = (switch.right - 26, switch.centery) if on else (switch.x + 26, switch.centery)
            pygame.draw.circle(surface, theme.TEXT, knob, 18)
            draw_text(self.ctx, surface, label, pygame.Rect(switch.right + 22, rect.y + 6, _TOGGLE_TEXT_W,
                                                             rect.height - 12), size=SMALL, valign="middle")
        if below:
            what = self.s("fact_one" if below == 1 else "fact_many")
            draw_text(self.ctx, surface, self.s("more_rows", n=below, what=what),
                      pygame.Rect(M + 20, self.toggle_note_y[1] - 8, _TOGGLE_W, 44), size=SMALL,
                      colour=theme.TEXT_MUTED, valign="middle")
        panel(surface, self.result_rect)
        for block in self.result_blocks:
            box = block.rect
            if block.kind == "head":
                draw_text(self.ctx, surface, block.text, box, role="bold", size=BODY)
            elif block.kind == "change":
                self._draw_change(surface, block)
            elif block.kind == "effects":
                entries, col_w = block.payload
                for i, entry in enumerate(entries):
                    draw_text(self.ctx, surface, entry, pygame.Rect(box.x + i * col_w, box.y, col_w, box.height),
                              size=SMALL)
            else:
                draw_text(self.ctx, surface, block.text, box, role=block.role, size=block.size, colour=block.colour)
        draw_note(self.ctx, surface, self.note, self.note_rect)

    def _draw_change(self, surface: pygame.Surface, block: Block) -> None:
        box = block.rect
        what, what_h, change = block.payload
        panel(surface, box, theme.SURFACE_RAISED, theme.ACCENT, 6)
        row = pygame.Rect(box.x + 20, box.y + 10, box.width - 40, 52)
        tag = self.ctx.text.render(self.s("changed"), "bold", SMALL, theme.ACCENT)
        surface.blit(tag, (row.x, row.centery - tag.get_height() // 2))
        old, new = verdict_look(self.ctx, change.old), verdict_look(self.ctx, change.new)
        x = row.x + tag.get_width() + 24
        fonts = self.ctx.fonts
        old_w = 48 + fonts.text_width(old.word, "bold", SMALL) + 4
        becomes = self.ctx.text.render(self.s("becomes"), "regular", SMALL, theme.TEXT_MUTED)
        icon_word(self.ctx, surface, old, pygame.Rect(x, row.y, old_w, row.height), icon_size=36)
        x += old_w + 16
        surface.blit(becomes, (x, row.centery - becomes.get_height() // 2))
        x += becomes.get_width() + 16
        icon_word(self.ctx, surface, new, pygame.Rect(x, row.y, row.right - x, row.height), icon_size=36)
        draw_text(self.ctx, surface, what, pygame.Rect(box.x + 20, box.y + 62, box.width - 40, what_h), role="bold",
                  size=SMALL)
        draw_text(self.ctx, surface, block.text, pygame.Rect(box.x + 20, box.y + 66 + what_h, box.width - 40,
                                                               box.bottom - box.y - 66 - what_h - 4), size=SMALL)
