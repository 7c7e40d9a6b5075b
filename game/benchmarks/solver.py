"""``python main.py bench solver``: the solver against a plain breadth-first search.

On every shipped level (and on generated 40x22 levels with six patrols and generous
turns), in one run, it times the solver and a plain breadth-first search that calls the
game's ``step`` for every action and keeps a set of the full states seen (no bound, no
dominance, no pruning); it prints positions per second, the time to an answer and the
ratio. Then it measures the bytes the solver stores per position with ``tracemalloc``.
The two searches answer different questions (the plain one only the fewest moves), so
the ratio is a floor on the solver's advantage. Times are the process's CPU seconds
(``time.process_time``): both searches run in one thread, and on a shared machine CPU
time is what stays comparable from one run to the next.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
import tracemalloc
from collections import deque
from dataclasses import dataclass
from pathlib import Path

from game.content.levels import load_level
from game.core.actions import ALL_ACTIONS
from game.core.level import Level
from game.core.rules import Impossible, step
from game.core.state import State, Status, initial_state
from game.solver import Outcome, solve

HELP = "the solver against a plain breadth-first search, shipped and generated levels"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``bench solver``."""
    parser.add_argument("--generated", type=int, default=3, metavar="N",
                        help="how many generated 40x22 levels with six patrols (default 3)")
    parser.add_argument("--bfs-seconds", type=float, default=30.0, metavar="S",
                        help="give the plain search at most S CPU seconds a level (default 30)")
    parser.add_argument("--no-bfs", action="store_true",
                        help="time only the solver")
    parser.add_argument("--hard-seconds", type=float, default=10.0, metavar="S",
                        help="the solver's time budget on the hard generated level (default 10)")
    parser.add_argument("--memory-positions", type=int, default=100_000, metavar="N",
                        help="positions searched while memory is traced (default 100,000)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")


@dataclass(slots=True)
class Timing:
    """One search of one level."""

    answer: str
    positions: int
    seconds: float

    @property
    def per_second(self) -> float:
        """Positions expanded per second."""
        return self.positions / self.seconds if self.seconds > 0 else float(self.positions)


def plain_bfs(level: Level, max_seconds: float) -> Timing:
    """Breadth-first search over full states with ``step``: the baseline."""
    began = time.process_time()
    start = initial_state(level)
    seen: set[State] = {start}
    frontier = deque([(start, 0)])
    expanded = 0
    while frontier:
        state, depth = frontier.popleft()
        expanded += 1
        if expanded & 1023 == 0 and time.process_time() - began > max_seconds:
            return Timing("gave up", expanded, time.process_time() - began)
        for action in ALL_ACTIONS:
            try:
                nxt, _ = step(level, state, action)
            except Impossible:
                continue
            if nxt.status is Status.WON:
                return Timing(f"{depth + 1} moves, {nxt.troops} troops", expanded,
                              time.process_time() - began)
            if nxt.status is Status.PLAYING and nxt not in seen:
                seen.add(nxt)
                frontier.append((nxt, depth + 1))
    return Timing("unsolvable", expanded, time.process_time() - began)


def solver_timing(level: Level) -> Timing:
    """The solver's answer and cost on ``level``."""
    began = time.process_time()
    result = solve(level)
    seconds = time.process_time() - began
    if result.outcome is Outcome.SOLVED and result.moves is not None:
        answer = f"{len(result.moves)} moves, {result.troops} troops"
    else:
        answer = result.outcome.value
    return Timing(answer, result.expanded, seconds)


_PATROL_NAMES = "ABCDEHIJKLMNOPQ"


