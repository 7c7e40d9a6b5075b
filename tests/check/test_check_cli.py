"""``python main.py check``: one line per file, JSON for machines, exit codes 0/1/2."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from game.cli import main

REPO = Path(__file__).resolve().parents[2]
LEVELS = REPO / "levels"

GOOD_LEVEL = """\
id: good
chapter: test
title: {zh: 好, en: Good}
map: |
  S.A
  ..G
troops: 10
turns: 10
patrols:
  A: {route: ".", sight: 0}
"""

GOOD_QUIZ = """\
chapter: test
draw: 1
questions:
  - id: q1
    type: truefalse
    prompt: {zh: 对吗, en: True?}
    answer: true
    explanation: {zh: 解释, en: Because.}
    source: X1
"""

UNSOLVABLE_LEVEL = """\
id: walled
chapter: test
title: {zh: 墙, en: Walled}
map: |
  S.~,G
  ..~,,
troops: 10
turns: 10
"""


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the CLI; usage errors that raise SystemExit count as their exit code."""
    try:
        code = main(argv)
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def run_json(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, Any]:
    code, out, _ = run([*argv, "--json"], capsys)
    return code, json.loads(out)


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work inside ``tmp_path`` so reported paths are short and relative."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def garbage_folder(root: Path) -> Path:
    folder = root / "garbage"
    noise = bytes(random.Random(7).randrange(256) for _ in range(300)) + b"\xff\xfe\x00"
    write(folder, "random.yaml", noise)
    write(folder, "empty.yaml", "")
    write(folder, "list.yaml", "- one\n- two\n")
    write(folder, "binary.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10")
    write(folder, "x-quiz.yaml", GOOD_LEVEL)
    return folder


GARBAGE = ["binary.yaml", "empty.yaml", "list.yaml", "random.yaml", "x-quiz.yaml"]


# --------------------------------------------------------------------------- shipped levels


def test_default_check_of_the_shipped_levels_passes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    code, out, err = run(["check"], capsys)
    assert code == 0, out + err
    files = sorted(str(p.relative_to(REPO)) for p in LEVELS.rglob("*.yaml"))
    lines = [line for line in out.splitlines() if not line.startswith("     warning:")]
    assert len(lines) == len(files) + 1  # one per file, then the summary
    for path in files:
        (line,) = [line for line in lines if f" {path}" in line]
        assert line.startswith("ok   ")
    assert lines[-1] == f"{len(files)} files checked: {len(files)} ok, 0 failed"
    level_lines = [line for line in lines if "level-" in line]
    assert level_lines and all("solved in" in line for line in level_lines)


# --------------------------------------------------------------------------- JSON


