"""Opening a shipped level in the editor and saving it gives a level check reports the
same way: same moves, same troops — for every shipped level, with and without comments.

Every level goes through the command line's ``edit FILE --save-as OUT`` in this process
(``game.cli.main``); one level is also saved by ``python main.py edit`` in its own process,
both ways, and must give the same bytes: a new Python process per level cost ten times
more than the round trip itself and checked nothing more.
"""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from game.check.runner import FileReport, check_level
from game.cli import main
from game.content.levels import load_level
from game.core.actions import parse_moves
from game.core.rules import replay
from game.core.state import initial_state

REPO = Path(__file__).resolve().parents[2]
LEVEL_FILES = sorted((REPO / "levels").glob("*/level-*.yaml"))


@cache
def _shipped_checked(path: Path) -> tuple[FileReport, int]:
    """What check reports for a shipped level (checked once per test process: both ways of
    saving compare against it)."""
    return _checked(path)


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
def test_round_trip_checks_identically(path: Path, plain: bool, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "levels" / path.parent.name / path.name
    code = main(["edit", str(path), "--save-as", str(out)] + (["--plain"] if plain else []))
    assert code == 0, capsys.readouterr()
    before, troops_before = _shipped_checked(path)
    after, troops_after = _checked(out)
    assert (after.ok, after.moves, after.solution, troops_after) == (
        before.ok, before.moves, before.solution, troops_before)
    strip = {"source": ""}
    assert dataclasses.replace(load_level(out), **strip) == dataclasses.replace(
        load_level(path), **strip)
    if not plain:  # nothing changed, so every comment and line is kept as it was
        assert out.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")


def test_python_main_py_edit_saves_the_same_bytes_as_in_process(tmp_path: Path) -> None:
    path = next(p for p in LEVEL_FILES if p.parent.name.startswith("04-"))
    for plain in (False, True):
        flag = ["--plain"] if plain else []
        out, here = tmp_path / f"process-{plain}.yaml", tmp_path / f"here-{plain}.yaml"
        done = subprocess.run([sys.executable, str(REPO / "main.py"), "edit", str(path),
                               "--save-as", str(out), *flag], capture_output=True, text=True,
                              check=False)
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
        assert main(["edit", str(path), "--save-as", str(here), *flag]) == 0
        assert out.read_bytes() == here.read_bytes()
