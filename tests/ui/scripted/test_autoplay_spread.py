"""Autoplay teams differ (the debrief benchmark needs a spread): the mistakes follow a seed from the team name,
the same name always plays the same game, and every seeded game still has a legal error and a hint."""

from __future__ import annotations

import argparse
import random

import pytest

from escaperoom.debrief.model import build_debrief, load_sessions
from escaperoom.kinds import check_answer
from escaperoom.ui.main import open_app
from escaperoom.ui.scripted.autoplay import LEGAL_KINDS, Autoplayer, Plan, seed_for, varied_wrong_answer


def test_the_same_team_name_gives_the_same_plan_and_other_names_other_plans(henk_loaded):
    rooms = list(henk_loaded.scenario.rooms)
    assert Plan.seeded(seed_for("Team Oost"), rooms) == Plan.seeded(seed_for("Team Oost"), rooms)
    plans = {repr(Plan.seeded(seed_for(f"Team {i}"), rooms)) for i in range(12)}
    assert len(plans) >= 10


@pytest.mark.parametrize("seed", range(0, 400, 7))
def test_every_seeded_plan_gets_a_legal_puzzle_wrong_and_takes_a_hint_after_the_first_mistake(henk_loaded, seed):
    rooms = list(henk_loaded.scenario.rooms)
    plan = Plan.seeded(seed, rooms)
    assert plan.anchor in plan.wrong and isinstance(rooms[plan.anchor], LEGAL_KINDS)
    assert min(plan.wrong) in plan.hints
    assert plan.wrong_again <= plan.wrong


@pytest.mark.parametrize("seed", range(25))
def test_a_varied_wrong_answer_is_wrong_but_not_all_wrong(henk_loaded, seed):
    sc = henk_loaded.scenario
    rng = random.Random(seed)
    for puzzle in sc.rooms:
        cases = henk_loaded.cases[puzzle.id]
        right = check_answer(sc, puzzle, cases, _model(henk_loaded, puzzle))

        def solves(answer, puzzle=puzzle, cases=cases):
            return check_answer(sc, puzzle, cases, answer).solved

        result = check_answer(sc, puzzle, cases, varied_wrong_answer(puzzle, _model(henk_loaded, puzzle), rng, solves))
        assert right.solved and not result.solved, puzzle.id
        if len(result.items) >= 4 and puzzle.soort != "volgorde":
            assert any(i.correct for i in result.items), puzzle.id  # some of the right answer is kept


def _model(loaded, puzzle):
    from escaperoom.kinds import model_answer
    return model_answer(loaded.scenario, puzzle, loaded.cases[puzzle.id])


def _autoplay(saves, team: str) -> str:
    args = argparse.Namespace(window=True, headless=True, lang="nl", saves=saves, scenario=None, team=team,
                              duur=None, resume=False, autoplay=True, frames=0, screenshot=None)
    app = open_app(args)
    try:
        player = Autoplayer(app, team=team)
        for _ in range(4000):
            events = player.events()
            app.step(events, dt=player.dt)
            if player.finished:
                break
        assert player.finished and player.final_phase == "ontsnapt"
        return app.game.session.summary()
    finally:
        if app.game.recorder is not None:
            app.game.close()
        app.close()


def test_two_autoplay_teams_through_the_real_scenes_make_different_mistakes(tmp_path):
    saves = tmp_path / "saves"
    one, other = _autoplay(saves, "Wijkteam Noord 1"), _autoplay(saves, "Schuldhulp 3")
    assert one != other
    for summary in (one, other):
        assert summary["hints"] >= 1 and summary["te_ruim"] + summary["te_voorzichtig"] > 0
    d = build_debrief(load_sessions([saves]).sessions)
    assert len({s.compass for s in d.sessions}) == 2 or len({s.decisions for s in d.sessions}) == 2
