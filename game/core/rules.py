"""The rules of a turn: ``step(level, state, action) -> (state, events)``, pure and deterministic.

A turn has four phases, always in this order:

1. **Column.** The column moves one cell or waits. Leaving the map, impassable ground, a
   ferry whose boats are not running, bare bridge chains and cells held by an enemy
   raise :class:`Impossible`, which spends no turn; so do the cells of a besieged point
   while its garrison holds. Walking into a loose plank pushes it
   one cell on, if that cell is free; a plank pushed onto bare chains covers them.
   **Engineers:** a column that waits on the bank next to pontoon sites takes down each
   standing bridge there nobody is on, then builds the first listed site there it did
   not just take down, if materials are free (``Level.kits``). A standing bridge is
   ground for the column and for pursuers alike.
2. **World.** Patrols take the next step of their routes (holding if the column is in the
   way). Pursuers whose turn it is step toward the column if it is on their bank (see
   :func:`pursuer_step`); a standing pontoon bridge joins the banks it spans. Relief
   columns march one step; one next to the column while the column is in forest is
   ambushed and stops. On a level with a point to besiege, the relief columns wait in camp
   (and cannot be ambushed) until the siege has begun.
3. **Danger.** Troops are lost to a fire lane firing on the column's cell, to each patrol
   that sees it (once the first turns' disguise is over), to each pursuer next to it, and
   to a bog without a guide. On a cold level snow (and open ground in a blizzard) costs
   warmth, and a turn standing still on snow costs ``climb.rest_chill`` more (resting on
   the mountain is deadly); a shelter restores warmth, and chilli water and ginger soup
   picked up at the foot raise it above the usual maximum.
4. **Outcome.** The column picks up an item on its cell; on the landing it ferries the
   companies its boats carry; stepping onto another bank counts a river crossing; turns
   on the positions to hold are counted. No troops, no warmth, or a relief column at the
   end of its march loses; meeting the goal wins (or loses, with too few troops); running
   out of turns loses.
   Before that (4b, the siege), ending a turn next to the point to besiege lays siege to
   it (the relief columns set out next turn); once the siege is laid and every relief
   column stopped, the garrison falls and the point may be entered.

**Baggage.** A column still loaded with heavy baggage (``Level.loaded``) takes two turns
for every move: the turn above, moving, then a second turn in place (phases 2 to 4 again,
so patrols and pursuers act twice and danger is counted twice); a wait is one turn as
always. It drops the load for good by moving onto a cache (phase 1c, before that move's
second turn), and marches at full speed from then on. The second turn is not played once
the first has won or lost.

A new mechanic is a new phase or a new kind of thing here, asked about through the
level's data, never a special case for one chapter.
"""

from __future__ import annotations

from game.core.actions import ALL_ACTIONS, Action
from game.core.events import (
    Ambushed,
    BaggageDropped,
    Bogged,
    BridgeBuilt,
    BridgeTakenDown,
    Caught,
    Chilled,
    ColumnMoved,
    ColumnWaited,
    Crossed,
    Event,
    Ferried,
    Fortified,
    Hauled,
    KitsInUse,
    Lost,
    PatrolHeld,
    PatrolMoved,
    PickedUp,
    PlankLaid,
    PlankPushed,
    PointFell,
    PursuerMoved,
    SatDown,
    SiegeBegan,
    Spotted,
    UnderFire,
    WarmedUp,
    Won,
)
from game.core.level import Level, Pos
from game.core.state import LossReason, PatrolState, State, Status, point_fallen
from game.i18n import Text


class Impossible(Exception):
    """An action the rules refuse; it spends no turn. ``message`` says why, in both languages."""

    def __init__(self, message: Text) -> None:
        super().__init__(message.en)
        self.message = message


