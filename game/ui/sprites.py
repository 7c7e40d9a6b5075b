"""Tiles, units, overlays and HUD icons drawn by code at any size, cached per kind/variant/frame.

Everything is painted with ``pygame.draw`` on a canvas four times larger than the
tile and smooth-scaled down, which gives anti-aliased edges without image files.
Nothing here needs a display mode: surfaces are never ``convert()``-ed.
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Callable, Sequence

import pygame

from game.ui import palette as P

FRAMES: int = 4
"""Animation frames (river ripples, flag waving, fire flicker); cycle them about 4 per second."""

VARIANTS: int = 4
"""Terrain variants; any int is accepted and taken modulo this."""

_SS = 4  # supersampling factor: draw at 4x, smoothscale down

Color = tuple[int, int, int] | tuple[int, int, int, int]
Point = tuple[float, float]
_TAU = math.tau


# --------------------------------------------------------------------------- colour helpers


def _mix(a: P.RGB, b: P.RGB, t: float) -> P.RGB:
    """Blend ``a`` towards ``b`` by ``t`` (0..1)."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def _dark(c: P.RGB, t: float) -> P.RGB:
    """``c`` darkened by ``t`` towards ink."""
    return _mix(c, P.INK, t)


def _light(c: P.RGB, t: float) -> P.RGB:
    """``c`` lightened by ``t`` towards white."""
    return _mix(c, P.WHITE, t)


def _rgba(c: P.RGB, a: int) -> P.RGBA:
    """``c`` with alpha ``a``."""
    return (c[0], c[1], c[2], a)


# --------------------------------------------------------------------------- the pen


class _Pen:
    """Draws on a supersampled canvas in unit coordinates: (0, 0) top-left, (1, 1) bottom-right."""

    def __init__(self, surface: pygame.Surface) -> None:
        """Wrap ``surface``; outline widths scale with its size."""
        self.s = surface
        self.n = float(surface.get_width())
        # One outline unit: about 1 px at 40 px tiles, never thinner than 0.9 px.
        self.lw = max(0.9 * _SS, self.n / 40.0)

    def xy(self, p: Point) -> Point:
        """Unit coordinates to canvas pixels."""
        return (p[0] * self.n, p[1] * self.n)

    def fill(self, color: Color) -> None:
        """Fill the whole canvas."""
        self.s.fill(color)

    def poly(
        self,
        pts: Sequence[Point],
        fill: Color | None,
        outline: Color | None = P.INK,
        width: float = 1.0,
    ) -> None:
        """A filled polygon with an optional round-jointed outline (``width`` in outline units)."""
        q = [self.xy(p) for p in pts]
        if fill is not None:
            pygame.draw.polygon(self.s, fill, q)
        if outline is not None:
            self._stroke(q, outline, width * self.lw, closed=True)

    def line(
        self, pts: Sequence[Point], color: Color, width: float = 1.0, closed: bool = False
    ) -> None:
        """A polyline with round joints and caps (``width`` in outline units)."""
        self._stroke([self.xy(p) for p in pts], color, width * self.lw, closed)

    def limb(
        self, pts: Sequence[Point], thick: float, color: Color, outline: Color = P.INK
    ) -> None:
        """A thick rounded stroke (``thick`` in unit coordinates) with an ink outline."""
        q = [self.xy(p) for p in pts]
        w = thick * self.n
        self._stroke(q, outline, w + 2 * self.lw, False)
        self._stroke(q, color, w, False)

    def circle(
        self,
        c: Point,
        r: float,
        fill: Color | None,
        outline: Color | None = P.INK,
        width: float = 1.0,
    ) -> None:
        """A circle of radius ``r`` (unit coordinates) with an optional outline."""
        x, y = self.xy(c)
        rr = r * self.n
        w = width * self.lw
        if outline is not None and fill is not None:
            pygame.draw.circle(self.s, outline, (x, y), rr + w / 2)
            pygame.draw.circle(self.s, fill, (x, y), max(0.5, rr - w / 2))
        elif fill is not None:
            pygame.draw.circle(self.s, fill, (x, y), rr)
        elif outline is not None:
            pygame.draw.circle(self.s, outline, (x, y), rr + w / 2, max(1, round(w)))

    def ellipse(
        self,
        c: Point,
        rx: float,
        ry: float,
        fill: Color | None,
        outline: Color | None = P.INK,
        width: float = 1.0,
    ) -> None:
        """An axis-aligned ellipse with an optional outline."""
        x, y = self.xy(c)
        ax, ay = rx * self.n, ry * self.n
        w = width * self.lw
        if outline is not None:
            box = pygame.Rect(0, 0, round(2 * ax + w), round(2 * ay + w))
            box.center = (round(x), round(y))
            if fill is None:
                pygame.draw.ellipse(self.s, outline, box, max(1, round(w)))
            else:
                pygame.draw.ellipse(self.s, outline, box)
        if fill is not None:
            inner = w if outline is not None else 0.0
            box = pygame.Rect(0, 0, max(1, round(2 * ax - inner)), max(1, round(2 * ay - inner)))
            box.center = (round(x), round(y))
            pygame.draw.ellipse(self.s, fill, box)

    def star(
        self,
        c: Point,
        r: float,
        fill: Color,
        outline: Color | None = None,
        width: float = 1.0,
        turn: float = 0.0,
    ) -> None:
        """A five-pointed star of outer radius ``r``."""
        self.poly(_star_points(c, r, turn), fill, outline, width)

    def _stroke(self, q: Sequence[Point], color: Color, w: float, closed: bool) -> None:
        """Thick polyline in canvas pixels: quads per segment plus round joints."""
        if len(q) < 2:
            return
        pts = [*q, q[0]] if closed else list(q)
        if w < 1.5:
            pygame.draw.lines(self.s, color, False, pts, 1)
            return
        h = w / 2
        for (x0, y0), (x1, y1) in itertools.pairwise(pts):
            dx, dy = x1 - x0, y1 - y0
            d = math.hypot(dx, dy)
            if d < 1e-6:
                continue
            nx, ny = -dy / d * h, dx / d * h
            pygame.draw.polygon(
                self.s,
                color,
                [(x0 + nx, y0 + ny), (x1 + nx, y1 + ny), (x1 - nx, y1 - ny), (x0 - nx, y0 - ny)],
            )
        for p in pts:
            pygame.draw.circle(self.s, color, p, h)


