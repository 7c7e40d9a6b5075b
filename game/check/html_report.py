"""``check --report FILE.html``: one self-contained page showing every level and quiz bank.

For each level: its chapter, id and title (both languages), a picture of the map with
the solver's best win drawn over it, moves, par, warnings and errors; for each quiz
bank its question count; a summary at the top. The page needs no other file: the style
is inline and each map is a PNG in a ``data:`` URI. Only this module draws, so only
``--report`` imports pygame (lazily, with the dummy video driver: no window opens).
"""

from __future__ import annotations

import base64
import html
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from game.check.runner import CheckReport, FileReport
from game.content.campaign import CHAPTER_FILE
from game.content.errors import ContentError
from game.content.levels import load_level
from game.content.yamlsafe import load_yaml_file
from game.core.actions import Action, parse_moves
from game.core.level import Level, Pos
from game.core.rules import Impossible, step
from game.core.state import initial_state
from game.i18n import Text

#: Pixels per map cell in the pictures (the game's smallest tile: a 40×22 map is 960 wide).
TILE = 24

PATH_COLOUR = (206, 40, 34)
PATH_EDGE = (252, 250, 242)
START_COLOUR = (46, 150, 70)
END_COLOUR = (240, 190, 58)
INK = (38, 34, 36)

STYLE = """
body{font-family:"Noto Sans SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;
 background:#f0e6cc;color:#262224;margin:0 auto;max-width:1100px;padding:1em 1.5em}
h1{margin-bottom:.2em}h2{border-bottom:3px solid #ce2822;padding-bottom:.2em;margin-top:2em}
h3{margin:.2em 0}.en{color:#5c5450}
.summary{background:#fcfaf2;border:1px solid #d8c8a4;border-radius:6px;padding:.6em 1em}
.summary td,.summary th{padding:.1em .8em .1em 0;text-align:left}
.card{background:#fcfaf2;border:1px solid #d8c8a4;border-left:6px solid #2e9646;
 border-radius:6px;margin:1em 0;padding:.6em 1em}
.card.fail{border-left-color:#ce2822}
.card img{max-width:100%;height:auto;display:block;margin:.5em 0;image-rendering:auto}
.facts{display:flex;flex-wrap:wrap;gap:.3em 1.6em;margin:.3em 0}
.facts b{font-weight:600}
code{background:#efe6d0;padding:0 .3em;border-radius:3px;word-break:break-all}
.errors li{color:#8a1618}.warnings li{color:#8a6a10}
.badge{display:inline-block;border-radius:3px;padding:0 .4em;color:#fff;background:#2e9646;
 font-size:.85em;vertical-align:middle}
.badge.fail{background:#ce2822}
.legend span{margin-right:1.2em}
.dot{display:inline-block;width:.8em;height:.8em;border-radius:50%;vertical-align:middle}
"""


@dataclass
class _Section:
    """A chapter folder's levels and quiz banks, with its chapter's title if known."""

    folder: Path
    files: list[FileReport] = field(default_factory=list)


def write_html_report(report: CheckReport, path: Path) -> None:
    """Write the report page to ``path`` (UTF-8)."""
    path.write_text(html_report(report), encoding="utf-8")


def html_report(report: CheckReport) -> str:
    """The whole report page as one HTML document."""
    sections: dict[Path, _Section] = {}
    others: list[FileReport] = []
    for file in report.files:
        if file.kind in ("level", "quiz"):
            folder = Path(file.path).parent
            sections.setdefault(folder, _Section(folder)).files.append(file)
        else:
            others.append(file)
    body = [_summary(report)]
    for section in sections.values():
        body.append(_section(section))
    if others:
        body.append('<h2 id="campaign-files">Campaign files · 战役文件</h2>')
        body.extend(_other_card(file) for file in others)
    return ("<!DOCTYPE html>\n<html lang=\"zh-Hans\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<title>长征 · The Long March — check report</title>\n"
            f"<style>{STYLE}</style>\n</head>\n<body>\n" + "\n".join(body)
            + "\n</body>\n</html>\n")


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _anchor(path: str) -> str:
    return "f-" + re.sub(r"[^A-Za-z0-9]+", "-", path).strip("-")


