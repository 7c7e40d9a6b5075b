"""``python main.py report``: what each pupil has done, for the teacher; offline, no display.

``--csv FILE`` writes one row per pupil and level or quiz question (UTF-8 with a byte order
mark, so Excel shows Chinese correctly); ``--json`` prints one JSON document; with neither,
a short table is printed. ``--profile NAME`` picks one pupil (default: every profile).
Saves are only read, never changed: an unreadable one is reported and skipped.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.commands import EXIT_FAIL, EXIT_OK, EXIT_USAGE
from game.content.campaign import Campaign, load_campaign
from game.content.errors import ContentError
from game.csvsafe import plain_text, safe_cell
from game.i18n import Text
from game.progress import (
    LevelRecord,
    Progress,
    ProgressStore,
    read_save,
    sanitize_profile_name,
)
from game.toollang import tool_language

#: The CSV's columns; a cell that does not apply to the row's ``kind`` is left empty.
CSV_COLUMNS = (
    "profile",
    "kind",  # "level" or "question"
    "chapter",
    "level",
    "question",
    "text_zh",  # the level's title, or the question's prompt
    "text_en",
    "won",
    "best_moves",
    "best_troops",
    "stars",
    "attempts",
    "hints_used",
    "times_correct",
    "last_correct",  # "no" marks a question still answered wrong
)

Row = dict[str, Any]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """--profile, --csv and --json."""
    parser.add_argument("--profile", metavar="NAME",
                        help="report on this pupil only (default: every profile)")
    parser.add_argument("--csv", type=Path, metavar="FILE",
                        help="write one row per pupil and level or question to FILE "
                             "(UTF-8 with BOM, for Excel)")
    parser.add_argument("--json", action="store_true",
                        help="print one JSON document to standard output")
    parser.add_argument("--class", dest="class_dir", type=Path, metavar="DIR",
                        help="the whole class: every pupil's save or export found in DIR "
                             "and its sub-folders (read only)")
    parser.add_argument("--html", type=Path, metavar="FILE",
                        help="with --class: write the class report as one HTML page")


# --------------------------------------------------------------------------- gathering


@dataclass
class PupilReport:
    """One pupil's rows and totals."""

    profile: str
    levels: list[Row] = field(default_factory=list)
    questions: list[Row] = field(default_factory=list)
    quizzes: list[Row] = field(default_factory=list)

    @property
    def wrong(self) -> list[Row]:
        """The questions whose most recent answer was wrong (the pupil's 错题本)."""
        return [q for q in self.questions if not q["last_correct"]]

    def summary(self) -> Row:
        """Totals: levels won, moves and stars of the won levels, hints, quizzes passed."""
        won = [level for level in self.levels if level["won"]]
        return {
            "levels_won": len(won),
            "levels": len(self.levels),
            "moves": sum(level["best_moves"] or 0 for level in won),
            "stars": sum(level["stars"] for level in self.levels),
            "hints_used": sum(level["hints_used"] for level in self.levels),
            "quizzes_passed": sum(1 for quiz in self.quizzes if quiz["passed"]),
            "questions_answered": len(self.questions),
            "wrong": len(self.wrong),
        }

    def as_dict(self) -> Row:
        """The JSON form."""
        return {
            "profile": self.profile,
            "summary": self.summary(),
            "levels": self.levels,
            "quizzes": self.quizzes,
            "questions": self.questions,
            "wrong": [{"chapter": q["chapter"], "question": q["question"],
                       "prompt": q["prompt"]} for q in self.wrong],
        }


def _text(text: Text | None) -> dict[str, str]:
    return {"zh": text.zh, "en": text.en} if text is not None else {"zh": "", "en": ""}


def _level_row(chapter: str, level_id: str, title: Text | None, rec: LevelRecord) -> Row:
    return {"chapter": chapter, "level": level_id, "title": _text(title), "won": rec.won,
            "best_moves": rec.best_moves, "best_troops": rec.best_troops, "stars": rec.stars,
            "attempts": rec.attempts, "hints_used": rec.hints_used}


