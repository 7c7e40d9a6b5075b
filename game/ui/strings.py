"""Every fixed string the shell shows, in Chinese and English, in one place."""

from __future__ import annotations

from game.core.actions import Action
from game.i18n import Text

WINDOW_TITLE = "长征 · The Long March"

GAME_TITLE = Text("长征", "The Long March")
GAME_SUBTITLE = Text("重走红军长征路 · 1934—1936", "Retrace the Red Army's Long March · 1934–1936")
START = Text("开始征程", "Start the march")
CONTINUE = Text("继续征程", "Continue the march")
LANGUAGE = Text("Language: English", "语言：中文")
QUIT = Text("退出游戏", "Quit")
CHAPTERS = Text("章节", "Chapters")
LOCKED = Text("未解锁", "Locked")
NOT_STARTED = Text("未开始", "Not started")
IN_PROGRESS = Text("进行中", "In progress")
COMPLETE = Text("已完成", "Complete")
LEVEL_BEST = Text("第{n}关：{moves}步，剩余兵力{troops}",
                  "Level {n}: {moves} moves, {troops} troops left")
LEVEL_NOT_WON = Text("第{n}关：未通过", "Level {n}: not yet won")
QUIZ_BEST = Text("测验最好成绩：{score}/{total}", "Best quiz score: {score}/{total}")
QUIZ_NONE = Text("测验：未参加", "Quiz: not taken yet")
MENU_HINT = Text("方向键选择 · 回车确定 · 鼠标点击 · F11 全屏",
                 "Arrows to choose · Enter to confirm · mouse works too · F11 full screen")

BRIEFING = Text("战前简报", "Briefing")
WHEN = Text("时间", "When")
WHERE = Text("地点", "Where")
BEGIN = Text("出发", "Begin")
BACK = Text("返回", "Back")

LEVEL_LABEL = Text("第{n}关", "Level {n}")
TURN = Text("回合 {turn}/{limit}", "Turn {turn}/{limit}")
TROOPS = Text("兵力 {troops}", "Troops {troops}")
TROOPS_NEEDED = Text("（需 {n}）", " (need {n})")
GOAL = Text("目标：", "Goal: ")
CONTROLS = Text("方向键/WASD 移动 · 空格 等待 · Z 撤销 · R 重来 · H 提示 · Esc 菜单",
                "Arrows/WASD move · Space wait · Z undo · R restart · H hint · Esc menu")
PRESS_ANY_KEY = Text("按任意键开始", "Press any key to begin")
SPOTTED = Text("被巡逻队 {id} 发现！兵力 -{damage}", "Spotted by patrol {id}! Troops -{damage}")
CAUGHT = Text("被追兵 {id} 追上！兵力 -{damage}", "Pursuer {id} caught up! Troops -{damage}")
CROSSED = Text("第 {n} 次渡河！", "River crossing number {n}!")
CROSSINGS = Text("渡河 {n}/{total}", "Crossings {n}/{total}")
FERRIED = Text("渡江 {n}/{total}", "Across {n}/{total}")
BOATS = Text("船 {boats}", "Boats {boats}")
BOATMEN = Text("船工 {men}", "Boatmen {men}")
DISGUISE = Text("伪装 {n}", "Disguise {n}")
PICKED_UP = Text("找到了{what}！", "Found a {what}!")
FERRIED_NOW = Text("渡过 {carried} 个连，已渡 {total} 个",
                   "{carried} companies across, {total} in all")
