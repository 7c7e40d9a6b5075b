"""Level files: every mistake is reported with its file, line, column and a plain message."""

from __future__ import annotations

from pathlib import Path

import problems as helpers
import pytest

from game.content.errors import ContentError, Problem
from game.content.levels import load_level
from game.core.terrain import TERRAIN
from game.i18n import Text

# Line numbers below refer to this file as written (line 1 is "id: test-level").
VALID = """\
id: test-level
chapter: test
title: {zh: 测试, en: Test}
map: |
  S.A
  ..G
troops: 10
turns: 20
patrols:
  A:
    route: LR
    sight: 2
"""


def write(tmp_path: Path, text: str, name: str = "level.yaml") -> Path:
    return helpers.write(tmp_path, text, name)


def problems_of(tmp_path: Path, text: str) -> list[Problem]:
    return helpers.problems(load_level, write(tmp_path, text), "bad.yaml")


def only_problem(tmp_path: Path, text: str) -> Problem:
    return helpers.only(problems_of(tmp_path, text))


def changed(old: str, new: str, text: str = VALID) -> str:
    return helpers.changed(old, new, text)


assert_at = helpers.assert_at


# --------------------------------------------------------------------------- valid


def test_valid_level_loads(tmp_path: Path) -> None:
    level = load_level(write(tmp_path, VALID))
    assert (level.id, level.chapter) == ("test-level", "test")
    assert level.title == Text("测试", "Test")
    assert (level.width, level.height) == (3, 2)
    assert level.start == (0, 0)
    assert level.goal.cells == frozenset({(2, 1)})
    assert level.goal.min_troops == 1
    assert (level.troops, level.turn_limit) == (10, 20)
    (patrol,) = level.patrols
    assert (patrol.id, patrol.start, patrol.sight, patrol.damage) == ("A", (2, 0), 2, 10)
    assert level.terrain((2, 0)) is TERRAIN["plain"]  # the patrol's "on:" default
    assert level.terrain((2, 1)) is TERRAIN["bank"]


def test_yaml_11_words_stay_text(tmp_path: Path) -> None:
    level = load_level(write(tmp_path, changed("title: {zh: 测试, en: Test}",
                                               "title: {zh: no, en: on}")))
    assert level.title == Text("no", "on")


# --------------------------------------------------------------------------- keys and types


def test_unknown_key_suggests_the_right_one(tmp_path: Path) -> None:
    found = problems_of(tmp_path, changed("troops: 10", "trops: 10"))
    assert_at(found[0], 1, 1, 'missing key "troops" in a level')
    assert_at(found[1], 7, 1, 'unknown key "trops" (did you mean "troops"?)')
    assert len(found) == 2


def test_unknown_key_without_a_close_match_lists_the_keys(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, VALID + "colour: red\n")
    assert_at(problem, 13, 1, 'unknown key "colour"; a level takes: id, chapter, title')


def test_words_for_a_number_are_refused(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, changed("troops: 10", "troops: many"))
    assert_at(problem, 7, 9, 'expected a whole number, found "many"')


def test_a_quoted_number_is_text_not_a_number(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, changed("turns: 20", 'turns: "30"'))
    assert_at(problem, 8, 8, 'expected a whole number, found "30"')


def test_number_out_of_range(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, changed("turns: 20", "turns: 0"))
    assert_at(problem, 8, 8, "0 is out of range: use a number from 1 to 500")


def test_missing_translation(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, changed("title: {zh: 测试, en: Test}", "title: {zh: 测试}"))
    assert_at(problem, 3, 8, "missing the English text: add en: to this text")


def test_missing_translation_in_a_block_mapping(tmp_path: Path) -> None:
    text = changed("title: {zh: 测试, en: Test}", "title:\n  en: Test")
    problem = only_problem(tmp_path, text)
    assert_at(problem, 4, 3, "missing the Chinese text: add zh: to this text")


