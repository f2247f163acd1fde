"""Legal test cases as data: every ``[[geval]]`` in ``tests/rules/cases/*.toml`` is judged by the rule engine.

Each case is one data item in one request, named by a full Dutch sentence (the pytest id), judged on its
``peildatum`` (default: today). Per case we check the decision, the decisive rule, the cited provisions and (when
given) the legal bases, the other rules that also forbid or require it (``ook``) and the rules in the trace.
Where the engine disagrees with the kennisbank the case carries ``bekend_verschil = { aspect = "why" }`` and the
test for that aspect is a strict xfail: it starts failing the day the engine is fixed. See ``cases/README.md``.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Literal

import pytest
from pydantic import BaseModel, ConfigDict, Field, model_validator

from escaperoom.rules import Category, Consent, DataItem, Decision, Request, Verdict, evaluate_item, load_lawbook

CASES_DIR = Path(__file__).parent / "cases"
BOOK = load_lawbook()

TABLE_RULES = tuple(f"R{n:02d}" for n in range(1, 21))  # kennisbank §8.2 (R16–R20 since 2026-12-03)
DECIDING_RULES = tuple(r for r in TABLE_RULES if r != "R15")  # R15 (inform and record) follows, never decides
NAMED_STEPS = ("ART10", "DOELBINDING", "BEVOEGDHEID", "TOESTEMMING", "GELDIG")  # engine steps beyond the table
Aspect = Literal["beslissing", "regel", "citaten", "grondslagen", "verbod", "in_trace", "ook"]

ENGINE_NEVER_DECIDES: dict[str, str] = {}  # rules the engine cannot decide by (none since R07 became decisive)


class LegalCase(BaseModel):
    """One case as written in a case file. Every fact is required, so a case states its whole situation."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    naam: str = Field(min_length=20)
    scenario: str | None = Field(default=None, pattern=r"^S0[1-6]$")
    peildatum: dt.date | None = None
    gegeven: str
    houder: str
    ontvanger: str
    doel: str
    toestemming: Consent
    acuut_gevaar: bool
    situatie: tuple[str, ...]
    categorieen: tuple[Category, ...] = Field(min_length=1)
    nodig: bool
    beslissing: Decision
    regel: str
    citaten: tuple[str, ...] = Field(min_length=1)
    grondslagen: tuple[str, ...] = ()
    verbod: tuple[str, ...] = ()
    in_trace: tuple[str, ...] = ()
    niet_citeren: tuple[str, ...] = ()
    geen_grondslag: tuple[str, ...] = ()
    ook: tuple[str, ...] = ()
    bekend_verschil: dict[Aspect, str] = Field(default_factory=dict)
    toelichting: str | None = None
    file: str = ""

    @model_validator(mode="after")
    def _bases_only_for_sharing(self) -> LegalCase:
        if self.beslissing is Decision.MAG_NIET and self.grondslagen:
            raise ValueError("een 'mag niet'-geval heeft geen grondslagen; noem wat het verbiedt in 'verbod'")
        if self.beslissing is not Decision.MAG_NIET and self.verbod:
            raise ValueError("'verbod' hoort bij een 'mag niet'-geval")
        return self

    def request(self) -> Request:
        return Request(houder=self.houder, ontvanger=self.ontvanger, doel={"nl": self.doel},
                       toestemming=self.toestemming, acuut_gevaar=self.acuut_gevaar,
                       situatie=frozenset(self.situatie))

    def item(self) -> DataItem:
        return DataItem(id="gegeven", label={"nl": self.gegeven}, categorieen=self.categorieen, nodig=self.nodig)

    def verdict(self) -> Verdict:
        if self.naam not in _VERDICTS:  # judged once per run; names are unique (tested below)
            _VERDICTS[self.naam] = evaluate_item(BOOK, self.request(), self.item(), peildatum=self.peildatum)
        return _VERDICTS[self.naam]


_VERDICTS: dict[str, Verdict] = {}


def load_cases(directory: Path = CASES_DIR) -> list[LegalCase]:
    cases = []
    for path in sorted(directory.glob("*.toml")):
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        unknown = set(data) - {"geval"}
        assert not unknown, f"{path.name}: onbekende sleutels {sorted(unknown)}"
        for raw in data["geval"]:
            cases.append(LegalCase.model_validate({**raw, "file": path.name}))
    return cases