def pupil_report(profile: str, progress: Progress, campaign: Campaign | None) -> PupilReport:
    """Every campaign level (played or not) and every question the pupil has answered, in
    campaign order; records the campaign does not know follow, sorted."""
    report = PupilReport(profile)
    chapters = campaign.chapters if campaign is not None else ()
    known_levels: set[str] = set()
    for chapter in chapters:
        for level in chapter.levels:
            known_levels.add(level.id)
            rec = progress.levels.get(level.id, LevelRecord())
            report.levels.append(_level_row(chapter.id, level.id, level.title, rec))
    for level_id in sorted(set(progress.levels) - known_levels):
        report.levels.append(_level_row("", level_id, None, progress.levels[level_id]))

    prompts: dict[tuple[str, str], Text] = {}
    order: list[str] = [chapter.id for chapter in chapters]
    for chapter in chapters:
        if chapter.quiz is not None:
            for question in chapter.quiz.questions:
                prompts[(chapter.id, question.id)] = question.prompt
    order += sorted(set(progress.quizzes) - set(order))
    for chapter_id in order:
        quiz = progress.quizzes.get(chapter_id)
        if quiz is None:
            continue
        report.quizzes.append({"chapter": chapter_id, "best_score": quiz.best_score,
                               "last_score": quiz.last_score, "total": quiz.total,
                               "attempts": quiz.attempts, "passed": quiz.passed})
        known = [qid for (cid, qid) in prompts if cid == chapter_id]
        qids = [qid for qid in known if qid in quiz.answers]
        qids += sorted(set(quiz.answers) - set(known))
        for qid in qids:
            answer = quiz.answers[qid]
            report.questions.append({
                "chapter": chapter_id, "question": qid,
                "prompt": _text(prompts.get((chapter_id, qid))),
                "attempts": answer.attempts, "correct": answer.correct,
                "last_correct": answer.last_correct,
            })
    return report


def read_progress(path: Path) -> Progress:
    """Read a save without changing anything (the game's loader moves bad files aside).

    The game's own size cap and record-by-record recovery: see :func:`read_save`.
    """
    return read_save(path)[0]


def skipped_files(folder: Path, profiles: list[str]) -> list[tuple[str, Text]]:
    """``.json`` files in the profiles folder that are not reported, each with why."""
    try:
        names = sorted(entry.name for entry in folder.iterdir())
    except OSError:
        return []
    skipped = []
    for name in names:
        stem, dot, suffix = name.rpartition(".")
        if not dot or suffix != "json" or name.startswith(".") or stem in profiles:
            continue
        if ".corrupt-" in stem:
            why = Text("游戏搁置的损坏存档（为你保留，不读取）",
                       "a damaged save the game set aside (kept for you, not read)")
        elif not (folder / name).is_file():
            why = Text("不是普通文件", "not a regular file")
        else:
            why = Text("不是游戏会生成的档案名（只含字母、数字、- 和 _）",
                       "not a profile name the game makes (letters, digits, - and _ only)")
        skipped.append((name, why))
    return skipped


# --------------------------------------------------------------------------- writing


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def csv_rows(reports: list[PupilReport]) -> list[dict[str, str | int]]:
    """One row per pupil and level, then per pupil and question; see :data:`CSV_COLUMNS`."""
    rows: list[dict[str, str | int]] = []
    for report in reports:
        for level in report.levels:
            rows.append({
                "profile": report.profile, "kind": "level", "chapter": level["chapter"],
                "level": level["level"], "question": "",
                "text_zh": level["title"]["zh"], "text_en": level["title"]["en"],
                "won": _yes(level["won"]),
                "best_moves": "" if level["best_moves"] is None else level["best_moves"],
                "best_troops": "" if level["best_troops"] is None else level["best_troops"],
                "stars": level["stars"], "attempts": level["attempts"],
                "hints_used": level["hints_used"], "times_correct": "", "last_correct": "",
            })
        for question in report.questions:
            rows.append({
                "profile": report.profile, "kind": "question", "chapter": question["chapter"],
                "level": "", "question": question["question"],
                "text_zh": question["prompt"]["zh"], "text_en": question["prompt"]["en"],
                "won": "", "best_moves": "", "best_troops": "", "stars": "",
                "attempts": question["attempts"], "hints_used": "",
                "times_correct": question["correct"],
                "last_correct": _yes(question["last_correct"]),
            })
    return rows