OFF_MAP = Text("地图边缘，无路可走。", "That is the edge of the map.")
BLOCKED_BY_PATROL = Text("敌军巡逻队挡住了去路。", "An enemy patrol blocks the way.")
BLOCKED_BY_PURSUER = Text("追兵挡住了去路。", "A pursuing army blocks the way.")
BLOCKED_BY_RELIEF = Text("敌人的援军挡住了去路：从树林里伏击它。",
                         "The relief column blocks the way: ambush it from the forest.")
PLANK_STUCK = Text("木板推不动：前面有东西挡着。",
                   "The plank will not move: something is in its way.")
BARE_CHAINS = Text("只剩光溜溜的铁索，先推木板铺上去。",
                   "Only bare chains here: push a plank onto them first.")
ALL_BLOCKED = Text("这个方向上每一支部队都走不动。", "No army can move that way.")
FERRY_CLOSED = Text("这一回合渡船不开，等一等再过。",
                    "The ferry boats are not running this turn: wait for them.")
LEVEL_OVER = Text("本关已经结束。", "This level is over.")
GARRISON_HOLDS = Text("敌人的守军还守着据点：先围住它，伏击援军，它才会失守。",
                      "The garrison still holds the point: besiege it and ambush the "
                      "relief, and it will fall.")
NO_BRIDGE_YET = Text("浮桥还没有架起来：在岸边紧挨着它原地等待一回合，工兵就会架桥。",
                     "The pontoon bridge is not built yet: wait one turn on the bank next "
                     "to it and the engineers build it.")
NO_KITS_FREE = Text("架桥材料都用在别的浮桥上了：先到那座桥旁边等一回合把它拆下，再来这里架桥。",
                    "Every bridge kit is in use: take the other bridge down first (wait "
                    "beside it), then bridge the river here.")


def _blocked_message(level: Level, pos: Pos) -> Text:
    terrain = level.terrain(pos)
    if terrain.water and level.pontoons:
        return Text("江水太深：到标出的桥位架起浮桥再过河。",
                    "The river is too deep here: bridge it at a marked bridge site.")
    if terrain.water:
        return Text("江水太深，要从渡口过江。", "The river is too deep here: cross at a ford.")
    return Text(f"{terrain.label.zh}无法通行。", f"The {terrain.label.en} cannot be crossed.")


def _free(level: Level, state: State, cell: Pos) -> bool:
    """Whether ``cell`` is ground a unit may stand on now: passable (bare chains only once a
    plank covers them, ferries only while running), with no enemy and no plank on it."""
    chain = level.chain_index(cell)
    if chain >= 0:
        if not state.laid >> chain & 1:
            return False
    elif not level.enterable(cell, state.turn):
        site = level.pontoon_index(cell)
        if site < 0 or not state.bridges >> site & 1:
            return False
    return (cell not in state.planks and cell not in state.pursuers
            and all(patrol.pos != cell for patrol in state.patrols)
            and not (level.reliefs and cell in _relief_cells(level, state.reliefs))
            and not (level.siege and cell in level.siege and not point_fallen(level, state)))


def _relief_cells(level: Level, reliefs: tuple[int, ...]) -> set[Pos]:
    """Where the relief columns still marching stand."""
    return {spec.path()[marched] for spec, marched in zip(level.reliefs, reliefs, strict=True)
            if marched >= 0}


def _march(level: Level, state: State, pos: Pos, events: list[Event] | None) -> tuple[int, ...]:
    """Phase 2c: every relief column still marching takes its next step (it waits if the
    column stands in its way); then a column in forest next to one ambushes it. Where there
    is a point to besiege, they stay in camp until the siege has begun."""
    if level.siege and not state.besieged:
        return state.reliefs
    marched = list(state.reliefs)
    for index, spec in enumerate(level.reliefs):
        if marched[index] < 0 or marched[index] >= len(spec.route):
            continue
        nxt = spec.path()[marched[index] + 1]
        if nxt != pos:
            marched[index] += 1
    if level.terrain(pos).hides:
        for index, spec in enumerate(level.reliefs):
            if marched[index] >= 0:
                x, y = spec.path()[marched[index]]
                if abs(x - pos[0]) + abs(y - pos[1]) == 1:
                    marched[index] = -1
                    if events is not None:
                        events.append(Ambushed(spec.id))
    return tuple(marched)


