"""Helpers for golden replays: a tiny level from a few lines of map, and the board after a
move string, both through the real loader and the real rules."""

from __future__ import annotations

import textwrap
from pathlib import Path

from game.content.levels import load_level
from game.core.actions import parse_moves
from game.core.level import Level
from game.core.rules import replay
from game.core.state import board_text, initial_state


def write_level(tmp_path: Path, board: str, extra: str = "", *, troops: int = 10,
                turns: int = 20, legend: str = "") -> Level:
    """Write a level around ``board`` (map rows; ``legend`` lines and ``extra`` YAML
    appended) to ``tmp_path/level.yaml`` and load it."""
    rows = textwrap.dedent(board).strip("\n").splitlines()
    text = ("id: t\nchapter: t\ntitle: {zh: 测, en: T}\nmap: |\n"
            + "\n".join("  " + row for row in rows)
            + f"\ntroops: {troops}\nturns: {turns}\n"
            + (f"legend:\n{textwrap.indent(textwrap.dedent(legend), '  ')}" if legend else "")
            + textwrap.dedent(extra))
    path = tmp_path / "level.yaml"
    path.write_text(text, encoding="utf-8")
    return load_level(path)


def play(level: Level, moves: str) -> str:
    """The board, as text, after playing ``moves`` from the first state."""
    return board_text(level, replay(level, initial_state(level), parse_moves(moves)))
