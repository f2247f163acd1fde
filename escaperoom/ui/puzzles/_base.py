"""The frame every puzzle scene shares: a sidebar with the puzzle's title and task, the "Terug naar de kamer" and
submit buttons, a content area for the puzzle itself and the submit flow (``session.submit``, then the result goes
back to the room, which opens the feedback). Used by the modules of ``escaperoom.ui.puzzles``; their scripted
answers are in ``escaperoom.ui.scripted.puzzles``.

Frame cost: a puzzle screen is painted into a cached layer (``escaperoom.ui.layer``), painted again only when
``view_key()`` changes (the HUD's still part, the notice, the puzzle's ``state_key()`` and its widgets' looks); each
frame blits it and draws the clock, the widgets' live parts (a cursor) and what is on top (a dragged card) over it.
When only widgets changed (a toggle, typing, focus) only their areas are painted again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pygame

from escaperoom.content.models import Puzzle
from escaperoom.kinds import Answer, PuzzleResult
from escaperoom.play.pii import LABEL_IDS, find_personal_data, kinds_for_labels
from escaperoom.play.session import PersonalDataInReason, Phase, Session, SessionError, Status
from escaperoom.rules.lawbook import LawBook
from escaperoom.text import Text
from escaperoom.ui import hud, theme
from escaperoom.ui.context import UiContext
from escaperoom.ui.draw import draw_text
from escaperoom.ui.icons import draw_icon
from escaperoom.ui.layer import Layer
from escaperoom.ui.scene import Scene
from escaperoom.ui.theme import Icon
from escaperoom.ui.widgets import Button, FocusGroup

# Layout on the 1920x1080 canvas: a sidebar on the left (task and buttons), the puzzle on the right.
TOP = 48
BOTTOM = theme.CANVAS_HEIGHT - TOP
SIDEBAR = pygame.Rect(theme.MARGIN, TOP, 560, BOTTOM - TOP)
CONTENT = pygame.Rect(SIDEBAR.right + 48, TOP, theme.CANVAS_WIDTH - theme.MARGIN - SIDEBAR.right - 48, BOTTOM - TOP)
HUD_RECT = pygame.Rect(SIDEBAR.x, SIDEBAR.y, SIDEBAR.width, hud.HEIGHT)  # time left and the resident's stability
# the title takes what it needs of this box, up to three lines at 64 px; what comes below moves up under it
TITLE_BOX = pygame.Rect(SIDEBAR.x, HUD_RECT.bottom + theme.SPACE_S, SIDEBAR.width, 240)
_BUTTON_W = (SIDEBAR.width - theme.SPACE_S) // 2
BACK_RECT = pygame.Rect(SIDEBAR.x, BOTTOM - theme.BUTTON_HEIGHT, _BUTTON_W, theme.BUTTON_HEIGHT)
SUBMIT_RECT = pygame.Rect(SIDEBAR.right - _BUTTON_W, BOTTOM - theme.BUTTON_HEIGHT, _BUTTON_W, theme.BUTTON_HEIGHT)
TASK_BOX = pygame.Rect(SIDEBAR.x, TITLE_BOX.bottom + theme.SPACE_M, SIDEBAR.width,
                       BACK_RECT.top - theme.SPACE_L - TITLE_BOX.bottom - theme.SPACE_M)
HINT_RECT = pygame.Rect(SIDEBAR.x, BACK_RECT.top - theme.SPACE_S - theme.TOUCH_MIN, SIDEBAR.width, theme.TOUCH_MIN)
TASK_BOX_WITH_HINT = pygame.Rect(TASK_BOX.x, TASK_BOX.y, TASK_BOX.width,
                                 HINT_RECT.top - theme.SPACE_M - TASK_BOX.y)
TITLE_MIN = theme.TITLE_MIN  # titles stay at least this big (read from 4 m)

ENTER_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER)


def digit_of(event: pygame.event.Event) -> int | None:
    """1..9 for a digit key (top row or keypad), else None."""
    code = int(event.key)
    if pygame.K_1 <= code <= pygame.K_9:
        return code - pygame.K_0
    if pygame.K_KP1 <= code <= pygame.K_KP9:
        return code - pygame.K_KP1 + 1
    return None


def title_bottom(ctx: UiContext, title: str) -> int:
    """Where a puzzle screen's title ends: it is drawn at the top of ``TITLE_BOX`` at the largest size up to
    ``TEXT_TITLE`` (never below 64 px) that fits, and takes only the lines it needs."""
    size = ctx.text.fit_size(title, "bold", TITLE_BOX.width, TITLE_BOX.height, theme.TEXT_TITLE, TITLE_MIN)
    height = ctx.text.layout(title, "bold", size, TITLE_BOX.width).height
    return TITLE_BOX.y + min(TITLE_BOX.height, height)


def personal_data_text(ctx: UiContext, lang: str, reason: str, labels: list[str]) -> str:
    """The calm notice for a reason that looks like it holds personal data, naming what was found (a phone
    number, a BSN …) in ``lang``: found again in ``reason`` (reading order), else from the session's Dutch
    ``labels``."""
    kinds = list(dict.fromkeys(f.kind for f in find_personal_data(reason))) or kinds_for_labels(labels)
    names = [ctx.strings.t(LABEL_IDS[kind], lang) for kind in kinds] or [ctx.strings.t("pii.unknown", lang)]
    joined = names[0] if len(names) == 1 else (
        ", ".join(names[:-1]) + f" {ctx.strings.t('puzzel.dilemma.and', lang)} " + names[-1])
    return ctx.strings.t("puzzel.dilemma.pii", lang, wat=joined)


def session_error_text(session: Session, t: Callable[..., str], puzzle_id: str | None = None) -> str:
    """A catalogued sentence for a call the session refused (``SessionError`` carries Dutch text meant for
    developers): why, as far as the session's state tells."""
    if session.phase is Phase.PAUSED:
        return t("spel.error.paused")
    if session.phase.final:
        return t("spel.error.over")
    if puzzle_id is not None and session.status(puzzle_id) is not Status.OPEN:
        return t("spel.error.done")
    lock = session.scenario.lock
    if puzzle_id is not None and lock is not None and puzzle_id == lock.id and not session.lock_open:
        return t("spel.room.lock_closed")
    return t("spel.error.other")


