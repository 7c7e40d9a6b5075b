"""A quiz in progress: questions drawn from a bank with a seed, answered one by one.

Pure Python, so the scene, autoplay and tests share it. The seed fixes which questions are
drawn and how their options are shuffled, so a retry with the same seed is the same quiz.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from game.content.quiz import Question, QuestionType, Quiz
from game.i18n import Text


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
