"""Fonts and text layout: the shipped Noto Sans SC subset, CJK-aware wrapping, drawing.

The game never asks the system for a font, so Chinese renders on any machine.
"""

from __future__ import annotations

import re

import pygame

from game.fontcov import BOLD_FONT, REGULAR_FONT
from game.ui import palette

#: Characters that must not start a line (Chinese line-breaking rules, 避头).
NO_LINE_START = set("，。、；：？！”’）》」』】〕…—·,.;:?!)]}%")
#: Characters that must not end a line (避尾).
NO_LINE_END = set("“‘（《「『【〔([{")

_TOKEN = re.compile(r"[A-Za-z0-9'’\-_/.,;:!?%()\[\]\"]+ *| +|.", re.DOTALL)


class Fonts:
    """Loaded fonts by (size, bold), created on first use."""

    def __init__(self) -> None:
        self._cache: dict[tuple[int, bool], pygame.font.Font] = {}

    def get(self, size: int, bold: bool = False) -> pygame.font.Font:
        """The shipped font at ``size`` pixels."""
        key = (size, bold)
        font = self._cache.get(key)
        if font is None:
            font = pygame.font.Font(str(BOLD_FONT if bold else REGULAR_FONT), size)
            self._cache[key] = font
        return font


def tokens(text: str) -> list[str]:
    """Split text into pieces a line may break between: Latin words (with their trailing
    spaces) stay whole; every CJK character is its own piece."""
    return _TOKEN.findall(text)


def wrap(font: pygame.font.Font, text: str, width: int) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` pixels; ``\\n`` forces a break."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for token in tokens(paragraph):
            candidate = line + token
            if font.size(candidate.rstrip())[0] <= width or not line:
                line = candidate
                continue
            carry = token[0] in NO_LINE_START or line[-1] in NO_LINE_END
            if carry and len(line) > 1:
                lines.append(line[:-1].rstrip())
                line = line[-1] + token
            else:
                lines.append(line.rstrip())
                line = token.lstrip()
        lines.append(line.rstrip())
    return lines


def render(font: pygame.font.Font, text: str, color: tuple[int, int, int]) -> pygame.Surface:
    """``font.render`` that never raises: NUL characters are dropped, and a text with no
    width (empty, only zero-width or direction marks such as U+200B or U+202E) gives an
    empty, transparent image one line high."""
    try:
        return font.render(text.replace("\0", ""), True, color)
    except pygame.error:  # "Text has zero width"
        return pygame.Surface((0, font.get_linesize()), pygame.SRCALPHA)


def draw_text(
    surface: pygame.Surface,
    font: pygame.font.Font,
    text: str,
    pos: tuple[int, int],
    color: tuple[int, int, int] = palette.TEXT,
    *,
    anchor: str = "topleft",
) -> pygame.Rect:
    """Draw one line of text anchored at ``pos``; return the rectangle it covers."""
    image = render(font, text, color)
    rect = image.get_rect(**{anchor: pos})
    surface.blit(image, rect)
    return rect


def draw_wrapped(
    surface: pygame.Surface,
    font: pygame.font.Font,
    text: str,
    rect: pygame.Rect,
    color: tuple[int, int, int] = palette.TEXT,
    *,
    line_gap: int = 6,
    align: str = "left",
) -> int:
    """Draw ``text`` wrapped inside ``rect``; return the y just below the last line."""
    y = rect.top
    height = font.get_linesize() + line_gap
    for line in wrap(font, text, rect.width):
        image = render(font, line, color)
        x = rect.centerx - image.get_width() // 2 if align == "center" else rect.left
        surface.blit(image, (x, y))
        y += height
    return y


def text_height(font: pygame.font.Font, text: str, width: int, *, line_gap: int = 6) -> int:
    """Height in pixels that :func:`draw_wrapped` needs for ``text`` at ``width``."""
    return len(wrap(font, text, width)) * (font.get_linesize() + line_gap)
