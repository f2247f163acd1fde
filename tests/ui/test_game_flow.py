"""The game's own screens (title, setup, intro, room, hint, lock, pause, facilitator, end) driven through the
real app with synthetic input: every screen opens and takes keys, labels fit in nl and en, whole playthroughs
by keyboard only and by mouse only (puzzles included: not one key press), the facilitator's keys change the
session, a damaged save does not crash "Doorgaan", and ``run_game --headless --autoplay`` plays to the end with
a journal on disk."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import pygame
import pytest

from escaperoom.errors import ContentError
from escaperoom.play.session import Phase, Status
from escaperoom.strings import Catalogue
from escaperoom.ui import theme
from escaperoom.ui.scripted.autoplay import Autoplayer
from escaperoom.ui.main import open_app, run_game
from escaperoom.ui.scripted import gallery
from escaperoom.ui.draw import text_fits
from escaperoom.ui.scenes.end import EndScene
from escaperoom.ui.scenes.facilitator import ConfirmEndScene, KeyListScene, MessageScene
from escaperoom.ui.scenes.hint import HintScene
from escaperoom.ui.scenes.pause import PauseScene
from escaperoom.ui.scenes.resume_error import ResumeErrorScene
from escaperoom.ui.scenes.room import RoomScene
from escaperoom.ui.scenes.title import TitleScene
from escaperoom.ui.scripted.events import click, key


def _args(saves: Path, **kw: Any) -> argparse.Namespace:
    base = dict(window=True, headless=True, lang="nl", saves=saves, scenario=None, team=None, duur=None,
                resume=False, autoplay=False, frames=0, screenshot=None)
    base.update(kw)
    return argparse.Namespace(**base)


@pytest.fixture
def app(tmp_path):
    app = open_app(_args(tmp_path / "saves"))
    yield app
    if app.game.recorder is not None:
        app.game.close()
    app.close()


@pytest.fixture(scope="module")
def shared_app(tmp_path_factory):
    """One app for the screen-by-screen tests (``gallery.show`` starts each screen afresh)."""
    app = open_app(_args(tmp_path_factory.mktemp("saves")))
    yield app
    if app.game.recorder is not None:
        app.game.close()
    app.close()


def _play(app, mode: str, frames: int = 3000) -> tuple[Autoplayer, list[pygame.event.Event]]:
    """Let the autoplayer play; returns it and every event it produced, in order."""
    player = Autoplayer(app, team="Team Keyboard" if mode == "keyboard" else "Team Muis", mode=mode)
    sent: list[pygame.event.Event] = []
    for _ in range(frames):
        events = player.events()
        sent += events
        app.step(events, dt=player.dt)
        if player.finished:
            break
    return player, sent


_MOUSE_EVENTS = {pygame.MOUSEBUTTONDOWN, pygame.MOUSEMOTION, pygame.MOUSEBUTTONUP}


# --- every screen -------------------------------------------------------------------------------------------


def _frame(app) -> bytes:
    return pygame.image.tobytes(app.surface, "RGB")


def _focus_group(scene):
    return getattr(scene, "group", None) or getattr(scene, "focus", None)


def _phase(app):
    return app.game.session.phase if app.game.recorder is not None else None


# For each screen: keys a team (or the facilitator) would press, and what must then be true.
_KEYS_DO: dict[str, tuple[list, Any]] = {
    "titel": ([key(pygame.K_RETURN)], lambda app, top: type(app.stack.top).__name__ == "SetupScene"),
    "instellen": ([pygame.event.Event(pygame.TEXTINPUT, text="X")],
                  lambda app, top: top.team_field.value.endswith("X")),
    "intro": ([key(pygame.K_RETURN)], lambda app, top: isinstance(app.stack.top, RoomScene)),
    "kamer": ([key(pygame.K_RETURN)], lambda app, top: type(app.stack.top).__name__.endswith("Scene")
              and app.stack.top is not top and app.game.session.current is not None),
    "hint": ([key(pygame.K_RETURN)], lambda app, top: len(top.taken()) == 2),
    "slot": ([pygame.event.Event(pygame.TEXTINPUT, text="9")], lambda app, top: len(top.code) == 3),
    "pauze": ([key(pygame.K_RETURN)], lambda app, top: _phase(app) is Phase.PLAYING
              and isinstance(app.stack.top, RoomScene)),
    "pauze-begeleider": ([key(pygame.K_ESCAPE)], lambda app, top: _phase(app) is Phase.PAUSED
                         and app.stack.top is top),
    "begeleider": ([key(pygame.K_ESCAPE)], lambda app, top: isinstance(app.stack.top, RoomScene)),
    "antwoord": ([key(pygame.K_RETURN)], lambda app, top: isinstance(app.stack.top, RoomScene)),
    "beeindigen": ([key(pygame.K_RETURN)], lambda app, top: _phase(app) is Phase.PLAYING
                   and isinstance(app.stack.top, RoomScene)),
    "hervat-fout": ([key(pygame.K_ESCAPE)], lambda app, top: isinstance(app.stack.top, TitleScene)),
    "einde": ([key(pygame.K_RETURN)], lambda app, top: isinstance(app.stack.top, TitleScene)
              and app.game.recorder is None),
    "einde-tijd-op": ([key(pygame.K_RETURN)], lambda app, top: isinstance(app.stack.top, TitleScene)),
    "einde-beeindigd": ([key(pygame.K_RETURN)], lambda app, top: isinstance(app.stack.top, TitleScene)),
    "puzzel-sorteren": ([key(pygame.K_RETURN)], lambda app, top: top.picked == 0),
    "puzzel-grondslag": ([key(pygame.K_PAGEDOWN)], lambda app, top: top.current == 1),
    "puzzel-zwartlakken": ([key(pygame.K_RETURN)], lambda app, top: top.rows[0].black),
    "puzzel-volgorde": ([key(pygame.K_RETURN)], lambda app, top: top.steps.grabbed),
    "puzzel-dilemma": ([key(pygame.K_RETURN)], lambda app, top: top.stage == 1 and top.choice == 0),
    "puzzel-feedback": ([key(pygame.K_ESCAPE)], lambda app, top: isinstance(app.stack.top, RoomScene)
                        and app.game.session.current is None),
    "puzzel-feedback-escape": ([key(pygame.K_RETURN)], lambda app, top: type(app.stack.top).__name__ == "SortScene"
                               and not top.direct),  # Opnieuw
}


def test_every_gallery_screen_has_a_keyboard_check():
    assert set(_KEYS_DO) == set(gallery.NAMES)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", gallery.NAMES)
def test_every_game_screen_opens_moves_focus_with_tab_and_does_its_thing_on_a_key(shared_app, name, lang):
    app = shared_app
    app.game.ctx.lang = lang
    gallery.show(app, name)
    top = app.stack.top
    assert app.step([]) is True
    group = _focus_group(top)
    candidates = [w for w in group.widgets if w.can_focus]
    assert candidates, f"{name}: nothing can take the focus"
    before, frame = group.focused, _frame(app)
    app.step([key(pygame.K_TAB)])
    if len(candidates) > 1:
        assert group.focused is not before and group.focused.focus_visible, f"{name}: Tab did not move the focus"
        assert _frame(app) != frame, f"{name}: the focus ring did not move on screen"
        app.step([key(pygame.K_TAB, mod=pygame.KMOD_SHIFT)])
        assert group.focused is before, f"{name}: Shift+Tab did not bring the focus back"
    else:
        assert group.focused is candidates[0] and group.focused.focus_visible
    keys, then = _KEYS_DO[name]
    app.step(keys)
    app.step([])
    assert then(app, top), f"{name}/{lang}: {keys} did not do what it should (top: {type(app.stack.top).__name__})"


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", gallery.NAMES)
def test_every_label_of_every_game_screen_fits_its_box(shared_app, name, lang):
    app = shared_app
    app.game.ctx.lang = lang
    gallery.show(app, name)
    ctx = app.game.ctx
    for scene in app.stack.visible():
        for text, box, role, size in getattr(scene, "labels", lambda: [])():
            assert text_fits(ctx, text, box, role, size), f"{name}/{lang}: {text!r} does not fit {box}"
        for text, box, role, min_size in getattr(scene, "text_boxes", lambda: [])():  # puzzle and feedback screens
            assert not text or ctx.text.fits(text, role, min_size, box.width, box.height), \
                f"{name}/{lang}: {text!r} does not fit {box} at {min_size} px"
        for widget in getattr(getattr(scene, "group", None), "widgets", []):
            label = getattr(widget, "label", None)
            if isinstance(label, str) and hasattr(widget, "_label_box"):
                box = widget._label_box()
                assert text_fits(ctx, label, box, "bold", theme.TEXT_MIN), f"{name}/{lang}: button {label!r}"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_hint_of_every_puzzle_fits_the_hint_ladder(shared_app, lang):
    app = shared_app
    app.game.ctx.lang = lang
    gallery.show(app, "kamer")
    for puzzle in app.game.session.scenario.rooms:
        scene = HintScene(app.game, puzzle.id, free=True)
        texts = [text for text, *_ in scene.labels()]
        assert all(hint.tekst.get(lang) in texts for hint in puzzle.hints)
        for text, box, role, size in scene.labels():
            assert text_fits(app.game.ctx, text, box, role, size), f"{puzzle.id}/{lang}: {text!r}"


def test_titles_are_held_to_64_px_and_body_text_to_36_px():
    from escaperoom.ui.draw import min_size_for
    assert min_size_for(theme.TEXT_TITLE) == min_size_for(theme.TEXT_HERO) == 64
    assert min_size_for(theme.TEXT_BODY) == min_size_for(theme.TEXT_LARGE) == 36


def test_a_title_that_only_fits_below_64_px_does_not_pass_the_fit_check(shared_app):
    ctx = shared_app.game.ctx
    box = pygame.Rect(0, 0, 900, 90)
    title = "Een titel die op twee regels moet"
    assert text_fits(ctx, title, box, "bold", theme.TEXT_BODY)  # as body text it may shrink to 36 px
    assert not text_fits(ctx, title, box, "bold", theme.TEXT_TITLE)  # as a title it may not


def test_the_lock_keys_are_touch_targets_and_the_keypad_fits_above_the_buttons_even_with_letters(app):
    from escaperoom.ui.scenes.lock import LockScene
    gallery.show(app, "slot")
    for extra in ("", "ABCDE", "ABCDEFGHIJ"):  # digits only; a code of five letters; of ten
        lock = LockScene(app.game)
        if extra:  # a code with letters needs more keys: the pad gets wider rows, never taller than the panel
            lock = LockScene.__new__(LockScene)
            real = app.game.session.code_so_far
            app.game.session.code_so_far = lambda: [*real(), *extra]  # type: ignore[method-assign]
            try:
                LockScene.__init__(lock, app.game)
            finally:
                del app.game.session.code_so_far
        assert len(lock.key_buttons) == 10 + len(extra)
        for button in lock.key_buttons:
            assert min(button.rect.size) >= theme.TOUCH_MIN and lock.rect.contains(button.rect)
            assert button.rect.bottom < lock.open_button.rect.top
        rects = [b.rect for b in lock.key_buttons]
        assert not any(a.colliderect(b) for i, a in enumerate(rects) for b in rects[i + 1:])


@pytest.mark.parametrize(("seconds", "nl", "en"), [(30, "30\u00a0seconden", "30\u00a0seconds"),
                                                    (60, "1\u00a0minuut", "1\u00a0minute"),
                                                    (120, "2\u00a0minuten", "2\u00a0minutes"),
                                                    (90, "1:30\u00a0min", "1:30\u00a0min")])
def test_a_hint_cost_is_said_in_words_never_as_a_bare_colon(shared_app, seconds, nl, en):
    from escaperoom.ui.scenes.base import duration_text
    ctx = shared_app.game.ctx
    for lang, expected in (("nl", nl), ("en", en)):
        ctx.lang = lang
        assert duration_text(ctx, seconds) == expected


def test_the_room_shows_every_station_with_its_state_in_words(app):
    gallery.show(app, "kamer")
    room = app.stack.top
    assert isinstance(room, RoomScene)
    states = {t.puzzle.id: t.texts()["status"] for t in room.tiles}
    assert "Opgelost" in states.values() and "Overgeslagen" in states.values() and "Open" in states.values()
    assert any(text == "Rust bij Henk" for text, *_ in room.labels())


# --- whole games -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["keyboard", "mouse"])
def test_a_team_plays_from_the_title_to_the_escape(app, mode):
    player, sent = _play(app, mode)
    assert player.finished, f"stuck on {type(app.stack.top).__name__}"
    kinds = {event.type for event in sent}
    if mode == "keyboard":  # keys and typing only, inside the puzzles too
        assert kinds <= {pygame.KEYDOWN, pygame.TEXTINPUT}
    else:  # the mouse only, inside the puzzles too (drags included); the team name is the only thing typed
        assert [e.key for e in sent if e.type == pygame.KEYDOWN] == []
        assert kinds <= _MOUSE_EVENTS | {pygame.TEXTINPUT} and pygame.MOUSEMOTION in kinds
        assert "".join(e.text for e in sent if e.type == pygame.TEXTINPUT) == "Team Muis"
    session = app.game.session
    assert session.phase is Phase.ESCAPED
    assert all(session.status(p.id) is not Status.OPEN for p in session.scenario.rooms)
    assert isinstance(app.stack.top, EndScene)
    assert session.summary()["hints"] >= 1
    assert session.summary()["te_ruim"] + session.summary()["te_voorzichtig"] > 0  # the planned mistakes


_AS_FINGER = {pygame.MOUSEBUTTONDOWN: pygame.FINGERDOWN, pygame.MOUSEMOTION: pygame.FINGERMOTION,
              pygame.MOUSEBUTTONUP: pygame.FINGERUP}


def test_a_team_plays_from_the_title_to_the_escape_by_touch_alone(app):
    """The mouse playthrough with every press, move and release sent as a finger instead (a touch board): taps
    and drags only, the team name typed on the on-screen keyboard."""
    from escaperoom.ui.scripted.events import finger
    player = Autoplayer(app, team="Team Touch", mode="mouse")
    sent: list[pygame.event.Event] = []
    for _ in range(3000):
        events = [finger(_AS_FINGER[e.type], e.pos) if e.type in _AS_FINGER else e for e in player.events()]
        sent += events
        app.step(events, dt=player.dt)
        if player.finished:
            break
    assert player.finished, f"stuck on {type(app.stack.top).__name__}"
    kinds = {event.type for event in sent}
    assert kinds <= {pygame.FINGERDOWN, pygame.FINGERMOTION, pygame.FINGERUP, pygame.TEXTINPUT}
    assert pygame.FINGERMOTION in kinds  # the sort cards were dragged, not only tapped
    assert app.game.session.phase is Phase.ESCAPED and isinstance(app.stack.top, EndScene)
    assert all(app.game.session.status(p.id) is not Status.OPEN for p in app.game.session.scenario.rooms)


def test_the_hint_button_inside_a_puzzle_opens_the_ladder_over_it_and_back(app):
    from escaperoom.ui.puzzles import PuzzleScene
    gallery.show(app, "kamer")
    room = app.stack.top
    pid = next(p.id for p in app.game.session.scenario.rooms if app.game.session.status(p.id) is Status.OPEN)
    room.choose(pid)
    puzzle = app.stack.top
    assert isinstance(puzzle, PuzzleScene) and puzzle.hint_button is not None
    app.step(click(puzzle.hint_button.rect.center))
    assert isinstance(app.stack.top, HintScene)
    before = app.game.session.puzzles[pid].hints
    app.stack.top.take_next()
    assert app.game.session.puzzles[pid].hints == before + 1
    app.step([key(pygame.K_ESCAPE)])
    assert app.stack.top is puzzle and app.game.session.current == pid


def test_the_clock_ticks_with_the_app_dt_and_time_up_ends_the_game(app):
    gallery.show(app, "kamer")
    session = app.game.session
    before = session.remaining_s
    app.step([], dt=0.2)
    assert session.remaining_s == pytest.approx(before - 0.2)
    session.adjust_time(-int(session.remaining_s) + 1)
    for _ in range(10):
        app.step([], dt=0.25)
    assert session.phase is Phase.TIME_UP and isinstance(app.stack.top, EndScene)


# --- facilitator -----------------------------------------------------------------------------------------


def test_facilitator_keys_change_the_session_and_are_journalled(app):
    gallery.show(app, "kamer")
    s = app.game.session
    app.step([key(pygame.K_F1)])
    assert isinstance(app.stack.top, KeyListScene)
    app.step([key(pygame.K_F1)])
    app.step([key(pygame.K_F2)])
    assert s.phase is Phase.PAUSED and isinstance(app.stack.top, PauseScene)
    app.step([key(pygame.K_p)])
    assert s.phase is Phase.PLAYING and isinstance(app.stack.top, RoomScene)
    app.step([key(pygame.K_F3)])
    assert s.extra_s == 300
    app.step([key(pygame.K_F4), key(pygame.K_F4)])
    assert s.extra_s == -300
    app.step([key(pygame.K_F5)])  # no puzzle open: a message, nothing changes
    assert isinstance(app.stack.top, MessageScene)
    app.step([key(pygame.K_ESCAPE)])
    pid = next(p.id for p in s.scenario.rooms if s.status(p.id) is Status.OPEN)
    room = app.stack.top
    app.step(click(next(t for t in room.tiles if t.puzzle.id == pid).rect.center))
    assert s.current == pid
    penalty = s.penalty_s
    app.step([key(pygame.K_F5)])
    assert isinstance(app.stack.top, HintScene) and s.puzzles[pid].hints == 1 and s.penalty_s == penalty
    app.step([key(pygame.K_ESCAPE)])
    app.step([key(pygame.K_F7)])
    assert isinstance(app.stack.top, MessageScene) and s.puzzles[pid].answer_shown
    app.step([key(pygame.K_RETURN)])
    app.step([key(pygame.K_F6)])
    assert s.status(pid) is Status.SKIPPED and isinstance(app.stack.top, RoomScene)
    app.step([key(pygame.K_F8)])
    assert isinstance(app.stack.top, ConfirmEndScene)
    app.step([key(pygame.K_RETURN)])  # focus starts on "Annuleren": the safe choice
    assert s.phase is Phase.PLAYING
    app.step([key(pygame.K_F8)])
    app.step(click(app.stack.top.yes.rect.center))
    app.step([])
    assert s.phase is Phase.ENDED and isinstance(app.stack.top, EndScene)
    journal = app.game.recorder.files.journal.read_text(encoding="utf-8").splitlines()
    actions = [json.loads(line).get("actie") for line in journal]
    for action in ("pauze", "hervat", "tijd", "gratis_hint", "antwoord_tonen", "overslaan", "beeindigen"):
        assert action in actions


def test_the_team_pauses_with_escape_and_resumes_itself_with_the_button_or_escape(app):
    gallery.show(app, "kamer")
    s = app.game.session
    app.step([key(pygame.K_ESCAPE)])
    pause = app.stack.top
    assert s.phase is Phase.PAUSED and isinstance(pause, PauseScene) and pause.resume_button is not None
    assert "F2" not in pause.labels()[1][0]  # the text does not send them to the facilitator
    app.step(click(pause.resume_button.rect.center))
    assert s.phase is Phase.PLAYING and isinstance(app.stack.top, RoomScene)
    app.step([key(pygame.K_ESCAPE)])
    app.step([key(pygame.K_ESCAPE)])
    assert s.phase is Phase.PLAYING and isinstance(app.stack.top, RoomScene)


def test_a_facilitator_pause_offers_the_team_no_resume_button_and_only_f2_resumes(app):
    gallery.show(app, "kamer")
    s = app.game.session
    app.step([key(pygame.K_F2)])
    pause = app.stack.top
    assert isinstance(pause, PauseScene) and pause.resume_button is None
    assert [w.label for w in pause.group.widgets] == [app.game.ctx.t("pause.to_title")]
    assert "F2" in pause.labels()[1][0]
    app.step([key(pygame.K_ESCAPE)])  # Escape does not resume a facilitator's pause
    assert s.phase is Phase.PAUSED and app.stack.top is pause
    app.step([key(pygame.K_RETURN)])  # the only button: to the title, the game saved
    assert isinstance(app.stack.top, TitleScene) and app.game.recorder is None


def test_f2_resumes_a_facilitator_pause(app):
    gallery.show(app, "kamer")
    s = app.game.session
    app.step([key(pygame.K_F2)])
    app.step([key(pygame.K_ESCAPE)])
    assert s.phase is Phase.PAUSED and isinstance(app.stack.top, PauseScene)
    app.step([key(pygame.K_F2)])
    assert s.phase is Phase.PLAYING and isinstance(app.stack.top, RoomScene)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_answer_f7_shows_names_bases_and_recipients_in_words_never_ids(shared_app, lang):
    from escaperoom.rules.lawbook import load_lawbook
    from escaperoom.ui.scenes.facilitator import answer_text
    app = shared_app
    app.game.ctx.lang = lang
    gallery.show(app, "titel")
    app.game.start(None, "Team F7", None, app.game.defaults.feedback, lang)
    s = app.game.session
    book = load_lawbook()
    ids = {i for i in (*book.provisions, *book.roles, *s.scenario.gegevens) if "." in i or "_" in i}  # not words
    for puzzle in [*s.scenario.rooms, s.scenario.lock]:
        text = answer_text(app.game, puzzle, s.model_answer(puzzle.id))
        words = {w.strip(":;,.()") for w in text.replace("\n", " ").split(" ")}
        assert not (words & ids), f"{puzzle.id}: raw ids {words & ids} in {text!r}"
        scene = MessageScene(app.game, text, "x")
        body, box = scene.labels()[1][:2]
        assert text_fits(app.game.ctx, body, box, "regular", theme.TEXT_BODY), f"{puzzle.id}/{lang} does not fit"
    basis = next(p for p in s.scenario.rooms if p.soort == "grondslag")
    text = answer_text(app.game, basis, s.model_answer(basis.id))
    for decision, choice in zip(basis.beslissingen, s.model_answer(basis.id)["keuzes"].values()):
        assert book.roles[decision.ontvanger].naam.get(lang) in text
        if choice != "geen":
            assert book.label(choice, lang) in text


def test_p_does_not_pause_while_the_team_types_a_team_name(app):
    app.step([key(pygame.K_RETURN)])  # Nieuw spel
    app.step([key(pygame.K_p, unicode="p"), pygame.event.Event(pygame.TEXTINPUT, text="p")])
    assert app.stack.top.team_field.value == "p"


# --- saves -------------------------------------------------------------------------------------------------


def test_a_damaged_save_on_doorgaan_shows_the_reason_keeps_the_file_and_offers_a_new_game(app):
    game = app.game
    game.start(None, "Team Kapot", None, game.defaults.feedback, "nl")
    state = game.recorder.files.state
    game.close()
    state.write_text("dit is [geen toml", encoding="utf-8")
    title = app.stack.top
    assert isinstance(title, TitleScene)
    app.step(click(title.cont.rect.center))
    top = app.stack.top
    assert isinstance(top, ResumeErrorScene)
    assert "Team Kapot" in top.labels()[1][0]
    assert state.read_text(encoding="utf-8") == "dit is [geen toml"
    app.step([key(pygame.K_RETURN)])  # "Nieuw spel beginnen"
    assert type(app.stack.top).__name__ == "SetupScene"


def test_doorgaan_continues_an_interrupted_game_where_it_was(app):
    game = app.game
    s = game.start(None, "Team Verder", None, game.defaults.feedback, "nl")
    first = s.scenario.rooms[0].id
    s.submit(first, s.model_answer(first))
    app.stack.push(RoomScene(game))
    for _ in range(50):  # 12.5 s of play: the room saves the clock every 10 s between decisions
        app.step([], dt=0.25)
    game.close()
    app.stack.reset(TitleScene(game))
    app.step(click(app.stack.top.cont.rect.center))
    assert isinstance(app.stack.top, RoomScene)
    assert app.game.session.status(first) is Status.SOLVED and app.game.session.elapsed >= 10


def test_nabespreking_without_debrief_scenes_shows_a_message_instead_of_crashing(app, monkeypatch):
    monkeypatch.setitem(sys.modules, "escaperoom.ui.debrief.flow", None)  # importing it now fails
    title = app.stack.top
    app.step(click(title.debrief.rect.center))
    assert app.stack.top is title and title.message


# --- strings ------------------------------------------------------------------------------------------------


def test_an_id_in_two_string_files_is_an_error_naming_both(tmp_path):
    (tmp_path / "a.toml").write_text('[x]\ny = { nl = "een" }\n', encoding="utf-8")
    (tmp_path / "b.toml").write_text('x.y = { nl = "twee" }\n', encoding="utf-8")
    with pytest.raises(ContentError) as err:
        Catalogue.load_dir(tmp_path)
    assert "a.toml" in str(err.value.problems[0].message)


# --- run_game ------------------------------------------------------------------------------------------------


def test_run_game_headless_autoplay_plays_to_the_end_and_writes_a_journal(tmp_path, capsys):
    saves = tmp_path / "saves"
    assert run_game(_args(saves, autoplay=True, screenshot=tmp_path / "end.png")) == 0
    journals = list(saves.glob("*/journal.jsonl"))
    assert len(journals) == 1
    records = [json.loads(line) for line in journals[0].read_text(encoding="utf-8").splitlines()]
    assert records[-1]["type"] == "einde" and records[-1]["fase"] in ("ontsnapt", "tijd_op")
    assert any(r["type"] == "hint" for r in records)
    assert any(r.get("reden") for r in records if r["type"] == "poging")
    assert (tmp_path / "end.png").stat().st_size > 0


def test_run_game_headless_renders_frames_and_saves_a_screenshot(tmp_path):
    shot = tmp_path / "titel.png"
    assert run_game(_args(tmp_path / "saves", frames=2, screenshot=shot)) == 0
    assert pygame.image.load(str(shot)).get_size() == theme.CANVAS_SIZE