CASES = load_cases()


def _params(aspect: Aspect, cases: list[LegalCase] | None = None) -> list:
    out = []
    for case in CASES if cases is None else cases:
        marks = []
        if aspect in case.bekend_verschil:
            marks.append(pytest.mark.xfail(strict=True, reason=case.bekend_verschil[aspect]))
        out.append(pytest.param(case, id=case.naam, marks=marks))
    return out


def _trace_rules(verdict: Verdict) -> list[str]:
    return [step.rule for step in verdict.trace]


# ------------------------------------------------------------------ the case files themselves


def test_there_are_case_files_for_every_theme():
    names = {p.stem for p in CASES_DIR.glob("*.toml")}
    assert {"scenarios", "beroepsgeheim", "acuut_gevaar", "politie", "gemeente", "private_partij",
            "toestemming", "minimalisatie"} <= names
    assert len(CASES) >= 60


def test_every_case_is_named_by_a_unique_full_dutch_sentence():
    names = [c.naam for c in CASES]
    assert len(names) == len(set(names)), [n for n in names if names.count(n) > 1]
    for name in names:
        assert name[0].isupper() and name.endswith("."), name
        assert len(name.split()) >= 8, name


def test_every_case_refers_only_to_known_roles_facts_rules_and_provisions():
    known_rules = set(TABLE_RULES) | set(NAMED_STEPS)
    for c in CASES:
        assert c.houder in BOOK.roles and c.ontvanger in BOOK.roles, c.naam
        assert set(c.situatie) <= set(BOOK.facts), c.naam
        assert c.regel in known_rules and set(c.in_trace) <= known_rules, c.naam
        assert set(c.ook) <= known_rules, c.naam
        for pid in (*c.citaten, *c.grondslagen, *c.niet_citeren, *c.geen_grondslag, *c.verbod):
            assert pid in BOOK.provisions, f"{c.naam}: onbekende bepaling {pid}"


def test_the_six_kennisbank_scenarios_and_their_variants_are_all_covered():
    by_scenario: dict[str, list[LegalCase]] = {}
    for c in CASES:
        if c.scenario:
            by_scenario.setdefault(c.scenario, []).append(c)
    assert sorted(by_scenario) == ["S01", "S02", "S03", "S04", "S05", "S06"]
    s01 = by_scenario["S01"]
    objected = [c for c in s01 if "huurder_bezwaar" in c.situatie]
    steps_missing = [c for c in s01 if "vroegsignalering_stappen" not in c.situatie]
    assert objected and all(c.beslissing is Decision.MAG_NIET and c.regel == "R03" for c in objected)
    assert steps_missing and all(c.beslissing is Decision.MAG_NIET and c.regel == "R20" for c in steps_missing
                                 if c.toestemming is not Consent.JA)
    assert any(c.beslissing is Decision.MAG and c.regel == "R20" for c in steps_missing)  # S01 variant, R20
    assert any(c.beslissing is Decision.MOET for c in s01)


def test_every_rule_r01_to_r20_is_expected_to_decide_some_case_and_r15_to_appear_in_a_trace():
    expected = {c.regel for c in CASES}
    assert set(DECIDING_RULES) <= expected, sorted(set(DECIDING_RULES) - expected)
    assert any("R15" in c.in_trace for c in CASES)
    for step in ("ART10", "DOELBINDING", "BEVOEGDHEID", "TOESTEMMING"):
        assert step in expected, step


def test_every_new_rule_r16_to_r20_has_cases_that_assert_its_bases_or_prohibitions():
    """Issue 9: new rules get legal test cases with the bases asserted, not only the decision."""
    for rule in ("R16", "R17", "R18", "R19", "R20"):
        decided = [c for c in CASES if c.regel == rule]
        assert len(decided) >= 2, rule
        assert all(c.grondslagen or c.verbod for c in decided), rule


# ------------------------------------------------------------------ the engine against the cases


@pytest.mark.parametrize("case", _params("beslissing"))
def test_the_engine_reaches_the_expected_decision(case: LegalCase):
    verdict = case.verdict()
    assert verdict.decision is case.beslissing, _explain(case, verdict)


@pytest.mark.parametrize("case", _params("regel"))
def test_the_decisive_rule_is_the_expected_one(case: LegalCase):
    verdict = case.verdict()
    assert verdict.rule == case.regel, _explain(case, verdict)
    decisive = [s.rule for s in verdict.trace if s.decisive]
    assert case.regel in decisive, _explain(case, verdict)


