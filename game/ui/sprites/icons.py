"""Board overlays (sight, danger, goal, cursor, path) and the HUD icons: one icon for every
counter the HUD shows (troops, turns, boats, boatmen, ferried companies, fire rhythm, blizzard,
warmth, hold turns, comrades, relief columns, crossings, meeting armies, disguise)."""

from __future__ import annotations

import math

from game.ui import palette as P
from game.ui.sprites.pen import _TAU, Point, _hatch, _light, _Pen, _rgba, _wave
from game.ui.sprites.units import _boat_shape, _flag, _flame

# --------------------------------------------------------------------------- overlays


def _o_sight(pen: _Pen) -> None:
    """What a patrol sees: warm yellow wash with orange '/' hatching."""
    pen.fill(P.SIGHT)
    _hatch(pen, _rgba(P.SIGHT_LINE, 140), 0.25, 1.3, +1)


def _o_danger(pen: _Pen) -> None:
    """Danger: red wash with red cross-hatching."""
    pen.fill(_rgba(P.DANGER, 80))
    _hatch(pen, _rgba(P.DEEP_RED, 130), 0.25, 1.1, -1)
    _hatch(pen, _rgba(P.DEEP_RED, 130), 0.25, 1.1, +1)


def _o_goal(pen: _Pen) -> None:
    """Target cells: faint gold wash, golden dashed border, small gold pennant."""
    pen.fill(_rgba(P.GOLD, 56))
    m = 0.07
    dash = 0.1
    for side in range(4):
        t = m
        while t < 1 - m - 0.01:
            t1 = min(t + dash, 1 - m)
            seg: list[Point]
            if side == 0:
                seg = [(t, m), (t1, m)]
            elif side == 1:
                seg = [(1 - m, t), (1 - m, t1)]
            elif side == 2:
                seg = [(t, 1 - m), (t1, 1 - m)]
            else:
                seg = [(m, t), (m, t1)]
            pen.line(seg, _rgba(P.INK, 200), 2.6)
            pen.line(seg, _rgba(P.GOLD, 255), 1.5)
            t += dash * 1.7
    # small flag marker in the top-right corner
    pen.limb([(0.8, 0.15), (0.8, 0.36)], 0.018, _rgba(P.WOOD_DARK, 255))
    pen.poly(
        [(0.81, 0.15), (0.93, 0.195), (0.81, 0.24)], _rgba(P.GOLD, 255), _rgba(P.INK, 255), 0.9
    )


def _o_cursor(pen: _Pen) -> None:
    """Selection: white outline with heavier corner brackets, ink-edged for contrast."""
    m = 0.05
    box = [(m, m), (1 - m, m), (1 - m, 1 - m), (m, 1 - m)]
    pen.line(box, _rgba(P.INK, 220), 3.4, closed=True)
    pen.line(box, _rgba(P.WHITE, 255), 1.8, closed=True)
    c = 0.22
    for sx, sy in ((0, 0), (1, 0), (0, 1), (1, 1)):
        x = m if sx == 0 else 1 - m
        y = m if sy == 0 else 1 - m
        dx = c if sx == 0 else -c
        dy = c if sy == 0 else -c
        pen.line([(x + dx, y), (x, y), (x, y + dy)], _rgba(P.INK, 230), 5.0)
        pen.line([(x + dx, y), (x, y), (x, y + dy)], _rgba(P.WHITE, 255), 3.2)


def _o_path(pen: _Pen) -> None:
    """One dot of the solver's path trail."""
    pen.circle((0.5, 0.5), 0.13, _rgba(P.INK, 70), None)
    pen.circle((0.5, 0.5), 0.085, _rgba(P.PATH, 240), _rgba(P.INK, 240), 1.2)


# --------------------------------------------------------------------------- icons


def _i_troops(pen: _Pen) -> None:
    """Three Red Army soldiers' heads and shoulders."""
    for x, dark in ((0.26, True), (0.74, True), (0.5, False)):
        y = 0.5 if dark else 0.46
        r = 0.16 if dark else 0.19
        uni = P.ARMY_GREY_DARK if dark else P.ARMY_GREY
        pen.poly(
            [
                (x - r * 1.5, 1.0),
                (x - r * 1.3, y + r * 1.3),
                (x + r * 1.3, y + r * 1.3),
                (x + r * 1.5, 1.0),
            ],
            uni,
        )
        pen.circle((x, y), r, P.SKIN)
        for ex in (-0.4, 0.4):
            pen.circle((x + ex * r, y + 0.15 * r), 0.12 * r, P.INK, None)
        cap = [
            (x - r * 1.05, y - r * 0.3),
            (x - r * 1.25, y - r * 1.3),
            (x + r * 1.25, y - r * 1.3),
            (x + r * 1.05, y - r * 0.3),
        ]
        pen.poly(cap, uni)
        pen.star((x, y - r * 0.8), r * 0.5, P.RED, None)


