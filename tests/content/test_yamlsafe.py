"""Tests for game.content.yamlsafe: every bad YAML file becomes one ContentError with lines."""

from __future__ import annotations

import os
import pathlib
import random
import sys
import time
from collections.abc import Iterator

import pytest
import yaml

# tests/ has no __init__.py, so make the project root importable when run as `pytest <file>`.
_ROOT = str(pathlib.Path(__file__).resolve().parents[2])
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

from game.content import yamlsafe  # noqa: E402
from game.content.errors import ContentError, Problem  # noqa: E402
from game.content.yamlsafe import (  # noqa: E402
    MAX_BYTES,
    MAX_DEPTH,
    load_yaml_bytes,
    load_yaml_file,
    mark_of,
)

LOADERS = [pytest.param(yaml.SafeLoader, id="python")]
if yaml.__with_libyaml__:
    LOADERS.insert(0, pytest.param(yaml.CSafeLoader, id="libyaml"))

ANCHOR = "anchors (&name) and aliases (*name) are not allowed"
TAB = "a tab is used for indentation; YAML needs spaces"
DEEP = "nested too deeply"

VALID = """\
title: 长征 · 第一关
map:
  size: [8, 6]
units:
  - name: 红军
    ready: no
    night: on
    time: 1:30
"""


@pytest.fixture(params=LOADERS)
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[type]:
    """Run the test once with libyaml (when installed) and once with the pure-Python parser."""
    monkeypatch.setattr(yamlsafe, "_LOADER", request.param)
    yield request.param


def problems_of(text: str | bytes, **limits: int) -> list[Problem]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    with pytest.raises(ContentError) as info:
        load_yaml_bytes(data, "lvl.yaml", **limits)
    assert all(p.path == "lvl.yaml" for p in info.value.problems)
    return list(info.value.problems)


def only_problem(text: str | bytes, **limits: int) -> Problem:
    problems = problems_of(text, **limits)
    assert len(problems) == 1, problems
    return problems[0]


def child(node: yaml.Node, key: str) -> yaml.Node:
    assert isinstance(node, yaml.MappingNode)
    for k, v in node.value:
        if k.value == key:
            return v  # type: ignore[no-any-return]
    raise KeyError(key)


# ------------------------------------------------------------------ valid files


def test_constants() -> None:
    assert MAX_BYTES == 1_000_000
    assert MAX_DEPTH == 32


def test_valid_document_gives_nodes_with_lines(loader: type) -> None:
    root = load_yaml_bytes(VALID.encode(), "lvl.yaml")
    assert isinstance(root, yaml.MappingNode)
    assert mark_of(root) == (1, 1)
    assert mark_of(child(root, "title")) == (1, 8)
    size = child(child(root, "map"), "size")
    assert isinstance(size, yaml.SequenceNode)
    assert mark_of(size) == (3, 9)
    assert mark_of(size.value[1]) == (3, 13)
    unit = child(root, "units").value[0]
    assert mark_of(unit) == (5, 5)
    assert mark_of(child(unit, "time")) == (8, 11)


def test_yaml_1_1_retyping_keeps_original_text(loader: type) -> None:
    unit = child(load_yaml_bytes(VALID.encode(), "lvl.yaml"), "units").value[0]
    ready, night, time_ = child(unit, "ready"), child(unit, "night"), child(unit, "time")
    assert (ready.value, night.value, time_.value) == ("no", "on", "1:30")
    # PyYAML did retype them (bool, bool, sexagesimal int); only the text is trustworthy.
    assert ready.tag == night.tag == "tag:yaml.org,2002:bool"
    assert time_.tag == "tag:yaml.org,2002:int"


def test_bom_is_stripped(loader: type) -> None:
    root = load_yaml_bytes(b"\xef\xbb\xbftitle: x\nn: 2\n", "lvl.yaml")
    assert isinstance(root, yaml.MappingNode)
    assert root.value[0][0].value == "title"
    assert mark_of(root.value[1][0]) == (2, 1)


