"""The class report's tables as CSV files (UTF-8 with BOM, for Excel), one per table.

``--csv class.csv`` writes ``class-pupils.csv``, ``class-chapters.csv``,
``class-questions.csv``, ``class-levels.csv`` and ``class-files.csv`` next to each other.
Every cell goes through :func:`game.csvsafe.safe_cell`, since pupils type their own names.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

from game.classroom.saves import ClassFolder
from game.classroom.tables import ClassTables
from game.csvsafe import safe_cell
from game.i18n import Lang

__all__ = ["TABLES", "class_csv_rows", "write_class_csv"]

#: The tables, in the order they are written; each file is ``<stem>-<name>.csv``.
TABLES = ("pupils", "chapters", "questions", "levels", "files")

Rows = list[Sequence[object]]


def _pct(share: float | None) -> object:
    return "" if share is None else round(share * 100)


def class_csv_rows(folder: ClassFolder, tables: ClassTables, lang: Lang) -> dict[str, Rows]:
    """Each table as a header row and data rows."""
    help_rank = {row.name: rank for rank, row in enumerate(tables.needing_help(), 1)}
    rows: dict[str, Rows] = {name: [] for name in TABLES}
    rows["pupils"].append(("pupil", "help_rank", "chapters_finished", "stars", "stars_possible",
                           "levels_won", "hints", "losses", "questions_wrong_now", "why"))
    for pupil in tables.pupils:
        rows["pupils"].append((pupil.name, help_rank.get(pupil.name, ""), pupil.finished,
                               pupil.stars, tables.stars_possible, pupil.levels_won,
                               pupil.hints, pupil.losses, pupil.wrong_now,
                               "; ".join(reason[lang] for reason in pupil.reasons)))
    rows["chapters"].append(("pupil", "chapter", "title", "finished", "stars", "stars_possible"))
    for row in tables.chapters:
        for pupil, result in zip(tables.pupils, row.results, strict=True):
            rows["chapters"].append((pupil.name, row.id, row.title[lang],
                                     "yes" if result.finished else "no", result.stars,
                                     row.possible))
    rows["questions"].append(("chapter", "question", "prompt", "answered",
                              "first_answer_known", "right_at_first_try",
                              "right_at_first_try_percent", "last_answer_wrong",
                              "most_common_wrong_answer", "times_given"))
    for q in tables.questions:
        rows["questions"].append((q.chapter, q.id, q.prompt[lang], q.answered, q.first_known,
                                  q.first_right, _pct(q.first_share), q.still_wrong,
                                  q.common_wrong[lang] if q.common_wrong else "",
                                  q.common_wrong_count or ""))
    rows["levels"].append(("chapter", "level", "title", "played", "won", "median_moves",
                           "fewest_moves", "hints", "losses"))
    for level in tables.levels:
        rows["levels"].append((level.chapter, level.id, level.title[lang], level.played,
                               level.won, "" if level.median_moves is None
                               else f"{level.median_moves:g}", level.fewest_moves, level.hints,
                               level.losses))
    rows["files"].append(("file", "status", "pupil", "reason"))
    for save in folder.pupils:
        rows["files"].append((save.path, "used", save.name, ""))
    for unused, used in folder.duplicates:
        rows["files"].append((unused.path, "duplicate", unused.name, f"same pupil as {used.path}"))
    for skipped in folder.skipped:
        rows["files"].append((skipped.path, "skipped", "", skipped.reason[lang]))
    return rows


def _write(path: Path, rows: Iterable[Sequence[object]]) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerows([safe_cell(cell) for cell in row] for row in rows)


def write_class_csv(folder: ClassFolder, tables: ClassTables, path: Path,
                    lang: Lang) -> list[Path]:
    """Write one CSV per table next to ``path``; return the files written."""
    written = []
    for name, rows in class_csv_rows(folder, tables, lang).items():
        target = path.with_name(f"{path.stem}-{name}.csv")
        _write(target, rows)
        written.append(target)
    return written
