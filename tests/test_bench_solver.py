"""``python main.py bench solver`` runs end to end and reports what it promises."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.benchmarks.solver import generated_level, plain_bfs
from game.cli import main
from game.solver import Outcome, solve


def test_bench_solver_prints_every_level_and_a_summary(
    capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["bench", "solver", "--no-bfs", "--generated", "1", "--memory-positions",
                 "3000", "--hard-seconds", "0.5", "--json"])
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    names = [row["level"] for row in report["levels"]]
    assert "01-xiangjiang/level-1.yaml" in names and names[-1].startswith("generated 40x22")
    assert all(row["solver"]["answer"].endswith("troops") for row in report["levels"])
    summary = report["summary"]
    assert 0 < summary["bytes_per_position"] < 1000
    assert summary["hard_level"].startswith("unknown after ")


def test_generated_levels_are_legal_and_the_plain_search_agrees_on_moves(
    tmp_path: Path
) -> None:
    level = generated_level(4, tmp_path, width=16, height=12, patrols=2, turns=40)
    ours = solve(level)
    assert ours.outcome is Outcome.SOLVED and ours.moves is not None
    plain = plain_bfs(level, 60)
    assert plain.answer.endswith("troops")
    assert int(plain.answer.split()[0]) <= len(ours.moves)
