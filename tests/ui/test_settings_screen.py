"""The settings screen by mouse: each choice takes effect at once and is there next time."""

from __future__ import annotations

import json
from pathlib import Path

import pygame

from game.settings import Settings, settings_path
from game.ui import palette
from game.ui.app import App, make_game
from game.ui.autoplay import click, headless_app, press
from game.ui.contrast import HIGH_CONTRAST, NORMAL
from game.ui.scenes.help import HelpScene
from game.ui.scenes.settings import SettingsScene
from game.ui.scenes.title import TitleScene

LEVELS = Path(__file__).resolve().parents[2] / "levels"


class Speaker:
    """Audio that remembers what it was told."""

    def __init__(self) -> None:
        self.loudness = -1.0
        self.played: list[str] = []

    def play(self, name: str) -> None:
        if self.loudness > 0:
            self.played.append(name)

    def set_volume(self, loudness: float) -> None:
        self.loudness = loudness


def open_settings(app: App) -> SettingsScene:
    title = app.stack.top
    assert isinstance(title, TitleScene)
    click(app, title.menu.find("settings").rect.center)
    scene = app.stack.top
    assert isinstance(scene, SettingsScene)
    return scene


def choose(app: App, scene: SettingsScene, key: str) -> None:
    click(app, scene.menu.find(key).rect.center)


def saved() -> dict[str, object]:
    data = json.loads(settings_path().read_text("utf-8"))
    assert isinstance(data, dict)
    return data


def test_every_choice_takes_effect_and_is_saved_for_next_time() -> None:
    app = headless_app(LEVELS, "zh")
    speaker = Speaker()
    app.game.audio = speaker
    switched: list[bool] = []
    app.game.set_fullscreen = switched.append
    scene = open_settings(app)

    choose(app, scene, "size:150")
    assert app.game.fonts.scale == 1.5 and saved()["text_size"] == 150
    assert scene.menu.find("size:150").selected and not scene.menu.find("size:100").selected
    assert app.game.fonts.get(20).get_height() > app.game.fonts.get(20, exact=True).get_height()

    choose(app, scene, "contrast:on")
    assert HIGH_CONTRAST["TEXT"] == palette.TEXT and saved()["high_contrast"] is True

    choose(app, scene, "volume:down")
    assert saved()["volume"] == 60 and speaker.loudness == 0.6
    choose(app, scene, "sound:off")
    assert speaker.loudness == 0.0 and saved()["sound"] is False
    choose(app, scene, "volume:up")  # turning it up switches the sound back on
    assert saved()["sound"] is True and speaker.loudness == 0.7

    choose(app, scene, "fullscreen:on")
    assert switched[-1] is True and saved()["fullscreen"] is True

    choose(app, scene, "lang:en")
    assert app.game.lang == "en" and saved()["language"] == "en"
    assert scene.menu.find("back").label == "Back"  # the screen speaks English at once

    game, _ = make_game(LEVELS, None)  # next time
    assert game.settings == Settings(sound=True, volume=70, text_size=150, high_contrast=True,
                                     fullscreen=True, language="en")
    assert game.fonts.scale == 1.5 and game.lang == "en"
    game.settings = Settings()
    game.apply_settings()
    assert NORMAL["TEXT"] == palette.TEXT


def test_a_corrupt_settings_file_means_defaults_and_a_notice() -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[1, 2", encoding="utf-8")
    game, _ = make_game(LEVELS, None)
    assert game.settings == Settings()
    assert any("settings" in notice.en for notice in game.notices)


def test_keys_work_too_and_f1_opens_the_controls() -> None:
    app = headless_app(LEVELS, "en")
    scene = open_settings(app)
    press(app, pygame.K_F1)
    assert isinstance(app.stack.top, HelpScene)
    press(app, pygame.K_F1)
    assert app.stack.top is scene
    scene.menu.focus = 0
    press(app, pygame.K_DOWN)
    press(app, pygame.K_RETURN)  # "sound: off"
    assert app.game.settings.sound is False
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.stack.top, TitleScene)


def test_a_new_pupil_on_an_english_computer_starts_in_english() -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"language": "en"}), encoding="utf-8")
    game, _ = make_game(LEVELS, None)
    assert game.lang == "en"
