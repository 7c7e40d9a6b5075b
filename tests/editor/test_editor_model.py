"""The editor's model: edits as values, undo and redo, the writer's text passes the real
loader, and problems are put on the cells they are about."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.content.levels import load_level
from game.editor.document import LevelDocument
from game.editor.files import new_level, save_level
from game.editor.ops import (
    MARKER_KINDS,
    PAINTABLE,
    Edit,
    Erase,
    ExtendRoute,
    History,
    Paint,
    PlaceMarker,
    PlaceUnit,
    Resize,
    SetField,
    SetUnit,
    ShortenRoute,
)
from game.editor.reader import parse_document
from game.editor.validate import translate, validate
from game.editor.writer import write_level

REPO = Path(__file__).resolve().parents[2]
LEVEL_1 = REPO / "levels" / "01-xiangjiang" / "level-1.yaml"


def _level_1() -> LevelDocument:
    return parse_document(LEVEL_1.read_text(encoding="utf-8"), str(LEVEL_1))


def test_the_template_level_is_valid_and_keeps_its_comments() -> None:
    document = new_level("luding")
    assert document.chapter == "luding"
    checked = validate(document)
    assert checked.problems == () and checked.level is not None
    text = write_level(document).text
    assert "# 关卡编号" in text and "chapter: luding" in text


def test_paint_marker_unit_and_erase() -> None:
    document = _level_1()
    painted = Paint(((5, 2),), "forest").apply(document)
    assert painted.terrain_at((5, 2)) == "forest" and document.terrain_at((5, 2)) == "plain"
    moved = PlaceMarker((6, 3), "start").apply(document)
    assert [p for p, m in moved.markers.items() if m == "start"] == [(6, 3)]
    on_hills = PlaceMarker((0, 0), "goal").apply(document)
    assert on_hills.markers[(0, 0)] == "goal" and on_hills.terrain_at((0, 0)) == "bank"
    patrol = PlaceUnit("patrols", (6, 3)).apply(moved)
    assert (6, 3) not in patrol.markers and patrol.unit_at((6, 3)) == ("patrols", "B")
    assert Erase((6, 3)).apply(patrol).unit_at((6, 3)) is None
    hills = Paint(((10, 1),), "hills").apply(document)
    assert "A" not in hills.patrols  # a patrol cannot stand on hills


def test_ferry_and_fire_lanes_grow_cell_by_cell() -> None:
    document = _level_1()
    one = PlaceUnit("ferries", (3, 1)).apply(document)
    char = next(iter(one.ferries))
    two = PlaceUnit("ferries", (4, 1), char).apply(one)
    assert two.ferries[char].cells == {(3, 1), (4, 1)}
    assert validate(two).level is not None
    repainted = Paint(((3, 1),), "river").apply(two)
    assert repainted.ferries[char].cells == {(4, 1)}


def test_a_pontoon_site_is_placed_named_and_written_back() -> None:
    """The editor places a pontoon site cell by cell across the river, names it, sets the
    kits, and the file it writes loads as the same site; painting a cell takes it off."""
    document = _level_1()
    river = [(x, y) for y in range(document.height) for x in range(document.width)
             if document.terrain_at((x, y)) == "river"]
    first = river[0]
    row = [cell for cell in river if cell[1] == first[1]]
    one = PlaceUnit("pontoons", row[0]).apply(document)
    char = next(iter(one.pontoons))
    site = one
    for cell in row[1:]:
        site = PlaceUnit("pontoons", cell, char).apply(site)
    assert site.pontoons[char].cells == frozenset(row)
    named = SetUnit("pontoons", char, "name_en", "Maotai").apply(
        SetUnit("pontoons", char, "name_zh", "茅台").apply(site))
    kits = SetField("kits", 2).apply(named)
    checked = validate(kits)
    assert checked.problems == () and checked.level is not None
    [spec] = checked.level.pontoons
    assert spec.cells == frozenset(row) and spec.name is not None
    assert (spec.name.zh, spec.name.en) == ("茅台", "Maotai") and checked.level.kits == 2
    text = write_level(kits).text
    assert "pontoons:" in text and "kits: 2" in text
    again = parse_document(text)
    assert again.pontoons == kits.pontoons and again.numbers["kits"] == 2
    bare = write_level(site).text  # no name: written as {} so the loader reads a mapping
    assert f"  {char}: {{}}" in bare and validate(site).problems == ()
    repainted = Paint((row[0],), "river").apply(site)
    assert row[0] not in repainted.pontoons[char].cells


def test_a_broken_pontoon_site_is_told_on_its_cells_in_both_languages() -> None:
    document = _level_1()
    land = next((x, y) for y in range(document.height) for x in range(document.width)
                if document.terrain_at((x, y)) == "plain")
    alone = PlaceUnit("pontoons", land).apply(document)  # river on land: joins nothing
    char = next(iter(alone.pontoons))
    problems = validate(alone).problems
    assert any(p.cells == {land} and p.message.zh.startswith(f"浮桥桥位“{char}”没有连接两岸")
               for p in problems), problems


def test_route_drawn_step_by_step_and_taken_back() -> None:
    document = _level_1()
    for letter in "LR":
        document = ExtendRoute("patrols", "A", letter).apply(document)
    assert document.patrols["A"].route == "DDDDUUUULR"
    document = ShortenRoute("patrols", "A").apply(document)
    assert document.patrols["A"].route == "DDDDUUUUL"
    sentry = SetUnit("patrols", "A", "route", ".").apply(document)
    assert ExtendRoute("patrols", "A", "D").apply(sentry).patrols["A"].route == "D"


def test_fields_set_and_unset() -> None:
    document = _level_1()
    assert SetField("troops", 80).apply(document).troops == 80
    assert SetField("goal.min_troops", None).apply(document).goal_numbers == {}
    assert SetField("warmth", 5).apply(document).number("warmth") == 5
    gone = SetField("intro.en", "").apply(SetField("intro.zh", "").apply(document))
    assert gone.intro is None
    assert SetField("title.en", "New").apply(document).title == ("抢渡湘江", "New")


def test_soup_and_rest_chill_are_placed_written_and_read_back(tmp_path: Path) -> None:
    """Chapter 5's block in the editor: a bowl of ginger soup on the hills lands on plain
    ground, the two numbers are written, and the saved file loads with them."""
    document = _level_1()
    document = PlaceMarker((0, 0), "ginger").apply(document)
    assert document.markers[(0, 0)] == "ginger" and document.terrain_at((0, 0)) == "plain"
    document = SetField("warmth", 6).apply(document)
    document = SetField("ginger_warmth", 4).apply(document)
    document = SetField("rest_chill", 2).apply(document)
    assert (document.number("ginger_warmth"), document.number("rest_chill")) == (4, 2)
    text = write_level(document).text
    assert "ginger_warmth: 4" in text and "rest_chill: 2" in text
    path = tmp_path / "soup.yaml"
    path.write_text(text, encoding="utf-8")
    level = load_level(path)
    assert (level.climb.ginger, level.climb.rest_chill, level.most_warmth) == (4, 2, 10)
    assert [item.pos for item in level.items if item.kind == "ginger"] == [(0, 0)]
    assert parse_document(text, str(path)) == document.with_(
        legend=parse_document(text, str(path)).legend)
    cold = SetField("warmth", None).apply(document)
    messages = [p.message for p in validate(cold).problems]
    assert any("辣椒水和姜汤" in m.zh and "only helps on a cold level" in m.en
               for m in messages)


def test_resize_keeps_the_top_left_within_the_limits() -> None:
    document = _level_1()
    small = Resize(6, 4).apply(document)
    assert (small.width, small.height) == (6, 4)
    assert "A" not in small.patrols and all(small.inside(p) for p in small.markers)
    assert (Resize(99, 99).apply(document).width, Resize(99, 99).apply(document).height) == (
        40, 22)


def test_every_edit_undoes_and_redoes() -> None:
    document = _level_1()
    history = History(document)
    edits: list[Edit] = [Paint(((5, 2),), "forest"), PlaceMarker((6, 3), "start"),
                         PlaceUnit("pursuers", (6, 1)), SetField("turns", 30),
                         ExtendRoute("patrols", "A", "L"), Resize(12, 6)]
    seen = [document]
    for edit in edits:
        assert history.apply(edit)
        seen.append(history.document)
    assert not history.apply(SetField("turns", 30))  # no change, nothing recorded
    for expected in reversed(seen[:-1]):
        assert history.undo() is not None
        assert history.document == expected
    assert history.undo() is None and not history.dirty
    for expected in seen[1:]:
        assert history.redo() is not None
        assert history.document == expected
    assert history.dirty
    history.mark_saved()
    assert not history.dirty


cells = st.tuples(st.integers(0, 13), st.integers(0, 6))
edits = st.one_of(
    st.builds(lambda c, t: Paint((c,), t), cells, st.sampled_from(PAINTABLE)),
    st.builds(PlaceMarker, cells, st.sampled_from(MARKER_KINDS)),
    st.builds(Erase, cells),
    st.builds(PlaceUnit, st.sampled_from(("patrols", "pursuers", "ferries", "fires",
                                          "reliefs", "pontoons")), cells),
    st.builds(Resize, st.integers(1, 50), st.integers(1, 30)),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(edits, max_size=12))
def test_any_edits_write_text_the_loader_reads_or_reports(steps: list[Edit]) -> None:
    """Whatever is drawn, the written YAML parses, and every problem comes from the
    loader or the editor's own checks, never a crash; a valid level writes back the same."""
    document = _level_1()
    for edit in steps:
        document = edit.apply(document)
    checked = validate(document)
    if checked.level is not None and not checked.problems:
        again = parse_document(write_level(document).text)
        assert again == document.with_(legend=again.legend)


