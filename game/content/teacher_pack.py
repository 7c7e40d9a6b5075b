"""The teacher's pack: one print-ready, self-contained HTML page built from the YAML.

It gathers each chapter's learning goals and discussion questions (``chapter.yaml``), the
lesson plan, glossary and the note on numbers (``teacher.yaml``), a worksheet made from the
route (``campaign.yaml``), the chapters' dates and the poem (``ending.yaml``), its answer
key, and the bibliography (``sources.yaml``). Every text is given in Chinese with the
English under it. No pygame, no network: the page needs nothing but a browser.
"""

from __future__ import annotations

import base64
import html
from dataclasses import dataclass
from pathlib import Path

from game.content.campaign import Campaign, Chapter, load_campaign
from game.content.sources import SOURCE_KINDS, SOURCES_FILE, Bibliography, load_sources
from game.content.teacher import TEACHER_FILE, TeacherNotes, load_teacher
from game.fontcov import REGULAR_FONT
from game.i18n import Text

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

_KIND_NAMES = {
    "textbook": Text("教科书", "Textbook"),
    "official media": Text("官方媒体", "Official media"),
    "museum": Text("纪念馆与地方党史部门", "Museums and local party-history offices"),
    "academic": Text("学术著作与期刊", "Academic works"),
    "reference": Text("参考资料（百科、镜像、其他报刊）",
                      "Reference (encyclopedias, mirrors, other press)"),
    "weak": Text("较弱的资料（只作旁证）", "Weak sources (supporting only)"),
}

_STYLE = """
@page { size: A4; margin: 16mm 15mm; }
* { box-sizing: border-box; }
body { font-family: "Pack Noto Sans SC", "Noto Sans SC", "Noto Sans CJK SC",
  "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #222;
  line-height: 1.5; font-size: 11pt; max-width: 190mm; margin: 0 auto; padding: 8mm 0; }
h1 { color: #8a1618; font-size: 24pt; margin: 0 0 2mm; }
h2 { color: #8a1618; font-size: 16pt; border-bottom: 2px solid #8a1618; padding-bottom: 1mm;
  margin: 8mm 0 3mm; }
h3 { font-size: 12.5pt; margin: 5mm 0 2mm; }
h2, h3 { break-after: avoid; }
.en { display: block; color: #555; font-size: 9.5pt; }
.lead { font-size: 12pt; }
.chapter { break-inside: avoid; }
.meta { color: #555; }
ol, ul { margin: 1mm 0 2mm; padding-left: 7mm; }
li { margin: 1mm 0; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; }
th, td { border: 1px solid #999; padding: 1.5mm 2mm; vertical-align: top; text-align: left; }
th { background: #f1e6d2; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.letters { list-style: none; padding-left: 2mm; }
.blank { display: inline-block; min-width: 12mm; border-bottom: 1px solid #222; }
.ids { color: #777; font-size: 8.5pt; }
.page { break-before: page; }
.numbered th:first-child, .numbered td:first-child { width: 22mm; }
.poem th:last-child, .poem td:last-child { width: 22mm; }
.note { background: #f7f1e5; border-left: 4px solid #8a1618; padding: 2mm 4mm; }
.source { break-inside: avoid; }
a { color: #8a1618; word-break: break-all; }
@media print { body { padding: 0; } a { color: #222; text-decoration: none; } }
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def bi(text: Text) -> str:
    """Chinese, with the English under it."""
    return f'{_e(text.zh)}<span class="en">{_e(text.en)}</span>'


@dataclass(frozen=True, slots=True)
class Worksheet:
    """The three tasks and their answers, all derived from the YAML."""

    route: tuple[Text, ...]
    """Places as printed on the sheet (alphabetical by English name)."""
    route_answer: tuple[int, ...]
    """For each printed place, its number in marching order (1 = first)."""
    timeline: tuple[Chapter, ...]
    """Chapters as printed (alphabetical by English title)."""
    timeline_answer: tuple[int, ...]
    """For each printed chapter, its place in time (1 = first)."""
    poem: tuple[Text, ...]
    """The poem lines that belong to a chapter, in the poem's order."""
    poem_answer: tuple[str, ...]
    """For each line, the letter of its chapter (chapters lettered in campaign order)."""


