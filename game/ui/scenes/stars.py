"""Stars and campaign standing, shared by the title, the route map and the quiz summary.

Each level gives up to two stars (won; won within par, both recorded by the result screen);
each chapter gives one more for a perfect quiz (best score equal to the number of questions).
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.content.model import Chapter
from game.ui import palette
from game.ui.context import Game

#: Stars a single level can give: one for winning, one for finishing within par.
LEVEL_STARS = 2


@dataclass(frozen=True, slots=True)
class ChapterStars:
    """The stars of one chapter: per level, and the perfect-quiz star."""

    levels: tuple[int, ...]
    quiz: bool
    has_quiz: bool

    @property
    def earned(self) -> int:
        """Stars earned in the chapter so far."""
        return sum(self.levels) + (1 if self.quiz else 0)

    @property
    def possible(self) -> int:
        """The most stars the chapter can give."""
        return LEVEL_STARS * len(self.levels) + (1 if self.has_quiz else 0)


def perfect_quiz(game: Game, chapter: Chapter) -> bool:
    """Whether the pupil's best quiz score in ``chapter`` is full marks."""
    record = game.progress.quizzes.get(chapter.id)
    return record is not None and record.total > 0 and record.best_score >= record.total


def chapter_stars(game: Game, chapter: Chapter) -> ChapterStars:
    """The stars the pupil has earned in ``chapter``."""
    levels = []
    for level in chapter.levels:
        record = game.progress.levels.get(level.id)
        levels.append(min(LEVEL_STARS, record.stars) if record is not None and record.won else 0)
    return ChapterStars(tuple(levels), perfect_quiz(game, chapter), chapter.quiz is not None)


def campaign_stars(game: Game) -> tuple[int, int]:
    """Stars earned and possible over the whole campaign."""
    if game.campaign is None:
        return 0, 0
    every = [chapter_stars(game, chapter) for chapter in game.campaign.chapters]
    return sum(s.earned for s in every), sum(s.possible for s in every)


def campaign_complete(game: Game) -> bool:
    """Every chapter of the campaign is complete (the ending can be shown)."""
    return game.campaign is not None and bool(game.campaign.chapters) and all(
        game.chapter_complete(chapter) for chapter in game.campaign.chapters)


def draw_stars(surface: pygame.Surface, font: pygame.font.Font, earned: int, possible: int,
               pos: tuple[int, int], *, anchor: str = "topleft") -> pygame.Rect:
    """Filled stars for ``earned``, hollow ones up to ``possible``; return the area covered."""
    full = font.render("★" * earned, True, palette.GOLD_DARK)
    empty = font.render("☆" * max(0, possible - earned), True, palette.TEXT_MUTED)
    width = (full.get_width() if earned else 0) + (empty.get_width() if possible > earned
                                                     else 0)
    rect = pygame.Rect(0, 0, width, font.get_linesize())
    setattr(rect, anchor, pos)
    x = rect.left
    if earned:
        surface.blit(full, (x, rect.top))
        x += full.get_width()
    if possible > earned:
        surface.blit(empty, (x, rect.top))
    return rect


def stars_width(font: pygame.font.Font, earned: int, possible: int) -> int:
    """The width :func:`draw_stars` needs."""
    width = font.size("★" * earned)[0] if earned else 0
    return width + (font.size("☆" * (possible - earned))[0] if possible > earned else 0)
