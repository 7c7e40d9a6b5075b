"""A still picture of a level with a path drawn through it, as PNG bytes (for reports)."""

from __future__ import annotations

import functools
import io

import pygame

from game.core.level import Level, Pos
from game.core.state import initial_state
from game.ui.board import BoardView
from game.ui.sprites import Sprites

RGB = tuple[int, int, int]


@functools.lru_cache(maxsize=4)
def _sprites(tile: int) -> Sprites:
    return Sprites(tile)


def level_png(level: Level, cells: list[Pos], tile: int, colours: dict[str, RGB]) -> bytes:
    """The level's first turn, ``tile`` pixels a cell, with a line through ``cells`` (the
    start and the end marked); ``colours`` names path, edge, start, end and frame."""
    margin = 4  # the board's frame
    size = (level.width * tile + 2 * margin, level.height * tile + 2 * margin)
    surface = pygame.Surface(size)
    surface.fill(colours["frame"])
    board = BoardView(level, pygame.Rect(margin, margin, level.width * tile,
                                         level.height * tile))
    start = initial_state(level)
    board.draw(surface, _sprites(board.tile), start, start, 1.0, 0.0, known_bogs=None)
    centres = [board.cell_rect(cell).center for cell in cells]
    width = max(2, board.tile // 8)
    if len(centres) > 1:
        pygame.draw.lines(surface, colours["edge"], False, centres, width + 4)
        pygame.draw.lines(surface, colours["path"], False, centres, width)
        for centre in centres[1:-1]:
            pygame.draw.circle(surface, colours["path"], centre, width)
    radius = max(4, board.tile // 4)
    ends = [(centres[0], colours["start"])] if centres else []
    if len(centres) > 1:
        ends.append((centres[-1], colours["end"]))
    for centre, colour in ends:
        pygame.draw.circle(surface, colours["edge"], centre, radius + 2)
        pygame.draw.circle(surface, colour, centre, radius)
        pygame.draw.circle(surface, colours["frame"], centre, radius, 1)
    buffer = io.BytesIO()
    pygame.image.save(surface, buffer, "png")
    return buffer.getvalue()
