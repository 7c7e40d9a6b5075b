"""The controls screen (F1 anywhere, or from the title and the pause menu): every key, and
what a mouse or a touch screen does instead, in a table that fits at every text size."""

from __future__ import annotations

import pygame

from game.i18n import Text
from game.ui import palette, strings
from game.ui.context import Game
from game.ui.input import (
    BACK_KEYS,
    HELP_KEYS,
    MENU_DOWN_KEYS,
    MENU_UP_KEYS,
    NEXT_PAGE_KEYS,
    PREV_PAGE_KEYS,
)
from game.ui.scene import Pop, Scene, Transition
from game.ui.scenes.common import button_font, heading, heading_bottom, notices, page_step
from game.ui.scenes.profiles import fit_line
from game.ui.text import draw_text, draw_wrapped, text_height
from game.ui.widgets import Button, Menu, draw_panel, paper_background

TABLE_BOTTOM = 636
KEY_WIDTH = 300
SIZES = (24, 22, 20, 18, 16)
ROW_GAP = 8

Section = tuple[Text, tuple[tuple[Text, Text], ...]]
SECTIONS: tuple[Section, ...] = ((strings.HELP_IN_LEVEL, strings.HELP_ROWS_LEVEL),
                                 (strings.HELP_IN_MENUS, strings.HELP_ROWS_MENUS))


def table_height(game: Game, sections: tuple[Section, ...], font: pygame.font.Font,
                 bold: pygame.font.Font, width: int) -> int:
    """Height of a table of ``sections`` (keys in ``bold``, the rest in ``font``)."""
    inner = width - 48
    height = 16
    for _title, rows in sections:
        height += font.get_linesize() + ROW_GAP
        for key, what in rows:
            height += max(text_height(bold, game.t(key), KEY_WIDTH - 16, line_gap=0),
                          text_height(font, game.t(what), inner - KEY_WIDTH, line_gap=0))
            height += ROW_GAP
        height += ROW_GAP
    return height


def table_rect(game: Game) -> pygame.Rect:
    """The table's panel: under the heading, above the Back button."""
    top = heading_bottom(game, subtitle=True)
    return pygame.Rect(120, top, 1040, TABLE_BOTTOM - top)


def table_fonts(game: Game, sections: tuple[Section, ...],
                *, exact: bool = True) -> tuple[pygame.font.Font, pygame.font.Font] | None:
    """The largest regular and bold fonts at which ``sections`` fit in the table: enlarged to
    the text size, then (when ``exact``) as given; None when none does."""
    table = table_rect(game)
    for as_given in (False, True) if exact else (False,):
        for size in SIZES:
            font = game.fonts.get(size, exact=as_given)
            bold = game.fonts.get(size, True, exact=as_given)
            if table_height(game, sections, font, bold, table.width) <= table.height:
                return font, bold
    return None


def help_pages(game: Game) -> list[tuple[Section, ...]]:
    """Everything on one page when it fits at the text size, else a page per section."""
    if table_fonts(game, SECTIONS, exact=False) is not None:
        return [SECTIONS]
    return [(section,) for section in SECTIONS]


class HelpScene(Scene):
    """Keys and taps; Esc, Enter, F1 or Back returns; ◀ ▶ turn the pages at large text."""

    name = "help"

    def __init__(self, game: Game) -> None:
        self.game = game
        self.pages = help_pages(game)
        self.page = 0
        buttons = [Button("back", game.t(strings.BACK), pygame.Rect(44, 652, 150, 46))]
        if len(self.pages) > 1:
            buttons += [Button("prev", "◀", pygame.Rect(1030, 652, 64, 46), enabled=False),
                        Button("next", "▶", pygame.Rect(1170, 652, 64, 46))]
        self.menu = Menu(buttons)

    def turn(self, step: int) -> None:
        """Show the previous or next page."""
        self.page = max(0, min(len(self.pages) - 1, self.page + step))
        if len(self.pages) > 1:
            self.menu.find("prev").enabled = self.page > 0
            self.menu.find("next").enabled = self.page + 1 < len(self.pages)

    def handle(self, event: pygame.event.Event) -> Transition | None:
        choice = self.menu.handle(event)
        if choice == "back":
            return Pop()
        if step := page_step(event, choice, prev_keys=PREV_PAGE_KEYS - MENU_UP_KEYS,
                             next_keys=NEXT_PAGE_KEYS - MENU_DOWN_KEYS):
            self.turn(step)
        elif event.type == pygame.KEYDOWN and event.key in BACK_KEYS | HELP_KEYS:
            return Pop()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        game = self.game
        surface.blit(paper_background(), (0, 0))
        heading(surface, game, game.t(strings.HELP_TITLE), game.t(strings.HELP_SUBTITLE))
        table = table_rect(game)
        draw_panel(surface, table)
        sections = self.pages[self.page]
        fonts = table_fonts(game, sections)
        font, title_font = fonts if fonts is not None else (
            game.fonts.get(SIZES[-1], exact=True), game.fonts.get(SIZES[-1], True, exact=True))
        inner = table.width - 48
        y = table.top + 16
        for title, rows in sections:
            draw_text(surface, title_font, game.t(title), (table.left + 24, y), palette.DEEP_RED)
            y += font.get_linesize() + ROW_GAP
            for key, what in rows:
                left = pygame.Rect(table.left + 24, y, KEY_WIDTH - 16, table.bottom - y)
                right = pygame.Rect(table.left + 24 + KEY_WIDTH, y, inner - KEY_WIDTH,
                                    table.bottom - y)
                bottom = max(draw_wrapped(surface, title_font, game.t(key), left, palette.INK,
                                          line_gap=0),
                             draw_wrapped(surface, font, game.t(what), right, palette.TEXT,
                                          line_gap=0))
                y = bottom + ROW_GAP
            y += ROW_GAP
        self.menu.draw(surface, button_font(game, self.menu.buttons))
        if len(self.pages) > 1:
            page = strings.PAGE_OF.format(n=self.page + 1, total=len(self.pages))
            draw_text(surface, game.fonts.get(20), game.t(page), (1132, 675),
                      palette.TEXT_MUTED, anchor="center")
        hint, text = fit_line(game, game.t(strings.HELP_HINT), 2 * (640 - 214), sizes=(18, 16))
        draw_text(surface, hint, text, (640, 664), palette.TEXT_MUTED, anchor="midtop")
        notices(surface, game)
