"""The state of a level in play: immutable, compared by value, printed as an ASCII board."""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple

from game.core.level import Level, Pos


class Status(Enum):
    """Whether the level is still being played, won or lost."""

    PLAYING = "playing"
    WON = "won"
    LOST = "lost"


class LossReason(Enum):
    """Why a level was lost."""

    NO_TROOPS = "no_troops"
    OUT_OF_TURNS = "out_of_turns"
    TOO_FEW_TROOPS = "too_few_troops"
    FROZE = "froze"
    RELIEVED = "relieved"


class PatrolState(NamedTuple):
    """Where a patrol stands and which step of its route it takes next."""

    pos: Pos
    step: int


class State(NamedTuple):
    """One moment of a level. ``step`` makes new states; nothing changes one in place.

    A named tuple: immutable, compared and hashed by value, and cheap to create, which is
    what the solver's millions of states need.
    """

    turn: int
    pos: Pos
    troops: int
    patrols: tuple[PatrolState, ...]
    status: Status = Status.PLAYING
    reason: LossReason | None = None
    pursuers: tuple[Pos, ...] = ()
    crossings: int = 0
    region: int = -1
    """The bank the column last stood on (see ``Level.region``); a new one is a crossing."""
    taken: int = 0
    """Items picked up, as a bit mask over ``Level.items``."""
    ferried: int = 0
    """Companies ferried across so far (the ``ferry`` goal)."""
    planks: tuple[Pos, ...] = ()
    """Where the loose planks lie now, sorted (planks are all alike)."""
    laid: int = 0
    """Bare-chain cells covered with a plank, as a bit mask (see ``Level.chain_index``)."""
    warmth: int = 0
    """How warm the column still is; at 0 on a cold level, it freezes."""
    reliefs: tuple[int, ...] = ()
    """How far each relief column has marched along its route; -1 once ambushed."""
    held: int = 0
    """Turns in a row the column has ended on the positions to hold (the ``hold`` goal)."""
    allies: tuple[Pos, ...] = ()
    """Where the other armies stand (they move with the column)."""
    bridges: int = 0
    """Pontoon bridges standing now, as a bit mask over the level's pontoon sites."""
    besieged: bool = False
    """Whether the column has laid siege to the level's besieged point (relief sets out)."""


SearchKey = tuple[object, ...]


def search_key(level: Level, state: State) -> tuple[SearchKey, int]:
    """What a state's future depends on, for the solver: a key and a score to maximise.

    Two states with the same key and the same score have the same futures, except that
    the later one has fewer turns left; and with the same key, more troops never hurt
    (losses only subtract, and every troop test is "at least"). So breadth-first search,
    which meets every key first at its earliest turn, may skip a state whose key it has
    already seen with at least as many troops.

    Whatever runs on a timetable (ferries, slow pursuers, the disguise) makes the future
    depend on the turn, so the key then also holds the turn's phase in the level's period
    and the turns of disguise used. Every field from ``pursuers`` on is part of the key (a
    slice, which is cheap), so a new mechanic's field belongs after them; one whose value is
    not "more is better" must never become the score.
    """
    key: SearchKey = (state.pos, state.patrols, state[_FIRST_KEYED:])
    if level.turn_period > 1 or level.disguise:
        key += (state.turn % level.turn_period, min(state.turn, level.disguise))
    return key, state.troops


_FIRST_KEYED = State._fields.index("pursuers")


def initial_state(level: Level) -> State:
    """The state before the first move."""
    return State(
        turn=0,
        pos=level.start,
        troops=level.troops,
        patrols=tuple(PatrolState(p.start, 0) for p in level.patrols),
        pursuers=tuple(p.start for p in level.pursuers),
        region=level.region(level.start),
        planks=tuple(sorted(level.planks)),
        warmth=level.warmth,
        reliefs=tuple(0 for _ in level.reliefs),
        allies=level.allies,
    )


def point_fallen(level: Level, state: State) -> bool:
    """Whether the besieged point has fallen: the siege was laid and every relief column
    stopped (-1). Its cells may be entered from then on."""
    return bool(level.siege) and state.besieged and all(marched < 0
                                                          for marched in state.reliefs)


