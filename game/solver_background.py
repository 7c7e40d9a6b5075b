"""Solve a level without blocking the caller: the game's hints and the level editor use it.

:class:`BackgroundSolve` runs :func:`game.solver.solve` in a separate process. A thread
was measured first and rejected: the search is pure Python, so a thread shares the
interpreter lock with the frame loop, which then ran at 30 frames a second, and the
search's garbage collections stopped it for up to 240 ms. A worker process (started with
``spawn``, which is safe next to pygame's own threads on every system) costs a few
milliseconds in the caller; the first search waits a fraction of a second for it to
start, later ones reuse it (two idle workers are kept).

The worker asks a shared stop flag every few hundred positions, so :meth:`cancel` ends
the search soon after; the answer (or the error) comes back through a pipe.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
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
_KEEP_IDLE = 2
"""Idle worker processes kept for the next search (each holds an imported solver)."""


def _serve(jobs: Connection, stop: StopFlag) -> None:
    """A worker's whole life: take a search, send its answer (or the error's text), repeat
    until the parent closes the pipe or sends None. Ctrl+C is the parent's to handle: a
    worker never prints a traceback into the pupil's terminal."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        try:
            job = jobs.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        level, start, max_states, max_seconds = job
        try:
            answer: SolveResult | str = solve(level, start, max_states=max_states,
                                              max_seconds=max_seconds, should_stop=stop.is_set)
        except Exception as error:  # reported to the parent, never lost
            answer = f"{type(error).__name__}: {error}"
        try:
            jobs.send(answer)
        except (EOFError, OSError):  # the game closed or forgot this search: end quietly
            return


class _Worker:
    """A solver process, started once and reused: the first search pays the start (a
    fraction of a second), later ones begin at once."""

    def __init__(self) -> None:
        self.stop = _CONTEXT.Event()
        self.pipe, child_end = _CONTEXT.Pipe()
        self.process = _CONTEXT.Process(target=_serve, args=(child_end, self.stop),
                                        name="solver", daemon=True)
        self.process.start()
        child_end.close()

    def close(self) -> None:
        """Let the process end (it finishes the search it is on first)."""
        with contextlib.suppress(OSError):
            self.pipe.send(None)
        self.pipe.close()


_idle: list[_Worker] = []
_cancelled: list[BackgroundSolve] = []
"""Cancelled searches whose answer has not come back yet: their workers return to
``_idle`` once it has."""


def _take_worker() -> _Worker:
    for search in list(_cancelled):
        if search.done:
            _cancelled.remove(search)
    while _idle:
        worker = _idle.pop()
        if worker.process.is_alive():
            worker.stop.clear()
            return worker
        worker.close()
    return _Worker()


def _give_back(worker: _Worker) -> None:
    if len(_idle) < _KEEP_IDLE and worker.process.is_alive():
        _idle.append(worker)
    else:
        worker.close()


ENDED_WITHOUT_ANSWER = "the search process ended without an answer"
"""The failure when the worker process died (killed, out of memory) before answering."""


class SolveFailed(RuntimeError):
    """The search itself failed; ``detail`` is what went wrong (:data:`ENDED_WITHOUT_ANSWER`
    when the worker process died, else the error raised inside it)."""

    def __init__(self, detail: str) -> None:
        super().__init__(f"the solver failed: {detail}")
        self.detail = detail


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
        self._result: SolveResult | None = None
        self._error: str | None = None
        self._finished = False
        self._cancelled = False
        self._worker: _Worker | None = _take_worker()
        try:
            self._worker.pipe.send((level, start, max_states, max_seconds))
        except OSError:  # a worker that died since: one more try with a fresh one
            self._worker = _Worker()
            self._worker.pipe.send((level, start, max_states, max_seconds))

    def _collect(self, timeout: float) -> None:
        """Take the worker's answer if it has sent it within ``timeout`` seconds."""
        worker = self._worker
        if self._finished or worker is None:
            return
        try:
            ready = worker.pipe.poll(timeout)
            message: SolveResult | str = worker.pipe.recv() if ready else ""
        except (EOFError, OSError):
            ready, message = True, ENDED_WITHOUT_ANSWER
            worker.process.join(timeout=0)
        if not ready:
            return
        if isinstance(message, SolveResult):
            self._result = message
        else:
            self._error = message
        self._finished = True
        self._worker = None
        _give_back(worker)

    @property
    def done(self) -> bool:
        """Whether the search has ended (answered, given up, been cancelled or failed)."""
        self._collect(0)
        return self._finished

    @property
    def cancelled(self) -> bool:
        """Whether :meth:`cancel` was called."""
        return self._cancelled

    def result(self) -> SolveResult | None:
        """The answer once :attr:`done`, else None; never waits. A cancelled search answers
        ``UNKNOWN``. An error inside the search is raised here as :class:`SolveFailed`."""
        self._collect(0)
        if self._error is not None:
            raise SolveFailed(self._error)
        return self._result

    def cancel(self) -> None:
        """Ask the search to stop; it ends within a few hundred positions. Never waits."""
        if self._worker is not None and not self._cancelled:
            self._worker.stop.set()
            _cancelled.append(self)
        self._cancelled = True

    def wait(self, timeout: float | None = None) -> SolveResult | None:
        """Block until done or ``timeout`` seconds pass (for tests and command-line tools,
        never for a frame loop); then as :meth:`result`."""
        self._collect(timeout if timeout is not None else 1e9)
        return self.result()

    def __del__(self) -> None:
        worker = getattr(self, "_worker", None)
        if worker is not None:  # forgotten while searching: stop it, do not reuse it
            worker.stop.set()
            worker.close()


__all__ = ["BackgroundSolve", "Outcome", "SolveResult"]
