"""Grondslag: the right decision on the wrong basis earns half; a basis where the law gives none is too broad, no
basis where the law obliges too cautious; every valid art. 6 basis counts.
"""

from __future__ import annotations

import pytest

from escaperoom.content.models import GEEN_GRONDSLAG, BasisPuzzle, Scenario
from escaperoom.kinds import ErrorKind, model_answer
from escaperoom.kinds.judging import judge_scenario
from escaperoom.rules import Decision, load_lawbook

from ._henk import check, one


def test_the_right_decision_on_the_wrong_legal_basis_earns_half_credit(sc, cases):
    p = one(sc, BasisPuzzle)
    answer = model_answer(sc, p, cases[p.id])
    d, wrong_basis = next((d, o) for d, (spec, c) in enumerate(zip(p.beslissingen, cases[p.id], strict=True))
                          if c.verdict.decision.shares
                          for o in spec.opties if o != GEEN_GRONDSLAG and o not in c.verdict.bases)
    answer["keuzes"][str(d)] = wrong_basis
    result = check(sc, cases, p, answer)
    (wrong,) = [i for i in result.items if i.error]
    assert (wrong.answer, wrong.error, wrong.credit) == (wrong_basis, ErrorKind.VERKEERDE_GRONDSLAG, 0.5)
    n = len(p.beslissingen)
    assert result.score == pytest.approx((n - 0.5) / n) and not result.solved


def test_consent_is_the_wrong_basis_for_vroegsignalering(sc, cases):
    """Kennisbank §5.2: vroegsignalering rests on a legal duty, not on consent (misvatting 12)."""
    p = one(sc, BasisPuzzle)
    d = next(d for d, c in enumerate(cases[p.id]) if "besluit_wgs.2" in c.verdict.bases)
    answer = model_answer(sc, p, cases[p.id])
    answer["keuzes"][str(d)] = "avg.6.1.a"
    result = check(sc, cases, p, answer)
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
    p = one(sc, BasisPuzzle)
    d = len(p.beslissingen) - 1
    answer = model_answer(sc, p, cases[p.id])
    results = {}
    for pick in ("avg.6.1.e", "avg.6.1.c", "avg.6.1.f"):
        answer["keuzes"][str(d)] = pick
        item = check(sc, cases, p, answer).items[d]
        results[pick] = (item.error, item.credit)
    assert results == {"avg.6.1.e": (None, 1.0), "avg.6.1.c": (None, 1.0),
                       "avg.6.1.f": (ErrorKind.VERKEERDE_GRONDSLAG, 0.5)}
    assert set(check(sc, cases, p, answer).items[d].expected) >= {"avg.6.1.e", "avg.6.1.c"}


def test_choosing_a_basis_where_the_law_gives_none_is_too_broad(sc, cases):
    p = one(sc, BasisPuzzle)
    d = next(d for d, c in enumerate(cases[p.id]) if not c.verdict.decision.shares)
    option = next(o for o in p.beslissingen[d].opties if o != GEEN_GRONDSLAG)
    answer = model_answer(sc, p, cases[p.id])
    answer["keuzes"][str(d)] = option
    result = check(sc, cases, p, answer)
    assert (result.items[d].error, result.items[d].credit) == (ErrorKind.TE_RUIM, 0.0)


def test_choosing_no_basis_where_the_law_obliges_is_too_cautious(sc, cases):
    p = one(sc, BasisPuzzle)
    d = next(d for d, c in enumerate(cases[p.id]) if c.verdict.decision is Decision.MOET)
    answer = model_answer(sc, p, cases[p.id])
    answer["keuzes"][str(d)] = GEEN_GRONDSLAG
    result = check(sc, cases, p, answer)
    assert (result.items[d].error, result.items[d].credit) == (ErrorKind.TE_VOORZICHTIG, 0.0)