def _badge(file: FileReport) -> str:
    return '<span class="badge">ok</span>' if file.ok else '<span class="badge fail">FAIL</span>'


def _summary(report: CheckReport) -> str:
    levels = report.of_kind("level")
    quizzes = report.of_kind("quiz")
    failed = [file for file in report.files if not file.ok]
    solved = sum(file.solvable is True for file in levels)
    rows = [
        ("Files checked · 检查的文件", len(report.files)),
        ("Passed · 通过", len(report.files) - len(failed)),
        ("Failed · 未通过", len(failed)),
        ("Levels solved · 可解的关卡", f"{solved} / {len(levels)}"),
        ("Moves in all · 总步数", sum(file.moves or 0 for file in levels)),
        ("Quiz banks · 题库", f"{len(quizzes)} ({sum(q.questions for q in quizzes)} questions)"),
        ("Time · 用时", f"{report.seconds:.2f} s"),
    ]
    table = "".join(f"<tr><th>{_e(name)}</th><td>{_e(value)}</td></tr>" for name, value in rows)
    verdict = "All files passed · 全部通过" if report.ok else "Some files failed · 有文件未通过"
    failing = ""
    if failed:
        items = "".join(f'<li><a href="#{_anchor(file.path)}">{_e(file.path)}</a>: '
                        f"{len(file.errors)} problem(s)</li>" for file in failed)
        failing = f"<p>Failed:</p><ul>{items}</ul>"
    return (f"<h1>长征 · The Long March — check report</h1>\n"
            f'<div class="summary"><p><b>{_e(verdict)}</b></p><table>{table}</table>'
            f"{failing}</div>")


def _section(section: _Section) -> str:
    ids = sorted({file.chapter for file in section.files if file.chapter})
    title = _chapter_title(section.folder)
    if title is not None:
        heading = f'{_e(title.zh)} · <span class="en">{_e(title.en)}</span>'
    else:
        heading = _e(section.folder.name or section.folder)
    detail = f" <small>({_e(', '.join(ids))})</small>" if ids else ""
    cards = [(_level_card(file) if file.kind == "level" else _quiz_card(file))
             for file in section.files]
    return f"<h2>{heading}{detail}</h2>\n" + "\n".join(cards)


def _chapter_title(folder: Path) -> Text | None:
    """The title in the folder's chapter file, read without validating the rest."""
    path = folder / CHAPTER_FILE
    if not path.is_file():
        return None
    try:
        root = load_yaml_file(path)
    except ContentError:
        return None
    if not isinstance(root, yaml.MappingNode):
        return None
    for key, value in root.value:
        if key.value == "title" and isinstance(value, yaml.MappingNode):
            texts = {str(k.value): str(v.value) for k, v in value.value
                     if isinstance(v, yaml.ScalarNode)}
            if "zh" in texts and "en" in texts:
                return Text(texts["zh"].strip(), texts["en"].strip())
    return None


def _problems(file: FileReport) -> str:
    parts = []
    if file.errors:
        items = "".join(f"<li>{_e(problem)}</li>" for problem in file.errors)
        parts.append(f'<ul class="errors">{items}</ul>')
    if file.warnings:
        items = "".join(f"<li>warning: {_e(warning)}</li>" for warning in file.warnings)
        parts.append(f'<ul class="warnings">{items}</ul>')
    return "".join(parts)


