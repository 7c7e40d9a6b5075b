"""The rules of a turn: ``step(level, state, action) -> (state, events)``, pure and deterministic.

A turn has four phases, always in this order:

1. **Column.** The column moves one cell or waits. Leaving the map, impassable ground and
   cells held by an enemy raise :class:`Impossible`, which spends no turn.
2. **World.** Each patrol takes the next step of its route. A patrol whose next cell is the
   column's holds its ground and tries the same step next turn.
3. **Sight.** Every patrol that sees the column's cell costs the column that patrol's damage.
4. **Outcome.** No troops left loses; standing on a goal cell wins (with enough troops, or
   loses with too few); running out of turns loses.

New mechanics (pursuers, boats, weather...) are new phases or new enemy kinds here, asked
about through the level's data, never special cases for one chapter.
"""

from __future__ import annotations

from game.core.actions import ALL_ACTIONS, Action
from game.core.events import (
    ColumnMoved,
    ColumnWaited,
    Event,
    Lost,
    PatrolHeld,
    PatrolMoved,
    Spotted,
    Won,
)
from game.core.level import Level, Pos
from game.core.state import LossReason, PatrolState, State, Status
from game.i18n import Text


class Impossible(Exception):
    """An action the rules refuse; it spends no turn. ``message`` says why, in both languages."""

    def __init__(self, message: Text) -> None:
        super().__init__(message.en)
        self.message = message


OFF_MAP = Text("地图边缘，无路可走。", "That is the edge of the map.")
BLOCKED_BY_ENEMY = Text("敌军巡逻队挡住了去路。", "An enemy patrol blocks the way.")
LEVEL_OVER = Text("本关已经结束。", "This level is over.")


def _blocked_message(level: Level, pos: Pos) -> Text:
    terrain = level.terrain(pos)
    if terrain.name == "river":
        return Text("江水太深，要从渡口过江。", "The river is too deep here: cross at a ford.")
    return Text(f"{terrain.label.zh}无法通行。", f"The {terrain.label.en} cannot be crossed.")


def _open(level: Level, state: State, target: Pos) -> bool:
    """Whether the column may end its move on ``target`` (its own cell always)."""
    if target == state.pos:
        return True
    if not level.passable(target):
        return False
    return all(patrol.pos != target for patrol in state.patrols)


def legal_actions(level: Level, state: State) -> list[Action]:
    """The actions the rules accept now, in :data:`ALL_ACTIONS` order (none once it's over)."""
    if state.status is not Status.PLAYING:
        return []
    x, y = state.pos
    return [action for action in ALL_ACTIONS
            if _open(level, state, (x + action.delta[0], y + action.delta[1]))]


def check_action(level: Level, state: State, action: Action) -> Pos:
    """Return where ``action`` takes the column, or raise :class:`Impossible` saying why."""
    if state.status is not Status.PLAYING:
        raise Impossible(LEVEL_OVER)
    dx, dy = action.delta
    x, y = state.pos
    target = (x + dx, y + dy)
    if _open(level, state, target):
        return target
    if not level.inside(target):
        raise Impossible(OFF_MAP)
    if not level.passable(target):
        raise Impossible(_blocked_message(level, target))
    raise Impossible(BLOCKED_BY_ENEMY)


def _world(
    level: Level, patrols: tuple[PatrolState, ...], pos: Pos, events: list[Event] | None
) -> tuple[PatrolState, ...]:
    """Phase 2: every patrol takes its next route step, holding if the column is there."""
    moved: list[PatrolState] = []
    for spec, patrol in zip(level.patrols, patrols, strict=True):
        dx, dy = spec.route[patrol.step].delta
        nxt = (patrol.pos[0] + dx, patrol.pos[1] + dy)
        if nxt == pos and nxt != patrol.pos:
            moved.append(patrol)
            if events is not None:
                events.append(PatrolHeld(spec.id, patrol.pos))
            continue
        moved.append(PatrolState(nxt, (patrol.step + 1) % len(spec.route)))
        if events is not None and nxt != patrol.pos:
            events.append(PatrolMoved(spec.id, patrol.pos, nxt))
    return tuple(moved)


def _sight(
    level: Level, pos: Pos, patrols: tuple[PatrolState, ...], events: list[Event] | None
) -> int:
    """Phase 3: the troops lost to every patrol that sees the column's cell."""
    if level.terrain(pos).hides:
        return 0
    lost = 0
    for spec, patrol in zip(level.patrols, patrols, strict=True):
        if pos in level.seen_from(patrol.pos, spec.sight):
            lost += spec.damage
            if events is not None:
                events.append(Spotted(spec.id, spec.damage))
    return lost


def _outcome(level: Level, state: State, pos: Pos, troops: int,
             patrols: tuple[PatrolState, ...], events: list[Event] | None) -> State:
    """Phase 4: won, lost, or play on."""
    turn = state.turn + 1
    status, reason = Status.PLAYING, None
    if troops <= 0:
        troops, status, reason = 0, Status.LOST, LossReason.NO_TROOPS
    elif pos in level.goal.cells:
        if troops >= level.goal.min_troops:
            status = Status.WON
        else:
            status, reason = Status.LOST, LossReason.TOO_FEW_TROOPS
    elif turn >= level.turn_limit:
        status, reason = Status.LOST, LossReason.OUT_OF_TURNS
    if events is not None:
        if status is Status.WON:
            events.append(Won())
        elif reason is not None:
            events.append(Lost(reason))
    return State(turn, pos, troops, patrols, status, reason)


def step(level: Level, state: State, action: Action) -> tuple[State, list[Event]]:
    """Play one turn. Raises :class:`Impossible` (and changes nothing) for a refused action."""
    pos = check_action(level, state, action)
    events: list[Event] = [
        ColumnWaited(pos) if pos == state.pos else ColumnMoved(state.pos, pos)
    ]
    patrols = _world(level, state.patrols, pos, events)
    troops = state.troops - _sight(level, pos, patrols, events)
    return _outcome(level, state, pos, troops, patrols, events), events


def successors(level: Level, state: State) -> list[tuple[Action, State]]:
    """Every legal action with the state it leads to: ``step`` for each, without events.

    The world phase does not depend on the column unless the column blocks a patrol, so
    it is computed once and reused; the solver spends most of its time here.
    """
    actions = legal_actions(level, state)
    if not actions:
        return []
    free = _world(level, state.patrols, (-1, -1), None)
    stepped_on = {new.pos for new, old in zip(free, state.patrols, strict=True)
                  if new.pos != old.pos}
    x, y = state.pos
    result = []
    for action in actions:
        pos = (x + action.delta[0], y + action.delta[1])
        patrols = _world(level, state.patrols, pos, None) if pos in stepped_on else free
        troops = state.troops - _sight(level, pos, patrols, None)
        result.append((action, _outcome(level, state, pos, troops, patrols, None)))
    return result


def replay(level: Level, state: State, actions: list[Action]) -> State:
    """Apply ``actions`` in order and return the final state (raises :class:`Impossible`)."""
    for action in actions:
        state, _ = step(level, state, action)
    return state
