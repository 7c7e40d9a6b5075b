"""BackgroundSolve: the same answer as solve(), never blocking the caller, cancellable."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from game.content.levels import load_level
from game.core.level import Level
from game.solver import Outcome, solve
from game.solver_background import BackgroundSolve, _Worker

LEVELS = Path(__file__).resolve().parent.parent / "levels"


def hard_level(tmp_path: Path) -> Level:
    """A wide open map crossed by six patrols and with many turns: a long search."""
    rng = random.Random(7)
    width, height = 40, 22
    grid = [["." for _ in range(width)] for _ in range(height)]
    for _ in range(width * height // 6):
        grid[rng.randrange(height)][rng.randrange(width)] = rng.choice("TT^")
    grid[height // 2][0], grid[height // 2][width - 1] = "S", "G"
    patrols = ""
    for index, name in enumerate("ABCDEF"):
        x, y, length = 5 + index * 6, rng.randrange(2, height - 8), rng.randrange(3, 7)
        for k in range(length + 1):
            grid[y + k][x] = "="
        grid[y][x] = name
        patrols += (f"  {name}:\n    route: {'D' * length}{'U' * length}\n    on: road\n"
                    "    sight: 4\n    damage: 10\n")
    text = ("id: hard\nchapter: test\ntitle: {zh: 测试, en: Test}\nmap: |\n"
            + "".join(f"  {''.join(row)}\n" for row in grid)
            + "troops: 100\nturns: 400\ngoal:\n  min_troops: 100\npatrols:\n" + patrols)
    path = tmp_path / "hard.yaml"
    path.write_text(text, encoding="utf-8")
    return load_level(path)


def test_answers_like_solve() -> None:
    level = load_level(LEVELS / "01-xiangjiang" / "level-1.yaml")
    search = BackgroundSolve(level)
    result = search.wait(30)
    assert search.done and result is not None
    expected = solve(level)
    assert (result.outcome, result.moves) == (expected.outcome, expected.moves)


def test_result_is_none_until_done_and_cancel_stops_soon(tmp_path: Path) -> None:
    search = BackgroundSolve(hard_level(tmp_path), max_seconds=60)
    assert search.result() is None or search.done
    search.cancel()
    result = search.wait(2.0)
    assert search.done, "the search did not stop within 2 s of cancel()"
    assert result is not None and result.outcome is Outcome.UNKNOWN


def test_frames_keep_coming_while_it_searches(tmp_path: Path) -> None:
    """A frame loop (a little work, then sleep to the next 1/60 s) never waits 100 ms for
    the search: what is timed is the asking (``done``, ``result()``), not the sleep and the
    frame's work, which a busy machine may stretch whatever the search does."""
    search = BackgroundSolve(hard_level(tmp_path), max_seconds=60)
    asking: list[float] = []

    def ask() -> bool:
        before = time.perf_counter()
        done = search.done
        assert search.result() is None or done or search.done
        asking.append(time.perf_counter() - before)
        return done

    began = time.perf_counter()
    while time.perf_counter() - began < 1.0 and not ask():
        sum(i * i for i in range(5_000))  # the frame's own work
        time.sleep(1 / 60)
    search.cancel()
    assert search.wait(2.0) is not None
    assert max(asking) < 0.1, f"a frame waited {max(asking) * 1000:.0f} ms for the search"


def test_a_worker_whose_game_stops_listening_ends_quietly(
        tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    """The game quit (or dropped a search) while the worker was solving: no traceback."""
    worker = _Worker()
    worker.pipe.send((hard_level(tmp_path), None, 10_000_000, 0.5))
    worker.pipe.close()  # nobody will read the answer
    worker.process.join(20)
    assert worker.process.exitcode == 0
    assert "Traceback" not in capfd.readouterr().err
