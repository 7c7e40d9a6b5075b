"""What the screens say about a level, chosen from what the level actually contains.

The goal line, the win title and the advice after a loss are put together from the level's
building blocks (its goal kind, terrain, enemies, fire lanes, cold, items), so a level with no
river never says "far bank", one with no patrols never blames them, and "at least N troops"
is only said where troops can run short.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.core.actions import Action
from game.core.events import SatDown
from game.core.level import Level
from game.core.rules import Impossible, step
from game.core.state import LossReason, initial_state
from game.i18n import Text


@dataclass(frozen=True, slots=True)
class Contents:
    """The building blocks of a level that its texts may speak of."""

    water: bool
    """A river, ford or ferry, or a bridge over one: there is a far bank."""
    bridge: bool
    snow: bool
    grassland: bool
    forest: bool
    bogs: bool
    patrols: bool
    pursuers: bool
    fires: bool
    reliefs: bool
    cold: bool
    shelters: bool
    guide: bool
    boatmen: bool
    baggage: bool = False
    """The column starts loaded with heavy baggage."""
    caches: bool = False
    """There is somewhere to leave the baggage."""
    ginger: bool = False
    """Chilli water and ginger soup to drink at the foot (warmth above the usual most)."""
    resting: bool = False
    """Standing still on snow costs more warmth than walking (``climb.rest_chill``)."""
    weather: bool = False
    """Blizzards come and go."""
    pontoons: bool = False
    """Pontoon-bridge sites the engineers can bridge and take down."""

    @property
    def harm(self) -> bool:
        """Something on the map can cost troops (patrols, pursuers, fire lanes, bogs)."""
        return self.patrols or self.pursuers or self.fires or self.bogs

    @property
    def enemies(self) -> bool:
        """Enemy soldiers of any kind are on the map."""
        return self.patrols or self.pursuers or self.reliefs


def contents(level: Level) -> Contents:
    """The building blocks of ``level``."""
    terrain = {cell.name for row in level.grid for cell in row}
    water = any(cell.water for row in level.grid for cell in row)
    items = {item.kind for item in level.items}
    return Contents(
        water=water or bool(terrain & {"chain", "deck"}),
        bridge=bool(terrain & {"chain", "deck"}),
        snow="snow" in terrain,
        grassland=bool(terrain & {"grassland", "bog"}),
        forest="forest" in terrain,
        bogs=bool(level.bogs),
        patrols=bool(level.patrols),
        pursuers=bool(level.pursuers),
        fires=bool(level.fires),
        reliefs=bool(level.reliefs),
        cold=level.warmth > 0,
        shelters=bool(level.shelters),
        guide="guide" in items,
        boatmen="boatman" in items,
        baggage=level.baggage,
        caches=level.baggage and "cache" in items,
        ginger="ginger" in items,
        resting=level.warmth > 0 and level.climb.rest_chill > 0,
        weather=level.warmth > 0 and any(level.weather),
        pontoons=bool(level.pontoons),
    )


def troops_needed(level: Level) -> int | None:
    """The troops the goal asks for, when that can fail: something on the map costs troops
    and more than one must arrive; else None (say nothing about troops)."""
    needed = level.goal.min_troops
    return needed if contents(level).harm and needed > 1 else None


def possible_losses(level: Level) -> tuple[LossReason, ...]:
    """The ways ``level`` can be lost, in the order :class:`LossReason` lists them."""
    have = contents(level)
    possible = {LossReason.OUT_OF_TURNS}
    if have.harm:
        possible.add(LossReason.NO_TROOPS)
    if troops_needed(level) is not None:
        possible.add(LossReason.TOO_FEW_TROOPS)
    if have.cold:
        possible.add(LossReason.FROZE)
    if have.reliefs:
        possible.add(LossReason.RELIEVED)
    return tuple(reason for reason in LossReason if reason in possible)


# ----------------------------------------------------------------- the goal line
def _need(level: Level) -> Text:
    needed = troops_needed(level)
    if needed is None:
        return Text("", "")
    return Text(f"，兵力不少于{needed}", f" with at least {needed} troops")


def _reach(level: Level) -> Text:
    have, goal, turns = contents(level), level.goal, level.turn_limit
    times = {1: "once", 2: "twice"}.get(goal.crossings, f"{goal.crossings} times")
    if goal.crossings and have.pontoons:
        first = Text(f"架起浮桥渡河{goal.crossings}次，再",
                     f"Bridge the river and cross it {times}, then reach")
    elif goal.crossings:
        first = Text(f"渡河{goal.crossings}次，再", f"Cross the river {times}, then reach")
    elif have.pontoons:
        first = Text("架起浮桥，", "Bridge the river and reach")
    elif have.bridge:
        first = Text("冲过铁索桥，", "Storm across the chain bridge and reach")
    elif have.snow and have.ginger:
        first = Text("在山下喝足辣椒水和姜汤，再翻过雪山，",
                     "Drink chilli water and ginger soup at the foot, cross the snow and "
                     "reach")
    elif have.snow:
        first = Text("翻过雪山，", "Cross the snow and reach")
    elif have.grassland:
        first = Text("走出草地，", "Cross the grassland and reach")
    else:
        first = Text("", "Reach")
    if have.caches:
        first = Text("丢下辎重，", "Leave the baggage, then ") + (
            first if first.en != "Reach" else Text("", "reach"))
    place = (Text("金色标记的对岸", "the gold-marked far bank") if have.water
             else Text("金色标记处", "the gold-marked place"))
    return (first + Text(f"在{turns}回合内到达", " ") + place
            + Text("", f" within {turns} turns") + _need(level) + Text("。", "."))


def _ferry(level: Level) -> Text:
    goal, turns = level.goal, level.turn_limit
    things = (Text("船只和船工", "boats and boatmen") if contents(level).boatmen
              else Text("船只", "boats"))
    return (Text("找到", "Find ") + things
            + Text(f"，在{turns}回合内从金色渡口把{goal.units}个连队全部渡过江",
                   f", then ferry all {goal.units} companies across from the gold-marked "
                   f"landing within {turns} turns")
            + _need(level) + Text("。", "."))


def _hold(level: Level) -> Text:
    goal, turns = level.goal, level.turn_limit
    if level.reliefs:
        first = Text("伏击敌人的援军，并", "Ambush the relief columns and hold")
    else:
        first = Text("", "Hold")
    return (first + Text(f"在金色阵地上连续坚守{goal.hold}个回合（限{turns}回合）",
                         f" the gold-marked positions for {goal.hold} turns in a row (within "
                         f"{turns} turns)")
            + _need(level) + Text("。", "."))


def _meet(level: Level) -> Text:
    armies, turns = 1 + len(level.allies), level.turn_limit
    zh = {2: "两", 3: "三"}.get(armies, str(armies))
    en = {2: "two", 3: "three"}.get(armies, str(armies))
    return (Text(f"{zh}支红军一起行动：在{turns}回合内让每一支都到达金色会师地点",
                 f"The {en} Red armies move together: bring every one of them to the "
                 f"gold-marked meeting place within {turns} turns")
            + _need(level) + Text("。", "."))


def _take(level: Level) -> Text:
    """围点打援 in order: besiege the point, ambush the relief once it sets out, take it."""
    have, turns = contents(level), level.turn_limit
    if have.reliefs:
        where = Text("在树林里", "from the forest ") if have.forest else Text("", "")
        middle = Text(f"，援军出动后{where.zh}伏击", f", ambush the relief {where.en}once it "
                                                 "sets out")
    else:
        middle = Text("", "")
    return (Text("先围住敌据点", "Besiege the enemy point") + middle
            + Text(f"，再攻下据点（限{turns}回合", f", then take the point (within {turns} "
                   "turns") + _need(level) + Text("）。", ")."))


GOALS = {"reach": _reach, "ferry": _ferry, "hold": _hold, "meet": _meet, "take": _take}


def objective(level: Level) -> Text:
    """The goal line: the author's words if the level gives them, else made from its
    contents."""
    if level.goal_text is not None:
        return level.goal_text
    return GOALS.get(level.goal.kind, _reach)(level)


# ----------------------------------------------------------------- win and loss
def win_title(level: Level) -> Text:
    """The result screen's title after a win, naming what was achieved."""
    have, kind = contents(level), level.goal.kind
    if kind == "meet":
        return Text("胜利会师！", "The armies have met!")
    if kind == "hold":
        return Text("阵地守住了！", "The positions held!")
    if kind == "ferry":
        return Text("全军渡过了江！", "Everyone is across the river!")
    if kind == "take":
        return Text("攻下了据点！", "The point is taken!")
    if have.bridge:
        return Text("夺下了铁索桥！", "The bridge is taken!")
    if have.snow:
        return Text("翻过了雪山！", "Over the snow mountains!")
    if have.grassland:
        return Text("走出了草地！", "Out of the grassland!")
    if have.water:
        return Text("胜利渡江！", "Across the river!")
    return Text("到达目的地！", "You made it!")


