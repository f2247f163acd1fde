"""End screen (escaped, time up or ended by the facilitator): what the team's choices meant for the resident —
the stability path as a small line chart with start and end, the counts of goed / te ruim / te voorzichtig
(/ verkeerde grondslag) as icon + word + number, and Dutch sentences about the outcome; not just a score.
Controls: tap or Tab/arrows + Enter. Leads to the debrief (when available) or the title screen."""

from __future__ import annotations

import pygame

from escaperoom.session import Phase
from escaperoom.ui import theme
from escaperoom.ui.icons import draw_icon
from escaperoom.ui.scenes.base import CANVAS, GameScene, draw_text, panel
from escaperoom.ui.scenes.game import Game

_CHART = pygame.Rect(80, 210, 1040, 460)
_COUNTS = pygame.Rect(1160, 210, 680, 460)
_HEADINGS = {Phase.ESCAPED: "spel.end.escaped", Phase.TIME_UP: "spel.end.time_up", Phase.ENDED: "spel.end.ended"}


class EndScene(GameScene):
    def __init__(self, game: Game):
        super().__init__(game)
        self.session = game.session
        self.summary = self.session.summary()
        y = CANVAS.bottom - 40 - theme.BUTTON_HEIGHT
        self.to_title = self.button((CANVAS.right - 80 - 760, y, 760, theme.BUTTON_HEIGHT),
                                    self.t("spel.end.to_title"), self.go_title)
        self.debrief = self.button((80, y, 640, theme.BUTTON_HEIGHT), self.t("title.debrief"), self.go_debrief,
                                   "secondary")
        self._points = self._chart_points()

    def enter(self) -> None:
        self.group.focus(self.to_title, visible=True)

    def go_title(self) -> None:
        from escaperoom.ui.scenes.title import TitleScene
        assert self.stack is not None
        self.game.close()
        self.stack.reset(TitleScene(self.game))

    def go_debrief(self) -> None:
        from escaperoom.ui.scenes.title import TitleScene
        assert self.stack is not None
        self.game.close()
        title = TitleScene(self.game)
        self.stack.reset(title)
        title.open_debrief()

    def sentences(self) -> str:
        s = self.summary
        name = self.session.scenario.scenario.bewoner.naam
        start, end = s["stabiliteit_start"], s["stabiliteit"]
        key = "better" if end > start else "worse" if end < start else "same"
        parts = [self.t(f"spel.end.{key}", naam=name)]
        if s["te_ruim"]:
            parts.append(self.t("spel.end.too_wide", naam=name))
        if s["te_voorzichtig"]:
            parts.append(self.t("spel.end.too_careful", naam=name))
        return " ".join(parts)

    def counts(self) -> list[tuple[str, int]]:
        s = self.summary
        rows = [("goed", s["goed"]), ("te_ruim", s["te_ruim"]), ("te_voorzichtig", s["te_voorzichtig"])]
        if s["verkeerde_grondslag"]:
            rows.append(("verkeerde_grondslag", s["verkeerde_grondslag"]))
        return rows

    def _plot(self) -> pygame.Rect:
        return pygame.Rect(_CHART.x + 110, _CHART.y + 100, _CHART.width - 150, _CHART.height - 190)

    def _chart_points(self) -> list[tuple[float, float]]:
        plot = self._plot()
        values = self.summary["verloop"] or [self.summary["stabiliteit"]]
        if len(values) == 1:
            values = values * 2
        step = plot.width / (len(values) - 1)
        return [(plot.x + i * step, plot.bottom - plot.height * v / 100) for i, v in enumerate(values)]

    def labels(self):
        name = self.session.scenario.scenario.bewoner.naam
        s = self.summary
        out = [(self.t(_HEADINGS.get(self.session.phase, "spel.end.ended")), pygame.Rect(80, 16, 1760, 120), "bold",
                theme.TEXT_HERO),
               (self.t("spel.end.path", naam=name), pygame.Rect(_CHART.x + 32, _CHART.y + 20, _CHART.width - 64, 64),
                "bold", theme.TEXT_BODY),
               (self.t("spel.end.start_end", begin=s["stabiliteit_start"], eind=s["stabiliteit"]),
                pygame.Rect(_CHART.x + 32, _CHART.bottom - 80, _CHART.width - 64, 60), "regular", theme.TEXT_BODY),
               (self.t("spel.end.counts"), pygame.Rect(_COUNTS.x + 32, _COUNTS.y + 20, _COUNTS.width - 64, 64),
                "bold", theme.TEXT_BODY),
               (self.t("spel.end.solved", opgelost=s["opgelost"], overgeslagen=s["overgeslagen"], hints=s["hints"]),
                pygame.Rect(80, 136, 1760, 60), "regular", theme.TEXT_BODY),
               (self.sentences(), pygame.Rect(80, 690, 1760, 200), "regular", theme.TEXT_BODY)]
        for i, (kind, _) in enumerate(self.counts()):
            out.append((self.t(theme.feedback_style(kind).word_id),
                        pygame.Rect(_COUNTS.x + 120, _COUNTS.y + 96 + i * 86, _COUNTS.width - 260, 80), "bold",
                        theme.TEXT_BODY))
        return out

    def draw_back(self, surface: pygame.Surface) -> None:
        labels = self.labels()
        colour = theme.GREEN if self.session.phase is Phase.ESCAPED else theme.AMBER
        text, box, role, size = labels[0]
        draw_text(self.ctx, surface, text, box, role=role, size=size, colour=colour, align="center", valign="middle")
        panel(surface, _CHART)
        panel(surface, _COUNTS)
        for i, (text, box, role, size) in enumerate(labels[1:5]):
            draw_text(self.ctx, surface, text, box, role=role, size=size, valign="middle",
                      colour=theme.TEXT_MUTED if i == 3 else theme.TEXT, align="center" if i == 3 else "left")
        self._draw_chart(surface)
        for i, (kind, count) in enumerate(self.counts()):
            style = theme.feedback_style(kind)
            row = labels[6 + i][1]
            draw_icon(surface, style.icon, pygame.Rect(_COUNTS.x + 32, row.y + 8, 64, 64), style.colour, theme.SURFACE)
            draw_text(self.ctx, surface, labels[6 + i][0], row, role="bold", size=theme.TEXT_BODY,
                      colour=style.colour, valign="middle")
            draw_text(self.ctx, surface, str(count), pygame.Rect(_COUNTS.right - 132, row.y, 100, row.height),
                      role="bold", size=theme.TEXT_LARGE, align="right", valign="middle")
        text, box, role, size = labels[5]
        draw_text(self.ctx, surface, text, box, role=role, size=size)

    def _draw_chart(self, surface: pygame.Surface) -> None:
        plot = self._plot()
        for level in (0, 50, 100):
            y = plot.bottom - plot.height * level / 100
            pygame.draw.line(surface, theme.BORDER, (plot.x, y), (plot.right, y), 2)
            draw_text(self.ctx, surface, str(level), pygame.Rect(plot.x - 100, y - 24, 80, 48),
                      size=theme.TEXT_SMALL, colour=theme.TEXT_MUTED, align="right", valign="middle")
        start_y = self._points[0][1]
        pygame.draw.line(surface, theme.TEXT_MUTED, (plot.x, start_y), (plot.right, start_y), 1)
        points = self._points
        end_colour = theme.GREEN if self.summary["stabiliteit"] >= self.summary["stabiliteit_start"] else theme.RED
        pygame.draw.lines(surface, end_colour, False, points, 6)
        for p in points:
            pygame.draw.circle(surface, end_colour, p, 9)
        pygame.draw.circle(surface, theme.TEXT, points[-1], 14, 4)