def _i_turn(pen: _Pen) -> None:
    """An hourglass."""
    pen.poly([(0.2, 0.1), (0.8, 0.1), (0.8, 0.18), (0.2, 0.18)], P.WOOD)
    pen.poly([(0.2, 0.82), (0.8, 0.82), (0.8, 0.9), (0.2, 0.9)], P.WOOD)
    glass = [(0.28, 0.18), (0.72, 0.18), (0.54, 0.5), (0.72, 0.82), (0.28, 0.82), (0.46, 0.5)]
    pen.poly(glass, _light(P.RIVER_LIGHT, 0.6), None)
    pen.poly([(0.36, 0.3), (0.64, 0.3), (0.5, 0.48)], P.GOLD, None)
    pen.poly([(0.5, 0.6), (0.68, 0.82), (0.32, 0.82)], P.GOLD, None)
    pen.line([(0.5, 0.48), (0.5, 0.78)], P.GOLD_DARK, 0.8)
    pen.poly(glass, None, P.INK, 1.1)


def _i_goal(pen: _Pen) -> None:
    """A red and white target."""
    pen.circle((0.5, 0.5), 0.44, P.RED)
    pen.circle((0.5, 0.5), 0.31, P.WHITE, None)
    pen.circle((0.5, 0.5), 0.19, P.RED, None)
    pen.circle((0.5, 0.5), 0.08, P.GOLD, None)


def _i_star(pen: _Pen) -> None:
    """A gold star (earned)."""
    pen.star((0.5, 0.54), 0.46, P.GOLD, P.INK, 1.2)
    pen.poly([(0.5, 0.12), (0.5, 0.54), (0.3, 0.41)], _light(P.GOLD, 0.4), None)


def _i_star_empty(pen: _Pen) -> None:
    """A pale star (not yet earned)."""
    pen.star((0.5, 0.54), 0.46, P.PAPER_DARK, P.INK_SOFT, 1.2)


def _i_warmth(pen: _Pen) -> None:
    """A thermometer with a red bulb (the column's body heat)."""
    pen.poly([(0.4, 0.1), (0.6, 0.1), (0.6, 0.66), (0.4, 0.66)], P.WHITE)
    pen.circle((0.5, 0.1), 0.1, P.WHITE)
    pen.poly([(0.44, 0.36), (0.56, 0.36), (0.56, 0.72), (0.44, 0.72)], P.RED, None)
    pen.circle((0.5, 0.76), 0.17, P.RED)
    pen.circle((0.46, 0.72), 0.05, _light(P.RED, 0.5), None)
    for y in (0.22, 0.34, 0.46, 0.58):
        pen.line([(0.62, y), (0.74, y)], P.INK, 1.0)


def _i_fire(pen: _Pen) -> None:
    """Gunfire from the far bank: a jagged muzzle burst with a flame at its heart."""
    burst = []
    for i in range(16):
        a = _TAU * i / 16
        r = 0.46 if i % 2 == 0 else 0.22
        burst.append((0.5 + r * math.cos(a), 0.5 + r * math.sin(a)))
    pen.poly(burst, P.FLAME, P.DEEP_RED, 1.1)
    _flame(pen, 0.5, 0.7, 0.42, 0.3, 0.0)


def _i_blizzard(pen: _Pen) -> None:
    """A snowflake: six arms with little branches."""
    pen.circle((0.5, 0.5), 0.46, _light(P.SNOW_SHADOW, 0.3), P.RIVER_DARK, 0.8)
    for i in range(6):
        a = _TAU * i / 6 + _TAU / 4
        tip = (0.5 + 0.36 * math.cos(a), 0.5 + 0.36 * math.sin(a))
        pen.line([(0.5, 0.5), tip], P.RIVER_DARK, 1.8)
        mid = (0.5 + 0.22 * math.cos(a), 0.5 + 0.22 * math.sin(a))
        for side in (-1, 1):
            b = a + side * 0.7
            pen.line([mid, (mid[0] + 0.1 * math.cos(b), mid[1] + 0.1 * math.sin(b))],
                     P.RIVER_DARK, 1.4)


def _i_hold(pen: _Pen) -> None:
    """A position held: a red flag planted on a sandbag breastwork."""
    _flag(pen, 0.3, 0.06, 0.66, 0.56, 0.34, 0)
    for row, (y, xs) in enumerate(((0.86, (0.2, 0.4, 0.6, 0.8)), (0.7, (0.3, 0.5, 0.7)))):
        for x in xs:
            pen.ellipse((x, y), 0.11, 0.08 - 0.01 * row, P.KHAKI)


def _i_crossing(pen: _Pen) -> None:
    """A river crossing: waves with an arrow arching over them."""
    for y in (0.66, 0.84):
        _wave(pen, 0.06, 0.94, y, 0.05, 0.22, 0.0, P.RIVER, 1.8)
    arc = [(0.16 + 0.68 * t, 0.54 - 0.38 * math.sin(math.pi * t)) for t in
           (i / 10 for i in range(11))]
    pen.line(arc, P.RED, 2.2)
    pen.poly([(0.86, 0.6), (0.92, 0.4), (0.72, 0.46)], P.RED, P.DEEP_RED, 0.6)