@pytest.mark.parametrize("case", _params("citaten"))
def test_the_verdict_cites_the_expected_provisions(case: LegalCase):
    verdict = case.verdict()
    missing = [p for p in case.citaten if p not in verdict.citations]
    assert not missing, f"ontbreekt in de citaten: {missing}\n{_explain(case, verdict)}"
    forbidden = [p for p in case.niet_citeren if p in verdict.citations or p in verdict.bases]
    assert not forbidden, f"hoort niet bij dit oordeel: {forbidden}\n{_explain(case, verdict)}"
    not_basis = [p for p in case.geen_grondslag if p in verdict.bases]
    assert not not_basis, f"is geen grondslag: {not_basis}\n{_explain(case, verdict)}"


@pytest.mark.parametrize("case", _params("ook", [c for c in CASES if c.ook]))
def test_the_verdict_names_every_other_rule_that_forbids_or_requires_it(case: LegalCase):
    verdict = case.verdict()
    missing = [r for r in case.ook if r not in {a.rule for a in verdict.also}]
    assert not missing, f"ontbreekt in 'ook': {missing}\n{_explain(case, verdict)}"


@pytest.mark.parametrize("case", _params("grondslagen", [c for c in CASES if c.grondslagen]))
def test_the_verdict_rests_on_the_expected_legal_bases(case: LegalCase):
    verdict = case.verdict()
    missing = [p for p in case.grondslagen if p not in verdict.bases]
    assert not missing, f"ontbreekt in de grondslagen: {missing}\n{_explain(case, verdict)}"


@pytest.mark.parametrize("case", _params("verbod", [c for c in CASES if c.verbod]))
def test_a_mag_niet_verdict_names_the_provisions_that_forbid_it(case: LegalCase):
    verdict = case.verdict()
    missing = [p for p in case.verbod if p not in verdict.prohibitions]
    assert not missing, f"ontbreekt in het verbod: {missing}\n{_explain(case, verdict)}"


def test_a_mag_niet_verdict_offers_no_legal_basis_and_always_names_a_prohibition():
    """Kennisbank §8.2: "mag niet" has no basis to choose; the verdict names what forbids it instead (the JSON
    field 'verbod', not 'sector')."""
    for case in CASES:
        verdict = case.verdict()
        if verdict.decision is Decision.MAG_NIET:
            assert verdict.bases == frozenset() and not verdict.sector, case.naam
            assert verdict.prohibitions, case.naam
        else:
            assert not verdict.prohibitions, case.naam


@pytest.mark.parametrize("case", _params("in_trace", [c for c in CASES if c.in_trace]))
def test_the_trace_passes_through_the_expected_rules(case: LegalCase):
    verdict = case.verdict()
    missing = [r for r in case.in_trace if r not in _trace_rules(verdict)]
    assert not missing, f"ontbreekt in de redenering: {missing}\n{_explain(case, verdict)}"


@pytest.mark.parametrize("rule", [
    pytest.param(rule, id=rule, marks=[pytest.mark.xfail(strict=True, reason=ENGINE_NEVER_DECIDES[rule])]
                 if rule in ENGINE_NEVER_DECIDES else [])
    for rule in DECIDING_RULES
])
def test_the_engine_decides_at_least_one_case_by_each_rule_of_the_kennisbank(rule: str):
    assert rule in {c.verdict().rule for c in CASES}


def test_r15_inform_and_record_appears_in_the_trace_of_every_sharing_case():
    sharing = [c for c in CASES if c.verdict().decision.shares]
    assert sharing
    for case in sharing:
        assert "R15" in _trace_rules(case.verdict()), case.naam


def _explain(case: LegalCase, verdict: Verdict) -> str:
    steps = "\n".join(f"  {'*' if s.decisive else ' '} {s.rule}: {s.text.nl} {list(s.citations)}"
                      for s in verdict.trace)
    also = ", ".join(f"{a.rule} {a.effect.value}" for a in verdict.also)
    return (f"[{case.file}] {case.naam}\n  engine: {verdict.decision.value} via {verdict.rule}; "
            f"grondslagen {sorted(verdict.bases)}; verbod {list(verdict.prohibitions)}; ook [{also}]\n{steps}")
