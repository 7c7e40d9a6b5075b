"""The JSON Schema of levels/: every shipped file satisfies it, it never goes stale, it bites.

``python main.py schema`` prints it; ``levels/schema.json`` ships it for editors.
"""

from __future__ import annotations

import json
import textwrap
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from game.check.runner import YAML_SUFFIXES, kind_of
from game.cli import main
from game.content.errors import ContentError
from game.content.jsonschema_export import KINDS, full_schema
from game.content.levels import build_level
from game.content.quiz import build_quiz
from game.content.yamlsafe import load_yaml_bytes

REPO = Path(__file__).resolve().parent.parent
LEVELS = REPO / "levels"
SHIPPED_SCHEMA = LEVELS / "schema.json"
SHIPPED = sorted(p for p in LEVELS.rglob("*") if p.suffix in YAML_SUFFIXES)
REGENERATE = "run: python main.py schema --write levels/schema.json"


class _KeysAsText(yaml.SafeLoader):
    """``yaml.safe_load``, except that keys stay the text they are written as.

    PyYAML reads the key ``on:`` (a patrol's ground) as the boolean True, as YAML 1.1
    says; the game's loader and YAML 1.2 (editors) read it as the text "on", and JSON
    keys are always text. Values are read exactly as ``yaml.safe_load`` reads them.
    """


def _mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    return {str(key.value) if isinstance(key, yaml.ScalarNode)
            else loader.construct_object(key, deep=True): loader.construct_object(value, deep=True)
            for key, value in node.value}


_KeysAsText.add_constructor("tag:yaml.org,2002:map", _mapping)


def load(text: str) -> Any:
    """A YAML document as JSON Schema sees it (and as an editor's YAML extension does)."""
    return yaml.load(text, Loader=_KeysAsText)  # a SafeLoader subclass: safe


def shown(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


@cache
def validator(kind: str | None = None) -> Draft202012Validator:
    """The whole schema, or the schema with only ``kind``'s definition allowed (built once
    per test process: building the schema costs ten times more than validating a file)."""
    schema = full_schema()
    if kind is not None:
        schema["anyOf"] = [{"$ref": f"#/$defs/{kind}"}]
    return Draft202012Validator(schema)


def errors(document: Any, kind: str | None = None) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}"
            for e in validator(kind).iter_errors(document)]


def test_there_are_shipped_files_of_every_kind() -> None:
    assert {kind_of(path) for path in SHIPPED} == set(KINDS)


@pytest.mark.parametrize("path", SHIPPED, ids=shown)
def test_every_shipped_file_satisfies_the_schema(path: Path) -> None:
    document = load(path.read_text(encoding="utf-8"))
    assert errors(document) == []
    assert errors(document, kind_of(path)) == [], f"{shown(path)} is not a {kind_of(path)}"


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = full_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] and schema["title"]
    assert set(schema["$defs"]) == set(KINDS)


def test_the_shipped_schema_is_up_to_date() -> None:
    assert SHIPPED_SCHEMA.exists(), f"levels/schema.json is missing: {REGENERATE}"
    shipped = json.loads(SHIPPED_SCHEMA.read_text(encoding="utf-8"))
    assert shipped == full_schema(), f"levels/schema.json is out of date: {REGENERATE}"


@pytest.mark.parametrize("path", SHIPPED, ids=shown)
def test_every_shipped_file_names_the_schema_on_its_first_line(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix), f"{shown(path)}: the first line must be {prefix}..."
    target = (path.parent / first.removeprefix(prefix).strip()).resolve()
    assert target == SHIPPED_SCHEMA.resolve(), f"{shown(path)} points at {target}"


def test_python_main_py_schema_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == full_schema()


