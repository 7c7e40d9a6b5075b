"""Which editor scene to open: a level file, or a new level from the template (saved in the
drafts folder next to the pupils' saves when no file is named)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from game.content.errors import ContentError
from game.editor.document import LevelDocument
from game.editor.files import new_level, open_level
from game.progress import DATA_DIR_ENV
from game.ui.context import Game
from game.ui.scene import Scene
from game.ui.scenes.editor import EditorScene
from game.ui.scenes.editor_start import EditorStartScene


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


def chosen_editor(game: Game, start: Scene | None) -> Scene:
    """The editor on what was picked in the editor's start menu (``Open("editor-level")``)."""
    assert isinstance(start, EditorStartScene)
    campaign = game.campaign
    levels_dir = campaign.root if campaign is not None else Path("levels")
    file, chapter = start.chosen
    return editor_for(game, levels_dir, file, chapter)
