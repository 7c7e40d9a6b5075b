"""The app: open the window, load the campaign and the save, and run the boring loop.

Events, update, draw, present, tick. Only the subsystems the game uses are started
(display and fonts first, sound after the first frame), so the window appears quickly.
A screen where nothing moves is drawn again only after input, and meanwhile the loop
sleeps until input comes, so a still menu costs next to nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pygame

from game.content.campaign_cache import load_campaign_cached
from game.content.errors import ContentError, Problem
from game.content.model import Campaign
from game.core.level import Level
from game.i18n import Lang
from game.progress import ProgressStore
from game.settings import load_settings
from game.ui.audio import open_audio
from game.ui.context import Game
from game.ui.input import FULLSCREEN_KEYS, HELP_KEYS
from game.ui.outcomes import Open
from game.ui.reload import LevelWatch
from game.ui.scene import Outcome, Pop, Push, Quit, Replace, Reset, Router, Scene, SceneStack
from game.ui.splash import Splash
from game.ui.window import Window

FPS = 60
#: On a still screen the loop waits for input at most this long before looking again.
IDLE_WAIT_MS = 250


class App:
    """A scene stack drawn onto one logical 1280×720 surface."""

    def __init__(self, game: Game, first: Scene, surface: pygame.Surface) -> None:
        self.game = game
        self.stack = SceneStack(first)
        self.stack.router = lazy_router(game)
        self.surface = surface
        self.on_fullscreen: Callable[[], None] | None = None
        self._drawn: tuple[object, ...] | None = None
        """What the surface shows: the visible scenes and the surface's size."""

    @property
    def running(self) -> bool:
        """False once a scene asked to quit or the window was closed."""
        return self.stack.running

    def handle(self, event: pygame.event.Event) -> None:
        """Give one event to the top scene (window-level keys are handled here)."""
        if event.type == pygame.QUIT:
            self.stack.running = False
        elif event.type == pygame.KEYDOWN and event.key in FULLSCREEN_KEYS:
            if self.on_fullscreen is not None:
                self.on_fullscreen()
        elif (event.type == pygame.KEYDOWN and event.key in HELP_KEYS
              and self.stack.top.name != "help"):
            self.stack.apply(Open("help"))
        else:
            self.stack.apply(self.stack.top.handle(event))

    def update(self, dt: float) -> None:
        """Advance the top scene's time."""
        if self.stack.running:
            self.stack.apply(self.stack.top.update(dt))

    def draw(self) -> None:
        """Draw the visible scenes onto the surface."""
        if self.stack.running:
            self.stack.draw(self.surface)
            self._drawn = self._showing()

    def _showing(self) -> tuple[object, ...]:
        return (*map(id, self.stack.visible()), self.surface.get_size())

    @property
    def still(self) -> bool:
        """True while the surface shows the current picture and nothing on it moves."""
        return (self.stack.running and self._drawn == self._showing()
                and not self.stack.top.animating())

    def frame(self, events: list[pygame.event.Event], dt: float) -> bool:
        """One turn of the loop: events, update, and draw unless nothing can have changed
        (no input, the same scenes, none animating). Return whether it drew."""
        for event in events:
            self.handle(event)
            if not self.running:
                return False
        self.update(dt)
        if events or not self.still:
            self.draw()
            return True
        return False


def make_game(levels_dir: Path, lang: Lang | None) -> tuple[Game, tuple[Problem, ...]]:
    """Load the campaign and the pupil's save; content problems are returned, not raised."""
    campaign: Campaign | None = None
    problems: tuple[Problem, ...] = ()
    try:
        campaign = load_campaign_cached(levels_dir)
    except ContentError as error:
        problems = error.problems
    from game.ui.scenes.profiles import last_profile

    store = ProgressStore.default(last_profile())
    new_pupil = not store.path.exists()
    loaded = store.load()
    settings, settings_notice = load_settings()
    game = Game(campaign, store, loaded.progress, settings=settings)
    for notice in (loaded.notice, settings_notice):
        if notice is not None:
            game.notices.append(notice)
    if lang is not None:
        game.progress.language = lang
    elif new_pupil and settings.language is not None:
        game.progress.language = settings.language
    game.apply_settings()
    return game, problems


