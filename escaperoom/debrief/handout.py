"""The participants' handout: one A4 page per casus with the case's legal points (per puzzle the right answer in
plain words and the articles it rests on) and the agreements the group made, **without any team data** (no team
names, no typed reasons, no scores): it is made from the casus and the agreements file only.

Used by ``escaperoom debrief PAD --handout FILE [--lang en]``. Pure (no pygame). One self-contained HTML document
(inline CSS, prints to one A4 page per casus), written atomically; every text is escaped. Texts from
``nabespreking.handout.*`` in assets/strings/nabespreking.toml.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from escaperoom import __version__
from escaperoom.debrief.agreements import Agreement, AgreementBook
from escaperoom.debrief.model import Debrief
from escaperoom.debrief.report.texts import escape
from escaperoom.errors import SaveError
from escaperoom.kinds import kind_of, model_answer, words_for
from escaperoom.kinds.judging import Judged
from escaperoom.kinds.words import default_catalogue
from escaperoom.rules.lawbook import LawBook
from escaperoom.storage.saves import atomic_write

_MOST_ARTICLES = 5  # a puzzle's articles on the handout: the ones most of its verdicts rest on
_CSS = """
@page { size: A4; margin: 13mm 14mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Atkinson Hyperlegible", "Segoe UI", "Noto Sans", Arial, sans-serif; color: #17212e;
  margin: 0 auto; max-width: 190mm; font-size: 9.3pt; line-height: 1.32; }
