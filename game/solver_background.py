"""Solve a level without blocking the caller: the level editor's live verdict uses it.

:class:`BackgroundSolve` runs :func:`game.solver.solve` in a daemon thread; the frame loop
polls :attr:`BackgroundSolve.done` and reads :meth:`BackgroundSolve.result`, neither of
which ever waits. (A minimal version: the solver's own, which also stops a cancelled
search early, replaces it.)
"""

from __future__ import annotations

import threading

from game.core.level import Level
from game.core.state import State
from game.solver import DEFAULT_MAX_SECONDS, DEFAULT_MAX_STATES, SolveResult, solve


class BackgroundSolve:
    """One search of ``level`` from ``start`` (default: its first state), started at once."""

    def __init__(
        self,
        level: Level,
        start: State | None = None,
        *,
        max_states: int = DEFAULT_MAX_STATES,
        max_seconds: float = DEFAULT_MAX_SECONDS,
    ) -> None:
        self.level = level
        self.start = start
        self._cancelled = threading.Event()
        self._finished = threading.Event()
        self._result: SolveResult | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(max_states, max_seconds),
                                        name="solver", daemon=True)
        self._thread.start()

    def _run(self, max_states: int, max_seconds: float) -> None:
        try:
            self._result = solve(self.level, self.start, max_states=max_states,
                                 max_seconds=max_seconds)
        except BaseException as error:
            self._error = error
        finally:
            self._finished.set()

    @property
    def done(self) -> bool:
        """Whether the search has ended (answered, given up or failed)."""
        return self._finished.is_set()

    def result(self) -> SolveResult | None:
        """The answer once :attr:`done`, else None; never waits. A cancelled search
        answers None. An error inside the search is raised here, in the caller's thread."""
        if not self._finished.is_set() or self._cancelled.is_set():
            return None
        if self._error is not None:
            raise self._error
        return self._result

    def cancel(self) -> None:
        """Stop caring about the answer (the search ends at its budget). Never waits."""
        self._cancelled.set()
