"""Par and level stars: the second star rewards the careful commander, not the rush.

A level's :class:`Par` comes from the solver's best win: the most troops any win keeps,
and the fewest moves that keep them, plus the level's ``par_slack``. A win earns one
star; a win that keeps at least the par troops within the par moves earns the second.
So the best win always earns every star, and a rush that loses troops never does,
however quick it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.core.level import Level
from game.solver.search import Outcome, SolveResult


@dataclass(frozen=True, slots=True)
class Par:
    """The second star's bar: keep at least ``troops``, in at most ``moves`` moves."""

    troops: int
    moves: int


def par_of(level: Level, best: SolveResult) -> Par | None:
    """The par of ``level`` from the solver's answer (None if it found no win)."""
    if best.outcome is not Outcome.SOLVED or best.moves is None or best.troops is None:
        return None
    return Par(best.troops, len(best.moves) + level.par_slack)


def level_stars(won: bool, moves: int, troops: int, par: Par | None) -> int:
    """Stars for one game: 0 lost; 1 won; 2 won with the par troops within the par moves
    (1 when the par is unknown)."""
    if not won:
        return 0
    at_par = par is not None and troops >= par.troops and moves <= par.moves
    return 2 if at_par else 1
