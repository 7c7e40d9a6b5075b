"""Shown instead of the game when content files are broken: every problem, with its line,
in the player's language; buttons to reload (a level file played directly) and to quit,
so a mouse or a finger is enough."""

from __future__ import annotations

import pygame

from game.content.errors import Problem
from game.ui import palette, strings
from game.ui.context import Game
from game.ui.input import BACK_KEYS, CONFIRM_KEYS, RELOAD_KEYS
from game.ui.outcomes import LevelFixed
from game.ui.reload import LevelWatch
from game.ui.scene import Quit, Scene, Transition
from game.ui.scenes.common import button_font, heading
from game.ui.text import draw_text, draw_wrapped
from game.ui.widgets import Menu, draw_panel, paper_background, row_buttons

MAX_SHOWN = 12


class ErrorScene(Scene):
    """Lists content problems as ``file:line:column: message``; any key closes the game."""

    name = "errors"

    def __init__(self, game: Game, problems: tuple[Problem, ...],
                 watch: LevelWatch | None = None) -> None:
        self.game = game
        self.problems = problems
        self.watch = watch
        """A level file played directly: once it is fixed and saved, play it."""
        items = [("reload", game.t(strings.RELOAD_BUTTON))] if watch is not None else []
        items.append(("quit", game.t(strings.QUIT)))
        self.menu = Menu(row_buttons(items, center_x=640, top=648, width=240, height=48))

    def _reload(self) -> Transition | None:
        assert self.watch is not None
        loaded = self.watch.load()
        if isinstance(loaded, tuple):
            self.problems = loaded
            return None
        return LevelFixed(loaded, self.watch)

    def handle(self, event: pygame.event.Event) -> Transition | None:
        choice = self.menu.handle(event)
        if choice == "reload" and self.watch:
            return self._reload()
        if choice == "quit":
            return Quit()
        if event.type == pygame.KEYDOWN and event.key in RELOAD_KEYS and self.watch:
            return self._reload()
        if event.type == pygame.KEYDOWN and event.key in BACK_KEYS | CONFIRM_KEYS:
            return Quit()
        return None

    def update(self, dt: float) -> Transition | None:
        if self.watch is not None and self.watch.poll(dt):
            return self._reload()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        game = self.game
        surface.blit(paper_background(), (0, 0))
        top = heading(surface, game, game.t(strings.CONTENT_ERRORS))
        panel = pygame.Rect(60, top, 1160, 636 - top)
        draw_panel(surface, panel)
        hint = strings.RELOAD_BROKEN if self.watch else strings.CONTENT_ERRORS_HINT
        draw_text(surface, game.fonts.get(22, bold=True), game.t(hint),
                  (panel.left + 24, panel.top + 16), palette.DEEP_RED)
        y = panel.top + 56
        font = game.fonts.get(18)
        shown = 0
        for problem in self.problems[:MAX_SHOWN]:
            if y > panel.bottom - 3 * font.get_linesize():
                break  # the rest are counted below: the panel is full
            y = draw_wrapped(surface, font, problem.text(game.lang),
                             pygame.Rect(panel.left + 24, y, panel.width - 48, 80),
                             palette.BAD, line_gap=2)
            shown += 1
        if len(self.problems) > shown:
            draw_text(surface, font, f"… +{len(self.problems) - shown}",
                      (panel.left + 24, y), palette.TEXT_MUTED)
        self.menu.draw(surface, button_font(game, self.menu.buttons))
