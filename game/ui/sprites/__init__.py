"""Tiles, units, overlays and HUD icons drawn by code at any size, cached per kind/variant/frame.

Everything is painted with ``pygame.draw`` on a canvas four times larger than the
tile and smooth-scaled down, which gives anti-aliased edges without image files.
Nothing here needs a display mode: surfaces are never ``convert()``-ed.

By what it draws: :mod:`.pen` (the canvas and ground helpers), :mod:`.terrain` (tiles),
:mod:`.units` (figures), :mod:`.icons` (board overlays and HUD icons), :mod:`.siege` (the
point to besiege, and its HUD icon); this module keeps the
registries and :class:`Sprites`, the one public entry point.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

import pygame

from game.ui import palette as P
from game.ui.sprites.baggage import _i_baggage, _o_load, _u_cache
from game.ui.sprites.icons import (
    _i_blizzard,
    _i_boat,
    _i_boatman,
    _i_comrade,
    _i_crossing,
    _i_disguise,
    _i_ferried,
    _i_fire,
    _i_flag,
    _i_goal,
    _i_hold,
    _i_meet,
    _i_relief,
    _i_star,
    _i_star_empty,
    _i_troops,
    _i_turn,
    _i_warmth,
    _o_cursor,
    _o_danger,
    _o_goal,
    _o_path,
    _o_sight,
)
from game.ui.sprites.pen import _SS, FRAMES, VARIANTS, Color, _Pen
from game.ui.sprites.pontoon import (
    _i_pontoon,
    _t_pontoon_h,
    _t_pontoon_site_h,
    _t_pontoon_site_v,
    _t_pontoon_v,
)
from game.ui.sprites.siege import _i_point, _t_point, _t_point_besieged, _t_point_fallen
from game.ui.sprites.snow import _i_ginger, _u_ginger
from game.ui.sprites.terrain import (
    _t_bank,
    _t_bog,
    _t_bridge_chain,
    _t_bridge_plank,
    _t_cliff,
    _t_ferry,
    _t_ford,
    _t_forest,
    _t_grassland,
    _t_hills,
    _t_ice,
    _t_plain,
    _t_river,
    _t_road,
    _t_shelter,
    _t_snow,
    _t_town,
)
from game.ui.sprites.units import (
    _u_army,
    _u_boat,
    _u_campfire,
    _u_column,
    _u_comrade,
    _u_fire,
    _u_guide,
    _u_patrol,
    _u_plank,
    _u_pursuer,
    _u_relief,
)

# --------------------------------------------------------------------------- registries

_TerrainFn = Callable[[_Pen, random.Random, int], None]
_UnitFn = Callable[[_Pen, int], None]
_PlainFn = Callable[[_Pen], None]

# kind -> (painter, animated over FRAMES?)
_TERRAIN: dict[str, tuple[_TerrainFn, bool]] = {
    "plain": (_t_plain, False),
    "road": (_t_road, False),
    "forest": (_t_forest, False),
    "hills": (_t_hills, False),
    "river": (_t_river, True),
    "ford": (_t_ford, True),
    "bank": (_t_bank, False),
    "snow": (_t_snow, False),
    "ice": (_t_ice, False),
    "grassland": (_t_grassland, False),
    "bog": (_t_bog, True),
    "bridge_chain": (_t_bridge_chain, True),
    "bridge_plank": (_t_bridge_plank, True),
    "cliff": (_t_cliff, False),
    "town": (_t_town, False),
    "shelter": (_t_shelter, False),
    "ferry": (_t_ferry, True),
    "point": (_t_point, True),
    "point_besieged": (_t_point_besieged, True),
    "point_fallen": (_t_point_fallen, True),
    "pontoon_site_h": (_t_pontoon_site_h, True),
    "pontoon_site_v": (_t_pontoon_site_v, True),
    "pontoon_h": (_t_pontoon_h, True),
    "pontoon_v": (_t_pontoon_v, True),
}

_UNITS: dict[str, tuple[_UnitFn, bool]] = {
    "column": (_u_column, True),
    "patrol": (_u_patrol, False),
    "pursuer": (_u_pursuer, True),
    "relief": (_u_relief, True),
    "boat": (_u_boat, True),
    "plank": (_u_plank, False),
    "fire": (_u_fire, True),
    "guide": (_u_guide, False),
    "campfire": (_u_campfire, True),
    "army1": (lambda pen, frame: _u_army(pen, frame, "1"), True),
    "army2": (lambda pen, frame: _u_army(pen, frame, "2"), True),
    "army4": (lambda pen, frame: _u_army(pen, frame, "4"), True),
    "comrade": (_u_comrade, False),
    "cache": (_u_cache, False),
    "ginger": (_u_ginger, True),
}

_OVERLAYS: dict[str, _PlainFn] = {
    "sight": _o_sight,
    "goal": _o_goal,
    "danger": _o_danger,
    "cursor": _o_cursor,
    "path": _o_path,
    "load": _o_load,
}

_ICONS: dict[str, _PlainFn] = {
    "troops": _i_troops,
    "turn": _i_turn,
    "goal": _i_goal,
    "star": _i_star,
    "star_empty": _i_star_empty,
    "warmth": _i_warmth,
    "boat": _i_boat,
    "flag": _i_flag,
    "fire": _i_fire,
    "blizzard": _i_blizzard,
    "hold": _i_hold,
    "crossing": _i_crossing,
    "ferried": _i_ferried,
    "boatman": _i_boatman,
    "comrade": _i_comrade,
    "relief": _i_relief,
    "meet": _i_meet,
    "disguise": _i_disguise,
    "point": _i_point,
    "baggage": _i_baggage,
    "ginger": _i_ginger,
    "pontoon": _i_pontoon,
}

TERRAIN_KINDS: tuple[str, ...] = tuple(_TERRAIN)
"""Every name accepted by :meth:`Sprites.terrain`."""

UNIT_KINDS: tuple[str, ...] = tuple(_UNITS)
"""Every name accepted by :meth:`Sprites.unit`."""

OVERLAY_KINDS: tuple[str, ...] = tuple(_OVERLAYS)
"""Every name accepted by :meth:`Sprites.overlay`."""

ICON_KINDS: tuple[str, ...] = tuple(_ICONS)
"""Every name accepted by :meth:`Sprites.icon`."""


def _unknown(what: str, kind: str, valid: Sequence[str]) -> KeyError:
    """The KeyError for an unknown kind, listing the valid ones."""
    return KeyError(f"unknown {what} kind {kind!r}; valid kinds: {', '.join(valid)}")


def _halo(canvas: pygame.Surface, radius: int) -> pygame.Surface:
    """A pale sticker outline around everything opaque on ``canvas`` (keeps units readable)."""
    mask = pygame.mask.from_surface(canvas, 160)
    grown = pygame.mask.Mask(canvas.get_size())
    for dx in range(-radius, radius + 1, max(1, radius // 2)):
        for dy in range(-radius, radius + 1, max(1, radius // 2)):
            if dx * dx + dy * dy <= radius * radius + 1:
                grown.draw(mask, (dx, dy))
    return grown.to_surface(setcolor=(*P.PAPER, 190), unsetcolor=(*P.INK, 0))


class Sprites:
    """Procedurally drawn sprites for one tile size, cached per (kind, variant, frame)."""

    def __init__(self, tile: int) -> None:
        """Prepare to draw sprites ``tile`` pixels square (the game uses 24..72)."""
        if tile < 4:
            raise ValueError(f"tile size must be at least 4 px, got {tile}")
        self.tile: int = tile
        self._cache: dict[tuple[str, str, int, int], pygame.Surface] = {}

    def _canvas(self, size: int, alpha: bool, clear: Color = (0, 0, 0, 0)) -> _Pen:
        """A blank supersampled canvas for a ``size``-pixel sprite."""
        n = size * _SS
        if alpha:
            s = pygame.Surface((n, n), pygame.SRCALPHA)
            s.fill(clear)
        else:
            s = pygame.Surface((n, n), 0, 32)
        return _Pen(s)

    @staticmethod
    def _finish(pen: _Pen, size: int) -> pygame.Surface:
        """Smooth-scale the canvas down to the final sprite."""
        return pygame.transform.smoothscale(pen.s, (size, size))

    def terrain(self, kind: str, variant: int = 0, frame: int = 0) -> pygame.Surface:
        """An opaque tile×tile terrain tile; ``variant`` (any int, taken mod 4) adds variety."""
        entry = _TERRAIN.get(kind)
        if entry is None:
            raise _unknown("terrain", kind, TERRAIN_KINDS)
        fn, animated = entry
        v = variant % VARIANTS
        fr = frame % FRAMES if animated else 0
        key = ("t", kind, v, fr)
        surf = self._cache.get(key)
        if surf is None:
            pen = self._canvas(self.tile, alpha=False)
            fn(pen, random.Random(f"{kind}/{v}"), fr)
            surf = self._finish(pen, self.tile)
            self._cache[key] = surf
        return surf

    def unit(self, kind: str, frame: int = 0) -> pygame.Surface:
        """A tile×tile unit sprite with per-pixel alpha, to draw on top of the terrain."""
        entry = _UNITS.get(kind)
        if entry is None:
            raise _unknown("unit", kind, UNIT_KINDS)
        fn, animated = entry
        fr = frame % FRAMES if animated else 0
        key = ("u", kind, 0, fr)
        surf = self._cache.get(key)
        if surf is None:
            pen = self._canvas(self.tile, alpha=True, clear=(*P.INK, 0))
            fn(pen, fr)
            out = self._canvas(self.tile, alpha=True, clear=(*P.PAPER, 0))
            out.s.blit(_halo(pen.s, max(2, round(pen.lw * 0.9))), (0, 0))
            out.s.blit(pen.s, (0, 0))
            surf = self._finish(out, self.tile)
            self._cache[key] = surf
        return surf

    def overlay(self, kind: str) -> pygame.Surface:
        """A translucent tile×tile overlay (sight, goal, danger, cursor, path)."""
        fn = _OVERLAYS.get(kind)
        if fn is None:
            raise _unknown("overlay", kind, OVERLAY_KINDS)
        key = ("o", kind, 0, 0)
        surf = self._cache.get(key)
        if surf is None:
            pen = self._canvas(self.tile, alpha=True, clear=(*P.INK, 0))
            fn(pen)
            surf = self._finish(pen, self.tile)
            self._cache[key] = surf
        return surf

    def icon(self, kind: str, size: int) -> pygame.Surface:
        """A size×size HUD icon with per-pixel alpha (see ``ICON_KINDS``)."""
        fn = _ICONS.get(kind)
        if fn is None:
            raise _unknown("icon", kind, ICON_KINDS)
        if size < 4:
            raise ValueError(f"icon size must be at least 4 px, got {size}")
        key = ("i", kind, size, 0)
        surf = self._cache.get(key)
        if surf is None:
            pen = self._canvas(size, alpha=True, clear=(*P.INK, 0))
            fn(pen)
            surf = self._finish(pen, size)
            self._cache[key] = surf
        return surf


__all__ = [
    "FRAMES",
    "ICON_KINDS",
    "OVERLAY_KINDS",
    "TERRAIN_KINDS",
    "UNIT_KINDS",
    "VARIANTS",
    "Sprites",
]
