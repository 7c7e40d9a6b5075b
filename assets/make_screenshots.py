"""Render the README's screenshots by playing chapter 1 through the real scenes, headless.

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
from game.ui.autoplay import answer_quiz, headless_app, play_level, press  # noqa: E402


def main(out: Path) -> None:
    """Play chapter 1 in both languages, saving a PNG of each screen."""
    out.mkdir(parents=True, exist_ok=True)
    for lang in ("zh", "en"):
        app = headless_app(REPO / "levels", lang)

        def shot(app: App, name: str, lang: str = lang) -> None:
            app.draw()
            pygame.image.save(app.surface, str(out / f"{lang}-{name}.png"))

        shot(app, "title")
        press(app, pygame.K_RETURN)
        shot(app, "briefing")
        press(app, pygame.K_RETURN)
        for _ in range(2):
            play_level(app, shot)
            shot(app, f"result-{len(list(out.glob(f'{lang}-result-*.png'))) + 1}")
            press(app, pygame.K_RETURN)
        answer_quiz(app, shot, wrong=1)
        shot(app, "quiz-score")
        press(app, pygame.K_RIGHT)
        press(app, pygame.K_RETURN)
        shot(app, "title-after")
        print(f"{lang}: screenshots in {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "assets" / "screenshots")
