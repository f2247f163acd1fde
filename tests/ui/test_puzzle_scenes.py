"""The puzzle scenes on the real Henk content: they open, a scripted answer leads to the feedback and back to the
room, drag/touch/keyboard work, wrong answers get named on the feedback card, personal data in a reason is
refused, and no text overflows. (The drivers that script the answers: tests/ui/scripted/test_puzzle_drivers.py.)"""

from __future__ import annotations

import pygame
import pytest
from puzzle_setup import KINDS, Room, make_session, open_scene, puzzle_of

from escaperoom.play.session import Feedback, Status
from escaperoom.strings import Catalogue
from escaperoom.ui import theme
from escaperoom.ui.context import UiContext
from escaperoom.ui.fonts import TextCache
from escaperoom.ui.puzzles import DilemmaScene, FeedbackScene, OrderScene, SortScene, scene_for
from escaperoom.ui.puzzles.order import initial_order
from escaperoom.ui.scene import SceneStack
from escaperoom.ui.scripted.events import drag, feed, key
from escaperoom.ui.scripted.puzzles import script_events


@pytest.fixture
def ctx_for(text: TextCache, catalogue: Catalogue):
    return lambda lang: UiContext(text, catalogue, lang)


@pytest.mark.parametrize("kind", KINDS)
def test_every_puzzle_scene_opens_and_draws_a_frame(kind, ctx, canvas):
    stack, _, scene = open_scene(kind, ctx, make_session())
    stack.update(1 / 60)
    stack.draw(canvas)
    assert stack.top is scene


@pytest.mark.parametrize("kind", KINDS)
def test_the_scripted_model_answer_solves_the_puzzle_and_feedback_leads_back_to_the_room(kind, ctx, canvas):
    session = make_session()
    stack, room, scene = open_scene(kind, ctx, session)
    puzzle = puzzle_of(kind)
    feed(stack, script_events(scene, session.model_answer(puzzle.id)))
    assert session.status(puzzle.id) is Status.SOLVED
    assert isinstance(stack.top, FeedbackScene)
    stack.draw(canvas)
    feed(stack, [key(pygame.K_ESCAPE)])
    assert stack.top is room
    assert room.results and room.results[0].solved


def _zone_centre(scene: SortScene, role: str) -> tuple[int, int]:
    return scene.zones[scene.zone_ids.index(role)].center


@pytest.mark.parametrize("touch", [False, True], ids=["mouse", "touch"])
def test_dragging_a_card_onto_a_zone_places_it(touch, ctx):
    stack, _, scene = open_scene("sorteren", ctx, make_session())
    card = scene.cards[1]
    feed(stack, drag(card.rect.center, _zone_centre(scene, "gemeente_schuldhulp"), touch=touch))
    assert scene.placement == {scene.card_ids[1]: 0}
    assert card.rect == card.home  # the card stays in its row and shows a tag
    assert card.tag is not None and card.tag[0] == 1


def test_a_card_dropped_outside_every_zone_goes_back_unplaced(ctx):
    stack, _, scene = open_scene("sorteren", ctx, make_session())
    card = scene.cards[0]
    feed(stack, drag(card.rect.center, (card.rect.centerx, card.rect.centery + 60)))
    assert scene.placement == {}
    assert card.rect == card.home


def test_tap_a_card_then_tap_a_zone_places_it(ctx):
    stack, _, scene = open_scene("sorteren", ctx, make_session())
    from escaperoom.ui.scripted.events import tap

    feed(stack, tap(scene.cards[3].rect.center) + tap(_zone_centre(scene, "niet_delen")))
    assert scene.placement == {scene.card_ids[3]: scene.zone_ids.index("niet_delen")}


def test_sort_keyboard_arrows_choose_the_zone_and_escape_cancels(ctx):
    stack, _, scene = open_scene("sorteren", ctx, make_session())
    feed(stack, [key(pygame.K_TAB), key(pygame.K_RETURN), key(pygame.K_RIGHT), key(pygame.K_RETURN)])
    focused = scene.cards.index(scene.focus.focused)
    assert scene.placement == {scene.card_ids[focused]: 1}
    feed(stack, [key(pygame.K_RETURN), key(pygame.K_ESCAPE)])
    assert scene.picked is None and stack.top is scene  # Esc put the card down, it did not leave the puzzle


def test_order_starts_shuffled_the_same_way_and_never_right():
    for puzzle_id in ("stappenplan", "x", "y", "z", "ab"):
        for count in (2, 3, 8):
            order = initial_order(puzzle_id, count)
            assert order == initial_order(puzzle_id, count)
            assert sorted(order) == list(range(count)) and order != list(range(count))


