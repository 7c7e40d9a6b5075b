"""The class report as one self-contained HTML page: no script, no network, charts drawn
as inline SVG, black text on white that prints readably (headings in both languages).

The game's own Chinese font is embedded (about 2 MB), so the page shows and prints the
same on a school PC without Chinese fonts."""

from __future__ import annotations

import base64
import html
from datetime import datetime
from pathlib import Path

from game.classroom.saves import ClassFolder
from game.classroom.tables import ChapterRow, ClassTables, QuestionRow
from game.fontcov import REGULAR_FONT
from game.i18n import Lang, Text

__all__ = ["class_report_html"]

RED, GREEN, AMBER, TRACK, INK = "#a31515", "#2e7d32", "#b26a00", "#ececec", "#222"

_STYLE = """
body { font-family: "Changzheng Noto Sans SC", "Noto Sans SC", "Microsoft YaHei",
       "PingFang SC", "Source Han Sans SC", sans-serif; color: #222; margin: 24px auto;
       max-width: 1100px; padding: 0 16px;
       -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1 { color: #a31515; margin-bottom: 4px; }
h2 { border-bottom: 3px solid #a31515; padding-bottom: 4px; margin-top: 36px; }
h3 { margin: 20px 0 6px; }
.meta, .note { color: #555; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 14px; }
th, td { border: 1px solid #bbb; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f3e9e0; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.done { background: #e3f1e4; font-weight: bold; }
td.part { background: #fff6e0; }
td.none { color: #999; }
tr { break-inside: avoid; page-break-inside: avoid; }
svg text { font-size: 12px; fill: #222; }
svg { break-inside: avoid; }
.bar { white-space: nowrap; }
.ok { color: #2e7d32; font-weight: bold; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; }
               section { break-inside: auto; } }
"""


def _font_face() -> str:
    """The shipped font as an @font-face rule (nothing if it cannot be read)."""
    try:
        data = base64.b64encode(REGULAR_FONT.read_bytes()).decode("ascii")
    except OSError:
        return ""
    return ('@font-face { font-family: "Changzheng Noto Sans SC"; '
            f'src: url(data:font/otf;base64,{data}) format("opentype"); }}')


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _bi(zh: str, en: str) -> str:
    """A heading in both languages."""
    return f"{_e(zh)} · {_e(en)}"


def _bar(share: float | None, color: str, width: int = 120) -> str:
    """A small horizontal bar for a share in 0..1, with its percentage written next to it."""
    if share is None:
        return '<span class="note">–</span>'
    filled = round(width * max(0.0, min(1.0, share)))
    label = f"{round(share * 100)}%"
    return (f'<span class="bar"><svg width="{width}" height="14" role="img" '
            f'aria-label="{label}"><rect width="{width}" height="14" fill="{TRACK}" '
            f'stroke="#888"/><rect width="{filled}" height="14" fill="{color}"/></svg> '
            f"{label}</span>")


def _chapters_chart(rows: list[ChapterRow], pupils: int, lang: Lang) -> str:
    """Horizontal bars: how many pupils finished each chapter."""
    label_w, bar_w, row_h = 260, 520, 28
    height = row_h * len(rows) + 10
    parts = [f'<svg width="{label_w + bar_w + 90}" height="{height}" role="img" '
             f'aria-label="chapters finished">']
    for i, row in enumerate(rows):
        y = 5 + i * row_h
        share = row.finished / pupils if pupils else 0.0
        parts.append(f'<text x="{label_w - 8}" y="{y + 17}" text-anchor="end">'
                     f"{i + 1}. {_e(row.title[lang])}</text>")
        parts.append(f'<rect x="{label_w}" y="{y + 3}" width="{bar_w}" height="{row_h - 8}" '
                     f'fill="{TRACK}" stroke="#888"/>')
        parts.append(f'<rect x="{label_w}" y="{y + 3}" width="{round(bar_w * share)}" '
                     f'height="{row_h - 8}" fill="{GREEN}"/>')
        parts.append(f'<text x="{label_w + bar_w + 8}" y="{y + 17}">{row.finished} / '
                     f"{pupils}</text>")
    parts.append("</svg>")
    return "".join(parts)


def _help_section(tables: ClassTables, lang: Lang) -> str:
    rows = tables.needing_help()
    out = [f"<section id=\"help\"><h2>{_bi('先帮助这些学生', 'Pupils who need help first')}</h2>"]
    if not rows:
        out.append(f"<p class=\"ok\">{_bi('没有学生落后或卡住。', 'No pupil is behind or stuck.')}"
                   "</p></section>")
        return "".join(out)
    out.append(f"<table><tr><th class=\"num\">#</th><th>{_bi('学生', 'Pupil')}</th>"
               f"<th>{_bi('原因', 'Why')}</th><th class=\"num\">{_bi('完成章数', 'Chapters')}</th>"
               f"<th class=\"num\">{_bi('星', 'Stars')}</th></tr>")
    for rank, pupil in enumerate(rows, 1):
        reasons = "<br>".join(_e(reason[lang]) for reason in pupil.reasons)
        out.append(f"<tr><td class=\"num\">{rank}</td><td><b>{_e(pupil.name)}</b></td>"
                   f"<td>{reasons}</td><td class=\"num\">{pupil.finished}</td>"
                   f"<td class=\"num\">{pupil.stars} / {tables.stars_possible}</td></tr>")
    out.append("</table><p class=\"note\">"
               + _e(Text("排序依据：还没开始、比全班中位数少完成两章以上、卡在某关（试过没赢）、"
                         "测验未及格、最近答错的题、提示用得多。",
                         "Ordered by: not started, two or more chapters behind the class "
                         "median, stuck on a level (tried, not won), a quiz not passed, "
                         "questions last answered wrong, many hints.")[lang])
               + "</p></section>")
    return "".join(out)


