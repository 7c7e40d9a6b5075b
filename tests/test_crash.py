"""The crash handler never crashes: data folder, then a temporary file, then stderr."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pytest

import game.commands.check as check_command
from game import crash
from game.cli import main


def boom(*args: object) -> int:
    raise RuntimeError("a bug of ours")


def test_a_bug_is_logged_in_the_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CHANGZHENG_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(check_command, "run", boom)
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    log = tmp_path / "data" / "crash.log"
    assert str(log) in err and "Traceback" not in err
    assert "RuntimeError: a bug of ours" in log.read_text("utf-8")


def test_a_data_folder_under_a_file_falls_back_to_a_temp_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", "utf-8")
    monkeypatch.setenv("CHANGZHENG_DATA_DIR", str(blocker / "data"))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(check_command, "run", boom)
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    [log] = (tmp_path / "tmp").glob("changzheng-crash-*.log")
    assert str(log) in err and "Traceback" not in err
    assert "a bug of ours" in log.read_text("utf-8")


def test_with_nowhere_to_write_the_details_go_to_stderr(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", "utf-8")
    monkeypatch.setenv("CHANGZHENG_DATA_DIR", str(blocker / "data"))
    monkeypatch.setattr(tempfile, "tempdir", str(blocker / "tmp"))
    monkeypatch.setattr(check_command, "run", boom)
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    assert "RuntimeError: a bug of ours" in err  # the details, once
    assert "Details / 详情: above / 见上" in err


def test_the_writer_itself_never_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("everything is broken")

    monkeypatch.setattr(crash, "data_folder", lambda: None)
    monkeypatch.setattr(tempfile, "NamedTemporaryFile", broken)

    class Closed:
        def write(self, text: str) -> int:
            raise ValueError("I/O operation on closed file")

        def flush(self) -> None:
            raise ValueError("closed")

    monkeypatch.setattr(sys, "stderr", Closed())
    try:
        raise RuntimeError("x")
    except RuntimeError:
        assert crash.write_crash_log() is None


def test_an_unprintable_huge_number_in_the_bug_is_still_logged(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHANGZHENG_DATA_DIR", str(tmp_path))
    try:
        str(10**5000)
    except ValueError:
        log = crash.write_crash_log()
    assert log is not None and "ValueError" in log.read_text("utf-8")


def test_output_cut_short_by_its_reader_is_no_crash(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    def closed_pipe(*args: object) -> int:  # as when ``python main.py ... | head`` stops
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setenv("CHANGZHENG_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(check_command, "run", closed_pipe)
    assert main(["check"]) == 1
    assert capsys.readouterr().err == ""
    assert not (tmp_path / "data").exists() and not any((tmp_path / "tmp").iterdir())


@pytest.mark.parametrize(("name", "plain"), [("platformdirs", True), ("yaml", True),
                                             ("pygame.font", True), ("game.nowhere", False),
                                             ("numpy", False)])
def test_a_missing_package_the_game_needs_says_how_to_install_it(
        name: str, plain: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Run before installing (a package the game needs is missing): one line in both
    languages saying how to install, no crash.log. Any other missing module is a bug of
    ours, logged as one."""
    monkeypatch.setenv("CHANGZHENG_DATA_DIR", str(tmp_path / "data"))

    def missing(*args: object) -> int:
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)

    monkeypatch.setattr(check_command, "run", missing)
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    log = tmp_path / "data" / "crash.log"
    top = name.partition(".")[0]
    if plain:
        assert "pip install -e ." in err and f"缺少 {top}" in err and not log.exists()
    else:
        assert "pip install" not in err and str(log) in err and log.exists()
