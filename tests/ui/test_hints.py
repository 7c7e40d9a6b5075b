"""H shows the next move of the best win, found in the background; following every hint
wins, and the number of hints asked for is kept for the teacher's report. A level that can
no longer be won says so at once."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.progress import ProgressStore
from game.ui.app import App, make_game
from game.ui.autoplay import press, wait
from game.ui.input import KEY_FOR_ACTION
from game.ui.scenes.play import PlayScene
from game.ui.scenes.result import ResultScene
from game.ui.strings import MOVE_NAMES, NO_HINT, UNDO_OR_RESTART

LEVELS = Path(__file__).resolve().parents[2] / "levels"


def test_following_the_hints_wins_and_they_are_counted() -> None:
    pygame.font.init()
    game, _ = make_game(LEVELS, "en")
    assert game.campaign is not None
    level = game.campaign.chapters[0].levels[0]
    app = App(game, PlayScene(game, level, 0, 0), pygame.Surface((1280, 720)))
    press(app, pygame.K_RETURN)
    scene = app.stack.top
    assert isinstance(scene, PlayScene)
    by_name = {name.en: action for action, name in MOVE_NAMES.items()}
    for _ in range(level.turn_limit):
        press(app, pygame.K_h)
        assert scene.message is not None  # thinking, or (a fast search) the hint itself
        for _ in range(200):  # frames go on while the staff officer thinks
            wait(app, 0.05)
            if scene.hint_search is None:
                break
        assert scene.message is not None
        text = scene.message.text.en
        action = next(a for name, a in by_name.items() if name in text)
        press(app, KEY_FOR_ACTION[action])
        wait(app, 0.2)
        if not isinstance(app.stack.top, PlayScene) or scene.state.status.value != "playing":
            break
    wait(app, 1.0)
    result = app.stack.top
    assert isinstance(result, ResultScene) and result.won
    saved = ProgressStore.default().load().progress
    assert saved.levels[level.id].hints_used == scene.hints > 0


def test_a_lost_cause_is_announced_at_once() -> None:
    pygame.font.init()
    game, _ = make_game(LEVELS, "en")
    assert game.campaign is not None
    level = game.campaign.chapters[0].levels[0]
    app = App(game, PlayScene(game, level, 0, 0), pygame.Surface((1280, 720)))
    press(app, pygame.K_RETURN)
    scene = app.stack.top
    assert isinstance(scene, PlayScene)
    announced = None
    while scene.state.status.value == "playing" and announced is None:
        press(app, pygame.K_SPACE)  # wait in place: sooner or later the level is lost
        wait(app, 0.2)
        if scene.message is not None and scene.message.text.en.endswith(UNDO_OR_RESTART.en):
            announced = scene.message.text.en
    assert announced is not None, "the level was lost without a word"
    assert scene.state.status.value == "playing"
    assert announced.startswith(("Only ", "The goal is "))
    assert announced.endswith("this level is lost. Z: undo · R: restart")
    press(app, pygame.K_h)  # a hint on a lost cause answers at once, with no search
    assert scene.hint_search is None
    assert scene.message is not None and scene.message.text == NO_HINT