def _chapters_section(tables: ClassTables, names: list[str], lang: Lang) -> str:
    out = [f"<section id=\"chapters\"><h2>{_bi('各章完成情况', 'Chapters')}</h2>",
           f"<p class=\"note\">{_bi('完成本章的学生人数', 'Pupils who finished each chapter')}"
           "</p>", _chapters_chart(tables.chapters, len(names), lang)]
    out.append(f"<h3>{_bi('每个学生：✓ 完成，★ 星数', 'Each pupil: ✓ finished, ★ stars')}</h3>")
    out.append(f"<table><tr><th>{_bi('学生', 'Pupil')}</th>")
    out.extend(f"<th class=\"num\" title=\"{_e(row.title[lang])}\">{i + 1}</th>"
               for i, row in enumerate(tables.chapters))
    out.append(f"<th class=\"num\">{_bi('合计', 'Total')}</th></tr>")
    for p, pupil in enumerate(tables.pupils):
        out.append(f"<tr><td>{_e(names[p])}</td>")
        for row in tables.chapters:
            result = row.results[p]
            if result.finished:
                out.append(f"<td class=\"num done\">✓ ★{result.stars}/{row.possible}</td>")
            elif result.started:
                out.append(f"<td class=\"num part\">★{result.stars}/{row.possible}</td>")
            else:
                out.append("<td class=\"num none\">–</td>")
        out.append(f"<td class=\"num\">★{pupil.stars}/{tables.stars_possible}</td></tr>")
    out.append("</table><p class=\"note\">")
    out.append(" · ".join(f"{i + 1} = {_e(row.title[lang])}"
                          for i, row in enumerate(tables.chapters)))
    out.append("</p></section>")
    return "".join(out)


def _question_rows(rows: list[QuestionRow], lang: Lang) -> str:
    out = [f"<table><tr><th>{_bi('题目', 'Question')}</th>"
           f"<th class=\"num\">{_bi('作答人数', 'Answered')}</th>"
           f"<th>{_bi('第一次就答对', 'Right at the first try')}</th>"
           f"<th>{_bi('最常见的错误答案', 'Most common wrong answer')}</th></tr>"]
    for row in rows:
        wrong = (f"{_e(row.common_wrong[lang])} <span class=\"note\">(×{row.common_wrong_count})"
                 "</span>" if row.common_wrong is not None else '<span class="note">–</span>')
        share = row.first_share
        color = GREEN if share is None or share >= 0.7 else AMBER if share >= 0.4 else RED
        unknown = (f" <span class=\"note\">({row.first_known}/{row.answered})</span>"
                   if row.first_known < row.answered else "")
        out.append(f"<tr><td>{_e(row.prompt[lang])}</td><td class=\"num\">{row.answered}</td>"
                   f"<td>{_bar(share, color)}{unknown}</td><td>{wrong}</td></tr>")
    out.append("</table>")
    return "".join(out)


def _questions_section(tables: ClassTables, lang: Lang) -> str:
    out = [f"<section id=\"questions\"><h2>{_bi('测验题目', 'Quiz questions')}</h2>",
           "<p class=\"note\">" + _e(Text(
               "第一次就答对的比例：红色低于 40%，橙色低于 70%。"
               "括号里的数字：能看出第一次答案的学生数（旧版本存档没有记录）。",
               "Share right at the first try: red below 40 %, amber below 70 %. A number in "
               "brackets: pupils whose first answer is known (older saves did not keep "
               "it).")[lang]) + "</p>"]
    for number, chapter in enumerate(tables.chapters, 1):
        rows = [row for row in tables.questions if row.chapter == chapter.id]
        if rows:
            out.append(f"<h3>{number}. {_e(chapter.title[lang])}</h3>")
            out.append(_question_rows(rows, lang))
    out.append("</section>")
    return "".join(out)