def test_bad_id(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, changed("id: test-level", "id: Test Level"))
    assert_at(problem, 1, 5, '"Test Level" is not a valid id')


# --------------------------------------------------------------------------- the map


def test_unknown_map_character_points_at_the_character(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, changed("  ..G\n", "  .XG\n"))
    assert_at(problem, 6, 4, 'unknown map character "X" (row 2, column 2)')
    assert "add it to legend:" in problem.message


def test_every_unknown_map_character_is_reported(tmp_path: Path) -> None:
    found = problems_of(tmp_path, changed("  S.A\n  ..G\n", "  S?A\n  .!G\n"))
    assert [(p.line, p.column) for p in found] == [(5, 4), (6, 4)]
    assert '"?"' in found[0].message and '"!"' in found[1].message


def test_ragged_map_rows(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, changed("  ..G\n", "  ..G.\n"))
    assert_at(problem, 6, 3, "map row 2 has 4 cells but row 1 has 3")


def test_map_without_a_start(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, changed("  S.A\n", "  ..A\n"))
    assert_at(problem, 4, 6, "the map has no start")


def test_map_with_two_starts(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, changed("  ..G\n", "  .SG\n"))
    assert_at(problem, 6, 4, "more than one start")


def test_map_without_a_goal(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, changed("  ..G\n", "  ...\n"))
    assert_at(problem, 4, 6, "the map has no goal")


@pytest.mark.parametrize(
    ("rows", "size"),
    [
        pytest.param(["S" + "." * 39 + "A", "." * 40 + "G"], "41×2", id="too-wide"),
        pytest.param(["S.A"] + ["..."] * 21 + ["..G"], "3×23", id="too-tall"),
    ],
)
def test_map_too_large(tmp_path: Path, rows: list[str], size: str) -> None:
    text = changed("  S.A\n  ..G\n", "".join(f"  {row}\n" for row in rows))
    problem = only_problem(tmp_path, text)
    assert_at(problem, 4, 6, f"the map is {size}; the largest that fits the screen is 40×22")


def test_largest_map_is_allowed(tmp_path: Path) -> None:
    rows = ["S" + "." * 38 + "A"] + ["." * 40] * 20 + ["." * 39 + "G"]
    level = load_level(write(tmp_path, changed("  S.A\n  ..G\n",
                                               "".join(f"  {r}\n" for r in rows))))
    assert (level.width, level.height) == (40, 22)


def test_a_stray_space_at_the_start_of_a_row_is_located(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, changed("  ..G\n", "   .G\n"))
    # Line 6 is "   .G": the block is indented 2, so the stray space is at column 3.
    assert_at(problem, 6, 3, "unknown map character a space (row 2, column 1)")


def test_blank_line_before_the_map_keeps_lines_right(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, changed("map: |\n", "map: |\n\n").replace("..G", ".XG"))
    # Line 5 is blank, line 6 is "  S.A", line 7 is "  .XG".
    assert_at(problem, 7, 4, 'unknown map character "X" (row 2, column 2)')


def test_a_map_without_the_block_bar_is_explained(tmp_path: Path) -> None:
    found = problems_of(tmp_path, changed("map: |\n", "map:\n"))
    assert any("map: |" in p.message for p in found), found


# --------------------------------------------------------------------------- legend


def test_legend_adds_characters(tmp_path: Path) -> None:
    text = changed("  ..G\n", "  .xG\n") + "legend:\n  x: forest\n"
    assert load_level(write(tmp_path, text)).terrain((1, 1)) is TERRAIN["forest"]


def test_legend_unknown_terrain_suggests(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, VALID + "legend:\n  x: forrest\n")
    assert_at(problem, 14, 6, 'unknown terrain "forrest" (did you mean "forest"?)')


def test_legend_start_on_impassable_ground(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, VALID + 'legend:\n  x: "river + start"\n')
    assert_at(problem, 14, 6, "the start cannot be on river")


