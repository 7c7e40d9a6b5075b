"""Write a :class:`LevelDocument` as the level YAML ``check`` reads.

Each top-level key is written as one block of lines in a fixed form: bilingual texts as
``zh:``/``en:`` pairs, the map as a ``map: |`` block, numbers plainly, move strings and
timetables in double quotes, with a short bilingual comment on what each key means.

Comments: a file that was opened keeps its header lines (the schema line and the author's
notes before the first key) and the comment lines just above each key. A key whose written
form is the same as when the file was opened is copied back verbatim, with every comment
inside it; a changed key is written afresh (its inner comments cannot be matched to the
new text, so they go). A new file gets the ``# yaml-language-server: $schema=...`` first
line when it is saved inside a levels folder.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import yaml

from game.content.levels import DEFAULT_LEGEND, parse_legend_value
from game.core.level import Pos
from game.editor.document import (
    DEFAULT_ON,
    UNIT_KINDS,
    Ferry,
    Fire,
    LevelDocument,
    Patrol,
    Pontoon,
    Pursuer,
    Relief,
    effective_legend,
)

#: The order keys are written in (an opened file keeps its own order).
KEY_ORDER = ("id", "chapter", "title", "intro", "map", "legend", "troops", "turns", "goal",
             "patrols", "pursuers", "ferries", "fires", "reliefs", "pontoons", "kits",
             "bog_damage", "warmth", "weather", "ginger_warmth", "rest_chill", "disguise",
             "baggage", "par_slack", "solution")

#: Characters new legend entries and new units may use, in the order they are tried.
LEGEND_POOL = "abcdefghijklmnopqrstuvwxyz0123456789&+/<>?@|$!;"
UNIT_POOL = "ABCDEFHIJKLMNOPQRUVWXYZ"

#: A short comment after each number key, in both languages.
COMMENTS = {
    "troops": "初始兵力 · troops at the start",
    "turns": "回合上限 · the turn limit",
    "bog_damage": "沼泽每回合的损失 · troops lost per turn in a bog",
    "warmth": "初始体温 · warmth at the start",
    "weather": "* 暴风雪 . 无风 · * blizzard . calm",
    "ginger_warmth": "一碗辣椒水和姜汤加的体温 · warmth one bowl of ginger soup adds",
    "rest_chill": "在雪地上坐下歇多冻掉的体温 · extra warmth lost resting on snow",
    "disguise": "伪装的回合数 · turns the patrols do not react",
    "baggage": "带着笨重的辎重出发 · the column starts loaded",
    "par_slack": "标准步数的宽限 · slack for the par star",
    "solution": "一条能赢的走法 · a winning move string",
    "kits": "架桥材料一次够几座桥 · bridges the materials make at once",
}

Tag = tuple[str, ...]
"""What a written line is about: ``("map", y, column)`` for a map row (as text), or the key
path, e.g. ``("patrols", "A", "route")``; ``()`` for comments and blank lines."""


@dataclass(frozen=True, slots=True)
class Written:
    """Level text and, for each of its lines, what the line is about (see :data:`Tag`)."""

    text: str
    tags: tuple[Tag, ...]

    def tag(self, line: int) -> Tag:
        """The tag of 1-based ``line`` (``()`` outside the text)."""
        return self.tags[line - 1] if 0 < line <= len(self.tags) else ()


# ------------------------------------------------------------------------- scalars
_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\n#]*")


def scalar(text: str) -> str:
    """``text`` as a YAML scalar: plain when YAML reads it back as the same text, else in
    double quotes (JSON's escapes are YAML's)."""
    if (_PLAIN.fullmatch(text) and text == text.strip() and ": " not in text
            and not text.endswith(":") and _reads_as_text(text)):
        return text
    return json.dumps(text, ensure_ascii=False)


def _reads_as_text(text: str) -> bool:
    try:
        return bool(yaml.safe_load(text) == text)
    except yaml.YAMLError:
        return False


def quoted(text: str) -> str:
    """``text`` in double quotes."""
    return json.dumps(text, ensure_ascii=False)


def _key(char: str) -> str:
    """A one-character mapping key: plain for letters and digits, else quoted."""
    return char if char.isalnum() and char.isascii() else quoted(char)


# ------------------------------------------------------------------------- the map
def legend_meaning(terrain: str, marker: str | None) -> str:
    """The legend value for a cell: ``"bank"`` or ``"bank + goal"``."""
    return f"{terrain} + {marker}" if marker else terrain


def map_chars(document: LevelDocument) -> tuple[list[str], dict[str, str]]:
    """The map rows and the legend to write with them.

    A cell keeps the character it had in the opened file while that still means the same;
    otherwise it takes the first legend character with its meaning; a meaning no
    character has gets a new legend entry.
    """
    legend = dict(document.legend)
    merged = effective_legend(legend)
    meanings = {char: legend_meaning(e.terrain.name, e.marker) for char, e in merged.items()}
    by_meaning: dict[str, str] = {}
    for char, meaning in meanings.items():
        by_meaning.setdefault(meaning, char)
    unit_char: dict[Pos, str] = {}
    for _kind, char, unit in document.units():
        cells = unit.cells if isinstance(unit, (Ferry, Fire, Pontoon)) else (unit.pos,)
        for cell in cells:
            unit_char[cell] = char
    used = set(meanings) | {char for _, char, _ in document.units()}
    rows = []
    for y in range(document.height):
        row = []
        for x in range(document.width):
            pos = (x, y)
            if pos in unit_char:
                row.append(unit_char[pos])
                continue
            meaning = legend_meaning(document.terrain_at(pos), document.markers.get(pos))
            hint = document.char_hints.get(pos)
            if hint is not None and meanings.get(hint) == meaning:
                row.append(hint)
                continue
            found = by_meaning.get(meaning)
            if found is not None:
                char = found
            else:
                char = next(c for c in LEGEND_POOL if c not in used)
                used.add(char)
                legend[char] = meaning
                meanings[char] = meaning
                by_meaning[meaning] = char
            row.append(char)
        rows.append("".join(row))
    return rows, legend


# ------------------------------------------------------------------------- blocks
Lines = list[tuple[str, Tag]]


def _bilingual(key: str, text: tuple[str, str], indent: str = "") -> Lines:
    path = tuple(key.split("."))
    name = path[-1]
    return [(f"{indent}{name}:", path),
            (f"{indent}  zh: {scalar(text[0])}", (*path, "zh")),
            (f"{indent}  en: {scalar(text[1])}", (*path, "en"))]


def _number(key: str, value: int) -> Lines:
    comment = COMMENTS.get(key)
    line = f"{key}: {value}"
    return [(f"{line}   # {comment}" if comment else line, (key,))]


def _unit_lines(document: LevelDocument, kind: str) -> Lines:
    group = getattr(document, kind)
    if not group:
        return []
    lines: Lines = [(f"{kind}:", (kind,))]
    for char, unit in group.items():
        path = (kind, char)
        if isinstance(unit, Pontoon):
            lines += _pontoon_lines(char, unit)
            continue
        lines.append((f"  {_key(char)}:", path))
        fields: list[tuple[str, str]] = []
        if isinstance(unit, (Patrol, Relief)):
            fields.append(("route", quoted(unit.route)))
        if isinstance(unit, (Ferry, Fire)):
            fields.append(("schedule", quoted(unit.schedule)))
        if isinstance(unit, Patrol):
            fields += [(k, str(v)) for k, v in (("sight", unit.sight), ("damage", unit.damage))
                       if v is not None]
        if isinstance(unit, Pursuer):
            fields += [(k, str(v)) for k, v in (("damage", unit.damage), ("every", unit.every))
                       if v is not None]
        if isinstance(unit, Fire) and unit.damage is not None:
            fields.append(("damage", str(unit.damage)))
        if kind in DEFAULT_ON:
            on = _ground(document, unit)
            if on != DEFAULT_ON[kind]:
                fields.append(("on", on))
        lines += [(f"    {name}: {value}", (*path, name)) for name, value in fields]
    return lines


def _pontoon_lines(char: str, unit: Pontoon) -> Lines:
    """A pontoon site: ``{}``, or its name in both languages."""
    path = ("pontoons", char)
    if unit.name_zh is None and unit.name_en is None:
        return [(f"  {_key(char)}: {{}}", path)]
    return [(f"  {_key(char)}:", path),
            *_bilingual(f"pontoons.{char}.name", (unit.name_zh or "", unit.name_en or ""),
                        "    ")]


def _ground(document: LevelDocument, unit: Patrol | Pursuer | Relief | Ferry | Fire) -> str:
    """The terrain a unit's ``on:`` names: under its cell (a fire lane: its first cell)."""
    if isinstance(unit, (Ferry, Fire)):
        return document.terrain_at(min(unit.cells, key=lambda c: (c[1], c[0])))
    return document.terrain_at(unit.pos)


