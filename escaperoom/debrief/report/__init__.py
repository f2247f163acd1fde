"""The debrief as files: one self-contained HTML report (inline CSS and SVG, prints to PDF) and a CSV for Excel,
both produced as a stream of chunks and written to the file as they are produced, in Dutch or English.

Used by ``escaperoom debrief PAD --html rapport.html --csv beslissingen.csv [--lang en]``. Pure (no pygame).

    html.py     the document: casus, teams, compass section, timelines      (html_chunks, render_html)
    sections.py the group's agreements and "Voor de begeleider"
    puzzle.py   one puzzle: the decisions grid, spread, law, reasons, what-if
    svg.py      the compass and the spread bars as inline SVG               (compass_svg, spread_svg)
    marks.py    status marks, verdict badges, law links
    csv.py      the CSV rows and its columns, described in its docstring    (csv_chunks, CSV_COLUMNS)
    texts.py    the report's words from the string catalogue, and escaping
    files.py    writing either file atomically, chunk by chunk              (write_html, write_csv)
    report.css  the report's style sheet (package data)

Safe to open: every text from a journal or a casus is escaped in the HTML; CSV text cells that Excel would read
as a formula get a leading ``'`` (see ``csv.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from escaperoom.debrief.agreements import AgreementBook
from escaperoom.debrief.model import Debrief, SessionSet
from escaperoom.debrief.report.csv import CSV_COLUMNS, csv_chunks, csv_rows, header
from escaperoom.debrief.report.files import write_csv, write_html
from escaperoom.debrief.report.html import html_chunks
from escaperoom.debrief.report.svg import compass_labels, compass_svg, spread_svg


def render_html(debriefs: Sequence[Debrief], found: SessionSet | None = None, *, most_divided_first: bool = False,
                now: datetime | None = None, lang: str | None = None, agreements: AgreementBook | None = None) -> str:
    """The whole report as one string (for tests and previews; the file is written from :func:`html_chunks`)."""
    return "".join(html_chunks(debriefs, found, most_divided_first=most_divided_first, now=now, lang=lang,
                               agreements=agreements))


def render_csv(debriefs: Sequence[Debrief], lang: str | None = None) -> str:
    """The CSV text as one string, without BOM (for tests; the file is written from :func:`csv_chunks`)."""
    return "".join(csv_chunks(debriefs, lang))


__all__ = [
    "CSV_COLUMNS", "compass_labels", "compass_svg", "csv_chunks", "csv_rows", "header", "html_chunks", "render_csv",
    "render_html", "spread_svg", "write_csv", "write_html",
]
