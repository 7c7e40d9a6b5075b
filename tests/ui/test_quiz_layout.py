"""Every shipped quiz question fits on the screen in both languages, before and after it is
answered: options inside their buttons, the feedback panel above the next button, all of
it inside 1280×720."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.content.campaign import load_campaign
from game.quiz import AskedQuestion
from game.ui.app import make_game
from game.ui.scenes.quiz import REVIEW_FONT, QuizScene
from game.ui.text import wrap
from game.ui.widgets import MARK_ROOM

LEVELS = Path(__file__).resolve().parents[2] / "levels"
CAMPAIGN = load_campaign(LEVELS)
CASES = [(index, question.id) for index, chapter in enumerate(CAMPAIGN.chapters)
         if chapter.quiz for question in chapter.quiz.questions]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("chapter_index", "question_id"), CASES,
                         ids=[f"{CAMPAIGN.chapters[c].id}-{q}" for c, q in CASES])
def test_question_fits_before_and_after_answering(lang: str, chapter_index: int,
                                                  question_id: str) -> None:
    pygame.font.init()
    game, _ = make_game(LEVELS, lang)  # type: ignore[arg-type]
    scene = QuizScene(game, chapter_index)
    quiz = game.campaign.chapters[chapter_index].quiz  # type: ignore[union-attr]
    assert quiz is not None
    question = next(q for q in quiz.questions if q.id == question_id)
    order = tuple(range(len(question.options)))
    scene.session.asked[0] = AskedQuestion(question, order)
    scene._layout()

    def check_buttons() -> None:
        font = game.fonts.get(REVIEW_FONT if scene.feedback else 24)
        for button in scene.menu.buttons:
            assert pygame.Rect(0, 0, 1280, 720).contains(button.rect), button.label
            room = button.rect.width - 28 - (MARK_ROOM if button.tone else 0)
            lines = wrap(font, button.label, room)
            assert len(lines) * font.get_linesize() <= button.rect.height + 4, button.label

    check_buttons()
    wrong = tuple(i for i in range(len(order)) if (i,) != question.answer)[:1] or (0,)
    scene._answer(wrong if question.type.value != "order" else tuple(reversed(order)))
    assert scene.feedback is not None
    check_buttons()
    next_button = scene.menu.find("next").rect
    panel_bottom = scene.options_top + scene._feedback_height(scene.feedback)
    assert max(panel_bottom, scene.options_bottom) <= next_button.top
    assert next_button.bottom <= 712
