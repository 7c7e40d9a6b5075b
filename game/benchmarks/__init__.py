"""Benchmarks anyone can rerun: ``python main.py bench NAME``; one module per benchmark.

Each module named in :data:`BENCHMARKS` defines ``HELP``, ``add_arguments(parser)`` and
``run(args, levels_dir) -> int``, like a command. Benchmarks time whole things side by side
in one run (the machine may be shared and noisy), so they print medians and ratios, never
a pass/fail against a clock.
"""

from __future__ import annotations

#: Benchmark name -> module under ``game.benchmarks`` (imported only when that one runs).
BENCHMARKS: dict[str, str] = {
    "frames": "frames",
    "solver": "solver",
    "startup": "startup",
}
