"""The editor's settings list: which keys a level and each kind of unit has, and how they
are edited (typed text, a number stepped or typed, a choice cycled, or an action)."""

from __future__ import annotations

from dataclasses import dataclass

from game.editor.document import DEFAULTS, LEVEL_NUMBERS, LevelDocument, Unit
from game.editor.ops import (
    Edit,
    Resize,
    SetField,
    SetUnit,
)
from game.i18n import Lang
from game.ui.editor import strings as s

GOAL_KINDS = ("reach", "ferry", "hold", "meet", "take")


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One row of the settings list."""

    key: str
    kind: str  # "text", "number", "choice" or "action"
    low: int = 0
    high: int = 0
    step: int = 1
    optional: bool = False


LEVEL_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("title.zh", "text"), FieldSpec("title.en", "text"),
    FieldSpec("intro.zh", "text"), FieldSpec("intro.en", "text"),
    FieldSpec("troops", "number", 1, 1_000_000, 10),
    FieldSpec("turns", "number", 1, 500),
    FieldSpec("width", "number", 3, 40), FieldSpec("height", "number", 3, 22),
    FieldSpec("goal.kind", "choice", optional=True),
    FieldSpec("goal.min_troops", "number", 0, 1_000_000, 10, True),
    FieldSpec("goal.crossings", "number", 0, 20, optional=True),
    FieldSpec("goal.units", "number", 1, 200, optional=True),
    FieldSpec("goal.per_boat", "number", 1, 20, optional=True),
    FieldSpec("goal.hold", "number", 1, 50, optional=True),
    FieldSpec("goal.text.zh", "text"), FieldSpec("goal.text.en", "text"),
    FieldSpec("warmth", "number", 0, 100, optional=True),
    FieldSpec("weather", "text"),
    FieldSpec("ginger_warmth", "number", 1, 100, optional=True),
    FieldSpec("rest_chill", "number", 0, 100, optional=True),
    FieldSpec("disguise", "number", 0, 100, optional=True),
    FieldSpec("baggage", "number", 0, 1, optional=True),
    FieldSpec("bog_damage", "number", 0, 100_000, 5, True),
    FieldSpec("par_slack", "number", 0, 500, optional=True),
    FieldSpec("kits", "number", 1, 9, optional=True),
    FieldSpec("solution", "text"),
    FieldSpec("id", "text"), FieldSpec("chapter", "text"),
)

UNIT_FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "patrols": (FieldSpec("unit.draw", "action"), FieldSpec("unit.route", "text"),
                FieldSpec("unit.sight", "number", 0, 20, optional=True),
                FieldSpec("unit.damage", "number", 0, 100_000, 5, True),
                FieldSpec("unit.remove", "action")),
    "pursuers": (FieldSpec("unit.damage", "number", 0, 100_000, 5, True),
                 FieldSpec("unit.every", "number", 1, 5, optional=True),
                 FieldSpec("unit.remove", "action")),
    "reliefs": (FieldSpec("unit.draw", "action"), FieldSpec("unit.route", "text"),
                FieldSpec("unit.remove", "action")),
    "ferries": (FieldSpec("unit.schedule", "text"), FieldSpec("unit.new", "action"),
                FieldSpec("unit.remove", "action")),
    "pontoons": (FieldSpec("unit.name_zh", "text"), FieldSpec("unit.name_en", "text"),
                 FieldSpec("unit.new", "action"), FieldSpec("unit.remove", "action")),
    "fires": (FieldSpec("unit.schedule", "text"),
              FieldSpec("unit.damage", "number", 0, 100_000, 5, True),
              FieldSpec("unit.new", "action"), FieldSpec("unit.remove", "action")),
}


def current(document: LevelDocument, spec: FieldSpec, unit: Unit | None) -> str | int | None:
    """The field's written value (None: not written)."""
    key = spec.key
    if key.startswith("unit."):
        return getattr(unit, key.removeprefix("unit."), None) if unit is not None else None
    if key in ("width", "height"):
        return int(getattr(document, key))
    if key in ("troops", "turns", "id", "chapter", "weather", "solution"):
        value: str | int | None = getattr(document, key)
        return value
    if key in LEVEL_NUMBERS:
        return document.numbers.get(key)
    if key == "goal.kind":
        return document.goal_kind
    if key.startswith("goal.text."):
        text = document.goal_text
        return None if text is None else text[0 if key.endswith("zh") else 1]
    if key.startswith("goal."):
        return document.goal_numbers.get(key.removeprefix("goal."))
    field, lang = key.rsplit(".", 1)
    pair = document.title if field == "title" else document.intro
    return None if pair is None else pair[0 if lang == "zh" else 1]


def effective(spec: FieldSpec, value: str | int | None) -> int:
    """A number field's value, the loader's default when not written."""
    if isinstance(value, int):
        return value
    name = spec.key.split(".")[-1]
    return DEFAULTS.get(name, spec.low)


def shown(spec: FieldSpec, value: str | int | None, lang: Lang) -> str:
    """The value as the list shows it."""
    if spec.kind == "action":
        return ""
    if spec.kind == "choice":
        kind = str(value or "reach")
        return s.GOAL_KINDS[kind][lang] + ("" if value else s.DEFAULT_MARK[lang])
    if spec.kind == "number":
        mark = s.DEFAULT_MARK[lang] if value is None else ""
        return f"{effective(spec, value)}{mark}"
    return str(value) if value else s.NOT_SET[lang]


def set_edit(document: LevelDocument, spec: FieldSpec, unit_ref: tuple[str, str] | None,
             value: str | int | None) -> Edit:
    """The edit that gives the field ``value``."""
    key = spec.key
    if key.startswith("unit."):
        assert unit_ref is not None
        name = key.removeprefix("unit.")
        if name in ("route", "schedule") and not value:
            value = "." if name == "route" else "o"
        return SetUnit(unit_ref[0], unit_ref[1], name, value)
    if key == "width":
        return Resize(int(value or 0), document.height)
    if key == "height":
        return Resize(document.width, int(value or 0))
    return SetField(key, value)


def stepped(spec: FieldSpec, value: str | int | None, direction: int, big: bool) -> int:
    """A number field moved one step (ten with ``big``) up or down, within its limits."""
    step = spec.step * (10 if big else 1) * direction
    return max(spec.low, min(spec.high, effective(spec, value) + step))


def cycled(value: str | int | None, direction: int) -> str:
    """The next goal kind."""
    index = GOAL_KINDS.index(str(value)) if value in GOAL_KINDS else 0
    return GOAL_KINDS[(index + direction) % len(GOAL_KINDS)]
