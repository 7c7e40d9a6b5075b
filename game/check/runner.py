"""Headless checks: validate every level and quiz file, prove each level solvable.

Files are sorted by name: ``campaign.yaml`` and ``chapter.yaml`` are the campaign's own
files, any file whose name ends in ``quiz.yaml`` is a quiz bank, and every other ``.yaml``
file is a level. Every player-facing text must be drawable by the shipped font. Level
files (the slow part: each is solved) may be spread over several processes with ``jobs``.
Checking never imports pygame.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from game.check.fonts import check_fonts
from game.content.campaign import (
    CAMPAIGN_FILE,
    CHAPTER_FILE,
    ENDING_FILE,
    load_campaign,
    load_chapter,
    load_ending,
)
from game.content.errors import ContentError, Problem
from game.content.levels import load_level
from game.content.paths import gather
from game.content.quiz import load_quiz
from game.content.sources import (
    SOURCES_FILE,
    Bibliography,
    check_citations,
    find_bibliography,
    load_sources,
)
from game.content.taught import untaught_problems
from game.content.teacher import TEACHER_FILE, load_teacher
from game.core.actions import format_moves, parse_moves
from game.core.level import Level
from game.core.rules import Impossible, replay
from game.core.state import Status, initial_state
from game.solver import (
    DEFAULT_MAX_MEMORY_MB,
    DEFAULT_MAX_SECONDS,
    DEFAULT_MAX_STATES,
    Outcome,
    Reason,
    solve,
)

YAML_SUFFIXES = (".yaml", ".yml")

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` after each file is checked."""


def kind_of(path: Path) -> str:
    """``campaign``, ``chapter``, ``quiz`` or ``level``, from the file name."""
    if path.name == CAMPAIGN_FILE:
        return "campaign"
    if path.name == CHAPTER_FILE:
        return "chapter"
    if path.name == ENDING_FILE:
        return "ending"
    if path.name == SOURCES_FILE:
        return "sources"
    if path.name == TEACHER_FILE:
        return "teacher"
    if path.stem.endswith("quiz"):
        return "quiz"
    return "level"


@dataclass
class FileReport:
    """The result of checking one file."""

    path: str
    kind: str
    errors: list[Problem] = field(default_factory=list)
    id: str = ""
    chapter: str = ""
    solvable: bool | None = None
    moves: int | None = None
    solution: str | None = None
    expanded: int = 0
    seconds: float = 0.0
    troops: int | None = None
    """Troops the column keeps on the solver's win (the most any win keeps)."""
    reason: Reason | None = None
    """Why the solver found no win (unsolvable, or a budget ran out)."""
    questions: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the file passed every check."""
        return not self.errors and self.solvable is not False

    def fail(self, message: str) -> None:
        """Add a problem about the file as a whole."""
        self.errors.append(Problem(self.path, 0, 0, message))

    def as_dict(self) -> dict[str, object]:
        """The JSON shape of ``check --json``."""
        errors = [e.as_dict() for e in self.errors]
        if self.kind == "level":
            return {"path": self.path, "id": self.id, "chapter": self.chapter, "ok": self.ok,
                    "solvable": self.solvable, "moves": self.moves, "solution": self.solution,
                    "expanded": self.expanded, "seconds": round(self.seconds, 4),
                    "troops": self.troops, "reason": None if self.reason is None else {
                        "kind": self.reason.kind, "en": self.reason.en, "zh": self.reason.zh},
                    "warnings": self.warnings, "errors": errors}
        if self.kind == "quiz":
            return {"path": self.path, "chapter": self.chapter, "ok": self.ok,
                    "questions": self.questions, "warnings": self.warnings, "errors": errors}
        return {"path": self.path, "kind": self.kind, "ok": self.ok, "warnings": self.warnings,
                "errors": errors}


@dataclass
class CheckReport:
    """Everything ``check`` found."""

    files: list[FileReport]
    seconds: float = 0.0
    """Wall-clock time the whole check took."""

    @property
    def ok(self) -> bool:
        """Whether every file passed."""
        return all(f.ok for f in self.files)

    def of_kind(self, kind: str) -> list[FileReport]:
        """The reports for one kind of file."""
        return [f for f in self.files if f.kind == kind]

    def as_dict(self) -> dict[str, object]:
        """The JSON document printed by ``check --json``."""
        return {
            "ok": self.ok,
            "levels": [f.as_dict() for f in self.of_kind("level")],
            "quizzes": [f.as_dict() for f in self.of_kind("quiz")],
            "campaign": [f.as_dict() for f in self.files
                         if f.kind in ("campaign", "chapter", "ending", "sources", "teacher")],
        }


def display(path: Path) -> str:
    """A path as the tester typed it: relative to the working folder when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if relative.startswith("..") else relative


