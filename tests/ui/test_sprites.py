"""Tests for game.ui.sprites: sizes, alpha, variety, animation, errors and caching."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

import pygame
import pytest

from game.ui.sprites import (
    FRAMES,
    ICON_KINDS,
    OVERLAY_KINDS,
    TERRAIN_KINDS,
    UNIT_KINDS,
    Sprites,
)

SIZES = (24, 48, 72)


@pytest.fixture(scope="module")
def sprites() -> dict[int, Sprites]:
    """One shared Sprites per size, so every drawing is made once for the whole module."""
    return {size: Sprites(size) for size in SIZES}


def colours(surf: pygame.Surface) -> set[tuple[int, int, int]]:
    """The distinct RGB colours in ``surf``, sampled on a grid (fast enough for 72 px)."""
    w, h = surf.get_size()
    step = max(1, w // 24)
    return {tuple(surf.get_at((x, y)))[:3] for x in range(0, w, step) for y in range(0, h, step)}


def test_kind_lists_are_complete() -> None:
    terrain = """plain road forest hills river ford bank snow ice grassland bog
                 bridge_chain bridge_plank cliff town shelter ferry
                 point point_besieged point_fallen
                 pontoon_site_h pontoon_site_v pontoon_h pontoon_v"""
    units = ("column patrol pursuer relief boat plank fire guide campfire army1 army2 army4 "
             "comrade cache ginger")
    assert set(terrain.split()) == set(TERRAIN_KINDS)
    assert set(units.split()) == set(UNIT_KINDS)
    assert set(OVERLAY_KINDS) == {"sight", "goal", "danger", "cursor", "path", "load"}
    assert FRAMES == 4


@pytest.mark.parametrize("size", SIZES)
def test_terrain_opaque_sized_and_textured(sprites: dict[int, Sprites], size: int) -> None:
    sp = sprites[size]
    for kind in TERRAIN_KINDS:
        surf = sp.terrain(kind)
        assert surf.get_size() == (size, size), kind
        assert not surf.get_flags() & pygame.SRCALPHA, kind
        for corner in ((0, 0), (size - 1, 0), (0, size - 1), (size - 1, size - 1)):
            assert surf.get_at(corner).a == 255, kind
        assert len(colours(surf)) > 8, f"{kind} looks like a bare rectangle"


@pytest.mark.parametrize("size", SIZES)
def test_units_have_alpha_corners_and_solid_centre(sprites: dict[int, Sprites], size: int) -> None:
    sp = sprites[size]
    for kind in UNIT_KINDS:
        surf = sp.unit(kind)
        assert surf.get_size() == (size, size), kind
        assert surf.get_flags() & pygame.SRCALPHA, kind
        for corner in ((0, 0), (size - 1, 0), (0, size - 1), (size - 1, size - 1)):
            assert surf.get_at(corner).a == 0, f"{kind} corner {corner}"
        third = range(size // 3, size - size // 3)
        centre = [surf.get_at((x, y)).a for x in third for y in third]
        solid = sum(a > 200 for a in centre)
        assert solid > len(centre) // 4, f"{kind} centre is (nearly) empty"


@pytest.mark.parametrize("size", SIZES)
def test_overlays_are_translucent(sprites: dict[int, Sprites], size: int) -> None:
    sp = sprites[size]
    for kind in OVERLAY_KINDS:
        surf = sp.overlay(kind)
        assert surf.get_size() == (size, size), kind
        assert surf.get_flags() & pygame.SRCALPHA, kind
        alphas = {surf.get_at((x, y)).a for x in range(size) for y in range(0, size, 3)}
        assert min(alphas) < 255, f"{kind} hides the terrain completely"
        assert max(alphas) > 0, f"{kind} is invisible"


def test_icons(sprites: dict[int, Sprites]) -> None:
    icons = ("troops turn goal star star_empty warmth boat flag fire blizzard hold crossing "
             "ferried boatman comrade relief meet disguise point baggage ginger pontoon")
    assert set(icons.split()) == set(ICON_KINDS)
    for kind in ICON_KINDS:
        for size in (16, 32):
            surf = sprites[24].icon(kind, size)
            assert surf.get_size() == (size, size)
            assert surf.get_at((0, 0)).a == 0 or kind == "goal"
            assert max(surf.get_at((x, size // 2)).a for x in range(size)) > 200, kind


def test_icons_all_look_different(sprites: dict[int, Sprites]) -> None:
    pictures = {kind: pygame.image.tobytes(sprites[24].icon(kind, 32), "RGBA")
                for kind in ICON_KINDS}
    assert len(set(pictures.values())) == len(ICON_KINDS)


def test_relief_column_and_comrade_are_not_the_column(sprites: dict[int, Sprites]) -> None:
    sp = sprites[48]
    column = pygame.image.tobytes(sp.unit("column"), "RGBA")
    for kind in ("relief", "comrade", "patrol", "pursuer"):
        assert pygame.image.tobytes(sp.unit(kind), "RGBA") != column, kind


def test_river_frames_differ(sprites: dict[int, Sprites]) -> None:
    sp = sprites[48]
    frames = [pygame.image.tobytes(sp.terrain("river", 0, f), "RGB") for f in range(FRAMES)]
    assert len(set(frames)) == FRAMES
    flags = [pygame.image.tobytes(sp.unit("column", f), "RGBA") for f in range(FRAMES)]
    assert len(set(flags)) == FRAMES
    # frames wrap around
    assert sp.terrain("river", 0, FRAMES) is sp.terrain("river", 0, 0)


def test_terrain_kinds_and_variants_differ(sprites: dict[int, Sprites]) -> None:
    sp = sprites[48]
    tiles = {kind: pygame.image.tobytes(sp.terrain(kind), "RGB") for kind in TERRAIN_KINDS}
    assert len(set(tiles.values())) == len(TERRAIN_KINDS)
    variants = {pygame.image.tobytes(sp.terrain("plain", v), "RGB") for v in range(4)}
    assert len(variants) == 4
    units = {pygame.image.tobytes(sp.unit(kind), "RGBA") for kind in UNIT_KINDS}
    assert len(units) == len(UNIT_KINDS)


def test_column_is_red_and_patrol_is_not(sprites: dict[int, Sprites]) -> None:
    def reddish(surf: pygame.Surface) -> int:
        n = 0
        for x in range(surf.get_width()):
            for y in range(surf.get_height()):
                c = surf.get_at((x, y))
                n += c.a > 200 and c.r > 150 and c.g < 90 and c.b < 90
        return n

    sp = sprites[48]
    assert reddish(sp.unit("column")) > 150
    assert reddish(sp.unit("patrol")) < 10


def test_unknown_kind_raises_key_error_naming_valid_kinds() -> None:
    sp = Sprites(32)
    with pytest.raises(KeyError, match="lava") as err:
        sp.terrain("lava")
    assert "plain" in str(err.value)
    with pytest.raises(KeyError, match="dragon"):
        sp.unit("dragon")
    with pytest.raises(KeyError, match="glow"):
        sp.overlay("glow")
    with pytest.raises(KeyError, match="coin"):
        sp.icon("coin", 16)


def test_cache_returns_same_surface() -> None:
    sp = Sprites(32)
    assert sp.tile == 32
    assert sp.terrain("forest", 2) is sp.terrain("forest", 2)
    assert sp.terrain("forest", 6) is sp.terrain("forest", 2)  # variants wrap modulo 4
    assert sp.terrain("river", 1, 3) is sp.terrain("river", 1, 3)
    assert sp.terrain("plain", 0, 3) is sp.terrain("plain", 0, 0)  # static tiles ignore frame
    assert sp.unit("column", 1) is sp.unit("column", 1)
    assert sp.overlay("sight") is sp.overlay("sight")
    assert sp.icon("star", 20) is sp.icon("star", 20)
    assert sp.terrain("forest", 1) is not sp.terrain("forest", 2)


def test_works_without_display_init() -> None:
    code = (
        "import pygame\n"
        "from game.ui.sprites import Sprites\n"
        "sp = Sprites(24)\n"
        "assert not pygame.display.get_init()\n"
        "assert sp.terrain('hills', 3).get_size() == (24, 24)\n"
        "assert sp.unit('column', 2).get_size() == (24, 24)\n"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 0, done.stderr


def test_the_point_to_besiege_shows_its_three_states(sprites: dict[int, Sprites]) -> None:
    """Held (enemy banner), besieged (red arrows round it), fallen (red flag, gate open):
    told apart at the smallest tile too, and the besieged and fallen ones carry red."""
    def red(surf: pygame.Surface) -> int:
        return sum(1 for c in colours(surf) if c[0] > 150 and c[1] < 90 and c[2] < 90)

    for size in (24, 48):
        sp = sprites[size]
        held, besieged, fallen = (sp.terrain(kind) for kind in
                                  ("point", "point_besieged", "point_fallen"))
        assert len({pygame.image.tobytes(s, "RGB") for s in (held, besieged, fallen)}) == 3
        assert red(besieged) > red(held) and red(fallen) > red(held), size
