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

from game.content.errors import MAX_PROBLEMS, Problem, did_you_mean, excerpt, number_text
from game.i18n import Text

_BOOL_TAG = "tag:yaml.org,2002:bool"
_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_NULL_TAG = "tag:yaml.org,2002:null"


#: Plain scalars a YAML 1.1 reader turns into numbers or booleans (see :meth:`Str._retyped_types`).
_RETYPED_SAMPLES = ("0", "7", "10", "-1", "1.5", "-1.5", "true", "false", "yes", "no", "on",
                    "off", "True", "Yes", "No")
_JSON_TYPES: dict[type, str] = {bool: "boolean", int: "integer", float: "number"}


def _yaml_value(text: str) -> Any:
    """What a YAML 1.1 reader (PyYAML, and so a JSON Schema check of the file) makes of text."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return text


def _not_blank(min_length: int) -> str:
    """A regex (searched, not anchored) for text with ``min_length`` characters once stripped."""
    if min_length <= 1:
        return r"\S"
    return rf"\S[\s\S]{{{min_length - 2},}}\S"


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

    @property
    def crowded(self) -> bool:
        """True once more problems are recorded than will be listed: skip costly hints."""
        return len(self.problems) >= MAX_PROBLEMS


def describe_node(node: yaml.Node) -> str:
    """How a node looks to an author: ``a list``, ``a mapping``, or the quoted text."""
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.MappingNode):
        return "a mapping of keys"
    if node.tag == _NULL_TAG:
        return "nothing"
    return f'"{excerpt(node.value)}"'


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


#: Words YAML 1.1 reads as true/false when they are not in quotes.
YAML_BOOL_WORDS = ("yes", "no", "on", "off")


def yaml_word_hint(node: yaml.Node, fix: str) -> str:
    """``'; YAML reads ...'`` when ``node`` is an unquoted yes/no/on/off, else ``''``.

    ``fix`` says what to write instead, e.g. ``"write true or false"``.
    """
    if (isinstance(node, yaml.ScalarNode) and not node.style
            and str(node.value).lower() in YAML_BOOL_WORDS):
        return f"; YAML reads an unquoted yes/no/on/off as true/false, so {fix}"
    return ""


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
            ctx.error(node, f"this text is {len(text):,} characters; the limit is "
                            f"{self.max_length:,}")
            return INVALID
        if self.choices and text not in self.choices:
            options = ", ".join(self.choices)
            ctx.error(node, f'"{excerpt(text)}" is not one of: {options}'
                            f"{did_you_mean(text, self.choices)}")
            return INVALID
        if self.pattern and not re.fullmatch(self.pattern, text):
            ctx.error(node, f'"{excerpt(text)}" {self.pattern_hint or "has the wrong form"}')
            return INVALID
        return text

    def json_schema(self) -> dict[str, Any]:
        if self.choices:
            # Only the choices validate would pass; one YAML retypes (none today) also as
            # the value a YAML tool sees.
            values: list[Any] = [c for c in self.choices if self._fits(c)]
            values += [v for v in map(_yaml_value, values) if not isinstance(v, str)]
            return self._doc({"enum": values})
        retyped = self._retyped_types()
        schema: dict[str, Any] = {"type": ["string", *retyped] if retyped else "string"}
        if self.min_length > 0:
            schema["minLength"] = self.min_length
        schema["maxLength"] = self.max_length
        if self.pattern:
            schema["pattern"] = f"^(?:{self.pattern})$"
            blank = any(re.fullmatch(self.pattern, text) for text in (" ", "  ", "\t", "\n"))
            if self.min_length > 1 or (self.min_length == 1 and blank):
                schema["allOf"] = [{"pattern": _not_blank(self.min_length)}]
        elif self.min_length > 0:
            schema["pattern"] = _not_blank(self.min_length)
        return self._doc(schema)

    def key_schema(self) -> dict[str, Any]:
        """This spec for mapping keys, which are always text in JSON."""
        schema = self.json_schema()
        if isinstance(schema.get("type"), list):
            schema["type"] = "string"
        if "enum" in schema:
            schema["enum"] = [v for v in schema["enum"] if isinstance(v, str)]
        return schema

    def _retyped_types(self) -> list[str]:
        """JSON types of plain scalars YAML reads as numbers or booleans that this spec accepts.

        The loader reads every scalar's text, so ``zh: 1935`` or ``id: 7`` is text to it,
        while a YAML tool (and so the JSON Schema) sees a number: accept those too.
        """
        found = {_JSON_TYPES.get(type(_yaml_value(s))) for s in _RETYPED_SAMPLES if self._fits(s)}
        if "number" in found:
            found.discard("integer")  # every integer is a number
        return [kind for kind in _JSON_TYPES.values() if kind in found]

    def _fits(self, text: str) -> bool:
        """Whether :meth:`validate` accepts ``text`` (written as a plain scalar)."""
        return (len(text.strip()) >= self.min_length and len(text) <= self.max_length
                and (not self.choices or text in self.choices)
                and (not self.pattern or re.fullmatch(self.pattern, text) is not None))


#: More digits than this can only be out of range for any :class:`Int`; such a number is
#: never converted (Python's ``int()`` is quadratic on long text and refuses 4,300 digits).
_MAX_DIGITS = 30
_HUGE: int = int("1" + "0" * _MAX_DIGITS)
_WHOLE = re.compile(r"[+-]?(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|[1-9][0-9]*|0+)")


def _whole_number(text: str) -> int | None:
    """The integer ``text`` stands for (``12``, ``-3``, ``0x1F``, ``0b101``, ``1_000``),
    bounded: a number of more than :data:`_MAX_DIGITS` digits is never converted and
    comes back as ±10**_MAX_DIGITS, out of every range. None if it is not a whole number."""
    body = text.replace("_", "").strip()
    if _WHOLE.fullmatch(body) is None:
        return None
    sign = -1 if body.startswith("-") else 1
    body = body.lstrip("+-")
    base = {"x": 16, "o": 8, "b": 2}.get(body[1:2].lower(), 10)
    digits = (body[2:] if base != 10 else body).lstrip("0") or "0"
    if len(digits) > _MAX_DIGITS:
        return sign * _HUGE
    return sign * int(digits, base)


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
            ctx.error(node, f"expected a whole number, found {describe_node(node)}"
                            f"{yaml_word_hint(node, 'write a number here')}")
            return INVALID
        value = _whole_number(str(scalar.value))
        if value is None:
            ctx.error(node, f"expected a whole number, found {describe_node(node)}")
            return INVALID
        if not self.minimum <= value <= self.maximum:
            shown = (f"this number (more than {_MAX_DIGITS} digits)"
                     if abs(value) >= _HUGE else number_text(value))
            ctx.error(node, f"{shown} is out of range: use a number from "
                            f"{self.minimum} to {self.maximum}")
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
        ctx.error(node, f"expected true or false, found {describe_node(node)}"
                        f"{yaml_word_hint(node, 'write true or false')}")
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
                ctx.error(key_node, f'unknown key "{excerpt(key)}"'
                                    f'{did_you_mean(key, ("zh", "en"))}; '
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
        # Each text is read as a Str: written plainly, ``en: 1935`` is text to the loader.
        return self._doc({
            "type": "object",
            "properties": {"zh": Str("Chinese", max_length=self.max_length).json_schema(),
                           "en": Str("English", max_length=self.max_length).json_schema()},
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
        return self._doc({"type": "object", "propertyNames": self.key.key_schema(),
                          "additionalProperties": self.value.json_schema()})


@dataclass
class Field:
    """One key of an :class:`Obj`: its spec, whether it is required, and its default."""

    spec: Spec
    required: bool = True
    default: Any = None

    def json_schema(self) -> dict[str, Any]:
        """The spec's schema, with the default shown to editors when it is plain JSON."""
        schema = self.spec.json_schema()
        if not self.required and isinstance(self.default, (str, int)):  # bool is an int
            schema["default"] = self.default
        return schema


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
                hint = "" if ctx.crowded else did_you_mean(key, self.fields)
                known = "" if hint else f"; {self.what} takes: {', '.join(self.fields)}"
                ctx.error(key_node, f'unknown key "{excerpt(key)}"{hint}{known}')
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
            "properties": {key: spec.json_schema() for key, spec in self.fields.items()},
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