def test_json_report_has_the_documented_fields(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(in_tmp / "pack", "good.yaml", GOOD_LEVEL + "solution: DRR\n")
    write(in_tmp / "pack", "quiz.yaml", GOOD_QUIZ)
    write(in_tmp / "pack", "broken.yaml", GOOD_LEVEL.replace("troops: 10", "troops: many"))
    code, report = run_json(["check", "pack"], capsys)
    assert code == 1
    assert report["ok"] is False
    levels = {entry["path"]: entry for entry in report["levels"]}
    assert set(levels) == {"pack/good.yaml", "pack/broken.yaml"}
    good = levels["pack/good.yaml"]
    assert {"path", "id", "chapter", "ok", "solvable", "moves", "errors"} <= set(good)
    assert (good["id"], good["chapter"], good["ok"], good["solvable"], good["moves"]) == (
        "good", "test", True, True, 3)
    assert good["errors"] == []
    broken = levels["pack/broken.yaml"]
    assert broken["ok"] is False
    assert broken["errors"] == [{"path": "pack/broken.yaml", "line": 7, "column": 9,
                                 "message": 'expected a whole number, found "many"'}]
    (quiz,) = report["quizzes"]
    assert {"path", "chapter", "ok", "questions", "errors"} <= set(quiz)
    assert (quiz["path"], quiz["chapter"], quiz["ok"], quiz["questions"], quiz["errors"]) == (
        "pack/quiz.yaml", "test", True, 1, [])


def test_json_all_good_exits_0(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(in_tmp, "good.yaml", GOOD_LEVEL)
    code, report = run_json(["check", "good.yaml"], capsys)
    assert code == 0
    assert report["ok"] is True
    assert report["quizzes"] == []


# --------------------------------------------------------------------------- broken files


def test_garbage_files_each_fail_with_their_name(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    garbage_folder(in_tmp)
    code, out, err = run(["check", "garbage"], capsys)
    assert code == 1
    assert "Traceback" not in out + err
    lines = out.splitlines()
    for name in GARBAGE:
        path = f"garbage/{name}"
        assert f"FAIL {path}" in lines, out
        # Every problem line under it names the file too.
        problems = [line for line in lines if line.startswith(f"     {path}")]
        assert problems, f"no problem line names {path}:\n{out}"
    assert lines[-1] == "5 files checked: 0 ok, 5 failed"


def test_garbage_files_in_json(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    garbage_folder(in_tmp)
    code, report = run_json(["check", "garbage"], capsys)
    assert code == 1
    entries = report["levels"] + report["quizzes"]
    assert sorted(entry["path"] for entry in entries) == [f"garbage/{n}" for n in GARBAGE]
    assert [entry["path"] for entry in report["quizzes"]] == ["garbage/x-quiz.yaml"]
    for entry in entries:
        assert entry["ok"] is False
        assert entry["errors"], entry
        assert all(error["path"] == entry["path"] for error in entry["errors"])
    by_path = {entry["path"]: entry for entry in entries}
    assert "the file is empty" in by_path["garbage/empty.yaml"]["errors"][0]["message"]
    assert "found a list" in by_path["garbage/list.yaml"]["errors"][0]["message"]
    quiz_messages = " ".join(e["message"] for e in by_path["garbage/x-quiz.yaml"]["errors"])
    assert 'unknown key "id"' in quiz_messages


def test_unsolvable_level_fails(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(in_tmp, "walled.yaml", UNSOLVABLE_LEVEL)
    code, report = run_json(["check", "walled.yaml"], capsys)
    assert code == 1
    (level,) = report["levels"]
    assert (level["ok"], level["solvable"], level["moves"]) == (False, False, None)
    assert "no way to win" in level["errors"][0]["message"]
    assert level["reason"]["kind"] == "no_path"
    assert level["reason"]["en"].startswith(
        "the gold mark cannot be reached from the start over passable ground")
    assert level["reason"]["en"] in level["errors"][0]["message"]
    assert level["reason"]["zh"] in level["errors"][0]["message"]


def test_solver_budget_exhausted_fails(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(in_tmp, "good.yaml", GOOD_LEVEL)
    code, report = run_json(["check", "good.yaml", "--max-states", "2"], capsys)
    assert code == 1
    (level,) = report["levels"]
    assert (level["ok"], level["solvable"]) == (False, None)
    assert level["errors"][0]["message"].startswith(
        "no answer: the solver stopped after 2 positions (the limit is 2) without an answer")
    assert level["reason"]["kind"] == "max_states"


def test_too_few_turns_says_how_far_the_goal_is(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(in_tmp, "short.yaml", GOOD_LEVEL.replace("turns: 10", "turns: 2"))
    code, out, _ = run(["check", "short.yaml"], capsys)
    assert code == 1
    assert ("no way to win: the gold mark is at least 3 moves away but the level gives 2 "
            "turns · 金色标记至少要走3步，但本关只给2回合。") in out


def test_solved_level_reports_troops_and_cost(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(in_tmp, "good.yaml", GOOD_LEVEL)
    code, report = run_json(["check", "good.yaml"], capsys)
    assert code == 0
    (level,) = report["levels"]
    assert isinstance(level["troops"], int) and level["troops"] > 0
    assert level["expanded"] >= 1 and level["seconds"] >= 0 and level["reason"] is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["--max-seconds", "0"], "must be a number above 0", id="seconds-zero"),
        pytest.param(["--max-seconds", "soon"], "not a number: 'soon'", id="seconds-word"),
        pytest.param(["--max-memory-mb", "-5"], "must be a number above 0", id="memory"),
    ],
)
def test_bad_budgets_are_usage_errors(
    in_tmp: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    write(in_tmp, "good.yaml", GOOD_LEVEL)
    with pytest.raises(SystemExit) as stopped:
        main(["check", "good.yaml", *args])
    assert stopped.value.code == 2
    assert message in capsys.readouterr().err


def test_memory_cap_gives_unknown_with_a_message(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(in_tmp, "good.yaml", GOOD_LEVEL)
    code, report = run_json(["check", "good.yaml", "--max-memory-mb", "0.0001"], capsys)
    assert code == 1
    (level,) = report["levels"]
    assert (level["ok"], level["solvable"]) == (False, None)
    assert level["errors"][0]["message"].startswith(
        "no answer: the solver reached its memory cap of 0.0001 MB after ")
    assert "--max-memory-mb" in level["errors"][0]["message"]


@pytest.mark.parametrize(
    ("solution", "message"),
    [
        pytest.param("DR", "the stored solution no longer wins this level", id="short"),
        pytest.param("RR", "the stored solution is refused by the rules: An enemy patrol "
                           "blocks the way.", id="refused"),
    ],
)
def test_stored_solution_that_no_longer_wins_fails(
    in_tmp: Path, capsys: pytest.CaptureFixture[str], solution: str, message: str
) -> None:
    write(in_tmp, "stale.yaml", GOOD_LEVEL + f"solution: {solution}\n")
    code, out, _ = run(["check", "stale.yaml"], capsys)
    assert code == 1
    assert "FAIL stale.yaml" in out
    assert message in out


def test_longer_stored_solution_only_warns(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(in_tmp, "slow.yaml", GOOD_LEVEL + "solution: D.RR\n")
    code, out, _ = run(["check", "slow.yaml"], capsys)
    assert code == 0
    assert "warning: the stored solution takes 4 moves; the solver's best win takes 3" in out


def test_broken_chapter_file_checked_on_its_own_fails(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Checking one chapter folder (no campaign.yaml) must still validate its chapter.yaml.
    write(in_tmp / "ch", "chapter.yaml", "id: [unclosed\n")
    code, out, _ = run(["check", "ch"], capsys)
    assert code == 1, out
    assert "FAIL ch/chapter.yaml" in out.splitlines()
    assert "     ch/chapter.yaml:2:1: " in out


def test_shipped_chapter_folder_checked_on_its_own_passes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    chapter = sorted(LEVELS.glob("*/chapter.yaml"))[0].parent
    code, out, err = run(["check", str(chapter.relative_to(REPO)), "--max-states", "200000"],
                         capsys)
    assert code == 0, out + err
    assert f"ok   {chapter.relative_to(REPO)}/chapter.yaml  chapter" in out.splitlines()


# --------------------------------------------------------------------------- usage errors


def test_nonexistent_path_exits_2(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["check", "no-such-folder"], capsys)
    assert code == 2
    assert "no such file or folder: no-such-folder" in err
    assert out == ""


def test_unknown_option_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["check", "--frobnicate"], capsys)
    assert code == 2
    assert "--frobnicate" in err
    assert "Traceback" not in err


# --------------------------------------------------------------------------- as a process


def test_check_as_a_process_never_shows_a_traceback(tmp_path: Path) -> None:
    folder = garbage_folder(tmp_path)
    done = subprocess.run([sys.executable, "main.py", "check", str(folder)], cwd=REPO,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert "random.yaml" in done.stdout


def test_check_never_imports_pygame() -> None:
    code = ("import sys, game.cli; rc = game.cli.main(['check']); "
            "print('pygame' in sys.modules, rc)")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "False 0"
