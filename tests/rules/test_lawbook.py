"""The law files themselves: ids follow the numbering of their instrument, flows that permit sharing health data
carry an art. 9 exception, staleness works, and a broken law folder gives a :class:`ContentError` that names
what is wrong (one small broken folder per failure mode, written into ``tmp_path``).
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from escaperoom.errors import ContentError
from escaperoom.rules import Category, load_lawbook
from escaperoom.rules.lawbook import ANY, FACTS_FILE, ROLES_FILE, Kind

BOOK = load_lawbook()


def test_the_lawbook_loads_with_every_instrument_roles_and_facts():
    expected = {"avg", "uavg", "wgbo", "big", "wvggz", "wpg", "wgs", "wmo", "jeugdwet", "pw", "wgs_sv"}
    assert expected <= set(BOOK.instruments)
    assert "politie" in BOOK.roles and "huurder_bezwaar" in BOOK.facts


def test_every_provision_id_follows_its_instruments_prefix_unless_it_has_its_own_citation():
    for prov in BOOK.provisions.values():
        assert prov.id.startswith(prov.instrument.id + ".") or prov.citaat, prov.id


def test_every_provision_cites_as_its_instrument_and_article():
    for prov in BOOK.provisions.values():
        assert prov.citation.startswith(prov.citaat or prov.instrument.afkorting), prov.id
        assert prov.artikel.split()[-1].rstrip(")") in prov.citation or prov.citaat, prov.id


def test_every_flow_that_permits_sharing_health_data_names_an_art9_exception_except_police_only_flows():
    """Prohibitions (verbod) need no exception: they never carry a sharing verdict. Police-only flows are the Wpg
    regime, not the AVG (kennisbank §1.2, §4.2)."""
    checked = 0
    for prov in BOOK.flows:
        if Category.GEZONDHEID not in prov.categorieen or prov.soort is Kind.VERBOD:
            continue
        if set(prov.houders) == {"politie"}:
            assert prov.art9 is None, f"{prov.id}: de politie valt onder de Wpg, niet onder art. 9 AVG"
            continue
        checked += 1
        assert prov.art9 is not None, prov.id
        assert prov.art9.startswith("avg.9.2.") and BOOK[prov.art9].soort is Kind.UITZONDERING, prov.id
    assert checked >= 5


def test_every_reference_between_provisions_and_every_role_and_fact_resolves():
    for prov in BOOK.provisions.values():
        for ref in (*prov.art6, *prov.ook, *([prov.art9] if prov.art9 else [])):
            assert ref in BOOK.provisions, (prov.id, ref)
        for ref in prov.art6:
            assert ref.startswith("avg.6.1.") and BOOK[ref].soort is Kind.GRONDSLAG, (prov.id, ref)
        for role in (*prov.houders, *prov.ontvangers):
            assert role == ANY or role in BOOK.roles, (prov.id, role)
        assert set(prov.voorwaarden) | set(prov.vervalt_bij) <= set(BOOK.facts), prov.id


def test_a_duty_that_breaks_professional_secrecy_is_only_given_to_holders_that_have_it():
    for prov in BOOK.flows:
        if prov.doorbreekt_beroepsgeheim and prov.soort is Kind.PLICHT:
            assert any(BOOK.roles[h].beroepsgeheim for h in prov.houders if h != ANY), prov.id


def test_stale_with_a_date_far_in_the_future_returns_every_provision():
    stale = BOOK.stale(dt.date(2999, 1, 1))
    assert {p.id for p in stale} == set(BOOK.provisions)


def test_stale_right_after_the_oldest_check_returns_nothing():
    oldest = min(p.gecontroleerd for p in BOOK.provisions.values())
    assert BOOK.stale(oldest) == []


def test_a_provision_checked_exactly_twelve_months_ago_becomes_stale_the_next_day():
    prov = next(p for p in BOOK.provisions.values() if p.gecontroleerd.day <= 27)
    checked = prov.gecontroleerd
    a_year_later = dt.date(checked.year + 1, checked.month, checked.day)
    assert prov not in BOOK.stale(a_year_later, months=12)
    assert prov in BOOK.stale(a_year_later + dt.timedelta(days=1), months=12)


# ------------------------------------------------------------------ broken law folders

_INSTRUMENT = """
[wet]
id = "test"
naam = "Testwet"
afkorting = "Tw"
bron = "BWBR0000000"
url = "https://wetten.overheid.nl/BWBR0000000"

