"""'Maar wat als …?': flip one fact of a puzzle, let the rule engine judge every case again, and say which
verdicts change — the what-if question of intervisie. Used by the debrief screen and the report. Pure (no pygame).

The toggles of a puzzle: each situation fact its requests mention, each fact a law provision about these flows
depends on, and each other fact that changes a verdict here (feiten.toml order, the puzzle's own facts first);
then acute danger and the resident's consent ('ja', and 'nee' where consent was given). A toggle sets the fact
for every request of the puzzle to the opposite of what holds for all of them now.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from escaperoom.debrief.model import FIRST, Debrief
from escaperoom.kinds import AnswerError, Case, check_answer
from escaperoom.kinds.judging import Judged
from escaperoom.rules.facts import Consent
from escaperoom.rules.lawbook import ANY, LawBook, load_lawbook
from escaperoom.rules.verdict import Verdict

DANGER = "acuut_gevaar"


@dataclass(frozen=True)
class Toggle:
    """One "what if": set ``fact`` to ``value`` (``acuut_gevaar`` included), or set the consent."""

    id: str  # "feit:huurder_bezwaar=ja", "acuut_gevaar=nee", "toestemming:ja"
    label: str  # "Wat als: de huurder heeft bezwaar gemaakt …?"
    short: str  # the fact's statement, shown in lists
    now: str  # what holds in the puzzle now, in words ("nu: nee", "nu: deels")
    fact: str | None = None
    value: bool | None = None
    consent: Consent | None = None


@dataclass(frozen=True)
class CaseChange:
    """One case judged with and without the toggle."""

    key: str
    item_id: str
    item: str  # the item's label
    recipient: str  # the recipient's role name
    old: str  # Decision value
    new: str
    old_rule: str
    new_rule: str
    explanation: str  # the engine's explanation of the new verdict
    citations: tuple[tuple[str, str, str], ...]  # (provision id, citation, url) of the new verdict

    @property
    def changed(self) -> bool:
        return self.old != self.new


@dataclass(frozen=True)
class TeamEffect:
    """How one team's answer (the attempt the debrief counts) scores with and without the toggle."""

    team: str
    right_before: int
    right_after: int
    items: int


_WORDS = {  # the what-if texts, by language (Dutch is the default; the fact questions come from feiten.toml)
    "nl": {"if": "Wat als", "if_not": "Wat als níet", "now_yes": "nu: ja", "now_no": "nu: nee",
           "now_mixed": "nu: deels", "danger": "Wat als er acuut gevaar dreigt?",
           "no_danger": "Wat als er géén acuut gevaar is?", "danger_fact": "Er dreigt acuut ernstig gevaar",
           "consent": "Wat als {name} uitdrukkelijk toestemming geeft?",
           "consent_fact": "{name} geeft uitdrukkelijk toestemming", "refuse": "Wat als {name} toestemming weigert?",
           "refuse_fact": "{name} weigert toestemming", "now": "nu: {x}"},
    "en": {"if": "What if", "if_not": "What if not", "now_yes": "now: yes", "now_no": "now: no",
           "now_mixed": "now: partly", "danger": "What if there is acute danger?",
           "no_danger": "What if there is no acute danger?", "danger_fact": "There is acute serious danger",
           "consent": "What if {name} gives explicit consent?", "consent_fact": "{name} gives explicit consent",
           "refuse": "What if {name} refuses consent?", "refuse_fact": "{name} refuses consent", "now": "now: {x}"},
}
_CONSENT_WORDS = {"en": {"ja": "yes", "nee": "no", "niet_gevraagd": "not asked", "onmogelijk": "cannot be asked",
                         "niet_vrij": "not freely given", "geen_bezwaar": "no objection"}}


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


