"""Purpose (kennisbank §1.1, §5.3, §6; misvattingen 7 and 8) — R13, DOELBINDING and statutory permissions.

R13          The item is not needed for the purpose → mag niet (AVG art. 5 lid 1 c, with 5 lid 1 b); whatever else
             would forbid it is named beside it. Checked first: a duty or danger never carries more than needed.
DOELBINDING  A sector statute binds the data to its purpose and no permission lifts it → mag niet (e.g. Wmo 2015
             art. 5.2.5 and 5.1.1 lid 4, Pw 65; Wgs art. 8 lid 2: Wgs data only to public bodies).
BEVOEGDHEID  A statutory permission for this flow, its conditions met → mag (Wmo 5.2.1 lid 2, 5.1.1, Wgs 8d, …).
"""

from __future__ import annotations

from escaperoom.rules.facts import Category, Decision
from escaperoom.rules.lawbook import Kind, Step
from escaperoom.rules.steps.consent import permissions
from escaperoom.rules.steps.run import Run
from escaperoom.rules.verdict import Also, Effect, Verdict


def not_needed(run: Run, legal: Verdict, chain: tuple[Also, ...]) -> tuple[Verdict, tuple[Also, ...]]:
    """R13, with what would forbid the item if it were needed (``legal`` and its ``chain``): those come along as
    the other rules that forbid it."""
    minimal = run.one(Step.MINIMALISATIE)
    run.note("R13", "r13.niet_nodig", minimal, run.one(Step.DOELBINDING), decisive=True)
    verdict = run.done(Decision.MAG_NIET, "R13", prohibitions=(minimal,))
    if legal.decision.shares:
        return verdict, ()
    deciding = [s for s in legal.trace if s.decisive]
    cited = tuple(dict.fromkeys(c for s in deciding for c in s.citations))
    return verdict, (Also(legal.rule, Effect.FORBIDS, legal.prohibitions, deciding[0].text, cited), *chain)


def bans(run: Run) -> Verdict | None:
    found = [p for p in run.case.flows if p.soort is Kind.VERBOD and run.met(p)
             and not (p.tenzij_toestemming and run.consent)]
    if not found or permissions(run) or not run.applies("DOELBINDING"):
        return None
    ban = found[0]
    run.note("DOELBINDING", "doelbinding.verbod", ban.id, run.one(Step.DOELBINDING), decisive=True,
             bepaling=run.cite(ban.id), inhoud=ban.samenvatting)
    return run.done(Decision.MAG_NIET, "DOELBINDING", prohibitions=(ban.id,))


def permission(run: Run) -> Verdict | None:
    perms = permissions(run)
    if not perms:
        return None
    prov = perms[0]
    art9 = (run.one(Step.TOESTEMMING_ART9) if run.consent else prov.art9) if run.has(Category.GEZONDHEID) else None
    art10 = (run.one(Step.TOESTEMMING_ART10) if run.consent else prov.art10) if run.has(
        Category.STRAFRECHTELIJK) else None
    return run.share(prov, "BEVOEGDHEID", Decision.MAG, "bevoegdheid.wet", art9=art9, art10=art10,
                     secrecy=run.secrecy)
