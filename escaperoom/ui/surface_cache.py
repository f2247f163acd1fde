"""A least-recently-used store of rendered surfaces bounded by the bytes of their pixels (and, optionally, by a count),
so a cache of text never grows with every size a text was tried at. Used by ``fonts.TextCache`` for its lines and
blocks of text."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable

import pygame


def surface_bytes(surface: pygame.Surface) -> int:
    """What a surface's pixels take in memory."""
    return surface.get_pitch() * surface.get_height()


class SurfaceCache:
    """Surfaces by key; the least recently used go first once ``max_bytes`` (or ``max_entries``) is passed. A
    surface larger than the whole budget is handed back but not kept."""

    def __init__(self, max_bytes: int, max_entries: int | None = None):
        self.max_bytes = max_bytes
        self.max_entries = max_entries
        self.bytes = 0
        self._items: OrderedDict[Hashable, pygame.Surface] = OrderedDict()

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: Hashable) -> pygame.Surface | None:
        surface = self._items.get(key)
        if surface is not None:
            self._items.move_to_end(key)
        return surface

    def put(self, key: Hashable, surface: pygame.Surface) -> pygame.Surface:
        size = surface_bytes(surface)
        old = self._items.pop(key, None)
        if old is not None:
            self.bytes -= surface_bytes(old)
        if size > self.max_bytes:
            return surface
        self._items[key] = surface
        self.bytes += size
        while self._items and (self.bytes > self.max_bytes
                               or (self.max_entries is not None and len(self._items) > self.max_entries)):
            _, dropped = self._items.popitem(last=False)
            self.bytes -= surface_bytes(dropped)
        return surface

    def clear(self) -> None:
        self._items.clear()
        self.bytes = 0