def test_problems_are_put_on_their_cells() -> None:
    document = _level_1()
    broken = SetUnit("patrols", "A", "route", "DDDDDDUUUUUU").apply(document)
    problems = validate(broken).problems
    assert [(p.cells, p.key) for p in problems] == [
        (frozenset({(10, 6)}), ("patrols", "A", "route"))]
    assert "山岭" in problems[0].message.zh
    two_starts = broken.with_(markers={**broken.markers, (5, 5): "start"})
    found = validate(two_starts).problems
    assert any(p.cells == {(5, 5)} and "不止一个起点" in p.message.zh for p in found)
    no_english = SetField("intro.en", "").apply(document)
    (problem,) = validate(no_english).problems
    assert problem.key == ("intro", "en") and problem.message.en == "this text is empty"


@pytest.mark.parametrize("message", [
    'patrol "A": its route must end where it starts so it can repeat (it ends at row 3, '
    "column 11); add the moves back",
    "the goal asks for 90 troops but the column starts with only 50",
    "the map has no start: mark the column's starting cell with S",
])
def test_loader_messages_are_translated(message: str) -> None:
    text = translate(message)
    assert text.en == message and not text.zh.startswith("检查报告")


def test_saved_file_has_the_schema_line_inside_a_levels_folder(tmp_path: Path) -> None:
    levels = tmp_path / "levels"
    (levels / "08-mine").mkdir(parents=True)
    (levels / "schema.json").write_text("{}", encoding="utf-8")
    target = levels / "08-mine" / "level-1.yaml"
    save_level(new_level("xiangjiang", target), target, levels)
    text = target.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schema.json"
    assert load_level(target).chapter == "xiangjiang"


