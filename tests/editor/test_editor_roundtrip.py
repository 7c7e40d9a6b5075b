"""Opening a shipped level in the editor and saving it gives a level check reports the
same way: same moves, same troops — for every shipped level, with and without comments."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from game.check.runner import FileReport, check_level
from game.content.levels import load_level
from game.core.actions import parse_moves
from game.core.rules import replay
from game.core.state import initial_state

REPO = Path(__file__).resolve().parents[2]
LEVEL_FILES = sorted((REPO / "levels").glob("*/level-*.yaml"))


def _checked(path: Path) -> tuple[FileReport, int]:
    report = FileReport(str(path), "level")
    level = check_level(path, report)
    assert level is not None and report.solution is not None, report.errors
    troops = replay(level, initial_state(level), parse_moves(report.solution)).troops
    return report, troops


def test_every_shipped_level_is_found() -> None:
    assert len(LEVEL_FILES) >= 14


@pytest.mark.parametrize("plain", [False, True], ids=["comments-kept", "written-afresh"])
@pytest.mark.parametrize("path", LEVEL_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_round_trip_checks_identically(path: Path, plain: bool, tmp_path: Path) -> None:
    out = tmp_path / "levels" / path.parent.name / path.name
    command = [sys.executable, str(REPO / "main.py"), "edit", str(path), "--save-as", str(out)]
    done = subprocess.run(command + (["--plain"] if plain else []), capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    before, troops_before = _checked(path)
    after, troops_after = _checked(out)
    assert (after.ok, after.moves, after.solution, troops_after) == (
        before.ok, before.moves, before.solution, troops_before)
    strip = {"source": ""}
    assert dataclasses.replace(load_level(out), **strip) == dataclasses.replace(
        load_level(path), **strip)
    if not plain:  # nothing changed, so every comment and line is kept as it was
        assert out.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")
