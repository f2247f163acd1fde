"""Sorteren: the data cards of a SortPuzzle, to be put with a recipient (the bestemmingen, by role name) or with
"Niet delen".

Shows numbered zones across the top (one per recipient, then "Niet delen") and the cards below, one per row; a
placed card stays in its row and carries a tag with its zone's number and colour, and the zone counts its cards.
Controls: drag a card onto a zone (mouse or finger); or tap a card, then tap a zone; or with the keyboard:
Tab/arrows to a card, Enter to pick it up, 1..n or the arrows to choose a zone, Enter to put it down (Esc cancels).
"Controleer" submits ``{"plaatsing": {card: recipient | "niet_delen"}}``; leads to the feedback scene, or back to
the room with "Terug naar de kamer" / Esc.
"""

from __future__ import annotations

from typing import Any

import pygame

from escaperoom.content.models import NIET_DELEN, SortPuzzle
from escaperoom.kinds import SortAnswer
from escaperoom.ui import theme
from escaperoom.ui.draw import draw_text, panel
from escaperoom.ui.icons import draw_icon
from escaperoom.ui.pointer import Phase, pointer
from escaperoom.ui.puzzles._base import CONTENT, ENTER_KEYS, PuzzleScene, digit_of
from escaperoom.ui.theme import Colour, Icon
from escaperoom.ui.widgets import Card, draw_focus_ring
from escaperoom.ui.widgets.base import REACH

ZONE_HEIGHT = 300
_GAP = theme.SPACE_S
_ZONE_PAD = theme.SPACE_S
_TAG_W = 150
_RECIPIENT_COLOURS: tuple[Colour, ...] = (theme.BLUE, theme.VIOLET, theme.AMBER)
_NOT_SHARED_COLOUR: Colour = theme.TEXT_MUTED


