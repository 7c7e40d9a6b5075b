"""``python main.py bench frames``: update+draw time of every screen, next to a bare loop.

Headless (the SDL dummy driver unless a display driver is set). Each screen is built on a
campaign whose chapters are all recorded as played (so the cards, the 错题本 and the ending
have their full content) and run through the app's own frame (events, update, draw) at
1280×720 for ``--frames`` frames after a short warm-up, with the mouse moving across the
screen the whole time: every frame is drawn, as while a pupil moves the mouse. A level of
every chapter is timed while the solver's moves animate (a move every 12 frames,
restarting when it ends). The table also shows each screen left alone (no input: the app
draws a still screen only after input). The same run times a bare loop that fills the
screen and blits a 20×15 grid of tiles, so figures from a busy machine can still be
compared: read the ratio, not the milliseconds.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from pathlib import Path

HELP = "update+draw time of every screen (median, p99) next to a bare 20x15-tile loop"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--frames``, ``--lang``, ``--only``, ``--json``."""
    parser.add_argument("--frames", type=int, default=300,
                        help="frames timed per screen, after a warm-up (default 300)")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh",
                        help="language of the screens (default zh)")
    parser.add_argument("--only", action="append", default=[], metavar="TEXT",
                        help="time only the screens whose name contains TEXT (repeatable)")
    parser.add_argument("--json", action="store_true", help="print one JSON document")


def run(args: argparse.Namespace, levels_dir: Path) -> int:
    """Time every screen and the bare loop; print a table or one JSON document."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    with tempfile.TemporaryDirectory(prefix="changzheng-bench-") as save:
        os.environ["CHANGZHENG_DATA_DIR"] = save
        from game.ui.framebench import WARM_UP, measure

        timings, bare = measure(levels_dir, args.lang, max(1, args.frames), args.only)
    if args.json:
        print(json.dumps({
            "screens": [{"name": t.name, "median_ms": round(t.median_ms, 3),
                         "p99_ms": round(t.p99_ms, 3)} for t in timings],
            "bare": {"median_ms": round(bare.median_ms, 3), "p99_ms": round(bare.p99_ms, 3)},
        }, ensure_ascii=False, indent=2))
        return 0
    print(f"update+draw at 1280x720 through the app's frame, {args.frames} frames per screen "
          f"after {WARM_UP} warm-up frames ({args.lang}), the mouse moving; idle = no input; "
          "x = median / bare median")
    print(f"{'screen':<24}{'median ms':>10}{'p99 ms':>9}{'first ms':>10}{'idle ms':>9}"
          f"{'x bare':>8}")
    for timing in [*timings, bare]:
        ratio = timing.median_ms / bare.median_ms if bare.median_ms else 0.0
        print(f"{timing.name:<24}{timing.median_ms:>10.2f}{timing.p99_ms:>9.2f}"
              f"{timing.first_ms:>10.1f}{timing.idle_ms:>9.3f}{ratio:>8.1f}")
    return 0


