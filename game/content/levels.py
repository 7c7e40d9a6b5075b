"""Level files: YAML with an ASCII map under a legend, a goal, enemies and bilingual text.

``load_level(path)`` returns an immutable :class:`game.core.level.Level` or raises one
:class:`ContentError` listing every problem with its file, line and column.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from game.content.errors import ContentError, did_you_mean, excerpt
from game.content.schema import (
    INVALID,
    Bilingual,
    Bool,
    Context,
    DictOf,
    Entry,
    Field,
    Int,
    Obj,
    Record,
    Str,
)
from game.content.yamlsafe import load_yaml_bytes, read_yaml_file
from game.core.actions import Action, parse_moves
from game.core.level import (
    COLLECTIBLES,
    ClimbSpec,
    FerrySpec,
    FireSpec,
    Goal,
    Item,
    Level,
    PatrolSpec,
    PontoonSpec,
    Pos,
    PursuerSpec,
    ReliefSpec,
)
from game.core.terrain import FERRY, RIVER, TERRAIN, Terrain

#: The largest map that still shows every cell at a readable size on a 1280×720 screen.
MAX_WIDTH = 40
MAX_HEIGHT = 22

MARKERS = ("start", "goal", "ally", "plank", "shelter", *COLLECTIBLES, "siege")
#: Keys whose entries are placed on the map by their own character.
PLACED_KINDS = ("patrols", "pursuers", "ferries", "fires", "reliefs", "pontoons")
SINGULAR = {"patrols": "patrol", "pursuers": "pursuer", "ferries": "ferry",
            "fires": "fire lane", "reliefs": "relief column", "pontoons": "pontoon site"}
ID_PATTERN = r"[a-z0-9][a-z0-9-]*"
ID_HINT = "is not a valid id: use lower-case letters, digits and '-', e.g. xiangjiang-1"


@dataclass(frozen=True, slots=True)
class LegendEntry:
    """What one map character means: a terrain, and optionally the start or a goal cell."""

    terrain: Terrain
    marker: str | None = None


#: The legend every level starts from; a level's own ``legend:`` adds to it or overrides it.
DEFAULT_LEGEND: dict[str, str] = {
    ".": "plain",
    "=": "road",
    "T": "forest",
    "^": "hills",
    "~": "river",
    "-": "ford",
    ",": "bank",
    "#": "chain",
    "_": "deck",
    "*": "snow",
    '"': "grassland",
    "%": "bog",
    "S": "plain + start",
    "G": "bank + goal",
}


def parse_legend_value(text: str) -> LegendEntry | str:
    """Read ``"terrain"`` or ``"terrain + marker"``; return the entry or an error message."""
    parts = [part.strip() for part in text.split("+")]
    if len(parts) > 2 or not all(parts):
        return (f'"{excerpt(text)}" should be a terrain, optionally with one marker, e.g. '
                f'"bank + goal"; markers: {", ".join(MARKERS)}')
    terrain = TERRAIN.get(parts[0])
    if terrain is None:
        return (f'unknown terrain "{excerpt(parts[0])}"{did_you_mean(parts[0], TERRAIN)}; '
                f"terrains: {', '.join(TERRAIN)}")
    marker = parts[1] if len(parts) == 2 else None
    if marker is not None and marker not in MARKERS:
        return (f'unknown marker "{excerpt(marker)}"{did_you_mean(marker, MARKERS)}; markers: '
                f"{', '.join(MARKERS)}")
    if marker == "siege" and terrain.water:
        return (f"the point to besiege (siege) must be on land, not on {terrain.name}: "
                'write e.g. "plain + siege"')
    if marker is not None and not terrain.passable:
        return f'the {marker} cannot be on {terrain.name}, which nobody can enter'
    return LegendEntry(terrain, marker)


_DEFAULT_ENTRIES: dict[str, LegendEntry] = {}
for _char, _value in DEFAULT_LEGEND.items():
    _entry = parse_legend_value(_value)
    assert isinstance(_entry, LegendEntry)
    _DEFAULT_ENTRIES[_char] = _entry

GOAL_SPEC = Obj(
    {
        "kind": Field(Str("What wins: reach (get to a goal cell), ferry (ferry every company "
                          "across from a goal cell), hold (hold the goal cells for some "
                          "turns, every relief column stopped), meet (every army on a goal "
                          "cell) or take (besiege the point marked siege, ambush the relief, "
                          "then step into the point).",
                          choices=("reach", "ferry", "hold", "meet", "take")),
                      required=False, default="reach"),
        "hold": Field(Int("Turns in a row to end on the goal cells (kind: hold).", 1, 50),
                      required=False, default=0),
        "units": Field(Int("Companies to ferry across (kind: ferry).", 1, 200),
                       required=False, default=0),
        "per_boat": Field(Int("Companies one boat carries in one turn (kind: ferry).", 1, 20),
                          required=False, default=1),
        "min_troops": Field(Int("Troops that must arrive.", 0, 1_000_000), required=False,
                            default=1),
        "crossings": Field(Int("River crossings needed before the goal counts.", 0, 20),
                           required=False, default=0),
        "text": Field(Bilingual("The goal in your own words (default: generated)."),
                      required=False),
    },
    description="What the column must do to win.",
    what="goal",
)

PATROL_SPEC = Obj(
    {
        "route": Field(Str("Moves the patrol repeats forever: U D L R, '.' to stand still. "
                           "It must end where it starts.", pattern=r"[UDLRudlr. ]+",
                           pattern_hint="is not a route: use U, D, L, R and . (stand still)")),
        "sight": Field(Int("How many cells it sees in each straight direction.", 0, 20),
                       required=False, default=3),
        "damage": Field(Int("Troops lost each turn the column ends in its sight.", 0, 100_000),
                        required=False, default=10),
        "on": Field(Str("The terrain under its start cell.",
                        choices=tuple(name for name, t in TERRAIN.items() if t.passable)),
                    required=False, default="plain"),
    },
    description="An enemy patrol that walks a fixed route and sees along straight lines.",
    what="a patrol",
)

_LAND = tuple(name for name, t in TERRAIN.items() if t.passable and not t.water)

PURSUER_SPEC = Obj(
    {
        "damage": Field(Int("Troops lost each turn it ends next to the column.", 0, 100_000),
                        required=False, default=10),
        "every": Field(Int("It steps on every turn (1), every second turn (2)...", 1, 5),
                       required=False, default=1),
        "on": Field(Str("The ground under its start cell.", choices=_LAND),
                    required=False, default="plain"),
    },
    description="An enemy army that steps toward the column; it cannot cross water.",
    what="a pursuer",
)

FERRY_SPEC = Obj(
    {
        "schedule": Field(Str("Turns the boats run, repeated: o = running, . = not running. "
                              "'ooo...' runs three turns, then stops for three.",
                              pattern=r"[o.]*o[o.]*", max_length=40,
                              pattern_hint="is not a schedule: use o (boats run) and . "
                                           "(no boats), with at least one o")),
    },
    description="Ferry cells, marked on the map by this character, and when they run.",
    what="a ferry",
)

FIRE_SPEC = Obj(
    {
        "schedule": Field(Str("Turns the lane is under fire, repeated: o = firing, . = quiet.",
                              pattern=r"[o.]*o[o.]*", max_length=40,
                              pattern_hint="is not a schedule: use o (firing) and . (quiet), "
                                           "with at least one o")),
        "damage": Field(Int("Troops lost by ending a turn in the lane while it fires.",
                            0, 100_000), required=False, default=10),
        "on": Field(Str("The ground under the lane's cells.", choices=(*_LAND, "chain")),
                    required=False, default="deck"),
    },
    description="Cells swept by fire on a rhythm, marked on the map by this character.",
    what="a fire lane",
)

RELIEF_SPEC = Obj(
    {
        "route": Field(Str("The march it makes once, one move a turn: U D L R, '.' to wait. "
                           "At the end of it the position is relieved and the level lost.",
                           pattern=r"[UDLRudlr. ]+",
                           pattern_hint="is not a route: use U, D, L, R and . (wait)")),
        "on": Field(Str("The ground under its start cell.", choices=_LAND),
                    required=False, default="road"),
    },
    description="An enemy relief column, stopped by an ambush from the forest.",
    what="a relief column",
)

PONTOON_SPEC = Obj(
    {
        "name": Field(Bilingual("The crossing's name, for announcements (e.g. 茅台, Maotai).",
                                max_length=20), required=False),
    },
    description="A pontoon-bridge site: river cells marked on the map by this character. "
                "The column builds the bridge by waiting on the bank next to it, and takes "
                "it down the same way; pursuers can cross a standing bridge too.",
    what="a pontoon site",
)

LEVEL_SPEC = Obj(
    {
        "id": Field(Str("Unique id of the level.", pattern=ID_PATTERN, pattern_hint=ID_HINT,
                        max_length=60)),
        "chapter": Field(Str("Id of the chapter this level belongs to.", pattern=ID_PATTERN,
                             pattern_hint=ID_HINT, max_length=60)),
        "title": Field(Bilingual("The level's name.", max_length=40)),
        "intro": Field(Bilingual("One or two sentences shown before the level starts."),
                       required=False),
        "map": Field(Str("The map, one text row per grid row; characters from the legend.",
                         max_length=10_000)),
        "legend": Field(DictOf(Str(min_length=1, max_length=1), Str(),
                               description="Extra or changed map characters: "
                                           "'char': terrain or 'terrain + start/goal'."),
                        required=False, default=[]),
        "troops": Field(Int("Troops the column starts with.", 1, 1_000_000)),
        "turns": Field(Int("Turns before the enemy closes in (the turn limit).", 1, 500)),
        "goal": Field(GOAL_SPEC, required=False),
        "patrols": Field(DictOf(Str(min_length=1, max_length=1), PATROL_SPEC,
                                description="Enemy patrols, by their map character."),
                         required=False, default=[]),
        "pursuers": Field(DictOf(Str(min_length=1, max_length=1), PURSUER_SPEC,
                                 description="Pursuing armies, by their map character."),
                          required=False, default=[]),
        "ferries": Field(DictOf(Str(min_length=1, max_length=1), FERRY_SPEC,
                                description="Ferries, by their map character."),
                         required=False, default=[]),
        "fires": Field(DictOf(Str(min_length=1, max_length=1), FIRE_SPEC,
                              description="Fire lanes, by their map character."),
                       required=False, default=[]),
        "reliefs": Field(DictOf(Str(min_length=1, max_length=1), RELIEF_SPEC,
                                description="Relief columns, by their map character."),
                         required=False, default=[]),
        "pontoons": Field(DictOf(Str(min_length=1, max_length=1), PONTOON_SPEC,
                                 description="Pontoon-bridge sites, by their map character."),
                          required=False, default=[]),
        "kits": Field(Int("How many pontoon bridges the engineers' materials make at once.",
                          1, 9), required=False, default=1),
        "bog_damage": Field(Int("Troops lost for every turn ended in a bog without a guide.",
                                0, 100_000), required=False, default=10),
        "warmth": Field(Int("Warmth at the start and at most; each turn on snow costs 1 "
                            "(0: the cold plays no part).", 0, 100), required=False, default=0),
        "weather": Field(Str("Blizzard turns, repeated: * = blizzard, . = calm.",
                             pattern=r"[*.]+", max_length=40,
                             pattern_hint="is not a weather pattern: use * (blizzard) and . "
                                          "(calm)"), required=False),
        "ginger_warmth": Field(Int("Warmth one bowl of chilli water and ginger soup (the "
                                   "ginger marker) adds, even above warmth:.", 1, 100),
                               required=False, default=3),
        "rest_chill": Field(Int("Warmth lost, on top of the usual cold, by a turn spent "
                                "standing still on snow (sitting down to rest).", 0, 100),
                            required=False, default=0),
        "disguise": Field(Int("Turns at the start during which patrols do not react.", 0, 100),
                          required=False, default=0),
        "baggage": Field(Bool("The column starts loaded with heavy baggage: every move takes "
                              "two turns until it reaches a cache (a legend marker, e.g. "
                              "'bank + cache') and leaves the load there."),
                         required=False, default=False),
        "par_slack": Field(Int("Moves allowed above the shortest solution for the par star.",
                               0, 500), required=False, default=3),
        "solution": Field(Str("A winning move string, replayed by check.", max_length=5_000,
                              pattern=r"[UDLRudlr. ]+",
                              pattern_hint="is not a move string: use U, D, L, R and ."),
                          required=False),
    },
    description="A level of 长征 · The Long March.",
    what="a level",
)


def load_level(path: Path, display_path: str | None = None) -> Level:
    """Read, validate and build one level file; raise :class:`ContentError` on any problem."""
    shown = display_path or str(path)
    data = read_yaml_file(path, shown)  # read once: parsed, and its lines locate problems
    node = load_yaml_bytes(data, shown)
    return build_level(node, shown, data.decode("utf-8-sig").splitlines())


def build_level(node: yaml.Node, shown: str, lines: list[str]) -> Level:
    """Validate a composed YAML document as a level (``lines`` locate map problems)."""
    ctx = Context(shown)
    record = LEVEL_SPEC.validate_partial(node, ctx)
    level = None if record is INVALID else _build(record, ctx, lines)
    if ctx.problems or level is None:
        raise ContentError(ctx.problems)
    return level


def _legend(record: Record, ctx: Context) -> dict[str, LegendEntry]:
    legend = dict(_DEFAULT_ENTRIES)
    if record["legend"] is INVALID:
        return legend
    for entry in record["legend"]:
        parsed = parse_legend_value(entry.value)
        if isinstance(parsed, str):
            ctx.error(entry.node, parsed)
        else:
            legend[entry.key] = parsed
    return legend


def _map_rows(record: Record, lines: list[str]) -> list[tuple[str, int, int]]:
    """The map's rows, each with the 1-based file line and column where it starts."""
    node = record.at("map")
    assert isinstance(node, yaml.ScalarNode)
    text = str(record["map"])
    leading = len(text) - len(text.lstrip("\n"))
    rows = text.strip("\n").split("\n")
    located = []
    for index, row in enumerate(rows):
        if node.style == "|":
            line = node.start_mark.line + 2 + leading + index
            source = lines[line - 1] if 0 < line <= len(lines) else ""
            column = len(source) - len(row) + 1 if source.endswith(row) else 1
        else:
            line, column = node.start_mark.line + 1, node.start_mark.column + 1
        located.append((row, line, column))
    return located


