"""The ending: what the Long March meant, its closing quotation, and 七律·长征 line by line,
each line linked to the chapter it belongs to."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

import pygame

from game.content.campaign import Ending, PoemLine
from game.ui import palette, strings
from game.ui.context import Game
from game.ui.input import BACK_KEYS, CONFIRM_KEYS
from game.ui.outcomes import ToTitle
from game.ui.scene import Scene, Transition, appearance
from game.ui.scenes.common import button_font, fitting_font, notices
from game.ui.text import draw_text, draw_wrapped, text_height, wrap
from game.ui.widgets import Menu, draw_panel, paper_background, row_buttons

LEFT = pygame.Rect(56, 92, 556, 540)
RIGHT = pygame.Rect(636, 92, 588, 540)
LINE_SECONDS = 0.6
MEANING_SIZES = (22, 21, 20, 19, 18, 17, 16)


@dataclass(frozen=True, slots=True)
class PoemRow:
    """How one poem line is shown: its text, its chapter tag, and whether it is lit."""

    line: str
    tag: str
    played: bool


class EndingScene(Scene):
    """Shown after the last chapter, and from the title once the campaign is complete."""

    name = "ending"

    def __init__(self, game: Game, ending: Ending) -> None:
        self.game = game
        self.ending = ending
        self.clock = 0.0
        self.rows = [self._row(line) for line in ending.poem]
        self._scale_for: Hashable = None
        self._scale = 1.0
        self.menu = Menu(row_buttons([("title", game.t(strings.ENDING_DONE))], center_x=640,
                                     top=648, width=260, height=48))

    def _row(self, poem_line: PoemLine) -> PoemRow:
        game = self.game
        chapters = game.campaign.chapters if game.campaign is not None else ()
        index = next((i for i, c in enumerate(chapters) if c.id == poem_line.chapter), None)
        if poem_line.chapter is None:
            return PoemRow(game.t(poem_line.line), game.t(strings.ENDING_WHOLE_MARCH), False)
        if index is not None and game.chapter_complete(chapters[index]):
            tag = (game.t(strings.CHAPTER_N.format(n=index + 1)) + " · "
                   + game.t(chapters[index].title))
            return PoemRow(game.t(poem_line.line), tag, True)
        return PoemRow(game.t(poem_line.line), game.t(strings.ENDING_NOT_PLAYED), False)

    @property
    def shown(self) -> int:
        """How many poem lines have appeared so far."""
        return min(len(self.rows), int(self.clock / LINE_SECONDS) + 1)

    @property
    def revealing(self) -> bool:
        """Whether poem lines are still appearing."""
        return self.shown < len(self.rows)

    # ----------------------------------------------------------------- input
    def update(self, dt: float) -> Transition | None:
        self.clock += dt
        return None

    def animating(self) -> bool:
        return self.revealing

    def finish(self) -> Transition | None:
        """Show the whole poem at once, or, when it is all there, go back to the title."""
        if self.revealing:
            self.clock = LINE_SECONDS * len(self.rows)
            return None
        return ToTitle()

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if self.menu.handle(event) == "title":
            return self.finish()
        if event.type == pygame.KEYDOWN and event.key in BACK_KEYS | CONFIRM_KEYS:
            return self.finish()
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            return self.finish()
        return None

    # ----------------------------------------------------------------- drawing
    def draw(self, surface: pygame.Surface) -> None:
        game = self.game
        scale = self.text_scale()
        self.static_layer(surface, (appearance(game), scale), self._draw_static)
        with game.fonts.scaled(scale):
            self._draw_poem(surface)
        if self.revealing:
            draw_text(surface, game.fonts.get(18), game.t(strings.ENDING_SKIP), (640, 672),
                      palette.TEXT_MUTED, anchor="center")
        else:
            self.menu.draw(surface, button_font(game, self.menu.buttons))
        notices(surface, game)

    def _draw_static(self, surface: pygame.Surface) -> None:
        """Paper, heading, both panels and the meaning (a static layer)."""
        game = self.game
        surface.blit(paper_background(), (0, 0))
        draw_text(surface, game.fonts.get(40, bold=True), game.t(self.ending.title),
                  (640, 20), palette.DEEP_RED, anchor="midtop")
        draw_panel(surface, LEFT)
        draw_panel(surface, RIGHT)
        with game.fonts.scaled(self.text_scale()):
            self._draw_meaning(surface)

    def _meaning_layout(self) -> tuple[pygame.Rect, pygame.Rect, bool]:
        """The quotation's box, the area left for the meaning above it, and whether the
        meaning fits there at the smallest size."""
        game, ending = self.game, self.ending
        width = LEFT.width - 48
        quote_font, source_font = game.fonts.get(22, bold=True), game.fonts.get(17)
        quote = game.t(ending.quote)
        source = game.t(strings.SOURCE_DASH) + game.t(ending.quote_source)
        quote_height = (text_height(quote_font, quote, width - 24, line_gap=2)
                        + text_height(source_font, source, width - 24, line_gap=0) + 26)
        box = pygame.Rect(LEFT.left + 16, LEFT.bottom - 16 - quote_height, LEFT.width - 32,
                          quote_height)
        area = pygame.Rect(LEFT.left + 24, LEFT.top + 20, width, box.top - LEFT.top - 32)
        smallest = game.fonts.get(MEANING_SIZES[-1])
        fits = text_height(smallest, game.t(ending.meaning), width, line_gap=4) <= area.height
        return box, area, fits

    def _poem_top(self) -> int:
        """Where the poem's first line goes, below its title and source."""
        game = self.game
        width = RIGHT.width - 48
        y = RIGHT.top + 16 + game.fonts.get(28, bold=True).get_linesize()
        y += text_height(game.fonts.get(17), game.t(self.ending.poem_source), width, line_gap=0)
        return y + 16

    def _poem_sizes(self) -> tuple[int, ...]:
        return (28, 26, 24, 22) if self.game.lang == "zh" else (21, 20, 19, 18, 17, 16)

    def _fits(self) -> bool:
        """Whether both panels fit at the current text size."""
        game = self.game
        line_font = game.fonts.get(self._poem_sizes()[-1], bold=True)
        layout = self._poem_layout(line_font, game.fonts.get(17), RIGHT.width - 48)
        poem_fits = sum(h for *_, h in layout) <= RIGHT.bottom - 12 - self._poem_top()
        return poem_fits and self._meaning_layout()[2]

    def text_scale(self) -> float:
        """The largest text size, up to the pupil's, at which both panels fit (measured
        again only when the language, text size or colours change)."""
        key = appearance(self.game)
        if key != self._scale_for:
            self._scale_for, self._scale = key, self._largest_fitting_scale()
        return self._scale

    def _largest_fitting_scale(self) -> float:
        fonts = self.game.fonts
        for scale in fonts.fallback_scales():
            with fonts.scaled(scale):
                if self._fits():
                    return scale
        return 1.0

    def _draw_meaning(self, surface: pygame.Surface) -> None:
        game, ending = self.game, self.ending
        quote_font, source_font = game.fonts.get(22, bold=True), game.fonts.get(17)
        quote = game.t(ending.quote)
        source = game.t(strings.SOURCE_DASH) + game.t(ending.quote_source)
        box, area, _ = self._meaning_layout()
        meaning = game.t(ending.meaning)
        font = fitting_font(game, meaning, area, sizes=MEANING_SIZES, line_gap=4)
        draw_wrapped(surface, font, meaning, area, line_gap=4)
        pygame.draw.rect(surface, palette.PAPER, box, border_radius=8)
        pygame.draw.line(surface, palette.RED, (box.left + 8, box.top + 10),
                         (box.left + 8, box.bottom - 10), 4)
        inner = pygame.Rect(box.left + 24, box.top + 12, box.width - 36, box.height)
        y = draw_wrapped(surface, quote_font, quote, inner, palette.DEEP_RED, line_gap=2)
        draw_wrapped(surface, source_font, source, pygame.Rect(inner.left, y + 2, inner.width,
                                                               80), palette.TEXT_MUTED,
                     line_gap=0)

    def _poem_layout(self, line_font: pygame.font.Font, tag_font: pygame.font.Font,
                     width: int) -> list[tuple[list[str], bool, int]]:
        """Per row: the wrapped line, whether the tag shares the last line, and the height."""
        layout = []
        for row in self.rows:
            lines = wrap(line_font, row.line, width)
            beside = line_font.size(lines[-1])[0] + 24 + tag_font.size(row.tag)[0] <= width
            height = len(lines) * line_font.get_linesize() + (
                0 if beside else tag_font.get_linesize() - 4) + 6
            layout.append((lines, beside, height))
        return layout

    def _draw_poem(self, surface: pygame.Surface) -> None:
        game, ending = self.game, self.ending
        left, width = RIGHT.left + 24, RIGHT.width - 48
        y = RIGHT.top + 16
        draw_text(surface, game.fonts.get(28, bold=True), game.t(strings.ENDING_POEM),
                  (left, y), palette.RED)
        y += game.fonts.get(28, bold=True).get_linesize()
        y = draw_wrapped(surface, game.fonts.get(17), game.t(ending.poem_source),
                         pygame.Rect(left, y, width, 60), palette.TEXT_MUTED, line_gap=0)
        pygame.draw.line(surface, palette.PAPER_DARK, (left, y + 6), (RIGHT.right - 24, y + 6), 1)
        y += 16
        room = RIGHT.bottom - 12 - y
        sizes = self._poem_sizes()
        tag_font = game.fonts.get(17)
        line_font = game.fonts.get(sizes[-1], bold=True)
        for size in sizes:
            line_font = game.fonts.get(size, bold=True)
            if sum(h for *_, h in self._poem_layout(line_font, tag_font, width)) <= room:
                break
        layout = self._poem_layout(line_font, tag_font, width)
        for index, (row, (lines, beside, height)) in enumerate(zip(self.rows, layout,
                                                                   strict=True)):
            if index >= self.shown:
                break
            color = palette.INK if row.played else palette.TEXT_MUTED
            line_y = y
            for text in lines:
                draw_text(surface, line_font, text, (left, line_y), color)
                line_y += line_font.get_linesize()
            tag_color = palette.DEEP_RED if row.played else palette.TEXT_MUTED
            if beside:
                draw_text(surface, tag_font, row.tag,
                          (RIGHT.right - 24, line_y - line_font.get_linesize() // 2), tag_color,
                          anchor="midright")
            else:
                draw_text(surface, tag_font, row.tag, (RIGHT.right - 24, line_y - 4), tag_color,
                          anchor="topright")
            y += height
