"""``python main.py import FILE [--as NAME] [--replace]``: add a pupil's progress exported on
another computer (or a save copied from one) to this computer's pupils.

A pupil of the same name already here is never overwritten silently: ``--as NAME`` imports
under another name, ``--replace`` overwrites and keeps the old save next to it as
``<name>.before-import-<date>.json``.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from datetime import datetime
from pathlib import Path

from game.classroom.saves import SaveProblem, read_save_file
from game.commands import EXIT_FAIL, EXIT_OK, EXIT_USAGE
from game.i18n import Lang
from game.progress import ProgressSaveError, ProgressStore, sanitize_profile_name


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The file, --as NAME and --replace."""
    parser.add_argument("file", type=Path, metavar="FILE",
                        help="an export (python main.py export) or a save file")
    parser.add_argument("--as", dest="as_name", metavar="NAME",
                        help="import under this pupil's name (default: the name in the file)")
    parser.add_argument("--replace", action="store_true",
                        help="overwrite a pupil of the same name (their save is kept aside)")


def run(args: argparse.Namespace, levels_dir: Path) -> int:
    """Import the file; 1 if it cannot be read, 2 if it would overwrite a pupil."""
    me = f"{getattr(args, 'prog', 'python main.py')} import"
    lang: Lang = "en" if args.lang == "en" else "zh"
    if not args.file.is_file():
        print(f"{me}: error: no such file: {args.file}", file=sys.stderr)
        return EXIT_USAGE
    try:
        save = read_save_file(args.file)
    except SaveProblem as problem:
        print(f"{me}: error: {args.file}: {problem.reason[lang]}", file=sys.stderr)
        return EXIT_FAIL
    name = args.as_name or save.name
    try:
        stem = sanitize_profile_name(name)
    except ValueError:
        print(f"{me}: error: {name!r} cannot be a pupil's name; use --as NAME", file=sys.stderr)
        return EXIT_USAGE
    store = ProgressStore.default(stem)
    kept: Path | None = None
    if store.path.exists():
        if not args.replace:
            print(f"{me}: error: a pupil called {stem!r} already has progress on this "
                  f"computer ({store.path}); use --as ANOTHER-NAME, or --replace to overwrite "
                  "it (the old save is kept next to it)", file=sys.stderr)
            return EXIT_USAGE
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = store.path.with_name(f"{stem}.before-import-{stamp}.json")
        try:
            shutil.copy2(store.path, kept)
        except OSError as error:
            print(f"{me}: error: cannot keep the old save as {kept}: "
                  f"{error.strerror or error}; nothing was changed", file=sys.stderr)
            return EXIT_FAIL
    try:
        store.save(save.progress)
    except ProgressSaveError as error:
        print(f"{me}: error: {error.message[lang]}", file=sys.stderr)
        return EXIT_FAIL
    print(f"imported {name} into {store.path}" + (f"; the old save is kept as {kept}"
                                                  if kept is not None else ""))
    return EXIT_OK