FIRE_NEXT = Text("下回合开火", "Fire next turn")
FIRE_QUIET = Text("下回合停火", "Quiet next turn")
UNDER_FIRE = Text("遭到火力扫射！兵力 -{damage}", "Under fire! Troops -{damage}")
PLANK_LAID = Text("木板铺上了铁索！", "A plank now covers the chains!")
WARMTH = Text("体温 {n}/{total}", "Warmth {n}/{total}")
BLIZZARD_NEXT = Text("下回合暴风雪", "Blizzard next turn")
CALM_NEXT = Text("下回合无风", "Calm next turn")
COMRADES = Text("战友 {n}/{total}", "Comrades {n}/{total}")
BAGGAGE_LOADED = Text("辎重：一步两回合", "Baggage: 2 turns a move")
BAGGAGE_LIGHT = Text("轻装前进", "Marching light")
BAGGAGE_DROPPED = Text("丢下了笨重的辎重，轻装前进！", "The heavy baggage is left behind: "
                       "marching light!")
HAULED = Text("辎重拖慢了队伍：这一步用了两个回合。",
              "The heavy baggage slows the column: this move takes two turns.")
WARMED_UP = Text("在营地烤火，体温恢复了。", "Warm again by the fire in the shelter.")
FORTIFIED = Text("喝下辣椒水和姜汤：体温 +{gained}，现在是 {warmth}！",
                 "Hot chilli water and ginger soup: warmth +{gained}, now {warmth}!")
SAT_DOWN = Text("在雪地上坐下歇，体温多掉了 {lost}：坐下就可能再也起不来！",
                "Sitting down on the snow cost {lost} more warmth: those who sit down may "
                "never rise again!")
GINGER = Text("姜汤 {n}/{total}", "Soup {n}/{total}")
MET = Text("会师 {n}/{total}", "At the meeting place {n}/{total}")
BRIDGE_KITS = Text("架桥材料 {free}/{total}", "Bridge kits {free}/{total}")
BRIDGE_BUILT = Text("工兵在{name}架起了浮桥！追兵也能从桥上过来。",
                    "The engineers bridged the river at {name}! Pursuers can cross it too.")
BRIDGE_TAKEN_DOWN = Text("{name}的浮桥拆下了：追兵过不来，材料可以再架一座桥。",
                         "The bridge at {name} is down: the pursuers are cut off, and the "
                         "materials are free for the next one.")
KITS_IN_USE = Text("架桥材料都在别的浮桥上：先去那座桥旁边等一回合把它拆下。",
                   "Every bridge kit is in another bridge: wait beside that one to take it "
                   "down first.")
BRIDGE_HERE = Text("这里", "this crossing")
HINT = Text("提示：下一步{move}。", "Hint: next, {move}.")
NO_HINT = Text("从这里已经赢不了了，按 Z 撤销或 R 重来。",
               "There is no way to win from here: Z to undo, or R to restart.")
HINT_THINKING = Text("参谋正在想办法……", "Your staff officer is thinking...")
UNDO_OR_RESTART = Text("按 Z 撤销，R 重来。", "Z: undo · R: restart")
MOVE_NAMES: dict[Action, Text] = {
    Action.UP: Text("向上", "go up"),
    Action.DOWN: Text("向下", "go down"),
    Action.LEFT: Text("向左", "go left"),
    Action.RIGHT: Text("向右", "go right"),
    Action.WAIT: Text("原地等待", "wait a turn"),
}
RELOADED = Text("关卡文件已重新载入。", "Level file reloaded.")
RELOAD_BROKEN = Text("关卡文件有错误，改好并保存后会自动重新载入：",
                     "The level file has mistakes; fix them and save, and it reloads:")
RELOAD_HINT = Text("F5 重新载入 · Esc 菜单", "F5 reload · Esc menu")
HELD_TURNS = Text("坚守 {n}/{total}", "Held {n}/{total}")
RELIEFS_LEFT = Text("援军 {n}", "Relief columns {n}")
BOGGED = Text("陷进了沼泽！兵力 -{damage}", "Stuck in a bog! Troops -{damage}")
AMBUSHED = Text("伏击成功，援军 {id} 被拦住了！", "Ambush! Relief column {id} is stopped!")
SIEGE_BEGAN = Text("围住了敌据点！敌人的援军要出动了。",
                   "The enemy point is besieged! Its relief will set out now.")
