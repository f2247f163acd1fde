"""Warnings about thin content, which ``check`` gives beside the errors: a puzzle with fewer than three items to
decide, an explanation too short to teach anything, and a casus whose expected playing time (from its items and
hints) is far from its ``duur_minuten``. (A missing hint level or intervisie question is the loader's own check.)
Used by the loader (:class:`escaperoom.content.loader.Checker`); judges nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from escaperoom.content.models import (
    BasisPuzzle,
    DilemmaPuzzle,
    OrderPuzzle,
    Puzzle,
    RedactPuzzle,
    Scenario,
    SortPuzzle,
)
from escaperoom.text import Text

MIN_ITEMS = 3  # fewer decisions than this is not a puzzle but a question
MIN_WORDS = 15  # an explanation shorter than this names a verdict, not the reason
# Expected playing time, in minutes: reading the story and the room, per puzzle its task, per decision in it, per
# hint a team is likely to read, and the lock. Measured against "De flat van Henk" (45 minutes in trial runs).
INTRO_MIN, PER_PUZZLE_MIN, PER_DECISION_MIN, PER_HINT_MIN, LOCK_MIN = 3.0, 2.0, 1.0, 0.25, 2.0
TOO_SHORT, TOO_LONG = 0.6, 1.5  # a warning below 60 % or above 150 % of duur_minuten

Warn = Callable[[tuple[str | int, ...], str, str], None]


def decisions(p: Puzzle) -> int:
    """How many things a team decides in a puzzle: cards, decisions, fragments, steps or options."""
    if isinstance(p, SortPuzzle):
        return len(p.kaarten)
    if isinstance(p, BasisPuzzle):
        return len(p.beslissingen)
    if isinstance(p, RedactPuzzle):
        return len(p.fragmenten)
    if isinstance(p, OrderPuzzle):
        return len(p.stappen)
    if isinstance(p, DilemmaPuzzle):
        return len(p.opties)
    return 0


def expected_minutes(sc: Scenario) -> float:
    """The playing time the content asks for (see the constants above)."""
    total = INTRO_MIN
    for p in sc.puzzels:
        if p.is_lock:
            total += LOCK_MIN
            continue
        total += PER_PUZZLE_MIN + PER_DECISION_MIN * decisions(p) + PER_HINT_MIN * len(p.hints)
    return total


def _words(text: Text) -> int:
    return len(text.nl.split())


def check_thin(sc: Scenario, warn: Warn) -> None:
    """Call ``warn(key path, message, hint)`` for every thin spot."""
    for index, p in enumerate(sc.puzzels):
        base: tuple[str | int, ...] = ("puzzels", index)
        if p.is_lock:
            continue
        count = decisions(p)
        if count < MIN_ITEMS:
            warn(base, f"puzzel '{p.id}' heeft maar {count} te beslissen onderde{'len' if count != 1 else 'el'}",
                 f"geef een puzzel minstens {MIN_ITEMS} kaarten, beslissingen, fragmenten, stappen of opties")
        texts: list[tuple[tuple[str | int, ...], Text]] = []
        if isinstance(p, OrderPuzzle):
            texts.append(((*base, "uitleg"), p.uitleg))
        if isinstance(p, DilemmaPuzzle):
            texts += [((*base, "opties", i, "uitleg"), o.uitleg) for i, o in enumerate(p.opties)]
        for path, text in texts:
            if _words(text) < MIN_WORDS:
                warn(path, f"de uitleg is kort ({_words(text)} woorden): zo leert het team alleen óf het goed was",
                     f"schrijf in minstens {MIN_WORDS} woorden waarom, met het artikel waarop het rust")
    minutes, planned = expected_minutes(sc), sc.scenario.duur_minuten
    if not TOO_SHORT * planned <= minutes <= TOO_LONG * planned:
        more = minutes < planned
        warn(("scenario", "duur_minuten"),
             f"de inhoud vraagt ongeveer {round(minutes)} minuten, de casus duurt {planned} minuten",
             "voeg puzzels of gegevens toe, of maak duur_minuten korter" if more
             else "haal puzzels of gegevens weg, of maak duur_minuten langer")
