"""The rule engine: ``evaluate_item(book, request, item) -> Verdict``, derived from the facts, never from a puzzle.

The steps follow kennisbank §8 (R01–R15). Order, and where it deviates from the table's order:

    R13  the item is not needed for the purpose → mag niet (the legal reasons that also apply are added)
    R11  BSN to a recipient that is no government body, without a statute for it → mag niet
    R03  a statutory duty for this flow is blocked (objection) or its exhaustive conditions are unmet → mag niet
    R02  a statutory duty of this holder to this recipient, conditions met → moet
         (evaluated before R01: where the law obliges, "moet" is the stronger and correct answer)
    R01  acute danger, recipient is police or crisis service → mag (conflict of duties, art. 6 lid 1 d);
         for the police itself via Wpg art. 19 (its data leave the police only through the Wpg)
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
         a private holder may rely on art. 6 lid 1 f for ordinary data, unless the person refused [analyse]
    R15  after every mag/moet: inform the person concerned and record the decision

Each step is recorded as a :class:`TraceStep` with its citations; uncertain provisions add their [onzeker] note.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from escaperoom.errors import RuleError
from escaperoom.rules.facts import Category, Consent, DataItem, Decision, Request
from escaperoom.rules.lawbook import ANY, Kind, LawBook, Provision, Role
from escaperoom.rules.verdict import TraceStep, Verdict
from escaperoom.text import Text

_T = Text.of


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

    def note(self, rule: str, text: Text, *cites: str, decisive: bool = False) -> None:
        self.steps.append(TraceStep(rule, text, tuple(cites), decisive))
        for cite in cites:
            prov = self.book.provisions[cite]
            for text in (prov.onzeker, prov.tekst_onzeker):
                line = f"{prov.citation}: {text}"
                if text and line not in self.uncertain:
                    self.uncertain.append(line)

    def met(self, prov: Provision) -> bool:
        facts = self.req.situatie
        return all(f in facts for f in prov.voorwaarden) and not any(f in facts for f in prov.vervalt_bij)

    def has(self, cat: Category) -> bool:
        return cat in self.item.categorieen

    def done(self, decision: Decision, rule: str, *, art6: str | None = None, art9: str | None = None,
             art10: str | None = None, secrecy: str | None = None, sector: tuple[str, ...] = ()) -> Verdict:
        if decision.shares:
            if art6:
                cite = self.book.cite(art6)
                self.note(rule, _T(f"AVG-grondslag: {cite}.", f"GDPR basis: {cite}."), art6)
            self._inform()
        return Verdict(self.item.id, decision, rule, art6, art9, art10, secrecy, sector,
                       tuple(self.steps), tuple(self.uncertain))

    def _inform(self) -> None:
        if self.holder.politie:
            self.note("R15", _T("Leg vast wat je verstrekte, aan wie en op welke grond (Wpg).",
                                "Record what you provided, to whom and on which ground (Wpg)."), "wpg.7")
            return
        if self.req.acuut_gevaar:
            text = _T("Leg vast wat je deelde en waarom, en informeer de betrokkene achteraf zodra dat veilig kan "
                      "(uitstel mag ter bescherming van anderen).",
                      "Record what you shared and why, and inform the person afterwards when it is safe.")
            self.note("R15", text, "avg.5.2", "avg.13-14", "uavg.41")
        else:
            text = _T("Informeer de betrokkene over deze verstrekking, bij voorkeur vooraf, en leg vast wat je deelde "
                      "en waarom.",
                      "Inform the person about this disclosure, preferably beforehand, and record what you shared and why.")
            self.note("R15", text, "avg.13-14", "avg.5.2")

    def pick_art6(self, prov: Provision) -> str | None:
        """The art. 6 basis a provision gives this holder: never (f) for a public authority (R06)."""
        options = list(prov.art6)
        if self.holder.overheid and "avg.6.1.f" in options:
            options.remove("avg.6.1.f")
            self.note("R06", _T("Gerechtvaardigd belang (art. 6 lid 1 f) is geen grondslag voor een overheidsinstantie; "
                                "de grondslag is hier de wettelijke taak.",
                                "Legitimate interest (art. 6(1)(f)) is no basis for a public authority; the basis "
                                "here is the statutory task."), "avg.6.1.slot")
        elif not self.holder.overheid and "avg.6.1.f" in options:
            options = ["avg.6.1.f"]
        return options[0] if options else None


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
    legal = _judge(run)
    if item.nodig:
        return legal
    return _not_needed(book, request, item, legal)


def _not_needed(book: LawBook, req: Request, item: DataItem, legal: Verdict) -> Verdict:
    run = _Run(book, req, item, book.roles[req.houder], book.roles[req.ontvanger])
    run.note("R13", _T(f"'{item.label.nl}' is niet nodig voor het doel ({req.doel.nl}). Deel alleen wat voor dit doel "
                       "noodzakelijk is; de rest blijft bij de houder.",
                       f"'{item.label.get('en')}' is not needed for the purpose. Share only what this purpose needs."),
             "avg.5.1.c", "avg.5.1.b", decisive=True)
    if legal.decision is Decision.MAG_NIET:
        for step in legal.trace:
            if step.decisive:
                run.note(step.rule, _T("Bovendien: " + step.text.nl, "Moreover: " + step.text.get("en")),
                         *step.citations, decisive=True)
    return run.done(Decision.MAG_NIET, "R13", sector=("avg.5.1.c",))


def _flows(run: _Run) -> list[Provision]:
    flows = [p for p in run.book.flows if p.covers(run.holder.id, run.recipient.id, run.item.categorieen)]
    if run.holder.politie:  # police data leave the police only through the Wpg or a statute naming the police
        flows = [p for p in flows if "politie" in p.houders or (p.soort is Kind.MELDRECHT and ANY in p.houders)]
    return flows


_POLICE_REPORT = ("Of de politie bij een melding op grond van een algemeen meldrecht (zoals Wvggz 5:2) ook een "
                  "Wpg-grondslag nodig heeft, en welke (Wpg 19, 20 of het Besluit politiegegevens), is niet vastgesteld "
                  "(kennisbank §3.4 en §11 punt 7).")


def _judge(run: _Run) -> Verdict:
    req, holder, recipient = run.req, run.holder, run.recipient
    flows = _flows(run)
    sharing = [p for p in flows if p.soort in (Kind.PLICHT, Kind.MELDRECHT, Kind.BEVOEGDHEID)]

    # R11 — BSN only to government bodies or where a statute prescribes it
    bsn_statute = any(run.met(p) and Category.BSN in p.categorieen for p in sharing)
    if run.has(Category.BSN) and not (recipient.overheid and holder.overheid) and not bsn_statute:
        who = recipient if not recipient.overheid else holder
        run.note("R11", _T(f"Het BSN mag hier niet gebruikt worden: {_lc(who.naam.nl)} is geen overheidsorgaan en geen "
                           "wet schrijft het gebruik hier voor.",
                           f"The BSN may not be used here: the {_lc(who.naam.get('en'))} is not a government body and "
                           "no statute prescribes its use."), "uavg.46", "wabb.1.d", decisive=True)
        return run.done(Decision.MAG_NIET, "R11", sector=("uavg.46",))

    # R03 — a duty that is blocked by an objection, or whose exhaustive conditions are not (yet) met
    for prov in (p for p in sharing if p.soort is Kind.PLICHT):
        blocked = [f for f in prov.vervalt_bij if f in req.situatie]
        unmet = [f for f in prov.voorwaarden if f not in req.situatie]
        if blocked:
            why = run.book.facts[blocked[0]].vraag
            run.note("R03", _T(f"{prov.citation} verplicht tot verstrekken, maar die plicht vervalt: {why.nl.lower()}. "
                               "Dan niet delen.",
                               f"{prov.citation} requires disclosure, but the duty lapses: {why.get('en').lower()}. "
                               "Then do not share."), prov.id, decisive=True)
            return run.done(Decision.MAG_NIET, "R03", sector=(prov.id,))
        if unmet and prov.exclusief:
            why = "; ".join(run.book.facts[f].vraag.nl.lower() for f in unmet)
            why_en = "; ".join(run.book.facts[f].vraag.get("en").lower() for f in unmet)
            run.note("R03", _T(f"{prov.citation} regelt deze verstrekking, maar de voorwaarden zijn (nog) niet vervuld: "
                               f"{why}. Nog niet delen.",
                               f"{prov.citation} governs this disclosure, but its conditions are not (yet) met: "
                               f"{why_en}. Do not share yet."), prov.id, decisive=True)
            return run.done(Decision.MAG_NIET, "R03", sector=(prov.id,))

    def breaks_secrecy(prov: Provision) -> bool:
        return not holder.beroepsgeheim or prov.doorbreekt_beroepsgeheim

    def share_via(prov: Provision, rule: str, decision: Decision, text: Text) -> Verdict:
        run.note(rule, text, prov.id, *prov.ook, decisive=True)
        run.note(rule, prov.samenvatting, prov.id)  # the provision in full, for the trace and the report
        art6 = None if holder.politie else run.pick_art6(prov)
        art9 = prov.art9 if run.has(Category.GEZONDHEID) else None
        art10 = prov.art10 if run.has(Category.STRAFRECHTELIJK) and not holder.politie else None
        if run.has(Category.STRAFRECHTELIJK) and not holder.politie and not art10:
            run.uncertain.append(f"{prov.citation}: welke grondslag (art. 10 AVG, UAVG 32–33) de verstrekker heeft voor "
                                 "strafrechtelijke gegevens, staat niet in de kennisbank.")
        if art10:
            run.note(rule, _T("Voor de strafrechtelijke gegevens geeft de wet zelf de grondslag (art. 10 AVG).",
                              "For the criminal-offence data the statute itself is the basis (art. 10 GDPR)."), art10)
        if holder.politie and ANY in prov.houders:
            run.uncertain.append(_POLICE_REPORT)
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
                 prov.id, *(["wgs_sv.2.29.2"] if prov.id.startswith("wgs_sv.") else []))

    # R01 — acute danger, the right emergency recipient
    if req.acuut_gevaar and recipient.noodhulp and holder.politie:
        run.note("R01", _T("Er dreigt acuut ernstig gevaar. De politie mag de hulpdienst inschakelen en delen wat nodig is "
                           "om het gevaar af te wenden — politiegegevens gaan dan via Wpg art. 19 (hulp aan hen die "
                           "deze behoeven, in een bijzonder geval).",
                           "Acute serious danger. The police may call in the emergency service and share what is "
                           "needed to avert it — police data then go via Wpg art. 19 (help to those who need it, in a "
                           "special case)."), "wpg.19", "politiewet.3", decisive=True)
        run.uncertain.append("Wpg art. 19 vraagt een bijzonder geval, een zwaarwegend algemeen belang en overeenstemming "
                             "met het bevoegd gezag; bij acuut gevaar neemt de engine aan dat daaraan is voldaan [analyse].")
        return run.done(Decision.MAG, "R01", sector=("wpg.19", "politiewet.3"))
    if req.acuut_gevaar and recipient.noodhulp:
        cites = ["avg.6.1.d"] if not holder.politie else []
        if holder.beroepsgeheim:
            cites.insert(0, "knmg.cvp")
        if recipient.politie:
            cites.append("politiewet.3")
        run.note("R01", _T("Er dreigt acuut ernstig gevaar. Deel met de hulpdienst wat nodig is om het gevaar af te wenden "
                           "(wie, waar, welke dreiging) — niet meer."
                           + (" Het beroepsgeheim mag wijken: conflict van plichten." if holder.beroepsgeheim else ""),
                           "Acute serious danger. Share with the emergency service what is needed to avert it "
                           "(who, where, which threat) — nothing more."
                           + (" Secrecy may give way: conflict of duties." if holder.beroepsgeheim else "")),
                 *cites, decisive=True)
        art9 = None
        if run.has(Category.GEZONDHEID):
            if "betrokkene_wilsonbekwaam" in req.situatie:
                art9 = "avg.9.2.c"
                run.note("R01", _T("De betrokkene kan geen toestemming geven: art. 9 lid 2 c AVG.",
                                   "The person cannot consent: art. 9(2)(c) GDPR."), art9, "uavg.22.2.b")
            else:
                run.uncertain.append("AVG art. 9 lid 2 c vraagt dat de betrokkene geen toestemming kan geven; is hij "
                                     "wilsbekwaam, deel dan alleen de dreigingsfeiten, geen diagnose of behandelgegevens "
                                     "(kennisbank §2.3, onzeker).")
        return run.done(Decision.MAG, "R01", art6="avg.6.1.d" if not holder.politie else None, art9=art9,
                        secrecy="knmg.cvp" if holder.beroepsgeheim else None,
                        sector=("politiewet.3",) if recipient.politie else ())

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
    if holder.beroepsgeheim and "rechtstreeks_betrokken" in req.situatie:
        lid2 = "jeugdwet.7.3.11.2" if holder.id == "jeugdhulpverlener" else "wgbo.7.457.2"
        run.note("R14", _T(f"{recipient.naam.nl} is rechtstreeks bij de behandeling betrokken en geldt niet als 'ander': "
                           "delen mag, voor zover noodzakelijk.",
                           f"The {_lc(recipient.naam.get('en'))} is directly involved in the treatment and is not "
                           "an 'other': sharing is allowed as far as necessary."), lid2, decisive=True)
        art9 = None
        if run.has(Category.GEZONDHEID):
            art9 = "avg.9.2.h"
            run.note("R14", _T("Gezondheidsgegevens voor de behandeling: art. 9 lid 2 h AVG met UAVG art. 30 lid 3 a.",
                               "Health data for the treatment: art. 9(2)(h) GDPR with UAVG art. 30(3)(a)."),
                     art9, "uavg.30.3.a")
        return run.done(Decision.MAG, "R14", art6="avg.6.1.b", art9=art9, secrecy=lid2, sector=(lid2,))

    # R10 — police data leave the police only through the Wpg
    if holder.politie:
        perms = [p for p in sharing if p.soort is Kind.BEVOEGDHEID and run.met(p)]
        if perms:
            return share_via(perms[0], "BEVOEGDHEID", Decision.MAG, _T(
                f"De politie mag dit verstrekken via {perms[0].citation}.",
                f"The police may provide this under {perms[0].citation}."))
        run.note("R10", _T("Politiegegevens zijn geheim (Wpg art. 7). Verstrekken kan alleen via de Wpg-artikelen 15–20 "
                           "of een wettelijke plicht — die is hier niet van toepassing. Toestemming is geen Wpg-grond.",
                           "Police data are confidential (Wpg art. 7). Disclosure only via Wpg art. 15–20 or a "
                           "statutory duty — none applies here. Consent is no ground under the Wpg."),
                 "wpg.7", decisive=True)
        return run.done(Decision.MAG_NIET, "R10", sector=("wpg.7",))

    perms = [p for p in sharing if p.soort is Kind.BEVOEGDHEID and run.met(p)]

    # R07 — consent must be free, specific and explicit; "consent" that is not free is no basis at all
    consent = req.toestemming is Consent.JA
    if req.toestemming is Consent.NIET_VRIJ:
        not_free = _T("De 'toestemming' is niet vrij gegeven (voorwaarde voor hulp of uitkering, of een blanco "
                      "machtiging) en telt dus niet: er moet een wettelijke grondslag zijn.",
                      "The 'consent' was not freely given (a condition for help or benefit, or a blanket form) "
                      "and does not count: a statutory basis is needed.")
        usable = [p for p in perms if not holder.beroepsgeheim or p.doorbreekt_beroepsgeheim]
        if not usable:
            run.note("R07", _T(not_free.nl + " Die is er hier niet: niet delen.",
                               not_free.get("en") + " There is none here: do not share."),
                     "avg.4.11", "avg.7.4", "avg.overw.43", decisive=True)
            if holder.beroepsgeheim:
                run.note("R05", _T(f"Ook het beroepsgeheim van {_lc(holder.naam.nl)} wordt zo niet doorbroken: "
                                   "daarvoor is specifieke, vrije toestemming nodig.",
                                   "Nor is professional secrecy broken this way: that needs specific, free consent."),
                         "wgbo.7.457.1" if holder.id != "jeugdhulpverlener" else "jeugdwet.7.3.11.1")
            if run.has(Category.GEZONDHEID):
                run.note("R08", _T("Voor gezondheidsgegevens is uitdrukkelijke, vrije toestemming nodig (art. 9 AVG).",
                                   "Health data need explicit, free consent (art. 9 GDPR)."), "avg.9.1")
            return run.done(Decision.MAG_NIET, "R07", sector=("avg.7.4",))
        run.note("R07", not_free, "avg.7.4", "avg.overw.43")

    # R05 — professional secrecy
    secrecy = None
    if holder.beroepsgeheim:
        rule = "jeugdwet.7.3.11.1" if holder.id == "jeugdhulpverlener" else "wgbo.7.457.1"
        if not consent:
            run.note("R05", _T(f"{holder.naam.nl} heeft beroepsgeheim. Zonder toestemming, wettelijke plicht, "
                               "meldrecht of conflict van plichten deelt hij niets — ook niet óf iemand cliënt is.",
                               f"The {_lc(holder.naam.get('en'))} is bound by professional secrecy. Without consent, "
                               "a statutory duty, a right to report or a conflict of duties nothing is shared — not "
                               "even whether someone is a client."),
                     rule, *(["big.88", "sr.272"] if rule == "wgbo.7.457.1" else []),
                     *(["sv.218"] if recipient.politie or recipient.id == "ovj" else []), decisive=True)
            if Category.GEZONDHEID in run.item.categorieen:
                run.note("R08", _T("Bovendien vallen gezondheidsgegevens onder het verbod van art. 9 AVG.",
                                   "Moreover health data fall under the ban of art. 9 GDPR."), "avg.9.1")
            return run.done(Decision.MAG_NIET, "R05", sector=(rule,))
        secrecy = rule
        run.note("R05", _T("De betrokkene gaf uitdrukkelijk en specifiek toestemming: daarmee mag het beroepsgeheim wijken.",
                           "The person gave explicit, specific consent: professional secrecy may give way."), rule)

    bans = [p for p in flows if p.soort is Kind.VERBOD and run.met(p) and not (p.tenzij_toestemming and consent)]

    # R09 — Wmo data (with health) only to the recipients of Wmo 5.2.1 lid 2
    if (holder.wmo_college and run.has(Category.GEZONDHEID) and not recipient.wmo_ontvanger
            and not recipient.wmo_college and not consent and not perms):
        run.note("R09", _T(f"Het college (en het wijkteam in zijn opdracht) mag Wmo-gegevens alleen aan de ontvangers "
                           f"van Wmo 2015 art. 5.2.1 lid 2 geven; {_lc(recipient.naam.nl)} hoort daar niet bij. "
                           "Zonder uitdrukkelijke toestemming: niet delen.",
                           f"The municipality (and its neighbourhood team) may give Wmo data only to the recipients "
                           f"listed in Wmo 2015 art. 5.2.1(2); the {_lc(recipient.naam.get('en'))} is not one of "
                           "them. Without explicit consent: do not share."),
                 "wmo.5.2.1.2", "avg.9.1", "uavg.30.3.a", decisive=True)
        return run.done(Decision.MAG_NIET, "R09", sector=("wmo.5.2.1.2", "avg.9.1"))

    # R08 — health data need an art. 9 exception
    art9 = None
    if run.has(Category.GEZONDHEID):
        art9 = "avg.9.2.a" if consent else next((p.art9 for p in perms if p.art9), None)
        if not art9:
            run.note("R08", _T("Gezondheidsgegevens zijn bijzondere persoonsgegevens: verboden te delen, tenzij een "
                               "uitzondering geldt (uitdrukkelijke toestemming, een wettelijke regeling). Die is er hier "
                               "niet. UAVG art. 30 lid 3 a geldt alleen voor de eigen hulpverlening.",
                               "Health data are special-category data: sharing is prohibited unless an exception "
                               "applies (explicit consent, a statutory rule). None applies here. UAVG art. 30(3)(a) "
                               "covers only one's own care."), "avg.9.1", "uavg.30.3.a", decisive=True)
            return run.done(Decision.MAG_NIET, "R08", sector=("avg.9.1",))

    art10 = None
    if run.has(Category.STRAFRECHTELIJK):
        art10 = "uavg.32.a" if consent else next((p.art10 for p in perms if p.art10), None)
        if not art10:
            run.note("ART10", _T("Strafrechtelijke gegevens (ook een vermoeden van een strafbaar feit) mogen alleen "
                                 "worden gedeeld als de UAVG (art. 32–33) dat toestaat; dat is hier niet zo.",
                                 "Criminal offence data (including a suspected offence) may be shared only where the "
                                 "UAVG (art. 32–33) allows; it does not here."), "avg.10", "uavg.31", decisive=True)
            return run.done(Decision.MAG_NIET, "ART10", sector=("avg.10",))

    if bans and not perms:
        ban = bans[0]
        run.note("DOELBINDING", _T(f"{ban.citation}: {ban.samenvatting.nl}", f"{ban.citation}: {ban.samenvatting.get('en')}"),
                 ban.id, "avg.5.1.b", decisive=True)
        return run.done(Decision.MAG_NIET, "DOELBINDING", sector=(ban.id,))

    if perms:
        prov = perms[0]
        run.note("BEVOEGDHEID", _T(f"Wettelijke bevoegdheid: {prov.citation} staat deze verstrekking toe.",
                                   f"Statutory permission: {prov.citation} permits this disclosure."),
                 prov.id, *prov.ook, decisive=True)
        run.note("BEVOEGDHEID", prov.samenvatting, prov.id)
        if art9:
            run.note("BEVOEGDHEID", _T("Voor de gezondheidsgegevens geldt de uitzondering op art. 9 AVG.",
                                       "For the health data the exception to art. 9 GDPR applies."), art9)
        return run.done(Decision.MAG, "BEVOEGDHEID", art6=run.pick_art6(prov), art9=art9,
                        art10=art10 or (prov.art10 if run.has(Category.STRAFRECHTELIJK) else None),
                        secrecy=secrecy, sector=(prov.id, *prov.ook))

    if consent:
        cites = ["avg.6.1.a"] + (["avg.9.2.a"] if art9 else []) + (["uavg.32.a"] if art10 else [])
        run.note("TOESTEMMING", _T("De betrokkene gaf uitdrukkelijke, specifieke en vrije toestemming voor precies deze "
                                   "verstrekking: delen mag, maar alleen wat nodig is. Toestemming is altijd intrekbaar.",
                                   "The person gave explicit, specific, free consent for exactly this disclosure: "
                                   "sharing is allowed, but only what is needed. Consent can always be withdrawn."),
                 *cites, decisive=True)
        if holder.overheid:
            run.note("R07", _T("Let op: bij een overheidsinstantie is toestemming alleen geldig als de betrokkene echt vrij "
                               "kon kiezen (bijv. een eigen hulpvraag, geen nadeel bij weigeren).",
                               "Note: with a public authority consent is valid only if the person could truly choose "
                               "freely (own request for help, no disadvantage on refusal)."), "avg.overw.43")
        return run.done(Decision.MAG, "TOESTEMMING", art6="avg.6.1.a", art9=art9, art10=art10, secrecy=secrecy,
                        sector=())

    if holder.overheid:
        if "convenant" in req.situatie:
            run.note("R12", _T("Een convenant is geen grondslag: art. 6 lid 3 AVG vraagt een wet. Het convenant regelt "
                               "hoe je samenwerkt, niet óf je mag delen.",
                               "A covenant is no legal basis: art. 6(3) GDPR requires a statute. It governs how to "
                               "cooperate, not whether you may share."), "avg.6.3", decisive=True)
            return run.done(Decision.MAG_NIET, "R12", sector=("avg.6.3",))
        run.note("R06", _T(f"{holder.naam.nl} is een overheidsinstantie: gerechtvaardigd belang (art. 6 lid 1 f) is geen "
                           "grondslag, en geen wet regelt deze verstrekking (art. 6 lid 1 e en lid 3). Niet delen — "
                           "of vraag de betrokkene zelf.",
                           f"The {_lc(holder.naam.get('en'))} is a public authority: legitimate interest "
                           "(art. 6(1)(f)) is no basis, and no statute governs this disclosure (art. 6(1)(e), 6(3)). "
                           "Do not share — or ask the person."),
                 "avg.6.1.slot", "avg.6.3", "avg.5.1.b", decisive=True)
        return run.done(Decision.MAG_NIET, "R06", sector=("avg.6.1.slot",))

    if req.toestemming is Consent.NEE:
        run.note("GRONDSLAG", _T("De betrokkene weigerde. Een private partij zou op gerechtvaardigd belang kunnen steunen, "
                                 "maar na een uitdrukkelijke weigering wegen zijn belangen zwaarder [analyse].",
                                 "The person refused. A private party could rely on legitimate interest, but after an "
                                 "explicit refusal his interests prevail [analysis]."), "avg.6.1.f", decisive=True)
        return run.done(Decision.MAG_NIET, "GRONDSLAG", sector=("avg.6.1.f",))
    if "convenant" in req.situatie:
        run.note("R12", _T("Het convenant zelf is geen grondslag (art. 6 lid 3 AVG); de grondslag is hieronder.",
                           "The covenant itself is no basis (art. 6(3) GDPR); the basis follows."), "avg.6.3")
    run.note("GRONDSLAG", _T(f"{holder.naam.nl} is een private partij en mag gewone gegevens delen op grond van "
                             "gerechtvaardigd belang, als het nodig is en de belangen van de betrokkene niet zwaarder "
                             "wegen [analyse].",
                             f"The {_lc(holder.naam.get('en'))} is a private party and may share ordinary data on "
                             "legitimate interest, if necessary and not outweighed by the person's interests [analysis]."),
             "avg.6.1.f", decisive=True)
    return run.done(Decision.MAG, "GRONDSLAG", art6="avg.6.1.f", sector=())
