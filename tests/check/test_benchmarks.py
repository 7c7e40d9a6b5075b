"""``python main.py bench frames`` and ``bench startup``: what they print, in JSON too."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.benchmarks import startup
from game.cli import main

REPO = Path(__file__).resolve().parents[2]


def test_bench_frames_json_is_exactly_the_documented_document(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "frames", "--frames", "3", "--only", "quiz", "--only", "level luding",
                 "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert set(document) == {"screens", "bare"}
    [level, quiz] = document["screens"]
    assert level["name"].startswith("level luding-") and quiz["name"] == "quiz"
    for timing in [*document["screens"], document["bare"]]:
        assert set(timing) - {"name"} == {"median_ms", "p99_ms"}
        assert 0 < timing["median_ms"] <= timing["p99_ms"]


def test_bench_frames_covers_every_screen_in_its_table(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "frames", "--frames", "1", "--warm-up", "0"]) == 0
    table = capsys.readouterr().out
    for screen in ("title", "profiles", "route map", "briefing", "quiz", "result", "cards",
                   "review", "ending", "bare 20x15 tiles"):
        assert f"\n{screen} " in table
    levels = [line.split()[1] for line in table.splitlines() if line.startswith("level ")]
    assert len(levels) == 7 and len({level.split("-")[0] for level in levels}) == 7


def test_bench_startup_times_the_game_next_to_bare_pygame(tmp_path: Path) -> None:
    """Run from an installed copy (the campaign and fonts inside the package, as a wheel
    has them, and no checkout in sight), so the benchmark finds the installed campaign."""
    site = tmp_path / "site"
    shutil.copytree(REPO / "game", site / "game", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "levels", site / "game" / "shipped" / "levels")
    shutil.copytree(REPO / "assets" / "fonts", site / "game" / "shipped" / "fonts")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               CHANGZHENG_DATA_DIR=str(tmp_path / "data"), PYTHONPATH=str(site))
    done = subprocess.run([sys.executable, "-m", "game", "bench", "startup", "--runs", "1",
                           "--idle-seconds", "0.5", "--json"], cwd=elsewhere, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    document = json.loads(done.stdout)
    bare = document["bare"]["median_s"]
    assert document["game"]["median_s"] > 0 and bare > 0
    assert document["ratio"] == pytest.approx(document["game"]["median_s"] / bare, rel=0.01)
    assert document["cpu_ratio"] == pytest.approx(
        document["game"]["cpu_median_s"] / document["bare"]["cpu_median_s"], rel=0.01)
    for first, ready in ((document["game"], document["ready"]),
                         (document["cold"]["game"], document["cold"]["ready"])):
        assert 0 < first["median_s"] <= ready["median_s"]  # one run: its two moments
        assert 0 < first["cpu_median_s"] <= ready["cpu_median_s"] <= ready["median_s"]
        assert ready["ratio"] == pytest.approx(ready["median_s"] / bare, rel=0.01)
    assert 0 <= document["idle_title_cpu_percent"] < 100
    assert not (tmp_path / "data").exists()  # the run's caches were its own


def test_bench_startup_shows_the_stored_title_first_when_warm(tmp_path: Path) -> None:
    """The warm first frame is the stored picture, before the game is imported."""
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               CHANGZHENG_DATA_DIR=str(tmp_path), PYGAME_HIDE_SUPPORT_PROMPT="1")
    probe = startup.GAME_CHILD.replace(
        'say("frame")\n    import game.ui.app',
        'say("frame " + str("game.content.model" in sys.modules))\n    import game.ui.app', 1)
    assert probe != startup.GAME_CHILD
    words = []
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", probe, "--levels", str(REPO / "levels")],
                              cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        words.append([word for word in done.stdout.split() if not word[0].isdigit()])
    assert words == [["frame", "ready"], ["frame", "False", "ready"]]
