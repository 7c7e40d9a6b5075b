"""错题本: every quiz question whose last answer was wrong, with the right answer and why."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.content.model import Chapter, Question
from game.ui import palette, strings
from game.ui.context import Game
from game.ui.input import BACK_KEYS, CONFIRM_KEYS
from game.ui.scene import Pop, Scene, Transition
from game.ui.scenes.common import heading, page_step
from game.ui.text import draw_text, draw_wrapped, text_height
from game.ui.widgets import Button, Menu, draw_panel, paper_background

LIST_AREA = pygame.Rect(150, 150, 980, 468)
TEXT_WIDTH = LIST_AREA.width - 48
ENTRY_GAP = 14


def wrong_questions(game: Game) -> list[tuple[int, Chapter, list[Question]]]:
    """Per chapter (index, chapter, questions), the questions last answered wrongly."""
    found = []
    chapters = game.campaign.chapters if game.campaign is not None else ()
    for index, chapter in enumerate(chapters):
        if chapter.quiz is None:
            continue
        by_id = {question.id: question for question in chapter.quiz.questions}
        questions = [by_id[qid] for qid in game.progress.wrong_questions(chapter.id)
                     if qid in by_id]
        if questions:
            found.append((index, chapter, questions))
    return found


@dataclass(frozen=True, slots=True)
class Entry:
    """One line-up on a page: a chapter heading (question None) or a question."""

    chapter_index: int
    chapter: Chapter
    question: Question | None
    continued: bool = False


class ReviewScene(Scene):
    """A paged list of mistakes; ← → turn the pages, Esc goes back."""

    name = "review"

    def __init__(self, game: Game) -> None:
        self.game = game
        self.page = 0
        self.pages = self._paginate()
        buttons = [Button("back", game.t(strings.BACK), pygame.Rect(44, 652, 150, 46))]
        if len(self.pages) > 1:
            buttons += [Button("prev", "◀", pygame.Rect(980, 652, 60, 46)),
                        Button("next", "▶", pygame.Rect(1170, 652, 60, 46))]
        self.menu = Menu(buttons, keyboard=False)
        self._mark()

    # ----------------------------------------------------------------- layout
    def _fonts(self) -> tuple[pygame.font.Font, pygame.font.Font, pygame.font.Font]:
        fonts = self.game.fonts
        return fonts.get(22, bold=True), fonts.get(20), fonts.get(24, bold=True)

    def _answer(self, question: Question) -> str:
        return self.game.t(strings.RIGHT_ANSWER) + question.answer_text(self.game.lang)

    def _explanation(self, question: Question) -> str:
        return self.game.t(strings.EXPLANATION) + self.game.t(question.explanation)

    def entry_height(self, entry: Entry) -> int:
        """Pixels the entry takes on the page."""
        prompt, body, head = self._fonts()
        if entry.question is None:
            return head.get_linesize() + 8
        q = entry.question
        return (text_height(prompt, self.game.t(q.prompt), TEXT_WIDTH, line_gap=2)
                + text_height(body, self._answer(q), TEXT_WIDTH, line_gap=2)
                + text_height(body, self._explanation(q), TEXT_WIDTH, line_gap=2)
                + ENTRY_GAP + 8)

    def _paginate(self) -> list[list[Entry]]:
        pages: list[list[Entry]] = []
        page: list[Entry] = []
        used = 0
        room = LIST_AREA.height - 32
        for index, chapter, questions in wrong_questions(self.game):
            header = Entry(index, chapter, None)
            for question in questions:
                entry = Entry(index, chapter, question)
                needed = self.entry_height(entry)
                if not page or page[-1].chapter is not chapter:
                    needed += self.entry_height(header)
                if page and used + needed > room:
                    pages.append(page)
                    page, used = [], 0
                if not page or page[-1].chapter is not chapter:
                    first = not any(e.chapter is chapter for p in pages for e in p)
                    page.append(Entry(index, chapter, None, continued=not first))
                    used += self.entry_height(header)
                page.append(entry)
                used += self.entry_height(entry)
        if page:
            pages.append(page)
        return pages

    def _mark(self) -> None:
        for button in self.menu.buttons:
            if button.key == "prev":
                button.enabled = self.page > 0
            elif button.key == "next":
                button.enabled = self.page + 1 < len(self.pages)

    # ----------------------------------------------------------------- input
    def turn(self, step: int) -> None:
        """Go ``step`` pages forward (or back), staying inside the list."""
        self.page = max(0, min(len(self.pages) - 1, self.page + step)) if self.pages else 0
        self._mark()

    def handle(self, event: pygame.event.Event) -> Transition | None:
        choice = self.menu.handle(event)
        if choice == "back":
            return Pop()
        if event.type == pygame.KEYDOWN and (
                event.key in BACK_KEYS or (event.key in CONFIRM_KEYS and not self.pages)):
            return Pop()
        if step := page_step(event, choice):
            self.turn(step)
        return None

    # ----------------------------------------------------------------- drawing
    def draw(self, surface: pygame.Surface) -> None:
        game = self.game
        surface.blit(paper_background(), (0, 0))
        heading(surface, game, game.t(strings.REVIEW_TITLE))
        draw_panel(surface, LIST_AREA)
        if not self.pages:
            self._draw_empty(surface)
        else:
            self._draw_page(surface, self.pages[self.page])
            if len(self.pages) > 1:
                draw_text(surface, game.fonts.get(22, bold=True),
                          game.t(strings.PAGE_OF.format(n=self.page + 1,
                                                        total=len(self.pages))),
                          (1105, 675), palette.TEXT, anchor="center")
                draw_text(surface, game.fonts.get(18), game.t(strings.PAGE_HINT), (640, 675),
                          palette.TEXT_MUTED, anchor="center")
        self.menu.draw(surface, game.fonts.get(22))

    def _draw_empty(self, surface: pygame.Surface) -> None:
        game = self.game
        x, y = LIST_AREA.centerx, LIST_AREA.top + 150
        pygame.draw.circle(surface, palette.GOOD, (x, y), 44, 5)
        pygame.draw.lines(surface, palette.GOOD, False,
                          [(x - 22, y + 2), (x - 6, y + 18), (x + 24, y - 16)], 8)
        draw_text(surface, game.fonts.get(34, bold=True), game.t(strings.REVIEW_EMPTY),
                  (x, y + 72), palette.TEXT, anchor="midtop")
        draw_wrapped(surface, game.fonts.get(22), game.t(strings.REVIEW_EMPTY_HINT),
                     pygame.Rect(LIST_AREA.left + 120, y + 130, LIST_AREA.width - 240, 90),
                     palette.TEXT_MUTED, align="center")

    def _draw_page(self, surface: pygame.Surface, page: list[Entry]) -> None:
        game = self.game
        prompt, body, head = self._fonts()
        left = LIST_AREA.left + 24
        y = LIST_AREA.top + 16
        for entry in page:
            if entry.question is None:
                title = (game.t(strings.CHAPTER_N.format(n=entry.chapter_index + 1)) + " · "
                         + game.t(entry.chapter.title)
                         + (game.t(strings.REVIEW_CONTINUED) if entry.continued else ""))
                draw_text(surface, head, title, (left, y), palette.DEEP_RED)
                y += head.get_linesize() + 8
                continue
            q = entry.question
            area = pygame.Rect(left, y, TEXT_WIDTH, 400)
            pygame.draw.line(surface, palette.BAD, (left - 10, y + 4),
                             (left - 10, y + self.entry_height(entry) - ENTRY_GAP - 4), 3)
            y = draw_wrapped(surface, prompt, game.t(q.prompt), area, line_gap=2)
            y = draw_wrapped(surface, body, self._answer(q), area.move(0, y - area.top),
                             palette.GOOD, line_gap=2)
            y = draw_wrapped(surface, body, self._explanation(q), area.move(0, y - area.top),
                             palette.TEXT_MUTED, line_gap=2)
            y += ENTRY_GAP + 8
