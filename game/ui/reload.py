"""Hot reload for ``python main.py play FILE``: F5, or saving the file, loads it again.

A teacher keeps the game open beside the editor: each good save restarts the level, a
broken one shows its problems over the game until the next good save.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from game.content.errors import ContentError, Problem
from game.core.level import Level

POLL_SECONDS = 0.5


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size)


@dataclass
class LevelWatch:
    """Watches one level file; ``poll`` says when it changed on disk."""

    path: Path
    _stamp: tuple[int, int] | None = field(default=None, init=False)
    _waited: float = field(default=0.0, init=False)

    def __post_init__(self) -> None:
        self._stamp = _stamp(self.path)

    def poll(self, dt: float) -> bool:
        """Whether the file changed since the last look (looks every half second)."""
        self._waited += dt
        if self._waited < POLL_SECONDS:
            return False
        self._waited = 0.0
        stamp = _stamp(self.path)
        if stamp == self._stamp:
            return False
        self._stamp = stamp
        return True

    def load(self) -> Level | tuple[Problem, ...]:
        """The level as it is on disk now, or its problems."""
        from game.content.levels import load_level  # the YAML loader: only when a file is watched

        self._stamp = _stamp(self.path)
        try:
            return load_level(self.path)
        except ContentError as error:
            return error.problems