def test_schema_write_writes_the_file(tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "schema.json"
    assert main(["schema", "--write", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8")) == full_schema()
    assert target.read_text(encoding="utf-8") == SHIPPED_SCHEMA.read_text(encoding="utf-8")
    assert main(["schema", "--write", str(tmp_path / "missing" / "schema.json")]) == 1
    assert "cannot write" in capsys.readouterr().err


# ------------------------------------------------------------------- what it rejects

LEVEL = """\
id: test-1
chapter: test
title: {zh: 测试, en: Test}
map: |
  ^^^^^^
  ^S..G^
  ^^^^^^
troops: 10
turns: 10
"""

QUIZ = """\
chapter: test
draw: 1
questions:
  - id: q1
    type: single
    prompt: {zh: 问题, en: Question}
    options:
      - {zh: 甲, en: A}
      - {zh: 乙, en: B}
    answer: B
    explanation: {zh: 解释, en: Because.}
    source: F1
"""


def test_the_examples_are_valid() -> None:
    assert errors(load(LEVEL), "level") == []
    assert errors(load(QUIZ), "quiz") == []


@pytest.mark.parametrize(("kind", "text", "why"), [
    ("level", LEVEL + "trops: 5\n", "an unknown key in a level"),
    ("level", LEVEL.replace("map: |\n  ^^^^^^\n  ^S..G^\n  ^^^^^^\n", ""), "no map"),
    ("level", LEVEL.replace("troops: 10", "troops: '10'"), "troops as text"),
    ("level", LEVEL.replace("turns: 10", "turns: 0"), "turns out of range"),
    ("level", LEVEL.replace("id: test-1", "id: Test 1"), "a bad id"),
    ("level", LEVEL.replace("en: Test}", "en: Test, fr: Essai}"), "a third language"),
    ("level", LEVEL.replace("{zh: 测试, en: Test}", "{zh: 测试}"), "no English"),
    ("level", LEVEL.replace("{zh: 测试, en: Test}", "{zh: '  ', en: Test}"), "blank text"),
    ("level", LEVEL + "legend:\n  x: lava\n", "an unknown terrain"),
    ("level", LEVEL + "legend:\n  x: hills + start\n", "the start on hills"),
    ("level", LEVEL + "legend:\n  xy: plain\n", "a legend key of two characters"),
    ("level", LEVEL + "patrols:\n  T:\n    route: LR\n", "a patrol on the forest's character"),
    ("level", LEVEL + "patrols:\n  A:\n    route: LX\n", "a bad route"),
    ("quiz", QUIZ.replace("answer: B", "answer: 2"), "an answer that is a number"),
    ("quiz", QUIZ.replace("answer: B", "answer: [A, 2]"), "a number in an answer list"),
    ("quiz", QUIZ.replace("answer: B", "answer: [A, Z]"), "a letter past H"),
    ("quiz", QUIZ.replace("type: single", "type: truefalse"), "options on a truefalse"),
    ("quiz", QUIZ.replace("type: single", "type: choice"), "an unknown type"),
    ("quiz", QUIZ.replace("    options:\n      - {zh: 甲, en: A}\n      - {zh: 乙, en: B}\n", ""),
     "a single question without options"),
    ("quiz", QUIZ.replace("draw: 1", "draw: 1.5"), "draw not a whole number"),
])
def test_broken_documents_are_rejected(kind: str, text: str, why: str) -> None:
    document = load(text)
    assert document != load(LEVEL if kind == "level" else QUIZ), why
    assert errors(document), f"the schema accepts {why}"


# ------------------------------------------------- true to the loader: what it accepts


def loads(kind: str, text: str) -> bool:
    node = load_yaml_bytes(text.encode(), f"test.{kind}.yaml")
    try:
        if kind == "level":
            build_level(node, "test.yaml", text.splitlines())
        else:
            build_quiz(node, "test.yaml")
    except ContentError:
        return False
    return True


ANSWER = "    answer: B\n"
TRUEFALSE = textwrap.indent(textwrap.dedent("""\
    - id: q2
      type: truefalse
      prompt: {zh: 对吗, en: Is it so}
      answer: ANSWER
      explanation: {zh: 解释, en: Because.}
      source: F1
"""), "  ")


@pytest.mark.parametrize(("kind", "text"), [
    ("level", LEVEL.replace("en: Test}", "en: 1935}")),          # text that YAML reads as a number
    ("level", LEVEL.replace("id: test-1", "id: '1935'")),
    ("level", LEVEL.replace("id: test-1", "id: 1935")),
    ("level", LEVEL + "legend:\n  x: 'bank+goal'\n"),
    ("level", LEVEL + "legend:\n  '1': '  road  +  ally '\n"),
    ("level", LEVEL.replace("^S..G^\n", "^S.AG^\n") + "patrols:\n  A:\n    route: '.'\n"),
    ("quiz", QUIZ.replace(ANSWER, "    answer: b\n")),
    ("quiz", QUIZ.replace(ANSWER, "    answer: [B]\n")),
    ("quiz", QUIZ.replace("single", "multiple").replace(ANSWER, "    answer: [b, A]\n")),
    ("quiz", QUIZ.replace("source: F1", "source: 1935")),
    ("quiz", QUIZ + TRUEFALSE.replace("ANSWER", "true")),
    ("quiz", QUIZ + TRUEFALSE.replace("ANSWER", "no")),
    ("quiz", QUIZ + TRUEFALSE.replace("ANSWER", "错误")),
])
def test_what_the_loader_accepts_satisfies_the_schema(kind: str, text: str) -> None:
    assert loads(kind, text), "the example should be valid content"
    assert errors(load(text), kind) == []
