"""Declarative specs for YAML content: one definition drives validation and the JSON Schema.

A spec walks the composed YAML nodes (which keep their line and column), collects every
problem instead of stopping at the first, and returns plain values. Scalars are read from
their original text, so YAML 1.1 retyping cannot turn ``no`` or ``on`` into booleans or
``1:30`` into a number where the spec wants text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml

from game.content.errors import Problem, did_you_mean
from game.i18n import Text

_BOOL_TAG = "tag:yaml.org,2002:bool"
_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_NULL_TAG = "tag:yaml.org,2002:null"


class Invalid:
    """The value of a node that failed validation; its problems are already recorded."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID: Any = Invalid()


@dataclass
class Context:
    """Where problems go while one file is validated."""

    path: str
    problems: list[Problem] = field(default_factory=list)

    def error(
        self, node: yaml.Node | None, message: str, *, line: int = 0, column: int = 0
    ) -> None:
        """Record a problem at ``node`` (or at an explicit 1-based ``line``/``column``)."""
        if node is not None and not line:
            line, column = node.start_mark.line + 1, node.start_mark.column + 1
        self.problems.append(Problem(self.path, line, column, message))


def describe_node(node: yaml.Node) -> str:
    """How a node looks to an author: ``a list``, ``a mapping``, or the quoted text."""
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.MappingNode):
        return "a mapping of keys"
    if node.tag == _NULL_TAG:
        return "nothing"
    text = str(node.value)
    return f'"{text[:40]}…"' if len(text) > 40 else f'"{text}"'


class Spec:
    """Base of every spec: ``validate`` a node into a value, or describe itself as JSON Schema."""

    description: str = ""

    def validate(self, node: yaml.Node, ctx: Context) -> Any:
        """Return the node's value, or :data:`INVALID` after recording problems."""
        raise NotImplementedError

    def json_schema(self) -> dict[str, Any]:
        """This spec as a JSON Schema (draft 2020-12) fragment."""
        raise NotImplementedError

    def _doc(self, schema: dict[str, Any]) -> dict[str, Any]:
        if self.description:
            schema["description"] = self.description
        return schema


def _scalar(node: yaml.Node, ctx: Context, wanted: str) -> yaml.ScalarNode | None:
    if isinstance(node, yaml.ScalarNode) and node.tag != _NULL_TAG:
        return node
    ctx.error(node, f"expected {wanted}, found {describe_node(node)}")
    return None


@dataclass
class Str(Spec):
    """Text. ``pattern`` (a regex) and ``choices`` restrict it."""

    description: str = ""
    pattern: str | None = None
    pattern_hint: str = ""
    choices: tuple[str, ...] = ()
    min_length: int = 1
    max_length: int = 100_000

    def validate(self, node: yaml.Node, ctx: Context) -> Any:
        scalar = _scalar(node, ctx, "text")
        if scalar is None:
            return INVALID
        text = str(scalar.value)
        if len(text.strip()) < self.min_length:
            ctx.error(node, "this text is empty")
            return INVALID
        if len(text) > self.max_length:
            ctx.error(node, f"this text is {len(text)} characters; the limit is {self.max_length}")
            return INVALID
        if self.choices and text not in self.choices:
            options = ", ".join(self.choices)
            ctx.error(node, f'"{text}" is not one of: {options}{did_you_mean(text, self.choices)}')
            return INVALID
        if self.pattern and not re.fullmatch(self.pattern, text):
            ctx.error(node, f'"{text}" {self.pattern_hint or "has the wrong form"}')
            return INVALID
        return text

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "string", "minLength": self.min_length}
        if self.choices:
            schema["enum"] = list(self.choices)
        if self.pattern:
            schema["pattern"] = f"^(?:{self.pattern})$"
        schema["maxLength"] = self.max_length
        return self._doc(schema)


