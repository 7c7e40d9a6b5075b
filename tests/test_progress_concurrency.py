"""Two windows on one profile, and games killed in the middle of a save.

Real processes, not threads: each test starts Python programs that load, change and
save one profile file at the same time, or kills one while it writes. No record may be
lost, every save left behind must be readable, and no temporary files may pile up.
``CHANGZHENG_SAVE_ROUNDS`` raises the number of rounds for a longer run.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from game.progress import LevelRecord, Progress, ProgressStore, merge_progress

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = int(os.environ.get("CHANGZHENG_SAVE_ROUNDS", "200"))
KILLS = int(os.environ.get("CHANGZHENG_SAVE_KILLS", "25"))


def _python(code: str) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code)], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


WRITER = """
    import sys
    from pathlib import Path
    from game.progress import ProgressStore
    path, name, rounds, once = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
    store = ProgressStore(path)
    progress = store.load().progress
    for i in range(rounds):
        if once == "reload":
            progress = store.load().progress
        progress.record_level(f"{name}-{i}", won=True, moves=i + 1, troops=50)
        progress.record_level("shared", won=i % 2 == 0, moves=100 - i % 50, troops=i)
        store.save(progress)
    print("done")
"""


def _writer(path: Path, name: str, rounds: int, mode: str) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(WRITER), str(path), name,
                             str(rounds), mode], env=env, cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize("mode", ["reload", "once"])
def test_two_windows_saving_the_same_profile_lose_no_record(tmp_path: Path, mode: str) -> None:
    """``reload``: load-change-save each time; ``once``: each window loads once at start."""
    path = tmp_path / "profiles" / "pupil.json"
    rounds = ROUNDS if mode == "reload" else ROUNDS // 2
    writers = [_writer(path, name, rounds, mode) for name in ("a", "b")]
    for writer in writers:
        out, err = writer.communicate(timeout=240)
        assert writer.returncode == 0, err
        assert out.strip() == "done"
    result = ProgressStore(path).load()
    assert result.notice is None
    levels = result.progress.levels
    for name in ("a", "b"):
        missing = [i for i in range(rounds) if f"{name}-{i}" not in levels]
        assert not missing, f"window {name} lost {len(missing)} records, e.g. {missing[:5]}"
        assert all(levels[f"{name}-{i}"].best_moves == i + 1 for i in range(rounds))
    one = Progress()  # what one window alone records on the shared level
    for i in range(rounds):
        one.record_level("shared", won=i % 2 == 0, moves=100 - i % 50, troops=i)
    alone = one.levels["shared"]
    shared = levels["shared"]
    assert shared.attempts == 2 * alone.attempts, "every attempt of both windows is counted"
    assert shared.wins == 2 * alone.wins
    assert (shared.best_moves, shared.best_troops) == (alone.best_moves, alone.best_troops)
    assert sorted(p.name for p in path.parent.iterdir()) == ["pupil.json"]


KILLED_WRITER = """
    import sys
    from pathlib import Path
    from game.progress import ProgressStore
    store = ProgressStore(Path(sys.argv[1]))
    progress = store.load().progress
    start = len(progress.levels)
    print("ready", flush=True)
    i = 0
    while True:
        progress.record_level(f"k{start + i}", won=True, moves=1, troops=1)
        for n in range(200):  # a bigger file: the write takes longer, kills land inside it
            progress.settings[f"pad{n}"] = "x" * 50
        store.save(progress)
        i += 1
"""


@pytest.mark.skipif(os.name != "posix", reason="kills with SIGKILL")
def test_killing_a_game_mid_save_leaves_a_readable_save_and_no_temp_files(
    tmp_path: Path,
) -> None:
    path = tmp_path / "profiles" / "pupil.json"
    rng = random.Random(8)
    saved = 0
    left_behind = 0
    for kill in range(KILLS):
        writer = _python(KILLED_WRITER.replace("sys.argv[1]", repr(str(path))))
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
        if kill == 0:  # a busy machine may be slow to the first save: wait for it, once
            give_up = time.monotonic() + 60
            while not path.exists() and time.monotonic() < give_up:
                time.sleep(0.005)
        time.sleep(rng.uniform(0.0, 0.06))
        writer.send_signal(signal.SIGKILL)
        writer.communicate(timeout=30)
        left_behind += sum(1 for p in path.parent.glob(".pupil.*.tmp"))
        result = ProgressStore(path).load()
        assert result.notice is None, result.notice
        assert len(result.progress.levels) >= saved, "a save that was made is never lost"
        saved = len(result.progress.levels)
        names = sorted(p.name for p in path.parent.iterdir())
        assert names == ["pupil.json"] or not path.exists(), names
        json.loads(path.read_text("utf-8")) if path.exists() else None
    assert saved > 0, "the writers never got to save: the test proves nothing"
    print(f"{KILLS} kills, {saved} levels saved, {left_behind} temporary files cleaned")


def test_a_stale_lock_of_a_dead_process_is_broken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Broken at once: with the wait for a live lock made 30 s, a save that waited for the
    dead one could not finish within 10 s, however busy the machine."""
    from game import progress as progress_mod

    monkeypatch.setattr(progress_mod, "LOCK_WAIT_SECONDS", 30.0)
    store = ProgressStore(tmp_path / "pupil.json")
    dead = _python("import os; print(os.getpid())")
    out, _ = dead.communicate(timeout=30)
    import socket

    store.lock_path.write_text(f"{out.strip()} {socket.gethostname()} 0 x", "utf-8")
    began = time.monotonic()
    store.save(Progress(cards=["a"]))
    assert time.monotonic() - began < 10.0
    assert not store.lock_path.exists()
    assert store.load().progress.cards == ["a"]


