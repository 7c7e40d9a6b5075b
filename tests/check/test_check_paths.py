"""``check`` and ``play`` read nothing outside the folder being checked, and no non-file.

A pack may hold links to private files (a key, an ``.env``, ``/etc/passwd``), named pipes
that would block a reader forever, devices that never end and sockets. Each is refused
with a message naming the file, and its content never appears in any output.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
from pathlib import Path

import pytest

from game.cli import main
from game.content.paths import gather, refusal

LEVELS = Path(__file__).resolve().parents[2] / "levels"
SECRET = "AWS_SECRET=do-not-print-me\nDB_PASSWORD=hunter2\n-----BEGIN OPENSSH PRIVATE KEY-----\n"

needs_links = pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt",
                                 reason="needs POSIX symlinks")
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")


@pytest.fixture()
def pack(tmp_path: Path) -> Path:
    """A copy of the first shipped chapter, and a secret file next to (outside) it."""
    root = tmp_path / "pack"
    shutil.copytree(LEVELS / "01-xiangjiang", root / "01-xiangjiang")
    (tmp_path / "secret.env").write_text(SECRET, "utf-8")
    return root


def check_json(*paths: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, object],
                                                                            str]:
    code = main(["check", "--json", "--max-states", "2000", *map(str, paths)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, json.loads(captured.out), captured.out + captured.err


def problems_of(document: dict[str, object]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for group in ("levels", "quizzes", "campaign"):
        entries = document[group]
        assert isinstance(entries, list)
        for entry in entries:
            found[entry["path"]] = [e["message"] for e in entry["errors"]]
    return found


@needs_links
@pytest.mark.parametrize("name", ["level-9.yaml", "quiz.yaml", "keys.yml"])
def test_a_link_out_of_the_pack_is_refused_unread(pack: Path, name: str,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    link = pack / "01-xiangjiang" / name
    link.unlink(missing_ok=True)
    link.symlink_to(pack.parent / "secret.env")
    code, document, output = check_json(pack, capsys=capsys)
    assert code == 1
    [message] = problems_of(document)[str(link)]
    assert message.startswith("this is a link to a place outside the folder being checked")
    for secret in ("AWS_SECRET", "DB_PASSWORD", "hunter2", "PRIVATE KEY"):
        assert secret not in output


@needs_links
def test_a_link_to_a_folder_out_of_the_pack_is_refused(pack: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    outside = pack.parent / "elsewhere"
    outside.mkdir()
    (outside / "level-1.yaml").write_text(SECRET, "utf-8")
    (pack / "more").symlink_to(outside)
    code, document, output = check_json(pack, capsys=capsys)
    assert code == 1
    assert problems_of(document)[str(pack / "more")][0].startswith(
        "this is a link to a folder outside the folder being checked")
    assert "hunter2" not in output


@needs_links
def test_links_inside_the_pack_are_followed(pack: Path) -> None:
    chapter = pack / "01-xiangjiang"
    (pack / "copy.yaml").symlink_to(chapter / "level-1.yaml")
    (pack / "same").symlink_to(chapter)
    found = dict(gather([pack], (".yaml",)))
    assert found[pack / "copy.yaml"] is None
    assert pack / "same" not in found  # its files are found where they are


@needs_links
def test_a_link_named_directly_may_not_leave_its_folder(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "secret.env").write_text(SECRET, "utf-8")
    (tmp_path / "inner").mkdir()
    link = tmp_path / "inner" / "level.yaml"
    link.symlink_to(tmp_path / "secret.env")
    code, document, output = check_json(link, capsys=capsys)
    assert code == 1 and "hunter2" not in output
    assert problems_of(document)[str(link)][0].startswith("this is a link to a place outside")


@needs_fifo
def test_a_named_pipe_is_refused_without_blocking(pack: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    fifo = pack / "01-xiangjiang" / "level-9.yaml"
    os.mkfifo(fifo)
    done = threading.Event()
    result: list[int] = []

    def run() -> None:
        result.append(main(["check", str(fifo)]))
        done.set()

    threading.Thread(target=run, daemon=True).start()
    assert done.wait(20), "check blocked on a named pipe"
    assert result == [1]
    out = capsys.readouterr().out
    assert f"{fifo}: this is a named pipe (FIFO), not a regular file" in out


@needs_fifo
def test_a_pipe_listed_by_a_chapter_is_named_not_did_you_mean(pack: Path) -> None:
    from game.content.campaign import CHAPTER_FILE, load_chapter

    chapter = pack / "01-xiangjiang"
    (chapter / "level-2.yaml").unlink()
    os.mkfifo(chapter / "level-2.yaml")
    problems: list[object] = []
    assert load_chapter(chapter, pack, problems, str) is None  # type: ignore[arg-type]
    messages = [str(p) for p in problems]
    assert any('the level file "level-2.yaml": this is a named pipe (FIFO)' in m
               for m in messages), messages
    assert not any("did you mean" in m for m in messages)
    assert (chapter / CHAPTER_FILE).is_file()


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert refusal(Path("/dev/zero"), None) is not None
    assert main(["play", "/dev/zero"]) == 2
    assert "this is a device, not a regular file" in capsys.readouterr().err
    assert main(["check", "/dev/zero"]) == 1
    assert "/dev/zero: this is a device" in capsys.readouterr().out


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="needs UNIX sockets")
def test_a_socket_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "level-1.yaml"
    with socket.socket(socket.AF_UNIX) as server:
        try:
            server.bind(str(path))
        except OSError:
            pytest.skip("cannot bind a UNIX socket here")
        assert main(["check", str(tmp_path)]) == 1
    assert "this is a socket, not a regular file" in capsys.readouterr().out


@needs_fifo
def test_play_refuses_a_pipe_with_a_clear_line(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "level.yaml"
    os.mkfifo(fifo)
    assert main(["play", str(fifo)]) == 2
    err = capsys.readouterr().err
    assert err.strip() == (f"python main.py play: error: {fifo}: this is a named pipe (FIFO), "
                           "not a regular file, so it is not read; use a .yaml text file")
