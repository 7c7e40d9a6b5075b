"""Benchmarks, outside the test run: ``python -m game.bench``.

Prints, for this machine: the time from process start to the first drawn frame; the
median and 99th-percentile time to update and draw one frame of the largest shipped
level at 1280×720 while moves animate; the solver's speed and time on every shipped
level; and peak memory. Targets: first frame ≤ 1.0 s, frame median ≤ 3 ms.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LEVELS = REPO / "levels"

_FIRST_FRAME_CHILD = """
import os, time
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
from pathlib import Path
from game.ui.app import start
start(Path({levels!r}), None, "zh")
"""


def first_frame_seconds(runs: int) -> list[float]:
    """Wall time of fresh processes that start the game and exit after the first frame."""
    times = []
    env = dict(os.environ, CHANGZHENG_DATA_DIR=str(Path("/tmp") / "changzheng-bench-save"))
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run([sys.executable, "-c", _FIRST_FRAME_CHILD.format(levels=str(LEVELS))],
                       check=True, env=env, cwd=REPO)
        times.append(time.perf_counter() - began)
    return times


def frame_times(frames: int) -> tuple[str, list[float]]:
    """Update+draw times of the largest shipped level while its solution animates."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    from game.content.campaign import load_campaign
    from game.progress import Progress, ProgressStore
    from game.solver import solve
    from game.ui.context import Game
    from game.ui.scenes.play import PlayScene

    pygame.display.init()
    pygame.font.init()
    surface = pygame.display.set_mode((1280, 720))
    campaign = load_campaign(LEVELS)
    levels = [level for chapter in campaign.chapters for level in chapter.levels]
    level = max(levels, key=lambda lv: lv.width * lv.height)
    game = Game(campaign, ProgressStore(Path("/tmp/changzheng-bench-save/p.json")), Progress())
    scene = PlayScene(game, level, 0, 0)
    scene.showing_intro = False
    moves = solve(level).moves or ()
    times = []
    dt = 1 / 60
    for i in range(frames):
        if i % 12 == 0:
            if scene.state.status.value != "playing":
                scene.restart()
            scene.play(moves[(i // 12) % len(moves)] if moves else scene.actions[0])
        began = time.perf_counter()
        scene.update(dt)
        scene.draw(surface)
        times.append(time.perf_counter() - began)
    return level.id, times[60:]  # the first second warms the sprite caches


def solver_figures() -> list[tuple[str, int, int, float, float]]:
    """(level id, moves, expanded states, seconds, states per second) per shipped level."""
    from game.content.campaign import load_campaign
    from game.solver import solve

    rows = []
    for chapter in load_campaign(LEVELS).chapters:
        for level in chapter.levels:
            result = solve(level)
            rows.append((level.id, len(result.moves or ()), result.expanded, result.seconds,
                         result.states_per_second))
    return rows


def main(argv: list[str] | None = None) -> int:
    """Run every benchmark and print the figures."""
    parser = argparse.ArgumentParser(prog="python -m game.bench", description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="first-frame runs (default 5)")
    parser.add_argument("--frames", type=int, default=1200, help="frames to time (default 1200)")
    args = parser.parse_args(argv)

    starts = first_frame_seconds(args.runs)
    print(f"first frame: median {statistics.median(starts):.3f} s, "
          f"min {min(starts):.3f} s, max {max(starts):.3f} s over {args.runs} fresh processes "
          "(target <= 1.0 s)")
    level_id, times = frame_times(args.frames)
    ordered = sorted(times)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    print(f"frame ({level_id}, 1280x720, animating): median {statistics.median(times) * 1000:.2f}"
          f" ms, p99 {p99 * 1000:.2f} ms over {len(times)} frames (target median <= 3 ms)")
    total_states = total_seconds = 0.0
    for level_id, moves, expanded, seconds, rate in solver_figures():
        total_states += expanded
        total_seconds += seconds
        print(f"solver {level_id}: {moves} moves, {expanded} states in {seconds:.3f} s "
              f"({rate:,.0f} states/s)")
    if total_seconds:
        print(f"solver overall: {total_states / total_seconds:,.0f} states/s")
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak memory (this process, frames + solver): {peak_kib / 1024:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