def write_csv(reports: list[PupilReport], path: Path) -> int:
    """Write the CSV (UTF-8 with BOM); return the number of data rows."""
    rows = csv_rows(reports)
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        # Ids, titles, prompts and profile names come from saves and packs: no formulas.
        writer.writerows({key: safe_cell(value) for key, value in row.items()} for row in rows)
    return len(rows)


def print_table(reports: list[PupilReport], lang: str) -> None:
    """A short readable report: per pupil, the totals, the levels played and the mistakes.

    In Chinese when ``lang`` is ``zh``, else in English. Names, ids and prompts come from
    saves and packs: control characters (terminal escape sequences) and invisible direction
    marks are removed before printing.
    """
    zh = lang == "zh"
    for report in reports:
        s = report.summary()
        name = plain_text(report.profile)
        print(f"{name}：通过 {s['levels_won']}/{s['levels']} 关，{s['moves']} 步，"
              f"{s['stars']} 星，提示 {s['hints_used']} 次；通过 {s['quizzes_passed']} 个测验，"
              f"错题 {s['wrong']} 道" if zh else
              f"{name}: {s['levels_won']}/{s['levels']} levels won, "
              f"{s['moves']} moves, {s['stars']} stars, {s['hints_used']} hints; "
              f"{s['quizzes_passed']} quizzes passed, {s['wrong']} questions wrong")
        for level in report.levels:
            if not level["attempts"]:
                continue
            level_id = plain_text(level["level"])
            if zh:
                best = (f"{level['best_moves']} 步通过，剩 {level['best_troops']} 兵力，"
                        f"{level['stars']} 星" if level["won"] else "未通过")
                print(f"  关卡 {level_id:<20} {best}；尝试 {level['attempts']} 次，"
                      f"提示 {level['hints_used']} 次")
                continue
            best = (f"won in {level['best_moves']} moves, {level['best_troops']} troops, "
                    f"{level['stars']} stars" if level["won"] else "not won")
            print(f"  level {level_id:<20} {best}; {level['attempts']} attempts, "
                  f"{level['hints_used']} hints")
        for quiz in report.quizzes:
            chapter = plain_text(quiz["chapter"])
            score = f"{quiz['best_score']}/{quiz['total']}"
            print(f"  测验 {chapter:<20} 最好 {score}，尝试 {quiz['attempts']} 次"
                  f"{'，已通过' if quiz['passed'] else ''}" if zh else
                  f"  quiz  {chapter:<20} best {score}, {quiz['attempts']} attempts"
                  f"{', passed' if quiz['passed'] else ''}")
        for question in report.wrong:
            other = "en" if zh else "zh"
            prompt = question["prompt"][lang] or question["prompt"][other]
            where = plain_text(f"{question['chapter']}/{question['question']}")
            print(f"  错题 {where}：{plain_text(prompt) or '?'}" if zh else
                  f"  wrong {where}: {plain_text(prompt) or '?'}")


def _say(lang: str, en: str, zh: str) -> None:
    """One line on stderr for the teacher, in the tool's language."""
    print(f"python main.py report: {zh if lang == 'zh' else en}", file=sys.stderr)


