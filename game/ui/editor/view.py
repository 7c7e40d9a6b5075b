"""Drawing the level being edited: the map from the document (it may not load yet), the
palette of real tiles, routes with their sight, and problem marks. Pure drawing."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.core.level import Pos
from game.core.terrain import TERRAIN
from game.editor.document import Ferry, Fire, LevelDocument, Patrol, Pontoon, Relief
from game.editor.ops import MARKER_KINDS, PAINTABLE, route_cells
from game.ui import palette
from game.ui.board import TERRAIN_SPRITES
from game.ui.sprites import Sprites

#: Every tool in palette order, grouped: (group index, tool key).
TOOLS: tuple[tuple[int, str], ...] = (
    (0, "select"), (0, "erase"),
    *((1, f"terrain:{name}") for name in PAINTABLE),
    *((2, f"marker:{name}") for name in MARKER_KINDS),
    *((3, f"unit:{kind}") for kind in ("patrols", "pursuers", "ferries", "fires", "reliefs",
                                       "pontoons")),
)

#: How a marker is drawn: ("unit"|"terrain"|"overlay", sprite name).
MARKER_SPRITES: dict[str, tuple[str, str]] = {
    "start": ("unit", "column"), "goal": ("overlay", "goal"), "ally": ("unit", "army2"),
    "plank": ("unit", "plank"), "shelter": ("terrain", "shelter"), "boat": ("unit", "boat"),
    "boatman": ("unit", "guide"), "comrade": ("unit", "comrade"), "guide": ("unit", "guide"),
    "siege": ("terrain", "point"),
    "cache": ("unit", "cache"),
    "ginger": ("unit", "ginger"),
}
UNIT_SPRITES = {"patrols": "patrol", "pursuers": "pursuer", "reliefs": "relief",
                "fires": "fire"}


def terrain_sprite(name: str) -> str:
    """The sprite that draws a terrain."""
    return TERRAIN_SPRITES.get(name, name)


def tool_image(sprites: Sprites, tool: str) -> pygame.Surface:
    """A palette tile for ``tool``, drawn with the game's own sprites."""
    tile = pygame.Surface((sprites.tile, sprites.tile), pygame.SRCALPHA)
    kind, _, name = tool.partition(":")
    if kind == "terrain":
        tile.blit(sprites.terrain(terrain_sprite(name)), (0, 0))
    elif kind == "marker":
        tile.blit(sprites.terrain("bank" if name == "goal" else "plain"), (0, 0))
        layer, sprite = MARKER_SPRITES[name]
        tile.blit(_sprite(sprites, layer, sprite), (0, 0))
    elif kind == "unit":
        if name == "ferries":
            tile.blit(sprites.terrain("ferry"), (0, 0))
        elif name == "pontoons":
            tile.blit(sprites.terrain("pontoon_site_h"), (0, 0))
        else:
            tile.blit(sprites.terrain("bridge_plank" if name == "fires" else "plain"), (0, 0))
            tile.blit(sprites.unit(UNIT_SPRITES[name]), (0, 0))
    else:
        tile.fill(palette.PAPER)
        size = sprites.tile
        if tool == "select":
            shape = ((0.3, 0.2), (0.3, 0.8), (0.45, 0.62), (0.62, 0.85), (0.7, 0.78),
                     (0.55, 0.56), (0.75, 0.52))
            points = [(size * x, size * y) for x, y in shape]
            pygame.draw.polygon(tile, palette.INK, points)
        else:
            rect = pygame.Rect(0, 0, size * 0.6, size * 0.36)
            rect.center = (size // 2, size // 2)
            pygame.draw.rect(tile, palette.RED_LIGHT, rect, border_radius=4)
            pygame.draw.rect(tile, palette.INK, rect, 2, border_radius=4)
    return tile


def _sprite(sprites: Sprites, layer: str, name: str) -> pygame.Surface:
    if layer == "unit":
        return sprites.unit(name)
    if layer == "terrain":
        return sprites.terrain(name)
    return sprites.overlay(name)


def seen_cells(document: LevelDocument, pos: Pos, sight: int) -> set[Pos]:
    """What a lookout at ``pos`` sees (the rules' straight lines, stopped by forest,
    hills and cliffs)."""
    cells: set[Pos] = set()
    for dx, dy in ((0, -1), (0, 1), (-1, 0), (1, 0)):
        x, y = pos
        for _ in range(sight):
            x, y = x + dx, y + dy
            if not document.inside((x, y)):
                break
            terrain = TERRAIN[document.terrain_at((x, y))]
            if terrain.blocks_sight or terrain.hides:
                break
            cells.add((x, y))
    return cells


@dataclass
class MapView:
    """Where the edited map sits on screen."""

    document: LevelDocument
    area: pygame.Rect

    def __post_init__(self) -> None:
        doc = self.document
        self.tile = max(8, min(self.area.width // doc.width, self.area.height // doc.height,
                               56))
        self.rect = pygame.Rect(0, 0, doc.width * self.tile, doc.height * self.tile)
        self.rect.center = self.area.center

    def cell_rect(self, pos: Pos) -> pygame.Rect:
        """The screen rectangle of a cell."""
        return pygame.Rect(self.rect.left + pos[0] * self.tile,
                           self.rect.top + pos[1] * self.tile, self.tile, self.tile)

    def cell_at(self, point: tuple[int, int]) -> Pos | None:
        """The cell under a screen point, if any."""
        if not self.rect.collidepoint(point):
            return None
        return ((point[0] - self.rect.left) // self.tile, (point[1] - self.rect.top) // self.tile)

    def draw(self, surface: pygame.Surface, sprites: Sprites, font: pygame.font.Font, *,
             selected: tuple[str, str] | None, problem_cells: set[Pos],
             cursor: Pos | None) -> None:
        """Paint terrain, markers, units, patrol sight and routes, problems and the cursor."""
        doc = self.document
        pygame.draw.rect(surface, palette.INK, self.rect.inflate(6, 6), border_radius=3)
        ferry_cells = {c for f in doc.ferries.values() for c in f.cells}
        site_cells = {c for p in doc.pontoons.values() for c in p.cells}
        for y in range(doc.height):
            for x in range(doc.width):
                name = ("ferry" if (x, y) in ferry_cells else "pontoon_site_h"
                        if (x, y) in site_cells else terrain_sprite(doc.terrain[y][x]))
                surface.blit(sprites.terrain(name, (x * 7 + y * 13) % 4), self.cell_rect((x, y)))
        allies = sorted((p for p, m in doc.markers.items() if m == "ally"),
                        key=lambda p: (p[1], p[0]))
        for pos, marker in doc.markers.items():
            layer, sprite = MARKER_SPRITES[marker]
            if marker == "start" and allies:
                sprite = "army1"  # as the game draws armies that move together
            elif marker == "ally":
                sprite = ("army2", "army4")[allies.index(pos) % 2]
            surface.blit(_sprite(sprites, layer, sprite), self.cell_rect(pos))
        sight = sprites.overlay("sight")
        for patrol in doc.patrols.values():
            seen: set[Pos] = set()
            for cell in route_cells(patrol.pos, patrol.route):
                if doc.inside(cell):
                    seen |= seen_cells(doc, cell, patrol.sight if patrol.sight is not None
                                       else 3)
            for cell in seen:
                surface.blit(sight, self.cell_rect(cell))
        for kind, char, unit in doc.units():
            cells = (unit.cells if isinstance(unit, (Ferry, Fire, Pontoon))
                     else frozenset((unit.pos,)))
            for cell in cells:
                rect = self.cell_rect(cell)
                if kind in UNIT_SPRITES:
                    surface.blit(sprites.unit(UNIT_SPRITES[kind]), rect)
                label = font.render(char, True, palette.WHITE)
                back = label.get_rect(topleft=(rect.left + 1, rect.top))
                pygame.draw.rect(surface, palette.INK, back.inflate(4, 0), border_radius=3)
                surface.blit(label, back)
        for kind, char, unit in doc.units():
            if isinstance(unit, (Patrol, Relief)):
                self._draw_route(surface, unit, (kind, char) == selected)
            elif selected == (kind, char) and isinstance(unit, (Ferry, Fire, Pontoon)):
                for cell in unit.cells:
                    pygame.draw.rect(surface, palette.GOLD, self.cell_rect(cell), 3)
        for cell in problem_cells:
            if doc.inside(cell):
                pygame.draw.rect(surface, palette.BAD, self.cell_rect(cell).inflate(-2, -2), 3)
        if cursor is not None and doc.inside(cursor):
            rect = self.cell_rect(cursor)
            pygame.draw.rect(surface, palette.WHITE, rect, 3)
            pygame.draw.rect(surface, palette.INK, rect.inflate(4, 4), 1)

    def _draw_route(self, surface: pygame.Surface, unit: Patrol | Relief,
                    selected: bool) -> None:
        """The route as a line through the cell centres, its end marked with a ring."""
        cells = route_cells(unit.pos, unit.route)
        points = [self.cell_rect(c).center for c in cells]
        color = palette.GOLD if selected else palette.ENEMY_LIGHT
        if len(points) > 1:
            pygame.draw.lines(surface, palette.INK, False, points, 5)
            pygame.draw.lines(surface, color, False, points, 3)
        end = points[-1]
        pygame.draw.circle(surface, palette.INK, end, max(4, self.tile // 5) + 1, 2)
        pygame.draw.circle(surface, color, end, max(4, self.tile // 5), 2)
        if selected:
            pygame.draw.rect(surface, palette.GOLD, self.cell_rect(unit.pos), 3)
