"""Best-first search for the win that keeps the most troops, then takes the fewest moves.

The priority of a position is the pair (troops lost so far, moves so far + a lower bound
on the moves still needed, :func:`~game.solver.bounds.moves_still_needed`). Losses only
grow along a path and the bound never overestimates, so the first win taken from the
queue keeps the most troops any win can keep, and among those takes the fewest moves.
"Moves" are counted in turns: the same thing, except on a level with heavy baggage, where
a loaded column's move takes two turns; there the answer takes the fewest turns (the
bound, in moves, is still never more than the turns needed).

Positions with the same key (everything the future depends on but the turn and the
troops; see :mod:`game.solver.packing`) are compared as a Pareto pair: one reached on an
earlier-or-equal turn with at-least-as-many troops makes the other useless, so each key
keeps a small front of the pairs not dominated. Successors come from
:func:`game.core.rules.successors`, the same rules as the game's ``step``.

Stored positions are packed: a key int, the parent's index, the turn, the troops and the
action in flat arrays (about 200 bytes a position, measured by ``python main.py bench
solver``), so memory is capped by counting positions.
"""

from __future__ import annotations

import heapq
import time
from array import array
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum

from game.core.actions import ALL_ACTIONS, Action
from game.core.level import Level, Pos
from game.core.rules import successors
from game.core.state import LossReason, State, Status, initial_state
from game.solver.bounds import UNREACHABLE, moves_still_needed
from game.solver.culprits import blame, losses
from game.solver.packing import Packer
from game.solver.reasons import (
    Findings,
    Reason,
    budget_reason,
    explain,
    static_reason,
    too_few_troops,
)

DEFAULT_MAX_STATES = 2_000_000
DEFAULT_MAX_SECONDS = 20.0
DEFAULT_MAX_MEMORY_MB = 768
BYTES_PER_POSITION = 300
"""What the memory cap counts per stored position: an upper bound on the measured cost
(``python main.py bench solver`` prints the measured figure)."""

_INDEX_BITS = 36
_TURN_BITS = 12


class Outcome(Enum):
    """The three answers a bounded search can give."""

    SOLVED = "solved"
    UNSOLVABLE = "unsolvable"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class SolveResult:
    """What the search found, and what it cost.

    ``troops`` is what the column keeps on the answer's win; ``reason`` says why there is
    no answer (``UNSOLVABLE``/``UNKNOWN``), in both languages, with the numbers.
    """

    outcome: Outcome
    moves: tuple[Action, ...] | None
    expanded: int
    seconds: float
    troops: int | None = None
    reason: Reason | None = None
    stored: int = 0
    """Positions stored (the memory cap counts these)."""

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
    max_memory_mb: float = DEFAULT_MAX_MEMORY_MB,
    should_stop: Callable[[], bool] | None = None,
) -> SolveResult:
    """Find the best win from ``start`` (default: the level's first state): the most troops
    kept, then the fewest moves.

    Returns ``SOLVED`` with the moves, ``UNSOLVABLE`` (with the reason) when every
    reachable position was explored without a win, or ``UNKNOWN`` (with the budget that
    ran out) when ``max_states`` positions were expanded, ``max_seconds`` passed, the
    positions stored would take ``max_memory_mb`` megabytes, or ``should_stop`` (asked
    every few hundred positions) returned True.
    """
    root = start if start is not None else initial_state(level)
    result = _Search(level, should_stop).run(root, max_states, max_seconds, max_memory_mb)
    if (result.outcome is Outcome.UNSOLVABLE and result.reason is not None
            and result.reason.kind == "too_few_troops" and level.goal.min_troops > 0):
        result = _most_troops_at_goal(level, root, result, max_states, max_seconds,
                                      max_memory_mb, should_stop)
    return result


def _most_troops_at_goal(level: Level, root: State, first: SolveResult, max_states: int,
                         max_seconds: float, max_memory_mb: float,
                         should_stop: Callable[[], bool] | None) -> SolveResult:
    """Explain a level lost for troops exactly: search again as if the goal needed none,
    and name the most troops that reach it (or why nothing reaches it at all)."""
    relaxed = replace(level, goal=replace(level.goal, min_troops=0))
    again = _Search(relaxed, should_stop).run(root, max_states - first.expanded,
                                              max_seconds - first.seconds, max_memory_mb)
    reason = first.reason
    if again.outcome is Outcome.SOLVED and again.troops is not None:
        culprit = blame(losses(level, root, again.moves or ()))
        reason = too_few_troops(level, again.troops, culprit)
    elif again.outcome is Outcome.UNSOLVABLE:
        reason = again.reason
    return SolveResult(Outcome.UNSOLVABLE, None, first.expanded + again.expanded,
                       first.seconds + again.seconds, reason=reason,
                       stored=max(first.stored, again.stored))


