"""A teacher's level pack: any folder laid out like ``levels/`` runs, checks and plays."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.cli import main
from game.ui.app import make_game

LEVELS = Path(__file__).resolve().parents[2] / "levels"


@pytest.fixture()
def pack(tmp_path: Path) -> Path:
    """A copy of the shipped campaign cut down to its first chapter, with a new title."""
    folder = tmp_path / "my-pack"
    shutil.copytree(LEVELS / "01-xiangjiang", folder / "01-xiangjiang")
    (folder / "campaign.yaml").write_text(
        "title: {zh: 我们班的长征, en: Our Class's Long March}\n"
        "chapters:\n  - 01-xiangjiang\n", encoding="utf-8")
    return folder


def test_check_runs_on_a_pack_given_with_levels(pack: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--levels", str(pack), "check"]) == 0
    out = capsys.readouterr().out
    files = len(list(pack.rglob("*.yaml")))
    assert f"{files} files checked: {files} ok" in out and "my-pack" in out


def test_the_game_loads_the_pack(pack: Path) -> None:
    game, problems = make_game(pack, "en")
    assert problems == () and game.campaign is not None
    assert game.campaign.title.en == "Our Class's Long March"
    assert [chapter.id for chapter in game.campaign.chapters] == ["xiangjiang"]


def test_a_pack_cannot_reach_outside_its_folder(pack: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    chapter = pack / "01-xiangjiang" / "chapter.yaml"
    text = chapter.read_text(encoding="utf-8").replace("quiz: quiz.yaml",
                                                      "quiz: ../../secret.yaml")
    chapter.write_text(text, encoding="utf-8")
    assert main(["--levels", str(pack), "check"]) == 1
    assert "no quiz file" in capsys.readouterr().out
