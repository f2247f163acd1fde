"""Feedback after an answer: what the team got right and wrong, and why.

Shows, in "direct" mode, a card per item: the feedback word with its icon (Goed / Te ruim gedeeld / Te voorzichtig
/ Verkeerde grondslag …), the law's verdict word with its icon (Moet delen / Mag delen / Mag niet delen), the
team's choice (and the right one when it was wrong), the explanation and the article citations; cards that do not
fit one page go to the next. In "escape" mode only the count of right items. The sidebar shows the time left and
the resident's stability (``hud``), solved or not, the score, how this answer changed the stability ("Rust bij
Henk: van 52 naar 44 (daalt)", with an arrow) and, when solved, the earned code character big.
Controls: "Vorige"/"Volgende" (or PageUp/PageDown, Left/Right, a horizontal swipe) turn pages; "Opnieuw" (only
when not solved) opens the puzzle again (through the flow); "Terug naar de kamer" (or Esc) pops back to the room
with the result. The screen is painted into a cached layer (painted again when the page, the HUD's still part or a
button's look changes); each frame blits it and draws the clock.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from escaperoom.content.models import Puzzle
from escaperoom.kinds import ErrorKind, ItemResult, PuzzleResult, words_for
from escaperoom.kinds.words import Card
from escaperoom.play.session import Feedback, Session
from escaperoom.ui import hud, theme
from escaperoom.ui.context import UiContext
from escaperoom.ui.draw import draw_text, panel
from escaperoom.ui.fonts import Role
from escaperoom.ui.icons import draw_icon
from escaperoom.ui.layer import Layer
from escaperoom.ui.pointer import Phase, pointer
from escaperoom.ui.puzzles._base import BACK_RECT, CONTENT, HUD_RECT, SUBMIT_RECT, TITLE_BOX, TITLE_MIN, title_bottom
from escaperoom.ui.scene import Scene
from escaperoom.ui.theme import BadgeStyle, Colour, Icon
from escaperoom.ui.widgets import Button, FocusGroup

NAV_H = theme.BUTTON_HEIGHT
PAGE = pygame.Rect(CONTENT.x, CONTENT.y, CONTENT.width, CONTENT.height - NAV_H - theme.SPACE_M)
_PAD = theme.SPACE_M
_BADGE_H = 68
_TITLE_SIZE = 40
_BODY_SIZE = theme.TEXT_MIN  # long explanations: the smallest allowed size, so more fits a page
_SWIPE = 200

_EXTRA_STYLES = {
    ErrorKind.VERKEERDE_VOLGORDE: BadgeStyle("puzzel.feedback.verkeerde_volgorde", theme.RED, Icon.CROSS),
    ErrorKind.NIET_AANVAARDBAAR: BadgeStyle("puzzel.feedback.niet_aanvaardbaar", theme.RED, Icon.CROSS),
    ErrorKind.ONBEANTWOORD: BadgeStyle("puzzel.feedback.onbeantwoord", theme.AMBER, Icon.WARNING),
}


def style_for(error: ErrorKind | None) -> BadgeStyle:
    if error is None:
        return theme.feedback_style("goed")
    return _EXTRA_STYLES.get(error) or theme.feedback_style(error)


@dataclass
class Block:
    """One feedback card, laid out once: badges, a title, plain lines, the explanation and the citations."""

    badges: list[tuple[BadgeStyle, str]]
    title: str
    lines: list[str]
    explanation: str = ""
    citations: str = ""
    height: int = 0


class FeedbackScene(hud.HudLayer, Scene):
    def __init__(self, puzzle: Puzzle, session: Session, ctx: UiContext, result: PuzzleResult, reason: str = "",
                 on_retry: Callable[[], None] | None = None, stability_before: int | None = None):
        super().__init__()
        self.stability_before = session.stability if stability_before is None else stability_before
        self.stability_after = session.stability
        self.hud = hud.Hud(HUD_RECT, session, ctx, session.settings.lang, before=self.stability_before)
        self.on_retry = on_retry  # "Opnieuw": the flow puts the puzzle back in this scene's place
        self.puzzle, self.session, self.ctx, self.result = puzzle, session, ctx, result
        self.reason = reason.strip()
        self.lang = session.settings.lang
        self.book = ctx.book
        self.direct = session.settings.feedback is Feedback.DIRECT
        self.solved = result.solved
        self.right = sum(1 for item in result.items if item.correct)
        self.title = puzzle.titel.get(self.lang)
        self.focus = FocusGroup()
        self.page = 0
        self._swipe: tuple[object, int] | None = None
        self.pages: list[list[tuple[Block, pygame.Rect]]] = self._paginate(self._blocks()) if self.direct else []
        self.retry_button = None
        if not self.solved:
            self.retry_button = self.focus.add(Button(SUBMIT_RECT, ctx.text, self.t("puzzel.opnieuw"), self.retry))
        back_rect = BACK_RECT if not self.solved else BACK_RECT.union(SUBMIT_RECT)
        self.back_button = self.focus.add(Button(back_rect, ctx.text, self.t("puzzel.terug"), self.finish,
                                                 style="secondary" if not self.solved else "primary"))
        nav_y = CONTENT.bottom - NAV_H
        self.prev_button = self.focus.add(Button((CONTENT.x, nav_y, 360, NAV_H), ctx.text,
                                                 self.t("puzzel.feedback.prev"), lambda: self.turn(-1),
                                                 style="secondary", icon=None))
        self.next_button = self.focus.add(Button((CONTENT.right - 360, nav_y, 360, NAV_H), ctx.text,
                                                 self.t("puzzel.feedback.next"), lambda: self.turn(1),
                                                 style="secondary"))
        self._sync_nav()
        self._layer = Layer(self)

    # --- helpers ---------------------------------------------------------------------------------------------

    def t(self, id: str, /, **values: object) -> str:
        return self.ctx.strings.t(id, self.lang, **values)

    # --- content ---------------------------------------------------------------------------------------------

    def _blocks(self) -> list[Block]:
        """A block per card of the kind's words, with the badges of its item (the feedback word, the verdict)."""
        words = words_for(self.puzzle, self.session.scenario, self.book, self.lang, strings=self.ctx.strings)
        return [self._block(card) for card in words.feedback(self.result, self.reason)]

    def _badge(self, item: ItemResult) -> tuple[BadgeStyle, str]:
        style = style_for(item.error)
        return style, self.t(style.word_id)

    def _block(self, card: Card) -> Block:
        badges = []
        if card.item is not None:
            badges.append(self._badge(card.item))
            if card.item.verdict is not None:
                vstyle = theme.verdict_style(card.item.verdict.decision)
                badges.append((vstyle, self.t(vstyle.word_id)))
        return Block(badges, card.title, list(card.lines), card.explanation, card.citations)

    # --- layout ----------------------------------------------------------------------------------------------

    def _inner_width(self) -> int:
        return PAGE.width - 2 * _PAD

    def _parts(self, block: Block) -> list[tuple[str, Role, int, Colour]]:
        """(text, role, size, colour) of each text part below the badges, in order."""
        parts: list[tuple[str, Role, int, Colour]] = [(block.title, "bold", _TITLE_SIZE, theme.TEXT)]
        parts += [(line, "regular", _BODY_SIZE, theme.TEXT) for line in block.lines]
        if block.explanation:
            parts.append((block.explanation, "regular", _BODY_SIZE, theme.TEXT_MUTED))
        if block.citations:
            parts.append((block.citations, "regular", _BODY_SIZE, theme.FOCUS))
        return parts

    def _measure(self, block: Block) -> int:
        width = self._inner_width()
        height = 2 * _PAD + (_BADGE_H + theme.SPACE_S if block.badges else 0)
        for text, role, size, _colour in self._parts(block):
            height += self.ctx.text.layout(text, role, size, width).height + theme.SPACE_XS
        return height

    def _paginate(self, blocks: list[Block]) -> list[list[tuple[Block, pygame.Rect]]]:
        pages: list[list[tuple[Block, pygame.Rect]]] = [[]]
        y = PAGE.y
        for block in blocks:
            block.height = min(self._measure(block), PAGE.height)
            if pages[-1] and y + block.height > PAGE.bottom:
                pages.append([])
                y = PAGE.y
            pages[-1].append((block, pygame.Rect(PAGE.x, y, PAGE.width, block.height)))
            y += block.height + theme.SPACE_S
        return pages

    def overflowing_blocks(self) -> list[str]:
        """Titles of cards taller than a page (a test keeps this empty for the bundled content)."""
        return [block.title for page in self.pages for block, _ in page if self._measure(block) > PAGE.height]

    # --- actions ---------------------------------------------------------------------------------------------

    def turn(self, step: int) -> None:
        if self.pages:
            self.page = max(0, min(len(self.pages) - 1, self.page + step))
        self._sync_nav()

    def _sync_nav(self) -> None:
        many = len(self.pages) > 1
        self.prev_button.visible = many
        self.next_button.visible = many
        self.prev_button.enabled = self.page > 0
        self.next_button.enabled = self.page < len(self.pages) - 1

    def retry(self) -> None:
        if self.on_retry is not None:
            self.on_retry()

    def finish(self) -> None:
        if self.stack is not None:
            self.session.enter(None)
            self.stack.pop(self.result)

    def enter(self) -> None:
        self.session.enter(self.puzzle.id)  # still at this station (the facilitator's F5-F7 act on it)
        self.focus.focus(self.back_button if self.solved or self.retry_button is None else self.retry_button,
                         visible=False)

    # --- per frame ---------------------------------------------------------------------------------------------

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                self.finish()
                return True
            if event.key in (pygame.K_PAGEDOWN, pygame.K_RIGHT) and self.page < len(self.pages) - 1:
                self.turn(1)
                return True
            if event.key in (pygame.K_PAGEUP, pygame.K_LEFT) and self.page > 0:
                self.turn(-1)
                return True
        action = pointer(event)
        if action is not None and PAGE.collidepoint(action.pos) or (action is not None and self._swipe):
            if action.phase is Phase.DOWN:
                self._swipe = (action.id, action.pos[0])
                return True
            if self._swipe is not None and action.id == self._swipe[0]:
                if action.phase is Phase.UP:
                    dx = action.pos[0] - self._swipe[1]
                    self._swipe = None
                    if abs(dx) >= _SWIPE:
                        self.turn(-1 if dx > 0 else 1)
                return True
        return self.focus.handle_event(event)

    def update(self, dt: float) -> None:
        self.focus.update(dt)

    def view_key(self) -> tuple[object, ...]:
        """Everything the cached layer shows."""
        return (self.lang, self.hud.key(), self.page, self.focus.look())

    def draw(self, surface: pygame.Surface) -> None:
        self._layer.draw_parts(surface, self.ctx.layers, (self.lang, self.hud.key(), self.page), self.focus.parts(),
                               self._paint)
        self.hud.draw_live(surface)
        self.focus.draw_over(surface)

    def _paint(self, surface: pygame.Surface) -> None:
        surface.fill(theme.BG)
        self._draw_sidebar(surface)
        if self.direct:
            for block, rect in self.pages[self.page] if self.pages else []:
                self._draw_block(surface, block, rect)
            if len(self.pages) > 1:
                box = pygame.Rect(self.prev_button.rect.right, self.prev_button.rect.y,
                                  self.next_button.rect.left - self.prev_button.rect.right, NAV_H)
                draw_text(self.ctx, surface, self.t("puzzel.feedback.page", n=self.page + 1, totaal=len(self.pages)),
                          box, role="bold", size=theme.TEXT_BODY, align="center", valign="middle")
        else:
            self._draw_escape(surface)
        self.focus.draw_below(surface)

    # --- the sidebar ---------------------------------------------------------------------------------------------

    def stability_line(self) -> tuple[str, str]:
        """(sentence, trend) for how this answer changed the resident's stability."""
        name = self.session.scenario.scenario.bewoner.naam
        before, after = self.stability_before, self.stability_after
        direction = hud.trend(before, after)
        if direction == "flat":
            return self.t("spel.feedback.stability_same", naam=name, naar=after), direction
        return self.t("spel.feedback.stability_change", naam=name, van=before, naar=after,
                      trend=self.t(f"spel.room.trend_{direction}")), direction

    def sidebar_boxes(self) -> dict[str, pygame.Rect]:
        x, w = TITLE_BOX.x, TITLE_BOX.width
        y = title_bottom(self.ctx, self.title) + theme.SPACE_M
        boxes = {"status": pygame.Rect(x + 88, y, w - 88, 64)}
        y += 64 + theme.SPACE_S
        boxes["score"] = pygame.Rect(x, y, w, 64)
        if self.direct:  # escape mode shows the score big beside the sidebar instead
            y += 64 + theme.SPACE_S
        boxes["change_panel"] = pygame.Rect(x, y, w, 112)
        boxes["change"] = pygame.Rect(x + 72, y + theme.SPACE_XS, w - 72 - theme.SPACE_S, 112 - 2 * theme.SPACE_XS)
        y += 112 + theme.SPACE_M
        boxes["reward_panel"] = pygame.Rect(x, y, w, BACK_RECT.top - theme.SPACE_L - y)
        reward = boxes["reward_panel"]
        side = min(reward.height - 2 * theme.SPACE_S, 150)
        boxes["reward_char"] = pygame.Rect(reward.right - theme.SPACE_M - side, reward.centery - side // 2, side, side)
        boxes["reward"] = pygame.Rect(reward.x + _PAD, reward.y + theme.SPACE_S,
                                      boxes["reward_char"].x - reward.x - 2 * _PAD, reward.height - 2 * theme.SPACE_S)
        return boxes

    def text_boxes(self) -> list[tuple[str, pygame.Rect, str, int]]:
        """Every sidebar text with its box, role and the smallest size it may be drawn at (for the fit test)."""
        boxes = self.sidebar_boxes()
        out = [(self.title, TITLE_BOX, "bold", TITLE_MIN),
               (self.t("puzzel.feedback.solved" if self.solved else "puzzel.feedback.not_solved"), boxes["status"],
                "bold", theme.TEXT_MIN),
               *([(self.t("puzzel.feedback.score", goed=self.right, totaal=len(self.result.items)), boxes["score"],
                   "regular", theme.TEXT_MIN)] if self.direct else []),
               (self.stability_line()[0], boxes["change"], "bold", theme.TEXT_MIN),
               (self.t("puzzel.feedback.reward"), boxes["reward"], "bold", theme.TEXT_MIN)]
        out += [(text, box, role, theme.TEXT_MIN) for text, box, role, _ in self.hud.labels()]
        for button in (self.retry_button, self.back_button, self.prev_button, self.next_button):
            if button is not None:
                out.append((button.label, button._label_box(), "bold", theme.TEXT_MIN))
        return out

    def _draw_sidebar(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        boxes = self.sidebar_boxes()
        self.hud.draw_still(surface)
        draw_text(ctx, surface, self.title, TITLE_BOX, role="bold", size=theme.TEXT_TITLE, min_size=TITLE_MIN)
        icon_style = (theme.GREEN, Icon.CHECK) if self.solved else (theme.AMBER, Icon.WARNING)
        status_box = boxes["status"]
        draw_icon(surface, icon_style[1], pygame.Rect(TITLE_BOX.x, status_box.y, 64, 64), icon_style[0])
        status = self.t("puzzel.feedback.solved" if self.solved else "puzzel.feedback.not_solved")
        draw_text(ctx, surface, status, status_box, role="bold", size=theme.TEXT_LARGE, colour=icon_style[0],
                  valign="middle")
        if self.direct:  # in escape mode the score is the big text beside the sidebar already
            score = self.t("puzzel.feedback.score", goed=self.right, totaal=len(self.result.items))
            draw_text(ctx, surface, score, boxes["score"], size=theme.TEXT_LARGE, valign="middle")
        line, direction = self.stability_line()
        change = boxes["change_panel"]
        colour = hud.stability_colour(self.stability_after) if direction != "flat" else theme.TEXT_MUTED
        panel(surface, change, theme.SURFACE, colour)
        hud.draw_trend_arrow(surface, pygame.Rect(change.x + 20, change.centery - 28, 36, 56), direction, colour)
        draw_text(ctx, surface, line, boxes["change"], role="bold", size=40, valign="middle")
        if self.solved:
            reward = boxes["reward_panel"]
            panel(surface, reward, theme.SURFACE, theme.ACCENT, 5)
            draw_text(ctx, surface, self.t("puzzel.feedback.reward"), boxes["reward"], role="bold",
                      size=theme.TEXT_BODY, colour=theme.ACCENT, valign="middle")
            box = boxes["reward_char"]
            panel(surface, box, theme.BG, theme.ACCENT, 4)
            char = ctx.text.render(self.puzzle.beloning, "bold", min(140, box.height - 10), theme.ACCENT)
            surface.blit(char, char.get_rect(center=box.center))

    # while covered (the hint ladder after "Opnieuw" is not possible here; F1/F7 overlays are) only the clock moves
    def look_key(self) -> object:
        return (id(self), self.view_key())

    def _draw_escape(self, surface: pygame.Surface) -> None:
        box = pygame.Rect(CONTENT.x, CONTENT.y + 200, CONTENT.width, 200)
        draw_text(self.ctx, surface, self.t("puzzel.feedback.score", goed=self.right, totaal=len(self.result.items)),
                  box, role="bold", size=theme.TEXT_HERO, align="center", valign="middle", min_size=theme.TEXT_MIN)
        note = pygame.Rect(CONTENT.x, box.bottom + theme.SPACE_L, CONTENT.width, 200)
        draw_text(self.ctx, surface, self.t("puzzel.feedback.escape_note"), note, size=theme.TEXT_LARGE,
                  colour=theme.TEXT_MUTED, align="center")

    def _draw_block(self, surface: pygame.Surface, block: Block, rect: pygame.Rect) -> None:
        ctx = self.ctx
        panel(surface, rect, theme.SURFACE, block.badges[0][0].colour if block.badges else theme.BORDER)
        clip = surface.get_clip()
        surface.set_clip(rect.clip(clip))
        x, y = rect.x + _PAD, rect.y + _PAD
        width = self._inner_width()
        if block.badges:
            bx = x
            for style, word in block.badges:
                bx = self._draw_badge(surface, style, word, bx, y) + theme.SPACE_M
            y += _BADGE_H + theme.SPACE_S
        for text, role, size, colour in self._parts(block):
            y += ctx.text.draw_at(surface, text, (x, y), role, size, colour, width) + theme.SPACE_XS
        surface.set_clip(clip)

    def _draw_badge(self, surface: pygame.Surface, style: BadgeStyle, word: str, x: int, y: int) -> int:
        label = self.ctx.text.render(word, "bold", theme.TEXT_MIN, style.colour)
        pill = pygame.Rect(x, y, 48 + theme.SPACE_S + label.get_width() + 2 * theme.SPACE_M, _BADGE_H)
        pygame.draw.rect(surface, theme.BG, pill, border_radius=pill.height // 2)
        pygame.draw.rect(surface, style.colour, pill, 4, border_radius=pill.height // 2)
        icon = pygame.Rect(pill.x + theme.SPACE_M, pill.y + 10, 48, 48)
        draw_icon(surface, style.icon, icon, style.colour, cutout=theme.BG)
        surface.blit(label, label.get_rect(midleft=(icon.right + theme.SPACE_S, pill.centery)))
        return pill.right
