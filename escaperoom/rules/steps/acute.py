"""Acute danger (kennisbank §2.3, §4.1, misvatting 8) — R01.

R01  Acute danger to life or of serious harm, and the recipient is the emergency service (112, crisis team): mag —
     the threat facts (who, where, which threat), nothing more. The ground of the holder is conflict of duties
     (KNMG-richtlijn Omgaan met medische gegevens, 2021) for a holder with professional secrecy, and vital interests
     (AVG art. 6 lid 1 d). Politiewet 2012 art. 3 is the police's task as recipient, never the holder's ground.
     Health data without threat facts go along only with explicit consent (art. 9 lid 2 a) or when the person
     cannot consent (art. 9 lid 2 c, UAVG 22 lid 2 b); for a competent refuser the ordinary rules decide them
     (§2.3, onzeker). Criminal data likewise (UAVG 32 onder b).
     The police themselves share through the Wpg (art. 19 onder c: help to those who need it), their special
     categories only under Wpg 5 (R17).
"""

from __future__ import annotations

from escaperoom.rules.facts import Category, Consent, Decision
from escaperoom.rules.lawbook import Step
from escaperoom.rules.steps.run import CANNOT_CONSENT, DIRECTLY_INVOLVED, Run, police_special_category
from escaperoom.rules.verdict import NoteKind, Verdict


def judge(run: Run) -> Verdict | None:
    if not (run.req.acuut_gevaar and run.recipient.noodhulp) or not run.applies("R01"):
        return None
    return _police(run) if run.holder.politie else _others(run)


def _police(run: Run) -> Verdict:
    ground = run.one(Step.POLITIE_ACUUT)
    blocked = police_special_category(run, None)
    if blocked is not None:
        return blocked
    run.note("R01", "r01.politie", ground, decisive=True, grond=run.cite(ground))
    if run.has(Category.GEZONDHEID):
        run.note("R17", "r17.onvermijdelijk", run.one(Step.POLITIE_BIJZONDER))
    run.note("R01", "r01.politietaak", run.one(Step.POLITIETAAK))
    run.doubt("notitie.wpg19_acuut", kind=NoteKind.ANALYSE, provision=ground)
    special = (run.one(Step.POLITIE_BIJZONDER),) if run.has(Category.GEZONDHEID) else ()
    return run.done(Decision.MAG, "R01", sector=(ground, *special))


def _others(run: Run) -> Verdict | None:
    vital, duties_conflict = run.one(Step.VITAAL_BELANG), run.one(Step.CONFLICT_VAN_PLICHTEN)
    secret = run.holder.beroepsgeheim
    unable = run.fact(CANNOT_CONSENT) or run.req.toestemming is Consent.ONMOGELIJK
    if run.has(Category.GEZONDHEID) and not run.has(Category.GEWOON) and not (run.consent or unable):
        if run.ids(Step.RECHTSTREEKS_BETROKKEN, holder=run.holder.id) and run.fact(DIRECTLY_INVOLVED):
            return None  # R14 decides: the recipient is part of the treatment, acute danger changes nothing
        run.note("R01", "r01.alleen_dreiging", *((duties_conflict,) if secret else ()),
                 run.one(Step.VITAAL_BELANG_ART9), decisive=True)
        run.doubt("notitie.wilsbekwaam")
        return None
    cites = (duties_conflict, vital) if secret else (vital,)
    run.note("R01", "r01.gevaar_geheim" if secret else "r01.gevaar", *cites, decisive=True)
    if run.recipient.politie:
        run.note("R01", "r01.politietaak", run.one(Step.POLITIETAAK))
    art9 = art10 = None
    if run.has(Category.GEZONDHEID):
        art9 = _health(run, unable)
    if run.has(Category.STRAFRECHTELIJK):
        art10 = _criminal(run, unable)
    return run.done(Decision.MAG, "R01", art6=vital, art9=art9, art10=art10,
                    secrecy=duties_conflict if secret else None)


def _health(run: Run, unable: bool) -> str | None:
    if run.consent:
        art9 = run.one(Step.TOESTEMMING_ART9)
        run.note("R01", "r01.toestemming_art9", art9)
        return art9
    if unable:
        art9 = run.one(Step.VITAAL_BELANG_ART9)
        run.note("R01", "r01.kan_niet_art9", art9, *run.ids(Step.VITAAL_BELANG_UAVG))
        if not run.fact(CANNOT_CONSENT):
            run.doubt("notitie.niet_gevraagd")
        return art9
    run.doubt("notitie.wilsbekwaam")
    return None


def _criminal(run: Run, unable: bool) -> str | None:
    if run.consent:
        return run.one(Step.TOESTEMMING_ART10)
    if unable:
        art10 = run.one(Step.VITAAL_BELANG_ART10)
        run.note("R01", "r01.kan_niet_art10", art10)
        if not run.fact(CANNOT_CONSENT):
            run.doubt("notitie.niet_gevraagd")
        return art10
    run.doubt("notitie.strafrechtelijk_acuut")
    return None