@dataclass
class Int(Spec):
    """A whole number between ``minimum`` and ``maximum``."""

    description: str = ""
    minimum: int = 0
    maximum: int = 1_000_000

    def validate(self, node: yaml.Node, ctx: Context) -> Any:
        scalar = _scalar(node, ctx, "a whole number")
        if scalar is None:
            return INVALID
        if scalar.tag != _INT_TAG or scalar.style in ("'", '"'):
            ctx.error(node, f"expected a whole number, found {describe_node(node)}")
            return INVALID
        try:
            value = int(str(scalar.value).replace("_", ""), 0)
        except ValueError:
            ctx.error(node, f"expected a whole number, found {describe_node(node)}")
            return INVALID
        if not self.minimum <= value <= self.maximum:
            ctx.error(node, f"{value} is out of range: use a number from {self.minimum} to "
                            f"{self.maximum}")
            return INVALID
        return value

    def json_schema(self) -> dict[str, Any]:
        return self._doc({"type": "integer", "minimum": self.minimum, "maximum": self.maximum})


@dataclass
class Bool(Spec):
    """``true`` or ``false``."""

    description: str = ""

    def validate(self, node: yaml.Node, ctx: Context) -> Any:
        scalar = _scalar(node, ctx, "true or false")
        if scalar is None:
            return INVALID
        text = str(scalar.value).lower()
        if scalar.tag == _BOOL_TAG and text in ("true", "false"):
            return text == "true"
        ctx.error(node, f"expected true or false, found {describe_node(node)}")
        return INVALID

    def json_schema(self) -> dict[str, Any]:
        return self._doc({"type": "boolean"})


@dataclass
class Null(Spec):
    """``null`` (written ``null`` or ``~``): "nothing here"."""

    description: str = ""

    def validate(self, node: yaml.Node, ctx: Context) -> Any:
        if isinstance(node, yaml.ScalarNode) and node.tag == _NULL_TAG:
            return None
        ctx.error(node, f"expected null, found {describe_node(node)}")
        return INVALID

    def json_schema(self) -> dict[str, Any]:
        return self._doc({"type": "null"})


@dataclass
class Bilingual(Spec):
    """Text in both languages: a mapping with ``zh`` (Chinese) and ``en`` (English)."""

    description: str = ""
    max_length: int = 2_000

    def validate(self, node: yaml.Node, ctx: Context) -> Any:
        if not isinstance(node, yaml.MappingNode):
            ctx.error(node, f"expected text in both languages (zh: and en:), found "
                            f"{describe_node(node)}")
            return INVALID
        found: dict[str, str] = {}
        ok = True
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key not in ("zh", "en"):
                ctx.error(key_node, f'unknown key "{key}"{did_you_mean(key, ("zh", "en"))}; '
                                    "text takes zh: (Chinese) and en: (English)")
                ok = False
                continue
            value = Str(max_length=self.max_length).validate(value_node, ctx)
            if value is INVALID:
                ok = False
            else:
                found[key] = value.strip()
        for key, name in (("zh", "Chinese"), ("en", "English")):
            if key not in found and ok:
                ctx.error(node, f"missing the {name} text: add {key}: to this text")
                ok = False
        return Text(found["zh"], found["en"]) if ok else INVALID

    def json_schema(self) -> dict[str, Any]:
        text = {"type": "string", "minLength": 1, "maxLength": self.max_length}
        return self._doc({
            "type": "object",
            "properties": {"zh": {**text, "description": "Chinese"},
                           "en": {**text, "description": "English"}},
            "required": ["zh", "en"],
            "additionalProperties": False,
        })


@dataclass
class ListOf(Spec):
    """A list whose items all follow ``item``."""

    item: Spec
    description: str = ""
    min_items: int = 0
    max_items: int = 1_000

    def validate(self, node: yaml.Node, ctx: Context) -> Any:
        if not isinstance(node, yaml.SequenceNode):
            ctx.error(node, f"expected a list, found {describe_node(node)}")
            return INVALID
        if not self.min_items <= len(node.value) <= self.max_items:
            ctx.error(node, f"this list has {len(node.value)} items; it needs "
                            f"{self.min_items} to {self.max_items}")
            return INVALID
        values = [self.item.validate(child, ctx) for child in node.value]
        return INVALID if any(v is INVALID for v in values) else values

    def json_schema(self) -> dict[str, Any]:
        return self._doc({"type": "array", "items": self.item.json_schema(),
                          "minItems": self.min_items, "maxItems": self.max_items})


@dataclass
class Entry:
    """The validated value of one mapping entry, with the nodes of its key and value."""

    key: str
    value: Any
    key_node: yaml.Node
    node: yaml.Node


