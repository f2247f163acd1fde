"""The law as it stood on a chosen day (issue 9 item 4): the engine judges on a peildatum (default today); a provision
not yet or no longer in force does not apply and the verdict says so; the wording of a provision follows the date.
The acceptance test of issue 9: a case that uses the WGS, judged on 2020-06-01, gets a different, explained verdict.
"""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from escaperoom.errors import RuleError
from escaperoom.rules import Category, Consent, DataItem, Decision, Request, evaluate_item, load_lawbook
from escaperoom.rules.lawbook import FACTS_FILE, LAW_DIR, ROLES_FILE
from escaperoom.verdicts import verdict_json

BOOK = load_lawbook()
BEFORE_WGS, TODAY = dt.date(2020, 6, 1), dt.date(2026, 12, 7)
ZVH = Request(houder="wijkteam", ontvanger="zvh", doel={"nl": "Casusoverleg Zorg- en Veiligheidshuis"},
              situatie=frozenset({"zvh_casus"}))
ITEM = DataItem(id="begeleiding", label={"nl": "Verloop van de begeleiding", "en": "Course of the support"},
                categorieen=(Category.GEWOON,))


def test_a_wgs_case_judged_on_2020_06_01_gets_a_different_explained_verdict():
    """Issue 9 'Must show': the WGS applies from 2025-03-01 (kennisbank §0.4, §7.1)."""
    now, then = evaluate_item(BOOK, ZVH, ITEM, peildatum=TODAY), evaluate_item(BOOK, ZVH, ITEM, peildatum=BEFORE_WGS)
    assert (now.decision, now.rule) == (Decision.MOET, "R02") and "wgs_sv.1.5" in now.bases
    assert (then.decision, then.rule) == (Decision.MAG_NIET, "R06") and then.peildatum == BEFORE_WGS
    assert "WGS art. 1.5 gold op 1 juni 2020 nog niet (pas vanaf 1 maart 2025)" in then.explanation("nl")
    assert ("Data Processing by Partnerships Act (WGS) art. 1.5 did not yet apply on 1 June 2020 (only from "
            "1 March 2025)") in then.explanation("en")
    assert any(s.rule == "GELDIG" and "wgs_sv.1.5" in s.citations for s in then.trace)


def test_the_verdict_command_output_carries_the_peildatum_and_the_explained_difference():
    now = verdict_json(BOOK, evaluate_item(BOOK, ZVH, ITEM, peildatum=TODAY))
    then = verdict_json(BOOK, evaluate_item(BOOK, ZVH, ITEM, peildatum=BEFORE_WGS), "en")
    assert (now["peildatum"], now["oordeel"]) == ("2026-12-07", "moet_delen")
    assert (then["peildatum"], then["oordeel"], then["regel"]) == ("2020-06-01", "mag_niet_delen", "R06")
    assert "did not yet apply on 1 June 2020" in then["uitleg"]
    assert any(s["regel"] == "GELDIG" and s["tekst_id"] == "geldig.nog_niet" for s in then["stappen"])


def test_a_provision_that_builds_on_a_later_statute_says_why_it_did_not_yet_apply():
    req = Request(houder="politie", ontvanger="zvh", doel={"nl": "casusoverleg"}, situatie=frozenset({"zvh_casus"}))
    verdict = evaluate_item(BOOK, req, ITEM, peildatum=BEFORE_WGS)
    assert "Wpg art. 20 lid 3 gold op 1 juni 2020 nog niet: het bouwt voort op WGS art. 1.5, dat pas geldt vanaf " \
           "1 maart 2025" in verdict.explanation("nl")


def test_without_a_peildatum_the_engine_judges_by_todays_law():
    assert evaluate_item(BOOK, ZVH, ITEM).peildatum == dt.date.today()


def test_a_peildatum_before_the_law_book_knows_the_law_is_refused_in_dutch():
    with pytest.raises(RuleError) as caught:
        evaluate_item(BOOK, ZVH, ITEM, peildatum=dt.date(2017, 1, 1))
    assert "AVG" in str(caught.value) and "25-05-2018" in str(caught.value)


def test_the_wording_of_a_cited_provision_follows_the_peildatum():
    """UAVG 46 lost its leden on 2026-09-01 (kennisbank §1.6): a BSN verdict cites it as it then read."""
    req = Request(houder="woningcorporatie", ontvanger="politie", doel={"nl": "identificeren"})
    bsn = DataItem(id="bsn", label={"nl": "BSN"}, categorieen=(Category.BSN,))
    old, new = (evaluate_item(BOOK, req, bsn, peildatum=d) for d in (dt.date(2026, 6, 1), TODAY))
    assert "UAVG art. 46 lid 1" in old.explanation("nl") and "UAVG art. 46 lid 1" not in new.explanation("nl")
    assert "GDPR Implementation Act (UAVG) art. 46(1)" in old.explanation("en")
    assert verdict_json(BOOK, old)["artikelen"][0]["url"].endswith("2021-07-01#Artikel46")


def test_a_provision_no_longer_in_force_does_not_apply_and_the_trace_says_so(tmp_path):
    """A copy of the law in which the WGS duty ended on 2026-01-01: on 2026-06-01 it no longer carries the case."""
    law = tmp_path / "law"
    shutil.copytree(LAW_DIR, law)
    wgs = law / "wgs_samenwerking.toml"
    text = wgs.read_text(encoding="utf-8")
    wgs.write_text(text.replace('id = "wgs_sv.1.5"\n', 'id = "wgs_sv.1.5"\ngeldig_tot = 2025-12-31\n', 1),
                   encoding="utf-8")
    book = load_lawbook(law, ROLES_FILE, FACTS_FILE)
    verdict = evaluate_item(book, ZVH, ITEM, peildatum=dt.date(2026, 6, 1))
    assert verdict.decision is Decision.MAG_NIET
    assert "gold op 1 juni 2026 niet meer (tot en met 31 december 2025" in verdict.explanation("nl")
    changes = book.changes_between(dt.date(2025, 6, 1), dt.date(2026, 6, 1))
    assert any(c.provision == "wgs_sv.1.5" and c.kind == "vervallen" and c.day == dt.date(2026, 1, 1) for c in changes)
    assert "wgs_sv.1.5" in {c.provision for c in book.provisions_replaced_since(dt.date(2025, 6, 1),
                                                                                  dt.date(2026, 6, 1))}


def test_a_rule_new_on_a_date_applies_from_that_date_only():
    """UAVG 30a (dossier transfer without consent) per 2026-09-01 (kennisbank §1.4; date [onzeker]: only the corpus)."""
    req = Request(houder="huisarts", ontvanger="huisarts", doel={"nl": "dossieroverdracht"},
                  toestemming=Consent.NIET_GEVRAAGD, situatie=frozenset({"dossieroverdracht"}))
    item = DataItem(id="dossier", label={"nl": "Medisch dossier"}, categorieen=(Category.GEWOON, Category.GEZONDHEID))
    before, after = (evaluate_item(BOOK, req, item, peildatum=d) for d in (dt.date(2026, 8, 31), dt.date(2026, 9, 1)))
    assert (before.decision, after.decision) == (Decision.MAG_NIET, Decision.MAG)
    assert "uavg.30a" in after.bases and "nog niet" in before.explanation("nl")
    assert any("datum van inwerkingtreding is onzeker" in n for n in before.facilitator_notes("nl"))
