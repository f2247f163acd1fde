"""Legal knowledge as data, reasoning as code: the engine names reasoning steps, never provision ids, so a new
provision — a duty, a secrecy regime, an exception — needs a law file entry and no engine code.
"""

from __future__ import annotations

import ast
import shutil
import textwrap
from pathlib import Path

import pytest

from escaperoom.errors import ContentError
from escaperoom.rules import Category, Consent, DataItem, Decision, Request, engine, evaluate_item, load_lawbook
from escaperoom.rules.lawbook import FACTS_FILE, LAW_DIR, ROLES_FILE, SINGLE_STEPS, Step

BOOK = load_lawbook()


REASONING = [Path(engine.__file__), *sorted((Path(engine.__file__).parent / "steps").glob("*.py"))]


def _string_constants(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)}


@pytest.mark.parametrize("path", REASONING, ids=lambda p: p.name)
def test_the_reasoning_names_no_provision_id_of_the_law_files(path):
    named = _string_constants(path) & set(BOOK.provisions)
    assert not named, f"{path.name} noemt bepalingen bij hun id: {sorted(named)} — gebruik een stap (lawbook.Step)"


@pytest.mark.parametrize("path", REASONING, ids=lambda p: p.name)
def test_the_reasoning_names_no_role_id_either(path):
    named = _string_constants(path) & set(BOOK.roles)
    assert not named, sorted(named)


def test_the_situation_facts_the_engine_reads_itself_exist():
    assert set(engine.ENGINE_FACTS) <= set(BOOK.facts)


def test_every_step_of_the_reasoning_has_its_provisions_and_single_steps_have_exactly_one():
    for step in Step:
        assert BOOK.step(step), step
        if step in SINGLE_STEPS:
            assert len(BOOK.step(step)) == 1, step


def test_professional_secrecy_of_a_role_follows_from_the_regime_that_binds_it():
    bound = {r for p in BOOK.step(Step.BEROEPSGEHEIM) for r in p.bindt}
    assert bound == {rid for rid, role in BOOK.roles.items() if role.beroepsgeheim}
    assert BOOK.secrecy_regime("huisarts").id == "wgbo.7.457.1"
    assert BOOK.secrecy_regime("jeugdhulpverlener").id == "jeugdwet.7.3.11.1"
    assert BOOK.secrecy_regime("wijkteam") is None


# ------------------------------------------------------------------ a copy of the law with one entry more

_NEW_ROLE = """
[notaris_test]
naam = { nl = "Testberoep met geheimhouding", en = "Test profession bound by secrecy" }
"""

_NEW_REGIME = """
[[bepaling]]
id = "testgeheim.1"
artikel = "1"
soort = "verbod"
stap = ["beroepsgeheim"]
bindt = ["notaris_test"]
gecontroleerd = 2026-12-01
samenvatting = { nl = "Het testberoep houdt geheim wat hem is toevertrouwd." }

[[bepaling]]
id = "testgeheim.2"
artikel = "2"
soort = "uitzondering"
stap = ["rechtstreeks_betrokken"]
bindt = ["notaris_test"]
gecontroleerd = 2026-12-01
samenvatting = { nl = "Wie rechtstreeks bij de dienst betrokken is, is geen ander." }
"""

_HEAD = """
[wet]
id = "testgeheim"
naam = "Testwet geheimhouding"
afkorting = "Tgw"
naam_en = "Test Secrecy Act"
bron = "BWBR0000000"
url = "https://wetten.overheid.nl/BWBR0000000"
tekstversie_ontbreekt = "Een testwet."
geldig_vanaf_ontbreekt = "Een testwet."
"""


def _copy_with(tmp_path: Path, law_extra: str, role_extra: str = "") -> tuple[Path, Path]:
    law = tmp_path / "law"
    shutil.copytree(LAW_DIR, law)
    (law / "testgeheim.toml").write_text(textwrap.dedent(_HEAD + law_extra), encoding="utf-8")
    roles = tmp_path / "rollen.toml"
    roles.write_text(ROLES_FILE.read_text(encoding="utf-8") + role_extra, encoding="utf-8")
    return law, roles


def _judge(book, holder: str, recipient: str, *, facts=(), consent=Consent.NEE):
    req = Request(houder=holder, ontvanger=recipient, doel={"nl": "doel"}, toestemming=consent,
                  situatie=frozenset(facts))
    return evaluate_item(book, req, DataItem(id="x", label={"nl": "gegeven"}, categorieen=(Category.GEWOON,)))


def test_a_new_secrecy_regime_in_the_law_files_binds_its_role_without_engine_code(tmp_path):
    law, roles = _copy_with(tmp_path, _NEW_REGIME, _NEW_ROLE)
    book = load_lawbook(law, roles, FACTS_FILE)
    assert book.roles["notaris_test"].beroepsgeheim
    refused = _judge(book, "notaris_test", "woningcorporatie")
    assert (refused.decision, refused.rule) == (Decision.MAG_NIET, "R05")
    assert "testgeheim.1" in refused.citations
    involved = _judge(book, "notaris_test", "wijkteam", facts=["rechtstreeks_betrokken"])
    assert (involved.decision, involved.rule, involved.secrecy) == (Decision.MAG, "R14", "testgeheim.2")


def test_the_same_role_cannot_be_bound_by_two_secrecy_regimes(tmp_path):
    law, roles = _copy_with(tmp_path, _NEW_REGIME.replace('bindt = ["notaris_test"]', 'bindt = ["huisarts"]', 1),
                            _NEW_ROLE)
    with pytest.raises(ContentError) as caught:
        load_lawbook(law, roles, FACTS_FILE)
    assert any("rol 'huisarts' valt al onder het beroepsgeheim van" in p.message for p in caught.value.problems)


def test_a_second_provision_for_a_single_step_is_reported(tmp_path):
    law, roles = _copy_with(tmp_path, _NEW_REGIME.replace('stap = ["rechtstreeks_betrokken"]',
                                                          'stap = ["minimalisatie"]'), _NEW_ROLE)
    with pytest.raises(ContentError) as caught:
        load_lawbook(law, roles, FACTS_FILE)
    messages = " | ".join(p.message for p in caught.value.problems)
    assert "stap 'minimalisatie' hoort bij één bepaling" in messages
    assert "'bindt' en 'jegens' horen bij een stap die per rol geldt" in messages


def test_law_files_that_lack_a_step_of_the_reasoning_are_reported_by_name(tmp_path):
    law, roles = _copy_with(tmp_path, "")
    (law / "testgeheim.toml").unlink()
    avg = law / "avg.toml"
    avg.write_text(avg.read_text(encoding="utf-8").replace('stap = ["minimalisatie"]\n', ""), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_lawbook(law, roles, FACTS_FILE)
    (problem,) = caught.value.problems
    assert problem.message == "geen enkele bepaling speelt de rol 'minimalisatie' in de redenering"


def test_professional_secrecy_written_in_the_roles_file_is_refused_with_a_pointer_to_the_law(tmp_path):
    law, roles = _copy_with(tmp_path, "", '\n[kapper]\nnaam = { nl = "Kapper" }\nberoepsgeheim = true\n')
    (law / "testgeheim.toml").unlink()
    with pytest.raises(ContentError) as caught:
        load_lawbook(law, roles, FACTS_FILE)
    (problem,) = caught.value.problems
    assert problem.key == "kapper.beroepsgeheim" and "bindt" in problem.hint
