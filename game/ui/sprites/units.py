"""Figures on the board: the column and the other armies, patrols, pursuers, relief
columns, comrades, guides, boats, planks, fire and campfires."""

from __future__ import annotations

import math
from collections.abc import Callable

from game.ui import palette as P
from game.ui.sprites.pen import (
    _TAU,
    FRAMES,
    Point,
    _blend,
    _dark,
    _layer,
    _light,
    _mix,
    _pebble,
    _Pen,
    _wave,
)

# --------------------------------------------------------------------------- figures


def _flag_map(
    pole: float, top: float, w: float, h: float, frame: int
) -> Callable[[float, float], Point]:
    """Flag-local (s along, t down; both 0..1) to unit coordinates, with a travelling wave."""
    ph = _TAU * frame / FRAMES

    def f(s: float, t: float) -> Point:
        """Map flag-local (s, t) to unit coordinates."""
        wave = math.sin(_TAU * 0.85 * s - ph)
        return (
            pole + w * s * (1 - 0.04 * (1 + wave) * s),
            top + h * t + 0.07 * h * s * wave + 0.08 * h * s * s,
        )

    return f


def _flag(
    pen: _Pen,
    pole: float,
    top: float,
    bottom: float,
    w: float,
    h: float,
    frame: int,
    cloth: P.RGB = P.RED,
    emblem: str = "",
    with_pole: bool = True,
) -> None:
    """A waving flag with a white hoist band. ``emblem``: "", "1", "2" or "4" (一 二 四)."""
    f = _flag_map(pole + 0.008, top + 0.01, w, h, frame)
    ph = _TAU * frame / FRAMES
    strips = 10
    for i in range(strips):
        s0, s1 = i / strips, min(1.0, (i + 1.15) / strips)
        slope = math.cos(_TAU * 0.85 * (s0 + 0.5 / strips) - ph)
        c = _mix(cloth, P.RED_LIGHT, 0.35 * slope) if slope > 0 else _dark(cloth, -0.3 * slope)
        pen.poly([f(s0, 0), f(s1, 0), f(s1, 1), f(s0, 1)], c, None)
    edge = [f(i / 12, 0) for i in range(13)] + [f(1, 0.5)] + [f(1 - i / 12, 1) for i in range(13)]
    # white hoist band, as on Red Army battle flags
    hoist = 0.17
    pen.poly([f(0, 0), f(hoist, 0), f(hoist, 1), f(0, 1)], P.WHITE, None)
    pen.line([f(hoist, t / 6) for t in range(7)], _dark(cloth, 0.3), 0.7)
    pen.poly(edge, None, P.INK, 1.1)
    gold = P.GOLD
    if emblem in ("1", "2", "4"):
        strokes: dict[str, list[list[Point]]] = {
            "1": [[(0.34, 0.5), (0.86, 0.48)]],
            "2": [[(0.42, 0.3), (0.76, 0.29)], [(0.32, 0.7), (0.88, 0.68)]],
            "4": [
                [(0.36, 0.22), (0.36, 0.8)],
                [(0.36, 0.22), (0.86, 0.22), (0.86, 0.8)],
                [(0.36, 0.78), (0.86, 0.78)],
                [(0.52, 0.22), (0.51, 0.48), (0.44, 0.6)],
                [(0.68, 0.22), (0.68, 0.52), (0.74, 0.56), (0.86, 0.56)],
            ],
        }
        wid = h * 0.1 * pen.n / pen.lw
        for st in strokes[emblem]:
            pen.line([f(s, t) for s, t in st], gold, wid)
    if with_pole:
        _pole(pen, pole, top, bottom)


def _pole(pen: _Pen, pole: float, top: float, bottom: float) -> None:
    """A flag pole with a spear-tip finial."""
    pen.limb([(pole, top - 0.01), (pole, bottom)], 0.026, P.WOOD)
    pen.poly([(pole - 0.022, top), (pole, top - 0.07), (pole + 0.022, top)], P.GOLD, P.INK, 0.8)


def _shadow(pen: _Pen, x: float, y: float, rx: float, ry: float = 0.045) -> None:
    """A soft ground shadow under a unit."""
    pen.ellipse((x, y), rx, ry, (30, 26, 20, 70), None)


