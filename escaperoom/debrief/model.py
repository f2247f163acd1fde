"""Debrief data: the sessions of one casus side by side, aggregated per puzzle (the spread of the teams' answers,
how divided they were, their reasons, the law's view) and per team (the compass).

Used by the debrief screens, the HTML/CSV reports and the benchmark. Pure (no pygame). The sessions themselves are
read from their journals' records by :mod:`escaperoom.debrief.sessions`, a timeline step is put in words by
:mod:`escaperoom.debrief.timeline`, the words by :mod:`escaperoom.debrief.words`; their public names are importable
from here too (``__all__``), so the screens and the reports have one place to import the debrief's model from.

    load_sessions(paths)  -> SessionSet          (sessions, broken journals, duplicates, notes)
    build_debrief(sessions) -> Debrief           (one casus: per-puzzle spread, division, reasons, compass)
    build_debriefs(session_set) -> [Debrief]     (one per casus found)

Counting rules (documented here because the screens and the report share them): per puzzle a team has a first
and a last attempt, both kept. The spread ("3 van de 5 teams ...") and the division score count the **first**
attempt by default — after a try the game shows the verdict, so later tries converge on the model answer and the
first one is the team's own judgement; ``basis="laatste"`` counts where the teams ended up. Error counts for the
privacy compass add up the legal errors (te ruim, te voorzichtig, verkeerde grondslag) of **every** attempt, as
the session's own summary and stability do. The final lock is left out of the puzzle views and the counts, but
not out of the timeline.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from escaperoom.debrief.sessions import (
    UNKNOWN_TEAM,
    Attempt,
    Broken,
    Duplicate,
    ItemDecision,
    PuzzleTrack,
    SessionSet,
    Step,
    TeamSession,
    clock,
    load_sessions,
    parse_time,
    read_session,
)
from escaperoom.debrief.timeline import StepLine, StepText, describe_step
from escaperoom.debrief.words import (
    ERROR_WORDS,
    LEGAL_ERRORS,
    VERDICT_WORDS,
    error_word,
    puzzle_words,
    short_label,
    spread_words,
    step_words,
)
from escaperoom.kinds import is_lock_kind, kind_named, kind_of
from escaperoom.kinds.judging import Judged, load_many_judged
from escaperoom.play.fingerprint import content_hash
from escaperoom.rules.lawbook import LawBook, load_lawbook

FIRST, LAST = "eerste", "laatste"
_SLOT = "{gegeven}"  # where an item's label goes in a spread sentence's template


# --------------------------------------------------------------------------------------------------- aggregation


@dataclass(frozen=True)
class LawView:
    """The engine's verdict for one case of an item (one recipient), for the explanation under a puzzle."""

    recipient: str  # role name as shown
    decision: str
    rule: str
    explanation: str
    citations: tuple[tuple[str, str, str], ...]  # (provision id, citation text, url)
    uncertain: tuple[str, ...] = ()  # the facilitator's notes (debrief language) when the verdict rests on a doubt


@dataclass(frozen=True)
class AnswerGroup:
    """The teams that gave the same answer for one item."""

    answer: str
    text: str  # the answer in words ("Gemeente, schuldhulp", "Niet delen", "AVG art. 6 lid 1 onder a")
    teams: tuple[str, ...]
    error: str | None
    sentence: str  # "3 van 5 teams deelden 'Diagnose' met de woningcorporatie"
    short: str = ""  # the same sentence with the item's short label (for the big screen)
    template: str = ""  # the sentence with ``{gegeven}`` where the item's label goes (see :meth:`phrase`)

    def phrase(self, label: str) -> str:
        """The sentence with another (shorter) label for the item: the big screen shortens the label until the
        whole sentence, recipient included, fits on its line."""
        return self.template.replace(_SLOT, label) if self.template else self.sentence


@dataclass(frozen=True)
class Seen:
    """The explanation that teams saw in the game for one answer, as their journals recorded it (shown when the
    casus on this computer is missing or is another version than theirs)."""

    answer: str  # the answer in words
    error: str | None
    explanation: str
    teams: tuple[str, ...]