def _plank_target(level: Level, state: State, plank: Pos, delta: Pos) -> Pos | None:
    """Where a plank pushed from ``plank`` by ``delta`` goes: free ground, or a bare chain
    cell (which it covers); None when it cannot move."""
    target = (plank[0] + delta[0], plank[1] + delta[1])
    chain = level.chain_index(target)
    if chain >= 0 and not state.laid >> chain & 1:
        return target if all(p.pos != target for p in state.patrols) else None
    return target if _free(level, state, target) else None


def _open(level: Level, state: State, target: Pos) -> bool:
    """Whether the column may end its move on ``target`` (its own cell always), pushing a
    plank that lies there if the plank can move on."""
    if target == state.pos:
        return True
    if target in state.planks:
        delta = (target[0] - state.pos[0], target[1] - state.pos[1])
        return (_plank_target(level, state, target, delta) is not None
                and _free(level, state._replace(planks=()), target))
    return _free(level, state, target)


def _march_together(level: Level, state: State, delta: Pos) -> tuple[Pos, tuple[Pos, ...]]:
    """Where the column and the other armies end when all take the step ``delta``: each
    moves unless its way is blocked (by the ground, an enemy, a plank, or an army that
    cannot move either); the blocked ones stay where they are."""
    armies = (state.pos, *state.allies)
    targets = [(x + delta[0], y + delta[1]) for x, y in armies]
    blocked = [not _free(level, state, target) for target in targets]
    changed = True
    while changed:
        changed = False
        for index, target in enumerate(targets):
            if not blocked[index] and target in armies and blocked[armies.index(target)]:
                blocked[index] = changed = True
    moved = tuple(army if stop else target
                  for army, target, stop in zip(armies, targets, blocked, strict=True))
    return moved[0], moved[1:]


def legal_actions(level: Level, state: State) -> list[Action]:
    """The actions the rules accept now, in :data:`ALL_ACTIONS` order (none once it's over)."""
    if state.status is not Status.PLAYING:
        return []
    x, y = state.pos
    if level.allies:
        return [action for action in ALL_ACTIONS if action.delta == (0, 0)
                or _march_together(level, state, action.delta) != (state.pos, state.allies)]
    return [action for action in ALL_ACTIONS
            if _open(level, state, (x + action.delta[0], y + action.delta[1]))]


def check_action(level: Level, state: State, action: Action) -> Pos:
    """Return where ``action`` takes the column, or raise :class:`Impossible` saying why."""
    if state.status is not Status.PLAYING:
        raise Impossible(LEVEL_OVER)
    dx, dy = action.delta
    x, y = state.pos
    target = (x + dx, y + dy)
    if level.allies:
        pos, allies = _march_together(level, state, action.delta)
        if action.delta == (0, 0) or (pos, allies) != (state.pos, state.allies):
            return pos
        if target in state.allies:
            raise Impossible(ALL_BLOCKED)
    elif _open(level, state, target):
        return target
    if not level.inside(target):
        raise Impossible(OFF_MAP)
    if target in state.planks:
        raise Impossible(PLANK_STUCK)
    if level.chain_index(target) >= 0:
        raise Impossible(BARE_CHAINS)
    site = level.pontoon_index(target)
    if site >= 0 and not state.bridges >> site & 1:
        raise Impossible(NO_KITS_FREE if state.bridges.bit_count() >= level.kits
                         else NO_BRIDGE_YET)
    if not level.passable(target):
        raise Impossible(_blocked_message(level, target))
    if not level.enterable(target, state.turn):
        raise Impossible(FERRY_CLOSED)
    if target in _relief_cells(level, state.reliefs):
        raise Impossible(BLOCKED_BY_RELIEF)
    if target in level.siege:
        raise Impossible(GARRISON_HOLDS)
    raise Impossible(BLOCKED_BY_PURSUER if target in state.pursuers else BLOCKED_BY_PATROL)


