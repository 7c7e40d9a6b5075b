"""The pause menu over a level: resume, restart, or quit to the title."""

from __future__ import annotations

import pygame

from game.ui import palette, strings
from game.ui.context import Game
from game.ui.input import BACK_KEYS
from game.ui.outcomes import Open, Restartable, ToTitle
from game.ui.scene import Pop, Scene, Transition
from game.ui.scenes.common import button_font
from game.ui.text import draw_text
from game.ui.widgets import Menu, column_buttons, dim, draw_panel

PANEL = pygame.Rect(430, 136, 420, 452)


class PauseScene(Scene):
    """Esc in a level opens this; Esc again resumes."""

    overlay = True
    name = "pause"

    def __init__(self, game: Game, level_scene: Restartable) -> None:
        self.game = game
        self.level_scene = level_scene
        self._layout()

    def resumed(self) -> None:
        """Back from the settings: the language or the text size may have changed."""
        focus = self.menu.focus
        self._layout()
        self.menu.focus = focus

    def _layout(self) -> None:
        game = self.game
        self.menu = Menu(column_buttons([("resume", game.t(strings.RESUME)),
                                         ("restart", game.t(strings.RESTART)),
                                         ("title", game.t(strings.QUIT_TO_TITLE if
                                                          game.campaign else strings.QUIT)),
                                         # after the first three, so their keys stay the same
                                         ("settings", game.t(strings.SETTINGS)),
                                         ("help", game.t(strings.HELP))],
                                        left=470, top=PANEL.top + 36 + game.fonts.get(
                                            36, bold=True).get_linesize(),
                                        width=340, height=52, gap=12))

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
        if choice == "settings":
            return Open("settings")
        if choice == "help":
            return Open("help")
        if choice == "title":
            return ToTitle()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        dim(surface)
        draw_panel(surface, PANEL)
        draw_text(surface, self.game.fonts.get(36, bold=True), self.game.t(strings.PAUSED),
                  (640, PANEL.top + 22), palette.DEEP_RED, anchor="midtop")
        self.menu.draw(surface, button_font(self.game, self.menu.buttons, sizes=(26, 24, 22, 20)))