def test_tab_inside_block_text_is_fine(loader: type) -> None:
    root = load_yaml_bytes(b"poem: |\n  line\n  \tindented line\nb: 1\n", "lvl.yaml")
    assert child(root, "poem").value == "line\n\tindented line\n"


def test_plain_core_tags_are_allowed(loader: type) -> None:
    root = load_yaml_bytes(b"a: !!str no\nb: !!int 3\nc: !!map {}\nd: !!seq []\n", "lvl.yaml")
    assert child(root, "a").tag == "tag:yaml.org,2002:str"
    assert child(root, "a").value == "no"


def test_nesting_up_to_the_limit_is_fine(loader: type) -> None:
    root = load_yaml_bytes(b"[" * 4 + b"]" * 4, "lvl.yaml", max_depth=4)
    assert isinstance(root, yaml.SequenceNode)


# ------------------------------------------------------------------ bytes and encoding


def test_size_cap_is_checked_before_parsing() -> None:
    problem = only_problem(b"a: [unclosed\n", max_bytes=5)
    assert (problem.line, problem.column) == (0, 0)
    assert problem.message == "the file is 13 bytes; game files may be at most 5 bytes"
    assert "1,000,000 bytes" in only_problem(b"x" * 1_000_001).message
    assert "2,345,678" in only_problem(b"x" * 2_345_678).message


def test_binary_file() -> None:
    problem = only_problem(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert problem.line == 0
    assert "not a text file" in problem.message
    assert "UTF-8" in problem.message


def test_utf16_file() -> None:
    assert "UTF-16" in only_problem("a: 1\n".encode("utf-16")).message


def test_latin1_reports_line_and_column_of_bad_byte() -> None:
    problem = only_problem("title: ok\nname: café\n".encode("latin-1"))
    assert (problem.line, problem.column) == (2, 10)
    assert "not valid UTF-8 at byte 19" in problem.message
    assert "save the file as UTF-8" in problem.message


def test_bad_utf8_column_counts_characters_after_bom() -> None:
    problem = only_problem(b"\xef\xbb\xbfa: 1\n" + "标题: 长".encode() + b"\xff\n")
    assert (problem.line, problem.column) == (2, 6)
    assert "byte 19 " in problem.message  # 0-based offset in the file as saved, BOM included


def test_control_characters_are_reported_with_lines(loader: type) -> None:
    problems = problems_of("a: b\x0bc\n标题: 长\n征\x07\n")
    assert [(p.line, p.column) for p in problems] == [(1, 5), (3, 2)]
    assert "U+000B" in problems[0].message
    assert "U+0007" in problems[1].message


@pytest.mark.parametrize(
    "text", ["", "\n\n", "# only a comment\n   # another\n", "\ufeff", "---\n"]
)
def test_empty_file(loader: type, text: str) -> None:
    problem = only_problem(text)
    assert problem.message == "the file is empty"
    assert problem.line == 0


# ------------------------------------------------------------------ tabs


def test_every_tab_line_is_reported_without_pyyaml_noise(loader: type) -> None:
    problems = problems_of("a:\n\tb: 1\n\tc: 2\nd:\n  \te: 3\n")
    assert [(p.line, p.column, p.message) for p in problems] == [
        (2, 1, TAB),
        (3, 1, TAB),
        (5, 3, TAB),
    ]


def test_tab_on_blank_line_after_block_text(loader: type) -> None:
    problem = only_problem("a: |\n  x\n\t\nb: 1\n")
    assert (problem.line, problem.column, problem.message) == (3, 1, TAB)


def test_two_duplicates_and_a_tab_come_out_together(loader: type) -> None:
    text = "title: a\nsize: 3\n\tname: x\ntitle: b\nsize: 4\n"
    problems = problems_of(text)
    assert [(p.line, p.column) for p in problems] == [(3, 1), (4, 1), (5, 1)]
    assert problems[0].message == TAB
    assert problems[1].message == 'the key "title" appears twice (lines 1 and 4); keep one'
    assert problems[2].message == 'the key "size" appears twice (lines 2 and 5); keep one'


# ------------------------------------------------------------------ anchors, tags, depth


def billion_laughs() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{','.join(['*' + prev] * 9)}]")
    return "\n".join(lines) + "\n"


