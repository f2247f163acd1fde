"""Setup screen for the facilitator: scenario, its level (basis / verdieping), team name (a team name only: typed
text is checked for personal data), playing time, feedback mode (direct with explanation / right-or-wrong only)
and language.
Controls: tap or Tab/arrows + Enter on each control; type the team name; Enter in the name field starts;
Esc goes back. Leads to the story intro (a new session is started and saved) or back to the title."""

from __future__ import annotations

import pygame

from escaperoom.content.levels import DEFAULT_LEVEL, LEVELS
from escaperoom.kinds.judging import Judged
from escaperoom.play.pii import find_personal_data
from escaperoom.play.session import Feedback
from escaperoom.ui import theme
from escaperoom.ui.draw import draw_text
from escaperoom.ui.fonts import Align
from escaperoom.ui.scenes.base import CANVAS, GameScene
from escaperoom.ui.scenes.game import Game
from escaperoom.ui.widgets import TextField

_LABEL_X, _LABEL_W = 120, 540
_CTRL_X = 700
_CTRL_W = CANVAS.width - _CTRL_X - 120
_ROW_Y, _ROW_STEP, _ROW_H = 150, 122, 110
_DURATIONS = (15, 20, 30, 40, 45, 50, 60, 75, 90)


class SetupScene(GameScene):
    def __init__(self, game: Game, *, team: str | None = None, scenario_index: int | None = None,
                 duration_min: int | None = None, feedback: Feedback | None = None, level: str | None = None):
        super().__init__(game)
        d = game.defaults
        ids = [s.scenario.id for s in game.scenarios]
        self.scenario_index = scenario_index if scenario_index is not None else (
            ids.index(d.scenario_id) if d.scenario_id in ids else 0)
        self.level = level or d.level or DEFAULT_LEVEL
        self.duration = duration_min or d.duration_min or self._minutes()
        self.feedback = feedback or d.feedback
        self.message = ""
        row = [pygame.Rect(_CTRL_X, _ROW_Y + i * _ROW_STEP, _CTRL_W, _ROW_H) for i in range(6)]
        self.scenario_button = self.button(row[0], self._scenario_label(), self.next_scenario, "secondary")
        self.team_field = self.group.add(TextField(row[1], self.ctx.text, value=team or d.team or "",
                                                   placeholder=self.t("setup.team_name_hint"), max_length=30,
                                                   on_submit=lambda _v: self.start()))
        small = _ROW_H + 40
        self.less = self.button((row[2].x, row[2].y, small, _ROW_H), "−", self.shorter, "secondary",
                                size=theme.TEXT_TITLE)
        self.more = self.button((row[2].right - small, row[2].y, small, _ROW_H), "+", self.longer, "secondary",
                                size=theme.TEXT_TITLE)
        self.feedback_button = self.button(row[3], self._feedback_label(), self.toggle_feedback, "secondary")
        self.lang_button = self.button(row[4], self.t("setup.lang_nl") if self.ctx.lang == "nl"
                                       else self.t("setup.lang_en"), self.toggle_lang, "secondary")
        self.level_button = self.button(row[5], self._level_label(), self.toggle_level, "secondary")
        y = CANVAS.bottom - 64 - theme.BUTTON_HEIGHT
        self.back = self.button((_LABEL_X, y, 360, theme.BUTTON_HEIGHT), self.t("common.back"), self.go_back,
                                "secondary")
        self.start_button = self.button((CANVAS.right - 120 - 640, y, 640, theme.BUTTON_HEIGHT),
                                        self.t("setup.start"), self.start)
        self._rows = row

    def enter(self) -> None:
        self.group.focus(self.team_field, visible=True)

    def _loaded(self) -> Judged:
        return self.game.scenarios[self.scenario_index]

    def _minutes(self) -> int:
        return self._loaded().at_level(self.level).scenario.scenario.duur_minuten

    def _scenario_label(self) -> str:
        return self._loaded().scenario.scenario.titel.get(self.ctx.lang)

    def _level_label(self) -> str:
        return self.t(f"spel.setup.level_{self.level}")

    def _feedback_label(self) -> str:
        return self.t("spel.setup.feedback_direct" if self.feedback is Feedback.DIRECT
                      else "spel.setup.feedback_escape")

    # --- actions -------------------------------------------------------------------------------------------

    def next_scenario(self) -> None:
        self.scenario_index = (self.scenario_index + 1) % len(self.game.scenarios)
        self.scenario_button.set_label(self._scenario_label())
        self.duration = self._minutes()

    def toggle_level(self) -> None:
        self.level = LEVELS[(LEVELS.index(self.level) + 1) % len(LEVELS)] if self.level in LEVELS else DEFAULT_LEVEL
        self.level_button.set_label(self._level_label())
        self.duration = self._minutes()

    def shorter(self) -> None:
        smaller = [d for d in _DURATIONS if d < self.duration]
        self.duration = smaller[-1] if smaller else self.duration

    def longer(self) -> None:
        bigger = [d for d in _DURATIONS if d > self.duration]
        self.duration = bigger[0] if bigger else self.duration

    def toggle_feedback(self) -> None:
        self.feedback = Feedback.ESCAPE if self.feedback is Feedback.DIRECT else Feedback.DIRECT
        self.feedback_button.set_label(self._feedback_label())

    def toggle_lang(self) -> None:
        self.ctx.lang = "en" if self.ctx.lang == "nl" else "nl"
        assert self.stack is not None
        again = SetupScene(self.game, team=self.team_field.value, scenario_index=self.scenario_index,
                           duration_min=self.duration, feedback=self.feedback, level=self.level)
        self.stack.replace(again)
        again.group.focus(again.lang_button, visible=True)

    def go_back(self) -> None:
        assert self.stack is not None
        self.stack.pop()

    def start(self) -> None:
        team = self.team_field.value.strip()
        if not team:
            self.message = self.t("setup.team_name_empty")
            self.group.focus(self.team_field)
            return
        if find_personal_data(team):
            self.message = self.t("spel.setup.name_personal")
            self.group.focus(self.team_field)
            return
        self.game.start(self._loaded().scenario.id, team, self.duration, self.feedback, self.ctx.lang, self.level)
        self.game.flow.open_intro()

    def handle_event(self, event: pygame.event.Event) -> bool:
        if self.group.handle_event(event):
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.go_back()
            return True
        return False

    # --- drawing -------------------------------------------------------------------------------------------

    def state_key(self):
        return (self.duration, self.feedback, self.message, self.scenario_index, self.level)

    def labels(self):
        names = [self.t("spel.setup.scenario"), self.t("setup.team_name"), self.t("setup.duration"),
                 self.t("spel.setup.feedback"), self.t("setup.language"), self.t("spel.setup.level")]
        out = [(self.t("spel.setup.heading"), pygame.Rect(_LABEL_X, 40, 1200, 96), "bold", theme.TEXT_TITLE),
               (self.t("spel.setup.for_facilitator"), pygame.Rect(1340, 56, 460, 70), "regular", theme.TEXT_BODY)]
        out += [(name, pygame.Rect(_LABEL_X, _ROW_Y + i * _ROW_STEP, _LABEL_W, _ROW_H), "bold", theme.TEXT_LARGE)
                for i, name in enumerate(names)]
        return out

    def _note_box(self) -> pygame.Rect:
        return pygame.Rect(_LABEL_X + 360 + theme.SPACE_L, CANVAS.bottom - 64 - theme.BUTTON_HEIGHT,
                           CANVAS.width - 2 * _LABEL_X - 360 - 640 - 2 * theme.SPACE_L, theme.BUTTON_HEIGHT)

    def draw_back(self, surface: pygame.Surface) -> None:
        for i, (text, box, role, size) in enumerate(self.labels()):
            colour = theme.TEXT_MUTED if i == 1 else theme.TEXT
            align: Align = "right" if i == 1 else "left"
            draw_text(self.ctx, surface, text, box, role=role, size=size, colour=colour, align=align,
                      valign="middle")
        dur = self._rows[2]
        mid = pygame.Rect(dur.x + _ROW_H + 60, dur.y, dur.width - 2 * (_ROW_H + 60), dur.height)
        draw_text(self.ctx, surface, self.t("spel.setup.minutes", n=self.duration), mid, role="bold",
                  size=theme.TEXT_LARGE, align="center", valign="middle")
        note = self.message or self.t("spel.setup.team_rule")
        colour = theme.AMBER if self.message else theme.TEXT_MUTED
        box = self._note_box()
        draw_text(self.ctx, surface, note, box, size=theme.TEXT_SMALL, colour=colour, valign="middle")
