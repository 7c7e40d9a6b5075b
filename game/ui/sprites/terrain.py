"""Terrain tiles: plain, road, forest, hills, river, ford, bank, snow, ice, grassland,
bog, the chain and plank bridge, cliff, town, shelter and ferry."""

from __future__ import annotations

import math
import random

from game.ui import palette as P
from game.ui.sprites.pen import (
    _TAU,
    FRAMES,
    Point,
    _blend,
    _dabs,
    _dark,
    _layer,
    _light,
    _mix,
    _pebble,
    _Pen,
    _rgba,
    _specks,
    _tuft,
    _wave,
)

# --------------------------------------------------------------------------- terrain


def _t_plain(pen: _Pen, rng: random.Random, frame: int, base: P.RGB = P.PLAIN) -> None:
    """Loess plain: paper-coloured ground, soft blotches, grass tufts, the odd pebble."""
    pen.fill(base)
    _dabs(pen, rng, base, (P.GRASS, P.PAPER_DARK, P.PAPER), 26, 0.05, 0.16)
    _specks(pen, rng, (_dark(base, 0.18), _light(base, 0.3)), 30)
    for _ in range(rng.randint(3, 5)):
        x, y = rng.uniform(0.1, 0.9), rng.uniform(0.18, 0.95)
        _tuft(pen, x, y, rng.uniform(0.08, 0.13), _mix(P.GRASS_DARK, base, rng.uniform(0, 0.3)))
    if rng.random() < 0.5:
        _pebble(pen, rng.uniform(0.15, 0.85), rng.uniform(0.2, 0.9), 0.025)


def _t_bank(pen: _Pen, rng: random.Random, frame: int) -> None:
    """The far bank: a warmer plain with clumps of reeds."""
    _t_plain(pen, rng, frame, P.BANK)
    for _ in range(rng.randint(1, 2)):
        x, y = rng.uniform(0.15, 0.85), rng.uniform(0.35, 0.9)
        for j in range(3):
            bx = x + (j - 1) * 0.035
            top = y - 0.2 - 0.05 * (j % 2)
            pen.line([(bx, y), (bx + 0.01 * (j - 1), top)], _dark(P.GRASS_DARK, 0.2), 0.8)
            pen.ellipse((bx + 0.01 * (j - 1), top + 0.02), 0.012, 0.03, P.WOOD_DARK, None)


def _t_road(pen: _Pen, rng: random.Random, frame: int) -> None:
    """Ochre dirt road filling the tile, so neighbouring road tiles join in any direction."""
    pen.fill(P.ROAD)
    _dabs(pen, rng, P.ROAD, (P.ROAD_DARK, P.SAND, P.WOOD_LIGHT), 26, 0.05, 0.16, (0.15, 0.4))
    # trampled dirt: faint ruts in both directions so any road shape reads as one surface
    rut = _mix(P.ROAD, P.ROAD_DARK, 0.55)
    for _ in range(3):
        y = rng.uniform(0.25, 0.75)
        x = rng.uniform(0.05, 0.45)
        pen.line([(x, y), (x + rng.uniform(0.2, 0.4), y + rng.uniform(-0.02, 0.02))], rut, 0.9)
    _specks(pen, rng, (P.ROAD_DARK, _light(P.ROAD, 0.35)), 40, 0.009)
    for _ in range(rng.randint(2, 4)):
        _pebble(pen, rng.uniform(0.12, 0.88), rng.uniform(0.12, 0.88), rng.uniform(0.015, 0.025))
    # grass creeping in at the corners softens the tile grid
    for cx, cy in ((0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)):
        r = rng.uniform(0.09, 0.13)
        pen.circle((cx, cy), r, P.PLAIN, None)
        pen.circle((cx, cy), r, None, _mix(P.ROAD_DARK, P.PLAIN, 0.3), 0.8)
        ix = cx + (0.05 if cx == 0 else -0.05)
        iy = cy + (0.06 if cy == 0 else -0.02)
        _tuft(pen, ix, iy, 0.07, P.GRASS_DARK)