def _soldier(
    pen: _Pen,
    x: float,
    y: float,
    h: float,
    facing: int,
    enemy: bool,
    stride: float = 0.0,
    rifle: bool = False,
    hand_at: Point | None = None,
) -> None:
    """A figure standing with feet at (x, y), ``h`` tall, facing right (+1) or left (-1).

    Red Army: grey uniform, soft cap with a red star, red collar tabs and armband, bedroll.
    Enemy: slate-blue uniform, round steel helmet, khaki webbing and a rifle with bayonet.
    """
    f = facing
    uni = P.ENEMY if enemy else P.ARMY_GREY
    dark = P.ENEMY_DARK if enemy else P.ARMY_GREY_DARK
    # pack / bedroll on the back
    pack = P.KHAKI if enemy else P.STRAW
    pen.ellipse((x - f * 0.17 * h, y - 0.5 * h), 0.1 * h, 0.16 * h, pack)
    # legs
    a, b = -0.09 - stride, 0.09 + stride
    for lx in (a, b):
        pen.limb([(x + lx * 0.35 * h, y - 0.36 * h), (x + lx * h, y - 0.06 * h)], 0.12 * h, dark)
        pen.ellipse((x + lx * h + f * 0.03 * h, y - 0.03 * h), 0.07 * h, 0.035 * h, P.INK, None)
    # body
    body = [
        (x - 0.17 * h, y - 0.66 * h),
        (x + 0.17 * h, y - 0.66 * h),
        (x + 0.16 * h, y - 0.32 * h),
        (x - 0.16 * h, y - 0.32 * h),
    ]
    pen.poly(body, uni)
    belt = P.KHAKI if enemy else P.WOOD_DARK
    pen.line([(x - 0.15 * h, y - 0.38 * h), (x + 0.15 * h, y - 0.38 * h)], belt, 1.2)
    if enemy:
        pen.line([(x - 0.15 * h, y - 0.64 * h), (x + 0.13 * h, y - 0.4 * h)], P.KHAKI, 1.0)
    else:
        pen.poly(
            [
                (x - 0.07 * h, y - 0.66 * h),
                (x - 0.01 * h, y - 0.66 * h),
                (x - 0.04 * h, y - 0.58 * h),
            ],
            P.RED,
            None,
        )
        pen.poly(
            [
                (x + 0.01 * h, y - 0.66 * h),
                (x + 0.07 * h, y - 0.66 * h),
                (x + 0.04 * h, y - 0.58 * h),
            ],
            P.RED,
            None,
        )
    # head
    hc = (x + f * 0.01 * h, y - 0.8 * h)
    pen.circle(hc, 0.15 * h, P.SKIN)
    pen.circle((hc[0] + f * 0.07 * h, hc[1] + 0.01 * h), 0.022 * h, P.INK, None)
    if enemy:
        # round steel helmet with a short flared rim
        cx, cy = hc[0], hc[1] - 0.02 * h
        dome = [
            (cx + 0.19 * h * math.cos(a), cy - 0.19 * h * math.sin(a))
            for a in [i * math.pi / 12 for i in range(13)]
        ]
        pen.poly(
            [(cx + 0.235 * h, cy + 0.045 * h), *dome, (cx - 0.235 * h, cy + 0.045 * h)],
            P.ENEMY_DARK,
        )
        pen.line(
            [(cx - 0.11 * h, cy - 0.12 * h), (cx + 0.0 * h, cy - 0.16 * h)], P.ENEMY_LIGHT, 1.0
        )
    else:
        # soft octagonal cap with a red star
        cy = hc[1] - 0.06 * h
        cap = [
            (hc[0] - 0.16 * h, cy),
            (hc[0] - 0.2 * h, cy - 0.14 * h),
            (hc[0] + 0.18 * h, cy - 0.15 * h),
            (hc[0] + 0.16 * h, cy),
        ]
        pen.poly(cap, uni)
        pen.poly(
            [
                (hc[0] + f * 0.1 * h, cy),
                (hc[0] + f * 0.27 * h, cy + 0.02 * h),
                (hc[0] + f * 0.1 * h, cy + 0.04 * h),
            ],
            P.INK,
            P.INK,
            0.5,
        )
        pen.star((hc[0] + f * 0.02 * h, cy - 0.075 * h), 0.085 * h, P.RED, None)
    if rifle:  # carried across the body at the port, muzzle up and forward
        b0 = (x - f * 0.16 * h, y - 0.3 * h)
        mid = (x + f * 0.06 * h, y - 0.56 * h)
        b1 = (x + f * 0.4 * h, y - 0.98 * h)
        pen.limb([b0, mid], 0.075 * h, P.WOOD)
        pen.limb([mid, b1], 0.045 * h, P.IRON)
        pen.line([b1, (b1[0] + f * 0.08 * h, b1[1] - 0.12 * h)], P.IRON_LIGHT, 1.0)
    # arm (front side)
    ax = x + f * 0.1 * h
    if rifle:
        hand = (x + f * 0.17 * h, y - 0.66 * h)
    elif hand_at is not None:
        hand = hand_at
    else:
        hand = (x + f * 0.22 * h, y - 0.36 * h)
    pen.limb([(ax, y - 0.62 * h), hand], 0.1 * h, uni)
    if not enemy:
        mid = ((ax * 0.55 + hand[0] * 0.45), (y - 0.62 * h) * 0.55 + hand[1] * 0.45)
        pen.circle(mid, 0.055 * h, P.RED, None)
    pen.circle(hand, 0.05 * h, P.SKIN, P.INK, 0.7)


