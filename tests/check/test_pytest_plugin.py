"""The pytest plugin: ``pytest levels/`` runs each level and quiz bank as a test item."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

PLUGIN = "game.check.pytest_plugin"


def _plugin_args() -> list[str]:
    """``-p`` the plugin, unless the installed project already registers it (pytest11)."""
    installed = any(entry.value == PLUGIN
                    for entry in importlib.metadata.entry_points(group="pytest11"))
    return [] if installed else ["-p", PLUGIN]

CHAPTER = """\
id: test
title: {zh: 测试, en: Test}
date: {zh: 今天, en: Today}
place: {zh: 这里, en: Here}
briefing: {zh: 简介, en: Briefing.}
sources: [X1]
levels: [level-1.yaml, level-2.yaml]
quiz: quiz.yaml
"""

GOOD_LEVEL = """\
id: good
chapter: test
title: {zh: 好, en: Good}
map: |
  S..
  ..G
troops: 10
turns: 10
"""

BROKEN_LEVEL = """\
id: broken
chapter: test
title: {zh: 坏, en: Broken}
map: |
  S.X
  ..G
troops: 10
turns: 10
"""

QUIZ = """\
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


def make_pack(root: Path) -> Path:
    folder = root / "pack" / "01-test"
    folder.mkdir(parents=True)
    for name, text in (("chapter.yaml", CHAPTER), ("level-1.yaml", GOOD_LEVEL),
                       ("level-2.yaml", BROKEN_LEVEL), ("quiz.yaml", QUIZ)):
        (folder / name).write_text(text, encoding="utf-8")
    (root / "pack" / "campaign.yaml").write_text(
        "title: {zh: 测试, en: Test}\nchapters: [01-test]\n", encoding="utf-8")
    return root / "pack"


def test_each_level_and_quiz_is_a_test(pytester: pytest.Pytester) -> None:
    pack = make_pack(pytester.path)
    result = pytester.runpytest(*_plugin_args(), "-v", str(pack))
    result.assert_outcomes(passed=2, failed=1)
    out = result.stdout.str()
    assert "level-1.yaml::level:good PASSED" in out
    assert "quiz.yaml::quiz:test PASSED" in out
    assert "level-2.yaml::level:broken FAILED" in out
    assert 'unknown map character "X"' in out
    assert "pack/01-test/level-2.yaml:5:5:" in out
    assert "Traceback" not in out


def test_yaml_outside_a_pack_and_python_tests_are_left_alone(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_plain="def test_it():\n    assert True\n")
    (pytester.path / "data").mkdir()
    (pytester.path / "data" / "level.yaml").write_text(BROKEN_LEVEL, encoding="utf-8")
    result = pytester.runpytest(*_plugin_args(), str(pytester.path))
    result.assert_outcomes(passed=1)