def _pine(pen: _Pen, x: float, y: float, h: float, shade: float) -> None:
    """A pine tree standing at (x, y), ``h`` tall."""
    body = _mix(P.FOREST, P.FOREST_DARK, shade)
    light = _mix(P.FOREST_LIGHT, P.FOREST, shade)
    pen.poly(
        [
            (x - 0.045 * h, y - 0.2 * h),
            (x + 0.045 * h, y - 0.2 * h),
            (x + 0.05 * h, y),
            (x - 0.05 * h, y),
        ],
        P.WOOD_DARK,
    )
    for i in range(3):
        yb = y - 0.14 * h - i * 0.24 * h
        yt = yb - 0.46 * h
        hw = 0.33 * h * (1 - i * 0.24)
        pts = [
            (x - hw, yb),
            (x - hw * 0.5, yb - 0.05 * h),
            (x, yt),
            (x + hw * 0.5, yb - 0.05 * h),
            (x + hw, yb),
            (x, yb + 0.04 * h),
        ]
        pen.poly(pts, body)
        pen.poly(
            [
                (x - hw * 0.7, yb - 0.03 * h),
                (x - 0.01 * h, yt + 0.08 * h),
                (x - 0.02 * h, yb - 0.01 * h),
            ],
            light,
            None,
        )


def _round_tree(pen: _Pen, x: float, y: float, h: float, shade: float) -> None:
    """A broad-leaved tree standing at (x, y), ``h`` tall."""
    body = _mix(P.FOREST, P.FOREST_DARK, shade * 0.7)
    pen.limb([(x, y), (x, y - 0.45 * h)], 0.1 * h, P.WOOD_DARK)
    blobs = [
        (x - 0.17 * h, y - 0.5 * h, 0.22 * h),
        (x + 0.17 * h, y - 0.52 * h, 0.21 * h),
        (x, y - 0.72 * h, 0.26 * h),
    ]
    for bx, by, r in blobs:
        pen.circle((bx, by), r + pen.lw / pen.n, P.INK, None)
    for bx, by, r in blobs:
        pen.circle((bx, by), r - pen.lw / pen.n * 0.1, body, None)
    for bx, by, r in blobs:
        pen.circle((bx - r * 0.3, by - r * 0.3), r * 0.45, _mix(P.FOREST_LIGHT, body, 0.3), None)


def _t_forest(pen: _Pen, rng: random.Random, frame: int) -> None:
    """A dense stand of pines and round trees: cover that hides the column."""
    pen.fill(P.FOREST_FLOOR)
    _dabs(pen, rng, P.FOREST_FLOOR, (P.FOREST_DARK, P.GRASS), 22, 0.05, 0.15)
    _specks(pen, rng, (P.FOREST_DARK, P.GRASS), 20)
    trees: list[tuple[float, float, float, bool, float]] = []
    rows = (0.3, 0.6, 0.92)
    for r, y in enumerate(rows):
        cols = 2 if r != 1 else 3
        for c in range(cols):
            x = (c + 0.5) / cols + rng.uniform(-0.08, 0.08) + (0.12 if r == 2 else 0.0)
            yy = y + rng.uniform(-0.05, 0.05)
            h = rng.uniform(0.42, 0.52)
            trees.append((x, yy, h, rng.random() < 0.25, rng.uniform(0, 0.6)))
    for x, y, h, broad, shade in sorted(trees, key=lambda t: t[1]):
        pen.ellipse((x + 0.03, y), 0.13 * h / 0.5, 0.035, _dark(P.FOREST_FLOOR, 0.35), None)
        if broad:
            _round_tree(pen, x, y, h, shade)
        else:
            _pine(pen, x, y, h, shade)


