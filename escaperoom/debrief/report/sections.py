"""Two sections of the HTML report: the group's agreements (werkafspraken, from the debrief's ``afspraken.toml``)
and, clearly headed, "Voor de begeleider": per puzzle the answer key and the uncertain points (with the deciding
rule and the facilitator's notes), the version of the law, and what to know about the data.

Used by ``escaperoom.debrief.report.html`` at the end of each casus. Pure (no pygame). Every text is escaped.
"""

from __future__ import annotations

from escaperoom.debrief.agreements import AgreementBook
from escaperoom.debrief.facilitator import facilitator_notes
from escaperoom.debrief.facilitator import say as facilitator_say
from escaperoom.debrief.handout import agreement_more
from escaperoom.debrief.handout import say as handout_say
from escaperoom.debrief.model import Debrief
from escaperoom.debrief.report.texts import escape


def agreements_html(d: Debrief, book: AgreementBook | None) -> str:
    """The agreements the group made for this casus (none: a line that says so)."""
    lang = d.lang
    head = (f'<section class="agreements" id="afspraken-{escape(d.casus)}">'
            f'<h2>{escape(handout_say("agreements", lang))}</h2>')
    mine = book.of_casus(d.casus) if book is not None else []
    if not mine:
        return head + f'<p class="meta">{escape(handout_say("no_agreements", lang))}</p></section>'
    items = []
    for a in mine:
        more = agreement_more(a, d, lang)
        extra = f'<br><span class="meta">{escape(more)}</span>' if more else ""
        items.append(f"<li>{escape(a.text)}{extra}</li>")
    return head + f'<ol>{"".join(items)}</ol></section>'


def facilitator_html(d: Debrief) -> str:
    """"Voor de begeleider": the law's version, the data warnings, and per puzzle the answer and the uncertain
    points."""
    lang = d.lang
    notes = facilitator_notes(d, lang)

    def say(key: str, **values: object) -> str:
        return escape(facilitator_say(key, lang, **values))

    parts = [f'<section class="facilitator" id="begeleider-{escape(d.casus)}"><h2>{say("heading")}</h2>'
             f'<p class="meta">{say("intro")}</p><h3>{say("law_head")}</h3>'
             + "".join(f"<p>{escape(line)}</p>" for line in notes.law)]
    if notes.warnings:
        parts.append(f"<h3>{say('warnings_head')}</h3><ul>"
                     + "".join(f"<li>{escape(w)}</li>" for w in notes.warnings) + "</ul>")
    if d.loaded is None:
        parts.append(f"<p>{say('no_key')}</p>")
    for key in notes.puzzles:
        answer = "".join(f"<li>{escape(line)}</li>" for line in key.answer)
        parts.append(f'<div class="puzzle-key"><h3>{escape(key.title)}</h3><h4>{say("answer_head")}</h4>'
                     f"<ul>{answer}</ul>")
        if key.doubts:
            parts.append(f"<h4>{say('doubts_head')}</h4><ul>")
            for doubt in key.doubts:
                notes_html = "".join(f'<p class="onzeker">{escape(n)}</p>' for n in doubt.notes)
                parts.append(f"<li><strong>{say('doubt', where=doubt.where, rule=doubt.rule)}</strong>{notes_html}"
                             "</li>")
            parts.append("</ul>")
        parts.append("</div>")
    parts.append("</section>")
    return "".join(parts)
