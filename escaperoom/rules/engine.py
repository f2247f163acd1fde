"""The rule engine: ``evaluate_item(book, request, item, peildatum=None) -> Verdict``, derived from the facts and the
law as it stood on the peildatum (default today), never from a puzzle. Used by the content loader, the game, the
``verdict`` command and the debrief.

The reasoning follows kennisbank §8.2 (R01–R20), one module per rule group in ``steps/``, run in this order
(:data:`STEPS`). It deviates from the table's order where the table itself says why: R13 first (no duty or danger
carries more than is needed); R03/R20 before R02 and R02 before R01 (where the law obliges, "moet" is the stronger
answer); R17 as a condition on every Wpg ground ("randvoorwaarde bij R02/R10"); R12 before R06 (the lesson of a
covenant case, named in any case); R16 before R18 ("R18 wijkt voor R16", §6.1); R06 and R18 last, when nothing
else decides:

    R13  the item is not needed for the purpose → mag niet                        (steps.purpose, checked first)
    R17  police data: the Wpg, not the AVG (a note; its own outcome guards every police ground)  (steps.police)
    R19  BSN between care providers must be mentioned; R11 BSN otherwise only by statute      (steps.bsn)
    R03  a duty lapses by objection; R20 an exhaustive duty not yet arisen: only consent;
    R02  a statutory duty of this holder to this recipient → moet                 (steps.duties, before R01)
    R01  acute danger, the emergency service as recipient → mag                   (steps.acute)
    R04  a statutory right to report → mag (secrecy only where it says so)        (steps.reporting)
    R14  recipient directly involved in the treatment → mag                       (steps.treatment)
    R10  police data without a Wpg ground → mag niet (Wpg 19/20 → mag)            (steps.police)
    R07  consent that is not free is no consent                                   (steps.consent)
    R05  professional secrecy without consent or another ground → mag niet        (steps.secrecy)
    R09, R08, ART10  Wmo health data outside 5.2.1 lid 2; health data without an art. 9 exception; criminal data
                     without UAVG 32–33                                           (steps.special)
    DOELBINDING, BEVOEGDHEID  a sector statute binds the data / permits the flow   (steps.purpose)
    TOESTEMMING  valid consent → mag                                              (steps.consent)
    R12, R06  a covenant is no basis; a public authority without a statute        (steps.grounds)
    R16  the Wmo chain gives no information to others without consent            (steps.secrecy)
    R18  a private party: legitimate interest only when weighed and recorded      (steps.grounds)
    R15  after every mag/moet: inform the person concerned and record the decision (steps.run)

Every verdict names what decides it first and then every other rule that would also forbid it (``Verdict.also``):
the engine judges the item again without the deciding rule, and again, until nothing more forbids it. A sharing
verdict lists what it obliges or asks (inform, record, the weighing, the BSN). A provision not (yet) in force on the
peildatum does not apply, and the trace says so. The engine names no provision ids and no role ids: it asks the law
for the provisions that play a part in a step (``stap`` in the law files).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from functools import partial

from escaperoom.errors import RuleError
from escaperoom.rules.facts import DataItem, Request
from escaperoom.rules.lawbook import Edition, LawBook
from escaperoom.rules.steps import (
    acute,
    bsn,
    consent,
    duties,
    grounds,
    police,
    purpose,
    reporting,
    secrecy,
    special,
    treatment,
)
from escaperoom.rules.steps.run import ENGINE_FACTS, STOP, Case, Run
from escaperoom.rules.texts import Texts, load_texts
from escaperoom.rules.verdict import Also, Effect, NoteKind, TraceStep, Verdict
from escaperoom.text import Text

__all__ = ["ENGINE_FACTS", "STEPS", "evaluate", "evaluate_item"]

StepFunction = Callable[[Run], "Verdict | str | None"]
STEPS: tuple[StepFunction, ...] = (
    police.regime, bsn.judge, duties.judge, acute.judge, reporting.judge, treatment.judge, police.judge,
    consent.free, secrecy.professional, special.wmo_health, special.health, special.criminal, purpose.bans,
    purpose.permission, consent.basis, grounds.covenant, grounds.public, secrecy.wmo, grounds.private,
)
_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")


def evaluate(book: LawBook, request: Request, items: list[DataItem] | tuple[DataItem, ...],
             peildatum: dt.date | None = None) -> dict[str, Verdict]:
    """Judge every item of a request; returns verdicts keyed by item id."""
    return {item.id: evaluate_item(book, request, item, peildatum) for item in items}


def evaluate_item(book: LawBook, request: Request, item: DataItem, peildatum: dt.date | None = None) -> Verdict:
    """Judge one data item of one request by the law on ``peildatum`` (default: today). Raises :class:`RuleError`
    for unknown roles or facts, or a peildatum before the law book knows the law."""
    for role in (request.houder, request.ontvanger):
        if role not in book.roles:
            raise RuleError(f"onbekende rol '{role}' in het verzoek")
    for fact in request.situatie:
        if fact not in book.facts:
            raise RuleError(f"onbekend situatiefeit '{fact}' in het verzoek")
    day = peildatum or dt.date.today()
    if day < book.earliest_peildatum:
        raise RuleError(f"op {day:%d-%m-%Y} gold de AVG nog niet; de wetbestanden beschrijven het recht vanaf "
                        f"{book.earliest_peildatum:%d-%m-%Y}")
    law, texts = book.edition(day), load_texts()
    try:
        if item.nodig:
            return _judge(law, texts, request, item)
        legal, chain = _decide(law, texts, request, item.model_copy(update={"nodig": True}))
        run = Run(_case(law, texts, request, item))
        verdict, also = purpose.not_needed(run, legal, chain)
        return _merge(verdict, also, legal)
    except KeyError as err:  # a step without its provision: the law files are incomplete for this day
        raise RuleError(f"de wetbestanden zijn onvolledig: {err.args[0]}") from None


def _case(law: Edition, texts: Texts, request: Request, item: DataItem) -> Case:
    return Case(law, texts, request, item, partial(_other_item, law, texts, request))


def _other_item(law: Edition, texts: Texts, request: Request, item: DataItem) -> Verdict | None:
    return _once(_case(law, texts, request, item), quiet=True)  # only its decision is asked for


def _once(case: Case, off: frozenset[str] = frozenset(), *, quiet: bool = False) -> Verdict | None:
    """One pass of the steps; ``None`` when no rule decides (every applicable one is switched off)."""
    run = Run(case, off, quiet=quiet)
    _dates(run)
    for step in STEPS:
        out = step(run)
        if out == STOP:
            return None
        if isinstance(out, Verdict):
            return out
    return None


def _decide(law: Edition, texts: Texts, request: Request, item: DataItem) -> tuple[Verdict, tuple[Also, ...]]:
    """The verdict and, when it is "mag niet", every other rule that would forbid it too (in priority order)."""
    case = _case(law, texts, request, item)
    first = _once(case)
    if first is None:
        raise RuleError("geen enkele regel beslist over dit gegeven")  # cannot happen: R06/R18/R10 always decide
    chain: list[Also] = []
    off = {first.rule}
    while not first.decision.shares and len(chain) < 20:
        nxt = _once(case, frozenset(off), quiet=True)
        if nxt is None or nxt.decision.shares or nxt.rule in off:
            break
        chain.append(_also(nxt))
        off.add(nxt.rule)
    return first, tuple(chain)


def _also(verdict: Verdict) -> Also:
    """A "mag niet" verdict as another rule that forbids: its deciding sentence and the articles it names."""
    deciding = [s for s in verdict.trace if s.decisive]
    cited = tuple(dict.fromkeys(c for s in deciding for c in s.citations))
    return Also(verdict.rule, Effect.FORBIDS, verdict.prohibitions, deciding[0].text, cited)


def _judge(law: Edition, texts: Texts, request: Request, item: DataItem) -> Verdict:
    first, chain = _decide(law, texts, request, item)
    return _merge(first, chain, None)


def _merge(verdict: Verdict, also: tuple[Also, ...], legal: Verdict | None) -> Verdict:
    """Add the other forbidding rules to a verdict: in ``also``, in the trace (cited, not deciding) and in the
    prohibitions; the notes of the reasoning behind them come along without carrying the outcome."""
    if not also and legal is None:
        return verdict
    steps = tuple(TraceStep(a.rule, a.text, tuple(dict.fromkeys((*a.provisions, *a.cited))), False, "ook")
                  for a in also)
    notes = list(verdict.notes)
    for note in legal.notes if legal is not None and not legal.decision.shares else ():
        if all(n.text != note.text for n in notes):
            notes.append(replace(note, carries=False))
    return replace(verdict, trace=(*verdict.trace, *steps), also=(*verdict.also, *also), notes=tuple(notes),
                   prohibitions=tuple(dict.fromkeys((*verdict.prohibitions, *(p for a in also for p in a.provisions)))))


def _dates(run: Run) -> None:
    """A provision that would decide this request but is not (yet) in force on the peildatum: say so."""
    for prov in run.case.lapsed:
        if not run.met(prov):
            continue
        day = run.law.day
        basis = next((ref for ref in prov.steunt_op if not run.law.book.is_in_force(ref, day)), None)
        if prov.applies_on(day) and basis is not None:
            start = run.law.book[basis].geldig_vanaf
            run.note("GELDIG", "geldig.steunt_op", prov.id, basis, bepaling=run.cite(prov.id), op=_date(day),
                     steunt=run.cite(basis), vanaf=_date(start) if start else "—")
        elif prov.geldig_vanaf and day < prov.geldig_vanaf:
            run.note("GELDIG", "geldig.nog_niet", prov.id, bepaling=run.cite(prov.id), op=_date(day),
                     vanaf=_date(prov.geldig_vanaf))
            if prov.geldig_vanaf_onzeker:
                run.doubt("notitie.datum", kind=NoteKind.GELDIGHEID, provision=prov.id, carries=False,
                          punt=Text(nl=prov.geldig_vanaf_onzeker))
        else:
            until = prov.geldig_tot or day
            run.note("GELDIG", "geldig.niet_meer", prov.id, bepaling=run.cite(prov.id), op=_date(day),
                     tot=_date(until), door=run.cite(prov.vervangen_door) if prov.vervangen_door else "—")


def _date(day: dt.date) -> Text:
    return Text(nl=f"{day.day} {_MONTHS[day.month - 1]} {day.year}",
                en=f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}")
