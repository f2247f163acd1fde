"""The report's two closing sections per casus: the group's agreements, and "Voor de begeleider" with the answer per
puzzle, the uncertain points with their deciding rule and notes, and the version of the law — in Dutch and English."""

from __future__ import annotations

import re

from escaperoom.debrief.agreements import Agreement, AgreementBook
from escaperoom.debrief.facilitator import facilitator_notes, played_peildata
from escaperoom.debrief.model import build_debrief
from escaperoom.debrief.report import render_html


def _section(page: str, css: str) -> str:
    start = page.index(f'<section class="{css}"')
    return page[start:page.index("</section>", start)]


def test_the_report_ends_each_casus_with_a_section_for_the_facilitator(debrief5):
    section = _section(render_html([debrief5]), "facilitator")
    assert "<h2>Voor de begeleider</h2>" in section
    assert "De oordelen in deze nabespreking volgen de wet zoals die gold op" in section
    assert "Gecontroleerde tekstversies:" in section
    for title in ("Het dossier van de corporatie", "Op welke grond?", "De kluis van het casusoverleg"):
        assert f"<h3>{title}</h3>" in section
    assert "Gemeente, schuldhulpverlening (vroegsignalering)" in section  # the answer of the first puzzle
    assert re.search(r"\(regel R02\)</strong><p class=\"onzeker\">Besluit gemeentelijke schuldhulpverlening art\. 2",
                     section)


def test_the_facilitators_section_and_the_agreements_are_in_english_in_an_english_report(debrief5, henk_loaded):
    english = build_debrief(debrief5.sessions, scenarios=[henk_loaded], lang="en")
    book = AgreementBook(None, [Agreement("We ask the resident first", "the DPO", "grondslagen", "avg.6.1.a", "henk")])
    page = render_html([english], agreements=book)
    section = _section(page, "facilitator")
    assert "<h2>For the facilitator</h2>" in section and "(rule R02)" in section
    assert "The verdicts in this debrief follow the law as it stood on" in section
    agreements = _section(page, "agreements")
    assert "<h2>Our agreements</h2>" in agreements and "We ask the resident first" in agreements
    assert "Call: the DPO · About: On which basis? · GDPR art. 6(1)(a)" in agreements


def test_without_agreements_the_report_says_there_are_none(debrief5):
    assert "Er zijn (nog) geen afspraken vastgelegd." in _section(render_html([debrief5]), "agreements")


def test_the_facilitators_notes_name_the_law_the_teams_played_with(debrief5):
    notes = facilitator_notes(debrief5)
    assert played_peildata(debrief5) == [debrief5.loaded.peildatum]  # the same day: no second line
    assert len(notes.law) == 2 and notes.puzzles[-1].answer  # the lock's code is in the key too
    assert all(not key.doubts or key.doubts[0].rule for key in notes.puzzles)


def test_the_reports_goed_column_counts_right_the_first_time_as_the_big_screen_does(debrief5):
    from escaperoom.debrief.figures import right_first_time

    page = render_html([debrief5])
    table = page[page.index('<table class="teams-table">'):page.index("</table>", page.index("teams-table"))]
    assert "goed in één keer" in table
    for s in debrief5.sessions:
        row = table[table.index(f'<th scope="row">{s.label}</th>'):]
        cells = re.findall(r'<td class="num">([^<]*)</td>', row[:row.index("</tr>")])
        assert cells[1] == str(right_first_time(s)[0])
    assert len({right_first_time(s)[0] for s in debrief5.sessions}) > 1
