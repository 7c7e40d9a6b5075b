"""``python main.py edit [FILE] [--save-as OUT] [--chapter ID]``: the level editor.

Without ``--save-as`` it opens the editor screen on FILE (a new level from the template
when FILE is not given or does not exist yet). With ``--save-as`` nothing is shown: FILE
is opened and written to OUT with the editor's own writer, so teachers' scripts and tests
can round-trip files (``--plain`` writes every key afresh, dropping the comments).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.check.runner import display
from game.commands import EXIT_FAIL, EXIT_OK, EXIT_USAGE


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The file, where to save it headless, and a new level's chapter."""
    parser.add_argument("file", type=Path, nargs="?", default=None, metavar="FILE",
                        help="the level to edit (default: a new level)")
    parser.add_argument("--save-as", type=Path, default=None, metavar="OUT",
                        help="open FILE and write it to OUT with no window")
    parser.add_argument("--plain", action="store_true",
                        help="with --save-as: write every key afresh, without the comments")
    parser.add_argument("--chapter", metavar="ID", default=None,
                        help="the chapter of a new level (default: the first chapter)")


def run(args: argparse.Namespace, levels_dir: Path) -> int:
    """Open the editor, or round-trip FILE to OUT."""
    from game.content.errors import ContentError
    from game.editor.files import open_level, save_level

    if args.save_as is not None:
        if args.file is None or not args.file.is_file():
            print(f"python main.py edit: error: --save-as needs an existing level FILE"
                  f"{': no such file ' + str(args.file) if args.file else ''}",
                  file=sys.stderr)
            return EXIT_USAGE
        try:
            document = open_level(args.file)
        except ContentError as error:
            print(error, file=sys.stderr)
            return EXIT_FAIL
        try:
            save_level(document, args.save_as, levels_dir, keep_comments=not args.plain)
        except OSError as error:
            print(f"python main.py edit: error: cannot write {display(args.save_as)}: "
                  f"{error.strerror or error}", file=sys.stderr)
            return EXIT_FAIL
        print(f"wrote {display(args.save_as)}")
        return EXIT_OK
    if args.file is not None and args.file.exists() and not args.file.is_file():
        print(f"python main.py edit: error: not a level file: {args.file}", file=sys.stderr)
        return EXIT_USAGE
    from game.ui.editor.app import run_editor  # here, so --save-as never loads pygame

    return run_editor(levels_dir, args.file, args.chapter, lang=args.lang)