def test_save_as_refuses_a_missing_or_broken_file(tmp_path: Path) -> None:
    import subprocess
    import sys

    main = [sys.executable, str(REPO / "main.py"), "edit"]
    missing = subprocess.run([*main, str(tmp_path / "none.yaml"), "--save-as",
                              str(tmp_path / "out.yaml")], capture_output=True, text=True,
                             check=False)
    assert missing.returncode == 2 and "no such file" in missing.stderr
    broken = tmp_path / "broken.yaml"
    broken.write_text(LEVEL_1.read_text(encoding="utf-8").replace("troops: 100", "troop: 100"),
                      encoding="utf-8")
    refused = subprocess.run([*main, str(broken), "--save-as", str(tmp_path / "out.yaml")],
                             capture_output=True, text=True, check=False)
    assert refused.returncode == 1 and 'missing key "troops"' in refused.stderr
    assert not (tmp_path / "out.yaml").exists()


def _broken_documents() -> list[tuple[str, LevelDocument]]:
    level = _level_1()
    return [
        ("no start", level.with_(markers={p: m for p, m in level.markers.items()
                                          if m != "start"})),
        ("no goal", level.with_(markers={p: m for p, m in level.markers.items()
                                         if m != "goal"})),
        ("route off the map", SetUnit("patrols", "A", "route", "UUUUDDDD").apply(level)),
        ("route not back", SetUnit("patrols", "A", "route", "DD").apply(level)),
        ("bad route", SetUnit("patrols", "A", "route", "XY").apply(level)),
        ("long title", SetField("title.en", "x" * 41).apply(level)),
        ("bad id", SetField("id", "My Level").apply(level)),
        ("too few troops", SetField("goal.min_troops", 500).apply(level)),
        ("ferry goal", SetField("goal.kind", "ferry").apply(level)),
        ("hold goal", SetField("goal.kind", "hold").apply(level)),
        ("meet goal", PlaceMarker((6, 3), "ally").apply(SetField("goal.kind", "meet").apply(
            level.with_(markers={p: m for p, m in level.markers.items() if m != "goal"}
                        | {(0, 1): "goal"})))),
        ("weather without warmth", SetField("weather", "*.").apply(level)),
        ("bad weather", SetField("warmth", 5).apply(SetField("weather", "x").apply(level))),
        ("bad schedule", SetUnit("ferries", "a", "schedule", "..").apply(
            PlaceUnit("ferries", (3, 1)).apply(level).with_(
                ferries={"a": PlaceUnit("ferries", (3, 1)).apply(level).ferries["B"]}))),
        ("allies and planks", PlaceMarker((5, 2), "plank").apply(
            PlaceMarker((6, 2), "ally").apply(level))),
        ("relief off the land", SetUnit("reliefs", "B", "route", "LLLLLLL").apply(
            PlaceUnit("reliefs", (6, 2)).apply(level))),
    ]


