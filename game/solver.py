"""Breadth-first search over rule states: the shortest winning move list, within a budget.

Used by ``check`` (is every level solvable, and in how many moves), by hints and by
autoplay. It calls the same ``step`` as the game, so it can never disagree with the rules.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from game.core.actions import Action
from game.core.level import Level
from game.core.rules import successors
from game.core.state import SearchKey, State, Status, initial_state, search_key

DEFAULT_MAX_STATES = 2_000_000

Node = tuple[SearchKey, int]
"""A searched state as its key and score (see :func:`game.core.state.search_key`)."""
DEFAULT_MAX_SECONDS = 20.0


class Outcome(Enum):
    """The three answers a bounded search can give."""

    SOLVED = "solved"
    UNSOLVABLE = "unsolvable"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class SolveResult:
    """What the search found, and what it cost."""

    outcome: Outcome
    moves: tuple[Action, ...] | None
    expanded: int
    seconds: float

    @property
    def states_per_second(self) -> float:
        """Expanded states per second of search."""
        return self.expanded / self.seconds if self.seconds > 0 else float(self.expanded)


def solve(
    level: Level,
    start: State | None = None,
    *,
    max_states: int = DEFAULT_MAX_STATES,
    max_seconds: float = DEFAULT_MAX_SECONDS,
    should_stop: Callable[[], bool] | None = None,
) -> SolveResult:
    """Find a shortest winning move list from ``start`` (default: the level's first state).

    Returns ``SOLVED`` with the moves, ``UNSOLVABLE`` when every reachable state was
    explored without a win, or ``UNKNOWN`` when ``max_states`` or ``max_seconds`` ran out
    or ``should_stop`` (asked every few hundred positions) returned True.
    """
    began = time.perf_counter()
    root = start if start is not None else initial_state(level)
    if root.status is Status.WON:
        return SolveResult(Outcome.SOLVED, (), 0, 0.0)
    root_key, root_score = search_key(level, root)
    best: dict[SearchKey, int] = {root_key: root_score}
    parents: dict[Node, tuple[Node, Action] | None] = {(root_key, root_score): None}
    frontier: deque[State] = deque([root])
    expanded = 0
    deadline = began + max_seconds
    while frontier:
        state = frontier.popleft()
        node = search_key(level, state)
        expanded += 1
        if expanded >= max_states or (expanded & 255 == 0 and (
                time.perf_counter() > deadline or (should_stop is not None and should_stop()))):
            return SolveResult(Outcome.UNKNOWN, None, expanded, time.perf_counter() - began)
        for action, nxt in successors(level, state):
            if nxt.turn + _moves_still_needed(level, nxt) > level.turn_limit:
                continue  # cannot reach a goal cell before the turns run out
            key, score = search_key(level, nxt)
            if best.get(key, -1) >= score:
                continue
            best[key] = score
            parents[key, score] = (node, action)
            if nxt.status is Status.WON:
                return SolveResult(Outcome.SOLVED, _path(parents, (key, score)), expanded,
                                   time.perf_counter() - began)
            if nxt.status is Status.PLAYING:
                frontier.append(nxt)
    return SolveResult(Outcome.UNSOLVABLE, None, expanded, time.perf_counter() - began)


def _moves_still_needed(level: Level, state: State) -> int:
    """A lower bound on the moves left: the farthest army's distance to a goal cell (every
    army must reach one to meet; otherwise the column alone must)."""
    if level.goal.kind == "meet":
        return max(level.goal_distance(army) for army in (state.pos, *state.allies))
    return level.goal_distance(state.pos)


def _path(parents: dict[Node, tuple[Node, Action] | None], end: Node) -> tuple[Action, ...]:
    moves: list[Action] = []
    link = parents[end]
    while link is not None:
        node, action = link
        moves.append(action)
        link = parents[node]
    return tuple(reversed(moves))