def collect(paths: Iterable[Path]) -> list[Path]:
    """Every YAML file in ``paths`` (folders are searched recursively), sorted, no repeats."""
    return [path for path, _ in gather(paths, YAML_SUFFIXES)]


def check_level(path: Path, report: FileReport, *, max_states: int = DEFAULT_MAX_STATES,
                max_seconds: float = DEFAULT_MAX_SECONDS,
                max_memory_mb: float = DEFAULT_MAX_MEMORY_MB) -> Level | None:
    """Validate and solve one level, filling ``report``."""
    level = _solve_level(path, report, max_states=max_states, max_seconds=max_seconds,
                         max_memory_mb=max_memory_mb)
    report.errors.extend(check_fonts(path, report.path, "level"))
    return level


def _solve_level(path: Path, report: FileReport, *, max_states: int,
                 max_seconds: float, max_memory_mb: float) -> Level | None:
    try:
        level = load_level(path, report.path)
    except ContentError as error:
        report.errors.extend(error.problems)
        return None
    report.id, report.chapter = level.id, level.chapter
    result = solve(level, max_states=max_states, max_seconds=max_seconds,
                   max_memory_mb=max_memory_mb)
    report.expanded, report.seconds = result.expanded, result.seconds
    report.troops, report.reason = result.troops, result.reason
    if result.outcome is Outcome.SOLVED:
        assert result.moves is not None
        report.solvable, report.moves = True, len(result.moves)
        report.solution = format_moves(result.moves)
    else:
        report.solvable = False if result.outcome is Outcome.UNSOLVABLE else None
        why = result.reason or Reason("", "", "")
        report.fail(("no way to win: " if report.solvable is False else "no answer: ")
                    + f"{why.en} · {why.zh}")
    if level.solution is not None:
        _check_stored_solution(level, report)
    return level


def _check_stored_solution(level: Level, report: FileReport) -> None:
    assert level.solution is not None
    try:
        final = replay(level, initial_state(level), parse_moves(level.solution))
    except Impossible as refused:
        report.fail(f"the stored solution is refused by the rules: {refused.message.en}")
        return
    if final.status is not Status.WON:
        report.fail("the stored solution no longer wins this level; update solution:")
    elif report.troops is not None and final.troops < report.troops:
        report.warnings.append(f"the stored solution keeps {final.troops} troops; the "
                               f"solver's best win keeps {report.troops}")
    elif report.moves is not None and len(parse_moves(level.solution)) > report.moves:
        report.warnings.append(f"the stored solution takes {len(parse_moves(level.solution))} "
                               f"moves; the solver's best win takes {report.moves}")


def check_quiz(path: Path, report: FileReport) -> None:
    """Validate one quiz bank, filling ``report``."""
    try:
        quiz = load_quiz(path, report.path)
    except ContentError as error:
        report.errors.extend(error.problems)
    else:
        report.chapter, report.questions = quiz.chapter, len(quiz.questions)
    report.errors.extend(check_fonts(path, report.path, "quiz"))


def _level_job(path: Path, shown: str, max_states: int, max_seconds: float,
               max_memory_mb: float = DEFAULT_MAX_MEMORY_MB) -> FileReport:
    """Check one level in a worker process; the report travels back whole."""
    report = FileReport(shown, "level")
    check_level(path, report, max_states=max_states, max_seconds=max_seconds,
                max_memory_mb=max_memory_mb)
    return report


