"""The rule engine: ``evaluate_item(book, request, item) -> Verdict``, derived from the facts, never from a puzzle.

The steps follow kennisbank §8 (R01–R15). Order, and where it deviates from the table's order:

    R13  the item is not needed for the purpose → mag niet (the legal reasons that also apply are added)
    R11  BSN where the holder or the recipient is no government body, without a statute for it → mag niet
         (UAVG 46, Wabb 1 d; the kennisbank names no statute for private users, so none is invented: onzeker)
    R03  a statutory duty for this flow is blocked (objection) or its exhaustive conditions are unmet → mag niet
         (explicit consent does not replace the conditions of an exhaustive duty [analyse], S01)
    R02  a statutory duty of this holder to this recipient, conditions met → moet
         (evaluated before R01: where the law obliges, "moet" is the stronger and correct answer)
    R01  acute danger, recipient is police or crisis service → mag (conflict of duties, art. 6 lid 1 d);
         for the police itself via Wpg art. 19 (its data leave the police only through the Wpg). Health data
         without threat facts go along only with consent or when the person cannot consent (art. 9 lid 2 c);
         for a competent refuser the ordinary rules below decide them (kennisbank §2.3, onzeker)
    R04  a statutory right to report → mag (for a holder with professional secrecy only if it breaks secrecy)
    R14  recipient directly involved in the treatment → mag (7:457 lid 2 BW)
    R10  police data without a Wpg ground (art. 15–20) → mag niet (a Wpg permission → mag)
    R07  consent that is not free (condition for help, blanket) is no consent: without a statutory basis → mag niet
    R05  professional secrecy without consent or other ground → mag niet
    R09  Wmo health data to a party outside Wmo 5.2.1 lid 2 without explicit consent → mag niet
    R08  health data without an art. 9 exception → mag niet  (ART10 likewise for criminal data)
         sector prohibitions (e.g. Wmo 5.2.5, Pw 65) without a permission → mag niet
         statutory permission → mag; valid consent → mag
    R06  a public authority cannot rely on legitimate interest (art. 6 lid 1 f) → mag niet without a statute
    R12  a covenant is no legal basis → mag niet
         a private holder may rely on art. 6 lid 1 f for ordinary data, unless the person refused — the engine's
         own default, not a rule of §8.2: the verdict says so [analyse]
    R15  after every mag/moet: inform the person concerned and record the decision

A sharing verdict names every valid art. 6 basis (a provision's ``art6``, or ``art6_privaat`` for a holder that is
no public authority; never f for a public authority); a mag-niet verdict names what forbids it (``prohibitions``).

The engine names no provision ids: it asks the law book for the provisions that play a part in a step
(:class:`~escaperoom.rules.lawbook.Step`, ``stap = [...]`` in the law files), for the flows that cover a request,
and for the secrecy regime that binds a holder (``bindt``). The situation facts it reads itself are in
``ENGINE_FACTS``. Each step is recorded as a :class:`TraceStep` with its citations; provisions marked ``onzeker``
and the engine's own [analyse] assumptions add a note, and when such a point carries the outcome the verdict is
``doubtful`` and its explanation says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from escaperoom.errors import RuleError
from escaperoom.rules.facts import Category, Consent, DataItem, Decision, Request
from escaperoom.rules.lawbook import ANY, Kind, LawBook, Provision, Role, Step
from escaperoom.rules.verdict import TraceStep, Verdict
from escaperoom.text import Text

_T = Text.of

# Situation facts (rules/feiten.toml) the reasoning itself looks at, beyond the conditions of the flow provisions.
DIRECTLY_INVOLVED = "rechtstreeks_betrokken"  # R14: the recipient is directly involved in the treatment
COVENANT = "convenant"  # R12: the parties rely on a covenant
CANNOT_CONSENT = "betrokkene_wilsonbekwaam"  # R01: art. 9 lid 2 c needs a person unable to consent
ENGINE_FACTS = (DIRECTLY_INVOLVED, COVENANT, CANNOT_CONSENT)


def _lc(name: str) -> str:
    """Lower-case a role name for mid-sentence use, but keep acronyms (GGZ, BSN) intact."""
    return name[:1].lower() + name[1:] if name[1:2].islower() else name


@dataclass
class _Run:
    """Working state while judging one item; turned into a Verdict at the end."""

    book: LawBook
    req: Request
    item: DataItem
    holder: Role
    recipient: Role
    steps: list[TraceStep] = field(default_factory=list)
    uncertain: list[str] = field(default_factory=list)
    unverified: list[str] = field(default_factory=list)
    doubtful: bool = False  # an [onzeker] point carries the outcome: the explanation must say so

    def note(self, rule: str, text: Text, *cites: str, decisive: bool = False) -> None:
        self.steps.append(TraceStep(rule, text, tuple(cites), decisive))
        for cite in cites:
            prov = self.book.provisions[cite]
            self._uncertain(prov)
            if decisive and prov.onzeker:
                self.doubtful = True

    def _uncertain(self, prov: Provision) -> None:
        for text_, into in ((prov.onzeker, self.uncertain), (prov.tekst_onzeker, self.unverified)):
            if text_:
                line = f"{self.book.cite(prov.id)}: {text_}"
                if line not in into:
                    into.append(line)

    def doubt(self, text: str) -> None:
        """An [onzeker] point or an [analyse] assumption of the engine that carries this outcome."""
        if text not in self.uncertain:
            self.uncertain.append(text)
        self.doubtful = True

    def one(self, step: Step) -> str:
        return self.book.one(step)

    def ids(self, step: Step, **kw) -> tuple[str, ...]:
        return self.book.ids(step, **kw)

    def met(self, prov: Provision) -> bool:
        facts = self.req.situatie
        return all(f in facts for f in prov.voorwaarden) and not any(f in facts for f in prov.vervalt_bij)

    def has(self, cat: Category) -> bool:
        return cat in self.item.categorieen

    def done(self, decision: Decision, rule: str, *, art6: tuple[str, ...] | str = (), art9: str | None = None,
             art10: str | None = None, secrecy: str | None = None, sector: tuple[str, ...] = (),
             prohibitions: tuple[str, ...] = ()) -> Verdict:
        """The verdict. ``art6`` is every valid art. 6 basis (the first is the primary one); ``sector`` the
        provisions that carry a sharing verdict, ``prohibitions`` those that forbid a mag-niet verdict."""
        options = (art6,) if isinstance(art6, str) else tuple(art6)
        if decision.shares:
            if options:
                first, others = self.book.cite(options[0]), [self.book.cite(o) for o in options[1:]]
                also = f"; ook geldig: {', '.join(others)}" if others else ""
                also_en = f"; also valid: {', '.join(others)}" if others else ""
                self.note(rule, _T(f"AVG-grondslag: {first}{also}.", f"GDPR basis: {first}{also_en}."), *options)
            for basis in (*options, art9, art10, secrecy, *sector):
                if basis and self.book[basis].onzeker:
                    self.doubtful = True
            self._inform()
        else:
            options, art9, art10, secrecy, sector = (), None, None, None, ()
        return Verdict(self.item.id, decision, rule, options[0] if options else None, art9, art10, secrecy, sector,
                       tuple(self.steps), tuple(self.uncertain), art6_options=options,
                       prohibitions=tuple(dict.fromkeys(prohibitions)), doubtful=self.doubtful,
                       unverified=tuple(self.unverified))

    def _inform(self) -> None:
        if self.holder.politie:
            self.note("R15", _T("Leg vast wat je verstrekte, aan wie en op welke grond (Wpg).",
                                "Record what you provided, to whom and on which ground (Wpg)."),
                      self.one(Step.POLITIEGEHEIM))
            return
        if self.req.acuut_gevaar:
            text = _T("Leg vast wat je deelde en waarom, en informeer de betrokkene achteraf zodra dat veilig kan "
                      "(uitstel mag ter bescherming van anderen).",
                      "Record what you shared and why, and inform the person afterwards when it is safe.")
            self.note("R15", text, *self.ids(Step.VERANTWOORDING), *self.ids(Step.INFORMEREN),
                      *self.ids(Step.INFORMEREN_UITSTEL))
        else:
            text = _T("Informeer de betrokkene over deze verstrekking, bij voorkeur vooraf, en leg vast wat je deelde "
                      "en waarom.",
                      "Inform the person about this disclosure, preferably beforehand, and record what you shared and why.")
            self.note("R15", text, *self.ids(Step.INFORMEREN), *self.ids(Step.VERANTWOORDING))

    def art6_options(self, prov: Provision) -> tuple[str, ...]:
        """Every art. 6 basis a provision gives this holder, the primary one first: a private holder uses
        ``art6_privaat`` where the provision gives it; a public authority never (f) (R06)."""
        legit = self.one(Step.GERECHTVAARDIGD_BELANG)
        if not self.holder.overheid:
            options = prov.art6_privaat or prov.art6
            if legit in options and self.holder.onzeker_overheid:
                self.doubt(f"{self.holder.naam.nl}: {self.holder.onzeker_overheid}")
            return tuple(options)
        if legit in prov.art6 or legit in prov.art6_privaat:
            self.note("R06", _T("Gerechtvaardigd belang (art. 6 lid 1 f) is geen grondslag voor een overheidsinstantie; "
                                "de grondslag is hier de wettelijke taak.",
                                "Legitimate interest (art. 6(1)(f)) is no basis for a public authority; the basis "
                                "here is the statutory task."), self.one(Step.OVERHEID_GEEN_F))
        return tuple(b for b in prov.art6 if b != legit)

    def secrecy_cites(self) -> tuple[str, ...]:
        """The holder's secrecy regime with the rules cited beside it (Wet BIG 88, Sr 272) and, towards this
        recipient, the verschoningsrecht (Sv 218)."""
        regime = self.book.secrecy_regime(self.holder.id)
        if regime is None:
            return ()
        return (regime.id, *self.ids(Step.BEROEPSGEHEIM_MEDE, holder=self.holder.id),
                *self.ids(Step.VERSCHONINGSRECHT, holder=self.holder.id, recipient=self.recipient.id))


def evaluate(book: LawBook, request: Request, items: list[DataItem] | tuple[DataItem, ...]) -> dict[str, Verdict]:
    """Judge every item of a request; returns verdicts keyed by item id."""
    return {item.id: evaluate_item(book, request, item) for item in items}


def evaluate_item(book: LawBook, request: Request, item: DataItem) -> Verdict:
    """Judge one data item of one request. Raises :class:`RuleError` for unknown roles or facts."""
    for role in (request.houder, request.ontvanger):
        if role not in book.roles:
            raise RuleError(f"onbekende rol '{role}' in het verzoek")
    for fact in request.situatie:
        if fact not in book.facts:
            raise RuleError(f"onbekend situatiefeit '{fact}' in het verzoek")
    run = _Run(book, request, item, book.roles[request.houder], book.roles[request.ontvanger])
    try:
        legal = _judge(run)
        if item.nodig:
            return legal
        return _not_needed(book, request, item, legal)
    except KeyError as err:  # a step without its provision: the law files are incomplete
        raise RuleError(f"de wetbestanden zijn onvolledig: {err.args[0]}") from None


def _not_needed(book: LawBook, req: Request, item: DataItem, legal: Verdict) -> Verdict:
    run = _Run(book, req, item, book.roles[req.houder], book.roles[req.ontvanger])
    minimal = run.one(Step.MINIMALISATIE)
    run.note("R13", _T(f"'{item.label.nl}' is niet nodig voor het doel ({req.doel.nl}). Deel alleen wat voor dit doel "
                       "noodzakelijk is; de rest blijft bij de houder.",
                       f"'{item.label.get('en')}' is not needed for the purpose. Share only what this purpose needs."),
             minimal, run.one(Step.DOELBINDING), decisive=True)
    if legal.decision is Decision.MAG_NIET:
        for step in legal.trace:
            if step.decisive:
                run.note(step.rule, _T("Bovendien: " + step.text.nl, "Moreover: " + step.text.get("en")),
                         *step.citations, decisive=True)
    return run.done(Decision.MAG_NIET, "R13", prohibitions=(minimal, *legal.prohibitions))


def _flows(run: _Run) -> list[Provision]:
    flows = [p for p in run.book.flows if p.covers(run.holder.id, run.recipient.id, run.item.categorieen)]
    if run.holder.politie:  # police data leave the police only through the Wpg or a statute naming the police
        flows = [p for p in flows if run.holder.id in p.houders or (p.soort is Kind.MELDRECHT and ANY in p.houders)]
    return flows


_POLICE_REPORT = ("Of de politie bij een melding op grond van een algemeen meldrecht (zoals Wvggz 5:2) ook een "
                  "Wpg-grondslag nodig heeft, en welke (Wpg 19, 20 of het Besluit politiegegevens), is niet vastgesteld "
                  "(kennisbank §3.4 en §11 punt 7).")


_CAPABLE_REFUSER = ("AVG art. 9 lid 2 c (vitale belangen) past alleen als de betrokkene niet in staat is toestemming te "
                    "geven. Is hij wilsbekwaam en weigert hij (of is hij niet gevraagd), dan is de art. 9-grondslag "
                    "onzeker (kennisbank §2.3, §11 punt 2): deel alleen de dreigingsfeiten (wie, wat, waar, wanneer), "
                    "geen diagnose of behandelgegevens.")
_NOT_ASKED = ("Toestemming kon niet worden gevraagd: art. 9 lid 2 c AVG en UAVG 32 onder b gelden alleen als de "
              "betrokkene fysiek of juridisch niet in staat is toestemming te geven (kennisbank §1.4, §1.5, §2.3) — "
              "niet als vragen alleen onverstandig of onveilig was. De engine neemt aan dat hij niet in staat was.")


def _acute(run: _Run) -> Verdict | None:
    """R01 for a holder outside the police: conflict of duties (for a holder with secrecy) and vital interests carry
    the threat facts to the emergency service. Health data without threat facts ride along only under an art. 9
    exception (consent, or a person unable to consent); otherwise the ordinary rules decide (``None``)."""
    req, holder, recipient = run.req, run.holder, run.recipient
    vital, duties_conflict, police_task = (run.one(Step.VITAAL_BELANG), run.one(Step.CONFLICT_VAN_PLICHTEN),
                                           run.one(Step.POLITIETAAK))
    consent = req.toestemming is Consent.JA
    unable = CANNOT_CONSENT in req.situatie or req.toestemming is Consent.ONMOGELIJK
    health_only = run.has(Category.GEZONDHEID) and not run.has(Category.GEWOON)
    if health_only and not (consent or unable):
        involved = run.ids(Step.RECHTSTREEKS_BETROKKEN, holder=holder.id)
        if involved and DIRECTLY_INVOLVED in req.situatie:
            return None  # R14 decides: the recipient is part of the treatment, acute danger changes nothing
        run.note("R01", _T("Er dreigt acuut gevaar, maar conflict van plichten en vitaal belang dragen alleen de "
                           "dreigingsfeiten (wie, wat, waar, wanneer). Dit gegeven is gezondheidsinformatie zonder "
                           "dreigingsfeit, en de betrokkene kan zelf toestemming geven: art. 9 lid 2 c AVG past dan niet. "
                           "Voor dit gegeven gelden de gewone regels.",
                           "Acute danger, but conflict of duties and vital interests carry only the threat facts (who, "
                           "what, where, when). This item is health information without a threat fact, and the person "
                           "is able to consent: art. 9(2)(c) GDPR does not fit. The ordinary rules apply to this item."),
                 *([duties_conflict] if holder.beroepsgeheim else []), run.one(Step.VITAAL_BELANG_ART9), decisive=True)
        run.doubt(_CAPABLE_REFUSER)
        return None

    cites = [vital]
    if holder.beroepsgeheim:
        cites.insert(0, duties_conflict)
    if recipient.politie:
        cites.append(police_task)  # the police's task to help: why the police are the right recipient, no basis
    run.note("R01", _T("Er dreigt acuut ernstig gevaar. Deel met de hulpdienst wat nodig is om het gevaar af te wenden "
                       "(wie, waar, welke dreiging) — niet meer."
                       + (" Het beroepsgeheim mag wijken: conflict van plichten." if holder.beroepsgeheim else ""),
                       "Acute serious danger. Share with the emergency service what is needed to avert it "
                       "(who, where, which threat) — nothing more."
                       + (" Secrecy may give way: conflict of duties." if holder.beroepsgeheim else "")),
             *cites, decisive=True)
    art9 = art10 = None
    if run.has(Category.GEZONDHEID):
        if consent:
            art9 = run.one(Step.TOESTEMMING_ART9)
            run.note("R01", _T("De betrokkene stemde uitdrukkelijk in met het delen van de gezondheidsgegevens: art. 9 "
                               "lid 2 a AVG.", "The person explicitly consented to sharing the health data: art. 9(2)(a) "
                               "GDPR."), art9)
        elif unable:
            art9 = run.one(Step.VITAAL_BELANG_ART9)
            run.note("R01", _T("De betrokkene kan geen toestemming geven: art. 9 lid 2 c AVG.",
                               "The person cannot consent: art. 9(2)(c) GDPR."), art9, *run.ids(Step.VITAAL_BELANG_UAVG))
            if CANNOT_CONSENT not in req.situatie:
                run.doubt(_NOT_ASKED)
        else:
            run.doubt(_CAPABLE_REFUSER)
    if run.has(Category.STRAFRECHTELIJK):
        if consent:
            art10 = run.one(Step.TOESTEMMING_ART10)
        elif unable:
            art10 = run.one(Step.VITAAL_BELANG_ART10)
            run.note("R01", _T("Voor het strafrechtelijke deel van de dreiging: UAVG art. 32 onder b (vitale belangen, de "
                               "betrokkene kan geen toestemming geven).", "For the criminal part of the threat: UAVG "
                               "art. 32(b) (vital interests, the person cannot consent)."), art10)
            if CANNOT_CONSENT not in req.situatie:
                run.doubt(_NOT_ASKED)
        else:
            run.doubt("Voor strafrechtelijke gegevens (bijvoorbeeld een dreiging met een strafbaar feit) noemt de "
                      "kennisbank bij acuut gevaar geen grondslag: UAVG 32 onder b (vitale belangen) vraagt dat de "
                      "betrokkene geen toestemming kan geven (§1.5). De engine laat de dreigingsfeiten toe, zoals bij S04, "
                      "maar die grondslag is onzeker.")
    return run.done(Decision.MAG, "R01", art6=vital, art9=art9, art10=art10,
                    secrecy=duties_conflict if holder.beroepsgeheim else None)


def _bsn_refused(run: _Run) -> Verdict:
    """R11: UAVG 46 and Wabb 1 d let a user that is no government body use the BSN only where a statute prescribes
    it. The kennisbank names no such statute for these parties; the verdict says exactly that, invents none, and
    marks the point onzeker (§1.6)."""
    holder, recipient, book = run.holder, run.recipient, run.book
    who = holder if not holder.overheid else recipient
    purpose, private, public = run.one(Step.BSN_DOEL), run.ids(Step.BSN_PRIVAAT), run.ids(Step.BSN_OVERHEID)
    laws = " en ".join([book.cite(purpose), *(book.cite(p) for p in private)])
    if who is holder:
        text = _T(f"{holder.naam.nl} is geen overheidsorgaan. Volgens {laws} mag wie geen overheidsorgaan is het BSN "
                  "alleen gebruiken waar een wet dat voorschrijft — toestemming helpt daarbij niet. De kennisbank noemt "
                  "geen wet die dat voor deze verstrekking doet: niet delen.",
                  f"The {_lc(holder.naam.get('en'))} is not a government body. Under {laws} a user that is not a "
                  "government body may use the BSN only where a statute prescribes it — consent does not help. The "
                  "knowledge base names no statute that does so for this disclosure: do not share.")
        cites = (purpose, *private)
    else:
        text = _T(f"{holder.naam.nl} mag het BSN gebruiken voor de eigen taak, maar {_lc(recipient.naam.nl)} is geen "
                  f"overheidsorgaan: volgens {laws} mag die het BSN alleen gebruiken waar een wet dat voorschrijft. De "
                  "kennisbank noemt geen wet die dat hier doet: niet delen.",
                  f"The {_lc(holder.naam.get('en'))} may use the BSN for its own task, but the "
                  f"{_lc(recipient.naam.get('en'))} is not a government body: under {laws} it may use the BSN only "
                  "where a statute prescribes it. The knowledge base names none that does so here: do not share.")
        cites = (*public, purpose, *private)
    run.note("R11", text, *cites, decisive=True)
    if who.onzeker_bsn:
        run.doubt(f"{who.naam.nl}: {who.onzeker_bsn}")
    else:
        run.doubt(f"Of een wet het BSN-gebruik door {_lc(who.naam.nl)} hier voorschrijft, staat niet in de kennisbank: "
                  "§1.6 noemt alleen de sectorbepalingen van Wvggz, Wgs, Jeugdwet en WGS. De engine gaat ervan uit dat "
                  "er geen is en verzint er geen.")
    return run.done(Decision.MAG_NIET, "R11", prohibitions=(purpose, *private))


def _judge(run: _Run) -> Verdict:
    req, holder, recipient, book = run.req, run.holder, run.recipient, run.book
    flows = _flows(run)
    sharing = [p for p in flows if p.soort in (Kind.PLICHT, Kind.MELDRECHT, Kind.BEVOEGDHEID)]
    regime = book.secrecy_regime(holder.id)

    # R11 — BSN only to government bodies or where a statute prescribes it
    bsn_statute = any(run.met(p) and Category.BSN in p.categorieen for p in sharing)
    if run.has(Category.BSN) and not (recipient.overheid and holder.overheid) and not bsn_statute:
        return _bsn_refused(run)

    # R03 — a duty that is blocked by an objection, or whose exhaustive conditions are not (yet) met
    for prov in (p for p in sharing if p.soort is Kind.PLICHT):
        blocked = [f for f in prov.vervalt_bij if f in req.situatie]
        unmet = [f for f in prov.voorwaarden if f not in req.situatie]
        if blocked:
            why = book.facts[blocked[0]].vraag
            run.note("R03", _T(f"{prov.citation} verplicht tot verstrekken, maar die plicht vervalt: {why.nl.lower()}. "
                               "Dan niet delen.",
                               f"{prov.citation} requires disclosure, but the duty lapses: {why.get('en').lower()}. "
                               "Then do not share."), prov.id, decisive=True)
            return run.done(Decision.MAG_NIET, "R03", prohibitions=(prov.id,))
        if unmet and prov.exclusief:
            why = "; ".join(book.facts[f].vraag.nl.lower() for f in unmet)
            why_en = "; ".join(book.facts[f].vraag.get("en").lower() for f in unmet)
            consent_nl = consent_en = ""
            if req.toestemming is Consent.JA:
                consent_nl = (" Toestemming van de betrokkene vervangt die stappen niet: de regeling is uitputtend en de "
                              "grondslag van de melding is een wettelijke plicht, geen toestemming.")
                consent_en = (" The person's consent does not replace those steps: the scheme is exhaustive and the "
                              "basis of the report is a statutory duty, not consent.")
                run.doubt(f"Of uitdrukkelijke toestemming de voorwaarden van {prov.citation} kan vervangen, regelt de "
                          "kennisbank niet: zij zegt alleen '(nog) niet melden' zolang de stappen niet zijn gezet (S01) "
                          "en dat de grondslag een wettelijke plicht is, geen toestemming (§5.2). De engine houdt de "
                          "regeling voor uitputtend [analyse].")
            run.note("R03", _T(f"{prov.citation} regelt deze verstrekking, maar de voorwaarden zijn (nog) niet vervuld: "
                               f"{why}.{consent_nl} Nog niet delen.",
                               f"{prov.citation} governs this disclosure, but its conditions are not (yet) met: "
                               f"{why_en}.{consent_en} Do not share yet."), prov.id, decisive=True)
            return run.done(Decision.MAG_NIET, "R03", prohibitions=(prov.id,))

    def breaks_secrecy(prov: Provision) -> bool:
        return not holder.beroepsgeheim or prov.doorbreekt_beroepsgeheim

    def share_via(prov: Provision, rule: str, decision: Decision, text: Text) -> Verdict:
        run.note(rule, text, prov.id, *prov.ook, *prov.zie_ook, decisive=True)
        run.note(rule, prov.samenvatting, prov.id)  # the provision in full, for the trace and the report
        art6 = () if holder.politie else run.art6_options(prov)
        art9 = prov.art9 if run.has(Category.GEZONDHEID) else None
        art10 = prov.art10 if run.has(Category.STRAFRECHTELIJK) and not holder.politie else None
        if run.has(Category.STRAFRECHTELIJK) and not holder.politie and not art10:
            run.doubt(f"{prov.citation}: welke grondslag (art. 10 AVG, UAVG 32–33) de verstrekker heeft voor "
                                 "strafrechtelijke gegevens, staat niet in de kennisbank.")
        if art10:
            run.note(rule, _T("Voor de strafrechtelijke gegevens geeft de wet zelf de grondslag (art. 10 AVG).",
                              "For the criminal-offence data the statute itself is the basis (art. 10 GDPR)."), art10)
        if holder.politie and ANY in prov.houders:
            run.doubt(_POLICE_REPORT)
        if art9:
            run.note(rule, _T("Voor de gezondheidsgegevens geldt de uitzondering op het verbod van art. 9 AVG.",
                              "For the health data the exception to the ban of art. 9 GDPR applies."), art9)
        secrecy = prov.id if holder.beroepsgeheim else None
        return run.done(decision, rule, art6=art6, art9=art9, art10=art10, secrecy=secrecy, sector=(prov.id, *prov.ook))

    # R02 — a statutory duty of this holder towards this recipient
    duties = [p for p in sharing if p.soort is Kind.PLICHT and run.met(p)]
    for prov in duties:
        if breaks_secrecy(prov):
            return share_via(prov, "R02", Decision.MOET, _T(
                f"Wettelijke plicht: {prov.citation} verplicht {_lc(holder.naam.nl)} om dit aan "
                f"{_lc(recipient.naam.nl)} te geven — alleen wat daarvoor nodig is.",
                f"Statutory duty: {prov.citation} obliges the {_lc(holder.naam.get('en'))} to provide this to the "
                f"{_lc(recipient.naam.get('en'))} — only what is needed."))
    for prov in duties:
        run.note("R05", _T(f"{prov.citation} vraagt om verstrekking, maar heft het beroepsgeheim van "
                           f"{_lc(holder.naam.nl)} niet op.",
                           f"{prov.citation} asks for disclosure but does not lift professional secrecy."),
                 prov.id, *prov.geheim_blijft)

    # R01 — acute danger, the right emergency recipient
    if req.acuut_gevaar and recipient.noodhulp and holder.politie:
        police_acute, police_task = run.one(Step.POLITIE_ACUUT), run.one(Step.POLITIETAAK)
        run.note("R01", _T("Er dreigt acuut ernstig gevaar. De politie mag de hulpdienst inschakelen en delen wat nodig is "
                           f"om het gevaar af te wenden — politiegegevens gaan dan via {book.cite(police_acute)} (hulp "
                           "aan hen die deze behoeven, in een bijzonder geval).",
                           "Acute serious danger. The police may call in the emergency service and share what is "
                           f"needed to avert it — police data then go via {book.cite(police_acute)} (help to those who "
                           "need it, in a special case)."), police_acute, police_task, decisive=True)
        run.doubt(f"{book.cite(police_acute)} vraagt een bijzonder geval, een zwaarwegend algemeen belang en "
                             "overeenstemming met het bevoegd gezag; bij acuut gevaar neemt de engine aan dat daaraan is "
                             "voldaan [analyse].")
        return run.done(Decision.MAG, "R01", sector=(police_acute, police_task))
    if req.acuut_gevaar and recipient.noodhulp:
        verdict = _acute(run)
        if verdict is not None:
            return verdict

    # R04 — a statutory right to report
    rights = [p for p in sharing if p.soort is Kind.MELDRECHT and run.met(p)]
    for prov in rights:
        if breaks_secrecy(prov):
            return share_via(prov, "R04", Decision.MAG, _T(
                f"Wettelijk meldrecht: {prov.citation} laat {_lc(holder.naam.nl)} dit aan {_lc(recipient.naam.nl)} "
                "melden" + (", ook zonder toestemming" if req.toestemming is not Consent.JA else "") + ".",
                f"Statutory right to report: {prov.citation} lets the {_lc(holder.naam.get('en'))} report this to "
                f"the {_lc(recipient.naam.get('en'))}" + (", even without consent" if req.toestemming is not Consent.JA
                                                          else "") + "."))
    for prov in rights:
        run.note("R05", _T(f"{prov.citation} geeft een meldrecht, maar doorbreekt het beroepsgeheim niet: deel alleen "
                           "met toestemming.", f"{prov.citation} gives a right to report but does not break "
                           "professional secrecy: share only with consent."), prov.id)

    # R14 — directly involved in the treatment
    involved = run.ids(Step.RECHTSTREEKS_BETROKKEN, holder=holder.id)
    if holder.beroepsgeheim and DIRECTLY_INVOLVED in req.situatie and involved:
        lid2 = involved[0]
        run.note("R14", _T(f"{recipient.naam.nl} is rechtstreeks bij de behandeling betrokken en geldt niet als 'ander': "
                           "delen mag, voor zover noodzakelijk.",
                           f"The {_lc(recipient.naam.get('en'))} is directly involved in the treatment and is not "
                           "an 'other': sharing is allowed as far as necessary."), lid2, decisive=True)
        art9 = None
        if run.has(Category.GEZONDHEID):
            art9 = run.one(Step.ZORG)
            run.note("R14", _T("Gezondheidsgegevens voor de behandeling: art. 9 lid 2 h AVG met UAVG art. 30 lid 3 a.",
                               "Health data for the treatment: art. 9(2)(h) GDPR with UAVG art. 30(3)(a)."),
                     art9, *run.ids(Step.EIGEN_HULPVERLENING))
        return run.done(Decision.MAG, "R14", art6=run.one(Step.BEHANDELINGSOVEREENKOMST), art9=art9, secrecy=lid2,
                        sector=(lid2,))

    # R10 — police data leave the police only through the Wpg
    if holder.politie:
        perms = [p for p in sharing if p.soort is Kind.BEVOEGDHEID and run.met(p)]
        if perms:
            return share_via(perms[0], "BEVOEGDHEID", Decision.MAG, _T(
                f"De politie mag dit verstrekken via {perms[0].citation}.",
                f"The police may provide this under {perms[0].citation}."))
        police_secret = run.one(Step.POLITIEGEHEIM)
        run.note("R10", _T("Politiegegevens zijn geheim (Wpg art. 7). Verstrekken kan alleen via de Wpg-artikelen 15–20 "
                           "of een wettelijke plicht — die is hier niet van toepassing. Toestemming is geen Wpg-grond.",
                           "Police data are confidential (Wpg art. 7). Disclosure only via Wpg art. 15–20 or a "
                           "statutory duty — none applies here. Consent is no ground under the Wpg."),
                 police_secret, decisive=True)
        return run.done(Decision.MAG_NIET, "R10", prohibitions=(police_secret,))

    perms = [p for p in sharing if p.soort is Kind.BEVOEGDHEID and run.met(p)]

    # R07 — consent must be free, specific and explicit; "consent" that is not free is no basis at all
    consent = req.toestemming is Consent.JA
    art9_ban = run.one(Step.ART9_VERBOD)
    if req.toestemming is Consent.NIET_VRIJ:
        not_free = _T("De 'toestemming' is niet vrij gegeven (voorwaarde voor hulp of uitkering, of een blanco "
                      "machtiging) en telt dus niet: er moet een wettelijke grondslag zijn.",
                      "The 'consent' was not freely given (a condition for help or benefit, or a blanket form) "
                      "and does not count: a statutory basis is needed.")
        usable = [p for p in perms if not holder.beroepsgeheim or p.doorbreekt_beroepsgeheim]
        free, public = run.one(Step.TOESTEMMING_VRIJ), run.one(Step.TOESTEMMING_OVERHEID)
        if not usable:
            run.note("R07", _T(not_free.nl + " Die is er hier niet: niet delen.",
                               not_free.get("en") + " There is none here: do not share."),
                     *run.ids(Step.TOESTEMMING_BEGRIP), free, public, decisive=True)
            if regime is not None:
                run.note("R05", _T(f"Ook het beroepsgeheim van {_lc(holder.naam.nl)} wordt zo niet doorbroken: "
                                   "daarvoor is specifieke, vrije toestemming nodig.",
                                   "Nor is professional secrecy broken this way: that needs specific, free consent."),
                         regime.id)
            if run.has(Category.GEZONDHEID):
                run.note("R08", _T("Voor gezondheidsgegevens is uitdrukkelijke, vrije toestemming nodig (art. 9 AVG).",
                                   "Health data need explicit, free consent (art. 9 GDPR)."), art9_ban)
            return run.done(Decision.MAG_NIET, "R07", prohibitions=(free,))
        run.note("R07", not_free, free, public)

    # R05 — professional secrecy
    secrecy = None
    if regime is not None:
        if not consent:
            run.note("R05", _T(f"{holder.naam.nl} heeft beroepsgeheim. Zonder toestemming, wettelijke plicht, "
                               "meldrecht of conflict van plichten deelt hij niets — ook niet óf iemand cliënt is.",
                               f"The {_lc(holder.naam.get('en'))} is bound by professional secrecy. Without consent, "
                               "a statutory duty, a right to report or a conflict of duties nothing is shared — not "
                               "even whether someone is a client."),
                     *run.secrecy_cites(), decisive=True)
            if Category.GEZONDHEID in run.item.categorieen:
                run.note("R08", _T("Bovendien vallen gezondheidsgegevens onder het verbod van art. 9 AVG.",
                                   "Moreover health data fall under the ban of art. 9 GDPR."), art9_ban)
            return run.done(Decision.MAG_NIET, "R05", prohibitions=(regime.id,))
        secrecy = regime.id
        run.note("R05", _T("De betrokkene gaf uitdrukkelijk en specifiek toestemming: daarmee mag het beroepsgeheim wijken.",
                           "The person gave explicit, specific consent: professional secrecy may give way."), regime.id)

    bans = [p for p in flows if p.soort is Kind.VERBOD and run.met(p) and not (p.tenzij_toestemming and consent)]

    # R09 — Wmo data (with health) only to the recipients of Wmo 5.2.1 lid 2
    limited = book[run.one(Step.LIMITATIEVE_ONTVANGERS)]
    if (holder.id in limited.houders and run.has(Category.GEZONDHEID) and recipient.id not in limited.ontvangers
            and recipient.id not in limited.houders and not consent and not perms):
        run.note("R09", _T(f"Het college (en het wijkteam in zijn opdracht) mag Wmo-gegevens alleen aan de ontvangers "
                           f"van {limited.citation} geven; {_lc(recipient.naam.nl)} hoort daar niet bij. "
                           "Zonder uitdrukkelijke toestemming: niet delen.",
                           f"The municipality (and its neighbourhood team) may give Wmo data only to the recipients "
                           f"listed in {limited.citation}; the {_lc(recipient.naam.get('en'))} is not one of "
                           "them. Without explicit consent: do not share."),
                 limited.id, art9_ban, *run.ids(Step.EIGEN_HULPVERLENING), decisive=True)
        return run.done(Decision.MAG_NIET, "R09", prohibitions=(limited.id, art9_ban))

    # R08 — health data need an art. 9 exception
    art9 = None
    if run.has(Category.GEZONDHEID):
        art9 = run.one(Step.TOESTEMMING_ART9) if consent else next((p.art9 for p in perms if p.art9), None)
        if not art9:
            run.note("R08", _T("Gezondheidsgegevens zijn bijzondere persoonsgegevens: verboden te delen, tenzij een "
                               "uitzondering geldt (uitdrukkelijke toestemming, een wettelijke regeling). Die is er hier "
                               "niet. UAVG art. 30 lid 3 a geldt alleen voor de eigen hulpverlening.",
                               "Health data are special-category data: sharing is prohibited unless an exception "
                               "applies (explicit consent, a statutory rule). None applies here. UAVG art. 30(3)(a) "
                               "covers only one's own care."), art9_ban, *run.ids(Step.EIGEN_HULPVERLENING),
                     decisive=True)
            return run.done(Decision.MAG_NIET, "R08", prohibitions=(art9_ban,))

    art10 = None
    if run.has(Category.STRAFRECHTELIJK):
        art10 = run.one(Step.TOESTEMMING_ART10) if consent else next((p.art10 for p in perms if p.art10), None)
        if not art10:
            art10_ban = run.one(Step.ART10_VERBOD)
            run.note("ART10", _T("Strafrechtelijke gegevens (ook een vermoeden van een strafbaar feit) mogen alleen "
                                 "worden gedeeld als de UAVG (art. 32–33) dat toestaat; dat is hier niet zo.",
                                 "Criminal offence data (including a suspected offence) may be shared only where the "
                                 "UAVG (art. 32–33) allows; it does not here."), art10_ban, *run.ids(Step.ART10_UAVG),
                     decisive=True)
            return run.done(Decision.MAG_NIET, "ART10", prohibitions=(art10_ban,))

    if bans and not perms:
        ban = bans[0]
        run.note("DOELBINDING", _T(f"{ban.citation}: {ban.samenvatting.nl}", f"{ban.citation}: {ban.samenvatting.get('en')}"),
                 ban.id, run.one(Step.DOELBINDING), decisive=True)
        return run.done(Decision.MAG_NIET, "DOELBINDING", prohibitions=(ban.id,))

    if perms:
        prov = perms[0]
        run.note("BEVOEGDHEID", _T(f"Wettelijke bevoegdheid: {prov.citation} staat deze verstrekking toe.",
                                   f"Statutory permission: {prov.citation} permits this disclosure."),
                 prov.id, *prov.ook, *prov.zie_ook, decisive=True)
        run.note("BEVOEGDHEID", prov.samenvatting, prov.id)
        if art9:
            run.note("BEVOEGDHEID", _T("Voor de gezondheidsgegevens geldt de uitzondering op art. 9 AVG.",
                                       "For the health data the exception to art. 9 GDPR applies."), art9)
        return run.done(Decision.MAG, "BEVOEGDHEID", art6=run.art6_options(prov), art9=art9,
                        art10=art10 or (prov.art10 if run.has(Category.STRAFRECHTELIJK) else None),
                        secrecy=secrecy, sector=(prov.id, *prov.ook))

    if consent:
        basis = run.one(Step.TOESTEMMING)
        cites = [basis] + ([art9] if art9 else []) + ([art10] if art10 else [])
        run.note("TOESTEMMING", _T("De betrokkene gaf uitdrukkelijke, specifieke en vrije toestemming voor precies deze "
                                   "verstrekking: delen mag, maar alleen wat nodig is. Toestemming is altijd intrekbaar.",
                                   "The person gave explicit, specific, free consent for exactly this disclosure: "
                                   "sharing is allowed, but only what is needed. Consent can always be withdrawn."),
                 *cites, decisive=True)
        if holder.overheid:
            run.note("R07", _T("Let op: bij een overheidsinstantie is toestemming alleen geldig als de betrokkene echt vrij "
                               "kon kiezen (bijv. een eigen hulpvraag, geen nadeel bij weigeren).",
                               "Note: with a public authority consent is valid only if the person could truly choose "
                               "freely (own request for help, no disadvantage on refusal)."),
                     run.one(Step.TOESTEMMING_OVERHEID))
        return run.done(Decision.MAG, "TOESTEMMING", art6=basis, art9=art9, art10=art10, secrecy=secrecy,
                        sector=())

    covenant_rule = run.one(Step.WETTELIJKE_GRONDSLAG)
    if holder.overheid:
        if COVENANT in req.situatie:
            run.note("R12", _T("Een convenant is geen grondslag: art. 6 lid 3 AVG vraagt een wet. Het convenant regelt "
                               "hoe je samenwerkt, niet óf je mag delen.",
                               "A covenant is no legal basis: art. 6(3) GDPR requires a statute. It governs how to "
                               "cooperate, not whether you may share."), covenant_rule, decisive=True)
            return run.done(Decision.MAG_NIET, "R12", prohibitions=(covenant_rule,))
        no_f = run.one(Step.OVERHEID_GEEN_F)
        run.note("R06", _T(f"{holder.naam.nl} is een overheidsinstantie: gerechtvaardigd belang (art. 6 lid 1 f) is geen "
                           "grondslag, en geen wet regelt deze verstrekking (art. 6 lid 1 e en lid 3). Niet delen — "
                           "of vraag de betrokkene zelf.",
                           f"The {_lc(holder.naam.get('en'))} is a public authority: legitimate interest "
                           "(art. 6(1)(f)) is no basis, and no statute governs this disclosure (art. 6(1)(e), 6(3)). "
                           "Do not share — or ask the person."),
                 no_f, covenant_rule, run.one(Step.DOELBINDING), decisive=True)
        return run.done(Decision.MAG_NIET, "R06", prohibitions=(no_f,))

    # The private default: not a rule of the kennisbank table (§8.2) but the engine's own reading of art. 6 lid 1 f.
    legit = run.one(Step.GERECHTVAARDIGD_BELANG)
    if holder.onzeker_overheid:
        run.doubt(f"{holder.naam.nl}: {holder.onzeker_overheid}")
    if req.toestemming is Consent.NEE:
        run.note("GRONDSLAG", _T("De betrokkene weigerde. Een private partij zou op gerechtvaardigd belang kunnen steunen, "
                                 "maar na een uitdrukkelijke weigering wegen zijn belangen zwaarder. Deze afweging staat "
                                 "niet in de regels van de kennisbank (§8.2): het is een eigen analyse van de engine "
                                 "[analyse].",
                                 "The person refused. A private party could rely on legitimate interest, but after an "
                                 "explicit refusal his interests prevail. This weighing is not among the knowledge base's "
                                 "rules (§8.2): it is the engine's own analysis [analysis]."), legit, decisive=True)
        run.doubt("Dat een uitdrukkelijke weigering de afweging van art. 6 lid 1 f AVG beslist, is een eigen analyse van "
                  "de engine; de kennisbank (§8.2) heeft er geen regel voor [analyse].")
        return run.done(Decision.MAG_NIET, "GRONDSLAG", prohibitions=(legit,))
    if COVENANT in req.situatie:
        run.note("R12", _T("Het convenant zelf is geen grondslag (art. 6 lid 3 AVG); de grondslag is hieronder.",
                           "The covenant itself is no basis (art. 6(3) GDPR); the basis follows."), covenant_rule)
    run.note("GRONDSLAG", _T(f"{holder.naam.nl} is een private partij en mag gewone gegevens delen op grond van "
                             "gerechtvaardigd belang, als het nodig is en de belangen van de betrokkene niet zwaarder "
                             "wegen. Deze regel staat niet in de regels van de kennisbank (§8.2): het is een eigen "
                             "analyse van de engine, zonder afweging per geval [analyse].",
                             f"The {_lc(holder.naam.get('en'))} is a private party and may share ordinary data on "
                             "legitimate interest, if necessary and not outweighed by the person's interests. This rule "
                             "is not among the knowledge base's rules (§8.2): it is the engine's own analysis, without "
                             "a case-by-case weighing [analysis]."),
             legit, decisive=True)
    run.doubt("Standaardregel van de engine, niet uit kennisbank §8.2: een private partij mag gewone gegevens op grond "
              "van art. 6 lid 1 f AVG delen als geen wet of andere regel iets zegt; de belangenafweging van lid 1 f wordt "
              "niet per geval gemaakt [analyse].")
    return run.done(Decision.MAG, "GRONDSLAG", art6=legit, sector=())
