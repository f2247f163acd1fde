"""UiContext: what every scene needs to draw and speak, handed to the first scene by the app (no globals):
the text cache (with its fonts), the string catalogue, the current language, the law book (role names and
citations, loaded once with the context), the canvas rect and the pool of full-screen surfaces the screens paint
their cached layers into (allocating 8 MB for each new screen costs milliseconds; ``escaperoom.ui.layer``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pygame

from escaperoom.rules.lawbook import LawBook, load_lawbook
from escaperoom.strings import Catalogue
from escaperoom.ui import theme
from escaperoom.ui.fonts import Fonts, TextCache
from escaperoom.ui.layer import LayerPool


@dataclass
class UiContext:
    text: TextCache
    strings: Catalogue
    lang: str = "nl"
    book: LawBook = field(default_factory=load_lawbook, repr=False)
    canvas: pygame.Rect = field(default_factory=lambda: pygame.Rect((0, 0), theme.CANVAS_SIZE))
    scratch: dict[str, pygame.Surface] = field(default_factory=dict, repr=False)
    layers: LayerPool = field(default_factory=LayerPool, repr=False)

    @property
    def fonts(self) -> Fonts:
        return self.text.fonts

    def t(self, id: str, /, **values: Any) -> str:
        """The catalogue string ``id`` in the current language."""
        return self.strings.t(id, self.lang, **values)

    def scratch_surface(self, name: str, like: pygame.Surface) -> pygame.Surface:
        """A surface of ``like``'s size and format kept under ``name`` and handed out again next time (its pixels
        are whatever its last user left: paint all of it). Names are per use and stack depth, so two screens on
        the stack never share one."""
        surface = self.scratch.get(name)
        if surface is None or surface.get_size() != like.get_size() or surface.get_bitsize() != like.get_bitsize():
            surface = pygame.Surface(like.get_size(), 0, like)
            self.scratch[name] = surface
        return surface

    @classmethod
    def create(cls, strings: Catalogue | None = None, lang: str = "nl") -> UiContext:
        """Load fonts, the law book and (unless given) the bundled catalogue. pygame's font module is initialised
        if needed."""
        return cls(TextCache(Fonts()), strings if strings is not None else Catalogue.load(), lang)
