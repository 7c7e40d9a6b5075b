"""Error messages an author can act on: all problems at once, did-you-mean, YAML traps."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from game.check.runner import run_check
from game.content.campaign import load_campaign
from game.content.errors import ContentError, Problem
from game.content.levels import load_level
from game.content.quiz import load_quiz
from game.content.schema import INVALID, Bool, Context, Int

# Line numbers below refer to these texts as written.
LEVEL = """\
id: test-1
chapter: alpha
title: {zh: 关, en: Level}
map: |
  ^^^^^^^
  G,~..TS
  G,-....
  G,~A.T.
  ^^^^^^^
troops: 10
turns: 12
patrols:
  A: {route: ".", sight: 0}
"""

QUIZ = """\
chapter: alpha
draw: 2
questions:
  - id: q1
    type: truefalse
    prompt: {zh: 对吗, en: True?}
    answer: true
    explanation: {zh: 解释, en: Because.}
    source: X1
  - id: q2
    type: single
    prompt: {zh: 哪个, en: Which?}
    options: [{zh: 甲, en: one}, {zh: 乙, en: two}]
    answer: A
    explanation: {zh: 解释, en: Because.}
    source: X1
"""

CAMPAIGN = """\
title: {zh: 长征, en: The Long March}
chapters: [01-alpha, 02-bravo]
route:
  - name: {zh: 甲地, en: Alpha}
    at: [10, 10]
    chapter: alpha
  - name: {zh: 乙地, en: Bravo}
    at: [20, 20]
    chapter: bravo
"""

CHAPTER = """\
id: {id}
title: {{zh: 章, en: Chapter}}
date: {{zh: 1934年, en: "1934"}}
place: {{zh: 湘江, en: The Xiang River}}
briefing: {{zh: 简报。, en: The briefing.}}
sources: [X1]
levels: [level-1.yaml]
quiz: quiz.yaml
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(load: Callable[[Path], object], path: Path) -> list[Problem]:
    with pytest.raises(ContentError) as caught:
        load(path)
    return list(caught.value.problems)


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, problems
    return problems[0]


def campaign(tmp_path: Path, *, level_chapter: str = "alpha", quiz_chapter: str = "alpha",
             quiz: str = QUIZ) -> Path:
    """Two chapters, alpha and bravo, each with one level and a quiz."""
    root = tmp_path / "camp"
    write(root, "campaign.yaml", CAMPAIGN)
    for folder, chapter_id in (("01-alpha", "alpha"), ("02-bravo", "bravo")):
        write(root, f"{folder}/chapter.yaml", CHAPTER.format(id=chapter_id))
        level_said = level_chapter if chapter_id == "alpha" else chapter_id
        quiz_said = quiz_chapter if chapter_id == "alpha" else chapter_id
        write(root, f"{folder}/level-1.yaml",
              LEVEL.replace("test-1", f"{chapter_id}-1").replace("alpha", level_said))
        write(root, f"{folder}/quiz.yaml", quiz.replace("alpha", quiz_said))
    return root


def campaign_problems(root: Path) -> list[Problem]:
    with pytest.raises(ContentError) as caught:
        load_campaign(root)
    return list(caught.value.problems)


# ------------------------------------------------------------ chapter ids, through the campaign


def test_level_chapter_close_to_its_own_chapter(tmp_path: Path) -> None:
    problem = only(campaign_problems(campaign(tmp_path, level_chapter="alpah")))
    assert problem.path == "camp/01-alpha/level-1.yaml"
    assert (problem.line, problem.column) == (2, 10)
    assert problem.message == ('chapter: says "alpah" but this level is listed in chapter '
                               '"alpha" (did you mean "alpha"?)')


def test_level_chapter_close_to_another_chapter_of_the_campaign(tmp_path: Path) -> None:
    problem = only(campaign_problems(campaign(tmp_path, level_chapter="bravoo")))
    assert (problem.path, problem.line, problem.column) == ("camp/01-alpha/level-1.yaml", 2, 10)
    assert problem.message == ('chapter: says "bravoo" but this level is listed in chapter '
                               '"alpha" (no chapter has the id "bravoo"; did you mean '
                               '"bravo"?)')


def test_level_naming_another_real_chapter_gets_no_did_you_mean(tmp_path: Path) -> None:
    problem = only(campaign_problems(campaign(tmp_path, level_chapter="bravo")))
    assert problem.message == ('chapter: says "bravo" but this level is listed in chapter '
                               '"alpha"')


def test_quiz_chapter_gets_a_did_you_mean_too(tmp_path: Path) -> None:
    problem = only(campaign_problems(campaign(tmp_path, quiz_chapter="brav")))
    assert (problem.path, problem.line, problem.column) == ("camp/01-alpha/quiz.yaml", 1, 10)
    assert problem.message == ('chapter: says "brav" but this quiz belongs to chapter "alpha" '
                               '(no chapter has the id "brav"; did you mean "bravo"?)')


def test_checking_the_folder_reports_the_chapter_typo_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    root = campaign(tmp_path, level_chapter="bravoo")
    for paths in ([root], [root / "01-alpha" / "chapter.yaml"]):
        report = run_check(paths)
        messages = [str(p) for f in report.files for p in f.errors]
        assert messages == ['camp/01-alpha/level-1.yaml:2:10: chapter: says "bravoo" but this '
                            'level is listed in chapter "alpha" (no chapter has the id '
                            '"bravoo"; did you mean "bravo"?)']


def test_a_broken_chapter_does_not_make_its_route_stop_unknown(tmp_path: Path) -> None:
    problems = campaign_problems(campaign(tmp_path, level_chapter="alpah"))
    assert not any("no chapter" in p.message and p.path.endswith("campaign.yaml")
                   for p in problems), problems


