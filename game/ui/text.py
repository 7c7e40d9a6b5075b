"""Fonts and text layout: the shipped Noto Sans SC subset, CJK-aware wrapping, drawing.

The game never asks the system for a font, so Chinese renders on any machine. Text is
drawn over and over with the same words, so each font keeps what it has rendered, measured
and wrapped (:class:`CachedFont`): a frame that shows nothing new renders no text at all.
"""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Hashable, Iterator
from typing import Any

import pygame

from game.fontcov import BOLD_FONT, REGULAR_FONT
from game.settings import TEXT_SIZES
from game.ui import palette

#: Characters that must not start a line (Chinese line-breaking rules, 避头).
NO_LINE_START = set("，。、；：？！”’）》」』】〕…—·,.;:?!)]}%")
#: Characters that must not end a line (避尾).
NO_LINE_END = set("“‘（《「『【〔([{")

_TOKEN = re.compile(r"[A-Za-z0-9'’\-_/.,;:!?%()\[\]\"]+ *| +|.", re.DOTALL)


#: Entries a font keeps in each of its caches before it starts again (a long session that
#: shows thousands of different strings stays small; a screen's texts always fit).
CACHE_LIMIT = 4096

_STYLE = frozenset({"bold", "italic", "underline", "strikethrough"})


def _colour_key(colour: Any) -> Hashable:
    """A hashable stand-in for a colour given as a tuple, a name or a ``pygame.Color``."""
    try:
        hash(colour)
    except TypeError:
        return tuple(colour)
    return colour  # type: ignore[no-any-return]


class CachedFont(pygame.font.Font):
    """A font that remembers its rendered images, measured sizes and wrapped layouts.

    The images it returns are shared: blit them, never draw onto them. Text that has no
    width (a zero-width space) renders as an empty image instead of raising. Changing the
    style (bold, italic, underline, strikethrough) forgets everything.
    """

    def __init__(self, name: str | io.BytesIO, size: int) -> None:
        super().__init__(name, size)
        self._images: dict[tuple[str, bool, Hashable, Hashable], pygame.Surface] = {}
        self._sizes: dict[str, tuple[int, int]] = {}
        self.wraps: dict[tuple[str, int], tuple[str, ...]] = {}
        """Lines of :func:`wrap` by (text, width)."""

    def render(self, text: str | bytes | None, antialias: Any, color: Any,
               background: Any = None) -> pygame.Surface:
        """``text`` as an image (rendered once per text, colour and background)."""
        if not isinstance(text, str):
            return super().render(text, antialias, color, background)
        key = (text, bool(antialias), _colour_key(color), _colour_key(background))
        image = self._images.get(key)
        if image is None:
            if len(self._images) >= CACHE_LIMIT:
                self._images.clear()
            try:
                image = super().render(text, antialias, color, background)
            except pygame.error:  # SDL_ttf refuses text that is there but has no width
                image = pygame.Surface((0, self.get_height()), pygame.SRCALPHA)
            self._images[key] = image
        return image

    def size(self, text: str | bytes) -> tuple[int, int]:
        """Width and height of ``text`` in pixels (measured once per text)."""
        if not isinstance(text, str):
            return super().size(text)
        measured = self._sizes.get(text)
        if measured is None:
            if len(self._sizes) >= CACHE_LIMIT:
                self._sizes.clear()
            measured = self._sizes[text] = super().size(text)
        return measured

    def forget(self) -> None:
        """Drop every cached image, size and layout."""
        self._images.clear()
        self._sizes.clear()
        self.wraps.clear()

    def __setattr__(self, name: str, value: Any) -> None:
        super().__setattr__(name, value)
        if name in _STYLE and "wraps" in self.__dict__:
            self.forget()

    def set_bold(self, value: bool) -> None:
        """Bold on or off (forgets the caches)."""
        super().set_bold(value)
        self.forget()

    def set_italic(self, value: Any) -> None:
        """Italic on or off (forgets the caches)."""
        super().set_italic(value)
        self.forget()

    def set_underline(self, value: bool) -> None:
        """Underline on or off (forgets the caches)."""
        super().set_underline(value)
        self.forget()

    def set_strikethrough(self, value: bool) -> None:
        """Strikethrough on or off (forgets the caches)."""
        super().set_strikethrough(value)
        self.forget()


#: Text up to this size grows fully with the text-size setting; larger (display) text grows
#: by the same number of pixels as text of this size, so headings stay on their line.
SCALE_FULLY_UP_TO = 24


def scaled_size(size: int, scale: float) -> int:
    """``size`` pixels at the text-size setting ``scale`` (1.0 = 100 %)."""
    return size + round((scale - 1.0) * min(size, SCALE_FULLY_UP_TO))


class Fonts:
    """Loaded fonts by (size, bold), created on first use. ``scale`` is the pupil's text
    size (1.0, 1.25, 1.5): every size asked for is enlarged by :func:`scaled_size`. Each font
    file is read once, every size is made from those bytes, and each font caches its text."""

    def __init__(self, scale: float = 1.0) -> None:
        self._cache: dict[tuple[int, bool], pygame.font.Font] = {}
        self._files: dict[bool, bytes] = {}
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
            data = self._files.get(bold)
            if data is None:
                data = self._files[bold] = (BOLD_FONT if bold else REGULAR_FONT).read_bytes()
            font = CachedFont(io.BytesIO(data), size)
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
    """Break ``text`` into lines no wider than ``width`` pixels; ``\\n`` forces a break.

    A :class:`CachedFont` remembers the lines for each (text, width).
    """
    if not isinstance(font, CachedFont):
        return _wrap(font, text, width)
    key = (text, width)
    lines = font.wraps.get(key)
    if lines is None:
        if len(font.wraps) >= CACHE_LIMIT:
            font.wraps.clear()
        lines = font.wraps[key] = tuple(_wrap(font, text, width))
    return list(lines)


def _wrap(font: pygame.font.Font, text: str, width: int) -> list[str]:
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
