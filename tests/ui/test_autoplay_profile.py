"""Autoplay never touches a real pupil: by default it plays in a throwaway profile in a
temporary folder; ``--profile NAME`` plays as that pupil on purpose."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import pytest

from game.cli import build_parser
from game.commands import autoplay as autoplay_command
from game.progress import DATA_DIR_ENV, ProgressStore
from game.ui import autoplay
from game.ui.app import App

LEVELS = Path(__file__).resolve().parents[2] / "levels"


def fake_campaign(played: list[str]) -> object:
    """Instead of the whole campaign (slow): win every level in the save, like autoplay does,
    and note where the save went."""

    def play(app: App, shot: object = None) -> list[str]:
        game = app.game
        assert game.campaign is not None
        for chapter in game.campaign.chapters:
            for level in chapter.levels:
                game.progress.record_level(level.id, won=True, moves=1, troops=1, stars=2)
        game.save()
        played.append(str(game.store.path))
        return ["title"]

    return play


def files_under(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def pupil_save() -> Path:
    """A real pupil's save, with one level won, in the (test's) data folder."""
    store = ProgressStore.default()
    loaded = store.load()
    loaded.progress.record_level("xiangjiang-1", won=True, moves=20, troops=70, stars=1)
    store.save(loaded.progress)
    return Path(os.environ[DATA_DIR_ENV])


def test_autoplay_leaves_every_real_save_alone(pupil_save: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    before = files_under(pupil_save)
    played: list[str] = []
    monkeypatch.setattr(autoplay, "play_campaign", fake_campaign(played))
    code = autoplay_command.run(_args(), LEVELS)
    assert played, "the campaign was played"
    assert not Path(played[0]).is_relative_to(pupil_save), played
    assert not Path(played[0]).exists(), "the throwaway folder is gone afterwards"
    assert files_under(pupil_save) == before
    assert os.environ[DATA_DIR_ENV] == str(pupil_save), "the data folder is restored"
    assert code in (0, 1)


def test_autoplay_with_a_profile_plays_as_that_pupil(pupil_save: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    played: list[str] = []
    monkeypatch.setattr(autoplay, "play_campaign", fake_campaign(played))
    autoplay_command.run(_args(profile="tester"), LEVELS)
    assert played == [str(ProgressStore.default("tester").path)]
    saved = ProgressStore.default("tester").load().progress
    assert saved.level_won("huining-2")
    default = ProgressStore.default().load().progress
    assert not default.level_won("huining-2"), "the last pupil's save is untouched"


def _args(profile: str | None = None) -> argparse.Namespace:
    return argparse.Namespace(screenshots=None, lang="zh", profile=profile)


def test_the_command_line_takes_a_profile() -> None:
    assert build_parser().parse_args(["autoplay"]).profile is None
    assert build_parser().parse_args(["autoplay", "--profile", "Li Ming"]).profile == "Li Ming"
