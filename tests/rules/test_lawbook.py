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


# ------------------------------------------------------------------ dates and versions (kennisbank §0.2, §0.4)

# Kennisbank §0.2 "Geraadpleegde wetsversies (peildata)", revision 2026-12-03: the text version each instrument was
# checked against (UAVG 2026-09-01, Wmo/Wgs 2026-07-01, Politiewet 2026-06-12, Wabvpz 2025-07-05 are new).
PEILDATA = {"wvggz": dt.date(2025, 7, 1), "wpg": dt.date(2025, 7, 1), "wgs_sv": dt.date(2025, 7, 5),
            "wmo": dt.date(2026, 7, 1), "jeugdwet": dt.date(2026, 1, 1), "wgs": dt.date(2026, 7, 1),
            "uavg": dt.date(2026, 9, 1), "big": dt.date(2025, 7, 5), "pw": dt.date(2025, 2, 4),
            "wabb": dt.date(2025, 11, 11), "politiewet": dt.date(2026, 6, 12), "wabvpz": dt.date(2025, 7, 5),
            "knmg": dt.date(2021, 4, 15)}  # KNMG: the guideline's approval (§0.4), kept as its text version
# Kennisbank §0.4 "Inwerkingtreding": the date per instrument and whether §0.4 marks it [onzeker].
IN_FORCE = {"avg": (dt.date(2018, 5, 25), False), "uavg": (dt.date(2018, 5, 25), False),
            "wmo": (dt.date(2015, 1, 1), True), "jeugdwet": (dt.date(2015, 1, 1), True),
            "wvggz": (dt.date(2020, 1, 1), False), "wpg": (dt.date(2008, 1, 1), True),
            "politiewet": (dt.date(2013, 1, 1), False), "wgbo": (dt.date(1995, 4, 1), False),
            "wgs": (dt.date(2012, 7, 1), False), "besluit_wgs": (dt.date(2021, 1, 1), False),
            "wgs_sv": (dt.date(2025, 3, 1), False), "wabb": (dt.date(2007, 11, 26), True),
            "wabvpz": (dt.date(2008, 6, 1), False)}
# §0.4 gives no date (Wet BIG art. 88, Participatiewet: "[onzeker] niet bevestigd"), or none in the table (Sr, Sv), or a
# date that is no entry into force (the KNMG guideline): the instrument says why.
NO_DATE = {"big", "pw", "sr", "sv", "knmg"}


def test_every_instrument_records_the_text_version_the_kennisbank_cites_or_says_why_there_is_none():
    for iid, inst in BOOK.instruments.items():
        if iid in PEILDATA:
            assert inst.tekstversie == PEILDATA[iid], iid
            assert PEILDATA[iid].isoformat() in inst.url or iid == "knmg", iid
        else:
            assert inst.tekstversie is None and inst.tekstversie_ontbreekt, iid


def test_every_provision_was_rechecked_against_the_revised_kennisbank():
    """The kennisbank was revised on 2026-12-03 (§0.0); every entry was re-checked against it that day."""
    assert all(p.gecontroleerd >= dt.date(2026, 12, 3) for p in BOOK.provisions.values())


def test_every_instrument_carries_its_date_of_entry_into_force_from_section_0_4_or_says_why_not():
    assert set(IN_FORCE) | NO_DATE == set(BOOK.instruments)
    for iid, (date, uncertain) in IN_FORCE.items():
        inst = BOOK.instruments[iid]
        assert inst.geldig_vanaf == date, iid
        assert bool(inst.geldig_vanaf_onzeker) == uncertain, iid
    for iid in NO_DATE:
        inst = BOOK.instruments[iid]
        assert inst.geldig_vanaf is None and "kennisbank" in (inst.geldig_vanaf_ontbreekt or ""), iid


def test_every_provision_applies_from_its_instruments_date_unless_the_kennisbank_says_otherwise():
    own = {"besluit_wgs.2": dt.date(2021, 1, 1), "uavg.23a": dt.date(2026, 9, 1), "uavg.30a": dt.date(2026, 9, 1),
           "uavg.30b": dt.date(2026, 9, 1), "uavg.33.5": dt.date(2026, 9, 1), "uavg.48b": dt.date(2026, 9, 1)}
    for prov in BOOK.provisions.values():
        if prov.id in own:
            assert prov.geldig_vanaf == own[prov.id] and prov.geldig_vanaf_onzeker or prov.id == "besluit_wgs.2"
        elif prov.geldig_vanaf is None:
            reason = prov.geldig_vanaf_ontbreekt or prov.instrument.geldig_vanaf_ontbreekt
            assert reason and "kennisbank" in reason, prov.id
        else:
            assert prov.geldig_vanaf == prov.instrument.geldig_vanaf, prov.id
    assert BOOK["wabvpz.9.1"].geldig_vanaf is None  # art. 4–9 came later than the Act: date [onzeker], not guessed


