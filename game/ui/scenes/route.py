"""The route map: the Long March drawn from the campaign's route, used as the chapter select.

Everything is drawn here with ``pygame.draw`` (no images): a soft land shape and a faint grid,
the route as a red brush line through the places in marching order, a dot and a name for each
place and a numbered medallion for each chapter's stop. Labels are placed once, when the scene
opens, so that none overlaps another label, a stop or the info panel.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import pygame

from game.content.campaign import Chapter, RoutePoint
from game.ui import palette, strings
from game.ui.context import Game
from game.ui.input import BACK_KEYS, CONFIRM_KEYS, MENU_DOWN_KEYS, MENU_UP_KEYS
from game.ui.outcomes import ChapterChosen
from game.ui.scene import Pop, Scene, Transition, appearance
from game.ui.scenes.common import notices
from game.ui.scenes.stars import LEVEL_STARS, chapter_stars, draw_stars, stars_width
from game.ui.text import draw_text, draw_wrapped, text_height
from game.ui.widgets import Button, Menu, draw_panel, paper_background

Point = tuple[float, float]

#: Where the route's 100×60 grid lands on the 1280×720 screen.
MAP_AREA = pygame.Rect(90, 118, 1100, 530)
GRID_SIZE = (100, 60)
PANEL_RECT = pygame.Rect(800, 84, 432, 426)
LEGEND_RECT = pygame.Rect(44, 84, 470, 84)
COMPASS_CENTER = (1196, 612)
MEDALLION_RADIUS = 22
DOT_RADIUS = 6
LABEL_SIZE = 20
MAP_SCALE = 1.0
"""The map's own labels, legend and hint keep their size at every text size: they are placed
around the route, and larger ones cover it or each other (the info panel grows fully)."""
DATE_SIZE = 20
STAR_SIZE = 18
#: Font sizes (title, details, rows) the info panel tries, largest first.
PANEL_SIZES = ((26, 18, 20), (24, 17, 19), (22, 16, 18), (20, 16, 17))


def to_screen(at: tuple[int, int]) -> tuple[int, int]:
    """A grid position (x east, y south, on the 100×60 grid) on the screen."""
    return (round(MAP_AREA.left + at[0] * MAP_AREA.width / GRID_SIZE[0]),
            round(MAP_AREA.top + at[1] * MAP_AREA.height / GRID_SIZE[1]))


def catmull_rom(points: Sequence[Point], samples: int = 14) -> list[list[Point]]:
    """A smooth curve through ``points``: one list of sampled points per leg."""
    legs: list[list[Point]] = []
    for i in range(len(points) - 1):
        p0 = points[max(0, i - 1)]
        p1, p2 = points[i], points[i + 1]
        p3 = points[min(len(points) - 1, i + 2)]
        leg = []
        for step in range(samples + 1):
            t = step / samples
            t2, t3 = t * t, t * t * t
            leg.append(tuple(0.5 * (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t2
                                    + (-a + 3 * b - 3 * c + d) * t3)
                             for a, b, c, d in zip(p0, p1, p2, p3, strict=True)))
        legs.append([(x, y) for x, y in leg])
    return legs


def dashed(surface: pygame.Surface, points: Sequence[Point], color: tuple[int, int, int],
           width: int, dash: float, gap: float, *, dots: bool = False) -> None:
    """Draw a dashed (or dotted) brush line along ``points`` with round ends."""
    on, left = True, dash
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        length = math.hypot(x2 - x1, y2 - y1)
        done = 0.0
        while done < length:
            step = min(left, length - done)
            a = (x1 + (x2 - x1) * done / length, y1 + (y2 - y1) * done / length)
            b = (x1 + (x2 - x1) * (done + step) / length, y1 + (y2 - y1) * (done + step) / length)
            if on and dots:
                pygame.draw.circle(surface, color, a, width / 2)
            elif on:
                pygame.draw.line(surface, color, a, b, width)
                pygame.draw.circle(surface, color, a, width / 2)
                pygame.draw.circle(surface, color, b, width / 2)
            done += step
            left -= step
            if left <= 0:
                on = not on
                left = dash if on else gap


def edge_gap(rect: pygame.Rect, center: tuple[int, int], radius: int) -> float:
    """How far ``rect`` is from the edge of a place's dot or medallion."""
    x = min(max(center[0], rect.left), rect.right)
    y = min(max(center[1], rect.top), rect.bottom)
    return math.dist(center, (x, y)) - radius