SIEGE_BEGAN_NO_RELIEF = Text("围住了敌据点！", "The enemy point is besieged!")
POINT_FELL = Text("援军都被打垮，据点的守敌失守了！", "The relief is beaten: the garrison falls!")
POINT_HELD = Text("据点 未围", "Point: not besieged")
POINT_BESIEGED = Text("据点 已围", "Point: besieged")
POINT_FALLEN = Text("据点 失守", "Point: fallen")
DISGUISE_OVER = Text("伪装被识破了，守军开始警戒！", "The disguise is over: the guards are alert!")
HELD = Text("巡逻队 {id} 被挡住了去路", "Patrol {id} is blocked by the column")
NOTHING_TO_UNDO = Text("已经是第一步了", "Nothing to undo")
UNDONE = Text("撤销了一步", "Move undone")

PAUSED = Text("暂停", "Paused")
RESUME = Text("继续", "Resume")
RESTART = Text("重新开始本关", "Restart level")
QUIT_TO_TITLE = Text("返回标题", "Quit to title")

MOVES_USED = Text("用了 {moves} 步", "Moves: {moves}")
TROOPS_LEFT = Text("剩余兵力 {troops}", "Troops left: {troops}")
PAR = Text("保住 {troops} 兵力、{par} 步以内过关可再得一星",
           "A second star for winning with {troops} troops within {par} moves")
PAR_MET = Text("保住 {troops} 兵力、{par} 步以内过关，得到第二颗星",
               "Second star: {troops} troops kept within {par} moves")
NEXT_LEVEL = Text("下一关", "Next level")
TAKE_QUIZ = Text("参加测验", "Take the quiz")
RETRY = Text("再试一次", "Try again")
NEW_BEST = Text("新纪录！", "New best!")

QUIZ = Text("测验", "Quiz")
QUESTION_OF = Text("第 {n} 题 / 共 {total} 题", "Question {n} of {total}")
CHOOSE_ALL = Text("选出所有正确答案，然后点“确定”", "Choose every right answer, then Confirm")
CHOOSE_ORDER = Text("按正确顺序依次点击，然后点“确定”",
                    "Click the items in the right order, then Confirm")
CONFIRM = Text("确定", "Confirm")
CLEAR = Text("重选", "Clear")
RIGHT = Text("回答正确！", "Correct!")
WRONG = Text("回答错误", "Not quite")
RIGHT_ANSWER = Text("正确答案：", "Right answer: ")
NEXT_QUESTION = Text("下一题", "Next question")
SEE_RESULT = Text("查看成绩", "See my score")
QUIZ_SCORE = Text("答对 {score} 题，共 {total} 题", "{score} of {total} correct")
QUIZ_PASSED = Text("通过测验！本章完成。", "Quiz passed! Chapter complete.")
QUIZ_FAILED = Text("需要答对 {percent}% 才能通过，再试一次吧。",
                   "You need {percent}% to pass. Try again!")
RETRY_QUIZ = Text("重新测验", "Retake the quiz")
TO_REVIEW = Text("答错的题（可以重新测验）：", "To review (you can retake the quiz):")
TRUE_FALSE_HINT = Text("判断对错", "True or false?")

CARD_TITLE = Text("知识卡片", "History card")
CONTENT_ERRORS = Text("关卡文件有错误", "The level files have mistakes")
CONTENT_ERRORS_HINT = Text("请修改下列文件后重新启动游戏：",
                           "Fix these lines, then start the game again:")

# ---------------------------------------------------------------- campaign screens
CARDS_MENU = Text("知识卡片", "History cards")
REVIEW_MENU = Text("错题本", "Review mistakes")
PROGRESS = Text("征程进度", "Your march so far")
PROGRESS_SUMMARY = Text("★ {stars}/{max}  ·  知识卡片 {cards}/{total}  ·  错题 {wrong}",
                        "★ {stars}/{max}  ·  Cards {cards}/{total}  ·  Mistakes {wrong}")