LOSS_TITLE = Text("任务失败", "Mission failed")


def _join(parts: list[Text]) -> Text:
    """``parts`` as one sentence: joined by "，" in Chinese, by commas and "and" in English."""
    zh = "，".join(part.zh for part in parts)
    en = [part.en for part in parts]
    english = en[0] if len(en) == 1 else ", ".join(en[:-1]) + " and " + en[-1]
    return Text(zh + "。", english[:1].upper() + english[1:] + ".")


def _tips(level: Level) -> Text:
    """How to lose fewer troops on this level."""
    have = contents(level)
    tips: list[Text] = []
    if have.patrols:
        tips.append(Text("躲开巡逻队的视线", "keep out of the patrols' sight"))
    if have.pursuers:
        tips.append(Text("别让追兵贴近", "keep the pursuers at a distance"))
    if have.pursuers and have.pontoons:
        tips.append(Text("过河后赶在追兵上桥前拆掉浮桥",
                         "take each bridge down behind you before a pursuer steps on it"))
    if have.fires:
        tips.append(Text("等火力停下再过封锁线", "cross the fire lanes while they are quiet"))
    if have.bogs:
        tips.append(Text("先找向导，再走沼泽", "find the guide before the bogs")
                    if have.guide else Text("当心草地里的沼泽", "beware of bogs in the grass"))
    if have.forest and (have.patrols or have.pursuers):
        tips.append(Text("从树林里穿行", "move through forest"))
    if have.caches:
        tips.append(Text("早点丢下辎重", "leave the heavy baggage early"))
    return _join(tips) if tips else Text("", "")


