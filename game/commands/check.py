"""``python main.py check [PATH ...]``: validate and solve levels and quizzes, no display."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from game.check.runner import CheckReport, run_check
from game.commands import EXIT_FAIL, EXIT_OK, EXIT_USAGE

NAME = "check"
HELP = "validate and solve levels and quizzes (no display)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Paths, --json and the solver budget."""
    parser.add_argument("paths", type=Path, nargs="*", metavar="PATH",
                        help="files or folders (default: the levels folder)")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.add_argument("--max-states", type=int, default=2_000_000,
                        help="solver budget in positions per level (default 2,000,000)")


def run(args: argparse.Namespace, levels_dir: Path) -> int:
    """Check the files and print the report."""
    paths = args.paths or [levels_dir]
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"python main.py check: error: no such file or folder: {missing[0]}",
              file=sys.stderr)
        return EXIT_USAGE
    report = run_check(paths, max_states=args.max_states)
    try:
        print_report(report, as_json=args.json)
    except BrokenPipeError:  # piped into head and cut short: not our error
        sys.stderr.close()
    return EXIT_OK if report.ok else EXIT_FAIL


def print_report(report: CheckReport, *, as_json: bool) -> None:
    """Print a check report: one line per file (and one per problem), or JSON."""
    if as_json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        return
    for file in report.files:
        status = "ok  " if file.ok else "FAIL"
        detail = ""
        if file.kind == "level" and file.moves is not None:
            detail = f"  level {file.id}: solved in {file.moves} moves"
        elif file.kind == "quiz" and file.ok:
            detail = f"  quiz {file.chapter}: {file.questions} questions"
        elif file.ok:
            detail = f"  {file.kind}"
        print(f"{status} {file.path}{detail}")
        for problem in file.errors:
            print(f"     {problem}")
        for warning in file.warnings:
            print(f"     warning: {warning}")
    failed = sum(not f.ok for f in report.files)
    print(f"{len(report.files)} files checked: {len(report.files) - failed} ok, {failed} failed")
