"""Drive the real scenes without a window: title → route map → briefing → levels → results →
quiz → save."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.progress import ProgressStore
from game.solver import solve
from game.ui.app import App, make_game
from game.ui.autoplay import answer_quiz, headless_app, play_level, press, wait
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.pause import PauseScene
from game.ui.scenes.play import PlayScene
from game.ui.scenes.prelude import PreludeScene
from game.ui.scenes.quiz import QuizScene
from game.ui.scenes.result import ResultScene
from game.ui.scenes.route import RouteScene
from game.ui.scenes.title import TitleScene

LEVELS = Path(__file__).resolve().parents[2] / "levels"


@pytest.fixture()
def app() -> App:
    app = headless_app(LEVELS, "zh")
    assert isinstance(app.stack.top, TitleScene), "the shipped content must load cleanly"
    return app


def test_first_chapter_end_to_end_is_saved(app: App) -> None:
    assert isinstance(app.stack.top, TitleScene)
    press(app, pygame.K_RETURN)
    assert isinstance(app.stack.top, RouteScene)
    press(app, pygame.K_RETURN)
    assert isinstance(app.stack.top, PreludeScene), "a first visit opens with the prologue"
    press(app, pygame.K_RETURN)
    assert isinstance(app.stack.top, BriefingScene)
    press(app, pygame.K_RETURN)
    assert app.game.campaign is not None
    chapter_levels = [level.id for level in app.game.campaign.chapters[0].levels]
    assert len(chapter_levels) >= 2
    level_ids = []
    for _ in chapter_levels:
        scene = app.stack.top
        assert isinstance(scene, PlayScene)
        play_level(app, tweens=False)
        level_ids.append(scene.level.id)
        result = app.stack.top
        assert isinstance(result, ResultScene)
        assert result.won and result.stars == 2
        press(app, pygame.K_RETURN)
    quiz = app.stack.top
    assert isinstance(quiz, QuizScene)
    answer_quiz(app)
    assert quiz.finished and quiz.session.passed
    assert quiz.session.score == len(quiz.session.asked)

    saved = ProgressStore.default().load()
    assert saved.notice is None
    progress = saved.progress
    assert level_ids == chapter_levels, "the chapter's levels are played in their order"
    assert all(progress.levels[i].won for i in level_ids)
    assert progress.quizzes["xiangjiang"].best_score == len(quiz.session.asked)
    assert progress.chapter_complete(level_ids, "xiangjiang")
    assert "xiangjiang" in progress.cards

    # Continue the march (the default): the route map with chapter 2 in focus, over the title.
    press(app, pygame.K_RETURN)
    route = app.stack.top
    assert isinstance(route, RouteScene) and route.focus == 1
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.stack.top, TitleScene)
    # Quit and relaunch: the title shows the chapter as complete with its best results.
    game, _ = make_game(LEVELS, None)
    assert game.campaign is not None
    assert game.chapter_complete(game.campaign.chapters[0])
    assert game.progress.levels["xiangjiang-1"].best_moves == len(
        solve(game.campaign.chapters[0].levels[0]).moves or ())


def test_refused_move_spends_no_turn_and_undo_restart_work(app: App) -> None:
    press(app, pygame.K_RETURN)  # title: start, to the route map
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)  # the prologue
    press(app, pygame.K_RETURN)
    scene = app.stack.top
    assert isinstance(scene, PlayScene)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RIGHT)  # the start is on the east edge of level 1
    assert scene.state.turn == 0 and scene.message is not None
    press(app, pygame.K_LEFT)
    press(app, pygame.K_SPACE)
    assert scene.state.turn == 2
    press(app, pygame.K_z)
    assert scene.state.turn == 1 and len(scene.actions) == 1
    press(app, pygame.K_r)
    assert scene.state.turn == 0 and scene.actions == []


def test_pause_menu_resumes_restarts_and_quits_to_title(app: App) -> None:
    press(app, pygame.K_RETURN)  # title: start, to the route map
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)  # the prologue
    press(app, pygame.K_RETURN)
    scene = app.stack.top
    assert isinstance(scene, PlayScene)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_LEFT)
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.stack.top, PauseScene)
    press(app, pygame.K_ESCAPE)
    assert app.stack.top is scene and scene.state.turn == 1
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)  # restart
    assert app.stack.top is scene and scene.state.turn == 0
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_DOWN)
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)  # quit to title
    assert isinstance(app.stack.top, TitleScene) and len(app.stack.scenes) == 1


def test_language_switch_is_remembered(app: App) -> None:
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)
    assert app.game.lang == "en"
    assert ProgressStore.default().load().progress.language == "en"


def test_losing_shows_the_reason_and_records_an_attempt(app: App) -> None:
    press(app, pygame.K_RETURN)  # title: start, to the route map
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)
    scene = app.stack.top
    assert isinstance(scene, PlayScene)
    for _ in range(scene.level.turn_limit):
        press(app, pygame.K_SPACE)
    wait(app, 1.0)
    result = app.stack.top
    assert isinstance(result, ResultScene) and not result.won
    saved = ProgressStore.default().load().progress
    assert saved.levels[scene.level.id].attempts == 1 and not saved.levels[scene.level.id].won


def test_corrupt_save_is_set_aside_with_a_visible_notice(tmp_path: Path) -> None:
    store = ProgressStore.default()
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_text("{ not json", encoding="utf-8")
    game, _ = make_game(LEVELS, None)
    assert game.notices, "the pupil must be told the save could not be read"
    assert any(p.name.startswith(store.path.stem + ".corrupt")
               for p in store.path.parent.iterdir())