def _what_froze_them(level: Level, actions: Sequence[Action]) -> tuple[bool, bool]:
    """Replay ``actions``: whether a bowl of chilli water and ginger soup was left in the
    village, and whether the column stood still on the snow."""
    state, sat = initial_state(level), False
    for action in actions:
        try:
            state, events = step(level, state, action)
        except Impossible:
            break
        sat = sat or any(isinstance(event, SatDown) for event in events)
    left = any(item.kind == "ginger" and not state.taken >> index & 1
               for index, item in enumerate(level.items))
    return left, sat


def _froze_on_the_climb(level: Level, actions: Sequence[Action] | None) -> Text:
    """Freezing where the history's lessons apply: prepare at the foot, then keep moving.
    Each lesson is a sentence of its own, so the advice reads as steps in either language.
    Given the moves that lost, only the lessons the column missed are named (all of them
    when it missed none: it was too slow)."""
    have = contents(level)
    soup, rest = have.ginger, have.resting
    if actions is not None:
        left, sat = _what_froze_them(level, actions)
        if (have.ginger and left) or (have.resting and sat):
            soup, rest = have.ginger and left, have.resting and sat
    text = Text("体温降到了零。", "The column froze.")
    if soup:
        text += Text("上山前，先在村里把辣椒水和姜汤都喝到。",
                     " Before the climb, drink every bowl of chilli water and ginger soup in "
                     "the village.")
    if have.forest and have.weather:
        text += Text("风雪大时，在山脚的树林里等。",
                     " Wait out a blizzard in the trees at the foot.")
    if rest:
        text += Text("上了雪山就一步也别停：坐下休息的人，常常再也没有起来。",
                     " Once on the snow, never stop: those who sat down to rest often never "
                     "rose again.")
    return text


