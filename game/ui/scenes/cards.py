"""The history cards (知识卡片) gallery: one card per chapter, one card per page.

Earned cards show the chapter's title, date, place, key facts and quotation; cards still to
earn show a locked silhouette.
"""

from __future__ import annotations

import pygame

from game.content.campaign import Chapter, HistoryCard
from game.ui import palette, strings
from game.ui.context import Game
from game.ui.input import BACK_KEYS
from game.ui.scene import Pop, Scene, Transition
from game.ui.scenes.common import fitting_font, notices, page_step
from game.ui.text import draw_text, draw_wrapped, text_height
from game.ui.widgets import Button, Menu, paper_background

CARD = pygame.Rect(150, 104, 980, 532)
LEFT_WIDTH = 360
DOT_RADIUS = 13
DOTS_Y = 675
FACT_SIZES = (22, 21, 20, 19, 18, 17, 16, 15, 14)
FACT_GAPS = (12, 6)
"""The gap between key facts: smaller before the facts' text gets smaller still."""


class CardsScene(Scene):
    """Turn the pages with ← →, the arrow buttons or the numbered dots; Esc goes back."""

    name = "cards"

    def __init__(self, game: Game, chapter_index: int = 0) -> None:
        assert game.campaign is not None
        self.game = game
        self.chapters = game.campaign.chapters
        self.page = max(0, min(chapter_index, len(self.chapters) - 1))
        self.menu = Menu([Button("back", game.t(strings.BACK), pygame.Rect(44, 652, 150, 46)),
                          Button("prev", "◀", pygame.Rect(62, 340, 64, 64)),
                          Button("next", "▶", pygame.Rect(1154, 340, 64, 64))], keyboard=False)
        self._mark()

    def earned(self, index: int) -> bool:
        """Whether the pupil has earned chapter ``index``'s card."""
        return self.chapters[index].id in self.game.progress.cards

    def _dot(self, index: int) -> tuple[int, int]:
        gap = 40
        left = 640 - gap * (len(self.chapters) - 1) // 2
        return left + index * gap, DOTS_Y

    def _mark(self) -> None:
        self.menu.find("prev").enabled = self.page > 0
        self.menu.find("next").enabled = self.page + 1 < len(self.chapters)

    # ----------------------------------------------------------------- input
    def turn(self, step: int) -> None:
        """Go ``step`` cards forward (or back), staying inside the gallery."""
        self.page = max(0, min(len(self.chapters) - 1, self.page + step))
        self._mark()

    def handle(self, event: pygame.event.Event) -> Transition | None:
        choice = self.menu.handle(event)
        if choice == "back":
            return Pop()
        if step := page_step(event, choice):
            self.turn(step)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for index in range(len(self.chapters)):
                x, y = self._dot(index)
                if (event.pos[0] - x) ** 2 + (event.pos[1] - y) ** 2 <= (DOT_RADIUS + 4) ** 2:
                    self.turn(index - self.page)
        elif event.type == pygame.KEYDOWN and event.key in BACK_KEYS:
            return Pop()
        return None

    # ----------------------------------------------------------------- drawing
    def draw(self, surface: pygame.Surface) -> None:
        game = self.game
        surface.blit(paper_background(), (0, 0))
        draw_text(surface, game.fonts.get(34, bold=True), game.t(strings.CARDS_TITLE),
                  (640, 22), palette.DEEP_RED, anchor="midtop")
        count = sum(1 for i in range(len(self.chapters)) if self.earned(i))
        draw_text(surface, game.fonts.get(20), game.t(strings.CARDS_COUNT.format(
            n=count, total=len(self.chapters))), (1130, 70), palette.GOLD_DARK,
                  anchor="bottomright")
        chapter = self.chapters[self.page]
        if self.earned(self.page):
            with game.fonts.scaled(self.card_scale(chapter)):
                self._draw_card(surface, chapter)
        else:
            self._draw_locked(surface, chapter)
        self.menu.draw(surface, game.fonts.get(26))
        self._draw_dots(surface)
        notices(surface, game)

    def _draw_dots(self, surface: pygame.Surface) -> None:
        font = self.game.fonts.get(16, bold=True)
        for index in range(len(self.chapters)):
            center = self._dot(index)
            current = index == self.page
            earned = self.earned(index)
            fill = palette.RED if current else palette.GOLD if earned else palette.PAPER_DARK
            pygame.draw.circle(surface, fill, center, DOT_RADIUS)
            pygame.draw.circle(surface, palette.DEEP_RED if current else palette.PANEL_BORDER,
                               center, DOT_RADIUS, 2)
            draw_text(surface, font, str(index + 1), center,
                      palette.WHITE if current else palette.INK if earned else palette.TEXT_MUTED,
                      anchor="center")

    def _frame(self, surface: pygame.Surface, fill: tuple[int, int, int],
               edge: tuple[int, int, int]) -> None:
        shadow = pygame.Surface(CARD.size, pygame.SRCALPHA)
        pygame.draw.rect(shadow, (0, 0, 0, 70), shadow.get_rect(), border_radius=16)
        surface.blit(shadow, CARD.move(6, 8))
        pygame.draw.rect(surface, fill, CARD, border_radius=16)
        pygame.draw.rect(surface, edge, CARD, 3, border_radius=16)
        pygame.draw.rect(surface, edge, CARD.inflate(-16, -16), 1, border_radius=12)

    def _seal(self, surface: pygame.Surface, index: int, topleft: tuple[int, int]) -> pygame.Rect:
        rect = pygame.Rect(topleft, (56, 56))
        pygame.draw.rect(surface, palette.RED, rect, border_radius=6)
        pygame.draw.rect(surface, palette.WHITE, rect.inflate(-8, -8), 2, border_radius=4)
        draw_text(surface, self.game.fonts.get(30, bold=True), str(index + 1), rect.center,
                  palette.WHITE, anchor="center")
        return rect

    def _card_fits(self, chapter: Chapter) -> bool:
        """Whether the card's two columns fit at the current text size (smallest fonts)."""
        game, card = self.game, chapter.card
        left = (CARD.top + 30 + 56 + 14
                + text_height(game.fonts.get(30, bold=True), game.t(chapter.title), LEFT_WIDTH,
                              line_gap=0)
                + 4 + text_height(game.fonts.get(20), game.t(chapter.date), LEFT_WIDTH,
                                  line_gap=0)
                + 6 + text_height(game.fonts.get(16), game.t(chapter.place), LEFT_WIDTH,
                                  line_gap=2) + 20
                + (self._quote_height(card) if card else 0))
        if left > CARD.bottom - 36:
            return False
        if card is None:
            return True
        divider = CARD.left + LEFT_WIDTH + 64
        width = CARD.right - divider - 68 - 26
        smallest = game.fonts.get(FACT_SIZES[-1])
        facts = sum(text_height(smallest, game.t(fact), width, line_gap=3) + FACT_GAPS[-1]
                    for fact in card.facts)
        return facts <= CARD.height - 68 - 40

    def card_scale(self, chapter: Chapter) -> float:
        """The largest text size, up to the pupil's, at which the card fits."""
        fonts = self.game.fonts
        for scale in fonts.fallback_scales():
            with fonts.scaled(scale):
                if self._card_fits(chapter):
                    return scale
        return 1.0

    def _draw_card(self, surface: pygame.Surface, chapter: Chapter) -> None:
        game = self.game
        self._frame(surface, palette.PANEL, palette.GOLD_DARK)
        left = CARD.left + 36
        seal = self._seal(surface, self.page, (left, CARD.top + 30))
        small_bold = game.fonts.get(18, bold=True)
        draw_text(surface, small_bold, game.t(strings.CARD_TITLE), (seal.right + 14, seal.top + 2),
                  palette.DEEP_RED)
        draw_text(surface, game.fonts.get(18),
                  game.t(strings.CHAPTER_N.format(n=self.page + 1)),
                  (seal.right + 14, seal.top + 28), palette.TEXT_MUTED)
        y = draw_wrapped(surface, game.fonts.get(30, bold=True), game.t(chapter.title),
                         pygame.Rect(left, seal.bottom + 14, LEFT_WIDTH, 90), palette.INK,
                         line_gap=0)
        y = draw_wrapped(surface, game.fonts.get(20), game.t(chapter.date),
                         pygame.Rect(left, y + 4, LEFT_WIDTH, 60), palette.DEEP_RED, line_gap=0)
        card = chapter.card
        quote_top = CARD.bottom - 36 - (self._quote_height(card) if card else 0)
        place_area = pygame.Rect(left, y + 6, LEFT_WIDTH, quote_top - y - 20)
        place = game.t(chapter.place)
        draw_wrapped(surface, fitting_font(game, place, place_area, sizes=(19, 18, 17, 16),
                                           line_gap=2),
                     place, place_area, palette.TEXT_MUTED, line_gap=2)
        divider = CARD.left + LEFT_WIDTH + 64
        pygame.draw.line(surface, palette.PAPER_DARK, (divider, CARD.top + 34),
                         (divider, CARD.bottom - 34), 2)
        right = pygame.Rect(divider + 32, CARD.top + 34, CARD.right - divider - 68,
                            CARD.height - 68)
        if card is None:
            draw_wrapped(surface, game.fonts.get(22), game.t(strings.CARD_NONE), right,
                         palette.TEXT_MUTED)
            return
        self._draw_quote(surface, card, pygame.Rect(left - 8, quote_top, LEFT_WIDTH + 16,
                                                    CARD.bottom - 30 - quote_top))
        draw_text(surface, game.fonts.get(22, bold=True), game.t(strings.CARD_FACTS),
                  right.topleft, palette.DEEP_RED)
        facts_area = pygame.Rect(right.left, right.top + 40, right.width, right.height - 40)
        self._draw_facts(surface, card, facts_area)

    def _quote_fonts(self) -> tuple[pygame.font.Font, pygame.font.Font]:
        return self.game.fonts.get(21, bold=True), self.game.fonts.get(17)

    def _quote_height(self, card: HistoryCard) -> int:
        quote_font, source_font = self._quote_fonts()
        return (text_height(quote_font, self.game.t(card.quote), LEFT_WIDTH - 24, line_gap=2)
                + text_height(source_font, self._source(card), LEFT_WIDTH - 24, line_gap=0)
                + 28)

    def _source(self, card: HistoryCard) -> str:
        return self.game.t(strings.SOURCE_DASH) + self.game.t(card.quote_source)

    def _draw_quote(self, surface: pygame.Surface, card: HistoryCard, box: pygame.Rect) -> None:
        game = self.game
        quote_font, source_font = self._quote_fonts()
        pygame.draw.rect(surface, palette.PAPER, box, border_radius=8)
        pygame.draw.rect(surface, palette.GOLD_DARK, box, 1, border_radius=8)
        pygame.draw.line(surface, palette.RED, (box.left + 6, box.top + 10),
                         (box.left + 6, box.bottom - 10), 4)
        inner = pygame.Rect(box.left + 20, box.top + 12, box.width - 40, box.height)
        y = draw_wrapped(surface, quote_font, game.t(card.quote), inner, palette.INK,
                         line_gap=2)
        draw_wrapped(surface, source_font, self._source(card),
                     pygame.Rect(inner.left, y + 2, inner.width, 80), palette.TEXT_MUTED,
                     line_gap=0)

    def _draw_facts(self, surface: pygame.Surface, card: HistoryCard, area: pygame.Rect) -> None:
        game = self.game
        facts = [game.t(fact) for fact in card.facts]
        gap, font = FACT_GAPS[-1], game.fonts.get(FACT_SIZES[-1])
        fitted = ((g, game.fonts.get(size)) for size in FACT_SIZES for g in FACT_GAPS)
        for gap, font in fitted:  # the first (largest) that fits; else the smallest
            total = sum(text_height(font, fact, area.width - 26, line_gap=3) + gap
                        for fact in facts)
            if total <= area.height:
                break
        y = area.top
        for fact in facts:
            pygame.draw.circle(surface, palette.RED, (area.left + 6, y + font.get_linesize() // 2),
                               4)
            y = draw_wrapped(surface, font, fact, pygame.Rect(area.left + 24, y, area.width - 26,
                                                              area.height), line_gap=3) + gap

    def _draw_locked(self, surface: pygame.Surface, chapter: Chapter) -> None:
        game = self.game
        self._frame(surface, palette.PAPER_DARK, palette.TEXT_MUTED)
        hatch = pygame.Surface(CARD.size, pygame.SRCALPHA)
        for x in range(-CARD.height, CARD.width, 22):
            pygame.draw.line(hatch, (*palette.PANEL_BORDER, 40), (x, CARD.height), (x + CARD.height,
                                                                                    0), 2)
        mask = pygame.Surface(CARD.size, pygame.SRCALPHA)
        pygame.draw.rect(mask, (255, 255, 255, 255), mask.get_rect().inflate(-20, -20),
                         border_radius=12)
        hatch.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
        surface.blit(hatch, CARD)
        x, y = CARD.centerx, CARD.top + 170
        pygame.draw.circle(surface, palette.TEXT_MUTED, (x, y - 30), 34, 12)
        body = pygame.Rect(0, 0, 112, 86)
        body.midtop = (x, y - 10)
        pygame.draw.rect(surface, palette.TEXT_MUTED, body, border_radius=12)
        pygame.draw.circle(surface, palette.PAPER_DARK, (x, body.centery - 6), 11)
        pygame.draw.rect(surface, palette.PAPER_DARK, (x - 4, body.centery - 4, 8, 24))
        title = (game.t(strings.CHAPTER_N.format(n=self.page + 1)) + " · "
                 + game.t(chapter.title))
        y = draw_wrapped(surface, game.fonts.get(30, bold=True), title,
                         pygame.Rect(CARD.left + 80, body.bottom + 30, CARD.width - 160, 90),
                         palette.INK_SOFT, align="center", line_gap=0)
        draw_text(surface, game.fonts.get(24), game.t(strings.CARD_LOCKED), (CARD.centerx, y + 10),
                  palette.INK_SOFT, anchor="midtop")
