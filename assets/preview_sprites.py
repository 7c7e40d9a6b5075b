"""Render a contact sheet of every sprite plus a small sample map to a PNG.

Usage: ``SDL_VIDEODRIVER=dummy python assets/preview_sprites.py [out/sprites.png]``
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pygame

from game.ui import palette as P
from game.ui.sprites import (
    FRAMES,
    ICON_KINDS,
    OVERLAY_KINDS,
    TERRAIN_KINDS,
    UNIT_KINDS,
    VARIANTS,
    Sprites,
)

GAP = 10
LABEL_H = 16
BACKDROPS = ("plain", "forest", "river", "hills")


class Sheet:
    """A growing list of (surface, position) pieces laid out top to bottom."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.y = GAP
        self.pieces: list[tuple[pygame.Surface, tuple[int, int]]] = []
        self.font = pygame.font.Font(None, 18)
        self.big = pygame.font.Font(None, 26)

    def title(self, text: str) -> None:
        self.y += 6
        self.pieces.append((self.big.render(text, True, P.TEXT), (GAP, self.y)))
        self.y += 26

    def label(self, text: str, x: int, y: int) -> None:
        self.pieces.append((self.font.render(text, True, P.TEXT_MUTED), (x, y)))

    def row(self, cells: list[tuple[str, list[pygame.Surface]]], per_row: int) -> None:
        """Lay out labelled groups of tiles, ``per_row`` groups across."""
        x = GAP
        row_h = 0
        for i, (name, tiles) in enumerate(cells):
            if i and i % per_row == 0:
                self.y += row_h + LABEL_H + GAP
                x, row_h = GAP, 0
            tx = x
            for t in tiles:
                self.pieces.append((t, (tx, self.y)))
                tx += t.get_width() + 2
            self.label(name, x, self.y + max(t.get_height() for t in tiles) + 2)
            row_h = max(row_h, max(t.get_height() for t in tiles))
            x = tx + GAP
        self.y += row_h + LABEL_H + GAP

    def render(self) -> pygame.Surface:
        out = pygame.Surface((self.width, self.y + GAP))
        out.fill(P.PANEL)
        for surf, pos in self.pieces:
            out.blit(surf, pos)
        return out


def stack(base: pygame.Surface, *tops: pygame.Surface) -> pygame.Surface:
    """A copy of ``base`` with ``tops`` blitted over it."""
    out = base.copy()
    for t in tops:
        out.blit(t, (0, 0))
    return out


def sample_map(sp: Sprites, frame: int = 0) -> pygame.Surface:
    """A 10x6 map: a river with a ford, forest, hills, a road, the column and two patrols.

    Draw order as the game should use it: terrain, overlays, units, cursor.
    """
    rows = [
        "HPFFPRPFFH",
        "BPFPPRPPFH",
        "BBPPPRPPPP",
        "BDDDDODDDD",
        "BBPFPRPPFF",
        "PHHFPRPHHH",
    ]
    legend = {
        "P": "plain",
        "F": "forest",
        "H": "hills",
        "R": "river",
        "D": "road",
        "B": "bank",
        "O": "ford",
    }
    t = sp.tile
    out = pygame.Surface((10 * t, 6 * t))
    for y, line in enumerate(rows):
        for x, ch in enumerate(line):
            out.blit(sp.terrain(legend[ch], x * 7 + y * 13, frame), (x * t, y * t))
    for x, y in [(0, 1), (0, 2), (1, 2), (0, 3), (0, 4)]:
        out.blit(sp.overlay("goal"), (x * t, y * t))
    sight = sp.overlay("sight")
    for x, y in [(3, 2), (3, 3), (3, 4), (7, 1), (6, 1)]:
        out.blit(sight, (x * t, y * t))
    for x, y in [(8, 3), (7, 3), (6, 3), (5, 3), (4, 3), (4, 2), (4, 1), (3, 1), (2, 2), (1, 2)]:
        out.blit(sp.overlay("path"), (x * t, y * t))
    out.blit(sp.unit("column", frame), (9 * t, 3 * t))
    out.blit(sp.overlay("cursor"), (9 * t, 3 * t))
    out.blit(sp.unit("patrol"), (3 * t, 1 * t))
    out.blit(pygame.transform.flip(sp.unit("patrol"), True, False), (8 * t, 1 * t))
    return out


def build(path: Path) -> None:
    pygame.font.init()
    sheet = Sheet(1500)
    for tile in (32, 64):
        sp = Sprites(tile)
        per = max(1, 1400 // (VARIANTS * (tile + 2) + GAP))
        sheet.title(f"Terrain at {tile} px (variants 0-3)")
        sheet.row([(k, [sp.terrain(k, v) for v in range(VARIANTS)]) for k in TERRAIN_KINDS], per)
        sheet.title(f"Units at {tile} px on plain / forest / river / hills")
        sheet.row(
            [(k, [stack(sp.terrain(b, 1), sp.unit(k)) for b in BACKDROPS]) for k in UNIT_KINDS], per
        )
        sheet.title(f"Overlays at {tile} px on plain / forest / river / hills")
        sheet.row(
            [
                (k, [stack(sp.terrain(b, 2), sp.overlay(k)) for b in BACKDROPS])
                for k in OVERLAY_KINDS
            ],
            per,
        )
        sheet.title(f"Animation frames at {tile} px")
        anim = [
            ("river", [sp.terrain("river", 0, f) for f in range(FRAMES)]),
            ("ford", [sp.terrain("ford", 0, f) for f in range(FRAMES)]),
            ("column", [stack(sp.terrain("plain"), sp.unit("column", f)) for f in range(FRAMES)]),
            (
                "fire",
                [stack(sp.terrain("bridge_plank"), sp.unit("fire", f)) for f in range(FRAMES)],
            ),
        ]
        sheet.row(anim, per)
    sp = Sprites(32)
    sheet.title("Icons at 16 / 24 / 32 / 48 px")
    sheet.row([(k, [sp.icon(k, s) for s in (16, 24, 32, 48)]) for k in ICON_KINDS], 6)
    sheet.title("Sample map at 64 px and 32 px")
    big, small = sample_map(Sprites(64)), sample_map(Sprites(32))
    sheet.row([("10x6 map, tile 64", [big]), ("tile 32", [small])], 2)
    path.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(sheet.render(), str(path))
    print(f"wrote {path}")


def main(argv: list[str]) -> int:
    build(Path(argv[1] if len(argv) > 1 else "out/sprites.png"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