def run(args: argparse.Namespace, levels_dir: Path) -> int:
    """Gather the chosen pupils' progress and write it out."""
    if args.class_dir is not None or args.html is not None:
        return _class_report(args, levels_dir)
    lang = tool_language(getattr(args, "lang", None))
    store = ProgressStore.default()
    folder = store.path.parent
    profiles = store.list_profiles()
    if args.profile is not None:
        chosen = _find_profile(args.profile, profiles)
        if chosen is None:
            listed = ("、" if lang == "zh" else ", ").join(profiles) if profiles else (
                f"还没有（在 {folder}）" if lang == "zh" else f"none yet (in {folder})")
            _say(lang, f"error: no profile named {args.profile!r}; profiles: {listed}",
                 f"错误：没有名为 {args.profile!r} 的学生档案；现有档案：{listed}")
            return EXIT_USAGE
        profiles = [chosen]
    elif not profiles:
        _say(lang, f"no profiles saved yet (in {folder})", f"还没有保存任何学生档案（在 {folder}）")

    campaign: Campaign | None = None
    try:
        campaign = load_campaign(levels_dir)
    except ContentError:
        _say(lang, f"warning: the levels in {levels_dir} have errors; "
             "chapters, titles and prompts are left empty",
             f"警告：{levels_dir} 中的关卡有错误，章节、标题和题目留空")

    if args.profile is None:
        for name, why in skipped_files(folder, profiles):
            _say(lang, f"warning: skipped {plain_text(folder / name)}: {why.en}",
                 f"警告：跳过了 {plain_text(folder / name)}：{why.zh}")

    reports: list[PupilReport] = []
    unreadable: list[dict[str, str]] = []
    for profile in profiles:
        path = folder / f"{profile}.json"
        try:
            progress, dropped = read_save(path)
        except Exception as error:  # any bad save: report it, keep going with the others
            reason = error.strerror if isinstance(error, OSError) and error.strerror else error
            unreadable.append({"profile": profile, "file": str(path), "error": str(reason)})
            _say(lang, f"warning: cannot read {plain_text(path)}: {plain_text(reason)}",
                 f"警告：无法读取 {plain_text(path)}：{plain_text(reason)}")
            continue
        for record in dropped:
            _say(lang, f"warning: {plain_text(path)}: left out a record that cannot be read: "
                 f"{plain_text(record)}",
                 f"警告：{plain_text(path)}：有一条无法读取的记录被略过：{plain_text(record)}")
        reports.append(pupil_report(profile, progress, campaign))

    if args.csv is not None:
        try:
            count = write_csv(reports, args.csv)
        except OSError as error:
            _say(lang, f"error: cannot write {args.csv}: {error}",
                 f"错误：无法写入 {args.csv}：{error}")
            return EXIT_FAIL
        if not args.json:
            print(f"已为 {len(reports)} 名学生写入 {count} 行：{args.csv}" if lang == "zh" else
                  f"wrote {count} rows for {len(reports)} pupils to {args.csv}")
    try:
        if args.json:
            document = {"profiles": [report.as_dict() for report in reports],
                        "unreadable": unreadable}
            print(json.dumps(document, ensure_ascii=False, indent=2))
        elif args.csv is None:
            print_table(reports, lang)
    except BrokenPipeError:  # piped into head and cut short: not our error
        sys.stderr.close()
    return EXIT_FAIL if unreadable else EXIT_OK


def _class_report(args: argparse.Namespace, levels_dir: Path) -> int:
    """``--class DIR``: the class report (game/classroom)."""
    from game.classroom.command import run_class_report

    prog = getattr(args, "prog", "python main.py")
    if args.class_dir is None or args.profile is not None or args.json:
        print(f"{prog} report: error: --html goes with --class DIR (and --profile and "
              "--json without it)", file=sys.stderr)
        return EXIT_USAGE
    return run_class_report(args.class_dir, levels_dir, html=args.html, csv=args.csv,
                            lang="en" if args.lang == "en" else "zh", prog=prog)


def _find_profile(name: str, profiles: list[str]) -> str | None:
    """The profile called ``name`` (as typed in the game, or as its file is named)."""
    if name in profiles:
        return name
    if name.strip().casefold() in ("default", "默认") and "default" in profiles:
        return "default"
    try:
        stem = sanitize_profile_name(name)
    except ValueError:
        return None
    return stem if stem in profiles else None
