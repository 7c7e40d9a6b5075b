"""The chapter briefing: when, where, what happened and why it mattered."""

from __future__ import annotations

import pygame

from game.ui import palette, strings
from game.ui.context import Game
from game.ui.input import BACK_KEYS
from game.ui.outcomes import ChapterBegun
from game.ui.scene import Pop, Scene, Transition
from game.ui.scenes.common import button_font, fitting_font, heading
from game.ui.text import draw_text, draw_wrapped, text_height
from game.ui.widgets import Menu, draw_panel, paper_background, row_buttons


class BriefingScene(Scene):
    """Shown before a chapter's first level."""

    name = "briefing"

    def __init__(self, game: Game, chapter_index: int) -> None:
        assert game.campaign is not None
        self.game = game
        self.chapter_index = chapter_index
        self.chapter = game.campaign.chapters[chapter_index]
        self.menu = Menu(row_buttons([("begin", game.t(strings.BEGIN)),
                                      ("back", game.t(strings.BACK))],
                                     center_x=640, top=600))

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN and event.key in BACK_KEYS:
            return Pop()
        choice = self.menu.handle(event)
        if choice == "begin":
            return ChapterBegun(self.chapter_index)
        if choice == "back":
            return Pop()
        return None

    def text_scale(self) -> float:
        """The largest text size, up to the pupil's, at which the briefing fits."""
        fonts = self.game.fonts
        for scale in fonts.fallback_scales():
            with fonts.scaled(scale):
                area, font = self.briefing_layout(self.header_bottom())
                text = self.game.t(self.chapter.briefing)
                if text_height(font, text, area.width, line_gap=6) <= area.height:
                    return scale
        return 1.0

    def draw(self, surface: pygame.Surface) -> None:
        with self.game.fonts.scaled(self.text_scale()):
            self._draw(surface)

    def _draw(self, surface: pygame.Surface) -> None:
        game, chapter = self.game, self.chapter
        surface.blit(paper_background(), (0, 0))
        top = heading(surface, game, game.t(chapter.title), game.t(strings.BRIEFING))
        panel = pygame.Rect(140, top, 1000, 582 - top)
        draw_panel(surface, panel)
        label = game.fonts.get(22, bold=True)
        body = game.fonts.get(22)
        y = panel.top + 20
        for name, value in ((strings.WHEN, chapter.date), (strings.WHERE, chapter.place)):
            rect = draw_text(surface, label, game.t(name), (panel.left + 28, y), palette.DEEP_RED)
            y = draw_wrapped(surface, body, game.t(value),
                             pygame.Rect(rect.right + 16, y, panel.right - rect.right - 60, 80),
                             line_gap=2)
        pygame.draw.line(surface, palette.PAPER_DARK, (panel.left + 28, y + 4),
                         (panel.right - 28, y + 4), 1)
        area, text_font = self.briefing_layout(y)
        draw_wrapped(surface, text_font, game.t(chapter.briefing), area, line_gap=6)
        self.menu.draw(surface, button_font(game, self.menu.buttons, sizes=(26, 24, 22, 20)))

    def briefing_layout(self, top: int) -> tuple[pygame.Rect, pygame.font.Font]:
        """The area under the date and place, starting at ``top``, and the largest font
        at which the briefing fits in it."""
        area = pygame.Rect(168, top + 18, 944, 582 - top - 30)
        text = self.game.t(self.chapter.briefing)
        return area, fitting_font(self.game, text, area, sizes=(24, 22, 20, 18), line_gap=6)

    def header_bottom(self) -> int:
        """Where the date and place lines end (the same arithmetic as :meth:`draw`)."""
        game = self.game
        title = game.fonts.get(44, bold=True).get_linesize() + game.fonts.get(24).get_linesize()
        y = 44 + title + 24 + 20
        label, body = game.fonts.get(22, bold=True), game.fonts.get(22)
        for name, value in ((strings.WHEN, self.chapter.date),
                            (strings.WHERE, self.chapter.place)):
            width = 1140 - (168 + label.size(game.t(name))[0]) - 60
            y += text_height(body, game.t(value), width, line_gap=2)
        return y
