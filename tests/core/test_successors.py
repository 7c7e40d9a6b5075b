"""The solver's fast path (``successors``) must agree with ``step`` everywhere it goes:
the first states of every shipped level, its best win to the end, and generated levels."""

from __future__ import annotations

from collections import deque
from pathlib import Path

import pytest

from game.benchmarks.solver import generated_level
from game.check.runner import kind_of
from game.content.levels import load_level
from game.core.rules import legal_actions, step, successors
from game.core.state import State, Status, initial_state
from game.solver import solve

LEVELS = Path(__file__).resolve().parents[2] / "levels"
SHIPPED = sorted(p for p in LEVELS.rglob("*.yaml") if kind_of(p) == "level")


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(LEVELS)))
def test_successors_equal_step_on_reachable_states(path: Path) -> None:
    level = load_level(path)
    seen: set[State] = set()
    frontier = deque([initial_state(level)])
    while frontier and len(seen) < 3000:
        state = frontier.popleft()
        if state in seen:
            continue
        seen.add(state)
        expected = [(action, step(level, state, action)[0])
                    for action in legal_actions(level, state)]
        assert successors(level, state) == expected
        frontier.extend(nxt for _, nxt in expected if nxt.status is Status.PLAYING)
    assert len(seen) > 100


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(LEVELS)))
def test_successors_equal_step_along_the_best_win(path: Path) -> None:
    """The solver's answer goes where the first 3000 states may not: the end game."""
    level = load_level(path)
    result = solve(level)
    assert result.moves is not None
    state = initial_state(level)
    for action in result.moves:
        expected = [(a, step(level, state, a)[0]) for a in legal_actions(level, state)]
        assert successors(level, state) == expected
        state = step(level, state, action)[0]
    assert state.status is Status.WON


def test_successors_equal_step_on_a_generated_level(tmp_path: Path) -> None:
    level = generated_level(5, tmp_path, width=20, height=12, patrols=4, hard=True)
    seen: set[State] = set()
    frontier = deque([initial_state(level)])
    while frontier and len(seen) < 1500:
        state = frontier.popleft()
        if state in seen:
            continue
        seen.add(state)
        expected = [(action, step(level, state, action)[0])
                    for action in legal_actions(level, state)]
        assert successors(level, state) == expected
        frontier.extend(nxt for _, nxt in expected if nxt.status is Status.PLAYING)
    assert len(seen) == 1500
