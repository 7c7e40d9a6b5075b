"""An editable level: cells of terrain and markers, the units placed on them, and every key.

A :class:`LevelDocument` is an immutable value: an edit (see :mod:`game.editor.ops`) makes a
new document, so undo is keeping the old one. It holds what the YAML format can say, in
the terms an author thinks in (a patrol at a cell with a route), not map characters: the
writer (:mod:`game.editor.writer`) picks the characters. ``None`` in an optional key means
"not written" (the loader's default applies), so an opened file is written back with the
same keys it had.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from game.content.levels import (
    DEFAULT_LEGEND,
    MAX_HEIGHT,
    MAX_WIDTH,
    LegendEntry,
    parse_legend_value,
)
from game.core.level import Pos

__all__ = [
    "MAX_HEIGHT",
    "MAX_WIDTH",
    "MIN_SIZE",
    "UNIT_KINDS",
    "Ferry",
    "Fire",
    "LevelDocument",
    "Patrol",
    "Pontoon",
    "Pursuer",
    "Relief",
    "SourceText",
]

#: The smallest map the editor makes (a start, a goal and room to move).
MIN_SIZE = 3

#: The kinds of placed units, as the level file's keys.
UNIT_KINDS = ("patrols", "pursuers", "ferries", "fires", "reliefs", "pontoons")

#: Defaults the loader uses for keys that are not written.
DEFAULTS: dict[str, int] = {"sight": 3, "damage": 10, "every": 1, "bog_damage": 10,
                            "warmth": 0, "disguise": 0, "par_slack": 3, "min_troops": 1,
                            "crossings": 0, "units": 0, "per_boat": 1, "hold": 0,
                            "baggage": 0, "ginger_warmth": 3, "rest_chill": 0, "kits": 1}
#: The level's optional top-level numbers, kept in :attr:`LevelDocument.numbers` (``baggage``
#: as 1 or 0 for ``true``/``false``).
LEVEL_NUMBERS = ("bog_damage", "warmth", "disguise", "par_slack", "baggage", "ginger_warmth",
                 "rest_chill", "kits")
#: The ground under a unit when its ``on:`` is not written.
DEFAULT_ON = {"patrols": "plain", "pursuers": "plain", "reliefs": "road", "fires": "deck"}


@dataclass(frozen=True, slots=True)
class Patrol:
    """A patrol standing at ``pos`` that walks ``route`` (a move string) forever."""

    pos: Pos
    route: str = "."
    sight: int | None = None
    damage: int | None = None


@dataclass(frozen=True, slots=True)
class Pursuer:
    """A pursuing army starting at ``pos``."""

    pos: Pos
    damage: int | None = None
    every: int | None = None


@dataclass(frozen=True, slots=True)
class Relief:
    """A relief column starting at ``pos`` that marches ``route`` once."""

    pos: Pos
    route: str = "."


@dataclass(frozen=True, slots=True)
class Ferry:
    """Ferry cells sharing one timetable (``o`` running, ``.`` not)."""

    cells: frozenset[Pos]
    schedule: str = "oo.."


@dataclass(frozen=True, slots=True)
class Fire:
    """Cells swept by fire on a rhythm (``o`` firing, ``.`` quiet)."""

    cells: frozenset[Pos]
    schedule: str = "oo.."
    damage: int | None = None


@dataclass(frozen=True, slots=True)
class Pontoon:
    """A pontoon-bridge site: river cells bridged together, and the crossing's name."""

    cells: frozenset[Pos]
    name_zh: str | None = None
    name_en: str | None = None


Unit = Patrol | Pursuer | Relief | Ferry | Fire | Pontoon


