"""Scripted teams for the debrief tests and the screenshots: real sessions through the recorder, with a
deterministic mix of right and wrong answers (too cautious, too broad, wrong basis, wrong order) and typed reasons.

``make_teams(saves_dir, n)`` plays ``n`` teams of the bundled casus "henk" and returns their session folders.
Team ``i`` follows pattern ``i % 5`` (see ``_wrong``). The benchmark plays its teams with ``--autoplay`` instead.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from escaperoom.kinds.judging import Judged, load_many_judged
from escaperoom.play import recorder

TEAM_NAMES = ["Team Noord", "Team Oost", "Team Zuid", "Team West", "Team Midden"]
# the debrief's big screen at six teams (tests/ui/debrief and its screenshots): names as a training has them
SIX_TEAMS = ["Team Centrum", "Team Noord", "Team Oost", "Team Zuid", "Team West", "Team Nieuw-West"]
EVIL_REASON = "<script>alert('x')</script> & \"quotes\""
DEMO_REASON = "Zwart werk is fraude, dat moet de gemeente weten"  # instead of EVIL_REASON in screenshots


def henk() -> Judged:
    loaded, _ = load_many_judged()
    return next(item for item in loaded if item.scenario.id == "henk")


def _wrong(puzzle_id: str, pattern: int, answer: dict[str, Any], demo: bool = False) -> tuple[dict[str, Any], str] | None:
    """A wrong first answer for this team pattern, with its typed reason, or None (right the first time)."""
    a = copy.deepcopy(answer)
    if puzzle_id == "vroegsignalering":
        if pattern == 1:  # too cautious: the contact details stay home
            a["plaatsing"]["contact"] = "niet_delen"
            return a, "We wisten niet of Henk toestemming moest geven"
        if pattern in (2, 4):  # too broad: the undeclared work goes to the reporting point
            a["plaatsing"]["zwart_werk"] = "gemeente_meldpunt"
            if pattern == 2:
                return a, DEMO_REASON if demo else EVIL_REASON
            return a, "Alles wat we weten helpt de gemeente"
        return None
    if puzzle_id == "grondslagen":
        if pattern in (1, 3):  # wrong basis for the consent decision, too broad on the covenant
            a["keuzes"]["1"] = "avg.6.1.f"
            a["keuzes"]["3"] = "avg.6.1.e"
            return a, "Het convenant regelt het toch"
        return None
    if puzzle_id == "mail-corporatie":
        if pattern == 2:  # diagnosis left visible
            a["zwart"] = [i for i in a["zwart"] if i != 2]
            return a, "De corporatie moet weten wat er speelt"
        if pattern == 3:  # support blacked out too
            a["zwart"] = sorted({*a["zwart"], 1})
            return a, ""
        return None
    if puzzle_id == "stappenplan":
        if pattern in (1, 4):
            order = a["volgorde"]
            order[0], order[2] = order[2], order[0]
            return a, ""
        return None
    if puzzle_id == "wijkagent-belt":
        if pattern in (2, 3):
            return {"keuze": pattern - 2, "reden": ""}, "Veiligheid gaat voor privacy"
        return {"keuze": 2 + pattern % 2, "reden": ""}, "Met Henk samen zoeken naar wat hij wil delen"
    return None


def play_team(saves_dir: Path, loaded: Judged, team: str, pattern: int, *, rounds: int = 1,
              demo: bool = False) -> Path:
    """Play one team to the end; ``rounds`` > 1 repeats wrong tries to make longer journals. Team pattern 3 first
    tries the lock code 00000 (a code with leading zeros, for the CSV). ``demo`` types a plain reason where the
    tests type markup (for screenshots)."""
    rec = recorder.start(saves_dir, loaded, team)
    s = rec.session
    for room in loaded.scenario.rooms:
        s.enter(room.id)
        s.tick(30 + 7 * pattern)
        if pattern == 3 and room.id == "grondslagen":
            s.take_hint(room.id)
        model = s.model_answer(room.id)
        wrong = _wrong(room.id, pattern, model, demo)
        if wrong is not None:
            answer, reason = wrong
            for _ in range(rounds):
                result = s.submit(room.id, answer, reason)
                if result.solved:
                    break
        if s.status(room.id).value == "open":
            if pattern == 4 and room.id == "stappenplan":
                s.skip(room.id)  # the facilitator moves them on
            else:
                s.submit(room.id, model)
        s.tick(5)
    s.enter("kluis")
    if pattern == 3:
        s.submit("kluis", {"code": "0" * len(s.model_answer("kluis")["code"])})
    s.submit("kluis", s.model_answer("kluis"))
    rec.close()
    return rec.files.folder


def make_teams(saves_dir: Path, n: int = 5, *, rounds: int = 1, loaded: Judged | None = None,
               demo: bool = False) -> list[Path]:
    loaded = loaded or henk()
    names = [TEAM_NAMES[i % len(TEAM_NAMES)] + ("" if i < len(TEAM_NAMES) else f" {i // len(TEAM_NAMES) + 1}")
             for i in range(n)]
    return [play_team(saves_dir, loaded, name, i % 5, rounds=rounds, demo=demo) for i, name in enumerate(names)]