def halo_text(font: pygame.font.Font, text: str, color: tuple[int, int, int]) -> pygame.Surface:
    """Text with a paper-coloured halo, readable over the route line."""
    ink = font.render(text, True, color)
    halo = font.render(text, True, palette.PAPER)
    image = pygame.Surface((ink.get_width() + 4, ink.get_height() + 4), pygame.SRCALPHA)
    for dx in (0, 2, 4):
        for dy in (0, 2, 4):
            image.blit(halo, (dx, dy))
    image.blit(ink, (2, 2))
    return image


@cache
def land_shape(points: tuple[Point, ...]) -> pygame.Surface:
    """A soft, darker patch of land around the route (drawn once per route)."""
    surface = pygame.Surface((1280, 720), pygame.SRCALPHA)
    samples = [p for leg in catmull_rom(points, 8) for p in leg] or list(points)
    for radius, alpha in ((96, 26), (74, 26), (52, 30)):
        layer = pygame.Surface((1280, 720), pygame.SRCALPHA)
        for x, y in samples:
            pygame.draw.circle(layer, (*palette.PAPER_DARK, 255), (x, y), radius)
        layer.fill((255, 255, 255, alpha), special_flags=pygame.BLEND_RGBA_MULT)
        surface.blit(layer, (0, 0))
    return surface


@dataclass(frozen=True, slots=True)
class Stop:
    """A chapter's medallion on the map."""

    index: int
    chapter: Chapter
    center: tuple[int, int]

    def hit(self, pos: tuple[int, int]) -> bool:
        """Whether ``pos`` is on the medallion (with a little slack for small hands)."""
        return math.dist(pos, self.center) <= MEDALLION_RADIUS + 8


@dataclass(frozen=True, slots=True)
class Label:
    """A placed label: its picture and where it goes."""

    image: pygame.Surface
    rect: pygame.Rect