def loss_advice(level: Level, reason: LossReason,
                actions: Sequence[Action] | None = None) -> Text:
    """Why the level was lost, and what to try next, in terms of what is on this map (and,
    given the ``actions`` that lost it, of what the column did: see
    :func:`_froze_on_the_climb`)."""
    have, goal = contents(level), level.goal
    if reason is LossReason.NO_TROOPS:
        return Text("兵力耗尽。", "No troops left. ") + _tips(level)
    if reason is LossReason.TOO_FEW_TROOPS:
        return (Text(f"兵力不够：至少要有{goal.min_troops}。",
                     f"Too few troops: at least {goal.min_troops} are needed. ")
                + _tips(level))
    if reason is LossReason.FROZE:
        if have.ginger or have.resting:
            return _froze_on_the_climb(level, actions)
        if have.shelters:
            return Text("体温降到了零。走雪地要先想好，到下一个营地还要走几步。",
                        "The column froze. On snow, count the steps to the next shelter "
                        "first.")
        return Text("体温降到了零。走雪地要先想好，体温还够走几步。",
                    "The column froze. On snow, count how many steps the warmth lasts.")
    if reason is LossReason.RELIEVED:
        where = (Text("先在路边的树林里伏击援军。", "Ambush it from the forest beside the "
                      "road first.") if have.forest
                 else Text("先伏击援军。", "Ambush it first."))
        if level.siege:
            where = (Text("援军一出动，就到路边的树林里伏击它。", "As soon as it sets out, "
                          "ambush it from the forest beside the road.") if have.forest
                     else Text("援军一出动，就伏击它。", "As soon as it sets out, ambush it."))
            return Text("敌人的援军赶到，解了据点之围。",
                        "The relief column got through and lifted the siege. ") + where
        return Text("敌人的援军赶到了。", "The relief column got through. ") + where
    if goal.kind == "hold":
        return Text(f"回合用完，阵地没能连续坚守{goal.hold}个回合。先站上阵地，再守住。",
                    f"Out of turns before the positions were held for {goal.hold} turns in "
                    "a row. Reach them sooner, then stay.")
    if goal.kind == "take":
        return Text("回合用完，据点还没攻下。先到据点旁边把它围住，援军这才出动；伏击了援军，"
                    "守敌就会失守，再攻进去。",
                    "Out of turns before the point was taken. Go next to the point to besiege "
                    "it: only then does the relief set out. Ambush the relief, and the "
                    "garrison falls; then step in.")
    if goal.kind == "meet":
        return Text("回合用完，还有部队没赶到会师地点。每走一步，都要看着所有的部队。",
                    "Out of turns: not every army reached the meeting place. At every step, "
                    "watch all the armies, not only your own.")
    if have.baggage:
        return Text("回合用完了：背着辎重，每走一步要花两个回合。" if not have.caches else
                    "回合用完了：背着辎重，每走一步要花两个回合。早点去丢下辎重，轻装前进。",
                    "Out of turns: loaded with baggage, every move takes two turns."
                    + (" Leave the baggage early and march light." if have.caches else ""))
    if have.enemies:
        return Text("回合用完，敌军合围了。要走得更快。",
                    "Out of turns: the enemy closed the ring. Move faster.")
    return Text("回合用完了。先想好最短的路，再出发。",
                "Out of turns. Plan the shortest way before setting off.")
