"""Scenes as a stack; a scene returns a transition as a value and the app applies it.

``handle`` reacts to one input event, ``update`` advances time, ``draw`` paints and never
changes state. Transitions are applied in exactly one place: :meth:`SceneStack.apply`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame


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
    """Close every scene and start again from ``scene`` (quit to title)."""

    scene: Scene


@dataclass(frozen=True, slots=True)
class Quit:
    """Leave the game."""


Transition = Push | Pop | Replace | Reset | Quit


class SceneStack:
    """The open scenes, bottom first."""

    def __init__(self, first: Scene) -> None:
        self.scenes: list[Scene] = [first]
        self.running = True

    @property
    def top(self) -> Scene:
        """The scene that receives input."""
        return self.scenes[-1]

    def apply(self, transition: Transition | None) -> None:
        """Carry out one transition."""
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
            self.scenes = [transition.scene]
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
