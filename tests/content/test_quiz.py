"""Quiz banks: answers become option indices; every mistake has a line, column and message."""

from __future__ import annotations

from pathlib import Path

import problems as helpers
import pytest

from game.content.errors import Problem
from game.content.quiz import TRUE_FALSE_OPTIONS, QuestionType, load_quiz
from game.i18n import Text

# Line numbers below refer to this text as written.
VALID = """\
chapter: test
draw: 2
pass_percent: 50
questions:
  - id: q1
    type: single
    prompt: {zh: 问题一, en: Question one}
    options:
      - {zh: 甲, en: one}
      - {zh: 乙, en: two}
      - {zh: 丙, en: three}
      - {zh: 丁, en: four}
    answer: B
    explanation: {zh: 解释, en: Because.}
    source: F1
  - id: q2
    type: truefalse
    prompt: {zh: 对吗, en: True?}
    answer: true
    explanation: {zh: 解释, en: Because.}
    source: F2
  - id: q3
    type: order
    prompt: {zh: 排序, en: Order them}
    options:
      - {zh: 一, en: first}
      - {zh: 二, en: second}
      - {zh: 三, en: third}
    answer: [C, A, B]
    explanation: {zh: 解释, en: Because.}
    source: F3
  - id: q4
    type: multiple
    prompt: {zh: 多选, en: Pick all}
    options:
      - {zh: 甲, en: one}
      - {zh: 乙, en: two}
      - {zh: 丙, en: three}
    answer: [A, C]
    explanation: {zh: 解释, en: Because.}
    source: F4
"""


def write(tmp_path: Path, text: str) -> Path:
    return helpers.write(tmp_path, text, "quiz.yaml")


def problems_of(tmp_path: Path, text: str) -> list[Problem]:
    return helpers.problems(load_quiz, write(tmp_path, text), "bad-quiz.yaml")


def only_problem(tmp_path: Path, text: str) -> Problem:
    return helpers.only(problems_of(tmp_path, text))


def changed(old: str, new: str, text: str = VALID) -> str:
    return helpers.changed(old, new, text)


assert_at = helpers.assert_at


def test_valid_bank_loads_answers_as_indices(tmp_path: Path) -> None:
    quiz = load_quiz(write(tmp_path, VALID))
    assert (quiz.chapter, quiz.draw, quiz.pass_percent) == ("test", 2, 50)
    q1, q2, q3, q4 = quiz.questions
    assert (q1.type, q1.answer) == (QuestionType.SINGLE, (1,))
    assert (q2.type, q2.answer, q2.options) == (QuestionType.TRUEFALSE, (0,), TRUE_FALSE_OPTIONS)
    assert (q3.type, q3.answer) == (QuestionType.ORDER, (2, 0, 1))
    assert (q4.type, q4.answer) == (QuestionType.MULTIPLE, (0, 2))
    assert q1.options[1] == Text("乙", "two")
    assert q1.source == "F1"


def test_answers_are_checked_as_the_type_says(tmp_path: Path) -> None:
    q1, q2, q3, q4 = load_quiz(write(tmp_path, VALID)).questions
    assert q1.is_correct((1,)) and not q1.is_correct((0,))
    assert q2.is_correct((0,)) and not q2.is_correct((1,))
    assert q3.is_correct((2, 0, 1)) and not q3.is_correct((0, 1, 2))
    assert q4.is_correct((2, 0)) and not q4.is_correct((0,))
    assert q3.answer_text("en") == "third → first → second"
    assert q4.answer_text("en") == "one; three"


def test_default_pass_percent(tmp_path: Path) -> None:
    quiz = load_quiz(write(tmp_path, changed("pass_percent: 50\n", "")))
    assert (quiz.draw, quiz.pass_percent) == (2, 60)


def test_default_draw_of_five_needs_five_questions(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, changed("draw: 2\n", ""))
    assert_at(problem, 1, 1, "draw asks for 5 questions but the bank has only 4")


@pytest.mark.parametrize(("word", "index"), [("false", 1), ("no", 1), ("yes", 0), ("错误", 1)])
def test_truefalse_answer_words(tmp_path: Path, word: str, index: int) -> None:
    quiz = load_quiz(write(tmp_path, changed("answer: true", f"answer: {word}")))
    assert quiz.questions[1].answer == (index,)


def test_answer_letter_out_of_range(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, changed("answer: B", "answer: E"))
    assert_at(problem, 13, 13, "answer E is out of range: this question has 4 options (A–D)")


