"""Open the level editor in its own window: ``python main.py edit [FILE]``."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
import pygame

from game.content.errors import ContentError
from game.editor.document import LevelDocument
from game.editor.files import new_level, open_level
from game.i18n import Lang
from game.progress import DATA_DIR_ENV
from game.ui.app import FPS, App, make_game
from game.ui.audio import open_audio
from game.ui.context import Game
from game.ui.scene import Scene
from game.ui.scenes.editor import EditorScene
from game.ui.window import Window


def drafts_folder() -> Path:
    """Where new levels started from the title are saved: next to the pupils' saves."""
    env = os.environ.get(DATA_DIR_ENV)
    base = Path(env) if env else Path(platformdirs.user_data_dir("changzheng", appauthor=False))
    return base / "level-drafts"


def first_chapter(game: Game) -> str:
    """The id of the campaign's first chapter (the template's chapter by default)."""
    if game.campaign is not None and game.campaign.chapters:
        return game.campaign.chapters[0].id
    return "my-chapter"


def editor_for(game: Game, levels_dir: Path, file: Path | None,
               chapter: str | None) -> Scene:
    """The editor on ``file`` (a new level when there is none yet), or its problems."""
    from game.ui.scenes.errors import ErrorScene

    document: LevelDocument
    if file is not None and file.is_file():
        try:
            document = open_level(file)
        except ContentError as error:
            return ErrorScene(game, error.problems, None)
        return EditorScene(game, document, file, levels_dir)
    document = new_level(chapter or first_chapter(game), file)
    target = file if file is not None else drafts_folder() / f"{document.id}.yaml"
    return EditorScene(game, document, target, levels_dir)


def run_editor(levels_dir: Path, file: Path | None, chapter: str | None,
               lang: Lang | None = None) -> int:
    """Edit until the window closes; return the exit code."""
    game, _problems = make_game(levels_dir, lang)
    pygame.display.init()
    pygame.font.init()
    window = Window()
    app = App(game, editor_for(game, levels_dir, file, chapter), window.logical)
    app.on_fullscreen = window.toggle_fullscreen
    game.audio = open_audio()
    clock = pygame.time.Clock()
    while app.running:
        dt = clock.tick(FPS) / 1000.0
        app.frame([window.to_logical(event) for event in pygame.event.get()], min(dt, 0.1))
        if app.running:
            window.present()
    pygame.quit()
    return 0
