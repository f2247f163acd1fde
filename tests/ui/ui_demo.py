"""DemoScene: every widget on one 1920x1080 screen, for widget tests, the screenshot and the frame benchmark.
Lives only in the tests; the game scenes are built elsewhere."""

from __future__ import annotations

import pygame

from escaperoom.ui import theme
from escaperoom.ui.context import UiContext
from escaperoom.ui.scene import ModalScene, Scene
from escaperoom.ui.widgets import Badge, Button, Card, ChoiceList, FocusGroup, Modal, TextBlock, TextField

M = theme.MARGIN
COL_W = 560
GAP = theme.SPACE_XL


class ConfirmScene(ModalScene[bool]):
    """A yes/no question over the scene below; dismisses with True or False (Escape: False). Opaque for the
    stack: it draws the scene below once, for the modal's darkened backdrop."""

    opaque = True

    def __init__(self, ctx: UiContext, title: str, body: str):
        super().__init__()
        self.modal = Modal(
            ctx.canvas,
            ctx.text,
            title,
            body,
            [(ctx.t("common.yes"), True), (ctx.t("common.no"), False)],
            self.dismiss,
            cancel=False,
        )

    def handle_event(self, event: pygame.event.Event) -> bool:
        return self.modal.handle_event(event)

    def update(self, dt: float) -> None:
        self.modal.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        if self.modal.needs_backdrop and self.stack is not None:
            below = self.stack.scenes
            for scene in below[: below.index(self)] if self in below else below[:-1]:
                scene.draw(surface)
        self.modal.draw(surface)


class DemoScene(Scene):
    """Shows a title, buttons, a text field, a choice list, cards and verdict badges. Escape asks to quit."""

    def __init__(self, ctx: UiContext):
        super().__init__()
        self.ctx = ctx
        self.clicked: list[str] = []
        self.submitted: list[str] = []
        self.chosen: list[int] = []
        self.dropped: list[tuple[str, tuple[int, int]]] = []
        self.results: list[bool] = []
        t, text = ctx.t, ctx.text
        x1, x2, x3 = M, M + COL_W + GAP, M + 2 * (COL_W + GAP)
        col3 = 1920 - M - x3
        top = 212
        self.title = TextBlock((M, 36, 1920 - 2 * M, 96), text, t("app.name"), role="bold", size=theme.TEXT_TITLE)
        self.tagline = TextBlock((M, 128, 1920 - 2 * M, 60), text, t("app.tagline"), colour=theme.TEXT_MUTED)
        h, step = theme.TOUCH_MIN, theme.TOUCH_MIN + theme.SPACE_S

        def button(row: int, id: str, action, style: str = "secondary", **values) -> Button:
            return Button((x1, top + row * step, COL_W, h), text, t(id, **values), action, style=style)

        self.new_game = button(0, "title.new_game", lambda: self.clicked.append("new"), "primary")
        self.cont = button(1, "title.continue_team", lambda: self.clicked.append("continue"), team="De Ĳsvogels")
        self.debrief = button(2, "title.debrief", lambda: self.clicked.append("debrief"))
        self.disabled = button(3, "pause.heading", None)
        self.disabled.enabled = False
        self.quit = button(4, "title.quit", self.ask_quit)
        self.field_label = TextBlock((x2, top, COL_W, 56), text, t("setup.team_name"), role="bold")
        self.field = TextField(
            (x2, top + 64, COL_W, theme.TOUCH_MIN), text, placeholder=t("setup.team_name_hint"), max_length=24,
            on_submit=self.submitted.append,
        )
        list_top = top + 64 + theme.TOUCH_MIN + theme.SPACE_L
        self.list_label = TextBlock((x2, list_top, COL_W, 56), text, t("setup.players"), role="bold")
        self.choices = ChoiceList(
            (x2, list_top + 64, COL_W, 3 * theme.ROW_HEIGHT + 2 * theme.SPACE_M), text,
            [t("setup.players_count", n=n) for n in (3, 4, 5)], self.chosen.append, selected=1,
        )
        self.card_a = Card(
            (x3, top, col3, 196), text, "Diagnose huisarts", "Depressie, sinds maart in behandeling", on_drop=self._drop
        )
        self.card_b = Card(
            (x3, top + 212, col3, 196), text, "Adres en BSN", "Kerkstraat 12, Ĳmuiden", on_drop=self._drop,
            colour=theme.BLUE,
        )
        self.card_b.selected = True
        badge_top = top + 2 * 212 + theme.SPACE_XS
        self.feedback = [
            Badge((x3, badge_top + i * 80, col3, 72), text, style, t(style.word_id), filled=True)
            for i, style in enumerate(theme.FEEDBACK_STYLES.values())
        ]
        verdict_w = (1920 - 2 * M - 2 * theme.SPACE_M) // 3
        self.badges = [
            Badge((M + i * (verdict_w + theme.SPACE_M), 972, verdict_w, 76), text, style, t(style.word_id))
            for i, style in enumerate(theme.VERDICT_STYLES.values())
        ]
        self.group = FocusGroup(
            [self.new_game, self.cont, self.debrief, self.disabled, self.quit, self.field, self.choices, self.card_a, self.card_b]
        )
        self.static = [self.title, self.tagline, self.field_label, self.list_label, *self.badges, *self.feedback]

    def _drop(self, card: Card, pos: tuple[int, int]) -> None:
        self.dropped.append((card.title, pos))
        card.return_home()

    def ask_quit(self) -> None:
        assert self.stack is not None
        self.stack.push(
            ConfirmScene(self.ctx, self.ctx.t("confirm.quit_heading"), self.ctx.t("confirm.quit_body")),
            on_result=self.results.append,
        )

    def enter(self) -> None:
        self.group.focus_first(visible=True)

    def handle_event(self, event: pygame.event.Event) -> bool:
        if self.group.handle_event(event):
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.ask_quit()
            return True
        return False

    def update(self, dt: float) -> None:
        self.group.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.BG)
        for widget in self.static:
            widget.draw(surface)
        self.group.draw(surface)