def pursuer_step(level: Level, start: Pos, column: Pos, taken: set[Pos],
                 bridges: int = 0) -> Pos:
    """Where a pursuer at ``start`` goes when it chases the column at ``column``.

    It steps along the axis where the column is farther away (across, on a tie), or along
    the other axis when that way is blocked; it never enters water (but for a standing
    pontoon bridge, in the bit mask ``bridges``), impassable ground, the column's cell or a
    cell in ``taken``; if no step brings it closer, it stays.
    """
    dx, dy = column[0] - start[0], column[1] - start[1]
    across = (start[0] + (dx > 0) - (dx < 0), start[1])
    along = (start[0], start[1] + (dy > 0) - (dy < 0))
    tries = [across, along] if abs(dx) >= abs(dy) else [along, across]
    for cell in tries:
        if cell in (start, column) or cell in taken:
            continue
        if level.passable(cell) and not level.terrain(cell).water:
            return cell
        site = level.pontoon_index(cell) if bridges else -1
        if site >= 0 and bridges >> site & 1:
            return cell
    return start


def _world(
    level: Level, patrols: tuple[PatrolState, ...], armies: tuple[Pos, ...],
    events: list[Event] | None,
) -> tuple[PatrolState, ...]:
    """Phase 2: every patrol takes its next route step, holding if an army is there."""
    moved: list[PatrolState] = []
    for spec, patrol in zip(level.patrols, patrols, strict=True):
        dx, dy = spec.route[patrol.step].delta
        nxt = (patrol.pos[0] + dx, patrol.pos[1] + dy)
        if nxt in armies and nxt != patrol.pos:
            moved.append(patrol)
            if events is not None:
                events.append(PatrolHeld(spec.id, patrol.pos))
            continue
        moved.append(PatrolState(nxt, (patrol.step + 1) % len(spec.route)))
        if events is not None and nxt != patrol.pos:
            events.append(PatrolMoved(spec.id, patrol.pos, nxt))
    return tuple(moved)


def _pursue(
    level: Level, state: State, pos: Pos, patrols: tuple[PatrolState, ...],
    events: list[Event] | None,
) -> tuple[Pos, ...]:
    """Phase 2b: pursuers whose turn it is step toward the column, one after another.

    A pursuer only chases a column on its own bank: once the column is on the water or
    across it, the pursuer has lost track of it and holds its ground. A standing pontoon
    bridge joins the banks it spans, so pursuers chase across it.
    """
    if not level.pursuers:
        return ()
    moved = list(state.pursuers)
    bridges = state.bridges
    bank = level.joined_region(pos, bridges) if bridges else level.region(pos)
    for index, spec in enumerate(level.pursuers):
        if (state.turn + 1) % spec.every or bank < 0 or bank != (
                level.joined_region(moved[index], bridges) if bridges
                else level.region(moved[index])):
            continue
        taken = ({p.pos for p in patrols} | set(moved[:index]) | set(moved[index + 1:])
                 | set(state.planks) | set(state.allies))
        if level.siege and not point_fallen(level, state):
            taken |= level.siege
        old = moved[index]
        moved[index] = pursuer_step(level, old, pos, taken, bridges)
        if events is not None and moved[index] != old:
            events.append(PursuerMoved(spec.id, old, moved[index]))
    return tuple(moved)


