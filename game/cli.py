"""The command line: ``changzheng`` (or ``python main.py``, ``python -m game``) plays; the
sub-commands are listed in the table in ``game/commands/__init__.py``.

``--help`` lists them. Exit codes: 0 all good, 1 a check failed or content is broken, 2 a
usage error. A bug of ours never shows a traceback: one plain line, and the details in
``crash.log`` next to the saves.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from game import __version__, resources
from game.commands import (
    EXIT_FAIL,
    EXIT_OK,
    EXIT_USAGE,
    TABLE,
    MissingCommand,
    load,
)
from game.crash import write_crash_log

if TYPE_CHECKING:
    import argparse

    from game.i18n import Lang

#: The shipped campaign: inside the installed package, or the checkout's ``levels/``.
DEFAULT_LEVELS = resources.levels_dir()

#: The program's name in help and errors when it runs as the installed console script
#: (``main.py`` and ``python -m game`` pass their own).
PROG = "changzheng"

#: Options every command accepts, before or after the command's name.
GLOBAL_OPTIONS = ("--levels", "--lang")

__all__ = ["DEFAULT_LEVELS", "EXIT_FAIL", "EXIT_OK", "EXIT_USAGE", "PROG", "build_parser",
           "main"]


def _python_version() -> str:
    """Like ``platform.python_version()``, without importing ``platform`` at every start."""
    major, minor, micro = sys.version_info[:3]
    return f"{major}.{minor}.{micro}"


def _add_global_options(parser: argparse.ArgumentParser, *, default: object) -> None:
    """--levels and --lang; a command's parser gets them with ``default`` SUPPRESS, so a
    value given before the command is kept unless the same option follows it."""
    taken = parser._option_string_actions  # a command may define an option of the same name
    if "--levels" not in taken:
        parser.add_argument("--levels", type=Path, default=default, metavar="DIR",
                            help="use the campaign in this folder (default: the shipped "
                                 "levels)")
    if "--lang" not in taken:
        parser.add_argument("--lang", choices=("zh", "en"), default=default,
                            help="language for this run (default: the saved setting, "
                                 "else zh)")


def chosen_command(argv: Sequence[str]) -> str | None:
    """The command named on the command line, found without importing any command."""
    names = {row.name for row in TABLE}
    skip = False
    for token in argv:
        if skip:
            skip = False
        elif token in GLOBAL_OPTIONS:
            skip = True  # its value follows
        elif token == "--" or not token.startswith("-"):
            return token if token in names else None
    return None


def build_parser(argv: Sequence[str] | None = None, prog: str = PROG) -> argparse.ArgumentParser:
    """The argument parser. Every command is listed with its help from the table; only the
    command named in ``argv`` gets its options (and so its module imported). Without
    ``argv``, every command gets its options."""
    import argparse  # only here: a plain start reads its few options without it

    class _Parser(argparse.ArgumentParser):
        """argparse that exits with 2 and one clear line on a usage error."""

        def error(self, message: str) -> None:  # type: ignore[override]
            self.print_usage(sys.stderr)
            print(f"{self.prog}: error: {message}", file=sys.stderr)
            raise SystemExit(EXIT_USAGE)

    parser = _Parser(prog=prog, description="长征 · The Long March")
    parser.add_argument("--version", action="version",
                        version=f"{prog} {__version__} (Python {_python_version()})")
    _add_global_options(parser, default=None)
    subparsers = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    chosen = chosen_command(argv) if argv is not None else None
    for row in TABLE:
        sub = subparsers.add_parser(row.name, help=row.help, description=row.help)
        if argv is None or row.name == chosen:
            try:
                load(row.name).add_arguments(sub)
            except MissingCommand:
                if argv is not None:
                    raise
        _add_global_options(sub, default=argparse.SUPPRESS)
    return parser


def _silence_stdout() -> None:
    """Point standard output at the null device, so flushing it at exit does not fail again
    (the recipe of Python's ``signal`` documentation for a closed pipe)."""
    with contextlib.suppress(Exception):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _play_options(argv: Sequence[str]) -> tuple[Path | None, Lang | None] | None:
    """``(levels, lang)`` of a plain start (no command; only ``--levels DIR`` and
    ``--lang zh|en``, each valid), read without argparse: the game's first frame comes sooner.
    None for anything else, which the parser reads (and explains when it is wrong)."""
    levels: Path | None = None
    lang: Lang | None = None
    tokens = iter(argv)
    for token in tokens:
        name, equals, value = token.partition("=")
        if name not in GLOBAL_OPTIONS:
            return None
        if not equals:
            value = next(tokens, "")
        if not value or value.startswith("-"):
            return None
        if name == "--levels":
            levels = Path(value)  # as argparse: the last one counts
        elif value in ("zh", "en"):
            lang = "zh" if value == "zh" else "en"
        else:
            return None
    return levels, lang


def _play(levels_dir: Path, lang: Lang | None) -> int:
    """Open the window on the title (on its stored picture first, when it is still right)."""
    # imported here so checks never load pygame; the stored title is shown first
    from game.ui.splash import show_cached_title

    splash = show_cached_title(levels_dir, lang)
    from game.ui.app import run

    return run(levels_dir=levels_dir, level_file=None, lang=lang, splash=splash)


#: The top-level modules of the packages the game needs (pyproject.toml's dependencies).
DEPENDENCIES = frozenset({"pygame", "yaml", "platformdirs"})


def _not_installed(error: ModuleNotFoundError) -> bool:
    """Whether ``error`` is a package the game needs that is missing (run before installing),
    rather than a bug of ours; if so, say how to install it, in both languages."""
    name = (error.name or "").partition(".")[0]
    if name not in DEPENDENCIES:
        return False
    print(f"长征 needs the package {name!r}, which is not installed yet. Install the game "
          f"first: pip install -e .\n游戏还没有安装（缺少 {name}）。请先运行：pip install -e .",
          file=sys.stderr)
    return True


def _guarded(work: Callable[[], int]) -> int:
    """``work()``'s exit code; a bug of ours becomes one plain line and ``crash.log``; a
    package the game needs but that is not installed, one line saying how to install it."""
    try:
        return work()
    except ModuleNotFoundError as missing:
        if not _not_installed(missing):
            return _crashed()
        return EXIT_FAIL
    except BrokenPipeError:  # the output went to a reader that stopped (``| head``): no bug
        _silence_stdout()
        return EXIT_FAIL
    except Exception:  # a bug of ours: tell the user plainly, keep the details for us
        return _crashed()


def _crashed() -> int:
    """Tell the user plainly that the game failed, and keep the details (of the exception
    being handled) in ``crash.log`` for us."""
    log = write_crash_log()  # never raises: data folder, temp folder, else stderr
    with contextlib.suppress(Exception):
        print(f"长征 stopped because of an error in the game (not in your levels).\n"
              f"游戏出错退出。Details / 详情: {log or 'above / 见上'}", file=sys.stderr)
    return EXIT_FAIL


def main(argv: Sequence[str] | None = None, prog: str = PROG) -> int:
    """Run the command line; return the process exit code."""
    if getattr(sys, "frozen", False):  # a frozen app's worker processes start here
        import multiprocessing  # imported only then: the first frame does not need it

        multiprocessing.freeze_support()
    argv = list(sys.argv[1:] if argv is None else argv)
    plain = _play_options(argv)
    if plain is not None:
        levels, lang = plain
        return _guarded(lambda: _play(levels if levels is not None else DEFAULT_LEVELS, lang))
    try:
        args = build_parser(argv, prog).parse_args(argv)
    except MissingCommand as missing:
        print(f"{prog}: error: {missing}", file=sys.stderr)
        return EXIT_USAGE
    except ModuleNotFoundError as missing:  # a command's module needs what is not installed
        if not _not_installed(missing):
            raise
        return EXIT_FAIL
    args.prog = prog
    levels_dir: Path = args.levels if args.levels is not None else DEFAULT_LEVELS
    if args.command is None:
        return _guarded(lambda: _play(levels_dir, args.lang))
    return _guarded(lambda: load(args.command).run(args, levels_dir))
