"""The code lock, a modal that returns the typed code (``str``) to the scene below, or ``None`` when cancelled;
the room then calls ``session.submit(lock_id, {"code": ...})``. Shows one box per sign and a keypad.
Controls: type the signs (keyboard), or tap the keypad; Backspace or Wis erases; Enter or Openen opens;
Esc or Annuleren cancels. Leads back to the room (which shows the end scene when the code was right)."""

from __future__ import annotations

from functools import partial

import pygame

from escaperoom.play.session import lock_length
from escaperoom.ui import theme
from escaperoom.ui.draw import draw_text
from escaperoom.ui.scenes.base import CANVAS, GameModal
from escaperoom.ui.scenes.game import Game

_KEY = theme.TOUCH_MIN  # a key is a touch target: at least 120 px square
_KEY_GAP_X, _KEY_GAP_Y = theme.SPACE_M, theme.SPACE_S
_KEYPAD_TOP = 330  # below the title, the task line and the code boxes (from the panel's inner top)


class LockScene(GameModal[str | None]):
    def __init__(self, game: Game):
        super().__init__(game, (1300, 940))
        self.session = game.session
        self.length = lock_length(self.session.scenario)
        self.code = ""
        collected = {c for c in self.session.code_so_far() if c}
        self.keys = sorted(set("0123456789") | {c.upper() for c in collected})
        inner = self.inner()
        # six keys a row (a phone-like pad); more a row when a code with letters needs more keys than fit in the
        # height, and a taller panel when even that is not enough
        per_row = 6
        max_per_row = (inner.width + _KEY_GAP_X) // (_KEY + _KEY_GAP_X)

        def pad_height(n: int) -> int:
            rows = -(-len(self.keys) // n)
            return rows * _KEY + (rows - 1) * _KEY_GAP_Y

        room = self.rect.height - 2 * theme.SPACE_XL - _KEYPAD_TOP - theme.SPACE_M - theme.BUTTON_HEIGHT
        while per_row < max_per_row and pad_height(per_row) > room:
            per_row += 1
        if pad_height(per_row) > room:
            self.rect.height = min(CANVAS.height - 2 * theme.SPACE_M, self.rect.height + pad_height(per_row) - room)
            self.rect.center = CANVAS.center
            inner = self.inner()
        rows = -(-len(self.keys) // per_row)
        total_w = per_row * _KEY + (per_row - 1) * _KEY_GAP_X
        x0 = inner.centerx - total_w // 2
        y0 = inner.y + _KEYPAD_TOP
        self.key_buttons = []
        for i, char in enumerate(self.keys):
            r, c = divmod(i, per_row)
            rect = (x0 + c * (_KEY + _KEY_GAP_X), y0 + r * (_KEY + _KEY_GAP_Y), _KEY, _KEY)
            self.key_buttons.append(self.button(rect, char, partial(self.add, char), "secondary",
                                                size=theme.TEXT_LARGE))
        self.keypad_bottom = y0 + rows * _KEY + (rows - 1) * _KEY_GAP_Y
        self.open_button, self.erase_button, self.cancel_button = self.button_row(
            [(self.t("spel.lock.open"), self.open), (self.t("spel.lock.erase"), self.erase),
             (self.t("common.cancel"), lambda: self.dismiss(None))])

    def enter(self) -> None:
        self.group.focus(self.open_button, visible=True)

    def add(self, char: str) -> None:
        if len(self.code) < self.length:
            self.code += char.upper()

    def erase(self) -> None:
        self.code = self.code[:-1]

    def open(self) -> None:
        self.dismiss(self.code)

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.TEXTINPUT:
            for char in event.text:
                if char.strip():
                    self.add(char)
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_BACKSPACE:
            self.erase()
            return True
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and (
                self.group.focused not in self.group.widgets[:len(self.keys)]):
            self.open()
            return True
        return super().handle_event(event)

    def state_key(self):
        return self.code

    def labels(self):
        inner = self.inner()
        return [(self.t("spel.lock.heading"), pygame.Rect(inner.x, inner.y, inner.width, 90), "bold",
                 theme.TEXT_TITLE),
                (self.t("spel.lock.body"), pygame.Rect(inner.x, inner.y + 90, inner.width, 70), "regular",
                 theme.TEXT_BODY)]

    def draw_content(self, surface: pygame.Surface) -> None:
        inner = self.inner()
        (title, tbox, _, tsize), (body, bbox, _, bsize) = self.labels()
        draw_text(self.ctx, surface, title, tbox, role="bold", size=tsize, colour=theme.ACCENT, valign="middle")
        draw_text(self.ctx, surface, body, bbox, size=bsize, colour=theme.TEXT_MUTED, valign="middle")
        side, gap = 110, theme.SPACE_M
        total = self.length * side + (self.length - 1) * gap
        x = inner.centerx - total // 2
        for i in range(self.length):
            box = pygame.Rect(x + i * (side + gap), inner.y + 180, side, 130)
            filled = i < len(self.code)
            pygame.draw.rect(surface, theme.BG, box, border_radius=14)
            edge = theme.FOCUS if i == len(self.code) else (theme.ACCENT if filled else theme.BORDER)
            pygame.draw.rect(surface, edge, box, 5, border_radius=14)
            if filled:
                draw_text(self.ctx, surface, self.code[i], box, role="bold", size=theme.TEXT_HERO, align="center",
                          valign="middle")
