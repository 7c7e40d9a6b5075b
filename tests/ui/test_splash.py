"""The stored title picture: exactly the live title's pixels, and never shown once anything
its pixels depend on has changed."""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pygame
import pytest

import game
from game.content.campaign import load_campaign
from game.i18n import Lang
from game.progress import Progress, ProgressStore
from game.ui import splash as splash_module
from game.ui.app import start
from game.ui.splash import Splash, show_cached_title, splash_file, title_key

LEVELS = Path(__file__).resolve().parents[2] / "levels"


@pytest.fixture(autouse=True)
def _fresh_pygame() -> Iterator[None]:
    pygame.quit()
    yield
    pygame.quit()


def _screen() -> bytes:
    surface = pygame.display.get_surface()
    assert surface is not None
    return pygame.image.tobytes(surface, "RGB")


def _start(levels: Path = LEVELS, lang: Lang | None = None) -> tuple[Splash | None, bytes, bytes]:
    """One start as ``python main.py`` does it: (its splash, what the picture showed or b"",
    the live title's first frame)."""
    pygame.quit()
    shown = show_cached_title(levels, lang)
    picture = _screen() if shown is not None and shown.shown else b""
    start(levels, None, lang, shown)
    return shown, picture, _screen()


def _data() -> Path:
    return Path(os.environ["CHANGZHENG_DATA_DIR"])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_stored_picture_is_the_live_title_pixel_for_pixel(lang: Lang) -> None:
    first, picture, live = _start(lang=lang)
    assert first is not None and not first.shown and picture == b""
    assert splash_file().is_file()
    second, picture, live_again = _start(lang=lang)
    assert second is not None and second.shown
    assert picture == live == live_again


def test_a_pupil_with_progress_and_large_text_is_pictured_exactly() -> None:
    data = _data()
    (data / "profiles").mkdir(parents=True)
    (data / "settings.json").write_text(json.dumps({"text_size": 150, "high_contrast": True}),
                                        encoding="utf-8")
    _start(lang="en")  # writes nothing but the cache: the pupil has no save yet
    progress = Progress(language="en")
    first_level = load_campaign(LEVELS).chapters[0].levels[0].id
    progress.record_level(first_level, won=True, moves=30, troops=5, stars=2)
    ProgressStore.default().save(progress)
    missed, _, live = _start()
    assert missed is not None and not missed.shown
    hit, picture, _ = _start()
    assert hit is not None and hit.shown and picture == live


def _stored_then(change: Callable[[], object]) -> Splash | None:
    _start()
    assert (hit := show_cached_title(LEVELS, None)) is not None and hit.shown
    pygame.quit()
    change()
    return show_cached_title(LEVELS, None)


def test_another_language_argument_misses() -> None:
    _start()
    pygame.quit()
    shown = show_cached_title(LEVELS, "en")
    assert shown is not None and not shown.shown


def test_changed_settings_miss() -> None:
    shown = _stored_then(lambda: (_data() / "settings.json").write_text(
        json.dumps({"text_size": 125}), encoding="utf-8"))
    assert shown is not None and not shown.shown


def test_a_save_with_other_bytes_misses_even_with_the_same_time() -> None:
    ProgressStore.default().save(Progress(language="zh"))
    save = ProgressStore.default().path

    def same_size_other_bytes() -> None:
        info = save.stat()
        text = save.read_text(encoding="utf-8")
        assert '"language": "zh"' in text
        save.write_text(text.replace('"language": "zh"', '"language": "en"'), encoding="utf-8")
        os.utime(save, ns=(info.st_atime_ns, info.st_mtime_ns))

    shown = _stored_then(same_size_other_bytes)
    assert shown is not None and not shown.shown


def test_a_new_pupil_misses() -> None:
    def new_pupil() -> None:
        (_data() / "profiles").mkdir(parents=True, exist_ok=True)
        (_data() / "profiles" / "li-lei.json").write_text("{}", encoding="utf-8")

    shown = _stored_then(new_pupil)
    assert shown is not None and not shown.shown


def test_a_touched_content_file_misses(tmp_path: Path) -> None:
    levels = Path(shutil.copytree(LEVELS, tmp_path / "levels"))
    _start(levels)
    pygame.quit()
    assert (shown := show_cached_title(levels, None)) is not None and shown.shown
    pygame.quit()
    campaign = levels / "campaign.yaml"
    info = campaign.stat()
    os.utime(campaign, ns=(info.st_atime_ns, info.st_mtime_ns + 1))
    assert (shown := show_cached_title(levels, None)) is not None and not shown.shown