def test_the_uavg_text_of_2026_09_01_differs_from_the_old_one_where_the_verzamelwet_changed_it():
    """Kennisbank §1.4–§1.6, §0.2: art. 46 without leden, 30 lid 3 on 9(2)(g) and (h), new 30a/30b and 33 lid 5."""
    old, new = dt.date(2026, 8, 31), dt.date(2026, 9, 1)
    assert (BOOK.cite("uavg.46", on=old), BOOK.cite("uavg.46", on=new)) == ("UAVG art. 46 lid 1", "UAVG art. 46")
    assert "lid 2" in BOOK.version("uavg.46", old).samenvatting.nl
    assert "48b" in BOOK.version("uavg.46", new).samenvatting.nl
    assert "9 lid 2 h AVG" in BOOK.version("uavg.30.3.a", old).samenvatting.nl
    assert "9 lid 2 g en h AVG" in BOOK.version("uavg.30.3.a", new).samenvatting.nl
    assert "hinderlijk" in BOOK.version("uavg.1", old).samenvatting.nl.split("veiligheidsmaatregelen")[1]
    assert BOOK.cite("uavg.33.6", on=old) == "UAVG art. 33 lid 5"
    assert BOOK.cite("uavg.33.6", on=new) == "UAVG art. 33 lid 6"
    for pid in ("uavg.30a", "uavg.30b", "uavg.33.5", "uavg.23a"):
        assert not BOOK.is_in_force(pid, old) and BOOK.is_in_force(pid, new), pid
    assert BOOK.version("uavg.46", old).url.endswith("2021-07-01#Artikel46")


def test_a_provision_that_rests_on_another_does_not_apply_before_it():
    """Wpg 20 lid 3 (to a WGS partnership) has no date of its own in the kennisbank, but cannot precede the WGS."""
    assert not BOOK.is_in_force("wpg.20.3", dt.date(2024, 1, 1))
    assert BOOK.is_in_force("wpg.20.3", dt.date(2025, 3, 1))


def test_the_law_in_force_on_a_day_and_what_changed_since():
    before = {p.id for p in BOOK.in_force(dt.date(2020, 6, 1))}
    assert "wgs_sv.1.5" not in before and "wvggz.8:29.1" in before and "avg.6.1.a" in before
    changes = BOOK.changes_between(dt.date(2026, 1, 1), dt.date(2026, 12, 3))
    kinds = {(c.provision, c.kind) for c in changes}
    assert {("uavg.46", "nieuwe_tekst"), ("uavg.30.3.a", "nieuwe_tekst"), ("uavg.33.5", "nieuw"),
            ("wgs.8.3", "nieuwe_tekst")} <= kinds
    replaced = {c.provision for c in BOOK.provisions_replaced_since(dt.date(2026, 1, 1), dt.date(2026, 12, 3))}
    assert "uavg.46" in replaced and "uavg.33.5" not in replaced
    assert BOOK.earliest_peildatum == dt.date(2018, 5, 25)  # before the AVG the law book does not know the law


def test_the_besluit_gemeentelijke_schuldhulpverlening_is_its_own_instrument_with_its_staatsblad_publication():
    besluit = BOOK["besluit_wgs.2"].instrument
    assert besluit.id != BOOK["wgs.8.1"].instrument.id
    assert (besluit.bron, besluit.url) == ("Stb. 2020, 240", "https://zoek.officielebekendmakingen.nl/stb-2020-240.html")
    assert BOOK.cite("besluit_wgs.2") == "Besluit gemeentelijke schuldhulpverlening art. 2"
    assert "BWBR0031331" not in besluit.url


def test_every_law_file_and_the_lawbook_say_that_gecontroleerd_means_checked_against_the_kennisbank():
    from escaperoom.rules import lawbook
    assert "checked **against shared/legal/kennisbank.md**" in (lawbook.__doc__ or "")
    for path in sorted(lawbook.LAW_DIR.glob("*.toml")):
        head = path.read_text(encoding="utf-8").split("[wet]")[0]
        assert "shared/legal/kennisbank.md" in head and "NIET tegen wetten.overheid.nl" in head, path.name


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
naam_en = "Test Act"
bron = "BWBR0000000"
url = "https://wetten.overheid.nl/BWBR0000000"
tekstversie = 2026-01-01
geldig_vanaf_ontbreekt = "De testwet noemt geen datum."

[[bepaling]]
id = "test.1"
artikel = "1"
soort = "grondslag"
gecontroleerd = 2026-12-01
samenvatting = { nl = "Een grondslag." }
"""

_FLOW = """
[[bepaling]]
id = "test.2"
artikel = "2"
soort = "bevoegdheid"
gecontroleerd = 2026-12-01
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


