"""The solver's reasons name the culprit the way the game names it, with where and when:
small levels built here, and the exact messages a teacher reads (both languages)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from game.content.levels import load_level
from game.core.level import Level
from game.solver import Outcome, Reason, solve
from game.solver.culprits import place_name


def write_level(tmp_path: Path, rows: list[str], extra: str, troops: int, turns: int) -> Level:
    text = ("id: reasons\nchapter: test\ntitle: {zh: 测试, en: Test}\nmap: |\n"
            + "".join(f"  {row}\n" for row in rows)
            + f"troops: {troops}\nturns: {turns}\n" + textwrap.dedent(extra))
    path = tmp_path / "reasons.yaml"
    path.write_text(text, encoding="utf-8")
    return load_level(path)


def unsolvable_reason(level: Level) -> Reason:
    result = solve(level)
    assert result.outcome is Outcome.UNSOLVABLE and result.reason is not None
    return result.reason


def test_too_few_troops_names_the_patrol_and_the_cell(tmp_path: Path) -> None:
    level = write_level(tmp_path, ["S...G", "^^A^^"],
                        'goal: {min_troops: 50}\npatrols:\n  A: {route: ".", sight: 1, '
                        "damage: 20}\n", 60, 10)
    reason = unsolvable_reason(level)
    assert reason.kind == "too_few_troops"
    assert reason.en == (
        "the most troops that can reach the gold mark is 40; the goal needs 50 (the column "
        "starts with 60; on that best route patrol A costs 20 at row 1, column 3): make "
        "that cost less, or lower the goal's troops")
    assert reason.zh == (
        "能到达金色标记的兵力最多只有40，目标需要50（出发时60；在这条最好的路线上，巡逻队 A "
        "在第 1 行第 3 列让队伍损失20）：减少这些伤害，或降低目标兵力。")


def test_too_few_troops_names_the_costliest_of_several(tmp_path: Path) -> None:
    # A and B each see one cell of the only row: a tie names both; a costlier B alone.
    level = write_level(tmp_path, ["S.....G", "^^A^^B^"],
                        "goal: {min_troops: 50}\npatrols:\n"
                        '  A: {route: ".", sight: 1, damage: 10}\n'
                        '  B: {route: ".", sight: 1, damage: 10}\n', 60, 12)
    reason = unsolvable_reason(level)
    assert ("on that best route patrol A costs 10 at row 1, column 3 and patrol B costs 10 "
            "at row 1, column 6)") in reason.en
    assert ("巡逻队 A 在第 1 行第 3 列让队伍损失10，巡逻队 B 在第 1 行第 6 列让队伍损失10"
            in reason.zh)
    heavy = write_level(tmp_path, ["S.....G", "^^A^^B^"],
                        "goal: {min_troops: 40}\npatrols:\n"
                        '  A: {route: ".", sight: 1, damage: 10}\n'
                        '  B: {route: ".", sight: 1, damage: 25}\n', 60, 12)
    reason = unsolvable_reason(heavy)
    assert "the most troops that can reach the gold mark is 25" in reason.en
    assert "on that best route patrol B costs 25 at row 1, column 6)" in reason.en
    assert "patrol A" not in reason.en and "巡逻队 A" not in reason.zh
    assert "巡逻队 B 在第 1 行第 6 列让队伍损失25" in reason.zh


def test_too_few_troops_names_the_fire_lane_and_its_row(tmp_path: Path) -> None:
    level = write_level(tmp_path, ["S.FFF.G"],
                        'goal: {min_troops: 20}\nfires:\n  F: {schedule: "o", damage: 5}\n',
                        30, 10)
    reason = unsolvable_reason(level)
    assert reason.kind == "too_few_troops"
    assert reason.en == (
        "the most troops that can reach the gold mark is 15; the goal needs 20 (the column "
        "starts with 30; on that best route fire lane F costs 15 in row 1): make that cost "
        "less, or lower the goal's troops")
    assert "火力区 F 在第 1 行让队伍损失15" in reason.zh


def test_a_column_wiped_out_names_the_pursuer_turn_and_cell(tmp_path: Path) -> None:
    level = write_level(tmp_path, ["S.....G", "P......"],
                        "pursuers:\n  P: {damage: 5}\n", 20, 10)
    reason = unsolvable_reason(level)
    assert reason.kind == "too_few_troops"
    assert reason.en == (
        "the column loses all 20 troops before it can reach the gold mark: the route that "
        "gets nearest runs out on turn 4 at row 1, column 5 (pursuer P costs 20 in row 1); "
        "make that cost less, or give the column more troops")
    assert reason.zh == (
        "队伍还没到金色标记就损失了全部20兵力：走得最近的路线在第4回合于第 1 行第 5 列打光"
        "（追兵 P 在第 1 行让队伍损失20）。减少这些伤害，或给队伍更多兵力。")


def test_froze_says_when_and_where(tmp_path: Path) -> None:
    level = write_level(tmp_path, ["S****G"], "warmth: 3\n", 30, 10)
    reason = unsolvable_reason(level)
    assert reason.kind == "froze"
    assert reason.en == (
        "the column freezes by turn 4 on every route (the route that lasts longest freezes "
        "at row 1, column 2): add shelters near there or give more warmth")
    assert reason.zh == (
        "每条路线上队伍都在第4回合之前冻死（坚持最久的路线冻死在第 1 行第 2 列）：在那附近"
        "多放几个避寒处，或提高温暖值。")


def test_froze_on_a_climb_asks_for_more_soup(tmp_path: Path) -> None:
    level = write_level(tmp_path, ["Sj*****G"], "warmth: 3\nginger_warmth: 2\nrest_chill: 2\n"
                        "legend:\n  j: plain + ginger\n", 30, 10)
    reason = unsolvable_reason(level)
    assert reason.kind == "froze"
    assert reason.en == (
        "the column freezes by turn 7 on every route (the route that lasts longest freezes "
        "at row 1, column 4): put more chilli water and ginger soup in the village, give "
        "more warmth, or shorten the snow")
    assert reason.zh.endswith("在山下村里多放几碗辣椒水和姜汤，提高温暖值，或缩短雪路。")


def test_relieved_names_the_relief_column_and_where_it_gets_through(tmp_path: Path) -> None:
    level = write_level(tmp_path, ["^^^^^^^^", "^S..GG.R", "^^^^^^^^"],
                        'goal: {kind: hold, hold: 3}\nreliefs:\n  R: {route: "LLL"}\n', 30, 20)
    reason = unsolvable_reason(level)
    assert reason.kind == "relieved"
    assert reason.en.startswith("relief column R gets through to row 2, column 5 by turn ")
    assert reason.en.endswith(" on every route: make the ambush easier or its march longer")
    assert reason.zh.startswith("每条路线上援军 R 都在第")
    assert "到达第 2 行第 5 列" in reason.zh


def test_places_are_one_cell_a_row_a_column_or_the_first_of_several() -> None:
    assert place_name([(2, 0)]).en == "at row 1, column 3"
    assert place_name([(2, 0), (3, 0), (2, 0)]).en == "in row 1"
    assert place_name([(4, 1), (4, 3)]).zh == "在第 5 列"
    scattered = place_name([(3, 2), (1, 0), (2, 1)])
    assert scattered.en == "on 3 cells from row 3, column 4"
    assert scattered.zh == "从第 3 行第 4 列起共 3 格"
