"""Record every line of text a scene draws, with the rectangle its ink covers, so tests can
check that text stays on screen and never overlaps other text (at every text size).

Fonts are wrapped so that what they render is marked as text; the screen is a surface that
notes where marked images land. Only the top scene is recorded (an overlay such as the pause
menu covers the dimmed scene below it on purpose).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any

import pygame

from game.ui import widgets
from game.ui.app import App
from game.ui.text import Fonts
from game.ui.widgets import Button

SCREEN = pygame.Rect(0, 0, 1280, 720)


class TextImage(pygame.Surface):
    """A rendered line of text (and what it says)."""

    text = ""


class RecordingFont:
    """A font whose renders are :class:`TextImage`; everything else is the real font's."""

    def __init__(self, font: pygame.font.Font) -> None:
        self._font = font

    def render(self, text: str, antialias: bool, color: Any, background: Any = None) -> TextImage:
        image = (self._font.render(text, antialias, color) if background is None
                 else self._font.render(text, antialias, color, background))
        marked = TextImage(image.get_size(), pygame.SRCALPHA)
        marked.blit(image, (0, 0), special_flags=pygame.BLEND_RGBA_ADD)
        marked.text = text
        return marked

    def __getattr__(self, name: str) -> Any:
        return getattr(self._font, name)


class RecordingFonts(Fonts):
    """The game's fonts, wrapped."""

    def __init__(self, scale: float = 1.0) -> None:
        super().__init__(scale)
        self._wrapped: dict[tuple[int, bool, bool, float], RecordingFont] = {}

    def get(self, size: int, bold: bool = False, *, exact: bool = False) -> Any:
        key = (size, bold, exact, self.scale)
        if key not in self._wrapped:
            self._wrapped[key] = RecordingFont(super().get(size, bold, exact=exact))
        return self._wrapped[key]


@dataclass(frozen=True)
class Drawn:
    """One line of text on the screen."""

    text: str
    ink: pygame.Rect


class Screen(pygame.Surface):
    """The logical screen, noting where text lands while ``recording``."""

    def __init__(self) -> None:
        super().__init__(SCREEN.size)
        self.recording = False
        self.texts: list[Drawn] = []

    def blit(self, source: Any, dest: Any, area: Any = None, special_flags: int = 0) -> Any:
        rect = super().blit(source, dest, area, special_flags)
        if self.recording and isinstance(source, TextImage) and source.text.strip():
            ink = source.get_bounding_rect()
            if area is not None:
                ink = ink.clip(pygame.Rect(area))
                ink.move_ip(-pygame.Rect(area).left, -pygame.Rect(area).top)
            position = dest.topleft if isinstance(dest, pygame.Rect) else \
                (int(dest[0]), int(dest[1]))
            self.texts.append(Drawn(source.text, ink.move(position)))
        return rect


def use_recording_fonts(app: App) -> None:
    """Make the app's game draw with :class:`RecordingFonts` (before building scenes)."""
    app.game.fonts = RecordingFonts(app.game.fonts.scale)
    app.game._sprites.clear()


def draw_top(app: App) -> tuple[list[Drawn], list[pygame.Rect]]:
    """Draw the visible scenes; return the text the top scene drew and its buttons."""
    screen = Screen()
    scenes = app.stack.scenes
    first = len(scenes) - 1
    while first > 0 and scenes[first].overlay:
        first -= 1
    for scene in scenes[first:-1]:
        scene.draw(screen)
    buttons: list[pygame.Rect] = []
    real_draw = Button.draw

    def noting(button: Button, surface: pygame.Surface, font: Any, focused: bool) -> None:
        buttons.append(button.rect.copy())
        real_draw(button, surface, font, focused)

    real_panel = widgets.draw_panel
    users = [module for name, module in list(sys.modules.items())
             if name.startswith("game.ui") and getattr(module, "draw_panel", None) is real_panel]

    def covering(surface: pygame.Surface, rect: pygame.Rect, *args: Any, **kwargs: Any) -> Any:
        """A panel hides the text drawn under it before (an intro card over the board and
        the footer): such text is no longer checked."""
        if surface is screen:
            screen.texts = [t for t in screen.texts if not rect.colliderect(t.ink)]
        return real_panel(surface, rect, *args, **kwargs)

    screen.recording = True
    Button.draw = noting  # type: ignore[method-assign]
    for module in users:
        module.draw_panel = covering  # type: ignore[attr-defined]
    try:
        scenes[-1].draw(screen)
    finally:
        Button.draw = real_draw  # type: ignore[method-assign]
        for module in users:
            module.draw_panel = real_panel  # type: ignore[attr-defined]
    return screen.texts, buttons


def problems(texts: list[Drawn], buttons: list[pygame.Rect] = ()) -> list[str]:  # type: ignore[assignment]
    """Text off the screen, text across a button's edge (a label sticking out, or other text
    running over a button), and pairs of texts whose ink overlaps."""
    found = [f"off screen: {t.text!r} at {t.ink}" for t in texts if not SCREEN.contains(t.ink)]
    for t in texts:
        for rect in buttons:
            if rect.colliderect(t.ink.inflate(-2, -2)) and not rect.inflate(2, 2).contains(t.ink):
                found.append(f"out of its button: {t.text!r} {t.ink} in {rect}")
    for index, first in enumerate(texts):
        for second in texts[index + 1:]:
            if first.ink.inflate(-2, -2).colliderect(second.ink.inflate(-2, -2)):
                found.append(f"overlap: {first.text!r} {first.ink} and {second.text!r} "
                             f"{second.ink}")
    return found