def _load(law: Path, roles: Path = ROLES_FILE, facts: Path = FACTS_FILE):
    return load_lawbook(law, roles, facts, complete=False)


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
gecontroleerd = 2026-12-01
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
gecontroleerd = 2026-12-01
houders = ["wijkteam"]
ontvangers = ["woningcorporatie"]
categorieen = ["gezondheid"]
samenvatting = { nl = "Gezondheidsgegevens zonder uitzondering." }
"""
    with pytest.raises(ContentError) as caught:
        _load(_law_dir(tmp_path, extra=extra))
    (problem,) = caught.value.problems
    assert "art. 9" in problem.message and problem.key == "bepaling test.4"


def test_an_instrument_without_a_date_and_without_a_reason_is_reported(tmp_path):
    law = _law_dir(tmp_path)
    path = law / "testwet.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('geldig_vanaf_ontbreekt = "De testwet noemt geen datum."\n', ""), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        _load(law)
    (problem,) = caught.value.problems
    assert problem.key == "wet" and "geldig_vanaf" in problem.message and "§0.4" in problem.message
    assert "precies één van beide" in problem.message


def test_a_text_version_that_overlaps_the_current_one_is_reported(tmp_path):
    extra = """
[[bepaling]]
id = "test.5"
artikel = "5"
soort = "beginsel"
gecontroleerd = 2026-12-01
tekst_vanaf = 2026-09-01
samenvatting = { nl = "Nieuwe tekst." }
[[bepaling.versies]]
tot = 2026-09-30
samenvatting = { nl = "Oude tekst." }
"""
    with pytest.raises(ContentError) as caught:
        _load(_law_dir(tmp_path, extra=extra))
    (problem,) = caught.value.problems
    assert "eindigt niet vóór 'tekst_vanaf'" in problem.message


def test_a_task_provision_cited_as_a_basis_is_reported(tmp_path):
    """Kennisbank §8.2: the ground is the holder's ground; a task of the recipient (Politiewet 3) is never one."""
    extra = """
[[bepaling]]
id = "test.6"
artikel = "6"
soort = "taak"
gecontroleerd = 2026-12-01
samenvatting = { nl = "Een taak." }
"""
    law = _law_dir(tmp_path, extra=extra)
    path = law / "testwet.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('art6 = ["test.1"]', 'art6 = ["test.1"]\nook = ["test.6"]'), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        _load(law)
    (problem,) = caught.value.problems
    assert "taakbepaling" in problem.message and "zie_ook" in problem.hint


def test_an_instrument_without_text_version_or_reason_is_reported_in_dutch(tmp_path):
    law = _law_dir(tmp_path)
    path = law / "testwet.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("tekstversie = 2026-01-01\n", ""), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        _load(law)
    (problem,) = caught.value.problems
    assert problem.key == "wet" and "tekstversie" in problem.message and "peildatum" in problem.message


# ------------------------------------------------------------------ unreadable law files: Dutch, with a line


def test_a_law_file_saved_with_a_bom_by_a_windows_editor_loads(tmp_path):
    law = _law_dir(tmp_path)
    path = law / "testwet.toml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert set(_load(law).provisions) == {"test.1", "test.2"}


def test_a_law_file_with_broken_toml_is_reported_in_dutch_with_its_line(tmp_path):
    law = _law_dir(tmp_path)
    path = law / "testwet.toml"
    lines = path.read_text(encoding="utf-8").splitlines()
    broken = next(i for i, line in enumerate(lines) if line.startswith("soort ="))
    lines[broken] = 'soort "grondslag"'
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        _load(law)
    (problem,) = caught.value.problems
    assert problem.message.startswith("wetbestand is geen geldige TOML") and "verwacht" in problem.message
    assert problem.line == broken + 1 and problem.hint


@pytest.mark.parametrize(("old", "new", "message"), [
    pytest.param('artikel = "2"', 'artikel = "2"\nartkel = "2"', "onbekende sleutel", id="unknown key"),
    pytest.param('gecontroleerd = 2026-12-01\nhouders', 'gecontroleerd = "gisteren"\nhouders',
                 "hier hoort een datum", id="date as text"),
    pytest.param('soort = "bevoegdheid"', 'soort = "mag"', "de waarde moet zijn:", id="unknown kind"),
])
def test_a_wrong_value_in_a_law_file_is_explained_in_dutch(tmp_path, old, new, message):
    law = _law_dir(tmp_path)
    path = law / "testwet.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        _load(law)
    (problem,) = caught.value.problems
    assert problem.message.startswith(message), problem.message
    assert problem.key.startswith("bepaling[1]")


def test_a_law_file_that_is_not_utf8_is_reported_in_dutch(tmp_path):
    law = _law_dir(tmp_path)
    (law / "testwet.toml").write_bytes("# wet van café\n".encode("latin-1"))
    with pytest.raises(ContentError) as caught:
        _load(law)
    assert caught.value.problems[0].message == "wetbestand is niet in UTF-8 opgeslagen"
