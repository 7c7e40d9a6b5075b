"""A search that fails (its worker process dies) leaves the editor usable, and says so in
the teacher's language, once."""

from __future__ import annotations

from game.editor.verdict import LiveVerdict, Status, failure_reason
from game.solver_background import ENDED_WITHOUT_ANSWER, SolveFailed


class _DeadSearch:
    """A background search whose worker died before answering."""

    done = True

    def result(self) -> None:
        raise SolveFailed(ENDED_WITHOUT_ANSWER)


def test_a_dead_worker_gives_an_unknown_verdict_in_both_languages() -> None:
    live = LiveVerdict()
    live._search = _DeadSearch()  # type: ignore[assignment]
    assert live.poll()
    assert live.verdict.status is Status.UNKNOWN
    reason = live.verdict.reason
    assert reason is not None and reason == failure_reason(ENDED_WITHOUT_ANSWER)
    assert "求解进程意外结束" in reason.zh and "the search" not in reason.zh
    assert reason.en.count("solver") + reason.en.count("search") == 1  # said once


def test_an_error_inside_the_search_is_quoted_once() -> None:
    reason = failure_reason("ValueError: bad level")
    assert reason.zh == "求解出错：ValueError: bad level"
    assert reason.en == "The solver failed: ValueError: bad level"
    assert str(SolveFailed("x")) == "the solver failed: x"
