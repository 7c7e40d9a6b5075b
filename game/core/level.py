"""A level as the rules see it: an immutable grid, the column's start, enemies and the goal."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from game.core.actions import Action
from game.core.terrain import Terrain
from game.i18n import Text

Pos = tuple[int, int]
"""A cell as ``(x, y)``: column from the left, row from the top, counting from 0."""


@dataclass(frozen=True, slots=True)
class PatrolSpec:
    """An enemy patrol: walks ``route`` over and over, sees ``sight`` cells in four directions."""

    id: str
    start: Pos
    route: tuple[Action, ...]
    sight: int
    damage: int


@dataclass(frozen=True, slots=True)
class PursuerSpec:
    """An enemy army that chases the column on its own bank every ``every`` turns; it never
    crosses water, and loses track of a column that has crossed.

    Each turn it ends next to the column (up, down, left or right) costs ``damage`` troops.
    """

    id: str
    start: Pos
    damage: int
    every: int = 1


@dataclass(frozen=True, slots=True)
class FireSpec:
    """Cells swept by fire from the far bank on the turns marked True in ``schedule``;
    ending a turn on one while it is under fire costs ``damage`` troops."""

    id: str
    cells: frozenset[Pos]
    schedule: tuple[bool, ...]
    damage: int

    def firing_on(self, turn: int) -> bool:
        """Whether the lane is under fire at the end of turn ``turn`` (1 for the first)."""
        return self.schedule[(turn - 1) % len(self.schedule)]


@dataclass(frozen=True, slots=True)
class ReliefSpec:
    """An enemy relief column marching ``route`` once toward the goal. If it reaches the
    route's end, it relieves the position and the level is lost; the column stops it by
    ending a turn next to it from forest (an ambush)."""

    id: str
    start: Pos
    route: tuple[Action, ...]
    _path: tuple[Pos, ...] = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        cells = [self.start]
        for action in self.route:
            x, y = cells[-1]
            cells.append((x + action.delta[0], y + action.delta[1]))
        object.__setattr__(self, "_path", tuple(cells))

    def path(self) -> tuple[Pos, ...]:
        """Every cell it stands on, from the start to the end of its march."""
        return self._path


@dataclass(frozen=True, slots=True)
class FerrySpec:
    """Ferry cells whose boats run on the turns marked True in ``schedule`` (repeating)."""

    id: str
    cells: frozenset[Pos]
    schedule: tuple[bool, ...]

    def open_on(self, turn: int) -> bool:
        """Whether the boats run during turn ``turn`` (0 for the first move)."""
        return self.schedule[turn % len(self.schedule)]


@dataclass(frozen=True, slots=True)
class ClimbSpec:
    """The snow mountain's two lessons (硗碛 and 夹金山, June 1935): prepare at the foot,
    then keep moving.

    ``ginger`` is the warmth one bowl of chilli water and ginger soup (a ``ginger`` item,
    drunk in the village below the snow) adds, even above the level's ``warmth``;
    ``rest_chill`` is the warmth lost, on top of the usual cold, by a turn spent standing
    still on snow: those who sat down to rest on the mountain often never rose again.
    """

    ginger: int = 0
    rest_chill: int = 0


@dataclass(frozen=True, slots=True)
class PontoonSpec:
    """A pontoon-bridge site: river ``cells`` the engineers can bridge (浮桥).

    The column builds the bridge by waiting on the bank next to the site while materials
    are free (see ``Level.kits``); a standing bridge is ground for everyone, pursuers too.
    Waiting next to a standing bridge nobody is on takes it down again. ``name`` is the
    crossing's name for announcements (e.g. 茅台), if the author gave one.
    """

    id: str
    cells: frozenset[Pos]
    name: Text | None = None


#: Things the column picks up by stepping on them, and what each is called.
COLLECTIBLES: dict[str, Text] = {
    "boat": Text("船只", "boat"),
    "boatman": Text("船工", "boatman"),
    "comrade": Text("掉队的战友", "comrade left behind"),
    "guide": Text("向导", "guide"),
    "cache": Text("丢弃辎重的地方", "place to leave the baggage"),
    "ginger": Text("辣椒水和姜汤", "chilli water and ginger soup"),
}
"""A ``cache`` is not picked up but where a loaded column (``Level.baggage``) drops its load."""


@dataclass(frozen=True, slots=True)
class Item:
    """Something lying on a cell until the column picks it up (see :data:`COLLECTIBLES`)."""

    kind: str
    pos: Pos


@dataclass(frozen=True, slots=True)
class Goal:
    """What wins. ``reach``: stand on a goal cell with at least ``min_troops`` before the
    turns run out, having crossed the river at least ``crossings`` times. ``ferry``: ferry
    ``units`` companies across from a goal cell (the landing), ``per_boat`` a turn for every
    boat that has a boatman. ``hold``: end ``hold`` turns in a row on goal cells (the
    positions), with every relief column stopped. ``meet``: every army on a goal cell.
    ``take``: step into the besieged point (its cells are the goal cells) once it has fallen."""

    cells: frozenset[Pos]
    min_troops: int
    crossings: int = 0
    kind: str = "reach"
    units: int = 0
    per_boat: int = 1
    hold: int = 0

    def describe(self, turn_limit: int, armies: int = 1, reliefs: int = 0) -> Text:
        """The goal in words a pupil understands (``armies`` moving together, ``reliefs``
        relief columns to stop)."""
        if self.kind == "meet":
            count_zh = "两" if armies == 2 else "三" if armies == 3 else str(armies)
            count_en = {2: "two", 3: "three"}.get(armies, str(armies))
            return Text(
                f"{count_zh}支红军一起行动：在{turn_limit}回合内让每一支都到达金色会师地点。",
                f"The {count_en} Red armies move together: bring every one of them to the "
                f"gold-marked meeting place within {turn_limit} turns.",
            )
        if self.kind == "hold":
            ambush = (Text("伏击敌人的援军，并", "Ambush the relief columns and ") if reliefs
                      else Text("", ""))
            return ambush + Text(
                f"在金色阵地上连续坚守{self.hold}个回合（限{turn_limit}回合）。",
                f"hold the gold-marked positions for {self.hold} turns in a row (within "
                f"{turn_limit} turns)." if reliefs else
                f"Hold the gold-marked positions for {self.hold} turns in a row (within "
                f"{turn_limit} turns).",
            )
        if self.kind == "take":
            troops = (Text(f"，兵力不少于{self.min_troops}", f", with at least "
                           f"{self.min_troops} troops") if self.min_troops > 1 else Text("", ""))
            return Text(
                f"先围住敌据点，援军出动后在树林里伏击，再攻下据点（限{turn_limit}回合"
                f"{troops.zh}）。",
                f"Besiege the enemy point, ambush the relief from the forest once it sets "
                f"out, then take the point (within {turn_limit} turns{troops.en}).",
            )
        if self.kind == "ferry":
            return Text(
                f"找到船只和船工，在{turn_limit}回合内从金色渡口把{self.units}个连队全部渡过江。",
                f"Find boats and boatmen, then ferry all {self.units} companies across from "
                f"the gold-marked landing within {turn_limit} turns.",
            )
        if self.crossings:
            return Text(
                f"渡河{self.crossings}次，再在{turn_limit}回合内到达金色标记处，"
                f"兵力不少于{self.min_troops}。",
                f"Cross the river {self.crossings} times, then reach the gold marks within "
                f"{turn_limit} turns with at least {self.min_troops} troops.",
            )
        return Text(
            f"在{turn_limit}回合内到达金色标记的对岸，兵力不少于{self.min_troops}。",
            f"Reach the gold-marked far bank within {turn_limit} turns "
            f"with at least {self.min_troops} troops.",
        )


@dataclass(frozen=True, slots=True)
class Level:
    """Everything the rules need to play one level; built by ``game.content`` from YAML."""

    id: str
    chapter: str
    title: Text
    grid: tuple[tuple[Terrain, ...], ...]
    start: Pos
    troops: int
    turn_limit: int
    goal: Goal
    patrols: tuple[PatrolSpec, ...] = ()
    pursuers: tuple[PursuerSpec, ...] = ()
    ferries: tuple[FerrySpec, ...] = ()
    reliefs: tuple[ReliefSpec, ...] = ()
    allies: tuple[Pos, ...] = ()
    """Start cells of the other armies, which take every step the column takes."""
    items: tuple[Item, ...] = ()
    planks: tuple[Pos, ...] = ()
    """Where loose planks lie at the start; the column pushes them onto bare chains."""
    fires: tuple[FireSpec, ...] = ()
    warmth: int = 0
    """The column's warmth at the start and at most (0: cold plays no part)."""
    shelters: frozenset[Pos] = frozenset()
    """Huts and fires: ending a turn on one restores all warmth."""
    weather: tuple[bool, ...] = ()
    """Turns of blizzard (True), repeating: snow chills twice as fast, open ground too."""
    disguise: int = 0
    """For this many turns at the start the column is disguised: patrols do not react."""
    bog_damage: int = 10
    """Troops lost for every turn ended in a bog without a guide."""
    intro: Text | None = None
    goal_text: Text | None = None
    par_slack: int = 3
    solution: str | None = None
    source: str = ""
    _passable: frozenset[Pos] = field(default=frozenset(), repr=False, compare=False)
    _sight: dict[tuple[Pos, int], frozenset[Pos]] = field(
        default_factory=dict, repr=False, compare=False, hash=False
    )
    _ferry_at: dict[Pos, FerrySpec] = field(default_factory=dict, repr=False, compare=False,
                                            hash=False)
    _regions: dict[Pos, int] = field(default_factory=dict, repr=False, compare=False,
                                     hash=False)
    _goal_distances: dict[Pos, int] = field(default_factory=dict, repr=False, compare=False,
                                            hash=False)
    _chains: dict[Pos, int] = field(default_factory=dict, repr=False, compare=False,
                                    hash=False)
    _period: int = field(default=1, repr=False, compare=False, hash=False)
    bogs: frozenset[Pos] = field(default=frozenset(), init=False, repr=False, compare=False)
    """Every bog cell (hidden from the player until found)."""
    siege: frozenset[Pos] = frozenset()
    """The cells of the enemy-held point to besiege (围点打援): the garrison holds them
    (nobody may enter) until the column has laid siege and stopped every relief column."""
    baggage: bool = False
    """The column starts loaded with heavy baggage: until it drops the load on a ``cache``
    item's cell, every move takes two turns."""
    _cache_mask: int = field(default=0, init=False, repr=False, compare=False)
    climb: ClimbSpec = ClimbSpec()
    """Preparation at the foot (ginger raises warmth) and the cost of resting on snow."""
    pontoons: tuple[PontoonSpec, ...] = ()
    """Pontoon-bridge sites; ``State.bridges`` says which bridges stand."""
    kits: int = 1
    """How many pontoon bridges the engineers' materials make at once."""
    _pontoon_at: dict[Pos, int] = field(default_factory=dict, repr=False, compare=False,
                                        hash=False)
    _sites_next_to: dict[Pos, tuple[int, ...]] = field(default_factory=dict, repr=False,
                                                       compare=False, hash=False)
    _joined: dict[int, dict[int, int]] = field(default_factory=dict, repr=False,
                                               compare=False, hash=False)
    _crossing_distances: dict[tuple[Pos, int, int], int] = field(
        default_factory=dict, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        passable = frozenset(
            (x, y)
            for y, row in enumerate(self.grid)
            for x, terrain in enumerate(row)
            if terrain.passable
        )
        object.__setattr__(self, "_passable", passable)
        for ferry in self.ferries:
            for cell in ferry.cells:
                self._ferry_at[cell] = ferry
        self._regions.update(_land_regions(self.grid))
        chains = [(x, y) for y, row in enumerate(self.grid) for x, t in enumerate(row)
                  if t.name == "chain"]
        object.__setattr__(self, "bogs", frozenset(
            (x, y) for y, row in enumerate(self.grid) for x, t in enumerate(row)
            if t.name == "bog"))
        self._chains.update({cell: index for index, cell in enumerate(chains)})
        for index, site in enumerate(self.pontoons):
            for cell in site.cells:
                self._pontoon_at[cell] = index
        for index, site in enumerate(self.pontoons):
            for x, y in site.cells:
                for cell in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
                    if cell in passable and not self.terrain(cell).water:
                        near = self._sites_next_to.get(cell, ())
                        if index not in near:
                            self._sites_next_to[cell] = (*near, index)
        object.__setattr__(self, "_period", self._compute_period())
        object.__setattr__(self, "_cache_mask", sum(
            1 << index for index, item in enumerate(self.items) if item.kind == "cache"))

    @property
    def width(self) -> int:
        """Number of columns."""
        return len(self.grid[0])

    @property
    def height(self) -> int:
        """Number of rows."""
        return len(self.grid)

    def terrain(self, pos: Pos) -> Terrain:
        """The terrain at ``pos`` (which must be on the map)."""
        x, y = pos
        return self.grid[y][x]

    def inside(self, pos: Pos) -> bool:
        """Whether ``pos`` is on the map."""
        x, y = pos
        return 0 <= x < self.width and 0 <= y < self.height

    def passable(self, pos: Pos) -> bool:
        """Whether a unit may stand on ``pos`` (on the map and passable ground)."""
        return pos in self._passable

    def enterable(self, pos: Pos, turn: int) -> bool:
        """Whether the column may step onto ``pos`` during turn ``turn`` (ferries by schedule)."""
        if pos not in self._passable:
            return False
        ferry = self._ferry_at.get(pos)
        return ferry is None or ferry.open_on(turn)

    def ferry_at(self, pos: Pos) -> FerrySpec | None:
        """The ferry whose cell ``pos`` is, if any."""
        return self._ferry_at.get(pos)

    def region(self, pos: Pos) -> int:
        """Which bank ``pos`` is on: land split by water into numbered regions; -1 on water."""
        return self._regions.get(pos, -1)

    def chain_index(self, pos: Pos) -> int:
        """The index of the bare-chain cell at ``pos`` (for the ``laid`` bit mask), or -1."""
        return self._chains.get(pos, -1)

    def pontoon_index(self, pos: Pos) -> int:
        """The index of the pontoon site whose cell ``pos`` is (in ``pontoons``), or -1."""
        return self._pontoon_at.get(pos, -1)

    def sites_next_to(self, pos: Pos) -> tuple[int, ...]:
        """The pontoon sites with a cell next to the land cell ``pos``, in listed order."""
        return self._sites_next_to.get(pos, ())

    def site_banks(self, index: int) -> frozenset[int]:
        """The banks (land regions) the pontoon site ``index`` touches."""
        return frozenset(self.region(cell) for cell, sites in self._sites_next_to.items()
                         if index in sites)

    def joined_region(self, pos: Pos, bridges: int) -> int:
        """Which bank ``pos`` is on for a pursuer while the bridges in the bit mask
        ``bridges`` stand: banks a standing bridge joins count as one, and the bridge's
        cells belong to it; -1 on water with no bridge standing."""
        if not bridges:
            return self._regions.get(pos, -1)
        joined = self._joined.get(bridges)
        if joined is None:
            joined = self._join(bridges)
            self._joined[bridges] = joined
        region = self._regions.get(pos)
        if region is None:
            site = self._pontoon_at.get(pos, -1)
            if site < 0 or not bridges >> site & 1:
                return -1
            return joined.get(-2 - site, -1)
        return joined.get(region, region)

    def _join(self, bridges: int) -> dict[int, int]:
        """For a bit mask of standing bridges: each joined bank's lowest region number (and
        ``-2 - site`` for each standing site's own cells)."""
        parent: dict[int, int] = {}

        def find(region: int) -> int:
            while parent.get(region, region) != region:
                region = parent[region]
            return region

        for index in range(len(self.pontoons)):
            if bridges >> index & 1:
                banks = sorted(self.site_banks(index)) or [-1]
                parent[-2 - index] = find(banks[0])
                for bank in banks[1:]:
                    low, high = sorted((find(banks[0]), find(bank)))
                    parent[high] = low
        return {region: find(region) for region in parent}

    def blizzard_on(self, turn: int) -> bool:
        """Whether a blizzard blows at the end of turn ``turn`` (1 for the first)."""
        return bool(self.weather) and self.weather[(turn - 1) % len(self.weather)]

    def chill(self, pos: Pos, turn: int, resting: bool = False) -> int:
        """Warmth lost by ending turn ``turn`` on ``pos``: 1 on snow, and 1 more anywhere in
        the open during a blizzard; nothing in a shelter or among trees. ``resting`` (the
        column stood still) on snow adds the level's ``climb.rest_chill``."""
        if not self.warmth or pos in self.shelters or self.terrain(pos).hides:
            return 0
        snow = self.terrain(pos).name == "snow"
        cold = 1 if snow else 0
        if resting and snow:
            cold += self.climb.rest_chill
        return cold + 1 if self.blizzard_on(turn) else cold

    def next_to_point(self, pos: Pos) -> bool:
        """Whether ``pos`` is next to (up, down, left or right of) a cell of the point to
        besiege: ending a turn there lays siege to it."""
        x, y = pos
        siege = self.siege
        return ((x + 1, y) in siege or (x - 1, y) in siege or (x, y + 1) in siege
                or (x, y - 1) in siege)

    @property
    def most_warmth(self) -> int:
        """The most warmth the column can ever have: the level's warmth, plus every bowl of
        chilli water and ginger soup on the map."""
        return self.warmth + self.climb.ginger * sum(
            1 for item in self.items if item.kind == "ginger")

    def fire_damage(self, pos: Pos, turn: int) -> int:
        """Troops lost by ending turn ``turn`` on ``pos`` because of fire lanes."""
        return sum(fire.damage for fire in self.fires
                   if pos in fire.cells and fire.firing_on(turn))

    def item_at(self, pos: Pos, taken: int) -> int:
        """The index of the item still lying at ``pos`` (``taken`` is a bit mask), or -1."""
        for index, item in enumerate(self.items):
            if item.pos == pos and not taken >> index & 1:
                return index
        return -1

    def carrying(self, kind: str, taken: int) -> int:
        """How many items of ``kind`` the column has picked up."""
        return sum(1 for index, item in enumerate(self.items)
                   if item.kind == kind and taken >> index & 1)

    def loaded(self, taken: int) -> bool:
        """Whether the column still carries its heavy baggage (``taken``: the items bit
        mask; dropping the load at any cache marks every cache taken)."""
        return self.baggage and not taken & self._cache_mask

    def cache_mask(self) -> int:
        """The bits of every ``cache`` item in the items bit mask."""
        return self._cache_mask

    def ferry_capacity(self, taken: int) -> int:
        """Companies ferried per turn at the landing with the boats and boatmen found."""
        boats = self.carrying("boat", taken)
        if any(item.kind == "boatman" for item in self.items):
            boats = min(boats, self.carrying("boatman", taken))
        return boats * self.goal.per_boat

    def goal_distance(self, pos: Pos) -> int:
        """Fewest steps from ``pos`` to a goal cell over passable ground, ignoring enemies and
        timetables (a lower bound for the solver); a large number when unreachable."""
        distances = self._goal_distances
        if not distances:
            frontier = list(self.goal.cells)
            distances.update({cell: 0 for cell in frontier})
            while frontier:
                following = []
                for x, y in frontier:
                    for cell in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
                        if ((cell in self._passable or cell in self._chains
                             or cell in self._pontoon_at) and cell not in distances):
                            distances[cell] = distances[(x, y)] + 1
                            following.append(cell)
                frontier = following
        return distances.get(pos, 1_000_000)

    def crossing_distance(self, pos: Pos, region: int, remaining: int) -> int:
        """Fewest steps from ``pos`` (last bank ``region``) to a goal cell having crossed the
        river ``remaining`` more times, over every cell a unit could ever stand on (fords,
        ferries, chains and pontoon sites always open, no enemies): a lower bound for the
        solver; a large number when impossible."""
        table = self._crossing_distances
        if not table:
            self._fill_crossing_distances()
        return table.get((pos, region, max(0, remaining)), 1_000_000)

    def _fill_crossing_distances(self) -> None:
        """Breadth-first search backwards from the goal over (cell, last bank, crossings
        still to make), following :func:`game.core.rules` crossing counting: stepping onto
        land of a bank other than the last one counts a crossing (while any are missing)."""
        cells = self._passable | set(self._chains) | set(self._pontoon_at)
        banks = [-1, *sorted(set(self._regions.values()))]
        most = self.goal.crossings
        table = self._crossing_distances
        frontier = [(cell, self._regions.get(cell, -1), 0) for cell in self.goal.cells
                    if cell in cells]
        table.update({node: 0 for node in frontier})
        while frontier:
            following = []
            for cell, region, remaining in frontier:
                bank = self._regions.get(cell, -1)
                # The (last bank, crossings missing) a step onto ``cell`` can come from.
                before: list[tuple[int, int]] = []
                if bank < 0 or bank == region:
                    before.append((region, remaining))  # water, or the same bank
                if bank >= 0 and bank == region:  # onto this bank from another one
                    for old in banks:
                        if old == bank:
                            continue
                        if old < 0 or (remaining == 0 and old >= 0):
                            before.append((old, remaining))  # nothing counted
                        if old >= 0 and remaining < most:
                            before.append((old, remaining + 1))  # one crossing counted
                distance = table[(cell, region, remaining)] + 1
                x, y = cell
                for step in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
                    if step not in cells:
                        continue
                    for old_region, old_remaining in before:
                        node = (step, old_region, old_remaining)
                        if node not in table:
                            table[node] = distance
                            following.append(node)
            frontier = following

    @property
    def turn_period(self) -> int:
        """After how many turns everything that runs on a timetable repeats (1: nothing does)."""
        return self._period

    def _compute_period(self) -> int:
        period = 1
        lengths = ([len(f.schedule) for f in self.ferries] + [p.every for p in self.pursuers]
                   + [len(f.schedule) for f in self.fires] + [len(self.weather) or 1])
        for length in lengths:
            period = period * length // math.gcd(period, length)
        return period

    def seen_from(self, pos: Pos, sight: int) -> frozenset[Pos]:
        """Cells a lookout at ``pos`` sees: straight lines in four directions, ``sight`` long.

        A line stops at the map's edge and at ground that blocks sight (forest, hills); that
        ground itself is not seen, which is how forest hides the column. Memoised per level.
        """
        key = (pos, sight)
        seen = self._sight.get(key)
        if seen is None:
            cells: set[Pos] = set()
            for dx, dy in ((0, -1), (0, 1), (-1, 0), (1, 0)):
                x, y = pos
                for _ in range(sight):
                    x, y = x + dx, y + dy
                    if not self.inside((x, y)):
                        break
                    terrain = self.grid[y][x]
                    if terrain.blocks_sight or terrain.hides:
                        break
                    cells.add((x, y))
            seen = frozenset(cells)
            self._sight[key] = seen
        return seen

    def objective(self) -> Text:
        """The goal as shown in the HUD: the author's words if given, else generated."""
        return self.goal_text or self.goal.describe(self.turn_limit, 1 + len(self.allies),
                                                    len(self.reliefs))


def _land_regions(grid: tuple[tuple[Terrain, ...], ...]) -> dict[Pos, int]:
    """Number the pieces of passable land that water separates (flood fill, reading order)."""
    regions: dict[Pos, int] = {}
    count = 0
    for y, row in enumerate(grid):
        for x, terrain in enumerate(row):
            if (x, y) in regions or not terrain.passable or terrain.water:
                continue
            stack = [(x, y)]
            regions[(x, y)] = count
            while stack:
                cx, cy = stack.pop()
                for nx, ny in ((cx + 1, cy), (cx - 1, cy), (cx, cy + 1), (cx, cy - 1)):
                    if (0 <= ny < len(grid) and 0 <= nx < len(grid[ny])
                            and (nx, ny) not in regions and grid[ny][nx].passable
                            and not grid[ny][nx].water):
                        regions[(nx, ny)] = count
                        stack.append((nx, ny))
            count += 1
    return regions
