"""Every screen driven by the mouse (or a finger) alone: not one key is pressed here."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.core.actions import Action
from game.progress import ProgressStore
from game.solver import solve
from game.ui.app import App
from game.ui.autoplay import click, complete_chapter, headless_app, hover, wait
from game.ui.scene import Push
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.cards import CardsScene
from game.ui.scenes.credits import CreditsScene
from game.ui.scenes.ending import EndingScene
from game.ui.scenes.help import HelpScene
from game.ui.scenes.pause import PauseScene
from game.ui.scenes.play import PlayScene, tap_action
from game.ui.scenes.prelude import PreludeScene
from game.ui.scenes.profiles import ProfilesScene
from game.ui.scenes.quiz import QuizScene
from game.ui.scenes.result import ResultScene
from game.ui.scenes.review import ReviewScene
from game.ui.scenes.route import RouteScene
from game.ui.scenes.settings import SettingsScene
from game.ui.scenes.title import TitleScene

LEVELS = Path(__file__).resolve().parents[2] / "levels"


def new_app(lang: str = "zh") -> App:
    app = headless_app(LEVELS, lang)
    assert isinstance(app.stack.top, TitleScene)
    return app


def title(app: App) -> TitleScene:
    scene = app.stack.top
    assert isinstance(scene, TitleScene)
    return scene


def open_first_level(app: App) -> PlayScene:
    """Title → route map → briefing → the first level, by clicks."""
    click(app, title(app).menu.find("start").rect.center)
    route = app.stack.top
    assert isinstance(route, RouteScene)
    click(app, route.stops[0].center)
    prelude = app.stack.top
    assert isinstance(prelude, PreludeScene), "a first visit opens with the prologue"
    click(app, prelude.menu.find("continue").rect.center)
    briefing = app.stack.top
    assert isinstance(briefing, BriefingScene)
    click(app, briefing.menu.find("begin").rect.center)
    scene = app.stack.top
    assert isinstance(scene, PlayScene)
    return scene


def tap(app: App, scene: PlayScene, action: Action) -> None:
    """Tap the cell the column would step onto with ``action`` (its own cell to wait)."""
    x, y = scene.state.pos
    dx, dy = action.delta
    click(app, scene.view.cell_rect((x + dx, y + dy)).center)
    wait(app, 0.2)


def press_button(app: App, scene: PlayScene, key: str) -> None:
    click(app, scene.buttons.find(key).rect.center)


def test_a_level_is_won_by_tapping_cells_and_the_result_by_clicking() -> None:
    app = new_app()
    scene = open_first_level(app)
    click(app, (640, 360))  # the intro card goes with a tap
    assert not scene.showing_intro
    moves = solve(scene.level).moves
    assert moves
    for action in moves:
        tap(app, scene, action)
    wait(app, 1.0)
    result = app.stack.top
    assert isinstance(result, ResultScene) and result.won
    assert result.moves == len(moves)
    click(app, result.menu.find("next").rect.center)
    assert isinstance(app.stack.top, PlayScene) and app.stack.top.level_index == 1


def test_taps_far_away_cost_nothing_and_the_buttons_do_what_the_keys_do() -> None:
    app = new_app()
    scene = open_first_level(app)
    click(app, (640, 360))
    start = scene.state.pos
    far = (start[0] - 3, start[1])
    click(app, scene.view.cell_rect(far).center)
    assert scene.state.turn == 0 and scene.message is not None  # says how to move instead
    tap(app, scene, Action.LEFT)
    assert scene.state.pos == (start[0] - 1, start[1]) and scene.state.turn == 1
    tap(app, scene, Action.WAIT)  # the column's own cell
    assert scene.state.turn == 2 and scene.actions == [Action.LEFT, Action.WAIT]
    press_button(app, scene, "wait")
    assert scene.state.turn == 3
    press_button(app, scene, "undo")
    assert scene.state.turn == 2 and len(scene.actions) == 2
    press_button(app, scene, "hint")
    assert scene.hints == 1 and scene.message is not None
    press_button(app, scene, "restart")
    assert scene.state.turn == 0 and scene.actions == []
    press_button(app, scene, "menu")
    pause = app.stack.top
    assert isinstance(pause, PauseScene)
    click(app, pause.menu.find("resume").rect.center)
    assert app.stack.top is scene


def test_hovering_a_neighbour_marks_it_and_only_neighbours() -> None:
    app = new_app()
    scene = open_first_level(app)
    click(app, (640, 360))
    x, y = scene.state.pos
    hover(app, scene.view.cell_rect((x - 1, y)).center)
    assert scene.hover == (x - 1, y)
    hover(app, scene.view.cell_rect((x - 2, y)).center)
    assert scene.hover is None
    assert tap_action((3, 3), (3, 2)) is Action.UP
    assert tap_action((3, 3), (3, 3)) is Action.WAIT
    assert tap_action((3, 3), (4, 4)) is None


def test_pause_menu_reaches_settings_and_help_and_quits_by_clicks() -> None:
    app = new_app("en")
    scene = open_first_level(app)
    click(app, (640, 360))
    press_button(app, scene, "menu")
    pause = app.stack.top
    assert isinstance(pause, PauseScene)
    click(app, pause.menu.find("settings").rect.center)
    settings = app.stack.top
    assert isinstance(settings, SettingsScene)
    click(app, settings.menu.find("back").rect.center)
    click(app, pause.menu.find("help").rect.center)
    help_scene = app.stack.top
    assert isinstance(help_scene, HelpScene)
    click(app, help_scene.menu.find("back").rect.center)
    assert app.stack.top is pause
    click(app, pause.menu.find("title").rect.center)
    assert isinstance(app.stack.top, TitleScene) and len(app.stack.scenes) == 1


def test_a_quiz_is_answered_by_clicks() -> None:
    app = new_app()
    game = app.game
    assert game.campaign is not None
    for level in game.campaign.chapters[0].levels:
        game.progress.record_level(level.id, won=True, moves=10, troops=50, stars=2)
    quiz = QuizScene(game, 0)
    app.stack.apply(Push(quiz))
    while not quiz.finished:
        asked = quiz.session.asked[quiz.index]
        for position in asked.shown_answer():
            click(app, quiz.menu.find(str(position)).rect.center)
        if quiz.feedback is None:
            click(app, quiz.menu.find("confirm").rect.center)
        assert quiz.feedback is not None
        click(app, quiz.menu.find("next").rect.center)
    assert quiz.session.passed and quiz.session.score == len(quiz.session.asked)


@pytest.mark.parametrize("screen", ["cards", "review", "credits", "help", "settings"])
def test_gallery_and_reading_screens_open_and_close_by_clicks(screen: str) -> None:
    app = new_app()
    game = app.game
    assert game.campaign is not None
    first = game.campaign.chapters[0]
    assert first.quiz is not None
    complete_chapter(game, first, wrong=(first.quiz.questions[0].id,))
    title(app).resumed()
    scenes = {"cards": CardsScene, "review": ReviewScene, "credits": CreditsScene,
              "help": HelpScene, "settings": SettingsScene}
    click(app, title(app).menu.find(screen).rect.center)
    scene = app.stack.top
    assert isinstance(scene, scenes[screen])
    if isinstance(scene, CardsScene | CreditsScene):
        before = scene.page
        click(app, scene.menu.find("next").rect.center)
        assert scene.page == before + 1
    click(app, scene.menu.find("back").rect.center)
    assert isinstance(app.stack.top, TitleScene)


def test_the_ending_closes_with_a_click() -> None:
    app = new_app()
    game = app.game
    assert game.campaign is not None and game.campaign.ending is not None
    for chapter in game.campaign.chapters:
        complete_chapter(game, chapter)
    title(app).resumed()
    click(app, title(app).menu.find("ending").rect.center)
    assert isinstance(app.stack.top, EndingScene)
    click(app, (640, 360))  # shows the whole poem
    click(app, (640, 360))  # and leaves
    assert isinstance(app.stack.top, TitleScene)


def test_a_pupil_is_added_chosen_reset_and_deleted_without_a_keyboard() -> None:
    app = new_app()
    click(app, title(app).menu.find("profile").rect.center)
    profiles = app.stack.top
    assert isinstance(profiles, ProfilesScene)
    click(app, profiles.menu.find("new").rect.center)
    assert profiles.typing
    click(app, profiles.dialog.find("quick").rect.center)  # "就叫“学生1”"
    assert isinstance(app.stack.top, TitleScene)
    assert app.game.store.path == ProgressStore.default("学生1").path
    app.game.progress.record_level("xiangjiang-1", won=True, moves=9, troops=80, stars=2)
    app.game.save()

    click(app, title(app).menu.find("profile").rect.center)
    profiles = app.stack.top
    assert isinstance(profiles, ProfilesScene)
    click(app, profiles.menu.find("manage").rect.center)
    click(app, profiles.menu.find("profile:学生1").rect.center)
    assert profiles.confirm == ("学生1", "choose")
    click(app, profiles.confirm_menu.find("reset").rect.center)
    assert profiles.confirm == ("学生1", "reset")
    click(app, profiles.confirm_menu.find("yes-reset").rect.center)
    assert profiles.confirm is None
    assert app.game.progress.levels == {}
    assert ProgressStore.default("学生1").load().progress.levels == {}

    click(app, profiles.menu.find("profile:学生1").rect.center)
    click(app, profiles.confirm_menu.find("delete").rect.center)
    assert profiles.confirm_menu.focus == len(profiles.confirm_menu.buttons) - 1, \
        "Cancel must have the focus, so a stray Enter deletes nothing"
    click(app, profiles.confirm_menu.find("yes-delete").rect.center)
    assert not ProgressStore.default("学生1").path.exists()
    assert app.game.store.path == ProgressStore.default().path  # back to the default pupil
    assert "profile:学生1" not in [b.key for b in profiles.menu.buttons]


def test_cancel_keeps_the_pupil_and_the_default_pupil_cannot_be_deleted() -> None:
    app = new_app("en")
    click(app, title(app).menu.find("profile").rect.center)
    profiles = app.stack.top
    assert isinstance(profiles, ProfilesScene)
    click(app, profiles.menu.find("manage").rect.center)
    click(app, profiles.menu.find("profile:default").rect.center)
    keys = [b.key for b in profiles.confirm_menu.buttons]
    assert keys == ["reset", "cancel"]
    click(app, profiles.confirm_menu.find("cancel").rect.center)
    assert profiles.confirm is None and profiles.managing
    click(app, profiles.menu.find("done").rect.center)
    assert not profiles.managing
