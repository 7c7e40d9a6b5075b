"""``python main.py play FILE``: play one level file directly, in a window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.commands import EXIT_USAGE
from game.content.paths import refusal


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The level file."""
    parser.add_argument("file", type=Path, help="a level .yaml file")


def run(args: argparse.Namespace, levels_dir: Path) -> int:
    """Open the window on that level."""
    why = refusal(args.file, None)  # a pipe or a device would hang or never end
    if why is not None:
        print(f"python main.py play: error: {args.file}: {why}", file=sys.stderr)
        return EXIT_USAGE
    if not args.file.is_file():
        print(f"python main.py play: error: no such level file: {args.file}", file=sys.stderr)
        return EXIT_USAGE
    from game.ui.app import run as run_app  # imported here so other commands skip pygame

    return run_app(levels_dir=levels_dir, level_file=args.file, lang=args.lang)