def _level_card(file: FileReport) -> str:
    level = _load(file)
    if level is not None:
        title = (f'{_e(level.id)} — {_e(level.title.zh)} · '
                 f'<span class="en">{_e(level.title.en)}</span>')
        chapter = level.chapter
    else:
        title, chapter = _e(file.id or Path(file.path).name), file.chapter
    facts: list[tuple[str, object]] = [("Chapter · 章节", chapter or "?"),
                                        ("File · 文件", file.path)]
    picture = ""
    if level is not None:
        moves = parse_moves(file.solution) if file.solution is not None else []
        if file.moves is not None:
            facts += [("Moves · 步数", file.moves),
                      ("Troops kept · 保留兵力", file.troops),
                      ("Par · 标准", f"{file.troops} troops within "
                                    f"{file.moves + level.par_slack} moves (moves + par_slack "
                                    f"{level.par_slack})")]
        facts += [("Size · 大小", f"{level.width}×{level.height}"),
                  ("Turn limit · 回合上限", level.turn_limit),
                  ("Solver · 求解", f"{file.expanded:,} positions, {file.seconds:.2f} s")]
        png = render_level_png(level, moves)
        width, height = _png_size(png)
        picture = (f'<img src="data:image/png;base64,{base64.b64encode(png).decode("ascii")}" '
                   f'width="{width}" height="{height}" alt="map of {_e(level.id)}">')
        if moves:
            picture += (f'<p class="legend"><span><span class="dot" style="background:'
                        f'rgb{START_COLOUR}"></span> start · 起点</span><span><span '
                        f'class="dot" style="background:rgb{END_COLOUR}"></span> end · 终点'
                        f'</span><span><span class="dot" style="background:rgb{PATH_COLOUR}">'
                        f"</span> best win · 最好的胜利</span></p>")
    else:
        facts.append(("Moves · 步数", "—"))
    solution = f"<p>Solution · 解法: <code>{_e(file.solution)}</code></p>" if file.solution else ""
    dl = "".join(f"<span><b>{_e(name)}:</b> {_e(value)}</span>" for name, value in facts)
    status = "" if file.ok else " fail"
    return (f'<div class="card{status}" id="{_anchor(file.path)}"><h3>{_badge(file)} {title}'
            f'</h3><div class="facts">{dl}</div>{picture}{solution}{_problems(file)}</div>')


def _quiz_card(file: FileReport) -> str:
    status = "" if file.ok else " fail"
    count = f"{file.questions} questions · {file.questions} 题" if file.ok else "—"
    return (f'<div class="card{status}" id="{_anchor(file.path)}"><h3>{_badge(file)} Quiz · '
            f"题库 {_e(file.chapter)}</h3><div class=\"facts\"><span><b>File · 文件:</b> "
            f"{_e(file.path)}</span><span><b>Questions · 题目:</b> {_e(count)}</span></div>"
            f"{_problems(file)}</div>")


def _other_card(file: FileReport) -> str:
    status = "" if file.ok else " fail"
    return (f'<div class="card{status}" id="{_anchor(file.path)}"><h3>{_badge(file)} '
            f"{_e(file.kind)}: {_e(file.path)}</h3>{_problems(file)}</div>")


def _load(file: FileReport) -> Level | None:
    try:
        return load_level(Path(file.path), file.path)
    except (ContentError, OSError):
        return None


def _png_size(png: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header."""
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def path_cells(level: Level, moves: Iterable[Action]) -> list[Pos]:
    """The cells the column stands on, from the start, as the moves are played."""
    state = initial_state(level)
    cells = [state.pos]
    for action in moves:
        try:
            state, _ = step(level, state, action)
        except Impossible:
            break
        cells.append(state.pos)
    return cells


def render_level_png(level: Level, moves: Iterable[Action], tile: int = TILE) -> bytes:
    """A PNG of the level with the path of ``moves`` drawn over it (drawn by the pygame
    shell, imported only here, so a plain ``check`` never loads pygame)."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    from game.ui.map_picture import level_png

    colours = {"path": PATH_COLOUR, "edge": PATH_EDGE, "start": START_COLOUR,
               "end": END_COLOUR, "frame": INK}
    return level_png(level, path_cells(level, moves), tile, colours)
