"""Profiles: pupils sharing a computer pick or type their name; the last one is remembered."""

from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest

from game.progress import Progress, ProgressStore
from game.ui import strings
from game.ui.app import App, make_game
from game.ui.autoplay import DT, click, headless_app, press
from game.ui.scenes.profiles import (
    BADGE_SIZE,
    LAST_PROFILE_FILE,
    MAX_NAME,
    ProfilesScene,
    data_dir,
    last_profile,
)
from game.ui.scenes.title import TitleScene

LEVELS = Path(__file__).resolve().parents[2] / "levels"


def new_app(lang: str = "zh") -> App:
    app = headless_app(LEVELS, lang)
    assert isinstance(app.stack.top, TitleScene)
    return app


def title_of(app: App) -> TitleScene:
    title = app.stack.top
    assert isinstance(title, TitleScene), type(title).__name__
    return title


def profiles_of(app: App) -> ProfilesScene:
    scene = app.stack.top
    assert isinstance(scene, ProfilesScene), type(scene).__name__
    return scene


def open_profiles(app: App) -> ProfilesScene:
    click(app, title_of(app).menu.find("profile").rect.center)
    return profiles_of(app)


def type_text(app: App, text: str) -> None:
    """Typed text arrives as TEXTINPUT events (an IME sends a whole word at once)."""
    app.frame([pygame.event.Event(pygame.TEXTINPUT, text=text)], DT)


def create_profile(app: App, name: str) -> None:
    scene = open_profiles(app)
    click(app, scene.menu.find("new").rect.center)
    assert scene.typing
    type_text(app, name)
    press(app, pygame.K_RETURN)


def test_typing_a_chinese_name_creates_and_selects_the_profile() -> None:
    app = new_app()
    assert app.game.store.path.stem == "default"
    scene = open_profiles(app)
    assert [key for key in (b.key for b in scene.menu.buttons) if key.startswith("profile:")] \
        == ["profile:default"]
    assert scene.labels["profile:default"][1] == strings.DEFAULT_PROFILE.zh
    click(app, scene.menu.find("new").rect.center)
    type_text(app, "王")
    type_text(app, "小明明")
    press(app, pygame.K_BACKSPACE)
    assert scene.text == "王小明"
    app.draw()  # the dialog draws with the typed name
    press(app, pygame.K_RETURN)

    title = title_of(app)
    assert app.game.store.path == ProgressStore.default("王小明").path
    assert app.game.store.path.is_file()  # saved at once, so it is listed from now on
    assert app.game.progress.levels == {}
    remembered = json.loads((data_dir() / LAST_PROFILE_FILE).read_text(encoding="utf-8"))
    assert remembered == {"profile": "王小明"}
    assert title.menu.find("start").label == strings.START.zh
    app.draw()


def test_name_rules_printable_16_characters_esc_cancels() -> None:
    app = new_app("en")
    scene = open_profiles(app)
    press(app, pygame.K_DOWN)  # from "Default" to "+ New pupil"
    press(app, pygame.K_RETURN)
    assert scene.typing
    type_text(app, " ")  # a space cannot start a name (Space also opened the dialog)
    type_text(app, "a\tb\x07c")  # control characters are dropped
    assert scene.text == "abc"
    type_text(app, "x" * 40)
    assert len(scene.text) == MAX_NAME
    press(app, pygame.K_a)  # keys do not move the menu while typing
    press(app, pygame.K_ESCAPE)
    assert not scene.typing and app.stack.top is scene
    assert app.game.store.path.stem == "default"

    click(app, scene.menu.find("new").rect.center)
    assert scene.text == ""
    press(app, pygame.K_RETURN)
    assert scene.error == strings.NAME_EMPTY
    for taken in ("Default", "默认"):
        scene.text = ""
        type_text(app, taken)
        press(app, pygame.K_RETURN)
        assert scene.error == strings.NAME_TAKEN and scene.typing
    scene.text = ""
    type_text(app, "!!!")
    press(app, pygame.K_RETURN)
    assert scene.error == strings.NAME_UNUSABLE
    app.draw()  # the dialog shows the error in English

    # While an input method is composing, Enter and Backspace belong to it.
    scene.text = ""
    app.frame([pygame.event.Event(pygame.TEXTEDITING, text="zhang", start=5, length=0)], DT)
    press(app, pygame.K_RETURN)
    assert scene.typing and scene.error is None
    type_text(app, "张")
    app.frame([pygame.event.Event(pygame.TEXTEDITING, text="", start=0, length=0)], DT)
    assert (scene.text, scene.composing) == ("张", "")
    click(app, scene.dialog.find("create").rect.center)
    assert app.game.store.path.stem == "张"
    assert isinstance(app.stack.top, TitleScene)


