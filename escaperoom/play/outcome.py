"""The end screen's facts, decided here and only drawn by the screen (``ui/scenes/end.py``): how the game ended,
the stability path, the decisions per judgement, the one sentence about the outcome (chosen from the stability
path and the kinds of mistakes) and which mistakes to name, in which order.

    outcome(session) -> Outcome      plain data; the words of each named mistake come from its puzzle kind
                                     (``Words.mistake_sentences``, which also knows its recipient when the content
                                     says it for certain)

Pure (no pygame).
"""

from __future__ import annotations

from dataclasses import dataclass

from escaperoom.kinds import ErrorKind, kind_of
from escaperoom.play.records import GOOD
from escaperoom.play.session import Mistake, Phase, Session

DIP = 20  # a fall of at least this much below the start is mentioned even when the end recovered
_PRIORITY = {ErrorKind.TE_RUIM: 0, ErrorKind.TE_VOORZICHTIG: 1, ErrorKind.VERKEERDE_GRONDSLAG: 2}
_OTHER = len(_PRIORITY)  # wrong order, an unacceptable choice …: named after the legal errors
LEGAL = tuple(_PRIORITY)  # the errors the law judges, each with its own look on the end screen


@dataclass(frozen=True)
class Outcome:
    """What the end screen says, as data.

    ``counts`` are the decision rows (``goed``, ``te_ruim``, ``te_voorzichtig``, and ``verkeerde_grondslag`` when
    there were any); ``sentence_id`` is the catalogue id of the outcome sentence (``spel.end.*``, with ``{naam}``);
    ``lowest`` is the dip to mention (``spel.end.dip``) or None; ``named`` the mistakes to name, in order."""

    phase: Phase
    stability_start: int
    stability: int
    path: tuple[int, ...]
    counts: tuple[tuple[str, int], ...]
    solved: int
    skipped: int
    hints: int
    sentence_id: str
    lowest: int | None
    named: tuple[Mistake, ...]

    @property
    def escaped(self) -> bool:
        return self.phase is Phase.ESCAPED

    @property
    def better(self) -> bool:
        """The resident ended at least as stable as they started."""
        return self.stability >= self.stability_start


def outcome(session: Session) -> Outcome:
    """The end screen's facts for a (finished) session."""
    totals = session.totals()
    start, end = session.history[0], session.stability
    path = tuple(session.history) or (end,)
    counts = [(GOOD, totals.good or 0), (ErrorKind.TE_RUIM.value, totals.too_wide or 0),
              (ErrorKind.TE_VOORZICHTIG.value, totals.too_careful or 0)]
    if totals.wrong_basis:
        counts.append((ErrorKind.VERKEERDE_GRONDSLAG.value, totals.wrong_basis))
    low = min(path)
    return Outcome(session.phase, start, end, path, tuple(counts), totals.solved or 0, totals.skipped or 0,
                   totals.hints or 0, _sentence_id(start, end, {m.kind for m in session.mistakes}),
                   low if low <= start - DIP and end > low else None, named_mistakes(session))


def _sentence_id(start: int, end: int, kinds: set[ErrorKind]) -> str:
    """The outcome sentence: from the stability path (better, worse, the same) and the kind of mistakes (too wide,
    too careful, both, others, none)."""
    wide, careful = ErrorKind.TE_RUIM in kinds, ErrorKind.TE_VOORZICHTIG in kinds
    if end > start:
        return "spel.end.better_clean" if not kinds else "spel.end.better_mixed"
    if end == start:
        return "spel.end.same_clean" if not kinds else "spel.end.same_mixed"
    if wide and careful:
        return "spel.end.worse_both"
    return "spel.end.worse_wide" if wide else "spel.end.worse_careful" if careful else "spel.end.worse_other"


def named_mistakes(session: Session) -> tuple[Mistake, ...]:
    """The mistakes that hurt the resident, one each (the same item with the same error once; a puzzle whose kind
    names one mistake for the whole puzzle, like an order, once), the worst kinds first and otherwise in the order
    they happened — but the first of each kind before the rest, so a team that was too wide and too careful sees
    both."""
    seen: set[tuple[str, str, str]] = set()
    whole: set[str] = set()
    found: list[tuple[int, int, Mistake]] = []
    for index, mistake in enumerate(session.mistakes):
        ident = (mistake.puzzle_id, mistake.key, mistake.kind.value)
        if ident in seen:
            continue
        seen.add(ident)
        if kind_of(session.scenario.puzzle(mistake.puzzle_id)).words.one_mistake_per_puzzle:
            if mistake.puzzle_id in whole:
                continue
            whole.add(mistake.puzzle_id)
        found.append((_PRIORITY.get(mistake.kind, _OTHER), index, mistake))
    found.sort(key=lambda f: (f[0], f[1]))
    firsts = [f for i, f in enumerate(found) if all(f[0] != g[0] for g in found[:i])]
    return tuple(m for _, _, m in firsts + [f for f in found if f not in firsts])
