"""Open level text as a :class:`~game.editor.document.LevelDocument`, through the real
loader, keeping the file cut into blocks so that its comments can be written back."""

from __future__ import annotations

import yaml

from game.content.errors import ContentError
from game.content.levels import LEVEL_SPEC, build_level
from game.content.schema import Context
from game.content.yamlsafe import load_yaml_bytes
from game.core.level import Pos
from game.editor.document import (
    LEVEL_NUMBERS,
    UNIT_KINDS,
    Ferry,
    Fire,
    LevelDocument,
    Patrol,
    Pontoon,
    Pursuer,
    Relief,
    SourceText,
    Unit,
    effective_legend,
)
from game.editor.writer import canonical_blocks


def parse_document(text: str, shown: str = "level.yaml") -> LevelDocument:
    """Open level text as a document; raise :class:`ContentError` if the loader refuses it.

    The real loader must accept the file (so the document means exactly what ``check``
    reads); its comments are kept in :attr:`LevelDocument.source`.
    """
    node = load_yaml_bytes(text.encode("utf-8"), shown)
    lines = text.splitlines()
    build_level(node, shown, lines)  # raises ContentError with every problem
    ctx = Context(shown)
    record = LEVEL_SPEC.validate_partial(node, ctx)
    if ctx.problems:  # pragma: no cover - build_level already raised
        raise ContentError(ctx.problems)
    legend = {entry.key: entry.value for entry in record["legend"]}
    merged = effective_legend(legend)
    placed = {entry.key: (kind, entry) for kind in UNIT_KINDS for entry in record[kind]}
    rows = str(record["map"]).strip("\n").split("\n")
    terrain: list[tuple[str, ...]] = []
    markers: dict[Pos, str] = {}
    hints: dict[Pos, str] = {}
    spots: dict[str, list[Pos]] = {char: [] for char in placed}
    for y, row in enumerate(rows):
        cells: list[str] = []
        for x, char in enumerate(row):
            hints[(x, y)] = char
            if char in placed:
                kind, entry = placed[char]
                spots[char].append((x, y))
                cells.append("river" if kind in ("ferries", "pontoons")
                             else str(entry.value["on"]))
                continue
            meaning = merged[char]
            cells.append(meaning.terrain.name)
            if meaning.marker is not None:
                markers[(x, y)] = meaning.marker
        terrain.append(tuple(cells))
    units: dict[str, dict[str, Unit]] = {kind: {} for kind in UNIT_KINDS}
    for char, (kind, entry) in placed.items():
        value, where = entry.value, spots[char]
        written = {str(k.value) for k, _ in entry.node.value}
        opt = {k: value[k] for k in ("sight", "damage", "every") if k in written}
        if kind == "patrols":
            units[kind][char] = Patrol(where[0], value["route"], opt.get("sight"),
                                       opt.get("damage"))
        elif kind == "pursuers":
            units[kind][char] = Pursuer(where[0], opt.get("damage"), opt.get("every"))
        elif kind == "reliefs":
            units[kind][char] = Relief(where[0], value["route"])
        elif kind == "ferries":
            units[kind][char] = Ferry(frozenset(where), value["schedule"])
        elif kind == "pontoons":
            name = value["name"]
            units[kind][char] = Pontoon(frozenset(where), name.zh if name else None,
                                        name.en if name else None)
        else:
            units[kind][char] = Fire(frozenset(where), value["schedule"], opt.get("damage"))
    present = {str(k.value) for k, _ in node.value}
    goal = record["goal"]
    goal_numbers: dict[str, int] = {}
    goal_kind = None
    goal_text = None
    if goal is not None:
        goal_written = {str(k.value) for k, _ in record.at("goal").value}
        goal_numbers = {k: goal[k] for k in ("min_troops", "crossings", "units", "per_boat",
                                             "hold") if k in goal_written}
        goal_kind = goal["kind"] if "kind" in goal_written else None
        goal_text = (goal["text"].zh, goal["text"].en) if goal["text"] is not None else None
    numbers: dict[str, int] = {k: int(record[k]) for k in LEVEL_NUMBERS if k in present}
    intro = record["intro"]
    document = LevelDocument(
        id=record["id"], chapter=record["chapter"],
        title=(record["title"].zh, record["title"].en),
        terrain=tuple(terrain), troops=record["troops"], turns=record["turns"],
        markers=markers, intro=(intro.zh, intro.en) if intro is not None else None,
        patrols=units["patrols"], pursuers=units["pursuers"],  # type: ignore[arg-type]
        ferries=units["ferries"], fires=units["fires"],  # type: ignore[arg-type]
        reliefs=units["reliefs"],  # type: ignore[arg-type]
        pontoons=units["pontoons"],  # type: ignore[arg-type]
        goal_written=goal is not None, goal_kind=goal_kind, goal_numbers=goal_numbers,
        goal_text=goal_text, numbers=numbers, weather=record["weather"],
        solution=record["solution"], legend=legend, char_hints=hints,
        key_order=tuple(str(k.value) for k, _ in node.value),
    )
    return document.with_(source=_source_text(node, text, document))


def _source_text(node: yaml.Node, text: str, document: LevelDocument) -> SourceText:
    """Cut ``text`` into a header and one block per top-level key (see :class:`SourceText`)."""
    lines = text.splitlines()
    assert isinstance(node, yaml.MappingNode)
    starts = [(str(k.value), k.start_mark.line) for k, _ in node.value]
    leads: list[int] = []
    for _, line in starts:
        lead = line
        while lead > 0 and lines[lead - 1].lstrip().startswith("#") and not (
                lines[lead - 1].startswith("# yaml-language-server")):
            lead -= 1
        leads.append(lead)
    blocks = []
    for index, (key, line) in enumerate(starts):
        end = leads[index + 1] if index + 1 < len(starts) else len(lines)
        blocks.append((key, tuple(lines[leads[index]:line]), tuple(lines[line:end])))
    header = tuple(lines[:leads[0]]) if leads else tuple(lines)
    baseline = tuple(canonical_blocks(document).items())
    return SourceText(header, tuple(blocks), baseline)
