"""The debrief as files: one self-contained HTML report (inline CSS and SVG, prints to PDF) and a CSV for Excel.

Used by ``escaperoom debrief PAD --html rapport.html --csv beslissingen.csv``. Pure (no pygame). All team text
(team names, typed reasons) is user input and is escaped; the only links are the law citations.

CSV format (opens correctly in Dutch Excel): UTF-8 with BOM, ``;`` between fields, decimal comma, one row per item
decision of every attempt (the final lock's code included), in journal order per team. Text that Excel would read
as a formula (starting with ``= + - @``) gets a leading apostrophe. The lock's code is written as ``code 00000``:
a bare ``00000`` would become the number 0 in Excel, and the word keeps it text for Excel while a program that
reads the CSV still gets the digits unchanged after "code " (no invisible characters, no ``="…"`` formula).
The columns, in order (:data:`CSV_COLUMNS`):

    sessie       session id (the folder name in saves/)
    team         team name as shown in the debrief (made unique when two teams share a name)
    casus        scenario id
    puzzel       puzzle id
    soort        puzzle kind: sorteren, grondslag, zwartlakken, volgorde, dilemma, slot
    poging       attempt number at this puzzle (1, 2, ...)
    sleutel      item key within the puzzle (card id, beslissing:0, fragment:2, positie:3, keuze, code)
    gegeven      what was decided: the item (card, fragment, decision) as the team saw it; for volgorde the
                 place ("plaats 3"); for a dilemma the question; for the lock its title
    antwoord     what the team did, in words: recipient or "niet delen", basis, zwartgelakt/laten staan, the step
                 put at that place, the chosen option's text, or "code 00000"
    verwacht     what the law (or for volgorde/dilemma the author) expects, in words ("… of …" when several
                 answers are right); for the lock "code …"
    oordeel      the rule engine's verdict for the team's choice: moet delen, mag delen, mag niet delen (legal items)
    fout         goed, or the kind of error: te ruim, te voorzichtig, verkeerde grondslag, verkeerde volgorde, ...
    punten       credit for this item: 1, 0,5 or 0
    regel        the decisive rule of the engine (R01-R15 or a named step)
    grondslagen  the legal bases that carry the verdict, as citations separated by " | "
    artikelen    every provision cited in the engine's reasoning, separated by " | "
    reden        the reason the team typed with this attempt (may be empty)
    tijdstip     when the attempt was recorded, local time (YYYY-MM-DD HH:MM:SS)
    uitleg       the explanation the game showed the team for this item, from the journal (empty in old journals)
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from escaperoom import __version__
from escaperoom.debrief.compass import PlacedLabel, counted, estimate_width, place_labels, spots
from escaperoom.debrief.model import (
    ERROR_WORDS,
    LEGAL_ERRORS,
    VERDICT_WORDS,
    AnswerGroup,
    Debrief,
    ItemSpread,
    PuzzleSummary,
    SessionSet,
    TeamSession,
    clock,
    parse_time,
    puzzle_words,
    short_label,
    typed_by,
)
from escaperoom.debrief.whatif import whatif_for
from escaperoom.errors import SaveError
from escaperoom.kinds import Words
from escaperoom.storage.saves import atomic_write

CSV_COLUMNS = ("sessie", "team", "casus", "puzzel", "soort", "poging", "sleutel", "gegeven", "antwoord", "verwacht",
               "oordeel", "fout", "punten", "regel", "grondslagen", "artikelen", "reden", "tijdstip", "uitleg")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# Status -> (css class, symbol); meaning never by colour alone: each has a symbol and a word.
_MARKS = {
    "goed": ("goed", "✓"),
    "te_ruim": ("ruim", "▲"),
    "te_voorzichtig": ("voorzichtig", "▼"),
    "verkeerde_grondslag": ("grondslag", "◆"),
    "fout": ("fout", "✗"),
    "info": ("info", "•"),
}
_VERDICT_MARKS = {"moet_delen": ("moet", "➜"), "mag_delen": ("mag", "✓"), "mag_niet_delen": ("magniet", "✗")}


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _status(error: str | None) -> str:
    if error is None:
        return "goed"
    return error if error in LEGAL_ERRORS else "fout"


def _mark(error: str | None, word: str | None = None) -> str:
    css, symbol = _MARKS[_status(error)]
    label = word if word is not None else ERROR_WORDS.get(error, str(error))
    return f'<span class="mark {css}"><span aria-hidden="true">{symbol}</span> {_e(label)}</span>'


def _verdict(decision: str) -> str:
    css, symbol = _VERDICT_MARKS.get(decision, ("info", "•"))
    return f'<span class="verdict {css}"><span aria-hidden="true">{symbol}</span> {_e(VERDICT_WORDS.get(decision, decision))}</span>'


def _link(cite: str, url: str) -> str:
    if url.startswith(("https://", "http://")):
        return f'<a href="{_e(url)}">{_e(cite)}</a>'
    return _e(cite)


# --------------------------------------------------------------------------------------------------- SVG charts

_SVG_COLOURS = {"goed": "#1f8a4c", "te_ruim": "#c62828", "te_voorzichtig": "#b26a00", "verkeerde_grondslag": "#6a4fb3",
                "fout": "#5f6b7a", "info": "#5f6b7a"}


def compass_svg(points: Sequence[tuple[str, int, int]], width: int = 680, height: int = 480) -> str:
    """The privacy compass: per team te voorzichtig (x) against te ruim (y), as inline SVG. Team names stand next
    to their dot, inside the chart and clear of dots, axis numbers and each other; a crowded dot is summarised
    ("Team A, Team B (+46)") and a dot of several teams (or without room for a name) shows their number —
    :func:`compass_labels` says which, so the report can list them in full."""
    return _compass(points, width, height)[0]


def compass_labels(points: Sequence[tuple[str, int, int]], width: int = 680, height: int = 480) -> list[PlacedLabel]:
    """The labels :func:`compass_svg` writes (to tell whether every team is named in full)."""
    return _compass(points, width, height)[1]


_SVG_LABEL_PX = 15


def _compass(points: Sequence[tuple[str, int, int]], width: int, height: int) -> tuple[str, list[PlacedLabel]]:
    left, right, top, bottom = 70, 20, 20, 60
    top_value = max([3, *(p[1] for p in points), *(p[2] for p in points)]) + 1
    plot_w, plot_h = width - left - right, height - top - bottom

    def x(v: float) -> float:
        return left + plot_w * v / top_value

    def y(v: float) -> float:
        return top + plot_h * (1 - v / top_value)

    parts = [f'<svg class="compass" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
             'aria-labelledby="kompas-titel kompas-uitleg" xmlns="http://www.w3.org/2000/svg">',
             '<title id="kompas-titel">Privacykompas</title>',
             '<desc id="kompas-uitleg">Per team het aantal keer te ruim gedeeld (verticaal) tegen het aantal keer '
             'te voorzichtig (horizontaal).</desc>',
             f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="#f7f9fc" stroke="#9aa7b8"/>']
    step = 1 if top_value <= 10 else 2 if top_value <= 20 else 5
    tick = estimate_width(13, bold=False)
    obstacles: list[tuple[float, float, float, float]] = []
    for v in range(0, top_value + 1, step):
        parts.append(f'<line x1="{x(v):.1f}" y1="{top}" x2="{x(v):.1f}" y2="{top + plot_h}" stroke="#dde3ec"/>')
        parts.append(f'<line x1="{left}" y1="{y(v):.1f}" x2="{left + plot_w}" y2="{y(v):.1f}" stroke="#dde3ec"/>')
        parts.append(f'<text x="{x(v):.1f}" y="{top + plot_h + 22}" text-anchor="middle" class="tick">{v}</text>')
        parts.append(f'<text x="{left - 10}" y="{y(v) + 5:.1f}" text-anchor="end" class="tick">{v}</text>')
        w = tick(str(v))
        obstacles.append((x(v) - w / 2 - 3, top + plot_h + 8, x(v) + w / 2 + 3, top + plot_h + 26))
        obstacles.append((left - 12 - w, y(v) - 9, left - 8, y(v) + 9))
    parts.append(f'<line x1="{x(0):.1f}" y1="{y(0):.1f}" x2="{x(top_value):.1f}" y2="{y(top_value):.1f}" '
                 'stroke="#9aa7b8" stroke-dasharray="6 6"/>')
    zone = estimate_width(14, bold=False)
    zx, zy = x(top_value * 0.04), y(top_value * 0.95) + 4
    parts.append(f'<text x="{zx:.1f}" y="{zy:.1f}" class="zone">te ruim ↑</text>')
    obstacles.append((zx - 2, zy - 14, zx + zone("te ruim ↑") + 2, zy + 4))
    zx2, zy2 = x(top_value * 0.97), y(top_value * 0.04)
    parts.append(f'<text x="{zx2:.1f}" y="{zy2:.1f}" text-anchor="end" class="zone">te voorzichtig →</text>')
    obstacles.append((zx2 - zone("te voorzichtig →") - 2, zy2 - 14, zx2 + 2, zy2 + 4))
    parts.append(f'<text x="{left + plot_w / 2:.1f}" y="{height - 10}" text-anchor="middle" class="axis">'
                 'te voorzichtig (niet gedeeld wat mocht of moest)</text>')
    parts.append(f'<text transform="translate(18 {top + plot_h / 2:.1f}) rotate(-90)" text-anchor="middle" '
                 'class="axis">te ruim (gedeeld wat niet mocht)</text>')
    groups = spots(points)
    measure = estimate_width(_SVG_LABEL_PX)
    bounds = (left + 2, 2, width - 4, top + plot_h + 7)
    labels = place_labels(groups, lambda vx, vy: (x(vx), y(vy)), measure, 19, bounds, obstacles,
                          dot_radius=12, gap=4)
    for label in labels:
        level = abs((label.box[1] + label.box[3]) / 2 - label.centre[1]) <= (label.box[3] - label.box[1]) / 2
        if label.far or not level:  # not level with its dot: a leader line
            bx = min(max(label.centre[0], label.box[0]), label.box[2])
            by = min(max(label.centre[1], label.box[1]), label.box[3])
            parts.append(f'<line x1="{label.centre[0]:.1f}" y1="{label.centre[1]:.1f}" x2="{bx:.1f}" y2="{by:.1f}" '
                         'stroke="#5f6b7a" stroke-width="1.5"/>')
    for label in labels:
        cx, cy = label.centre
        big = counted(label)
        parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{12 if big else 9}" fill="#1b2a41" stroke="#fff" '
                     'stroke-width="2"/>')
        if big:  # the number of teams at this spot
            parts.append(f'<text x="{cx:.1f}" y="{cy + 4.5:.1f}" text-anchor="middle" class="count">'
                         f"{len(label.spot.teams)}</text>")
    for label in labels:
        if label.placed:
            parts.append(f'<text x="{label.box[0]:.1f}" y="{label.box[3] - 5:.1f}" class="team">{_e(label.text)}'
                         "</text>")
    parts.append("</svg>")
    return "".join(parts), labels


def spread_svg(segments: Sequence[tuple[int, str]], total: int) -> str:
    """A stacked bar of ``total`` teams: (count, status) segments, then the teams without an answer."""
    if total <= 0:
        return ""
    parts = ['<svg class="bar" viewBox="0 0 100 6" preserveAspectRatio="none" role="presentation" '
             'xmlns="http://www.w3.org/2000/svg">', '<rect x="0" y="0" width="100" height="6" fill="#e6eaf0"/>']
    pos = 0.0
    for count, status in segments:
        w = 100 * count / total
        parts.append(f'<rect x="{pos:.2f}" y="0" width="{w:.2f}" height="6" fill="{_SVG_COLOURS.get(status, "#5f6b7a")}"'
                     ' stroke="#fff" stroke-width="0.4"/>')
        pos += w
    parts.append("</svg>")
    return "".join(parts)


# --------------------------------------------------------------------------------------------------- HTML

_CSS = """
:root { --ink:#17212e; --muted:#4d5b6c; --line:#c9d2de; --soft:#f3f6fa; --accent:#b85c00;
  --goed:#1f7a45; --ruim:#b71c1c; --voorzichtig:#8a5300; --grondslag:#5b3fa3; --fout:#4d5b6c; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Atkinson Hyperlegible", "Segoe UI", "Noto Sans", Arial, sans-serif; color: var(--ink);
  margin: 0 auto; max-width: 1280px; padding: 32px 40px 64px; line-height: 1.45; font-size: 17px; background: #fff; }
h1 { font-size: 36px; margin: 0 0 4px; }
h2 { font-size: 27px; margin: 44px 0 12px; padding-bottom: 6px; border-bottom: 3px solid var(--ink); }
h3 { font-size: 22px; margin: 0 0 6px; }
h4 { font-size: 18px; margin: 18px 0 4px; }
h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
p { margin: 6px 0; }
.meta { color: var(--muted); }
.warnings { border: 2px solid var(--accent); background: #fff6ec; padding: 12px 18px; border-radius: 8px; margin: 18px 0; }
.warnings h2 { border: 0; margin: 0 0 6px; font-size: 20px; padding: 0; }
.warnings li { margin: 4px 0; }
nav { margin-top: 24px; }
nav ol { columns: 2; margin: 8px 0; }
table { border-collapse: collapse; width: 100%; margin: 10px 0; font-size: 15.5px; }
th, td { border: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: var(--soft); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.when { white-space: nowrap; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.mark, .verdict { font-weight: 700; }
.verdict { white-space: nowrap; }
.mark.goed, .verdict.mag { color: var(--goed); }
.mark.ruim, .verdict.magniet { color: var(--ruim); }
.mark.voorzichtig { color: var(--voorzichtig); }
.mark.grondslag, .verdict.moet { color: var(--grondslag); }
.mark.fout, .mark.info { color: var(--fout); }
.verdict.moet { color: #1d4f91; }
.answer { display: block; color: var(--muted); font-size: 14px; font-weight: 400; }
.later { display: block; font-size: 14px; }
.puzzle { border: 1px solid var(--line); border-radius: 10px; padding: 18px 22px; margin: 22px 0; }
.puzzle header { display: flex; justify-content: space-between; gap: 16px; align-items: baseline; }
.division { font-weight: 700; border: 2px solid var(--ink); border-radius: 999px; padding: 2px 12px; white-space: nowrap; }
.division.sterk { border-color: var(--ruim); color: var(--ruim); }
.task { font-style: italic; }
table.grid { table-layout: fixed; }
table.grid td, table.grid th { overflow-wrap: break-word; hyphens: auto; }
table.grid .expected { display: block; font-weight: 400; color: var(--muted); font-size: 14px; margin-top: 2px; }
table.grid .n { color: var(--muted); }
table.by-item col.item { width: 28%; }
table.by-item.cols-1 col.item { width: 40%; } table.by-item.cols-2 col.item { width: 34%; }
table.by-team col.teamname { width: 19%; }
table.grid td.none { color: var(--muted); }
.item { border-top: 1px solid var(--line); padding-top: 6px; margin-top: 14px; }
.item h4 { margin-top: 4px; }
.bar { width: 100%; height: 14px; display: block; margin: 6px 0; border-radius: 3px; }
ul.spread { list-style: none; padding: 0; margin: 4px 0; }
ul.spread li { margin: 2px 0; break-inside: avoid; }
.teams { color: var(--muted); }
.law { background: var(--soft); border-radius: 6px; padding: 6px 10px; margin: 6px 0; }
.law p { margin: 3px 0; }
.law p.onzeker { color: #7a4b00; font-style: italic; }
.seen { border-left: 4px solid var(--accent); background: #fff6ec; border-radius: 6px; padding: 6px 10px; margin: 6px 0; }
.seen p { margin: 3px 0; }
.cites a { color: #1d4f91; }
blockquote { margin: 6px 0; padding: 4px 12px; border-left: 4px solid var(--line); break-inside: avoid; }
blockquote .who { font-weight: 700; }
.questions li { margin: 4px 0; font-weight: 600; }
.whatif { border: 2px dashed var(--line); border-radius: 8px; padding: 8px 14px; margin-top: 14px; }
.whatif h4 { margin-top: 4px; }
.changed { border: 3px solid var(--accent); border-radius: 6px; padding: 4px 8px; margin: 4px 0; break-inside: avoid; }
.changed .tag { font-weight: 800; color: var(--accent); letter-spacing: .04em; }
.compass-wrap { display: flex; gap: 28px; align-items: flex-start; flex-wrap: wrap; break-inside: avoid; }
table.teams-table th[scope="row"] { min-width: 9em; }
.compass-wrap > div { flex: 1 1 280px; }
.compass { max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 8px; }
.compass .tick { font-size: 13px; fill: #4d5b6c; }
.compass .axis { font-size: 15px; fill: #17212e; font-weight: 700; }
.compass .zone { font-size: 14px; fill: #4d5b6c; font-style: italic; }
.compass .team { font-size: 15px; fill: #17212e; font-weight: 700; }
.compass .count { font-size: 13px; fill: #fff; font-weight: 700; }
ul.where { padding-left: 18px; margin: 4px 0; font-size: 15px; }
.timeline { list-style: none; padding: 0; }
.timeline > li { display: grid; grid-template-columns: 64px 1fr; gap: 10px; padding: 6px 0; border-bottom: 1px solid #e6eaf0; break-inside: avoid; }
.timeline .clock { font-variant-numeric: tabular-nums; color: var(--muted); font-weight: 700; }
.timeline ul { margin: 4px 0 0; padding-left: 18px; font-size: 15px; list-style: none; }
.team-timeline { margin-top: 22px; }
footer { margin-top: 48px; color: var(--muted); font-size: 14px; }
@page { size: A4; margin: 12mm 11mm; }
@media print {
  body { font-size: 10pt; padding: 0; max-width: none; line-height: 1.35; }
  h1 { font-size: 20pt; } h2 { font-size: 15pt; margin: 6mm 0 3mm; } h3 { font-size: 12.5pt; } h4 { font-size: 10.5pt; margin: 3mm 0 1mm; }
  nav { display: none; }
  .casus + .casus, .section-puzzles, .section-timelines { break-before: page; }
  .puzzle { break-inside: auto; padding: 3mm 4mm; margin: 4mm 0; border-radius: 4px; }
  .compass { width: 118mm; height: auto; }
  .compass-wrap { flex-wrap: nowrap; gap: 5mm; }
  table { font-size: 8.5pt; margin: 2mm 0; }
  th, td { padding: 2px 4px; }
  .answer, .later, table.grid .expected { font-size: 7.5pt; }
  .item { margin-top: 2.5mm; padding-top: 1mm; }
  .bar { height: 8px; margin: 1mm 0; }
  .law, .seen { padding: 1.5mm 2.5mm; margin: 1.5mm 0; }
  .law p, .seen p, ul.spread li { margin: 0.6mm 0; }
  .timeline > li { grid-template-columns: 12mm 1fr; padding: 1mm 0; gap: 2mm; }
  .timeline ul { font-size: 8.5pt; }
  .timelines { columns: 2; column-gap: 7mm; }
  .team-timeline { margin-top: 0; padding-top: 3mm; }
  .team-timeline h3 { break-after: avoid; }
  ul.where { font-size: 8.5pt; }
  a { color: inherit; text-decoration: none; }
}
"""


def _warnings_html(found: SessionSet | None, debriefs: Sequence[Debrief]) -> str:
    lines: list[str] = []
    if found is not None:
        lines += [f"Niet gelezen: {b.line()}" for b in found.broken]
        lines += [f"Dubbel: {d.line()}" for d in found.duplicates]
        lines += list(found.notes)
    for d in debriefs:
        lines += d.warnings
    if not lines:
        return ""
    items = "".join(f"<li>{_e(line)}</li>" for line in lines)
    return f'<section class="warnings" aria-label="Waarschuwingen"><h2>Let op</h2><ul>{items}</ul></section>'


def _team_table(d: Debrief) -> str:
    rows = []
    phases = {"ontsnapt": "ontsnapt", "tijd_op": "tijd op", "beeindigd": "beëindigd", "bezig": "niet afgerond"}
    for s in d.sessions:
        errors = s.errors()
        rooms = len(d.puzzles)
        started = s.started_local
        rows.append(
            f"<tr><th scope=\"row\">{_e(s.label)}</th><td class=\"when\">{_e(started.strftime('%d-%m-%Y %H:%M') if started else '–')}</td>"
            f"<td>{_e(phases.get(s.phase, s.phase))}</td><td class=\"num\">{s.solved} van {rooms}</td>"
            f"<td class=\"num\">{s.right}</td><td class=\"num\">{errors['te_ruim']}</td>"
            f"<td class=\"num\">{errors['te_voorzichtig']}</td><td class=\"num\">{errors['verkeerde_grondslag']}</td>"
            f"<td class=\"num\">{s.hints}</td><td class=\"num\">{clock(s.elapsed_s)}</td>"
            f"<td class=\"num\">{'' if s.stability is None else s.stability}</td></tr>")
    head = ("<tr><th>Team</th><th>Gestart</th><th>Afloop</th><th class=\"num\">Opgelost</th>"
            "<th class=\"num\">✓ goed</th><th class=\"num\">▲ te ruim</th><th class=\"num\">▼ te voorzichtig</th>"
            "<th class=\"num\">◆ verkeerde grondslag</th><th class=\"num\">Hints</th><th class=\"num\">Speeltijd</th>"
            "<th class=\"num\">Stabiliteit</th></tr>")
    return (f"<table class=\"teams-table\"><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"
            "<p class=\"meta\">Goed en fouten tellen beslissingen zoals het spel ze telt: een gegeven telt als het oordeel "
            "erover verandert, goed hoogstens één keer per puzzel; dezelfde fout opnieuw insturen telt niet nog eens. "
            "Het slot telt niet mee.</p>")


_GRID_TEAMS = 6  # up to this many teams a puzzle's grid has items down and teams across; more: teams down
_GRID_ITEMS = 6  # ... and then at most this many items across per table


def _cell(p: PuzzleSummary, team: TeamSession, key: str, words: Words, show_right: bool) -> str:
    """One team's decision for one item: the mark (symbol and word), what the team did when it was wrong (or when
    the right answers differ, ``show_right``), and the other attempt when it ended differently."""
    track = p.track(team)
    if track is None or not track.attempts:
        return '<td class="none">–<span class="answer">niet gespeeld</span></td>'
    first, last = p.decision(team, key, first=True), p.decision(team, key)
    shown = first if p.basis == "eerste" else last
    if shown is None:
        return '<td class="none">–</td>'
    out = [_mark(shown.error)]
    if shown.error is not None or show_right:
        out.append(f'<span class="answer">{_e(words.answer(shown.answer, shown.label))}</span>')
    if p.basis == "eerste" and last is not None and len(track.attempts) > 1 and last is not first:
        if last.error != shown.error or last.answer != shown.answer:
            out.append(f'<span class="later">poging {len(track.attempts)}: {_mark(last.error)}</span>')
    elif p.basis == "laatste" and first is not None and len(track.attempts) > 1 and first.error != shown.error:
        out.append(f'<span class="later">poging 1: {_mark(first.error)}</span>')
    return f"<td>{''.join(out)}</td>"


def _show_right(item: ItemSpread) -> bool:
    """Whether a right answer needs its words in the grid: only when the teams were right in different ways."""
    return sum(1 for g in item.groups if g.error is None) > 1


def _chunks(seq: Sequence[Any], size: int) -> list[Sequence[Any]]:
    """``seq`` in as few parts of at most ``size`` as possible, as even as possible (8 -> 4 + 4, not 6 + 2)."""
    parts = max(1, -(-len(seq) // size))
    per = -(-len(seq) // parts) if seq else 0
    return [seq[i:i + per] for i in range(0, len(seq), per)] if per else [seq]


def _grid_html(p: PuzzleSummary, words: Words) -> str:
    """The decisions of one puzzle as tables that stay readable from 1 to 50 teams, on screen and on A4.

    Up to six teams: one row per item, one column per team. More teams: one row per team, one column per item,
    at most six items per table (the header row repeats on every printed page)."""
    teams = p.teams
    if len(teams) <= _GRID_TEAMS:
        cols = '<col class="item">' + "".join('<col class="team">' for _ in teams)
        head = "".join(f'<th scope="col">{_e(t.label)}</th>' for t in teams)
        rows = []
        for item in p.items:
            right = _show_right(item)
            cells = "".join(_cell(p, t, item.key, words, right) for t in teams)
            rows.append(f'<tr><th scope="row">{_e(item.label)}<span class="expected">verwacht: {_e(item.expected)}'
                        f"</span></th>{cells}</tr>")
        return (f'<table class="grid by-item cols-{len(teams)}"><colgroup>{cols}</colgroup><thead><tr>'
                f"<th>Gegeven</th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")
    tables = []
    numbered = list(enumerate(p.items, 1))
    for part in _chunks(numbered, _GRID_ITEMS):
        cols = '<col class="teamname">' + "".join('<col class="item">' for _ in part)
        head = "".join(f'<th scope="col"><span class="n">{n}.</span> {_e(short_label(item.label, 60))}'
                       f'<span class="expected">verwacht: {_e(item.expected)}</span></th>' for n, item in part)
        rights = [_show_right(item) for _, item in part]
        rows = "".join(f'<tr><th scope="row">{_e(t.label)}</th>'
                       + "".join(_cell(p, t, item.key, words, right) for (_, item), right in zip(part, rights))
                       + "</tr>" for t in teams)
        tables.append(f'<table class="grid by-team cols-{len(part)}"><colgroup>{cols}</colgroup><thead><tr>'
                      f"<th>Team</th>{head}</tr></thead><tbody>{rows}</tbody></table>")
    return "".join(tables)


def _teams_in(group: AnswerGroup, item: ItemSpread) -> str:
    """The teams of an answer group, in brackets; the biggest group of a large debrief is "de overige N teams"
    (it is every team not named in the other groups)."""
    if len(group.teams) > 10 and group is item.groups[0] and len(item.groups) > 1:
        return "alle andere teams"
    return ", ".join(group.teams)


def _seen_html(d: Debrief, item: ItemSpread) -> str:
    """The explanation the teams saw in the game, from their journals, when this computer has other content."""
    if not item.seen:
        return ""
    if d.loaded is None:
        note = "de casus staat niet op deze computer; dit is de uitleg uit de journaals"
    else:
        note = ("hun versie van de casus verschilt van die op deze computer; dit is wat zij in het spel lazen")
    views = "".join(f"<p>{_mark(v.error)} {_e(v.answer)} — {_e(v.explanation)} "
                    f'<span class="teams">({_e(", ".join(v.teams))})</span></p>' for v in item.seen)
    return (f'<div class="seen"><p><strong>Uitleg die de teams in het spel zagen</strong> '
            f'<span class="meta">({_e(note)})</span></p>{views}</div>')


def _puzzle_html(d: Debrief, p: PuzzleSummary, number: int) -> str:
    words = puzzle_words(d.book, d.loaded, p.id, p.kind, d.lang)
    strong = " sterk" if p.division_level == "divided" else ""
    out = [f'<article class="puzzle" id="puzzel-{_e(p.id)}"><header><h3>{number}. {_e(p.title)}</h3>'
           f'<span class="division{strong}">{_e(p.division_word)} ({round(100 * p.division)}%)</span></header>',
           f'<p class="meta">{_e(p.kind_word)}'
           + (f" · station {_e(p.station)}" if p.station else "") + "</p>"]
    if p.task:
        out.append(f'<p class="task">{_e(p.task)}</p>')
    basis = "eerste poging" if p.basis == "eerste" else "laatste poging"
    out.append(_grid_html(p, words))
    out.append(f'<p class="meta">Per team de {basis}; ✓ goed, ▲ te ruim, ▼ te voorzichtig, ◆ verkeerde grondslag, '
               "✗ andere fout. Bij een fout staat eronder wat het team deed, en hoe de laatste poging uitpakte.</p>"
               if p.basis == "eerste" else
               f'<p class="meta">Per team de {basis}; ✓ goed, ▲ te ruim, ▼ te voorzichtig, ◆ verkeerde grondslag, '
               "✗ andere fout. Bij een fout staat eronder wat het team deed, en hoe de eerste poging uitpakte.</p>")
    for item in p.items:
        segs = [(len(g.teams), _status(g.error)) for g in item.groups]
        spread = "".join(
            f"<li>{_mark(g.error, ERROR_WORDS.get(g.error, g.error))} {_e(g.sentence)} "
            f'<span class="teams">({_e(_teams_in(g, item))})</span></li>' for g in item.groups)
        if item.not_reached:
            spread += f'<li class="teams">Geen antwoord: {_e(", ".join(item.not_reached))}</li>'
        law = ""
        for view in item.law:
            cites = ", ".join(_link(c, u) for _, c, u in view.citations)
            law += (f"<p>→ {_e(view.recipient)}: {_verdict(view.decision)} <span class=\"meta\">(regel {_e(view.rule)})"
                    f"</span></p><p>{_e(view.explanation)}</p>"
                    + (f'<p class="cites">Artikelen: {cites}</p>' if cites else "")
                    + "".join(f'<p class="onzeker">[onzeker] {_e(note)}</p>' for note in view.uncertain))
        out.append(f'<section class="item"><h4>{_e(item.label)}</h4>{spread_svg(segs, item.total)}'
                   f'<ul class="spread">{spread}</ul>' + _seen_html(d, item)
                   + (f'<div class="law">{law}</div>' if law else "") + "</section>")
    if p.reasons:
        quotes = "".join(f'<blockquote><span class="who">{_e(typed_by(teams))}</span>: {_e(reason)}</blockquote>'
                         for reason, teams in p.reason_groups())
        out.append(f"<h4>Redenen van de teams</h4>{quotes}")
    if p.intervisie:
        qs = "".join(f"<li>{_e(q)}</li>" for q in p.intervisie)
        out.append(f'<h4>Intervisievragen</h4><ol class="questions">{qs}</ol>')
    out.append(_whatif_html(d, p))
    out.append("</article>")
    return "".join(out)


def _whatif_html(d: Debrief, p: PuzzleSummary) -> str:
    panel = whatif_for(d, p.id)
    if panel is None or not panel.toggles:
        return ""
    parts = ['<section class="whatif"><h4>Maar wat als …?</h4>']
    unchanged = []
    for toggle in panel.toggles:
        changes = [c for c in panel.recompute(toggle) if c.changed]
        if not changes:
            unchanged.append(toggle.label)
            continue
        parts.append(f"<p><strong>{_e(toggle.label)}</strong> <span class=\"meta\">({_e(toggle.now)})</span></p>")
        for c in changes:
            cites = ", ".join(_link(ct, u) for _, ct, u in c.citations)
            parts.append(f'<div class="changed"><span class="tag">VERANDERT</span> {_e(c.item)} → {_e(c.recipient)}: '
                         f"{_verdict(c.old)} wordt {_verdict(c.new)} <span class=\"meta\">(regel {_e(c.new_rule)})</span>"
                         f"<p>{_e(c.explanation)}</p>" + (f'<p class="cites">Artikelen: {cites}</p>' if cites else "")
                         + "</div>")
        effects = [e for e in panel.team_effects(toggle, d) if e.right_before != e.right_after]
        if effects:
            text = "; ".join(f"{e.team}: {e.right_before} → {e.right_after} van {e.items} goed" for e in effects)
            parts.append(f'<p class="meta">Met deze aanname: {_e(text)}.</p>')
    if unchanged:
        parts.append('<p class="meta">Verandert geen oordeel: ' + _e("; ".join(unchanged)) + "</p>")
    parts.append("</section>")
    return "".join(parts)


def _timeline_html(d: Debrief, team: TeamSession) -> str:
    items = []
    for step in team.steps:
        text = d.describe(step)
        lines = "".join(f"<li>{_mark_head(line.status)} <strong class=\"mark {_MARKS.get(line.status, _MARKS['info'])[0]}\">"
                        f"{_e(line.word)}</strong>" + (f" · {_e(line.text)}" if line.text else "") + "</li>"
                        for line in text.lines)
        reason = f"<blockquote>Reden: {_e(text.reason)}</blockquote>" if text.reason else ""
        items.append(f'<li><span class="clock">{_e(text.clock)}</span><div>{_mark_head(text.status)} '
                     f"{_e(text.headline)}" + (f"<ul>{lines}</ul>" if lines else "") + f"{reason}</div></li>")
    return (f'<section class="team-timeline" id="tijdlijn-{_e(team.session_id)}"><h3>{_e(team.label)}</h3>'
            f'<p class="meta">sessie {_e(team.session_id)}</p><ol class="timeline">{"".join(items)}</ol></section>')


def _mark_head(status: str) -> str:
    css, symbol = _MARKS.get(status, _MARKS["info"])
    return f'<span class="mark {css}" aria-hidden="true">{symbol}</span>'


def _compass_html(d: Debrief) -> str:
    points = d.compass
    svg, labels = _compass(points, 680, 480)
    listing = ""
    if any(counted(label) for label in labels):
        listing += "<p>Een getal in een stip is het aantal teams op die plek.</p>"
    if any(not label.complete for label in labels):
        rows = "".join(f"<li><strong>▲ {lab.spot.y} · ▼ {lab.spot.x}</strong>: {_e(', '.join(lab.spot.teams))}</li>"
                       for lab in sorted(labels, key=lambda lab: (-lab.spot.y, lab.spot.x)))
        listing += (f'<h4>Wie staat waar</h4><p class="meta">Waar het druk is noemt het kompas de eerste teams en '
                    f'"(+N)", of alleen hun aantal; hier staan ze allemaal.</p><ul class="where">{rows}</ul>')
    return (f'<section id="kompas-{_e(d.casus)}"><h3>Privacykompas</h3><div class="compass-wrap">' + svg
            + '<div><p>Elk team staat op de plek van zijn fouten: hoe vaker <strong>te ruim</strong> gedeeld '
            '(gedeeld wat niet mocht), hoe hoger; hoe vaker <strong>te voorzichtig</strong> (niet gedeeld wat '
            'mocht of moest), hoe verder naar rechts. Linksonder is in balans; de stippellijn is evenveel van '
            "beide. De tellingen staan per team in de tabel hierboven.</p>"
            + listing + "</div></div></section>")


def _casus_html(d: Debrief, most_divided_first: bool) -> str:
    when = d.started
    teams = len(d.sessions)
    basis = "de eerste poging van elk team" if d.basis == "eerste" else "de laatste poging van elk team"
    out = [f'<div class="casus" id="casus-{_e(d.casus)}">',
           f"<h2>Casus: {_e(d.title)}</h2>",
           f'<p class="meta">{teams} team{"s" if teams != 1 else ""}'
           + (f" · {when:%d-%m-%Y}" if when else "") + f" · de spreiding telt {basis}</p>"]
    out.append(f'<section id="teams-{_e(d.casus)}"><h3>Teams</h3>' + _team_table(d) + "</section>")
    out.append(_compass_html(d))
    ordered = d.ordered(most_divided_first)
    toc = "".join(f'<li><a href="#puzzel-{_e(p.id)}">{_e(p.title)}</a> — {_e(p.division_word)}</li>' for p in ordered)
    out.append(f'<nav aria-label="Puzzels"><h3>Puzzels{" (meest verdeeld eerst)" if most_divided_first else ""}</h3>'
               f"<ol>{toc}</ol></nav>")
    out.append('<section class="section-puzzles"><h2>Per puzzel</h2>'
               + "".join(_puzzle_html(d, p, i + 1) for i, p in enumerate(ordered)) + "</section>")
    out.append('<section class="section-timelines"><h2>Tijdlijn per team</h2><div class="timelines">'
               + "".join(_timeline_html(d, s) for s in d.sessions) + "</div></section>")
    out.append("</div>")
    return "".join(out)


def render_html(debriefs: Sequence[Debrief], found: SessionSet | None = None, *,
                most_divided_first: bool = False, now: datetime | None = None) -> str:
    """The whole report as one HTML document (no external resources)."""
    now = now or datetime.now()
    titles = ", ".join(d.title for d in debriefs) or "geen sessies"
    body = "".join(_casus_html(d, most_divided_first) for d in debriefs)
    if not debriefs:
        body = "<p>Er zijn geen bruikbare sessies gevonden.</p>"
    return ("<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>Nabespreking — {_e(titles)}</title><style>{_CSS}</style></head><body>"
            f"<header><h1>Nabespreking Privacy Escape Room</h1><p class=\"meta\">{_e(titles)} · rapport gemaakt op "
            f"{now:%d-%m-%Y %H:%M}</p></header>"
            + _warnings_html(found, debriefs) + body
            + f"<footer>Privacy Escape Room {_e(__version__)}. Alleen teamnamen, geen namen van deelnemers. De "
            "oordelen komen van de rule engine van het spel en zijn een hulpmiddel voor het gesprek, geen juridisch "
            "advies.</footer></body></html>\n")


# --------------------------------------------------------------------------------------------------- CSV


def _cell_text(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def _decimal(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def _csv_words(d: Debrief, team: TeamSession, a: Any, item: Any) -> tuple[str, str, str]:
    """(gegeven, antwoord, verwacht) of one CSV row. A dilemma's row names the question as ``gegeven`` and the
    chosen option as ``antwoord``; the lock's code is written as "code 00000" (text, also in Excel); a team that
    played other content than this computer's gets the option and step texts from its own journal."""
    own = d.loaded if team.label not in d.other_version else None
    return puzzle_words(d.book, own, a.puzzle, a.kind, d.lang).csv(item.key, item.label, item.answer, item.expected)


def csv_rows(debriefs: Sequence[Debrief]) -> list[list[str]]:
    """The CSV rows (without header): one per item decision."""
    rows: list[list[str]] = []
    for d in debriefs:
        for team in d.sessions:
            for step in team.steps:
                a = step.attempt
                if a is None:
                    continue
                local = parse_time(a.t)
                stamp = local.strftime("%Y-%m-%d %H:%M:%S") if local else a.t
                for item in a.items:
                    cites = [d.book.cite(c) if c in d.book.provisions else c for c in item.citations]
                    bases = [d.book.cite(c) if c in d.book.provisions else c for c in item.bases]
                    given, answer, expected = _csv_words(d, team, a, item)
                    rows.append([
                        team.session_id, team.label, team.casus, a.puzzle, a.kind, str(a.number), item.key,
                        given, answer, expected, VERDICT_WORDS.get(item.verdict or "", item.verdict or ""),
                        ERROR_WORDS.get(item.error, item.error or ""), _decimal(item.points), item.rule or "",
                        " | ".join(bases), " | ".join(cites), a.reason, stamp, item.explanation,
                    ])
    return [[_cell_text(v) for v in row] for row in rows]


def render_csv(debriefs: Sequence[Debrief]) -> str:
    """The CSV text (without BOM; :func:`write_csv` adds it)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_rows(debriefs))
    return buffer.getvalue()


# --------------------------------------------------------------------------------------------------- files


def _write(path: Path, data: bytes) -> None:
    """Write atomically next to the target, so an open report is never half-written."""
    try:
        atomic_write(path, data)
    except OSError as err:
        reason = err.strerror or err
        if isinstance(err, PermissionError):
            reason = f"{reason}; is het bestand nog open in een ander programma?"
        raise SaveError(path, f"het rapport kan niet geschreven worden ({reason}).") from None


def write_html(debriefs: Sequence[Debrief], path: Path | str, found: SessionSet | None = None, *,
               most_divided_first: bool = False) -> Path:
    _write(Path(path), render_html(debriefs, found, most_divided_first=most_divided_first).encode("utf-8"))
    return Path(path)


def write_csv(debriefs: Sequence[Debrief], path: Path | str) -> Path:
    _write(Path(path), render_csv(debriefs).encode("utf-8-sig"))
    return Path(path)
