"""A verdict per data item: the decision, the legal bases that carry it, and the trace of steps that decided it.

Produced by ``engine.evaluate_item``; rendered by the screens, the ``verdict`` command and the debrief.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from escaperoom.rules.facts import Decision
from escaperoom.text import Text


@dataclass(frozen=True)
class TraceStep:
    """One step of the reasoning: which rule (R01–R15 of kennisbank §8.2, or a named step), what it found,
    and the provisions it rests on. ``decisive`` marks the step that fixed the outcome."""

    rule: str
    text: Text
    citations: tuple[str, ...] = ()
    decisive: bool = False


DOUBT = Text.of("Let op [onzeker]: een punt hierin staat juridisch niet vast; bespreek het in de nabespreking.",
                "Note [uncertain]: a point in this is not settled law; discuss it in the debrief.")


@dataclass(frozen=True)
class Verdict:
    """The engine's answer for one item of one request.

    For a sharing verdict (mag/moet) the bases are ``art6_options`` (every valid art. 6 basis; ``art6`` is the
    first, the one the trace names first), ``art9``, ``art10``, ``secrecy`` and ``sector``. For ``mag niet``
    those are empty and ``prohibitions`` holds the provisions that forbid the sharing.
    """

    item_id: str
    decision: Decision
    rule: str  # the decisive rule id
    art6: str | None = None  # the primary art. 6 AVG basis (None: not the AVG regime, or no basis)
    art9: str | None = None  # art. 9 exception, when health data are shared
    art10: str | None = None  # art. 10 / UAVG exception, when criminal data are shared
    secrecy: str | None = None  # the ground that breaks professional secrecy, when the holder has it
    sector: tuple[str, ...] = ()  # the sector-law provisions that carry the sharing (empty for mag niet)
    trace: tuple[TraceStep, ...] = ()
    uncertain: tuple[str, ...] = field(default=())  # [onzeker] notes of provisions used and of the engine
    art6_options: tuple[str, ...] = ()  # every valid art. 6 basis for this holder; art6 is the first
    prohibitions: tuple[str, ...] = ()  # for mag niet: the provisions that forbid it (prohibition, secrecy, …)
    doubtful: bool = False  # the deciding reasoning rests on a point the kennisbank marks [onzeker]
    unverified: tuple[str, ...] = ()  # cited provisions whose text the kennisbank did not check word for word

    @property
    def bases(self) -> frozenset[str]:
        """Every provision that is a correct answer to "on which basis?" for this item (empty for mag niet)."""
        if not self.decision.shares:
            return frozenset()
        found = {*(self.art6_options or (self.art6,)), self.art9, self.art10, self.secrecy, *self.sector}
        return frozenset(x for x in found if x)

    @property
    def citations(self) -> tuple[str, ...]:
        """All provisions cited in the trace, in order, without duplicates."""
        seen: dict[str, None] = {}
        for step in self.trace:
            for cit in step.citations:
                seen.setdefault(cit, None)
        return tuple(seen)

    def explanation(self, lang: str = "nl") -> str:
        """The decisive reasoning as short text a professional understands; when it rests on an [onzeker] point,
        it says so."""
        parts = [step.text.get(lang) for step in self.trace if step.decisive or step.rule in _ALWAYS]
        if self.doubtful:
            parts.append(DOUBT.get(lang))
        return " ".join(parts)


_ALWAYS = {"R15"}
