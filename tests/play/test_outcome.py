"""The end screen's facts without a screen: which outcome sentence, which mistakes in which order, the counts."""

from __future__ import annotations

from escaperoom.kinds import ErrorKind, kind_of
from escaperoom.kinds.judging import load_judged
from escaperoom.paths import puzzels_dir
from escaperoom.play.outcome import outcome
from escaperoom.play.session import Feedback, Phase, Session, Settings

LOADED = load_judged(puzzels_dir() / "henk.toml")


def _session() -> Session:
    return Session(scenario=LOADED.scenario, cases=LOADED.cases,
                   settings=Settings("henk", "Team Einde", 2700, Feedback.DIRECT))


def _wrong(session: Session, puzzle_id: str):
    puzzle = session.scenario.puzzle(puzzle_id)
    kind = kind_of(puzzle)
    return kind.with_reason(kind.plausible_mistake(puzzle, session.model_answer(puzzle_id)), "Zo doen we het")


def test_a_game_without_mistakes_is_better_and_clean_and_names_nothing():
    s = _session()
    for puzzle in s.scenario.rooms:
        s.submit(puzzle.id, s.model_answer(puzzle.id))
    s.end_game()
    o = outcome(s)
    assert o.phase is Phase.ENDED and not o.escaped and o.better
    assert o.sentence_id == "spel.end.better_clean" and o.lowest is None and o.named == ()
    assert [kind for kind, _ in o.counts] == ["goed", "te_ruim", "te_voorzichtig"]
    assert o.solved == len(s.scenario.rooms) and o.path == tuple(s.history)


def test_all_wrong_names_the_first_of_each_kind_first_and_an_order_puzzle_once():
    s = _session()
    for puzzle in s.scenario.rooms:
        s.submit(puzzle.id, _wrong(s, puzzle.id))
    s.end_game()
    o = outcome(s)
    assert o.stability < o.stability_start and o.sentence_id == "spel.end.worse_both"
    kinds = [m.kind for m in o.named]
    assert kinds[:2] == [ErrorKind.TE_RUIM, ErrorKind.TE_VOORZICHTIG]
    assert sum(1 for m in o.named if m.puzzle_id == "stappenplan") == 1
    assert len({(m.puzzle_id, m.key, m.kind) for m in o.named}) == len(o.named)
    assert dict(o.counts)["te_ruim"] == s.summary()["te_ruim"]


def test_a_deep_dip_that_recovered_is_mentioned_with_its_lowest_point():
    s = _session()
    for puzzle in s.scenario.rooms:
        s.submit(puzzle.id, _wrong(s, puzzle.id))
    low = min(s.history)
    assert low <= s.history[0] - 20  # the wrong answers took the resident far down
    s.stability = s.history[0] + 1  # … and then (say) the facilitator's debrief brought them back
    s.history.append(s.stability)
    o = outcome(s)
    assert o.sentence_id == "spel.end.better_mixed" and o.lowest == low
