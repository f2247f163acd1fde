"""Secrecy (kennisbank §2, §6.1) — R05 (professional secrecy) and R16 (the Wmo chain's secrecy).

R05  The holder has professional secrecy (BW art. 7:457 lid 1 with Wet BIG art. 88 and Sr art. 272; Jeugdwet
     art. 7.3.11; towards police and prosecutor also Sv art. 218) and there is no consent, no duty or right to
     report or permission that breaks it, no conflict of duties → mag niet, not even whether someone is a client.
R16  The holder is in the Wmo chain (college and its neighbourhood team, care provider, Veilig Thuis, …), the
     recipient is an "other" (not someone whose professional cooperation the Wmo task needs, lid 3), no consent,
     no statutory provision that allows or obliges → mag niet, ordinary data included (Wmo 2015 art. 5.3.3 lid 1
     and 3; for the provider with art. 5.1.2). Legitimate interest (R18) gives way to it.
"""

from __future__ import annotations

from escaperoom.rules.facts import Decision
from escaperoom.rules.lawbook import Step
from escaperoom.rules.steps.consent import permissions
from escaperoom.rules.steps.run import Run
from escaperoom.rules.verdict import Verdict


def professional(run: Run) -> Verdict | None:
    regime = run.law.regime(Step.BEROEPSGEHEIM, run.holder.id)
    if regime is None or not run.secret:
        return None
    if run.consent:
        run.secrecy = regime.id
        run.note("R05", "r05.toestemming", regime.id)
        return None
    lifting = [p for p in permissions(run) if p.doorbreekt_beroepsgeheim]
    if lifting:  # a statutory permission that lets the holder share without consent (UAVG 30a lid 6)
        run.secrecy = lifting[0].id
        run.note("R05", "r05.wet", regime.id, lifting[0].id, bepaling=run.cite(lifting[0].id))
        return None
    run.note("R05", "r05.zwijgt", *run.secrecy_cites(), decisive=True)
    return run.done(Decision.MAG_NIET, "R05", prohibitions=(regime.id,))


def wmo(run: Run) -> Verdict | None:
    regime = run.law.regime(Step.WMO_GEHEIM, run.holder.id)
    if regime is None or run.consent or not run.applies("R16"):
        return None
    if any(run.met(p) for p in run.case.sharing):
        return None  # "onverminderd het bij of krachtens de wet bepaalde"
    if run.ids(Step.WMO_GEEN_ANDEREN, holder=run.holder.id, recipient=run.recipient.id):
        return None  # lid 3: whose professional cooperation the Wmo task needs is no "other"
    run.note("R16", "r16.geen_inlichtingen", regime.id, *run.ids(Step.WMO_GEHEIM_MEDE, holder=run.holder.id),
             decisive=True, bepaling=run.cite(regime.id))
    return run.done(Decision.MAG_NIET, "R16", prohibitions=(regime.id,))
