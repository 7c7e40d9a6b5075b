"""Problem messages in Chinese, for educators who read ``check`` in Chinese.

The loaders write each problem once, in English (the JSON ``message`` stays that way,
language-neutral for tools). :func:`message_zh` turns a message into Chinese by matching
it against the templates below, whole message first, then the hints that follow a
``;``. The parts quoted from the author's file (keys, values, file names, which are
already short excerpts) are kept as they are. A message with no template comes back in
English: better an English line than a wrong Chinese one.

Standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["message_zh", "translated"]

_Rule = tuple["re.Pattern[str]", "str | Callable[[re.Match[str]], str]"]

_WHAT = {"a level": "关卡", "the campaign": "战役文件", "a chapter": "章节文件",
         "a quiz bank": "题库", "a question": "题目", "the ending": "结尾文件",
         "a route point": "路线地点", "the history card": "知识卡片", "this": "这里",
         "the goal": "目标", "a patrol": "巡逻队", "a pursuer": "追兵", "a ferry": "渡船",
         "a fire lane": "火力封锁线", "a relief column": "援军", "a poem line": "诗句",
         "a pontoon site": "浮桥桥位"}
_WANTED = {"text": "文字", "a whole number": "整数", "true or false": "true 或 false",
           "a list": "列表", "null": "null", "a mapping of keys": "键值映射"}
_FOUND = {"a list": "列表", "a mapping of keys": "键值映射", "nothing": "空值"}


def _found(text: str) -> str:
    return _FOUND.get(text, text)


def _cited(what: str) -> str:
    """What a citation is about, as the bibliography check names it, in Chinese."""
    found = re.fullmatch(r'card fact (\d+)|question "(.+)"|the (briefing|prelude|ending)', what)
    if found is None:
        return what
    if found[1]:
        return f"卡片第 {found[1]} 条事实"
    if found[2]:
        return f"题目“{found[2]}”"
    return {"briefing": "简报", "prelude": "开篇页", "ending": "结尾"}[found[3]]


def _what(text: str) -> str:
    return _WHAT.get(text, text)


def _rules() -> list[_Rule]:
    r = re.compile
    return [
        # ---- reading the file (yamlsafe)
        (r(r"the file is empty"), "文件是空的"),
        (r(r"this file is saved as UTF-16; save it as UTF-8 text"),
         "文件以 UTF-16 保存；请另存为 UTF-8 文本"),
        (r(r"this is not a text file \(it contains binary data\); save it as UTF-8 text"),
         "这不是文本文件（含有二进制数据）；请另存为 UTF-8 文本"),
        (r(r"not valid UTF-8 at byte ([\d,]+) \((0x[0-9A-F]+)\); save the file as UTF-8"),
         r"第 \1 字节不是有效的 UTF-8（\2）；请把文件另存为 UTF-8"),
        (r(r"an invisible control character \((U\+[0-9A-F]+)\) is here; delete it"),
         r"这里有一个看不见的控制字符（\1）；请删除它"),
        (r(r"a tab is used for indentation; YAML needs spaces"), "缩进用了制表符；YAML 需要空格"),
        (r(r"a tab is used here; YAML needs spaces"), "这里用了制表符；YAML 需要空格"),
        (r(r"anchors \(&name\) and aliases \(\*name\) are not allowed; write the value out in "
           r"full"), "不允许使用锚点（&name）和别名（*name）；请把值完整写出"),
        (r(r"only one YAML document is allowed per file \(remove the extra '---'\)"),
         "每个文件只能有一个 YAML 文档（删除多余的 '---'）"),
        (r(r"the content is nested too deeply \(more than (\d+) levels inside each other\); "
           r"make it flatter"), r"内容嵌套太深（超过 \1 层）；请减少层次"),
        (r(r"the file is (more than )?([\d,]+) bytes; game files may be at most ([\d,]+) bytes"),
         lambda m: f"文件{'超过' if m[1] else '有'} {m[2]} 字节；游戏文件最多 {m[3]} 字节"),
        (r(r"cannot read the file: (.*)"), lambda m: f"无法读取文件：{_reason(m[1])}"),
        (r(r'the key "(.*)" appears twice (on line \d+|\(lines \d+ and \d+\)); keep one'),
         lambda m: f'键 "{m[1]}" 出现了两次（{_lines(m[2])}）；只保留一个'),
        (r(r"YAML tags such as (.*) are not allowed; remove the tag, or put a text that starts "
           r"with ! in quotes"),
         r"不允许使用 \1 这样的 YAML 标签；请删除标签，或把以 ! 开头的文字加上引号"),
        (r(r"(\d+,?\d*) more problems are not listed \(only the first (\d+) are shown\); fix "
           r"these and check again"),
         r"还有 \1 个问题未列出（只显示前 \2 个）；请先改好这些再检查"),
        # ---- values (schema)
        (r(r'expected (text|a whole number|true or false|a list|null|a mapping of keys), found '
           r'(.*?)(; YAML reads an unquoted yes/no/on/off as true/false, so (.*))?'),
         lambda m: f"这里应当是{_WANTED[m[1]]}，却是 {_found(m[2])}" + (
             f"；YAML 会把不带引号的 yes/no/on/off 读成 true/false，所以{_fix(m[4])}"
             if m[3] else "")),
        (r(r"expected a mapping of keys \((.*)\), found (.*)"),
         lambda m: f"这里应当是键值映射（{m[1]}），却是 {_found(m[2])}"),
        (r(r"expected text in both languages \(zh: and en:\), found (.*)"),
         lambda m: f"这里应当是中英两种文字（zh: 和 en:），却是 {_found(m[1])}"),
        (r(r"this text is empty"), "这段文字是空的"),
        (r(r"this text is ([\d,]+) characters; the limit is ([\d,]+)"),
         r"这段文字有 \1 个字符；上限是 \2"),
        (r(r'"(.*)" is not one of: (.*?)( \(did you mean "(.*)"\?\))?'),
         lambda m: f'"{m[1]}" 不是可选值之一：{m[2]}' + (f'（是不是 "{m[4]}"？）' if m[3] else "")),
        (r(r"this number \(more than (\d+) digits\) is out of range: use a number from (-?\d+) "
           r"to (-?\d+)"), r"这个数（超过 \1 位）超出范围：请用 \2 到 \3 之间的数"),
        (r(r"(.*) is out of range: use a number from (-?\d+) to (-?\d+)"),
         r"\1 超出范围：请用 \2 到 \3 之间的数"),
        (r(r"this list has (\d+) items; it needs (\d+) to (\d+)"),
         r"这个列表有 \1 项；需要 \2 到 \3 项"),
        (r(r'unknown key "(.*?)"( \(did you mean "(.*)"\?\))?(; (.*) takes: (.*))?'),
         lambda m: f'未知的键 "{m[1]}"' + (f'（是不是 "{m[3]}"？）' if m[2] else "") + (
             f"；{_what(m[5])}可用的键：{m[6]}" if m[4] else "")),
        (r(r'unknown key "(.*?)"( \(did you mean "(.*)"\?\))?; text takes zh: \(Chinese\) and '
           r'en: \(English\)'),
         lambda m: f'未知的键 "{m[1]}"' + (f'（是不是 "{m[3]}"？）' if m[2] else "")
         + "；文字只用 zh:（中文）和 en:（英文）"),
        (r(r'missing key "(.*)" in (.*)'), lambda m: f'{_what(m[2])}缺少键 "{m[1]}"'),
        (r(r"missing the (Chinese|English) text: add (zh|en): to this text"),
         lambda m: f"缺少{'中文' if m[1] == 'Chinese' else '英文'}：请给这段文字加上 {m[2]}:"),
        # ---- files and folders (paths, campaign)
        (r(r"this is a link to a place outside the folder being checked, so it is not read; "
           r"copy the file itself into the folder"),
         "这是指向所检查文件夹之外的链接，不会读取；请把文件本身复制到文件夹里"),
        (r(r"this is a link to a folder outside the folder being checked, so nothing in it is "
           r"read; copy the files themselves into the folder"),
         "这是指向所检查文件夹之外的文件夹链接，其中内容都不会读取；请把文件本身复制到文件夹里"),
        (r(r"this is a link to a file that does not exist"), "这是一个指向不存在文件的链接"),
        (r(r"this is a link that points back to itself \(a loop\)"),
         "这是一个指向自身的链接（循环）"),
        (r(r"this is (a folder|a named pipe \(FIFO\)|a device|a socket|a special file), not a "
           r"regular file, so it is not read; use a \.yaml text file"),
         lambda m: f"这是{_KINDS[m[1]]}，不是普通文件，不会读取；请使用 .yaml 文本文件"),
        (r(r'the (level|quiz) file "(.*?)": (.*)'),
         lambda m: f'{"关卡" if m[1] == "level" else "题库"}文件 "{m[2]}"：{message_zh(m[3])}'),
        (r(r'no level file "(.*?)" in this chapter folder( \(did you mean "(.*)"\?\))?'),
         lambda m: f'本章文件夹中没有关卡文件 "{m[1]}"'
         + (f'（是不是 "{m[3]}"？）' if m[2] else "")),
        (r(r'no quiz file "(.*)" in this chapter folder'), r'本章文件夹中没有题库文件 "\1"'),
        (r(r'no chapter folder "(.*)" with a (.*) inside (.*)'),
         r'\3 中没有含 \2 的章节文件夹 "\1"'),
        (r(r"no such file"), "没有这个文件"),
        # ---- checking (runner, fonts)
        (r(r"no way to win: the solver tried every possible game \((\d+) positions?\); give "
           r"more turns or troops, or open a path"),
         r"无法取胜：求解器试遍了所有走法（\1 个局面）；请增加回合或兵力，或打开一条路"),
        (r(r"the solver gave up after (\d+) positions \(([\d.]+) s\) without an answer; make "
           r"the map smaller or the turn limit lower"),
         r"求解器在 \1 个局面（\2 秒）后放弃，没有找到答案；请缩小地图或减少回合上限"),
        (r(r"the stored solution no longer wins this level; update solution:"),
         "保存的解法已不能通关；请更新 solution:"),
        (r(r"the stored solution is refused by the rules: (.*)"), r"保存的解法不符合规则：\1"),
        (r(r'the game\'s font cannot draw "(.*)" \((U\+[0-9A-F]+)( [^)]*)?\); players would '
           r"see an empty box\. Use a common character or write it another way"),
         r'游戏字体无法显示 "\1"（\2\3）；玩家会看到空方框。请换用常见字符或改写'),
        (r(r"the map has no start: mark the column's starting cell with S"),
         "地图没有起点：请用 S 标出起点"),
        (r(r"the map has more than one start \(S\); keep exactly one"),
         "地图有不止一个起点（S）；只保留一个"),
        (r(r"the map has no goal: mark the cells to reach with G"),
         "地图没有目标：请用 G 标出要到达的格子"),
        (r(r"the map's rows were joined into one line: write map: \| and put each row on its "
           r"own line below it, indented"),
         "地图的各行被连成了一行：请写 map: | ，并把每一行放在下面单独一行，带缩进"),
        (r(r"map row (\d+) has (\d+) cells but row 1 has (\d+); every row needs the same length"),
         r"地图第 \1 行有 \2 格，但第 1 行有 \3 格；每一行必须一样长"),
        (r(r"unknown map character (a space|\".*?\") \(row (\d+), column (\d+)\); "
           r"(did you mean \"(.*?)\" \((.*?)\)\? Map characters are case-sensitive, so \".*?\" "
           r"and \".*?\" are different; otherwise )?use one of these: (.*) or add it to legend:"),
         lambda m: f"未知的地图字符 {'空格' if m[1] == 'a space' else m[1]}（第 {m[2]} 行，第 "
         f"{m[3]} 列）；" + (f'是不是 "{m[5]}"（{m[6]}）？地图字符区分大小写；否则' if m[4] else "")
         + f"请使用其中之一：{m[7]}，或把它加入 legend:"),
        (r(r"a cache is where a loaded column leaves its baggage, so it only matters when "
           r"the column starts loaded: set baggage: true, or remove the cache"),
         "丢弃辎重的地方只对带着辎重出发的队伍有意义：请写 baggage: true，或去掉这个地方"),
        (r(r'"(.*)" is not a valid id: use lower-case letters, digits and \'-\', e\.g\. '
           r"xiangjiang-1"), r'"\1" 不是有效的 id：请用小写字母、数字和 \'-\'，例如 xiangjiang-1'),
        (r(r'unknown terrain "(.*?)"( \(did you mean "(.*)"\?\))?; terrains: (.*)'),
         lambda m: f'未知的地形 "{m[1]}"' + (f'（是不是 "{m[3]}"？）' if m[2] else "")
         + f"；可用的地形：{m[4]}"),
        (r(r'"(.*)" is not an option letter; use A, B, C\.\.\.'),
         r'"\1" 不是选项字母；请用 A、B、C……'),
        (r(r"draw asks for (\d+) questions but the bank has only (\d+)"),
         r"draw 要抽 \1 道题，但题库只有 \2 道"),
        (r(r'the question id "(.*)" is used twice \(first on line (\d+)\); ids must be unique'),
         r'题目 id "\1" 用了两次（第一次在第 \2 行）；id 不能重复'),
        (r(r"(.*?); (if a text contains ': ' put the whole text in quotes|a line is missing ':' "
           r"or its indentation is off|check the indentation of this line and the one above|a "
           r"text that starts with \*, & or ! must be put in quotes|a bracket \[ or \{ is not "
           r"closed, or a ',' is missing|a quote is not closed( \(it opens on line (\d+)\))?|a "
           r"text that starts with a special character must be put in quotes)"),
         lambda m: f"{_yaml_problem(m[1])}；{_yaml_hint(m[2], m[4])}"),
        (r(r"(did not find expected <document start>|did not find expected node content|"
           r"found character that cannot start any token|expected <block end>, but found .*|"
           r"did not find expected key|could not find expected ':'|mapping values are not "
           r"allowed (here|in this context))"), lambda m: _yaml_problem(m[1])),
        (r(r"the (\w+) cannot be on (\w+), which nobody can enter"),
         r"标记 \1 不能放在 \2 上：那里谁都进不去"),
        # ---- the point to besiege (levels.py)
        (r(r'the point to besiege \(siege\) must be on land, not on (.*): write e\.g\. '
           r'"plain \+ siege"'),
         r'要围攻的据点（siege）必须在陆地上，不能在 \1 上：例如写 "plain + siege"'),
        (r(r'a take goal needs a point to besiege: add "plain \+ siege" to the legend and put '
           r"its character on the point's cells"),
         '“攻下据点”（take）目标需要一个要围攻的据点：在 legend 里加上 "plain + siege"，'
         "再把这个字符放在据点所在的格子上"),
        (r(r"with kind: take the goal is the point to besiege itself: remove the G cells \(or "
           r"use another goal kind\)"),
         "kind: take 的目标就是要围攻的据点本身：请删掉地图上的 G 格（或换一种目标）"),
        # ---- the snow mountain: preparation at the foot, keep moving (levels.py)
        (r(r"chilli water and ginger soup \(map row (\d+)\) only helps on a cold level: set "
           r"warmth: \(how many cold turns the column can stand\)"),
         r"辣椒水和姜汤（地图第 \1 行）只在寒冷关卡里有用：请设置 warmth:（队伍能撑几个寒冷回合）"),
        (r(r"rest_chill only matters on a cold level: set warmth: \(how many cold turns the "
           r"column can stand\)"),
         "rest_chill 只在寒冷关卡里有用：请设置 warmth:（队伍能撑几个寒冷回合）"),
        (r(r'ginger_warmth is set but no chilli water and ginger soup lies on the map: add '
           r'"plain \+ ginger" to the legend and put its character in the village below the '
           r'snow'),
         'ginger_warmth 设置了，但地图上没有辣椒水和姜汤：请在 legend 里加上 "plain + ginger"，'
         "再把它的字符放在雪线下的村子里"),
        # ---- the bibliography (sources.py)
        (r(r"line (\d+): (.+) rests only on weak sources \((.+)\); add a textbook, official, "
           r"museum or academic source"),
         lambda m: f"第 {m[1]} 行：{_cited(m[2])}只有弱来源支持（{m[3]}）；"
                   "请补充教科书、官方媒体、纪念馆或学术来源"),
        # ---- pontoon bridges (levels.py)
        (r(r'pontoon site "(.)" is in pieces on the map: a bridge is one unbroken line of '
           r'"(.)" cells across the river'),
         r'浮桥桥位 "\1" 在地图上断成了几段：一座浮桥是一条连续的 "\2" 格，横跨江面'),
        (r(r'pontoon site "(.)" does not join two banks: put its "(.)" cells across the river, '
           r"with land of one bank at one end and of the other bank at the other"),
         r'浮桥桥位 "\1" 没有连接两岸：请把 "\2" 格横放在江上，'
         r"一端接一岸的陆地，另一端接另一岸"),
        (r(r'pontoon site "(.)" is not on the map: put "(.)" on the river cells it spans'),
         r'浮桥桥位 "\1" 不在地图上：请在它横跨的江面格子上写 "\2"'),
        (r(r"kits only matters with pontoon sites: add pontoons: \(or remove kits:\)"),
         "kits 只在有浮桥桥位时才有用：请加上 pontoons:（或删掉 kits:）"),
    ]


_YAML_PROBLEMS = {
    "did not find expected <document start>": "这里不应当有内容（文件的结构在此之前已结束）",
    "did not find expected node content": "这里缺少一个值",
    "found character that cannot start any token": "这个字符不能出现在值的开头",
    "did not find expected key": "这里应当是一个键",
    "could not find expected ':'": "缺少 ':'",
    "mapping values are not allowed in this context": "这里不能写 ': '",
    "mapping values are not allowed here": "这里不能写 ': '",
    "found unexpected end of stream": "文件意外结束",
    "did not find expected '-' indicator": "这里应当是以 '-' 开头的列表项",
    "did not find expected ',' or '}'": "缺少 ',' 或 '}'",
    "did not find expected ',' or ']'": "缺少 ',' 或 ']'",
}


def _yaml_problem(text: str) -> str:
    if text.startswith("expected <block end>"):
        return "缩进不对：这一行的位置不合适"
    return _YAML_PROBLEMS.get(text, text)


def _yaml_hint(text: str, line: str | None) -> str:
    if text.startswith("a quote is not closed"):
        return "引号没有闭合" + (f"（从第 {line} 行开始）" if line else "")
    return {
        "if a text contains ': ' put the whole text in quotes":
            "如果文字中含有 ': '，请给整段文字加引号",
        "a line is missing ':' or its indentation is off": "某一行缺少 ':'，或缩进不对",
        "check the indentation of this line and the one above": "请检查这一行和上一行的缩进",
        "a text that starts with *, & or ! must be put in quotes":
            "以 *、& 或 ! 开头的文字必须加引号",
        "a bracket [ or { is not closed, or a ',' is missing": "[ 或 { 没有闭合，或缺少 ','",
        "a text that starts with a special character must be put in quotes":
            "以特殊字符开头的文字必须加引号",
    }.get(text, text)


_KINDS = {"a folder": "文件夹", "a named pipe (FIFO)": "命名管道（FIFO）", "a device": "设备",
          "a socket": "套接字", "a special file": "特殊文件"}
_REASONS = {
    "the file does not exist": "文件不存在",
    "this is a folder, not a file": "这是文件夹，不是文件",
    "permission denied (check who may read this file)": "没有权限（请检查谁可以读这个文件）",
    "a part of the path is not a folder": "路径中有一段不是文件夹",
}


def _reason(text: str) -> str:
    return _REASONS.get(text, text)


def _lines(text: str) -> str:
    numbers = re.findall(r"\d+", text)
    return f"第 {numbers[0]} 行" if len(numbers) == 1 else f"第 {numbers[0]} 行和第 {numbers[1]} 行"


def _fix(text: str) -> str:
    return {"write true or false": "请写 true 或 false",
            "write a number here": "这里请写数字"}.get(text, text)


_RULES: list[_Rule] | None = None


def _match(message: str) -> str | None:
    global _RULES
    if _RULES is None:
        _RULES = _rules()
    for pattern, template in _RULES:
        found = pattern.fullmatch(message)
        if found is not None:
            return template(found) if callable(template) else found.expand(template)
    return None


def translated(message: str) -> bool:
    """Whether :func:`message_zh` has a Chinese template for ``message``."""
    return _match(message) is not None


def message_zh(message: str) -> str:
    """``message`` in Chinese, or unchanged when no template matches it."""
    found = _match(message)
    return message if found is None else found
