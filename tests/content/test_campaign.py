"""The campaign: chapter folders in order, their levels and quiz, and nothing outside them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from game.content.campaign import load_campaign
from game.content.errors import ContentError, Problem
from game.i18n import Text

CAMPAIGN = """\
title: {zh: 长征, en: The Long March}
chapters:
  - 01-test
"""

# Line 7 holds the level list; "level-2.yaml" starts at column 24 of it.
CHAPTER = """\
id: test
title: {zh: 测试, en: Test}
date: {zh: 1934年, en: "1934"}
place: {zh: 湘江, en: The Xiang River}
briefing: {zh: 简报。, en: The briefing.}
sources: [X1]
levels: [level-1.yaml, level-2.yaml]
quiz: quiz.yaml
card:
  facts:
    - {zh: 事实, en: A fact.}
  quote: {zh: 诗句, en: A line.}
  quote_source: {zh: 毛泽东, en: Mao Zedong}
"""

LEVEL = """\
id: {id}
chapter: {chapter}
title: {{zh: 关, en: Level}}
map: |
  S.G
troops: 10
turns: 5
"""

QUIZ = """\
chapter: {chapter}
draw: 1
questions:
  - id: q1
    type: truefalse
    prompt: {{zh: 对吗, en: True?}}
    answer: true
    explanation: {{zh: 解释, en: Because.}}
    source: X1
