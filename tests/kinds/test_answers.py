"""Answer checking for every kind against the real bundled scenario (``puzzels/henk.toml``), judged by the real
rule engine: henk has a puzzle of every kind, the model answer solves each one, and an answer of the wrong shape
raises :class:`AnswerError` (a screen bug, not a team mistake).
"""

from __future__ import annotations

import pytest

from escaperoom.content.models import (
    BasisPuzzle,
    DilemmaPuzzle,
    LockPuzzle,
    OrderPuzzle,
    RedactPuzzle,
    SortPuzzle,
)
from escaperoom.kinds import AnswerError, model_answer

from ._henk import check, one


def test_henk_has_one_puzzle_of_every_kind(sc):
    kinds = {type(p) for p in sc.puzzels}
    assert kinds == {SortPuzzle, BasisPuzzle, RedactPuzzle, OrderPuzzle, DilemmaPuzzle, LockPuzzle}


def test_the_rule_engine_agrees_with_every_verdict_the_authors_expect_in_henk(cases):
    checked = 0
    for puzzle_cases in cases.values():
        for case in puzzle_cases:
            expected = case.spec.verwacht.get(case.item_id)
            if expected is not None:
                checked += 1
                assert case.verdict.decision is expected, (case.puzzle_id, case.key, case.verdict.rule)
    assert checked >= 15


def test_every_legal_case_in_henk_states_the_verdict_its_authors_expect(cases):
    """Each case is also a regression test of the engine (issue 2); the audit found contact@gemeente_meldpunt
    without one (kennisbank S06: the report says whom it concerns, Wvggz 5:2 lid 1 — mag delen)."""
    missing = [case.key for cs in cases.values() for case in cs if case.item_id not in case.spec.verwacht]
    assert not missing


def test_the_model_answer_solves_every_puzzle_with_full_score(sc, cases):
    for puzzle in sc.puzzels:
        result = check(sc, cases, puzzle, model_answer(sc, puzzle, cases[puzzle.id]))
        assert result.solved, (puzzle.id, [(i.key, i.error) for i in result.items if i.error])
        assert result.score == 1.0, puzzle.id
        assert all(i.credit == 1.0 and i.error is None for i in result.items)


@pytest.mark.parametrize(("kind", "answer"), [
    pytest.param(SortPuzzle, {}, id="sorteren without plaatsing"),
    pytest.param(SortPuzzle, {"plaatsing": {"contact": "buurman"}}, id="sorteren onto an unknown recipient"),
    pytest.param(SortPuzzle, {"plaatsing": ["contact"]}, id="sorteren with a list"),
    pytest.param(BasisPuzzle, {"keuzes": {"0": "avg.6.1.z"}}, id="grondslag with an option not offered"),
    pytest.param(BasisPuzzle, {"keuzes": ["avg.6.1.a"]}, id="grondslag with a list"),
    pytest.param(RedactPuzzle, {"zwart": [99]}, id="zwartlakken outside the document"),
    pytest.param(RedactPuzzle, {"zwart": ["alles"]}, id="zwartlakken with text"),
    pytest.param(OrderPuzzle, {"volgorde": [0, 0, 1]}, id="volgorde not a permutation"),
    pytest.param(DilemmaPuzzle, {"keuze": 42}, id="dilemma choice outside the options"),
    pytest.param(DilemmaPuzzle, {"reden": "zomaar"}, id="dilemma without choice"),
    pytest.param(LockPuzzle, {}, id="slot without code"),
])
def test_an_answer_of_the_wrong_shape_raises_answer_error(sc, cases, kind, answer):
    p = one(sc, kind)
    with pytest.raises(AnswerError) as caught:
        check(sc, cases, p, answer)
    assert p.id in str(caught.value)
