"""The treatment relationship (kennisbank §2.2) — R14.

R14  The recipient is directly involved in carrying out the treatment (or is the stand-in): not an "other", so
     sharing is allowed as far as necessary (BW art. 7:457 lid 2; Jeugdwet art. 7.3.11 lid 2). Health data for the
     treatment: AVG art. 9 lid 2 h with UAVG art. 30 lid 3 a; basis the treatment contract (art. 6 lid 1 b).
     Whether an explicit objection of the patient limits this is [onzeker] (§11 punt 23).
"""

from __future__ import annotations

from escaperoom.rules.facts import Category, Consent, Decision
from escaperoom.rules.lawbook import Step
from escaperoom.rules.steps.run import DIRECTLY_INVOLVED, Run
from escaperoom.rules.verdict import Verdict


def judge(run: Run) -> Verdict | None:
    involved = run.ids(Step.RECHTSTREEKS_BETROKKEN, holder=run.holder.id)
    if not (run.holder.beroepsgeheim and run.fact(DIRECTLY_INVOLVED) and involved):
        return None
    lid2 = involved[0]
    run.note("R14", "r14.betrokken", lid2, decisive=True)
    if run.req.toestemming is Consent.NEE:
        run.doubt("notitie.r14_bezwaar", provision=lid2)
    art9 = None
    if run.has(Category.GEZONDHEID):
        art9 = run.one(Step.ZORG)
        run.note("R14", "r14.zorg", art9, *run.ids(Step.EIGEN_HULPVERLENING))
    return run.done(Decision.MAG, "R14", art6=run.one(Step.BEHANDELINGSOVEREENKOMST), art9=art9, secrecy=lid2,
                    sector=(lid2,))
