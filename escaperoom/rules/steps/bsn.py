"""BSN (kennisbank §1.6) — R19 and R11.

R19  A care provider (Wkkgz) that gives care data to another care provider, the CIZ or a health insurer must mention
     the BSN (Wabvpz art. 9 lid 1, with art. 4 and 8; Wabb art. 1 onder d 2°): moet, and R11 does not block.
R11  Otherwise the BSN goes only between government bodies or where a statute prescribes it for this flow
     (UAVG art. 46 — "46 lid 1" until 2026-08-31 —, Wabb art. 1 onder d for holder and recipient, art. 10).
     Not for the police: police data fall under the Wpg, not the UAVG (R17).
"""

from __future__ import annotations

from escaperoom.rules.facts import Category, Decision
from escaperoom.rules.lawbook import Step
from escaperoom.rules.steps.run import Run
from escaperoom.rules.verdict import Effect, Verdict


def judge(run: Run) -> Verdict | None:
    if not run.has(Category.BSN) or run.holder.politie:
        return None
    care = [p for p in run.law.step(Step.BSN_ZORG)
            if p.covers(run.holder.id, run.recipient.id, (Category.BSN,))]
    if care and run.applies("R19") and _care_data_may_go(run):
        return _care(run, care[0].id)
    statute = any(run.met(p) and Category.BSN in p.categorieen for p in run.case.sharing)
    if (run.recipient.overheid and run.holder.overheid) or statute or not run.applies("R11"):
        return None
    return _refused(run)


def _care_data_may_go(run: Run) -> bool:
    """Wabvpz 9 applies to a disclosure that is itself allowed: judge the care data the BSN goes with."""
    rest = tuple(c for c in run.item.categorieen if c is not Category.BSN) or (Category.GEZONDHEID,)
    other = run.case.rejudge(run.item.model_copy(update={"categorieen": rest, "nodig": True}))
    return other is not None and other.decision.shares


def _care(run: Run, duty: str) -> Verdict | None:
    """R19 — Wabvpz 9 lid 1: the BSN must be in it. A BSN-only item is "moet"; with other data the BSN is required."""
    with_it = (*run.ids(Step.BSN_ZORG_MEDE), *run.ids(Step.BSN_PRIVAAT))
    if run.item.categorieen != (Category.BSN,):
        run.require("R19", Effect.OBLIGES, "r19.bsn_erbij", duty, *with_it, bepaling=run.cite(duty))
        return None
    run.note("R19", "r19.bsn_vermelden", duty, *with_it, decisive=True, bepaling=run.cite(duty))
    return run.done(Decision.MOET, "R19", art6=run.law[duty].art6, sector=(duty, *run.ids(Step.BSN_ZORG_MEDE)))


def _refused(run: Run) -> Verdict:
    """R11: UAVG 46 and Wabb 1 d let a user that is no government body use the BSN only where a statute prescribes
    it. The kennisbank names no such statute for this flow: the verdict says so, invents none, and notes the doubt."""
    holder, recipient = run.holder, run.recipient
    who = holder if not holder.overheid else recipient
    purpose, private, public = run.one(Step.BSN_DOEL), run.ids(Step.BSN_PRIVAAT), run.ids(Step.BSN_OVERHEID)
    laws = run.cites(purpose, *private)
    if who is holder:
        run.note("R11", "r11.houder", purpose, *private, decisive=True, wetten=laws)
    else:
        run.note("R11", "r11.ontvanger", *public, purpose, *private, decisive=True, wetten=laws)
    if who.onzeker_bsn:
        run.doubt("notitie.rol", rol=who.naam, punt=who.onzeker_bsn)
    else:
        run.doubt("notitie.bsn_wet", rol=who.naam)
    return run.done(Decision.MAG_NIET, "R11", prohibitions=(purpose, *private))
