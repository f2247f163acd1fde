"""Answer scoring against the real bundled scenario (``puzzels/henk.toml``), judged by the real rule engine.

For every puzzle the model answer solves it; targeted wrong answers produce the error kind a trainer would name
(te ruim, te voorzichtig, verkeerde grondslag with half credit, verkeerde volgorde, niet aanvaardbaar); answers of
the wrong shape raise :class:`AnswerError`. Wrong answers are derived from the engine's verdicts where possible,
so the tests follow the content when authors change a card.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from escaperoom.content.models import (
    GEEN_GRONDSLAG, NIET_DELEN, BasisPuzzle, DilemmaPuzzle, LockPuzzle, OrderPuzzle, RedactPuzzle, Scenario,
    SortPuzzle,
)
from escaperoom.judge import judge_scenario
from escaperoom.rules import Decision, load_lawbook
from escaperoom.scoring import AnswerError, ErrorKind, check_answer, lock_code, model_answer

HENK = Path(__file__).resolve().parents[1] / "puzzels" / "henk.toml"


@pytest.fixture(scope="module")
def raw() -> dict:
    with HENK.open("rb") as fh:
        return tomllib.load(fh)


@pytest.fixture(scope="module")
def sc(raw) -> Scenario:
    return Scenario.model_validate(raw)


@pytest.fixture(scope="module")
def cases(sc):
    return judge_scenario(load_lawbook(), sc)


def _one(sc: Scenario, kind: type):
    return next(p for p in sc.puzzels if isinstance(p, kind))


def _check(sc, cases, puzzle, answer):
    return check_answer(sc, puzzle, cases[puzzle.id], answer)


# ------------------------------------------------------------------ the model answer


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
        result = _check(sc, cases, puzzle, model_answer(sc, puzzle, cases[puzzle.id]))
        assert result.solved, (puzzle.id, [(i.key, i.error) for i in result.items if i.error])
        assert result.score == 1.0, puzzle.id
        assert all(i.credit == 1.0 and i.error is None for i in result.items)


# ------------------------------------------------------------------ sorteren


def test_sorting_a_card_that_may_not_be_shared_onto_a_recipient_is_too_broad(sc, cases):
    p = _one(sc, SortPuzzle)
    answer = model_answer(sc, p, cases[p.id])
    card = next(k for k in p.kaarten if not any(c.verdict.decision.shares for c in cases[p.id] if c.item_id == k))
    answer["plaatsing"][card] = p.bestemmingen[0].ontvanger
    result = _check(sc, cases, p, answer)
    (wrong,) = [i for i in result.items if i.error]
    assert (wrong.key, wrong.error, wrong.credit) == (card, ErrorKind.TE_RUIM, 0.0)
    assert wrong.verdict is not None and not wrong.verdict.decision.shares
    assert not result.solved and result.score == pytest.approx((len(p.kaarten) - 1) / len(p.kaarten))


def test_holding_back_a_card_that_must_be_shared_is_too_cautious(sc, cases):
    p = _one(sc, SortPuzzle)
    answer = model_answer(sc, p, cases[p.id])
    card = next(c.item_id for c in cases[p.id] if c.verdict.decision is Decision.MOET)
    answer["plaatsing"][card] = NIET_DELEN
    result = _check(sc, cases, p, answer)
    (wrong,) = [i for i in result.items if i.error]
    assert (wrong.key, wrong.error, wrong.credit) == (card, ErrorKind.TE_VOORZICHTIG, 0.0)
    assert wrong.verdict is not None and wrong.verdict.decision.shares


def test_sending_a_card_that_must_go_to_one_recipient_only_to_another_still_holds_back_the_duty(sc, cases):
    p = _one(sc, SortPuzzle)
    answer = model_answer(sc, p, cases[p.id])
    card, must_to, may_to = next(
        (m.item_id, m.spec.ontvanger, o.spec.ontvanger)
        for m in cases[p.id] if m.verdict.decision is Decision.MOET
        for o in cases[p.id] if o.item_id == m.item_id and o.verdict.decision is Decision.MAG)
    assert answer["plaatsing"][card] == must_to
    answer["plaatsing"][card] = may_to
    result = _check(sc, cases, p, answer)
    assert [(i.key, i.error) for i in result.items if i.error] == [(card, ErrorKind.TE_VOORZICHTIG)]


def test_a_card_left_on_the_table_counts_as_unanswered(sc, cases):
    p = _one(sc, SortPuzzle)
    answer = model_answer(sc, p, cases[p.id])
    card = p.kaarten[0]
    del answer["plaatsing"][card]
    result = _check(sc, cases, p, answer)
    assert [(i.key, i.error) for i in result.items if i.error] == [(card, ErrorKind.ONBEANTWOORD)]


# ------------------------------------------------------------------ grondslag


def test_the_right_decision_on_the_wrong_legal_basis_earns_half_credit(sc, cases):
    p = _one(sc, BasisPuzzle)
    answer = model_answer(sc, p, cases[p.id])
    d, wrong_basis = next((d, o) for d, (spec, c) in enumerate(zip(p.beslissingen, cases[p.id]))
                          if c.verdict.decision.shares
                          for o in spec.opties if o != GEEN_GRONDSLAG and o not in c.verdict.bases)
    answer["keuzes"][str(d)] = wrong_basis
    result = _check(sc, cases, p, answer)
    (wrong,) = [i for i in result.items if i.error]
    assert (wrong.answer, wrong.error, wrong.credit) == (wrong_basis, ErrorKind.VERKEERDE_GRONDSLAG, 0.5)
    n = len(p.beslissingen)
    assert result.score == pytest.approx((n - 0.5) / n) and not result.solved


def test_consent_is_the_wrong_basis_for_vroegsignalering(sc, cases):
    """Kennisbank §5.2: vroegsignalering rests on a legal duty, not on consent (misvatting 12)."""
    p = _one(sc, BasisPuzzle)
    d = next(d for d, c in enumerate(cases[p.id]) if "besluit_wgs.2" in c.verdict.bases)
    answer = model_answer(sc, p, cases[p.id])
    answer["keuzes"][str(d)] = "avg.6.1.a"
    result = _check(sc, cases, p, answer)
    assert result.items[d].error is ErrorKind.VERKEERDE_GRONDSLAG and result.items[d].credit == 0.5


def test_every_valid_art6_basis_counts_as_the_right_answer_when_a_provision_gives_several(raw):
    """Issue 2 "the set of valid legal bases": the college's application to the prosecutor (Wvggz 5:3) rests on its
    public task (art. 6 lid 1 e) and on its duty to apply (lid 1 c, 5:2 lid 3, kennisbank §3.1) — both are right;
    legitimate interest (f) is not (art. 6 lid 1 slotzin)."""
    data = {**raw, "gegevens": {**raw["gegevens"], "aanvraag": {
        "label": {"nl": "Zorgen na het verkennend onderzoek"}, "houder": "gemeente_meldpunt",
        "categorieen": ["gewoon", "gezondheid"]}}}
    puzzles = [dict(p) for p in raw["puzzels"]]
    basis = next(p for p in puzzles if p["soort"] == "grondslag")
    basis["beslissingen"] = [*basis["beslissingen"], {
        "gegeven": "aanvraag", "ontvanger": "ovj", "doel": {"nl": "Aanvraag zorgmachtiging"},
        "situatie": {"aanvraag_zorgmachtiging": True}, "nodig": ["aanvraag"],
        "opties": ["avg.6.1.e", "avg.6.1.c", "avg.6.1.f", "geen"]}]
    sc = Scenario.model_validate({**data, "puzzels": puzzles})
    cases = judge_scenario(load_lawbook(), sc)
    p = _one(sc, BasisPuzzle)
    d = len(p.beslissingen) - 1
    answer = model_answer(sc, p, cases[p.id])
    results = {}
    for pick in ("avg.6.1.e", "avg.6.1.c", "avg.6.1.f"):
        answer["keuzes"][str(d)] = pick
        item = _check(sc, cases, p, answer).items[d]
        results[pick] = (item.error, item.credit)
    assert results == {"avg.6.1.e": (None, 1.0), "avg.6.1.c": (None, 1.0),
                       "avg.6.1.f": (ErrorKind.VERKEERDE_GRONDSLAG, 0.5)}
    assert set(_check(sc, cases, p, answer).items[d].expected.split("|")) >= {"avg.6.1.e", "avg.6.1.c"}


def test_choosing_a_basis_where_the_law_gives_none_is_too_broad(sc, cases):
    p = _one(sc, BasisPuzzle)
    d = next(d for d, c in enumerate(cases[p.id]) if not c.verdict.decision.shares)
    option = next(o for o in p.beslissingen[d].opties if o != GEEN_GRONDSLAG)
    answer = model_answer(sc, p, cases[p.id])
    answer["keuzes"][str(d)] = option
    result = _check(sc, cases, p, answer)
    assert (result.items[d].error, result.items[d].credit) == (ErrorKind.TE_RUIM, 0.0)


def test_choosing_no_basis_where_the_law_obliges_is_too_cautious(sc, cases):
    p = _one(sc, BasisPuzzle)
    d = next(d for d, c in enumerate(cases[p.id]) if c.verdict.decision is Decision.MOET)
    answer = model_answer(sc, p, cases[p.id])
    answer["keuzes"][str(d)] = GEEN_GRONDSLAG
    result = _check(sc, cases, p, answer)
    assert (result.items[d].error, result.items[d].credit) == (ErrorKind.TE_VOORZICHTIG, 0.0)


# ------------------------------------------------------------------ zwartlakken


def test_leaving_the_diagnosis_visible_in_the_mail_is_too_broad(sc, cases):
    p = _one(sc, RedactPuzzle)
    answer = model_answer(sc, p, cases[p.id])
    secret = next(f for f, frag in enumerate(p.fragmenten)
                  if frag.gegeven and "gezondheid" in sc.gegevens[frag.gegeven].categorieen)
    assert secret in answer["zwart"]
    answer["zwart"].remove(secret)
    result = _check(sc, cases, p, answer)
    (wrong,) = [i for i in result.items if i.error]
    assert (wrong.key, wrong.error, wrong.answer, wrong.expected) == (
        f"fragment:{secret}", ErrorKind.TE_RUIM, "zichtbaar", "zwart")


def test_blacking_out_what_henk_agreed_to_share_is_too_cautious(sc, cases):
    p = _one(sc, RedactPuzzle)
    answer = model_answer(sc, p, cases[p.id])
    allowed = next(int(c.key.split(":")[1]) for c in cases[p.id] if c.verdict.decision.shares)
    answer["zwart"].append(allowed)
    result = _check(sc, cases, p, answer)
    (wrong,) = [i for i in result.items if i.error]
    assert (wrong.error, wrong.answer) == (ErrorKind.TE_VOORZICHTIG, "zwart")


def test_blacking_out_neutral_text_is_neither_right_nor_wrong(sc, cases):
    p = _one(sc, RedactPuzzle)
    answer = model_answer(sc, p, cases[p.id])
    neutral = next(f for f, frag in enumerate(p.fragmenten) if not frag.gegeven)
    answer["zwart"].append(neutral)
    assert _check(sc, cases, p, answer).solved


# ------------------------------------------------------------------ volgorde


def test_swapping_two_steps_of_the_step_plan_is_the_wrong_order_at_both_places(sc, cases):
    p = _one(sc, OrderPuzzle)
    order = list(range(len(p.stappen)))
    order[0], order[1] = order[1], order[0]
    result = _check(sc, cases, p, {"volgorde": order})
    assert [i.error for i in result.items[:2]] == [ErrorKind.VERKEERDE_VOLGORDE] * 2
    assert all(i.error is None for i in result.items[2:])
    assert result.score == pytest.approx((len(p.stappen) - 2) / len(p.stappen))


# ------------------------------------------------------------------ dilemma


def test_a_dilemma_option_that_shares_what_may_not_be_shared_is_too_broad(sc, cases):
    p = _one(sc, DilemmaPuzzle)
    forbidden = {c.item_id for c in cases[p.id] if not c.verdict.decision.shares}
    choice = next(i for i, o in enumerate(p.opties) if o.deelt and set(o.deelt) & forbidden)
    result = _check(sc, cases, p, {"keuze": choice, "reden": "Veiligheid gaat voor privacy"})
    (item,) = result.items
    assert (item.error, item.credit) == (ErrorKind.TE_RUIM, 0.0)
    assert str(choice) not in item.expected.split("|")


def test_even_confirming_that_henk_is_in_treatment_is_too_broad(sc, cases):
    """Kennisbank R05: not even whether someone is a patient."""
    p = _one(sc, DilemmaPuzzle)
    choice = next(i for i, o in enumerate(p.opties) if o.deelt == ["in_behandeling"])
    assert _check(sc, cases, p, {"keuze": choice, "reden": ""}).items[0].error is ErrorKind.TE_RUIM


def test_every_dilemma_option_that_shares_nothing_is_acceptable(sc, cases):
    p = _one(sc, DilemmaPuzzle)
    silent = [i for i, o in enumerate(p.opties) if o.deelt == []]
    assert silent
    for choice in silent:
        assert _check(sc, cases, p, {"keuze": choice, "reden": ""}).solved


def test_a_dilemma_option_the_author_marks_unacceptable_is_not_acceptable(sc, cases):
    """Without a request the author's ``aanvaardbaar`` decides (the non-legal kind of error)."""
    p = _one(sc, DilemmaPuzzle)
    data = p.model_dump()
    data.update(verzoek=None, gegevens=[])
    for i, option in enumerate(data["opties"]):
        option.update(deelt=None, aanvaardbaar=i >= 2)
    variant = DilemmaPuzzle.model_validate(data)
    bad = check_answer(sc, variant, [], {"keuze": 0, "reden": ""})
    assert (bad.items[0].error, bad.score) == (ErrorKind.NIET_AANVAARDBAAR, 0.0)
    assert bad.items[0].expected == "|".join(str(i) for i in range(2, len(p.opties)))
    assert check_answer(sc, variant, [], {"keuze": 2, "reden": ""}).solved


# ------------------------------------------------------------------ het slot


def test_the_lock_code_is_the_rewards_of_the_stations_in_the_order_the_lock_names(sc, raw):
    rewards = {p["id"]: p.get("beloning") for p in raw["puzzels"]}
    lock = next(p for p in raw["puzzels"] if p["soort"] == "slot")
    expected = "".join(rewards[pid].upper() for pid in lock["codes_van"])
    assert lock_code(sc) == expected
    assert len(expected) == len(sc.rooms) == 5


def test_the_lock_opens_with_the_code_typed_loosely_and_stays_shut_with_a_wrong_code(sc, cases):
    p = _one(sc, LockPuzzle)
    code = lock_code(sc)
    assert _check(sc, cases, p, {"code": f"  {code.lower()} "}).solved
    wrong = _check(sc, cases, p, {"code": code[::-1] if code[::-1] != code else code + "0"})
    assert (wrong.items[0].error, wrong.score) == (ErrorKind.NIET_AANVAARDBAAR, 0.0)


# ------------------------------------------------------------------ answers of the wrong shape

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
    p = _one(sc, kind)
    with pytest.raises(AnswerError) as caught:
        _check(sc, cases, p, answer)
    assert p.id in str(caught.value)
