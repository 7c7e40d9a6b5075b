"""Why the solver found no win, in words a teacher can fix the level from (both languages).

The search fills a :class:`Findings` as it goes (the nearest the column got to the goal,
the most troops it arrived with, when it froze, ...); :func:`explain` turns that, or a
spent budget, into one :class:`Reason` with the numbers in it.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.core.level import Level, Pos
from game.i18n import Text
from game.solver.culprits import cell_name, enemy_name


@dataclass(frozen=True, slots=True)
class Reason(Text):
    """The binding reason for ``unsolvable`` or ``unknown``; ``kind`` names it for tools
    (``too_far``, ``no_path``, ``too_few_troops``, ``froze``, ``relieved``, ``out_of_turns``,
    ``max_states``, ``max_seconds``, ``max_memory``, ``cancelled``)."""

    kind: str = ""

    def sentence(self) -> Text:
        """The reason as a sentence of its own, for a player (capital letter, full stop)."""
        en = self.en[:1].upper() + self.en[1:]
        return Text(self.zh, en if en.endswith(".") else en + ".")


@dataclass(slots=True)
class Findings:
    """What a search saw of the level, for :func:`explain`."""

    nearest: int = 1_000_000
    """Fewest moves still needed (the search's lower bound) from any position reached."""
    nearest_turn: int = 0
    goal_troops: int = -1
    """Most troops the column met the goal with while short of the troops it needs."""
    pruned_troops: int = -1
    """Most troops of a position dropped because it was already below the goal's minimum."""
    froze_turn: int = -1
    """The latest turn on which the column froze."""
    froze_pos: Pos = (-1, -1)
    """Where the column froze on ``froze_turn``."""
    relieved_turn: int = -1
    """The latest turn on which a relief column reached its goal."""
    relieved_by: str = ""
    """The relief column that got through on ``relieved_turn``."""
    wiped_left: int = 1_000_000
    """Fewest moves still needed from where the column lost its last troops."""
    wiped_turn: int = -1
    """The turn it lost them, there (the latest such turn)."""
    wiped_pos: Pos = (-1, -1)
    """Where it lost them."""
    wiped_parent: int = -1
    """The search's index of the position before, for replaying the route."""
    wiped_action: int = 0
    """The action (an index into ``ALL_ACTIONS``) that lost them."""


def _goal_name(level: Level) -> Text:
    kind = level.goal.kind
    if kind == "ferry":
        return Text("金色渡口", "the gold-marked landing")
    if kind == "hold":
        return Text("金色阵地", "the gold-marked positions")
    if kind == "meet":
        return Text("金色会师地点", "the gold-marked meeting place")
    if kind == "take":
        return Text("要攻下的据点", "the point to take")
    return Text("金色标记", "the gold mark")


def static_reason(level: Level, distance: int) -> Reason | None:
    """A reason visible before any search: the goal is out of reach or too far."""
    goal = _goal_name(level)
    crossings = level.goal.crossings
    if distance >= 1_000_000 and crossings and level.goal_distance(level.start) < 1_000_000:
        return Reason(f"走得到{goal.zh}，但途中过不了{crossings}次河：让江河从地图一边通到另一边，"
                      "把陆地真正分成两岸。",
                      f"{goal.en} can be reached, but not after {crossings} river crossings: "
                      "let the river run from one edge of the map to the other so it splits "
                      "the land into banks", "no_path")
    if distance >= 1_000_000:
        return Reason(f"从出发点走不到{goal.zh}：中间没有可以通行的路（检查地图上的山岭和江河）。",
                      f"{goal.en} cannot be reached from the start over passable ground "
                      "(check the hills and rivers on the map)", "no_path")
    if distance > level.turn_limit:
        return Reason(f"{goal.zh}至少要走{distance}步，但本关只给{level.turn_limit}回合。",
                      f"{goal.en} is at least {distance} moves away but the level gives "
                      f"{level.turn_limit} turns", "too_far")
    return None


def too_few_troops(level: Level, most: int, culprit: Text | None = None) -> Reason:
    """The goal is reachable, but never with the troops it needs; ``culprit`` says who
    costs the most on the route that keeps the most (see :func:`culprits.blame`)."""
    goal, need, troops = _goal_name(level), level.goal.min_troops, level.troops
    if culprit is None:
        return Reason(
            f"能到达{goal.zh}的兵力最多只有{most}，目标需要{need}（出发时{troops}）："
            "减少巡逻、火力的伤害，或降低目标兵力。",
            f"the most troops that can reach {goal.en} is {most}; the goal needs {need} "
            f"(the column starts with {troops}): make patrols or fire cost less, or lower "
            "the goal's troops", "too_few_troops")
    return Reason(
        f"能到达{goal.zh}的兵力最多只有{most}，目标需要{need}（出发时{troops}；"
        f"在这条最好的路线上，{culprit.zh}）：减少这些伤害，或降低目标兵力。",
        f"the most troops that can reach {goal.en} is {most}; the goal needs {need} (the "
        f"column starts with {troops}; on that best route {culprit.en}): make that cost "
        "less, or lower the goal's troops", "too_few_troops")


def explain(level: Level, found: Findings, culprit: Text | None = None) -> Reason:
    """The binding reason a complete search found no win; ``culprit`` says who cost the
    troops on the route that got nearest before losing them all."""
    goal, need = _goal_name(level), level.goal.min_troops
    if found.goal_troops >= 0:
        return too_few_troops(level, found.goal_troops)
    if found.froze_turn >= 0 and found.relieved_turn < 0:
        where = cell_name(found.froze_pos)
        if level.climb.ginger or level.climb.rest_chill:
            return Reason(
                f"每条路线上队伍都在第{found.froze_turn}回合之前冻死（坚持最久的路线冻死在"
                f"{where.zh}）：在山下村里多放几碗辣椒水和姜汤，提高温暖值，或缩短雪路。",
                f"the column freezes by turn {found.froze_turn} on every route (the route "
                f"that lasts longest freezes at {where.en}): put more chilli water and ginger "
                "soup in the village, give more warmth, or shorten the snow", "froze")
        return Reason(
            f"每条路线上队伍都在第{found.froze_turn}回合之前冻死（坚持最久的路线冻死在"
            f"{where.zh}）：在那附近多放几个避寒处，或提高温暖值。",
            f"the column freezes by turn {found.froze_turn} on every route (the route "
            f"that lasts longest freezes at {where.en}): add shelters near there or give "
            "more warmth", "froze")
    if found.relieved_turn >= 0:
        spec = next((spec for spec in level.reliefs if spec.id == found.relieved_by), None)
        if spec is None:
            return Reason(
                f"每条路线上敌人的援军都在第{found.relieved_turn}回合之前到达：让伏击更容易，"
                "或让援军的路线更长。",
                f"a relief column gets through by turn {found.relieved_turn} on every "
                "route: make the ambush easier or the relief's march longer", "relieved")
        relief, end = enemy_name("relief", spec.id), cell_name(spec.path()[-1])
        return Reason(
            f"每条路线上{relief.zh} 都在第{found.relieved_turn}回合之前到达{end.zh}：让伏击它"
            "更容易，或让它的路线更长。",
            f"{relief.en} gets through to {end.en} by turn {found.relieved_turn} on every "
            "route: make the ambush easier or its march longer", "relieved")
    if found.pruned_troops >= 0:
        return Reason(
            f"每条路线上兵力都会降到目标要求的{need}以下：减少伤害，或降低目标兵力。",
            f"every route loses troops below the {need} the goal needs: make enemies cost "
            "less, or lower the goal's troops", "too_few_troops")
    if found.wiped_turn >= 0 and found.wiped_left <= found.nearest:
        where, troops = cell_name(found.wiped_pos), level.troops
        blamed = Text(f"（{culprit.zh}）", f" ({culprit.en})") if culprit else Text("", "")
        return Reason(
            f"队伍还没到{goal.zh}就损失了全部{troops}兵力：走得最近的路线在第{found.wiped_turn}"
            f"回合于{where.zh}打光{blamed.zh}。减少这些伤害，或给队伍更多兵力。",
            f"the column loses all {troops} troops before it can reach {goal.en}: the route "
            f"that gets nearest runs out on turn {found.wiped_turn} at {where.en}{blamed.en}; "
            "make that cost less, or give the column more troops", "too_few_troops")
    if found.nearest >= 1_000_000:
        return Reason(f"出发后没有一步可走：{goal.zh}无法到达。",
                      f"the column has no move at all: {goal.en} cannot be reached",
                      "no_path")
    loaded = (Text("带着辎重每走一步要两个回合，把丢辎重处放近一些，",
                   "a loaded move takes two turns, so put a cache nearer, ")
              if level.baggage else Text("", ""))
    return Reason(
        f"在{level.turn_limit}回合内队伍离{goal.zh}最近还差{found.nearest}步"
        f"（第{found.nearest_turn}回合）：{loaded.zh}多给几个回合，或打开一条更近的路。",
        f"within {level.turn_limit} turns the column gets no nearer than {found.nearest} "
        f"moves from {goal.en} (on turn {found.nearest_turn}): {loaded.en}give more turns "
        "or open a shorter way", "out_of_turns")


def budget_reason(kind: str, expanded: int, seconds: float, limit: float) -> Reason:
    """Why a search stopped without an answer: which budget ran out, with the numbers."""
    if kind == "max_states":
        return Reason(
            f"搜索了{expanded}个局面（上限{int(limit)}）仍没有答案：缩小地图、减少回合，"
            "或用 --max-states 放宽上限。",
            f"the solver stopped after {expanded} positions (the limit is {int(limit)}) "
            "without an answer: make the map smaller or the turns fewer, or raise "
            "--max-states", kind)
    if kind == "max_seconds":
        return Reason(
            f"搜索{seconds:.1f}秒（上限{limit:g}秒，{expanded}个局面）仍没有答案：缩小地图、"
            "减少回合，或用 --max-seconds 放宽上限。",
            f"the solver stopped after {seconds:.1f} s (the limit is {limit:g} s, "
            f"{expanded} positions) without an answer: make the map smaller or the turns "
            "fewer, or raise --max-seconds", kind)
    if kind == "max_memory":
        return Reason(
            f"搜索用到了内存上限{limit:g} MB（{expanded}个局面，{seconds:.1f}秒）仍没有答案："
            "缩小地图、减少回合，或用 --max-memory-mb 放宽上限。",
            f"the solver reached its memory cap of {limit:g} MB after {expanded} positions "
            f"({seconds:.1f} s) without an answer: make the map smaller or the turns fewer, "
            "or raise --max-memory-mb", kind)
    return Reason(f"搜索在{expanded}个局面后被取消。",
                  f"the search was cancelled after {expanded} positions", "cancelled")