class _SortCard(Card):
    """A data card with room on the right for a tag showing where it was placed (arrow + zone number)."""

    def __init__(self, *args: Any, **kwargs: Any):
        self.tag: tuple[int, Colour] | None = None  # (zone number, zone colour)
        super().__init__(*args, **kwargs)

    def _inner(self, rect: pygame.Rect) -> pygame.Rect:
        inner = super()._inner(rect)
        inner.width -= _TAG_W + theme.SPACE_S
        return inner

    def tag_rect(self, rect: pygame.Rect) -> pygame.Rect:
        tag = pygame.Rect(0, 0, _TAG_W - theme.SPACE_S, 76)
        tag.midright = (rect.right - theme.SPACE_M, rect.centery)
        return tag

    def look(self) -> tuple[object, ...]:
        return (*super().look(), self.tag)

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        if self.tag is None:
            return
        number, colour = self.tag
        tag = self.tag_rect(self.rect)
        pygame.draw.rect(surface, colour, tag, border_radius=tag.height // 2)
        icon = pygame.Rect(tag.x + theme.SPACE_S, tag.y + 14, 48, 48)
        draw_icon(surface, Icon.ARROW, icon, theme.TEXT_ON_ACCENT, cutout=colour)
        label = self.text.render(str(number), "bold", theme.TEXT_LARGE, theme.TEXT_ON_ACCENT)
        surface.blit(label, label.get_rect(midleft=(icon.right + theme.SPACE_S, tag.centery)))


class SortScene(PuzzleScene):
    puzzle: SortPuzzle

    def build(self) -> None:
        p = self.puzzle
        # zones: recipients in file order (each once), then "Niet delen"
        recipients = list(dict.fromkeys(spec.ontvanger for spec in p.bestemmingen))
        self.zone_ids: list[str] = recipients + [NIET_DELEN]
        self.zone_names = [self.role_name(r) for r in recipients] + [self.t("puzzel.niet_delen")]
        self.zone_colours = [_RECIPIENT_COLOURS[i % len(_RECIPIENT_COLOURS)] for i in range(len(recipients))]
        self.zone_colours.append(_NOT_SHARED_COLOUR)
        n = len(self.zone_ids)
        width = (CONTENT.width - (n - 1) * _GAP) // n
        self.zones = [pygame.Rect(CONTENT.x + i * (width + _GAP), CONTENT.y, width, ZONE_HEIGHT) for i in range(n)]

        self.card_ids = list(p.kaarten)
        top = CONTENT.y + ZONE_HEIGHT + _GAP
        count = len(self.card_ids)
        gap = 12
        cols = 1 if (CONTENT.bottom - top - (count - 1) * gap) // count >= theme.TOUCH_MIN else 2
        rows = -(-count // cols)
        height = min(150, (CONTENT.bottom - top - (rows - 1) * gap) // rows)
        card_w = (CONTENT.width - (cols - 1) * _GAP) // cols
        labels = [self.text(self.session.scenario.gegevens[c].label) for c in self.card_ids]
        rects = [(CONTENT.x + (i // rows) * (card_w + _GAP), top + (i % rows) * (height + gap), card_w, height)
                 for i in range(count)]
        # one type size for every card: the largest at which every label fits
        size = min(_SortCard(r, self.ctx.text, label)._title_size for r, label in zip(rects, labels, strict=True))
        self.cards: list[_SortCard] = []
        for rect, label in zip(rects, labels, strict=True):
            card = _SortCard(rect, self.ctx.text, label, on_drop=self._dropped, on_activate=self._picked_up,
                             colour=theme.BORDER, title_size=size)
            self.cards.append(card)
            self.focus.add(card)
        self.placement: dict[str, int] = {}  # card id -> zone index
        self.picked: int | None = None  # card index picked up with keyboard or tap
        self.target = 0  # zone chosen for the picked card

    # --- state changes ---------------------------------------------------------------------------------------

    def place(self, card_index: int, zone: int) -> None:
        card = self.cards[card_index]
        self.placement[self.card_ids[card_index]] = zone
        card.colour = self.zone_colours[zone]
        card.tag = (zone + 1, self.zone_colours[zone])
        card.return_home()
        self._drop_pick()

    def _drop_pick(self) -> None:
        if self.picked is not None:
            self.cards[self.picked].selected = False
        self.picked = None

    def _index(self, card: Card) -> int:
        return next(i for i, mine in enumerate(self.cards) if mine is card)

    def _picked_up(self, card: Card) -> None:
        index = self._index(card)
        if self.picked == index:
            self._drop_pick()
            return
        self._drop_pick()
        self.picked = index
        card.selected = True
        self.target = self.placement.get(self.card_ids[index], 0)

    def _dropped(self, card: Card, pos: tuple[int, int]) -> None:
        zone = self.zone_at(pos)
        if zone is None:
            card.return_home()
        else:
            self.place(self._index(card), zone)

    def zone_at(self, pos: tuple[int, int]) -> int | None:
        return next((i for i, z in enumerate(self.zones) if z.collidepoint(pos)), None)

    def cancel(self) -> bool:
        if self.picked is None:
            return False
        self._drop_pick()
        return True

    # --- input -------------------------------------------------------------------------------------------------

    def handle_puzzle_event(self, event: pygame.event.Event) -> bool:
        action = pointer(event)
        if action is not None:
            if self.picked is not None and action.phase is Phase.DOWN:
                zone = self.zone_at(action.pos)
                if zone is not None:
                    self.place(self.picked, zone)
                    return True
            return False
        if event.type != pygame.KEYDOWN or self.picked is None:
            return False
        n = len(self.zones)
        digit = digit_of(event)
        if digit is not None and digit <= n:
            self.target = digit - 1
        elif event.key in (pygame.K_LEFT, pygame.K_UP):
            self.target = (self.target - 1) % n
        elif event.key in (pygame.K_RIGHT, pygame.K_DOWN):
            self.target = (self.target + 1) % n
        elif event.key in ENTER_KEYS or event.key == pygame.K_SPACE:
            self.place(self.picked, self.target)
        elif event.key == pygame.K_TAB:
            self._drop_pick()
            return False  # let focus move on
        else:
            return False
        return True

    def answer(self) -> SortAnswer | None:
        if len(self.placement) < len(self.card_ids):
            self.message = self.t("puzzel.sort.not_all")
            return None
        return {"plaatsing": {card: self.zone_ids[zone] for card, zone in self.placement.items()}}

    # --- drawing -----------------------------------------------------------------------------------------------

    def _count_text(self, zone: int) -> str:
        placed = sum(1 for c in self.card_ids if self.placement.get(c) == zone)
        return ("" if not placed else self.t("puzzel.sort.placed_one") if placed == 1
                else self.t("puzzel.sort.placed_many", n=placed))

    def content_parts(self) -> list[tuple[object, pygame.Rect]]:
        """A part per zone: its count and whether it is the keyboard's target."""
        return [((i, self._count_text(i), self.picked is not None and self.target == i),
                 zone.inflate(2 * REACH, 2 * REACH)) for i, zone in enumerate(self.zones)]

    def draw_content(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        for i, (zone, name, colour) in enumerate(zip(self.zones, self.zone_names, self.zone_colours, strict=True)):
            panel(surface, zone, theme.SURFACE, colour, 5)
            badge = pygame.Rect(zone.x + _ZONE_PAD, zone.y + _ZONE_PAD, 64, 64)
            pygame.draw.circle(surface, colour, badge.center, badge.width // 2)
            number = ctx.text.render(str(i + 1), "bold", theme.TEXT_LARGE, theme.TEXT_ON_ACCENT)
            surface.blit(number, number.get_rect(center=badge.center))
            if self.zone_ids[i] == NIET_DELEN:
                draw_icon(surface, Icon.CROSS, pygame.Rect(zone.right - 64 - _ZONE_PAD, badge.y, 64, 64), colour)
            count = pygame.Rect(badge.right + theme.SPACE_S, badge.y, zone.right - badge.right - 2 * _ZONE_PAD - 72,
                                badge.height)
            draw_text(ctx, surface, self._count_text(i), count, size=theme.TEXT_SMALL, colour=theme.TEXT_MUTED,
                      valign="middle")
            name_box = self.name_box(zone)
            draw_text(ctx, surface, name, name_box, role="bold", size=theme.TEXT_BODY)
            if self.picked is not None and self.target == i:
                draw_focus_ring(surface, zone)

    @staticmethod
    def name_box(zone: pygame.Rect) -> pygame.Rect:
        top = zone.y + _ZONE_PAD + 64 + theme.SPACE_S
        return pygame.Rect(zone.x + _ZONE_PAD, top, zone.width - 2 * _ZONE_PAD, zone.bottom - _ZONE_PAD - top)

    def texts_and_boxes(self) -> list[tuple[str, pygame.Rect, str]]:
        """Every content text with its box and role (for the overflow test)."""
        out = [(name, self.name_box(zone), "bold") for zone, name in zip(self.zones, self.zone_names, strict=True)]
        for card in self.cards:
            title_box, _ = card._boxes(card.rect)
            out.append((card.title, card._inner(card.rect), "bold"))
        return out