def _map_lines(rows: list[str]) -> Lines:
    lines: Lines = [("map: |", ("map",))]
    lines += [(f"  {row}", ("map", str(y), "3")) for y, row in enumerate(rows)]
    return lines


def _legend_lines(legend: dict[str, str]) -> Lines:
    if not legend:
        return []
    lines: Lines = [("legend:", ("legend",))]
    for char, value in legend.items():
        entry = parse_legend_value(value)
        note = ""
        if not isinstance(entry, str):
            note = f"   # {entry.terrain.label.zh} · {entry.terrain.label.en}"
        lines.append((f"  {quoted(char)}: {value}{note}", ("legend", char)))
    return lines


def _goal_lines(document: LevelDocument) -> Lines:
    if not document.goal_written:
        return []
    lines: Lines = [("goal:", ("goal",))]
    if document.goal_kind is not None:
        lines.append((f"  kind: {document.goal_kind}", ("goal", "kind")))
    for key in ("min_troops", "crossings", "units", "per_boat", "hold"):
        if key in document.goal_numbers:
            lines.append((f"  {key}: {document.goal_numbers[key]}", ("goal", key)))
    if document.goal_text is not None:
        lines += _bilingual("goal.text", document.goal_text, "  ")
    if len(lines) == 1:
        lines = [("goal: {}", ("goal",))]
    return lines