def worksheet(campaign: Campaign) -> Worksheet:
    """Build the worksheet and its answer key from the campaign."""
    places = [point.name for point in campaign.route]
    printed = sorted(range(len(places)), key=lambda i: places[i].en.casefold())
    chapters = list(campaign.chapters)
    listed = sorted(range(len(chapters)), key=lambda i: chapters[i].title.en.casefold())
    letter = {chapter.id: LETTERS[i] for i, chapter in enumerate(chapters)}
    lines = [line for line in (campaign.ending.poem if campaign.ending else ())
             if line.chapter is not None and line.chapter in letter]
    return Worksheet(
        tuple(places[i] for i in printed), tuple(i + 1 for i in printed),
        tuple(chapters[i] for i in listed), tuple(i + 1 for i in listed),
        tuple(line.line for line in lines),
        tuple(letter[line.chapter] for line in lines if line.chapter is not None),
    )


def load_pack(levels_dir: Path) -> tuple[Campaign, Bibliography | None, TeacherNotes | None]:
    """The campaign, and the bibliography and teacher's notes when the pack has them.

    Raises :class:`~game.content.errors.ContentError` when a file is broken.
    """
    campaign = load_campaign(levels_dir)
    sources = levels_dir / SOURCES_FILE
    teacher = levels_dir / TEACHER_FILE
    return (campaign, load_sources(sources) if sources.is_file() else None,
            load_teacher(teacher) if teacher.is_file() else None)


def font_face(font: Path = REGULAR_FONT) -> str:
    """The game's own Chinese font, embedded, so the page prints the same on any computer."""
    if not font.is_file():
        return ""
    data = base64.b64encode(font.read_bytes()).decode("ascii")
    return ('@font-face { font-family: "Pack Noto Sans SC"; font-weight: 100 900; '
            f'src: url(data:font/otf;base64,{data}) format("opentype"); }}')


def render_pack(campaign: Campaign, bibliography: Bibliography | None,
                notes: TeacherNotes | None, *, embed_font: bool = True) -> str:
    """The whole teacher's pack as one HTML document (``embed_font``: carry the game's font
    inside the page, about 2 MB, so Chinese prints on a computer without Chinese fonts)."""
    sheet = worksheet(campaign)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{_e(campaign.title.zh)} · {_e(campaign.title.en)} — 教师资料 Teacher's pack"
        "</title>",
        f"<style>{font_face() if embed_font else ''}{_STYLE}</style></head><body>",
        _cover(campaign, notes, bibliography),
        _chapters(campaign),
    ]
    if notes is not None:
        parts += [_lesson(notes), _glossary(notes), _numbers(notes)]
    parts += [_worksheet(campaign, sheet), _answer_key(campaign, sheet)]
    if bibliography is not None:
        parts.append(_bibliography(bibliography))
    parts.append("</body></html>\n")
    return "\n".join(parts)


_GENERATED = Text("教师资料：本资料由游戏的 YAML 文件自动生成。",
                  "Teacher's pack, generated from the game's YAML files.")