def test_switching_profiles_shows_each_pupils_progress() -> None:
    app = new_app()
    create_profile(app, "Anna")
    assert app.game.store.path.stem == "Anna"
    app.game.progress.record_level("xiangjiang-1", won=True, moves=20, troops=30, stars=1)
    app.game.save()
    create_profile(app, "Ben")
    assert app.game.store.path.stem == "Ben"
    assert app.game.progress.levels == {}
    assert title_of(app).menu.find("start").label == strings.START.zh

    scene = open_profiles(app)
    names = [b.key.removeprefix("profile:") for b in scene.menu.buttons
             if b.key.startswith("profile:")]
    assert names == ["default", "Anna", "Ben"]
    assert scene.menu.buttons[scene.menu.focus].key == "profile:Ben"  # the current one
    assert scene.current_key == "profile:Ben"
    press(app, pygame.K_UP)
    press(app, pygame.K_RETURN)  # Anna, chosen with the keyboard
    assert app.game.store.path.stem == "Anna"
    assert app.game.progress.levels["xiangjiang-1"].best_moves == 20
    assert title_of(app).menu.find("start").label == strings.CONTINUE.zh

    scene = open_profiles(app)
    click(app, scene.menu.find("profile:default").rect.center)
    assert app.game.store.path.stem == "default"
    assert app.game.progress.levels == {}

    scene = open_profiles(app)
    press(app, pygame.K_ESCAPE)  # back, nothing changed
    assert app.game.store.path.stem == "default"


def test_each_profile_keeps_its_language_and_its_notices() -> None:
    ProgressStore.default("Chen").save(Progress(language="en"))
    bad = ProgressStore.default("Dana").path
    bad.write_text("{broken", encoding="utf-8")
    app = new_app()
    scene = open_profiles(app)
    click(app, scene.menu.find("profile:Chen").rect.center)
    assert app.game.lang == "en"
    assert title_of(app).menu.find("profile").label == strings.SWITCH_PUPIL.en
    scene = open_profiles(app)
    click(app, scene.menu.find("profile:Dana").rect.center)
    assert len(app.game.notices) == 1  # the unreadable save was set aside, as at start-up
    scene = open_profiles(app)
    click(app, scene.menu.find("profile:Chen").rect.center)
    assert app.game.notices == []


def test_make_game_starts_with_the_last_profile() -> None:
    app = new_app()
    create_profile(app, "Anna")
    app.game.progress.record_level("xiangjiang-1", won=True, moves=20, troops=30, stars=1)
    app.game.save()

    game, problems = make_game(LEVELS, None)
    assert problems == ()
    assert game.store.path.stem == "Anna"
    assert game.progress.level_won("xiangjiang-1")


@pytest.mark.parametrize("content", ["{bad json", '{"profile": 7}', '["Anna"]',
                                     '{"profile": "../x"}', '{"profile": ""}'])
def test_a_bad_last_profile_file_means_the_default(content: str) -> None:
    path = data_dir() / LAST_PROFILE_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    assert last_profile() == "default"
    game, _ = make_game(LEVELS, None)
    assert game.store.path.stem == "default"


def test_many_profiles_are_paged() -> None:
    for number in range(20):
        ProgressStore.default(f"pupil-{number:02d}").save(Progress())
    app = new_app("en")
    scene = open_profiles(app)
    assert scene.pages == 2
    assert not scene.menu.find("prev").enabled
    press(app, pygame.K_PAGEDOWN)
    assert scene.page == 1
    shown = [b.key for b in scene.menu.buttons if b.key.startswith("profile:")]
    assert shown[0] == "profile:pupil-14" and len(shown) == 21 - 15
    click(app, scene.menu.find("prev").rect.center)
    assert scene.page == 0
    click(app, scene.menu.find("profile:pupil-03").rect.center)
    assert app.game.store.path.stem == "pupil-03"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_long_names_fit_their_buttons_and_the_title(lang: str) -> None:
    long_name = "张" * MAX_NAME if lang == "zh" else "W" * MAX_NAME
    ProgressStore.default(long_name).save(Progress())
    app = new_app(lang)
    scene = open_profiles(app)
    click(app, scene.menu.find(f"profile:{long_name}").rect.center)
    title = title_of(app)
    app.draw()
    scene = open_profiles(app)
    button = scene.menu.find(f"profile:{long_name}")
    font, label = scene.labels[button.key]
    assert label == long_name  # a 16-character name is shown whole, only smaller
    assert scene.current_key == button.key
    badge = scene.game.fonts.get(BADGE_SIZE).size(scene.game.t(strings.CURRENT_PUPIL))[0]
    assert font.size(label)[0] + badge + 12 + 28 <= button.rect.width
    press(app, pygame.K_ESCAPE)
    assert app.stack.top is title