def test_a_mouse_drag_moves_a_step(ctx):
    stack, _, scene = open_scene("volgorde", ctx, make_session())
    assert isinstance(scene, OrderScene)
    before = list(scene.steps.order)
    top_row, third_row = scene.steps.row_rect(0), scene.steps.row_rect(2)
    feed(stack, drag(top_row.center, third_row.center, touch=True))
    assert scene.steps.order == before[1:3] + before[:1] + before[3:]


def test_a_wrong_sort_names_too_broad_and_too_cautious_on_the_feedback_cards(ctx, canvas):
    session = make_session()
    stack, _, scene = open_scene("sorteren", ctx, session)
    answer = session.model_answer("vroegsignalering")
    answer["plaatsing"]["contact"] = "niet_delen"  # must be shared: too cautious
    answer["plaatsing"]["zwart_werk"] = "gemeente_meldpunt"  # may not be shared: too broad
    feed(stack, script_events(scene, answer))
    feedback = stack.top
    assert isinstance(feedback, FeedbackScene) and not feedback.solved
    words = [word for page in feedback.pages for block, _ in page for _, word in block.badges]
    assert "Te voorzichtig" in words and "Te ruim gedeeld" in words and "Mag niet delen" in words
    assert feedback.retry_button is not None
    feedback.draw(canvas)
    feed(stack, [key(pygame.K_PAGEDOWN)])
    assert feedback.page == 1
    feedback.retry()
    assert isinstance(stack.top, SortScene) and stack.top.placement == {}


def test_escape_mode_feedback_shows_only_the_count(ctx, canvas):
    session = make_session(feedback=Feedback.ESCAPE)
    stack, _, scene = open_scene("grondslag", ctx, session)
    feed(stack, script_events(scene, session.model_answer("grondslagen")))
    assert isinstance(stack.top, FeedbackScene) and stack.top.pages == [] and stack.top.solved
    stack.draw(canvas)


def test_an_incomplete_sort_is_not_submitted_and_says_why(ctx):
    session = make_session()
    stack, _, scene = open_scene("sorteren", ctx, session)
    scene.submit()
    assert session.puzzles["vroegsignalering"].attempts == 0 and scene.message


def test_personal_data_in_a_dilemma_reason_is_refused_kept_for_editing_and_not_submitted(ctx, canvas):
    events: list = []
    session = make_session(events=events)
    stack, _, scene = open_scene("dilemma", ctx, session)
    assert isinstance(scene, DilemmaScene)
    typed = "Bel Henk op 06-12345678 om het te vragen"
    feed(stack, script_events(scene, {"keuze": 2, "reden": typed}))
    assert stack.top is scene
    assert session.status("wijkagent-belt") is Status.OPEN
    assert session.puzzles["wijkagent-belt"].attempts == 0
    assert not [kind for kind, _ in events if kind == "poging"]
    assert "telefoonnummer" in scene.notice
    assert scene.field.value == typed
    scene.draw(canvas)
    # the team edits the reason and sends again: now it goes through, with the reason
    feed(stack, [key(pygame.K_END)] + [key(pygame.K_BACKSPACE)] * len(typed))
    feed(stack, [pygame.event.Event(pygame.TEXTINPUT, text=c) for c in "Beroepsgeheim"] + [key(pygame.K_RETURN)])
    assert session.status("wijkagent-belt") is Status.SOLVED
    assert [fields for kind, fields in events if kind == "poging"]


def test_the_personal_data_notice_is_all_english_in_an_english_game(ctx_for):
    ctx = ctx_for("en")
    stack, _, scene = open_scene("dilemma", ctx, make_session("en"))
    feed(stack, script_events(scene, {"keuze": 2, "reden": "Call 06-12345678 or mail henk@example.nl"}))
    assert scene.notice.startswith("Your reason seems to contain a phone number and an e-mail address.")
    assert not any(word in scene.notice for word in ("een", "telefoonnummer", "e-mailadres"))


def test_a_refused_submit_shows_a_catalogued_sentence_in_the_game_language_not_the_session_text(ctx_for):
    ctx = ctx_for("en")
    session = make_session("en")
    stack, _, scene = open_scene("volgorde", ctx, session)
    session.pause()
    scene.submit()
    assert scene.message == ctx.t("spel.error.paused") and "pauze" not in scene.message.lower()
    session.resume()
    session.skip(scene.puzzle.id)
    scene.submit()
    assert scene.message == ctx.t("spel.error.done")


