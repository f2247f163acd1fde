"""The room: a map of stations (one tile per puzzle, labelled with its organisation, its title and its state as a
word plus an icon: open / opgelost / overgeslagen), the lock tile with the code collected so far, the countdown,
and the resident's stability meter (named, with its number, a bar and its trend as an arrow and a word).
Controls: tap a tile or move with Tab/arrows and press Enter; the Hint button opens the hint ladder for the
station last visited; Esc pauses. Ticks the session's clock every frame, also while a puzzle is on top.
Leads (through ``game.flow``) to a puzzle (with a hint button that opens the ladder over it, and then its
feedback), the hint overlay, the lock modal, the pause overlay and, when the game is over (escaped, time up,
ended), the end scene."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from escaperoom.content.models import Puzzle
from escaperoom.kinds import kind_of
from escaperoom.play.session import Phase, SessionError, Status
from escaperoom.ui import theme
from escaperoom.ui.draw import draw_text, panel
from escaperoom.ui.hud import clock_colour, clock_text, draw_trend_arrow, stability_colour, trend
from escaperoom.ui.icons import draw_icon
from escaperoom.ui.puzzles._base import session_error_text
from escaperoom.ui.scenes.base import GameScene
from escaperoom.ui.scenes.game import TEAM, Game
from escaperoom.ui.theme import Icon
from escaperoom.ui.widgets.pressable import Pressable

MAP = pygame.Rect(60, 170, 1200, 870)
SIDE = pygame.Rect(1310, 40, 550, 1000)
_GAP = theme.SPACE_L
_TOAST_S = 5.0
AUTOSAVE_S = 10.0  # the clock is saved this often between decisions, so a crash loses at most this much time
STATUS_STYLE = {
    Status.OPEN: ("spel.room.status_open", theme.TEXT, None),
    Status.SOLVED: ("spel.room.status_solved", theme.GREEN, Icon.CHECK),
    Status.SKIPPED: ("spel.room.status_skipped", theme.TEXT_MUTED, Icon.ARROW),
}


def station_name(game: Game, station: str) -> str:
    key = f"spel.station.{station}"
    return game.ctx.t(key) if key in game.ctx.strings else station.replace("_", " ").capitalize()




class StationTile(Pressable):
    """One station on the map; pressing it (tap, click, Enter) calls ``on_choose(puzzle_id)``."""

    def __init__(self, rect: pygame.Rect, game: Game, puzzle: Puzzle, on_choose: Callable[[str], None]):
        super().__init__(rect)
        self.game = game
        self.puzzle = puzzle
        self.on_choose = on_choose

    def activate(self) -> None:
        self.on_choose(self.puzzle.id)

    def boxes(self) -> dict[str, pygame.Rect]:
        inner = self.rect.inflate(-2 * theme.SPACE_M, -2 * theme.SPACE_M)
        status_h = 72
        icon = status_h - 12 + theme.SPACE_M
        return {"station": pygame.Rect(inner.x, inner.y, inner.width, 110),
                "title": pygame.Rect(inner.x, inner.y + 118, inner.width, inner.height - 118 - status_h - 8),
                "status": pygame.Rect(inner.x + icon, inner.bottom - status_h, inner.width - icon, status_h)}

    def texts(self) -> dict[str, str]:
        return {"station": station_name(self.game, self.puzzle.station),
                "title": self.puzzle.titel.get(self.game.ctx.lang),
                "status": self.game.ctx.t(STATUS_STYLE[self.game.session.status(self.puzzle.id)][0])}

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.game.ctx
        status = self.game.session.status(self.puzzle.id)
        word_id, colour, icon = STATUS_STYLE[status]
        is_open = status is Status.OPEN
        panel(surface, self.rect, theme.SURFACE_RAISED if is_open else theme.SURFACE,
              theme.ACCENT if is_open else theme.BORDER)
        boxes, texts = self.boxes(), self.texts()
        draw_text(ctx, surface, texts["station"], boxes["station"], role="bold", size=theme.TEXT_BODY,
                  colour=theme.ACCENT if is_open else theme.TEXT_MUTED)
        draw_text(ctx, surface, texts["title"], boxes["title"], size=theme.TEXT_BODY,
                  colour=theme.TEXT if is_open else theme.TEXT_MUTED)
        word_box = boxes["status"]
        icon_box = pygame.Rect(word_box.x - (word_box.height - 12) - theme.SPACE_M, word_box.y + 6,
                               word_box.height - 12, word_box.height - 12)
        if icon is None:  # open: an empty circle, to be filled in
            pygame.draw.circle(surface, colour, icon_box.center, icon_box.width // 2 - 4, 6)
        else:
            draw_icon(surface, icon, icon_box, colour, theme.SURFACE)
        draw_text(ctx, surface, texts["status"], word_box, role="bold", size=theme.TEXT_BODY, colour=colour,
                  valign="middle")
        self.draw_focus(surface)


class LockTile(StationTile):
    """The lock on the map: the code so far as boxes ('?' for a missing sign) and whether it can be opened."""

    def texts(self) -> dict[str, str]:
        ctx = self.game.ctx
        return {"station": self.puzzle.titel.get(ctx.lang),
                "title": ctx.t("spel.room.code"),
                "status": ctx.t("spel.room.lock_open" if self.game.session.lock_open else "spel.room.lock_closed")}

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.game.ctx
        session = self.game.session
        ready = session.lock_open
        panel(surface, self.rect, theme.SURFACE_RAISED, theme.ACCENT if ready else theme.BORDER)
        boxes, texts = self.boxes(), self.texts()
        draw_text(ctx, surface, texts["station"], boxes["station"], role="bold", size=theme.TEXT_BODY,
                  colour=theme.ACCENT)
        title = boxes["title"]
        draw_text(ctx, surface, texts["title"], pygame.Rect(title.x, title.y, title.width, 50),
                  size=theme.TEXT_SMALL, colour=theme.TEXT_MUTED)
        code = session.code_so_far()
        if code:
            side = min(72, (title.width - (len(code) - 1) * 10) // len(code))
            x = title.x
            for char in code:
                box = pygame.Rect(x, title.y + 60, side, side + 16)
                pygame.draw.rect(surface, theme.BG, box, border_radius=10)
                pygame.draw.rect(surface, theme.ACCENT if char else theme.BORDER, box, 3, border_radius=10)
                draw_text(ctx, surface, char or "?", box, role="bold", size=theme.TEXT_LARGE,
                          colour=theme.TEXT if char else theme.TEXT_MUTED, align="center", valign="middle")
                x += side + 10
        word_box = boxes["status"]
        icon_box = pygame.Rect(word_box.x - (word_box.height - 12) - theme.SPACE_M, word_box.y + 6,
                               word_box.height - 12, word_box.height - 12)
        draw_icon(surface, Icon.LOCK, icon_box, theme.ACCENT if ready else theme.TEXT_MUTED, theme.SURFACE_RAISED)
        draw_text(ctx, surface, texts["status"], word_box, role="bold", size=theme.TEXT_BODY,
                  colour=theme.ACCENT if ready else theme.TEXT_MUTED, valign="middle")
        self.draw_focus(surface)


class RoomScene(GameScene):
    updates_when_covered = True  # the clock runs while a puzzle or the hint ladder is on top

    def __init__(self, game: Game):
        super().__init__(game)
        self.session = game.session
        sc = self.session.scenario
        self.tiles: list[StationTile] = []
        cells = len(sc.rooms) + (1 if sc.lock else 0)
        cols = 3 if cells > 4 else 2
        rows = -(-cells // cols)
        w = (MAP.width - (cols - 1) * _GAP) // cols
        h = (MAP.height - (rows - 1) * _GAP) // rows
        for i, puzzle in enumerate([*sc.rooms, *([sc.lock] if sc.lock else [])]):
            rect = pygame.Rect(MAP.x + (i % cols) * (w + _GAP), MAP.y + (i // cols) * (h + _GAP), w, h)
            kind = LockTile if kind_of(puzzle).is_lock else StationTile
            self.tiles.append(self.group.add(kind(rect, game, puzzle, self.choose)))  # type: ignore[arg-type]
        self.last_station: str | None = None
        self.hint_button = self.button((SIDE.x, 770, SIDE.width, theme.BUTTON_HEIGHT), self.t("spel.room.hint"),
                                       self.open_hint, "secondary", icon=Icon.WARNING)
        self.toast = ""
        self.toast_left = 0.0
        self._since_save = 0.0

    def enter(self) -> None:
        self.session.enter(None)
        first = next((t for t in self.tiles if self.session.status(t.puzzle.id) is Status.OPEN
                      and not isinstance(t, LockTile)), self.tiles[-1])
        self.group.focus(first, visible=True)

    def resume(self) -> None:
        """A puzzle or overlay on top was closed: the team is back on the map."""
        if self.session.current is not None:
            self.last_station = self.session.current
        self.session.enter(None)

    # --- actions -------------------------------------------------------------------------------------------

    def notify(self, text: str) -> None:
        self.toast, self.toast_left = text, _TOAST_S

    def choose(self, puzzle_id: str) -> None:
        puzzle = self.session.scenario.puzzle(puzzle_id)
        if self.session.phase is not Phase.PLAYING:
            return
        if kind_of(puzzle).is_lock:
            if self.session.lock_open:
                self.game.flow.open_lock(self.try_code)
            else:
                self.notify(self.t("spel.room.lock_closed"))
            return
        if self.session.status(puzzle_id) is not Status.OPEN:
            return
        self.session.enter(puzzle_id)
        self.last_station = puzzle_id
        self.game.flow.open_puzzle(puzzle, on_hint=lambda: self._hint_over(puzzle.id))

    def try_code(self, code: str | None) -> None:
        lock = self.session.scenario.lock
        if code is None or lock is None or self.session.phase is not Phase.PLAYING:
            return
        try:
            result = self.session.submit(lock.id, {"code": code})
        except SessionError:
            self.notify(session_error_text(self.session, self.t, lock.id))
            return
        if not result.solved:
            self.notify(self.t("spel.room.lock_wrong"))

    def hint_target(self) -> str | None:
        pid = self.session.current or self.last_station
        if pid is not None and self.session.status(pid) is Status.OPEN:
            return pid
        return None

    def _hint_over(self, pid: str) -> None:
        """The hint ladder on top of whatever is showing (the puzzle scene)."""
        if self.session.status(pid) is Status.OPEN:
            self.game.flow.open_hint(pid)

    def open_hint(self) -> None:
        pid = self.hint_target()
        if pid is None:
            self.notify(self.t("spel.room.choose_station"))
            return
        self.game.flow.open_hint(pid)

    def handle_event(self, event: pygame.event.Event) -> bool:
        if self.group.handle_event(event):
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE and self.session.phase is Phase.PLAYING:
            self.session.pause(by=TEAM)  # the team pauses: the clock stops and the overlay shows
            self.game.flow.open_pause(TEAM)
            return True
        return False

    def update(self, dt: float) -> None:
        self.session.tick(dt)
        self._since_save += dt
        if self._since_save >= AUTOSAVE_S and self.game.recorder is not None and not self.session.phase.final:
            self._since_save = 0.0
            self.game.recorder.save()
        self.toast_left = max(0.0, self.toast_left - dt)
        if self.toast_left == 0.0:
            self.toast = ""
        self.group.update(dt)
        if self.session.phase.final and self.stack is not None:
            self.game.flow.open_end()

    # --- drawing -------------------------------------------------------------------------------------------

    def labels(self):
        s = self.session
        name = s.scenario.scenario.bewoner.naam
        out = [(s.scenario.scenario.titel.get(self.ctx.lang), pygame.Rect(MAP.x, 40, 820, 96), "bold",
                theme.TEXT_TITLE),
               (s.settings.team, pygame.Rect(MAP.x + 840, 40, MAP.width - 840, 96), "bold", theme.TEXT_BODY),
               (self.t("spel.room.time_left"), pygame.Rect(SIDE.x, SIDE.y, SIDE.width, 50), "regular",
                theme.TEXT_SMALL),
               (self.t("spel.room.stability", naam=name), pygame.Rect(SIDE.x + 32, 320, SIDE.width - 64, 64),
                "bold", theme.TEXT_BODY),
               (self.t("spel.room.facilitator_hint"), pygame.Rect(SIDE.x, 960, SIDE.width, 60), "regular",
                theme.TEXT_SMALL)]
        for word in ("up", "down", "flat"):
            out.append((self.t(f"spel.room.trend_{word}"), pygame.Rect(SIDE.x + 300, 420, SIDE.width - 332, 100),
                        "bold", theme.TEXT_LARGE))
        for tile in self.tiles:
            boxes = tile.boxes()
            for key, text in tile.texts().items():
                out.append((text, boxes[key], "bold" if key != "title" else "regular", theme.TEXT_BODY))
            if not isinstance(tile, LockTile):
                for word_id, _, _ in STATUS_STYLE.values():
                    out.append((self.t(word_id), boxes["status"], "bold", theme.TEXT_BODY))
        return out

    def draw_back(self, surface: pygame.Surface) -> None:
        s = self.session
        labels = self.labels()
        (title, tbox, _, tsize), (team, team_box, _, team_size) = labels[0], labels[1]
        draw_text(self.ctx, surface, title, tbox, role="bold", size=tsize, colour=theme.ACCENT, valign="middle")
        draw_text(self.ctx, surface, team, team_box, role="bold", size=team_size, colour=theme.TEXT_MUTED,
                  align="right", valign="middle")
        draw_text(self.ctx, surface, labels[2][0], labels[2][1], size=theme.TEXT_SMALL, colour=theme.TEXT_MUTED)
        if s.phase is Phase.PAUSED:
            draw_text(self.ctx, surface, self.t("spel.room.paused"),
                      pygame.Rect(SIDE.x + 380, SIDE.y + 44, SIDE.width - 380, 140), role="bold",
                      size=theme.TEXT_BODY, colour=theme.AMBER, align="right", valign="middle")
        self._draw_stability(surface, labels[3])
        draw_text(self.ctx, surface, labels[4][0], labels[4][1], size=theme.TEXT_SMALL, colour=theme.TEXT_MUTED,
                  align="right", valign="bottom")
        if self.toast:
            self._draw_toast(surface)

    def state_key(self):
        s = self.session
        return (tuple(p.status for p in s.puzzles.values()), s.lock_open, tuple(s.code_so_far()), s.stability,
                len(s.history), s.phase, self.toast, s.settings.team)

    def live_rect(self) -> pygame.Rect:
        return pygame.Rect(SIDE.x, SIDE.y + 44, 370, 140)

    def live_key(self):
        return clock_text(self.session.remaining_s), clock_colour(self.session.remaining_s)

    def draw_live(self, surface: pygame.Surface) -> None:
        """The countdown: the only thing that changes every second."""
        left = self.session.remaining_s
        box = self.live_rect()
        surface.fill(theme.BG, box)
        draw_text(self.ctx, surface, clock_text(left), box, role="bold", size=140, colour=clock_colour(left),
                  valign="middle")

    def _draw_stability(self, surface: pygame.Surface, label) -> None:
        s = self.session
        card = pygame.Rect(SIDE.x, 290, SIDE.width, 450)
        panel(surface, card)
        text, box, role, size = label
        draw_text(self.ctx, surface, text, box, role=role, size=size)
        value = s.stability
        colour = stability_colour(value)
        draw_text(self.ctx, surface, str(value), pygame.Rect(card.x + 32, 400, 250, 140), role="bold",
                  size=theme.TEXT_HERO + 16, colour=colour, valign="middle")
        direction = trend(s.history[-2] if len(s.history) > 1 else value, value)
        arrow = pygame.Rect(card.x + 230, 430, 64, 80)
        draw_trend_arrow(surface, arrow, direction, colour if direction != "flat" else theme.TEXT_MUTED)
        draw_text(self.ctx, surface, self.t(f"spel.room.trend_{direction}"),
                  pygame.Rect(card.x + 310, 420, card.width - 342, 100), role="bold", size=theme.TEXT_LARGE,
                  colour=theme.TEXT, valign="middle")
        bar = pygame.Rect(card.x + 32, 560, card.width - 64, 56)
        pygame.draw.rect(surface, theme.BG, bar, border_radius=12)
        fill = bar.copy()
        fill.width = round(bar.width * value / 100)
        if fill.width:
            pygame.draw.rect(surface, colour, fill, border_radius=12)
        pygame.draw.rect(surface, theme.BORDER, bar, 3, border_radius=12)
        start = s.history[0]
        mark = bar.x + round(bar.width * start / 100)
        pygame.draw.line(surface, theme.TEXT, (mark, bar.y - 10), (mark, bar.bottom + 10), 4)
        _draw_sparkline(surface, pygame.Rect(card.x + 32, 640, card.width - 64, 80), s.history, colour)

    def _draw_toast(self, surface: pygame.Surface) -> None:
        box = pygame.Rect(MAP.x + 80, MAP.bottom - 170, MAP.width - 160, 150)
        panel(surface, box, theme.BG, theme.AMBER, 4)
        draw_text(self.ctx, surface, self.toast, box.inflate(-48, -24), role="bold", size=theme.TEXT_BODY,
                  colour=theme.AMBER, align="center", valign="middle")


def _draw_sparkline(surface: pygame.Surface, box: pygame.Rect, values: list[int], colour: theme.Colour) -> None:
    if len(values) < 2:
        pygame.draw.line(surface, theme.BORDER, box.midleft, box.midright, 3)
        return
    step = box.width / (len(values) - 1)
    points = [(box.x + i * step, box.bottom - box.height * v / 100) for i, v in enumerate(values)]
    pygame.draw.lines(surface, colour, False, points, 5)
    for p in points:
        pygame.draw.circle(surface, colour, p, 7)