def _relief_through(level: Level, state: State) -> str:
    """The relief column that reached its route's end in ``state``."""
    return next((spec.id for spec, marched in zip(level.reliefs, state.reliefs, strict=True)
                 if marched == len(spec.route)), "")


def _reach_distances(level: Level) -> dict[Pos, int] | None:
    """Each cell's distance to the goal, when that alone is the move bound (``reach``)."""
    if level.goal.kind != "reach" or level.goal.crossings:
        return None  # crossings still to make: moves_still_needed counts them
    level.goal_distance(level.start)  # fills the level's table
    return {(x, y): level.goal_distance((x, y))
            for y in range(level.height) for x in range(level.width)
            if level.goal_distance((x, y)) < UNREACHABLE}


class _Search:
    """One search's tables: packed keys and flat arrays indexed by position number."""

    def __init__(self, level: Level, should_stop: Callable[[], bool] | None) -> None:
        self.level = level
        self.should_stop = should_stop
        self.packer = Packer(level)
        self.keys: list[int] = []
        self.parents = array("l")
        self.turns = array("H")
        self.troops = array("l")
        self.actions = bytearray()
        self.fronts: dict[int, int | list[int]] = {}
        self.found = Findings()

    def _store(self, key: int, parent: int, state: State, action: int) -> int:
        index = len(self.keys)
        self.keys.append(key)
        self.parents.append(parent)
        self.turns.append(state.turn)
        self.troops.append(state.troops)
        self.actions.append(action)
        return index

    def _admit(self, key: int, turn: int, troops: int) -> bool:
        """Whether a position with ``key`` at ``turn`` with ``troops`` is not dominated;
        then its index (the next one) joins the key's front, dropping what it dominates."""
        index = len(self.keys)
        front = self.fronts.get(key)
        if front is None:
            self.fronts[key] = index
            return True
        turns, troops_of = self.turns, self.troops
        if isinstance(front, int):
            if turns[front] <= turn and troops_of[front] >= troops:
                return False
            if turn <= turns[front] and troops >= troops_of[front]:
                self.fronts[key] = index
            else:
                self.fronts[key] = [front, index]
            return True
        for other in front:
            if turns[other] <= turn and troops_of[other] >= troops:
                return False
        kept = [other for other in front
                if not (turn <= turns[other] and troops >= troops_of[other])]
        kept.append(index)
        self.fronts[key] = kept if len(kept) > 1 else kept[0]
        return True

    def _live(self, index: int) -> bool:
        """Whether position ``index`` is still on its key's front (not dominated since)."""
        front = self.fronts.get(self.keys[index])
        return front == index if isinstance(front, int) else front is not None and index in front

    def _path(self, index: int) -> tuple[Action, ...]:
        moves: list[Action] = []
        while self.parents[index] >= 0:
            moves.append(ALL_ACTIONS[self.actions[index]])
            index = self.parents[index]
        return tuple(reversed(moves))

    def run(self, root: State, max_states: int, max_seconds: float,
            max_memory_mb: float) -> SolveResult:
        began = time.perf_counter()
        level, packer, found = self.level, self.packer, self.found
        if root.status is Status.WON:
            return SolveResult(Outcome.SOLVED, (), 0, 0.0, root.troops)
        needed = moves_still_needed(level, root)
        if root.status is Status.LOST or needed > level.turn_limit - root.turn:
            reason = (static_reason(level, needed) if root.turn == 0 else None) or Reason(
                "从这里已经赢不了了。", "the level can no longer be won from here", "lost")
            return SolveResult(Outcome.UNSOLVABLE, None, 0, time.perf_counter() - began,
                               reason=reason)
        need, limit, start_troops = level.goal.min_troops, level.turn_limit, level.troops
        max_stored = int(max_memory_mb * 1024 * 1024 / BYTES_PER_POSITION)
        deadline = began + max_seconds
        key = packer.pack(root)
        self._admit(key, root.turn, root.troops)
        self._store(key, -1, root, 0)
        queue: list[int] = [self._priority(start_troops - root.troops, root.turn + needed,
                                           root.turn, 0)]
        wins: set[int] = set()
        index_mask = (1 << _INDEX_BITS) - 1
        expanded = 0
        stop = self.should_stop
        # Hot loop: locals, and the admission of a new key and the priority inlined.
        keys, parents, turns, troops_of, actions = (self.keys, self.parents, self.turns,
                                                    self.troops, self.actions)
        fronts, pack, heappush = self.fronts, packer.pack, heapq.heappush
        action_index = {action: number for number, action in enumerate(ALL_ACTIONS)}
        deepest = (1 << _TURN_BITS) - 1
        distance = _reach_distances(level)
        while queue:
            index = heapq.heappop(queue) & index_mask
            if index in wins:
                return SolveResult(Outcome.SOLVED, self._path(index), expanded,
                                   time.perf_counter() - began, self.troops[index],
                                   stored=len(self.keys))
            if not self._live(index):
                continue
            expanded += 1
            if (expanded >= max_states or len(self.keys) >= max_stored
                    or expanded & 255 == 1):
                spent = self._spent(expanded, max_states, deadline, len(self.keys),
                                    max_stored, stop)
                if spent:
                    seconds = time.perf_counter() - began
                    bound = {"max_states": max_states, "max_seconds": max_seconds,
                             "max_memory": max_memory_mb}.get(spent, 0)
                    return SolveResult(Outcome.UNKNOWN, None, expanded, seconds,
                                       reason=budget_reason(spent, expanded, seconds, bound),
                                       stored=len(self.keys))
            state = packer.unpack(self.keys[index], self.turns[index], self.troops[index])
            for action, nxt in successors(level, state):
                status = nxt.status
                if status is Status.LOST:
                    why = nxt.reason
                    if why is LossReason.TOO_FEW_TROOPS:
                        found.goal_troops = max(found.goal_troops, nxt.troops)
                    elif why is LossReason.FROZE:
                        if nxt.turn > found.froze_turn:
                            found.froze_turn, found.froze_pos = nxt.turn, nxt.pos
                    elif why is LossReason.RELIEVED and nxt.turn > found.relieved_turn:
                        found.relieved_turn = nxt.turn
                        found.relieved_by = _relief_through(level, nxt)
                    elif why is LossReason.NO_TROOPS:
                        self._wiped(index, action_index[action], nxt)
                    continue
                if nxt.troops < need:
                    found.pruned_troops = max(found.pruned_troops, nxt.troops)
                    continue
                turn = nxt.turn
                if status is Status.WON:
                    child = self._store(-1, index, nxt, action_index[action])
                    wins.add(child)
                    heapq.heappush(queue, self._priority(start_troops - nxt.troops, turn,
                                                         turn, child))
                    continue
                left = (distance.get(nxt.pos, UNREACHABLE) if distance is not None
                        else moves_still_needed(level, nxt))
                if left <= found.nearest and (left < found.nearest
                                              or turn < found.nearest_turn):
                    found.nearest, found.nearest_turn = left, turn
                if turn + left > limit:
                    continue
                key = pack(nxt)
                troops = nxt.troops
                front = fronts.get(key)
                if front is None:
                    fronts[key] = len(keys)
                elif not self._admit(key, turn, troops):
                    continue
                child = len(keys)
                keys.append(key)
                parents.append(index)
                turns.append(turn)
                troops_of.append(troops)
                actions.append(action_index[action])
                heappush(queue, (((((start_troops - troops) << _TURN_BITS) | (turn + left))
                                  << _TURN_BITS | (deepest - turn)) << _INDEX_BITS) | child)
        culprit = None
        if found.wiped_parent >= 0:
            route = (*self._path(found.wiped_parent), ALL_ACTIONS[found.wiped_action])
            culprit = blame(losses(level, root, route))
        seconds = time.perf_counter() - began
        return SolveResult(Outcome.UNSOLVABLE, None, expanded, seconds,
                           reason=explain(level, found, culprit), stored=len(self.keys))

    def _wiped(self, parent: int, action: int, state: State) -> None:
        """Note a position where the column lost its last troops, if it is the nearest to
        the goal so far (the latest, among the nearest)."""
        found = self.found
        left = moves_still_needed(self.level, state)
        if left < found.wiped_left or (left == found.wiped_left
                                       and state.turn > found.wiped_turn):
            found.wiped_left, found.wiped_turn, found.wiped_pos = left, state.turn, state.pos
            found.wiped_parent, found.wiped_action = parent, action

    @staticmethod
    def _priority(lost: int, estimate: int, turn: int, index: int) -> int:
        """One int that orders by troops lost, then the estimated total moves, then the
        deeper position first, then the order found (so answers are stable)."""
        deeper = (1 << _TURN_BITS) - 1 - turn
        return ((((lost << _TURN_BITS) | estimate) << _TURN_BITS | deeper) << _INDEX_BITS
                | index)

    def _spent(self, expanded: int, max_states: int, deadline: float, stored: int,
               max_stored: int, stop: Callable[[], bool] | None) -> str:
        """Which budget has run out ('' if none)."""
        if expanded >= max_states:
            return "max_states"
        if stored >= max_stored:
            return "max_memory"
        if time.perf_counter() > deadline:
            return "max_seconds"
        if stop is not None and stop():
            return "cancelled"
        return ""
