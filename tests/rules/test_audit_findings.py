"""The legal audits of issues 2 and 9, finding by finding: what the verdict must say (trace, facilitator notes,
bases), each test named after the kennisbank paragraph it rests on (revision 2026-12-03). The decisions themselves
are pinned in ``cases/*.toml``.
"""

from __future__ import annotations

from escaperoom.rules import Category, Consent, DataItem, Decision, Request, evaluate_item, load_lawbook

BOOK = load_lawbook()


def judge(holder: str, recipient: str, *cats: str, consent: Consent = Consent.NIET_GEVRAAGD, acute: bool = False,
          facts: tuple[str, ...] = ()):
    req = Request(houder=holder, ontvanger=recipient, doel={"nl": "doel"}, toestemming=consent, acuut_gevaar=acute,
                  situatie=frozenset(facts))
    item = DataItem(id="x", label={"nl": "gegeven"}, categorieen=tuple(Category(c) for c in cats))
    return evaluate_item(BOOK, req, item)


def _text(verdict) -> str:
    return " ".join(step.text.nl for step in verdict.trace)


# ------------------------------------------------------------------ 1. Wvggz 5:3 (§3.1, §3.4, §2.3 punt 3, §2.4)


def test_kb_3_1_wvggz_5_3_is_the_carers_own_application_and_needs_that_situation():
    prov = BOOK["wvggz.5:3"]
    assert prov.voorwaarden == ("aanvraag_zorgmachtiging",)
    without = judge("huisarts", "ovj", "gewoon", "gezondheid", consent=Consent.NEE)
    assert without.decision is Decision.MAG_NIET and "wvggz.5:3" not in without.citations


def test_kb_2_3_wvggz_5_3_has_no_clause_breaking_secrecy_and_an_implicit_one_is_onzeker():
    """Revision 2026-12-03 (§2.3 punt 3, §3.4, S03): without consent the carer's application stops at R05; whether
    5:3 breaks secrecy implicitly is [onzeker] — the team reads a plain sentence, the facilitator the note."""
    verdict = judge("huisarts", "ovj", "gewoon", "gezondheid", consent=Consent.NEE, facts=("aanvraag_zorgmachtiging",))
    assert (verdict.decision, verdict.rule) == (Decision.MAG_NIET, "R05") and verdict.doubtful
    note = next(n for n in verdict.uncertain if n.startswith("Wvggz art. 5:3") and "impliciet" in n)
    assert "beroepsgeheim" in note and "§2.4" in note
    assert "[onzeker]" not in verdict.explanation() and "juristen van mening" in verdict.explanation()
    assert any(n.startswith("Wvggz art. 5:3") for n in verdict.facilitator_notes("nl"))


def test_kb_2_4_a_criminal_procedure_demand_of_the_prosecutor_meets_the_verschoningsrecht():
    verdict = judge("ggz_behandelaar", "ovj", "gezondheid", consent=Consent.NEE)
    assert verdict.rule == "R05" and "sv.218" in verdict.citations


# ------------------------------------------------------------------ 2. missing [onzeker] notes


def test_kb_1_2_a_corporation_relying_on_legitimate_interest_is_told_its_status_is_onzeker():
    """§1.2 and §11 punt 1 (and S06's onzeker): is a toegelaten instelling an "overheidsinstantie"?"""
    report = judge("woningcorporatie", "gemeente_meldpunt", "gewoon", "gezondheid", consent=Consent.NEE)
    default = judge("woningcorporatie", "burgemeester", "gewoon", facts=("belangenafweging",))
    for verdict in (report, default):
        assert verdict.decision is Decision.MAG and verdict.art6 == "avg.6.1.f"
        assert verdict.doubtful and any("overheidsinstantie" in n and "§11 punt 1" in n for n in verdict.uncertain)


def test_kb_r18_legitimate_interest_of_a_private_party_is_no_silent_default_and_r18_is_an_own_choice():
    """R18 (§1.2, §11 punt 24): without a recorded weighing no art. 6 lid 1 f; the rule itself is the kennisbank's
    [analyse] — said to the facilitator, not in the team's sentence."""
    verdict = judge("woningcorporatie", "burgemeester", "gewoon")
    assert (verdict.decision, verdict.rule) == (Decision.MAG_NIET, "R18")
    decisive = next(s for s in verdict.trace if s.decisive)
    assert "belangenafweging" in decisive.text.nl
    assert "§" not in decisive.text.nl and "[analyse]" not in decisive.text.nl
    assert any("§11 punt 24" in n and "[analyse]" in n for n in verdict.uncertain)
    weighed = judge("woningcorporatie", "burgemeester", "gewoon", facts=("belangenafweging",))
    assert (weighed.decision, weighed.art6) == (Decision.MAG, "avg.6.1.f")


