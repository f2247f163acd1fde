"""Fixtures for the screen tests: fonts loaded once, a fresh text cache and context per test, a canvas."""

from __future__ import annotations

import pygame
import pytest

from escaperoom.strings import Catalogue
from escaperoom.ui import theme
from escaperoom.ui.context import UiContext
from escaperoom.ui.fonts import Fonts, TextCache


@pytest.fixture(scope="session")
def fonts() -> Fonts:
    pygame.font.init()
    return Fonts()


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return Catalogue.load()


@pytest.fixture
def text(fonts: Fonts) -> TextCache:
    return TextCache(fonts)


@pytest.fixture
def ctx(text: TextCache, catalogue: Catalogue) -> UiContext:
    return UiContext(text, catalogue)


@pytest.fixture
def canvas() -> pygame.Surface:
    surface = pygame.Surface(theme.CANVAS_SIZE)
    surface.fill(theme.BG)
    return surface
