"""Text that must fit, for the debrief screens: ``clip`` and ``clip_label`` shorten a text with '…' at a word (a
label before the answer it goes with), and ``Block``/``paginate`` flow headings, paragraphs and badges onto pages
of an area, none left out ("pagina 1 van 3 · PgDn": ``page_note``, drawn by ``draw_note``). Used by the debrief
screens."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pygame

from escaperoom.ui import theme
from escaperoom.ui.context import UiContext
from escaperoom.ui.debrief.looks import Look
from escaperoom.ui.fonts import Role
from escaperoom.ui.theme import Colour

SMALL = theme.TEXT_SMALL


def clip(ctx: UiContext, text: str, role: Role, size: int, width: int, lines: int = 1) -> str:
    """``text`` shortened with '…' at a word so it wraps into at most ``lines`` lines of ``width`` (layout time)."""
    height = lines * ctx.fonts.line_height(role, size)
    if ctx.text.fits(text, role, size, width, height):
        return text
    words = text.split()
    lo, hi = 0, len(words)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if ctx.text.fits(" ".join(words[:mid]) + " …", role, size, width, height):
            lo = mid
        else:
            hi = mid - 1
    return (" ".join(words[:lo]) + " …") if lo else "…"


def clip_label(ctx: UiContext, label: str, answer: str, role: Role, size: int, width: int, lines: int = 1) -> str:
    """``label answer`` fitted into ``lines`` lines by shortening the label (with '…'), so that what the team
    answered stays whole; only when even "… answer" does not fit is the whole text cut at its end."""
    height = lines * ctx.fonts.line_height(role, size)
    whole = f"{label} {answer}"
    if ctx.text.fits(whole, role, size, width, height):
        return whole
    colon = ":" if label.endswith(":") else ""
    words = label.rstrip(":").split()
    lo, hi = 0, len(words)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if ctx.text.fits(" ".join(words[:mid]) + f" …{colon} {answer}", role, size, width, height):
            lo = mid
        else:
            hi = mid - 1
    if lo:
        return " ".join(words[:lo]) + f" …{colon} {answer}"
    return clip(ctx, whole, role, size, width, lines)


@dataclass
class Block:
    """One piece of a paged text area: a heading, a paragraph, an answer group with its icon, a verdict badge...
    ``height`` is measured at layout time; ``rect`` is set when the block is given its place on a page."""

    kind: str
    text: str
    role: Role = "regular"
    size: int = SMALL
    look: Look | None = None
    indent: int = 0  # room on the left (an icon)
    gap: int = 0  # space above the block (dropped at the top of a page)
    colour: Colour = theme.TEXT
    payload: Any = None
    height: int = 0
    keep: bool = False  # stays on the page of the block after it (a heading, a verdict badge)
    stick: bool = False  # stays on the page of the block before it (the articles and notes of a verdict)
    rect: pygame.Rect = field(default_factory=pygame.Rect)


def measure(ctx: UiContext, block: Block, width: int, room: int) -> None:
    """Set ``block.height`` for wrapping at ``width``; a block taller than a whole page is cut at a word with
    '…' to what fits (it then still says that it goes on)."""
    line = ctx.fonts.line_height(block.role, block.size)
    inner = width - block.indent
    if not ctx.text.fits(block.text, block.role, block.size, inner, room):
        block.text = clip(ctx, block.text, block.role, block.size, inner, max(1, room // line))
    rendered = ctx.text.render(block.text, block.role, block.size, theme.TEXT, inner)
    block.height = max(block.height, rendered.get_height())


def paginate(ctx: UiContext, blocks: list[Block], area: pygame.Rect) -> list[list[Block]]:
    """Blocks flowed onto pages of ``area`` (as many as fit, in order, none left out); each block gets its rect.
    A heading is never left alone at the bottom of a page."""
    for block in blocks:
        measure(ctx, block, area.width, area.height)
    pages: list[list[Block]] = [[]]
    y = area.y
    for i, block in enumerate(blocks):
        gap = block.gap if pages[-1] else 0
        need = gap + block.height
        if (block.keep or block.kind.endswith("head")) and i + 1 < len(blocks):
            need += blocks[i + 1].gap + blocks[i + 1].height  # keep a heading with what follows it
            for later in blocks[i + 2:]:  # ... and with the blocks that stick to that
                if not later.stick:
                    break
                need += later.gap + later.height
        if pages[-1] and y + need > area.bottom:
            pages.append([])
            y, gap = area.y, 0
        block.rect = pygame.Rect(area.x + block.indent, y + gap, area.width - block.indent, block.height)
        pages[-1].append(block)
        y += gap + block.height
    return pages


def page_note(ctx: UiContext, lang: str, page: int, pages: int) -> str:
    """ "pagina 2 van 3 · PgDn" (the key that leads on; PgUp on the last page), or "" for a single page."""
    if pages <= 1:
        return ""
    return ctx.strings.t("nabespreking.page_of", lang, i=page + 1, n=pages) + (
        " · PgDn" if page + 1 < pages else " · PgUp")


def draw_note(ctx: UiContext, surface: pygame.Surface, note: str, rect: pygame.Rect) -> None:
    """A muted line at the right of ``rect`` ("pagina 1 van 3 · PgDn")."""
    if note:
        rendered = ctx.text.render(note, "regular", SMALL, theme.TEXT_MUTED)
        surface.blit(rendered, (rect.right - rendered.get_width(), rect.centery - rendered.get_height() // 2))
