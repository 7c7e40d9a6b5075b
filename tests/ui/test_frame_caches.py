"""What the frame caches may never change: the pixels.

Every screen drawn by a long-lived scene (its text, static layer and board terrain cached,
after the language went back and forth, the mouse moved, moves were played and undone)
must be the very picture a fresh scene draws with nothing cached. And the app draws a
still screen only after input.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pygame
import pytest

from game.solver import solve
from game.ui.app import App, make_game
from game.ui.autoplay import complete_chapter
from game.ui.board import BoardView
from game.ui.context import Game
from game.ui.scene import Scene
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.cards import CardsScene
from game.ui.scenes.ending import EndingScene
from game.ui.scenes.play import BOARD_AREA, PlayScene
from game.ui.scenes.quiz import QuizScene
from game.ui.scenes.review import ReviewScene
from game.ui.scenes.route import RouteScene
from game.ui.scenes.title import TitleScene
from game.ui.text import CachedFont, Fonts, draw_wrapped, wrap

LEVELS = Path(__file__).resolve().parents[2] / "levels"


def played_game(lang: str) -> Game:
    """A game whose chapters are all played, some quiz answers wrong."""
    pygame.display.init()
    pygame.font.init()
    game, problems = make_game(LEVELS, "en" if lang == "en" else "zh")
    assert not problems and game.campaign is not None
    for chapter in game.campaign.chapters:
        wrong = tuple(q.id for q in chapter.quiz.questions[:2]) if chapter.quiz else ()
        complete_chapter(game, chapter, wrong=wrong)
    return game


def picture(scene: Scene, size: tuple[int, int] = (1280, 720)) -> bytes:
    surface = pygame.Surface(size)
    scene.draw(surface)
    return pygame.image.tobytes(surface, "RGB")


SCENES: dict[str, Callable[[Game], Scene]] = {
    "title": TitleScene,
    "route": RouteScene,
    "briefing": lambda game: BriefingScene(game, 3),
    "quiz": lambda game: QuizScene(game, 1),
    "cards": CardsScene,
    "review": ReviewScene,
    "ending": lambda game: EndingScene(game, game.campaign.ending),  # type: ignore[union-attr]
}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", sorted(SCENES))
def test_a_cached_screen_is_the_picture_drawn_from_scratch(name: str, lang: str) -> None:
    game, fresh_game = played_game(lang), played_game(lang)
    make = SCENES[name]
    worn, fresh = make(game), make(fresh_game)
    app = App(game, worn, pygame.Surface((1280, 720)))
    fresh_app = App(fresh_game, fresh, pygame.Surface((1280, 720)))
    events = [pygame.event.Event(pygame.MOUSEMOTION, pos=(step * 31 % 1280, step * 17 % 720),
                                 rel=(0, 0), buttons=(0, 0, 0)) for step in range(40)]
    for event in events:  # the same input for both; only the worn one draws (and caches)
        app.frame([event], 1 / 60)
        fresh_app.handle(event)
        fresh_app.update(1 / 60)
    app.frame([], 5.0)
    fresh_app.update(5.0)
    game.toggle_language()
    picture(worn)
    game.toggle_language()  # back: what was cached in the other language must not show
    assert picture(worn) == picture(fresh)


def test_the_static_layer_follows_the_language() -> None:
    game = played_game("zh")
    title = TitleScene(game)
    chinese = picture(title)
    game.toggle_language()
    title.resumed()
    assert picture(title) != chinese
    game.toggle_language()
    title.resumed()
    assert picture(title) == chinese


def changing_levels() -> list[str]:
    """The shipped levels whose terrain changes in play (ferries, chains, bogs)."""
    game = played_game("zh")
    assert game.campaign is not None
    found = [level.id for chapter in game.campaign.chapters for level in chapter.levels
             if BoardView(level, BOARD_AREA).changing]
    assert len(found) >= 3  # ferries, planks and bogs are all shipped
    return found


@pytest.mark.parametrize("level_id", changing_levels())
def test_patched_terrain_is_the_terrain_drawn_from_scratch(level_id: str) -> None:
    """Ferries running and stopping, planks laid, bogs found and undone: the terrain patched
    cell by cell equals a board composed anew from the same state."""
    game = played_game("zh")
    assert game.campaign is not None
    level = next(lv for c in game.campaign.chapters for lv in c.levels if lv.id == level_id)
    scene = PlayScene(game, level, None, 0)
    scene.showing_intro = False
    moves = solve(level).moves or ()
    assert moves
    surface = pygame.Surface((1280, 720))
    for index, action in enumerate(moves):
        scene.play(action)
        if index % 5 == 4:  # step back now and then: patches must undo too
            scene.undo()
            scene.play(action)
        scene.tween = 1.0
        for clock in (0.0, 0.3):  # two animation frames, each with its own layer
            scene.clock = clock
            scene.draw(surface)
            worn = pygame.image.tobytes(surface, "RGB")
            scene.view = BoardView(level, BOARD_AREA, game.fonts.get(18, bold=True))
            scene.draw(surface)
            assert pygame.image.tobytes(surface, "RGB") == worn, (level_id, index, clock)


def test_a_still_screen_is_drawn_again_only_after_input() -> None:
    game = played_game("zh")
    app = App(game, TitleScene(game), pygame.Surface((1280, 720)))
    drawn: list[int] = []
    original = app.stack.draw

    def counting(surface: pygame.Surface) -> None:
        drawn.append(1)
        original(surface)

    app.stack.draw = counting  # type: ignore[method-assign]
    assert app.frame([], 1 / 60)  # nothing on the surface yet
    assert not any(app.frame([], 1 / 60) for _ in range(20))
    assert app.still and len(drawn) == 1
    assert app.frame([pygame.event.Event(pygame.MOUSEMOTION, pos=(300, 330), rel=(0, 0),
                                         buttons=(0, 0, 0))], 1 / 60)
    assert len(drawn) == 2
    app.frame([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="")],
              1 / 60)
    assert isinstance(app.stack.top, RouteScene) and len(drawn) == 3
    app.frame([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0, unicode="")],
              1 / 60)
    assert isinstance(app.stack.top, TitleScene) and len(drawn) == 4  # back: drawn again


def test_animating_screens_are_drawn_every_frame_until_they_stop() -> None:
    game = played_game("en")
    assert game.campaign is not None and game.campaign.ending is not None
    ending = EndingScene(game, game.campaign.ending)
    app = App(game, ending, pygame.Surface((1280, 720)))
    assert all(app.frame([], 1 / 60) for _ in range(10))  # poem lines still appearing
    app.frame([], 60.0)
    assert not ending.revealing and not app.frame([], 1 / 60)
    level = PlayScene(game, game.campaign.chapters[0].levels[0], 0, 0)
    app = App(game, level, pygame.Surface((1280, 720)))
    assert all(app.frame([], 1 / 60) for _ in range(5))  # a level always animates


def test_cached_text_is_the_text_pygame_renders() -> None:
    pygame.font.init()
    fonts = Fonts()
    font = fonts.get(22)
    assert isinstance(font, CachedFont)
    plain = pygame.font.Font(font_path(bold=False), 22)
    zero_width = font.render("\u200b", True, (0, 0, 0))  # pygame itself raises here
    assert zero_width.get_width() == 0
    for text in ("长征 · The Long March", "红军", "", " ", "…"):
        for colour in ((0, 0, 0), pygame.Color(200, 30, 30)):
            image = font.render(text, True, colour)
            again = font.render(text, True, colour)
            assert image is again  # rendered once
            assert image.get_size() == plain.render(text, True, colour).get_size()
            assert pygame.image.tobytes(image, "RGBA") == pygame.image.tobytes(
                plain.render(text, True, colour), "RGBA")
        assert font.size(text) == plain.size(text)
    assert wrap(font, "红军不怕远征难，万水千山只等闲。", 90) == wrap(plain, "红军不怕远征难，"
                                                                    "万水千山只等闲。", 90)
    surface = pygame.Surface((200, 100))
    draw_wrapped(surface, font, "", pygame.Rect(0, 0, 200, 100))  # never raises


def test_a_style_change_forgets_what_was_rendered() -> None:
    pygame.font.init()
    font = Fonts().get(30)
    regular = font.render("长征", True, (0, 0, 0))
    font.set_underline(True)
    underlined = font.render("长征", True, (0, 0, 0))
    assert pygame.image.tobytes(regular, "RGBA") != pygame.image.tobytes(underlined, "RGBA")
    font.underline = False
    assert pygame.image.tobytes(font.render("长征", True, (0, 0, 0)), "RGBA") == \
        pygame.image.tobytes(regular, "RGBA")


def font_path(*, bold: bool) -> str:
    from game.fontcov import BOLD_FONT, REGULAR_FONT

    return str(BOLD_FONT if bold else REGULAR_FONT)