# ------------------------------------------------------------ yes / no / on / off


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "On"])
def test_unquoted_yes_no_on_off_where_a_number_is_expected(tmp_path: Path, word: str) -> None:
    path = write(tmp_path, "level.yaml", LEVEL.replace("troops: 10", f"troops: {word}"))
    problem = only(problems_of(load_level, path))
    assert (problem.line, problem.column) == (10, 9)
    assert problem.message == (f'expected a whole number, found "{word}"; YAML reads an '
                               "unquoted yes/no/on/off as true/false, so write a number here")


def test_a_quoted_or_other_word_gets_no_yaml_hint(tmp_path: Path) -> None:
    path = write(tmp_path, "level.yaml", LEVEL.replace("turns: 12", 'turns: "yes"'))
    problem = only(problems_of(load_level, path))
    assert (problem.line, problem.column) == (11, 8)
    assert problem.message == 'expected a whole number, found "yes"'
    path = write(tmp_path, "level.yaml", LEVEL.replace("turns: 12", "turns: many"))
    assert only(problems_of(load_level, path)).message == 'expected a whole number, found "many"'


@pytest.mark.parametrize("word", ["on", "off"])
def test_unquoted_on_off_as_a_truefalse_answer(tmp_path: Path, word: str) -> None:
    path = write(tmp_path, "quiz.yaml", QUIZ.replace("answer: true", f"answer: {word}"))
    problem = only(problems_of(load_quiz, path))
    assert (problem.line, problem.column) == (7, 13)
    assert problem.message == (f'a truefalse answer must be true or false, found "{word}"; '
                               "YAML reads an unquoted yes/no/on/off as true/false, so write "
                               "true or false")


def test_unquoted_yes_no_on_off_where_true_or_false_is_expected() -> None:
    ctx = Context("x.yaml")
    node = yaml.compose("flag: off").value[0][1]
    assert Bool().validate(node, ctx) is INVALID
    assert str(ctx.problems[0]) == ('x.yaml:1:7: expected true or false, found "off"; YAML '
                                    "reads an unquoted yes/no/on/off as true/false, so write "
                                    "true or false")


def test_the_number_spec_names_the_yaml_trap() -> None:
    ctx = Context("x.yaml")
    Int().validate(yaml.compose("n: NO").value[0][1], ctx)
    assert "YAML reads an unquoted yes/no/on/off as true/false" in ctx.problems[0].message


# ------------------------------------------------------------ map characters


@pytest.mark.parametrize(("row", "line", "column", "hint"), [
    ("  G,~..tS", 6, 8, '"T" (forest)'),
    ("  g,-....", 7, 3, '"G" (bank + goal)'),
    ("  G,~a.T.", 8, 6, '"A" (the patrol)'),
])
def test_a_map_character_in_the_wrong_case(
    tmp_path: Path, row: str, line: int, column: int, hint: str
) -> None:
    lines = LEVEL.splitlines()
    lines[line - 1] = row
    path = write(tmp_path, "level.yaml", "\n".join(lines) + "\n")
    bad = row[column - 1]
    problem = only(problems_of(load_level, path))
    assert (problem.line, problem.column) == (line, column)
    upper = bad.upper()
    assert problem.message.startswith(f'unknown map character "{bad}" (row {line - 4}, column '
                                      f"{column - 2}); did you mean {hint}? Map characters "
                                      f'are case-sensitive, so "{bad}" and "{upper}" are '
                                      "different; otherwise use one of ")
    assert problem.message.endswith(" or add it to legend:")


def test_an_unknown_map_character_lists_the_legend(tmp_path: Path) -> None:
    path = write(tmp_path, "level.yaml", LEVEL.replace("G,-....", "G,-..x."))
    problem = only(problems_of(load_level, path))
    assert (problem.line, problem.column) == (7, 8)
    assert problem.message == ('unknown map character "x" (row 3, column 6); use one of '
                               'these: " # % * , - . = A G S T ^ _ ~ or add it to legend:')


# ------------------------------------------------------------ question ids, all at once


def test_a_duplicate_question_id_names_both_lines(tmp_path: Path) -> None:
    path = write(tmp_path, "quiz.yaml", QUIZ.replace("id: q2", "id: q1"))
    problem = only(problems_of(load_quiz, path))
    assert (problem.line, problem.column) == (10, 9)
    assert problem.message == ('the question id "q1" is used twice (first on line 4); ids must '
                               "be unique")


def test_every_quiz_problem_at_once(tmp_path: Path) -> None:
    text = """\
chapter: alpha
draw: 3
questions:
  - id: q1
    type: truefalse
    prompt: {zh: 对吗, en: True?}
    answer: on
    explanation: {zh: 解释, en: Because.}
    source: X1
  - id: q1
    type: singel
    prompt: {zh: 哪个, en: Which?}
    options: [{zh: 甲, en: one}, {zh: 乙, en: two}]
    answer: A
    explanation: {zh: 解释, en: Because.}
    sauce: X1
"""
    problems = problems_of(load_quiz, write(tmp_path, "quiz.yaml", text))
    found = [(p.line, p.column, p.message.split(";")[0]) for p in problems]
    assert found == [
        (2, 7, "draw asks for 3 questions but the bank has only 2"),
        (7, 13, 'a truefalse answer must be true or false, found "on"'),
        (10, 5, 'missing key "source" in a question'),
        (10, 9, 'the question id "q1" is used twice (first on line 4)'),
        (11, 11, '"singel" is not one of: single, multiple, truefalse, order (did you mean '
                 '"single"?)'),
        (16, 5, 'unknown key "sauce" (did you mean "source"?)'),
    ]