def _star_points(c: Point, r: float, turn: float = 0.0) -> list[Point]:
    """Ten points of a five-pointed star, first point straight up (rotated by ``turn`` rad)."""
    pts: list[Point] = []
    for i in range(10):
        a = -math.pi / 2 + turn + i * math.pi / 5
        rr = r if i % 2 == 0 else r * 0.42
        pts.append((c[0] + rr * math.cos(a), c[1] + rr * math.sin(a)))
    return pts


def _layer(pen: _Pen) -> _Pen:
    """A transparent canvas the size of ``pen``'s, to be blended on with ``_blend``."""
    s = pygame.Surface(pen.s.get_size(), pygame.SRCALPHA)
    s.fill((0, 0, 0, 0))
    return _Pen(s)


def _blend(pen: _Pen, layer: _Pen) -> None:
    """Alpha-blend ``layer`` onto ``pen``'s canvas."""
    pen.s.blit(layer.s, (0, 0))


# --------------------------------------------------------------------------- ground helpers


def _dabs(
    pen: _Pen,
    rng: random.Random,
    base: P.RGB,
    tints: Sequence[P.RGB],
    count: int,
    rmin: float,
    rmax: float,
    strength: tuple[float, float] = (0.12, 0.35),
) -> None:
    """Soft low-contrast blotches: the brush texture of painted paper."""
    for _ in range(count):
        c = _mix(base, rng.choice(tints), rng.uniform(*strength))
        r = rng.uniform(rmin, rmax)
        pen.ellipse((rng.random(), rng.random()), r, r * rng.uniform(0.35, 0.7), c, None)


def _specks(
    pen: _Pen, rng: random.Random, colors: Sequence[Color], count: int, r: float = 0.008
) -> None:
    """Tiny dots (grit, fibres, seeds)."""
    for _ in range(count):
        pen.circle(
            (rng.random(), rng.random()), r * rng.uniform(0.6, 1.3), rng.choice(colors), None
        )


def _tuft(pen: _Pen, x: float, y: float, s: float, color: P.RGB, lean: float = 0.0) -> None:
    """A clump of tapered grass blades rooted at (x, y), ``s`` high."""
    w = s * 0.09
    for dx, top in ((-0.55, 0.62), (-0.2, 0.95), (0.15, 1.0), (0.5, 0.7)):
        bx = x + dx * s * 0.3
        tip = (x + (dx + lean) * s * 0.75, y - top * s)
        pen.poly([(bx - w, y), (bx + w, y), tip], color, None)


def _pebble(pen: _Pen, x: float, y: float, r: float, color: P.RGB = P.STONE) -> None:
    """A small stone with a lit top."""
    pen.ellipse((x, y), r, r * 0.7, color, _dark(color, 0.45), 0.8)
    pen.ellipse((x - r * 0.25, y - r * 0.25), r * 0.45, r * 0.25, _light(color, 0.45), None)