def _i_ferried(pen: _Pen) -> None:
    """Companies ferried across: a boat carrying soldiers."""
    for x in (0.32, 0.5, 0.68):
        pen.circle((x, 0.36), 0.08, P.SKIN)
        pen.poly([(x - 0.08, 0.34), (x + 0.08, 0.34), (x + 0.06, 0.26), (x - 0.06, 0.26)],
                 P.ARMY_GREY)
        pen.star((x, 0.3), 0.03, P.RED, None)
    _boat_shape(pen, 0.5, 0.6, 0.96, oar=False, awning=0.0)
    pen.line([(0.08, 0.86), (0.92, 0.86)], P.RIVER, 1.4)


def _i_boatman(pen: _Pen) -> None:
    """A boatman: a conical straw hat over a face, and his oar."""
    pen.limb([(0.8, 0.14), (0.36, 0.92)], 0.05, P.WOOD)
    pen.ellipse((0.4, 0.92), 0.07, 0.035, P.WOOD)
    pen.poly([(0.34, 0.6), (0.6, 0.6), (0.64, 0.96), (0.3, 0.96)], P.KHAKI)
    pen.circle((0.47, 0.5), 0.14, P.SKIN)
    pen.poly([(0.12, 0.44), (0.47, 0.14), (0.82, 0.44)], P.STRAW, P.INK, 1.1)


def _i_comrade(pen: _Pen) -> None:
    """A comrade left behind: a soldier's head with a bandage round it."""
    pen.poly([(0.2, 1.0), (0.26, 0.7), (0.74, 0.7), (0.8, 1.0)], P.ARMY_GREY)
    pen.poly([(0.46, 0.72), (0.54, 0.72), (0.5, 0.8)], P.RED, None)
    pen.circle((0.5, 0.46), 0.24, P.SKIN)
    pen.poly([(0.26, 0.34), (0.74, 0.34), (0.75, 0.44), (0.25, 0.44)], P.WHITE, P.INK, 0.8)
    pen.poly([(0.7, 0.4), (0.88, 0.3), (0.86, 0.46)], P.WHITE, P.INK, 0.8)
    pen.circle((0.43, 0.52), 0.025, P.INK, None)
    pen.circle((0.57, 0.52), 0.025, P.INK, None)


def _i_relief(pen: _Pen) -> None:
    """An enemy relief column: a helmeted enemy head with an arrow pressing on."""
    pen.poly([(0.08, 1.0), (0.12, 0.72), (0.52, 0.72), (0.56, 1.0)], P.ENEMY)
    pen.circle((0.32, 0.52), 0.19, P.SKIN)
    helmet = [(0.32 + 0.25 * math.cos(a), 0.48 - 0.22 * math.sin(a))
              for a in (i * math.pi / 10 for i in range(11))]
    pen.poly(helmet, P.ENEMY_DARK)
    pen.line([(0.05, 0.48), (0.59, 0.48)], P.ENEMY_DARK, 2.0)
    pen.poly([(0.62, 0.3), (0.78, 0.3), (0.78, 0.18), (0.98, 0.42), (0.78, 0.66), (0.78, 0.54),
              (0.62, 0.54)], P.ENEMY, P.ENEMY_DARK, 1.0)


def _i_meet(pen: _Pen) -> None:
    """Armies meeting: three red flags planted together."""
    for pole, top in ((0.22, 0.2), (0.5, 0.06), (0.78, 0.2)):
        pen.line([(pole, top), (pole, 0.92)], P.WOOD_DARK, 1.6)
        pen.poly([(pole, top), (pole + 0.18, top + 0.08), (pole, top + 0.16)], P.RED,
                 P.DEEP_RED, 0.6)
    pen.ellipse((0.5, 0.92), 0.42, 0.06, P.GRASS_DARK, None)


def _i_disguise(pen: _Pen) -> None:
    """A disguise: a mask over the eyes."""
    mask = [(0.06, 0.4), (0.5, 0.34), (0.94, 0.4), (0.88, 0.64), (0.62, 0.7), (0.5, 0.58),
            (0.38, 0.7), (0.12, 0.64)]
    pen.poly(mask, P.ENEMY_DARK)
    pen.ellipse((0.3, 0.52), 0.1, 0.06, P.PAPER, None)
    pen.ellipse((0.7, 0.52), 0.1, 0.06, P.PAPER, None)
    pen.line([(0.06, 0.44), (0.0, 0.3)], P.INK, 1.2)
    pen.line([(0.94, 0.44), (1.0, 0.3)], P.INK, 1.2)


def _i_boat(pen: _Pen) -> None:
    """A boat without its oar."""
    _boat_shape(pen, 0.5, 0.64, 0.96, oar=False, awning=0.55)
    pen.line([(0.08, 0.86), (0.92, 0.86)], P.RIVER, 1.4)


def _i_flag(pen: _Pen) -> None:
    """A red flag on a pole."""
    _flag(pen, 0.2, 0.14, 0.94, 0.7, 0.46, 0)


