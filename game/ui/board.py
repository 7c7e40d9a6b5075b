"""Draw a level's board: terrain, goal cells, sight lines and units, with movement tweened.

Pure drawing: it reads a level and two states (before and after the last move) and a
tween fraction, and changes no game state. The terrain is composed once per animation
frame into a board-sized image and afterwards only patched where a cell's look changes
(a ferry running or not, a plank laid on a chain, a bog found), so a frame blits one
image instead of every tile.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.core.level import Level, Pos
from game.core.state import State, point_fallen
from game.ui import palette
from game.ui.sprites import FRAMES, Sprites

MIN_TILE, MAX_TILE = 24, 72

#: Terrain whose sprite has another name than the terrain itself.
TERRAIN_SPRITES: dict[str, str] = {"chain": "bridge_chain", "deck": "bridge_plank"}

#: The sprite that shows each kind of item lying on the map.
ITEM_SPRITES: dict[str, str] = {
    "boat": "boat", "boatman": "guide", "comrade": "comrade", "guide": "guide",
    "cache": "cache",
    "ginger": "ginger",
}


def tile_size(level: Level, area: pygame.Rect) -> int:
    """The largest tile size (within limits) that fits the whole map in ``area``."""
    size = min(area.width // level.width, area.height // level.height, MAX_TILE)
    return max(MIN_TILE, size)


def _variant(pos: Pos) -> int:
    x, y = pos
    return (x * 7 + y * 13 + (x * y) % 5) % 4


@dataclass
class _TerrainLayer:
    """The board's terrain for one animation frame, and what each changeable cell shows."""

    image: pygame.Surface
    shown: dict[Pos, str]
    sprites: Sprites


