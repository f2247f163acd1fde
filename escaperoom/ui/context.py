"""UiContext: what every scene needs to draw and speak, handed to the first scene by the app (no globals):
the text cache (with its fonts), the string catalogue, the current language and the canvas rect."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pygame

from escaperoom.strings import Catalogue
from escaperoom.ui import theme
from escaperoom.ui.fonts import Fonts, TextCache


@dataclass
class UiContext:
    text: TextCache
    strings: Catalogue
    lang: str = "nl"
    canvas: pygame.Rect = field(default_factory=lambda: pygame.Rect((0, 0), theme.CANVAS_SIZE))

    @property
    def fonts(self) -> Fonts:
        return self.text.fonts

    def t(self, id: str, /, **values: Any) -> str:
        """The catalogue string ``id`` in the current language."""
        return self.strings.t(id, self.lang, **values)

    @classmethod
    def create(cls, strings: Catalogue | None = None, lang: str = "nl") -> "UiContext":
        """Load fonts and (unless given) the bundled catalogue. pygame's font module is initialised if needed."""
        return cls(TextCache(Fonts()), strings if strings is not None else Catalogue.load(), lang)