def _danger(
    level: Level, turn: int, armies: tuple[Pos, ...], patrols: tuple[PatrolState, ...],
    pursuers: tuple[Pos, ...], taken: int, events: list[Event] | None,
) -> int:
    """Phase 3: troops lost, for every army, to fire lanes, bogs without a guide, patrols
    that see it (unless still disguised on turn ``turn``) and pursuers next to it."""
    lost = 0
    for pos in armies:
        fire = level.fire_damage(pos, turn) if level.fires else 0
        lost += fire
        if fire and events is not None:
            events.append(UnderFire(fire))
        if level.terrain(pos).name == "bog" and not level.carrying("guide", taken):
            lost += level.bog_damage
            if events is not None:
                events.append(Bogged(level.bog_damage))
        if not level.terrain(pos).hides and turn > level.disguise:
            for spec, patrol in zip(level.patrols, patrols, strict=True):
                if pos in level.seen_from(patrol.pos, spec.sight):
                    lost += spec.damage
                    if events is not None:
                        events.append(Spotted(spec.id, spec.damage))
        for pursuer, where in zip(level.pursuers, pursuers, strict=True):
            if abs(where[0] - pos[0]) + abs(where[1] - pos[1]) == 1:
                lost += pursuer.damage
                if events is not None:
                    events.append(Caught(pursuer.id, pursuer.damage))
    return lost


def _outcome(level: Level, state: State, pos: Pos, patrols: tuple[PatrolState, ...],
             pursuers: tuple[Pos, ...], events: list[Event] | None) -> State:
    """Phases 3 and 4: danger; pick up an item, ferry companies, count a crossing; then won,
    lost, or play on."""
    turn = state.turn + 1
    taken, ferried = state.taken, state.ferried
    picked = ""
    if level.items:
        index = level.item_at(pos, taken)
        if index >= 0:
            taken |= 1 << index
            picked = level.items[index].kind
            if events is not None:
                events.append(PickedUp(picked))
    armies = (pos, *state.allies)
    troops = state.troops - _danger(level, turn, armies, patrols, pursuers, taken, events)
    reliefs = _march(level, state, pos, events) if level.reliefs else ()
    besieged = state.besieged
    if level.siege:
        besieged = _besiege(level, state, pos, reliefs, events)
    held = state.held + 1 if goal_holding(level, pos) else 0
    if level.goal.kind == "meet":
        held = sum(1 for army in armies if army in level.goal.cells)
    goal = level.goal
    if goal.kind == "ferry" and pos in goal.cells and ferried < goal.units:
        carried = min(level.ferry_capacity(taken), goal.units - ferried)
        if carried:
            ferried += carried
            if events is not None:
                events.append(Ferried(carried, ferried))
    crossings, region = state.crossings, state.region
    bank = level.region(pos)
    if bank >= 0 and bank != region:
        if region >= 0 and crossings < level.goal.crossings:
            crossings += 1  # counted up to what the goal asks: more are all alike
            if events is not None:
                events.append(Crossed(crossings))
        region = bank
    warmth = state.warmth
    if level.warmth:
        if picked == "ginger" and level.climb.ginger:
            warmth += level.climb.ginger
            if events is not None:
                events.append(Fortified(level.climb.ginger, warmth))
        if pos in level.shelters:
            if warmth < level.warmth and events is not None:
                events.append(WarmedUp(level.warmth))
            warmth = max(warmth, level.warmth)
        else:
            resting = pos == state.pos
            chill = level.chill(pos, turn, resting)
            warmth = max(0, warmth - chill)
            if chill and events is not None:
                if (resting and level.climb.rest_chill
                        and level.terrain(pos).name == "snow"):
                    events.append(SatDown(level.climb.rest_chill))
                events.append(Chilled(chill, warmth))
    status, reason = Status.PLAYING, None
    if troops <= 0:
        troops, status, reason = 0, Status.LOST, LossReason.NO_TROOPS
    elif level.warmth and warmth <= 0:
        status, reason = Status.LOST, LossReason.FROZE
    elif any(marched == len(spec.route)
             for spec, marched in zip(level.reliefs, reliefs, strict=True)):
        status, reason = Status.LOST, LossReason.RELIEVED
    elif _goal_met(level, pos, crossings, ferried, held, reliefs):
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
    return State(turn, pos, troops, patrols, status, reason, pursuers, crossings, region,
                 taken, ferried, state.planks, state.laid, warmth, reliefs, held, state.allies,
                 state.bridges, besieged)


