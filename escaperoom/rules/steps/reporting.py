"""Statutory rights to report (kennisbank §2.3 punt 3, §3.1, §6.1) — R04.

R04  A statutory right to report applies (Wmo 2015 art. 5.2.6 to Veilig Thuis; Wvggz 5:2 to the municipal
     reporting point; Wvggz 5:3 an application to the prosecutor) → mag. Professional secrecy gives way only where
     the provision says so: Wmo 5.2.6 yes; Wvggz 5:2 no; Wvggz 5:3 no clause (an implicit one is [onzeker]).
     Without it a holder with secrecy needs consent or a conflict of duties (R05).
"""

from __future__ import annotations

from escaperoom.rules.facts import Decision
from escaperoom.rules.lawbook import Kind
from escaperoom.rules.steps.run import Run
from escaperoom.rules.verdict import Verdict


def judge(run: Run) -> Verdict | None:
    rights = [p for p in run.case.sharing if p.soort is Kind.MELDRECHT and run.met(p)]
    for prov in rights:
        if not run.secret or prov.doorbreekt_beroepsgeheim:
            return run.share(prov, "R04", Decision.MAG, "r04.meldrecht" if run.consent else "r04.zonder_toestemming")
    for prov in rights:
        run.note("R05", "r04.geheim_blijft", prov.id, bepaling=run.cite(prov.id))
        if prov.doorbreking_onzeker and not run.consent:
            run.doubt_provision(prov, prov.doorbreking_onzeker)
    return None
