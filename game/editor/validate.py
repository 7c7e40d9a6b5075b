"""Validate a document the way ``check`` does: write it, run the real loader on the text, and
put every problem where it is (a map cell when there is one, else the key it is about).

The loader speaks English; :func:`translate` gives its messages in Chinese too, so the
editor lists them in the pupil's or teacher's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from game.check.fonts import shipped_codepoints
from game.content.errors import ContentError, Problem
from game.content.levels import build_level
from game.content.yamlsafe import load_yaml_bytes
from game.core.actions import parse_moves
from game.core.level import Level, Pos
from game.core.rules import Impossible, replay
from game.core.state import Status, initial_state
from game.editor.document import Ferry, Fire, LevelDocument, Patrol, Pontoon, Pursuer, Relief
from game.editor.writer import Tag, Written, write_level
from game.fontcov import missing_chars
from game.i18n import Text


@dataclass(frozen=True, slots=True)
class EditorProblem:
    """A problem of the level being edited: what, in both languages, and where."""

    message: Text
    cells: frozenset[Pos] = frozenset()
    key: Tag = ()
    """The key it is about, e.g. ``("patrols", "A", "route")`` (``()``: the whole level)."""


@dataclass(frozen=True, slots=True)
class Validation:
    """The level the loader built (None when it refused), and every problem."""

    level: Level | None
    problems: tuple[EditorProblem, ...]
    written: Written


_ROW_COLUMN = re.compile(r"row (\d+), column (\d+)")

#: Loader messages (regular expressions over the English) and their Chinese.
_CHINESE: tuple[tuple[str, str], ...] = (
    (r"the map has no start.*", "地图上没有起点：用 S（起点工具）标出队伍出发的格子"),
    (r"the map has more than one start.*", "地图上有不止一个起点：只保留一个"),
    (r"the map has no goal.*", "地图上没有目标格：用 G（目标工具）标出要到达的格子"),
    (r'pontoon site "(.)" is not on the map.*',
     "浮桥桥位“{0}”不在地图上：在江面上点出它横跨的格子"),
    (r'pontoon site "(.)" is in pieces on the map.*',
     "浮桥桥位“{0}”断成了几段：一座浮桥是一条连续的格子"),
    (r'pontoon site "(.)" does not join two banks.*',
     "浮桥桥位“{0}”没有连接两岸：让它横跨江面，两端各接一岸的陆地"),
    (r"kits only matters with pontoon sites.*",
     "架桥材料（kits）只在有浮桥桥位时才有用：放上浮桥桥位，或不写 kits"),
    (r'(patrol|pursuer|ferry|fire lane|relief column) "(.)" is not on the map.*',
     "{kind}“{1}”不在地图上：把它放到出发的格子"),
    (r'(patrol|pursuer|relief column) "(.)" appears more than once.*',
     "{kind}“{1}”在地图上出现了不止一次；每个都要有自己的字符"),
    (r'patrol "(.)": step (\d+) \((.)\) of its route leaves the map',
     "巡逻队“{0}”：路线第 {1} 步（{2}）走出了地图"),
    (r'patrol "(.)": step (\d+) \((.)\) of its route walks into (\w+) at row (\d+), '
     r"column (\d+)", "巡逻队“{0}”：路线第 {1} 步（{2}）走进了第 {4} 行第 {5} 列的{terrain3}"),
    (r'patrol "(.)": its route must end where it starts.*',
     "巡逻队“{0}”：路线必须回到起点才能循环，请补上回去的步子"),
    (r'relief column "(.)": step (\d+) of its march leaves the land.*',
     "援军“{0}”：行军第 {1} 步离开了它能走的陆地"),
    (r"a ferry goal needs units.*", "渡运目标需要写要渡的连队数（units）"),
    (r"a meet goal needs a goal cell for each of the (\d+) armies.*",
     "会师目标要为 {0} 支部队每支准备一个目标格：再标几个 G"),
    (r"armies that move together cannot push planks.*", "友军和木板不能用在同一关里"),
    (r"a hold goal needs hold.*", "坚守目标需要写坚守的回合数（hold）"),
    (r"shelters and weather only matter on a cold level.*",
     "营地和天气只在寒冷关卡里有用：请设置体温（warmth）"),
    (r"a cache is where a loaded column leaves its baggage.*",
     "丢辎重处只对带着辎重出发的队伍有用：请把辎重（baggage）设为 1，或去掉丢辎重处"),
    (r"a ferry goal needs boats on the map.*", "渡运目标需要地图上有船只：放上船只标记"),
    (r"a take goal needs a point to besiege.*",
     "“攻下据点”目标需要一个敌据点：用敌据点标记标出守军占着的格子"),
    (r"with kind: take the goal is the point to besiege itself.*",
     "“攻下据点”的目标就是敌据点本身：删掉目标格（G）"),
    (r"the point to besiege \(siege\) must be on land, not on (\w+).*",
     "敌据点必须在陆地上，不能在{0}上"),
    (r"chilli water and ginger soup \(map row (\d+)\) only helps on a cold level.*",
     "辣椒水和姜汤（地图第 {0} 行）只在寒冷关卡里有用：请设置体温（warmth）"),
    (r"rest_chill only matters on a cold level.*",
     "坐下受冻（rest_chill）只在寒冷关卡里有用：请设置体温（warmth）"),
    (r"ginger_warmth is set but no chilli water and ginger soup lies on the map.*",
     "设置了姜汤暖身（ginger_warmth），地图上却没有辣椒水和姜汤：在雪线下的村子里放一碗"),
    (r"the goal asks for (\d+) troops but the column starts with only (\d+)",
     "目标要求 {0} 名兵力，但队伍开始只有 {1} 名"),
    (r'unknown map character (.*) \(row (\d+), column (\d+)\).*',
     "未知的地图字符 {0}（第 {1} 行第 {2} 列）"),
    (r"map row (\d+) has (\d+) cells but row 1 has (\d+).*",
     "地图第 {0} 行有 {1} 格，第 1 行有 {2} 格；每行要一样长"),
    (r"the map is (\d+)×(\d+); the largest that fits the screen is (\d+)×(\d+)",
     "地图是 {0}×{1}，屏幕最多放得下 {2}×{3}"),
    (r"this text is empty", "这段文字是空的"),
    (r"this text is (\d+) characters; the limit is (\d+)", "这段文字有 {0} 个字符，最多 {1} 个"),
    (r'"(.*)" is not a valid id.*', "“{0}”不是有效的编号：只用小写字母、数字和 -"),
    (r'"(.*)" is not a route.*', "“{0}”不是路线：只用 U D L R 和 .（停）"),
    (r'"(.*)" is not a schedule.*', "“{0}”不是时刻表：用 o 和 .，至少一个 o"),
    (r'"(.*)" is not a weather pattern.*', "“{0}”不是天气：用 *（暴风雪）和 .（无风）"),
    (r'"(.*)" is not a move string.*', "“{0}”不是走法：只用 U D L R 和 ."),
    (r"expected a whole number, found (.*)", "这里要写整数，现在是 {0}"),
    (r"(-?\d+) is out of range: use a number from (\d+) to (\d+)",
     "{0} 超出范围：请用 {1} 到 {2} 之间的数"),
    (r"missing the (Chinese|English) text.*", "缺少{lang0}文字"),
    (r'missing key "(\w+)".*', "缺少键“{0}”"),
)

_KINDS_ZH = {"patrol": "巡逻队", "pursuer": "追兵", "ferry": "渡船", "fire lane": "火力区",
             "relief column": "援军", "pontoon site": "浮桥桥位"}


def translate(message: str) -> Text:
    """A loader message in both languages (the English as it is; unknown ones keep it)."""
    from game.core.terrain import TERRAIN

    for pattern, chinese in _CHINESE:
        match = re.fullmatch(pattern, message)
        if match is None:
            continue
        groups = match.groups()
        extra: dict[str, str] = {}
        if groups:
            extra["kind"] = _KINDS_ZH.get(groups[0], groups[0])
            extra["lang0"] = {"Chinese": "中文", "English": "英文"}.get(groups[0], groups[0])
        if len(groups) > 3 and groups[3] in TERRAIN:
            extra["terrain3"] = TERRAIN[groups[3]].label.zh
        return Text(chinese.format(*groups, **extra), message)
    return Text(f"检查报告（英文）：{message}", message)


#: Names of keys, for problems that are about a key rather than a cell.
KEY_NAMES: dict[str, Text] = {
    "id": Text("关卡编号", "level id"), "chapter": Text("章节", "chapter"),
    "title": Text("标题", "title"), "intro": Text("简介", "intro"),
    "map": Text("地图", "map"), "legend": Text("图例", "legend"),
    "troops": Text("兵力", "troops"), "turns": Text("回合", "turns"),
    "goal": Text("目标", "goal"), "patrols": Text("巡逻队", "patrol"),
    "pursuers": Text("追兵", "pursuer"), "ferries": Text("渡船", "ferry"),
    "fires": Text("火力区", "fire lane"), "reliefs": Text("援军", "relief column"),
    "bog_damage": Text("沼泽损失", "bog damage"), "warmth": Text("体温", "warmth"),
    "weather": Text("天气", "weather"), "disguise": Text("伪装", "disguise"),
    "par_slack": Text("标准步数宽限", "par slack"), "solution": Text("存档走法", "solution"),
    "ginger_warmth": Text("姜汤暖身", "ginger warmth"),
    "rest_chill": Text("坐下受冻", "rest chill"),
    "pontoons": Text("浮桥桥位", "pontoon site"), "kits": Text("架桥材料", "bridge kits"),
    "name": Text("名称", "name"),
    "zh": Text("（中文）", " (Chinese)"), "en": Text("（英文）", " (English)"),
}


def key_label(key: Tag) -> Text:
    """A key path in words, e.g. ``标题（英文）`` / ``title (English)``."""
    if not key:
        return Text("关卡", "level")
    label = KEY_NAMES.get(key[0], Text(key[0], key[0]))
    if key[0] in ("patrols", "pursuers", "ferries", "fires", "reliefs", "pontoons") and len(
            key) > 1:
        label = label + Text(f"“{key[1]}”", f' "{key[1]}"')
    if key[-1] in ("zh", "en"):
        label = label + KEY_NAMES[key[-1]]
    return label


def cells_of_key(document: LevelDocument, key: Tag) -> frozenset[Pos]:
    """The cells a key is about: a unit's cells, or the start for a goal; else none."""
    if len(key) >= 2 and key[0] in ("patrols", "pursuers", "ferries", "fires", "reliefs",
                                    "pontoons"):
        unit = getattr(document, key[0]).get(key[1])
        if isinstance(unit, (Ferry, Fire, Pontoon)):
            return unit.cells
        if isinstance(unit, (Patrol, Pursuer, Relief)):
            return frozenset((unit.pos,))
    return frozenset()


