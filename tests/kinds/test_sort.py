"""Sorteren: targeted wrong answers produce the error a trainer would name (te ruim, te voorzichtig, onbeantwoord).
Wrong answers are derived from the engine's verdicts, so the tests follow the content when authors change a card.
"""

from __future__ import annotations

import pytest

from escaperoom.content.models import NIET_DELEN, SortPuzzle
from escaperoom.kinds import ErrorKind, model_answer
from escaperoom.rules import Decision

from ._henk import check, one


def test_sorting_a_card_that_may_not_be_shared_onto_a_recipient_is_too_broad(sc, cases):
    p = one(sc, SortPuzzle)
    answer = model_answer(sc, p, cases[p.id])
    card = next(k for k in p.kaarten if not any(c.verdict.decision.shares for c in cases[p.id] if c.item_id == k))
    answer["plaatsing"][card] = p.bestemmingen[0].ontvanger
    result = check(sc, cases, p, answer)
    (wrong,) = [i for i in result.items if i.error]
    assert (wrong.key, wrong.error, wrong.credit) == (card, ErrorKind.TE_RUIM, 0.0)
    assert wrong.verdict is not None and not wrong.verdict.decision.shares
    assert not result.solved and result.score == pytest.approx((len(p.kaarten) - 1) / len(p.kaarten))


def test_holding_back_a_card_that_must_be_shared_is_too_cautious(sc, cases):
    p = one(sc, SortPuzzle)
    answer = model_answer(sc, p, cases[p.id])
    card = next(c.item_id for c in cases[p.id] if c.verdict.decision is Decision.MOET)
    answer["plaatsing"][card] = NIET_DELEN
    result = check(sc, cases, p, answer)
    (wrong,) = [i for i in result.items if i.error]
    assert (wrong.key, wrong.error, wrong.credit) == (card, ErrorKind.TE_VOORZICHTIG, 0.0)
    assert wrong.verdict is not None and wrong.verdict.decision.shares


def test_sending_a_card_that_must_go_to_one_recipient_only_to_another_still_holds_back_the_duty(sc, cases):
    p = one(sc, SortPuzzle)
    answer = model_answer(sc, p, cases[p.id])
    card, must_to, may_to = next(
        (m.item_id, m.spec.ontvanger, o.spec.ontvanger)
        for m in cases[p.id] if m.verdict.decision is Decision.MOET
        for o in cases[p.id] if o.item_id == m.item_id and o.verdict.decision is Decision.MAG)
    assert answer["plaatsing"][card] == must_to
    answer["plaatsing"][card] = may_to
    result = check(sc, cases, p, answer)
    assert [(i.key, i.error) for i in result.items if i.error] == [(card, ErrorKind.TE_VOORZICHTIG)]


def test_a_card_left_on_the_table_counts_as_unanswered(sc, cases):
    p = one(sc, SortPuzzle)
    answer = model_answer(sc, p, cases[p.id])
    card = p.kaarten[0]
    del answer["plaatsing"][card]
    result = check(sc, cases, p, answer)
    assert [(i.key, i.error) for i in result.items if i.error] == [(card, ErrorKind.ONBEANTWOORD)]
