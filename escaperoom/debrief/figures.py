"""A team's figures for the debrief's overview: rooms solved, items right the first time, the legal errors as the
game counts them, hints, play time and the resident's calm at the end (and at the start).

"Goed" counts the items a team had right in its **first** attempt at each puzzle: counted as the game counts
decisions ("goed" at most once per item, see ``TeamSession.right``) every team that finishes has every item right
in the end, so that number is the same for all teams and says nothing. Used by the big screen's overview and the
HTML report's team table. Pure (no pygame).
"""

from __future__ import annotations

from dataclasses import dataclass

from escaperoom.debrief.model import TeamSession
from escaperoom.kinds import is_lock_kind


@dataclass(frozen=True)
class TeamFigures:
    label: str
    solved: int
    rooms: int
    right_first: int  # items right in the first attempt at each puzzle
    items_first: int  # items in those first attempts
    broad: int  # te ruim, as the game counts
    cautious: int  # te voorzichtig
    basis: int  # verkeerde grondslag
    hints: int
    seconds: float  # play time (the game clock at the last record)
    stability: int | None  # the resident's calm at the end
    stability_start: int | None


def right_first_time(team: TeamSession) -> tuple[int, int]:
    """(items right, items) over the first attempt at every puzzle the team tried (the lock left out)."""
    right = total = 0
    for track in team.tracks.values():
        if is_lock_kind(track.kind) or track.first is None:
            continue
        right += track.first.right
        total += len(track.first.items)
    return right, total


def team_figures(team: TeamSession, rooms: int) -> TeamFigures:
    """The overview's figures of one team; ``rooms`` is the number of puzzles of the casus (the lock left out)."""
    errors = team.errors()
    right, total = right_first_time(team)
    return TeamFigures(team.label, team.solved, rooms, right, total, errors["te_ruim"], errors["te_voorzichtig"],
                       errors["verkeerde_grondslag"], team.hints, team.elapsed_s, team.stability,
                       team.stability_start)
