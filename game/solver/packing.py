"""A rule state packed into one int, for the solver's millions of stored positions.

:class:`Packer` is compiled once per level: every field of :class:`~game.core.state.State`
that the future depends on (everything but the turn, the troops and the status) becomes a
few bits of one Python int, the *key*. Cells are numbered ``y * width + x``; a patrol is
its cell and route step; planks are a fixed number of slots (cell + 1, 0 once laid).
Whatever runs on a timetable adds the turn's phase in the level's period and the turns of
disguise used (see :func:`game.core.state.search_key`, whose rule this follows).

A key takes about 40 bytes where the ``State`` it stands for took over a kilobyte, and it
hashes and compares as one number. :meth:`Packer.unpack` rebuilds the exact ``State``
from a key, the turn and the troops, so the search stores keys and expands states.
"""

from __future__ import annotations

from game.core.level import Level, Pos
from game.core.state import PatrolState, State, Status


def _bits(largest: int) -> int:
    """Bits to hold every value in ``0..largest``."""
    return max(1, largest.bit_length())


class Packer:
    """Packs and unpacks the states of one level (see the module docstring)."""

    def __init__(self, level: Level) -> None:
        self.level = level
        self.width = level.width
        cells = level.width * level.height
        self.cell_bits = _bits(cells)
        self.patrol_steps = tuple(len(p.route) for p in level.patrols)
        self.step_bits = tuple(_bits(n) for n in self.patrol_steps)
        self.pursuers = len(level.pursuers)
        self.crossing_bits = _bits(level.goal.crossings)
        self.region_bits = _bits(max([0, *(level.region(p) for p in _cells(level))]) + 2)
        self.item_bits = len(level.items)
        self.ferried_bits = _bits(level.goal.units)
        self.planks = len(level.planks)
        self.plank_bits = _bits(cells + 1)
        self.chain_bits = sum(1 for p in _cells(level) if level.chain_index(p) >= 0)
        self.warmth_bits = _bits(level.warmth)
        self.relief_bits = tuple(_bits(len(r.route) + 1) for r in level.reliefs)
        self.held_bits = _bits(max(level.turn_limit, 1 + len(level.allies)))
        self.allies = len(level.allies)
        self.timed = level.turn_period > 1 or level.disguise > 0
        self.period = level.turn_period
        self.period_bits = _bits(level.turn_period)
        self.disguise_bits = _bits(level.disguise)

    def pack(self, state: State) -> int:
        """The key of ``state``: equal keys have equal futures but for turn and troops."""
        width, cb = self.width, self.cell_bits
        x, y = state.pos
        key = y * width + x
        for patrol, bits in zip(state.patrols, self.step_bits, strict=True):
            x, y = patrol.pos
            key = (((key << cb) | (y * width + x)) << bits) | patrol.step
        for x, y in state.pursuers:
            key = (key << cb) | (y * width + x)
        key = (key << self.crossing_bits) | state.crossings
        key = (key << self.region_bits) | (state.region + 1)
        key = (key << self.item_bits) | state.taken
        key = (key << self.ferried_bits) | state.ferried
        if self.planks:
            slots = [y * width + x + 1 for x, y in state.planks]
            slots += [0] * (self.planks - len(slots))
            for slot in slots:
                key = (key << self.plank_bits) | slot
        key = (key << self.chain_bits) | state.laid
        key = (key << self.warmth_bits) | state.warmth
        for marched, bits in zip(state.reliefs, self.relief_bits, strict=True):
            key = (key << bits) | (marched + 1)
        key = (key << self.held_bits) | state.held
        for x, y in state.allies:
            key = (key << cb) | (y * width + x)
        if self.timed:
            key = (key << self.period_bits) | state.turn % self.period
            key = (key << self.disguise_bits) | min(state.turn, self.level.disguise)
        return key

    def unpack(self, key: int, turn: int, troops: int) -> State:
        """The playing state whose key is ``key``, at ``turn`` with ``troops``."""
        width, cb = self.width, self.cell_bits
        cell_mask = (1 << cb) - 1
        if self.timed:
            key >>= self.period_bits + self.disguise_bits
        allies = []
        for _ in range(self.allies):
            allies.append(self._pos(key & cell_mask))
            key >>= cb
        held = key & ((1 << self.held_bits) - 1)
        key >>= self.held_bits
        reliefs = []
        for bits in reversed(self.relief_bits):
            reliefs.append((key & ((1 << bits) - 1)) - 1)
            key >>= bits
        warmth = key & ((1 << self.warmth_bits) - 1)
        key >>= self.warmth_bits
        laid = key & ((1 << self.chain_bits) - 1)
        key >>= self.chain_bits
        planks = []
        for _ in range(self.planks):
            slot = key & ((1 << self.plank_bits) - 1)
            key >>= self.plank_bits
            if slot:
                planks.append(self._pos(slot - 1))
        ferried = key & ((1 << self.ferried_bits) - 1)
        key >>= self.ferried_bits
        taken = key & ((1 << self.item_bits) - 1)
        key >>= self.item_bits
        region = (key & ((1 << self.region_bits) - 1)) - 1
        key >>= self.region_bits
        crossings = key & ((1 << self.crossing_bits) - 1)
        key >>= self.crossing_bits
        pursuers = []
        for _ in range(self.pursuers):
            pursuers.append(self._pos(key & cell_mask))
            key >>= cb
        patrols = []
        for bits in reversed(self.step_bits):
            step = key & ((1 << bits) - 1)
            key >>= bits
            patrols.append(PatrolState(self._pos(key & cell_mask), step))
            key >>= cb
        cell = key
        return State(turn, (cell % width, cell // width), troops, tuple(reversed(patrols)),
                     Status.PLAYING, None, tuple(reversed(pursuers)), crossings, region,
                     taken, ferried, tuple(reversed(planks)), laid, warmth,
                     tuple(reversed(reliefs)), held, tuple(reversed(allies)))

    def _pos(self, cell: int) -> Pos:
        return (cell % self.width, cell // self.width)


def _cells(level: Level) -> list[Pos]:
    return [(x, y) for y in range(level.height) for x in range(level.width)]