def test_billion_laughs_is_refused_quickly(loader: type) -> None:
    text = billion_laughs()
    assert len(text) < 400
    start = time.process_time()  # CPU time: a busy machine does not make it fail
    problems = problems_of(text)
    assert time.process_time() - start < 0.5
    assert (problems[0].line, problems[0].column) == (1, 4)
    assert all(ANCHOR in p.message for p in problems)
    assert len(problems) == 9 + 8 * 9  # every anchor and alias, each at its place


def test_merge_key_alias_is_refused(loader: type) -> None:
    problems = problems_of("base: &b {hp: 3}\nunit:\n  <<: *b\n  name: x\n")
    assert [(p.line, p.column) for p in problems] == [(1, 7), (3, 7)]
    assert all(ANCHOR in p.message for p in problems)


def test_too_many_problems_are_capped(loader: type) -> None:
    problems = problems_of("a: &x 1\nb: [" + ", ".join(["*x"] * 300) + "]\n")
    assert len(problems) == 100
    assert "301 problems" in problems[0].message


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ('!!python/object/apply:os.system ["echo hi"]\n', "!!python/object/apply:os.system"),
        ("a: !!python/name:os.system x\n", "!!python/name:os.system"),
        ("a: !local x\n", "!local"),
        ("a: !!binary aGk=\n", "!!binary"),
        ("a: !!set {x}\n", "!!set"),
    ],
)
def test_tags_are_refused(loader: type, text: str, shown: str) -> None:
    problem = only_problem(text)
    assert problem.line == 1
    assert f"YAML tags such as {shown} are not allowed" in problem.message


def test_flow_nesting_bomb(loader: type) -> None:
    problem = only_problem("[" * 10000)
    assert (problem.line, problem.column) == (1, MAX_DEPTH + 1)
    assert DEEP in problem.message


def test_block_nesting_200_deep(loader: type) -> None:
    text = "".join("  " * i + "k:\n" for i in range(200)) + "  " * 200 + "v\n"
    problem = only_problem(text)
    assert (problem.line, problem.column) == (MAX_DEPTH + 1, 2 * MAX_DEPTH + 1)
    assert DEEP in problem.message


