"""The chapter quiz: one question at a time, feedback with the explanation after each answer.

The questions and their option order come from a seed saved in the progress, so the same
attempt can be replayed and a retry draws a fresh but reproducible quiz.
"""

from __future__ import annotations

import zlib

import pygame

from game.content.quiz import LETTERS, QuestionType
from game.quiz import Feedback, QuizSession
from game.ui import palette, strings
from game.ui.context import Game
from game.ui.input import CONFIRM_KEYS, OPTION_KEYS
from game.ui.outcomes import Open, QuizDone, QuizRetake, ending_earned_by
from game.ui.scene import Scene, Transition
from game.ui.scenes.common import button_font, fitting_font, heading
from game.ui.text import draw_text, draw_wrapped, text_height, wrap
from game.ui.widgets import (
    MARK_ROOM,
    Button,
    Menu,
    column_buttons,
    draw_panel,
    paper_background,
    row_buttons,
)

PROMPT_TOP = 150
REVIEW_FONT = 20
#: After answering: where the options and the feedback panel go (left and right columns).
REVIEW_OPTIONS = pygame.Rect(110, 0, 500, 0)
REVIEW_PANEL = pygame.Rect(630, 0, 540, 0)
SUMMARY = pygame.Rect(200, 140, 880, 410)
VERDICT_TOP = SUMMARY.top + 86


def quiz_seed(chapter_id: str, attempt: int) -> int:
    """The seed of a chapter's ``attempt``-th quiz (0 for the first)."""
    return zlib.crc32(f"{chapter_id}:{attempt}".encode())