@dataclass(frozen=True)
class ItemSpread:
    """How the teams spread over the answers of one item (last attempts), with the law's view of it."""

    key: str
    label: str
    expected: str  # what the law or the author expects, in words
    groups: tuple[AnswerGroup, ...]  # largest first
    total: int  # teams in the debrief
    not_reached: tuple[str, ...]  # teams without an answer for this item
    law: tuple[LawView, ...] = ()  # the verdicts of the casus on this computer (empty when it is missing)
    seen: tuple[Seen, ...] = ()  # what the teams of another content version saw (see Debrief.other_version)
    lang: str = "nl"

    @property
    def answered(self) -> int:
        return sum(len(g.teams) for g in self.groups)

    @property
    def short(self) -> str:
        return short_label(self.label)

    @property
    def division(self) -> float:
        """0 when every team gave the same answer, towards 1 the more the teams are split."""
        if self.answered < 2:
            return 0.0
        return 1.0 - max(len(g.teams) for g in self.groups) / self.answered

    @property
    def right(self) -> int:
        return sum(len(g.teams) for g in self.groups if g.error is None)

    @property
    def sentence(self) -> str:
        return self.groups[0].sentence if self.groups else spread_words(self.lang, "none_reached", total=self.total)


@dataclass
class PuzzleSummary:
    """One puzzle across the teams: per item the spread, the division, the reasons and the intervisie questions."""

    id: str
    title: str
    kind: str
    station: str
    task: str
    intervisie: list[str]
    items: list[ItemSpread]
    reasons: list[tuple[str, int, str]]  # (team label, attempt number, reason)
    order: int  # position in the scenario file
    teams: list[TeamSession]
    basis: str = "eerste"  # the spread counts each team's first ("eerste") or last ("laatste") attempt
    lang: str = "nl"

    @property
    def division(self) -> float:
        """How split the teams were on the most contested item of this puzzle (0 = all agreed)."""
        return max((i.division for i in self.items), default=0.0)

    @property
    def mean_division(self) -> float:
        return sum(i.division for i in self.items) / len(self.items) if self.items else 0.0

    @property
    def division_level(self) -> str:
        """"unanimous", "mixed" or "divided" (the report styles a divided puzzle)."""
        d = self.division
        return "unanimous" if d < 0.15 else "mixed" if d < 0.35 else "divided"

    @property
    def division_word(self) -> str:
        return spread_words(self.lang, self.division_level)

    @property
    def kind_word(self) -> str:
        """The puzzle kind in words ("grondslag kiezen", "choosing the basis")."""
        return spread_words(self.lang, f"kind_{self.kind}") if kind_named(self.kind) is not None else self.kind

    def reason_groups(self) -> list[tuple[str, list[tuple[str, int]]]]:
        """The typed reasons with the teams (and attempt numbers) that gave them, the same text once
        (ignoring case, spaces and a final full stop), in the order first typed."""
        groups: dict[str, tuple[str, list[tuple[str, int]]]] = {}
        for team, number, reason in self.reasons:
            key = " ".join(reason.casefold().split()).rstrip(".")
            groups.setdefault(key, (reason, []))[1].append((team, number))
        return list(groups.values())

    def track(self, team: TeamSession) -> PuzzleTrack | None:
        return team.tracks.get(self.id)

    def decision(self, team: TeamSession, key: str, *, first: bool = False) -> ItemDecision | None:
        track = team.tracks.get(self.id)
        attempt = (track.first if first else track.last) if track else None
        return attempt.item(key) if attempt else None

    def item(self, key: str) -> ItemSpread | None:
        return next((i for i in self.items if i.key == key), None)


