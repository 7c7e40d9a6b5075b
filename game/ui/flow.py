"""Where the campaign goes next: the one place that maps what happened in a scene (an
:mod:`~game.ui.outcomes` value) to the next scene.

Scenes never import each other; this module imports them all. A new screen reachable from a
menu is one line in :data:`SCREENS`; a new kind of outcome is one entry in :data:`ROUTES`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.content.campaign import Ending
from game.ui.context import Game
from game.ui.editor.open import chosen_editor
from game.ui.editor.play import test_play
from game.ui.outcomes import (
    ChapterBegun,
    ChapterChosen,
    LevelEnded,
    LevelFixed,
    LevelRetry,
    MarchOn,
    Open,
    PreludeRead,
    QuizDone,
    QuizRetake,
    Step,
    ToTitle,
    ending_earned_by,
    next_step,
    next_stop,
)
from game.ui.scene import Outcome, Pop, Push, Quit, Replace, Reset, Scene
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.cards import CardsScene
from game.ui.scenes.credits import CreditsScene
from game.ui.scenes.editor_start import EditorStartScene
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
from game.ui.scenes.title import TitleScene

Applied = Push | Pop | Replace | Reset | Quit | None

#: Screens opened on top of the current one from a menu, by name: ``Open(name)``.
SCREENS: dict[str, Callable[[Game, Open], Scene]] = {
    "route": lambda game, o: RouteScene(game, focus=o.chapter),
    "cards": lambda game, o: CardsScene(game, o.chapter if o.chapter is not None else 0),
    "review": lambda game, o: ReviewScene(game),
    "ending": lambda game, o: EndingScene(game, _ending(game)),
    "profiles": lambda game, o: ProfilesScene(game),
    "pause": lambda game, o: PauseScene(game, _level_scene(o)),
    "settings": lambda game, o: SettingsScene(game),
    "help": lambda game, o: HelpScene(game),
    "credits": lambda game, o: CreditsScene(game),
    "editor": lambda game, o: EditorStartScene(game),
    "editor-level": lambda game, o: chosen_editor(game, o.over),
    "editor-play": lambda game, o: test_play(game, o.over),
}


def _ending(game: Game) -> Ending:
    assert game.campaign is not None and game.campaign.ending is not None
    return game.campaign.ending


def _level_scene(outcome: Open) -> PlayScene:
    assert isinstance(outcome.over, PlayScene)
    return outcome.over


def title(game: Game) -> Applied:
    """Back to the title screen; a level file played directly has none, so the game ends."""
    return Reset(TitleScene(game)) if game.campaign is not None else Quit()


def route_map(game: Game, focus: int) -> Applied:
    """The route map with ``focus`` chosen, over the title (Esc leads there)."""
    return Reset(RouteScene(game, focus=focus), below=(TitleScene(game),))


def open_screen(game: Game, outcome: Open) -> Applied:
    """Open a menu's screen on top."""
    return Push(SCREENS[outcome.screen](game, outcome))


def open_chapter(game: Game, outcome: ChapterChosen) -> Applied:
    """A chapter's prelude on a first visit (when it has one: why the march began, the
    Zunyi Conference), else its briefing."""
    assert game.campaign is not None
    chapter = game.campaign.chapters[outcome.chapter]
    started = any(game.progress.level_won(level.id) for level in chapter.levels)
    if chapter.prelude is not None and not started:
        return Push(PreludeScene(game, outcome.chapter))
    return Push(BriefingScene(game, outcome.chapter))


def begin_chapter(game: Game, outcome: ChapterBegun) -> Applied:
    """The chapter's first level not yet won (the first level when all are)."""
    assert game.campaign is not None
    levels = game.campaign.chapters[outcome.chapter].levels
    first = next((i for i, level in enumerate(levels) if not game.progress.level_won(level.id)),
                 0)
    return Replace(PlayScene(game, levels[first], outcome.chapter, first))


def retry_level(game: Game, outcome: LevelRetry) -> Applied:
    """The same level again, straight into play."""
    scene = PlayScene(game, outcome.level, outcome.chapter, outcome.level_index)
    scene.showing_intro = False
    return Replace(scene)


def march_on(game: Game, outcome: MarchOn) -> Applied:
    """After a won level, whatever :func:`~game.ui.outcomes.next_step` decides."""
    step = next_step(game, outcome.chapter, outcome.level_index)
    if step is Step.QUIT or outcome.chapter is None or game.campaign is None:
        return Quit()
    chapter = outcome.chapter
    if step is Step.LEVEL:
        index = outcome.level_index + 1
        return Replace(PlayScene(game, game.campaign.chapters[chapter].levels[index], chapter,
                                 index))
    if step is Step.QUIZ:
        return Replace(QuizScene(game, chapter))
    if step is Step.ENDING:
        return Reset(EndingScene(game, _ending(game)))
    return route_map(game, next_stop(game, chapter))


def quiz_done(game: Game, outcome: QuizDone) -> Applied:
    """The ending once earned; else the route map with the next stop in focus."""
    if ending_earned_by(game, outcome.chapter):
        return Reset(EndingScene(game, _ending(game)))
    return route_map(game, next_stop(game, outcome.chapter))


#: Every kind of outcome and what it leads to.
ROUTES: dict[type, Callable[[Game, Any], Applied]] = {
    Open: open_screen,
    ChapterChosen: open_chapter,
    PreludeRead: lambda game, o: Replace(BriefingScene(game, o.chapter)),
    ChapterBegun: begin_chapter,
    LevelEnded: lambda game, o: Replace(ResultScene(game, o.level, o.state, list(o.actions),
                                                    o.chapter, o.level_index, o.hints)),
    LevelRetry: retry_level,
    LevelFixed: lambda game, o: Replace(PlayScene(game, o.level, watch=o.watch)),
    MarchOn: march_on,
    QuizRetake: lambda game, o: Replace(QuizScene(game, o.chapter)),
    QuizDone: quiz_done,
    ToTitle: lambda game, o: title(game),
}


def route(game: Game, outcome: Outcome) -> Applied:
    """The transition ``outcome`` leads to."""
    return ROUTES[type(outcome)](game, outcome)


def router(game: Game) -> Callable[[Outcome], Applied]:
    """:func:`route` bound to ``game``, for :attr:`SceneStack.router`."""
    return lambda outcome: route(game, outcome)