def test_an_old_lock_from_another_machine_is_broken(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path / "pupil.json")
    store.lock_path.write_text("123 some-other-pc 0 x", "utf-8")
    old = time.time() - 60
    os.utime(store.lock_path, (old, old))
    store.save(Progress(cards=["b"]))
    assert not store.lock_path.exists()


def test_a_live_lock_makes_the_save_wait_then_fail_with_a_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from game import progress as progress_mod

    monkeypatch.setattr(progress_mod, "LOCK_WAIT_SECONDS", 0.2)
    store = ProgressStore(tmp_path / "pupil.json")
    store.save(Progress(cards=["before"]))
    import socket

    store.lock_path.write_text(f"{os.getpid()} {socket.gethostname()} 0 x", "utf-8")
    with pytest.raises(progress_mod.ProgressSaveError) as info:
        store.save(Progress(cards=["after"]))
    assert "another window" in info.value.message.en
    assert store.lock_path.exists(), "a live lock is never broken"
    assert ProgressStore(store.path).load().progress.cards == ["before"]


def test_merge_keeps_the_best_of_both_and_adds_the_counts() -> None:
    base = Progress()
    base.record_level("1", won=False, moves=9, troops=1)
    mine, disk = Progress.from_json(base.to_json()), Progress.from_json(base.to_json())
    mine.record_level("1", won=True, moves=12, troops=70, stars=2, hints=1)
    disk.record_level("1", won=True, moves=10, troops=60, stars=3)
    disk.record_level("2", won=False, moves=3, troops=0)
    mine.record_quiz("c", total=3, answers={"q1": True, "q2": False})
    disk.record_quiz("c", total=3, answers={"q1": False, "q3": True}, pass_percent=30)
    mine.cards.append("c")
    disk.cards.append("d")
    mine.settings["volume"] = 0.3
    disk.settings["fullscreen"] = True
    merged = merge_progress(base, mine, disk)
    assert merged.levels["1"] == LevelRecord(won=True, best_moves=10, best_troops=70,
                                             attempts=3, wins=2, stars=3, hints_used=1)
    assert merged.levels["2"].attempts == 1
    quiz = merged.quizzes["c"]
    assert (quiz.attempts, quiz.best_score, quiz.passed) == (2, 1, True)
    assert quiz.answers["q1"].attempts == 2 and quiz.answers["q1"].correct == 1
    assert set(quiz.answers) == {"q1", "q2", "q3"}
    assert merged.cards == ["d", "c"]
    assert merged.settings == {"volume": 0.3, "fullscreen": True}


def test_load_removes_temp_files_a_killed_save_left(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path / "pupil.json")
    store.save(Progress(cards=["a"]))
    for n in range(5):
        (tmp_path / f".pupil.{n}abc.tmp").write_text("{half a save", "utf-8")
    (tmp_path / ".other.1.tmp").write_text("another profile's", "utf-8")
    assert ProgressStore(store.path).load().progress.cards == ["a"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.1.tmp", "pupil.json"]


def test_load_leaves_temp_files_alone_while_another_window_saves(tmp_path: Path) -> None:
    import socket

    store = ProgressStore(tmp_path / "pupil.json")
    store.save(Progress())
    busy = tmp_path / ".pupil.busy.tmp"
    busy.write_text("being written", "utf-8")
    store.lock_path.write_text(f"{os.getpid()} {socket.gethostname()} 0 x", "utf-8")
    assert ProgressStore(store.path).load().notice is None
    assert busy.exists(), "a save in progress keeps its temporary file"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_in_place_of_the_save_is_set_aside_without_blocking(tmp_path: Path) -> None:
    import threading

    store = ProgressStore(tmp_path / "pupil.json")
    os.mkfifo(store.path)
    results: list[object] = []
    worker = threading.Thread(target=lambda: results.append(store.load()), daemon=True)
    worker.start()
    worker.join(20)
    assert results, "loading blocked on a named pipe"
    assert results[0].notice is not None  # type: ignore[attr-defined]
    assert not store.path.exists()
    store.save(Progress(cards=["a"]))
    assert ProgressStore(store.path).load().progress.cards == ["a"]