def _peak(
    pen: _Pen, rng: random.Random, cx: float, base: float, w: float, h: float, far: bool
) -> None:
    """One mountain: lit left face, shaded right face, ink ridges and texture strokes."""
    light = _mix(P.HILL_LIGHT, P.HILL_TOP, 0.35 if far else 0.0)
    shade = _mix(P.HILL, P.HILL_TOP, 0.3 if far else 0.0)
    ax = cx + rng.uniform(-0.06, 0.06) * w
    apex = (ax, base - h)
    left = [
        (cx - w / 2, base),
        (cx - w * 0.3 + rng.uniform(-0.03, 0.03), base - h * rng.uniform(0.35, 0.45)),
        (ax - w * 0.12, base - h * rng.uniform(0.72, 0.8)),
        apex,
    ]
    right = [
        (ax + w * 0.1, base - h * rng.uniform(0.78, 0.86)),
        (cx + w * 0.28 + rng.uniform(-0.03, 0.03), base - h * rng.uniform(0.4, 0.5)),
        (cx + w / 2, base),
    ]
    crease = [
        apex,
        (ax + w * 0.02, base - h * 0.6),
        (ax - w * 0.04, base - h * 0.3),
        (ax + w * 0.05, base),
    ]
    pen.poly(left + right, shade, None)
    pen.poly([*left, *crease[1:]], light, None)
    # blue-green wash on the summit, after the shan-shui manner
    cap = [left[2], apex, right[0], (ax + w * 0.02, base - h * 0.7)]
    pen.poly(cap, _mix(light, P.HILL_TOP, 0.55), None)
    # long hemp-fibre strokes (cun) fanning down from the summit
    foot_r, foot_l = cx + w / 2, cx - w / 2

    def face(q: float, u: float) -> Point:
        """A point on a face: ``q`` down from the apex, ``u`` from the crease (-1 left, 1 right)."""
        xc = ax + w * 0.04 * q
        edge = foot_r if u > 0 else foot_l
        return (xc + (ax + (edge - ax) * q - xc) * abs(u), base - h + h * q)

    for u in (0.35, 0.62, 0.86):
        q0, q1 = rng.uniform(0.18, 0.3), rng.uniform(0.55, 0.8)
        pts = [face(q0 + (q1 - q0) * k / 4, u + 0.04 * math.sin(k)) for k in range(5)]
        pen.line(pts, _dark(shade, 0.4), 0.8)
    for u in (-0.45, -0.75):
        q0, q1 = rng.uniform(0.3, 0.4), rng.uniform(0.6, 0.8)
        pen.line([face(q0, u), face((q0 + q1) / 2, u - 0.05), face(q1, u)], _dark(light, 0.2), 0.7)
    pen.line(crease[:3], _dark(light, 0.45), 0.8)
    pen.poly(left + right, None, P.INK, 1.2)


def _t_hills(pen: _Pen, rng: random.Random, frame: int) -> None:
    """Two ink-outlined peaks filling the tile: clearly impassable."""
    pen.fill(P.HILL_GROUND)
    _dabs(pen, rng, P.HILL_GROUND, (P.HILL, P.PAPER_DARK), 16, 0.05, 0.14)
    side = rng.choice((-1, 1))
    _peak(pen, rng, 0.5 + side * 0.24, 0.78, 0.62, 0.64, True)
    _peak(pen, rng, 0.5 - side * 0.1, 0.97, 0.94, 0.88, False)
    for _ in range(2):
        x = rng.uniform(0.08, 0.92)
        _tuft(pen, x, rng.uniform(0.94, 0.99), 0.07, P.GRASS_DARK)
    _pebble(pen, rng.choice((0.1, 0.9)), 0.93, 0.03)


def _water(pen: _Pen, rng: random.Random, frame: int, base: P.RGB, light: P.RGB) -> None:
    """Open water: soft depth blotches and rippling wave strokes that loop over FRAMES."""
    pen.fill(base)
    _dabs(pen, rng, base, (P.RIVER_DARK, light), 14, 0.08, 0.2, (0.1, 0.3))
    ph = _TAU * frame / FRAMES
    for row in range(4):
        y = 0.13 + row * 0.25 + rng.uniform(-0.03, 0.03)
        for col in range(2):
            x = (col + 0.5) / 2 + (0.13 if row % 2 else -0.07) + rng.uniform(-0.06, 0.06)
            length = rng.uniform(0.26, 0.36) * (0.9 + 0.1 * math.sin(ph + row))
            x0 = min(max(0.03, x - length / 2), 0.97 - length)
            _wave(pen, x0, x0 + length, y, 0.028, 0.14, ph + rng.uniform(0, _TAU), light, 1.1)
    for _ in range(5):
        x, y = rng.uniform(0.05, 0.95), rng.uniform(0.05, 0.95)
        a = 0.5 + 0.5 * math.sin(ph + x * 9)
        pen.circle((x + 0.02 * math.cos(ph), y), 0.008 + 0.006 * a, _light(light, 0.5), None)