def test_pure_python_composer_would_overflow_without_the_guard(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(yamlsafe, "_LOADER", yaml.SafeLoader)
    text = "[" * 600 + "]" * 600
    with pytest.raises(RecursionError):
        yaml.compose(text, Loader=yaml.SafeLoader)
    problem = only_problem(text, max_depth=1000)  # guard set too high: still no RecursionError
    assert DEEP in problem.message


def test_more_than_one_document(loader: type) -> None:
    problem = only_problem("a: 1\n---\nb: 2\n")
    assert (problem.line, problem.column) == (2, 1)
    assert "only one YAML document" in problem.message


# ------------------------------------------------------------------ duplicates


def test_every_duplicate_key_is_reported(loader: type) -> None:
    text = "title: a\nunits:\n  - name: x\n    hp: 1\n    name: y\ntitle: b\n"
    problems = problems_of(text)
    assert [(p.line, p.column, p.message) for p in problems] == [
        (5, 5, 'the key "name" appears twice (lines 3 and 5); keep one'),
        (6, 1, 'the key "title" appears twice (lines 1 and 6); keep one'),
    ]


def test_duplicate_keys_compare_text(loader: type) -> None:
    problem = only_problem('{1: a, "1": b}\n')
    assert (problem.line, problem.column) == (1, 8)
    assert 'the key "1" appears twice on line 1' in problem.message


# ------------------------------------------------------------------ syntax errors


@pytest.mark.parametrize(
    ("text", "line", "column", "hint"),
    [
        ("title: Note: read this\n", 1, 12, "put the whole text in quotes"),
        ('a: "open\nb: 2\n', 3, 1, "a quote is not closed (it opens on line 1)"),
        ("a: 1\nb\nc: 2\n", 3, 1, "a line is missing ':' or its indentation is off"),
        ("a:\n  b: 1\n c: 2\n", 3, 2, "check the indentation of this line and the one above"),
        ("a: [1, 2\n", 2, 1, "a bracket [ or { is not closed"),
        ("a: *bold* text\n", 1, 9, "starts with *, & or ! must be put in quotes"),
        ("a: @home\n", 1, 4, "must be put in quotes"),
    ],
)
def test_syntax_errors_get_a_line_and_a_hint(
    loader: type, text: str, line: int, column: int, hint: str
) -> None:
    problem = only_problem(text)
    assert (problem.line, problem.column) == (line, column)
    assert hint in problem.message


# ------------------------------------------------------------------ files


def test_load_file(tmp_path: pathlib.Path) -> None:
    file = tmp_path / "level1.yaml"
    file.write_bytes(VALID.encode())
    assert isinstance(load_yaml_file(file), yaml.MappingNode)


def test_file_problems_use_display_path(tmp_path: pathlib.Path) -> None:
    file = tmp_path / "level1.yaml"
    file.write_bytes(b"a: 1\na: 2\n")
    with pytest.raises(ContentError) as info:
        load_yaml_file(file, "levels/level1.yaml")
    assert str(info.value) == (
        'levels/level1.yaml:2:1: the key "a" appears twice (lines 1 and 2); keep one'
    )
    with pytest.raises(ContentError) as info:
        load_yaml_file(file)
    assert info.value.problems[0].path == str(file)


def test_missing_file_and_folder(tmp_path: pathlib.Path) -> None:
    for target in (tmp_path / "nope.yaml", tmp_path):
        with pytest.raises(ContentError) as info:
            load_yaml_file(target, "x.yaml")
        (problem,) = info.value.problems
        assert (problem.path, problem.line) == ("x.yaml", 0)
        assert problem.message.startswith("cannot read the file: ")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file(tmp_path: pathlib.Path) -> None:
    file = tmp_path / "secret.yaml"
    file.write_bytes(b"a: 1\n")
    file.chmod(0)
    with pytest.raises(ContentError) as info:
        load_yaml_file(file)
    assert "permission denied" in info.value.problems[0].message


def test_big_file_is_refused_without_reading(tmp_path: pathlib.Path) -> None:
    file = tmp_path / "big.yaml"
    file.write_bytes(b"a: 1\n" * 10)
    problem = only_file_problem(file, 20)
    assert problem.message == "the file is 50 bytes; game files may be at most 20 bytes"


def only_file_problem(file: pathlib.Path, max_bytes: int) -> Problem:
    with pytest.raises(ContentError) as info:
        load_yaml_file(file, max_bytes=max_bytes)
    (problem,) = info.value.problems
    return problem


# ------------------------------------------------------------------ robustness


def test_mutated_files_only_ever_raise_content_error(loader: type) -> None:
    """Random edits of a valid file: the result is a node or a ContentError, never a crash."""
    alphabet = [*b"[]{}:,-?|>&*!%@`'\"#\t \n\r~", 0xC3, 0xA9, 0xE9, 0x00, 0x07]
    rng = random.Random(1934)
    base = VALID.encode()
    for _ in range(250):
        data = bytearray(base)
        for _ in range(rng.randint(1, 4)):
            pos = rng.randrange(len(data) + 1)
            if rng.random() < 0.5:
                data[pos:pos] = bytes([rng.choice(alphabet)])
            else:
                del data[pos : pos + rng.randint(1, 3)]
        try:
            load_yaml_bytes(bytes(data), "lvl.yaml")
        except ContentError as exc:
            assert all(p.line >= 0 and p.column >= 0 and p.message for p in exc.problems)
