"""A quiz in progress: questions drawn from a bank with a seed, answered one by one.

Pure Python, so the scene, autoplay and tests share it. The seed fixes which questions are
drawn and how their options are shuffled, so a retry with the same seed is the same quiz.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from game.content.quiz import LETTERS, Question, QuestionType, Quiz
from game.i18n import Text


def answer_key(question: Question, response: tuple[int, ...]) -> str:
    """An answer as the save keeps it: the bank's option letters (``"B"``, ``"AC"``; in the
    given order for an ordering question, sorted for a multiple choice)."""
    picked = sorted(response) if question.type is QuestionType.MULTIPLE else response
    return "".join(LETTERS[i] for i in picked if 0 <= i < len(LETTERS))


def answer_from_key(question: Question, key: str, lang: str) -> str | None:
    """The options an :func:`answer_key` names, as a pupil reads them; None if the key does
    not fit this question (the bank changed since)."""
    indices = [LETTERS.find(letter) for letter in key]
    if not key or any(not 0 <= i < len(question.options) for i in indices):
        return None
    parts = [question.options[i].zh if lang == "zh" else question.options[i].en for i in indices]
    joiner = " → " if question.type is QuestionType.ORDER else ";" if lang == "zh" else "; "
    return joiner.join(parts)


@dataclass(frozen=True, slots=True)
class AskedQuestion:
    """A question as shown: ``order[i]`` is the bank option shown in position ``i``."""

    question: Question
    order: tuple[int, ...]

    def to_bank(self, shown: tuple[int, ...]) -> tuple[int, ...]:
        """Translate positions on screen to the bank's option indices."""
        return tuple(self.order[i] for i in shown)

    def shown_answer(self) -> tuple[int, ...]:
        """The right answer as positions on screen (what autoplay clicks)."""
        return tuple(self.order.index(i) for i in self.question.answer)


@dataclass(frozen=True, slots=True)
class Feedback:
    """What the pupil sees after answering: right or wrong, the right answer, why."""

    correct: bool
    right_answer: Text
    explanation: Text


@dataclass
class QuizSession:
    """One attempt at a chapter's quiz."""

    quiz: Quiz
    seed: int
    asked: list[AskedQuestion] = field(init=False)
    results: dict[str, bool] = field(init=False, default_factory=dict)
    #: The answer given to each question, as :func:`answer_key` writes it.
    given: dict[str, str] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        rng = random.Random(self.seed)
        questions = rng.sample(list(self.quiz.questions), k=min(self.quiz.draw,
                                                                len(self.quiz.questions)))
        self.asked = []
        for question in questions:
            order = list(range(len(question.options)))
            if question.type is not QuestionType.TRUEFALSE:
                rng.shuffle(order)
                if question.type is QuestionType.ORDER and order == list(question.answer):
                    order.reverse()  # never show an ordering question already solved
            self.asked.append(AskedQuestion(question, tuple(order)))

    def answer(self, index: int, shown: tuple[int, ...]) -> Feedback:
        """Record the answer to question ``index`` given as positions on screen."""
        asked = self.asked[index]
        question = asked.question
        correct = question.is_correct(asked.to_bank(shown))
        self.results[question.id] = correct
        self.given[question.id] = answer_key(question, asked.to_bank(shown))
        return Feedback(correct, Text(question.answer_text("zh"), question.answer_text("en")),
                        question.explanation)

    @property
    def score(self) -> int:
        """Right answers so far."""
        return sum(self.results.values())

    @property
    def finished(self) -> bool:
        """Whether every drawn question has been answered."""
        return len(self.results) == len(self.asked)

    @property
    def passed(self) -> bool:
        """Whether the score reaches the bank's pass mark."""
        return self.score * 100 >= self.quiz.pass_percent * len(self.asked)