#: Headings and labels of the pack, in both languages.
T = {
    "chapters": Text("各章学习目标与讨论题", "Learning goals and discussion questions"),
    "lesson": Text("40分钟教学设计", "A 40-minute lesson plan"),
    "glossary": Text("名词解释", "Glossary"),
    "numbers": Text("为什么资料中的数字不一样", "Why the numbers differ between sources"),
    "worksheet": Text("学习单", "Worksheet"),
    "answers": Text("学习单答案", "Answer key"),
    "sources": Text("参考资料", "Sources"),
    "contents": Text("目录", "Contents"),
    "opening": Text("本章开头：", "Opening page: "),
    "goals": Text("学习目标", "Learning goals"),
    "discussion": Text("讨论题", "Discussion questions"),
    "minutes": Text("时间", "Minutes"),
    "activity": Text("活动", "Activity"),
    "topic": Text("话题", "Topic"),
    "figures": Text("各资料的说法", "What the sources say"),
    "why": Text("原因与游戏的写法", "Why, and how the game words it"),
    "order": Text("顺序", "Order"),
    "place": Text("地点", "Place"),
    "event": Text("事件", "Event"),
    "when": Text("时间", "When"),
    "line": Text("诗句", "Line"),
    "chapter": Text("章", "Chapter"),
    "name": Text("姓名：________　班级：________", "Name: ________  Class: ________"),
    "route_task": Text("一、路线：按红军经过的先后，给下面的地点编号（1是最早）。"
                       "可以看游戏里的路线图。",
                       "A. The route: number the places in the order the march passed them "
                       "(1 = first). The route map in the game helps."),
    "timeline_task": Text("二、时间线：按发生的先后给各章编号，并写出年份和月份。",
                          "B. The timeline: number the chapters in the order they happened, "
                          "and write the month and year."),
    "poem_task": Text("三、诗句配对：《七律·长征》的每一句写的是哪一章？填字母。",
                      'C. The poem: which chapter does each line of "The Long March" belong '
                      "to? Write the letter."),
    "route_key": Text("一、路线", "A. The route"),
    "timeline_key": Text("二、时间线", "B. The timeline"),
    "poem_key": Text("三、诗句配对", "C. The poem"),
    "poem_note": Text("注意：这首诗写于1935年10月；把“三军”解释为红一、二、四方面军，"
                      "出自毛泽东1958年的批注。可以请学生讨论：为什么最后一句能和1936年10月的会师联系起来？",
                      "Note: the poem was written in October 1935; reading the \"three armies\" "
                      "as the First, Second and Fourth Front Armies comes from Mao's 1958 note. "
                      "Ask pupils why the last line can be tied to the meeting of October 1936."),
    "sources_intro": Text("权威资料在前。编号就是游戏文件里 source: 和 sources: 引用的编号。",
                          "Authoritative sources first. The ids are the ones the game files "
                          "cite in source: and sources:."),
}

_BLANK = '<span class="blank">&nbsp;</span>'


def _table(css: str, headers: list[str], rows: list[list[str]]) -> str:
    """A table: ``headers`` are keys of :data:`T`; ``rows`` hold ready HTML cells."""
    head = "".join(f"<th>{bi(T[key])}</th>" for key in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>"
                   for row in rows)
    # The header row sits in <thead>, so a table split across printed pages repeats it.
    thead = f"<thead><tr>{head}</tr></thead>" if headers else ""
    return f'<table class="{css}">{thead}<tbody>{body}</tbody></table>'


def _section(key: str, body: str, *, page: bool = True) -> str:
    css = ' class="page"' if page else ""
    return f'<section id="{key}"{css}><h2>{bi(T[key])}</h2>{body}</section>'


def _cover(campaign: Campaign, notes: TeacherNotes | None,
           bibliography: Bibliography | None) -> str:
    keys = ["chapters"]
    if notes is not None:
        keys += ["lesson", "glossary", "numbers"]
    keys += ["worksheet", "answers"]
    if bibliography is not None:
        keys.append("sources")
    contents = "".join(f'<li><a href="#{key}">{bi(T[key])}</a></li>' for key in keys)
    return (f'<header id="cover"><h1>{_e(campaign.title.zh)} · {_e(campaign.title.en)}</h1>'
            f'<p class="lead">{bi(_GENERATED)}</p>'
            f"<h3>{bi(T['contents'])}</h3><ol>{contents}</ol></header>")


def _chapters(campaign: Campaign) -> str:
    out = []
    for number, chapter in enumerate(campaign.chapters, start=1):
        out.append(f'<article class="chapter" id="chapter-{_e(chapter.id)}">')
        out.append(f"<h3>{number}. {bi(chapter.title)}</h3>")
        out.append(f'<p class="meta">{bi(chapter.date)}</p>'
                   f'<p class="meta">{bi(chapter.place)}</p>')
        if chapter.prelude is not None:
            out.append(f"<p><strong>{bi(T['opening'])}</strong>{bi(chapter.prelude.title)}</p>")
        if chapter.goals:
            out.append(f"<p><strong>{bi(T['goals'])}</strong></p><ul>")
            out += [f"<li>{bi(goal)}</li>" for goal in chapter.goals]
            out.append("</ul>")
        if chapter.discussion:
            out.append(f"<p><strong>{bi(T['discussion'])}</strong></p><ol>")
            out += [f"<li>{bi(question)}</li>" for question in chapter.discussion]
            out.append("</ol>")
        out.append(f'<p class="ids">{_e("资料 Sources: " + ", ".join(chapter.sources))}</p>')
        out.append("</article>")
    return _section("chapters", "\n".join(out))