def _build(record: Record, ctx: Context, lines: list[str]) -> Level | None:
    """Check the map, patrols and goal (as far as their keys are valid); build the level."""
    if record["map"] is INVALID:
        return None
    map_node = record.at("map")
    if isinstance(map_node, yaml.ScalarNode) and map_node.style != "|" and (
            " " in str(record["map"]).strip() or map_node.style == ">"):
        ctx.error(map_node, "the map's rows were joined into one line: write map: | and put "
                            "each row on its own line below it, indented")
        return None
    legend = _legend(record, ctx)
    placed: dict[str, tuple[str, Entry]] = {}
    for kind in PLACED_KINDS:
        for entry in record[kind] if record[kind] is not INVALID else []:
            if entry.key in legend or entry.key in placed:
                taken = (legend[entry.key].terrain.name if entry.key in legend
                         else "a " + SINGULAR[placed[entry.key][0]])
                ctx.error(entry.key_node, f'{SINGULAR[kind]} "{entry.key}" uses a character the '
                                          f"legend already gives to {taken}; pick another")
                continue
            placed[entry.key] = (kind, entry)
    broken = _broken_chars(record)
    rows = _map_rows(record, lines)
    width = len(rows[0][0])
    if len(rows) > MAX_HEIGHT or max(len(r[0]) for r in rows) > MAX_WIDTH:
        ctx.error(record.at("map"), f"the map is {max(len(r[0]) for r in rows)}×{len(rows)}; "
                                    f"the largest that fits the screen is "
                                    f"{MAX_WIDTH}×{MAX_HEIGHT}")
        return None
    grid: list[tuple[Terrain, ...]] = []
    start: list[tuple[Pos, int, int]] = []
    goals: set[Pos] = set()
    items: list[Item] = []
    planks: list[Pos] = []
    allies: list[Pos] = []
    shelters: set[Pos] = set()
    siege: set[Pos] = set()
    goal_spots: list[tuple[int, int]] = []
    caches: list[tuple[int, int]] = []
    ginger: list[tuple[int, int, int]] = []
    spots: dict[str, list[tuple[Pos, int, int]]] = {c: [] for c in placed}
    known = " ".join(excerpt(c) for c in sorted(set(legend) | set(placed)))
    for y, (row, line, column) in enumerate(rows):
        if len(row) != width:
            ctx.error(None, f"map row {y + 1} has {len(row)} cells but row 1 has {width}; "
                            "every row needs the same length", line=line, column=column)
            continue
        cells: list[Terrain] = []
        for x, char in enumerate(row):
            entry = legend.get(char)
            if char in placed:
                kind, item = placed[char]
                spots[char].append(((x, y), line, column + x))
                cells.append(FERRY if kind == "ferries" else RIVER if kind == "pontoons"
                             else TERRAIN[item.value["on"]])
                continue
            if char in broken:
                cells.append(TERRAIN["plain"])
                continue
            if entry is None:
                shown = "a space" if char == " " else f'"{excerpt(char)}"'
                ctx.error(None, f"unknown map character {shown} (row {y + 1}, column {x + 1}); "
                                f"{_other_case(char, legend, placed)}"
                                f"use one of these: {known} or add it to legend:",
                          line=line, column=column + x)
                cells.append(TERRAIN["plain"])
                continue
            cells.append(entry.terrain)
            if entry.marker == "start":
                start.append(((x, y), line, column + x))
            elif entry.marker == "goal":
                goals.add((x, y))
                goal_spots.append((line, column + x))
            elif entry.marker == "plank":
                planks.append((x, y))
            elif entry.marker == "ally":
                allies.append((x, y))
            elif entry.marker == "shelter":
                shelters.add((x, y))
            elif entry.marker == "siege":
                siege.add((x, y))
            elif entry.marker is not None:
                items.append(Item(entry.marker, (x, y)))
                if entry.marker == "cache":
                    caches.append((line, column + x))
                if entry.marker == "ginger":
                    ginger.append((y + 1, line, column + x))
        grid.append(tuple(cells))
    if ctx.problems:
        return None
    if not start:
        ctx.error(map_node, "the map has no start: mark the column's starting cell with S")
    for _, line, column in start[1:]:
        ctx.error(None, "the map has more than one start (S); keep exactly one",
                  line=line, column=column)
    take = _goal_kind(record) == "take"
    if not goals and not take:
        ctx.error(map_node, "the map has no goal: mark the cells to reach with G")
    level_grid = tuple(grid)
    patrols = _patrols(placed, spots, level_grid, ctx)
    pursuers = tuple(
        PursuerSpec(char, where[0][0], entry.value["damage"], entry.value["every"])
        for char, (kind, entry) in placed.items()
        if kind == "pursuers" and (where := _placed_once(char, kind, entry, spots, ctx))
    )
    ferries = tuple(
        FerrySpec(char, frozenset(cell for cell, _, _ in spots[char]),
                  tuple(c == "o" for c in entry.value["schedule"]))
        for char, (kind, entry) in placed.items()
        if kind == "ferries" and _on_map(char, kind, entry, spots, ctx)
    )
    reliefs = _reliefs(placed, spots, level_grid, ctx)
    fires = tuple(
        FireSpec(char, frozenset(cell for cell, _, _ in spots[char]),
                 tuple(c == "o" for c in entry.value["schedule"]), entry.value["damage"])
        for char, (kind, entry) in placed.items()
        if kind == "fires" and _on_map(char, kind, entry, spots, ctx)
    )
    pontoons = tuple(
        PontoonSpec(char, frozenset(cell for cell, _, _ in spots[char]), entry.value["name"])
        for char, (kind, entry) in placed.items()
        if kind == "pontoons" and _on_map(char, kind, entry, spots, ctx)
    )
    goal_record = record["goal"]
    if goal_record is INVALID or record["troops"] is INVALID or not record.ok:
        return None
    min_troops = goal_record["min_troops"] if goal_record else 1
    crossings = goal_record["crossings"] if goal_record else 0
    kind = goal_record["kind"] if goal_record else "reach"
    units = goal_record["units"] if goal_record else 0
    if kind == "ferry" and not units:
        ctx.error(record.at("goal"), "a ferry goal needs units: (how many companies to ferry)")
    if kind == "meet" and len(goals) < 1 + len(allies):
        ctx.error(map_node, f"a meet goal needs a goal cell for each of the {1 + len(allies)} "
                            "armies: mark more cells with G")
    if allies and planks:
        ctx.error(map_node, "armies that move together cannot push planks: use one or the "
                            "other in a level")
    if kind == "take" and not siege:
        ctx.error(record.at("goal"), "a take goal needs a point to besiege: add "
                                     '"plain + siege" to the legend and put its character '
                                     "on the point's cells")
    if kind == "take" and goals:
        ctx.error(None, "with kind: take the goal is the point to besiege itself: remove "
                        "the G cells (or use another goal kind)",
                  line=goal_spots[0][0], column=goal_spots[0][1])
    if kind == "hold" and not (goal_record and goal_record["hold"]):
        ctx.error(record.at("goal"), "a hold goal needs hold: (how many turns in a row)")
    if (shelters or record["weather"]) and not record["warmth"]:
        ctx.error(record.at("warmth"), "shelters and weather only matter on a cold level: set "
                                       "warmth: (how many cold turns the column can stand)")
    if caches and not record["baggage"]:
        line, column = caches[0]
        ctx.error(None, "a cache is where a loaded column leaves its baggage, so it only "
                        "matters when the column starts loaded: set baggage: true, or remove "
                        "the cache", line=line, column=column)
    _check_climb(record, ctx, ginger)
    if kind == "ferry" and not any(item.kind == "boat" for item in items):
        ctx.error(map_node, 'a ferry goal needs boats on the map: add "plain + boat" to the '
                            "legend and put its character where boats lie")
    if min_troops > record["troops"]:
        ctx.error(record.at("goal"), f"the goal asks for {min_troops} troops but the column "
                                     f"starts with only {record['troops']}")
    solution = record["solution"]
    if solution is not None:
        parse_moves(solution)  # the spec's pattern already guarantees it parses
    if record["kits"] != 1 and not placed_of(placed, "pontoons"):
        ctx.error(record.at("kits"), "kits only matters with pontoon sites: add pontoons: "
                                     "(or remove kits:)")
    if ctx.problems:
        return None
    level = Level(
        id=record["id"],
        chapter=record["chapter"],
        title=record["title"],
        grid=level_grid,
        start=start[0][0],
        troops=record["troops"],
        turn_limit=record["turns"],
        goal=Goal(frozenset(siege if kind == "take" else goals), min_troops, crossings, kind, units,
                  goal_record["per_boat"] if goal_record else 1,
                  goal_record["hold"] if goal_record else 0),
        items=tuple(items),
        planks=tuple(planks),
        reliefs=reliefs,
        allies=tuple(allies),
        bog_damage=record["bog_damage"],
        warmth=record["warmth"],
        shelters=frozenset(shelters),
        weather=tuple(c == "*" for c in record["weather"] or ""),
        fires=fires,
        climb=ClimbSpec(record["ginger_warmth"] if ginger else 0, record["rest_chill"]),
        disguise=record["disguise"],
        baggage=record["baggage"],
        patrols=patrols,
        pursuers=pursuers,
        ferries=ferries,
        intro=record["intro"],
        goal_text=goal_record["text"] if goal_record else None,
        par_slack=record["par_slack"],
        solution=solution,
        source=ctx.path,
        siege=frozenset(siege),
        pontoons=pontoons,
        kits=record["kits"],
    )
    _check_pontoons(level, placed, ctx)
    return None if ctx.problems else level