def _wave(
    pen: _Pen,
    x0: float,
    x1: float,
    y: float,
    amp: float,
    wavelength: float,
    phase: float,
    color: Color,
    width: float = 1.0,
) -> None:
    """A ripple: a sine stroke whose amplitude tapers to zero at both ends."""
    steps = max(8, int((x1 - x0) / 0.015))
    pts: list[Point] = []
    for i in range(steps + 1):
        u = i / steps
        x = x0 + (x1 - x0) * u
        env = math.sin(math.pi * u)
        pts.append((x, y + amp * env * math.sin(_TAU * x / wavelength + phase)))
    pen.line(pts, color, width)


def _hatch(pen: _Pen, color: Color, spacing: float, width: float, slope: int) -> None:
    """Diagonal hatching that runs on seamlessly into neighbouring tiles (``slope`` = +1 / -1)."""
    k = round(1 / spacing)
    for i in range(-k, 2 * k + 1):
        c = i * spacing
        if slope > 0:  # "/" lines: x + y = c
            pen.line([(c + 0.5, -0.5), (c - 1.5, 1.5)], color, width)
        else:  # "\" lines: x - y = c
            pen.line([(c - 0.5, -0.5), (c + 1.5, 1.5)], color, width)


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


def _wheel(pen: _Pen, x: float, y: float, r: float) -> None:
    """A spoked cart wheel."""
    pen.circle((x, y), r, None, P.INK, 2.6)
    pen.circle((x, y), r, None, P.WOOD, 1.2)
    for i in range(4):
        a = i * math.pi / 4
        pen.line(
            [
                (x - r * math.cos(a), y - r * math.sin(a)),
                (x + r * math.cos(a), y + r * math.sin(a)),
            ],
            P.WOOD_DARK,
            0.9,
        )
    pen.circle((x, y), r * 0.2, P.IRON)


def _u_relief(pen: _Pen, frame: int) -> None:
    """An enemy relief column: a soldier pushing a covered supply cart."""
    _shadow(pen, 0.55, 0.9, 0.42)
    _soldier(pen, 0.2, 0.9, 0.48, 1, True, 0.06, hand_at=(0.36, 0.64))
    # cart with a covered load
    pen.limb([(0.3, 0.66), (0.42, 0.68)], 0.025, P.WOOD_DARK)
    pen.poly([(0.4, 0.5), (0.94, 0.5), (0.92, 0.72), (0.42, 0.72)], P.WOOD)
    for x in (0.52, 0.64, 0.76, 0.88):
        pen.line([(x, 0.52), (x, 0.7)], P.WOOD_DARK, 0.7)
    arc = [i * math.pi / 10 for i in range(11)]
    pen.poly([(0.67 + 0.26 * math.cos(a), 0.5 - 0.2 * math.sin(a)) for a in arc], P.KHAKI)
    for x in (0.55, 0.67, 0.79):
        pen.line([(x, 0.33), (x, 0.5)], _dark(P.KHAKI, 0.3), 0.8)
    _wheel(pen, 0.62, 0.8, 0.12)
    _wheel(pen, 0.86, 0.82, 0.1)


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
    """A flame."""
    _flame(pen, 0.5, 0.9, 0.82, 0.56, 0.04)


def _i_boat(pen: _Pen) -> None:
    """A boat without its oar."""
    _boat_shape(pen, 0.5, 0.64, 0.96, oar=False, awning=0.55)
    pen.line([(0.08, 0.86), (0.92, 0.86)], P.RIVER, 1.4)


def _i_flag(pen: _Pen) -> None:
    """A red flag on a pole."""
    _flag(pen, 0.2, 0.14, 0.94, 0.7, 0.46, 0)


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
}

_UNITS: dict[str, tuple[_UnitFn, bool]] = {
    "column": (_u_column, True),
    "patrol": (_u_patrol, False),
    "pursuer": (_u_pursuer, True),
    "relief": (_u_relief, False),
    "boat": (_u_boat, True),
    "plank": (_u_plank, False),
    "fire": (_u_fire, True),
    "guide": (_u_guide, False),
    "campfire": (_u_campfire, True),
    "army1": (lambda pen, frame: _u_army(pen, frame, "1"), True),
    "army2": (lambda pen, frame: _u_army(pen, frame, "2"), True),
    "army4": (lambda pen, frame: _u_army(pen, frame, "4"), True),
    "comrade": (_u_comrade, False),
}

_OVERLAYS: dict[str, _PlainFn] = {
    "sight": _o_sight,
    "goal": _o_goal,
    "danger": _o_danger,
    "cursor": _o_cursor,
    "path": _o_path,
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
