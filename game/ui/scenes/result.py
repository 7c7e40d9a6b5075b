"""After a level: won or lost, moves, troops left, stars; then onwards, or try again."""

from __future__ import annotations

import pygame

from game.content.campaign import Chapter
from game.core.actions import Action
from game.core.level import Level
from game.core.state import State, Status
from game.i18n import Text
from game.solver import solve
from game.solver.par import Par, level_stars, par_of
from game.ui import palette, strings
from game.ui.context import Game
from game.ui.level_texts import LOSS_TITLE, loss_advice, win_title
from game.ui.outcomes import LevelRetry, MarchOn, Step, ToTitle, next_step
from game.ui.scene import Scene, Transition
from game.ui.scenes.common import button_font, fitting_font, heading
from game.ui.text import draw_text, draw_wrapped
from game.ui.widgets import Menu, draw_panel, paper_background, row_buttons


def level_par(game: Game, level: Level) -> Par | None:
    """The par for the second star (see :mod:`game.solver.par`), solved once per level."""
    if level.id not in game.par_cache:
        game.par_cache[level.id] = par_of(level, solve(level, max_seconds=5.0))
    return game.par_cache[level.id]


class ResultScene(Scene):
    """Records the result in the pupil's progress as soon as it is shown."""

    name = "result"

    def __init__(self, game: Game, level: Level, state: State, actions: list[Action],
                 chapter_index: int | None, level_index: int, hints: int = 0) -> None:
        self.game = game
        self.level = level
        self.state = state
        self.moves = len(actions)
        self.chapter_index = chapter_index
        self.level_index = level_index
        self.won = state.status is Status.WON
        self.par = level_par(game, level) if self.won else None
        self.stars = level_stars(self.won, self.moves, state.troops, self.par)
        self.advice = (loss_advice(level, state.reason, actions)
                       if not self.won and state.reason is not None else None)
        """What to try next after a loss, worked out once (it may replay the moves)."""
        previous = game.progress.levels.get(level.id)
        self.new_best = self.won and (previous is None or previous.best_moves is None
                                      or self.moves < previous.best_moves)
        game.progress.record_level(level.id, won=self.won, moves=self.moves,
                                   troops=state.troops, stars=self.stars, hints=hints)
        chapter = self._chapter()
        if (chapter is not None and chapter.quiz is None and game.chapter_complete(chapter)
                and chapter.id not in game.progress.cards):
            game.progress.cards.append(chapter.id)  # no quiz: the last level earns the card
        game.save()
        items = []
        if self.won:
            items.append(("next", game.t(self._next_label())))
        items.append(("retry", game.t(strings.RETRY)))
        items.append(("title", game.t(strings.QUIT_TO_TITLE if game.campaign
                                      and chapter_index is not None else strings.QUIT)))
        self.menu = Menu(row_buttons(items, center_x=640, top=560, width=280))

    def _next_label(self) -> Text:
        return {Step.LEVEL: strings.NEXT_LEVEL, Step.QUIZ: strings.TAKE_QUIZ,
                Step.ENDING: strings.TO_ENDING, Step.ROUTE: strings.CONTINUE,
                Step.QUIT: strings.QUIT}[next_step(self.game, self.chapter_index,
                                                   self.level_index)]

    def _chapter(self) -> Chapter | None:
        if self.game.campaign is None or self.chapter_index is None:
            return None
        return self.game.campaign.chapters[self.chapter_index]

    def handle(self, event: pygame.event.Event) -> Transition | None:
        choice = self.menu.handle(event)
        if choice == "retry":
            return LevelRetry(self.level, self.chapter_index, self.level_index)
        if choice == "next":
            return MarchOn(self.chapter_index, self.level_index)
        if choice == "title":
            return ToTitle()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        game = self.game
        surface.blit(paper_background(), (0, 0))
        title = win_title(self.level) if self.won else LOSS_TITLE
        top = heading(surface, game, game.t(title), game.t(self.level.title))
        panel = pygame.Rect(290, top + 10, 700, 520 - top)
        draw_panel(surface, panel)
        big = game.fonts.get(30, bold=True)
        y = panel.top + 28
        if self.won:
            stars = "★" * self.stars + "☆" * (2 - self.stars)
            draw_text(surface, game.fonts.get(56), stars, (640, y), palette.GOLD_DARK,
                      anchor="midtop")
            y += 80
        draw_text(surface, big, game.t(strings.MOVES_USED.format(moves=self.moves)),
                  (640, y), anchor="midtop")
        y += 48
        draw_text(surface, big, game.t(strings.TROOPS_LEFT.format(troops=self.state.troops)),
                  (640, y), palette.TEXT if self.won else palette.BAD, anchor="midtop")
        y += 56
        note = self.note()
        if note:
            area = self.note_area()
            font = fitting_font(game, note, area, sizes=(22, 20, 18), line_gap=2)
            draw_wrapped(surface, font, note, area, palette.TEXT_MUTED if self.won
                         else palette.BAD, align="center", line_gap=2)
        self.menu.draw(surface, button_font(game, self.menu.buttons, sizes=(26, 24, 22, 20)))

    def note(self) -> str:
        """The line under the figures: the par and a new best after a win, what to try next
        after a loss (chosen from what is on this level)."""
        game = self.game
        if self.won and self.par is not None:
            par = strings.PAR_MET if self.stars >= 2 else strings.PAR
            note = game.t(par.format(par=self.par.moves, troops=self.par.troops))
            return game.t(strings.NEW_BEST) + " " + note if self.new_best else note
        return game.t(self.advice) if self.advice is not None else ""

    def note_area(self) -> pygame.Rect:
        """Where :meth:`note` goes (the same arithmetic as :meth:`draw`)."""
        game = self.game
        top = 44 + game.fonts.get(44, bold=True).get_linesize() + \
            game.fonts.get(24).get_linesize() + 24
        panel = pygame.Rect(290, top + 10, 700, 520 - top)
        y = panel.top + 28 + (80 if self.won else 0) + 48 + 56
        return pygame.Rect(panel.left + 40, y, panel.width - 80, panel.bottom - 14 - y)
