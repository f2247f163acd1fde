"""Zwartlakken: a diagnosis left visible is too broad, what Henk agreed to share blacked out too cautious, neutral
text counts for nothing.
"""

from __future__ import annotations

from escaperoom.content.models import RedactPuzzle
from escaperoom.kinds import ErrorKind, model_answer

from ._henk import check, one


def test_leaving_the_diagnosis_visible_in_the_mail_is_too_broad(sc, cases):
    p = one(sc, RedactPuzzle)
    answer = model_answer(sc, p, cases[p.id])
    secret = next(f for f, frag in enumerate(p.fragmenten)
                  if frag.gegeven and "gezondheid" in sc.gegevens[frag.gegeven].categorieen)
    assert secret in answer["zwart"]
    answer["zwart"].remove(secret)
    result = check(sc, cases, p, answer)
    (wrong,) = [i for i in result.items if i.error]
    assert (wrong.key, wrong.error, wrong.answer, wrong.expected) == (
        f"fragment:{secret}", ErrorKind.TE_RUIM, "zichtbaar", ("zwart",))


def test_blacking_out_what_henk_agreed_to_share_is_too_cautious(sc, cases):
    p = one(sc, RedactPuzzle)
    answer = model_answer(sc, p, cases[p.id])
    allowed = next(int(c.key.split(":")[1]) for c in cases[p.id] if c.verdict.decision.shares)
    answer["zwart"].append(allowed)
    result = check(sc, cases, p, answer)
    (wrong,) = [i for i in result.items if i.error]
    assert (wrong.error, wrong.answer) == (ErrorKind.TE_VOORZICHTIG, "zwart")


def test_blacking_out_neutral_text_is_neither_right_nor_wrong(sc, cases):
    p = one(sc, RedactPuzzle)
    answer = model_answer(sc, p, cases[p.id])
    neutral = next(f for f, frag in enumerate(p.fragmenten) if not frag.gegeven)
    answer["zwart"].append(neutral)
    assert check(sc, cases, p, answer).solved
