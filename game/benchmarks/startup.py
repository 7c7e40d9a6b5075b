"""``python main.py bench startup``: time from process start to the first drawn frame.

Runs fresh processes, alternating, in the same run: the game's own start (``python
main.py`` with no command, through the real command line, stopped right after its first
frame is shown) and bare pygame (``pygame.init(); set_mode(); flip()``). Each time is the
wall time from launching the process until it reports its first frame on stdout, so both
include starting Python. Headless unless a display driver is set.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HELP = "time to the first frame of python main.py, next to bare pygame in the same run"

REPO = Path(__file__).resolve().parent.parent.parent

#: The game path of ``python main.py``: the real command line, whose app loop is replaced
#: by "draw the first frame, say so, stop".
GAME_CHILD = """
import sys
import game.ui.app as app

def first_frame_only(levels_dir, level_file=None, lang=None):
    app.start(levels_dir, level_file, lang)
    sys.stdout.write("frame\\n")
    sys.stdout.flush()
    return 0

app.run = first_frame_only
from game.cli import main
sys.exit(main(sys.argv[1:]))
"""

BARE_CHILD = """
import sys
import pygame
pygame.init()
pygame.display.set_mode((1280, 720))
pygame.display.flip()
sys.stdout.write("frame\\n")
sys.stdout.flush()
"""


#: The real game loop on the title screen with no input: CPU time over wall time while it
#: idles (measured from one second after the first frame, for ``seconds``), then it quits.
IDLE_CHILD = """
import sys, threading, time
import pygame
import game.ui.app as app

seconds = float(sys.argv[1])
real_start = app.start
share = []

def measure():
    time.sleep(1.0)
    cpu, wall = time.process_time(), time.perf_counter()
    time.sleep(seconds)
    share.append((time.process_time() - cpu) / (time.perf_counter() - wall))
    pygame.event.post(pygame.event.Event(pygame.QUIT))

def start(*args, **kwargs):
    started = real_start(*args, **kwargs)
    threading.Thread(target=measure, daemon=True).start()
    return started

app.start = start
from game.cli import main
main(sys.argv[2:])
sys.stdout.write(f"{share[0]!r}\\n")
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--runs``, ``--json``."""
    parser.add_argument("--runs", type=int, default=7,
                        help="fresh processes of each kind (default 7)")
    parser.add_argument("--idle-seconds", type=float, default=5.0,
                        help="how long the idle title screen is watched (default 5)")
    parser.add_argument("--json", action="store_true", help="print one JSON document")


def first_frame(code: str, args: list[str], env: dict[str, str]) -> float:
    """Seconds from launching ``python -c code`` to the line it prints at its first frame."""
    began = time.perf_counter()
    with subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, env=env, cwd=REPO, text=True) as child:
        assert child.stdout is not None
        line = child.stdout.readline()
        seconds = time.perf_counter() - began
        child.stdout.read()
    if line.strip() != "frame" or child.returncode != 0:
        raise SystemExit(f"python main.py bench startup: a child process failed "
                         f"(exit code {child.returncode})")
    return seconds


def idle_share(args: list[str], env: dict[str, str]) -> float:
    """Share of one core the game loop uses on the title screen with no input."""
    done = subprocess.run([sys.executable, "-c", IDLE_CHILD, *args], capture_output=True,
                          env=env, cwd=REPO, text=True, check=False)
    try:
        return float(done.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        raise SystemExit("python main.py bench startup: the idle title run failed "
                         f"(exit code {done.returncode})") from None


def run(args: argparse.Namespace, levels_dir: Path) -> int:
    """Alternate game and bare starts; print medians and the ratio."""
    runs = max(1, args.runs)
    env = dict(os.environ)
    env.setdefault("SDL_VIDEODRIVER", "dummy")
    env.setdefault("SDL_AUDIODRIVER", "dummy")
    env["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    game_times: list[float] = []
    bare_times: list[float] = []
    with tempfile.TemporaryDirectory(prefix="changzheng-bench-") as save:
        env["CHANGZHENG_DATA_DIR"] = save
        first_frame(GAME_CHILD, ["--levels", str(levels_dir)], env)  # warm the disk cache
        for _ in range(runs):
            bare_times.append(first_frame(BARE_CHILD, [], env))
            game_times.append(first_frame(GAME_CHILD, ["--levels", str(levels_dir)], env))
        idle = idle_share([str(args.idle_seconds), "--levels", str(levels_dir)], env)
    game, bare = statistics.median(game_times), statistics.median(bare_times)
    if args.json:
        print(json.dumps({"game": {"median_s": round(game, 4), "min_s": round(min(game_times), 4),
                                   "max_s": round(max(game_times), 4)},
                          "bare": {"median_s": round(bare, 4), "min_s": round(min(bare_times), 4),
                                   "max_s": round(max(bare_times), 4)},
                          "ratio": round(game / bare, 3), "runs": runs,
                          "idle_title_cpu_percent": round(idle * 100, 2)}, indent=2))
        return 0
    print(f"time to first frame, median of {runs} fresh processes each (alternating)")
    print(f"  python main.py   {game:.3f} s  (min {min(game_times):.3f}, "
          f"max {max(game_times):.3f})")
    print(f"  bare pygame      {bare:.3f} s  (min {min(bare_times):.3f}, "
          f"max {max(bare_times):.3f})")
    print(f"  ratio            {game / bare:.2f} x bare")
    print(f"idle title screen: {idle * 100:.1f} % of one core (the real loop, no input, "
          f"{args.idle_seconds:g} s)")
    return 0