.casus { break-after: page; page-break-after: always; }
.casus:last-of-type { break-after: auto; page-break-after: auto; }
h1 { font-size: 18pt; margin: 0 0 1mm; }
h2 { font-size: 12.5pt; margin: 4mm 0 1.5mm; border-bottom: 2px solid #17212e; padding-bottom: 0.8mm; }
h3 { font-size: 10.4pt; margin: 0 0 0.6mm; }
.meta { color: #4d5b6c; margin: 0; }
.points { column-count: 2; column-gap: 7mm; }
.point { break-inside: avoid; page-break-inside: avoid; margin: 0 0 2.6mm; }
.point ul, .point ol { margin: 0; padding-left: 4.2mm; }
.point p.lead { margin: 0; }
.point li { margin: 0.2mm 0; }
.articles { color: #4d5b6c; margin: 0.6mm 0 0; }
ol.agreements { margin: 0; padding-left: 5.5mm; }
ol.agreements li { margin: 1.2mm 0; font-size: 10.4pt; break-inside: avoid; }
.more { color: #4d5b6c; display: block; font-size: 9.4pt; }
.none { color: #4d5b6c; font-style: italic; }
footer { margin-top: 4mm; color: #4d5b6c; font-size: 8.4pt; border-top: 1px solid #c9d2de; padding-top: 1.5mm; }
"""


def say(key: str, lang: str, **values: Any) -> str:
    """A handout text (``nabespreking.handout.<key>``) in ``lang``."""
    return default_catalogue().t(f"nabespreking.handout.{key}", lang, **values)


@dataclass(frozen=True)
class Point:
    """One puzzle's legal point: the right answer in words, a line per item, and the articles it rests on."""

    title: str
    lines: tuple[str, ...]
    articles: tuple[str, ...]


def legal_points(loaded: Judged, book: LawBook, lang: str) -> list[Point]:
    """Per puzzle of the casus (the lock left out) its right answer in plain words and the provisions its verdicts
    rest on (their bases and prohibitions), cited in ``lang`` as worded on the casus's peildatum."""
    sc = loaded.scenario
    points = []
    for puzzle in sc.puzzels:
        if kind_of(puzzle).is_lock:
            continue
        cases = loaded.cases.get(puzzle.id, [])
        words = words_for(puzzle, sc, book, lang, strings=default_catalogue())
        lines = tuple(line.strip().lstrip("•").strip() for line in
                      words.model_answer_text(model_answer(sc, puzzle, cases)).splitlines() if line.strip())
        deciding: dict[str, int] = {}
        for case in cases:
            v = case.verdict
            for pid in (*sorted(v.bases), *v.prohibitions):
                if pid in book.provisions:
                    deciding[pid] = deciding.get(pid, 0) + 1
        most = sorted(deciding, key=lambda pid: -deciding[pid])[:_MOST_ARTICLES]  # stable: first met first
        articles = tuple(book.cite(pid, lang, loaded.peildatum) for pid in most)
        points.append(Point(puzzle.titel.get(lang), lines, articles))
    return points


def _lines_html(lines: Sequence[str]) -> str:
    """A point's lines as a list: a first line that ends in ':' leads it in ("Zwartlakken:"), numbered lines
    ("1. Doel …") become a numbered list."""
    lead = ""
    if lines and lines[0].endswith(":"):
        lead, lines = f'<p class="lead">{escape(lines[0])}</p>', lines[1:]
    numbered = [re.match(r"(\d+)\.\s+(.*)", line) for line in lines]
    if lines and all(numbered):
        return lead + "<ol>" + "".join(f"<li>{escape(m.group(2))}</li>" for m in numbered if m) + "</ol>"
    return lead + "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>"


def agreement_more(a: Agreement, d: Debrief, lang: str) -> str:
    """What goes under an agreement: "Bellen: de FG · Bij: Op welke grond? · AVG art. 6 lid 1 onder a" (the
    puzzle's title and the citation in ``lang``), or "" when it names neither."""
    more = [say("call", lang, x=a.who)] if a.who else []
    about = []
    if a.puzzle:
        found = next((p for p in d.loaded.scenario.puzzels if p.id == a.puzzle), None) if d.loaded else None
        about.append(found.titel.get(lang) if found is not None else d.puzzle_title(a.puzzle))
    if a.article and a.article in d.book.provisions:
        day = d.loaded.peildatum if d.loaded is not None else None
        about.append(d.book.cite(a.article, lang, day))
    if about:
        more.append(say("about", lang, x=" · ".join(about)))
    return " · ".join(more)


def _agreement_html(a: Agreement, d: Debrief, lang: str) -> str:
    more = agreement_more(a, d, lang)
    extra = f'<span class="more">{escape(more)}</span>' if more else ""
    return f"<li>{escape(a.text)}{extra}</li>"


def _casus_html(d: Debrief, book: AgreementBook, lang: str, day: dt.date) -> str:
    loaded = d.loaded
    title = loaded.scenario.scenario.titel.get(lang) if loaded is not None else d.title
    parts = [f'<section class="casus"><h1>{escape(say("title", lang, title=title))}</h1>'
             f'<p class="meta">{escape(say("meta", lang, day=f"{day:%d-%m-%Y}"))}</p>'
             f"<h2>{escape(say('points', lang))}</h2>"]
    if loaded is None:
        parts.append(f'<p class="none">{escape(say("no_casus", lang))}</p>')
    else:
        parts.append('<div class="points">')
        for point in legal_points(loaded, d.book, lang):
            articles = (f'<p class="articles">{escape(say("articles", lang, x=", ".join(point.articles)))}</p>'
                        if point.articles else "")
            parts.append(f'<div class="point"><h3>{escape(point.title)}</h3>{_lines_html(point.lines)}{articles}</div>')
        parts.append("</div>")
    parts.append(f"<h2>{escape(say('agreements', lang))}</h2>")
    mine = book.of_casus(d.casus)
    if mine:
        parts.append('<ol class="agreements">' + "".join(_agreement_html(a, d, lang) for a in mine) + "</ol>")
    else:
        parts.append(f'<p class="none">{escape(say("no_agreements", lang))}</p>')
    parts.append(f"<footer>{escape(say('footer', lang, version=__version__))}</footer></section>")
    return "".join(parts)


def handout_html(debriefs: Sequence[Debrief], book: AgreementBook, lang: str = "nl",
                 day: dt.date | None = None) -> str:
    """The handout of ``debriefs`` (a page per casus) with the agreements of ``book``; nothing from the teams'
    sessions but the casus they played."""
    day = day or dt.date.today()
    titles = ", ".join(d.loaded.scenario.scenario.titel.get(lang) if d.loaded is not None else d.title
                       for d in debriefs)
    body = "".join(_casus_html(d, book, lang, day) for d in debriefs)
    return (f'<!DOCTYPE html>\n<html lang="{escape(lang)}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(say('doc_title', lang, titles=titles))}</title><style>{_CSS}</style></head>"
            f"<body>{body}</body></html>\n")


def write_handout(debriefs: Sequence[Debrief], book: AgreementBook, path: Path | str, lang: str = "nl") -> Path:
    """The handout at ``path``, replaced atomically. Raises :class:`SaveError` (Dutch)."""
    path = Path(path)
    try:
        atomic_write(path, handout_html(debriefs, book, lang).encode("utf-8", errors="replace"))
    except OSError as err:
        raise SaveError(path, f"het handout kan niet geschreven worden ({err.strerror or err}).") from None
    return path
