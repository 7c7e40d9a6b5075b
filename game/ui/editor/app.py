"""Open the level editor in its own window: ``python main.py edit [FILE]``."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.i18n import Lang
from game.ui.app import App, loop, make_game
from game.ui.editor.open import editor_for
from game.ui.window import Window


def run_editor(levels_dir: Path, file: Path | None, chapter: str | None,
               lang: Lang | None = None) -> int:
    """Edit until the window closes; return the exit code."""
    game, _problems = make_game(levels_dir, lang)
    pygame.display.init()
    pygame.font.init()
    window = Window()
    app = App(game, editor_for(game, levels_dir, file, chapter), window.logical)
    app.on_fullscreen = window.toggle_fullscreen
    app.draw()
    window.present()
    loop(app, window)
    return 0