@dataclass
class Debrief:
    """The debrief of one casus over the chosen team sessions."""

    casus: str
    title: str
    sessions: list[TeamSession]
    puzzles: list[PuzzleSummary]
    loaded: Judged | None
    book: LawBook
    warnings: list[str] = field(default_factory=list)
    basis: str = "eerste"
    lang: str = "nl"
    other_version: tuple[str, ...] = ()  # labels of teams whose journal has other content than this computer's

    def with_basis(self, basis: str) -> Debrief:
        """The same sessions with the spread counted on the other attempt (``eerste``/``laatste``)."""
        if basis == self.basis:
            return self
        scenarios = [self.loaded] if self.loaded is not None else []
        return build_debrief(self.sessions, scenarios=scenarios, book=self.book, lang=self.lang, basis=basis)

    def by_division(self) -> list[PuzzleSummary]:
        """Most divided puzzles first (ties in scenario order)."""
        return sorted(self.puzzles, key=lambda p: (-round(p.division, 6), -round(p.mean_division, 6), p.order))

    def ordered(self, most_divided_first: bool = False) -> list[PuzzleSummary]:
        return self.by_division() if most_divided_first else list(self.puzzles)

    def puzzle(self, puzzle_id: str) -> PuzzleSummary | None:
        return next((p for p in self.puzzles if p.id == puzzle_id), None)

    def puzzle_title(self, puzzle_id: str | None) -> str:
        found = self.puzzle(puzzle_id) if puzzle_id else None
        if found:
            return found.title
        if puzzle_id and self.loaded is not None:
            try:
                return self.loaded.scenario.puzzle(puzzle_id).titel.nl
            except KeyError:
                pass
        return puzzle_id or ""

    @property
    def compass(self) -> list[tuple[str, int, int]]:
        """(team label, te ruim, te voorzichtig) per team."""
        return [(s.label, *s.compass) for s in self.sessions]

    @property
    def started(self) -> datetime | None:
        times = [t for t in (s.started_local for s in self.sessions) if t]
        return min(times) if times else None

    def describe(self, step: Step) -> StepText:
        return describe_step(self, step)


def _unique_labels(sessions: list[TeamSession]) -> None:
    counts = Counter(s.team for s in sessions)
    seen: Counter[str] = Counter()
    for s in sorted(sessions, key=lambda s: (s.started, s.session_id)):
        if counts[s.team] == 1:
            s.label = s.team
            continue
        seen[s.team] += 1
        local = s.started_local
        s.label = f"{s.team} ({local:%H:%M})" if local else f"{s.team} ({seen[s.team]})"
    labels = Counter(s.label for s in sessions)
    seen.clear()
    for s in sorted(sessions, key=lambda s: (s.started, s.session_id)):
        if labels[s.label] > 1:
            seen[s.label] += 1
            s.label = f"{s.label} #{seen[s.label]}"


def _names(labels: Sequence[str], total: int, limit: int = 5) -> str:
    """Team names for a sentence: "alle 12 teams", or up to ``limit`` names and "en nog N andere"."""
    if len(labels) == total and total > 2:
        return f"alle {total} teams"
    if len(labels) <= limit + 1:
        return ", ".join(labels)
    return ", ".join(labels[:limit]) + f" en nog {len(labels) - limit} andere teams"


def typed_by(teams: Sequence[tuple[str, int]]) -> str:
    """Who typed a reason: "Team Oost (poging 1)"; the same reason from several teams once, with all of them
    ("Team A, Team B (poging 1)", or each with its own attempt when they differ)."""
    numbers = {n for _, n in teams}
    if len(numbers) == 1:
        return ", ".join(t for t, _ in teams) + f" (poging {next(iter(numbers))})"
    return ", ".join(f"{t} (poging {n})" for t, n in teams)


