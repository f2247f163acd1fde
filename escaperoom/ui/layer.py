"""Cached layers: a screen's still part painted once into a canvas-sized surface and blitted every frame, painted
again only when its key (what it shows) changes. ``Layer`` is one such cache of a scene; ``LayerPool`` lends the
surfaces (allocating 8 MB for each new screen costs milliseconds and memory) and takes one back from a screen that is
off the stack or hidden under an opaque screen when it needs it for another: that screen then paints again when it is
shown. Used by the game's screens (``scenes.base``), the puzzle screens and their feedback.

Like the text cache, these are render caches: painting a layer changes no game or scene state."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pygame

from escaperoom.ui.surface_cache import surface_bytes

DEFAULT_POOL_BYTES = 34 * 1024 * 1024  # four 1920x1080 layers (8.3 MB each)
_UNSET = object()


@dataclass(eq=False)
class _Slot:
    surface: pygame.Surface
    owner: weakref.ref[Any] | None = None
    name: str = ""
    used: int = 0


@dataclass(eq=False)
class LayerPool:
    """Surfaces for layers, lent by (owner, name). A surface whose owner is gone or off its stack is lent again
    first; then a new one is made while the pool stays within ``max_bytes``; past that, the surface of a screen its
    stack does not draw now (covered by an opaque one) is taken, the longest unused first; and only when there is
    none a new one is made anyway (a frame that needs more than the budget gets it; the pool shrinks back later)."""

    max_bytes: int = DEFAULT_POOL_BYTES
    _slots: list[_Slot] = field(default_factory=list)
    _clock: int = 0

    @property
    def bytes(self) -> int:
        return sum(surface_bytes(s.surface) for s in self._slots)

    def holds(self, owner: object, name: str, surface: pygame.Surface | None) -> bool:
        """True while ``surface`` is still lent to (``owner``, ``name``): its pixels are what the owner painted."""
        return surface is not None and any(s.surface is surface and s.name == name and s.owner is not None
                                           and s.owner() is owner for s in self._slots)

    def lend(self, owner: object, name: str, like: pygame.Surface) -> pygame.Surface:
        """A surface of ``like``'s size and format for (``owner``, ``name``); its pixels are left over from its last
        user: paint all of it."""
        self._clock += 1
        size, bits = like.get_size(), like.get_bitsize()
        fits = [s for s in self._slots if s.surface.get_size() == size and s.surface.get_bitsize() == bits]
        mine = next((s for s in fits if s.owner is not None and s.owner() is owner and s.name == name), None)
        slot = mine or next((s for s in fits if _free(s)), None)
        need = size[0] * size[1] * like.get_bytesize()
        if slot is None and self.bytes + need > self.max_bytes:
            slot = _oldest(s for s in fits if _hidden(s))
        if slot is None:
            self._shrink(need)
            slot = _Slot(pygame.Surface(size, 0, like))
            self._slots.append(slot)
        if slot is not mine:
            slot.surface.set_colorkey(None)  # a panel layer keys out its corners; the next user may not
            slot.surface.set_clip(None)
        slot.owner, slot.name, slot.used = weakref.ref(owner), name, self._clock
        return slot.surface

    def _shrink(self, room: int) -> None:
        """Drop surfaces nobody shows until ``room`` more bytes fit the budget (or none is left to drop)."""
        while self.bytes + room > self.max_bytes:
            spare = _oldest(s for s in self._slots if _free(s) or _hidden(s))
            if spare is None:
                return
            self._slots.remove(spare)

    def clear(self) -> None:
        self._slots.clear()


def _free(slot: _Slot) -> bool:
    owner = slot.owner() if slot.owner is not None else None
    return owner is None or getattr(owner, "stack", _UNSET) is None


def _hidden(slot: _Slot) -> bool:
    """The owner is on a stack that does not draw it now (an opaque screen covers it)."""
    owner = slot.owner() if slot.owner is not None else None
    stack = getattr(owner, "stack", None)
    return stack is not None and owner not in stack.visible()


def _oldest(slots: Any) -> _Slot | None:
    return min(slots, key=lambda s: s.used, default=None)


class Layer:
    """One cached layer of ``owner`` (a scene), named ``name`` in the pool: ``draw`` paints it with ``paint`` when
    ``key`` differs from the last time (or the pool took its surface back) and blits it onto the target."""

    def __init__(self, owner: object, name: str = "layer"):
        self._owner = weakref.ref(owner)
        self.name = name
        self.surface: pygame.Surface | None = None
        self.key: Any = _UNSET
        self.paints = 0  # how many times it was painted whole (tests and benchmarks read it)
        self.partial = 0  # how many times only some of its parts were painted again
        self._parts: list[tuple[Any, pygame.Rect]] | None = None

    def valid(self, pool: LayerPool | None, key: Any, like: pygame.Surface) -> bool:
        """True when the surface still holds what ``key`` shows, at ``like``'s size."""
        surface = self.surface
        return (surface is not None and key == self.key and surface.get_size() == like.get_size()
                and (pool is None or pool.holds(self._owner(), self.name, surface)))

    def ensure(self, pool: LayerPool | None, key: Any, like: pygame.Surface,
               paint: Callable[[pygame.Surface], None]) -> tuple[pygame.Surface, bool]:
        """(the surface, painted now?): the layer brought up to ``key``."""
        if self.valid(pool, key, like):
            assert self.surface is not None
            return self.surface, False
        owner = self._owner()
        if pool is not None and owner is not None:
            surface = pool.lend(owner, self.name, like)
        elif self.surface is not None and self.surface.get_size() == like.get_size():
            surface = self.surface
        else:
            surface = pygame.Surface(like.get_size(), 0, like)
        paint(surface)
        self.surface, self.key = surface, key
        self.paints += 1
        return surface, True

    def draw(self, target: pygame.Surface, pool: LayerPool | None, key: Any,
             paint: Callable[[pygame.Surface], None]) -> bool:
        """Blit the layer (painted first if ``key`` changed) onto ``target``; True when it was painted."""
        surface, painted = self.ensure(pool, key, target, paint)
        target.blit(surface, (0, 0))
        return painted

    def draw_parts(self, target: pygame.Surface, pool: LayerPool | None, key: Any,
                   parts: list[tuple[Any, pygame.Rect]], paint: Callable[[pygame.Surface], None]) -> bool:
        """As ``draw``, for a layer of parts (widgets) that change on their own: ``parts`` gives each part's look and
        the rect it draws in. While ``key`` holds, a part whose look changed is painted again only where it was and
        where it is: ``paint`` runs with the layer clipped to that area (it must fill its background and draw
        everything, respecting the clip). True when anything was painted."""
        shown = [(look, pygame.Rect(rect)) for look, rect in parts]
        before, self._parts = self._parts, shown
        surface = self.surface
        if not self.valid(pool, key, target) or before is None or len(before) != len(shown):
            self.key = _UNSET  # a part came or went (a card lifted): all of it
            return self.draw(target, pool, key, paint)
        assert surface is not None
        dirty = [old[1].union(new[1]) for old, new in zip(before, shown, strict=True) if old != new]
        if dirty:
            area = dirty[0].unionall(dirty[1:])
            if area.width * area.height * 2 > surface.get_width() * surface.get_height():
                self.key = _UNSET
                return self.draw(target, pool, key, paint)
            clip = surface.get_clip()
            for rect in _merged(dirty):
                surface.set_clip(rect.clip(clip))
                paint(surface)
            surface.set_clip(clip)
            self.partial += 1
        target.blit(surface, (0, 0))
        return bool(dirty)

    def forget(self) -> None:
        """Paint again next time."""
        self.key = _UNSET


def _merged(rects: list[pygame.Rect]) -> list[pygame.Rect]:
    """The rects with overlapping ones joined (each joined area is painted once)."""
    out: list[pygame.Rect] = []
    for rect in rects:
        rect = rect.copy()
        joined = True
        while joined:
            joined = False
            for other in out:
                if other.colliderect(rect):
                    out.remove(other)
                    rect.union_ip(other)
                    joined = True
                    break
        out.append(rect)
    return out
