"""The HTML report as a stream of chunks: one self-contained document (inline CSS from ``report.css`` and SVG, no
external resources, prints to PDF) with per casus the teams, the privacy compass, every puzzle, a timeline per
team, the group's agreements and a section "Voor de begeleider" (``sections.py``), in the debrief's language.

Used by ``escaperoom.debrief.report.files`` (written to the file as it is produced) and by tests (joined).
Pure (no pygame). Every text from a journal or a casus (team names, reasons, labels, explanations, titles) is
escaped, in text and in attributes; the only links are the law citations (``http``/``https`` only).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from importlib import resources

from escaperoom import __version__
from escaperoom.debrief.agreements import AgreementBook
from escaperoom.debrief.compass import counted
from escaperoom.debrief.figures import right_first_time
from escaperoom.debrief.model import Debrief, SessionSet, TeamSession, clock
from escaperoom.debrief.report.marks import MARKS, mark_css, mark_head
from escaperoom.debrief.report.puzzle import puzzle_chunks
from escaperoom.debrief.report.sections import agreements_html, facilitator_html
from escaperoom.debrief.report.svg import compass
from escaperoom.debrief.report.texts import escape, markup, word

_PHASES = ("ontsnapt", "tijd_op", "beeindigd", "bezig")


def stylesheet() -> str:
    """The report's CSS (the package data file ``report.css``)."""
    return resources.files("escaperoom.debrief.report").joinpath("report.css").read_text(encoding="utf-8")


def html_chunks(debriefs: Sequence[Debrief], found: SessionSet | None = None, *, most_divided_first: bool = False,
                now: datetime | None = None, lang: str | None = None,
                agreements: AgreementBook | None = None) -> Iterator[str]:
    """The whole report, a section (or a table row) at a time. ``lang`` defaults to the debriefs' language;
    ``agreements`` are the group's (the debrief folder's ``afspraken.toml``)."""
    lang = lang or (debriefs[0].lang if debriefs else "nl")
    now = now or datetime.now()
    titles = ", ".join(d.title for d in debriefs) or word("no_sessions", lang)
    yield (f'<!DOCTYPE html>\n<html lang="{escape(lang)}"><head><meta charset="utf-8">'
           '<meta name="viewport" content="width=device-width, initial-scale=1">'
           f"<title>{escape(word('doc_title', lang, titles=titles))}</title><style>\n{stylesheet()}</style></head>"
           f"<body><header><h1>{escape(word('heading', lang))}</h1>"
           f'<p class="meta">{escape(word("made", lang, titles=titles, when=f"{now:%d-%m-%Y %H:%M}"))}</p></header>')
    yield _warnings_html(found, debriefs, lang)
    for d in debriefs:
        yield from _casus_chunks(d, most_divided_first, agreements)
    if not debriefs:
        yield f"<p>{escape(word('none_found', lang))}</p>"
    yield f"<footer>{escape(word('footer', lang, version=__version__))}</footer></body></html>\n"


def _warnings_html(found: SessionSet | None, debriefs: Sequence[Debrief], lang: str) -> str:
    lines: list[str] = []
    if found is not None:
        lines += [word("not_read", lang, x=b.line()) for b in found.broken]
        lines += [word("duplicate", lang, x=d.line()) for d in found.duplicates]
        lines += list(found.notes)
    for d in debriefs:
        lines += d.warnings
    if not lines:
        return ""
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    return (f'<section class="warnings" aria-label="{escape(word("warnings", lang))}">'
            f"<h2>{escape(word('warnings_head', lang))}</h2><ul>{items}</ul></section>")


def _casus_chunks(d: Debrief, most_divided_first: bool, agreements: AgreementBook | None = None) -> Iterator[str]:
    lang, casus = d.lang, escape(d.casus)
    teams = len(d.sessions)
    count = word("team_count_one" if teams == 1 else "team_count_many", lang, n=teams)
    when = f" · {d.started:%d-%m-%Y}" if d.started else ""
    spread = word("spread_first" if d.basis == "eerste" else "spread_last", lang)
    yield (f'<div class="casus" id="casus-{casus}"><h2>{escape(word("casus", lang, title=d.title))}</h2>'
           f'<p class="meta">{escape(count)}{when} · {escape(spread)}</p>')
    yield f'<section id="teams-{casus}"><h3>{escape(word("teams", lang))}</h3>'
    yield from _team_table_chunks(d)
    yield "</section>"
    yield _compass_html(d)
    ordered = d.ordered(most_divided_first)
    toc = "".join(f'<li><a href="#puzzel-{escape(p.id)}">{escape(p.title)}</a> — {escape(p.division_word)}</li>'
                  for p in ordered)
    heading = word("puzzles_divided" if most_divided_first else "puzzles", lang)
    yield (f'<nav aria-label="{escape(word("puzzles", lang))}"><h3>{escape(heading)}</h3><ol>{toc}</ol></nav>'
           f'<section class="section-puzzles"><h2>{escape(word("per_puzzle", lang))}</h2>')
    for i, p in enumerate(ordered):
        yield from puzzle_chunks(d, p, i + 1)
    yield (f'</section><section class="section-timelines"><h2>{escape(word("timelines", lang))}</h2>'
           '<div class="timelines">')
    for s in d.sessions:
        yield _timeline_html(d, s)
    yield "</div></section>"
    yield agreements_html(d, agreements)
    yield facilitator_html(d)
    yield "</div>"