def test_a_listed_reason_fills_the_field(ctx):
    stack, _, scene = open_scene("dilemma", ctx, make_session())
    scene._chosen(2)
    scene.reasons.choose(0)
    assert scene.field.value == scene.reason_texts[0]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_no_text_leaves_its_box_in_either_language(kind, lang, ctx_for):
    ctx = ctx_for(lang)
    scene = scene_for(puzzle_of(kind), make_session(lang), ctx)
    too_big = [text for text, box, role, min_size in scene.text_boxes()
               if text and not ctx.text.fits(text, role, min_size, box.width, box.height)]
    assert too_big == []


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_feedback_cards_fit_a_page_in_either_language(kind, lang, ctx_for):
    ctx = ctx_for(lang)
    session = make_session(lang)
    stack, _, scene = open_scene(kind, ctx, session)
    answer = session.model_answer(scene.puzzle.id)
    if kind == "volgorde":
        answer = {"volgorde": list(reversed(answer["volgorde"]))}
    feed(stack, script_events(scene, answer))
    feedback = stack.top
    assert isinstance(feedback, FeedbackScene)
    assert feedback.overflowing_blocks() == []
    too_big = [text for text, box, role, min_size in feedback.text_boxes()
               if text and not ctx.text.fits(text, role, min_size, box.width, box.height)]
    assert too_big == []
    for page in feedback.pages:
        for _, rect in page:
            assert rect.bottom <= feedback.prev_button.rect.top


@pytest.mark.parametrize("kind", KINDS)
def test_every_puzzle_screen_shows_the_time_left_and_the_residents_stability_in_words(kind, ctx, canvas):
    session = make_session()
    session.tick(125.4)
    _, _, scene = open_scene(kind, ctx, session)
    texts = [text for text, *_ in scene.text_boxes()]
    assert "Tijd over" in texts and "Rust bij Henk" in texts
    assert scene.hud.live_key()[0] == "42:55"  # 45:00 - 2:05.4 = 42:54.6, shown rounded up
    assert scene.hud.stability() == (session.stability, "flat")
    scene.draw(canvas)
    clock = scene.hud.live_rect()
    assert len({canvas.get_at((x, clock.centery))[:3] for x in range(clock.x, clock.right, 3)}) > 2  # digits drawn


def test_the_feedback_says_how_this_answer_moved_the_stability(ctx):
    session = make_session()
    stack, _, scene = open_scene("sorteren", ctx, session)
    before = session.stability
    right = session.model_answer(scene.puzzle.id)
    wrong = {"plaatsing": {card: "niet_delen" for card in right["plaatsing"]}}
    feed(stack, script_events(scene, wrong))
    feedback = stack.top
    assert isinstance(feedback, FeedbackScene) and session.stability < before
    line, direction = feedback.stability_line()
    assert direction == "down" and feedback.hud.stability() == (session.stability, "down")
    assert line == f"Rust bij Henk:\nvan {before} naar {session.stability} (daalt)"


def test_unchanged_stability_is_said_as_such_in_english(ctx_for):
    session = make_session("en")
    ctx = ctx_for("en")
    stack, _, scene = open_scene("volgorde", ctx, session)
    result = session.submit(scene.puzzle.id, session.model_answer(scene.puzzle.id))
    feedback = FeedbackScene(scene.puzzle, session, ctx, result, stability_before=session.stability)
    assert feedback.stability_line() == (f"Calm for Henk:\nstays at {session.stability}", "flat")


def test_puzzle_scene_text_sizes_are_big_screen_sizes():
    assert theme.TEXT_MIN >= 36 and theme.TOUCH_MIN >= 120


def test_the_screens_read_the_law_book_from_the_ui_context(ctx):
    stack, _, scene = open_scene("grondslag", ctx, make_session())
    assert scene.book is ctx.book and ctx.book.roles


def test_an_answered_puzzle_hands_its_result_back_and_opens_no_feedback_itself(ctx):
    from escaperoom.ui.puzzles._base import Answered
    session = make_session()
    stack, room = SceneStack(), Room()
    stack.push(room)
    scene = scene_for(puzzle_of("volgorde"), session, ctx)
    handed: list[object] = []
    stack.push(scene, on_result=handed.append)
    before = session.stability
    feed(stack, script_events(scene, session.model_answer(scene.puzzle.id)))
    assert stack.top is room and stack.scenes == (room,)
    assert len(handed) == 1 and isinstance(handed[0], Answered)
    assert handed[0].result.solved and handed[0].stability_before == before
