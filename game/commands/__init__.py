"""One module per command of ``python main.py``; each is found here automatically.

A command module defines ``NAME``, ``HELP``, ``add_arguments(parser)`` and
``run(args, levels_dir) -> int`` (the exit code: 0 good, 1 failed, 2 usage error). Adding
a command is adding a module: nothing else needs to change.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
from pathlib import Path
from typing import Protocol, cast

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class Command(Protocol):
    """What a command module provides."""

    NAME: str
    HELP: str

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        """Declare the command's options."""

    def run(self, args: argparse.Namespace, levels_dir: Path) -> int:
        """Carry the command out; return the exit code."""


def commands() -> list[Command]:
    """Every command module in this package, sorted by name."""
    found = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "NAME") and hasattr(module, "run"):
            found.append(cast(Command, module))
    return found
