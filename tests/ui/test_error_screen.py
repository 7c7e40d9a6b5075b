"""The content-error screen speaks the player's language and can be left by mouse alone."""

from __future__ import annotations

from pathlib import Path

from game.content.errors import Problem
from game.ui.autoplay import click, headless_app
from game.ui.scene import Push
from game.ui.scenes.errors import ErrorScene
from tests.ui.textcheck import draw_top, use_recording_fonts

LEVELS = Path(__file__).resolve().parents[2] / "levels"
UNKNOWN = Problem("levels/x/level-1.yaml", 10, 3, 'unknown key "trops" (did you mean "troops"?)')


def test_problems_are_listed_in_chinese_and_a_click_quits() -> None:
    app = headless_app(LEVELS, "zh")
    use_recording_fonts(app)
    scene = ErrorScene(app.game, (UNKNOWN,))
    app.stack.apply(Push(scene))
    texts, _ = draw_top(app)
    assert any("未知的键" in drawn.text for drawn in texts), texts
    assert app.running
    click(app, scene.menu.find("quit").rect.center)
    assert not app.running
