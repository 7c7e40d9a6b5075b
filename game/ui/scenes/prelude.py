"""A chapter's prelude: a briefing-like page shown before its briefing.

Chapter 1 opens with the prologue (why the Long March began) and chapter 2 with the Zunyi
Conference. The page is shown when a pupil opens a chapter none of whose levels is won yet;
Continue goes on to the briefing, Back returns to the route map. The text comes from the
chapter file's ``prelude:`` (see levels/README.md).
"""

from __future__ import annotations

import pygame

from game.content.campaign import Chapter
from game.ui import palette, strings
from game.ui.context import Game
from game.ui.input import BACK_KEYS
from game.ui.outcomes import PreludeRead
from game.ui.scene import Pop, Scene, Transition
from game.ui.scenes.common import button_font, fitting_font, heading
from game.ui.text import draw_text, draw_wrapped, text_height
from game.ui.widgets import Menu, draw_panel, paper_background, row_buttons

_PANEL_BOTTOM = 582
_FACT_GAP = 6


class PreludeScene(Scene):
    """The page before a chapter's briefing: heading, date, 3–5 sentences and key points."""

    name = "prelude"

    def __init__(self, game: Game, chapter_index: int) -> None:
        assert game.campaign is not None
        self.game = game
        self.chapter_index = chapter_index
        self.chapter: Chapter = game.campaign.chapters[chapter_index]
        assert self.chapter.prelude is not None
        self.prelude = self.chapter.prelude
        self.menu = Menu(row_buttons([("continue", game.t(strings.CONTINUE)),
                                      ("back", game.t(strings.BACK))],
                                     center_x=640, top=600, width=300))

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN and event.key in BACK_KEYS:
            return Pop()
        choice = self.menu.handle(event)
        if choice == "continue":
            return PreludeRead(self.chapter_index)
        if choice == "back":
            return Pop()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        game, prelude = self.game, self.prelude
        surface.blit(paper_background(), (0, 0))
        subtitle = game.t(prelude.date) if prelude.date is not None else ""
        top = heading(surface, game, game.t(prelude.title), subtitle)
        panel = pygame.Rect(140, top, 1000, _PANEL_BOTTOM - top)
        draw_panel(surface, panel)
        area, font = self.layout(top)
        y = draw_wrapped(surface, font, game.t(prelude.text), area, line_gap=6)
        if prelude.facts:
            pygame.draw.line(surface, palette.PAPER_DARK, (panel.left + 28, y + 6),
                             (panel.right - 28, y + 6), 1)
            y += 16
            for fact in prelude.facts:
                draw_text(surface, font, "•", (area.left, y), palette.DEEP_RED)
                y = draw_wrapped(surface, font, game.t(fact),
                                 pygame.Rect(area.left + 24, y, area.width - 24,
                                             area.bottom - y), line_gap=2) + _FACT_GAP
        self.menu.draw(surface, button_font(game, self.menu.buttons, sizes=(26, 24, 22, 20)))

    def layout(self, top: int) -> tuple[pygame.Rect, pygame.font.Font]:
        """The text area under the heading (which ends at ``top``) and the largest font at
        which the text and the key points fit in it."""
        area = pygame.Rect(168, top + 18, 944, _PANEL_BOTTOM - top - 30)
        for exact in (False, True):  # enlarged to the text size first, then as given
            for size in (24, 22, 20, 18, 16):
                font = self.game.fonts.get(size, exact=exact)
                if self.needed_height(font, area.width) <= area.height:
                    return area, font
        return area, fitting_font(self.game, self.game.t(self.prelude.text), area,
                                  sizes=(16,), line_gap=6)

    def needed_height(self, font: pygame.font.Font, width: int) -> int:
        """Pixels the text and the key points take at ``font`` in a column ``width`` wide."""
        game = self.game
        height = text_height(font, game.t(self.prelude.text), width, line_gap=6)
        if self.prelude.facts:
            height += 16
            for fact in self.prelude.facts:
                height += text_height(font, game.t(fact), width - 24, line_gap=2) + _FACT_GAP
        return height

    def heading_bottom(self) -> int:
        """Where :func:`heading` ends for this page (the same arithmetic)."""
        game = self.game
        y = 44 + game.fonts.get(44, bold=True).get_linesize()
        if self.prelude.date is not None:
            y += game.fonts.get(24).get_linesize()
        return y + 24
