"""The level's status bar: which figures a level shows, each mechanic adding its own.

A new mechanic adds its figure in :func:`hud_items`; the bar fits them and the title in.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.core.level import Level
from game.core.state import State, point_fallen
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
        items.append(("ferried", strings.FERRIED.format(n=state.ferried, total=goal.units),
                      palette.GOOD if state.ferried >= goal.units else palette.TEXT))
        items.append(("boat", strings.BOATS.format(boats=level.carrying("boat", state.taken)),
                      palette.TEXT))
        if any(item.kind == "boatman" for item in level.items):
            items.append(("boatman", strings.BOATMEN.format(
                men=level.carrying("boatman", state.taken)), palette.TEXT))
    if state.turn < level.disguise:
        items.append(("disguise", strings.DISGUISE.format(n=level.disguise - state.turn),
                      palette.GOOD))
    if goal.kind == "meet":
        armies = 1 + len(level.allies)
        items.append(("meet", strings.MET.format(n=state.held, total=armies),
                      palette.GOOD if state.held == armies else palette.TEXT))
    if goal.kind == "hold":
        items.append(("hold", strings.HELD_TURNS.format(n=state.held, total=goal.hold),
                      palette.GOOD if state.held else palette.TEXT))
    if level.reliefs:
        left = sum(1 for marched in state.reliefs if marched >= 0)
        items.append(("relief", strings.RELIEFS_LEFT.format(n=left),
                      palette.BAD if left else palette.GOOD))
    if level.siege:
        fallen = point_fallen(level, state)
        items.append(("point", strings.POINT_FALLEN if fallen else strings.POINT_BESIEGED
                      if state.besieged else strings.POINT_HELD,
                      palette.GOOD if fallen else palette.TEXT))
    if level.warmth:
        items.append(("warmth", strings.WARMTH.format(n=state.warmth, total=level.warmth),
                      palette.BAD if state.warmth <= 3 else
                      palette.GOOD if state.warmth > level.warmth else palette.TEXT))
        bowls = sum(1 for item in level.items if item.kind == "ginger")
        if bowls:
            drunk = level.carrying("ginger", state.taken)
            items.append(("ginger", strings.GINGER.format(n=drunk, total=bowls),
                          palette.GOOD if drunk == bowls else palette.TEXT))
        if level.weather:
            storm = level.blizzard_on(state.turn + 1)
            items.append(("blizzard", strings.BLIZZARD_NEXT if storm else strings.CALM_NEXT,
                          palette.BAD if storm else palette.GOOD))
    if any(item.kind == "comrade" for item in level.items):
        items.append(("comrade", strings.COMRADES.format(
            n=level.carrying("comrade", state.taken),
            total=sum(1 for item in level.items if item.kind == "comrade")), palette.TEXT))
    if level.fires:
        firing = any(fire.firing_on(state.turn + 1) for fire in level.fires)
        items.append(("fire", strings.FIRE_NEXT if firing else strings.FIRE_QUIET,
                      palette.BAD if firing else palette.GOOD))
    if level.baggage:
        loaded = level.loaded(state.taken)
        items.append(("baggage", strings.BAGGAGE_LOADED if loaded else strings.BAGGAGE_LIGHT,
                      palette.BAD if loaded else palette.GOOD))
    if level.pontoons:
        free = level.kits - state.bridges.bit_count()
        items.append(("pontoon", strings.BRIDGE_KITS.format(free=free, total=level.kits),
                      palette.GOOD if free else palette.TEXT))
    if goal.crossings:
        items.append(("crossing", strings.CROSSINGS.format(n=state.crossings, total=goal.crossings),
                      palette.GOOD if state.crossings >= goal.crossings else palette.TEXT))
    return items


#: Figure styles, roomiest first: (font size, icon size, gap between figures).
STYLES = ((24, 28, 24), (22, 28, 20), (20, 26, 16), (18, 24, 14), (17, 22, 12), (16, 22, 10),
          (15, 20, 8))
TITLE_SIZES = (24, 22, 20, 18)
MARGIN = 18


@dataclass(frozen=True, slots=True)
class HudLayout:
    """How the bar is filled: the title shown and its font size, the figures' style."""

    title: str
    title_size: int
    style: tuple[int, int, int]
    fits: bool
    """False only when even the shortest title had to be cut (a test keeps it True)."""


def _figures_width(texts: list[str], fonts: Fonts, style: tuple[int, int, int]) -> int:
    size, icon, gap = style
    font = fonts.get(size, bold=True)
    return sum(font.size(text)[0] + icon + 6 for text in texts) + gap * (len(texts) - 1)


def fit_hud(width: int, titles: list[str], items: list[HudItem], lang: Lang,
            fonts: Fonts) -> HudLayout:
    """Fit the figures and a title into a bar ``width`` wide. The last of ``titles`` (the
    shortest, e.g. "Level 2 · name") is never dropped: the figures get smaller first; longer
    titles are shown when there is room."""
    texts = [text[lang] for _, text, _ in items]
    inner = width - 2 * MARGIN
    style = STYLES[-1]
    for candidate in STYLES:
        used = _figures_width(texts, fonts, candidate)
        # The title is never drawn smaller than the figures beside it when they could
        # shrink instead: big figures must not crowd a long level name into small print.
        title_size = max(TITLE_SIZES[-1], min(candidate[0], TITLE_SIZES[0]))
        shortest = fonts.get(title_size, bold=True).size(titles[-1])[0]
        if used <= inner * 0.72 and used + candidate[2] + shortest <= inner:
            style = candidate
            break
    room = inner - _figures_width(texts, fonts, style) - style[2]
    smallest = max(TITLE_SIZES[-1], min(style[0], TITLE_SIZES[0]))
    for title in titles:
        for size in TITLE_SIZES:
            if size < smallest and title != titles[-1]:
                break  # a shorter title in larger print reads better than small print
            if fonts.get(size, bold=True).size(title)[0] <= room:
                return HudLayout(title, size, style, True)
    title, font = titles[-1], fonts.get(TITLE_SIZES[-1], bold=True)
    while len(title) > 1 and font.size(title + "…")[0] > room:
        title = title[:-1]
    return HudLayout(title + "…", TITLE_SIZES[-1], style, False)


def draw_hud(surface: pygame.Surface, bar: pygame.Rect, titles: list[str],
             items: list[HudItem], lang: Lang, fonts: Fonts, sprites: Sprites) -> HudLayout:
    """Draw the figures right-aligned, each with its icon, and the title on the left (see
    :func:`fit_hud`); return the layout used."""
    layout = fit_hud(bar.width, titles, items, lang, fonts)
    size, icon_size, gap = layout.style
    font = fonts.get(size, bold=True)
    right = bar.right - MARGIN
    for icon, text, color in items:
        rect = draw_text(surface, font, text[lang], (right, bar.centery), color,
                         anchor="midright")
        image = sprites.icon(icon, icon_size)
        surface.blit(image, image.get_rect(midright=(rect.left - 6, bar.centery)))
        right = rect.left - icon_size - 6 - gap
    draw_text(surface, fonts.get(layout.title_size, bold=True), layout.title,
              (bar.left + MARGIN, bar.centery), palette.DEEP_RED, anchor="midleft")
    return layout
