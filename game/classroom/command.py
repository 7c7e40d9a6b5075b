"""``report --class DIR [--html FILE] [--csv FILE]``: the whole class on one page.

Reads every pupil's save found under DIR (read-only), then writes the HTML page and/or the
CSV tables; without either it prints who needs help first. Exit code 0 when the report was
made (skipped files are listed in it), 1 when it could not be written or the campaign does
not load, 2 for a folder that does not exist or an output that would overwrite a save.
"""

from __future__ import annotations

import sys
from pathlib import Path

from game.classroom.csvout import write_class_csv
from game.classroom.html import class_report_html
from game.classroom.saves import read_class_folder
from game.classroom.tables import class_tables
from game.commands import EXIT_FAIL, EXIT_OK, EXIT_USAGE
from game.content.campaign import load_campaign
from game.content.errors import ContentError
from game.i18n import Lang

__all__ = ["run_class_report"]


def _say(me: str, lang: Lang, en: str, zh: str) -> None:
    """One line on stderr for the teacher, in the report's language."""
    print(f"{me}: {zh if lang == 'zh' else en}", file=sys.stderr)


def run_class_report(class_dir: Path, levels_dir: Path, *, html: Path | None,
                     csv: Path | None, lang: Lang, prog: str = "python main.py") -> int:
    """Gather the class folder and write the report; return the exit code."""
    me = f"{prog} report"
    if not class_dir.is_dir():
        _say(me, lang, f"error: no such folder: {class_dir}", f"错误：没有这个文件夹：{class_dir}")
        return EXIT_USAGE
    try:
        campaign = load_campaign(levels_dir)
    except ContentError as error:
        _say(me, lang, f"error: the levels in {levels_dir} have errors, so chapters and "
             f"questions cannot be named; fix them or use --levels:\n{error}",
             f"错误：{levels_dir} 中的关卡有错误，无法给出章节和题目的名称；"
             f"请先改正，或用 --levels 指定关卡文件夹：\n{error}")
        return EXIT_FAIL
    folder = read_class_folder(class_dir)
    read = {save.path.resolve() for save in folder.pupils}
    read |= {unused.path.resolve() for unused, _ in folder.duplicates}
    for target in (html, csv):
        if target is not None and (target.resolve() in read or target.suffix.lower() == ".json"):
            _say(me, lang, f"error: {target} would overwrite a save; write the report elsewhere",
                 f"错误：{target} 会覆盖一份存档；请把报告写到别处")
            return EXIT_USAGE
    tables = class_tables(folder.pupils, campaign, lang)
    try:
        if html is not None:
            html.write_text(class_report_html(folder, tables, lang), encoding="utf-8")
            print(f"已写入 {html}" if lang == "zh" else f"wrote {html}")
        if csv is not None:
            for written in write_class_csv(folder, tables, csv, lang):
                print(f"已写入 {written}" if lang == "zh" else f"wrote {written}")
    except OSError as error:
        _say(me, lang, f"error: cannot write {error.filename}: {error.strerror or error}",
             f"错误：无法写入 {error.filename}：{error.strerror or error}")
        return EXIT_FAIL
    if lang == "zh":
        print(f"{class_dir} 中有 {len(folder.pupils)} 名学生；{len(folder.duplicates)} 份重复"
              f"的副本只算一次；跳过 {len(folder.skipped)} 个文件")
    else:
        print(f"{len(folder.pupils)} pupils in {class_dir}; {len(folder.duplicates)} duplicate "
              f"copies counted once; {len(folder.skipped)} files skipped")
    for skipped in folder.skipped:
        print(f"  跳过 {skipped.path}：{skipped.reason[lang]}" if lang == "zh" else
              f"  skipped {skipped.path}: {skipped.reason[lang]}")
    if html is None and csv is None:
        for rank, pupil in enumerate(tables.needing_help(), 1):
            print(f"{rank:>3}. {pupil.name}：" + "；".join(r[lang] for r in pupil.reasons)
                  if lang == "zh" else
                  f"{rank:>3}. {pupil.name}: " + "; ".join(r[lang] for r in pupil.reasons))
    return EXIT_OK
