"""Text layout: Chinese wraps by character and never starts a line with closing punctuation."""

from __future__ import annotations

import pygame
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.ui.text import NO_LINE_END, NO_LINE_START, Fonts, wrap


@pytest.fixture(scope="module")
def fonts() -> Fonts:
    pygame.font.init()
    return Fonts()


def test_chinese_lines_never_start_with_closing_punctuation(fonts: Fonts) -> None:
    font = fonts.get(22)
    text = "红军苦战多日终于过江，后卫红34师被阻断在东岸，大部分战士牺牲。" * 4
    for width in range(120, 420, 7):
        lines = wrap(font, text, width)
        assert "".join(lines) == text
        assert all(line and line[0] not in NO_LINE_START for line in lines), (width, lines)
        assert all(font.size(line)[0] <= width + font.size("，")[0] for line in lines)


def test_english_wraps_at_spaces_and_keeps_words_whole(fonts: Fonts) -> None:
    font = fonts.get(22)
    text = "The Central Red Army fought its way across the Xiang River in late 1934."
    lines = wrap(font, text, 260)
    assert len(lines) > 1
    assert " ".join(lines) == text
    assert all(font.size(line)[0] <= 260 for line in lines)


def test_newlines_force_breaks(fonts: Fonts) -> None:
    assert wrap(fonts.get(20), "甲\n乙", 500) == ["甲", "乙"]


def test_closing_marks_after_a_question_mark_never_start_a_line(fonts: Fonts) -> None:
    font = fonts.get(20)
    text = "· 红军为什么要四渡赤水？（选出所有正确答案）「他们为什么能过江？」下一题！』结束。"
    for width in range(60, 480, 3):
        lines = wrap(font, text, width)
        assert "".join(lines) == text
        for line in lines[1:]:
            assert line[0] not in NO_LINE_START, (width, lines)
        for line in lines[:-1]:
            assert line[-1] not in NO_LINE_END, (width, lines)


PIECE = st.tuples(st.sampled_from(["", "（", "「"]),
                  st.text(alphabet="红军过江长征雪山草地", min_size=1, max_size=4),
                  st.text(alphabet="？！）」』。，、", max_size=3))


@settings(max_examples=150, deadline=None)
@given(st.lists(PIECE, min_size=1, max_size=14), st.integers(min_value=60, max_value=300))
def test_no_line_starts_with_a_closing_mark_wherever_it_breaks(
        pieces: list[tuple[str, str, str]], width: int) -> None:
    pygame.font.init()
    font = Fonts().get(20)
    text = "".join(opening + words + closing for opening, words, closing in pieces)
    lines = wrap(font, text, width)
    assert "".join(lines) == text
    assert all(line[0] not in NO_LINE_START for line in lines[1:]), lines
    assert all(line[-1] not in NO_LINE_END for line in lines[:-1]), lines


def test_no_shipped_quiz_text_line_starts_with_a_closing_mark(fonts: Fonts) -> None:
    """The 错题本 and the quiz summary wrap prompts, answers and explanations at many widths."""
    from pathlib import Path

    from game.content.campaign import load_campaign

    campaign = load_campaign(Path(__file__).resolve().parents[2] / "levels")
    texts = [text for chapter in campaign.chapters if chapter.quiz
             for question in chapter.quiz.questions
             for text in ("· " + question.prompt.zh, question.explanation.zh,
                          "正确答案：" + question.answer_text("zh"))]
    assert texts
    for size in (18, 20, 22):
        font = fonts.get(size)
        for text in texts:
            for width in range(300, 1000, 37):
                lines = wrap(font, text, width)
                assert all(line[0] not in NO_LINE_START for line in lines[1:]), lines