def _natural(text: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key that puts "Team 2" before "Team 10" (numbers by value, the rest case-blind)."""
    return tuple((0, int(part)) if part.isdigit() else (1, part.casefold())
                 for part in re.split(r"(\d+)", text) if part)


def _role(book: LawBook, role: str, lang: str = "nl") -> str:
    found = book.roles.get(role)
    return found.naam.get(lang) if found else role


def _law_views(book: LawBook, loaded: Judged | None, puzzle_id: str, item_key: str, lang: str) -> tuple[LawView, ...]:
    if loaded is None:
        return ()
    puzzle = next((p for p in loaded.scenario.puzzels if p.id == puzzle_id), None)
    if puzzle is None:
        return ()
    words = puzzle_words(book, loaded, puzzle_id, kind_of(puzzle).soort, lang)
    views = []
    for c in words.item_cases(loaded.cases.get(puzzle_id, []), item_key):
        v = c.verdict
        cites = tuple((cid, book.cite(cid, lang, v.peildatum), book[cid].url) for cid in v.citations
                      if cid in book.provisions)
        views.append(LawView(words.law_who(c), v.decision.value, v.rule, v.explanation(lang), cites,
                             v.facilitator_notes(lang) if v.doubtful else ()))
    return tuple(views)


def _puzzle_order(sessions: list[TeamSession], loaded: Judged | None) -> list[tuple[str, str]]:
    """(puzzle id, kind) in scenario order; puzzles only found in journals follow in the order first met."""
    out: list[tuple[str, str]] = []
    if loaded is not None:
        out = [(p.id, p.soort) for p in loaded.scenario.puzzels if not kind_of(p).is_lock]
    known = {pid for pid, _ in out}
    for s in sessions:
        for pid, track in s.tracks.items():
            if pid not in known and not is_lock_kind(track.kind) and track.attempts:
                known.add(pid)
                out.append((pid, track.kind))
    return out


def _summary(pid: str, kind: str, order: int, sessions: list[TeamSession], loaded: Judged | None,
             book: LawBook, lang: str, first: bool, other_version: frozenset[str] = frozenset()) -> PuzzleSummary:
    words = puzzle_words(book, loaded, pid, kind, lang)
    puzzle = words.puzzle
    # item keys in the order the teams saw them (first team that answered), then any others
    keys: dict[str, tuple[str, tuple[str, ...]]] = {}
    for s in sessions:
        track = s.tracks.get(pid)
        for attempt in (track.attempts if track else []):
            for item in attempt.items:
                keys.setdefault(item.key, (item.label, item.expected))
    total = len(sessions)
    items = []
    for key, (label, expected) in keys.items():
        shown = words.label(key, label)
        groups: dict[str, list[str]] = {}
        errors: dict[str, str | None] = {}
        recorded: dict[str, str] = {}
        seen: dict[tuple[str, str], list[str]] = {}
        missing = []
        for s in sessions:
            track = s.tracks.get(pid)
            counted = (track.first if first else track.last) if track else None
            decision = counted.item(key) if counted else None
            if decision is None:
                missing.append(s.label)
                continue
            groups.setdefault(decision.answer, []).append(s.label)
            errors.setdefault(decision.answer, decision.error)
            recorded.setdefault(decision.answer, decision.label)
            if s.label in other_version and decision.explanation:
                seen.setdefault((decision.answer, decision.explanation), []).append(s.label)
        ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        brief = short_label(shown)
        answer_groups = []
        for answer, teams in ordered:
            template = words.sentence(len(teams), total, _SLOT, answer, recorded[answer])
            answer_groups.append(AnswerGroup(answer, words.answer(answer, recorded[answer]), tuple(teams),
                                             errors[answer], template.replace(_SLOT, shown),
                                             template.replace(_SLOT, brief), template))
        seen_views = tuple(Seen(words.answer(answer, recorded[answer]), errors[answer], text, tuple(teams))
                           for (answer, text), teams in sorted(seen.items(), key=lambda kv: -len(kv[1])))
        items.append(ItemSpread(key, shown, words.expected(expected), tuple(answer_groups), total, tuple(missing),
                                _law_views(book, loaded, pid, key, lang), seen_views, lang))
    reasons = [(s.label, a.number, a.reason) for s in sessions
               for a in (s.tracks[pid].attempts if pid in s.tracks else []) if a.reason]
    title = puzzle.titel.get(lang) if puzzle is not None else pid
    return PuzzleSummary(
        id=pid, title=title, kind=kind, station=_role(book, puzzle.station, lang) if puzzle is not None else "",
        task=puzzle.opdracht.get(lang) if puzzle is not None else "",
        intervisie=[q.get(lang) for q in puzzle.intervisie] if puzzle is not None else [],
        items=items, reasons=reasons, order=order, teams=sessions, basis=FIRST if first else LAST, lang=lang)


def find_scenario(casus: str, scenarios: Sequence[Judged] | None = None) -> Judged | None:
    """The loaded scenario with this id: from ``scenarios`` or else the bundled puzzels/ (content errors ignored)."""
    if scenarios is None:
        scenarios, _ = load_many_judged()
    return next((s for s in scenarios if s.scenario.id == casus), None)


def build_debrief(sessions: Sequence[TeamSession], *, scenarios: Sequence[Judged] | None = None,
                  book: LawBook | None = None, lang: str = "nl", basis: str = FIRST) -> Debrief:
    """The debrief of the given sessions; they should share one casus (the first session's is used).

    ``basis`` says which attempt the spread and the division count: ``"eerste"`` (default: after a try the game
    shows the verdict, so later tries converge on the model answer — the first try is the team's own judgement)
    or ``"laatste"`` (where the team ended up)."""
    if not sessions:
        raise ValueError("een nabespreking heeft minstens één sessie nodig")
    book = book or load_lawbook()
    casus = sessions[0].casus
    chosen = [s for s in sessions if s.casus == casus]
    warnings: list[str] = []
    if len(chosen) < len(sessions):
        warnings.append(f"{len(sessions) - len(chosen)} sessie(s) van een andere casus zijn niet meegenomen.")
    chosen.sort(key=lambda s: (_natural(s.team), s.started))
    _unique_labels(chosen)
    loaded = find_scenario(casus, scenarios)
    hashes: dict[str, list[str]] = {}
    for s in chosen:
        hashes.setdefault(s.content_hash or "onbekend", []).append(s.label)
    if len(hashes) > 1:
        parts = "; ".join(f"{', '.join(teams)}: versie {h}" for h, teams in hashes.items())
        warnings.append(f"Let op: niet alle teams speelden dezelfde versie van de casus ({parts}). "
                        "Vergelijk de antwoorden met zorg.")
    if loaded is None:
        other = [s.label for s in chosen]
        warnings.append(f"De casus '{casus}' staat niet (meer) op deze computer: de beslissingen en de uitleg die "
                        "de teams zagen komen uit de journaals; artikelen, intervisievragen en ‘wat als’ ontbreken.")
    else:
        here = content_hash(loaded)
        other = [s.label for s in chosen if s.content_hash and s.content_hash != here]
        if other:
            warnings.append("De casus op deze computer is een andere versie dan die van " + _names(other, len(chosen))
                            + ": bij hen staat ook de uitleg die zij in het spel zagen; ‘wat als’ en de artikelen "
                              "gaan uit van de versie op deze computer.")
    for s in chosen:
        for w in s.warnings:
            warnings.append(f"{s.label}: {w}")
    title = loaded.scenario.scenario.titel.get(lang) if loaded else (chosen[0].casus_title or casus)
    if basis not in (FIRST, LAST):
        raise ValueError(f"basis is '{FIRST}' of '{LAST}', niet {basis!r}")
    puzzles = [_summary(pid, kind, i, chosen, loaded, book, lang, basis == FIRST, frozenset(other))
               for i, (pid, kind) in enumerate(_puzzle_order(chosen, loaded))]
    return Debrief(casus, title, chosen, puzzles, loaded, book, warnings, basis, lang, tuple(other))


def build_debriefs(found: SessionSet, *, scenarios: Sequence[Judged] | None = None, book: LawBook | None = None,
                   lang: str = "nl", basis: str = FIRST) -> list[Debrief]:
    """One debrief per casus in ``found`` (newest casus first)."""
    if scenarios is None and found.sessions:
        scenarios, _ = load_many_judged()
    return [build_debrief(group, scenarios=scenarios, book=book, lang=lang, basis=basis)
            for group in found.by_casus().values()]


__all__ = [
    "ERROR_WORDS", "FIRST", "LAST", "LEGAL_ERRORS", "UNKNOWN_TEAM", "VERDICT_WORDS", "AnswerGroup", "Attempt",
    "Broken", "Debrief", "Duplicate", "ItemDecision", "ItemSpread", "LawView", "PuzzleSummary", "PuzzleTrack", "Seen",
    "SessionSet", "Step", "StepLine", "StepText", "TeamSession", "build_debrief", "build_debriefs", "clock",
    "describe_step", "error_word", "find_scenario", "load_sessions", "parse_time", "puzzle_words", "read_session",
    "short_label", "spread_words", "step_words", "typed_by",
]
