"""Statutory duties (kennisbank §8.2) — R03, R20 and R02, evaluated before acute danger: where the law obliges,
"moet" is the stronger and correct answer.

R03  The duty lapses by the person's objection (Besluit Wgs art. 2 d: the tenant rejected the announced report) →
     mag niet. Not when only the steps a–c are missing: then there is no duty yet (R20).
R20  An exhaustive duty (``exclusief``) whose conditions are not (yet) met leaves only explicit, free, specific
     consent: then mag (AVG art. 6 lid 1 a, art. 7), otherwise mag niet — no other ground fills the gap [analyse].
R02  A statute obliges *this* holder to give *this* recipient the data and its conditions are met → moet
     (Wvggz 8:29, Besluit Wgs art. 2 jo. Wgs 8 lid 1, Pw 64, Wpg 16 jo. Wpg 5, Wpg 20 lid 3, WGS 1.5 with 2.29).
     For a holder with professional secrecy only a duty that breaks it counts — or, where the statute itself
     lets secrecy give way to the person's explicit consent (WGS 2.29 lid 2 for WGS 1.5), that consent: then
     mag, on the statute's own bases (WGS 1.5, 2.29 lid 1 with AVG 9 lid 2 g), the consent lifting only the
     secrecy; whether it then becomes a duty is [onzeker] (kennisbank §7.1, §11 punt 22).
"""

from __future__ import annotations

from escaperoom.rules.facts import Decision
from escaperoom.rules.lawbook import Kind, Provision, Step
from escaperoom.rules.steps.run import Run
from escaperoom.rules.verdict import Effect, NoteKind, Verdict
from escaperoom.text import Text


def judge(run: Run) -> Verdict | None:
    duties = [p for p in run.case.sharing if p.soort is Kind.PLICHT]
    for prov in duties:
        lapsed = [f for f in prov.vervalt_bij if run.fact(f)]
        if lapsed and run.applies("R03"):
            why = run.law.facts[lapsed[0]].vraag
            run.note("R03", "r03.vervalt", prov.id, decisive=True, bepaling=run.cite(prov.id),
                     feit=Text(nl=why.nl.lower(), en=why.get("en").lower()))
            return run.done(Decision.MAG_NIET, "R03", prohibitions=(prov.id,))
        unmet = [f for f in prov.voorwaarden if not run.fact(f)]
        if unmet and prov.exclusief and not lapsed and run.applies("R20"):
            return _no_duty_yet(run, prov, unmet)
    met = [p for p in duties if run.met(p)]
    for prov in met:
        if not run.secret or prov.doorbreekt_beroepsgeheim:
            for other in met:
                if other is not prov:
                    run.require("R02", Effect.OBLIGES, "r02.ook_plicht", other.id, bepaling=run.cite(other.id))
            return run.share(prov, "R02", Decision.MOET, "r02.plicht")
    for prov in met:
        if prov.geheim_blijft and run.consent:
            return _consent_lifts_secrecy(run, prov)
        run.note("R05", "r02.geheim_blijft", prov.id, *prov.geheim_blijft, bepaling=run.cite(prov.id))
    return None


def _consent_lifts_secrecy(run: Run, prov: Provision) -> Verdict:
    """WGS 2.29 lid 2: a participant with professional secrecy provides to the ZVH with the person's explicit
    consent. That consent lifts the secrecy; the AVG basis stays the statute's (kennisbank §7.1 [analyse]), and
    whether the duty of 1.5 then applies or only a power arises is not settled."""
    lifting = prov.geheim_blijft[0]
    run.note("R05", "r02.toestemming_heft_geheim", lifting, decisive=True, bepaling=run.cite(lifting))
    verdict_ = run.share(prov, "R02", Decision.MAG, "r02.bevoegd_na_toestemming", secrecy=lifting)
    return verdict_


def _no_duty_yet(run: Run, prov: Provision, unmet: list[str]) -> Verdict:
    """R20: the duty has not arisen; only the person's own explicit consent carries the disclosure."""
    steps = Text(nl="; ".join(run.law.facts[f].vraag.nl.lower() for f in unmet),
                 en="; ".join(run.law.facts[f].vraag.get("en").lower() for f in unmet))
    if not run.consent:
        run.note("R20", "r20.nog_geen_plicht", prov.id, decisive=True, bepaling=run.cite(prov.id), stappen=steps)
        return run.done(Decision.MAG_NIET, "R20", prohibitions=(prov.id,))
    basis = run.one(Step.TOESTEMMING)
    run.note("R20", "r20.toestemming", basis, *run.ids(Step.TOESTEMMING_BEGRIP), decisive=True, stappen=steps,
             bepaling=run.cite(prov.id))
    run.note("R20", "bepaling.zie_ook", prov.id, bepaling=run.cite(prov.id), inhoud=prov.samenvatting)
    run.doubt("notitie.r20", kind=NoteKind.ANALYSE, bepaling=run.cite(prov.id))
    if run.holder.onzeker_overheid:
        run.doubt("notitie.toestemming_overheid", rol=run.holder.naam)
    return run.done(Decision.MAG, "R20", art6=basis)
