"""The title screen: start or continue, switch language, see each chapter's progress."""

from __future__ import annotations

import pygame

from game.content.campaign import Chapter
from game.ui import palette, strings
from game.ui.context import Game
from game.ui.scene import Push, Quit, Scene, Transition
from game.ui.scenes.common import notices
from game.ui.text import draw_text, draw_wrapped
from game.ui.widgets import Menu, column_buttons, draw_panel, paper_background


class TitleScene(Scene):
    """Start here. Chapters unlock in order; finished ones show their best results."""

    name = "title"

    def __init__(self, game: Game) -> None:
        self.game = game
        self.menu = Menu()
        self.chapter_rows: list[tuple[pygame.Rect, int]] = []
        self._layout()

    def _layout(self) -> None:
        game = self.game
        started = bool(game.progress.levels)
        items = [
            ("start", game.t(strings.CONTINUE if started else strings.START)),
            ("language", game.t(strings.LANGUAGE)),
            ("quit", game.t(strings.QUIT)),
        ]
        focus = self.menu.focus
        self.menu = Menu(column_buttons(items, left=110, top=370, width=380), focus=focus)
        chapters = game.campaign.chapters if game.campaign else ()
        self.chapter_rows = [(pygame.Rect(580, 140 + i * 124, 620, 112), i)
                             for i in range(len(chapters))]

    def resumed(self) -> None:
        self._layout()

    def _next_chapter(self) -> int:
        """The first chapter not yet complete (or the last one, when all are)."""
        assert self.game.campaign is not None
        chapters = self.game.campaign.chapters
        for index, chapter in enumerate(chapters):
            if not self.game.chapter_complete(chapter):
                return index
        return len(chapters) - 1

    def handle(self, event: pygame.event.Event) -> Transition | None:
        from game.ui.scenes.briefing import BriefingScene

        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for rect, index in self.chapter_rows:
                if rect.collidepoint(event.pos) and self.game.chapter_unlocked(index):
                    return Push(BriefingScene(self.game, index))
        choice = self.menu.handle(event)
        if choice == "start" and self.game.campaign is not None:
            return Push(BriefingScene(self.game, self._next_chapter()))
        if choice == "language":
            self.game.toggle_language()
            self._layout()
        elif choice == "quit":
            return Quit()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        game = self.game
        surface.blit(paper_background(), (0, 0))
        big = game.fonts.get(120, bold=True)
        draw_text(surface, big, "长征", (300, 120), palette.RED, anchor="midtop")
        pygame.draw.line(surface, palette.DEEP_RED, (130, 280), (470, 280), 3)
        sub = game.fonts.get(20)
        draw_wrapped(surface, sub, game.t(strings.GAME_SUBTITLE), pygame.Rect(90, 294, 420, 60),
                     palette.TEXT_MUTED, align="center", line_gap=0)
        self.menu.draw(surface, game.fonts.get(26))
        draw_text(surface, game.fonts.get(18), game.t(strings.MENU_HINT), (640, 662),
                  palette.TEXT_MUTED, anchor="midtop")
        if game.campaign is not None:
            draw_text(surface, game.fonts.get(28, bold=True), game.t(strings.CHAPTERS),
                      (580, 92), palette.DEEP_RED)
            for rect, index in self.chapter_rows:
                self._draw_chapter(surface, rect, index, game.campaign.chapters[index])
        notices(surface, game)

    def _draw_chapter(self, surface: pygame.Surface, rect: pygame.Rect, index: int,
                      chapter: Chapter) -> None:
        game = self.game
        unlocked = game.chapter_unlocked(index)
        draw_panel(surface, rect, alpha=255 if unlocked else 150)
        progress = game.progress
        complete = game.chapter_complete(chapter)
        won_any = any(progress.level_won(level.id) for level in chapter.levels)
        status = (strings.COMPLETE if complete else strings.IN_PROGRESS if won_any
                  else strings.NOT_STARTED if unlocked else strings.LOCKED)
        color = palette.GOOD if complete else palette.TEXT if unlocked else palette.TEXT_MUTED
        title_font = game.fonts.get(28, bold=True)
        draw_text(surface, title_font, f"{index + 1}. {game.t(chapter.title)}",
                  (rect.left + 20, rect.top + 12), color)
        draw_text(surface, game.fonts.get(22, bold=True), game.t(status),
                  (rect.right - 20, rect.top + 16), color, anchor="topright")
        small = game.fonts.get(18)
        lines = []
        for n, level in enumerate(chapter.levels, start=1):
            record = progress.levels.get(level.id)
            if record is not None and record.won:
                lines.append(game.t(strings.LEVEL_BEST.format(
                    n=n, moves=record.best_moves, troops=record.best_troops)))
            else:
                lines.append(game.t(strings.LEVEL_NOT_WON.format(n=n)))
        quiz = progress.quizzes.get(chapter.id)
        lines.append(game.t(strings.QUIZ_BEST.format(score=quiz.best_score, total=quiz.total))
                     if quiz else game.t(strings.QUIZ_NONE))
        text = "  ·  ".join(lines)
        draw_wrapped(surface, small, text, pygame.Rect(rect.left + 20, rect.top + 54,
                                                       rect.width - 150, 56),
                     palette.TEXT_MUTED, line_gap=2)
        stars = sum(progress.levels[lv.id].stars for lv in chapter.levels
                    if lv.id in progress.levels)
        if stars:
            draw_text(surface, game.fonts.get(24), "★" * stars, (rect.right - 20, rect.top + 56),
                      palette.GOLD_DARK, anchor="topright")