def _guide(pen: _Pen, x: float, y: float, h: float) -> None:
    """A local guide: conical straw hat, brown jacket with a white sash, a tall staff."""
    f = 1
    coat = (124, 90, 64)
    pen.limb([(x + 0.3 * h, y + 0.02 * h), (x + 0.36 * h, y - 1.05 * h)], 0.05 * h, P.WOOD)
    for lx in (-0.1, 0.12):
        pen.limb(
            [(x + lx * 0.35 * h, y - 0.36 * h), (x + lx * h, y - 0.06 * h)], 0.12 * h, P.INK_SOFT
        )
        pen.ellipse((x + lx * h + 0.03 * h, y - 0.03 * h), 0.07 * h, 0.035 * h, P.INK, None)
    pen.poly(
        [
            (x - 0.18 * h, y - 0.66 * h),
            (x + 0.18 * h, y - 0.66 * h),
            (x + 0.2 * h, y - 0.28 * h),
            (x - 0.2 * h, y - 0.28 * h),
        ],
        coat,
    )
    pen.line([(x - 0.18 * h, y - 0.4 * h), (x + 0.18 * h, y - 0.4 * h)], P.WHITE, 1.6)
    pen.limb([(x + f * 0.1 * h, y - 0.62 * h), (x + 0.33 * h, y - 0.5 * h)], 0.1 * h, coat)
    pen.circle((x + 0.33 * h, y - 0.52 * h), 0.055 * h, P.SKIN, P.INK, 0.7)
    hc = (x + 0.01 * h, y - 0.8 * h)
    pen.circle(hc, 0.15 * h, P.SKIN)
    pen.circle((hc[0] + 0.07 * h, hc[1] + 0.02 * h), 0.022 * h, P.INK, None)
    hat = [
        (hc[0] - 0.34 * h, hc[1] - 0.04 * h),
        (hc[0], hc[1] - 0.3 * h),
        (hc[0] + 0.34 * h, hc[1] - 0.04 * h),
        (hc[0], hc[1] - 0.08 * h),
    ]
    pen.poly(hat, P.STRAW)
    pen.line(
        [(hc[0], hc[1] - 0.3 * h), (hc[0] - 0.16 * h, hc[1] - 0.1 * h)], _dark(P.STRAW, 0.3), 0.6
    )
    pen.line(
        [(hc[0], hc[1] - 0.3 * h), (hc[0] + 0.16 * h, hc[1] - 0.1 * h)], _dark(P.STRAW, 0.3), 0.6
    )


def _flame(pen: _Pen, x: float, y: float, h: float, w: float, sway: float) -> None:
    """One flame tongue: red outside, orange, yellow core."""
    for scale, color, outline in (
        (1.0, P.RED, P.DEEP_RED),
        (0.72, P.FLAME, None),
        (0.42, P.FLAME_CORE, None),
    ):
        hh, ww = h * scale, w * scale
        tip = (x + sway * scale, y - hh)
        pts = [
            (x - ww / 2, y - hh * 0.25),
            (x - ww * 0.42, y - hh * 0.5),
            tip,
            (x + ww * 0.42, y - hh * 0.5),
            (x + ww / 2, y - hh * 0.25),
        ]
        bottom = [
            (x + ww / 2 * math.cos(a), y - hh * 0.25 + ww * 0.5 * math.sin(a))
            for a in [i * math.pi / 8 for i in range(9)]
        ]
        pen.poly(pts + bottom, color, outline, 0.9)


