"""Pontoon bridges (浮桥): the marked site on the river, the standing bridge, the HUD icon.

A standing bridge is what the sources describe at 太平渡: wooden boats moored side by side,
joined and decked with door planks. The site before it is built is open river with a
mooring stake at each end and a dashed gold line where the bridge will go, so a pupil sees
where to wait. Both tiles come in a horizontal (``_h``: the bridge runs left-right) and a
vertical (``_v``) form, to follow the site across the river.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pygame

from game.ui import palette as P
from game.ui.sprites.pen import _blend, _dark, _layer, _light, _mix, _Pen
from game.ui.sprites.terrain import _water

_Painter = Callable[[_Pen, random.Random, int], None]


def _turned(paint: _Painter) -> _Painter:
    """The same tile turned a quarter, for a bridge that runs up and down."""
    def vertical(pen: _Pen, rng: random.Random, frame: int) -> None:
        paint(pen, rng, frame)
        pen.s.blit(pygame.transform.rotate(pen.s, 90), (0, 0))
    return vertical


def _stake(pen: _Pen, x: float, y: float) -> None:
    """A mooring stake standing in the water, with a ring of foam."""
    pen.ellipse((x, y + 0.1), 0.07, 0.025, _light(P.RIVER_LIGHT, 0.4), None)
    pen.poly([(x - 0.03, y + 0.1), (x - 0.03, y - 0.12), (x + 0.03, y - 0.12),
              (x + 0.03, y + 0.1)], P.WOOD_DARK, P.INK, 0.9)
    pen.ellipse((x, y - 0.12), 0.03, 0.012, P.WOOD_LIGHT, P.INK, 0.7)


def _t_pontoon_site_h(pen: _Pen, rng: random.Random, frame: int) -> None:
    """A bridge site not yet built: river, stakes at both ends, a dashed gold line across."""
    _water(pen, rng, frame, P.RIVER, P.RIVER_LIGHT)
    guide = _layer(pen)
    guide.poly([(0, 0.3), (1, 0.3), (1, 0.7), (0, 0.7)], (*P.GOLD, 46), None)
    for i in range(5):
        x0 = 0.03 + i * 0.2
        guide.poly([(x0, 0.44), (x0 + 0.13, 0.44), (x0 + 0.13, 0.56), (x0, 0.56)],
                   (*P.GOLD, 240), (*P.INK, 220), 1.0)
    for y in (0.3, 0.7):
        guide.line([(0, y), (1, y)], (*P.GOLD, 150), 0.8)
    _blend(pen, guide)
    _stake(pen, 0.1, 0.3)
    _stake(pen, 0.9, 0.74)


def _hull(pen: _Pen, y: float, rng: random.Random) -> None:
    """One boat of the bridge, seen from above, running across the tile at height ``y``."""
    wood = _mix(P.WOOD, P.WOOD_DARK, rng.uniform(0.2, 0.5))
    pen.poly([(-0.02, y - 0.1), (1.02, y - 0.1), (1.02, y + 0.1), (-0.02, y + 0.1)],
             wood, P.INK, 1.0)
    pen.line([(-0.02, y), (1.02, y)], _dark(wood, 0.3), 0.8)


def _t_pontoon_h(pen: _Pen, rng: random.Random, frame: int) -> None:
    """A standing pontoon bridge: two boats moored side by side under a deck of door planks."""
    _water(pen, rng, frame, P.RIVER, P.RIVER_LIGHT)
    shadow = _layer(pen)
    shadow.poly([(0, 0.2), (1, 0.2), (1, 0.86), (0, 0.86)], (0, 0, 0, 70), None)
    _blend(pen, shadow)
    _hull(pen, 0.24, rng)
    _hull(pen, 0.76, rng)
    n = 4
    for i in range(n):
        x0, x1 = i / n + 0.01, (i + 1) / n - 0.01
        plank = _mix(P.WOOD_LIGHT, P.STRAW, rng.uniform(0.0, 0.5))
        pen.poly([(x0, 0.3), (x1, 0.3), (x1, 0.7), (x0, 0.7)], plank, P.WOOD_DARK, 1.0)
        pen.line([(x0 + 0.06, 0.36), (x0 + 0.06, 0.64)], _dark(plank, 0.25), 0.6)
        for y in (0.34, 0.66):
            pen.circle(((x0 + x1) / 2, y), 0.012, P.IRON, None)
    for y in (0.3, 0.7):
        pen.line([(0, y), (1, y)], P.INK, 1.2)


_t_pontoon_site_v = _turned(_t_pontoon_site_h)
_t_pontoon_v = _turned(_t_pontoon_h)


def _i_pontoon(pen: _Pen) -> None:
    """The engineers' bridge kit: two boats under planks, over a wave."""
    for y in (0.3, 0.7):
        pen.poly([(0.08, y - 0.1), (0.92, y - 0.1), (0.84, y + 0.1), (0.16, y + 0.1)],
                 P.WOOD, P.INK, 1.2)
    for x in (0.2, 0.4, 0.6, 0.8):
        pen.poly([(x - 0.08, 0.22), (x + 0.08, 0.22), (x + 0.08, 0.78), (x - 0.08, 0.78)],
                 P.WOOD_LIGHT, P.WOOD_DARK, 1.0)
    pen.line([(0.04, 0.92), (0.3, 0.86), (0.5, 0.92), (0.7, 0.86), (0.96, 0.92)], P.RIVER, 2.0)
