"""A quiz attempt: seeded draws and shuffles, answers by screen position, feedback, score."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content.quiz import QuestionType, Quiz, load_quiz
from game.i18n import Text
from game.quiz import QuizSession

SHIPPED_QUIZ = Path(__file__).resolve().parent.parent / "levels" / "01-xiangjiang" / "quiz.yaml"

BANK = """\
chapter: test
draw: 4
pass_percent: 50
questions:
  - id: single
    type: single
    prompt: {zh: 单选, en: Pick one}
    options:
      - {zh: 甲, en: one}
      - {zh: 乙, en: two}
      - {zh: 丙, en: three}
      - {zh: 丁, en: four}
    answer: C
    explanation: {zh: 因为丙。, en: Because three.}
    source: F1
  - id: truth
    type: truefalse
    prompt: {zh: 对吗, en: True?}
    answer: false
    explanation: {zh: 不对。, en: It is not.}
    source: F2
  - id: order
    type: order
    prompt: {zh: 排序, en: Order them}
    options:
      - {zh: 一, en: first}
      - {zh: 二, en: second}
      - {zh: 三, en: third}
    answer: [A, B, C]
    explanation: {zh: 按顺序。, en: In order.}
    source: F3
  - id: multi
    type: multiple
    prompt: {zh: 多选, en: Pick all}
    options:
      - {zh: 甲, en: one}
      - {zh: 乙, en: two}
      - {zh: 丙, en: three}
    answer: [A, C]
    explanation: {zh: 甲和丙。, en: One and three.}
    source: F4
"""


@pytest.fixture
def bank(tmp_path: Path) -> Quiz:
    path = tmp_path / "quiz.yaml"
    path.write_text(BANK, encoding="utf-8")
    return load_quiz(path)


@pytest.fixture(scope="module")
def shipped() -> Quiz:
    return load_quiz(SHIPPED_QUIZ)


def drawn(session: QuizSession) -> list[tuple[str, tuple[int, ...]]]:
    return [(asked.question.id, asked.order) for asked in session.asked]


def test_same_seed_same_questions_and_option_order(shipped: Quiz) -> None:
    first, second = QuizSession(shipped, 1234), QuizSession(shipped, 1234)
    assert drawn(first) == drawn(second)
    assert len(first.asked) == shipped.draw
    assert len({asked.question.id for asked in first.asked}) == shipped.draw


def test_different_seeds_differ(shipped: Quiz) -> None:
    assert drawn(QuizSession(shipped, 1)) != drawn(QuizSession(shipped, 2))
    draws = {tuple(drawn(QuizSession(shipped, seed))) for seed in range(20)}
    assert len(draws) > 10


def test_options_are_shuffled_for_some_seed(bank: Quiz) -> None:
    orders = {QuizSession(bank, seed).asked[0].order for seed in range(30)
              if QuizSession(bank, seed).asked[0].question.id == "single"}
    assert len(orders) > 1


@pytest.mark.parametrize("seed", range(10))
def test_the_shown_answer_is_correct(shipped: Quiz, seed: int) -> None:
    session = QuizSession(shipped, seed)
    for index, asked in enumerate(session.asked):
        feedback = session.answer(index, asked.shown_answer())
        assert feedback.correct, asked.question.id
        assert feedback.explanation == asked.question.explanation
    assert session.finished
    assert session.score == len(session.asked)
    assert session.passed


def test_a_wrong_answer_gets_the_right_answer_and_the_explanation(bank: Quiz) -> None:
    session = QuizSession(bank, 3)
    index = next(i for i, a in enumerate(session.asked) if a.question.id == "single")
    asked = session.asked[index]
    wrong = next(pos for pos in range(4) if (pos,) != asked.shown_answer())
    feedback = session.answer(index, (wrong,))
    assert not feedback.correct
    assert feedback.right_answer == Text("丙", "three")
    assert feedback.explanation == Text("因为丙。", "Because three.")
    assert session.results == {"single": False}


def test_order_and_multiple_feedback_text(bank: Quiz) -> None:
    session = QuizSession(bank, 5)
    by_id = {a.question.id: i for i, a in enumerate(session.asked)}
    order = session.answer(by_id["order"], (0, 1, 2))
    assert order.right_answer == Text("一 → 二 → 三", "first → second → third")
    multi = session.answer(by_id["multi"], ())
    assert not multi.correct
    assert multi.right_answer.en == "one; three"


def test_multiple_choice_answer_in_any_order(bank: Quiz) -> None:
    session = QuizSession(bank, 8)
    index = next(i for i, a in enumerate(session.asked) if a.question.id == "multi")
    shown = session.asked[index].shown_answer()
    assert session.answer(index, tuple(reversed(shown))).correct


def test_answers_are_read_as_screen_positions(bank: Quiz) -> None:
    for seed in range(10):
        session = QuizSession(bank, seed)
        index = next(i for i, a in enumerate(session.asked) if a.question.id == "single")
        asked = session.asked[index]
        # Bank option C (index 2) is shown at the position where order holds 2.
        assert asked.shown_answer() == (asked.order.index(2),)
        assert asked.to_bank(asked.shown_answer()) == (2,)


@pytest.mark.parametrize(("right", "passed"), [(4, True), (2, True), (1, False), (0, False)])
def test_score_and_pass_mark(bank: Quiz, right: int, passed: bool) -> None:
    session = QuizSession(bank, 11)
    for index, asked in enumerate(session.asked):
        if index < right:
            session.answer(index, asked.shown_answer())
        else:
            shown = asked.shown_answer()
            # A wrong answer: reverse an order, else pick a different single position.
            if asked.question.type is QuestionType.ORDER:
                wrong = tuple(reversed(shown))
            else:
                wrong = (next(p for p in range(len(asked.order)) if (p,) != shown),)
            assert not session.answer(index, wrong).correct
    assert session.finished
    assert session.score == right
    assert session.passed is passed  # pass_percent 50 of 4 questions: 2 right passes


def test_not_finished_until_every_question_is_answered(bank: Quiz) -> None:
    session = QuizSession(bank, 0)
    session.answer(0, session.asked[0].shown_answer())
    assert not session.finished
    assert session.score == 1


def test_truefalse_options_are_never_shuffled(bank: Quiz, shipped: Quiz) -> None:
    for quiz in (bank, shipped):
        for seed in range(50):
            for asked in QuizSession(quiz, seed).asked:
                if asked.question.type is QuestionType.TRUEFALSE:
                    assert asked.order == (0, 1)


def test_order_questions_are_never_shown_already_in_order(bank: Quiz, shipped: Quiz) -> None:
    seen = 0
    for quiz in (bank, shipped):
        for seed in range(200):
            for asked in QuizSession(quiz, seed).asked:
                if asked.question.type is QuestionType.ORDER:
                    seen += 1
                    assert asked.order != asked.question.answer, seed
                    assert asked.shown_answer() != tuple(range(len(asked.order)))
                    assert sorted(asked.order) == list(range(len(asked.order)))
    assert seen > 100