def _levels_section(tables: ClassTables, lang: Lang) -> str:
    most_losses = max((row.losses for row in tables.levels), default=0) or 1
    most_hints = max((row.hints for row in tables.levels), default=0) or 1
    out = [f"<section id=\"levels\"><h2>{_bi('关卡', 'Levels')}</h2><table><tr>"
           f"<th>{_bi('关卡', 'Level')}</th><th class=\"num\">{_bi('玩过', 'Played')}</th>"
           f"<th class=\"num\">{_bi('通过', 'Won')}</th>"
           f"<th class=\"num\">{_bi('步数中位数', 'Median moves')}</th>"
           f"<th class=\"num\">{_bi('最少步数', 'Fewest')}</th>"
           f"<th>{_bi('提示（全班）', 'Hints (class)')}</th>"
           f"<th>{_bi('失败次数（全班）', 'Losses (class)')}</th></tr>"]
    for row in tables.levels:
        median = "–" if row.median_moves is None else f"{row.median_moves:g}"
        fewest = "–" if row.fewest_moves is None else str(row.fewest_moves)
        out.append(f"<tr><td>{_e(row.title[lang])}</td><td class=\"num\">{row.played}</td>"
                   f"<td class=\"num\">{row.won}</td><td class=\"num\">{median}</td>"
                   f"<td class=\"num\">{fewest}</td>"
                   f"<td>{_count_bar(row.hints, most_hints, AMBER)}</td>"
                   f"<td>{_count_bar(row.losses, most_losses, RED)}</td></tr>")
    out.append("</table></section>")
    return "".join(out)


def _count_bar(value: int, most: int, color: str, width: int = 100) -> str:
    filled = round(width * value / most)
    return (f'<span class="bar"><svg width="{width}" height="12" role="img" '
            f'aria-label="{value}"><rect width="{width}" height="12" fill="{TRACK}" '
            f'stroke="#888"/><rect width="{filled}" height="12" fill="{color}"/></svg> '
            f"{value}</span>")


def _files_section(folder: ClassFolder) -> str:
    out = [f"<section id=\"files\"><h2>{_bi('读取的文件', 'Files')}</h2>"]
    if folder.duplicates:
        heading = _bi("同一学生的多份存档（只算一次）", "One pupil, several copies (counted once)")
        out.append(f"<h3>{heading}</h3><table><tr><th>{_bi('学生', 'Pupil')}</th>"
                   f"<th>{_bi('使用的文件', 'File used')}</th>"
                   f"<th>{_bi('未使用的副本', 'Copy not used')}</th></tr>")
        for unused, used in folder.duplicates:
            out.append(f"<tr><td>{_e(used.name)}</td><td>{_e(_rel(folder, used.path))}</td>"
                       f"<td>{_e(_rel(folder, unused.path))}</td></tr>")
        out.append("</table>")
    if folder.skipped:
        out.append(f"<h3>{_bi('跳过的文件', 'Skipped files')}</h3><table><tr>"
                   f"<th>{_bi('文件', 'File')}</th><th>{_bi('原因', 'Reason')}</th></tr>")
        for skipped in folder.skipped:
            out.append(f"<tr><td>{_e(_rel(folder, skipped.path))}</td>"
                       f"<td>{_e(skipped.reason.zh)}<br>{_e(skipped.reason.en)}</td></tr>")
        out.append("</table>")
    if not folder.duplicates and not folder.skipped:
        fine = _bi("每个文件都读取了，没有重复。", "Every file was read; no duplicates.")
        out.append(f"<p class=\"ok\">{fine}</p>")
    out.append("</section>")
    return "".join(out)


def _rel(folder: ClassFolder, path: Path) -> str:
    try:
        return str(path.relative_to(folder.root))
    except ValueError:
        return str(path)


def class_report_html(folder: ClassFolder, tables: ClassTables, lang: Lang = "zh",
                      now: datetime | None = None) -> str:
    """The whole page."""
    names = [save.name for save in folder.pupils]
    stamp = (now or datetime.now()).strftime("%Y-%m-%d %H:%M")
    meta = Text(f"文件夹：{folder.root} · 生成于 {stamp} · {len(names)} 名学生 · "
                f"{len(folder.duplicates)} 份重复存档 · {len(folder.skipped)} 个文件跳过",
                f"Folder: {folder.root} · made {stamp} · pupils: {len(names)} · "
                f"copies counted once: {len(folder.duplicates)} · files skipped: "
                f"{len(folder.skipped)}")
    body = [f"<header><h1>{_bi('长征 · 班级报告', 'The Long March · Class report')}</h1>"
            f"<p class=\"meta\">{_e(meta[lang])}</p></header>"]
    if names:
        body += [_help_section(tables, lang), _chapters_section(tables, names, lang),
                 _questions_section(tables, lang), _levels_section(tables, lang)]
    else:
        nobody = _bi("这个文件夹里没有学生的存档。", "No pupil saves were found in this folder.")
        body.append(f"<p><b>{nobody}</b></p>")
    body.append(_files_section(folder))
    return ("<!DOCTYPE html>\n<html lang=\"" + ("zh-CN" if lang == "zh" else "en")
            + "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
            "content=\"width=device-width, initial-scale=1\">"
            f"<title>{_bi('班级报告', 'Class report')}</title>"
            f"<style>{_font_face()}{_STYLE}</style></head>"
            "<body>" + "\n".join(body) + "</body></html>\n")