#: Characters used by :func:`board_text` for items not yet picked up.
ITEM_CHARS: dict[str, str] = {"boat": "b", "boatman": "m", "comrade": "c", "guide": "g",
                              "cache": "d", "ginger": "j"}

#: Characters used by :func:`board_text`, one per terrain kind.
TERRAIN_CHARS: dict[str, str] = {
    "plain": ".",
    "road": "=",
    "forest": "T",
    "hills": "^",
    "river": "~",
    "ford": "-",
    "ferry": "f",
    "bank": ",",
    "chain": "#",
    "deck": "_",
    "cliff": "|",
    "snow": "*",
    "grassland": '"',
    "bog": "%",
}


def board_text(level: Level, state: State) -> str:
    """Draw the board as text, then a status line.

    ``@`` the column, ``&`` the other armies, enemy and ferry ids (``x``: a ferry not
    running this turn), ``p`` loose planks, ``!`` cells under fire at the end of the next
    turn, ``h`` shelters, item letters (``d`` a cache, where baggage is dropped), ``G`` goal
    cells, and the point to besiege while its garrison holds: ``M`` not yet besieged, ``+``
    besieged. On a level with baggage the status line says whether the column is ``loaded``.
    ``j`` is chilli water and ginger soup. Pontoon sites show their ids (``H``: the bridge is
    standing).

    Golden-replay tests compare this text, so keep it stable.
    """
    cells: dict[Pos, str] = {pos: "G" for pos in level.goal.cells}
    for index, item in enumerate(level.items):
        if not state.taken >> index & 1:
            cells[item.pos] = ITEM_CHARS[item.kind]
    for y, row in enumerate(level.grid):
        for x in range(len(row)):
            index = level.chain_index((x, y))
            if index >= 0 and state.laid >> index & 1:
                cells[(x, y)] = TERRAIN_CHARS["deck"]
    for fire in level.fires:
        if fire.firing_on(state.turn + 1):
            cells.update({cell: "!" for cell in fire.cells})
    for plank in state.planks:
        cells[plank] = "p"
    for shelter in level.shelters:
        cells.setdefault(shelter, "h")
    for index, site in enumerate(level.pontoons):
        cells.update({cell: "H" if state.bridges >> index & 1 else site.id
                      for cell in site.cells})
    for ferry in level.ferries:
        for cell in ferry.cells:
            cells[cell] = ferry.id if ferry.open_on(state.turn) else "x"
    for spec, patrol in zip(level.patrols, state.patrols, strict=True):
        cells[patrol.pos] = spec.id
    for pursuer, where in zip(level.pursuers, state.pursuers, strict=True):
        cells[where] = pursuer.id
    for relief, marched in zip(level.reliefs, state.reliefs, strict=True):
        if marched >= 0:
            cells[relief.path()[marched]] = relief.id
    if level.siege and not point_fallen(level, state):
        cells.update({cell: "+" if state.besieged else "M" for cell in level.siege})
    for ally in state.allies:
        cells[ally] = "&"
    cells[state.pos] = "@"
    rows = []
    for y, row in enumerate(level.grid):
        rows.append(
            "".join(cells.get((x, y), TERRAIN_CHARS[t.name]) for x, t in enumerate(row))
        )
    status = state.status.value + (f" ({state.reason.value})" if state.reason else "")
    crossings = f" crossings {state.crossings}" if level.goal.crossings else ""
    if level.goal.kind == "ferry":
        crossings += f" ferried {state.ferried}/{level.goal.units}"
    if level.warmth:
        crossings += f" warmth {state.warmth}/{level.warmth}"
    if level.baggage:
        crossings += " loaded" if level.loaded(state.taken) else " light"
    if level.goal.kind == "hold":
        crossings += f" held {state.held}/{level.goal.hold}"
    if level.siege:
        crossings += (" point fallen" if point_fallen(level, state)
                      else " besieged" if state.besieged else " point held")
    if level.pontoons:
        crossings += f" bridges {state.bridges.bit_count()}/{level.kits}"
    rows.append(f"turn {state.turn}/{level.turn_limit} troops {state.troops}{crossings} "
                f"{status}")
    return "\n".join(rows)