def _besiege(level: Level, state: State, pos: Pos, reliefs: tuple[int, ...],
             events: list[Event] | None) -> bool:
    """Phase 4b: ending a turn next to the point lays siege to it (for good); once the
    siege is laid and every relief column is stopped, the garrison falls."""
    besieged = state.besieged or level.next_to_point(pos)
    if events is not None and besieged:
        if not state.besieged:
            events.append(SiegeBegan(len(level.reliefs)))
        if (all(marched < 0 for marched in reliefs)
                and not point_fallen(level, state)):
            events.append(PointFell())
    return besieged


def goal_holding(level: Level, pos: Pos) -> bool:
    """Whether ending a turn on ``pos`` counts toward holding the positions."""
    return level.goal.kind == "hold" and pos in level.goal.cells


def _goal_met(level: Level, pos: Pos, crossings: int, ferried: int, held: int,
              reliefs: tuple[int, ...]) -> bool:
    goal = level.goal
    if goal.kind == "ferry":
        return ferried >= goal.units
    if goal.kind == "hold":
        return held >= goal.hold and all(marched < 0 for marched in reliefs)
    if goal.kind == "meet":
        return held == 1 + len(level.allies)  # every army on a meeting cell
    if goal.kind == "take":
        return pos in goal.cells  # entered only once the point has fallen
    return pos in goal.cells and crossings >= goal.crossings


def _push(level: Level, state: State, pos: Pos, events: list[Event] | None) -> State:
    """Phase 1b: a plank on the column's new cell slides on, covering bare chains it meets."""
    if pos not in state.planks:
        return state
    delta = (pos[0] - state.pos[0], pos[1] - state.pos[1])
    target = _plank_target(level, state, pos, delta)
    assert target is not None  # checked by _open
    planks = [plank for plank in state.planks if plank != pos]
    chain = level.chain_index(target)
    if chain >= 0 and not state.laid >> chain & 1:
        if events is not None:
            events.append(PlankLaid(target))
        return state._replace(planks=tuple(sorted(planks)), laid=state.laid | 1 << chain)
    if events is not None:
        events.append(PlankPushed(pos, target))
    return state._replace(planks=tuple(sorted([*planks, target])))


def _unload(level: Level, state: State, pos: Pos, events: list[Event] | None) -> State:
    """Phase 1c: a loaded column that moves onto a cache leaves its baggage there (every
    cache counts as taken, so the load is dropped once and for all)."""
    index = level.item_at(pos, state.taken) if level.loaded(state.taken) else -1
    if index >= 0 and level.items[index].kind == "cache":
        if events is not None:
            events.append(BaggageDropped(pos))
        return state._replace(taken=state.taken | level.cache_mask())
    return state


def hauling(level: Level, state: State, action: Action) -> bool:
    """Whether ``action`` from ``state`` takes two turns: a move while still loaded."""
    return action is not Action.WAIT and level.loaded(state.taken)


def _site_clear(level: Level, state: State, index: int) -> bool:
    """Whether nobody and nothing stands on pontoon site ``index`` (so it can come down)."""
    cells = level.pontoons[index].cells
    return (cells.isdisjoint(state.pursuers) and cells.isdisjoint(state.allies)
            and cells.isdisjoint(state.planks)
            and all(patrol.pos not in cells for patrol in state.patrols)
            and not (level.reliefs and cells.intersection(_relief_cells(level, state.reliefs))))