def test_kb_1_6_r11_tells_the_corporation_that_its_bsn_statutes_are_onzeker_and_what_to_do_in_the_game():
    verdict = judge("wijkteam", "woningcorporatie", "bsn", consent=Consent.JA)
    assert verdict.rule == "R11" and verdict.doubtful
    assert any("§11 punt 15" in n and "voor het spel" in n for n in verdict.uncertain)
    assert "geen wet schrijft" not in _text(verdict)  # no longer stated as a fact


def test_kb_1_5_r01_with_criminal_data_gives_uavg_32_b_when_the_person_cannot_consent_and_a_note_otherwise():
    able = judge("woningcorporatie", "politie", "gewoon", "strafrechtelijk", acute=True)
    assert able.decision is Decision.MAG and able.art10 is None and able.doubtful
    assert any("UAVG" in n and "32" in n and "§1.5" in n for n in able.uncertain)
    unable = judge("ggz_behandelaar", "crisisdienst", "gewoon", "strafrechtelijk", consent=Consent.ONMOGELIJK,
                   acute=True, facts=("betrokkene_wilsonbekwaam",))
    assert unable.art10 == "uavg.32.b" and "uavg.32.b" in unable.citations


# ------------------------------------------------------------------ 3. R01 and a competent refuser (§2.3, §11 punt 2)


def test_kb_2_3_acute_danger_does_not_carry_health_data_alone_when_a_competent_person_refuses():
    verdict = judge("ggz_behandelaar", "politie", "gezondheid", consent=Consent.NEE, acute=True)
    assert verdict.decision is Decision.MAG_NIET
    r01 = next(s for s in verdict.trace if s.rule == "R01")
    assert "dreigingsfeiten" in r01.text.nl and r01.decisive
    assert verdict.doubtful and any("§11 punt 2" in n for n in verdict.uncertain)


def test_kb_2_3_the_threat_facts_with_health_data_stay_shareable_with_the_onzeker_note_s04():
    verdict = judge("ggz_behandelaar", "politie", "gewoon", "gezondheid", consent=Consent.NEE, acute=True)
    assert verdict.decision is Decision.MAG and verdict.art9 is None and verdict.doubtful
    assert any("9 lid 2 c" in n for n in verdict.uncertain)


def test_kb_2_3_a_person_who_cannot_be_asked_gets_art_9_2_c_with_a_note_that_it_needs_true_incapacity():
    verdict = judge("huisarts", "crisisdienst", "gezondheid", consent=Consent.ONMOGELIJK, acute=True)
    assert verdict.decision is Decision.MAG and verdict.art9 == "avg.9.2.c"
    assert any("niet in staat" in n for n in verdict.uncertain)


def test_kb_2_3_health_data_for_the_directly_involved_crisis_team_are_not_blocked_by_acute_danger():
    """R14 still carries a referral to a crisis team that is directly involved; acute danger only widens."""
    verdict = judge("huisarts", "crisisdienst", "gezondheid", consent=Consent.NEE, acute=True,
                    facts=("rechtstreeks_betrokken",))
    assert (verdict.decision, verdict.rule) == (Decision.MAG, "R14")


# ------------------------------------------------------------------ 5. R11 for a private holder (§1.6)


def test_kb_1_6_r11_for_a_private_holder_says_uavg_46_and_wabb_1d_allow_only_uses_prescribed_by_law():
    verdict = judge("huisarts", "wijkteam", "bsn", consent=Consent.JA)
    text = verdict.explanation()
    assert verdict.rule == "R11"
    assert "UAVG art. 46" in text and "Wabb art. 1 onder d" in text and "voorschrijft" in text
    assert "huisarts" in text.lower() and "geen overheidsorgaan" in text
    assert set(verdict.citations) <= {"uavg.46", "wabb.1.d", "wabb.10", "avg.5.2", "avg.13-14"}
    assert any("§1.6" in n and "kennisbank" in n for n in verdict.uncertain)  # no statute invented: says so


