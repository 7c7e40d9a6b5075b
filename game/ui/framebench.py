"""The frame benchmark's measuring half (``python main.py bench frames`` prints it): every
screen built on a fully played campaign and run through the app's own frame, and a bare
20×15-tile loop, timed in the same process. See ``game/benchmarks/frames.py``.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.ui.app import App, make_game
from game.ui.widgets import SCREEN_SIZE

if TYPE_CHECKING:
    from game.core.actions import Action
    from game.core.level import Level
    from game.ui.context import Game
    from game.ui.scene import Scene

DT = 1 / 60
WARM_UP = 30
MOVE_EVERY = 12


@dataclass(frozen=True, slots=True)
class Timing:
    """Frame times of one screen, in milliseconds."""

    name: str
    first_ms: float
    median_ms: float
    p99_ms: float
    idle_ms: float = 0.0


def percentile(times: list[float], fraction: float) -> float:
    """The value below which ``fraction`` of ``times`` lie (nearest rank)."""
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def summarise(name: str, times: list[float], idle: list[float] | None = None) -> Timing:
    """Median and p99 of ``times`` (seconds; the first is the cold frame) in milliseconds."""
    warm = times[WARM_UP:] or times
    return Timing(name, times[0] * 1000, statistics.median(warm) * 1000,
                  percentile(warm, 0.99) * 1000,
                  statistics.median(idle) * 1000 if idle else 0.0)


def measure(levels_dir: Path, lang: str, frames: int,
            only: list[str] | None = None) -> tuple[list[Timing], Timing]:
    """Every screen's timing, and the bare loop's."""
    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode(SCREEN_SIZE)
    surface = pygame.Surface(SCREEN_SIZE).convert()
    timings = []
    for name, make in screens(levels_dir, lang):
        if only and not any(part in name for part in only):
            continue
        moving = time_frames(make(surface, True), frames)
        idle = time_frames(make(surface, False), frames)
        timings.append(summarise(name, moving, idle[WARM_UP:]))
    bare = summarise("bare 20x15 tiles", time_frames(bare_loop(surface), frames))
    pygame.quit()
    return timings, bare


Step = Callable[[int], None]
"""One frame: its number."""
Make = Callable[[pygame.Surface, bool], Step]
"""Build a screen's frame function drawing on a surface, with or without the mouse moving."""


def time_frames(step: Step, frames: int) -> list[float]:
    """Seconds taken by each call of ``step`` (warm-up frames first)."""
    times = []
    for index in range(WARM_UP + frames):
        began = time.perf_counter()
        step(index)
        times.append(time.perf_counter() - began)
    return times


def bare_loop(surface: pygame.Surface) -> Step:
    """The floor: fill the screen and blit 20×15 tiles of 48 pixels, as any tile game does."""
    tiles = []
    for shade in range(4):
        tile = pygame.Surface((48, 48)).convert()
        tile.fill((90 + shade * 20, 140, 80))
        pygame.draw.rect(tile, (40, 60, 30), tile.get_rect(), 1)
        tiles.append(tile)

    def step(index: int) -> None:
        surface.fill((0, 0, 0))
        for y in range(15):
            for x in range(20):
                surface.blit(tiles[(x + y + index // 15) % 4], (x * 48, y * 48))

    return step


def mouse_at(index: int) -> tuple[int, int]:
    """Where the moving mouse is at frame ``index``: a slow zigzag over the whole screen."""
    return ((index * 7) % 1280, (index * 3 + (index * 7) // 1280 * 41) % 720)


def app_frames(game: Game, scene: Callable[[], Scene],
               before: Callable[[Scene, int], None] | None = None) -> Make:
    """A screen run by the app's frame; ``before`` acts on the scene before each frame."""

    def make(surface: pygame.Surface, moving: bool) -> Step:
        app = App(game, scene(), surface)

        def step(index: int) -> None:
            if before is not None:
                before(app.stack.top, index)
            events = [pygame.event.Event(pygame.MOUSEMOTION, pos=mouse_at(index), rel=(7, 3),
                                         buttons=(0, 0, 0))] if moving else []
            app.frame(events, DT)

        return step

    return make


def screens(levels_dir: Path, lang: str) -> Iterator[tuple[str, Make]]:
    """(name, frame function maker) of every screen, in the order a pupil meets them."""
    from game.solver import solve
    from game.ui.autoplay import complete_chapter
    from game.ui.scenes.briefing import BriefingScene
    from game.ui.scenes.cards import CardsScene
    from game.ui.scenes.ending import EndingScene
    from game.ui.scenes.play import PlayScene
    from game.ui.scenes.profiles import ProfilesScene
    from game.ui.scenes.quiz import QuizScene
    from game.ui.scenes.result import ResultScene
    from game.ui.scenes.review import ReviewScene
    from game.ui.scenes.route import RouteScene
    from game.ui.scenes.title import TitleScene

    game, problems = make_game(levels_dir, "en" if lang == "en" else "zh")
    if game.campaign is None:
        raise SystemExit(f"python main.py bench frames: the campaign in {levels_dir} has "
                         f"problems; run python main.py check ({len(problems)} found)")
    campaign = game.campaign
    for chapter in campaign.chapters:
        wrong = tuple(q.id for q in chapter.quiz.questions[:2]) if chapter.quiz else ()
        complete_chapter(game, chapter, wrong=wrong)
    yield "title", app_frames(game, lambda: TitleScene(game))
    yield "profiles", app_frames(game, lambda: ProfilesScene(game))
    yield "route map", app_frames(game, lambda: RouteScene(game))
    yield "briefing", app_frames(game, lambda: BriefingScene(game, 0))
    for index, chapter in enumerate(campaign.chapters):
        level = max(chapter.levels, key=lambda lv: lv.width * lv.height)
        moves = solve(level).moves or ()

        def scene(level: Level = level, index: int = index) -> Scene:
            play = PlayScene(game, level, index, 0)
            play.showing_intro = False
            return play

        yield f"level {level.id}", app_frames(game, scene, animate(moves))
    yield "quiz", app_frames(game, lambda: QuizScene(game, 0))
    first = campaign.chapters[0].levels[0]
    won = PlayScene(game, first, 0, 0)
    for action in solve(first).moves or ():
        won.play(action)
    yield "result", app_frames(game, lambda: ResultScene(game, first, won.state, won.actions,
                                                         0, 0))
    yield "cards", app_frames(game, lambda: CardsScene(game))
    yield "review", app_frames(game, lambda: ReviewScene(game))
    ending = campaign.ending
    if ending is not None:
        yield "ending", app_frames(game, lambda: EndingScene(game, ending))
    settings = _settings_scene()
    if settings is not None:
        yield "settings", app_frames(game, lambda: settings(game))


def animate(moves: tuple[Action, ...]) -> Callable[[Scene, int], None]:
    """Play the solver's moves on a level, one every 12 frames, restarting at the end, so
    the board tweens most of the time."""

    from game.ui.scenes.play import PlayScene

    def before(scene: Scene, index: int) -> None:
        assert isinstance(scene, PlayScene)
        if index % MOVE_EVERY == 0 and moves:
            if scene.state.status.value != "playing":
                scene.restart()
            scene.play(moves[len(scene.actions) % len(moves)])

    return before


def _settings_scene() -> Callable[[Game], Scene] | None:
    """The settings screen's class, where this version of the game has one."""
    import importlib

    try:
        module = importlib.import_module("game.ui.scenes.settings")
    except ImportError:
        return None
    scene: Callable[[Game], Scene] | None = getattr(module, "SettingsScene", None)
    return scene


