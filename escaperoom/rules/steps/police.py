"""Police data (kennisbank §4.2, §4.5) — R17 and R10.

R17  Police data fall under the Wet politiegegevens, not under the AVG (Wpg art. 1 onder a and x; AVG art. 2 lid 2 d;
     UAVG art. 2 lid 3): no AVG art. 6, 9 or 10 and no UAVG 22–33 for the police as holder — never AVG art. 9 lid 2 g.
     Test: Wpg 3 (necessary), Wpg 5 (a special category only when unavoidable and in addition to other police data),
     Wpg 7 and a ground of Wpg 16–20. R17's own outcome (a special category that is not unavoidable → mag niet) is a
     condition on every police ground: :func:`~escaperoom.rules.steps.run.police_special_category`.
R10  Police data to a third party without a Wpg ground or statutory duty → mag niet (Wpg 7; grounds: Wpg 16 OM and
     mayor, 17 Wiv, 18 decree, 19 special case onder a–d, 20 partnership with a written decision, lid 3 WGS).
     With a ground that permits (Wpg 19, 20) → mag.
"""

from __future__ import annotations

from escaperoom.rules.facts import Decision
from escaperoom.rules.lawbook import Kind, Step
from escaperoom.rules.steps.run import STOP, Run, police_special_category
from escaperoom.rules.verdict import Verdict


def regime(run: Run) -> None:
    """R17: say once, for every police holder, which law governs (a step that never decides)."""
    if run.holder.politie:
        run.note("R17", "r17.wpg_regime", run.one(Step.POLITIEGEGEVEN), *run.ids(Step.POLITIE_GEEN_AVG),
                 run.one(Step.POLITIE_NOODZAAK))


def judge(run: Run) -> Verdict | str | None:
    if not run.holder.politie:
        return None
    perms = [p for p in run.case.sharing if p.soort is Kind.BEVOEGDHEID and run.met(p)]
    if perms:
        return run.share(perms[0], "BEVOEGDHEID", Decision.MAG, "politie.bevoegdheid")
    if not run.applies("R10"):  # as if there were a Wpg ground: would Wpg 5 still forbid it?
        return police_special_category(run, None) or STOP  # after the Wpg nothing else applies to police data
    secret = run.one(Step.POLITIEGEHEIM)
    run.note("R10", "r10.geen_grond", secret, decisive=True)
    return run.done(Decision.MAG_NIET, "R10", prohibitions=(secret,))
