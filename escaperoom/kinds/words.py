"""The answer in words: what the team answered, what was right, the item's label and the spread sentence, for one
puzzle, in Dutch or English. :class:`Words` is the part every kind shares; each kind module subclasses it.

One implementation for every place that shows an answer: the feedback after an answer, the facilitator's F7, the
end screen, the debrief screens and the reports. It works from a live :class:`ItemResult` and from a journal
record, where only the machine strings and the recorded Dutch label exist and the casus may be missing on this
computer (``puzzle`` is then None). Texts come from the string catalogue (``assets/strings/*.toml``).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from escaperoom.content.models import GEEN_GRONDSLAG, NIET_DELEN, Puzzle, Scenario
from escaperoom.kinds.cases import Case
from escaperoom.kinds.results import ErrorKind, ItemResult, PuzzleResult
from escaperoom.rules.lawbook import LawBook
from escaperoom.strings import Catalogue
from escaperoom.text import Text


@functools.cache
def default_catalogue() -> Catalogue:
    """The bundled string catalogue, read once."""
    return Catalogue.load()


@dataclass(frozen=True)
class Card:
    """One card of the feedback after an answer: a title, plain lines, the explanation and the citations.
    ``item`` is the item whose verdict badges the card shows (None for a closing card without badges)."""

    title: str
    lines: tuple[str, ...] = ()
    explanation: str = ""
    citations: str = ""
    item: ItemResult | None = None


class MistakeLike(Protocol):
    """A decision that went wrong, as the session keeps it (``session.Mistake``)."""

    @property
    def puzzle_id(self) -> str: ...

    @property
    def key(self) -> str: ...

    @property
    def label(self) -> Text: ...

    @property
    def kind(self) -> ErrorKind: ...


@dataclass(frozen=True)
class Spread:
    """``n`` of ``total`` teams gave one answer: the start of a spread sentence ("3 van de 5 teams …")."""

    words: Words
    n: int
    total: int

    @property
    def everyone(self) -> bool:
        return self.n == self.total and self.total > 1

    def say(self, key: str, **values: Any) -> str:
        """The sentence ``key`` for one team (``key_1``) or for several (``key_n``), with who it was."""
        w = self.words
        who = w.spread("who_all", total=self.total) if self.everyone else w.spread("who_some", n=self.n,
                                                                                   total=self.total)
        return w.spread(f"{key}_{'1' if self.n == 1 else 'n'}", who=who, **values)


def shorter(label: str) -> list[str]:
    """The label, then shorter versions cut at a word with "…", for a sentence that must fit two lines."""
    out = [label]
    words = label.split(" ")
    for keep in (10, 7, 5):
        if len(words) > keep:
            out.append(" ".join(words[:keep]).rstrip(",:;") + "…")
    return out


def lower_first(name: str) -> str:
    """A role name inside a sentence: "Gemeente" → "gemeente", but "GGZ" stays."""
    return name[:1].lower() + name[1:] if name[1:2].islower() else name


def int_or_none(value: str) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def key_index(key: str) -> int | None:
    """The number in an item key such as ``beslissing:2`` or ``fragment:0``."""
    return int_or_none(key.split(":", 1)[1]) if ":" in key else None


class Words:
    """The words of one puzzle. The defaults here are those of a kind this version does not know (a journal from a
    newer game): the machine answer as written. ``scenario`` and ``puzzle`` are None when the casus is missing."""

    one_mistake_per_puzzle = False  # the end screen names one line for all of this puzzle's mistakes
    peildatum: dt.date | None = None  # citations are worded as on this day (None: today); the debrief sets it

    def __init__(self, book: LawBook, lang: str = "nl", *, scenario: Scenario | None = None,
                 puzzle: Puzzle | None = None, strings: Catalogue | None = None):
        self.book, self.lang, self.scenario, self.puzzle = book, lang, scenario, puzzle
        self.strings = strings if strings is not None else default_catalogue()

    # --- shared ---------------------------------------------------------------------------------------------

    def t(self, id: str, /, **values: Any) -> str:
        return self.strings.t(id, self.lang, **values)

    def spread(self, key: str, **values: Any) -> str:
        """A debrief text (``nabespreking.zin.*``)."""
        return self.t(f"nabespreking.zin.{key}", **values)

    def role(self, role_id: str) -> str:
        found = self.book.roles.get(role_id)
        return found.naam.get(self.lang) if found else role_id

    def cite(self, provision_id: str) -> str:
        """The citation in these words' language, as worded on ``peildatum``."""
        if provision_id not in self.book.provisions:
            return provision_id
        return self.book.cite(provision_id, self.lang, self.peildatum)

    def basis_label(self, provision_id: str) -> str:
        """As on the answer buttons: the citation with its short name."""
        if provision_id in self.book.provisions:
            return self.book.label(provision_id, self.lang)
        return self.t("puzzel.geen_grondslag") if provision_id == GEEN_GRONDSLAG else provision_id

    def recipient(self, role_id: str, not_shared: str) -> str:
        """A recipient by its role name; ``not_shared`` (a string id) for the "niet delen" destination."""
        return self.t(not_shared) if role_id == NIET_DELEN else self.role(role_id)

    # --- from a journal record or a live result: the debrief, the reports --------------------------------

    def answer(self, answer: str, recorded: str = "") -> str:
        """The answer in words; ``recorded`` is the item's label from the journal, which for a dilemma is the
        option's text and for a sequence the step's text (used when the casus is not on this computer)."""
        return self.spread("not_answered") if answer == "" else self._answer(answer, recorded)

    def _answer(self, answer: str, recorded: str) -> str:
        return answer

    def expected(self, expected: Sequence[str]) -> str:
        """What was right, in words (several right answers joined with "of")."""
        return self.answer(expected[0] if expected else "")

    def label(self, key: str, recorded: str) -> str:
        """The item's label: from the casus in the debrief's language when it is here, else as recorded."""
        return self._content_label(key) or recorded

    def item_of_key(self, key: str) -> str | None:
        """The data item an item key stands for (for its label in another language), or None."""
        return None

    def _content_label(self, key: str) -> str | None:
        """An item's label in another language than the journal's Dutch, from the casus on this computer."""
        if self.lang == "nl" or self.puzzle is None or self.scenario is None:
            return None
        item_id = self.item_of_key(key)
        spec = self.scenario.gegevens.get(item_id) if item_id else None
        return spec.label.get(self.lang) if spec is not None else None

    def sentence(self, n: int, total: int, label: str, answer: str, recorded: str = "") -> str:
        """The spread sentence: "3 van de 5 teams deelden ‘Diagnose’ met de woningcorporatie"."""
        spread = Spread(self, n, total)
        if answer == "":
            return spread.say("no_answer", label=label)
        return self._sentence(spread, label, answer, recorded)

    def _sentence(self, spread: Spread, label: str, answer: str, recorded: str) -> str:
        return spread.say("other", answer=answer)

    def describe(self, key: str, answer: str, expected: Sequence[str], recorded: str) -> tuple[str, str, str]:
        """(label, answer, what was right) of one item in words."""
        return self.label(key, recorded), self.answer(answer, recorded), self.expected(expected)

    def of_result(self, item: ItemResult) -> tuple[str, str, str]:
        """:meth:`describe` of a live result, from what its journal record will hold."""
        return self.describe(item.key, item.answer, item.expected, item.label.nl)

    def csv(self, key: str, recorded: str, answer: str, expected: Sequence[str]) -> tuple[str, str, str]:
        """(gegeven, antwoord, verwacht) of a CSV row: the item as the team saw it (its recorded label)."""
        return recorded, self.answer(answer, recorded), self.expected(expected)

    def item_cases(self, cases: Sequence[Case], key: str) -> list[Case]:
        """The legal cases behind one item (for the law's view of it in the debrief)."""
        return [c for c in cases if c.key == key]

    def law_who(self, case: Case) -> str:
        """Whom a case's verdict is about, for the law's view of an item."""
        return self.role(case.request.ontvanger)

    # --- from a live result: the feedback, F7, the end screen ---------------------------------------------

    def feedback(self, result: PuzzleResult, reason: str = "") -> list[Card]:
        """The feedback cards after an answer, one per item."""
        return [self.feedback_card(item, reason) for item in result.items]

    def feedback_card(self, item: ItemResult, reason: str = "") -> Card:
        if item.verdict is not None:
            explanation = item.verdict.explanation(self.lang)
            citations = " · ".join(self._feedback_cite(c) for c in item.verdict.citations)
        else:
            explanation = item.explanation.get(self.lang) if item.explanation is not None else ""
            citations = ""
        return Card(item.label.get(self.lang), tuple(self.feedback_lines(item, reason)), explanation, citations,
                    item)

    def _feedback_cite(self, provision_id: str) -> str:
        if provision_id == GEEN_GRONDSLAG:
            return self.t("puzzel.geen_grondslag")
        try:
            return self.book.cite(provision_id)
        except KeyError:
            return provision_id

    def feedback_lines(self, item: ItemResult, reason: str) -> list[str]:
        """The lines under a card's title: the team's choice and, when wrong, what was right."""
        return []

    def model_answer_text(self, answer: Any) -> str:
        """The model answer in words, one line per item, for the facilitator to read out (F7)."""
        return str(answer)

    def mistake_recipient(self, mistake: MistakeLike, cases: Sequence[Case]) -> str | None:
        """Whom a mistake was about, when the content says so for certain (else None)."""
        return None

    def mistake_sentences(self, mistake: MistakeLike, mistakes: Sequence[MistakeLike], cases: Sequence[Case],
                          word: str, resident: str) -> tuple[str, ...]:
        """Candidate sentences about one mistake for the end screen, longest first; ``word`` is the error's word
        as its badge shows it, ``resident`` the resident's name."""
        t, label, kind = self.t, mistake.label.get(self.lang), mistake.kind
        recipient = self.mistake_recipient(mistake, cases)
        if kind is ErrorKind.TE_RUIM:
            known = [t("spel.end.m_wide_to", woord=word, gegeven=x, ontvanger=recipient, naam=resident)
                     for x in shorter(label)] if recipient else []
            return (*known, *(t("spel.end.m_wide", woord=word, gegeven=x, naam=resident) for x in shorter(label)))
        if kind is ErrorKind.TE_VOORZICHTIG:
            known = [t("spel.end.m_careful_to", woord=word, gegeven=x, ontvanger=recipient, naam=resident)
                     for x in shorter(label)] if recipient else []
            return (*known, *(t("spel.end.m_careful", woord=word, gegeven=x, naam=resident)
                              for x in shorter(label)))
        if kind is ErrorKind.VERKEERDE_GRONDSLAG:
            return tuple(t("spel.end.m_basis", woord=word, gegeven=x, ontvanger=recipient or "?")
                         for x in shorter(label))
        return tuple(t("spel.end.m_other", woord=t(f"puzzel.feedback.{kind.value}"), gegeven=x)
                     for x in shorter(label))