def _standard(
    pen: _Pen, frame: int, x: float, y: float, h: float, flag_h: float, emblem: str
) -> None:
    """A standard-bearer at (x, y) gripping the pole of a large waving red flag."""
    pole = x + 0.2 * h
    top = 0.1
    _flag(pen, pole, top, y - 0.04, 0.92 - pole, flag_h, frame, emblem=emblem, with_pole=False)
    hand = (pole, y - 0.58 * h)
    _soldier(pen, x, y, h, 1, False, 0.0, hand_at=hand)
    _pole(pen, pole, top, y - 0.04)
    pen.circle(hand, 0.05 * h, P.SKIN, P.INK, 0.7)


def _u_column(pen: _Pen, frame: int) -> None:
    """The Red Army column: a standard-bearer with a big waving red flag and two soldiers."""
    _shadow(pen, 0.52, 0.9, 0.38)
    _standard(pen, frame, 0.2, 0.9, 0.46, 0.34, "")
    _soldier(pen, 0.6, 0.84, 0.44, 1, False, 0.02)
    _soldier(pen, 0.8, 0.93, 0.42, 1, False, 0.03)


def _u_army(pen: _Pen, frame: int, numeral: str) -> None:
    """A Red Army unit told apart by the numeral 一, 二 or 四 on its flag."""
    _shadow(pen, 0.5, 0.9, 0.34)
    _standard(pen, frame, 0.2, 0.92, 0.46, 0.4, numeral)
    _soldier(pen, 0.68, 0.88, 0.46, 1, False, 0.02)


def _u_patrol(pen: _Pen, frame: int) -> None:
    """An enemy patrol: two helmeted soldiers with rifles, facing right."""
    _shadow(pen, 0.5, 0.9, 0.36)
    _soldier(pen, 0.34, 0.84, 0.5, 1, True, 0.03, rifle=True)
    _soldier(pen, 0.64, 0.92, 0.52, 1, True, 0.05, rifle=True)


def _pennant(pen: _Pen, pole: float, top: float, bottom: float, frame: int, cloth: P.RGB) -> None:
    """A plain swallow-tailed enemy banner (no emblem)."""
    ph = _TAU * frame / FRAMES
    w = 0.3
    pts: list[Point] = []
    for i in range(9):
        s = i / 8
        pts.append((pole + w * s, top + 0.02 * math.sin(_TAU * s - ph) * s))
    tail = (pole + w * 0.7, top + 0.09 + 0.02 * math.sin(_TAU * 0.7 - ph))
    lower = [
        (pole + w * s, top + 0.18 + 0.02 * math.sin(_TAU * s - ph) * s)
        for s in (1.0, 0.75, 0.5, 0.25, 0.0)
    ]
    pen.poly([*pts, tail, *lower], cloth, P.INK, 1.0)
    mid = [
        (pole + w * s * 0.8, top + 0.09 + 0.02 * math.sin(_TAU * s - ph) * s)
        for s in (0.0, 0.4, 0.8)
    ]
    pen.line(mid, P.KHAKI, 1.4)
    pen.limb([(pole, top - 0.02), (pole, bottom)], 0.024, P.WOOD_DARK)
    pen.circle((pole, top - 0.03), 0.02, P.IRON_LIGHT)


def _u_pursuer(pen: _Pen, frame: int) -> None:
    """The pursuing enemy army: a block of helmeted soldiers under plain banners."""
    _shadow(pen, 0.5, 0.88, 0.42, 0.06)
    _pennant(pen, 0.16, 0.06, 0.62, frame, P.ENEMY_DARK)
    _pennant(pen, 0.56, 0.1, 0.62, (frame + 1) % FRAMES, P.ENEMY)
    for row, (yy, xs) in enumerate(((0.66, (0.24, 0.5, 0.76)), (0.9, (0.14, 0.38, 0.62, 0.84)))):
        for x in xs:
            _soldier(pen, x, yy, 0.36 + 0.04 * row, 1, True, 0.02, rifle=True)


