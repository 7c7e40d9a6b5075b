"""Quiz marks: focus is an ink ring, never a verdict colour; answered options carry a tick or
a cross (a shape, not only a colour); Chinese answer lists are joined with "、"."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.content.campaign import load_campaign
from game.content.quiz import QuestionType
from game.quiz import AskedQuestion
from game.ui import palette
from game.ui.app import make_game
from game.ui.scenes.quiz import QuizScene
from game.ui.widgets import MARK_ROOM

LEVELS = Path(__file__).resolve().parents[2] / "levels"
CAMPAIGN = load_campaign(LEVELS)
QUESTIONS = [q for chapter in CAMPAIGN.chapters if chapter.quiz for q in chapter.quiz.questions]


def near(color: tuple[int, ...], target: tuple[int, int, int], slack: int = 24) -> bool:
    return all(abs(a - b) <= slack for a, b in zip(color[:3], target, strict=True))


def colours_in(surface: pygame.Surface, rect: pygame.Rect) -> list[tuple[int, ...]]:
    return [tuple(surface.get_at((x, y))) for x in range(rect.left, rect.right)
            for y in range(rect.top, rect.bottom)]


@pytest.fixture
def scene() -> QuizScene:
    pygame.font.init()
    game, _ = make_game(LEVELS, "zh")
    return QuizScene(game, 0)


def test_the_focused_option_is_ringed_not_painted_red(scene: QuizScene) -> None:
    surface = pygame.Surface((1280, 720))
    scene.draw(surface)
    focused = scene.menu.buttons[scene.menu.focus]
    assert focused.key == "0" and focused.ring_focus
    inside = surface.get_at((focused.rect.left + 6, focused.rect.centery))
    assert near(tuple(inside), palette.PANEL), inside
    assert not near(tuple(inside), palette.BAD) and not near(tuple(inside), palette.RED)
    ring = surface.get_at((focused.rect.left - 4, focused.rect.centery))
    assert near(tuple(ring), palette.INK), ring


def test_answered_options_carry_a_tick_or_a_cross(scene: QuizScene) -> None:
    question = next(q for q in QUESTIONS if q.type is QuestionType.SINGLE)
    scene.session.asked[0] = AskedQuestion(question, tuple(range(len(question.options))))
    scene._layout()
    wrong = next(i for i in range(len(question.options)) if (i,) != question.answer)
    scene._answer((wrong,))
    surface = pygame.Surface((1280, 720))
    scene.draw(surface)
    marked = {b.key: b for b in scene.menu.buttons if b.tone}
    assert marked[str(question.answer[0])].tone == "good" and marked[str(wrong)].tone == "bad"
    for button in marked.values():
        spot = pygame.Rect(0, 0, 26, 26)
        spot.center = (button.rect.right - MARK_ROOM // 2 - 6, button.rect.centery)
        seen = colours_in(surface, spot)
        assert sum(near(c, palette.WHITE, 8) for c in seen) > 60, "the white disc"
        own = palette.GOOD if button.tone == "good" else palette.BAD
        assert sum(near(c, own, 30) for c in seen) > 20, button.tone
    # The tick and the cross differ in shape: their ink covers different pixels.
    good, bad = (pygame.Rect(0, 0, 26, 26) for _ in range(2))
    good.center = (marked[str(question.answer[0])].rect.right - MARK_ROOM // 2 - 6,
                   marked[str(question.answer[0])].rect.centery)
    bad.center = (marked[str(wrong)].rect.right - MARK_ROOM // 2 - 6,
                  marked[str(wrong)].rect.centery)
    def shape(rect: pygame.Rect) -> set[tuple[int, int]]:
        return {(x - rect.left, y - rect.top) for x in range(rect.left, rect.right)
                for y in range(rect.top, rect.bottom)
                if not near(tuple(surface.get_at((x, y))), palette.WHITE, 40)
                and not near(tuple(surface.get_at((x, y))), palette.INK, 40)}
    assert shape(good) != shape(bad)


def test_chinese_answer_lists_are_joined_with_the_enumeration_comma() -> None:
    """"全州、兴安、灌阳"; options that are phrases with their own "、" are set off by "；"."""
    several = [q for q in QUESTIONS if q.type is QuestionType.MULTIPLE]
    assert several
    for question in several:
        zh = question.answer_text("zh")
        parts = [question.options[i].zh for i in question.answer]
        assert ";" not in zh
        phrases = any("、" in part or "，" in part for part in parts)
        assert zh == ("；" if phrases else "、").join(parts), zh
        assert "; " in question.answer_text("en") or len(question.answer) == 1


def test_a_label_never_runs_into_its_mark() -> None:
    """Centred labels are centred in the room left of the tick or cross."""
    from game.ui.widgets import Button

    pygame.font.init()
    game, _ = make_game(LEVELS, "en")
    font = game.fonts.get(20)
    label = "C. The Red Army captured grain, yaks and mules"
    width = font.size(label)[0] + 28 + MARK_ROOM
    button = Button("0", label, pygame.Rect(0, 0, width, 38), enabled=False, tone="good")
    surface = pygame.Surface((width, 38))
    surface.fill(palette.PAPER)
    button.draw(surface, font, focused=False)
    mark_left = width - MARK_ROOM // 2 - 6 - 13
    white_text = [x for x in range(0, mark_left - 1) for y in range(8, 30)
                  if near(tuple(surface.get_at((x, y))), palette.WHITE, 40)]
    assert white_text and max(white_text) < mark_left - 2, "the label ends before the mark"
