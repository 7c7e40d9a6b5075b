"""``python main.py new-level PATH [--chapter ID] [--quiz]``: write a level to start from.

The level is small, valid and winnable as written, with bilingual comments on every key
saying what to change; ``--quiz`` adds ``<stem>-quiz.yaml``, a bank with one example
question of each type. Existing files are never overwritten.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from string import Template

from game.check.runner import YAML_SUFFIXES, display, kind_of
from game.commands import EXIT_FAIL, EXIT_OK, EXIT_USAGE
from game.content.campaign import CHAPTER_FILE, chapter_ids, ids_in_chapter_file
from game.content.errors import did_you_mean
from game.content.levels import ID_PATTERN

DEFAULT_CHAPTER = "my-chapter"
DEFAULT_ID = "my-level"

LEVEL_TEMPLATE = Template("""\
# 新关卡 · A new level, written by: python main.py new-level
# 按注释修改，再检查、试玩。完整说明见 levels/README.md。
# Change what the comments point at, then check and try it. The full guide: levels/README.md.
#
#   试玩 / try it:    python main.py play $shown
#   检查 / check it:  python main.py check $shown
#   （用虚拟环境时把 python 换成 .venv/bin/python · with a virtual environment, use
#   .venv/bin/python instead of python）

# 关卡编号：小写字母、数字和 -，整个战役里不能重复（进度按它保存）。
# The level's id: lower-case letters, digits and '-'; unique in the whole campaign
# (progress is saved under it).
id: $id

# 所属章节：等于那一章 chapter.yaml 里的 id，并把本文件名写进 chapter.yaml 的 levels: 列表。
# Its chapter: the id in that chapter's chapter.yaml; also add this file's name to the
# levels: list there.
chapter: $chapter

# 关卡名，中文、英文各不超过 40 个字符。 · The level's name, at most 40 characters each.
title:
  zh: 我的新关卡
  en: My New Level

# 开始前显示的一两句话（可以删掉）。 · One or two sentences shown before the level (optional).
intro:
  zh: 敌军巡逻队沿大路来回走动。躲在树林后面，看准时机穿过大路，从渡口过江。
  en: An enemy patrol walks up and down the road. Keep behind the forest, cross the road
    when it is not looking, and wade over at the ford.

# 地图：一行一排格子，每行一样长，最大 40 列 × 22 行。行内不能有空格。
# The map: one line per row of cells, every row the same length, at most 40 × 22; no spaces.
#   .  平地 open ground          =  道路 road             T  树林 forest (hides the column)
#   ^  山岭 hills (no entry)     ~  江河 river            -  渡口 ford (wade across)
#   ,  对岸 far bank             S  起点 start (one)      G  目标 goal (one or more)
#   A  巡逻队，见下面的 patrols: · the patrol described under patrols: below
# 全部字符见 README 第 3 节；新字符写进 legend:，例如 · Every character: section 3 of the
# README; add your own under legend:, for example
#   legend:
#     "|": cliff
map: |
  ^^^^^^^^^^^^
  G,~~..TTA..^
  G,--..TT=...
  G,~~....=..S
  G,~~..TT=...
  ^^^^^^^^^^^^

troops: 50   # 队伍的初始兵力 · troops the column starts with (1 to 1000000)
turns: 20    # 回合上限 · the turn limit (1 to 500)
# 检查会证明关卡能赢，check --json 给出最短走法。 · Check proves the level can be won;
# check --json prints the shortest solution.

# 怎样获胜（README 第 5 节）· What wins (README section 5).
goal:
  min_troops: 40   # 到达时至少还剩多少兵力 · troops still needed at the goal

# 巡逻队：键是它在地图上的字符（README 第 4 节）· Patrols, by their map character (section 4).
patrols:
  A:
    route: DDDUUU   # U 上 D 下 L 左 R 右 . 停；回到起点 · U D L R, . waits; ends where it starts
    on: road        # A 起点格下的地形 · the ground under A's start cell
    sight: 3        # 上下左右各看几格 · cells it sees each way
    damage: 10      # 每回合被看见损失的兵力 · troops lost each turn it sees the column