# ------------------------------------------------------------------ 6. Besluit Wgs art. 2 and consent (S01, §5.2)


def test_kb_5_2_r20_explicit_consent_outside_the_duty_carries_early_signalling_and_says_why():
    """Revision 2026-12-03 (§5.2, R20): before the steps a–c the duty has not arisen; the tenant's own explicit consent
    carries it (AVG art. 6 lid 1 a) — the kennisbank's [analyse], with the corporation-as-authority doubt."""
    verdict = judge("woningcorporatie", "gemeente_schuldhulp", "gewoon", "financieel", consent=Consent.JA)
    assert (verdict.decision, verdict.rule, verdict.art6) == (Decision.MAG, "R20", "avg.6.1.a")
    decisive = next(s for s in verdict.trace if s.decisive)
    assert "toestemming" in decisive.text.nl and "(nog) niet ontstaan" in decisive.text.nl
    assert verdict.doubtful and any("R20" in n and "[analyse]" in n for n in verdict.uncertain)
    assert any("overweging 43" in n for n in verdict.uncertain)
    without = judge("woningcorporatie", "gemeente_schuldhulp", "gewoon", "financieel", consent=Consent.GEEN_BEZWAAR)
    assert (without.decision, without.rule) == (Decision.MAG_NIET, "R20")


# ------------------------------------------------------------------ 7. every valid art. 6 basis (§3.1)


def test_kb_3_1_the_municipalitys_application_to_the_prosecutor_rests_on_its_task_and_its_duty():
    """5:2 lid 3: the college that finds compulsory care may be needed must apply — so c is valid beside e."""
    verdict = judge("gemeente_meldpunt", "ovj", "gewoon", "gezondheid", facts=("aanvraag_zorgmachtiging",))
    assert verdict.art6_options == ("avg.6.1.e", "avg.6.1.c") and verdict.art6 == "avg.6.1.e"
    assert {"avg.6.1.e", "avg.6.1.c"} <= verdict.bases
    assert any("ook geldig" in s.text.nl for s in verdict.trace)


# ------------------------------------------------------------------ where the kennisbank lists a non-basis as a basis


def test_kb_s04_politiewet_3_is_the_police_task_cited_in_the_trace_but_no_basis_of_the_therapists_disclosure():
    verdict = judge("ggz_behandelaar", "politie", "gewoon", "gezondheid", consent=Consent.NEE, acute=True)
    assert "politiewet.3" in verdict.citations and "politiewet.3" not in verdict.bases


def test_kb_s06_wvggz_8_22_is_cited_but_is_no_basis_of_a_private_reporter():
    verdict = judge("woningcorporatie", "gemeente_meldpunt", "gewoon", "gezondheid", consent=Consent.NEE)
    assert "wvggz.8:22" in verdict.citations and "wvggz.8:22" not in verdict.bases
    assert {"wvggz.5:2.1", "avg.9.2.g", "avg.6.1.f"} <= verdict.bases


def test_kb_4_2_the_police_give_the_prosecution_service_what_it_needs_for_its_authority():
    prov = BOOK["wpg.16.1.a"]
    assert prov.citation == "Wpg art. 16 lid 1 onder a" and prov.ontvangers == ("ovj",)
    assert BOOK.cite("wpg.16.1.b", "en") == "Police Data Act (Wpg) art. 16(1)(b)"


def test_kb_11_16_text_not_checked_word_for_word_is_listed_apart_from_the_onzeker_points():
    """§0.2/§11 punt 16: art. 5 AVG, Sr 272, Sv 218 … are 'gangbaar' but not literally checked. That is said, but it
    does not make a verdict doubtful: data minimisation (R13) is no uncertain law."""
    verdict = judge("ggz_behandelaar", "politie", "gezondheid", consent=Consent.NEE)
    assert any(n.startswith("Sr art. 272") for n in verdict.unverified)
    assert not any(n.startswith("Sr art. 272") for n in verdict.uncertain)
    minimal = evaluate_item(BOOK, Request(houder="wijkteam", ontvanger="zvh", doel={"nl": "doel"}),
                            DataItem(id="x", label={"nl": "g"}, categorieen=(Category.FINANCIEEL,), nodig=False))
    assert minimal.rule == "R13" and not minimal.doubtful and minimal.unverified
