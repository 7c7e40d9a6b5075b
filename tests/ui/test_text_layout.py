"""Text layout: Chinese wraps by character and never starts a line with closing punctuation."""

from __future__ import annotations

import pygame
import pytest

from game.ui.text import NO_LINE_START, Fonts, wrap


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