""")

QUIZ_TEMPLATE = Template("""\
# 题库 · A quiz bank, written by: python main.py new-level --quiz
# 说明见 levels/README.md 第 7 节 · The full guide: section 7 of levels/README.md.
#
#   检查 / check it:  python main.py check $shown
#
# 下面每种题型各有一道示例题：把文字换成你的题目，source: 写上题目依据的史实资料表条目。
# 选项在屏幕上会打乱顺序（判断题除外），所以不要写"以上都对"。
# Below is one example question of each type: replace the text with your own questions,
# and source: with the fact-sheet entry each one rests on. Options are shuffled on screen
# (except true/false), so never write "all of the above".

chapter: $chapter   # 等于 chapter.yaml 的 id · the id in chapter.yaml
draw: 4             # 每次测验抽几道，不能多于题目数 · questions per quiz, at most the number below
pass_percent: 60    # 及格要答对的百分比 · percent of right answers needed to pass

questions:
  - id: example-single   # 本题库内不重复 · unique in this bank
    type: single         # 单选：一个正确答案 · one right answer
    prompt:
      zh: （单选题示例）把这里换成你的问题。哪一个是正确答案？
      en: (Example single choice) Replace this with your question. Which one is right?
    options:             # 依次是 A、B、C、D · labelled A, B, C, D in this order
      - zh: 正确答案
        en: The right answer
      - zh: 错误答案
        en: A wrong answer
      - zh: 另一个错误答案
        en: Another wrong answer
    answer: A
    explanation:
      zh: 答题后显示的一句解释。
      en: One sentence shown after answering.
    source: "写上史实资料表的条目 / name the fact-sheet entry"

  - id: example-multiple
    type: multiple       # 多选：所有正确的选项 · every right option
    prompt:
      zh: （多选题示例）哪几个是正确答案？（多选）
      en: (Example multiple choice) Which ones are right? (Choose all that apply.)
    options:
      - zh: 正确答案一
        en: A right answer
      - zh: 错误答案
        en: A wrong answer
      - zh: 正确答案二
        en: Another right answer
    answer: [A, C]
    explanation:
      zh: 说明为什么 A 和 C 都对。
      en: Say why both A and C are right.
    source: "写上史实资料表的条目 / name the fact-sheet entry"

  - id: example-truefalse
    type: truefalse      # 判断题：没有 options，答案写 true 或 false · no options; true or false
    prompt:
      zh: （判断题示例）把这里换成一句或对或错的话。
      en: (Example true or false) Replace this with a sentence that is true or false.
    answer: true
    explanation:
      zh: 说明这句话为什么对（或错）。
      en: Say why the sentence is true (or false).
    source: "写上史实资料表的条目 / name the fact-sheet entry"

  - id: example-order
    type: order          # 排序：按正确顺序写出全部字母 · every letter, in the right order
    prompt:
      zh: （排序题示例）请按发生的先后顺序排列。
      en: (Example order) Put these in the order they happened.
    options:
      - zh: 第二件事
        en: The second event
      - zh: 第一件事
        en: The first event
      - zh: 第三件事
        en: The third event
    answer: [B, A, C]
    explanation:
      zh: 写出每件事发生的时间。
      en: Give the date of each event.
    source: "写上史实资料表的条目 / name the fact-sheet entry"
""")

#: The JSON Schema shipped in the levels folder; editors find it through the first line.
SCHEMA_FILE = "schema.json"

#: File names the checker reads as something other than a level.
RESERVED = ("campaign", "chapter", "ending")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The new file's path, its chapter, and whether to add a quiz bank."""
    parser.add_argument("path", type=Path, metavar="PATH",
                        help="the level file to write, e.g. levels/08-mine/level-1.yaml")
    parser.add_argument("--chapter", metavar="ID", default=None,
                        help="the chapter id (default: the id in chapter.yaml next to PATH, "
                             f"else {DEFAULT_CHAPTER})")
    parser.add_argument("--quiz", action="store_true",
                        help="also write <stem>-quiz.yaml, a quiz bank with example questions")


def level_id(path: Path) -> str:
    """An id from the file name: ``My Level 1.yaml`` → ``my-level-1``."""
    made = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")[:60].strip("-")
    return made or DEFAULT_ID


def quiz_path(path: Path) -> Path:
    """Where ``--quiz`` writes the bank: ``<folder>/<stem>-quiz.yaml``."""
    return path.with_name(f"{path.stem}-quiz{path.suffix}")


