"""Every screen at every text size, in both languages: no text leaves the screen and no two
lines of text overlap (measured on the ink each line really puts on the screen)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pygame
import pytest

from game.settings import TEXT_SIZES
from game.solver import solve
from game.ui.app import App
from game.ui.autoplay import complete_chapter, headless_app, press
from game.ui.scene import Push
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.cards import CardsScene
from game.ui.scenes.credits import CreditsScene
from game.ui.scenes.ending import EndingScene
from game.ui.scenes.help import HelpScene
from game.ui.scenes.pause import PauseScene
from game.ui.scenes.play import PlayScene
from game.ui.scenes.prelude import PreludeScene
from game.ui.scenes.profiles import ProfilesScene
from game.ui.scenes.quiz import QuizScene
from game.ui.scenes.result import ResultScene
from game.ui.scenes.review import ReviewScene
from game.ui.scenes.route import RouteScene
from game.ui.scenes.settings import SettingsScene
from tests.ui.textcheck import draw_top, problems, use_recording_fonts

LEVELS = Path(__file__).resolve().parents[2] / "levels"


def _played(app: App) -> None:
    """Two chapters played (with a mistake to review), so summaries have something to say."""
    game = app.game
    assert game.campaign is not None
    first, second = game.campaign.chapters[:2]
    assert first.quiz is not None
    complete_chapter(game, first, wrong=(first.quiz.questions[0].id,))
    complete_chapter(game, second)
    app.stack.top.resumed()


def _level(app: App, *, intro: bool = False) -> PlayScene:
    game = app.game
    assert game.campaign is not None
    scene = PlayScene(game, game.campaign.chapters[1].levels[0], 1, 0)
    app.stack.apply(Push(scene))
    if not intro:
        press(app, pygame.K_RETURN)
        press(app, pygame.K_SPACE)
    return scene


def _result(app: App, won: bool) -> None:
    game = app.game
    assert game.campaign is not None
    level = game.campaign.chapters[0].levels[0]
    moves = list(solve(level).moves or ()) if won else []
    scene = PlayScene(game, level, 0, 0)
    state = scene.state
    from game.core.rules import step

    for action in moves:
        state, _ = step(level, state, action)
    app.stack.apply(Push(ResultScene(game, level, state, moves, 0, 0, 0)))


def _quiz(app: App, answered: bool) -> None:
    app.stack.apply(Push(QuizScene(app.game, 0)))
    if answered:
        press(app, pygame.K_1)
        press(app, pygame.K_RETURN)


def _quiz_answered(app: App) -> None:
    """A question answered and its verdict shown (a choice, confirmed where it must be)."""
    scene = QuizScene(app.game, 0)
    app.stack.apply(Push(scene))
    press(app, pygame.K_2)
    if scene.feedback is None:
        press(app, pygame.K_RETURN)
    assert scene.feedback is not None


def _ending(app: App) -> None:
    game = app.game
    assert game.campaign is not None and game.campaign.ending is not None
    for chapter in game.campaign.chapters:
        complete_chapter(game, chapter)
    scene = EndingScene(game, game.campaign.ending)
    app.stack.apply(Push(scene))
    scene.update(60.0)


def _push(make: Callable[[App], object]) -> Callable[[App], None]:
    def build(app: App) -> None:
        app.stack.apply(Push(make(app)))  # type: ignore[arg-type]
    return build


def _last_help_page(app: App) -> None:
    scene = HelpScene(app.game)
    app.stack.apply(Push(scene))
    scene.turn(len(scene.pages))


def _managing(app: App) -> None:
    scene = ProfilesScene(app.game)
    app.stack.apply(Push(scene))
    scene.managing = True
    scene._layout()


SCREENS: dict[str, Callable[[App], None]] = {
    "title": _played,
    "route": _push(lambda app: RouteScene(app.game)),
    "briefing": _push(lambda app: BriefingScene(app.game, 1)),
    "level": lambda app: _level(app) and None,
    "intro": lambda app: _level(app, intro=True) and None,
    "pause": lambda app: app.stack.apply(Push(PauseScene(app.game, _level(app)))),
    "won": lambda app: _result(app, True),
    "lost": lambda app: _result(app, False),
    "quiz": lambda app: _quiz(app, False),
    "quiz-feedback": lambda app: _quiz(app, True),
    "quiz-answered": _quiz_answered,
    "cards": _push(lambda app: CardsScene(app.game)),
    "review": _push(lambda app: ReviewScene(app.game)),
    "ending": _ending,
    "profiles": _push(lambda app: ProfilesScene(app.game)),
    "settings": _push(lambda app: SettingsScene(app.game)),
    "help": _push(lambda app: HelpScene(app.game)),
    "help-last-page": lambda app: _last_help_page(app),
    "profiles-manage": lambda app: _managing(app),
    "credits": _push(lambda app: CreditsScene(app.game)),
    "prelude-1": _push(lambda app: PreludeScene(app.game, 0)),
    "prelude-2": _push(lambda app: PreludeScene(app.game, 1)),
}


@pytest.mark.parametrize("size", TEXT_SIZES)
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_text_fits_at_every_text_size(screen: str, lang: str, size: int) -> None:
    app = headless_app(LEVELS, lang)
    app.game.change_settings(replace(app.game.settings, text_size=size))
    use_recording_fonts(app)
    if screen != "title":
        _played(app)
    SCREENS[screen](app)
    texts, buttons = draw_top(app)
    assert texts, "the screen drew no text at all"
    assert problems(texts, buttons) == []