def _lesson(notes: TeacherNotes) -> str:
    rows, start = [], 0
    for step in notes.lesson_plan:
        rows.append([f"{start}–{start + step.minutes}′", bi(step.activity)])
        start += step.minutes
    return _section("lesson", _table("lesson", ["minutes", "activity"], rows))


def _glossary(notes: TeacherNotes) -> str:
    rows = [[f"<strong>{bi(term.term)}</strong>", bi(term.meaning)] for term in notes.glossary]
    return _section("glossary", _table("glossary", [], rows), page=False)


def _numbers(notes: TeacherNotes) -> str:
    rows = [[f"<strong>{bi(case.topic)}</strong>", bi(case.figures),
             f'{bi(case.why)}<span class="ids">{_e(", ".join(case.sources))}</span>']
            for case in notes.numbers_cases]
    return _section("numbers", f"<p>{bi(notes.numbers_intro)}</p>"
                    + _table("numbers", ["topic", "figures", "why"], rows)
                    + f'<p class="note">{bi(notes.numbers_rule)}</p>')


def _chapter_letters(campaign: Campaign) -> str:
    return "".join(f"<li>{LETTERS[i]}. {bi(chapter.title)}</li>"
                   for i, chapter in enumerate(campaign.chapters))


def _worksheet(campaign: Campaign, sheet: Worksheet) -> str:
    route = [[_BLANK, bi(place)] for place in sheet.route]
    timeline = [[_BLANK, bi(chapter.title), _BLANK] for chapter in sheet.timeline]
    poem = [[bi(line), _BLANK] for line in sheet.poem]
    return _section("worksheet", f"<p>{bi(T['name'])}</p>"
                    f"<h3>{bi(T['route_task'])}</h3>"
                    + _table("numbered", ["order", "place"], route)
                    + f"<h3>{bi(T['timeline_task'])}</h3>"
                    + _table("numbered", ["order", "event", "when"], timeline)
                    + f"<h3>{bi(T['poem_task'])}</h3>"
                    f'<ul class="letters">{_chapter_letters(campaign)}</ul>'
                    + _table("poem", ["line", "chapter"], poem))


def _answer_key(campaign: Campaign, sheet: Worksheet) -> str:
    by_number = sorted(zip(sheet.route_answer, sheet.route, strict=True), key=lambda p: p[0])
    route = [[str(number), bi(place)] for number, place in by_number]
    in_time = sorted(zip(sheet.timeline_answer, sheet.timeline, strict=True),
                     key=lambda p: p[0])
    timeline = [[str(number), bi(chapter.title), bi(chapter.date)]
                for number, chapter in in_time]
    poem = [[bi(line), letter] for line, letter in zip(sheet.poem, sheet.poem_answer,
                                                        strict=True)]
    return _section("answers", f"<h3>{bi(T['route_key'])}</h3>"
                    + _table("answer-route numbered", ["order", "place"], route)
                    + f"<h3>{bi(T['timeline_key'])}</h3>"
                    + _table("answer-timeline numbered", ["order", "event", "when"], timeline)
                    + f"<h3>{bi(T['poem_key'])}</h3>"
                    + _table("answer-poem poem", ["line", "chapter"], poem)
                    + f'<p class="note">{bi(T["poem_note"])}</p>')


def _bibliography(bibliography: Bibliography) -> str:
    out = [f"<p>{bi(T['sources_intro'])}</p>"]
    for kind in SOURCE_KINDS:
        entries = [s for s in bibliography.sources if s.kind == kind]
        if not entries:
            continue
        out.append(f"<h3>{bi(_KIND_NAMES[kind])}</h3><ol>")
        for source in entries:
            details = [source.publisher, source.date]
            text = f"<strong>[{_e(source.id)}]</strong> {_e(source.title)}"
            extra = "; ".join(_e(d) for d in details if d)
            if extra:
                text += f" — {extra}"
            if source.address:
                href = source.address if "://" in source.address else f"http://{source.address}"
                text += f' <a href="{_e(href)}">{_e(source.address)}</a>'
            if source.note:
                text += f'<span class="en">{_e(source.note)}</span>'
            out.append(f'<li class="source">{text}</li>')
        out.append("</ol>")
    return _section("sources", "\n".join(out))
