"""Chapter 1's heavy baggage: the load the column hauls, the place to leave it, the HUD icon.

The load is drawn over the column's own sprite (crates and a shoulder-pole bundle at its
feet), so it reads on any army; the cache is a heap of crates and a press's cog wheel with
a gold ring around it (where the load can be left); the icon is a crate on a carrying pole.
"""

from __future__ import annotations

import math

from game.ui import palette as P
from game.ui.sprites.pen import _dark, _light, _Pen, _rgba


def _crate(pen: _Pen, x: float, y: float, w: float, h: float) -> None:
    """A wooden crate with its top-left corner at ``(x, y)``: planks, a cross brace, ink."""
    box = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
    pen.poly(box, P.WOOD_LIGHT, P.INK, 1.3)
    pen.line([(x, y + h / 2), (x + w, y + h / 2)], P.WOOD_DARK, 0.8)
    pen.line([(x + 0.12 * w, y + 0.12 * h), (x + 0.88 * w, y + 0.88 * h)], P.WOOD_DARK, 1.0)
    pen.line([(x + 0.88 * w, y + 0.12 * h), (x + 0.12 * w, y + 0.88 * h)], P.WOOD_DARK, 1.0)


def _cog(pen: _Pen, c: tuple[float, float], r: float) -> None:
    """A machine's cog wheel (the printing presses and machinery the army carried)."""
    teeth = []
    for i in range(16):
        a = math.tau * i / 16
        rr = r if i % 2 == 0 else r * 0.78
        teeth.append((c[0] + rr * math.cos(a), c[1] + rr * math.sin(a)))
    pen.poly(teeth, _dark(P.STONE, 0.3), P.INK, 1.1)
    pen.circle(c, r * 0.32, _light(P.STONE, 0.3), P.INK, 0.9)


def _bundle(pen: _Pen, c: tuple[float, float], rx: float, ry: float) -> None:
    """A roped cloth bundle."""
    pen.ellipse(c, rx, ry, P.STRAW, P.INK, 1.1)
    pen.line([(c[0], c[1] - ry), (c[0], c[1] + ry)], _dark(P.STRAW, 0.45), 1.0)


def _o_load(pen: _Pen) -> None:
    """The heavy baggage the column hauls, drawn at its feet over the column sprite: two
    stacked crates and a bundle on a carrying pole, with a pale rim so it reads on any
    ground."""
    crates = ((0.02, 0.62, 0.3, 0.24), (0.08, 0.42, 0.26, 0.2))
    for dx, dy in ((-0.015, 0), (0.015, 0), (0, -0.015), (0, 0.015)):
        for x, y, w, h in crates:
            pen.poly([(x + dx, y + dy), (x + w + dx, y + dy), (x + w + dx, y + h + dy),
                      (x + dx, y + h + dy)], _rgba(P.PAPER, 200), None)
        pen.ellipse((0.48 + dx, 0.8 + dy), 0.1, 0.085, _rgba(P.PAPER, 200), None)
    pen.ellipse((0.26, 0.95), 0.26, 0.04, _rgba(P.INK, 70), None)
    for x, y, w, h in crates:
        _crate(pen, x, y, w, h)
    pen.limb([(0.3, 0.56), (0.48, 0.7)], 0.03, P.WOOD_DARK)
    _bundle(pen, (0.48, 0.8), 0.1, 0.085)


def _u_cache(pen: _Pen, frame: int) -> None:
    """Where the column can leave its baggage: a gold ring around a heap of crates, a
    bundle and a cog wheel from the machinery."""
    pen.ellipse((0.5, 0.62), 0.44, 0.32, _rgba(P.GOLD, 60), _rgba(P.INK, 230), 3.2)
    pen.ellipse((0.5, 0.62), 0.44, 0.32, None, _rgba(P.GOLD, 255), 1.8)
    _cog(pen, (0.66, 0.52), 0.16)
    _crate(pen, 0.22, 0.56, 0.28, 0.22)
    _crate(pen, 0.46, 0.64, 0.24, 0.19)
    _bundle(pen, (0.3, 0.5), 0.09, 0.07)


def _i_baggage(pen: _Pen) -> None:
    """A carrying pole over a shoulder with a crate on one end and a bundle on the other."""
    pen.limb([(0.08, 0.34), (0.92, 0.34)], 0.05, P.WOOD)
    pen.line([(0.24, 0.34), (0.24, 0.5)], P.INK, 1.1)
    pen.line([(0.76, 0.34), (0.76, 0.52)], P.INK, 1.1)
    _crate(pen, 0.08, 0.5, 0.32, 0.36)
    _bundle(pen, (0.76, 0.66), 0.16, 0.15)
