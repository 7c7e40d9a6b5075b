"""``python main.py bench startup``: time from process start to the first frame, and to the
title being ready for input, next to bare pygame, in the same run.

Runs fresh processes, in turns: bare pygame (``pygame.init(); set_mode(); flip()``), then the
game's own start (``python main.py`` with no command, through the real command line) with its
caches warm, then with its caches cold (the cache folder emptied before the run: no stored
title picture, no cached campaign, as on the first start after installing or after an
edit). Each game start reports two moments on stdout:

- ``frame``: the first frame shown. With a warm cache this is the stored picture of the
  title (``game/ui/splash.py``), flipped before the game is loaded; without one it is the
  live title's first frame.
- ``ready``: the live title's first frame is shown (drawn by the real title scene) and the
  loop is about to take the first input (sound opened, every screen imported); input that
  came earlier waited in SDL's queue.

Each time is the wall time from launching the process until that line is read, so all
include starting Python. The modules' bytecode is cached as in an installed game (when the
environment says not to write bytecode, it goes to a temporary folder for the run).
Headless unless a display driver is set.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HELP = ("time to the first frame and to the title ready for input of python main.py, "
        "next to bare pygame in the same run")

REPO = Path(__file__).resolve().parent.parent.parent

#: The game path of ``python main.py``: the real command line; it says ``frame`` when the
#: stored title is on screen, and after the real start's first live frame ``ready`` (and
#: ``frame`` first when no picture was shown), then stops instead of running the loop.
GAME_CHILD = """
import sys
import game.ui.splash as splash

real_show = splash.show_cached_title

def say(word):
    sys.stdout.write(word + "\\n")
    sys.stdout.flush()

def show(levels_dir, lang):
    shown = real_show(levels_dir, lang)
    pictured = shown is not None and shown.shown
    if pictured:
        say("frame")
    import game.ui.app as app

    def ready(levels_dir, level_file=None, lang=None, splash=None):
        started, _, _ = app.start(levels_dir, level_file, lang, splash)
        if not pictured:
            say("frame")
        app.prepare(started)  # what the loop does before it takes the first input
        say("ready")
        return 0

    app.run = ready
    return shown

splash.show_cached_title = show
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
    """``--runs``, ``--idle-seconds``, ``--json``."""
    parser.add_argument("--runs", type=int, default=7,
                        help="fresh processes of each kind (default 7)")
    parser.add_argument("--idle-seconds", type=float, default=5.0,
                        help="how long the idle title screen is watched (default 5)")
    parser.add_argument("--json", action="store_true", help="print one JSON document")


def child_times(code: str, args: list[str], env: dict[str, str],
                words: tuple[str, ...] = ("frame",)) -> list[float]:
    """Seconds from launching ``python -c code`` to each of the lines ``words`` it prints."""
    began = time.perf_counter()
    seconds: list[float] = []
    with subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, env=env, cwd=REPO, text=True) as child:
        assert child.stdout is not None
        for word in words:
            line = child.stdout.readline()
            seconds.append(time.perf_counter() - began)
            if line.strip() != word:
                break
        child.stdout.read()
    if len(seconds) != len(words) or line.strip() != words[-1] or child.returncode != 0:
        raise SystemExit(f"python main.py bench startup: a child process failed "
                         f"(exit code {child.returncode})")
    return seconds


def first_frame(code: str, args: list[str], env: dict[str, str]) -> float:
    """Seconds from launching ``python -c code`` to the line it prints at its first frame."""
    return child_times(code, args, env)[0]


