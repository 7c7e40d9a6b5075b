"""The editor places a point to besiege and sets a take goal; what it writes loads back as
the same level, and its problems are shown in both languages."""

from __future__ import annotations

from pathlib import Path

from game.content.levels import load_level
from game.editor.files import new_level
from game.editor.ops import Erase, PlaceMarker, PlaceUnit, SetField, SetUnit
from game.editor.reader import parse_document
from game.editor.validate import validate
from game.editor.writer import write_level


def test_a_point_to_besiege_round_trips(tmp_path: Path) -> None:
    document = new_level("baozuo")
    goals = [pos for pos, marker in document.markers.items() if marker == "goal"]
    for pos in goals:
        document = Erase(pos).apply(document)
    document = PlaceMarker((4, 2), "siege").apply(document)
    document = PlaceMarker((5, 2), "siege").apply(document)
    document = SetField("goal.kind", "take").apply(document)
    checked = validate(document)
    assert checked.problems == () and checked.level is not None
    assert checked.level.siege == {(4, 2), (5, 2)}
    assert checked.level.goal.kind == "take" and checked.level.goal.cells == {(4, 2), (5, 2)}
    text = write_level(document).text
    assert "+ siege" in text and "kind: take" in text
    path = tmp_path / "level.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_level(path).siege == {(4, 2), (5, 2)}
    again = parse_document(text, str(path))
    assert {pos for pos, marker in again.markers.items() if marker == "siege"} == {
        (4, 2), (5, 2)}
    assert write_level(again).text == text


def test_a_take_goal_without_a_point_is_a_problem_in_both_languages() -> None:
    document = SetField("goal.kind", "take").apply(new_level("baozuo"))
    problems = validate(document).problems
    messages = [p.message for p in problems]
    assert any(m.en.startswith("a take goal needs a point to besiege") and "敌据点" in m.zh
               for m in messages)
    assert any(m.en.startswith("with kind: take the goal is the point to besiege itself")
               and "删掉目标格" in m.zh for m in messages)


def test_a_relief_and_a_point_make_a_level_the_editor_can_check() -> None:
    document = new_level("baozuo")
    for pos in [pos for pos, marker in document.markers.items() if marker == "goal"]:
        document = Erase(pos).apply(document)
    document = PlaceMarker((3, 1), "siege").apply(document)
    document = SetField("goal.kind", "take").apply(document)
    document = PlaceUnit("reliefs", (6, 1)).apply(document)
    char = next(iter(document.reliefs))
    document = SetUnit("reliefs", char, "route", "L").apply(document)
    checked = validate(document)
    assert checked.problems == () and checked.level is not None
    assert checked.level.reliefs[0].start == (6, 1)
