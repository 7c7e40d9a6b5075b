"""The solver's fast path (``successors``) must agree with ``step`` everywhere it goes."""

from __future__ import annotations

from collections import deque
from pathlib import Path

import pytest

from game.check.runner import kind_of
from game.content.levels import load_level
from game.core.rules import legal_actions, step, successors
from game.core.state import State, Status, initial_state

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
