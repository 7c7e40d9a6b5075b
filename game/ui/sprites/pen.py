"""The drawing pen the sprites share: colour helpers, a supersampled canvas with
line, polygon, circle and ellipse strokes in tile units, and the ground helpers (dabs,
specks, tufts, pebbles, waves, hatching) the terrain tiles are made of."""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Sequence

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