@pytest.mark.parametrize("name, document", _broken_documents(),
                         ids=[name for name, _ in _broken_documents()])
def test_every_problem_is_told_in_chinese_too(name: str, document: LevelDocument) -> None:
    problems = validate(document).problems
    assert problems, name
    for problem in problems:
        assert not problem.message.zh.startswith("检查报告"), problem.message.en


def test_the_baggage_and_its_cache_are_placed_set_and_written() -> None:
    document = PlaceMarker((6, 3), "cache").apply(_level_1())
    assert document.markers[(6, 3)] == "cache"
    problems = validate(document).problems
    assert problems and problems[0].message.en.startswith("a cache is where a loaded column")
    assert problems[0].message.zh.startswith("丢辎重处只对带着辎重出发的队伍有用")
    assert problems[0].cells == {(6, 3)}  # put on the cell it is about
    loaded = SetField("baggage", 1).apply(document)
    checked = validate(loaded)
    assert checked.problems == () and checked.level is not None
    assert checked.level.baggage and [i.kind for i in checked.level.items] == ["cache"]
    text = write_level(loaded).text
    assert "baggage: true" in text and "cache" in text
    again = parse_document(text, "level.yaml")
    assert again.numbers["baggage"] == 1 and again.markers[(6, 3)] == "cache"
    light = SetField("baggage", 0).apply(again)
    assert "baggage: false" in write_level(light).text
    assert SetField("baggage", None).apply(light).numbers.get("baggage") is None
