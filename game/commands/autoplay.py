"""``python main.py autoplay``: play the whole campaign through the real scenes, headless
when ``SDL_VIDEODRIVER=dummy``, optionally saving a PNG of every screen it passes.

It never touches a real pupil: unless ``--profile NAME`` is given, it plays in a throwaway
profile in a temporary folder (every file the game would write goes there), deleted after.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from game.commands import EXIT_FAIL, EXIT_OK, EXIT_USAGE


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Where to save screenshots, and in which language."""
    parser.add_argument("--screenshots", type=Path, default=None, metavar="DIR",
                        help="save one PNG per screen passed into this folder")
    parser.add_argument("--profile", default=None, metavar="NAME",
                        help="play as this pupil and keep the results in their save "
                             "(default: a throwaway profile in a temporary folder)")


@contextlib.contextmanager
def throwaway_data_dir() -> Iterator[Path]:
    """Point the game's data folder at a new temporary folder for the duration, then delete
    it: saves, the last pupil and anything else the game writes stay out of real saves."""
    from game.progress import DATA_DIR_ENV

    before = os.environ.get(DATA_DIR_ENV)
    with tempfile.TemporaryDirectory(prefix="changzheng-autoplay-") as folder:
        os.environ[DATA_DIR_ENV] = folder
        try:
            yield Path(folder)
        finally:
            if before is None:
                os.environ.pop(DATA_DIR_ENV, None)
            else:
                os.environ[DATA_DIR_ENV] = before


def run(args: argparse.Namespace, levels_dir: Path) -> int:
    """Play from the title to the ending; 0 when every chapter was completed. Plays in a
    throwaway profile unless ``--profile`` names a pupil."""
    profile = getattr(args, "profile", None)
    if profile is not None:
        return _play(args, levels_dir, profile)
    with throwaway_data_dir():
        return _play(args, levels_dir, None)


def _play(args: argparse.Namespace, levels_dir: Path, profile: str | None) -> int:
    from game.content.campaign import load_campaign
    from game.content.errors import ContentError
    from game.ui.app import App
    from game.ui.autoplay import headless_app, play_campaign, save_screen, show_editor

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

    app = headless_app(levels_dir, args.lang or "zh", profile)
    try:
        seen = play_campaign(app, shot)
    except (AssertionError, RuntimeError) as error:
        print(f"autoplay stopped: {error}", file=sys.stderr)
        return EXIT_FAIL
    game = app.game
    assert game.campaign is not None
    first = game.campaign.chapters[0].levels[0]
    show_editor(app, game.campaign.root.parent / first.source, shot)
    done = all(game.chapter_complete(chapter) for chapter in game.campaign.chapters)
    print(f"autoplay: {len(seen)} screens, {len(game.campaign.chapters)} chapters "
          f"{'all complete' if done else 'NOT all complete'}"
          + (f"; {count} screenshots in {shots}" if shots is not None else "")
          + (f"; saved as pupil {profile!r}" if profile is not None
             else "; played in a throwaway profile (no pupil's save touched)"))
    return EXIT_OK if done else EXIT_FAIL
