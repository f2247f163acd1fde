"""Slot: the code is the stations' rewards in the order the lock names them; typed loosely it still opens.
"""

from __future__ import annotations

from escaperoom.content.models import LockPuzzle
from escaperoom.kinds import ErrorKind, lock_code

from ._henk import check, one


def test_the_lock_code_is_the_rewards_of_the_stations_in_the_order_the_lock_names(sc, raw):
    rewards = {p["id"]: p.get("beloning") for p in raw["puzzels"]}
    lock = next(p for p in raw["puzzels"] if p["soort"] == "slot")
    expected = "".join(rewards[pid].upper() for pid in lock["codes_van"])
    assert lock_code(sc) == expected
    assert len(expected) == len(sc.rooms) == 5


def test_the_lock_opens_with_the_code_typed_loosely_and_stays_shut_with_a_wrong_code(sc, cases):
    p = one(sc, LockPuzzle)
    code = lock_code(sc)
    assert check(sc, cases, p, {"code": f"  {code.lower()} "}).solved
    wrong = check(sc, cases, p, {"code": code[::-1] if code[::-1] != code else code + "0"})
    assert (wrong.items[0].error, wrong.score) == (ErrorKind.NIET_AANVAARDBAAR, 0.0)
