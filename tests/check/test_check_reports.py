"""``check --junit FILE`` and ``check --report FILE.html``: files for CI and for people."""

from __future__ import annotations

import base64
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from game.cli import main

REPO = Path(__file__).resolve().parents[2]
LEVELS = REPO / "levels"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

UNSOLVABLE_LEVEL = """\
id: walled
chapter: test
title: {zh: 墙, en: Walled <in>}
map: |
  S.~,G
  ..~,,
troops: 10
turns: 10
"""


@pytest.fixture
def pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two shipped chapters (quick to solve) and one level nobody can win."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "pack"
    for chapter in ("05-snow-mountains", "06-baozuo"):
        shutil.copytree(LEVELS / chapter, folder / chapter)
    (folder / "walled.yaml").write_text(UNSOLVABLE_LEVEL, encoding="utf-8")
    return folder


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> int:
    code = main(argv)
    capsys.readouterr()
    return code


def test_junit_has_one_case_per_file_and_the_failures(
    pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["check", "pack", "--junit", "out.xml"], capsys) == 1
    root = ET.parse("out.xml").getroot()
    (suite,) = root.iter("testsuite")
    cases = suite.findall("testcase")
    files = sorted(str(p.relative_to(pack.parent)) for p in pack.rglob("*.yaml"))
    assert sorted(case.get("name", "") for case in cases) == files
    assert suite.get("tests") == str(len(files)) == str(len(cases))
    assert suite.get("failures") == "1"
    assert float(suite.get("time", "-1")) >= 0
    by_name = {case.get("name"): case for case in cases}
    failure = by_name["pack/walled.yaml"].find("failure")
    assert failure is not None
    assert "no way to win" in failure.get("message", "")
    assert "pack/walled.yaml" in (failure.text or "")
    assert by_name["pack/05-snow-mountains/level-1.yaml"].get("classname") == "snow-mountains"
    assert by_name["pack/06-baozuo/quiz.yaml"].get("classname") == "baozuo"
    assert by_name["pack/06-baozuo/chapter.yaml"].get("classname") == "chapter"
    assert sum(case.find("failure") is not None for case in cases) == 1


def test_html_report_is_one_self_contained_page(
    pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["check", "pack", "--report", "report.html"], capsys) == 1
    page = Path("report.html").read_text(encoding="utf-8")
    levels = [*pack.rglob("level-*.yaml"), pack / "walled.yaml"]
    assert len(levels) >= 5
    assert page.count("data:image/png;base64,") == len(levels)  # one map per level
    for chapter in ("雪山之行", "The Snow Mountains", "包座战役", "The Battle of Baozuo"):
        assert chapter in page
    assert 'src="http' not in page and 'href="http' not in page
    assert "<link" not in page and "<script" not in page
    assert "Walled &lt;in&gt;" in page  # text is escaped
    assert "no way to win" in page
    assert re.search(r"Questions · 题目:</b> \d+ questions", page)
    for encoded in re.findall(r"data:image/png;base64,([A-Za-z0-9+/=]+)", page):
        assert base64.b64decode(encoded).startswith(PNG_SIGNATURE)


def test_report_files_that_cannot_be_written_exit_2(
    pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["check", "pack/06-baozuo/level-1.yaml", "--junit", "missing/out.xml"])
    assert code == 2
    assert "cannot write" in capsys.readouterr().err
