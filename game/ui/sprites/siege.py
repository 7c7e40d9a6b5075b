"""The point to besiege (围点打援): a monastery held as a blockhouse, in three states.

``point``: the garrison holds it and no one has laid siege yet (enemy banner, shut gate).
``point_besieged``: the same, ringed by red arrows pressing in from every side.
``point_fallen``: the gate stands open and a red flag flies over the blockhouse.

Each is an opaque terrain tile, so it reads on any ground and in high contrast: the walls
are pale stone with ink outlines, and the three states differ by shape (arrows, an open
gate, a flag), not by colour alone.
"""

from __future__ import annotations

import random

from game.ui import palette as P
from game.ui.sprites.pen import _dark, _light, _Pen
from game.ui.sprites.terrain import _t_plain
from game.ui.sprites.units import _flag, _pennant


def _monastery(pen: _Pen, rng: random.Random, frame: int, gate_open: bool) -> None:
    """The ground, the walled monastery with its temple roof, and the round blockhouse."""
    _t_plain(pen, rng, frame, _dark(P.PLAIN, 0.08))
    # the wall: a low stone rectangle seen a little from above
    wall = [(0.1, 0.56), (0.9, 0.56), (0.9, 0.9), (0.1, 0.9)]
    pen.poly(wall, P.STONE, P.INK, 1.2)
    for y in (0.67, 0.78):
        pen.line([(0.1, y), (0.9, y)], _dark(P.STONE, 0.25), 0.6)
    for x in (0.24, 0.38, 0.62, 0.76):
        pen.line([(x, 0.56), (x, 0.67)], _dark(P.STONE, 0.25), 0.6)
        pen.line([(x + 0.07, 0.67), (x + 0.07, 0.78)], _dark(P.STONE, 0.25), 0.6)
    # crenellations along the top of the wall
    for i in range(6):
        x = 0.12 + i * 0.135
        pen.poly([(x, 0.56), (x + 0.07, 0.56), (x + 0.07, 0.51), (x, 0.51)], P.STONE, P.INK,
                 0.8)
    # the temple hall behind: a red wall under a sweeping dark roof
    pen.poly([(0.2, 0.5), (0.56, 0.5), (0.56, 0.36), (0.2, 0.36)], _dark(P.DEEP_RED, 0.1),
             P.INK, 0.9)
    roof = [(0.12, 0.37), (0.2, 0.3), (0.28, 0.22), (0.48, 0.22), (0.56, 0.3), (0.64, 0.37),
            (0.38, 0.33)]
    pen.poly(roof, P.ROOF, P.INK, 1.0)
    pen.line([(0.26, 0.22), (0.5, 0.22)], P.GOLD_DARK, 1.4)
    # the round blockhouse (碉堡) on the right, with dark loopholes
    pen.poly([(0.6, 0.56), (0.6, 0.2), (0.84, 0.2), (0.84, 0.56)], _light(P.STONE, 0.2), P.INK,
             1.1)
    pen.ellipse((0.72, 0.2), 0.12, 0.04, _light(P.STONE, 0.35), P.INK, 0.9)
    for x, y in ((0.67, 0.3), (0.77, 0.3), (0.72, 0.42)):
        pen.poly([(x - 0.02, y), (x + 0.02, y), (x + 0.02, y + 0.05), (x - 0.02, y + 0.05)],
                 P.INK, None)
    # the gate in the middle of the wall
    gate = [(0.42, 0.9), (0.42, 0.7), (0.5, 0.64), (0.58, 0.7), (0.58, 0.9)]
    if gate_open:
        pen.poly(gate, P.INK_SOFT, P.INK, 1.0)
        pen.poly([(0.42, 0.9), (0.42, 0.7), (0.34, 0.74), (0.34, 0.94)], P.WOOD, P.INK, 0.8)
        pen.poly([(0.58, 0.9), (0.58, 0.7), (0.66, 0.74), (0.66, 0.94)], P.WOOD, P.INK, 0.8)
    else:
        pen.poly(gate, P.WOOD_DARK, P.INK, 1.0)
        pen.line([(0.5, 0.66), (0.5, 0.9)], P.INK, 0.8)
        pen.line([(0.42, 0.8), (0.58, 0.8)], P.IRON_LIGHT, 1.2)


def _t_point(pen: _Pen, rng: random.Random, frame: int) -> None:
    """The enemy-held point before the siege: a plain enemy banner over the blockhouse."""
    _monastery(pen, rng, frame, gate_open=False)
    _pennant(pen, 0.66, 0.05, 0.2, frame, P.ENEMY)


def _t_point_besieged(pen: _Pen, rng: random.Random, frame: int) -> None:
    """The besieged point: the enemy banner still flies, and red arrows press in on it
    from the four sides (the Red Army's ring)."""
    _t_point(pen, rng, frame)
    red, ink = P.RED, P.INK
    # a solid red frame round the tile (the goal's gold border is dashed, further in)
    frame_pts = [(0.025, 0.025), (0.975, 0.025), (0.975, 0.975), (0.025, 0.975)]
    pen.line(frame_pts, ink, 3.4, closed=True)
    pen.line(frame_pts, red, 2.2, closed=True)
    for tip, back, side in (
        ((0.5, 0.8), (0.5, 1.0), (0.12, 0.0)),  # from below
        ((0.2, 0.62), (0.0, 0.62), (0.0, 0.12)),  # from the left
        ((0.8, 0.62), (1.0, 0.62), (0.0, 0.12)),  # from the right
        ((0.3, 0.2), (0.3, 0.0), (0.12, 0.0)),  # from above
    ):
        dx, dy = side
        pen.poly([tip, (back[0] + dx, back[1] + dy), (back[0] - dx, back[1] - dy)], red, ink,
                 1.2)


def _t_point_fallen(pen: _Pen, rng: random.Random, frame: int) -> None:
    """The fallen point: the gate open and a red flag over the blockhouse."""
    _monastery(pen, rng, frame, gate_open=True)
    _flag(pen, 0.66, 0.04, 0.22, 0.28, 0.15, frame)


def _i_point(pen: _Pen) -> None:
    """The HUD icon of the point to besiege: a blockhouse tower on a wall, with a banner."""
    pen.poly([(0.08, 0.62), (0.92, 0.62), (0.92, 0.96), (0.08, 0.96)], P.STONE, P.INK, 1.2)
    for i in range(4):
        x = 0.1 + i * 0.22
        pen.poly([(x, 0.62), (x + 0.12, 0.62), (x + 0.12, 0.54), (x, 0.54)], P.STONE, P.INK,
                 1.0)
    pen.poly([(0.32, 0.62), (0.32, 0.22), (0.68, 0.22), (0.68, 0.62)], _light(P.STONE, 0.2),
             P.INK, 1.2)
    pen.poly([(0.46, 0.36), (0.54, 0.36), (0.54, 0.46), (0.46, 0.46)], P.INK, None)
    pen.poly([(0.42, 0.96), (0.42, 0.78), (0.5, 0.72), (0.58, 0.78), (0.58, 0.96)],
             P.WOOD_DARK, P.INK, 1.0)
    pen.line([(0.5, 0.22), (0.5, 0.02)], P.WOOD_DARK, 1.6)
    pen.poly([(0.5, 0.02), (0.8, 0.08), (0.5, 0.16)], P.ENEMY, P.INK, 0.8)
