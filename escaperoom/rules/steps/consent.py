"""Consent (kennisbank §1.3, §2.3 punt 1, misvatting 2) — R07 and consent as the basis.

R07          "Consent" that is not free (a condition for help or benefit, or a blanket form) is no consent
             (AVG art. 4 punt 11, art. 7 lid 4, overweging 43): without a statutory basis → mag niet.
TOESTEMMING  Explicit, specific, free consent for exactly this disclosure → mag (AVG art. 6 lid 1 a; for health
             data art. 9 lid 2 a, for criminal data UAVG art. 32 onder a). It lifts professional secrecy (R05) and
             never data minimisation (R13); with a public authority it is valid only if truly free (overweging 43).
"""

from __future__ import annotations

from escaperoom.rules.facts import Category, Consent, Decision
from escaperoom.rules.lawbook import Kind, Provision, Step
from escaperoom.rules.steps.run import Run
from escaperoom.rules.verdict import Verdict


def permissions(run: Run) -> list[Provision]:
    """The statutory permissions (bevoegdheden) whose conditions are met for this request."""
    return [p for p in run.case.sharing if p.soort is Kind.BEVOEGDHEID and run.met(p)]


def free(run: Run) -> Verdict | None:
    if run.req.toestemming is not Consent.NIET_VRIJ:
        return None
    usable = [p for p in permissions(run) if not run.secret or p.doorbreekt_beroepsgeheim]
    free_, public = run.one(Step.TOESTEMMING_VRIJ), run.one(Step.TOESTEMMING_OVERHEID)
    if not usable and run.applies("R07"):
        run.note("R07", "r07.niet_vrij_geen_wet", *run.ids(Step.TOESTEMMING_BEGRIP), free_, public, decisive=True)
        return run.done(Decision.MAG_NIET, "R07", prohibitions=(free_,))
    run.note("R07", "r07.niet_vrij", free_, public)
    return None


def basis(run: Run) -> Verdict | None:
    if not run.consent:
        return None
    basis_ = run.one(Step.TOESTEMMING)
    art9 = run.one(Step.TOESTEMMING_ART9) if run.has(Category.GEZONDHEID) else None
    art10 = run.one(Step.TOESTEMMING_ART10) if run.has(Category.STRAFRECHTELIJK) else None
    run.note("TOESTEMMING", "toestemming.geldig", basis_, *(p for p in (art9, art10) if p), decisive=True)
    if run.holder.overheid:
        run.note("R07", "r07.overheid", run.one(Step.TOESTEMMING_OVERHEID))
    return run.done(Decision.MAG, "TOESTEMMING", art6=basis_, art9=art9, art10=art10, secrecy=run.secrecy)
