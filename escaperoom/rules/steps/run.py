"""The working state of one judgement, shared by the reasoning steps in ``steps/``: the facts, the law of the
peildatum, the trace being written, and the helpers that turn a finding into a :class:`Verdict`.

A :class:`Case` is computed once per item (flows, roles); a :class:`Run` is one pass of the steps over it, with some
rules switched ``off`` — the engine reruns a case without its deciding rule to find what else forbids it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property

from escaperoom.rules.facts import Category, Consent, DataItem, Decision, Request
from escaperoom.rules.lawbook import ANY, Edition, Kind, Provision, Role, Step
from escaperoom.rules.texts import Param, Texts
from escaperoom.rules.verdict import Also, Effect, Note, NoteKind, TraceStep, Verdict
from escaperoom.text import Text

# Situation facts (rules/feiten.toml) the reasoning itself looks at, beyond the conditions of the flow provisions.
DIRECTLY_INVOLVED = "rechtstreeks_betrokken"  # R14: the recipient is directly involved in the treatment
COVENANT = "convenant"  # R12: the parties rely on a covenant
CANNOT_CONSENT = "betrokkene_wilsonbekwaam"  # R01: art. 9 lid 2 c needs a person unable to consent
WEIGHED = "belangenafweging"  # R18: interest, necessity and a recorded weighing for art. 6 lid 1 f
UNAVOIDABLE = "wpg5_onvermijdelijk"  # R17: a special category is unavoidable and adds to other police data
ENGINE_FACTS = (DIRECTLY_INVOLVED, COVENANT, CANNOT_CONSENT, WEIGHED, UNAVOIDABLE)

_SAME = object()  # share(): keep the provision's own basis
STOP = "stop"  # a step's answer: no later rule applies (the police regime ends where the Wpg ends)


@cache
def in_sentence(role: Role) -> Text:
    """A role's name mid-sentence: ``in_zin`` from the roles file (Dutch with its article: "de huisarts"; English
    without, the English texts say "the {houder}"), else the name with a lower-case first letter (acronyms and proper
    names kept)."""
    if role.in_zin is not None:
        return role.in_zin

    def lower(name: str) -> str:
        words = name.split()
        keep = name[1:2].isupper() or (len(words) > 1 and words[1][:1].isupper() and "," not in words[0])
        return name if keep else name[:1].lower() + name[1:]
    return Text.model_construct(nl=lower(role.naam.nl), en=lower(role.naam.get("en")))


@dataclass
class Case:
    """What every pass over one item shares: the facts, the law of the day, the flows that cover the request."""

    law: Edition
    texts: Texts
    req: Request
    item: DataItem
    rejudge: Callable[[DataItem], Verdict | None]  # the same request for another item (R19 asks about the care data)

    @cached_property
    def holder(self) -> Role:
        return self.law.roles[self.req.houder]

    @cached_property
    def recipient(self) -> Role:
        return self.law.roles[self.req.ontvanger]

    @cached_property
    def flows(self) -> tuple[Provision, ...]:
        """The flows in force that speak about this holder, recipient and item; for the police only those of the
        Wpg regime or a right to report of "een ieder" (police data leave the police only through the Wpg)."""
        flows = [p for p in self.law.flows if p.covers(self.holder.id, self.recipient.id, self.item.categorieen)]
        if self.holder.politie:
            flows = [p for p in flows
                     if self.holder.id in p.houders or (p.soort is Kind.MELDRECHT and ANY in p.houders)]
        return tuple(flows)

    @cached_property
    def lapsed(self) -> tuple[Provision, ...]:
        """Flows that would speak about this request but are not in force on the peildatum."""
        return tuple(p for p in self.law.lapsed_flows if p.covers(self.holder.id, self.recipient.id,
                                                                  self.item.categorieen))

    @cached_property
    def words(self) -> dict[str, Param]:
        """The placeholders every text may use: the roles, the item and the purpose."""
        return {"houder": in_sentence(self.holder), "ontvanger": in_sentence(self.recipient),
                "Houder": _start(self.holder), "Ontvanger": _start(self.recipient), "gegeven": self.item.label,
                "doel": self.req.doel}

    @cached_property
    def sharing(self) -> tuple[Provision, ...]:
        return tuple(p for p in self.flows if p.soort in (Kind.PLICHT, Kind.MELDRECHT, Kind.BEVOEGDHEID))


@dataclass
class Run:
    """One pass of the steps over a case; ``off`` holds the rules this pass acts as if they did not exist. A
    ``quiet`` pass (looking for what else forbids) writes only its deciding step: nothing else of it is kept."""

    case: Case
    off: frozenset[str] = frozenset()
    quiet: bool = False
    steps: list[TraceStep] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    requires: list[Also] = field(default_factory=list)
    doubtful: bool = False
    secrecy: str | None = None  # the secrecy regime lifted by consent (R05), kept for the bases

    # ------------------------------------------------------------------ the facts
    @property
    def law(self) -> Edition:
        return self.case.law

    @property
    def req(self) -> Request:
        return self.case.req

    @property
    def item(self) -> DataItem:
        return self.case.item

    @property
    def holder(self) -> Role:
        return self.case.holder

    @property
    def recipient(self) -> Role:
        return self.case.recipient

    @property
    def consent(self) -> bool:
        return self.req.toestemming is Consent.JA

    @property
    def secret(self) -> bool:
        """The holder is bound by professional secrecy (and this pass does not leave R05 out)."""
        return self.holder.beroepsgeheim and "R05" not in self.off

    def has(self, cat: Category) -> bool:
        return cat in self.item.categorieen

    def fact(self, fact: str) -> bool:
        return fact in self.req.situatie

    def met(self, prov: Provision) -> bool:
        facts = self.req.situatie
        return all(f in facts for f in prov.voorwaarden) and not any(f in facts for f in prov.vervalt_bij)

    def applies(self, rule: str) -> bool:
        return rule not in self.off

    def one(self, step: Step) -> str:
        return self.law.one(step)

    def ids(self, step: Step, **kw: str) -> tuple[str, ...]:
        return self.law.ids(step, **kw)

    # ------------------------------------------------------------------ words
    def cite(self, provision_id: str) -> Text:
        return self.law.cite_both(provision_id)

    def cites(self, *provision_ids: str) -> Text:
        """Several citations joined: "A, B en C" / "A, B and C"."""
        def join(items: list[str], word: str) -> str:
            return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} " + items[-1]
        return Text.model_construct(nl=join([self.law.cite(p, "nl") for p in provision_ids], "en"),
                                    en=join([self.law.cite(p, "en") for p in provision_ids], "and"))

    def say(self, text_id: str, **params: Param) -> Text:
        return self.case.texts.render(text_id, params, self.case.words)

    def note(self, rule: str, text_id: str, *cites: str, decisive: bool = False, **params: Param) -> None:
        """Record a step of the reasoning; provisions it cites bring their [onzeker] notes along."""
        if self.quiet and not decisive:
            return
        self.steps.append(TraceStep(rule, self.say(text_id, **params), tuple(cites), decisive, text_id))
        for cite in cites:
            prov = self.law[cite]
            if prov.onzeker:
                self._add(NoteKind.ONZEKER, prov.id, prov.onzeker, carries=decisive)
            if prov.tekst_onzeker:
                self._add(NoteKind.NIET_LETTERLIJK, prov.id, prov.tekst_onzeker)

    def require(self, rule: str, effect: Effect, text_id: str, *cites: str, **params: Param) -> None:
        """Another rule that obliges or asks something here (or a point to note): in the trace and in ``also``."""
        if self.quiet:
            return
        self.note(rule, text_id, *cites, decisive=False, **params)
        self.requires.append(Also(rule, effect, tuple(cites), self.steps[-1].text))

    def doubt(self, text_id: str, *, kind: NoteKind = NoteKind.ONZEKER, provision: str | None = None,
              carries: bool = True, **params: Param) -> None:
        """A facilitator note (``notitie.*``) on an [onzeker] point or an own analysis that carries this outcome."""
        if self.quiet:
            return
        self._add(kind, provision, self.say(text_id, **params), carries=carries)

    def doubt_provision(self, prov: Provision, text: Text) -> None:
        self._add(NoteKind.ONZEKER, prov.id, text, carries=True)

    def _add(self, kind: NoteKind, provision: str | None, text: Text, *, carries: bool = False) -> None:
        if self.quiet:
            return
        if provision is not None:
            where = self.cite(provision)
            text = Text.model_construct(nl=f"{where.nl}: {text.nl}", en=f"{where.get('en')}: {text.get('en')}")
        if all(n.text != text for n in self.notes):
            self.notes.append(Note(kind, text, carries))
        if carries:
            self.doubtful = True

    # ------------------------------------------------------------------ the verdict
    def done(self, decision: Decision, rule: str, *, art6: tuple[str, ...] | str = (), art9: str | None = None,
             art10: str | None = None, secrecy: str | None = None, sector: tuple[str, ...] = (),
             prohibitions: tuple[str, ...] = ()) -> Verdict:
        """The verdict. ``art6`` is every valid art. 6 basis (the first is the primary one); ``sector`` the
        provisions that carry a sharing verdict, ``prohibitions`` those that forbid a mag-niet verdict."""
        options = (art6,) if isinstance(art6, str) else tuple(art6)
        if decision.shares:
            if options:
                self.note(rule, "grondslag.avg" if len(options) == 1 else "grondslag.avg_meer", *options,
                          basis=self.cite(options[0]), ook=self.cites(*options[1:]) if options[1:] else "")
            for basis in (*options, art9, art10, secrecy, *sector):
                if basis and self.law[basis].onzeker:
                    self.doubtful = True
            if self.fact(COVENANT):
                self.require("R12", Effect.NOTE, "r12.niet_de_grondslag", self.one(Step.WETTELIJKE_GRONDSLAG))
            _inform(self)
        else:
            options, art9, art10, secrecy, sector = (), None, None, None, ()
        return Verdict(self.item.id, decision, rule, self.law.day, options[0] if options else None, art9, art10,
                       secrecy, tuple(dict.fromkeys(sector)), tuple(self.steps), art6_options=options,
                       prohibitions=tuple(dict.fromkeys(prohibitions)), also=tuple(self.requires),
                       notes=tuple(self.notes), doubtful=self.doubtful,
                       doubt_text=self.say("algemeen.onzeker") if self.doubtful else None)

    def art6_options(self, prov: Provision) -> tuple[str, ...]:
        """Every art. 6 basis a provision gives this holder, the primary one first: a private holder uses
        ``art6_privaat`` where the provision gives it (and must record the weighing, R18); a public authority
        never (f) (R06)."""
        legit = self.one(Step.GERECHTVAARDIGD_BELANG)
        if not self.holder.overheid:
            options = prov.art6_privaat or prov.art6
            if legit in options:
                self.require("R18", Effect.REQUIRES, "r18.vastleggen", legit)
                if self.holder.onzeker_overheid:
                    self.doubt("notitie.rol", rol=self.holder.naam, punt=self.holder.onzeker_overheid)
            return tuple(options)
        if legit in prov.art6 or legit in prov.art6_privaat:
            self.note("R06", "r06.taak_niet_f", self.one(Step.OVERHEID_GEEN_F))
        return tuple(b for b in prov.art6 if b != legit)

    def secrecy_cites(self) -> tuple[str, ...]:
        """The holder's secrecy regime with the rules cited beside it (Wet BIG 88, Sr 272) and, towards this
        recipient, the verschoningsrecht (Sv 218)."""
        regime = self.law.regime(Step.BEROEPSGEHEIM, self.holder.id)
        if regime is None:
            return ()
        return (regime.id, *self.ids(Step.BEROEPSGEHEIM_MEDE, holder=self.holder.id),
                *self.ids(Step.VERSCHONINGSRECHT, holder=self.holder.id, recipient=self.recipient.id))

    def share(self, prov: Provision, rule: str, decision: Decision, text_id: str, *, art9: object = _SAME,
              art10: object = _SAME, secrecy: object = _SAME, **params: Param) -> Verdict:
        """A verdict that shares on a statutory provision (duty, right to report, permission), with its bases
        (``art9``, ``art10``, ``secrecy`` override the provision's own). For the police the Wpg decides, and a
        special category must be unavoidable (R17)."""
        if self.holder.politie:
            blocked = police_special_category(self, prov)
            if blocked is not None:
                return blocked
            if self.has(Category.GEZONDHEID):
                self.note("R17", "r17.onvermijdelijk", self.one(Step.POLITIE_BIJZONDER))
        self.note(rule, text_id, prov.id, *prov.ook, decisive=True, bepaling=self.cite(prov.id), **params)
        self.note(rule, "bepaling.inhoud", prov.id, inhoud=prov.samenvatting)
        for other in prov.zie_ook:
            self.note(rule, "bepaling.zie_ook", other, bepaling=self.cite(other), inhoud=self.law[other].samenvatting)
        police = self.holder.politie
        art6 = () if police else self.art6_options(prov)
        health = self.has(Category.GEZONDHEID) and not police
        crime = self.has(Category.STRAFRECHTELIJK) and not police
        art9_ = (prov.art9 if art9 is _SAME else art9) if health else None
        art10_ = (prov.art10 if art10 is _SAME else art10) if crime else None
        if crime and not art10_:
            self.doubt("notitie.art10_melder", provision=prov.id)
        if isinstance(art10_, str):
            self.note(rule, "bepaling.art10", art10_)
        if police and ANY in prov.houders:
            self.doubt("notitie.politie_meldrecht")
        if isinstance(art9_, str):
            self.note(rule, "bepaling.art9", art9_)
        bsn = prov.bsn if self.has(Category.BSN) else None
        if bsn:
            self.note(rule, "bepaling.bsn", bsn, bepaling=self.cite(bsn))
        sector = (prov.id, *prov.ook, *((self.one(Step.POLITIE_BIJZONDER),) if self.holder.politie
                                        and self.has(Category.GEZONDHEID) else ()), *((bsn,) if bsn else ()))
        lifted = (prov.id if self.holder.beroepsgeheim else None) if secrecy is _SAME else secrecy
        return self.done(decision, rule, art6=art6, art9=art9_ if isinstance(art9_, str) else None,
                         art10=art10_ if isinstance(art10_, str) else None,
                         secrecy=lifted if isinstance(lifted, str) else None, sector=sector)


@cache
def _start(role: Role) -> Text:
    """A role's name at the start of a sentence, with its article ("De huisarts", "The GP"; "Veilig Thuis")."""
    mid = in_sentence(role)
    return Text.model_construct(nl=mid.nl[:1].upper() + mid.nl[1:], en="The " + mid.get("en"))


def _inform(run: Run) -> None:
    """R15 after every mag/moet: inform the person concerned and record the decision (the police: record)."""
    if run.holder.politie:
        run.require("R15", Effect.REQUIRES, "r15.politie", run.one(Step.POLITIEGEHEIM))
    elif run.req.acuut_gevaar:
        run.require("R15", Effect.REQUIRES, "r15.achteraf", *run.ids(Step.VERANTWOORDING), *run.ids(Step.INFORMEREN),
                    *run.ids(Step.INFORMEREN_UITSTEL))
    else:
        run.require("R15", Effect.REQUIRES, "r15.informeren", *run.ids(Step.INFORMEREN),
                    *run.ids(Step.VERANTWOORDING))


def police_special_category(run: Run, ground: Provision | None) -> Verdict | None:
    """R17 — Wpg 5: police data on health (a special category) only where unavoidable for the purpose and in
    addition to other police data. A statute that makes health data part of the exchange (``wpg5``) meets it."""
    if not run.has(Category.GEZONDHEID) or run.fact(UNAVOIDABLE) or (ground is not None and ground.wpg5):
        return None
    if not run.applies("R17"):
        return None
    special = run.one(Step.POLITIE_BIJZONDER)
    run.note("R17", "r17.niet_onvermijdelijk", special, run.one(Step.POLITIE_NOODZAAK), decisive=True,
             bijzonder=run.cite(special))
    return run.done(Decision.MAG_NIET, "R17", prohibitions=(special,))