def _t_river(pen: _Pen, rng: random.Random, frame: int) -> None:
    """Ink-blue river with ripples that flow over FRAMES."""
    _water(pen, rng, frame, P.RIVER, P.RIVER_LIGHT)


def _stone(pen: _Pen, x: float, y: float, r: float, frame: int) -> None:
    """A stepping stone with a foam ring that breathes with the frame."""
    ph = _TAU * frame / FRAMES
    foam = _light(P.FORD, 0.55)
    pen.ellipse((x, y + r * 0.25), r * (1.35 + 0.08 * math.sin(ph)), r * 0.7, None, foam, 1.0)
    pen.ellipse((x, y + r * 0.18), r, r * 0.62, _dark(P.STONE, 0.3), P.INK, 1.0)
    pen.ellipse((x, y), r * 0.92, r * 0.55, P.STONE, None)
    pen.ellipse((x - r * 0.2, y - r * 0.15), r * 0.5, r * 0.24, _light(P.STONE, 0.5), None)


def _t_ford(pen: _Pen, rng: random.Random, frame: int) -> None:
    """Shallow crossing: light water, a sandbar and a row of stepping stones."""
    _water(pen, rng, frame, P.FORD, _light(P.FORD, 0.55))
    sand = _layer(pen)
    for _ in range(3):
        sand.ellipse(
            (rng.uniform(0.1, 0.9), 0.5 + rng.uniform(-0.08, 0.08)),
            rng.uniform(0.14, 0.24),
            rng.uniform(0.09, 0.14),
            _rgba(P.SAND, 120),
            None,
        )
    sand.poly([(0, 0.44), (1, 0.42), (1, 0.6), (0, 0.62)], _rgba(P.SAND, 70), None)
    _blend(pen, sand)
    for i in range(4):
        x = 0.125 + i * 0.25 + rng.uniform(-0.03, 0.03)
        y = 0.52 + (0.05 if i % 2 else -0.04) + rng.uniform(-0.02, 0.02)
        _stone(pen, x, y, rng.uniform(0.075, 0.09), frame)


def _t_snow(pen: _Pen, rng: random.Random, frame: int) -> None:
    """Snowfield: blue-shadowed drifts and snow-capped rocks."""
    pen.fill(P.SNOW)
    _dabs(pen, rng, P.SNOW, (P.SNOW_SHADOW, P.ICE), 14, 0.06, 0.16, (0.2, 0.45))
    # wind-swept drifts: a blue shadow under each soft ridge
    for k in range(3):
        x = rng.uniform(0.25, 0.75)
        y = 0.25 + k * 0.3 + rng.uniform(-0.05, 0.05)
        w = rng.uniform(0.26, 0.36)
        ridge = [(x - w + 2 * w * i / 10, y - 0.07 * math.sin(math.pi * i / 10)) for i in range(11)]
        under = [
            (px, py + 0.07 * math.sin(math.pi * i / 10) + 0.025) for i, (px, py) in enumerate(ridge)
        ]
        pen.poly([*ridge, *under[::-1]], _dark(P.SNOW_SHADOW, 0.06), None)
        pen.line(ridge[2:9], _dark(P.SNOW_SHADOW, 0.25), 0.8)
    # rocks poking through, capped with snow
    for _ in range(rng.randint(1, 2)):
        x, y = rng.uniform(0.2, 0.8), rng.uniform(0.3, 0.85)
        pen.poly(
            [(x - 0.09, y), (x - 0.05, y - 0.09), (x + 0.03, y - 0.11), (x + 0.09, y)],
            P.HILL,
            P.INK,
            0.9,
        )
        pen.poly(
            [
                (x - 0.065, y - 0.06),
                (x - 0.05, y - 0.09),
                (x + 0.03, y - 0.11),
                (x + 0.06, y - 0.06),
                (x + 0.01, y - 0.075),
            ],
            P.SNOW,
            None,
        )
    for _ in range(2):
        _tuft(pen, rng.uniform(0.1, 0.9), rng.uniform(0.2, 0.95), 0.06, P.INK_SOFT)
    _specks(pen, rng, (P.WHITE, P.SNOW_SHADOW), 18, 0.007)


