"""The command line: ``python main.py`` plays; each sub-command lives in ``game/commands/``.

``python main.py --help`` lists them. Exit codes: 0 all good, 1 a check failed or content
is broken, 2 a usage error. A bug of ours never shows a traceback: one plain line, and the
details in ``crash.log`` next to the saves.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from game.commands import EXIT_FAIL, EXIT_OK, EXIT_USAGE, commands
from game.crash import write_crash_log

#: The shipped campaign, next to the ``game`` package.
DEFAULT_LEVELS = Path(__file__).resolve().parent.parent / "levels"

__all__ = ["DEFAULT_LEVELS", "EXIT_FAIL", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]


class _Parser(argparse.ArgumentParser):
    """argparse that exits with 2 and one clear line on a usage error."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with one sub-command per module in ``game/commands``."""
    parser = _Parser(prog="python main.py", description="长征 · The Long March")
    parser.add_argument("--levels", type=Path, default=None, metavar="DIR",
                        help="use the campaign in this folder (default: the shipped levels/)")
    parser.add_argument("--lang", choices=("zh", "en"), default=None,
                        help="language for this run (default: the saved setting, else zh)")
    subparsers = parser.add_subparsers(dest="command", parser_class=_Parser)
    for command in commands():
        command.add_arguments(subparsers.add_parser(command.NAME, help=command.HELP))
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the process exit code."""
    args = build_parser().parse_args(argv)
    levels_dir: Path = args.levels if args.levels is not None else DEFAULT_LEVELS
    try:
        if args.command is not None:
            chosen = {command.NAME: command for command in commands()}[args.command]
            return chosen.run(args, levels_dir)
        from game.ui.app import run  # imported here so checks never load pygame

        return run(levels_dir=levels_dir, level_file=None, lang=args.lang)
    except Exception:  # a bug of ours: tell the user plainly, keep the details for us
        log = write_crash_log()  # never raises: data folder, temp folder, else stderr
        with contextlib.suppress(Exception):
            print(f"长征 stopped because of an error in the game (not in your levels).\n"
                  f"游戏出错退出。Details / 详情: {log or 'above / 见上'}", file=sys.stderr)
        return EXIT_FAIL
