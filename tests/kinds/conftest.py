"""Fixtures for the puzzle-kind tests: the real bundled scenario (``puzzels/henk.toml``), judged by the real rule
engine."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from escaperoom.content.models import Scenario
from escaperoom.kinds.judging import judge_scenario
from escaperoom.rules import load_lawbook

HENK = Path(__file__).resolve().parents[2] / "puzzels" / "henk.toml"


@pytest.fixture(scope="module")
def raw() -> dict:
    with HENK.open("rb") as fh:
        return tomllib.load(fh)


@pytest.fixture(scope="module")
def sc(raw) -> Scenario:
    return Scenario.model_validate(raw)


@pytest.fixture(scope="module")
def cases(sc):
    return judge_scenario(load_lawbook(), sc)
