"""One puzzle of the HTML report, as chunks of HTML: what every team decided per item (a grid that stays readable
from 1 to 50 teams and more), how the teams spread, what the law says, the teams' reasons, the intervision
questions and "Maar wat als …?".

Used by ``escaperoom.debrief.report.html``. Pure (no pygame). Every text from a journal or a casus is escaped.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

from escaperoom.debrief.model import (
    AnswerGroup,
    Debrief,
    ItemSpread,
    LawView,
    PuzzleSummary,
    TeamSession,
    error_word,
    puzzle_words,
    short_label,
)
from escaperoom.debrief.report.marks import MARKS, link, mark, status, verdict
from escaperoom.debrief.report.svg import spread_svg
from escaperoom.debrief.report.texts import escape, markup, word
from escaperoom.debrief.whatif import WhatIf, whatif_for
from escaperoom.kinds import Words

_GRID_TEAMS = 6  # up to this many teams a puzzle's grid has items down and teams across; more: teams down
_GRID_ITEMS = 6  # ... and then at most this many items across per table
_NAMED_TEAMS = 10  # an answer group of more teams than this, the largest of several, is "alle andere teams"

_LEGEND = ("goed", "te_ruim", "te_voorzichtig", "verkeerde_grondslag")  # then "✗ andere fout"

T = TypeVar("T")


def puzzle_chunks(d: Debrief, p: PuzzleSummary, number: int) -> Iterator[str]:
    """The article of one puzzle, a few rows at a time."""
    lang = d.lang
    words = puzzle_words(d.book, d.loaded, p.id, p.kind, lang)
    strong = " sterk" if p.division_level == "divided" else ""
    station = f" · {escape(word('station', lang, x=p.station))}" if p.station else ""
    yield (f'<article class="puzzle" id="puzzel-{escape(p.id)}"><header><h3>{number}. {escape(p.title)}</h3>'
           f'<span class="division{strong}">{escape(p.division_word)} ({round(100 * p.division)}%)</span></header>'
           f'<p class="meta">{escape(p.kind_word)}{station}</p>')
    if p.task:
        yield f'<p class="task">{escape(p.task)}</p>'
    yield from _grid_chunks(p, words, lang)
    legend = word("legend_first" if p.basis == "eerste" else "legend_last", lang, marks=_legend(lang))
    yield f'<p class="meta">{escape(legend)}</p>'
    for item in p.items:
        yield _item_html(d, item)
    if p.reasons:
        yield f"<h4>{escape(word('team_reasons', lang))}</h4>"
        for reason, teams in p.reason_groups():
            yield (f'<blockquote><span class="who">{escape(_typed_by(teams, lang))}</span>: {escape(reason)}'
                   "</blockquote>")
    if p.intervisie:
        questions = "".join(f"<li>{escape(q)}</li>" for q in p.intervisie)
        yield f'<h4>{escape(word("questions", lang))}</h4><ol class="questions">{questions}</ol>'
    panel = whatif_for(d, p.id)
    if panel is not None and panel.toggles:
        yield from _whatif_chunks(d, panel)
    yield "</article>"


def _legend(lang: str) -> str:
    """What the marks of the grid mean: "✓ goed, ▲ te ruim, ▼ te voorzichtig, ◆ verkeerde grondslag, ✗ andere fout"."""
    words = [(status, error_word(None if status == "goed" else status, lang)) for status in _LEGEND]
    words.append(("fout", word("other_error", lang)))
    return ", ".join(f"{MARKS[status][1]} {text}" for status, text in words)


def _typed_by(teams: Sequence[tuple[str, int]], lang: str) -> str:
    """Who typed a reason: "Team Oost (poging 1)"; the same reason from several teams once, with all of them
    ("Team A, Team B (poging 1)", or each with its own attempt when they differ)."""
    numbers = {n for _, n in teams}
    if len(numbers) == 1:
        return word("typed_by", lang, teams=", ".join(t for t, _ in teams), n=next(iter(numbers)))
    return ", ".join(word("typed_by", lang, teams=t, n=n) for t, n in teams)


# --------------------------------------------------------------------------------------------------- the grid


def _cell(p: PuzzleSummary, team: TeamSession, key: str, words: Words, show_right: bool, lang: str) -> str:
    """One team's decision for one item: the mark (symbol and word), what the team did when it was wrong (or when
    the right answers differ, ``show_right``), and the other attempt when it ended differently."""
    track = p.track(team)
    if track is None or not track.attempts:
        return f'<td class="none">–<span class="answer">{escape(word("not_played", lang))}</span></td>'
    first, last = p.decision(team, key, first=True), p.decision(team, key)
    shown = first if p.basis == "eerste" else last
    if shown is None:
        return '<td class="none">–</td>'
    out = [mark(shown.error, lang)]
    if shown.error is not None or show_right:
        out.append(f'<span class="answer">{escape(words.answer(shown.answer, shown.label))}</span>')
    other: tuple[int, str | None] | None = None
    if p.basis == "eerste" and last is not None and len(track.attempts) > 1 and last is not first:
        if last.error != shown.error or last.answer != shown.answer:
            other = (len(track.attempts), last.error)
    elif p.basis == "laatste" and first is not None and len(track.attempts) > 1 and first.error != shown.error:
        other = (1, first.error)
    if other is not None:
        out.append(f'<span class="later">{escape(word("attempt_n", lang, n=other[0]))} {mark(other[1], lang)}</span>')
    return f"<td>{''.join(out)}</td>"


def _show_right(item: ItemSpread) -> bool:
    """Whether a right answer needs its words in the grid: only when the teams were right in different ways."""
    return sum(1 for g in item.groups if g.error is None) > 1


def _chunks(seq: Sequence[T], size: int) -> list[Sequence[T]]:
    """``seq`` in as few parts of at most ``size`` as possible, as even as possible (8 -> 4 + 4, not 6 + 2)."""
    parts = max(1, -(-len(seq) // size))
    per = -(-len(seq) // parts) if seq else 0
    return [seq[i:i + per] for i in range(0, len(seq), per)] if per else [seq]


def _expected(item: ItemSpread, lang: str) -> str:
    return f'<span class="expected">{escape(word("expected", lang, x=item.expected))}</span>'


def _grid_chunks(p: PuzzleSummary, words: Words, lang: str) -> Iterator[str]:
    """The decisions of one puzzle as tables that stay readable from 1 to 50 teams, on screen and on A4.

    Up to six teams: one row per item, one column per team. More teams: one row per team, one column per item,
    at most six items per table (the header row repeats on every printed page). One chunk per row."""
    teams = p.teams
    if len(teams) <= _GRID_TEAMS:
        cols = '<col class="item">' + "".join('<col class="team">' for _ in teams)
        head = "".join(f'<th scope="col">{escape(t.label)}</th>' for t in teams)
        yield (f'<table class="grid by-item cols-{len(teams)}"><colgroup>{cols}</colgroup><thead><tr>'
               f"<th>{escape(word('item', lang))}</th>{head}</tr></thead><tbody>")
        for item in p.items:
            right = _show_right(item)
            cells = "".join(_cell(p, t, item.key, words, right, lang) for t in teams)
            yield f'<tr><th scope="row">{escape(item.label)}{_expected(item, lang)}</th>{cells}</tr>'
        yield "</tbody></table>"
        return
    for part in _chunks(list(enumerate(p.items, 1)), _GRID_ITEMS):
        cols = '<col class="teamname">' + "".join('<col class="item">' for _ in part)
        head = "".join(f'<th scope="col"><span class="n">{n}.</span> {escape(short_label(item.label, 60))}'
                       f"{_expected(item, lang)}</th>" for n, item in part)
        yield (f'<table class="grid by-team cols-{len(part)}"><colgroup>{cols}</colgroup><thead><tr>'
               f"<th>{escape(word('team', lang))}</th>{head}</tr></thead><tbody>")
        shown = [(item.key, _show_right(item)) for _, item in part]
        for t in teams:
            cells = "".join(_cell(p, t, key, words, right, lang) for key, right in shown)
            yield f'<tr><th scope="row">{escape(t.label)}</th>{cells}</tr>'
        yield "</tbody></table>"


# --------------------------------------------------------------------------------------------------- one item


def _teams_in(group: AnswerGroup, item: ItemSpread, lang: str) -> str:
    """The teams of an answer group, in brackets; the biggest group of a large debrief is "alle andere teams"
    (it is every team not named in the other groups)."""
    if len(group.teams) > _NAMED_TEAMS and group is item.groups[0] and len(item.groups) > 1:
        return word("all_other_teams", lang)
    return ", ".join(group.teams)


def _cites(citations: Sequence[tuple[str, str, str]], lang: str) -> str:
    cites = ", ".join(link(cite, url) for _, cite, url in citations)
    return f'<p class="cites">{markup("articles", lang, x=cites)}</p>' if cites else ""


def _law_html(view: LawView, lang: str) -> str:
    rule = escape(word("rule", lang, rule=view.rule))
    return (f"<p>→ {escape(view.recipient)}: {verdict(view.decision, lang)} <span class=\"meta\">{rule}</span></p>"
            f"<p>{escape(view.explanation)}</p>" + _cites(view.citations, lang)
            + "".join(f'<p class="onzeker">{escape(word("uncertain", lang, x=note))}</p>' for note in view.uncertain))


def _seen_html(d: Debrief, item: ItemSpread) -> str:
    """The explanation the teams saw in the game, from their journals, when this computer has other content."""
    if not item.seen:
        return ""
    lang = d.lang
    note = word("seen_missing" if d.loaded is None else "seen_other", lang)
    views = "".join(f"<p>{mark(v.error, lang)} {escape(v.answer)} — {escape(v.explanation)} "
                    f'<span class="teams">({escape(", ".join(v.teams))})</span></p>' for v in item.seen)
    return (f'<div class="seen"><p><strong>{escape(word("seen_head", lang))}</strong> '
            f'<span class="meta">({escape(note)})</span></p>{views}</div>')


def _item_html(d: Debrief, item: ItemSpread) -> str:
    """One item: the bar and sentences of the spread, what the teams saw, and what the law says per recipient."""
    lang = d.lang
    segments = [(len(g.teams), status(g.error)) for g in item.groups]
    spread = "".join(f"<li>{mark(g.error, lang)} {escape(g.sentence)} "
                     f'<span class="teams">({escape(_teams_in(g, item, lang))})</span></li>' for g in item.groups)
    if item.not_reached:
        spread += f'<li class="teams">{escape(word("no_answer", lang, teams=", ".join(item.not_reached)))}</li>'
    law = "".join(_law_html(view, lang) for view in item.law)
    return (f'<section class="item"><h4>{escape(item.label)}</h4>{spread_svg(segments, item.total)}'
            f'<ul class="spread">{spread}</ul>' + _seen_html(d, item)
            + (f'<div class="law">{law}</div>' if law else "") + "</section>")


# --------------------------------------------------------------------------------------------------- what if


def _whatif_chunks(d: Debrief, panel: WhatIf) -> Iterator[str]:
    """"Maar wat als …?": per fact that changes a verdict, what changes and how each team would score."""
    lang = d.lang
    yield f'<section class="whatif"><h4>{escape(word("whatif", lang))}</h4>'
    unchanged = []
    for toggle in panel.toggles:
        changes = [c for c in panel.recompute(toggle) if c.changed]
        if not changes:
            unchanged.append(toggle.label)
            continue
        parts = [f"<p><strong>{escape(toggle.label)}</strong> <span class=\"meta\">({escape(toggle.now)})</span></p>"]
        for c in changes:
            becomes = markup("becomes", lang, old=verdict(c.old, lang), new=verdict(c.new, lang))
            parts.append(f'<div class="changed"><span class="tag">{escape(word("changed", lang))}</span> '
                         f"{escape(c.item)} → {escape(c.recipient)}: {becomes} "
                         f'<span class="meta">{escape(word("rule", lang, rule=c.new_rule))}</span>'
                         f"<p>{escape(c.explanation)}</p>" + _cites(c.citations, lang) + "</div>")
        effects = [e for e in panel.team_effects(toggle, d) if e.right_before != e.right_after]
        if effects:
            text = "; ".join(word("effect", lang, team=e.team, change=f"{e.right_before} → {e.right_after}", n=e.items)
                             for e in effects)
            parts.append(f'<p class="meta">{escape(word("effects", lang, x=text))}</p>')
        yield "".join(parts)
    if unchanged:
        yield f'<p class="meta">{escape(word("no_change", lang, x="; ".join(unchanged)))}</p>'
    yield "</section>"