def idle_share(args: list[str], env: dict[str, str]) -> float:
    """Share of one core the game loop uses on the title screen with no input."""
    done = subprocess.run([sys.executable, "-c", IDLE_CHILD, *args], capture_output=True,
                          env=env, cwd=REPO, text=True, check=False)
    try:
        return float(done.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        raise SystemExit("python main.py bench startup: the idle title run failed "
                         f"(exit code {done.returncode})") from None


def _timing(times: list[float], bare: float | None = None) -> dict[str, float]:
    timing = {"median_s": round(statistics.median(times), 4), "min_s": round(min(times), 4),
              "max_s": round(max(times), 4)}
    if bare is not None:
        timing["ratio"] = round(statistics.median(times) / bare, 3)
    return timing


def _child_env(scratch: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("SDL_VIDEODRIVER", "dummy")
    env.setdefault("SDL_AUDIODRIVER", "dummy")
    env["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env.pop("CHANGZHENG_NO_CACHE", None)  # the run's caches are its own, in its folder
    if env.pop("PYTHONDONTWRITEBYTECODE", None):  # an installed game has its bytecode
        env["PYTHONPYCACHEPREFIX"] = str(scratch / "bytecode")
    return env


def run(args: argparse.Namespace, levels_dir: Path) -> int:
    """Alternate bare, warm and cold starts; print medians and ratios."""
    runs = max(1, args.runs)
    game_args = ["--levels", str(levels_dir)]
    bare_times: list[float] = []
    warm_times: list[list[float]] = []
    cold_times: list[list[float]] = []
    with tempfile.TemporaryDirectory(prefix="changzheng-bench-") as scratch:
        env = _child_env(Path(scratch))
        warm = dict(env, CHANGZHENG_DATA_DIR=str(Path(scratch) / "warm"))
        cold = dict(env, CHANGZHENG_DATA_DIR=str(Path(scratch) / "cold"))
        first_frame(BARE_CHILD, [], env)  # the disk cache and the bytecode
        for _ in range(3):  # a stored campaign and title for the warm runs
            child_times(GAME_CHILD, game_args, warm, ("frame", "ready"))
        child_times(GAME_CHILD, game_args, cold, ("frame", "ready"))
        for _ in range(runs):
            bare_times.append(first_frame(BARE_CHILD, [], env))
            warm_times.append(child_times(GAME_CHILD, game_args, warm, ("frame", "ready")))
            shutil.rmtree(Path(scratch) / "cold" / "cache", ignore_errors=True)
            cold_times.append(child_times(GAME_CHILD, game_args, cold, ("frame", "ready")))
        idle = idle_share([str(args.idle_seconds), *game_args], warm)
    bare = statistics.median(bare_times)
    columns = {"frame": 0, "ready": 1}
    warm_of = {name: [t[i] for t in warm_times] for name, i in columns.items()}
    cold_of = {name: [t[i] for t in cold_times] for name, i in columns.items()}
    if args.json:
        print(json.dumps({
            "bare": _timing(bare_times),
            "game": _timing(warm_of["frame"]),
            "ratio": round(statistics.median(warm_of["frame"]) / bare, 3),
            "ready": _timing(warm_of["ready"], bare),
            "cold": {"game": _timing(cold_of["frame"], bare),
                     "ready": _timing(cold_of["ready"], bare)},
            "runs": runs,
            "idle_title_cpu_percent": round(idle * 100, 2)}, indent=2))
        return 0
    print(f"python main.py start-up, median of {runs} fresh processes each (in turns), "
          f"wall time from launch")
    rows = [("bare pygame: first frame", bare_times),
            ("warm cache: first frame (stored title)", warm_of["frame"]),
            ("warm cache: title ready for input", warm_of["ready"]),
            ("cold cache: first frame (live title)", cold_of["frame"]),
            ("cold cache: title ready for input", cold_of["ready"])]
    for label, times in rows:
        median = statistics.median(times)
        print(f"  {label:<40} {median:.3f} s  x{median / bare:.2f}  "
              f"(min {min(times):.3f}, max {max(times):.3f})")
    print(f"idle title screen: {idle * 100:.1f} % of one core (the real loop, no input, "
          f"{args.idle_seconds:g} s)")
    return 0