def _place(document: LevelDocument, written: Written, problem: Problem) -> EditorProblem:
    """An :class:`EditorProblem` for one of the loader's problems."""
    message = translate(problem.message)
    found = _ROW_COLUMN.search(problem.message)
    if found is not None:
        cell = (int(found.group(2)) - 1, int(found.group(1)) - 1)
        if document.inside(cell):
            return EditorProblem(message, frozenset((cell,)), written.tag(problem.line))
    tag = written.tag(problem.line)
    if len(tag) == 3 and tag[0] == "map":
        cell = (problem.column - int(tag[2]), int(tag[1]))
        return EditorProblem(message, frozenset((cell,)), ("map",))
    return EditorProblem(message, cells_of_key(document, tag), tag)


def validate(document: LevelDocument, shown: str = "level.yaml") -> Validation:
    """Run the real loader on the written document; also what ``check`` adds (the stored
    solution, the font) and what only the editor can say (a fire lane on mixed ground)."""
    written = write_level(document, keep_comments=False)
    problems: list[EditorProblem] = []
    level: Level | None = None
    try:
        node = load_yaml_bytes(written.text.encode("utf-8"), shown)
        level = build_level(node, shown, written.text.splitlines())
    except ContentError as error:
        problems += [_place(document, written, problem) for problem in error.problems]
        problems += _map_problems(document, problems, shown)
    problems += _editor_problems(document)
    if level is not None and level.solution is not None:
        problems += _solution_problems(level)
    return Validation(level, tuple(problems), written)


