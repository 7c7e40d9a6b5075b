"""``play FILE`` reloads the level when the file changes or on F5; a broken edit shows its
problems over the game, and the next good save plays again."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.ui.app import App, first_scene, make_game
from game.ui.reload import LevelWatch
from game.ui.scenes.errors import ErrorScene
from game.ui.scenes.play import PlayScene

LEVELS = Path(__file__).resolve().parents[2] / "levels"
GOOD = """\
id: hot
chapter: test
title: {zh: 热重载, en: Hot reload}
map: |
  S..G
troops: 10
turns: 9
"""


def key(code: int) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode="")


def make_app(path: Path) -> App:
    pygame.font.init()
    game, _ = make_game(LEVELS, "en")
    watch = LevelWatch(path)
    loaded = watch.load()
    problems = loaded if isinstance(loaded, tuple) else ()
    level = None if isinstance(loaded, tuple) else loaded
    return App(game, first_scene(game, problems, level, watch), pygame.Surface((1280, 720)))


def test_a_save_reloads_the_level_and_a_broken_one_shows_its_problems(tmp_path: Path) -> None:
    path = tmp_path / "level.yaml"
    path.write_text(GOOD, encoding="utf-8")
    app = make_app(path)
    scene = app.stack.top
    assert isinstance(scene, PlayScene) and scene.level.width == 4
    app.frame([key(pygame.K_RETURN), key(pygame.K_RIGHT)], 1 / 60)
    assert scene.state.turn == 1

    path.write_text(GOOD.replace("troops: 10", "trops: 10"), encoding="utf-8")
    app.frame([], 0.6)  # the watcher looks twice a second
    assert any('unknown key "trops"' in problem.message for problem in scene.problems)
    app.frame([key(pygame.K_RIGHT)], 1 / 60)  # nothing moves while the file is broken
    assert scene.state.turn == 1
    app.draw()

    path.write_text(GOOD.replace("S..G", "S...G"), encoding="utf-8")
    app.frame([], 0.6)
    assert not scene.problems and scene.level.width == 5 and scene.state.turn == 0


def test_f5_reloads_and_a_file_broken_at_start_plays_once_fixed(tmp_path: Path) -> None:
    path = tmp_path / "level.yaml"
    path.write_text(GOOD.replace("map: |\n  S..G\n", ""), encoding="utf-8")
    app = make_app(path)
    assert isinstance(app.stack.top, ErrorScene)
    app.draw()
    path.write_text(GOOD, encoding="utf-8")
    app.frame([key(pygame.K_F5)], 1 / 60)
    assert isinstance(app.stack.top, PlayScene) and app.stack.top.level.id == "hot"
