"""``python main.py bench NAME``: rerunnable benchmarks (see ``game/benchmarks``)."""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path

from game.benchmarks import BENCHMARKS
from game.commands import EXIT_USAGE


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """One sub-command per benchmark, each with its own options."""
    which = parser.add_subparsers(dest="benchmark", metavar="NAME")
    for name in sorted(BENCHMARKS):
        module = importlib.import_module(f"game.benchmarks.{BENCHMARKS[name]}")
        module.add_arguments(which.add_parser(name, help=module.HELP))


def run(args: argparse.Namespace, levels_dir: Path) -> int:
    """Run the chosen benchmark."""
    if args.benchmark is None:
        print("python main.py bench: choose one of: " + ", ".join(sorted(BENCHMARKS)))
        return EXIT_USAGE
    module = importlib.import_module(f"game.benchmarks.{BENCHMARKS[args.benchmark]}")
    result: int = module.run(args, levels_dir)
    return result
