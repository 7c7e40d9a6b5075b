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
include starting Python; next to it, the CPU time the process had used by then (its own
count, steadier than wall time on a busy machine). The modules' bytecode is cached as in
an installed game (when the environment says not to write bytecode, it goes to a temporary
folder for the run).
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
import sys, time
import game.ui.splash as splash

real_show = splash.show_cached_title

def say(word):
    sys.stdout.write(f"{word} {time.process_time()!r}\\n")
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
import sys, time
import pygame
pygame.init()
pygame.display.set_mode((1280, 720))
pygame.display.flip()
sys.stdout.write(f"frame {time.process_time()!r}\\n")
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
                words: tuple[str, ...] = ("frame",)) -> list[tuple[float, float]]:
    """(wall, CPU) seconds from launching ``python -c code`` to each of the lines ``words``
    it prints: wall time as measured here, CPU time as the child reports it with the word
    (the CPU time is steadier on a busy machine)."""
    began = time.perf_counter()
    times: list[tuple[float, float]] = []
    with subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, env=env, cwd=REPO, text=True) as child:
        assert child.stdout is not None
        for word in words:
            said = child.stdout.readline().split()
            wall = time.perf_counter() - began
            if len(said) != 2 or said[0] != word:
                break
            try:
                times.append((wall, float(said[1])))
            except ValueError:
                break
        child.stdout.read()
    if len(times) != len(words) or child.returncode != 0:
        raise SystemExit(f"python main.py bench startup: a child process failed "
                         f"(exit code {child.returncode})")
    return times


def first_frame(code: str, args: list[str], env: dict[str, str]) -> float:
    """Seconds from launching ``python -c code`` to the line it prints at its first frame."""
    return child_times(code, args, env)[0][0]


def idle_share(args: list[str], env: dict[str, str]) -> float:
    """Share of one core the game loop uses on the title screen with no input."""
    done = subprocess.run([sys.executable, "-c", IDLE_CHILD, *args], capture_output=True,
                          env=env, cwd=REPO, text=True, check=False)
    try:
        return float(done.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        raise SystemExit("python main.py bench startup: the idle title run failed "
                         f"(exit code {done.returncode})") from None


def _timing(times: list[tuple[float, float]],
            bare: list[tuple[float, float]] | None = None) -> dict[str, float]:
    """Median, min and max wall seconds and the median CPU seconds; with ``bare``, the
    ratios of the medians to bare pygame's."""
    walls, cpus = [wall for wall, _ in times], [cpu for _, cpu in times]
    timing = {"median_s": round(statistics.median(walls), 4), "min_s": round(min(walls), 4),
              "max_s": round(max(walls), 4), "cpu_median_s": round(statistics.median(cpus), 4)}
    if bare is not None:
        timing["ratio"] = round(statistics.median(walls)
                                / statistics.median(wall for wall, _ in bare), 3)
        timing["cpu_ratio"] = round(statistics.median(cpus)
                                    / statistics.median(cpu for _, cpu in bare), 3)
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
    bare: list[tuple[float, float]] = []
    warm: dict[str, list[tuple[float, float]]] = {"frame": [], "ready": []}
    cold: dict[str, list[tuple[float, float]]] = {"frame": [], "ready": []}
    with tempfile.TemporaryDirectory(prefix="changzheng-bench-") as scratch:
        env = _child_env(Path(scratch))
        warm_env = dict(env, CHANGZHENG_DATA_DIR=str(Path(scratch) / "warm"))
        cold_env = dict(env, CHANGZHENG_DATA_DIR=str(Path(scratch) / "cold"))
        both = ("frame", "ready")
        first_frame(BARE_CHILD, [], env)  # the disk cache and the bytecode
        for _ in range(3):  # a stored campaign and title for the warm runs
            child_times(GAME_CHILD, game_args, warm_env, both)
        child_times(GAME_CHILD, game_args, cold_env, both)
        for _ in range(runs):
            bare.append(child_times(BARE_CHILD, [], env)[0])
            frame, ready = child_times(GAME_CHILD, game_args, warm_env, both)
            warm["frame"].append(frame)
            warm["ready"].append(ready)
            shutil.rmtree(Path(scratch) / "cold" / "cache", ignore_errors=True)
            frame, ready = child_times(GAME_CHILD, game_args, cold_env, both)
            cold["frame"].append(frame)
            cold["ready"].append(ready)
        idle = idle_share([str(args.idle_seconds), *game_args], warm_env)
    first = _timing(warm["frame"], bare)
    if args.json:
        print(json.dumps({
            "bare": _timing(bare),
            "game": {key: value for key, value in first.items() if "ratio" not in key},
            "ratio": first["ratio"],
            "cpu_ratio": first["cpu_ratio"],
            "ready": _timing(warm["ready"], bare),
            "cold": {"game": _timing(cold["frame"], bare), "ready": _timing(cold["ready"], bare)},
            "runs": runs,
            "idle_title_cpu_percent": round(idle * 100, 2)}, indent=2))
        return 0
    print(f"python main.py start-up, median of {runs} fresh processes each (in turns): wall "
          f"time from launch, and the CPU time the process had used by then")
    rows = [("bare pygame: first frame", _timing(bare, bare)),
            ("warm cache: first frame (stored title)", first),
            ("warm cache: title ready for input", _timing(warm["ready"], bare)),
            ("cold cache: first frame (live title)", _timing(cold["frame"], bare)),
            ("cold cache: title ready for input", _timing(cold["ready"], bare))]
    for label, timing in rows:
        print(f"  {label:<40} {timing['median_s']:.3f} s  x{timing['ratio']:.2f}  "
              f"(min {timing['min_s']:.3f}, max {timing['max_s']:.3f})  "
              f"CPU {timing['cpu_median_s']:.3f} s  x{timing['cpu_ratio']:.2f}")
    print(f"idle title screen: {idle * 100:.1f} % of one core (the real loop, no input, "
          f"{args.idle_seconds:g} s)")
    return 0