class RouteScene(Scene):
    """Pick a chapter on the map of the march; locked chapters are grey."""

    name = "route"

    def __init__(self, game: Game, focus: int | None = None) -> None:
        assert game.campaign is not None
        self.game = game
        self.chapters = game.campaign.chapters
        self.points = self._route_points()
        self.stops = self._stops()
        self.focus = focus if focus is not None else self._next_chapter()
        self.back = Menu([Button("back", game.t(strings.BACK),
                                 pygame.Rect(44, 652, 150, 46))], keyboard=False)
        self._refresh()

    # ----------------------------------------------------------------- layout
    def _route_points(self) -> list[tuple[RoutePoint, tuple[int, int]]]:
        """The route's places on the screen, in marching order; chapters with no place on the
        route are added along the southern edge so that every chapter can be chosen."""
        assert self.game.campaign is not None
        route = list(self.game.campaign.route)
        placed = {point.chapter for point in route}
        missing = [c for c in self.chapters if c.id not in placed]
        for n, chapter in enumerate(missing):
            x = 8 + n * 84 // max(1, len(missing) - 1) if len(missing) > 1 else 50
            route.append(RoutePoint(chapter.place, (x, 57), chapter.id))
        return [(point, to_screen(point.at)) for point in route]

    def _stops(self) -> list[Stop]:
        where = {point.chapter: pos for point, pos in self.points if point.chapter}
        return [Stop(i, chapter, where[chapter.id]) for i, chapter in enumerate(self.chapters)]

    def _refresh(self) -> None:
        """Recompute what depends on progress: the marched part of the route and the labels."""
        game = self.game
        self.unlocked = [game.chapter_unlocked(i) for i in range(len(self.chapters))]
        self.complete = [game.chapter_complete(c) for c in self.chapters]
        self.stars = [chapter_stars(game, c) for c in self.chapters]
        self.star_rows = self._place_star_rows()
        marched = [i for i, (point, _) in enumerate(self.points)
                   if point.chapter and self.complete[self._chapter_index(point.chapter)]]
        self.marched_to = max(marched, default=0)
        self.legs = catmull_rom([pos for _, pos in self.points])
        with game.fonts.scaled(min(game.fonts.scale, MAP_SCALE)):
            self.labels = self._place_labels()

    def _chapter_index(self, chapter_id: str) -> int:
        return next(i for i, c in enumerate(self.chapters) if c.id == chapter_id)

    def _next_chapter(self) -> int:
        """The first chapter not yet complete, else the last one."""
        for index, chapter in enumerate(self.chapters):
            if not self.game.chapter_complete(chapter):
                return index
        return len(self.chapters) - 1

    @staticmethod
    def _medallion_box(stop: Stop) -> pygame.Rect:
        r = MEDALLION_RADIUS + 10  # the focus ring too
        box = pygame.Rect(0, 0, 2 * r, 2 * r)
        box.center = stop.center
        return box

    def _place_star_rows(self) -> list[pygame.Rect | None]:
        """Where each stop's stars go: under its medallion, unless that covers another stop
        or another stop's stars; then to its right, left or above (the first that is free)."""
        font = self.game.fonts.get(STAR_SIZE)
        taken = [self._medallion_box(stop) for stop in self.stops]
        rows: list[pygame.Rect | None] = []
        for stop in self.stops:
            stars = self.stars[stop.index]
            if not stars.earned:
                rows.append(None)
                continue
            row = pygame.Rect(0, 0, stars_width(font, stars.earned, stars.possible),
                              font.get_linesize())
            x, y = stop.center
            reach = MEDALLION_RADIUS + 6
            spots = (("midtop", (x, y + MEDALLION_RADIUS)), ("midleft", (x + reach, y)),
                     ("midright", (x - reach, y)), ("midbottom", (x, y - reach)))
            others = [box for index, box in enumerate(taken) if index != stop.index]
            for anchor, pos in spots:
                setattr(row, anchor, pos)
                if row.collidelist(others) < 0:
                    break
            else:
                setattr(row, spots[0][0], spots[0][1])
            rows.append(row.copy())
            taken.append(row.copy())
        return rows

    def _stop_box(self, stop: Stop) -> pygame.Rect:
        """The area a medallion and its stars cover."""
        box = self._medallion_box(stop)
        row = self.star_rows[stop.index]
        return box.union(row) if row is not None else box

    def _label_image(self, point: RoutePoint, is_stop: bool) -> pygame.Surface:
        game = self.game
        name_font = game.fonts.get(LABEL_SIZE, bold=True)
        color = palette.DEEP_RED if is_stop else palette.INK
        lines = [halo_text(name_font, game.t(point.name), color)]
        if point.date is not None:
            lines.append(halo_text(game.fonts.get(DATE_SIZE), game.t(point.date),
                                   palette.INK_SOFT))
        width = max(line.get_width() for line in lines)
        height = sum(line.get_height() - 6 for line in lines) + 6
        image = pygame.Surface((width, height), pygame.SRCALPHA)
        y = 0
        for line in lines:
            image.blit(line, ((width - line.get_width()) // 2, y))
            y += line.get_height() - 6
        return image

    def _place_labels(self) -> list[Label]:
        """Put every place name where it overlaps nothing: each label tries spots around its
        place, and a few rounds of moving one label at a time settle crowded corners."""
        fixed = [PANEL_RECT.inflate(8, 8), LEGEND_RECT.inflate(8, 8),
                 self.back.buttons[0].rect.inflate(8, 8),
                 pygame.Rect(0, 0, 64, 64).move(COMPASS_CENTER[0] - 32, COMPASS_CENTER[1] - 32)]
        fixed += [self._stop_box(stop) for stop in self.stops]
        stop_points = {stop.center for stop in self.stops}
        fixed += [pygame.Rect(pos[0] - 8, pos[1] - 8, 16, 16) for _, pos in self.points
                  if pos not in stop_points]
        samples = [p for leg in self.legs for p in leg]
        bounds = pygame.Rect(24, 70, 1232, 640)
        images: list[pygame.Surface] = []
        options: list[list[pygame.Rect]] = []
        for point, pos in self.points:
            images.append(self._label_image(point, point.chapter is not None))
            if point.chapter is not None:
                own = self._stop_box(self.stops[self._chapter_index(point.chapter)])
            else:
                own = pygame.Rect(pos[0] - DOT_RADIUS, pos[1] - DOT_RADIUS,
                                  2 * DOT_RADIUS, 2 * DOT_RADIUS)
            options.append(self._candidates(images[-1], pos, own))

        places = [(pos, MEDALLION_RADIUS if point.chapter else DOT_RADIUS)
                  for point, pos in self.points]

        def gap_to(rect: pygame.Rect, place: tuple[tuple[int, int], int]) -> float:
            return edge_gap(rect, *place)

        def cost(index: int, rank: int, rect: pygame.Rect, others: list[pygame.Rect]) -> float:
            total = rank * 3.0 + 12 * sum(1 for p in samples if rect.collidepoint(p))
            if not bounds.contains(rect):
                total += 100_000
            for other in (*fixed, *others):
                clip = rect.clip(other)
                if clip.width and clip.height:
                    total += 2000 + clip.width * clip.height
            # A label nearer to another place than to its own would name the wrong dot.
            own = gap_to(rect, places[index])
            if any(gap_to(rect, place) < own for j, place in enumerate(places)
                   if j != index):
                total += 1500
            return total + own

        def settle(order: list[int]) -> tuple[float, dict[int, tuple[int, pygame.Rect]]]:
            """Place labels in ``order``, then move one at a time while that helps."""
            chosen: dict[int, tuple[int, pygame.Rect]] = {}
            for _ in range(5):
                moved = False
                for i in order:
                    others = [rect.inflate(4, 2) for j, (_, rect) in chosen.items() if j != i]
                    best = min(enumerate(options[i]), key=lambda o: cost(i, o[0], o[1], others))
                    if chosen.get(i) != best:
                        chosen[i], moved = best, True
                if not moved:
                    break
            total = sum(cost(i, rank, rect, [r.inflate(4, 2) for j, (_, r) in chosen.items()
                                             if j != i])
                        for i, (rank, rect) in chosen.items())
            return total, chosen

        forward = sorted(range(len(self.points)), key=lambda i: self.points[i][0].chapter is None)
        orders = [forward, forward[::-1], list(range(len(self.points))),
                  list(range(len(self.points)))[::-1]]
        _, chosen = min((settle(order) for order in orders), key=lambda result: result[0])
        return [Label(images[i], chosen[i][1]) for i in range(len(self.points))]

    @staticmethod
    def _candidates(image: pygame.Surface, pos: tuple[int, int],
                    own: pygame.Rect) -> list[pygame.Rect]:
        rect = image.get_rect()
        x, y = pos
        gap = 4
        spots: list[tuple[str, tuple[int, int]]] = [
            ("midleft", (own.right + gap, y)),
            ("midright", (own.left - gap, y)),
            ("midbottom", (x, own.top - gap + 2)),
            ("midtop", (x, own.bottom + gap - 2)),
            ("bottomleft", (own.right - 2, own.top + 4)),
            ("topleft", (own.right - 2, own.bottom - 4)),
            ("bottomright", (own.left + 2, own.top + 4)),
            ("topright", (own.left + 2, own.bottom - 4)),
        ]
        for far in (16, 32, 48):
            spots += [("midleft", (own.right + gap + far, y)),
                      ("midright", (own.left - gap - far, y)),
                      ("midbottom", (x, own.top - gap - far)),
                      ("midtop", (x, own.bottom + gap + far)),
                      ("bottomleft", (own.right - 2 + far // 2, own.top + 4 - far)),
                      ("topleft", (own.right - 2 + far // 2, own.bottom - 4 + far)),
                      ("bottomright", (own.left + 2 - far // 2, own.top + 4 - far)),
                      ("topright", (own.left + 2 - far // 2, own.bottom - 4 + far))]
        rects = []
        for anchor, value in spots:
            placed = rect.copy()
            setattr(placed, anchor, value)
            rects.append(placed)
        return rects

    def resumed(self) -> None:
        self._refresh()

    # ----------------------------------------------------------------- input
    def _stop_at(self, pos: tuple[int, int]) -> Stop | None:
        for stop in self.stops:
            if stop.hit(pos):
                return stop
        for label, (point, _) in zip(self.labels, self.points, strict=True):
            if point.chapter and label.rect.collidepoint(pos):
                return self.stops[self._chapter_index(point.chapter)]
        return None

    def _move(self, step: int) -> None:
        count = len(self.stops)
        index = self.focus
        for _ in range(count):
            index = (index + step) % count
            if self.unlocked[index]:
                self.focus = index
                return

    def _open(self, index: int) -> Transition | None:
        if not self.unlocked[index]:
            self.game.audio.play("blocked")
            return None
        self.game.audio.play("click")
        return ChapterChosen(index)

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if self.back.handle(event) == "back":
            return Pop()
        if event.type == pygame.MOUSEMOTION:
            stop = self._stop_at(event.pos)
            if stop is not None:
                self.focus = stop.index
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            stop = self._stop_at(event.pos)
            if stop is not None:
                self.focus = stop.index
                return self._open(stop.index)
        elif event.type == pygame.KEYDOWN:
            if event.key in BACK_KEYS:
                return Pop()
            if event.key in MENU_UP_KEYS:
                self._move(-1)
            elif event.key in MENU_DOWN_KEYS:
                self._move(1)
            elif event.key in CONFIRM_KEYS:
                return self._open(self.focus)
        return None

    # ----------------------------------------------------------------- drawing
    def draw(self, surface: pygame.Surface) -> None:
        game = self.game
        self.static_layer(surface, (appearance(game), self.marched_to), self._draw_map)
        for stop in self.stops:
            self._draw_stop(surface, stop)
        for label in self.labels:
            surface.blit(label.image, label.rect)
        draw_text(surface, game.fonts.get(34, bold=True), game.t(strings.ROUTE_TITLE),
                  (640, 22), palette.DEEP_RED, anchor="midtop")
        with game.fonts.scaled(min(game.fonts.scale, MAP_SCALE)):
            self._draw_legend(surface)
            self._draw_compass(surface)
        self._draw_panel(surface)
        self.back.draw(surface, game.fonts.get(22))
        with game.fonts.scaled(min(game.fonts.scale, MAP_SCALE)):
            draw_text(surface, game.fonts.get(18), game.t(strings.ROUTE_HINT), (700, 675),
                      palette.TEXT_MUTED, anchor="midtop")
        notices(surface, game)

    def _draw_map(self, surface: pygame.Surface) -> None:
        """What lies under the medallions (a static layer): paper, land, grid, route, places."""
        surface.blit(paper_background(), (0, 0))
        surface.blit(land_shape(tuple((float(x), float(y)) for _, (x, y) in self.points)),
                     (0, 0))
        self._draw_grid(surface)
        self._draw_route(surface)
        self._draw_places(surface)

    @staticmethod
    def _draw_grid(surface: pygame.Surface) -> None:
        veil = pygame.Surface((1280, 720), pygame.SRCALPHA)
        color = (*palette.PANEL_BORDER, 34)
        for gx in range(0, GRID_SIZE[0] + 1, 10):
            x = to_screen((gx, 0))[0]
            pygame.draw.line(veil, color, (x, MAP_AREA.top - 20), (x, MAP_AREA.bottom + 10))
        for gy in range(0, GRID_SIZE[1] + 1, 10):
            y = to_screen((0, gy))[1]
            pygame.draw.line(veil, color, (MAP_AREA.left - 30, y), (MAP_AREA.right + 30, y))
        surface.blit(veil, (0, 0))

    def _draw_route(self, surface: pygame.Surface) -> None:
        last = len(self.legs) - 1
        for index, leg in enumerate(self.legs):
            if index == last and last > 0:
                dashed(surface, leg, palette.DEEP_RED, 6, 1.5, 9, dots=True)
            elif index < self.marched_to:
                pygame.draw.lines(surface, palette.DEEP_RED, False, leg, 9)
                for p in leg:
                    pygame.draw.circle(surface, palette.DEEP_RED, p, 4)
                pygame.draw.lines(surface, palette.RED, False, leg, 5)
            else:
                dashed(surface, leg, palette.RED, 7, 16, 9)

    def _draw_places(self, surface: pygame.Surface) -> None:
        stop_points = {stop.center for stop in self.stops}
        for index, (_, pos) in enumerate(self.points):
            if pos in stop_points:
                continue
            ends = index in (0, len(self.points) - 1)
            pygame.draw.circle(surface, palette.PANEL, pos, DOT_RADIUS + (2 if ends else 0))
            pygame.draw.circle(surface, palette.INK, pos, DOT_RADIUS + (2 if ends else 0), 2)
            pygame.draw.circle(surface, palette.DEEP_RED, pos, 3 if ends else 2)

    def _draw_stop(self, surface: pygame.Surface, stop: Stop) -> None:
        game = self.game
        x, y = stop.center
        unlocked, complete = self.unlocked[stop.index], self.complete[stop.index]
        focused = stop.index == self.focus
        if focused:
            pygame.draw.circle(surface, palette.GOLD, stop.center, MEDALLION_RADIUS + 9)
            pygame.draw.circle(surface, palette.DEEP_RED, stop.center, MEDALLION_RADIUS + 9, 2)
        fill = (palette.DEEP_RED if complete else palette.RED if unlocked
                else palette.PAPER_DARK)
        rim = palette.GOLD if complete else palette.DEEP_RED if unlocked else palette.TEXT_MUTED
        pygame.draw.circle(surface, palette.INK, (x + 2, y + 3), MEDALLION_RADIUS)
        pygame.draw.circle(surface, fill, stop.center, MEDALLION_RADIUS)
        pygame.draw.circle(surface, rim, stop.center, MEDALLION_RADIUS, 3)
        number = game.fonts.get(24, bold=True)
        draw_text(surface, number, str(stop.index + 1), (x, y - 1),
                  palette.WHITE if unlocked else palette.TEXT_MUTED, anchor="center")
        if not unlocked:
            self._draw_lock(surface, (x + MEDALLION_RADIUS - 4, y - MEDALLION_RADIUS + 4))
        stars, row = self.stars[stop.index], self.star_rows[stop.index]
        if stars.earned and row is not None:
            draw_stars(surface, game.fonts.get(STAR_SIZE), stars.earned, stars.possible,
                       row.topleft)

    @staticmethod
    def _draw_lock(surface: pygame.Surface, center: tuple[int, int]) -> None:
        x, y = center
        pygame.draw.circle(surface, palette.INK_SOFT, (x, y - 3), 6, 2)
        body = pygame.Rect(0, 0, 16, 12)
        body.midtop = (x, y - 1)
        pygame.draw.rect(surface, palette.INK_SOFT, body, border_radius=2)
        pygame.draw.circle(surface, palette.PAPER, (x, y + 4), 2)

    def _draw_legend(self, surface: pygame.Surface) -> None:
        game = self.game
        rect = LEGEND_RECT
        font = game.fonts.get(20)
        y1, y2 = rect.top + 22, rect.top + 60
        dashed(surface, [(rect.left + 12, y1), (rect.left + 64, y1)], palette.RED, 7, 16, 9)
        dashed(surface, [(rect.left + 12, y2), (rect.left + 64, y2)], palette.DEEP_RED, 6, 1.5,
               9, dots=True)
        draw_text(surface, font, game.t(strings.ROUTE_LEGEND_MARCH), (rect.left + 78, y1),
                  palette.INK_SOFT, anchor="midleft")
        draw_text(surface, font, game.t(strings.ROUTE_LEGEND_MEETING), (rect.left + 78, y2),
                  palette.INK_SOFT, anchor="midleft")

    def _draw_compass(self, surface: pygame.Surface) -> None:
        x, y = COMPASS_CENTER
        pygame.draw.circle(surface, palette.PANEL_BORDER, (x, y + 6), 20, 1)
        pygame.draw.polygon(surface, palette.DEEP_RED, [(x, y - 18), (x - 7, y + 6), (x, y + 1)])
        pygame.draw.polygon(surface, palette.INK_SOFT, [(x, y - 18), (x + 7, y + 6), (x, y + 1)])
        north = self.game.t(strings.NORTH)
        draw_text(surface, self.game.fonts.get(18, bold=True), north, (x, y - 20),
                  palette.DEEP_RED, anchor="midbottom")

    def panel_height(self, chapter: Chapter, sizes: tuple[int, int, int]) -> int:
        """Pixels the info panel needs for ``chapter`` at font ``sizes`` (title, details,
        rows)."""
        game = self.game
        title, detail, row = sizes
        width = PANEL_RECT.width - 44
        detail_font = game.fonts.get(detail)
        rows = len(chapter.levels) + (1 if chapter.quiz is not None else 0)
        rule = text_height(game.fonts.get(16), game.t(strings.STARS_RULE), width, line_gap=0)
        call = max(text_height(game.fonts.get(19, bold=True), game.t(text), width, line_gap=0)
                   for text in (strings.ROUTE_OPEN, strings.ROUTE_LOCKED))
        return (14 + game.fonts.get(18, bold=True).get_linesize() + 2
                + text_height(game.fonts.get(title, bold=True), game.t(chapter.title), width,
                              line_gap=0)
                + 2 + text_height(detail_font, game.t(chapter.date), width, line_gap=0)
                + text_height(detail_font, game.t(chapter.place), width, line_gap=0)
                + 14 + rows * game.fonts.get(row).get_linesize() + 6 + call + 10 + rule + 12)

    def panel_fonts(self, chapter: Chapter) -> tuple[int, int, int]:
        """Font sizes (title, details, rows) at which the chapter's info panel fits."""
        for sizes in PANEL_SIZES:
            if self.panel_height(chapter, sizes) <= PANEL_RECT.height:
                return sizes
        return PANEL_SIZES[-1]

    def panel_scale(self, chapter: Chapter) -> float:
        """The largest text size, up to the pupil's, at which the info panel fits."""
        fonts = self.game.fonts
        for scale in fonts.fallback_scales():
            with fonts.scaled(scale):
                if self.panel_height(chapter, PANEL_SIZES[-1]) <= PANEL_RECT.height:
                    return scale
        return 1.0

    def _draw_panel(self, surface: pygame.Surface) -> None:
        chapter = self.stops[self.focus].chapter
        with self.game.fonts.scaled(self.panel_scale(chapter)):
            self._draw_panel_text(surface)

    def _draw_panel_text(self, surface: pygame.Surface) -> None:
        game = self.game
        stop = self.stops[self.focus]
        chapter = stop.chapter
        rect = PANEL_RECT
        draw_panel(surface, rect)
        left, width = rect.left + 22, rect.width - 44
        unlocked, complete = self.unlocked[stop.index], self.complete[stop.index]
        title_size, detail_size, row_size = self.panel_fonts(chapter)
        detail = game.fonts.get(detail_size)
        label = game.fonts.get(18, bold=True)
        y = rect.top + 14
        draw_text(surface, label, game.t(strings.CHAPTER_N.format(n=stop.index + 1)),
                  (left, y), palette.DEEP_RED)
        status = (strings.COMPLETE if complete else strings.LOCKED if not unlocked
                  else strings.IN_PROGRESS if self.stars[stop.index].earned
                  else strings.NOT_STARTED)
        draw_text(surface, label, game.t(status), (rect.right - 22, y),
                  palette.GOOD if complete else palette.TEXT_MUTED, anchor="topright")
        y += label.get_linesize() + 2
        y = draw_wrapped(surface, game.fonts.get(title_size, bold=True), game.t(chapter.title),
                         pygame.Rect(left, y, width, 120),
                         palette.TEXT if unlocked else palette.TEXT_MUTED, line_gap=0)
        y = draw_wrapped(surface, detail, game.t(chapter.date),
                         pygame.Rect(left, y + 2, width, 60), palette.INK_SOFT, line_gap=0)
        y = draw_wrapped(surface, detail, game.t(chapter.place), pygame.Rect(left, y, width, 120),
                         palette.TEXT_MUTED, line_gap=0)
        y += 6
        pygame.draw.line(surface, palette.PAPER_DARK, (left, y), (rect.right - 22, y), 1)
        y += 8
        stars = self.stars[stop.index]
        body = game.fonts.get(row_size)
        for n, level in enumerate(chapter.levels):
            record = game.progress.levels.get(level.id)
            draw_text(surface, body, game.t(strings.ROUTE_LEVEL.format(n=n + 1)), (left, y))
            draw_stars(surface, body, stars.levels[n], LEVEL_STARS, (left + 110, y))
            result = (strings.ROUTE_LEVEL_BEST.format(moves=record.best_moves)
                      if record is not None and record.won and record.best_moves is not None
                      else strings.ROUTE_LEVEL_NOT_WON)
            draw_text(surface, body, game.t(result), (rect.right - 22, y), palette.TEXT_MUTED,
                      anchor="topright")
            y += body.get_linesize()
        if chapter.quiz is not None:
            quiz = game.progress.quizzes.get(chapter.id)
            draw_text(surface, body, game.t(strings.ROUTE_QUIZ), (left, y))
            draw_stars(surface, body, int(stars.quiz), 1, (left + 110, y))
            score = (strings.ROUTE_QUIZ_BEST.format(score=quiz.best_score, total=quiz.total)
                     if quiz is not None else strings.ROUTE_QUIZ_NONE)
            draw_text(surface, body, game.t(score), (rect.right - 22, y), palette.TEXT_MUTED,
                      anchor="topright")
            y += body.get_linesize()
        y += 6
        call = strings.ROUTE_OPEN if unlocked else strings.ROUTE_LOCKED
        draw_wrapped(surface, game.fonts.get(19, bold=True), game.t(call),
                     pygame.Rect(left, y, width, 60),
                     palette.RED if unlocked else palette.TEXT_MUTED, line_gap=0)
        rule = game.t(strings.STARS_RULE)
        rule_font = game.fonts.get(16)
        rule_top = rect.bottom - 12 - text_height(rule_font, rule, width, line_gap=0)
        pygame.draw.line(surface, palette.PAPER_DARK, (left, rule_top - 6),
                         (rect.right - 22, rule_top - 6), 1)
        draw_wrapped(surface, rule_font, rule, pygame.Rect(left, rule_top, width, 60),
                     palette.GOLD_DARK, line_gap=0)
