"""The commands of ``python main.py``, listed in one static table.

Each row names a command, the module under ``game.commands`` that carries it out, and the
one-line help shown by ``--help``. The table is plain data: ``--help`` lists the commands
without importing any of them, a command's module is imported only when that command
runs (so ``check`` never loads pygame), and a frozen app, which cannot list a package's
folder, knows every command. Adding a command is adding its module and one row here.

A command module defines ``add_arguments(parser)`` and ``run(args, levels_dir) -> int``
(the exit code: 0 good, 1 failed, 2 usage error).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

from game.benchmarks import BENCHMARKS

if TYPE_CHECKING:
    import argparse

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class Command(Protocol):
    """What a command module provides."""

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        """Declare the command's options."""

    def run(self, args: argparse.Namespace, levels_dir: Path) -> int:
        """Carry the command out; return the exit code."""


@dataclass(frozen=True)
class Entry:
    """One row of the table: a command's name, its module and its help line."""

    name: str
    module: str  # under game.commands
    help: str


class MissingCommand(Exception):
    """A row's module is not part of this copy of the game."""


#: Every command, in the order ``--help`` lists them.
TABLE: tuple[Entry, ...] = (
    Entry("play", "play", "play one level file directly"),
    Entry("check", "check", "validate and solve levels and quizzes (no display)"),
    Entry("new-level", "new_level",
          "write a small, working level (and --quiz: a quiz bank) to start from"),
    Entry("edit", "edit",
          "draw a level in the level editor (--save-as OUT: open and save it, no window)"),
    Entry("schema", "schema",
          "print the JSON Schema (draft 2020-12) every file in levels/ satisfies"),
    Entry("autoplay", "autoplay",
          "play the whole campaign with the solver's moves through the real screens"),
    Entry("report", "report",
          "each pupil's levels and quiz answers for the teacher (CSV, JSON, a table), "
          "or --class DIR: one page for the whole class"),
    Entry("export", "export_save", "copy one pupil's progress into a file for another computer"),
    Entry("import", "import_save", "add a pupil's progress exported on another computer"),
    Entry("teacher-pack", "teacher_pack",
          "write the teacher's pack (goals, discussion, lesson plan, glossary, worksheet with "
          "answers, sources) as one printable HTML page"),
    Entry("bench", "bench", "measure speed and memory on this machine ("
          + (", ".join(sorted(BENCHMARKS)) or "none yet") + ")"),
)

_BY_NAME = {entry.name: entry for entry in TABLE}


def entry(name: str) -> Entry:
    """The table row of the command called ``name`` (KeyError if there is none)."""
    return _BY_NAME[name]


def load(name: str) -> Command:
    """Import the module of the command called ``name``; MissingCommand if it is absent."""
    module_name = f"{__name__}.{entry(name).module}"
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name != module_name:
            raise  # the module exists but something it imports is missing: a real bug
        raise MissingCommand(f"the {name} command is not part of this copy of the "
                             "game") from None
    return cast(Command, module)