"""


def build(
    tmp_path: Path,
    *,
    campaign: str = CAMPAIGN,
    chapter: str = CHAPTER,
    level_2_chapter: str = "test",
    quiz_chapter: str = "test",
) -> Path:
    """A campaign folder ``tmp_path/camp`` with one chapter of two levels and a quiz."""
    root = tmp_path / "camp"
    folder = root / "01-test"
    folder.mkdir(parents=True)
    (root / "campaign.yaml").write_text(campaign, encoding="utf-8")
    (folder / "chapter.yaml").write_text(chapter, encoding="utf-8")
    (folder / "level-1.yaml").write_text(LEVEL.format(id="test-1", chapter="test"), "utf-8")
    (folder / "level-2.yaml").write_text(LEVEL.format(id="test-2", chapter=level_2_chapter),
                                         "utf-8")
    (folder / "quiz.yaml").write_text(QUIZ.format(chapter=quiz_chapter), encoding="utf-8")
    return root


def problems_of(root: Path) -> list[Problem]:
    with pytest.raises(ContentError) as error:
        load_campaign(root)
    return list(error.value.problems)


def only_problem(root: Path) -> Problem:
    found = problems_of(root)
    assert len(found) == 1, found
    return found[0]


def test_valid_campaign_loads(tmp_path: Path) -> None:
    campaign = load_campaign(build(tmp_path))
    assert campaign.title == Text("长征", "The Long March")
    (chapter,) = campaign.chapters
    assert chapter.id == "test"
    assert [level.id for level in chapter.levels] == ["test-1", "test-2"]
    assert chapter.quiz is not None and len(chapter.quiz.questions) == 1
    assert chapter.card is not None and chapter.card.facts == (Text("事实", "A fact."),)
    assert chapter.date == Text("1934年", "1934")
    assert campaign.chapter("test") is chapter
    # Paths are shown relative to the folder that holds the campaign.
    assert chapter.levels[0].source == "camp/01-test/level-1.yaml"


def test_missing_chapter_folder(tmp_path: Path) -> None:
    root = build(tmp_path, campaign=CAMPAIGN + "  - 02-missing\n")
    problem = only_problem(root)
    assert (problem.path, problem.line, problem.column) == ("camp/campaign.yaml", 4, 5)
    assert 'no chapter folder "02-missing" with a chapter.yaml inside camp/' in problem.message


def test_level_listed_but_absent_suggests_the_file(tmp_path: Path) -> None:
    root = build(tmp_path, chapter=CHAPTER.replace("level-2.yaml]", "levle-2.yaml]"))
    problem = only_problem(root)
    assert (problem.path, problem.line, problem.column) == ("camp/01-test/chapter.yaml", 7, 24)
    assert problem.message == ('no level file "levle-2.yaml" in this chapter folder '
                               '(did you mean "level-2.yaml"?)')


def test_quiz_listed_but_absent(tmp_path: Path) -> None:
    root = build(tmp_path, chapter=CHAPTER.replace("quiz: quiz.yaml", "quiz: quizz.yaml"))
    problem = only_problem(root)
    assert (problem.path, problem.line, problem.column) == ("camp/01-test/chapter.yaml", 8, 7)
    assert 'no quiz file "quizz.yaml" in this chapter folder' in problem.message


def test_level_in_the_wrong_chapter(tmp_path: Path) -> None:
    problem = only_problem(build(tmp_path, level_2_chapter="tset"))
    assert problem.path == "camp/01-test/level-2.yaml"
    assert problem.message == ('chapter: says "tset" but this level is listed in chapter "test" '
                               '(did you mean "test"?)')


def test_level_in_the_wrong_chapter_points_at_its_chapter_line(tmp_path: Path) -> None:
    problem = only_problem(build(tmp_path, level_2_chapter="tset"))
    assert (problem.line, problem.column) == (2, 10)


def test_quiz_in_the_wrong_chapter(tmp_path: Path) -> None:
    problem = only_problem(build(tmp_path, quiz_chapter="other"))
    assert problem.path == "camp/01-test/quiz.yaml"
    assert 'chapter: says "other" but this quiz belongs to chapter "test"' in problem.message


def test_duplicate_level_ids(tmp_path: Path) -> None:
    root = build(tmp_path)
    (root / "01-test" / "level-2.yaml").write_text(LEVEL.format(id="test-1", chapter="test"),
                                                   encoding="utf-8")
    problem = only_problem(root)
    assert (problem.path, problem.line, problem.column) == ("camp/01-test/chapter.yaml", 7, 24)
    assert 'the level id "test-1" is also used by camp/01-test/level-1.yaml' in problem.message


@pytest.mark.parametrize("name", ["../outside.yaml", "../camp/../outside.yaml"])
def test_a_level_path_leaving_the_folder_is_refused(tmp_path: Path, name: str) -> None:
    root = build(tmp_path, chapter=CHAPTER.replace("level-2.yaml]", f"{name}]"))
    # A perfectly good level sits there, and must still not be read.
    (root / "outside.yaml").write_text(LEVEL.format(id="test-2", chapter="test"), "utf-8")
    problem = only_problem(root)
    assert (problem.path, problem.line) == ("camp/01-test/chapter.yaml", 7)
    assert f'no level file "{name}" in this chapter folder' in problem.message


def test_an_absolute_level_path_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text(LEVEL.format(id="test-2", chapter="test"), encoding="utf-8")
    root = build(tmp_path, chapter=CHAPTER.replace("level-2.yaml]", f"{outside}]"))
    problem = only_problem(root)
    assert (problem.line, problem.column) == (7, 24)
    assert "must be a file name inside this folder" in problem.message


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_a_link_leading_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    root = build(tmp_path)
    outside = tmp_path / "outside.yaml"
    outside.write_text(LEVEL.format(id="test-2", chapter="test"), encoding="utf-8")
    link = root / "01-test" / "level-2.yaml"
    link.unlink()
    link.symlink_to(outside)
    problem = only_problem(root)
    assert problem.message.startswith('the level file "level-2.yaml": this is a link to a '
                                      "place outside the folder")


def test_a_chapter_folder_leaving_the_campaign_is_refused(tmp_path: Path) -> None:
    root = build(tmp_path, campaign=CAMPAIGN + "  - ../elsewhere\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "chapter.yaml").write_text(CHAPTER, encoding="utf-8")
    problem = only_problem(root)
    assert (problem.path, problem.line, problem.column) == ("camp/campaign.yaml", 4, 5)
    assert 'no chapter folder "../elsewhere"' in problem.message


def test_problems_in_every_file_are_reported_at_once(tmp_path: Path) -> None:
    root = build(tmp_path, chapter=CHAPTER.replace("sources: [X1]", "sources: X1"),
                 campaign=CAMPAIGN + "  - 02-missing\n")
    found = problems_of(root)
    assert [(p.path, p.line) for p in found] == [
        ("camp/01-test/chapter.yaml", 6),
        ("camp/campaign.yaml", 4),
    ]


def test_problems_in_levels_and_quiz_are_reported_with_the_chapter(tmp_path: Path) -> None:
    root = build(tmp_path, quiz_chapter="other")
    (root / "01-test" / "level-1.yaml").write_text(
        LEVEL.format(id="test-1", chapter="test").replace("troops: 10", "troops: many"),
        encoding="utf-8")
    found = problems_of(root)
    assert [(p.path, p.line, p.column) for p in found] == [
        ("camp/01-test/level-1.yaml", 6, 9),
        ("camp/01-test/quiz.yaml", 1, 10),
    ]


def test_missing_campaign_file(tmp_path: Path) -> None:
    root = tmp_path / "empty"
    root.mkdir()
    problem = only_problem(root)
    assert problem.path == "empty/campaign.yaml"
    assert "cannot read the file" in problem.message


def test_a_drafted_chapter_without_levels_cannot_be_in_the_campaign(tmp_path: Path) -> None:
    root = build(tmp_path, chapter=CHAPTER.replace("levels: [level-1.yaml, level-2.yaml]",
                                                   "levels: []"))
    problem = only_problem(root)
    assert (problem.path, problem.line) == ("camp/campaign.yaml", 3)
    assert 'the chapter "test" has no levels yet' in problem.message


def test_a_drafted_chapter_checked_on_its_own_passes_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from game.cli import main

    root = build(tmp_path, chapter=CHAPTER.replace("levels: [level-1.yaml, level-2.yaml]",
                                                   "levels: []"))
    assert main(["check", str(root / "01-test" / "chapter.yaml")]) == 0
    assert "has no levels yet" in capsys.readouterr().out