def run(args: argparse.Namespace, levels_dir: Path) -> int:
    """Write the level (and quiz); print what was written and what to run next."""
    path: Path = args.path
    if path.suffix.lower() not in YAML_SUFFIXES:
        path = path.with_name(path.name + ".yaml")
    problem = _refuse(path, args.quiz)
    if problem:
        print(f"python main.py new-level: error: {problem}; nothing was written",
              file=sys.stderr)
        return EXIT_USAGE
    sibling = _sibling_chapter(path)
    chapter = args.chapter or sibling or DEFAULT_CHAPTER
    if not re.fullmatch(ID_PATTERN, chapter) or len(chapter) > 60:
        print(f'python main.py new-level: error: "{chapter}" is not a valid chapter id: use '
              "lower-case letters, digits and '-', e.g. xiangjiang", file=sys.stderr)
        return EXIT_USAGE
    files = [(path, LEVEL_TEMPLATE)] + ([(quiz_path(path), QUIZ_TEMPLATE)] if args.quiz else [])
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for target, template in files:
            text = _modeline(target, levels_dir) + template.substitute(
                id=level_id(path), chapter=chapter, shown=_quoted(display(target)))
            with target.open("x", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
    except OSError as error:
        print(f"python main.py new-level: error: cannot write {display(path.parent)}: "
              f"{error.strerror or error}", file=sys.stderr)
        return EXIT_FAIL
    _report(path, chapter, args.quiz, sibling, levels_dir)
    return EXIT_OK


def _refuse(path: Path, quiz: bool) -> str:
    """Why the file(s) cannot be written there, or ``''``."""
    if kind_of(path) != "level":
        return (f'"{path.name}" would be read as a {kind_of(path)} file, not a level: pick '
                "a name that does not end in quiz")
    if path.stem in RESERVED:
        return (f'"{path.name}" is the name of one of the campaign\'s own files: pick '
                "another name, e.g. level-3.yaml")
    targets = [path, quiz_path(path)] if quiz else [path]
    for target in targets:
        if target.exists():
            return (f"{display(target)} already exists; choose another name, or move that "
                    "file away first")
    return ""


def _sibling_chapter(path: Path) -> str | None:
    """The id in the ``chapter.yaml`` next to ``path``, if there is one."""
    ids = sorted(ids_in_chapter_file(path.parent / CHAPTER_FILE))
    return ids[0] if ids else None


def _modeline(target: Path, levels_dir: Path) -> str:
    """The first line that names the levels' JSON Schema, for a file inside the levels folder.

    It gives editors with a YAML extension completion and checks while typing.
    """
    schema = levels_dir / SCHEMA_FILE
    folder = target.parent.resolve()
    if not schema.is_file() or not folder.is_relative_to(levels_dir.resolve()):
        return ""
    relative = Path(os.path.relpath(schema.resolve(), folder)).as_posix()
    return f"# yaml-language-server: $schema={relative}\n"


def _quoted(shown: str) -> str:
    """A path as typed on a command line: in double quotes when it has spaces."""
    return f'"{shown}"' if " " in shown else shown


def _report(path: Path, chapter: str, quiz: bool, sibling: str | None,
            levels_dir: Path) -> None:
    shown = _quoted(display(path))
    print(f'wrote {shown}: level "{level_id(path)}" in chapter "{chapter}"')
    checked = shown
    if quiz:
        quiz_shown = _quoted(display(quiz_path(path)))
        print(f"wrote {quiz_shown}: a quiz bank with one example question of each type")
        checked = f"{shown} {quiz_shown}"
    known = chapter_ids(levels_dir)
    if chapter not in known and chapter != sibling:
        hint = did_you_mean(chapter, sorted(known))
        listed = ", ".join(sorted(known)) or "none yet"
        print(f'note: no chapter in {display(levels_dir)}/ has the id "{chapter}"{hint}.\n'
              "      The level passes check on its own; to play it in the campaign, set "
              "chapter: to\n"
              "      the id in a chapter.yaml (or use --chapter ID). Chapters: "
              f"{listed}")
    if sibling is not None:
        chapter_file = display(path.parent / CHAPTER_FILE)
        print(f"note: add {path.name} to levels: in {chapter_file} to put it in the campaign")
        if quiz:
            print(f"note: a chapter has one quiz bank (quiz: in {chapter_file}): copy these "
                  "questions into it, or name this file there")
    print("next / 下一步:")
    print(f"  试玩 · try it:    python main.py play {shown}")
    print(f"  检查 · check it:  python main.py check {checked}")
