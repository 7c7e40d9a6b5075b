"""Every text of the level editor's screen, in Chinese and English."""

from __future__ import annotations

from game.core.terrain import TERRAIN
from game.i18n import Text

EDITOR_MENU = Text("关卡编辑器", "Level editor")
EDITOR_TITLE = Text("关卡编辑器", "Level editor")
UNSAVED_MARK = Text("（未保存）", " (unsaved)")
COMPOSING = Text("输入法：", "Composing: ")

UNDO = Text("撤销", "Undo")
REDO = Text("重做", "Redo")
SAVE = Text("保存", "Save")
TEST_PLAY = Text("试玩", "Test play")
SHOW_WIN = Text("演示", "Show win")
LANGUAGE = Text("EN", "中文")
BACK = Text("返回", "Back")

TOOL_GROUPS = (Text("工具", "Tools"), Text("地形", "Terrain"), Text("标记", "Markers"),
               Text("部队与区域", "Units and lanes"))
TOOL_NAMES: dict[str, Text] = {
    "select": Text("选择", "Select"),
    "erase": Text("橡皮", "Eraser"),
    **{f"terrain:{name}": Text(t.label.zh, t.label.en[:1].upper() + t.label.en[1:])
       for name, t in TERRAIN.items() if name != "ferry"},
    "marker:start": Text("起点", "Start"),
    "marker:goal": Text("目标格", "Goal cell"),
    "marker:ally": Text("友军", "Allied army"),
    "marker:plank": Text("木板", "Plank"),
    "marker:shelter": Text("营地", "Shelter"),
    "marker:boat": Text("船只", "Boat"),
    "marker:boatman": Text("船工", "Boatman"),
    "marker:comrade": Text("掉队的战友", "Comrade left behind"),
    "marker:guide": Text("向导", "Guide"),
    "marker:siege": Text("敌据点", "Point to besiege"),
    "marker:cache": Text("丢辎重处", "Baggage drop"),
    "marker:ginger": Text("辣椒水和姜汤", "Ginger soup"),
    "unit:patrols": Text("巡逻队", "Patrol"),
    "unit:pursuers": Text("追兵", "Pursuer"),
    "unit:ferries": Text("渡船", "Ferry"),
    "unit:fires": Text("火力区", "Fire lane"),
    "unit:reliefs": Text("援军", "Relief column"),
    "unit:pontoons": Text("浮桥桥位", "Pontoon site"),
}
TOOL_HELP: dict[str, Text] = {
    "select": Text("点一个部队来修改它", "Click a unit to change it"),
    "erase": Text("去掉部队或标记，再点变成平地", "Removes a unit or marker, then paints plain"),
    "unit:patrols": Text("放下后，一格一格画出路线", "Place it, then draw its route cell by cell"),
    "unit:reliefs": Text("放下后，一格一格画出行军路线",
                         "Place it, then draw its march cell by cell"),
    "unit:ferries": Text("每点一格，加进当前渡船", "Each cell joins the current ferry"),
    "unit:fires": Text("每点一格，加进当前火力区", "Each cell joins the current fire lane"),
    "marker:siege": Text("守军占着的格子；目标种类选“攻下据点”",
                         "The garrison's cells; set Goal kind to take"),
    "unit:pontoons": Text("在江上点出桥位，每格加进当前桥位",
                          "Click river cells: each joins the current bridge site"),
}

VERDICT_TITLE = Text("能不能赢", "Can it be won?")
INVALID = Text("关卡有问题，先改好下面的问题", "The level has problems: fix those below")
SEARCHING = Text("正在求解……", "Solving…")
SOLVABLE = Text("能赢", "Winnable")
UNSOLVABLE = Text("赢不了", "Cannot be won")
UNKNOWN = Text("不确定", "Unknown")
BEST_WIN = Text("最佳走法 {moves} 步，剩余兵力 {troops}",
                "Best win: {moves} moves, {troops} troops left")
PAR_LINE = Text("标准：{par} 步内、兵力 {troops}（第二颗星）",
                "Par: {par} moves, {troops} troops (second star)")
VERDICT_KEYS = Text("F6 演示 · F7 存为 solution", "F6 shows it · F7 stores it")

FIELDS_TITLE = Text("关卡设置", "Level settings")
UNIT_TITLE = Text("选中的{what}“{char}”", "Selected {what} \"{char}\"")
PROBLEMS_TITLE = Text("问题（{n}）", "Problems ({n})")
CHECK_FAILS = Text("文件本身没有问题，但 check 会报告：它赢不了（见上面的原因）。",
                   "The file itself has no problems, but check will report that it cannot "
                   "be won (the reason is above).")
NO_PROBLEMS = Text("没有问题，check 会通过。", "No problems: check will pass.")
DEFAULT_MARK = Text("（默认）", " (default)")
NOT_SET = Text("（不写）", "(not written)")