def placed_of(placed: dict[str, tuple[str, Entry]], kind: str) -> list[str]:
    """The map characters of the placed entries of ``kind`` (e.g. every pontoon site)."""
    return [char for char, (entry_kind, _) in placed.items() if entry_kind == kind]


def _check_pontoons(level: Level, placed: dict[str, tuple[str, Entry]], ctx: Context) -> None:
    """Each pontoon site must be one unbroken line of river cells joining two banks."""
    for index, site in enumerate(level.pontoons):
        node = placed[site.id][1].key_node
        first = min(site.cells, key=lambda cell: (cell[1], cell[0]))
        joined, frontier = {first}, [first]
        while frontier:
            x, y = frontier.pop()
            for cell in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
                if cell in site.cells and cell not in joined:
                    joined.add(cell)
                    frontier.append(cell)
        if joined != site.cells:
            ctx.error(node, f'pontoon site "{site.id}" is in pieces on the map: a bridge is '
                            f'one unbroken line of "{site.id}" cells across the river')
        elif len(level.site_banks(index)) < 2:
            ctx.error(node, f'pontoon site "{site.id}" does not join two banks: put its "'
                            f'{site.id}" cells across the river, with land of one bank at '
                            "one end and of the other bank at the other")


def _goal_kind(record: Record) -> str:
    """The goal's kind as written (reach when the goal or its kind is missing or invalid)."""
    goal = record["goal"]
    if goal is INVALID or not goal or goal["kind"] is INVALID:
        return "reach"
    return str(goal["kind"])


