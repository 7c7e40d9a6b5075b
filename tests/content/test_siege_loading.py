"""Loading a point to besiege (``siege`` marker, ``take`` goal): every mistake an educator
can make gets a message in both languages, on the line to fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content.errors import ContentError, Problem
from game.content.levels import load_level
from game.content.messages_zh import message_zh

# Line numbers below refer to this text as written.
LEVEL = """\
id: siege-1
chapter: alpha
title: {zh: 关, en: Level}
map: |
  S...TR
  .MM...
  ^^^^^^
legend:
  M: plain + siege
troops: 10
turns: 20
goal:
  kind: take
reliefs:
  R: {route: ..DLL, on: plain}
"""


def problems(tmp_path: Path, text: str) -> list[Problem]:
    path = tmp_path / "level.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_level(path)
    return error.value.problems


def test_a_point_and_a_take_goal_load(tmp_path: Path) -> None:
    path = tmp_path / "level.yaml"
    path.write_text(LEVEL, encoding="utf-8")
    level = load_level(path)
    assert level.siege == {(1, 1), (2, 1)}
    assert level.goal.kind == "take" and level.goal.cells == level.siege
    assert "先围住敌据点" in level.objective().zh
    assert level.objective().en.startswith("Besiege the enemy point, ambush the relief")


def test_a_take_goal_without_a_point(tmp_path: Path) -> None:
    text = LEVEL.replace("  M: plain + siege\n", "  M: plain\n")
    [problem] = problems(tmp_path, text)
    assert problem.line == 13  # goal: kind: take
    assert problem.message.startswith("a take goal needs a point to besiege: add "
                                      '"plain + siege" to the legend')
    assert message_zh(problem.message).startswith("“攻下据点”（take）目标需要一个要围攻的据点")


def test_a_take_goal_with_gold_cells(tmp_path: Path) -> None:
    text = LEVEL.replace("  ^^^^^^\n", "  ^^^^^G\n")
    [problem] = problems(tmp_path, text)
    assert (problem.line, problem.column) == (7, 8)  # the G cell
    assert problem.message == ("with kind: take the goal is the point to besiege itself: "
                               "remove the G cells (or use another goal kind)")
    assert message_zh(problem.message).startswith("kind: take 的目标就是要围攻的据点本身")


@pytest.mark.parametrize("water", ["ford", "river"])
def test_a_point_on_water(water: str, tmp_path: Path) -> None:
    """Fordable or not, water gets the point's own advice (river is also impassable)."""
    text = LEVEL.replace("  M: plain + siege\n", f"  M: {water} + siege\n")
    problem = next(p for p in problems(tmp_path, text) if p.line == 9)
    if water == "river":
        assert problem.message == ('the point to besiege (siege) must be on land, not on '
                                   'river: write e.g. "plain + siege"')
        return
    assert problem.message == ('the point to besiege (siege) must be on land, not on ford: '
                               'write e.g. "plain + siege"')
    assert message_zh(problem.message) == ('要围攻的据点（siege）必须在陆地上，不能在 ford 上：'
                                           '例如写 "plain + siege"')


def test_a_misspelt_marker_or_goal_kind_gets_a_did_you_mean(tmp_path: Path) -> None:
    text = LEVEL.replace("plain + siege", "plain + seige").replace("kind: take", "kind: tak")
    found = problems(tmp_path, text)
    by_line = {p.line: p.message for p in found}
    assert 'unknown marker "seige" (did you mean "siege"?)' in by_line[9]
    assert by_line[13].startswith('"tak" is not one of: reach, ferry, hold, meet, take '
                                  '(did you mean "take"?)')
    assert "不是可选值之一" in message_zh(by_line[13])


def test_a_point_on_a_reach_goal_keeps_its_gold_cells(tmp_path: Path) -> None:
    text = LEVEL.replace("goal:\n  kind: take\n", "").replace("  ^^^^^^\n", "  ^^^^^G\n")
    path = tmp_path / "level.yaml"
    path.write_text(text, encoding="utf-8")
    level = load_level(path)
    assert level.goal.kind == "reach" and level.goal.cells == {(5, 2)}
    assert level.siege == {(1, 1), (2, 1)}


def test_a_marker_on_ground_nobody_can_enter_is_explained_in_both_languages(
        tmp_path: Path) -> None:
    text = LEVEL.replace("  M: plain + siege\n", "  M: plain + siege\n  H: hills + shelter\n")
    problem = next(p for p in problems(tmp_path, text) if p.line == 10)
    assert problem.message == "the shelter cannot be on hills, which nobody can enter"
    assert message_zh(problem.message) == "标记 shelter 不能放在 hills 上：那里谁都进不去"
