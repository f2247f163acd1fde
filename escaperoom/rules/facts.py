"""The facts the law looks at: a request to share (holder → recipient, purpose, consent, danger, situation)
and the data items in it. Built by the content loader from puzzle TOML; consumed by the rule engine.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from escaperoom.text import Text


class Category(StrEnum):
    """Data categories (kennisbank Deel 2 schema); an item may have several."""

    GEWOON = "gewoon"
    GEZONDHEID = "gezondheid"
    STRAFRECHTELIJK = "strafrechtelijk"
    FINANCIEEL = "financieel"
    BSN = "bsn"


class Consent(StrEnum):
    """The consent status of the person concerned for this sharing."""

    JA = "ja"  # explicit, specific, informed, freely given
    NEE = "nee"  # asked and refused
    NIET_GEVRAAGD = "niet_gevraagd"  # not (yet) asked
    ONMOGELIJK = "onmogelijk"  # cannot be asked (unreachable, incapable, asking is unsafe)
    NIET_VRIJ = "niet_vrij"  # "given", but not freely: a condition for help/benefit, or blanket
    GEEN_BEZWAAR = "geen_bezwaar"  # informed of an announced disclosure and did not object


class Decision(StrEnum):
    """The engine's verdict for one data item."""

    MOET = "moet_delen"
    MAG = "mag_delen"
    MAG_NIET = "mag_niet_delen"

    @property
    def shares(self) -> bool:
        return self is not Decision.MAG_NIET


class DataItem(BaseModel):
    """One piece of data in a request. ``nodig`` = needed for this purpose (art. 5 lid 1 c AVG)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    label: Text
    categorieen: tuple[Category, ...] = Field(min_length=1)
    nodig: bool = True


class Request(BaseModel):
    """A question to share data: who holds it, who would receive it, why, and the circumstances."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    houder: str
    ontvanger: str
    doel: Text
    toestemming: Consent = Consent.NIET_GEVRAAGD
    acuut_gevaar: bool = False
    situatie: frozenset[str] = frozenset()  # the situation facts that are true (ids from rules/feiten.toml)

    def with_fact(self, fact: str, value: bool) -> Request:
        """A copy with one fact flipped: used by what-if toggles in the debrief."""
        if fact == "acuut_gevaar":
            return self.model_copy(update={"acuut_gevaar": value})
        facts = set(self.situatie)
        facts.add(fact) if value else facts.discard(fact)
        return self.model_copy(update={"situatie": frozenset(facts)})

    def with_consent(self, consent: Consent) -> Request:
        return self.model_copy(update={"toestemming": consent})