CHAPTER_N = Text("第{n}章", "Chapter {n}")

ROUTE_TITLE = Text("长征路线图", "The route of the Long March")
ROUTE_HINT = Text("方向键选择章节 · 回车或点击进入 · Esc 返回",
                  "Arrows choose a chapter · Enter or click to open · Esc to go back")
ROUTE_LEGEND_MARCH = Text("中央红军长征路线（1934—1935）",
                          "The Central Red Army's route (1934–1935)")
ROUTE_LEGEND_MEETING = Text("1936年：三大主力会师", "1936: the three armies meet")
ROUTE_LOCKED = Text("完成上一章后解锁", "Finish the previous chapter to unlock it")
ROUTE_OPEN = Text("按回车或点击，进入本章", "Press Enter or click to open this chapter")
ROUTE_LEVEL = Text("第{n}关", "Level {n}")
ROUTE_LEVEL_BEST = Text("{moves}步", "{moves} moves")
ROUTE_LEVEL_NOT_WON = Text("未通过", "not won yet")
ROUTE_QUIZ = Text("测验", "Quiz")
ROUTE_QUIZ_BEST = Text("{score}/{total}", "{score}/{total}")
ROUTE_QUIZ_NONE = Text("未参加", "not taken yet")
STARS_RULE = Text("每关：过关 ★，在标准步数内过关再得 ★；每章：测验全对再得 ★。",
                  "Each level: ★ for winning, ★ more within par. "
                  "Each chapter: ★ for a perfect quiz.")

CARDS_TITLE = Text("知识卡片", "History cards")
CARDS_COUNT = Text("已获得 {n}/{total} 张", "{n} of {total} collected")
CARD_FACTS = Text("要点", "Key facts")
CARD_LOCKED = Text("完成本章后获得", "Earned by finishing this chapter")
CARD_NONE = Text("本章没有知识卡片", "This chapter has no history card")
PAGE_OF = Text("{n} / {total}", "{n} / {total}")
PAGE_HINT = Text("← → 翻页 · Esc 返回", "← → turn the page · Esc to go back")

REVIEW_TITLE = Text("错题本", "Review mistakes")
REVIEW_EMPTY = Text("暂无错题", "No mistakes to review")
REVIEW_EMPTY_HINT = Text("测验中答错的题会收在这里，答对后就会消失。",
                         "Quiz questions you answer wrongly are kept here until you get "
                         "them right.")
REVIEW_CONTINUED = Text("（续）", " (continued)")
EXPLANATION = Text("解析：", "Why: ")

ENDING_POEM = Text("七律·长征", "The Long March: a poem")
ENDING_WHOLE_MARCH = Text("长征全程", "the whole march")
ENDING_NOT_PLAYED = Text("尚未完成", "not played yet")
ENDING_DONE = Text("回到标题", "Back to the title")
ENDING_SKIP = Text("按回车显示全诗", "Press Enter to show the whole poem")

CARD_EARNED = Text("获得知识卡片：{title}", "History card earned: {title}")
SEE_CARD = Text("查看知识卡片", "See the history card")
TO_ENDING = Text("走向胜利", "On to the end")
NORTH = Text("北", "N")
PERFECT_QUIZ = Text("全部答对，本章多得一颗星！", "All correct: an extra star for this chapter!")
SOURCE_DASH = Text("——", "— ")

