"""From the title to the level editor: start a new level in a chapter, or open one of the
campaign's levels."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.ui import palette, strings
from game.ui.context import Game
from game.ui.editor import strings as s
from game.ui.input import BACK_KEYS
from game.ui.outcomes import Open
from game.ui.scene import Pop, Scene, Transition
from game.ui.scenes.common import heading
from game.ui.text import draw_text
from game.ui.widgets import Button, Menu, paper_background


class EditorStartScene(Scene):
    """Two columns: a new level for each chapter, and every level of the campaign."""

    name = "editor-start"

    def __init__(self, game: Game) -> None:
        self.game = game
        self.files: dict[str, Path] = {}
        self.chosen: tuple[Path | None, str | None] = (None, None)
        """What was picked: a level file to open, or the chapter of a new level."""
        buttons: list[Button] = []
        campaign = game.campaign
        chapters = campaign.chapters if campaign is not None else ()
        levels = [(chapter, level) for chapter in chapters for level in chapter.levels]
        rows = (len(levels) + 1) // 2
        height = min(44, 460 // max(1, rows) - 6)
        for index, chapter in enumerate(chapters):
            label = game.t(s.NEW_LEVEL.format(chapter=chapter.title))
            buttons.append(Button(f"new:{chapter.id}", label,
                                  pygame.Rect(110, 150 + index * 48, 460, 42)))
        for index, (chapter, level) in enumerate(levels):
            key = f"open:{level.id}"
            root = campaign.root.parent if campaign is not None else Path()
            self.files[key] = root / level.source
            number = chapters.index(chapter) + 1
            label = f"{number}-{chapter.levels.index(level) + 1}  {game.t(level.title)}"
            column, row = divmod(index, rows)
            buttons.append(Button(key, label, pygame.Rect(620 + column * 290,
                                                          150 + row * (height + 6), 280,
                                                          height)))
        buttons.append(Button("back", game.t(strings.BACK), pygame.Rect(110, 620, 220, 48)))
        self.menu = Menu(buttons)

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN and event.key in BACK_KEYS:
            return Pop()
        choice = self.menu.handle(event)
        if choice is None:
            return None
        if choice == "back":
            return Pop()
        self.chosen = (self.files.get(choice), choice.removeprefix("new:")
                       if choice.startswith("new:") else None)
        return Open("editor-level", over=self)

    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(paper_background(), (0, 0))
        heading(surface, self.game, self.game.t(s.OPEN_TITLE))
        self.menu.draw(surface, self.game.fonts.get(17))
        draw_text(surface, self.game.fonts.get(18), self.game.t(strings.MENU_HINT),
                  (640, 668), palette.TEXT_MUTED, anchor="midtop")