def _map_problems(document: LevelDocument, found: list[EditorProblem],
                  shown: str) -> list[EditorProblem]:
    """The map's problems hidden behind text problems: the loader stops before the map
    when a key is wrong, so the map is checked again with every text filled in."""
    filled = document.with_(
        id=document.id if re.fullmatch(r"[a-z0-9][a-z0-9-]*", document.id) else "x",
        chapter=document.chapter if re.fullmatch(r"[a-z0-9][a-z0-9-]*", document.chapter)
        else "x",
        title=tuple(t.strip()[:40] or "x" for t in document.title),
        intro=tuple(t.strip() or "x" for t in document.intro) if document.intro else None,
        goal_text=(tuple(t.strip() or "x" for t in document.goal_text)
                   if document.goal_text else None))
    if filled == document:
        return []
    written = write_level(filled, keep_comments=False)
    try:
        build_level(load_yaml_bytes(written.text.encode("utf-8"), shown), shown,
                    written.text.splitlines())
    except ContentError as error:
        seen = {problem.message for problem in found}
        return [placed for problem in error.problems
                if (placed := _place(filled, written, problem)).message not in seen]
    return []


def _editor_problems(document: LevelDocument) -> list[EditorProblem]:
    problems = []
    for char, fire in document.fires.items():
        grounds = {document.terrain_at(cell) for cell in fire.cells}
        if len(grounds) > 1:
            problems.append(EditorProblem(
                Text(f"火力区“{char}”的格子在不同的地形上；一个火力区只能在一种地形上",
                     f'fire lane "{char}" lies on different kinds of ground; a lane lies on '
                     "one kind"), fire.cells, ("fires", char)))
    codes = shipped_codepoints()
    texts: list[tuple[Tag, str]] = [(("title", "zh"), document.title[0]),
                                    (("title", "en"), document.title[1])]
    if document.intro is not None:
        texts += [(("intro", "zh"), document.intro[0]), (("intro", "en"), document.intro[1])]
    if document.goal_text is not None:
        texts += [(("goal", "text", "zh"), document.goal_text[0]),
                  (("goal", "text", "en"), document.goal_text[1])]
    for key, text in texts:
        missing = missing_chars(text, codes)
        if missing:
            shown = " ".join(missing[:5])
            problems.append(EditorProblem(Text(f"游戏的字体画不出这些字：{shown}",
                                               f"the game's font cannot draw: {shown}"),
                                          key=key))
    return problems


def _solution_problems(level: Level) -> list[EditorProblem]:
    assert level.solution is not None
    try:
        final = replay(level, initial_state(level), parse_moves(level.solution))
    except Impossible as refused:
        return [EditorProblem(Text(f"存档走法被规则拒绝：{refused.message.zh}"
                                   "（按 F7 存入最佳走法）",
                                   f"the stored solution is refused by the rules: "
                                   f"{refused.message.en} (F7 stores the best win)"),
                              key=("solution",))]
    if final.status is not Status.WON:
        return [EditorProblem(Text("存档走法不再能赢（按 F7 存入最佳走法）",
                                   "the stored solution no longer wins (F7 stores the best "
                                   "win)"), key=("solution",))]
    return []
