"""The snow mountain's preparation: a steaming bowl of chilli water and ginger soup lying in
the village at the foot (a board unit), and the same bowl as a HUD icon.

History (chapter 5): at Qiaoqi, before crossing Jiajin Mountain, the army drank hot chilli
water and ginger soup against the cold. The bowl is drawn big and dark-rimmed, with red
chillies and a yellow slice of ginger and white steam, so it reads at 24 px tiles and in
high contrast on both snow and plain ground.
"""

from __future__ import annotations

import math

from game.ui import palette as P
from game.ui.sprites.pen import _TAU, FRAMES, _dark, _light, _Pen

_BOWL = (150, 62, 40)
"""A glazed earthenware bowl, red-brown."""
_SOUP = (214, 120, 36)
"""Chilli-and-ginger broth, deep orange."""
_GINGER = (236, 200, 96)


def _bowl(pen: _Pen, cx: float, cy: float, r: float) -> None:
    """A bowl of soup centred at ``(cx, cy)`` (the rim), ``r`` wide on each side."""
    pen.ellipse((cx, cy + 0.62 * r), 0.62 * r, 0.14 * r, _dark(_BOWL, 0.35))  # foot
    pen.poly([(cx - r, cy), (cx + r, cy), (cx + 0.7 * r, cy + 0.55 * r),
              (cx - 0.7 * r, cy + 0.55 * r)], _BOWL, P.INK, 1.2)
    pen.line([(cx - 0.82 * r, cy + 0.2 * r), (cx + 0.82 * r, cy + 0.2 * r)],
             _light(_BOWL, 0.45), 1.0)
    pen.ellipse((cx, cy), r, 0.24 * r, _SOUP, P.INK, 1.2)
    pen.ellipse((cx + 0.3 * r, cy - 0.02 * r), 0.2 * r, 0.09 * r, _GINGER, None)
    for dx in (-0.45, -0.1):
        pen.ellipse((cx + dx * r, cy), 0.16 * r, 0.06 * r, P.RED, None)


def _steam(pen: _Pen, cx: float, top: float, bottom: float, phase: float) -> None:
    """Three wisps of white steam rising from ``bottom`` to ``top``, swaying with ``phase``."""
    for k, dx in enumerate((-0.14, 0.0, 0.14)):
        pts = []
        for i in range(7):
            t = i / 6
            y = bottom + (top - bottom) * t
            x = cx + dx + 0.05 * math.sin(phase + k * 2.1 + t * 5.0)
            pts.append((x, y))
        pen.line(pts, P.INK_SOFT, 3.0)
        pen.line(pts, P.WHITE, 1.8)


def _u_ginger(pen: _Pen, frame: int) -> None:
    """A steaming bowl of chilli water and ginger soup, waiting in the village."""
    pen.ellipse((0.5, 0.88), 0.32, 0.05, (*P.INK, 70), None)
    _steam(pen, 0.5, 0.14, 0.5, _TAU * frame / FRAMES)
    _bowl(pen, 0.5, 0.58, 0.36)


def _i_ginger(pen: _Pen) -> None:
    """The HUD's count of bowls drunk: one steaming bowl."""
    _steam(pen, 0.5, 0.08, 0.44, 0.6)
    _bowl(pen, 0.5, 0.54, 0.42)
