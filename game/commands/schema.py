"""``python main.py schema [--write FILE]``: the JSON Schema of every YAML file in levels/."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.commands import EXIT_FAIL, EXIT_OK
from game.content.jsonschema_export import schema_text


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """--write FILE instead of printing."""
    parser.add_argument("--write", type=Path, default=None, metavar="FILE",
                        help="write the schema to FILE (e.g. levels/schema.json) instead of "
                             "printing it")


def run(args: argparse.Namespace, levels_dir: Path) -> int:
    """Print the schema, or write it to --write FILE."""
    text = schema_text()
    if args.write is None:
        try:
            sys.stdout.write(text)
        except BrokenPipeError:  # piped into head and cut short: not our error
            sys.stderr.close()
        return EXIT_OK
    try:
        args.write.write_text(text, encoding="utf-8")
    except OSError as error:
        print(f"python main.py schema: error: cannot write {args.write}: {error.strerror}",
              file=sys.stderr)
        return EXIT_FAIL
    print(f"wrote {args.write}")
    return EXIT_OK