def _engineer(level: Level, state: State, pos: Pos, events: list[Event] | None) -> State:
    """Phase 1c: the column waiting at ``pos`` on the bank beside pontoon sites takes down
    every standing bridge there that nobody is on, then builds the first listed site there
    it did not just take down, if materials are free (so one wait between two sites moves
    the bridge from one to the other)."""
    bridges, down = state.bridges, 0
    near = level.sites_next_to(pos)
    for index in near:
        if bridges >> index & 1 and _site_clear(level, state, index):
            bridges &= ~(1 << index)
            down |= 1 << index
            if events is not None:
                site = level.pontoons[index]
                events.append(BridgeTakenDown(site.id, site.name))
    for index in near:
        if not (bridges | down) >> index & 1:
            if bridges.bit_count() >= level.kits:  # nothing to build with: say so
                if events is not None and not down:
                    site = level.pontoons[index]
                    events.append(KitsInUse(site.id, site.name))
                break
            bridges |= 1 << index
            if events is not None:
                site = level.pontoons[index]
                events.append(BridgeBuilt(site.id, site.name))
            break
    return state if bridges == state.bridges else state._replace(bridges=bridges)


def step(level: Level, state: State, action: Action) -> tuple[State, list[Event]]:
    """Play one turn (two for a loaded column's move, see the module docstring). Raises
    :class:`Impossible` (and changes nothing) for a refused action."""
    after, events = _turn(level, state, action)
    if hauling(level, state, action):
        events.insert(1, Hauled(after.pos))  # said first: what the turns bring comes after
        if after.status is Status.PLAYING:
            after, more = _turn(level, after, Action.WAIT)
            events += more[1:]
    return after, events


def _turn(level: Level, state: State, action: Action) -> tuple[State, list[Event]]:
    """Play exactly one turn (phases 1 to 4)."""
    pos = check_action(level, state, action)
    events: list[Event] = [
        ColumnWaited(pos) if pos == state.pos else ColumnMoved(state.pos, pos)
    ]
    if level.allies:
        state = state._replace(allies=_march_together(level, state, action.delta)[1])
    state = _push(level, state, pos, events)
    if level.baggage:
        state = _unload(level, state, pos, events)
    if level.pontoons and action is Action.WAIT:
        state = _engineer(level, state, pos, events)
    patrols = _world(level, state.patrols, (pos, *state.allies), events)
    pursuers = _pursue(level, state, pos, patrols, events)
    return _outcome(level, state, pos, patrols, pursuers, events), events


def successors(level: Level, state: State) -> list[tuple[Action, State]]:
    """Every legal action with the state it leads to: ``step`` for each, without events.

    The patrols' moves do not depend on the column unless the column blocks one, so they
    are computed once and reused; the solver spends most of its time here.
    """
    if level.allies and state.status is Status.PLAYING:
        moves = [(action, _march_together(level, state, action.delta)) for action in ALL_ACTIONS]
        actions = [action for action, moved in moves
                   if action.delta == (0, 0) or moved != (state.pos, state.allies)]
        marches = dict(moves)
    else:
        actions = legal_actions(level, state)
        marches = {}
    if not actions:
        return []
    free = _world(level, state.patrols, (), None)
    stepped_on = {new.pos for new, old in zip(free, state.patrols, strict=True)
                  if new.pos != old.pos}
    x, y = state.pos
    result = []
    for action in actions:
        pos = (x + action.delta[0], y + action.delta[1])
        moved = state
        if level.allies:
            pos, allies = marches[action]
            moved = state._replace(allies=allies)
        pushed = _push(level, moved, pos, None)
        if level.baggage:
            pushed = _unload(level, pushed, pos, None)
        if level.pontoons and action is Action.WAIT:
            pushed = _engineer(level, pushed, pos, None)
        armies = (pos, *pushed.allies)
        patrols = (_world(level, state.patrols, armies, None)
                   if stepped_on.intersection(armies) else free)
        pursuers = _pursue(level, pushed, pos, patrols, None)
        result.append((action, _outcome(level, pushed, pos, patrols, pursuers, None)))
    if level.baggage and level.loaded(state.taken):
        result = [(action, _turn(level, after, Action.WAIT)[0]
                   if after.status is Status.PLAYING and action is not Action.WAIT else after)
                  for action, after in result]
    return result


def replay(level: Level, state: State, actions: list[Action]) -> State:
    """Apply ``actions`` in order and return the final state (raises :class:`Impossible`)."""
    for action in actions:
        state, _ = step(level, state, action)
    return state