@dataclass
class BoardView:
    """Where the board sits on screen, and how to draw it."""

    level: Level
    area: pygame.Rect
    font: pygame.font.Font | None = None
    _layers: dict[int, _TerrainLayer] = field(
        default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.tile = tile_size(self.level, self.area)
        width, height = self.level.width * self.tile, self.level.height * self.tile
        self.rect = pygame.Rect(0, 0, width, height)
        self.rect.center = self.area.center
        level = self.level
        #: Cells whose terrain can look different from turn to turn.
        self.changing: tuple[Pos, ...] = tuple(
            (x, y) for y, row in enumerate(level.grid) for x, terrain in enumerate(row)
            if level.ferry_at((x, y)) is not None or level.chain_index((x, y)) >= 0
            or terrain.name == "bog" or level.pontoon_index((x, y)) >= 0)
        self.changing += tuple(sorted(level.siege, key=lambda pos: (pos[1], pos[0])))
        #: Which way each pontoon site's bridge runs: "h" (left-right) or "v" (up-down).
        self.pontoon_axis: tuple[str, ...] = tuple(
            _axis(level, site.cells) for site in level.pontoons)

    def terrain_name(self, pos: Pos, after: State, known_bogs: frozenset[Pos] | None) -> str:
        """The terrain sprite of ``pos`` in state ``after``."""
        level = self.level
        name = level.terrain(pos).name
        ferry = level.ferry_at(pos)
        name = TERRAIN_SPRITES.get(name, name)
        if ferry is not None and not ferry.open_on(after.turn):
            name = "river"  # no boats this turn
        chain = level.chain_index(pos)
        if chain >= 0 and after.laid >> chain & 1:
            name = "bridge_plank"  # a plank was laid here
        if name == "bog" and known_bogs is not None and pos not in known_bogs:
            name = "grassland"  # not found yet
        if pos in level.siege:  # the point to besiege: held, besieged or fallen
            name = ("point_fallen" if point_fallen(level, after)
                    else "point_besieged" if after.besieged else "point")
        site = level.pontoon_index(pos)
        if site >= 0:  # a pontoon site: the bridge if it stands, else the marked river
            built = "pontoon_" if after.bridges >> site & 1 else "pontoon_site_"
            name = built + self.pontoon_axis[site]
        return name

    def _terrain(self, surface: pygame.Surface, sprites: Sprites, frame: int, after: State,
                 known_bogs: frozenset[Pos] | None) -> pygame.Surface:
        """The composed terrain of animation ``frame``, patched to show ``after``."""
        tile = self.tile
        layer = self._layers.get(frame)
        if (layer is None or layer.sprites is not sprites
                or layer.image.get_bitsize() != surface.get_bitsize()):
            image = pygame.Surface(self.rect.size, 0, surface)
            shown: dict[Pos, str] = {}
            for y, row in enumerate(self.level.grid):
                for x, _ in enumerate(row):
                    name = self.terrain_name((x, y), after, known_bogs)
                    image.blit(sprites.terrain(name, _variant((x, y)), frame), (x * tile, y * tile))
                    shown[(x, y)] = name
            layer = self._layers[frame] = _TerrainLayer(image, shown, sprites)
            return layer.image
        for pos in self.changing:
            name = self.terrain_name(pos, after, known_bogs)
            if layer.shown[pos] != name:
                layer.image.blit(sprites.terrain(name, _variant(pos), frame),
                                 (pos[0] * tile, pos[1] * tile))
                layer.shown[pos] = name
        return layer.image

    def cell_rect(self, pos: tuple[float, float]) -> pygame.Rect:
        """The screen rectangle of a (possibly fractional, mid-tween) cell."""
        x, y = pos
        return pygame.Rect(round(self.rect.left + x * self.tile),
                           round(self.rect.top + y * self.tile), self.tile, self.tile)

    def cell_at(self, point: tuple[int, int]) -> Pos | None:
        """The cell under a screen point, if any."""
        if not self.rect.collidepoint(point):
            return None
        return ((point[0] - self.rect.left) // self.tile, (point[1] - self.rect.top) // self.tile)

    def draw(
        self,
        surface: pygame.Surface,
        sprites: Sprites,
        before: State,
        after: State,
        fraction: float,
        clock: float,
        *,
        show_sight: bool = True,
        known_bogs: frozenset[Pos] | None = None,
    ) -> None:
        """Paint the board at ``fraction`` (0..1) of the way from ``before`` to ``after``.

        ``known_bogs`` are the bogs the player has found; the others look like grassland
        (None shows them all, for reports and previews).
        """
        frame = int(clock * 4) % FRAMES
        level = self.level
        frame_rect = self.rect.inflate(8, 8)
        pygame.draw.rect(surface, palette.INK, frame_rect, border_radius=4)
        surface.blit(self._terrain(surface, sprites, frame, after, known_bogs), self.rect)
        self._draw_ferry_clocks(surface, after)
        goal = sprites.overlay("goal")
        for pos in level.goal.cells:
            surface.blit(goal, self.cell_rect(pos))
        for fire in level.fires:
            if fire.firing_on(after.turn + 1):  # what the next move walks into
                flames = sprites.unit("fire", frame)
                for cell in fire.cells:
                    surface.blit(flames, self.cell_rect(cell))
        for shelter in level.shelters:
            surface.blit(sprites.terrain("shelter", _variant(shelter), frame),
                         self.cell_rect(shelter))
        for plank in after.planks:
            surface.blit(sprites.unit("plank", frame), self.cell_rect(plank))
        for index, item in enumerate(level.items):
            if not after.taken >> index & 1:
                image = sprites.unit(ITEM_SPRITES[item.kind], frame)
                surface.blit(image, self.cell_rect(item.pos))
        if show_sight:
            self._draw_sight(surface, sprites, after)
        for patrol, old, new in zip(level.patrols, before.patrols, after.patrols, strict=True):
            where = self.cell_rect(_lerp(old.pos, new.pos, fraction))
            surface.blit(sprites.unit("patrol", frame), where)
            self._badge(surface, where, patrol.id)
        for pursuer, old_pos, new_pos in zip(level.pursuers, before.pursuers, after.pursuers,
                                             strict=True):
            where = self.cell_rect(_lerp(old_pos, new_pos, fraction))
            surface.blit(sprites.unit("pursuer", frame), where)
            self._badge(surface, where, pursuer.id)
        for spec, old_march, new_march in zip(level.reliefs, before.reliefs, after.reliefs,
                                              strict=True):
            if new_march >= 0:
                path = spec.path()
                start = path[old_march] if old_march >= 0 else path[new_march]
                where = self.cell_rect(_lerp(start, path[new_march], fraction))
                surface.blit(sprites.unit("relief", frame), where)
                self._badge(surface, where, spec.id)
        allied = ("army2", "army4")
        for index, (start, end) in enumerate(zip(before.allies, after.allies, strict=True)):
            surface.blit(sprites.unit(allied[index % len(allied)], frame),
                         self.cell_rect(_lerp(start, end, fraction)))
        column = _lerp(before.pos, after.pos, fraction)
        surface.blit(sprites.unit("army1" if level.allies else "column", frame),
                     self.cell_rect(column))
        if level.loaded(after.taken):  # the heavy baggage it still hauls
            surface.blit(sprites.overlay("load"), self.cell_rect(column))

    @staticmethod
    def known_bogs(level: Level, visited: list[Pos], taken: int) -> frozenset[Pos]:
        """Bogs found so far: next to a cell the column stood on, or all, with a guide."""
        if not level.bogs or level.carrying("guide", taken):
            return level.bogs
        near = {(x + dx, y + dy) for x, y in visited
                for dx, dy in ((0, 0), (1, 0), (-1, 0), (0, 1), (0, -1))}
        return level.bogs & near

    def _badge(self, surface: pygame.Surface, cell: pygame.Rect, label: str) -> None:
        """The enemy's name (the letter the messages call it by) in a disc on its corner."""
        if self.font is None or not label:
            return
        text = self.font.render(label, True, palette.WHITE)
        radius = max(text.get_width(), text.get_height()) // 2 + 1
        center = (cell.right - radius + 2, cell.top + radius - 2)
        pygame.draw.circle(surface, palette.INK, center, radius)
        pygame.draw.circle(surface, palette.WHITE, center, radius, 1)
        surface.blit(text, text.get_rect(center=(center[0], center[1] + 1)))

    def _draw_ferry_clocks(self, surface: pygame.Surface, state: State) -> None:
        """On each ferry, how many turns until its boats start (gold) or stop (white)."""
        if not self.level.ferries or self.font is None:
            return
        for ferry in self.level.ferries:
            running = ferry.open_on(state.turn)
            wait = next((n for n in range(1, len(ferry.schedule) + 1)
                         if ferry.open_on(state.turn + n) != running), 0)
            if not wait:
                continue
            label = self.font.render(str(wait), True, palette.WHITE if running else palette.GOLD)
            for cell in ferry.cells:
                rect = self.cell_rect(cell)
                surface.blit(label, label.get_rect(topright=(rect.right - 3, rect.top + 1)))

    def _draw_sight(self, surface: pygame.Surface, sprites: Sprites, state: State) -> None:
        if state.turn < self.level.disguise:
            return  # disguised: the guards are not looking for the column yet
        sight = sprites.overlay("sight")
        danger = sprites.overlay("danger")
        seen: set[Pos] = set()
        for spec, patrol in zip(self.level.patrols, state.patrols, strict=True):
            seen |= self.level.seen_from(patrol.pos, spec.sight)
        for pos in seen:
            surface.blit(sight, self.cell_rect(pos))
        if state.pos in seen and not self.level.terrain(state.pos).hides:
            surface.blit(danger, self.cell_rect(state.pos))


def _axis(level: Level, cells: frozenset[Pos]) -> str:
    """"h" when a pontoon site's bridge runs left-right (land beside it left or right),
    else "v"."""
    if len({y for _, y in cells}) == 1 and len(cells) > 1:
        return "h"
    if len({x for x, _ in cells}) == 1 and len(cells) > 1:
        return "v"
    x, y = next(iter(cells))
    beside = ((x - 1, y), (x + 1, y))
    return "h" if any(level.passable(cell) and cell not in cells for cell in beside) else "v"


def _lerp(a: Pos, b: Pos, fraction: float) -> tuple[float, float]:
    t = fraction * fraction * (3 - 2 * fraction)  # ease in and out
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
