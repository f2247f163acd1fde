"""The last resort: no statute, no consent (kennisbank §1.2, §7.2) — R12, R06 and R18.

R12  The only basis is a covenant → mag niet: AVG art. 6 lid 3 asks a basis laid down in law, and a covenant is no
     law. Named beside any other rule that blocks, and noted on a sharing verdict ("the covenant is not the basis").
     Before R06 (the lesson of the case), and for a private party only when no weighed interest (R18) exists.
R06  A public authority cannot rely on legitimate interest (AVG art. 6 lid 1 slotzin) and no statute governs the
     disclosure → mag niet.
R18  A private party with no other ground than AVG art. 6 lid 1 f: mag only when interest, necessity and a recorded
     weighing are established (the fact ``belangenafweging``) and the person did not refuse; never a silent default
     [analyse, §11 punt 24]. Sector secrecy (R05, R16, Wpg 7) and art. 9/10 (R08) come first.
"""

from __future__ import annotations

from escaperoom.rules.facts import Consent, Decision
from escaperoom.rules.lawbook import Step
from escaperoom.rules.steps.run import COVENANT, WEIGHED, Run
from escaperoom.rules.verdict import NoteKind, Verdict


def covenant(run: Run) -> Verdict | None:
    if not run.fact(COVENANT) or not run.applies("R12"):
        return None
    if not run.holder.overheid and run.fact(WEIGHED) and run.applies("R18"):
        return None  # legitimate interest is another basis: R18 decides, the covenant is noted
    rule = run.one(Step.WETTELIJKE_GRONDSLAG)
    run.note("R12", "r12.geen_grondslag", rule, decisive=True)
    return run.done(Decision.MAG_NIET, "R12", prohibitions=(rule,))


def public(run: Run) -> Verdict | None:
    if not run.holder.overheid or not run.applies("R06"):
        return None
    no_f = run.one(Step.OVERHEID_GEEN_F)
    run.note("R06", "r06.geen_wet", no_f, run.one(Step.WETTELIJKE_GRONDSLAG), run.one(Step.DOELBINDING),
             decisive=True)
    return run.done(Decision.MAG_NIET, "R06", prohibitions=(no_f,))


def private(run: Run) -> Verdict | None:
    if run.holder.overheid or not run.applies("R18"):
        return None
    legit = run.one(Step.GERECHTVAARDIGD_BELANG)
    if run.holder.onzeker_overheid:
        run.doubt("notitie.rol", rol=run.holder.naam, punt=run.holder.onzeker_overheid)
    run.doubt("notitie.r18", kind=NoteKind.ANALYSE)
    if not run.fact(WEIGHED):
        run.note("R18", "r18.geen_afweging", legit, decisive=True)
        return run.done(Decision.MAG_NIET, "R18", prohibitions=(legit,))
    if run.req.toestemming is Consent.NEE:
        run.note("R18", "r18.weigering", legit, decisive=True)
        run.doubt("notitie.r18_weigering", kind=NoteKind.ANALYSE)
        return run.done(Decision.MAG_NIET, "R18", prohibitions=(legit,))
    run.note("R18", "r18.afweging", legit, decisive=True)
    return run.done(Decision.MAG, "R18", art6=legit)
