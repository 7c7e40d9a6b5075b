"""Buttons, panels and the paper background, shared by every menu-like scene."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from functools import cache

import pygame

from game.ui import palette
from game.ui.input import CONFIRM_KEYS, MENU_DOWN_KEYS, MENU_UP_KEYS
from game.ui.text import wrap

SCREEN_SIZE = (1280, 720)


@cache
def paper_background(size: tuple[int, int] = SCREEN_SIZE) -> pygame.Surface:
    """A warm paper texture with faint fibres, drawn once."""
    surface = pygame.Surface(size)
    surface.fill(palette.PAPER)
    rng = random.Random(1934)
    width, height = size
    shades = {shade: tuple(max(0, min(255, c + shade)) for c in palette.PAPER)
              for shade in range(-14, 11)}
    line, randrange, randint = pygame.draw.line, rng.randrange, rng.randint
    for _ in range(1600):
        x, y = randrange(width), randrange(height)
        color = shades[randint(-14, 10)]
        length = randint(2, 9)
        line(surface, color, (x, y), (x + length, y + randint(-1, 1)))
    border = pygame.Rect(0, 0, width, height).inflate(-24, -24)
    pygame.draw.rect(surface, palette.PANEL_BORDER, border, 2, border_radius=6)
    pygame.draw.rect(surface, palette.PAPER_DARK, border.inflate(-10, -10), 1, border_radius=4)
    return surface


@cache
def _panel_layers(size: tuple[int, int], alpha: int,
                  colour: tuple[int, int, int]) -> tuple[pygame.Surface, pygame.Surface]:
    """The shadow and the translucent face of a panel (made once per size and colour)."""
    shadow = pygame.Surface(size, pygame.SRCALPHA)
    shadow.fill((0, 0, 0, 60))
    panel = pygame.Surface(size, pygame.SRCALPHA)
    pygame.draw.rect(panel, (*colour, alpha), panel.get_rect(), border_radius=10)
    return shadow, panel


def draw_panel(surface: pygame.Surface, rect: pygame.Rect, *, alpha: int = 245) -> None:
    """A paper panel with an ink border and a soft shadow."""
    shadow, panel = _panel_layers(rect.size, alpha, palette.PANEL)
    surface.blit(shadow, rect.move(4, 5))
    surface.blit(panel, rect)
    pygame.draw.rect(surface, palette.PANEL_BORDER, rect, 2, border_radius=10)


@cache
def _veil(size: tuple[int, int], alpha: int) -> pygame.Surface:
    veil = pygame.Surface(size, pygame.SRCALPHA)
    veil.fill((20, 16, 14, alpha))
    return veil


def dim(surface: pygame.Surface, alpha: int = 140) -> None:
    """Darken everything already drawn (behind a modal menu)."""
    surface.blit(_veil(surface.get_size(), alpha), (0, 0))


@dataclass
class Button:
    """A clickable label. ``key`` is what the menu reports when it is chosen."""

    key: str
    label: str
    rect: pygame.Rect
    enabled: bool = True
    selected: bool = False
    marked: str = ""
    tone: str = ""
    """``"good"`` or ``"bad"`` paints a right or wrong answer after a quiz question, with a
    tick or a cross drawn beside it (a shape, not only a colour)."""
    ring_focus: bool = False
    """Show focus as an ink ring around the button instead of a red fill (where red would
    read as "wrong", as on a quiz's options)."""

    def draw(self, surface: pygame.Surface, font: pygame.font.Font, focused: bool) -> None:
        """Paint the button; focus and selection show as colour and a red edge."""
        if self.tone == "good":
            fill, text, edge = palette.GOOD, palette.WHITE, palette.INK
        elif self.tone == "bad":
            fill, text, edge = palette.BAD, palette.WHITE, palette.INK
        elif not self.enabled:
            fill, text, edge = palette.PAPER_DARK, palette.TEXT_MUTED, palette.TEXT_MUTED
        elif self.selected:
            fill, text, edge = palette.GOLD, palette.INK, palette.DEEP_RED
        elif focused and not self.ring_focus:
            fill, text, edge = palette.RED, palette.WHITE, palette.DEEP_RED
        else:
            fill, text, edge = palette.PANEL, palette.TEXT, palette.PANEL_BORDER
        if focused and self.ring_focus and self.enabled:
            pygame.draw.rect(surface, palette.INK, self.rect.inflate(10, 10), 3,
                             border_radius=12)
        pygame.draw.rect(surface, fill, self.rect, border_radius=8)
        pygame.draw.rect(surface, edge, self.rect, 2, border_radius=8)
        mark_room = MARK_ROOM if self.tone else 0
        lines = wrap(font, self.label, self.rect.width - 28 - mark_room)
        height = font.get_linesize()
        top = self.rect.centery - height * len(lines) // 2
        left_aligned = len(lines) > 1 or bool(self.marked)
        for index, line in enumerate(lines):
            image = font.render(line, True, text)
            middle = top + height // 2 + index * height
            if left_aligned:
                rect = image.get_rect(midleft=(self.rect.left + 14, middle))
            else:
                rect = image.get_rect(center=(self.rect.centerx - mark_room // 2, middle))
            surface.blit(image, rect)
        if self.tone:
            verdict_mark(surface, (self.rect.right - MARK_ROOM // 2 - 6, self.rect.centery),
                         self.tone == "good")
        if self.marked:
            badge = font.render(self.marked, True, text)
            surface.blit(badge, badge.get_rect(midright=(self.rect.right - 12 - mark_room,
                                                         self.rect.centery)))


#: Room kept at a button's right end for its tick or cross.
MARK_ROOM = 32


def verdict_mark(surface: pygame.Surface, center: tuple[int, int], right: bool) -> None:
    """A tick (right) or a cross (wrong) in a white disc: told apart by shape, not colour."""
    x, y = center
    pygame.draw.circle(surface, palette.WHITE, center, 13)
    pygame.draw.circle(surface, palette.INK, center, 13, 2)
    if right:
        points = [(x - 7, y), (x - 2, y + 6), (x + 7, y - 6)]
        pygame.draw.lines(surface, palette.GOOD, False, points, 4)
    else:
        for dx in (-1, 1):
            pygame.draw.line(surface, palette.BAD, (x - 6, y - 6 * dx), (x + 6, y + 6 * dx), 4)


@dataclass
class Menu:
    """Buttons chosen with the mouse, or with arrow keys and Enter."""

    buttons: list[Button] = field(default_factory=list)
    focus: int = 0
    keyboard: bool = True

    def handle(self, event: pygame.event.Event) -> str | None:
        """Return the key of the button chosen by this event, if any."""
        if event.type == pygame.MOUSEMOTION:
            for index, button in enumerate(self.buttons):
                if button.enabled and button.rect.collidepoint(event.pos):
                    self.focus = index
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for index, button in enumerate(self.buttons):
                if button.enabled and button.rect.collidepoint(event.pos):
                    self.focus = index
                    return button.key
        elif event.type == pygame.KEYDOWN and self.keyboard and self.buttons:
            if event.key in MENU_UP_KEYS:
                self._move(-1)
            elif event.key in MENU_DOWN_KEYS:
                self._move(1)
            elif event.key in CONFIRM_KEYS and self.buttons[self.focus].enabled:
                return self.buttons[self.focus].key
        return None

    def _move(self, step: int) -> None:
        for _ in range(len(self.buttons)):
            self.focus = (self.focus + step) % len(self.buttons)
            if self.buttons[self.focus].enabled:
                return

    def draw(self, surface: pygame.Surface, font: pygame.font.Font) -> None:
        """Paint every button."""
        for index, button in enumerate(self.buttons):
            button.draw(surface, font, self.keyboard and index == self.focus)

    def find(self, key: str) -> Button:
        """The button reporting ``key``."""
        return next(button for button in self.buttons if button.key == key)


def column_buttons(
    items: list[tuple[str, str]], *, left: int, top: int, width: int, height: int = 56,
    gap: int = 14,
) -> list[Button]:
    """Buttons stacked in a column: ``items`` are (key, label) pairs."""
    return [Button(key, label, pygame.Rect(left, top + i * (height + gap), width, height))
            for i, (key, label) in enumerate(items)]


def row_buttons(
    items: list[tuple[str, str]], *, center_x: int, top: int, width: int = 220,
    height: int = 56, gap: int = 24,
) -> list[Button]:
    """Buttons side by side, centred on ``center_x``."""
    total = len(items) * width + (len(items) - 1) * gap
    left = center_x - total // 2
    return [Button(key, label, pygame.Rect(left + i * (width + gap), top, width, height))
            for i, (key, label) in enumerate(items)]