@dataclass(frozen=True, slots=True)
class SourceText:
    """The file a document was opened from, cut into top-level blocks, to keep comments.

    ``header`` is every line before the first key's comments; each block is the comment
    lines just above a key (``lead``) and the key's own lines up to the next block
    (``body``, with its comments and blank lines). ``baseline`` is what the writer makes of
    each key as opened: a key whose text is still the same is written back verbatim.
    """

    header: tuple[str, ...]
    blocks: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]
    baseline: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def block(self, key: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
        """The ``(lead, body)`` lines of ``key``, if the file had it."""
        for name, lead, body in self.blocks:
            if name == key:
                return lead, body
        return None

    def baseline_of(self, key: str) -> tuple[str, ...] | None:
        """What the writer made of ``key`` when the file was opened."""
        for name, lines in self.baseline:
            if name == key:
                return lines
        return None


@dataclass(frozen=True)
class LevelDocument:
    """Everything a level file says, as an editable value (see the module docstring)."""

    id: str
    chapter: str
    title: tuple[str, str]
    terrain: tuple[tuple[str, ...], ...]
    """Terrain names by row, then column (the ground under units too)."""
    troops: int
    turns: int
    markers: dict[Pos, str] = field(default_factory=dict)
    """start, goal, ally, plank, shelter, boat, boatman, comrade, guide, siege, cache or
    ginger, by cell."""
    intro: tuple[str, str] | None = None
    patrols: dict[str, Patrol] = field(default_factory=dict)
    pursuers: dict[str, Pursuer] = field(default_factory=dict)
    ferries: dict[str, Ferry] = field(default_factory=dict)
    fires: dict[str, Fire] = field(default_factory=dict)
    reliefs: dict[str, Relief] = field(default_factory=dict)
    goal_written: bool = False
    goal_kind: str | None = None
    goal_numbers: dict[str, int] = field(default_factory=dict)
    """The goal's written numbers: min_troops, crossings, units, per_boat, hold."""
    goal_text: tuple[str, str] | None = None
    numbers: dict[str, int] = field(default_factory=dict)
    """Written optional numbers: bog_damage, warmth, disguise, par_slack, ginger_warmth,
    rest_chill, kits; and baggage (1 for ``baggage: true``, 0 for ``false``)."""
    weather: str | None = None
    solution: str | None = None
    legend: dict[str, str] = field(default_factory=dict)
    """The author's own legend (char → "terrain" or "terrain + marker"), kept for its chars."""
    char_hints: dict[Pos, str] = field(default_factory=dict, compare=False)
    """The map characters of the opened file, reused where they still mean the same."""
    source: SourceText | None = field(default=None, compare=False)
    key_order: tuple[str, ...] = field(default=(), compare=False)
    pontoons: dict[str, Pontoon] = field(default_factory=dict)

    # ------------------------------------------------------------------ reading
    @property
    def width(self) -> int:
        """Columns of the map."""
        return len(self.terrain[0])

    @property
    def height(self) -> int:
        """Rows of the map."""
        return len(self.terrain)

    def inside(self, pos: Pos) -> bool:
        """Whether ``pos`` is on the map."""
        return 0 <= pos[0] < self.width and 0 <= pos[1] < self.height

    def terrain_at(self, pos: Pos) -> str:
        """The terrain name at ``pos``."""
        return self.terrain[pos[1]][pos[0]]

    def number(self, key: str) -> int:
        """An optional number (bog_damage, warmth, disguise, par_slack, ginger_warmth,
        rest_chill), default if unset."""
        return self.numbers.get(key, DEFAULTS[key])

    def goal_number(self, key: str) -> int:
        """A goal number (min_troops, crossings, units, per_boat, hold), default if unset."""
        return self.goal_numbers.get(key, DEFAULTS[key])

    def units(self) -> list[tuple[str, str, Unit]]:
        """Every placed unit as ``(kind, char, unit)``, kinds in file order."""
        found: list[tuple[str, str, Unit]] = []
        for kind in UNIT_KINDS:
            group: dict[str, Unit] = getattr(self, kind)
            found.extend((kind, char, unit) for char, unit in group.items())
        return found

    def unit_at(self, pos: Pos) -> tuple[str, str] | None:
        """``(kind, char)`` of the unit on ``pos``, if any."""
        for kind, char, unit in self.units():
            if pos in unit_cells(unit):
                return kind, char
        return None

    def used_chars(self) -> set[str]:
        """Characters already meaning something: the legend (default and own) and units."""
        return set(DEFAULT_LEGEND) | set(self.legend) | {c for _, c, _ in self.units()}

    def with_(self, **changes: object) -> LevelDocument:
        """A copy with ``changes`` (the document itself never changes)."""
        return replace(self, **changes)  # type: ignore[arg-type]


def unit_cells(unit: Unit) -> frozenset[Pos]:
    """The cells a unit stands on (one, or many for ferries, fire lanes, pontoon sites)."""
    if isinstance(unit, (Ferry, Fire, Pontoon)):
        return unit.cells
    return frozenset((unit.pos,))


def effective_legend(legend: dict[str, str]) -> dict[str, LegendEntry]:
    """The default legend with the author's own entries on top (bad entries left out)."""
    merged: dict[str, LegendEntry] = {}
    for char, value in {**DEFAULT_LEGEND, **legend}.items():
        entry = parse_legend_value(value)
        if isinstance(entry, LegendEntry):
            merged[char] = entry
    return merged
