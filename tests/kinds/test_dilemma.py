"""Dilemma: with a request the engine decides which options are acceptable; without one the author does.
"""

from __future__ import annotations

from escaperoom.content.models import DilemmaPuzzle
from escaperoom.kinds import ErrorKind, check_answer

from ._henk import check, one


def test_a_dilemma_option_that_shares_what_may_not_be_shared_is_too_broad(sc, cases):
    p = one(sc, DilemmaPuzzle)
    forbidden = {c.item_id for c in cases[p.id] if not c.verdict.decision.shares}
    choice = next(i for i, o in enumerate(p.opties) if o.deelt and set(o.deelt) & forbidden)
    result = check(sc, cases, p, {"keuze": choice, "reden": "Veiligheid gaat voor privacy"})
    (item,) = result.items
    assert (item.error, item.credit) == (ErrorKind.TE_RUIM, 0.0)
    assert str(choice) not in item.expected


def test_even_confirming_that_henk_is_in_treatment_is_too_broad(sc, cases):
    """Kennisbank R05: not even whether someone is a patient."""
    p = one(sc, DilemmaPuzzle)
    choice = next(i for i, o in enumerate(p.opties) if o.deelt == ["in_behandeling"])
    assert check(sc, cases, p, {"keuze": choice, "reden": ""}).items[0].error is ErrorKind.TE_RUIM


def test_every_dilemma_option_that_shares_nothing_is_acceptable(sc, cases):
    p = one(sc, DilemmaPuzzle)
    silent = [i for i, o in enumerate(p.opties) if o.deelt == []]
    assert silent
    for choice in silent:
        assert check(sc, cases, p, {"keuze": choice, "reden": ""}).solved


def test_a_dilemma_option_the_author_marks_unacceptable_is_not_acceptable(sc, cases):
    """Without a request the author's ``aanvaardbaar`` decides (the non-legal kind of error)."""
    p = one(sc, DilemmaPuzzle)
    data = p.model_dump()
    data.update(verzoek=None, gegevens=[])
    for i, option in enumerate(data["opties"]):
        option.update(deelt=None, aanvaardbaar=i >= 2)
    variant = DilemmaPuzzle.model_validate(data)
    bad = check_answer(sc, variant, [], {"keuze": 0, "reden": ""})
    assert (bad.items[0].error, bad.score) == (ErrorKind.NIET_AANVAARDBAAR, 0.0)
    assert bad.items[0].expected == tuple(str(i) for i in range(2, len(p.opties)))
    assert check_answer(sc, variant, [], {"keuze": 2, "reden": ""}).solved
