"""Par and stars: the best win earns every star on every shipped level; a rush does not."""

from __future__ import annotations

from collections import deque
from pathlib import Path

import pytest

from game.check.runner import kind_of
from game.content.levels import load_level
from game.core.level import Level
from game.core.rules import replay, successors
from game.core.state import State, Status, initial_state
from game.solver import solve
from game.solver.par import Par, level_stars, par_of

LEVELS = Path(__file__).resolve().parent.parent / "levels"
SHIPPED = sorted(p for p in LEVELS.rglob("*.yaml") if kind_of(p) == "level")


def fewest_moves_win(level: Level) -> State:
    """The first win a plain breadth-first search meets: the rush, whatever it costs."""
    start = initial_state(level)
    seen, frontier = {start}, deque([start])
    while frontier:
        for _, nxt in successors(level, frontier.popleft()):
            if nxt.status is Status.WON:
                return nxt
            if nxt.status is Status.PLAYING and nxt not in seen:
                seen.add(nxt)
                frontier.append(nxt)
    raise AssertionError("no win")


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(LEVELS)))
def test_the_best_win_earns_every_star(path: Path) -> None:
    level = load_level(path)
    best = solve(level)
    par = par_of(level, best)
    assert par is not None and best.moves is not None
    final = replay(level, initial_state(level), list(best.moves))
    assert level_stars(True, len(best.moves), final.troops, par) == 2


def test_the_rush_through_the_patrol_loses_the_second_star() -> None:
    level = load_level(LEVELS / "01-xiangjiang" / "level-1.yaml")
    par = par_of(level, solve(level))
    rush = fewest_moves_win(level)
    assert par is not None and rush.troops < par.troops
    assert level_stars(True, rush.turn, rush.troops, par) == 1


@pytest.mark.parametrize(
    ("won", "moves", "troops", "stars"),
    [(False, 10, 100, 0), (True, 25, 100, 1), (True, 20, 99, 1), (True, 23, 100, 2),
     (True, 18, 100, 2)],
)
def test_stars_need_the_troops_and_the_moves(won: bool, moves: int, troops: int,
                                             stars: int) -> None:
    assert level_stars(won, moves, troops, Par(troops=100, moves=23)) == stars


def test_no_par_gives_one_star_for_a_win() -> None:
    assert level_stars(True, 5, 10, None) == 1
