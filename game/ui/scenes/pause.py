"""The pause menu over a level: resume, restart, or quit to the title."""

from __future__ import annotations

import pygame

from game.ui import palette, strings
from game.ui.context import Game
from game.ui.input import BACK_KEYS
from game.ui.outcomes import Restartable, ToTitle
from game.ui.scene import Pop, Scene, Transition
from game.ui.text import draw_text
from game.ui.widgets import Menu, column_buttons, dim, draw_panel


class PauseScene(Scene):
    """Esc in a level opens this; Esc again resumes."""

    overlay = True
    name = "pause"

    def __init__(self, game: Game, level_scene: Restartable) -> None:
        self.game = game
        self.level_scene = level_scene
        self.menu = Menu(column_buttons([("resume", game.t(strings.RESUME)),
                                         ("restart", game.t(strings.RESTART)),
                                         ("title", game.t(strings.QUIT_TO_TITLE if
                                                          game.campaign else strings.QUIT))],
                                        left=470, top=300, width=340))

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN and event.key in BACK_KEYS:
            return Pop()
        choice = self.menu.handle(event)
        if choice == "resume":
            return Pop()
        if choice == "restart":
            self.level_scene.restart()
            self.level_scene.showing_intro = False
            return Pop()
        if choice == "title":
            return ToTitle()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        dim(surface)
        panel = pygame.Rect(430, 200, 420, 330)
        draw_panel(surface, panel)
        draw_text(surface, self.game.fonts.get(36, bold=True), self.game.t(strings.PAUSED),
                  (640, 226), palette.DEEP_RED, anchor="midtop")
        self.menu.draw(surface, self.game.fonts.get(26))
