"""Drawing helpers several scenes share: headings and notices."""

from __future__ import annotations

import pygame

from game.ui import palette
from game.ui.context import Game
from game.ui.input import NEXT_PAGE_KEYS, PREV_PAGE_KEYS
from game.ui.text import draw_text, draw_wrapped, text_height
from game.ui.widgets import Button


def heading_bottom(game: Game, subtitle: bool = False) -> int:
    """The y just below :func:`heading` (at the current text size), without drawing."""
    y = 44 + game.fonts.get(44, bold=True).get_linesize()
    if subtitle:
        y += game.fonts.get(24).get_linesize()
    return y + 24


def heading(surface: pygame.Surface, game: Game, title: str, subtitle: str = "") -> int:
    """A red title with an ink rule under it at the top of the screen; return the y below."""
    font = game.fonts.get(44, bold=True)
    draw_text(surface, font, title, (640, 44), palette.DEEP_RED, anchor="midtop")
    y = 44 + font.get_linesize()
    if subtitle:
        small = game.fonts.get(24)
        draw_text(surface, small, subtitle, (640, y), palette.TEXT_MUTED, anchor="midtop")
        y += small.get_linesize()
    pygame.draw.line(surface, palette.PANEL_BORDER, (240, y + 8), (1040, y + 8), 2)
    return y + 24


def fitting_font(
    game: Game, text: str, area: pygame.Rect, *, sizes: tuple[int, ...], line_gap: int = 6,
    bold: bool = False,
) -> pygame.font.Font:
    """The largest of ``sizes`` (enlarged to the text size, else as given) at which ``text``
    wraps inside ``area`` (else the smallest)."""
    for exact in (False, True):  # at a large text size, the normal sizes before giving up
        for size in sizes:
            font = game.fonts.get(size, bold, exact=exact)
            if text_height(font, text, area.width, line_gap=line_gap) <= area.height:
                return font
    return game.fonts.get(sizes[-1], bold, exact=True)


def button_font(game: Game, buttons: list[Button], *, sizes: tuple[int, ...] = (24, 22, 20, 18),
                bold: bool = False) -> pygame.font.Font:
    """The largest of ``sizes`` (enlarged to the text size, else as given) at which every
    button's label fits on one line inside its button (its width and its height)."""
    for exact in (False, True):
        for size in sizes:
            font = game.fonts.get(size, bold, exact=exact)
            if all(font.size(button.label)[0] <= button.rect.width - 28
                   and font.get_linesize() <= button.rect.height for button in buttons):
                return font
    return game.fonts.get(sizes[-1], bold, exact=True)


def notices(surface: pygame.Surface, game: Game) -> None:
    """Show pending notices (an unreadable save, a failed write) in a red banner at the bottom."""
    if not game.notices:
        return
    font = game.fonts.get(20)
    text = "  ".join(game.t(notice) for notice in game.notices)
    rect = pygame.Rect(40, 600, 1200, 80)
    pygame.draw.rect(surface, palette.WHITE, rect, border_radius=8)
    pygame.draw.rect(surface, palette.BAD, rect, 2, border_radius=8)
    draw_wrapped(surface, font, text, rect.inflate(-24, -16), palette.BAD, line_gap=2)


def page_step(event: pygame.event.Event, choice: str | None, *,
              prev_keys: set[int] = PREV_PAGE_KEYS,
              next_keys: set[int] = NEXT_PAGE_KEYS) -> int:
    """-1 or +1 when the ◀ ▶ buttons (menu keys "prev", "next") or a page key turn the
    page; 0 otherwise. The paged screens (cards, 错题本, credits, controls) share it."""
    if choice in ("prev", "next"):
        return -1 if choice == "prev" else 1
    if event.type == pygame.KEYDOWN:
        if event.key in prev_keys:
            return -1
        if event.key in next_keys:
            return 1
    return 0
