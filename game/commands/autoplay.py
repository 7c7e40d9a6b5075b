"""``python main.py autoplay``: play the whole campaign through the real scenes, headless
when ``SDL_VIDEODRIVER=dummy``, optionally saving a PNG of every screen it passes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.commands import EXIT_FAIL, EXIT_OK, EXIT_USAGE

NAME = "autoplay"
HELP = "play the whole campaign with the solver's moves through the real screens"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Where to save screenshots, and in which language."""
    parser.add_argument("--screenshots", type=Path, default=None, metavar="DIR",
                        help="save one PNG per screen passed into this folder")


def run(args: argparse.Namespace, levels_dir: Path) -> int:
    """Play from the title to the ending; 0 when every chapter was completed."""
    from game.content.campaign import load_campaign
    from game.content.errors import ContentError
    from game.ui.app import App
    from game.ui.autoplay import headless_app, play_campaign, save_screen

    try:
        load_campaign(levels_dir)
    except ContentError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    shots = args.screenshots
    if shots is not None:
        shots.mkdir(parents=True, exist_ok=True)
    count = 0

    def shot(app: App, name: str) -> None:
        nonlocal count
        if shots is not None:
            count += 1
            save_screen(app, shots / f"{count:03d}-{name}.png")

    app = headless_app(levels_dir, args.lang or "zh")
    try:
        seen = play_campaign(app, shot, tweens=False)  # same screens, no glide frames between
    except (AssertionError, RuntimeError) as error:
        print(f"autoplay stopped: {error}", file=sys.stderr)
        return EXIT_FAIL
    game = app.game
    assert game.campaign is not None
    done = all(game.chapter_complete(chapter) for chapter in game.campaign.chapters)
    print(f"autoplay: {len(seen)} screens, {len(game.campaign.chapters)} chapters "
          f"{'all complete' if done else 'NOT all complete'}"
          + (f"; {count} screenshots in {shots}" if shots is not None else ""))
    return EXIT_OK if done else EXIT_FAIL
