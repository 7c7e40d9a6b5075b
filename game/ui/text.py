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


def _carry_from(line: str) -> int:
    """Where to cut ``line`` so that the next line starts with its last character that may
    start a line (a closing mark like "）" or "」" after a "？" goes along with it) and this
    line does not end with an opening mark; 0 when there is no such place."""
    cut = len(line) - 1
    while cut > 0 and line[cut] in NO_LINE_START:
        cut -= 1
    while cut > 0 and line[cut - 1] in NO_LINE_END:
        cut -= 1
    return cut


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
            cut = _carry_from(line) if (token[0] in NO_LINE_START
                                        or line[-1] in NO_LINE_END) else 0
            if cut > 0:
                lines.append(line[:cut].rstrip())
                line = line[cut:] + token
            elif token in NO_LINE_START:  # nowhere to cut: the mark hangs past the edge
                line = candidate
            else:
                lines.append(line.rstrip())
                line = token.lstrip()
        lines.append(line.rstrip())
    return lines


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
    image = font.render(text, True, color)
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
        image = font.render(line, True, color)
        x = rect.centerx - image.get_width() // 2 if align == "center" else rect.left
        surface.blit(image, (x, y))
        y += height
    return y


def text_height(font: pygame.font.Font, text: str, width: int, *, line_gap: int = 6) -> int:
    """Height in pixels that :func:`draw_wrapped` needs for ``text`` at ``width``."""
    return len(wrap(font, text, width)) * (font.get_linesize() + line_gap)