def test_answer_not_a_letter(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, changed("answer: B", "answer: 2"))
    assert_at(problem, 13, 13, '"2" is not an option letter')


def test_bad_truefalse_answer(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, changed("answer: true", "answer: maybe"))
    assert_at(problem, 19, 13, 'a truefalse answer must be true or false, found "maybe"')


def test_truefalse_with_options_is_refused(tmp_path: Path) -> None:
    text = changed("    answer: true\n",
                   "    options: [{zh: 对, en: yes}, {zh: 错, en: no}]\n    answer: true\n")
    problem = only_problem(tmp_path, text)
    assert_at(problem, 19, 14, "a truefalse question has no options")


def test_order_answer_must_be_a_permutation(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, changed("answer: [C, A, B]", "answer: [C, A]"))
    assert_at(problem, 29, 13, "an order answer lists every option once, in the right order "
                               "(here 3 letters)")


def test_repeated_answer_letter(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, changed("answer: [C, A, B]", "answer: [C, A, A]"))
    assert_at(problem, 29, 13, "an answer letter is repeated")


def test_single_choice_with_two_letters(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, changed("answer: B", "answer: [A, B]"))
    assert_at(problem, 13, 13, "a single-choice question has exactly one answer letter")


def test_single_choice_without_options(tmp_path: Path) -> None:
    text = changed("""\
    options:
      - {zh: 甲, en: one}
      - {zh: 乙, en: two}
      - {zh: 丙, en: three}
      - {zh: 丁, en: four}
""", "")
    problem = only_problem(tmp_path, text)
    assert_at(problem, 5, 5, 'missing key "options": a single question needs them')


def test_duplicate_question_ids_name_both_lines(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, changed("- id: q3", "- id: q1"))
    assert_at(problem, 22, 9, 'the question id "q1" is used twice (first on line 5)')


def test_draw_larger_than_the_bank(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, changed("draw: 2", "draw: 9"))
    assert_at(problem, 2, 7, "draw asks for 9 questions but the bank has only 4")


def test_unknown_question_key_suggests(tmp_path: Path) -> None:
    # The question lacks "source" (reported at its first key) and has "sauce".
    found = problems_of(tmp_path, changed("    source: F1\n", "    sauce: F1\n"))
    assert [(p.line, p.column) for p in found] == [(5, 5), (15, 5)]
    assert 'missing key "source" in a question' in found[0].message
    assert 'unknown key "sauce" (did you mean "source"?)' in found[1].message


def test_unknown_question_type_suggests(tmp_path: Path) -> None:
    problem = only_problem(tmp_path, changed("type: multiple", "type: multi"))
    assert_at(problem, 33, 11, '"multi" is not one of: single, multiple, truefalse, order '
                               '(did you mean "multiple"?)')


def test_yaml_11_retyping_is_undone(tmp_path: Path) -> None:
    text = (VALID.replace("prompt: {zh: 对吗, en: True?}", "prompt: {zh: no, en: on}")
            .replace("- {zh: 乙, en: two}", "- {zh: 1:30, en: 1:30}")
            .replace("source: F2", "source: 1:30"))
    quiz = load_quiz(write(tmp_path, text))
    q1, q2 = quiz.questions[0], quiz.questions[1]
    assert q2.prompt == Text("no", "on")
    assert q2.source == "1:30"
    assert q1.options[1] == Text("1:30", "1:30")
    # The order question's "two" was replaced as well: it still reads as text.
    assert quiz.questions[3].options[1] == Text("1:30", "1:30")


def test_several_problems_are_reported_at_once(tmp_path: Path) -> None:
    text = (VALID.replace("answer: B", "answer: E")
            .replace("answer: true", "answer: maybe")
            .replace("answer: [C, A, B]", "answer: [C, A]"))
    found = problems_of(tmp_path, text)
    assert [(p.line, p.column) for p in found] == [(13, 13), (19, 13), (29, 13)]


def test_several_spec_problems_are_reported_at_once(tmp_path: Path) -> None:
    text = (VALID.replace("draw: 2", "draw: lots")
            .replace("prompt: {zh: 问题一, en: Question one}", "prompt: {zh: 问题一}")
            .replace("type: order", "type: sort"))
    found = problems_of(tmp_path, text)
    assert [(p.line, p.column) for p in found] == [(2, 7), (7, 13), (23, 11)]