def _check_climb(record: Record, ctx: Context, ginger: list[tuple[int, int, int]]) -> None:
    """Chilli water and ginger soup and ``rest_chill`` need a cold level; ``ginger_warmth``
    needs ginger on the map (``ginger``: its row, file line and column, per bowl)."""
    if not record["warmth"]:
        for row, line, column in ginger:
            ctx.error(None, f"chilli water and ginger soup (map row {row}) only helps on a cold "
                            "level: set warmth: (how many cold turns the column can stand)",
                      line=line, column=column)
        if record["rest_chill"]:
            ctx.error(record.at("rest_chill"), "rest_chill only matters on a cold level: set "
                                               "warmth: (how many cold turns the column can "
                                               "stand)")
    if "ginger_warmth" in record.nodes and not ginger:
        ctx.error(record.at("ginger_warmth"),
                  'ginger_warmth is set but no chilli water and ginger soup lies on the map: '
                  'add "plain + ginger" to the legend and put its character in the village '
                  "below the snow")


def _other_case(char: str, legend: dict[str, LegendEntry],
                placed: dict[str, tuple[str, Entry]]) -> str:
    """A hint when ``char`` is a known map character in the other case (``t`` for ``T``)."""
    other = char.swapcase()
    if other == char or len(other) != 1:
        return ""
    if other in placed:
        meaning = f"the {SINGULAR[placed[other][0]]}"
    elif other in legend:
        entry = legend[other]
        meaning = entry.terrain.name + (f" + {entry.marker}" if entry.marker else "")
    else:
        return ""
    return (f'did you mean "{other}" ({meaning})? Map characters are case-sensitive, so '
            f'"{char}" and "{other}" are different; otherwise ')


