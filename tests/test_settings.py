"""The computer's settings file: defaults, round trip, hostile contents, failed writes."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from game.settings import TEXT_SIZES, Settings, load_settings, save_settings, settings_path

JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
                    | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=12), inner, max_size=6),
                    max_leaves=20)
KEYS = st.sampled_from(["sound", "volume", "text_size", "high_contrast", "fullscreen",
                        "language", "other"])


def test_missing_file_gives_the_defaults_without_a_notice(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "settings.json") == (Settings(), None)


def test_round_trip_and_the_file_lives_next_to_the_saves(tmp_path: Path) -> None:
    chosen = Settings(sound=False, volume=30, text_size=150, high_contrast=True,
                      fullscreen=True, language="en")
    assert save_settings(chosen) is None
    path = settings_path()
    assert path.parent == tmp_path / "save" and path.name == "settings.json"
    assert load_settings() == (chosen, None)
    assert json.loads(path.read_text("utf-8"))["text_size"] == 150
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]  # no temporary left


def test_corrupt_file_gives_defaults_and_a_bilingual_notice(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{ not json", encoding="utf-8")
    settings, notice = load_settings(path)
    assert settings == Settings()
    assert notice is not None
    assert str(path) in notice.en and "默认" in notice.zh and "defaults" in notice.en


def test_each_bad_value_falls_back_on_its_own(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"sound": "no", "volume": 250, "text_size": 175,
                                "high_contrast": True, "language": "fr",
                                "fullscreen": 1}), encoding="utf-8")
    settings, notice = load_settings(path)
    assert notice is None
    assert settings == Settings(high_contrast=True)


def test_a_failed_write_is_a_notice_not_a_crash(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    notice = save_settings(Settings(), blocker / "settings.json")
    assert notice is not None and "could not be saved" in notice.en and "无法保存" in notice.zh


@given(st.dictionaries(KEYS, JSON, max_size=7) | JSON)
def test_any_json_gives_usable_settings(data: object) -> None:
    try:
        settings = Settings.from_json(data)
    except ValueError:
        assert not isinstance(data, dict)
        return
    assert settings.text_size in TEXT_SIZES and 0 <= settings.volume <= 100
    assert settings.language in (None, "zh", "en")
    assert isinstance(settings.sound, bool) and isinstance(settings.fullscreen, bool)
    assert Settings.from_json(settings.to_json()) == settings
