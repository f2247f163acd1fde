"""End screen (escaped, time up or ended by the facilitator): what the team's choices meant for the resident, not
just a score. Shows the stability path as a line chart with start and end, the counts of goed / te ruim / te
voorzichtig (/ verkeerde grondslag) as icon + word + number, one sentence about the outcome chosen from the
stability path and the kind of mistakes made, and the concrete decisions that hurt the resident, named from
``session.mistakes`` ("Te ruim gedeeld: 'BSN van Henk' ging naar de woningcorporatie: Henk voelt zich bekeken"),
the worst kinds first, as many as fit, with how many more the debrief shows. The resident is called by the
scenario's name; no pronoun (the scenario gives none). What it says is decided by :mod:`escaperoom.play.outcome`
(which sentence, which mistakes in which order); this screen finds the words that fit and draws them.
Controls: tap or Tab/arrows + Enter. Leads to the debrief (when available) or the title screen."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from escaperoom.content.models import Puzzle
from escaperoom.kinds import Words, words_for
from escaperoom.play.outcome import LEGAL, outcome
from escaperoom.play.session import Mistake, Phase
from escaperoom.ui import theme
from escaperoom.ui.draw import draw_text, panel
from escaperoom.ui.icons import draw_icon
from escaperoom.ui.scenes.base import CANVAS, GameScene
from escaperoom.ui.scenes.game import Game
from escaperoom.ui.theme import BadgeStyle, Icon

_PANELS_Y, _PANELS_H = 210, 300
_CHART = pygame.Rect(80, _PANELS_Y, 1040, _PANELS_H)
_COUNTS = pygame.Rect(1160, _PANELS_Y, 680, _PANELS_H)
_TEXT_X, _TEXT_W = 80, 1760
_OVERALL = pygame.Rect(_TEXT_X, _CHART.bottom + 20, _TEXT_W, 96)
_ROW_H, _ROW_GAP = 90, 10  # a decision: two lines at 36 px
_ROWS = 2  # decisions named on the screen; the rest is counted ("… en nog 3: zie de nabespreking")
_ICON = 52
_HEADINGS = {Phase.ESCAPED: "spel.end.escaped", Phase.TIME_UP: "spel.end.time_up", Phase.ENDED: "spel.end.ended"}
_OTHER = BadgeStyle("spel.end.word_other", theme.RED, Icon.CROSS)  # wrong order, an unacceptable choice …
_GOOD = theme.feedback_style("goed")


@dataclass(frozen=True)
class DecisionLine:
    """One line about a concrete decision: its look (icon, colour, word) and candidate sentences, longest first
    (the first that fits its box is shown)."""

    style: BadgeStyle
    sentences: tuple[str, ...]


class EndScene(GameScene):
    def __init__(self, game: Game):
        super().__init__(game)
        self.session = game.session
        self.outcome = outcome(self.session)
        self.book = self.ctx.book
        y = CANVAS.bottom - 40 - theme.BUTTON_HEIGHT
        self.to_title = self.button((CANVAS.right - 80 - 760, y, 760, theme.BUTTON_HEIGHT),
                                    self.t("spel.end.to_title"), self.go_title)
        self.debrief = self.button((80, y, 640, theme.BUTTON_HEIGHT), self.t("title.debrief"), self.go_debrief,
                                   "secondary")
        self._points = self._chart_points()

    def enter(self) -> None:
        self.group.focus(self.to_title, visible=True)

    def go_title(self) -> None:
        self.game.flow.to_title()

    def go_debrief(self) -> None:
        self.game.flow.to_debrief()

    # --- what it says --------------------------------------------------------------------------------------------

    @property
    def name(self) -> str:
        return self.session.scenario.scenario.bewoner.naam

    def lang(self) -> str:
        return self.ctx.lang

    def sentences(self) -> str:
        """The one sentence about the outcome (chosen by :func:`~escaperoom.play.outcome.outcome` from the
        stability path and the kinds of mistakes), with the deep dip on the way when there was one."""
        parts = [self.t(self.outcome.sentence_id, naam=self.name)]
        if self.outcome.lowest is not None:
            parts.append(self.t("spel.end.dip", laagste=self.outcome.lowest))
        return " ".join(parts)

    def decisions(self) -> list[DecisionLine]:
        """The mistakes that hurt the resident, one line each, in the outcome's order (the worst kinds first).
        Empty when there were none."""
        return [self._decision(m) for m in self.outcome.named]

    def _words(self, puzzle: Puzzle) -> Words:
        return words_for(puzzle, self.session.scenario, self.book, self.lang(), strings=self.ctx.strings)

    def _decision(self, m: Mistake) -> DecisionLine:
        """The line about one mistake: its look here, its sentences from the puzzle kind's words."""
        style = theme.feedback_style(m.kind) if m.kind in LEGAL else _OTHER
        words = self._words(self.session.scenario.puzzle(m.puzzle_id))
        return DecisionLine(style, words.mistake_sentences(m, self.session.mistakes,
                                                           self.session.cases.get(m.puzzle_id, []),
                                                           self.t(style.word_id), self.name))

    def shown_decisions(self) -> tuple[list[tuple[DecisionLine, str]], int]:
        """(decision, the sentence that fits) for the rows on screen, and how many more there are."""
        decisions = self.decisions()
        shown: list[tuple[DecisionLine, str]] = []
        for decision in decisions[:_ROWS]:
            box = self._row_text_box(len(shown))
            text = next((s for s in decision.sentences if self._fits(s, box)), decision.sentences[-1])
            shown.append((decision, text))
        return shown, max(0, len(decisions) - _ROWS)

    def _more_text(self, more: int) -> str:
        return self.t("spel.end.more_one") if more == 1 else self.t("spel.end.more_many", n=more)

    def _fits(self, text: str, box: pygame.Rect) -> bool:
        return self.ctx.text.fits(text, "regular", theme.TEXT_MIN, box.width, box.height)

    def counts(self) -> list[tuple[str, int]]:
        return list(self.outcome.counts)

    # --- layout --------------------------------------------------------------------------------------------------

    def _row_box(self, i: int) -> pygame.Rect:
        return pygame.Rect(_TEXT_X, _OVERALL.bottom + 12 + i * (_ROW_H + _ROW_GAP), _TEXT_W, _ROW_H)

    def _row_text_box(self, i: int) -> pygame.Rect:
        row = self._row_box(i)
        return pygame.Rect(row.x + _ICON + theme.SPACE_M, row.y, row.width - _ICON - theme.SPACE_M, row.height)

    def _more_box(self) -> pygame.Rect:
        row = self._row_box(_ROWS)
        return pygame.Rect(row.x, row.y, row.width, self.debrief.rect.top - 12 - row.y)

    def _plot(self) -> pygame.Rect:
        return pygame.Rect(_CHART.x + 110, _CHART.y + 100, _CHART.width - 150, _CHART.height - 136)

    def _chart_points(self) -> list[tuple[float, float]]:
        plot = self._plot()
        values = list(self.outcome.path)
        if len(values) == 1:
            values = values * 2
        step = plot.width / (len(values) - 1)
        return [(plot.x + i * step, plot.bottom - plot.height * v / 100) for i, v in enumerate(values)]

    def labels(self):
        o = self.outcome
        out = [(self.t(_HEADINGS.get(o.phase, "spel.end.ended")), pygame.Rect(80, 16, 1760, 120), "bold",
                theme.TEXT_HERO),
               (self.t("spel.end.path", naam=self.name), pygame.Rect(_CHART.x + 32, _CHART.y + 14, 640, 60), "bold",
                theme.TEXT_BODY),
               (self.t("spel.end.start_end", begin=o.stability_start, eind=o.stability),
                pygame.Rect(_CHART.x + 690, _CHART.y + 14, _CHART.width - 722, 60), "regular", theme.TEXT_BODY),
               (self.t("spel.end.counts"), pygame.Rect(_COUNTS.x + 32, _COUNTS.y + 14, _COUNTS.width - 64, 60),
                "bold", theme.TEXT_BODY),
               (self.t("spel.end.solved", opgelost=o.solved, overgeslagen=o.skipped, hints=o.hints),
                pygame.Rect(80, 136, 1760, 60), "regular", theme.TEXT_BODY),
               (self.sentences(), _OVERALL, "bold", 40)]
        rows, more = self.shown_decisions()
        if not rows:
            out.append((self.t("spel.end.no_mistakes"), self._row_text_box(0), "regular",
                        theme.TEXT_BODY))
        out += [(text, self._row_text_box(i), "regular", theme.TEXT_BODY) for i, (_, text) in enumerate(rows)]
        if more:
            out.append((self._more_text(more), self._more_box(), "regular", theme.TEXT_BODY))
        for i, (kind, _) in enumerate(self.counts()):
            out.append((self.t(theme.feedback_style(kind).word_id),
                        pygame.Rect(_COUNTS.x + 110, _COUNTS.y + 80 + i * 54, _COUNTS.width - 250, 52), "bold",
                        theme.TEXT_SMALL))
        return out

    def state_key(self):
        return (self.ctx.lang, self.outcome.stability, len(self.session.mistakes))

    # --- drawing -------------------------------------------------------------------------------------------------

    def draw_back(self, surface: pygame.Surface) -> None:
        labels = self.labels()
        colour = theme.GREEN if self.outcome.escaped else theme.AMBER
        text, box, role, size = labels[0]
        draw_text(self.ctx, surface, text, box, role=role, size=size, colour=colour, align="center", valign="middle")
        panel(surface, _CHART)
        panel(surface, _COUNTS)
        for i, (text, box, role, size) in enumerate(labels[1:5]):
            draw_text(self.ctx, surface, text, box, role=role, size=size, valign="middle",
                      colour=theme.TEXT_MUTED if i in (1, 3) else theme.TEXT,
                      align="center" if i == 3 else "right" if i == 1 else "left")
        self._draw_chart(surface)
        self._draw_counts(surface)
        text, box, role, size = labels[5]
        draw_text(self.ctx, surface, text, box, role=role, size=size, valign="middle")
        self._draw_decisions(surface)

    def _draw_counts(self, surface: pygame.Surface) -> None:
        words = [label for label in self.labels() if label[2] == "bold" and label[3] == theme.TEXT_SMALL]
        for (kind, count), (word, row, role, size) in zip(self.counts(), words, strict=False):
            style = theme.feedback_style(kind)
            draw_icon(surface, style.icon, pygame.Rect(_COUNTS.x + 36, row.y + 4, 44, 44), style.colour,
                      theme.SURFACE)
            draw_text(self.ctx, surface, word, row, role=role, size=size, colour=style.colour, valign="middle")
            draw_text(self.ctx, surface, str(count), pygame.Rect(_COUNTS.right - 132, row.y, 100, row.height),
                      role="bold", size=theme.TEXT_BODY, align="right", valign="middle")

    def _draw_decisions(self, surface: pygame.Surface) -> None:
        rows, more = self.shown_decisions()
        if not rows:
            row = self._row_box(0)
            draw_icon(surface, _GOOD.icon, pygame.Rect(row.x, row.y + 8, _ICON, _ICON), _GOOD.colour)
            draw_text(self.ctx, surface, self.t("spel.end.no_mistakes"), self._row_text_box(0),
                      size=theme.TEXT_BODY)
            return
        for i, (decision, text) in enumerate(rows):
            row = self._row_box(i)
            draw_icon(surface, decision.style.icon, pygame.Rect(row.x, row.y + 8, _ICON, _ICON), decision.style.colour)
            draw_text(self.ctx, surface, text, self._row_text_box(i), size=theme.TEXT_BODY)
        if more:
            draw_text(self.ctx, surface, self._more_text(more), self._more_box(), size=theme.TEXT_BODY,
                      colour=theme.TEXT_MUTED, valign="middle")

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
        end_colour = theme.GREEN if self.outcome.better else theme.RED
        pygame.draw.lines(surface, end_colour, False, points, 6)
        for p in points:
            pygame.draw.circle(surface, end_colour, p, 9)
        pygame.draw.circle(surface, theme.TEXT, points[-1], 14, 4)