def _t_ice(pen: _Pen, rng: random.Random, frame: int) -> None:
    """Pale blue ice with white glints and dark cracks."""
    pen.fill(P.ICE)
    _dabs(pen, rng, P.ICE, (P.ICE_DARK, P.WHITE), 16, 0.08, 0.2, (0.2, 0.45))
    for _ in range(3):
        x, y = rng.uniform(0.0, 0.7), rng.uniform(0.1, 0.9)
        pen.line([(x, y), (x + 0.22, y - 0.1)], P.WHITE, 1.6)
    crack = _dark(P.ICE_DARK, 0.35)
    for _ in range(2):
        x, y = rng.uniform(0.2, 0.8), rng.uniform(0.2, 0.8)
        pts: list[Point] = [(x, y)]
        a = rng.uniform(0, _TAU)
        for _ in range(4):
            a += rng.uniform(-0.7, 0.7)
            x, y = x + 0.09 * math.cos(a), y + 0.09 * math.sin(a)
            pts.append((x, y))
        pen.line(pts, crack, 0.8)
        bx, by = pts[2]
        pen.line(
            [(bx, by), (bx + 0.07 * math.cos(a + 1.4), by + 0.07 * math.sin(a + 1.4))], crack, 0.7
        )


def _t_grassland(pen: _Pen, rng: random.Random, frame: int) -> None:
    """The Grasslands: tall tufts on yellow-green turf, a few hidden pools."""
    pen.fill(P.GRASS)
    _dabs(pen, rng, P.GRASS, (P.GRASS_DARK, P.STRAW), 20, 0.05, 0.14)
    for _ in range(2):
        x, y = rng.uniform(0.2, 0.8), rng.uniform(0.2, 0.8)
        pen.ellipse((x, y), 0.06, 0.022, _mix(P.BOG_WATER, P.GRASS, 0.35), None)
    for _ in range(12):
        x, y = rng.uniform(0.05, 0.95), rng.uniform(0.12, 1.0)
        c = _mix(P.GRASS_DARK, P.STRAW, rng.uniform(0, 0.45))
        _tuft(pen, x, y, rng.uniform(0.1, 0.16), c, rng.uniform(-0.2, 0.2))


def _t_bog(pen: _Pen, rng: random.Random, frame: int) -> None:
    """Revealed marsh: dark mud, pools with bubbles, reeds."""
    pen.fill(P.BOG)
    _dabs(pen, rng, P.BOG, (P.BOG_WATER, P.WOOD_DARK, P.GRASS_DARK), 22, 0.05, 0.15)
    ph = _TAU * frame / FRAMES
    for _ in range(3):
        x, y = rng.uniform(0.15, 0.85), rng.uniform(0.2, 0.85)
        rx, ry = rng.uniform(0.12, 0.2), rng.uniform(0.06, 0.1)
        pen.ellipse((x, y), rx, ry, P.BOG_WATER, _dark(P.BOG, 0.45), 1.0)
        pen.line(
            [(x - rx * 0.5, y - ry * 0.3), (x + rx * 0.1, y - ry * 0.45)],
            _light(P.BOG_WATER, 0.4),
            0.9,
        )
        b = 0.012 + 0.006 * math.sin(ph + x * 7)
        pen.circle((x + rx * 0.45, y + ry * 0.2), b, None, _light(P.BOG_WATER, 0.5), 0.7)
    for _ in range(5):
        x, y = rng.uniform(0.05, 0.95), rng.uniform(0.15, 1.0)
        _tuft(pen, x, y, rng.uniform(0.1, 0.15), _mix(P.GRASS_DARK, P.BOG, 0.25))


