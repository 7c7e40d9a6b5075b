"""The teachers' guide cannot rot: every example in levels/README.md passes check.

A ```yaml block whose first line is ``# example: NAME`` is a complete level and
``# example-quiz: NAME`` a quiz bank. Each is written to a file and checked exactly as a
teacher would check it (``python main.py check FILE --json``): it must load, be proven
solvable, replay its stored solution, and be quick to solve. Chapter, campaign and ending
examples are marked ``# example-other: NAME`` and are not checked on their own.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from game.cli import main

GUIDE = Path(__file__).resolve().parent.parent / "levels" / "README.md"

BLOCK = re.compile(r"^```yaml\n(.*?)^```", re.DOTALL | re.MULTILINE)
MARKER = re.compile(r"# (example|example-quiz|example-other): *([a-z0-9][a-z0-9-]*)")

#: Solver positions an example may need: far below the shipped puzzles, so each example is
#: solved in a small fraction of a second on any machine.
MAX_POSITIONS = 20_000


def yaml_blocks() -> list[str]:
    """The text of every ```yaml block in the guide."""
    return [match.group(1) for match in BLOCK.finditer(GUIDE.read_text(encoding="utf-8"))]


def examples(kind: str) -> list[tuple[str, str]]:
    """(name, text) of every block marked ``# KIND: NAME`` on its first line."""
    found = []
    for text in yaml_blocks():
        marker = MARKER.fullmatch(text.split("\n", 1)[0].strip())
        if marker and marker.group(1) == kind:
            found.append((marker.group(2), text))
    return found


LEVELS = examples("example")
QUIZZES = examples("example-quiz")


def check_json(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, Any]]:
    """Run ``check FILE --json`` like a teacher; return the exit code and the report."""
    code = main(["check", str(path), "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_the_guide_has_its_examples() -> None:
    """An accidentally removed or misspelt marker must not silently drop examples."""
    assert len(LEVELS) >= 10
    assert len(QUIZZES) >= 1
    names = [name for name, _ in LEVELS + QUIZZES]
    assert len(names) == len(set(names)), "two examples share a name"


def test_every_complete_level_or_quiz_block_is_marked() -> None:
    """A new level or quiz pasted into the guide without a marker would go untested."""
    for text in yaml_blocks():
        first = text.split("\n", 1)[0].strip()
        top_keys = set(re.findall(r"^([a-z_]+):", text, re.MULTILINE))
        if {"map", "troops"} <= top_keys:
            assert first.startswith("# example:"), f"unmarked level example:\n{text[:200]}"
        if "questions" in top_keys:
            assert first.startswith("# example-quiz:"), f"unmarked quiz example:\n{text[:200]}"


@pytest.mark.parametrize(("name", "text"), LEVELS, ids=[name for name, _ in LEVELS])
def test_level_example_passes_check(name: str, text: str, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    code, report = check_json(path, capsys)
    (level,) = report["levels"]
    assert code == 0 and level["ok"], level["errors"]
    assert level["solvable"] is True
    assert level["warnings"] == []
    assert level["expanded"] <= MAX_POSITIONS, f"{name} is slow to solve: {level['expanded']}"


@pytest.mark.parametrize(("name", "text"), QUIZZES, ids=[name for name, _ in QUIZZES])
def test_quiz_example_passes_check(name: str, text: str, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / f"{name}-quiz.yaml"
    path.write_text(text, encoding="utf-8")
    code, report = check_json(path, capsys)
    (quiz,) = report["quizzes"]
    assert code == 0 and quiz["ok"], quiz["errors"]
