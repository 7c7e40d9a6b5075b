"""The strings of the settings, help and credits screens, the level's on-screen buttons and
looking after pupils (deleting, resetting, resuming), in Chinese and English.

Kept beside :mod:`game.ui.strings` (same style) so these screens can be read in one place.
"""

from __future__ import annotations

from game.i18n import Text

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