def _chain(pen: _Pen, y: float, link: float, thick: float, shift: float) -> None:
    """An iron chain across the full tile at height ``y``; links repeat so tiles join up."""
    n = max(2, round(1 / link))
    step = 1 / n
    for i in range(-1, n + 2):
        x = (i + shift) * step
        if i % 2 == 0:  # link seen flat: a ring
            pen.ellipse((x, y), step * 0.62, thick, None, P.INK, 2.6)
            pen.ellipse((x, y), step * 0.62, thick, None, P.IRON_LIGHT, 1.1)
        else:  # link seen edge-on: a bar
            a, b = (x - step * 0.58, y), (x + step * 0.58, y)
            pen.line([a, b], P.INK, 2.8)
            pen.line([a, b], P.IRON_LIGHT, 1.2)
            pen.line([(x - step * 0.3, y - 0.004), (x + step * 0.1, y - 0.004)], P.WHITE, 0.5)


def _gorge(pen: _Pen, rng: random.Random, frame: int) -> None:
    """The torrent far below a bridge: dark water with faint foam."""
    _water(pen, rng, frame, _dark(P.RIVER_DARK, 0.25), P.RIVER)


def _t_bridge_chain(pen: _Pen, rng: random.Random, frame: int) -> None:
    """Chain bridge without planks: bare iron chains over the torrent."""
    _gorge(pen, rng, frame)
    shadow = _layer(pen)
    for y in (0.2, 0.38, 0.5, 0.62, 0.8):
        shadow.line([(0, y + 0.06), (1, y + 0.06)], (0, 0, 0, 90), 2.0)
    _blend(pen, shadow)
    for i, y in enumerate((0.38, 0.5, 0.62)):
        _chain(pen, y, 0.11, 0.024, 0.5 * (i % 2))
    for y in (0.18, 0.82):
        _chain(pen, y, 0.125, 0.03, 0.0)


def _t_bridge_plank(pen: _Pen, rng: random.Random, frame: int) -> None:
    """Planked bridge deck between two chain hand-rails."""
    _gorge(pen, rng, frame)
    shadow = _layer(pen)
    shadow.poly([(0, 0.32), (1, 0.32), (1, 0.78), (0, 0.78)], (0, 0, 0, 80), None)
    _blend(pen, shadow)
    n = 6
    for i in range(n):
        x0, x1 = i / n, (i + 1) / n
        c = _mix(P.WOOD, P.WOOD_LIGHT, rng.uniform(0.0, 0.5))
        top, bot = 0.28 + rng.uniform(-0.01, 0.01), 0.72 + rng.uniform(-0.01, 0.01)
        pen.poly(
            [(x0 + 0.006, top), (x1 - 0.006, top), (x1 - 0.006, bot), (x0 + 0.006, bot)],
            c,
            P.WOOD_DARK,
            0.9,
        )
        pen.line([(x0 + 0.05, top + 0.06), (x0 + 0.06, bot - 0.1)], _dark(c, 0.2), 0.6)
        for y in (top + 0.03, bot - 0.03):
            pen.circle(((x0 + x1) / 2, y), 0.009, P.IRON, None)
    for y in (0.18, 0.82):
        _chain(pen, y, 0.125, 0.03, 0.0)