# --------------------------------------------------------------------------- goal


def test_goal_asking_for_more_troops_than_the_start(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, VALID + "goal:\n  min_troops: 11\n")
    assert_at(problem, 14, 3, "the goal asks for 11 troops but the column starts with only 10")


# --------------------------------------------------------------------------- patrols


def test_patrol_route_into_a_river(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, changed("  S.A\n", "  S~A\n"))
    assert_at(problem, 11, 12, 'patrol "A": step 1 (L) of its route walks into river '
                               "at row 1, column 2")


def test_patrol_route_off_the_map(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, changed("route: LR", "route: RL"))
    assert_at(problem, 11, 12, 'patrol "A": step 1 (R) of its route leaves the map')


def test_patrol_route_must_return_to_its_start(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, changed("route: LR", "route: LLD"))
    assert_at(problem, 11, 12, 'patrol "A": its route must end where it starts')
    assert "(it ends at row 2, column 1)" in problem.message


def test_patrol_route_with_a_bad_letter(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, changed("route: LR", "route: LX"))
    assert_at(problem, 11, 12, '"LX" is not a route')


def test_patrol_not_on_the_map(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, VALID + "  B:\n    route: LR\n")
    assert_at(problem, 13, 3, 'patrol "B" is not on the map')


def test_patrol_twice_on_the_map(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, changed("  ..G\n", "  A.G\n"))
    assert_at(problem, 6, 3, 'patrol "A" appears more than once on the map')


def test_patrol_using_a_legend_character(tmp_path: Path) -> None:
    text = changed("  S.A\n", "  STA\n") + "  T:\n    route: LR\n"
    found = problems_of(tmp_path, text)
    assert_at(found[0], 13, 3, 'patrol "T" uses a character the legend already gives to forest')


# --------------------------------------------------------------------------- many at once


def test_several_problems_are_reported_at_once(tmp_path: Path) -> None:
    text = (VALID.replace("title: {zh: 测试, en: Test}", "title: {zh: 测试}")
            .replace("troops: 10", "troops: many")
            .replace("turns: 20", 'turns: "20"')
            + "colour: red\n")
    path = write(tmp_path, text)
    with pytest.raises(ContentError) as error:
        load_level(path, "bad.yaml")
    found = error.value.problems
    assert [(p.line, p.column) for p in found] == [(3, 8), (7, 9), (8, 8), (13, 1)]
    # One line per problem, "file:line:column: message", in file order.
    lines = str(error.value).splitlines()
    assert len(lines) == 4
    assert lines[0].startswith("bad.yaml:3:8: missing the English text")
    assert lines[3].startswith('bad.yaml:13:1: unknown key "colour"')


def test_key_and_map_problems_are_reported_together(tmp_path: Path) -> None:
    text = (VALID.replace("title: {zh: 测试, en: Test}", "title: {zh: 测试}")
            .replace("  ..G\n", "  .XG\n")
            .replace("troops: 10", "troops: many")
            + "colour: red\n")
    found = problems_of(tmp_path, text)
    assert [(p.line, p.column) for p in found] == [(3, 8), (6, 4), (7, 9), (13, 1)]
    assert 'unknown map character "X"' in found[1].message


def test_several_map_problems_are_reported_at_once(tmp_path: Path) -> None:
    text = changed("  S.A\n  ..G\n", "  S.A?\n  ..G\n  .!..\n")
    found = problems_of(tmp_path, text)
    assert [(p.line, p.column) for p in found] == [(5, 6), (6, 3), (7, 4)]
    assert 'unknown map character "?" (row 1, column 4)' in found[0].message
    assert "map row 2 has 3 cells but row 1 has 4" in found[1].message
    assert 'unknown map character "!" (row 3, column 2)' in found[2].message


def test_not_a_mapping(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, "- a\n- b\n")
    assert_at(problem, 1, 1, "expected a mapping of keys (id:, chapter:, title:...), "
                             "found a list")
