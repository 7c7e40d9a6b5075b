"""The ``check`` report as text in Chinese: the same lines as the English one.

Problem messages go through :func:`game.content.messages_zh.message_zh` (English stays
where no template matches); paths, ids and the author's quoted words are kept as written.
"""

from __future__ import annotations

from game.check.runner import CheckReport
from game.content.messages_zh import message_zh
from game.toollang import tool_language

__all__ = ["print_report_zh", "wants_chinese"]

_KINDS = {"campaign": "战役", "chapter": "章节", "ending": "结尾", "level": "关卡",
          "quiz": "题库"}


def wants_chinese(requested: str | None) -> bool:
    """Whether the tools speak Chinese: ``--lang``, the saved language, the system locale."""
    return tool_language(requested) == "zh"


def print_report_zh(report: CheckReport) -> None:
    """Print one line per file (and one per problem), then the totals, in Chinese."""
    for file in report.files:
        status = "ok  " if file.ok else "FAIL"
        detail = ""
        if file.kind == "level" and file.moves is not None:
            troops = getattr(file, "troops", None)  # the solver's report may carry them
            kept = f"，剩 {troops} 兵力" if isinstance(troops, int) else ""
            detail = f"  关卡 {file.id}：{file.moves} 步可解{kept}"
        elif file.kind == "quiz" and file.ok:
            detail = f"  题库 {file.chapter}：{file.questions} 道题"
        elif file.ok:
            detail = f"  {_KINDS.get(file.kind, file.kind)}"
        print(f"{status} {file.path}{detail}")
        for problem in file.errors:
            print(f"     {problem.text('zh')}")
        for warning in file.warnings:
            print(f"     提醒：{message_zh(warning)}")
    failed = sum(not f.ok for f in report.files)
    total = len(report.files)
    print(f"共检查 {total} 个文件：{total - failed} 个通过，{failed} 个失败")