# ---------------------------------------------------------------- profiles (several pupils)
SWITCH_PUPIL = Text("切换学生", "Switch pupil")
PUPIL_NAME = Text("学生：{name}", "Pupil: {name}")
DEFAULT_PROFILE = Text("默认", "Default")
PROFILES_TITLE = Text("谁在玩？", "Who is playing?")
PROFILES_SUBTITLE = Text("选择你的名字，或新建一个学生", "Pick your name, or add a new pupil")
NEW_PUPIL = Text("＋ 新建学生", "+ New pupil")
CURRENT_PUPIL = Text("当前", "playing")
PROFILES_HINT = Text("方向键选择 · 回车确定 · PgUp/PgDn 翻页 · Esc 返回",
                     "Arrows to choose · Enter to confirm · PgUp/PgDn pages · Esc to go back")
NEW_PUPIL_TITLE = Text("新建学生", "New pupil")
NEW_PUPIL_PROMPT = Text("输入你的名字（最多 {n} 个字），按回车确定，按 Esc 取消。",
                        "Type your name (up to {n} characters), then press Enter; "
                        "Esc cancels.")
CREATE = Text("新建", "Create")
CANCEL = Text("取消", "Cancel")
NAME_EMPTY = Text("请先输入名字。", "Type a name first.")
NAME_TAKEN = Text("已有同名的学生：请在列表中选择，或换一个名字。",
                  "A pupil with this name already exists: pick it from the list, "
                  "or choose another name.")
NAME_UNUSABLE = Text("这个名字不能用：请用汉字、字母或数字。",
                     "This name cannot be used: please use letters or digits.")
PROFILE_NOT_REMEMBERED = Text("无法记住所选的学生（{reason}）。",
                              "The chosen pupil could not be remembered ({reason}).")


# ===================== settings, controls, credits, the level's buttons, pupils, resume
# ---------------------------------------------------------------- title and pause entries
SETTINGS = Text("设置", "Settings")
HELP = Text("操作说明", "Controls")
CREDITS = Text("制作与来源", "Credits")

# ---------------------------------------------------------------- settings
SETTINGS_TITLE = Text("设置", "Settings")
SETTINGS_SUBTITLE = Text("保存在这台电脑上，每位学生都适用",
                         "Kept on this computer, for every pupil")
SOUND = Text("声音", "Sound")
VOLUME = Text("音量", "Volume")
TEXT_SIZE = Text("文字大小", "Text size")
HIGH_CONTRAST = Text("高对比度", "High contrast")
FULLSCREEN = Text("全屏", "Full screen")
LANGUAGE_ROW = Text("语言", "Language")
ON = Text("开", "On")
OFF = Text("关", "Off")
PERCENT = Text("{n}%", "{n}%")
QUIETER = Text("－", "－")
LOUDER = Text("＋", "＋")
CHINESE = Text("中文", "中文")
ENGLISH = Text("English", "English")
SETTINGS_HINT = Text("方向键选择 · 回车确定 · 鼠标点击 · F1 操作说明 · Esc 返回",
                     "Arrows to choose · Enter to confirm · mouse works too · F1 controls · "
                     "Esc to go back")

# ---------------------------------------------------------------- help
HELP_TITLE = Text("操作说明", "Controls")
HELP_SUBTITLE = Text("键盘、鼠标和触摸屏都可以玩",
                     "Play with the keyboard, a mouse or a touch screen")
HELP_IN_LEVEL = Text("在关卡里", "In a level")
HELP_IN_MENUS = Text("在菜单里", "In menus")
HELP_ROWS_LEVEL: tuple[tuple[Text, Text], ...] = (
    (Text("方向键 / WASD", "Arrows / WASD"),
     Text("向上下左右走一格；也可以点击队伍旁边的格子", "Move one square; or tap a square next "
                                                     "to the column")),
    (Text("空格", "Space"), Text("原地等待一回合；也可以点击队伍本身", "Wait a turn; or tap the "
                                                                   "column itself")),
    (Text("Z / 退格", "Z / Backspace"),
     Text("撤销一步（按钮“撤销”）", "Undo a move (the Undo button)")),
    (Text("R", "R"), Text("重新开始本关（按钮“重来”）", "Restart the level (the Restart button)")),
    (Text("H", "H"), Text("提示下一步（老师能看到用了几次）",
                          "A hint for the next move (your teacher sees how many)")),
    (Text("Esc / P", "Esc / P"),
     Text("暂停菜单（按钮“菜单”）", "The pause menu (the Menu button)")),
)
HELP_ROWS_MENUS: tuple[tuple[Text, Text], ...] = (
    (Text("方向键 · 回车", "Arrows · Enter"), Text("选择 · 确定；也可以直接点击",
                                                 "Choose · confirm; or just click or tap")),
    (Text("Esc", "Esc"), Text("返回上一页", "Go back")),
    (Text("F1", "F1"), Text("打开这一页", "Open this page")),
    (Text("F11", "F11"), Text("全屏或窗口", "Full screen or a window")),
)
HELP_HINT = Text("Esc 或点击“返回”", "Esc or Back to return")

