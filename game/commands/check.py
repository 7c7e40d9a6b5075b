"""``python main.py check [PATH ...]``: validate and solve levels and quizzes, no display.

``--junit FILE`` also writes a JUnit XML file for CI, ``--report FILE.html`` one
self-contained page with every map and its solution (only this draws, with pygame),
and ``--jobs N`` solves levels in N processes.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from game.check.junit import write_junit
from game.check.runner import CheckReport, run_check
from game.check.text import print_report_text, wants_chinese
from game.commands import EXIT_FAIL, EXIT_OK, EXIT_USAGE
from game.solver import DEFAULT_MAX_MEMORY_MB, DEFAULT_MAX_SECONDS


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Paths, --json, the solver budget (positions, seconds, memory), the report files and
    --jobs."""
    parser.add_argument("paths", type=Path, nargs="*", metavar="PATH",
                        help="files or folders (default: the levels folder)")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.add_argument("--max-states", type=int, default=2_000_000,
                        help="solver budget in positions per level (default 2,000,000)")
    parser.add_argument("--max-seconds", type=_positive, default=DEFAULT_MAX_SECONDS,
                        metavar="S", help="solver budget in seconds per level (default "
                        f"{DEFAULT_MAX_SECONDS:g})")
    parser.add_argument("--max-memory-mb", type=_positive, default=DEFAULT_MAX_MEMORY_MB,
                        metavar="MB", help="solver memory cap per level in megabytes; the "
                        f"level is then reported unknown (default {DEFAULT_MAX_MEMORY_MB})")
    parser.add_argument("--jobs", type=_jobs, default=1, metavar="N",
                        help="solve levels in N processes (default 1; 0: one per CPU)")
    parser.add_argument("--junit", type=Path, metavar="FILE",
                        help="also write the results as JUnit XML (for CI)")
    parser.add_argument("--report", type=Path, metavar="FILE",
                        help="also write one HTML page with every map and its solution")


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a number above 0, got {text!r}")
    return value


def _jobs(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError("use 1 or more processes (0: one per CPU)")
    return jobs or os.cpu_count() or 1


def run(args: argparse.Namespace, levels_dir: Path) -> int:
    """Check the files and print the report."""
    paths = args.paths or [levels_dir]
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"python main.py check: error: no such file or folder: {missing[0]}",
              file=sys.stderr)
        return EXIT_USAGE
    live = not args.json and sys.stdout.isatty()
    report = run_check(paths, max_states=args.max_states, max_seconds=args.max_seconds,
                       max_memory_mb=args.max_memory_mb, jobs=args.jobs,
                       progress=_progress_line if live else None)
    if live:
        print("\r" + " " * 40 + "\r", end="", flush=True)
    written = _write_files(args, report)
    try:
        print_report(report, as_json=args.json,
                     lang="zh" if not args.json and wants_chinese(args.lang) else "en")
    except BrokenPipeError:  # piped into head and cut short: not our error
        sys.stderr.close()
    if not written:
        return EXIT_USAGE
    return EXIT_OK if report.ok else EXIT_FAIL


def _progress_line(done: int, total: int) -> None:
    print(f"\r checked {done}/{total}", end="", flush=True)


def _write_files(args: argparse.Namespace, report: CheckReport) -> bool:
    """Write the --junit and --report files; False (after saying why) if one cannot be."""
    try:
        if args.junit is not None:
            write_junit(report, args.junit)
        if args.report is not None:
            from game.check.html_report import write_html_report  # imports pygame

            write_html_report(report, args.report)
    except OSError as error:
        reason = error.strerror or str(error)
        print(f"python main.py check: error: cannot write {error.filename}: {reason}",
              file=sys.stderr)
        return False
    return True


def print_report(report: CheckReport, *, as_json: bool, lang: str = "en") -> None:
    """Print a check report: one line per file (and one per problem) in ``lang``, or JSON."""
    if as_json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        return
    print_report_text(report, lang)
