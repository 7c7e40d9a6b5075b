"""A test play from the level editor: the real play scene, but Esc or the end of the game
goes back to the editor, just as it was (nothing is recorded in the pupil's progress)."""

from __future__ import annotations

import pygame

from game.core.level import Level
from game.core.state import Status
from game.ui import palette
from game.ui.context import Game
from game.ui.editor import strings as s
from game.ui.outcomes import Open
from game.ui.scene import Pop, Push, Scene, Transition
from game.ui.scenes.editor import EditorScene
from game.ui.scenes.play import END_DELAY_SECONDS, PlayScene


def test_play(game: Game, editor: Scene | None) -> EditorPlayScene:
    """The test play the editor asked for (``Open("editor-play", over=editor)``)."""
    assert isinstance(editor, EditorScene) and editor.validation.level is not None
    return EditorPlayScene(game, editor.validation.level, editor)


class EditorPlayScene(PlayScene):
    """A test play of the level being edited (see the module docstring)."""

    name = "editor-play"

    def __init__(self, game: Game, level: Level, editor: EditorScene) -> None:
        super().__init__(game, level)
        self.editor = editor
        self.finished = 0.0

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.editor.say(s.PLAY_LEFT)
            return Pop()
        result = super().handle(event)
        if isinstance(result, (Push, Open)):  # the pause menu: here, "back to the editor"
            self.editor.say(s.PLAY_LEFT)
            return Pop()
        return result

    def update(self, dt: float) -> Transition | None:
        if self.state.status is Status.PLAYING or self.tween < 1.0:
            return super().update(dt)
        self.clock += dt
        self.finished += dt
        if self.finished < END_DELAY_SECONDS:
            return None
        if self.state.status is Status.WON:
            self.editor.say(s.PLAY_WON.format(moves=len(self.actions),
                                               troops=self.state.troops), palette.GOOD)
        else:
            self.editor.say(s.PLAY_LOST, palette.BAD)
        return Pop()