[[bepaling]]
id = "test.1"
artikel = "1"
soort = "grondslag"
gecontroleerd = 2026-11-01
samenvatting = { nl = "Een grondslag." }
"""

_FLOW = """
[[bepaling]]
id = "test.2"
artikel = "2"
soort = "bevoegdheid"
gecontroleerd = 2026-11-01
houders = [{houder}]
ontvangers = ["wijkteam"]
categorieen = ["gewoon"]
voorwaarden = [{fact}]
art6 = [{art6}]
samenvatting = {{ nl = "Een verstrekkingsbevoegdheid." }}
"""


def _law_dir(tmp_path: Path, *, houder: str = "huisarts", fact: str = "convenant", art6: str = "test.1",
             extra: str = "") -> Path:
    law = tmp_path / "law"
    law.mkdir()
    body = _INSTRUMENT + _FLOW.format(houder=f'"{houder}"', fact=f'"{fact}"', art6=f'"{art6}"') + extra
    (law / "testwet.toml").write_text(textwrap.dedent(body), encoding="utf-8")
    return law


def _load(law: Path):
    return load_lawbook(law, ROLES_FILE, FACTS_FILE)


def test_the_broken_folder_fixture_is_valid_when_nothing_is_broken(tmp_path):
    book = _load(_law_dir(tmp_path))
    assert set(book.provisions) == {"test.1", "test.2"}


@pytest.mark.parametrize(("broken", "expected"), [
    pytest.param({"houder": "gemeentesecretaris"}, "onbekende rol 'gemeentesecretaris'", id="unknown role"),
    pytest.param({"fact": "huurder_boos"}, "onbekend situatiefeit 'huurder_boos'", id="unknown fact"),
    pytest.param({"art6": "test.99"}, "verwijzing naar onbekende bepaling 'test.99'", id="dangling art6 reference"),
])
def test_a_broken_law_file_gives_a_content_error_that_names_the_culprit(tmp_path, broken, expected):
    law = _law_dir(tmp_path, **broken)
    with pytest.raises(ContentError) as caught:
        _load(law)
    problems = caught.value.problems
    assert [p.message for p in problems] == [expected]
    assert problems[0].file == law / "testwet.toml"
    assert problems[0].key == "bepaling test.2"
    assert expected in str(caught.value)


def test_every_problem_in_a_law_folder_is_reported_at_once(tmp_path):
    law = _law_dir(tmp_path, houder="gemeentesecretaris", fact="huurder_boos", art6="test.99")
    with pytest.raises(ContentError) as caught:
        _load(law)
    text = " | ".join(p.message for p in caught.value.problems)
    for culprit in ("gemeentesecretaris", "huurder_boos", "test.99"):
        assert culprit in text


def test_a_provision_id_outside_its_instruments_numbering_is_reported_with_a_hint(tmp_path):
    extra = """
[[bepaling]]
id = "andere.3"
artikel = "3"
soort = "beginsel"
gecontroleerd = 2026-11-01
samenvatting = { nl = "Verkeerd genummerd." }
"""
    with pytest.raises(ContentError) as caught:
        _load(_law_dir(tmp_path, extra=extra))
    (problem,) = caught.value.problems
    assert "andere.3" in problem.message and "test." in problem.message
    assert problem.hint


def test_a_flow_with_health_data_but_without_an_art9_exception_is_reported(tmp_path):
    extra = """
[[bepaling]]
id = "test.4"
artikel = "4"
soort = "plicht"
gecontroleerd = 2026-11-01
houders = ["wijkteam"]
ontvangers = ["woningcorporatie"]
categorieen = ["gezondheid"]
samenvatting = { nl = "Gezondheidsgegevens zonder uitzondering." }
"""
    with pytest.raises(ContentError) as caught:
        _load(_law_dir(tmp_path, extra=extra))
    (problem,) = caught.value.problems
    assert "art. 9" in problem.message and problem.key == "bepaling test.4"
