"""Named colours (RGB tuples; SIGHT is RGBA) shared by the sprites, the HUD and the menus."""

from __future__ import annotations

RGB = tuple[int, int, int]
RGBA = tuple[int, int, int, int]

# Paper and ink: backgrounds, outlines and brush strokes everywhere
PAPER: RGB = (240, 230, 204)
PAPER_DARK: RGB = (216, 200, 164)
INK: RGB = (38, 34, 36)
INK_SOFT: RGB = (92, 84, 80)
WHITE: RGB = (252, 250, 242)

# The Red Army: flags, stars, armbands and the grey uniform
RED: RGB = (206, 40, 34)
DEEP_RED: RGB = (138, 22, 24)
RED_LIGHT: RGB = (236, 98, 76)
GOLD: RGB = (240, 190, 58)
GOLD_DARK: RGB = (178, 128, 32)
GOLD_TEXT: RGB = (128, 88, 14)
"""Gold for text on paper (GOLD_DARK is for drawings: as text it is only 3:1)."""
ARMY_GREY: RGB = (150, 152, 138)
ARMY_GREY_DARK: RGB = (102, 104, 94)
SKIN: RGB = (236, 190, 146)

# Enemy forces: cool slate blue and khaki, deliberately without any emblem
ENEMY: RGB = (82, 110, 150)
ENEMY_DARK: RGB = (40, 54, 78)
ENEMY_LIGHT: RGB = (138, 164, 196)
KHAKI: RGB = (176, 160, 108)

# Open ground: loess plains, roads, the far bank and grassland
PLAIN: RGB = (226, 212, 162)
BANK: RGB = (222, 194, 146)
ROAD: RGB = (192, 146, 88)
ROAD_DARK: RGB = (146, 102, 56)
GRASS: RGB = (170, 184, 104)
GRASS_DARK: RGB = (104, 128, 64)

# Woods and mountains: forests to hide in, impassable peaks and cliffs
FOREST: RGB = (64, 112, 70)
FOREST_DARK: RGB = (36, 74, 50)
FOREST_LIGHT: RGB = (112, 156, 88)
FOREST_FLOOR: RGB = (132, 150, 88)
HILL: RGB = (112, 124, 118)
HILL_LIGHT: RGB = (184, 182, 152)
HILL_TOP: RGB = (96, 150, 146)
HILL_GROUND: RGB = (184, 170, 132)
CLIFF: RGB = (140, 116, 92)
CLIFF_DARK: RGB = (86, 68, 56)
STONE: RGB = (170, 164, 150)

# Water: ink-blue rivers, lighter fords, sandbars, marsh pools
RIVER: RGB = (48, 88, 130)
RIVER_DARK: RGB = (32, 64, 102)
RIVER_LIGHT: RGB = (132, 178, 204)
FORD: RGB = (98, 150, 170)
SAND: RGB = (222, 202, 150)
BOG: RGB = (106, 100, 62)
BOG_WATER: RGB = (58, 80, 74)

# Snow mountains and ice
SNOW: RGB = (242, 246, 250)
SNOW_SHADOW: RGB = (186, 204, 226)
ICE: RGB = (192, 224, 236)
ICE_DARK: RGB = (122, 170, 198)

# Wood, iron and buildings: bridges, boats, planks, villages and huts
WOOD: RGB = (156, 106, 60)
WOOD_LIGHT: RGB = (198, 150, 96)
WOOD_DARK: RGB = (96, 62, 38)
IRON: RGB = (62, 64, 72)
IRON_LIGHT: RGB = (130, 134, 146)
WALL: RGB = (238, 228, 204)
ROOF: RGB = (78, 84, 98)
STRAW: RGB = (214, 176, 96)

# Fire and warmth: flames, campfires, muzzle flashes
FLAME: RGB = (240, 120, 40)
FLAME_CORE: RGB = (255, 222, 110)

# Map overlays: what a patrol sees (translucent), danger, the solver's path
SIGHT: RGBA = (255, 218, 70, 100)
SIGHT_LINE: RGB = (232, 120, 20)
DANGER: RGB = (214, 40, 34)
PATH: RGB = (255, 244, 214)

# HUD and menus: panels, text and good/bad feedback
PANEL: RGB = (246, 238, 218)
PANEL_BORDER: RGB = (128, 86, 52)
TEXT: RGB = (40, 34, 32)
TEXT_MUTED: RGB = (112, 100, 88)
GOOD: RGB = (56, 128, 70)
BAD: RGB = (192, 48, 40)
