"""The answer in words is one implementation for the live result and for the journal: every item of henk, answered
right and wrong, says the same label, answer, "what was right" and spread sentence from the ``ItemResult`` the
game showed as from the record the debrief reads back — in Dutch and English — and none of them is empty, also
when the casus is not on this computer. ``verwacht`` is written in the kind's journal form and read back as the
same tuple."""

from __future__ import annotations

import pytest

from escaperoom.debrief.model import read_session
from escaperoom.kinds import kind_of, record_words, words_for
from escaperoom.kinds.judging import load_judged
from escaperoom.paths import puzzels_dir
from escaperoom.play import recorder
from escaperoom.rules import load_lawbook
from escaperoom.ui.scripted.autoplay import wrong_answer


@pytest.fixture(scope="module")
def played(tmp_path_factory):
    """One team's game of henk: every station first wrong, then right; the lock wrong, then right. Returns the
    loaded casus, the live results in order and the attempts read back from the journal."""
    loaded = load_judged(puzzels_dir() / "henk.toml")
    rec = recorder.start(tmp_path_factory.mktemp("saves"), loaded, "Team Woorden")
    s = rec.session
    live = []
    for room in loaded.scenario.rooms:
        right = s.model_answer(room.id)
        live.append(s.submit(room.id, wrong_answer(room, right), "Omdat het moet"))
        if s.status(room.id).value == "open":
            live.append(s.submit(room.id, right))
    lock = loaded.scenario.lock
    live.append(s.submit(lock.id, {"code": "0"}))
    live.append(s.submit(lock.id, s.model_answer(lock.id)))
    rec.close()
    attempts = [step.attempt for step in read_session(rec.files.journal).steps if step.attempt is not None]
    return loaded, live, attempts


def test_every_attempt_comes_back_from_the_journal_with_the_same_items(played):
    loaded, live, attempts = played
    assert [a.puzzle for a in attempts] == [r.puzzle_id for r in live]
    for result, attempt in zip(live, attempts, strict=True):
        kind = kind_of(loaded.scenario.puzzle(result.puzzle_id))
        assert attempt.kind == kind.soort
        for item, decision in zip(result.items, attempt.items, strict=True):
            assert (decision.key, decision.answer, decision.label) == (item.key, item.answer, item.label.nl)
            assert decision.expected == item.expected and kind.read_expected(kind.write_expected(item.expected)) \
                == item.expected


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_words_of_every_item_of_henk_are_the_same_live_and_from_the_journal(played, lang):
    loaded, live, attempts = played
    book, sc = load_lawbook(), loaded.scenario
    seen = set()
    for result, attempt in zip(live, attempts, strict=True):
        puzzle = sc.puzzle(result.puzzle_id)
        now = words_for(puzzle, sc, book, lang)
        back = record_words(attempt.kind, book, lang, scenario=sc, puzzle_id=attempt.puzzle)
        missing = record_words(attempt.kind, book, lang)  # the casus is not on this computer
        assert type(now) is type(back) is type(missing) is kind_of(puzzle).words
        for item, decision in zip(result.items, attempt.items, strict=True):
            said = now.of_result(item)
            assert said == back.describe(decision.key, decision.answer, decision.expected, decision.label)
            assert all(said), (puzzle.id, item.key, said)
            assert all(missing.describe(decision.key, decision.answer, decision.expected, decision.label))
            for n, total in ((1, 1), (2, 5), (5, 5)):
                sentence = now.sentence(n, total, said[0], item.answer, item.label.nl)
                assert sentence and sentence == back.sentence(n, total, said[0], decision.answer, decision.label)
            seen.add(puzzle.soort)
    assert seen == {kind.soort for kind in map(kind_of, sc.puzzels)}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_puzzle_of_henk_has_feedback_and_its_model_answer_in_words(played, lang):
    loaded, live, _ = played
    book, sc = load_lawbook(), loaded.scenario
    for result in live:
        puzzle = sc.puzzle(result.puzzle_id)
        words = words_for(puzzle, sc, book, lang)
        if not kind_of(puzzle).is_lock:  # the lock has its own scene, no feedback cards
            cards = words.feedback(result, "Omdat het moet")
            assert cards and all(card.title for card in cards)
            assert {card.item for card in cards if card.item is not None} == set(result.items)
        assert words.model_answer_text(kind_of(puzzle).model_answer(sc, puzzle, loaded.cases[puzzle.id]))
