"""Cheap bounds on what is still possible from a state, without searching.

:func:`moves_still_needed` never overestimates the moves to a win (the search's A* bound);
:func:`cannot_win` uses it and the troops to tell a pupil at once that a level in play is
lost, with the numbers.
"""

from __future__ import annotations

from game.core.level import Level
from game.core.state import State, Status, point_fallen
from game.solver.reasons import Reason, static_reason

UNREACHABLE = 1_000_000


def most_companies_per_turn(level: Level) -> int:
    """Companies the landing can ferry in one turn once every boat and boatman is found."""
    everything = (1 << len(level.items)) - 1
    return level.ferry_capacity(everything)


def moves_still_needed(level: Level, state: State) -> int:
    """A lower bound on the moves from ``state`` to a win (:data:`UNREACHABLE` if none).

    Every army must reach a goal cell (``meet``), or the column must (having made the
    river crossings still missing, if the goal asks for some); ``hold`` then needs
    the turns in a row still missing, ``ferry`` the turns of ferrying still missing at the
    most companies a turn (the turn of arrival counts as one of them); ``take`` the turns
    the siege, the ambushes and the fall of the point still need.
    """
    goal = level.goal
    if goal.kind == "meet":
        return max(level.goal_distance(army) for army in (state.pos, *state.allies))
    if goal.kind == "reach" and goal.crossings:
        return min(UNREACHABLE, level.crossing_distance(
            state.pos, state.region, goal.crossings - state.crossings))
    distance = level.goal_distance(state.pos)
    if distance >= UNREACHABLE:
        return UNREACHABLE
    if goal.kind == "hold":
        missing = goal.hold - (state.held if distance == 0 else 0)
        return distance + max(0, missing - (1 if distance else 0))
    if goal.kind == "take" and distance:
        # The point is entered on a turn after it falls; it falls at the end of a turn
        # with the siege laid and every relief column stopped, and a relief column can
        # only be ambushed on a turn after the siege began.
        if point_fallen(level, state):
            return distance
        return max(distance, 2 if state.besieged or not level.reliefs else 3)
    if goal.kind == "ferry":
        per_turn = most_companies_per_turn(level)
        if per_turn <= 0:
            return UNREACHABLE
        turns = -(-(goal.units - state.ferried) // per_turn)
        return distance + max(0, turns - (1 if distance else 0))
    return distance


def cannot_win(level: Level, state: State) -> Reason | None:
    """Why the level can no longer be won from ``state`` by a cheap bound, or None if it
    still may be (troops below the goal's minimum, or the goal farther than the turns
    left). None once the level is over."""
    if state.status is not Status.PLAYING:
        return None
    need = level.goal.min_troops
    if state.troops < need:
        return Reason(f"兵力只剩{state.troops}，目标要{need}：这一关赢不了了。",
                      f"only {state.troops} troops left, the goal needs {need}: this level "
                      "is lost", "too_few_troops")
    needed = moves_still_needed(level, state)
    left = level.turn_limit - state.turn
    if needed > left:
        if needed >= UNREACHABLE:
            return static_reason(level, needed)
        return Reason(f"离目标至少还要{needed}步，只剩{left}回合：这一关赢不了了。",
                      f"the goal is {needed} moves away or more, only {left} turns left: "
                      "this level is lost", "too_far")
    return None