class WhatIf:
    """The what-if panel of one puzzle: its toggles and the engine's verdicts under each."""

    def __init__(self, loaded: Judged, puzzle_id: str, book: LawBook | None = None, lang: str = "nl"):
        self.loaded = loaded
        self.book = book or load_lawbook()
        self.lang = lang
        self.puzzle = loaded.scenario.puzzle(puzzle_id)
        self.cases: list[Case] = list(loaded.cases.get(puzzle_id, []))
        self.toggles: list[Toggle] = self._toggles() if self.cases else []

    # --- the toggles --------------------------------------------------------------------------------------

    def w(self, key: str, **values: str) -> str:
        return _WORDS.get(self.lang, _WORDS["nl"])[key].format(**values)

    def _values(self, holds: list[bool]) -> list[tuple[bool, str]]:
        """The values worth trying, with what holds now in words: the opposite, or both when it is mixed."""
        if all(holds):
            return [(False, self.w("now_yes"))]
        if not any(holds):
            return [(True, self.w("now_no"))]
        return [(True, self.w("now_mixed")), (False, self.w("now_mixed"))]

    def _relevant_facts(self) -> list[str]:
        own: list[str] = []
        for c in self.cases:
            for fact in c.spec.situatie:
                if fact in self.book.facts and fact not in own:
                    own.append(fact)
        related: set[str] = set()
        for c in self.cases:
            holder, recipient = c.request.houder, c.request.ontvanger
            for prov in self.book.flows:
                if ((ANY in prov.houders or holder in prov.houders)
                        and (ANY in prov.ontvangers or recipient in prov.ontvangers)
                        and set(prov.categorieen) & set(c.item.categorieen)):
                    related.update(prov.voorwaarden, prov.vervalt_bij)
        for fact in self.book.facts:
            if fact in own or fact in related:
                continue
            value = not all(fact in c.request.situatie for c in self.cases)
            if any(c.rejudge(self.book, fact=fact, value=value).decision is not c.verdict.decision for c in self.cases):
                related.add(fact)
        return own + [f for f in self.book.facts if f in related and f not in own]

    def _toggles(self) -> list[Toggle]:
        out = []
        for fact in self._relevant_facts():
            question = self.book.facts[fact].vraag.get(self.lang)
            for value, now in self._values([fact in c.request.situatie for c in self.cases]):
                prefix = self.w("if") if value else self.w("if_not")
                out.append(Toggle(f"feit:{fact}={'ja' if value else 'nee'}", f"{prefix}: {_lower_first(question)}?",
                                  question, now, fact, value))
        for value, now in self._values([c.request.acuut_gevaar for c in self.cases]):
            out.append(Toggle(f"{DANGER}={'ja' if value else 'nee'}", self.w("danger" if value else "no_danger"),
                              self.w("danger_fact"), now, DANGER, value))
        name = self.loaded.scenario.scenario.bewoner.naam
        consents = [c.request.toestemming for c in self.cases]
        words = _CONSENT_WORDS.get(self.lang, {})
        if any(c is not Consent.JA for c in consents):
            now = self.w("now", x=", ".join(sorted({words.get(c.value, c.value.replace("_", " ")) for c in consents})))
            out.append(Toggle("toestemming:ja", self.w("consent", name=name), self.w("consent_fact", name=name), now,
                              consent=Consent.JA))
        if any(c is Consent.JA for c in consents):
            out.append(Toggle("toestemming:nee", self.w("refuse", name=name), self.w("refuse_fact", name=name),
                              self.w("now_yes"), consent=Consent.NEE))
        return out

    def toggle(self, toggle_id: str) -> Toggle:
        for t in self.toggles:
            if t.id == toggle_id:
                return t
        raise KeyError(toggle_id)

    # --- recomputing --------------------------------------------------------------------------------------

    def _new_verdict(self, case: Case, toggle: Toggle) -> Verdict:
        if toggle.consent is not None:
            return case.rejudge(self.book, consent=toggle.consent)
        return case.rejudge(self.book, fact=toggle.fact, value=toggle.value)

    def recompute(self, toggle: Toggle | str) -> list[CaseChange]:
        """Every case of the puzzle, judged as it is and with the toggle; changed ones first."""
        if isinstance(toggle, str):
            toggle = self.toggle(toggle)
        out = []
        for c in self.cases:
            new = self._new_verdict(c, toggle)
            role = self.book.roles.get(c.request.ontvanger)
            cites = tuple((cid, self.book.cite(cid, self.lang, new.peildatum), self.book[cid].url)
                          for cid in new.citations if cid in self.book.provisions)
            out.append(CaseChange(c.key, c.item_id, c.item.label.get(self.lang),
                                  role.naam.get(self.lang) if role else c.request.ontvanger,
                                  c.verdict.decision.value, new.decision.value, c.verdict.rule, new.rule,
                                  new.explanation(self.lang), cites))
        out.sort(key=lambda ch: not ch.changed)  # stable: scenario order within each group
        return out

    def changes(self, toggle: Toggle | str) -> int:
        return sum(1 for ch in self.recompute(toggle) if ch.changed)

    def team_effects(self, toggle: Toggle | str, debrief: Debrief) -> list[TeamEffect]:
        """Score each team's counted attempt again with the toggled verdicts: who would have been right?"""
        if isinstance(toggle, str):
            toggle = self.toggle(toggle)
        new_cases = [replace(c, verdict=self._new_verdict(c, toggle)) for c in self.cases]
        first = debrief.basis == FIRST
        out = []
        for team in debrief.sessions:
            track = team.tracks.get(self.puzzle.id)
            attempt = (track.first if first else track.last) if track else None
            if attempt is None:
                continue
            try:
                before = check_answer(self.loaded.scenario, self.puzzle, self.cases, attempt.answer)
                after = check_answer(self.loaded.scenario, self.puzzle, new_cases, attempt.answer)
            except AnswerError:
                continue  # the answer was given to another version of the puzzle
            out.append(TeamEffect(team.label, sum(i.correct for i in before.items),
                                  sum(i.correct for i in after.items), len(after.items)))
        return out


def whatif_for(debrief: Debrief, puzzle_id: str) -> WhatIf | None:
    """The what-if panel for a puzzle of the debrief, or None (casus not on this computer, or no legal cases)."""
    if debrief.loaded is None:
        return None
    try:
        panel = WhatIf(debrief.loaded, puzzle_id, debrief.book, debrief.lang)
    except KeyError:
        return None
    return panel if panel.cases else None
