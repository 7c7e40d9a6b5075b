"""Scenes as a stack; a scene returns a transition as a value and the app applies it.

``handle`` reacts to one input event, ``update`` advances time, ``draw`` paints and never
changes state. Transitions are applied in exactly one place: :meth:`SceneStack.apply`.
A scene that leads elsewhere in the campaign returns an :class:`Outcome` (what happened:
a level won, a quiz passed) instead; the stack's ``router`` (``game.ui.flow``) turns it into
the transition, so scene modules never import each other.
"""

from __future__ import annotations

from collections.abc import Callable
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

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the top scene, and the scenes below it while they are covered by overlays."""
        first = len(self.scenes) - 1
        while first > 0 and self.scenes[first].overlay:
            first -= 1
        for scene in self.scenes[first:]:
            scene.draw(surface)
