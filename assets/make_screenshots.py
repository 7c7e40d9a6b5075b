"""Render the README's screenshots by playing chapter 1 through the real scenes, headless;
then the route map, the history cards, the mistakes to review and (after the rest of the
campaign is recorded as complete) the ending.

Usage: ``python assets/make_screenshots.py [OUT_DIR]`` (default ``assets/screenshots``).
Every screen it passes is saved as ``<lang>-<screen>.png``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ["CHANGZHENG_DATA_DIR"] = tempfile.mkdtemp(prefix="changzheng-shots-")

import pygame  # noqa: E402

from game.ui.app import App  # noqa: E402
from game.ui.autoplay import (  # noqa: E402
    answer_quiz,
    click,
    complete_chapter,
    headless_app,
    play_level,
    press,
)
from game.ui.scenes.quiz import QuizScene  # noqa: E402
from game.ui.scenes.title import TitleScene  # noqa: E402


def main(out: Path) -> None:
    """Play chapter 1 in both languages, saving a PNG of each screen."""
    out.mkdir(parents=True, exist_ok=True)
    for lang in ("zh", "en"):
        os.environ["CHANGZHENG_DATA_DIR"] = tempfile.mkdtemp(prefix=f"changzheng-shots-{lang}-")
        app = headless_app(REPO / "levels", lang)

        def shot(app: App, name: str, lang: str = lang) -> None:
            app.draw()
            pygame.image.save(app.surface, str(out / f"{lang}-{name}.png"))

        shot(app, "title")
        press(app, pygame.K_RETURN)
        shot(app, "route")
        press(app, pygame.K_RETURN)
        shot(app, "briefing")
        press(app, pygame.K_RETURN)
        for _ in range(2):
            play_level(app, shot)
            shot(app, f"result-{len(list(out.glob(f'{lang}-result-*.png'))) + 1}")
            press(app, pygame.K_RETURN)
        answer_quiz(app, shot, wrong=1)
        shot(app, "quiz-score")
        summary = app.stack.top
        assert isinstance(summary, QuizScene)
        click(app, summary.menu.find("card").rect.center)
        shot(app, "cards")
        press(app, pygame.K_ESCAPE)
        click(app, summary.menu.find("continue").rect.center)
        shot(app, "title-after")
        press(app, pygame.K_RETURN)
        shot(app, "route-after")
        press(app, pygame.K_ESCAPE)
        title = app.stack.top
        assert isinstance(title, TitleScene)
        click(app, title.menu.find("review").rect.center)
        shot(app, "review")
        press(app, pygame.K_ESCAPE)
        campaign = app.game.campaign
        assert campaign is not None
        for chapter in campaign.chapters[1:]:
            complete_chapter(app.game, chapter)
        title.resumed()
        shot(app, "title-complete")
        click(app, title.menu.find("ending").rect.center)
        press(app, pygame.K_RETURN)  # show the whole poem at once
        shot(app, "ending")
        print(f"{lang}: screenshots in {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "assets" / "screenshots")