def _broken_chars(record: Record) -> set[str]:
    """Characters of enemies and ferries whose own entries have problems (already reported)."""
    chars: set[str] = set()
    for kind in PLACED_KINDS:
        node = record.at(kind)
        if record[kind] is INVALID and isinstance(node, yaml.MappingNode):
            chars |= {str(key.value) for key, _ in node.value}
    return chars


def _on_map(char: str, kind: str, entry: Entry, spots: dict[str, list[tuple[Pos, int, int]]],
            ctx: Context) -> bool:
    if spots[char]:
        return True
    where = "on the river cells it spans" if kind == "pontoons" else "where it starts"
    ctx.error(entry.key_node, f'{SINGULAR[kind]} "{char}" is not on the map: put "{char}" '
                              f"{where}")
    return False


def _placed_once(
    char: str, kind: str, entry: Entry, spots: dict[str, list[tuple[Pos, int, int]]],
    ctx: Context,
) -> list[tuple[Pos, int, int]]:
    """The spots of a unit that must stand on exactly one cell (empty after a problem)."""
    if not _on_map(char, kind, entry, spots, ctx):
        return []
    for _, line, column in spots[char][1:]:
        ctx.error(None, f'{SINGULAR[kind]} "{char}" appears more than once on the map; each '
                        "one needs its own character", line=line, column=column)
    return spots[char]


