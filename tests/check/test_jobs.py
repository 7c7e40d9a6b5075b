"""``check --jobs N``: levels solved in N processes give the same report, in the same order."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from game.check.runner import run_check
from game.cli import main

REPO = Path(__file__).resolve().parents[2]
TIMING = ("seconds",)


def without_timing(report: Any) -> Any:
    """The report with its timing fields removed (they differ from run to run)."""
    if isinstance(report, dict):
        return {k: without_timing(v) for k, v in report.items() if k not in TIMING}
    if isinstance(report, list):
        return [without_timing(v) for v in report]
    return report


def check_json(argv: list[str], capsys: pytest.CaptureFixture[str]) -> Any:
    code = main(["check", "--json", *argv])
    out = capsys.readouterr().out
    assert code == 0, out
    return json.loads(out)


def test_two_jobs_give_the_same_json_as_one_on_the_shipped_levels(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    one = check_json(["--jobs", "1"], capsys)
    two = check_json(["--jobs", "2"], capsys)
    assert len(one["levels"]) >= 14
    assert without_timing(two) == without_timing(one)


def test_jobs_keep_failures_and_order(tmp_path: Path) -> None:
    for name, turns in (("b.yaml", 1), ("a.yaml", 10), ("c.yaml", 10)):
        (tmp_path / name).write_text(
            f"id: x{name[0]}\nchapter: t\ntitle: {{zh: 好, en: X}}\nmap: |\n  S..\n  ..G\n"
            f"troops: 10\nturns: {turns}\n", encoding="utf-8")
    (tmp_path / "d.yaml").write_text("map: [\n", encoding="utf-8")
    serial = run_check([tmp_path])
    parallel = run_check([tmp_path], jobs=3)
    assert [f.path for f in parallel.files] == [f.path for f in serial.files]
    assert ([without_timing(f.as_dict()) for f in parallel.files]
            == [without_timing(f.as_dict()) for f in serial.files])
    assert [f.ok for f in parallel.files] == [True, False, True, False]


def test_progress_is_reported_file_by_file(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    report = run_check([REPO / "levels" / "06-baozuo"], jobs=2,
                       progress=lambda done, total: seen.append((done, total)))
    assert seen == [(n, len(report.files)) for n in range(1, len(report.files) + 1)]


@pytest.mark.parametrize(("tty", "extra", "shown"),
                         [(True, [], True), (False, [], False), (True, ["--json"], False)])
def test_progress_line_only_on_a_terminal_without_json(
    tty: bool, extra: list[str], shown: bool,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: tty)
    assert main(["check", "levels/06-baozuo", *extra]) == 0
    out = capsys.readouterr().out
    files = len(list((REPO / "levels" / "06-baozuo").glob("*.yaml")))
    assert (f"\r checked {files}/{files}" in out) is shown
    assert ("\r" in out) is shown


def test_jobs_must_be_a_number(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["check", "--jobs", "many"])
    assert stop.value.code == 2
    assert "--jobs" in capsys.readouterr().err
