"""Special and criminal data (kennisbank §1.4, §1.5, §5.4) — R09, R08 and ART10.

R09    Health data of the municipality (Wmo) to a party outside the exhaustive list of Wmo 2015 art. 5.2.1 lid 2,
       without explicit consent → mag niet (with AVG art. 9 lid 1; UAVG art. 30 lid 3 a is for one's own care).
R08    Health data without an exception of AVG art. 9 lid 2 (explicit consent, a statutory rule) → mag niet
       (UAVG 22–30). Not for the police: Wpg 5 (R17).
ART10  Criminal-offence data (a suspected offence too) only where UAVG art. 32–33 allows (AVG art. 10; UAVG 31).
"""

from __future__ import annotations

from escaperoom.rules.facts import Category, Decision
from escaperoom.rules.lawbook import Step
from escaperoom.rules.steps.consent import permissions
from escaperoom.rules.steps.run import Run
from escaperoom.rules.verdict import Verdict


def wmo_health(run: Run) -> Verdict | None:
    limited = run.law[run.one(Step.LIMITATIEVE_ONTVANGERS)]
    if not (run.holder.id in limited.houders and run.has(Category.GEZONDHEID) and run.applies("R09")):
        return None
    if run.recipient.id in limited.ontvangers or run.recipient.id in limited.houders or run.consent:
        return None
    if permissions(run):
        return None
    ban = run.one(Step.ART9_VERBOD)
    run.note("R09", "r09.buiten_lijst", limited.id, ban, *run.ids(Step.EIGEN_HULPVERLENING), decisive=True,
             lijst=run.cite(limited.id))
    return run.done(Decision.MAG_NIET, "R09", prohibitions=(limited.id, ban))


def health(run: Run) -> Verdict | None:
    if not run.has(Category.GEZONDHEID) or run.consent or not run.applies("R08"):
        return None
    if any(p.art9 for p in permissions(run)):
        return None
    ban = run.one(Step.ART9_VERBOD)
    run.note("R08", "r08.geen_uitzondering", ban, *run.ids(Step.EIGEN_HULPVERLENING), decisive=True)
    return run.done(Decision.MAG_NIET, "R08", prohibitions=(ban,))


def criminal(run: Run) -> Verdict | None:
    if not run.has(Category.STRAFRECHTELIJK) or run.consent or not run.applies("ART10"):
        return None
    if any(p.art10 for p in permissions(run)):
        return None
    ban = run.one(Step.ART10_VERBOD)
    run.note("ART10", "art10.geen_uitzondering", ban, *run.ids(Step.ART10_UAVG), decisive=True,
             uavg=run.cites(*run.ids(Step.ART10_UAVG)))
    return run.done(Decision.MAG_NIET, "ART10", prohibitions=(ban,))
