"""A level left mid-way reopens where it was: the moves are kept with the progress."""

from __future__ import annotations

import json
from pathlib import Path

import pygame

from game.core.actions import Action
from game.progress import FORMAT_VERSION, Progress, ProgressStore
from game.solver import solve
from game.ui.app import App, make_game, run
from game.ui.autoplay import headless_app, press, wait
from game.ui.scene import Push
from game.ui.scenes.pause import PauseScene
from game.ui.scenes.play import PlayScene
from game.ui.scenes.result import ResultScene
from game.ui.scenes.title import TitleScene

LEVELS = Path(__file__).resolve().parents[2] / "levels"


def first_level(app: App) -> PlayScene:
    """Enter from the title, through the route map (and the prologue, the briefing), until
    the first level shows."""
    for _ in range(6):
        if isinstance(app.stack.top, PlayScene):
            break
        press(app, pygame.K_RETURN)
    scene = app.stack.top
    assert isinstance(scene, PlayScene)
    press(app, pygame.K_RETURN)  # the intro card
    return scene


def test_quitting_mid_level_and_coming_back_reopens_it_where_it_was() -> None:
    app = headless_app(LEVELS, "zh")
    scene = first_level(app)
    press(app, pygame.K_LEFT)
    press(app, pygame.K_SPACE)
    wait(app, 0.3)
    where, turn, troops = scene.state.pos, scene.state.turn, scene.state.troops
    press(app, pygame.K_ESCAPE)  # the pause menu writes the moves…
    assert isinstance(app.stack.top, PauseScene)
    saved = ProgressStore.default().load().progress
    assert saved.unfinished == {scene.level.id: "L."}

    again = headless_app(LEVELS, "zh")  # …and the game is started again
    resumed = first_level(again)
    assert (resumed.state.pos, resumed.state.turn, resumed.state.troops) == (where, turn, troops)
    assert resumed.actions == [Action.LEFT, Action.WAIT]
    assert resumed.message is not None  # says so
    press(again, pygame.K_z)  # and the kept moves can be undone
    assert resumed.state.turn == 1


def test_winning_or_restarting_forgets_the_kept_moves() -> None:
    app = headless_app(LEVELS, "zh")
    scene = first_level(app)
    press(app, pygame.K_LEFT)
    assert app.game.progress.unfinished == {scene.level.id: "L"}
    press(app, pygame.K_r)
    assert app.game.progress.unfinished == {}
    for action in solve(scene.level).moves or ():
        scene.play(action)
    wait(app, 1.5)
    assert isinstance(app.stack.top, ResultScene)
    assert ProgressStore.default().load().progress.unfinished == {}


def test_moves_the_level_no_longer_allows_are_dropped() -> None:
    pygame.font.init()
    store = ProgressStore.default()
    game, _ = make_game(LEVELS, None)
    assert game.campaign is not None
    level = game.campaign.chapters[0].levels[0]
    store.save(Progress(unfinished={level.id: "RRRRRRRRRR"}))  # into the map's edge
    game, _ = make_game(LEVELS, None)
    scene = PlayScene(game, level, 0, 0)
    assert scene.state.turn == 0 and scene.actions == []
    assert game.progress.unfinished == {}


def test_moves_kept_on_the_old_snow_mountain_are_dropped_quietly() -> None:
    """Chapter 5's levels were redrawn (soup at the foot, no huts on the way up): a pupil's
    moves kept from the old challenge no longer replay, and it starts afresh, no crash."""
    pygame.font.init()
    store = ProgressStore.default()
    game, _ = make_game(LEVELS, None)
    assert game.campaign is not None
    level = next(lv for chapter in game.campaign.chapters for lv in chapter.levels
                 if lv.id == "snow-mountains-3")
    old_best = "DRRDRRRURURRRRRDRRRRRDRRDRRRUUDDRRRUUU"  # the hut-to-hut route of before
    for kept in (old_best[:12], "RRRR..."):  # refused; then frozen sitting on the snow
        store.save(Progress(unfinished={level.id: kept}))
        game, _ = make_game(LEVELS, None)
        scene = PlayScene(game, level, 4, 2)
        assert scene.state.turn == 0 and scene.actions == [], kept
        assert game.progress.unfinished == {}


def test_a_level_file_played_directly_keeps_nothing() -> None:
    pygame.font.init()
    game, _ = make_game(LEVELS, None)
    assert game.campaign is not None
    scene = PlayScene(game, game.campaign.chapters[0].levels[0])
    scene.showing_intro = False
    scene.play(Action.LEFT)
    assert game.progress.unfinished == {}


def test_a_version_1_save_still_loads_with_nothing_kept(tmp_path: Path) -> None:
    data = Progress(language="en").to_json()
    data["version"] = 1
    del data["unfinished"]
    store = ProgressStore(tmp_path / "old.json")
    store.path.write_text(json.dumps(data), encoding="utf-8")
    loaded = store.load()
    assert loaded.notice is None
    assert loaded.progress.unfinished == {} and loaded.progress.language == "en"
    store.save(loaded.progress)
    assert json.loads(store.path.read_text("utf-8"))["version"] == FORMAT_VERSION


def test_a_bad_move_string_is_a_corrupt_save(tmp_path: Path) -> None:
    data = Progress().to_json()
    data["unfinished"] = {"xiangjiang-1": "LX"}
    store = ProgressStore(tmp_path / "bad.json")
    store.path.write_text(json.dumps(data), encoding="utf-8")
    assert store.load().notice is not None


def test_closing_the_window_writes_what_is_only_in_memory(monkeypatch: object) -> None:
    import game.ui.app as app_module

    def one_move(self: App, events: list[pygame.event.Event], dt: float) -> None:
        top = self.stack.top
        if isinstance(top, TitleScene):
            assert self.game.campaign is not None
            scene = PlayScene(self.game, self.game.campaign.chapters[0].levels[0], 0, 0)
            scene.showing_intro = False
            self.stack.apply(Push(scene))
            scene.play(Action.LEFT)
        self.stack.running = False

    monkeypatch.setattr(app_module.App, "frame", one_move)  # type: ignore[attr-defined]
    assert run(LEVELS) == 0
    assert ProgressStore.default().load().progress.unfinished == {"xiangjiang-1": "L"}

