"""Fonts and text layout: the shipped Noto Sans SC subset, CJK-aware wrapping, drawing.

The game never asks the system for a font, so Chinese renders on any machine.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator

import pygame

from game.fontcov import BOLD_FONT, REGULAR_FONT
from game.settings import TEXT_SIZES
from game.ui import palette

#: Characters that must not start a line (Chinese line-breaking rules, 避头).
NO_LINE_START = set("，。、；：？！”’）》」』】〕…—·,.;:?!)]}%")
#: Characters that must not end a line (避尾).
NO_LINE_END = set("“‘（《「『【〔([{")

_TOKEN = re.compile(r"[A-Za-z0-9'’\-_/.,;:!?%()\[\]\"]+ *| +|.", re.DOTALL)


#: Text up to this size grows fully with the text-size setting; larger (display) text grows
#: by the same number of pixels as text of this size, so headings stay on their line.
SCALE_FULLY_UP_TO = 24


def scaled_size(size: int, scale: float) -> int:
    """``size`` pixels at the text-size setting ``scale`` (1.0 = 100 %)."""
    return size + round((scale - 1.0) * min(size, SCALE_FULLY_UP_TO))


class Fonts:
    """Loaded fonts by (size, bold), created on first use. ``scale`` is the pupil's text
    size (1.0, 1.25, 1.5): every size asked for is enlarged by :func:`scaled_size`."""

    def __init__(self, scale: float = 1.0) -> None:
        self._cache: dict[tuple[int, bool], pygame.font.Font] = {}
        self.scale = scale

    @contextlib.contextmanager
    def scaled(self, scale: float) -> Iterator[None]:
        """Within the block, enlarge text by ``scale`` instead (a dense panel that does not
        fit at the pupil's text size is drawn at the largest smaller size that fits)."""
        saved, self.scale = self.scale, scale
        try:
            yield
        finally:
            self.scale = saved

    def fallback_scales(self) -> list[float]:
        """The text size, then each smaller offered one down to 100 %: what to try in turn."""
        smaller = sorted((size / 100 for size in TEXT_SIZES), reverse=True)
        return [self.scale] + [scale for scale in smaller if scale < self.scale]

    def get(self, size: int, bold: bool = False, *, exact: bool = False) -> pygame.font.Font:
        """The shipped font at ``size`` pixels, enlarged to the text size unless ``exact``."""
        if not exact:
            size = scaled_size(size, self.scale)
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