def run_check(paths: Iterable[Path], *, max_states: int = DEFAULT_MAX_STATES,
              max_seconds: float = DEFAULT_MAX_SECONDS, jobs: int = 1,
              progress: Progress | None = None,
              max_memory_mb: float = DEFAULT_MAX_MEMORY_MB) -> CheckReport:
    """Check every file under ``paths``; campaign files also check the links between files.

    With ``jobs`` above 1, level files are solved in that many processes; the report is
    the same, in the same order. ``progress(done, total)`` follows along, file by file.
    """
    began = time.perf_counter()
    gathered = gather(paths, YAML_SUFFIXES)  # links out of a folder, pipes, devices: refused
    files = [path for path, _ in gathered]
    refused = {path: why for path, why in gathered if why is not None}
    reports = [FileReport(display(path), kind_of(path)) for path in files]
    by_path = {report.path: report for report in reports}
    levels = [i for i, (path, report) in enumerate(zip(files, reports, strict=True))
              if report.kind == "level" and path not in refused and path.is_file()]
    workers = min(jobs, len(levels))
    pool = ProcessPoolExecutor(max_workers=workers) if workers > 1 else None
    try:
        pending: dict[int, Future[FileReport]] = {}
        if pool is not None:
            pending = {i: pool.submit(_level_job, files[i], reports[i].path, max_states,
                                      max_seconds, max_memory_mb) for i in levels}
        for done, (path, report) in enumerate(zip(files, reports, strict=True), start=1):
            if path in refused:
                report.fail(refused[path])
            elif not path.is_file():
                report.fail("no such file")
            elif done - 1 in pending:
                vars(report).update(vars(pending[done - 1].result()))
            elif report.kind == "level":
                check_level(path, report, max_states=max_states, max_seconds=max_seconds,
                            max_memory_mb=max_memory_mb)
            elif report.kind == "quiz":
                check_quiz(path, report)
            elif report.kind == "sources":
                check_sources(path, report)
            elif report.kind == "teacher":
                check_teacher(path, report)
            if progress is not None:
                progress(done, len(files))
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    for path, report in zip(files, reports, strict=True):
        if path in refused:
            continue
        if report.kind == "campaign":
            _check_campaign(Path(report.path), report, by_path)
        elif report.kind == "chapter":
            _check_chapter(Path(report.path), report, by_path)
        elif report.kind == "ending":
            problems: list[Problem] = []
            load_ending(Path(report.path), report.path, problems)
            _assign(problems, report, by_path)
        if report.kind in ("campaign", "chapter", "ending") and path.is_file():
            for problem in check_fonts(path, report.path, report.kind):
                if problem not in report.errors:
                    report.errors.append(problem)
    _check_all_citations(files, reports)
    return CheckReport(reports, time.perf_counter() - began)


def check_sources(path: Path, report: FileReport) -> None:
    """Validate a pack's bibliography (``sources.yaml``), filling ``report``."""
    try:
        load_sources(path, report.path)
    except ContentError as error:
        report.errors.extend(error.problems)
        return
    report.errors.extend(check_fonts(path, report.path, "sources"))


def check_teacher(path: Path, report: FileReport) -> None:
    """Validate the teacher's file (``teacher.yaml``), filling ``report``."""
    try:
        load_teacher(path, report.path)
    except ContentError as error:
        report.errors.extend(error.problems)


def _check_all_citations(files: list[Path], reports: list[FileReport]) -> None:
    """Where a pack has a ``sources.yaml``, every cited id must be in it; a text a pupil
    reads that rests only on weak sources gets a warning."""
    loaded: dict[Path, Bibliography | None] = {}
    for path, report in zip(files, reports, strict=True):
        if report.kind not in ("chapter", "quiz", "ending", "teacher") or not path.is_file():
            continue
        found = find_bibliography(path)
        if found is None:
            continue
        if found not in loaded:
            try:
                loaded[found] = load_sources(found, display(found))
            except ContentError:
                loaded[found] = None  # its own report (when checked) lists the problems
        bibliography = loaded[found]
        if bibliography is None:
            continue
        problems, warnings = check_citations(path, report.kind, report.path, bibliography)
        report.errors.extend(p for p in problems if p not in report.errors)
        report.warnings.extend(w for w in warnings if w not in report.warnings)


def _check_chapter(path: Path, report: FileReport, by_path: dict[str, FileReport]) -> None:
    problems: list[Problem] = []
    chapter = load_chapter(path.parent, path.parent, problems, display)
    if chapter is not None and chapter.quiz is not None:
        quiz_path = Path(chapter.quiz.source)
        problems += untaught_problems(chapter, quiz_path, chapter.quiz.source)
    _assign(problems, report, by_path)
    if chapter is not None and not chapter.levels:
        report.warnings.append("this chapter has no levels yet, so it cannot be played or "
                               "listed in campaign.yaml")


def _assign(problems: list[Problem], report: FileReport, by_path: dict[str, FileReport]) -> None:
    """File each problem under the report of the file it is about (no duplicates)."""
    for problem in problems:
        owner = by_path.get(problem.path, report)
        if problem not in owner.errors:
            owner.errors.append(problem)


def _check_campaign(path: Path, report: FileReport, by_path: dict[str, FileReport]) -> None:
    try:
        load_campaign(path.parent, display)
    except ContentError as error:
        _assign(list(error.problems), report, by_path)