def test_another_campaign_folder_misses(tmp_path: Path) -> None:
    _start()
    pygame.quit()
    copy = Path(shutil.copytree(LEVELS, tmp_path / "levels"))
    assert (shown := show_cached_title(copy, None)) is not None and not shown.shown


@pytest.mark.parametrize("change", ["version", "desktop", "code", "program"])
def test_another_game_version_desktop_code_or_program_changes_the_key(
        change: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    pygame.display.init()
    before = title_key(LEVELS, None)
    if change == "version":
        monkeypatch.setattr(game, "__version__", game.__version__ + ".1")
    elif change == "desktop":
        monkeypatch.setattr(pygame.display, "get_desktop_sizes", lambda: [(1920, 1080)])
    elif change == "program":  # another Python, or a rebuilt frozen app
        (tmp_path / "changzheng").write_bytes(b"another program")
        monkeypatch.setattr(sys, "executable", str(tmp_path / "changzheng"))
    else:
        code = Path(shutil.copytree(splash_module._PACKAGE, tmp_path / "game",
                                    ignore=shutil.ignore_patterns("__pycache__")))
        monkeypatch.setattr(splash_module, "_PACKAGE", code)
        before = title_key(LEVELS, None)
        info = (code / "ui" / "widgets.py").stat()
        os.utime(code / "ui" / "widgets.py", ns=(info.st_atime_ns, info.st_mtime_ns + 1))
    assert title_key(LEVELS, None) != before


def test_a_file_changed_while_the_title_was_drawn_stores_nothing() -> None:
    pygame.quit()
    shown = show_cached_title(LEVELS, None)
    assert shown is not None
    (_data() / "settings.json").parent.mkdir(parents=True, exist_ok=True)
    (_data() / "settings.json").write_text("{}", encoding="utf-8")
    start(LEVELS, None, None, shown)
    assert not splash_file().exists()


@pytest.mark.parametrize("content", [b"", b"junk", splash_module.MAGIC + b"\0" * 40])
def test_a_corrupt_picture_file_is_ignored_and_replaced(content: bytes) -> None:
    _start()
    splash_file().write_bytes(content)
    shown, picture, _ = _start()
    assert shown is not None and not shown.shown and picture == b""
    assert splash_file().read_bytes() != content
    assert (again := _start()[0]) is not None and again.shown


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_picture_others_may_write_is_never_shown() -> None:
    _start()
    splash_file().chmod(0o666)
    pygame.quit()
    assert (shown := show_cached_title(LEVELS, None)) is not None and not shown.shown


def test_no_picture_when_caches_are_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHANGZHENG_NO_CACHE", "1")
    assert show_cached_title(LEVELS, None) is None
    start(LEVELS, None, None, None)
    assert not splash_file().exists()


def test_a_title_with_a_notice_is_not_stored() -> None:
    data = _data()
    data.mkdir(parents=True, exist_ok=True)
    (data / "settings.json").write_text("{not json", encoding="utf-8")  # a notice on the title
    pygame.quit()
    shown = show_cached_title(LEVELS, None)
    app, _, _ = start(LEVELS, None, None, shown)
    assert app.game.notices and not splash_file().exists()


def test_the_live_title_draws_into_the_pictured_window_without_opening_it_again(
        monkeypatch: pytest.MonkeyPatch) -> None:
    _start()
    pygame.quit()
    shown = show_cached_title(LEVELS, None)
    assert shown is not None and shown.shown
    window = pygame.display.get_surface()
    opened: list[object] = []
    real = pygame.display.set_mode
    monkeypatch.setattr(pygame.display, "set_mode",
                        lambda *args, **kwargs: opened.append(args) or real(*args, **kwargs))
    _, live, _ = start(LEVELS, None, None, shown)
    assert opened == [] and live.surface() is window


def test_input_that_arrives_while_the_picture_shows_reaches_the_live_title() -> None:
    _start()
    pygame.quit()
    shown = show_cached_title(LEVELS, None)
    assert shown is not None and shown.shown
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_DOWN, mod=0,
                                         unicode="", scancode=0))
    app, window, _ = start(LEVELS, None, None, shown)
    keys = [event for event in pygame.event.get() if event.type == pygame.KEYDOWN]
    assert [event.key for event in keys] == [pygame.K_DOWN]
    focus = app.stack.top.menu.focus  # type: ignore[attr-defined]
    assert app.frame([window.to_logical(event) for event in keys], 0.0)
    assert app.stack.top.menu.focus == focus + 1  # type: ignore[attr-defined]
