"""The command line: play the campaign, play one level, or check levels headlessly.

``python main.py`` plays; ``python main.py play FILE`` plays one level;
``python main.py check [PATH ...] [--json]`` validates and solves levels with no display.
Exit codes: 0 all good, 1 a check failed or content is broken, 2 a usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from pathlib import Path

from platformdirs import user_data_dir

from game.check.runner import CheckReport, run_check

#: The shipped campaign, next to the ``game`` package.
DEFAULT_LEVELS = Path(__file__).resolve().parent.parent / "levels"

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse that exits with 2 and one clear line on a usage error."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with one sub-command per job."""
    parser = _Parser(prog="python main.py", description="长征 · The Long March")
    parser.add_argument("--levels", type=Path, default=None, metavar="DIR",
                        help="play a campaign from this folder (default: the shipped levels/)")
    parser.add_argument("--lang", choices=("zh", "en"), default=None,
                        help="language for this run (default: the saved setting, else zh)")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)
    play = commands.add_parser("play", help="play one level file directly")
    play.add_argument("file", type=Path, help="a level .yaml file")
    check = commands.add_parser("check", help="validate and solve levels and quizzes (no display)")
    check.add_argument("paths", type=Path, nargs="*", metavar="PATH",
                       help="files or folders (default: the levels folder)")
    check.add_argument("--json", action="store_true", help="print one JSON document")
    check.add_argument("--max-states", type=int, default=2_000_000,
                       help="solver budget in positions per level (default 2,000,000)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the process exit code."""
    args = build_parser().parse_args(argv)
    levels_dir: Path = args.levels if args.levels is not None else DEFAULT_LEVELS
    if args.command == "check":
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
    if args.command == "play" and not args.file.is_file():
        print(f"python main.py play: error: no such level file: {args.file}", file=sys.stderr)
        return EXIT_USAGE
    from game.ui.app import run  # imported here so checks never load pygame

    try:
        return run(levels_dir=levels_dir,
                   level_file=args.file if args.command == "play" else None, lang=args.lang)
    except Exception:  # a bug of ours: tell the pupil plainly, keep the details for us
        log = write_crash_log()
        print(f"长征 stopped because of an error in the game (not in your levels).\n"
              f"游戏出错退出。Details / 详情: {log}", file=sys.stderr)
        return EXIT_FAIL


def write_crash_log() -> Path:
    """Save the current exception's traceback next to the saves; return the file."""
    folder = Path(os.environ.get("CHANGZHENG_DATA_DIR") or user_data_dir("changzheng",
                                                                          appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "crash.log"
    log.write_text(traceback.format_exc(), encoding="utf-8")
    return log


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