def _patrols(
    placed: dict[str, tuple[str, Entry]],
    spots: dict[str, list[tuple[Pos, int, int]]],
    grid: tuple[tuple[Terrain, ...], ...],
    ctx: Context,
) -> tuple[PatrolSpec, ...]:
    specs = []
    height, width = len(grid), len(grid[0]) if grid else 0
    for char, (kind, entry) in placed.items():
        if kind != "patrols" or not _placed_once(char, kind, entry, spots, ctx):
            continue
        route = parse_moves(entry.value["route"])
        pos = spots[char][0][0]
        problem = _walk_route(pos, route, grid, width, height)
        if problem:
            ctx.error(entry.value.at("route"), f'patrol "{char}": {problem}')
            continue
        specs.append(PatrolSpec(char, pos, tuple(route), entry.value["sight"],
                                entry.value["damage"]))
    return tuple(specs)


def _reliefs(
    placed: dict[str, tuple[str, Entry]],
    spots: dict[str, list[tuple[Pos, int, int]]],
    grid: tuple[tuple[Terrain, ...], ...],
    ctx: Context,
) -> tuple[ReliefSpec, ...]:
    specs = []
    for char, (kind, entry) in placed.items():
        if kind != "reliefs" or not _placed_once(char, kind, entry, spots, ctx):
            continue
        route = tuple(parse_moves(entry.value["route"]))
        spec = ReliefSpec(char, spots[char][0][0], route)
        for number, (x, y) in enumerate(spec.path()[1:], start=1):
            inside = 0 <= y < len(grid) and 0 <= x < len(grid[y])
            if not inside or not grid[y][x].passable or grid[y][x].water:
                ctx.error(entry.value.at("route"), f'relief column "{char}": step {number} of '
                                                   f"its march leaves the land it can walk on")
                break
        else:
            specs.append(spec)
    return tuple(specs)


def _walk_route(
    pos: Pos, route: list[Action], grid: tuple[tuple[Terrain, ...], ...], width: int,
    height: int,
) -> str:
    x, y = pos
    for number, action in enumerate(route, start=1):
        dx, dy = action.delta
        x, y = x + dx, y + dy
        if not (0 <= x < width and 0 <= y < height):
            return f"step {number} ({action.value}) of its route leaves the map"
        if not grid[y][x].passable or grid[y][x] is FERRY:
            return (f"step {number} ({action.value}) of its route walks into "
                    f"{grid[y][x].name} at row {y + 1}, column {x + 1}")
    if (x, y) != pos:
        return ("its route must end where it starts so it can repeat "
                f"(it ends at row {y + 1}, column {x + 1}); add the moves back")
    return ""
