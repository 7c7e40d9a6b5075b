"""The credits: the code's licence, the font and its licence, and where the facts come from.

The facts' sources are read from the content, never typed here: the pack's bibliography
(``sources.yaml`` beside ``campaign.yaml``) when it has one, else the ``source:`` lines of
the quiz questions (one entry per fact-sheet id). They are listed in pages.
"""

from __future__ import annotations

import re
from pathlib import Path

import pygame

from game.content.campaign import Campaign
from game.content.errors import ContentError
from game.content.sources import Source, find_bibliography, load_sources
from game.fontcov import REGULAR_FONT
from game.ui import palette, strings
from game.ui.context import Game
from game.ui.input import BACK_KEYS
from game.ui.scene import Pop, Scene, Transition
from game.ui.scenes.common import button_font, fitting_font, heading, notices, page_step
from game.ui.scenes.profiles import ellipsize, fit_line
from game.ui.text import draw_text, draw_wrapped
from game.ui.widgets import Button, Menu, draw_panel, paper_background

FONT_NAME = "Noto Sans SC (Noto Sans CJK SC, Google / Adobe)"
FONT_LICENCE = Path(REGULAR_FONT).parent / "OFL.txt"
LEFT = pygame.Rect(48, 150, 500, 480)
RIGHT = pygame.Rect(572, 150, 660, 480)
_URL = re.compile(r"https?://([^/\s]+)\S*")
_ENTRY_SPLIT = re.compile(r"\s+;\s+|；")
_ID_LIST = re.compile(r"[A-Za-z0-9-]+(\s*,\s*[A-Za-z0-9-]+)*")


def _shorten(text: str) -> str:
    """A source line as a pupil reads it: addresses reduced to their site's name."""
    return " ".join(_URL.sub(lambda m: f"({m.group(1).removeprefix('www.')})", text).split())


def bibliography(campaign: Campaign | None) -> list[str]:
    """One line per source: from the pack's bibliography (``sources.yaml``) when it has a
    valid one, else from the quiz questions' ``source:`` lines (first mention of each id)."""
    if campaign is None:
        return []
    path = find_bibliography(campaign.root)
    if path is not None:
        try:
            return [_describe(source) for source in load_sources(path).sources]
        except ContentError:
            pass  # ``check`` reports it; the credits fall back to the quizzes' lines
    seen: dict[str, str] = {}
    for chapter in campaign.chapters:
        if chapter.quiz is None:
            continue
        for question in chapter.quiz.questions:
            for part in _ENTRY_SPLIT.split(question.source):
                part = part.strip()
                pieces = part.split(",") if _ID_LIST.fullmatch(part) else [part]
                for piece in (piece.strip() for piece in pieces):
                    if piece:
                        seen.setdefault(piece.split()[0], _shorten(piece))
    return sorted(seen.values(), key=_natural)


def _natural(text: str) -> tuple[object, ...]:
    """Sort X2 before X10."""
    return tuple(int(piece) if piece.isdigit() else piece
                 for piece in re.split(r"(\d+)", text.split()[0] if text else ""))


def _describe(source: Source) -> str:
    """``title — publisher, date (site)`` for one bibliography entry."""
    details = [value for value in (source.publisher, source.date) if value]
    text = source.title + (" — " + ", ".join(details) if details else "")
    return text + (" " + _shorten(source.address) if source.address else "")