@dataclass
class DictOf(Spec):
    """A mapping from author-chosen keys (checked by ``key``) to values following ``value``."""

    key: Str
    value: Spec
    description: str = ""

    def validate(self, node: yaml.Node, ctx: Context) -> Any:
        if not isinstance(node, yaml.MappingNode):
            ctx.error(node, f"expected a mapping of keys, found {describe_node(node)}")
            return INVALID
        entries: list[Entry] = []
        ok = True
        for key_node, value_node in node.value:
            key = self.key.validate(key_node, ctx)
            value = self.value.validate(value_node, ctx)
            if key is INVALID or value is INVALID:
                ok = False
            else:
                entries.append(Entry(key, value, key_node, value_node))
        return entries if ok else INVALID

    def json_schema(self) -> dict[str, Any]:
        return self._doc({"type": "object", "propertyNames": self.key.json_schema(),
                          "additionalProperties": self.value.json_schema()})


@dataclass
class Field:
    """One key of an :class:`Obj`: its spec, whether it is required, and its default."""

    spec: Spec
    required: bool = True
    default: Any = None


@dataclass
class Record:
    """A validated mapping: values by key, and the nodes to point at when a later check fails."""

    values: dict[str, Any]
    nodes: dict[str, yaml.Node]
    node: yaml.Node
    ok: bool = True

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def at(self, key: str) -> yaml.Node:
        """The node of ``key``'s value, or of the whole mapping when the key is absent."""
        return self.nodes.get(key, self.node)


@dataclass
class Obj(Spec):
    """A mapping with a fixed set of keys; unknown keys get a did-you-mean."""

    fields: dict[str, Field]
    description: str = ""
    what: str = "this"
    check: Callable[[Record, Context], None] | None = None

    def validate(self, node: yaml.Node, ctx: Context) -> Any:
        record = self.validate_partial(node, ctx)
        return record if record is not INVALID and record.ok else INVALID

    def validate_partial(self, node: yaml.Node, ctx: Context) -> Any:
        """Like :meth:`validate`, but keep the valid keys of a mapping with some bad ones.

        The result's ``ok`` is False when any key failed; its bad values are
        :data:`INVALID`. Top-level loaders use it to find every problem in one pass.
        """
        if not isinstance(node, yaml.MappingNode):
            ctx.error(node, f"expected a mapping of keys ({', '.join(self._required())}...), "
                            f"found {describe_node(node)}")
            return INVALID
        values: dict[str, Any] = {}
        nodes: dict[str, yaml.Node] = {}
        ok = True
        for key_node, value_node in node.value:
            key = str(key_node.value)
            spec = self.fields.get(key)
            if spec is None:
                hint = did_you_mean(key, self.fields)
                known = "" if hint else f"; {self.what} takes: {', '.join(self.fields)}"
                ctx.error(key_node, f'unknown key "{key}"{hint}{known}')
                ok = False
                continue
            nodes[key] = value_node
            value = spec.spec.validate(value_node, ctx)
            if value is INVALID:
                ok = False
            values[key] = value
        for key, spec in self.fields.items():
            if key not in values:
                if spec.required:
                    ctx.error(node, f'missing key "{key}" in {self.what}')
                    ok = False
                    values[key] = INVALID
                else:
                    values[key] = spec.default
        if not ok:
            return Record(values, nodes, node, ok=False)
        record = Record(values, nodes, node)
        if self.check is not None:
            before = len(ctx.problems)
            self.check(record, ctx)
            if len(ctx.problems) > before:
                record.ok = False
        return record

    def _required(self) -> list[str]:
        return [f"{key}:" for key, spec in self.fields.items() if spec.required][:3]

    def json_schema(self) -> dict[str, Any]:
        return self._doc({
            "type": "object",
            "properties": {key: spec.spec.json_schema() for key, spec in self.fields.items()},
            "required": [key for key, spec in self.fields.items() if spec.required],
            "additionalProperties": False,
        })


@dataclass
class AnyOf(Spec):
    """A value accepted in one of several forms; ``pick`` chooses the spec from the node."""

    options: tuple[Spec, ...]
    pick: Callable[[yaml.Node], Spec]
    description: str = ""

    def validate(self, node: yaml.Node, ctx: Context) -> Any:
        return self.pick(node).validate(node, ctx)

    def json_schema(self) -> dict[str, Any]:
        return self._doc({"anyOf": [option.json_schema() for option in self.options]})