def _t_cliff(pen: _Pen, rng: random.Random, frame: int) -> None:
    """A sheer rock face of angular facets with a grassy rim on top."""
    pen.fill(P.CLIFF_DARK)
    # a sheer face of angular facets, lit from the upper left, on a jittered grid whose
    # outer columns stay on the tile edge so neighbouring cliff tiles join up
    cols, rows = 4, 4
    grid = [
        [
            (
                0.0 if i == 0 else 1.0 if i == cols else i / cols + rng.uniform(-0.08, 0.08),
                j / rows + (rng.uniform(-0.07, 0.07) if 0 < j < rows else 0.0),
            )
            for j in range(rows + 1)
        ]
        for i in range(cols + 1)
    ]
    tones = (
        P.CLIFF,
        _mix(P.CLIFF, P.HILL_LIGHT, 0.35),
        _mix(P.CLIFF, P.CLIFF_DARK, 0.35),
        _mix(P.CLIFF, P.STONE, 0.4),
    )
    for i in range(cols):
        for j in range(rows):
            a, b, c, d = grid[i][j], grid[i + 1][j], grid[i + 1][j + 1], grid[i][j + 1]
            base = rng.choice(tones)
            if rng.random() < 0.5:
                tri1, tri2 = [a, b, d], [b, c, d]
            else:
                tri1, tri2 = [a, b, c], [a, c, d]
            pen.poly(tri1, _light(base, 0.22), None)
            pen.poly(tri2, _dark(base, 0.2), None)
            for _ in range(2):  # axe-cut texture strokes
                sx = a[0] + (b[0] - a[0]) * rng.uniform(0.25, 0.75)
                sy = a[1] + (d[1] - a[1]) * rng.uniform(0.3, 0.6)
                pen.line([(sx, sy), (sx - 0.04, sy + 0.09)], _dark(base, 0.45), 0.8)
    # deep vertical crevices and a few ledges, in ink
    for i in range(1, cols):
        pen.line([grid[i][j] for j in range(rows + 1)], P.INK, 1.0)
    for _ in range(3):
        i, j = rng.randrange(cols), rng.randrange(1, rows)
        pen.line([grid[i][j], grid[i + 1][j]], P.INK, 0.9)
        mx = (grid[i][j][0] + grid[i + 1][j][0]) / 2
        my = (grid[i][j][1] + grid[i + 1][j][1]) / 2
        _tuft(pen, mx, my, 0.06, P.GRASS_DARK)
    # rim of the plateau above
    rim = [(1, 0.07), (0.7, 0.1), (0.4, 0.06), (0.15, 0.1), (0, 0.08)]
    pen.poly([(0, -0.1), (1, -0.1), *rim], _mix(P.HILL_GROUND, P.GRASS, 0.4), None)
    pen.line([(1.02, 0.07), *rim, (-0.02, 0.08)], P.INK, 1.0)


def _house(pen: _Pen, x: float, y: float, w: float, flip: bool, lantern: bool) -> None:
    """A village house (white wall, grey tiled roof with upturned eaves) standing at (x, y)."""
    h = w * 0.52
    pen.poly([(x - w / 2, y - h), (x + w / 2, y - h), (x + w / 2, y), (x - w / 2, y)], P.WALL)
    dx = -w * 0.2 if flip else w * 0.2
    pen.poly(
        [
            (x + dx - w * 0.09, y - h * 0.6),
            (x + dx + w * 0.09, y - h * 0.6),
            (x + dx + w * 0.09, y),
            (x + dx - w * 0.09, y),
        ],
        P.WOOD_DARK,
        P.INK,
        0.8,
    )
    wx = x - dx
    pen.poly(
        [
            (wx - w * 0.09, y - h * 0.72),
            (wx + w * 0.09, y - h * 0.72),
            (wx + w * 0.09, y - h * 0.42),
            (wx - w * 0.09, y - h * 0.42),
        ],
        P.INK_SOFT,
        P.INK,
        0.8,
    )
    pen.line([(wx, y - h * 0.72), (wx, y - h * 0.42)], P.WALL, 0.6)
    # roof
    ry = y - h
    eave = w * 0.66
    rh = w * 0.34
    roof = [
        (x - eave - 0.02, ry - rh * 0.28),
        (x - eave * 0.86, ry),
        (x + eave * 0.86, ry),
        (x + eave + 0.02, ry - rh * 0.28),
        (x + eave * 0.72, ry - rh * 0.12),
        (x + w * 0.36, ry - rh),
        (x - w * 0.36, ry - rh),
        (x - eave * 0.72, ry - rh * 0.12),
    ]
    pen.poly(roof, P.ROOF, P.INK, 1.0)
    for i in range(1, 6):
        t = i / 6
        tx = x - w * 0.36 + w * 0.72 * t
        bx = x - eave * 0.8 + eave * 1.6 * t
        pen.line([(tx, ry - rh + 0.01), (bx, ry - 0.01)], _light(P.ROOF, 0.25), 0.6)
    pen.line([(x - w * 0.4, ry - rh), (x + w * 0.4, ry - rh)], P.INK, 1.8)
    if lantern:
        lx = x + (w * 0.5 if not flip else -w * 0.5)
        pen.line([(lx, ry), (lx, ry + 0.04)], P.INK, 0.6)
        pen.ellipse((lx, ry + 0.065), 0.018, 0.026, P.RED, P.INK, 0.7)