class CreditsScene(Scene):
    """From the title; ◀ ▶ (or the arrow keys) page through the sources."""

    name = "credits"

    def __init__(self, game: Game) -> None:
        self.game = game
        self.sources = bibliography(game.campaign)
        self.page = 0
        self.menu = Menu()
        self._layout()

    def per_page(self) -> int:
        """How many source lines fit in the right-hand panel at the current text size."""
        font = self.game.fonts.get(18)
        top, bottom = self._list_top(), RIGHT.bottom - 70
        return max(1, (bottom - top) // font.get_linesize())

    def _list_top(self) -> int:
        return RIGHT.top + 20 + self.game.fonts.get(26, bold=True).get_linesize() + 10

    @property
    def pages(self) -> int:
        """Pages of sources (at least one)."""
        return max(1, -(-len(self.sources) // self.per_page()))

    def _layout(self) -> None:
        game = self.game
        buttons = [Button("back", game.t(strings.BACK), pygame.Rect(44, 652, 150, 46))]
        if self.pages > 1:
            buttons += [Button("prev", "◀", pygame.Rect(RIGHT.left + 20, RIGHT.bottom - 60, 64,
                                                        46), enabled=self.page > 0),
                        Button("next", "▶", pygame.Rect(RIGHT.right - 84, RIGHT.bottom - 60,
                                                        64, 46),
                               enabled=self.page + 1 < self.pages)]
        self.menu = Menu(buttons, keyboard=False)

    def turn(self, step: int) -> None:
        """Show the previous or next page of sources."""
        page = max(0, min(self.pages - 1, self.page + step))
        if page != self.page:
            self.page = page
            self._layout()

    def handle(self, event: pygame.event.Event) -> Transition | None:
        choice = self.menu.handle(event)
        if choice == "back":
            return Pop()
        if event.type == pygame.KEYDOWN and event.key in BACK_KEYS:
            return Pop()
        if step := page_step(event, choice):
            self.turn(step)
        return None

    # ----------------------------------------------------------------- drawing
    def draw(self, surface: pygame.Surface) -> None:
        game = self.game
        surface.blit(paper_background(), (0, 0))
        heading(surface, game, game.t(strings.CREDITS_TITLE))
        draw_panel(surface, LEFT)
        draw_panel(surface, RIGHT)
        self._draw_about(surface)
        self._draw_sources(surface)
        self.menu.draw(surface, button_font(game, self.menu.buttons))
        notices(surface, game)

    def about_text(self) -> str:
        """The left panel's paragraphs (the game and its licence, the font and its)."""
        game = self.game
        font = strings.CREDITS_FONT_BODY.format(name=FONT_NAME,
                                             file=f"assets/fonts/{FONT_LICENCE.name}")
        return "\n".join([game.t(strings.CREDITS_GAME_BODY), "", game.t(font)])

    def _draw_about(self, surface: pygame.Surface) -> None:
        game = self.game
        title = game.fonts.get(26, bold=True)
        y = draw_text(surface, title, game.t(strings.CREDITS_GAME) + " · " +
                      game.t(strings.CREDITS_FONT), (LEFT.left + 20, LEFT.top + 16),
                      palette.DEEP_RED).bottom + 10
        area = pygame.Rect(LEFT.left + 20, y, LEFT.width - 40, LEFT.bottom - 16 - y)
        text = self.about_text()
        font = fitting_font(game, text, area, sizes=(22, 20, 18, 16), line_gap=4)
        draw_wrapped(surface, font, text, area, palette.TEXT, line_gap=4)

    def _draw_sources(self, surface: pygame.Surface) -> None:
        game = self.game
        draw_text(surface, game.fonts.get(26, bold=True), game.t(strings.CREDITS_SOURCES),
                  (RIGHT.left + 20, RIGHT.top + 16), palette.DEEP_RED)
        y = self._list_top()
        width = RIGHT.width - 40
        if not self.sources:
            draw_text(surface, game.fonts.get(18), game.t(strings.CREDITS_SOURCES_NONE),
                      (RIGHT.left + 20, y), palette.TEXT_MUTED)
            return
        per_page = self.per_page()
        first = self.page * per_page
        lines = self.sources[first:first + per_page]
        # one size for the whole page (the smallest any of its lines needs), so the list
        # reads evenly; a line still too wide is cut with an ellipsis
        font = min((fit_line(game, line, width, sizes=(18, 16))[0] for line in lines),
                   key=lambda each: each.get_height())
        for line in lines:
            text = ellipsize(font, line, width)
            y = draw_text(surface, font, text, (RIGHT.left + 20, y), palette.TEXT).top + \
                game.fonts.get(18).get_linesize()
        if self.pages > 1:
            page = strings.PAGE_OF.format(n=self.page + 1, total=self.pages)
            draw_text(surface, game.fonts.get(20), game.t(page),
                      (RIGHT.centerx, RIGHT.bottom - 37), palette.TEXT_MUTED, anchor="center")
