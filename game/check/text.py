"""The ``check`` report as text, in English or Chinese: one line per file (and one per
problem or warning), then the totals. The two languages differ only in their words.

Chinese problem messages go through :func:`game.content.messages_zh.message_zh` (English
stays where no template matches); paths, ids and the author's quoted words are as written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from game.check.runner import CheckReport, FileReport
from game.content.errors import Problem
from game.content.messages_zh import message_zh
from game.toollang import tool_language

__all__ = ["print_report_text", "wants_chinese"]


@dataclass(frozen=True)
class _Words:
    """What a language says on each kind of line."""

    level: Callable[[FileReport], str]
    quiz: Callable[[FileReport], str]
    kinds: dict[str, str]
    problem: Callable[[Problem], str]
    warning: Callable[[str], str]
    totals: Callable[[int, int], str]


def _kept_zh(file: FileReport) -> str:
    return f"，剩 {file.troops} 兵力" if isinstance(file.troops, int) else ""


_WORDS = {
    "en": _Words(
        level=lambda f: f"level {f.id}: solved in {f.moves} moves keeping {f.troops} troops",
        quiz=lambda f: f"quiz {f.chapter}: {f.questions} questions",
        kinds={},
        problem=str,
        warning=lambda w: f"warning: {w}",
        totals=lambda total, ok: f"{total} files checked: {ok} ok, {total - ok} failed"),
    "zh": _Words(
        level=lambda f: f"关卡 {f.id}：{f.moves} 步可解{_kept_zh(f)}",
        quiz=lambda f: f"题库 {f.chapter}：{f.questions} 道题",
        kinds={"campaign": "战役", "chapter": "章节", "ending": "结尾", "level": "关卡",
               "quiz": "题库"},
        problem=lambda p: p.text("zh"),
        warning=lambda w: f"提醒：{message_zh(w)}",
        totals=lambda total, ok: f"共检查 {total} 个文件：{ok} 个通过，{total - ok} 个失败"),
}


def wants_chinese(requested: str | None) -> bool:
    """Whether the tools speak Chinese: ``--lang``, the saved language, the system locale."""
    return tool_language(requested) == "zh"


def print_report_text(report: CheckReport, lang: str = "en") -> None:
    """Print the report in ``lang`` ("en" or "zh")."""
    words = _WORDS["zh" if lang == "zh" else "en"]
    for file in report.files:
        status = "ok  " if file.ok else "FAIL"
        detail = ""
        if file.kind == "level" and file.moves is not None:
            detail = "  " + words.level(file)
        elif file.kind == "quiz" and file.ok:
            detail = "  " + words.quiz(file)
        elif file.ok:
            detail = "  " + words.kinds.get(file.kind, file.kind)
        print(f"{status} {file.path}{detail}")
        for problem in file.errors:
            print(f"     {words.problem(problem)}")
        for warning in file.warnings:
            print(f"     {words.warning(warning)}")
    ok = sum(f.ok for f in report.files)
    print(words.totals(len(report.files), ok))
