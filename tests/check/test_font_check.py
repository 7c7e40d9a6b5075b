"""Player-facing text the shipped font cannot draw is an error, at its line and column."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.check.fonts import check_fonts, shipped_codepoints
from game.cli import main

MISSING = "\U00020000"  # 𠀀, outside the shipped (subset) font

LEVEL = f"""\
id: boxes
chapter: test
title: {{zh: 好{MISSING}, en: Boxes}}
intro:
  zh: >-
    第一行
    第二{MISSING}行
  en: "Escaped \\U00020000 here"
map: |
  S..
  ..G
troops: 10
turns: 10
"""

QUIZ = f"""\
chapter: test
draw: 1
questions:
  - id: q1
    type: single
    prompt: {{zh: 对吗, en: True?}}
    options:
      - {{zh: 甲, en: A}}
      - {{zh: 乙{MISSING}, en: B}}
    answer: A
    explanation: {{zh: 解释, en: Because.}}
    source: {MISSING}
"""


def test_the_test_character_is_really_missing() -> None:
    assert ord(MISSING) not in shipped_codepoints()
    assert ord("好") in shipped_codepoints()


def test_level_text_outside_the_font_is_reported_where_it_stands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("boxes.yaml").write_text(LEVEL, encoding="utf-8")
    code = main(["check", "boxes.yaml", "--json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 1
    (level,) = report["levels"]
    assert level["solvable"] is True  # the level itself is fine
    places = [(e["line"], e["column"]) for e in level["errors"]]
    lines = LEVEL.splitlines()
    # the title and the folded intro where the character is; the escaped one only where
    # its text starts (line 8, after 'en: ')
    assert places == [(3, lines[2].index(MISSING) + 1), (7, lines[6].index(MISSING) + 1),
                      (8, 7)]
    assert places[:2] == [(3, 14), (7, 7)]
    assert all("U+20000" in e["message"] and e["path"] == "boxes.yaml"
               for e in level["errors"])


def test_quiz_options_are_checked_but_not_author_only_fields(tmp_path: Path) -> None:
    path = tmp_path / "quiz.yaml"
    path.write_text(QUIZ, encoding="utf-8")
    problems = check_fonts(path, "quiz.yaml", "quiz")
    column = QUIZ.splitlines()[8].index(MISSING) + 1
    assert [(p.line, p.column) for p in problems] == [(9, column)]  # not source: (line 12)


def test_chapter_and_ending_texts_are_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    levels = Path(__file__).resolve().parents[2] / "levels"
    chapter = (levels / "06-baozuo" / "chapter.yaml").read_text(encoding="utf-8")
    folder = Path("06-baozuo")
    folder.mkdir()
    for name in [p.name for p in (levels / "06-baozuo").glob("level-*.yaml")] + ["quiz.yaml"]:
        (folder / name).write_text((levels / "06-baozuo" / name).read_text(encoding="utf-8"),
                                   encoding="utf-8")
    lines = chapter.splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith("place:")) + 1
    lines[number] = lines[number].replace("zh: ", f"zh: {MISSING}", 1)
    (folder / "chapter.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["check", "06-baozuo/chapter.yaml", "--json"]) == 1
    (entry,) = json.loads(capsys.readouterr().out)["campaign"]
    (problem,) = entry["errors"]
    assert (problem["line"], problem["column"]) == (number + 1, lines[number].index(MISSING) + 1)


def test_unreadable_files_give_no_font_problems(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("title: [unclosed\n", encoding="utf-8")
    assert check_fonts(path, "broken.yaml", "level") == []
    assert check_fonts(tmp_path / "none.yaml", "none.yaml", "level") == []


SOURCES = f"""\
sources:
  - id: A1
    title: 《长征》 李{MISSING}
    publisher: 人民出版社
    kind: academic
    note: 注{MISSING} (for authors only)
  - id: B2
    title: Plain title
    publisher: "出版{MISSING}"
    address: http://example.com/{MISSING}
    kind: weak
"""


def test_the_bibliography_the_credits_show_is_checked_but_not_its_notes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The credits screen lists each source's title, publisher and date: a name outside the
    # font (as 喆 in 李喆 once was) is an error there; note: and address: are not shown as text.
    monkeypatch.chdir(tmp_path)
    Path("sources.yaml").write_text(SOURCES, encoding="utf-8")
    problems = check_fonts(Path("sources.yaml"), "sources.yaml", "sources")
    lines = SOURCES.splitlines()
    assert [(p.line, p.column) for p in problems] == [
        (3, lines[2].index(MISSING) + 1), (9, lines[8].index(MISSING) + 1)]
    assert all("U+20000" in p.message for p in problems)
    assert main(["check", "sources.yaml", "--json"]) == 1
    (entry,) = json.loads(capsys.readouterr().out)["campaign"]
    assert [(e["line"], e["column"]) for e in entry["errors"]] == [
        (p.line, p.column) for p in problems]
