"""Text that must fit on the debrief screens: a verdict keeps its articles and notes on its page, and a tight
line shortens the item's label, never what the team answered."""

from __future__ import annotations

import pygame

from escaperoom.ui.debrief.base import SMALL
from escaperoom.ui.debrief.blocks import Block, clip_label, paginate


def test_a_verdicts_articles_and_uncertain_notes_move_to_the_next_page_together_with_the_verdict(ui_ctx):
    ctx = ui_ctx
    line = ctx.fonts.line_height("regular", SMALL)
    area = pygame.Rect(0, 0, 1800, 6 * line)
    filler = Block("text", "eerst", height=3 * line)
    badge = Block("verdict", "Moet delen", height=line, keep=True)
    why = Block("text", "uitleg", height=line)
    cites = Block("muted", "Artikelen: …", height=line, stick=True)
    note = Block("muted", "Onzeker: …", height=line, stick=True)
    pages = paginate(ctx, [filler, badge, why, cites, note], area)
    assert pages == [[filler], [badge, why, cites, note]]


def test_a_tight_timeline_line_shortens_the_items_label_and_keeps_what_the_team_answered(ui_ctx):
    ctx = ui_ctx
    label, answer = "Naam, adres en telefoonnummer van Henk:", "niet delen"
    width = ctx.fonts.text_width("Naam, adres en …: niet delen", "regular", SMALL) + 4
    text = clip_label(ctx, label, answer, "regular", SMALL, width)
    assert text.endswith("…: niet delen") and text.startswith("Naam")
    assert ctx.text.fits(text, "regular", SMALL, width, ctx.fonts.line_height("regular", SMALL))
