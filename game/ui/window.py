"""The real window: any size, showing the 1280×720 logical screen scaled and letterboxed.

Scenes always draw on the logical surface; this module scales it to the window and maps
mouse positions back, so a 1024×768 projector and a 4K screen both show the whole game.
"""

from __future__ import annotations

import pygame

from game.ui import strings
from game.ui.widgets import SCREEN_SIZE

MOUSE_EVENTS = (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION)


def fitted_size(desktop: tuple[int, int], logical: tuple[int, int] = SCREEN_SIZE,
                margin: int = 60) -> tuple[int, int]:
    """The largest 16:9 window, at most the logical size, that fits on ``desktop``."""
    width, height = logical
    scale = min(1.0, desktop[0] / width, (desktop[1] - margin) / height)
    return (max(320, int(width * scale)), max(180, int(height * scale)))


def letterbox(window: tuple[int, int], logical: tuple[int, int] = SCREEN_SIZE) -> pygame.Rect:
    """Where the scaled logical screen sits inside a window of size ``window``."""
    scale = min(window[0] / logical[0], window[1] / logical[1])
    rect = pygame.Rect(0, 0, round(logical[0] * scale), round(logical[1] * scale))
    rect.center = (window[0] // 2, window[1] // 2)
    return rect


class Window:
    """Owns the display surface and the logical surface the scenes draw on."""

    def __init__(self) -> None:
        pygame.display.set_caption(strings.WINDOW_TITLE)
        sizes = pygame.display.get_desktop_sizes()
        self.windowed_size = fitted_size(sizes[0]) if sizes else SCREEN_SIZE
        self.fullscreen = False
        shown = pygame.display.get_surface()  # the stored title's window (game.ui.splash)
        if (shown is not None and shown.get_size() == self.windowed_size
                and shown.get_flags() & pygame.RESIZABLE):
            self.display = shown  # kept as it is: opening it again could blank it
        else:
            self.display = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
        self.logical = pygame.Surface(SCREEN_SIZE).convert()

    def set_fullscreen(self, on: bool) -> None:
        """Show the game on the whole screen, or in a window (nothing when already so)."""
        if on != self.fullscreen:
            self.toggle_fullscreen()

    def toggle_fullscreen(self) -> None:
        """Switch between a window and the whole screen (F11)."""
        self.fullscreen = not self.fullscreen
        if self.fullscreen:
            self.windowed_size = self.display.get_size()
            self.display = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        else:
            self.display = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)

    def surface(self) -> pygame.Surface:
        """The window's surface now (pygame may replace it when the window is resized)."""
        return pygame.display.get_surface() or self.display

    def to_logical(self, event: pygame.event.Event) -> pygame.event.Event:
        """The event with its mouse position in logical coordinates (others unchanged)."""
        if event.type not in MOUSE_EVENTS:
            return event
        box = letterbox(self.surface().get_size())
        x = (event.pos[0] - box.left) * SCREEN_SIZE[0] // max(1, box.width)
        y = (event.pos[1] - box.top) * SCREEN_SIZE[1] // max(1, box.height)
        attributes = dict(event.dict, pos=(x, y))
        return pygame.event.Event(event.type, attributes)

    def present(self) -> None:
        """Show the logical surface in the window, scaled if the window is another size."""
        display = self.surface()
        size = display.get_size()
        if size == SCREEN_SIZE:
            display.blit(self.logical, (0, 0))
        else:
            box = letterbox(size)
            display.fill((0, 0, 0))
            display.blit(pygame.transform.smoothscale(self.logical, box.size), box)
        pygame.display.flip()
