"""Solve a level without blocking the caller: the game's hints and the level editor use it.

:class:`BackgroundSolve` runs :func:`game.solver.solve` in a separate process. A thread
was measured first and rejected: the search is pure Python, so a thread shares the
interpreter lock with the frame loop, which then ran at 30 frames a second, and the
search's garbage collections stopped it for up to 240 ms. A process (started with
``spawn``, which is safe next to pygame's own threads on every system) costs a few
milliseconds in the caller and about a quarter of a second before the search begins.

The child asks a shared stop flag every few hundred positions, so :meth:`cancel` ends
the search soon after; the answer (or the error) comes back through a pipe.
"""

from __future__ import annotations

import multiprocessing
from multiprocessing.connection import Connection
from multiprocessing.synchronize import Event as StopFlag

from game.core.level import Level
from game.core.state import State
from game.solver import (
    DEFAULT_MAX_SECONDS,
    DEFAULT_MAX_STATES,
    Outcome,
    SolveResult,
    solve,
)

_CONTEXT = multiprocessing.get_context("spawn")


def _search(level: Level, start: State | None, max_states: int, max_seconds: float,
            stop: StopFlag, answer: Connection) -> None:
    """The child's whole life: search, send the answer (or the error's text), exit."""
    try:
        result = solve(level, start, max_states=max_states, max_seconds=max_seconds,
                       should_stop=stop.is_set)
        answer.send(result)
    except BaseException as error:  # reported to the parent, never lost
        answer.send(f"{type(error).__name__}: {error}")
    finally:
        answer.close()


class BackgroundSolve:
    """One search of ``level`` from ``start`` (default: its first state), started at once.

    Poll :attr:`done` and read :meth:`result` from the frame loop; neither ever waits.
    """

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
        self._stop = _CONTEXT.Event()
        self._answer, child_end = _CONTEXT.Pipe(duplex=False)
        self._result: SolveResult | None = None
        self._error: str | None = None
        self._finished = False
        self._process = _CONTEXT.Process(
            target=_search, name="solver", daemon=True,
            args=(level, start, max_states, max_seconds, self._stop, child_end),
        )
        self._process.start()
        child_end.close()

    def _collect(self, timeout: float) -> None:
        """Take the child's answer if it has sent it within ``timeout`` seconds."""
        if self._finished:
            return
        try:
            ready = self._answer.poll(timeout)
            message: SolveResult | str = self._answer.recv() if ready else ""
        except (EOFError, OSError):
            ready, message = True, "the search process ended without an answer"
        if not ready:
            return
        if isinstance(message, SolveResult):
            self._result = message
        else:
            self._error = message
        self._finished = True
        self._answer.close()
        self._process.join(timeout=0)

    @property
    def done(self) -> bool:
        """Whether the search has ended (answered, given up, been cancelled or failed)."""
        self._collect(0)
        return self._finished

    @property
    def cancelled(self) -> bool:
        """Whether :meth:`cancel` was called."""
        return self._stop.is_set()

    def result(self) -> SolveResult | None:
        """The answer once :attr:`done`, else None; never waits. A cancelled search answers
        ``UNKNOWN``. An error inside the search is raised here as ``RuntimeError``."""
        self._collect(0)
        if self._error is not None:
            raise RuntimeError(f"the solver failed: {self._error}")
        return self._result

    def cancel(self) -> None:
        """Ask the search to stop; it ends within a few hundred positions. Never waits."""
        self._stop.set()

    def wait(self, timeout: float | None = None) -> SolveResult | None:
        """Block until done or ``timeout`` seconds pass (for tests and command-line tools,
        never for a frame loop); then as :meth:`result`."""
        self._collect(timeout if timeout is not None else 1e9)
        return self.result()

    def __del__(self) -> None:
        if not getattr(self, "_finished", True):
            self._stop.set()


__all__ = ["BackgroundSolve", "Outcome", "SolveResult"]
