"""The level's status bar: which figures a level shows, each mechanic adding its own.

A new mechanic adds its figure in :func:`hud_items`; the bar fits them and the title in.
"""

from __future__ import annotations

import pygame

from game.core.level import Level
from game.core.state import State
from game.i18n import Lang, Text
from game.ui import palette, strings
from game.ui.level_texts import troops_needed
from game.ui.sprites import Sprites
from game.ui.text import Fonts, draw_text

HudItem = tuple[str, Text, tuple[int, int, int]]
"""(icon name, text, colour)."""


def hud_items(level: Level, state: State) -> list[HudItem]:
    """The figures for this level and state, from the right edge leftwards."""
    needed = troops_needed(level)
    troops = strings.TROOPS.format(troops=state.troops)
    items: list[HudItem] = [
        ("troops", troops if needed is None else troops + strings.TROOPS_NEEDED.format(n=needed),
         palette.BAD if needed is not None and state.troops < needed else palette.TEXT),
        ("turn", strings.TURN.format(turn=state.turn, limit=level.turn_limit),
         palette.BAD if level.turn_limit - state.turn <= 3 else palette.TEXT),
    ]
    goal = level.goal
    if goal.kind == "ferry":
        items.append(("boat", strings.FERRIED.format(n=state.ferried, total=goal.units),
                      palette.GOOD if state.ferried >= goal.units else palette.TEXT))
        boats = level.carrying("boat", state.taken)
        if any(item.kind == "boatman" for item in level.items):
            label = strings.BOATS_AND_MEN.format(boats=boats,
                                                men=level.carrying("boatman", state.taken))
        else:
            label = strings.BOATS.format(boats=boats)
        items.append(("flag", label, palette.TEXT))
    if state.turn < level.disguise:
        items.append(("star", strings.DISGUISE.format(n=level.disguise - state.turn),
                      palette.GOOD))
    if goal.kind == "meet":
        armies = 1 + len(level.allies)
        items.append(("flag", strings.MET.format(n=state.held, total=armies),
                      palette.GOOD if state.held == armies else palette.TEXT))
    if goal.kind == "hold":
        items.append(("flag", strings.HELD_TURNS.format(n=state.held, total=goal.hold),
                      palette.GOOD if state.held else palette.TEXT))
    if level.reliefs:
        left = sum(1 for marched in state.reliefs if marched >= 0)
        items.append(("troops", strings.RELIEFS_LEFT.format(n=left),
                      palette.BAD if left else palette.GOOD))
    if level.warmth:
        items.append(("warmth", strings.WARMTH.format(n=state.warmth, total=level.warmth),
                      palette.BAD if state.warmth <= 3 else palette.TEXT))
        if level.weather:
            storm = level.blizzard_on(state.turn + 1)
            items.append(("flag", strings.BLIZZARD_NEXT if storm else strings.CALM_NEXT,
                          palette.BAD if storm else palette.GOOD))
    if any(item.kind == "comrade" for item in level.items):
        items.append(("troops", strings.COMRADES.format(
            n=level.carrying("comrade", state.taken),
            total=sum(1 for item in level.items if item.kind == "comrade")), palette.TEXT))
    if level.fires:
        firing = any(fire.firing_on(state.turn + 1) for fire in level.fires)
        items.append(("flag", strings.FIRE_NEXT if firing else strings.FIRE_QUIET,
                      palette.BAD if firing else palette.GOOD))
    if goal.crossings:
        items.append(("boat", strings.CROSSINGS.format(n=state.crossings, total=goal.crossings),
                      palette.GOOD if state.crossings >= goal.crossings else palette.TEXT))
    return items


def draw_hud(surface: pygame.Surface, bar: pygame.Rect, titles: list[str],
             items: list[HudItem], lang: Lang, fonts: Fonts, sprites: Sprites) -> None:
    """Draw the figures right-aligned, then the first of ``titles`` (longest first) that
    fits in the room left, shrinking the font before falling back to a shorter title."""
    icon_size, gap = 28, 24
    texts = [(icon, text[lang], color) for icon, text, color in items]
    font = fonts.get(24, bold=True)
    for size in (24, 22, 20, 18):
        font = fonts.get(size, bold=True)
        width = sum(font.size(text)[0] + icon_size + 6 + gap for _, text, _ in texts)
        if width <= bar.width * 0.72:
            break
    right = bar.right - 18
    for icon, text, color in texts:
        rect = draw_text(surface, font, text, (right, bar.centery), color, anchor="midright")
        image = sprites.icon(icon, icon_size)
        surface.blit(image, image.get_rect(midright=(rect.left - 6, bar.centery)))
        right = rect.left - icon_size - 6 - gap
    room = right - (bar.left + 18)
    candidates = [(title, fonts.get(size, bold=True)) for title in titles
                  for size in (24, 22, 20, 18)]
    for title, title_font in candidates:
        if title_font.size(title)[0] <= room:
            break
    else:
        title, title_font = titles[-1], fonts.get(18, bold=True)
        while len(title) > 1 and title_font.size(title + "…")[0] > room:
            title = title[:-1]
        title += "…"
    draw_text(surface, title_font, title, (bar.left + 18, bar.centery), palette.DEEP_RED,
              anchor="midleft")