def generated_level_text(seed: int, width: int = 40, height: int = 22, patrols: int = 6,
                         turns: int = 120, min_troops: int = 60, hard: bool = False) -> str:
    """A legal level file: open ground with forest and hills, the start on the left edge,
    the goal on the right, and ``patrols`` patrols walking roads up and down, sight 4.

    ``hard``: the routes pause once (periods 7, 9, 11, 13: the patrols come back to the same
    places only every few thousand turns) and a wall of hills with one gap, watched for
    good by one more patrol, splits the map: with ``min_troops`` at all the troops there
    is no win, and a search must tell that from millions of positions."""
    rng = random.Random(seed)
    grid = [["." for _ in range(width)] for _ in range(height)]
    for _ in range(width * height // 6):
        grid[rng.randrange(height)][rng.randrange(width)] = rng.choice("TT^")
    grid[height // 2][0], grid[height // 2][width - 1] = "S", "G"
    text = ""
    for index in range(patrols):
        name = _PATROL_NAMES[index]
        x = 4 + index * (width - 8) // max(1, patrols - 1)
        y, length = rng.randrange(1, height - 8), rng.randrange(3, 7)
        for k in range(length + 1):
            grid[y + k][x] = "="
        grid[y][x] = name
        pause = "." if hard else ""
        text += (f"  {name}:\n    route: {'D' * length}{pause}{'U' * length}\n    on: road\n"
                 "    sight: 4\n    damage: 10\n")
    if hard:
        wall = width - 3
        for y in range(height):
            grid[y][wall] = "^"
        grid[1][wall], grid[1][wall + 1] = ".", "Z"
        text += "  Z:\n    route: .\n    sight: 2\n    damage: 10\n"
    return (f"id: generated-{seed}\nchapter: test\ntitle: {{zh: 生成, en: Generated}}\n"
            "map: |\n" + "".join(f"  {''.join(row)}\n" for row in grid)
            + f"troops: 100\nturns: {turns}\ngoal:\n  min_troops: {min_troops}\n"
            + "patrols:\n" + text)


def generated_level(seed: int, folder: Path, **options: int | bool) -> Level:
    """:func:`generated_level_text` written to ``folder`` and loaded by the real loader."""
    path = folder / f"generated-{seed}.yaml"
    path.write_text(generated_level_text(seed, **options),  # type: ignore[arg-type]
                    encoding="utf-8")
    return load_level(path)


def bytes_per_position(level: Level, max_states: int = 100_000) -> tuple[float, int]:
    """Peak traced memory of a search of ``level`` divided by the positions it stored."""
    tracemalloc.start()
    try:
        result = solve(level, max_states=max_states, max_seconds=120)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / max(1, result.stored), result.stored


def run(args: argparse.Namespace, levels_dir: Path) -> int:
    """Time both searches on every level; print a table (or JSON) and the ratios."""
    levels = [(str(path.relative_to(levels_dir)), load_level(path))
              for path in sorted(levels_dir.glob("*/level-*.yaml"))]
    with tempfile.TemporaryDirectory() as folder:
        generated = [(f"generated 40x22, 6 patrols, seed {seed}",
                      generated_level(seed, Path(folder)))
                     for seed in range(1, args.generated + 1)]
    rows = []
    for name, level in levels + generated:
        ours = solver_timing(level)
        plain = None if args.no_bfs else plain_bfs(level, args.bfs_seconds)
        rows.append((name, ours, plain))
        if not args.json:
            _print_row(name, ours, plain)
    shipped = rows[:len(levels)]
    ours_total = sum(r[1].seconds for r in shipped)
    summary: dict[str, object] = {"campaign_solver_seconds": round(ours_total, 3)}
    if not args.no_bfs:
        plain_total = sum(r[2].seconds for r in shipped if r[2] is not None)
        summary["campaign_bfs_seconds"] = round(plain_total, 3)
        summary["campaign_ratio"] = round(plain_total / ours_total, 1) if ours_total else None
        ratios = [r[2].seconds / r[1].seconds for r in shipped
                  if r[2] is not None and r[1].seconds > 0]
        summary["median_level_ratio"] = round(statistics.median(ratios), 1)
    summary["solver_positions_per_second_median"] = round(
        statistics.median(r[1].per_second for r in rows))
    with tempfile.TemporaryDirectory() as folder:
        hard = generated_level(1, Path(folder), min_troops=100, turns=300, hard=True)
    per, stored = bytes_per_position(hard, args.memory_positions)
    summary["bytes_per_position"] = round(per)
    summary["bytes_measured_on"] = f"hard generated 40x22 level ({stored} positions)"
    began = time.perf_counter()
    capped = solve(hard, max_seconds=args.hard_seconds)
    summary["hard_level"] = (f"{capped.outcome.value} after {time.perf_counter() - began:.1f} s "
                             f"wall, {capped.stored} positions stored: "
                             + (capped.reason.en if capped.reason is not None else ""))
    if args.json:
        print(json.dumps({"levels": [_row_json(*row) for row in rows], "summary": summary},
                         indent=2))
    else:
        print()
        for key, value in summary.items():
            print(f"{key}: {value}")
    return 0


def _print_row(name: str, ours: Timing, plain: Timing | None) -> None:
    line = (f"{name:45} solver {ours.seconds:7.3f} s {ours.positions:8} pos "
            f"{ours.per_second:8.0f}/s  {ours.answer}")
    if plain is not None:
        ratio = plain.seconds / ours.seconds if ours.seconds > 0 else float("inf")
        line += (f" | bfs {plain.seconds:7.3f} s {plain.positions:8} pos "
                 f"{plain.per_second:8.0f}/s  {plain.answer} | x{ratio:.1f}")
    print(line, flush=True)


def _row_json(name: str, ours: Timing, plain: Timing | None) -> dict[str, object]:
    row: dict[str, object] = {"level": name, "solver": {
        "answer": ours.answer, "positions": ours.positions, "seconds": round(ours.seconds, 4),
        "positions_per_second": round(ours.per_second)}}
    if plain is not None:
        row["bfs"] = {"answer": plain.answer, "positions": plain.positions,
                      "seconds": round(plain.seconds, 4),
                      "positions_per_second": round(plain.per_second)}
        row["ratio"] = round(plain.seconds / ours.seconds, 1) if ours.seconds > 0 else None
    return row