def lazy_router(game: Game) -> Router:
    """The flow's router (``game.ui.flow``), imported on the first outcome: the flow imports
    every screen, and the first frame needs only the title's."""

    def routed(outcome: Outcome) -> Push | Pop | Replace | Reset | Quit | None:
        from game.ui.flow import route

        return route(game, outcome)

    return routed


def first_scene(game: Game, problems: tuple[Problem, ...], level: Level | None,
                watch: LevelWatch | None = None) -> Scene:
    """The title screen, the level being tried, or the list of content problems (each
    scene's module is imported only when it is the one shown first)."""
    if problems:
        from game.ui.scenes.errors import ErrorScene

        return ErrorScene(game, problems, watch)
    if level is not None:
        from game.ui.scenes.play import PlayScene

        return PlayScene(game, level, watch=watch)
    from game.ui.scenes.title import TitleScene

    return TitleScene(game)


def start(
    levels_dir: Path, level_file: Path | None = None, lang: Lang | None = None,
    splash: Splash | None = None,
) -> tuple[App, Window, tuple[Problem, ...]]:
    """Load content and the save, open the window and draw the first frame.

    A level file given on the command line is watched: when it is broken its problems are
    printed and shown, and the game starts as soon as it is fixed. The benchmark calls this
    too, so it measures the real start-up. ``splash`` is the title's picture shown before
    (``game.ui.splash``): this first live frame replaces it, and is kept as the picture for
    the next start when it is a plain title.
    """
    game, problems = make_game(levels_dir, lang)
    level, watch = None, None
    if level_file is not None:
        game.campaign = None
        watch = LevelWatch(level_file)
        loaded = watch.load()
        level, problems = (loaded, ()) if isinstance(loaded, Level) else (None, loaded)
    for problem in problems:
        print(problem, file=sys.stderr)
    pygame.display.init()
    pygame.font.init()
    window = Window()
    game.set_fullscreen = window.set_fullscreen
    window.set_fullscreen(game.settings.fullscreen)
    app = App(game, first_scene(game, problems, level, watch), window.logical)
    app.on_fullscreen = lambda: game.change_settings(
        replace(game.settings, fullscreen=not window.fullscreen))
    app.draw()
    window.present()
    if (splash is not None and app.stack.top.name == "title" and not problems
            and not game.notices and not window.fullscreen):
        splash.store(pygame.display.get_caption()[0], window.surface())
    return app, window, problems


def run(levels_dir: Path, level_file: Path | None = None, lang: Lang | None = None,
        splash: Splash | None = None) -> int:
    """Play until the window closes; return the exit code."""
    app, window, problems = start(levels_dir, level_file, lang, splash)
    loop(app, window)
    return 1 if problems else 0


def prepare(app: App) -> None:
    """What the loop does before it takes the first input, now that the first frame is
    shown: open the sound (each effect is made when it first plays)."""
    app.game.audio = open_audio()
    app.game.audio.set_volume(app.game.settings.loudness)


def loop(app: App, window: Window) -> None:
    """Open the sound, run frames until the window closes, close pygame.

    Every screen's module is imported the first time the loop would sleep with no input
    waiting, so the first click opens its screen at once; input that comes first is
    handled first (a screen opened before then imports what it needs itself)."""
    prepare(app)
    screens_imported = False
    clock = pygame.time.Clock()
    while app.running:
        if app.still and not screens_imported and not pygame.event.peek():
            import game.ui.flow  # noqa: F401

            screens_imported = True
        if app.still:  # sleep until input comes
            first = pygame.event.wait(IDLE_WAIT_MS)
            events = ([] if first.type == pygame.NOEVENT else [first]) + pygame.event.get()
            dt = clock.tick() / 1000.0
        else:
            dt = clock.tick(FPS) / 1000.0
            events = pygame.event.get()
        drew = app.frame([window.to_logical(event) for event in events], min(dt, 0.1))
        if app.running and drew:
            window.present()
    app.game.save()  # what is only in memory (the moves of a level left mid-way)
    pygame.quit()