@dataclass(frozen=True)
class Answered:
    """What a puzzle scene hands back when its answer was taken: the result, the reason given and the resident's
    stability before the answer (the feedback says how it moved)."""

    result: PuzzleResult
    reason: str
    stability_before: int


class PuzzleScene(hud.HudLayer, Scene):
    """Base of the five puzzle scenes. Subclasses build their widgets in ``build`` (adding them to ``self.focus``
    in keyboard order), return the answer in its kind's format from ``answer`` (or None after setting
    ``self.message``) and draw the puzzle in ``draw_content``."""

    submit_label = "puzzel.controleer"

    def __init__(self, puzzle: Puzzle, session: Session, ctx: UiContext,
                 on_hint: Callable[[], None] | None = None):
        super().__init__()
        self.on_hint = on_hint
        self.puzzle = puzzle
        self.session = session
        self.ctx = ctx
        self.lang = session.settings.lang
        self.book: LawBook = ctx.book
        self.focus = FocusGroup()
        self.message = ""  # a short notice shown in place of the task until the next change
        self.result: PuzzleResult | None = None
        self.build()
        self.submit_button = self.focus.add(
            Button(SUBMIT_RECT, ctx.text, self.t(self.submit_label), self.submit, style="primary"))
        self.back_button = self.focus.add(
            Button(BACK_RECT, ctx.text, self.t("puzzel.terug"), self.finish, style="secondary"))
        # the hint ladder opens over the puzzle (the game flow passes how), so a team never has to leave it
        self.hint_button = (self.focus.add(Button(HINT_RECT, ctx.text, self.t("puzzel.hint"), on_hint,
                                                  style="secondary", icon=Icon.WARNING))
                            if on_hint is not None and puzzle.hints else None)
        self.title = self.text(puzzle.titel)
        self.task = self.text(puzzle.opdracht)
        # the task starts right under the title: a short title leaves the task more room
        task = TASK_BOX_WITH_HINT if self.hint_button is not None else TASK_BOX
        top = title_bottom(ctx, self.title) + theme.SPACE_S
        self.task_box = pygame.Rect(task.x, top, task.width, task.bottom - top)
        self.hud = hud.Hud(HUD_RECT, session, ctx, self.lang)
        self._layer = Layer(self)

    # --- helpers ----------------------------------------------------------------------------------------------

    def t(self, id: str, /, **values: Any) -> str:
        return self.ctx.strings.t(id, self.lang, **values)

    def text(self, value: Text | None) -> str:
        return value.get(self.lang) if value is not None else ""

    def role_name(self, role_id: str) -> str:
        role = self.book.roles.get(role_id)
        return role.naam.get(self.lang) if role is not None else role_id

    def cite(self, provision_id: str) -> str:
        try:
            return self.book.cite(provision_id)
        except KeyError:
            return provision_id

    def basis_label(self, provision_id: str) -> str:
        """The citation with its short name ("AVG art. 6 lid 1 onder a — toestemming"), for answer options."""
        try:
            return self.book.label(provision_id, self.lang)
        except KeyError:
            return provision_id

    # --- hooks for subclasses ---------------------------------------------------------------------------------

    def build(self) -> None:
        """Create the puzzle's widgets and add them to ``self.focus`` in keyboard order."""

    def answer(self) -> Answer | None:
        raise NotImplementedError

    def reason(self) -> str:
        return ""

    def handle_puzzle_event(self, event: pygame.event.Event) -> bool:
        """Gets every event before the focus group (drags, shortcuts). Return True when used."""
        return False

    def cancel(self) -> bool:
        """Esc: undo a half-done action (a picked-up card). Return False to leave the puzzle."""
        return False

    def on_personal_data(self, err: PersonalDataInReason) -> None:
        self.message = self.personal_data_text(err)

    def personal_data_text(self, err: PersonalDataInReason) -> str:
        """What the session found in the reason, named in the game's language (the error's own text is Dutch)."""
        return personal_data_text(self.ctx, self.lang, self.reason(), err.labels)

    def draw_content(self, surface: pygame.Surface) -> None:
        """Draw the puzzle (behind the widgets)."""

    def state_key(self) -> Any:
        """What ``draw_content`` and ``draw_overlay`` read besides the widgets and ``content_parts`` (the whole layer
        is painted again when it changes)."""
        return None

    def content_parts(self) -> list[tuple[object, pygame.Rect]]:
        """(look, area) of parts of ``draw_content`` and ``draw_overlay`` that change on their own (a zone's count):
        when only those change, only their areas are painted again."""
        return []

    # --- lifecycle and flow ---------------------------------------------------------------------------------

    def enter(self) -> None:
        self.session.enter(self.puzzle.id)
        self.focus.focus_first(visible=False)

    def submit(self) -> None:
        """Send the answer to the session; when it is taken, this scene leaves the stack and hands ``Answered``
        to whoever opened it (the flow then shows the feedback)."""
        answer = self.answer()
        if answer is None:
            return
        before = self.session.stability
        try:
            result = self.session.submit(self.puzzle.id, answer, self.reason())
        except PersonalDataInReason as err:
            self.on_personal_data(err)
            return
        except SessionError:
            self.message = session_error_text(self.session, self.t, self.puzzle.id)
            return
        self.result = result
        if self.stack is not None:
            self.stack.pop(Answered(result, self.reason(), before))

    def finish(self) -> None:
        """Back to the room (the scene below), without an answer."""
        if self.stack is None:
            return
        self.session.enter(None)
        self.stack.pop()

    # --- per frame --------------------------------------------------------------------------------------------

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            if not self.cancel():
                self.finish()
            return True
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.FINGERDOWN, pygame.TEXTINPUT):
            self.message = ""  # a notice stays until the team does something
        if self.handle_puzzle_event(event):
            return True
        return self.focus.handle_event(event)

    def update(self, dt: float) -> None:
        self.focus.update(dt)

    def layer_key(self) -> tuple[Any, ...]:
        """What the cached layer shows apart from the widgets (when it changes, all of it is painted again)."""
        return (self.lang, self.hud.key(), self.message, tuple(self.task_box), self.state_key())

    def view_key(self) -> tuple[Any, ...]:
        """Everything the cached layer shows."""
        return (self.layer_key(), self.focus.look(), tuple(look for look, _ in self.content_parts()))

    def draw(self, surface: pygame.Surface) -> None:
        self._layer.draw_parts(surface, self.ctx.layers, self.layer_key(), self.focus.parts() + self.content_parts(),
                               self._paint)
        self.hud.draw_live(surface)
        self.focus.draw_over(surface)

    def _paint(self, layer: pygame.Surface) -> None:
        """The layer, or the part of it inside its clip."""
        layer.fill(theme.BG)
        self.hud.draw_still(layer)
        self.draw_sidebar(layer)
        self.draw_content(layer)
        self.focus.draw_below(layer)
        self.draw_overlay(layer)

    # while covered (the hint ladder on top) a puzzle gets no input: only the session changes how it looks
    def look_key(self) -> Any:
        return (id(self), self.view_key())

    def draw_overlay(self, surface: pygame.Surface) -> None:
        """Drawn after the widgets, in the layer (a check mark on a tab); a widget on top (a dragged card) is drawn
        over it."""

    def draw_sidebar(self, surface: pygame.Surface) -> None:
        draw_text(self.ctx, surface, self.title, TITLE_BOX, role="bold", size=theme.TEXT_TITLE, min_size=TITLE_MIN)
        if self.message:
            icon = pygame.Rect(self.task_box.x, self.task_box.y + 4, 56, 56)
            draw_icon(surface, Icon.WARNING, icon, theme.AMBER)
            box = pygame.Rect(icon.right + theme.SPACE_M, self.task_box.y,
                              self.task_box.right - icon.right - theme.SPACE_M, self.task_box.height)
            draw_text(self.ctx, surface, self.message, box, size=theme.TEXT_BODY, colour=theme.AMBER)
        else:
            draw_text(self.ctx, surface, self.task, self.task_box, size=theme.TEXT_BODY, colour=theme.TEXT_MUTED)

    # --- checks -------------------------------------------------------------------------------------------------

    def texts_and_boxes(self) -> list[tuple[str, pygame.Rect, str]]:
        """The puzzle's own texts with their boxes and roles (subclasses add theirs; used by the overflow test)."""
        return []

    def text_boxes(self) -> list[tuple[str, pygame.Rect, str, int]]:
        """Every text on this screen with its box, role and the smallest size it may be drawn at."""
        out = [(self.title, TITLE_BOX, "bold", TITLE_MIN), (self.task, self.task_box, "regular", theme.TEXT_MIN)]
        out += [(text, box, role, theme.TEXT_MIN) for text, box, role, _ in self.hud.labels()]
        for button in (self.submit_button, self.back_button, self.hint_button):
            if button is None:
                continue
            out.append((button.label, button._label_box(), "bold", theme.TEXT_MIN))
        return out + [(text, box, role, theme.TEXT_MIN) for text, box, role in self.texts_and_boxes()]