# ---------------------------------------------------------------- credits
CREDITS_TITLE = Text("制作与来源", "Credits")
CREDITS_GAME = Text("游戏", "The game")
CREDITS_GAME_BODY = Text(
    "《长征》是一款关于 1934—1936 年红军长征的教学解谜游戏。"
    "程序代码以 MIT 许可证发布（见 pyproject.toml）。",
    "The Long March is a teaching puzzle game about the Red Army's Long March of 1934–1936. "
    "Its code is released under the MIT licence (see pyproject.toml).")
CREDITS_FONT = Text("字体", "Font")
CREDITS_FONT_BODY = Text("{name}，依照 SIL 开放字体许可证 1.1（OFL）使用，许可证全文见 {file}。",
                         "{name}, used under the SIL Open Font License 1.1 (OFL); the full "
                         "licence is in {file}.")
CREDITS_SOURCES = Text("史实来源", "Where the facts come from")
CREDITS_SOURCES_NONE = Text("（没有找到来源列表）", "(no list of sources was found)")
CREDITS_MORE = Text("……另有 {n} 条", "… and {n} more")

# ---------------------------------------------------------------- the level's buttons
WAIT_BUTTON = Text("等待", "Wait")
UNDO_BUTTON = Text("撤销", "Undo")
RESTART_BUTTON = Text("重来", "Restart")
HINT_BUTTON = Text("提示", "Hint")
MENU_BUTTON = Text("菜单", "Menu")
TAP_NEXT_TO = Text("点击队伍旁边的格子来移动。", "Tap a square next to the column to move there.")
SHORT_CONTROLS = Text("F1 操作说明 · 点击相邻格子移动", "F1 controls · tap a square next to the "
                                                       "column to move")
RESUMED = Text("接着上次的进度继续（已走 {n} 步）。按“重来”从头开始。",
               "Carrying on where you left off (moves so far: {n}). Restart to begin again.")
TAP_TO_BEGIN = Text("按任意键或点击开始", "Press any key or tap to begin")

# ---------------------------------------------------------------- pupils
MANAGE_PUPILS = Text("管理学生", "Manage pupils")
DONE_MANAGING = Text("完成", "Done")
DELETE = Text("删除", "Delete")
RESET = Text("清空进度", "Reset")
CONFIRM_DELETE = Text("删除学生“{name}”和他的全部进度？此操作无法撤销。",
                      "Delete the pupil {name} and all their progress? This cannot be undone.")
CONFIRM_RESET = Text("清空学生“{name}”的全部进度，从头开始？此操作无法撤销。",
                     "Clear all the progress of {name} and start again? This cannot be undone.")
YES_DELETE = Text("删除", "Delete")
YES_RESET = Text("清空", "Reset")
MANAGE_HINT = Text("选择要删除或清空进度的学生", "Choose a pupil to delete or reset")
QUICK_NAME = Text("就叫“{name}”", "Call me {name}")
PUPIL_N = Text("学生{n}", "Pupil{n}")

RELOAD_BUTTON = Text("重新载入", "Reload")
