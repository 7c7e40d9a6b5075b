"""Scenes as a stack; a scene returns a transition as a value and the app applies it.

``handle`` reacts to one input event, ``update`` advances time, ``draw`` paints and never
changes state. Transitions are applied in exactly one place: :meth:`SceneStack.apply`.

A scene whose background, panels and labels stay the same from frame to frame can paint
them once into a static layer (:meth:`Scene.static_layer`) and blit that every frame; the
layer is painted again only when its key changes. :func:`appearance` is what every key
starts with: the language, the text size and the colours.

A scene that leads elsewhere in the campaign returns an :class:`Outcome` (what happened:
a level won, a quiz passed) instead; the stack's ``router`` (``game.ui.flow``) turns it into
the transition, so scene modules never import each other.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.ui import palette

if TYPE_CHECKING:
    from game.ui.context import Game


def appearance(game: Game) -> Hashable:
    """What every picture depends on besides the scene: language, text size and colours."""
    return (game.lang, game.fonts.scale, palette.PAPER, palette.PANEL,
            palette.PANEL_BORDER, palette.INK, palette.TEXT, palette.RED)


class StaticLayer:
    """A screen-sized picture of what does not change, painted again only when its key (or
    the surface's size or format) changes."""

    def __init__(self) -> None:
        self._image: pygame.Surface | None = None
        self._key: Hashable = None

    def blit(self, surface: pygame.Surface, key: Hashable,
             paint: Callable[[pygame.Surface], None]) -> None:
        """Blit the layer onto ``surface``, first painting it with ``paint`` if ``key`` is
        not the key it was painted for."""
        full = (surface.get_size(), surface.get_bitsize(), key)
        if self._image is None or full != self._key:
            self._image = pygame.Surface(surface.get_size(), 0, surface)
            paint(self._image)
            self._key = full
        surface.blit(self._image, (0, 0))

    def forget(self) -> None:
        """Paint the layer again next time."""
        self._image, self._key = None, None


class Scene:
    """One screen. Subclasses override what they need."""

    #: Drawn on top of the scene below it (a pause menu over the level).
    overlay: bool = False
    #: A short stable name, used for screenshots and tests.
    name: str = "scene"

    def handle(self, event: pygame.event.Event) -> Transition | None:
        """React to one input event."""
        return None

    def update(self, dt: float) -> Transition | None:
        """Advance animations by ``dt`` seconds."""
        return None

    def draw(self, surface: pygame.Surface) -> None:
        """Paint the scene; must not change any state."""

    def resumed(self) -> None:
        """Called when the scene above it was popped."""

    def static_layer(self, surface: pygame.Surface, key: Hashable,
                     paint: Callable[[pygame.Surface], None]) -> None:
        """Blit this scene's static layer (background, panels, labels), painting it with
        ``paint`` first when ``key`` changed; start ``key`` with :func:`appearance`."""
        layer = self.__dict__.get("_static_layer")
        if layer is None:
            layer = self.__dict__["_static_layer"] = StaticLayer()
        layer.blit(surface, key, paint)

    def animating(self) -> bool:
        """Whether the picture can change with time alone, not only after input.

        The app redraws a scene that is not animating only after an event or a change of
        scenes, and sleeps until input comes. By default a scene animates when it has its
        own :meth:`update`; a scene whose animation can end says when it has.
        """
        return type(self).update is not Scene.update


@dataclass(frozen=True, slots=True)
class Push:
    """Open ``scene`` on top; the current scene waits below."""

    scene: Scene


@dataclass(frozen=True, slots=True)
class Pop:
    """Close the current scene and return to the one below."""


@dataclass(frozen=True, slots=True)
class Replace:
    """Swap the current scene for ``scene``."""

    scene: Scene


@dataclass(frozen=True, slots=True)
class Reset:
    """Close every scene and start again from ``scene`` (quit to title), with ``below``
    (bottom first) under it, where Esc leads back to."""

    scene: Scene
    below: tuple[Scene, ...] = ()


@dataclass(frozen=True, slots=True)
class Quit:
    """Leave the game."""


class Outcome:
    """What happened in a scene (see :mod:`game.ui.outcomes`); the router decides where it
    leads."""


Transition = Push | Pop | Replace | Reset | Quit | Outcome
Router = Callable[[Outcome], "Push | Pop | Replace | Reset | Quit | None"]


class SceneStack:
    """The open scenes, bottom first."""

    def __init__(self, first: Scene) -> None:
        self.scenes: list[Scene] = [first]
        self.running = True
        self.router: Router | None = None
        """Maps an :class:`Outcome` to a transition (set by the app to ``game.ui.flow``)."""

    @property
    def top(self) -> Scene:
        """The scene that receives input."""
        return self.scenes[-1]

    def apply(self, transition: Transition | None) -> None:
        """Carry out one transition."""
        if isinstance(transition, Outcome):
            if self.router is None:
                raise TypeError(f"no router for {type(transition).__name__}")
            transition = self.router(transition)
        if transition is None:
            return
        if isinstance(transition, Push):
            self.scenes.append(transition.scene)
        elif isinstance(transition, Pop):
            self.scenes.pop()
            if not self.scenes:
                self.running = False
            else:
                self.top.resumed()
        elif isinstance(transition, Replace):
            self.scenes[-1] = transition.scene
        elif isinstance(transition, Reset):
            self.scenes = [*transition.below, transition.scene]
        elif isinstance(transition, Quit):
            self.running = False

    def visible(self) -> list[Scene]:
        """The top scene, and the scenes below it while they are covered by overlays."""
        first = len(self.scenes) - 1
        while first > 0 and self.scenes[first].overlay:
            first -= 1
        return self.scenes[first:]

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the visible scenes, bottom first."""
        for scene in self.visible():
            scene.draw(surface)
