"""Helpers for the puzzle-kind tests: the one puzzle of a kind in henk, and checking an answer to it."""

from __future__ import annotations

from escaperoom.kinds import check_answer


def one(sc, kind: type):
    return next(p for p in sc.puzzels if isinstance(p, kind))


def check(sc, cases, puzzle, answer):
    return check_answer(sc, puzzle, cases[puzzle.id], answer)