def _u_relief(pen: _Pen, frame: int) -> None:
    """An enemy relief column: soldiers marching in file behind a banner, arrows on the road
    showing where they press on to."""
    _shadow(pen, 0.5, 0.9, 0.44)
    for x in (0.3, 0.56, 0.82):
        pen.poly([(x - 0.07, 0.97), (x + 0.02, 0.93), (x - 0.07, 0.89)], _light(P.ENEMY, 0.3),
                 None)
    _pennant(pen, 0.6, 0.1, 0.66, frame, P.ENEMY_DARK)
    for x, y in ((0.2, 0.86), (0.44, 0.88), (0.68, 0.9)):
        _soldier(pen, x, y, 0.48, 1, True, 0.08 if frame % 2 else 0.04, rifle=True)


def _boat_shape(
    pen: _Pen, cx: float, cy: float, w: float, oar: bool = True, awning: float = 0.8
) -> None:
    """A wooden sampan with a mat awning (``awning`` = its height in hull heights), side view."""
    h = w * 0.3
    hull = [
        (cx - w * 0.5, cy - h * 0.5),
        (cx - w * 0.42, cy - h * 0.22),
        (cx - w * 0.3, cy - h * 0.1),
        (cx + w * 0.3, cy - h * 0.1),
        (cx + w * 0.44, cy - h * 0.25),
        (cx + w * 0.52, cy - h * 0.6),
        (cx + w * 0.47, cy - h * 0.05),
        (cx + w * 0.36, cy + h * 0.32),
        (cx - w * 0.34, cy + h * 0.32),
        (cx - w * 0.46, cy + h * 0.02),
    ]
    pen.poly(hull, P.WOOD)
    pen.line([(cx - w * 0.44, cy + h * 0.1), (cx + w * 0.45, cy + h * 0.1)], P.WOOD_DARK, 0.8)
    pen.line(hull[1:5], P.WOOD_LIGHT, 1.0)
    arch = [
        (cx + w * 0.2 * math.cos(a), cy - h * 0.12 - h * awning * math.sin(a))
        for a in [math.pi - i * math.pi / 10 for i in range(11)]
    ]
    pen.poly(arch, P.STRAW)
    for t in (-0.1, 0.0, 0.1):
        top = cy - h * 0.12 - h * awning * math.sqrt(max(0.0, 1 - (t / 0.2) ** 2))
        pen.line(
            [(cx + w * t, cy - h * 0.16), (cx + w * t, top + h * 0.08)], _dark(P.STRAW, 0.3), 0.6
        )
    if oar:
        pen.limb([(cx - w * 0.3, cy - h * 1.0), (cx - w * 0.62, cy + h * 0.7)], 0.022, P.WOOD_DARK)


def _u_boat(pen: _Pen, frame: int) -> None:
    """A wooden boat on the water."""
    ripple = _light(P.RIVER_LIGHT, 0.3)
    ph = _TAU * frame / FRAMES
    pen.ellipse((0.5, 0.74), 0.44, 0.07, (20, 40, 60, 90), None)
    _boat_shape(pen, 0.48, 0.64, 0.84)
    _wave(pen, 0.1, 0.4, 0.8, 0.015, 0.12, ph, ripple, 1.0)
    _wave(pen, 0.6, 0.9, 0.82, 0.015, 0.12, ph + 1.0, ripple, 1.0)


def _u_plank(pen: _Pen, frame: int) -> None:
    """A loose wooden plank."""
    pen.poly([(0.16, 0.86), (0.92, 0.36), (0.96, 0.46), (0.22, 0.94)], (30, 26, 20, 60), None)
    top = [(0.1, 0.76), (0.84, 0.26), (0.9, 0.36), (0.16, 0.86)]
    pen.poly([top[3], top[2], (0.9, 0.42), (0.16, 0.92)], P.WOOD_DARK)
    pen.poly(top, P.WOOD_LIGHT)
    for t in (0.3, 0.6):
        pen.line([(0.1 + 0.06 * t, 0.76 + 0.1 * t), (0.84 + 0.06 * t, 0.26 + 0.1 * t)], P.WOOD, 0.7)
    for x, y in ((0.2, 0.75), (0.78, 0.36)):
        pen.circle((x, y), 0.014, P.IRON, None)