def tagged_blocks(document: LevelDocument) -> dict[str, Lines]:
    """Every key's lines in the written form, in :data:`KEY_ORDER` (absent keys left out)."""
    rows, legend = map_chars(document)
    blocks: dict[str, Lines] = {
        "id": [(f"id: {scalar(document.id)}", ("id",))],
        "chapter": [(f"chapter: {scalar(document.chapter)}", ("chapter",))],
        "title": _bilingual("title", document.title),
    }
    if document.intro is not None:
        blocks["intro"] = _bilingual("intro", document.intro)
    blocks["map"] = _map_lines(rows)
    if legend:
        blocks["legend"] = _legend_lines(legend)
    blocks["troops"] = _number("troops", document.troops)
    blocks["turns"] = _number("turns", document.turns)
    if document.goal_written:
        blocks["goal"] = _goal_lines(document)
    for kind in UNIT_KINDS:
        lines = _unit_lines(document, kind)
        if lines:
            blocks[kind] = lines
    if "kits" in document.numbers:
        blocks["kits"] = _number("kits", document.numbers["kits"])
    for key in ("bog_damage", "warmth"):
        if key in document.numbers:
            blocks[key] = _number(key, document.numbers[key])
    if document.weather is not None:
        blocks["weather"] = [(f"weather: {quoted(document.weather)}   # {COMMENTS['weather']}",
                              ("weather",))]
    for key in ("ginger_warmth", "rest_chill", "disguise", "par_slack"):
        if key in document.numbers:
            blocks[key] = _number(key, document.numbers[key])
    if "baggage" in document.numbers:
        flag = "true" if document.numbers["baggage"] else "false"
        blocks["baggage"] = [(f"baggage: {flag}   # {COMMENTS['baggage']}", ("baggage",))]
    if document.solution is not None:
        blocks["solution"] = [(f"solution: {quoted(document.solution)}", ("solution",))]
    return blocks


def canonical_blocks(document: LevelDocument) -> dict[str, tuple[str, ...]]:
    """Every key's lines in the written form (no tags)."""
    return {key: tuple(text for text, _ in lines)
            for key, lines in tagged_blocks(document).items()}


MAP_NOTE = ("# 地图：一行一排格子，字符的意思见 levels/README.md 第 3 节。",
            "# The map: one line per row of cells; the characters are in section 3 of "
            "levels/README.md.")


def write_level(document: LevelDocument, *, keep_comments: bool = True,
                schema_line: str | None = None) -> Written:
    """The level as YAML text, with a tag for every line (see :class:`Written`).

    With ``keep_comments`` an opened file's comments are kept as the module docstring says;
    without, every key is written afresh (what validation uses, so that each problem's line
    points at a known key). ``schema_line`` is written first when the text has none.
    """
    blocks = tagged_blocks(document)
    source = document.source if keep_comments else None
    order = _order(document, blocks)
    out: Lines = []
    if source is not None:
        out += [(line, ()) for line in source.header]
    if schema_line and not any(line.startswith("# yaml-language-server") for line, _ in out):
        out.insert(0, (schema_line, ()))
    for key in order:
        lines = blocks[key]
        kept = source.block(key) if source is not None else None
        if kept is not None and source is not None:
            lead, body = kept
            out += [(line, ()) for line in lead]
            if source.baseline_of(key) == tuple(text for text, _ in lines):
                out += [(line, (key,)) for line in body]
                continue
            out += lines
            out += [("", ())] * _trailing_blanks(body)
            continue
        if key == "map":
            out += [(line, ()) for line in MAP_NOTE]
        out += lines
        if key in ("intro", "map", "turns", "goal") or key in UNIT_KINDS:
            out.append(("", ()))
    while out and not out[-1][0].strip():
        out.pop()
    return Written("\n".join(text for text, _ in out) + "\n", tuple(tag for _, tag in out))


def _trailing_blanks(body: tuple[str, ...]) -> int:
    count = 0
    for line in reversed(body):
        if line.strip():
            break
        count += 1
    return count


def _order(document: LevelDocument, blocks: dict[str, Lines]) -> list[str]:
    """The keys to write: the opened file's order, new keys after their canonical neighbour."""
    order = [key for key in document.key_order if key in blocks]
    for key in KEY_ORDER:
        if key in blocks and key not in order:
            before = [k for k in KEY_ORDER[:KEY_ORDER.index(key)] if k in order]
            at = order.index(before[-1]) + 1 if before else 0
            order.insert(at, key)
    return order


def default_legend_char(meaning: str) -> str | None:
    """The default legend's character for a meaning, if it has one."""
    for char, value in DEFAULT_LEGEND.items():
        if value == meaning:
            return char
    return None