FIELD_NAMES: dict[str, Text] = {
    "id": Text("关卡编号", "Level id"),
    "chapter": Text("章节编号", "Chapter id"),
    "title.zh": Text("标题（中文）", "Title (Chinese)"),
    "title.en": Text("标题（英文）", "Title (English)"),
    "intro.zh": Text("简介（中文）", "Intro (Chinese)"),
    "intro.en": Text("简介（英文）", "Intro (English)"),
    "troops": Text("兵力", "Troops"),
    "turns": Text("回合上限", "Turn limit"),
    "width": Text("地图宽", "Map width"),
    "height": Text("地图高", "Map height"),
    "goal.kind": Text("目标种类", "Goal kind"),
    "goal.min_troops": Text("最少兵力", "Troops needed"),
    "goal.crossings": Text("过河次数", "Crossings"),
    "goal.units": Text("渡运连队", "Companies to ferry"),
    "goal.per_boat": Text("每船每回合", "Per boat a turn"),
    "goal.hold": Text("坚守回合", "Turns to hold"),
    "goal.text.zh": Text("目标说明（中文）", "Goal text (Chinese)"),
    "goal.text.en": Text("目标说明（英文）", "Goal text (English)"),
    "warmth": Text("体温", "Warmth"),
    "weather": Text("天气 * .", "Weather * ."),
    "ginger_warmth": Text("姜汤暖身", "Soup warmth"),
    "rest_chill": Text("坐下受冻", "Rest chill"),
    "disguise": Text("伪装回合", "Disguise turns"),
    "baggage": Text("辎重 1=带着", "Baggage 1=yes"),
    "bog_damage": Text("沼泽损失", "Bog damage"),
    "par_slack": Text("标准宽限", "Par slack"),
    "solution": Text("存档走法", "Solution"),
    "unit.route": Text("路线", "Route"),
    "unit.sight": Text("视线", "Sight"),
    "unit.damage": Text("伤害", "Damage"),
    "unit.every": Text("每几回合走", "Steps every"),
    "unit.schedule": Text("时刻表 o .", "Timetable o ."),
    "unit.draw": Text("画路线", "Draw the route"),
    "unit.new": Text("新建一组", "Start a new one"),
    "unit.name_zh": Text("渡口名（中文）", "Name (Chinese)"),
    "unit.name_en": Text("渡口名（英文）", "Name (English)"),
    "kits": Text("架桥材料", "Bridge kits"),
    "unit.remove": Text("删除", "Remove it"),
}
GOAL_KINDS: dict[str, Text] = {
    "reach": Text("到达", "reach"), "ferry": Text("渡运", "ferry"),
    "hold": Text("坚守", "hold"), "meet": Text("会师", "meet"),
    "take": Text("攻下据点", "take"),
}

ROUTE_MODE = Text("画路线：方向键或点相邻格加一步，退格删一步，回车完成",
                  "Drawing the route: arrows or a click next to its end add a step, "
                  "Backspace takes one back, Enter finishes")
EDITING_TEXT = Text("输入文字，回车确定，Esc 取消", "Type, then Enter to keep it or Esc to cancel")
KEYS = Text("Tab 换区域 · 方向键 移动 · 空格 放置 · Ctrl+Z 撤销 · Ctrl+Y 重做 · Ctrl+S 保存 · "
            "F5 试玩 · Esc 返回",
            "Tab: next area · arrows: move · Space: place · Ctrl+Z undo · Ctrl+Y redo · "
            "Ctrl+S save · F5 test play · Esc back")

SAVED = Text("已保存：{path}", "Saved: {path}")
SAVE_FAILED = Text("保存失败：{reason}", "Could not save: {reason}")
UNDONE = Text("已撤销", "Undone")
REDONE = Text("已重做", "Redone")
NOTHING = Text("没有可撤销或重做的", "Nothing to undo or redo")
CANNOT_PLAY = Text("关卡还有问题，改好后才能试玩", "Fix the problems before a test play")
NO_WIN_YET = Text("还没有找到能赢的走法", "No win has been found yet")
STORED_SOLUTION = Text("最佳走法已存为 solution", "The best win is stored as the solution")
PLAY_WON = Text("试玩结束：赢了，{moves} 步，剩余兵力 {troops}",
                "Test play over: won in {moves} moves with {troops} troops")
PLAY_LOST = Text("试玩结束：输了", "Test play over: lost")
PLAY_LEFT = Text("回到编辑器", "Back in the editor")
LEAVE_UNSAVED = Text("有没保存的修改：再按一次 Esc（或返回）就不保存离开",
                     "Unsaved changes: press Esc (or Back) again to leave without saving")
PLAYING_WIN = Text("演示最佳走法：第 {n}/{total} 步（F6 停止）",
                   "Showing the best win: move {n}/{total} (F6 stops)")

OPEN_TITLE = Text("关卡编辑器：打开或新建", "Level editor: open or start a level")
NEW_LEVEL = Text("新关卡（{chapter}）", "New level ({chapter})")
