"""Tests for game.progress: records, strict JSON, corrupt-file handling and atomic saves."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any

import platformdirs
import pytest

from game import progress as progress_mod
from game.progress import (
    FORMAT_VERSION,
    LevelRecord,
    Progress,
    ProgressSaveError,
    ProgressStore,
    QuestionRecord,
    sanitize_profile_name,
)


def sample_progress() -> Progress:
    p = Progress(language="en", settings={"fullscreen": False, "volume": 0.5})
    p.record_level("1-1", won=True, moves=12, troops=80, stars=2, hints=1)
    p.record_level("1-2", won=False, moves=5, troops=0)
    p.record_quiz("ch1", total=3, answers={"q1": True, "q2": False, "q3": True}, seed=42)
    p.cards.append("ch1")
    p.levels["长征-1"] = LevelRecord(won=True, best_moves=3, best_troops=9, attempts=1, wins=1)
    return p


def valid_json() -> dict[str, Any]:
    return sample_progress().to_json()


@pytest.fixture
def store(tmp_path: Path) -> ProgressStore:
    return ProgressStore(tmp_path / "profiles" / "pupil.json")


def aside_files(store: ProgressStore) -> list[Path]:
    return sorted(store.path.parent.glob(f"{store.path.stem}.corrupt-*.json"))


# ------------------------------------------------------------------ records


def test_level_bests_over_wins_and_losses_never_lower_them() -> None:
    p = Progress()
    p.record_level("a", won=False, moves=3, troops=99, stars=3)
    rec = p.levels["a"]
    assert (rec.won, rec.best_moves, rec.best_troops, rec.stars) == (False, None, None, 0)
    p.record_level("a", won=True, moves=20, troops=50, stars=1)
    p.record_level("a", won=True, moves=15, troops=40, stars=3)
    p.record_level("a", won=True, moves=25, troops=70, stars=2, hints=2)
    p.record_level("a", won=False, moves=1, troops=0, hints=1)
    assert rec == LevelRecord(
        won=True, best_moves=15, best_troops=70, attempts=5, wins=3, stars=3, hints_used=3
    )
    assert p.level_won("a") and not p.level_won("b")


def test_record_level_rejects_bad_values() -> None:
    p = Progress()
    with pytest.raises(ValueError):
        p.record_level("a", won=True, moves=-1, troops=1)
    with pytest.raises(ValueError):
        p.record_level("a", won=True, moves=1, troops=1, stars=4)
    assert p.levels == {}


def test_quiz_passed_stays_passed_and_wrong_questions() -> None:
    p = Progress()
    rec = p.record_quiz("ch1", total=5, answers={"q1": True, "q2": True, "q3": True}, seed=7)
    assert rec.passed and rec.best_score == 3 and rec.last_score == 3 and rec.seed == 7
    rec = p.record_quiz("ch1", total=5, answers={"q1": False, "q2": True, "q4": False}, seed=8)
    assert rec.passed, "once passed, a worse retry must not un-pass"
    assert (rec.best_score, rec.last_score, rec.attempts, rec.seed) == (3, 1, 2, 8)
    assert rec.answers["q1"] == QuestionRecord(attempts=2, correct=1, last_correct=False)
    assert p.wrong_questions("ch1") == ["q1", "q4"]
    assert p.wrong_questions("nope") == []


def test_quiz_pass_threshold() -> None:
    p = Progress()
    assert not p.record_quiz("c", total=5, answers={"a": True, "b": True}).passed  # 40%
    assert p.record_quiz("c", total=5, answers=dict.fromkeys("abc", True)).passed  # 60%
    three = dict.fromkeys("abc", True)
    assert not p.record_quiz("d", total=4, answers=three, pass_percent=80).passed  # 75%


def test_chapter_complete_needs_all_levels_and_quiz() -> None:
    p = Progress()
    p.record_level("1", won=True, moves=1, troops=1)
    assert not p.chapter_complete(["1", "2"], "ch")
    p.record_level("2", won=True, moves=1, troops=1)
    assert not p.chapter_complete(["1", "2"], "ch")
    p.record_quiz("ch", total=1, answers={"q": True})
    assert p.chapter_complete(["1", "2"], "ch")


# ------------------------------------------------------------------ JSON + store


def test_round_trip_save_load(store: ProgressStore) -> None:
    p = sample_progress()
    store.save(p)
    result = store.load()
    assert result.notice is None
    assert result.progress == p
    on_disk = json.loads(store.path.read_text("utf-8"))
    assert on_disk["format"] == "changzheng-progress" and on_disk["version"] == FORMAT_VERSION
    assert "长征-1" in store.path.read_text("utf-8")  # ensure_ascii=False


def test_missing_file_gives_fresh_progress(store: ProgressStore) -> None:
    result = store.load()
    assert result.progress == Progress() and result.notice is None
    assert result.progress.language == "zh"


def test_unknown_extra_keys_are_ignored(store: ProgressStore) -> None:
    data = valid_json()
    data["levels"]["1-1"]["future_field"] = [1, 2]
    data["quizzes"]["ch1"]["answers"]["q1"]["time_ms"] = 1234
    data["something_new"] = True
    store.path.parent.mkdir(parents=True)
    store.path.write_text(json.dumps(data), "utf-8")
    result = store.load()
    assert result.notice is None
    assert result.progress == sample_progress()


def _bad(mutate: Any) -> bytes:
    data = valid_json()
    mutate(data)
    return json.dumps(data).encode()


CORRUPT_CASES: dict[str, bytes] = {
    "garbage": b"\x00\xff\xfe garbage \x80\x81",
    "truncated": json.dumps(valid_json()).encode()[:-15],
    "empty": b"",
    "list": b"[1, 2, 3]",
    "wrong_format": _bad(lambda d: d.update(format="something-else")),
    "version_string": _bad(lambda d: d.update(version="1")),
    "version_without_migration": _bad(lambda d: d.update(version=0)),
    "nan": json.dumps(valid_json()).replace('"seed": 42', '"seed": NaN').encode(),
    "too_big": b'{"format": "changzheng-progress", "pad": "' + b"x" * (8 * 1024 * 1024) + b'"}',
}

#: One bad record (or field of the save): that record is left out and named, the rest kept.
BAD_RECORD_CASES: dict[str, tuple[Any, str, Any]] = {
    "won_not_bool": (lambda d: d["levels"]["1-1"].update(won="yes"), "levels['1-1'].won",
                     lambda p: p.levels.pop("1-1")),
    "stars_text": (lambda d: d["levels"]["1-1"].update(stars="3"), "levels['1-1'].stars",
                   lambda p: p.levels.pop("1-1")),
    "attempts_str": (lambda d: d["levels"]["1-2"].update(attempts="3"), "levels['1-2'].attempts",
                     lambda p: p.levels.pop("1-2")),
    "negative_attempts": (lambda d: d["levels"]["1-1"].update(attempts=-1),
                          "levels['1-1'].attempts", lambda p: p.levels.pop("1-1")),
    "negative_quiz_score": (lambda d: d["quizzes"]["ch1"].update(best_score=-2),
                            "quizzes['ch1'].best_score", lambda p: p.quizzes.pop("ch1")),
    "stars_too_many": (lambda d: d["levels"]["1-1"].update(stars=9), "levels['1-1'].stars",
                       lambda p: p.levels.pop("1-1")),
    "cards_not_list": (lambda d: d.update(cards="ch1"), "cards", lambda p: p.cards.clear()),
    "a_card_not_text": (lambda d: d["cards"].append(7), "cards[1]", lambda p: None),
    "missing_levels": (lambda d: d.pop("levels"), "save.levels", lambda p: p.levels.clear()),
    "settings_list": (lambda d: d.update(settings=[1]), "settings",
                      lambda p: p.settings.clear()),
}


@pytest.mark.parametrize("case", list(BAD_RECORD_CASES.values()), ids=list(BAD_RECORD_CASES))
def test_a_bad_record_is_left_out_and_named_the_rest_kept(
    store: ProgressStore, case: tuple[Any, str, Any]
) -> None:
    mutate, named, expected_change = case
    raw = _bad(mutate)
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(raw)
    result = store.load()
    expected = sample_progress()
    expected_change(expected)
    assert result.progress == expected
    assert len(result.dropped) == 1 and result.dropped[0].startswith(named)
    assert result.notice is not None and "left out" in result.notice.en
    assert named in result.notice.en and "略去" in result.notice.zh
    [copy] = aside_files(store)
    assert copy.read_bytes() == raw and copy.name in result.notice.en
    assert store.path.read_bytes() == raw  # the file itself is untouched until a save
    store.save(result.progress)
    assert store.load().notice is None and store.load().progress == expected


@pytest.mark.parametrize("raw", list(CORRUPT_CASES.values()), ids=list(CORRUPT_CASES))
def test_corrupt_file_is_moved_aside(store: ProgressStore, raw: bytes) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(raw)
    result = store.load()
    assert result.progress == Progress()
    [aside] = aside_files(store)
    assert aside.read_bytes() == raw
    assert not store.path.exists()
    assert result.notice is not None
    assert aside.name in result.notice.zh and aside.name in result.notice.en
    assert "could not be read" in result.notice.en and "损坏" in result.notice.zh


def test_aside_names_never_collide(store: ProgressStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress_mod, "_now", lambda: datetime(2024, 5, 6, 7, 8, 9))
    store.path.parent.mkdir(parents=True)
    for i in range(3):
        store.path.write_bytes(b"bad %d" % i)
        assert store.load().notice is not None
    names = [p.name for p in aside_files(store)]
    assert names == [
        "pupil.corrupt-20240506-070809-1.json",
        "pupil.corrupt-20240506-070809-2.json",
        "pupil.corrupt-20240506-070809.json",
    ]
    assert sorted(p.read_bytes() for p in aside_files(store)) == [b"bad 0", b"bad 1", b"bad 2"]


def test_directory_in_place_of_file(store: ProgressStore) -> None:
    store.path.mkdir(parents=True)
    (store.path / "inside.txt").write_text("keep me")
    result = store.load()
    assert result.progress == Progress() and result.notice is not None
    [aside] = aside_files(store)
    assert (aside / "inside.txt").read_text() == "keep me"
    store.save(result.progress)  # the place is free again
    assert store.load().notice is None


def test_newer_version_is_moved_aside(store: ProgressStore) -> None:
    data = valid_json()
    data["version"] = FORMAT_VERSION + 1
    raw = json.dumps(data).encode()
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(raw)
    result = store.load()
    assert result.progress == Progress()
    [aside] = aside_files(store)
    assert aside.read_bytes() == raw
    assert result.notice is not None
    assert "newer version" in result.notice.en and "更新版本" in result.notice.zh
    assert aside.name in result.notice.en


def test_older_version_goes_through_migrations(
    store: ProgressStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def v0_to_v1(d: dict[str, object]) -> dict[str, object]:
        d["cards"] = d.pop("history_cards")
        return d

    monkeypatch.setitem(progress_mod._MIGRATIONS, 0, v0_to_v1)
    data = valid_json()
    data["version"] = 0
    data["history_cards"] = data.pop("cards")
    store.path.parent.mkdir(parents=True)
    store.path.write_text(json.dumps(data), "utf-8")
    result = store.load()
    assert result.notice is None and result.progress == sample_progress()


def test_unmovable_bad_file_gives_notice_and_is_not_overwritten(
    store: ProgressStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(b"{oops")

    def no_rename(*args: object) -> None:
        raise PermissionError("read-only folder")

    monkeypatch.setattr(os, "rename", no_rename)
    result = store.load()
    assert result.progress == Progress() and result.notice is not None
    assert str(store.path) in result.notice.en
    with pytest.raises(ProgressSaveError):
        store.save(result.progress)
    assert store.path.read_bytes() == b"{oops"
    monkeypatch.undo()
    store.save(result.progress)  # once it can be moved aside, saving works again
    assert [p.read_bytes() for p in aside_files(store)] == [b"{oops"]


def test_save_leaves_no_temp_files(store: ProgressStore) -> None:
    store.save(sample_progress())
    store.save(Progress())
    assert [p.name for p in store.path.parent.iterdir()] == ["pupil.json"]
    assert store.load().progress == Progress()


def test_failed_replace_keeps_old_save(
    store: ProgressStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save(sample_progress())
    before = store.path.read_bytes()

    def boom(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(ProgressSaveError) as info:
        store.save(Progress())
    assert "disk full" in info.value.message.en and info.value.message.zh
    assert store.path.read_bytes() == before
    assert [p.name for p in store.path.parent.iterdir()] == ["pupil.json"]


def test_unserialisable_settings_raise_save_error(store: ProgressStore) -> None:
    with pytest.raises(ProgressSaveError):
        store.save(Progress(settings={"bad": object()}))
    assert not store.path.exists()
    assert list(store.path.parent.iterdir()) == []


# ------------------------------------------------------------------ default() and profiles


def test_default_honours_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHANGZHENG_DATA_DIR", str(tmp_path))
    assert ProgressStore.default().path == tmp_path / "profiles" / "default.json"
    assert ProgressStore.default("小明").path == tmp_path / "profiles" / "小明.json"


def test_default_without_env_uses_platformdirs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CHANGZHENG_DATA_DIR", raising=False)
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(tmp_path / "ud"))
    assert ProgressStore.default("x").path == tmp_path / "ud" / "profiles" / "x.json"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Ming", "Ming"),
        ("小明", "小明"),
        ("../../etc/passwd", "etc_passwd"),
        ("a b/c\\d", "a_b_c_d"),
        ("x.corrupt-1", "x_corrupt-1"),
        ("CON", "_CON"),
        ("  pupil 2 ", "pupil_2"),
    ],
)
def test_profile_names_sanitised(raw: str, expected: str) -> None:
    assert sanitize_profile_name(raw) == expected


@pytest.mark.parametrize("raw", ["", "   ", "../..", "///"])
def test_empty_profile_name_rejected(raw: str) -> None:
    with pytest.raises(ValueError):
        ProgressStore.default(raw)


def test_list_profiles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHANGZHENG_DATA_DIR", str(tmp_path))
    assert ProgressStore.default().list_profiles() == []
    for name in ("default", "小明", "Ming"):
        ProgressStore.default(name).save(Progress())
    bad = ProgressStore.default("broken")
    bad.path.write_bytes(b"not json")
    bad.load()  # leaves broken.corrupt-*.json, which is not a profile
    assert ProgressStore.default().list_profiles() == ["Ming", "default", "小明"]