def _team_table_chunks(d: Debrief) -> Iterator[str]:
    """The teams' table: one row per team (a chunk each), then what the counts mean."""
    lang = d.lang
    heads = [("col_team", ""), ("col_started", ""), ("col_end", ""), ("col_solved", "num"), ("col_right", "num"),
             ("col_broad", "num"), ("col_cautious", "num"), ("col_basis", "num"), ("col_hints", "num"),
             ("col_time", "num"), ("col_stability", "num")]
    symbols = {"col_right": "goed", "col_broad": "te_ruim", "col_cautious": "te_voorzichtig",
               "col_basis": "verkeerde_grondslag"}
    head = "".join((f'<th class="{css}">' if css else "<th>")
                   + (f"{MARKS[symbols[key]][1]} " if key in symbols else "") + f"{escape(word(key, lang))}</th>"
                   for key, css in heads)
    yield f'<table class="teams-table"><thead><tr>{head}</tr></thead><tbody>'
    rooms = len(d.puzzles)
    for s in d.sessions:
        yield _team_row(s, rooms, lang)
    yield f'</tbody></table><p class="meta">{escape(word("teams_note", lang))}</p>'


def _team_row(s: TeamSession, rooms: int, lang: str) -> str:
    errors = s.errors()
    started = s.started_local
    phase = word(f"phase_{s.phase}", lang) if s.phase in _PHASES else s.phase
    right_first = right_first_time(s)[0]  # as the big screen's overview counts it (debrief.figures)
    numbers = [escape(word("solved_of", lang, a=s.solved, b=rooms)), str(right_first), str(errors["te_ruim"]),
               str(errors["te_voorzichtig"]), str(errors["verkeerde_grondslag"]), str(s.hints),
               escape(clock(s.elapsed_s)), "" if s.stability is None else str(s.stability)]
    cells = "".join(f'<td class="num">{n}</td>' for n in numbers)
    return (f'<tr><th scope="row">{escape(s.label)}</th>'
            f'<td class="when">{escape(started.strftime("%d-%m-%Y %H:%M") if started else "–")}</td>'
            f"<td>{escape(phase)}</td>{cells}</tr>")


def _compass_html(d: Debrief) -> str:
    lang = d.lang
    svg, labels = compass(d.compass, 680, 480, lang)
    listing = ""
    if any(counted(label) for label in labels):
        listing += f"<p>{escape(word('compass_count', lang))}</p>"
    if any(not label.complete for label in labels):
        rows = "".join(f"<li><strong>▲ {lab.spot.y} · ▼ {lab.spot.x}</strong>: {escape(', '.join(lab.spot.teams))}</li>"
                       for lab in sorted(labels, key=lambda lab: (-lab.spot.y, lab.spot.x)))
        listing += (f'<h4>{escape(word("where", lang))}</h4><p class="meta">{escape(word("where_note", lang))}</p>'
                    f'<ul class="where">{rows}</ul>')
    text = markup("compass_text", lang, broad=f"<strong>{escape(word('strong_broad', lang))}</strong>",
                  cautious=f"<strong>{escape(word('strong_cautious', lang))}</strong>")
    return (f'<section id="kompas-{escape(d.casus)}"><h3>{escape(word("compass", lang))}</h3>'
            f'<div class="compass-wrap">{svg}<div><p>{text}</p>{listing}</div></div></section>')


def _timeline_html(d: Debrief, team: TeamSession) -> str:
    lang = d.lang
    items = []
    for step in team.steps:
        text = d.describe(step)
        lines = "".join(f'<li>{mark_head(line.status)} <strong class="mark {mark_css(line.status)}">'
                        f"{escape(line.word)}</strong>" + (f" · {escape(line.text)}" if line.text else "") + "</li>"
                        for line in text.lines)
        reason = f"<blockquote>{escape(word('reason', lang, x=text.reason))}</blockquote>" if text.reason else ""
        items.append(f'<li><span class="clock">{escape(text.clock)}</span><div>{mark_head(text.status)} '
                     f"{escape(text.headline)}" + (f"<ul>{lines}</ul>" if lines else "") + f"{reason}</div></li>")
    return (f'<section class="team-timeline" id="tijdlijn-{escape(team.session_id)}"><h3>{escape(team.label)}</h3>'
            f'<p class="meta">{escape(word("session", lang, id=team.session_id))}</p>'
            f'<ol class="timeline">{"".join(items)}</ol></section>')
