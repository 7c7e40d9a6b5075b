"""The solver: the win that keeps the most troops, then takes the fewest moves, within a
budget of positions, seconds and memory; and why, when there is none.

Used by ``check`` (is every level solvable, with how many troops, in how many moves), by
par and stars, by hints (in the background, :mod:`game.solver_background`), by autoplay
and by the HTML report. It calls the same rules as the game, so it never disagrees with
them. The parts: :mod:`~game.solver.search` (best-first search with dominance),
:mod:`~game.solver.packing` (states as ints), :mod:`~game.solver.bounds` (lower bounds,
and "this level can no longer be won"), :mod:`~game.solver.reasons` (the explanations)
and :mod:`~game.solver.par` (par and stars).
"""

from __future__ import annotations

from game.solver.bounds import cannot_win, moves_still_needed
from game.solver.reasons import Reason
from game.solver.search import (
    DEFAULT_MAX_MEMORY_MB,
    DEFAULT_MAX_SECONDS,
    DEFAULT_MAX_STATES,
    Outcome,
    SolveResult,
    solve,
)

__all__ = [
    "DEFAULT_MAX_MEMORY_MB",
    "DEFAULT_MAX_SECONDS",
    "DEFAULT_MAX_STATES",
    "Outcome",
    "Reason",
    "SolveResult",
    "cannot_win",
    "moves_still_needed",
    "solve",
]
