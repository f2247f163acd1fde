"""A team's timeline in words: each journal record (a :class:`~escaperoom.debrief.sessions.Step`) as a headline and
detail lines with a status for their icons, in the debrief's language.

Used by the replay screen and the report through :func:`describe_step` (also ``Debrief.describe``). It reads the
typed records of :mod:`escaperoom.play.records`; the texts come from the string catalogue
(``nabespreking.stap.*``). Pure (no pygame).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from escaperoom.debrief.sessions import Attempt, Step, clock
from escaperoom.debrief.words import LEGAL_ERRORS, error_word, puzzle_words, short_label, step_words
from escaperoom.kinds import is_lock_kind
from escaperoom.kinds.judging import Judged
from escaperoom.play.records import (
    BY_TEAM,
    GOOD,
    Action,
    Ending,
    EndRecord,
    FacilitatorRecord,
    HintRecord,
    RepairRecord,
    StartRecord,
)
from escaperoom.rules.lawbook import LawBook

_HINT_LEVELS = ("principe", "artikel", "voorbeeld")  # the hint ladder (content.models.Hint.niveau)
_Words = Callable[..., str]  # a timeline text by its key (``step_words`` in the debrief's language)


@dataclass(frozen=True)
class StepLine:
    """One item of a timeline step: its status (for the icon), the verdict word and what the team did."""

    status: str
    word: str  # "goed", "te ruim", ... (in the debrief's language)
    text: str  # "Naam, adres en telefoonnummer: gemeente, schuldhulpverlening"
    label: str = ""  # the two halves of ``text`` (an item's answer): a tight screen shortens the label, never
    answer: str = ""  # the answer


@dataclass(frozen=True)
class StepText:
    """A timeline step in words: a headline and detail lines, each with a status for its icon
    (``goed``, ``te_ruim``, ``te_voorzichtig``, ``verkeerde_grondslag``, ``fout``, ``info``)."""

    clock: str
    headline: str
    lines: tuple[StepLine, ...] = ()
    reason: str = ""
    status: str = "info"


class _Spread(Protocol):
    @property
    def label(self) -> str: ...


class _Summary(Protocol):
    def item(self, key: str) -> _Spread | None: ...


class Described(Protocol):
    """What the timeline needs of a debrief (:class:`~escaperoom.debrief.model.Debrief` is one)."""

    @property
    def lang(self) -> str: ...

    @property
    def book(self) -> LawBook: ...

    @property
    def loaded(self) -> Judged | None: ...

    def puzzle(self, puzzle_id: str) -> _Summary | None: ...

    def puzzle_title(self, puzzle_id: str | None) -> str: ...


def describe_step(debrief: Described, step: Step) -> StepText:
    """A timeline step in words, in the debrief's language (used by the replay screen and the report)."""
    lang = debrief.lang

    def w(key: str, **values: Any) -> str:
        return step_words(lang, key, **values)

    when = clock(step.elapsed_s) if step.elapsed_s is not None else "0:00"
    title = debrief.puzzle_title(step.puzzle)
    record = step.typed
    if isinstance(record, StartRecord):
        casus = record.casus_title if record.casus_title is not None else record.casus or ""
        return StepText(when, w("start", team=record.team if record.team is not None else w("the_team"), casus=casus))
    if step.attempt is not None:
        return _attempt(debrief, when, title, step.attempt)
    if isinstance(record, HintRecord):
        level = w(f"level_{record.level}") if record.level in _HINT_LEVELS else (record.level or "?")
        cost = record.cost_s or 0
        extra = w("free") if record.free or cost == 0 else w("costs", s=cost)
        return StepText(when, w("hint", n=record.number or "", level=level, puzzle=title, cost=extra))
    if isinstance(record, FacilitatorRecord):
        return StepText(when, _action(record, title, w))
    if isinstance(record, EndRecord):
        return _end(record, when, lang, w)
    if isinstance(record, RepairRecord):
        lost = record.not_applied
        if not lost:
            return StepText(when, w("resumed"))
        return StepText(when, w("resumed"), (StepLine(
            "info", w("resumed_one" if len(lost) == 1 else "resumed_many", n=len(lost)),
            w("resumed_detail_one" if len(lost) == 1 else "resumed_detail_many")),))
    text = w("unknown", kind=step.kind)
    return StepText(when, text + (w("at", puzzle=title) if title else ""))


def _attempt(debrief: Described, when: str, title: str, a: Attempt) -> StepText:
    """An attempt: per item its verdict word and what the team did (the lock: right or wrong)."""
    lang = debrief.lang
    if is_lock_kind(a.kind):
        return StepText(when, step_words(lang, "lock_right" if a.solved else "lock_wrong"), (), a.reason,
                        GOOD if a.solved else "fout")
    summary = debrief.puzzle(a.puzzle)
    words = puzzle_words(debrief.book, debrief.loaded, a.puzzle, a.kind, lang)
    lines = []
    for item in a.items:
        status = GOOD if item.correct else item.error if item.error in LEGAL_ERRORS else "fout"
        label = words.label(item.key, item.label)
        if summary is not None:
            spread = summary.item(item.key)
            label = spread.label if spread else label
        head = short_label(label)
        head += "" if head.endswith("?") else ":"
        said = words.answer(item.answer, item.label)
        lines.append(StepLine(status, error_word(item.error, lang), f"{head} {said}", head, said))
    head = step_words(lang, "attempt", n=a.number, puzzle=title, right=a.right, total=len(a.items))
    if a.solved:
        head += step_words(lang, "solved")
    return StepText(when, head, tuple(lines), a.reason, GOOD if a.solved else "fout")


def _action(record: FacilitatorRecord, title: str, w: _Words) -> str:
    action = record.action or ""
    if action == Action.TIME:
        sec = record.seconds or 0
        return w("time_plus", s=sec) if sec >= 0 else w("time_minus", s=-sec)
    if action in (Action.PAUSE, Action.RESUME) and record.by == BY_TEAM:
        return w(f"{action}_team")
    if action in {a.value for a in Action}:
        return w(action, puzzle=title)
    return w("action", x=action or "?")


def _end(record: EndRecord, when: str, lang: str, w: _Words) -> StepText:
    """The end: the phase, the decisions per judgement and the stability."""
    lines = []
    for key, value in record.summary.judged().items():
        if value is not None:
            word = error_word(None if key == GOOD else key, lang)
            lines.append(StepLine(key, f"{word}: {value}", ""))
    if record.summary.stability is not None:
        lines.append(StepLine("info", w("stability", n=record.summary.stability), ""))
    phase = record.phase or ""
    ended = w(f"phase_{phase}") if phase in {e.value for e in Ending} else (phase or w("phase_unknown"))
    return StepText(when, w("end", phase=ended), tuple(lines), status=GOOD if phase == Ending.ESCAPED else "info")
