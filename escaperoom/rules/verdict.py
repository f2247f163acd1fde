"""A verdict per data item: the decision, the legal bases that carry it, what else forbids or requires it, the trace
of steps that decided it, and the notes for the facilitator.

Produced by ``engine.evaluate_item``; rendered by the screens, the ``verdict`` command and the debrief. Team-facing
text is :meth:`Verdict.explanation` (the deciding reason) and :meth:`Verdict.also_text` (the rest, one tap away);
the technical notes (which provision is uncertain and why, the kennisbank reference) are in
:meth:`Verdict.facilitator_notes` only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from escaperoom.rules.facts import Decision
from escaperoom.text import Text


@dataclass(frozen=True)
class TraceStep:
    """One step of the reasoning: which rule (R01–R20 of kennisbank §8.2, or a named step), what it found, and
    the provisions it rests on. ``decisive`` marks the step that fixed the outcome; ``text_id`` is the text's id in
    ``rules/uitleg.toml``."""

    rule: str
    text: Text
    citations: tuple[str, ...] = ()
    decisive: bool = False
    text_id: str = ""


class Effect(StrEnum):
    """What another rule does to this verdict besides the deciding one."""

    FORBIDS = "verbiedt"  # it would forbid the sharing as well
    OBLIGES = "verplicht"  # it obliges the sharing as well
    REQUIRES = "vereist"  # it asks something of whoever shares (inform, record, mention the BSN)
    NOTE = "let_op"  # a point the law makes here (a covenant is no basis)


@dataclass(frozen=True)
class Also:
    """Another rule that applies to this item: the rule id, its effect, the provisions that carry that effect (what
    forbids, obliges or asks), a plain sentence, and every article the rule names (``cited``)."""

    rule: str
    effect: Effect
    provisions: tuple[str, ...]
    text: Text
    cited: tuple[str, ...] = ()


class NoteKind(StrEnum):
    ONZEKER = "onzeker"  # the kennisbank marks the point [onzeker]
    ANALYSE = "analyse"  # the reasoning's own reading, no rule of the kennisbank
    NIET_LETTERLIJK = "niet_letterlijk"  # the cited text was not checked word for word
    GELDIGHEID = "geldigheid"  # a date of entry into force the kennisbank marks [onzeker]


@dataclass(frozen=True)
class Note:
    """A note for the facilitator. ``text`` already names the provision it concerns; ``carries`` = the point
    carries the outcome (then the verdict is doubtful)."""

    kind: NoteKind
    text: Text
    carries: bool = False


@dataclass(frozen=True)
class Verdict:
    """The engine's answer for one item of one request, judged by the law as it stood on ``peildatum``.

    For a sharing verdict (mag/moet) the bases are ``art6_options`` (every valid art. 6 basis; ``art6`` is the
    first), ``art9``, ``art10``, ``secrecy`` and ``sector``. For ``mag niet`` those are empty and ``prohibitions``
    holds the provisions that forbid it: the deciding rule's first, then those of ``also``.
    """

    item_id: str
    decision: Decision
    rule: str  # the decisive rule id
    peildatum: dt.date
    art6: str | None = None  # the primary art. 6 AVG basis (None: not the AVG regime, or no basis)
    art9: str | None = None  # art. 9 exception, when health data are shared
    art10: str | None = None  # art. 10 / UAVG exception, when criminal data are shared
    secrecy: str | None = None  # the ground that breaks professional secrecy, when the holder has it
    sector: tuple[str, ...] = ()  # the sector-law provisions that carry the sharing (empty for mag niet)
    trace: tuple[TraceStep, ...] = ()
    art6_options: tuple[str, ...] = ()  # every valid art. 6 basis for this holder; art6 is the first
    prohibitions: tuple[str, ...] = ()  # for mag niet: the provisions that forbid it (deciding rule first)
    also: tuple[Also, ...] = ()  # every other rule that forbids, obliges or asks something here
    notes: tuple[Note, ...] = ()  # for the facilitator
    doubtful: bool = False  # the deciding reasoning rests on a point the kennisbank marks [onzeker]
    doubt_text: Text | None = None  # the plain sentence the team sees when the verdict is doubtful

    @property
    def bases(self) -> frozenset[str]:
        """Every provision that is a correct answer to "on which basis?" for this item (empty for mag niet)."""
        if not self.decision.shares:
            return frozenset()
        found = {*(self.art6_options or (self.art6,)), self.art9, self.art10, self.secrecy, *self.sector}
        return frozenset(x for x in found if x)

    @property
    def citations(self) -> tuple[str, ...]:
        """All provisions cited in the trace (the other rules of ``also`` included), in order, without duplicates."""
        seen: dict[str, None] = {}
        for step in self.trace:
            for cit in step.citations:
                seen.setdefault(cit, None)
        return tuple(seen)

    @property
    def uncertain(self) -> tuple[str, ...]:
        """The [onzeker] points and own analyses behind this verdict, in Dutch (for the journal and the debrief)."""
        return tuple(n.text.nl for n in self.notes if n.kind in (NoteKind.ONZEKER, NoteKind.ANALYSE))

    @property
    def unverified(self) -> tuple[str, ...]:
        """Cited provisions whose text the kennisbank did not check word for word, in Dutch."""
        return tuple(n.text.nl for n in self.notes if n.kind is NoteKind.NIET_LETTERLIJK)

    def explanation(self, lang: str = "nl") -> str:
        """What the team sees: the deciding reason in plain words (and what to record), no jargon. When it rests on
        an uncertain point, a plain sentence says so."""
        parts = [step.text.get(lang) for step in self.trace if step.decisive or step.rule in _ALWAYS]
        if self.doubtful and self.doubt_text is not None:
            parts.append(self.doubt_text.get(lang))
        return " ".join(dict.fromkeys(parts))

    def also_text(self, lang: str = "nl") -> tuple[str, ...]:
        """The other rules in plain sentences (one tap away on the team screen): what else forbids, obliges or asks
        something here."""
        return tuple(dict.fromkeys(a.text.get(lang) for a in self.also if a.effect is not Effect.REQUIRES
                                   or a.rule not in _ALWAYS))

    def facilitator_notes(self, lang: str = "nl") -> tuple[str, ...]:
        """The technical notes: which provision, why uncertain, the kennisbank reference. Facilitator-only."""
        return tuple(dict.fromkeys(n.text.get(lang) for n in self.notes))


_ALWAYS = {"R15", "GELDIG"}  # shown with the deciding reason: inform and record; a provision not (yet) in force