def _u_fire(pen: _Pen, frame: int) -> None:
    """Flames and sparks flickering over FRAMES."""
    ph = _TAU * frame / FRAMES
    glow = _layer(pen)
    glow.circle((0.5, 0.66), 0.34 + 0.02 * math.sin(ph), (255, 160, 40, 60), None)
    _blend(pen, glow)
    for x, h, w, k in ((0.3, 0.42, 0.22, 0.0), (0.72, 0.46, 0.22, 2.1), (0.5, 0.66, 0.3, 1.0)):
        hh = h * (1 + 0.1 * math.sin(ph + k * 2))
        _flame(pen, x, 0.86, hh, w, 0.06 * math.sin(ph + k))
    for i in range(3):
        t = ((frame + i * 1.4) % FRAMES) / FRAMES
        pen.circle(
            (0.35 + 0.15 * i + 0.05 * math.sin(ph + i), 0.3 - 0.2 * t),
            0.018 * (1 - t) + 0.005,
            P.FLAME_CORE,
            None,
        )


def _u_campfire(pen: _Pen, frame: int) -> None:
    """A campfire: ring of stones, crossed logs, small flickering flames."""
    ph = _TAU * frame / FRAMES
    glow = _layer(pen)
    glow.ellipse((0.5, 0.76), 0.4, 0.16, (255, 170, 60, 70), None)
    _blend(pen, glow)
    for i in range(7):
        a = math.pi * (0.1 + 0.8 * i / 6)
        _pebble(pen, 0.5 - 0.3 * math.cos(a), 0.8 + 0.06 * math.sin(a) * 0.6 + 0.04, 0.05)
    pen.limb([(0.28, 0.82), (0.7, 0.68)], 0.07, P.WOOD)
    pen.limb([(0.3, 0.68), (0.72, 0.82)], 0.07, P.WOOD_DARK)
    for x, h, k in ((0.42, 0.36, 0.0), (0.6, 0.32, 1.7), (0.5, 0.5, 0.9)):
        _flame(pen, x, 0.78, h * (1 + 0.12 * math.sin(ph + k * 2)), 0.18, 0.05 * math.sin(ph + k))


def _u_guide(pen: _Pen, frame: int) -> None:
    """A local guide with a straw hat and a staff."""
    _shadow(pen, 0.5, 0.9, 0.26)
    _guide(pen, 0.44, 0.9, 0.74)


def _u_comrade(pen: _Pen, frame: int) -> None:
    """A tired, wounded comrade sitting on the ground, waiting to be helped along."""
    _shadow(pen, 0.52, 0.88, 0.36)
    uni, dark = P.ARMY_GREY, P.ARMY_GREY_DARK
    # bedroll set down behind him
    pen.ellipse((0.24, 0.8), 0.1, 0.07, P.STRAW)
    pen.line([(0.2, 0.74), (0.2, 0.86)], _dark(P.STRAW, 0.35), 0.8)
    # far leg, then torso leaning back a little
    pen.limb([(0.46, 0.82), (0.64, 0.6), (0.74, 0.84)], 0.1, _dark(dark, 0.15))
    pen.poly([(0.33, 0.86), (0.53, 0.86), (0.52, 0.5), (0.34, 0.52)], uni)
    pen.poly([(0.4, 0.51), (0.45, 0.51), (0.425, 0.56)], P.RED, None)
    # near leg with a white bandage on the shin
    pen.limb([(0.48, 0.84), (0.68, 0.62), (0.8, 0.86)], 0.11, dark)
    pen.poly([(0.7, 0.68), (0.76, 0.66), (0.79, 0.74), (0.73, 0.76)], P.WHITE, P.INK, 0.6)
    pen.ellipse((0.84, 0.87), 0.06, 0.028, P.INK, None)
    # arm resting on the knee
    pen.limb([(0.46, 0.56), (0.56, 0.66), (0.66, 0.6)], 0.08, uni)
    pen.circle((0.66, 0.6), 0.04, P.SKIN, P.INK, 0.7)
    # head with the soft cap and red star, looking up
    hc = (0.44, 0.39)
    pen.circle(hc, 0.11, P.SKIN)
    pen.circle((hc[0] + 0.05, hc[1] + 0.005), 0.014, P.INK, None)
    cy = hc[1] - 0.05
    pen.poly(
        [
            (hc[0] - 0.12, cy),
            (hc[0] - 0.14, cy - 0.1),
            (hc[0] + 0.12, cy - 0.11),
            (hc[0] + 0.12, cy),
        ],
        uni,
    )
    pen.poly(
        [(hc[0] + 0.07, cy), (hc[0] + 0.19, cy + 0.015), (hc[0] + 0.07, cy + 0.03)],
        P.INK,
        P.INK,
        0.5,
    )
    pen.star((hc[0] + 0.01, cy - 0.055), 0.04, P.RED, None)