def _t_town(pen: _Pen, rng: random.Random, frame: int) -> None:
    """A village: two white-walled houses with grey tiled roofs and a tree."""
    _t_plain(pen, rng, frame, _mix(P.PLAIN, P.PAPER, 0.5))
    flip = rng.random() < 0.5
    s = -1 if flip else 1
    _round_tree(pen, 0.5 - s * 0.32, 0.5, 0.34, 0.3)
    _house(pen, 0.5 + s * 0.18, 0.46, 0.42, not flip, rng.random() < 0.5)
    _house(pen, 0.5 - s * 0.12, 0.92, 0.5, flip, True)


def _t_shelter(pen: _Pen, rng: random.Random, frame: int) -> None:
    """A thatched hut on posts."""
    _t_plain(pen, rng, frame)
    x, y, w = 0.5 + rng.uniform(-0.05, 0.05), 0.86, 0.62
    pen.ellipse((x, y), w * 0.55, 0.05, _dark(P.PLAIN, 0.3), None)
    # posts
    for px in (x - w * 0.36, x + w * 0.36):
        pen.limb([(px, y), (px, y - 0.34)], 0.035, P.WOOD)
    pen.poly(
        [(x - w * 0.3, y), (x - w * 0.3, y - 0.28), (x + w * 0.3, y - 0.28), (x + w * 0.3, y)],
        _dark(P.WOOD_DARK, 0.3),
        None,
    )
    # thatched roof
    top = y - 0.72
    roof = [(x - w * 0.56, y - 0.24), (x, top), (x + w * 0.56, y - 0.24)]
    pen.poly([*roof, (x + w * 0.5, y - 0.2), (x - w * 0.5, y - 0.2)], P.STRAW, P.INK, 1.1)
    for i in range(1, 8):
        t = i / 8
        bx = x - w * 0.53 + w * 1.06 * t
        pen.line([(x + (bx - x) * 0.2, top + 0.08), (bx, y - 0.22)], _dark(P.STRAW, 0.3), 0.6)
    pen.line([(x - w * 0.1, top + 0.05), (x + w * 0.1, top + 0.05)], P.WOOD_DARK, 1.2)


def _t_ferry(pen: _Pen, rng: random.Random, frame: int) -> None:
    """Ferry landing: sand shore, a plank jetty, mooring posts and a rope."""
    _water(pen, rng, frame, P.RIVER, P.RIVER_LIGHT)
    # landing stage: sand bank on one side, a short pier, mooring posts
    shore = [(0.22, -0.02), (0.3, 0.3), (0.24, 0.7), (0.3, 1.02)]
    pen.poly([(-0.02, -0.02), *shore, (-0.02, 1.02)], P.SAND, None)
    pen.line(shore, P.INK, 1.0)
    _specks(pen, rng, (P.WOOD_LIGHT,), 6)
    shadow = _layer(pen)
    shadow.poly([(0.2, 0.44), (0.8, 0.44), (0.8, 0.72), (0.2, 0.72)], (0, 0, 0, 80), None)
    _blend(pen, shadow)
    for i in range(5):
        y0 = 0.36 + i * 0.06
        c = _mix(P.WOOD, P.WOOD_LIGHT, rng.uniform(0.1, 0.5))
        pen.poly(
            [(0.12, y0), (0.76, y0), (0.76, y0 + 0.055), (0.12, y0 + 0.055)], c, P.WOOD_DARK, 0.7
        )
    for px, py in ((0.8, 0.36), (0.8, 0.68), (0.42, 0.34)):
        pen.poly(
            [
                (px - 0.03, py + 0.1),
                (px - 0.03, py - 0.08),
                (px + 0.03, py - 0.08),
                (px + 0.03, py + 0.1),
            ],
            P.WOOD_DARK,
        )
        pen.ellipse((px, py - 0.08), 0.03, 0.014, P.WOOD_LIGHT, P.INK, 0.7)
    pen.line([(0.8, 0.3), (0.9, 0.38), (0.95, 0.5), (0.9, 0.62), (0.8, 0.64)], P.STRAW, 1.0)