class QuizScene(Scene):
    """Asks the drawn questions, then shows the score and saves it."""

    name = "quiz"

    def __init__(self, game: Game, chapter_index: int) -> None:
        assert game.campaign is not None
        self.game = game
        self.chapter_index = chapter_index
        self.chapter = game.campaign.chapters[chapter_index]
        assert self.chapter.quiz is not None
        record = game.progress.quizzes.get(self.chapter.id)
        self.seed = quiz_seed(self.chapter.id, record.attempts if record else 0)
        self.session = QuizSession(self.chapter.quiz, self.seed)
        self.index = 0
        self.chosen: list[int] = []
        self.feedback: Feedback | None = None
        self.finished = False
        self.card_earned = False
        self.to_ending = False
        self.options_bottom = 0
        self.options_top = 0
        self._layout()

    # ----------------------------------------------------------------- layout
    @property
    def question_type(self) -> QuestionType:
        """The type of the question on screen."""
        return self.session.asked[self.index].question.type

    def _counter_top(self) -> int:
        """Just under the heading's rule (which moves down at a larger text size)."""
        return 44 + self.game.fonts.get(44, bold=True).get_linesize() + 12

    def _prompt_top(self) -> int:
        """Where the question starts: below the counter line, never above :data:`PROMPT_TOP`."""
        return max(PROMPT_TOP, self._counter_top() + self.game.fonts.get(20).get_linesize())

    def _prompt_height(self) -> int:
        asked = self.session.asked[self.index]
        return text_height(self.game.fonts.get(28, bold=True), self.game.t(asked.question.prompt),
                           1000) + 40

    def _layout(self) -> None:
        game = self.game
        if self.finished:
            onwards = ("continue", game.t(strings.TO_ENDING if self.to_ending
                                          else strings.CONTINUE))
            retake = ("retake", game.t(strings.RETRY_QUIZ))
            # Passed: the march goes on by default; failed: trying again comes first.
            items = [onwards, retake] if self.session.passed else [retake, onwards]
            buttons = row_buttons(items, center_x=640, top=572, width=260)
            if self.card_earned:
                buttons.append(Button("card", game.t(strings.SEE_CARD),
                                      pygame.Rect(SUMMARY.right - 290, self._strip_top() + 8,
                                                  260, 48)))
            self.menu = Menu(buttons)
            return
        asked = self.session.asked[self.index]
        labels = [f"{LETTERS[i]}. {game.t(asked.question.options[bank])}"
                  for i, bank in enumerate(asked.order)]
        top = self._prompt_top() + self._prompt_height() + 10
        count = len(labels)
        reviewing = self.feedback is not None
        if reviewing:
            # After answering: the options in a compact column on the left, the verdict and
            # the explanation beside them on the right, so long texts never collide.
            buttons = self._compact_buttons(labels, top)
            self.options_bottom = buttons[-1].rect.bottom
        else:
            height = 48 if count > 4 else 56
            gap = 12
            buttons = column_buttons([(str(i), label) for i, label in enumerate(labels)],
                                     left=190, top=top, width=900, height=height, gap=gap)
            for button in buttons:
                button.ring_focus = True  # a red fill would look like a wrong answer
            self.options_bottom = top + count * (height + gap)
        self.options_top = top
        if reviewing:
            right = set(asked.shown_answer())
            order = asked.shown_answer()
            for button in buttons:
                index = int(button.key)
                button.enabled = False
                if index in right:
                    button.tone = "good"
                    if self.question_type is QuestionType.ORDER:
                        button.marked = str(order.index(index) + 1)
                elif index in self.chosen:
                    button.tone = "bad"
            last = self.index + 1 >= len(self.session.asked)
            label = strings.SEE_RESULT if last else strings.NEXT_QUESTION
            assert self.feedback is not None
            panel_bottom = self.options_top + self._feedback_height(self.feedback)
            buttons += row_buttons([("next", game.t(label))], center_x=640,
                                   top=min(max(panel_bottom, self.options_bottom) + 12,
                                           720 - 66), height=48)
            self.menu = Menu(buttons, focus=len(buttons) - 1)
            return
        if self.question_type in (QuestionType.MULTIPLE, QuestionType.ORDER):
            buttons += row_buttons([("confirm", game.t(strings.CONFIRM)),
                                    ("clear", game.t(strings.CLEAR))], center_x=640,
                                   top=self.options_bottom + 6, width=200, height=50)
        self.menu = Menu(buttons, keyboard=True)
        self._mark()

    def _compact_buttons(self, labels: list[str], top: int) -> list[Button]:
        """Option buttons sized to their wrapped text, in the left review column."""
        font = self.game.fonts.get(REVIEW_FONT)
        buttons = []
        y = top
        for index, label in enumerate(labels):
            lines = len(wrap(font, label, REVIEW_OPTIONS.width - 28 - MARK_ROOM))
            height = max(38, lines * font.get_linesize() + 10)
            buttons.append(Button(str(index), label,
                                  pygame.Rect(REVIEW_OPTIONS.left, y, REVIEW_OPTIONS.width,
                                              height)))
            y += height + 6
        return buttons

    def _mark(self) -> None:
        for button in self.menu.buttons:
            if button.key.isdigit():
                index = int(button.key)
                button.selected = index in self.chosen
                button.marked = (str(self.chosen.index(index) + 1)
                                 if self.question_type is QuestionType.ORDER
                                 and index in self.chosen else "")
            elif button.key == "confirm":
                button.enabled = self._complete_choice()

    def _complete_choice(self) -> bool:
        if self.question_type is QuestionType.ORDER:
            return len(self.chosen) == len(self.session.asked[self.index].order)
        return bool(self.chosen)

    # ----------------------------------------------------------------- input
    def handle(self, event: pygame.event.Event) -> Transition | None:
        asking = self.feedback is None and not self.finished
        if asking and event.type == pygame.KEYDOWN:
            several = self.question_type in (QuestionType.MULTIPLE, QuestionType.ORDER)
            if event.key in CONFIRM_KEYS and several and self._complete_choice():
                return self.choose("confirm")
            if event.key in OPTION_KEYS:
                index = OPTION_KEYS[event.key]
                if index < len(self.session.asked[self.index].order):
                    return self.choose(str(index))
        choice = self.menu.handle(event)
        return None if choice is None else self.choose(choice)

    def choose(self, choice: str) -> Transition | None:
        """Act on a button key: an option number, confirm, clear, next, retake, continue,
        card (the history card just earned)."""
        if self.finished:
            if choice == "retake":
                return QuizRetake(self.chapter_index)
            if choice == "continue":
                return QuizDone(self.chapter_index)
            if choice == "card":
                return Open("cards", chapter=self.chapter_index)
            return None
        if self.feedback is not None:
            if choice == "next":
                self._next()
            return None
        if choice.isdigit():
            self._pick(int(choice))
        elif choice == "clear":
            self.chosen.clear()
            self._mark()
        elif choice == "confirm" and self._complete_choice():
            self._answer(tuple(self.chosen))
        return None

    def _pick(self, index: int) -> None:
        qtype = self.question_type
        if qtype in (QuestionType.SINGLE, QuestionType.TRUEFALSE):
            self._answer((index,))
            return
        if index in self.chosen:
            self.chosen.remove(index)
        else:
            self.chosen.append(index)
        self._mark()

    def _answer(self, shown: tuple[int, ...]) -> None:
        self.chosen = list(shown)
        self.feedback = self.session.answer(self.index, shown)
        self.game.audio.play("right" if self.feedback.correct else "wrong")
        self._layout()

    def _next(self) -> None:
        self.feedback = None
        self.chosen = []
        if self.index + 1 < len(self.session.asked):
            self.index += 1
        else:
            self._finish()
        self._layout()

    def _finish(self) -> None:
        game, chapter = self.game, self.chapter
        assert chapter.quiz is not None
        self.finished = True
        game.progress.record_quiz(chapter.id, total=len(self.session.asked),
                                  answers=self.session.results,
                                  pass_percent=chapter.quiz.pass_percent, seed=self.seed,
                                  given=self.session.given)
        if game.chapter_complete(chapter) and chapter.id not in game.progress.cards:
            game.progress.cards.append(chapter.id)
            self.card_earned = chapter.card is not None
        self.to_ending = ending_earned_by(game, self.chapter_index)
        game.save()

    # ----------------------------------------------------------------- drawing
    def draw(self, surface: pygame.Surface) -> None:
        game = self.game
        surface.blit(paper_background(), (0, 0))
        heading(surface, game, f"{game.t(strings.QUIZ)} · {game.t(self.chapter.title)}")
        if self.finished:
            self._draw_summary(surface)
            self.menu.draw(surface, button_font(game, self.menu.buttons, sizes=(24, 22, 20)))
            return
        self._draw_question(surface)
        sizes = (REVIEW_FONT, 18, 16) if self.feedback else (24, 22, 20)
        self.menu.draw(surface, button_font(game, self.menu.buttons, sizes=sizes))
        if self.feedback is not None:
            self._draw_feedback(surface, self.feedback)

    def _draw_question(self, surface: pygame.Surface) -> None:
        game = self.game
        asked = self.session.asked[self.index]
        counter = game.t(strings.QUESTION_OF.format(n=self.index + 1,
                                                    total=len(self.session.asked)))
        draw_text(surface, game.fonts.get(20), counter, (1090, self._counter_top()),
                  palette.TEXT_MUTED, anchor="topright")
        hint = {QuestionType.MULTIPLE: strings.CHOOSE_ALL, QuestionType.ORDER:
                strings.CHOOSE_ORDER, QuestionType.TRUEFALSE: strings.TRUE_FALSE_HINT}.get(
                    asked.question.type)
        if hint is not None:
            draw_text(surface, game.fonts.get(20), game.t(hint), (190, self._counter_top()),
                      palette.DEEP_RED)
        draw_wrapped(surface, game.fonts.get(28, bold=True), game.t(asked.question.prompt),
                     pygame.Rect(190, self._prompt_top(), 1000, 200), line_gap=6)

    def _feedback_header(self) -> int:
        """From the feedback panel's top to its first line of text (below the verdict)."""
        return 11 + self.game.fonts.get(28, bold=True).get_linesize()

    def _feedback_height(self, feedback: Feedback) -> int:
        body = self.game.fonts.get(REVIEW_FONT)
        width = REVIEW_PANEL.width - 40
        answer = self.game.t(strings.RIGHT_ANSWER) + self.game.t(feedback.right_answer)
        return (self._feedback_header() + 12 + text_height(body, answer, width, line_gap=4)
                + text_height(body, self.game.t(feedback.explanation), width, line_gap=4))

    def _draw_feedback(self, surface: pygame.Surface, feedback: Feedback) -> None:
        game = self.game
        body = game.fonts.get(REVIEW_FONT)
        answer = game.t(strings.RIGHT_ANSWER) + game.t(feedback.right_answer)
        explanation = game.t(feedback.explanation)
        height = self._feedback_height(feedback)
        panel = pygame.Rect(REVIEW_PANEL.left, self.options_top, REVIEW_PANEL.width, height)
        draw_panel(surface, panel)
        color = palette.GOOD if feedback.correct else palette.BAD
        title = strings.RIGHT if feedback.correct else strings.WRONG
        draw_text(surface, game.fonts.get(28, bold=True), game.t(title),
                  (panel.left + 20, panel.top + 10), color)
        width = panel.width - 40
        y = draw_wrapped(surface, body, answer,
                         pygame.Rect(panel.left + 20, panel.top + self._feedback_header(),
                                     width, 300), palette.TEXT, line_gap=4)
        draw_wrapped(surface, body, explanation, pygame.Rect(panel.left + 20, y, width, 300),
                     palette.TEXT_MUTED, line_gap=4)

    def _draw_summary(self, surface: pygame.Surface) -> None:
        game, session = self.game, self.session
        draw_panel(surface, SUMMARY)
        score = strings.QUIZ_SCORE.format(score=session.score, total=len(session.asked))
        draw_text(surface, game.fonts.get(40, bold=True), game.t(score),
                  (640, SUMMARY.top + 20), anchor="midtop")
        assert self.chapter.quiz is not None
        verdict = (strings.QUIZ_PASSED if session.passed else
                   strings.QUIZ_FAILED.format(percent=self.chapter.quiz.pass_percent))
        y = draw_wrapped(surface, game.fonts.get(26), game.t(verdict),
                         pygame.Rect(SUMMARY.left + 40, VERDICT_TOP, SUMMARY.width - 80, 80),
                         palette.GOOD if session.passed else palette.BAD, align="center")
        if session.score == len(session.asked):
            draw_text(surface, game.fonts.get(22), "★ " + game.t(strings.PERFECT_QUIZ),
                      (640, y), palette.GOLD_DARK, anchor="midtop")
            y += game.fonts.get(22).get_linesize()
        if self.card_earned:
            self._draw_card_strip(surface)
            y = self._strip_top() + 76
        wrong = [a.question for a in session.asked if not session.results.get(a.question.id)]
        if not wrong:
            return
        y += 8
        left, width = SUMMARY.left + 40, SUMMARY.width - 80
        draw_text(surface, game.fonts.get(20, bold=True), game.t(strings.TO_REVIEW), (left, y),
                  palette.TEXT)
        y += 30
        small = game.fonts.get(20)
        for question in wrong:
            line = "· " + game.t(question.prompt)
            height = text_height(small, line, width, line_gap=4)
            if y + height > SUMMARY.bottom - 12:
                draw_text(surface, small, "……", (left, y), palette.TEXT_MUTED)
                break
            y = draw_wrapped(surface, small, line, pygame.Rect(left, y, width, height),
                             palette.TEXT_MUTED, line_gap=4)

    def _strip_top(self) -> int:
        """Where the "card earned" strip goes: under the verdict (and the perfect-quiz line)."""
        game, session = self.game, self.session
        assert self.chapter.quiz is not None
        verdict = (strings.QUIZ_PASSED if session.passed else
                   strings.QUIZ_FAILED.format(percent=self.chapter.quiz.pass_percent))
        y = VERDICT_TOP + text_height(game.fonts.get(26), game.t(verdict), SUMMARY.width - 80)
        if session.score == len(session.asked):
            y += game.fonts.get(22).get_linesize()
        return y + 12

    def _draw_card_strip(self, surface: pygame.Surface) -> None:
        game = self.game
        strip = pygame.Rect(SUMMARY.left + 24, self._strip_top(), SUMMARY.width - 48, 64)
        pygame.draw.rect(surface, palette.PAPER, strip, border_radius=8)
        pygame.draw.rect(surface, palette.GOLD_DARK, strip, 2, border_radius=8)
        seal = pygame.Rect(strip.left + 12, strip.top + 10, 44, 44)
        pygame.draw.rect(surface, palette.RED, seal, border_radius=5)
        pygame.draw.rect(surface, palette.WHITE, seal.inflate(-6, -6), 2, border_radius=3)
        draw_text(surface, game.fonts.get(24, bold=True), str(self.chapter_index + 1),
                  seal.center, palette.WHITE, anchor="center")
        text = game.t(strings.CARD_EARNED.format(title=game.t(self.chapter.title)))
        area = pygame.Rect(seal.right + 14, strip.top, strip.right - 290 - seal.right - 14,
                           strip.height)
        font = fitting_font(game, text, area.inflate(0, -8), sizes=(22, 20, 18), line_gap=0,
                            bold=True)
        height = text_height(font, text, area.width, line_gap=0)
        draw_wrapped(surface, font, text, pygame.Rect(area.left, area.centery - height // 2,
                                                      area.width, height), palette.DEEP_RED,
                     line_gap=0)
