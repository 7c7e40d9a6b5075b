"""The BFS solver: shortest answers on hand-made maps, unsolvable levels, budgets, replays."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from game.content.levels import load_level
from game.core.actions import Action, format_moves, parse_moves
from game.core.level import Level
from game.core.rules import replay
from game.core.state import Status, initial_state
from game.solver import Outcome, solve


def make_level(
    tmp_path: Path, board: str, *, troops: int = 10, turns: int = 30, extra: str = ""
) -> Level:
    """Write a level file around ``board`` and load it through the real loader."""
    rows = textwrap.dedent(board).strip("\n").splitlines()
    text = (
        "id: solver-test\nchapter: test\ntitle: {zh: 测试, en: Test}\nmap: |\n"
        + "".join(f"  {row}\n" for row in rows)
        + f"troops: {troops}\nturns: {turns}\n"
        + textwrap.dedent(extra)
    )
    path = tmp_path / "level.yaml"
    path.write_text(text, encoding="utf-8")
    return load_level(path)


def assert_wins(level: Level, moves: tuple[Action, ...]) -> None:
    final = replay(level, initial_state(level), list(moves))
    assert final.status is Status.WON, format_moves(moves)


OPEN = """
    S...
    ....
    ...G
"""

# The only way round: down, right, up through the gap, right, down (10 moves by hand).
MAZE = """
    S^...
    .^.^.
    ...^G
"""

# Patrol A stands in the corridor for two turns, steps into the pocket, then comes back.
# The column can enter A's cell at turn 4 at the earliest (A holds in the pocket while the
# column stands there), so the shortest answer is 5 steps right and one wait: 6 moves.
CORRIDOR = """
    ^^^.^^
    S..A.G
    ^^^^^^
"""
CORRIDOR_PATROL = 'patrols:\n  A: {route: "..UD", sight: 0}\n'


@pytest.mark.parametrize(
    ("board", "extra", "shortest"),
    [
        pytest.param(OPEN, "", 5, id="open-manhattan"),
        pytest.param("S.G", "", 2, id="two-steps"),
        pytest.param(MAZE, "", 10, id="maze"),
        pytest.param(CORRIDOR, CORRIDOR_PATROL, 6, id="wait-for-patrol"),
    ],
)
def test_finds_a_shortest_solution(
    tmp_path: Path, board: str, extra: str, shortest: int
) -> None:
    level = make_level(tmp_path, board, extra=extra)
    result = solve(level)
    assert result.outcome is Outcome.SOLVED
    assert result.moves is not None
    assert len(result.moves) == shortest
    assert_wins(level, result.moves)


def test_maze_solution_is_the_only_path(tmp_path: Path) -> None:
    result = solve(make_level(tmp_path, MAZE))
    assert result.moves is not None
    assert format_moves(result.moves) == "DDRRUURRDD"


def test_waiting_is_part_of_the_shortest_corridor_answer(tmp_path: Path) -> None:
    level = make_level(tmp_path, CORRIDOR, extra=CORRIDOR_PATROL)
    result = solve(level)
    assert result.moves is not None
    moves = format_moves(result.moves)
    assert sorted(moves) == sorted("RRRRR.")
    # Without the patrol the same corridor takes the bare 5 steps.
    assert solve(make_level(tmp_path, CORRIDOR.replace("A", "."))).moves == tuple(
        parse_moves("RRRRR")
    )


def test_turn_limit_below_the_shortest_answer_is_unsolvable(tmp_path: Path) -> None:
    assert solve(make_level(tmp_path, CORRIDOR, turns=5, extra=CORRIDOR_PATROL)).outcome \
        is Outcome.UNSOLVABLE
    tight = make_level(tmp_path, CORRIDOR, turns=6, extra=CORRIDOR_PATROL)
    result = solve(tight)
    assert result.outcome is Outcome.SOLVED
    assert result.moves is not None
    assert_wins(tight, result.moves)


def test_solutions_are_stable(tmp_path: Path) -> None:
    level = make_level(tmp_path, OPEN)
    assert solve(level).moves == solve(level).moves


def test_goal_behind_a_river_without_a_ford_is_unsolvable(tmp_path: Path) -> None:
    level = make_level(tmp_path, """
        S.~,G
        ..~,,
        ..~,,
    """)
    result = solve(level)
    assert result.outcome is Outcome.UNSOLVABLE
    assert result.moves is None
    assert result.expanded <= 6  # only the six cells on this side exist for the column


def test_unavoidable_patrol_makes_a_full_strength_goal_unsolvable(tmp_path: Path) -> None:
    # Every path crosses (2,0), which A sees; arriving with all 10 troops is impossible.
    board = """
        S...G
        ^^A^^
    """
    patrol = 'patrols:\n  A: {route: ".", sight: 1, damage: 1}\n'
    level = make_level(tmp_path, board, extra=patrol + "goal: {min_troops: 10}\n")
    assert solve(level).outcome is Outcome.UNSOLVABLE
    # One troop of slack and it is solved in the bare 4 steps.
    easier = make_level(tmp_path, board, extra=patrol + "goal: {min_troops: 9}\n")
    result = solve(easier)
    assert result.outcome is Outcome.SOLVED
    assert result.moves == tuple(parse_moves("RRRR"))


def test_a_tiny_budget_gives_unknown(tmp_path: Path) -> None:
    level = make_level(tmp_path, MAZE)
    result = solve(level, max_states=3)
    assert result.outcome is Outcome.UNKNOWN
    assert result.moves is None
    assert result.expanded <= 3
    assert solve(level, max_states=1_000).outcome is Outcome.SOLVED


def test_solving_from_a_state_in_play(tmp_path: Path) -> None:
    level = make_level(tmp_path, OPEN)
    state = replay(level, initial_state(level), parse_moves("RRR"))
    result = solve(level, state)
    assert result.outcome is Outcome.SOLVED
    assert result.moves is not None and len(result.moves) == 2
    assert replay(level, state, list(result.moves)).status is Status.WON


def test_solving_a_finished_game(tmp_path: Path) -> None:
    level = make_level(tmp_path, "S.G", turns=2)
    won = replay(level, initial_state(level), parse_moves("RR"))
    assert solve(level, won).outcome is Outcome.SOLVED
    assert solve(level, won).moves == ()
    lost = replay(level, initial_state(level), parse_moves(".."))
    assert solve(level, lost).outcome is Outcome.UNSOLVABLE
