"""Packed keys: every reachable state of every shipped level survives pack and unpack, and
two states share a key exactly when they differ only in turn and troops."""

from __future__ import annotations

from collections import deque
from pathlib import Path

import pytest

from game.check.runner import kind_of
from game.content.levels import load_level
from game.core.rules import successors
from game.core.state import State, Status, initial_state, search_key
from game.solver.packing import Packer

LEVELS = Path(__file__).resolve().parent.parent / "levels"
SHIPPED = sorted(p for p in LEVELS.rglob("*.yaml") if kind_of(p) == "level")


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(LEVELS)))
def test_pack_then_unpack_gives_the_same_state(path: Path) -> None:
    level = load_level(path)
    packer = Packer(level)
    keys: dict[int, object] = {}
    seen: set[State] = set()
    frontier = deque([initial_state(level)])
    while frontier and len(seen) < 2000:
        state = frontier.popleft()
        if state in seen:
            continue
        seen.add(state)
        key = packer.pack(state)
        assert packer.unpack(key, state.turn, state.troops) == state
        slice_key = search_key(level, state)[0]
        assert keys.setdefault(key, slice_key) == slice_key
        frontier.extend(nxt for _, nxt in successors(level, state)
                        if nxt.status is Status.PLAYING)
    assert len(seen) > 100
