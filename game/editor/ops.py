"""Edits as values: each one turns a document into a new document; :class:`History` keeps
every document so that any edit can be undone and redone.

An edit never leaves the document in a state the format cannot express: a cell holds at
most one unit, a unit and a marker never share a cell, a marker never lies on ground
nobody can enter, there is one start.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from game.core.actions import Action, parse_moves
from game.core.level import Pos
from game.core.terrain import TERRAIN
from game.editor.document import (
    LEVEL_NUMBERS,
    MAX_HEIGHT,
    MAX_WIDTH,
    MIN_SIZE,
    UNIT_KINDS,
    Ferry,
    Fire,
    LevelDocument,
    Patrol,
    Pontoon,
    Pursuer,
    Relief,
    Unit,
)
from game.editor.writer import UNIT_POOL

#: Markers the editor places, in palette order.
MARKER_KINDS = ("start", "goal", "ally", "plank", "shelter", "boat", "boatman", "comrade",
                "guide", "siege", "cache", "ginger")
#: Terrain the editor paints (ferries and pontoon sites are placed as units).
PAINTABLE = tuple(name for name in TERRAIN if name != "ferry")
#: Ground a marker is put on when it is placed where nobody can stand.
MARKER_GROUND = {"goal": "bank", "shelter": "snow", "ginger": "plain"}

Value = int | str | None


class Edit:
    """One edit; ``apply`` returns the new document (the old one is untouched)."""

    def apply(self, document: LevelDocument) -> LevelDocument:
        """The document after this edit."""
        raise NotImplementedError


def _without_cell(document: LevelDocument, pos: Pos) -> LevelDocument:
    """The document with no unit and no marker on ``pos``."""
    changes: dict[str, object] = {}
    for kind in UNIT_KINDS:
        group: dict[str, Unit] = getattr(document, kind)
        kept: dict[str, Unit] = {}
        for char, unit in group.items():
            if isinstance(unit, (Ferry, Fire, Pontoon)):
                if pos in unit.cells:
                    cells = unit.cells - {pos}
                    if cells:
                        kept[char] = replace(unit, cells=cells)
                    continue
            elif unit.pos == pos:
                continue
            kept[char] = unit
        if len(kept) != len(group) or any(kept[c] is not group[c] for c in kept):
            changes[kind] = kept
    if pos in document.markers:
        changes["markers"] = {p: m for p, m in document.markers.items() if p != pos}
    return document.with_(**changes) if changes else document


def _set_terrain(document: LevelDocument, pos: Pos, terrain: str) -> LevelDocument:
    rows = [list(row) for row in document.terrain]
    rows[pos[1]][pos[0]] = terrain
    return document.with_(terrain=tuple(tuple(row) for row in rows))


@dataclass(frozen=True, slots=True)
class Paint(Edit):
    """Paint ``terrain`` on ``cells``. Ground nobody can enter clears what lay there; any
    paint on a ferry or pontoon-site cell takes it away (fire lanes and units keep their
    cell)."""

    cells: tuple[Pos, ...]
    terrain: str

    def apply(self, document: LevelDocument) -> LevelDocument:
        passable = TERRAIN[self.terrain].passable
        for pos in self.cells:
            if not document.inside(pos):
                continue
            held = document.unit_at(pos)
            if not passable or (held is not None and held[0] in ("ferries", "pontoons")):
                document = _without_cell(document, pos)
            if document.terrain_at(pos) != self.terrain:
                document = _set_terrain(document, pos, self.terrain)
        return document


@dataclass(frozen=True, slots=True)
class PlaceMarker(Edit):
    """Put ``marker`` on ``pos`` (replacing a unit or marker there); the start moves."""

    pos: Pos
    marker: str

    def apply(self, document: LevelDocument) -> LevelDocument:
        if not document.inside(self.pos):
            return document
        document = _without_cell(document, self.pos)
        markers = dict(document.markers)
        if self.marker == "start":
            markers = {p: m for p, m in markers.items() if m != "start"}
        markers[self.pos] = self.marker
        document = document.with_(markers=markers)
        if not TERRAIN[document.terrain_at(self.pos)].passable:
            document = _set_terrain(document, self.pos, MARKER_GROUND.get(self.marker, "plain"))
        return document


@dataclass(frozen=True, slots=True)
class Erase(Edit):
    """Take away what lies on ``pos``: its unit, else its marker, else paint it plain."""

    pos: Pos

    def apply(self, document: LevelDocument) -> LevelDocument:
        if not document.inside(self.pos):
            return document
        if document.unit_at(self.pos) is not None or self.pos in document.markers:
            return _without_cell(document, self.pos)
        return Paint((self.pos,), "plain").apply(document)


def new_unit_char(document: LevelDocument) -> str:
    """A character no legend entry and no unit uses yet."""
    used = document.used_chars()
    return next(c for c in UNIT_POOL + UNIT_POOL.lower() if c not in used)


@dataclass(frozen=True, slots=True)
class PlaceUnit(Edit):
    """Place a unit of ``kind`` on ``pos``: a new one (``char`` None picks its character),
    or another cell of the ferry, fire lane or pontoon site ``char``. Ground nobody can
    enter becomes plain (road under a relief column); under a ferry or a pontoon site lies
    river, as when a file is read."""

    kind: str
    pos: Pos
    char: str | None = None

    def apply(self, document: LevelDocument) -> LevelDocument:
        if not document.inside(self.pos):
            return document
        document = _without_cell(document, self.pos)
        group: dict[str, Unit] = dict(getattr(document, self.kind))
        char = self.char if self.char is not None else new_unit_char(document)
        existing = group.get(char)
        unit: Unit
        if isinstance(existing, (Ferry, Fire, Pontoon)):
            unit = replace(existing, cells=existing.cells | {self.pos})
        elif self.kind == "patrols":
            unit = Patrol(self.pos)
        elif self.kind == "pursuers":
            unit = Pursuer(self.pos)
        elif self.kind == "reliefs":
            unit = Relief(self.pos)
        elif self.kind == "ferries":
            unit = Ferry(frozenset((self.pos,)))
        elif self.kind == "pontoons":
            unit = Pontoon(frozenset((self.pos,)))
        else:
            unit = Fire(frozenset((self.pos,)))
        group[char] = unit
        document = document.with_(**{self.kind: group})
        if self.kind in ("ferries", "pontoons"):
            document = _set_terrain(document, self.pos, "river")
        elif not TERRAIN[document.terrain_at(self.pos)].passable:
            ground = "road" if self.kind == "reliefs" else "plain"
            document = _set_terrain(document, self.pos, ground)
        return document


@dataclass(frozen=True, slots=True)
class RemoveUnit(Edit):
    """Take the unit ``char`` of ``kind`` off the map."""

    kind: str
    char: str

    def apply(self, document: LevelDocument) -> LevelDocument:
        group = dict(getattr(document, self.kind))
        if group.pop(self.char, None) is None:
            return document
        return document.with_(**{self.kind: group})


@dataclass(frozen=True, slots=True)
class SetUnit(Edit):
    """Set one key of a unit: route, sight, damage, every, schedule, or a pontoon site's
    name_zh or name_en (None: unwritten)."""

    kind: str
    char: str
    key: str
    value: Value

    def apply(self, document: LevelDocument) -> LevelDocument:
        group: dict[str, Unit] = dict(getattr(document, self.kind))
        unit = group.get(self.char)
        if unit is None or not hasattr(unit, self.key):
            return document
        group[self.char] = replace(unit, **{self.key: self.value})  # type: ignore[arg-type]
        return document.with_(**{self.kind: group})


def route_cells(start: Pos, route: str) -> list[Pos]:
    """Every cell a route visits, from ``start`` (spaces ignored, waits repeat a cell)."""
    cells = [start]
    for action in parse_moves(route):
        dx, dy = action.delta
        cells.append((cells[-1][0] + dx, cells[-1][1] + dy))
    return cells


def step_toward(end: Pos, target: Pos) -> str | None:
    """The route letter that steps from ``end`` to the neighbouring ``target`` ("." to
    stay), or None when ``target`` is not next to it."""
    dx, dy = target[0] - end[0], target[1] - end[1]
    for action in Action:
        if action.delta == (dx, dy):
            return str(action.value)
    return None


@dataclass(frozen=True, slots=True)
class ExtendRoute(Edit):
    """Add one step to a patrol's or relief column's route (a lone ``.`` is replaced)."""

    kind: str
    char: str
    letter: str

    def apply(self, document: LevelDocument) -> LevelDocument:
        unit = getattr(document, self.kind).get(self.char)
        if not isinstance(unit, (Patrol, Relief)):
            return document
        route = "" if unit.route.strip() == "." else unit.route
        return SetUnit(self.kind, self.char, "route", route + self.letter).apply(document)


@dataclass(frozen=True, slots=True)
class ShortenRoute(Edit):
    """Take the last step off a route (an empty route becomes ``.``, standing still)."""

    kind: str
    char: str

    def apply(self, document: LevelDocument) -> LevelDocument:
        unit = getattr(document, self.kind).get(self.char)
        if not isinstance(unit, (Patrol, Relief)):
            return document
        route = unit.route.replace(" ", "")[:-1] or "."
        return SetUnit(self.kind, self.char, "route", route).apply(document)


#: Document keys :class:`SetField` may set, and what they hold.
TEXT_FIELDS = ("id", "chapter", "title.zh", "title.en", "intro.zh", "intro.en",
               "goal.text.zh", "goal.text.en", "weather", "solution", "goal.kind")
NUMBER_FIELDS = ("troops", "turns", "goal.min_troops", "goal.crossings", "goal.units",
                 "goal.per_boat", "goal.hold", *LEVEL_NUMBERS)


@dataclass(frozen=True, slots=True)
class SetField(Edit):
    """Set a level key (see :data:`TEXT_FIELDS` and :data:`NUMBER_FIELDS`).

    ``None`` leaves an optional key unwritten; an intro or goal text with both languages
    empty is left out.
    """

    key: str
    value: Value

    def apply(self, document: LevelDocument) -> LevelDocument:
        key, value = self.key, self.value
        if key in ("id", "chapter"):
            return document.with_(**{key: str(value or "")})
        if key in ("troops", "turns"):
            return document.with_(**{key: int(value or 0)})
        if key in ("weather", "solution"):
            return document.with_(**{key: str(value) if value else None})
        if key in LEVEL_NUMBERS:
            numbers = {k: v for k, v in document.numbers.items() if k != key}
            if value is not None:
                numbers[key] = int(value)
            return document.with_(numbers=numbers)
        if key.startswith(("title.", "intro.", "goal.text.")):
            return _set_text(document, key, str(value or ""))
        if key == "goal.kind":
            return document.with_(goal_written=True, goal_kind=str(value) if value else None)
        if key.startswith("goal."):
            name = key.removeprefix("goal.")
            goal = {k: v for k, v in document.goal_numbers.items() if k != name}
            if value is not None:
                goal[name] = int(value)
            return document.with_(goal_written=True, goal_numbers=goal)
        raise KeyError(f"no level key {key!r}")


def _set_text(document: LevelDocument, key: str, value: str) -> LevelDocument:
    field, lang = key.rsplit(".", 1)
    attribute = {"title": "title", "intro": "intro", "goal.text": "goal_text"}[field]
    old = getattr(document, attribute) or ("", "")
    new = (value, old[1]) if lang == "zh" else (old[0], value)
    if attribute != "title" and not any(part.strip() for part in new):
        return document.with_(**{attribute: None})
    changes: dict[str, object] = {attribute: new}
    if attribute == "goal_text":
        changes["goal_written"] = True
    return document.with_(**changes)


@dataclass(frozen=True, slots=True)
class Resize(Edit):
    """Make the map ``width`` × ``height`` (within the screen's limits), keeping the top-left
    part; new cells are ``fill``; units and markers outside are dropped."""

    width: int
    height: int
    fill: str = "plain"

    def apply(self, document: LevelDocument) -> LevelDocument:
        width = max(MIN_SIZE, min(MAX_WIDTH, self.width))
        height = max(MIN_SIZE, min(MAX_HEIGHT, self.height))
        rows = []
        for y in range(height):
            old = document.terrain[y] if y < document.height else ()
            rows.append(tuple(old[x] if x < len(old) else self.fill for x in range(width)))
        inside = {(x, y) for y in range(height) for x in range(width)}
        changes: dict[str, object] = {
            "terrain": tuple(rows),
            "markers": {p: m for p, m in document.markers.items() if p in inside},
        }
        for kind in UNIT_KINDS:
            group: dict[str, Unit] = {}
            for char, unit in getattr(document, kind).items():
                if isinstance(unit, (Ferry, Fire, Pontoon)):
                    if unit.cells & inside:
                        group[char] = replace(unit, cells=unit.cells & inside)
                elif unit.pos in inside:
                    group[char] = unit
            changes[kind] = group
        return document.with_(**changes)


@dataclass(frozen=True, slots=True)
class Batch(Edit):
    """Several edits undone and redone as one (a stroke of the brush)."""

    edits: tuple[Edit, ...]

    def apply(self, document: LevelDocument) -> LevelDocument:
        for edit in self.edits:
            document = edit.apply(document)
        return document


class History:
    """The document being edited, with every earlier and undone version."""

    def __init__(self, document: LevelDocument) -> None:
        self.document = document
        self._undo: list[tuple[Edit, LevelDocument]] = []
        self._redo: list[tuple[Edit, LevelDocument]] = []
        self._saved: LevelDocument = document

    def apply(self, edit: Edit) -> bool:
        """Make ``edit``; False (and nothing recorded) when it changes nothing."""
        after = edit.apply(self.document)
        if after == self.document:
            return False
        self._undo.append((edit, self.document))
        self._redo.clear()
        self.document = after
        return True

    @property
    def can_undo(self) -> bool:
        """Whether there is an edit to undo."""
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        """Whether there is an undone edit to make again."""
        return bool(self._redo)

    def undo(self) -> Edit | None:
        """Undo the last edit; return it (None when there was none)."""
        if not self._undo:
            return None
        edit, before = self._undo.pop()
        self._redo.append((edit, self.document))
        self.document = before
        return edit

    def redo(self) -> Edit | None:
        """Make the last undone edit again; return it (None when there was none)."""
        if not self._redo:
            return None
        edit, after = self._redo.pop()
        self._undo.append((edit, self.document))
        self.document = after
        return edit

    def mark_saved(self) -> None:
        """Remember the current document as the one on disk."""
        self._saved = self.document

    @property
    def dirty(self) -> bool:
        """Whether there are edits not yet saved."""
        return self.document != self._saved
