"""Volgorde: two swapped steps are the wrong order at both places, and only there.
"""

from __future__ import annotations

import pytest

from escaperoom.content.models import OrderPuzzle
from escaperoom.kinds import ErrorKind

from ._henk import check, one


def test_swapping_two_steps_of_the_step_plan_is_the_wrong_order_at_both_places(sc, cases):
    p = one(sc, OrderPuzzle)
    order = list(range(len(p.stappen)))
    order[0], order[1] = order[1], order[0]
    result = check(sc, cases, p, {"volgorde": order})
    assert [i.error for i in result.items[:2]] == [ErrorKind.VERKEERDE_VOLGORDE] * 2
    assert all(i.error is None for i in result.items[2:])
    assert result.score == pytest.approx((len(p.stappen) - 2) / len(p.stappen))
