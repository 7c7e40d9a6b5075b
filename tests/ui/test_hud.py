"""The HUD: every counter has its own icon, and the level's title ("Level N · name") is never
dropped, for every shipped level, in both languages, in every state of its solution."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pygame
import pytest

from game.content.campaign import load_campaign
from game.core.level import Level
from game.core.rules import step
from game.core.state import State, initial_state
from game.solver import solve
from game.ui.app import make_game
from game.ui.hud import TITLE_SIZES, fit_hud, hud_items
from game.ui.scenes.play import PlayScene
from game.ui.sprites import ICON_KINDS
from game.ui.strings import LEVEL_LABEL
from game.ui.window import letterbox

LEVELS = Path(__file__).resolve().parents[2] / "levels"
CAMPAIGN = load_campaign(LEVELS)
PLACES = [(index, number, level) for index, chapter in enumerate(CAMPAIGN.chapters)
          for number, level in enumerate(chapter.levels)]


def states_of(level: Level) -> tuple[State, ...]:
    """The start and every state along the solver's shortest win (solved once per level and
    test process: the title test asks for the same level in two languages and two windows)."""
    return _states(level.id)


@cache
def _states(level_id: str) -> tuple[State, ...]:
    level = next(level for _, _, level in PLACES if level.id == level_id)
    states = [initial_state(level)]
    for action in solve(level).moves or ():
        states.append(step(level, states[-1], action)[0])
    return tuple(states)


@pytest.mark.parametrize("level", [level for _, _, level in PLACES], ids=lambda lv: lv.id)
def test_every_counter_has_its_own_icon(level: Level) -> None:
    for state in states_of(level)[:3]:
        icons = [icon for icon, _, _ in hud_items(level, state)]
        assert len(icons) == len(set(icons)), icons
        assert set(icons) <= set(ICON_KINDS)
        assert "flag" not in icons, "the red flag is not a counter"


@pytest.mark.parametrize("window", [(1280, 720), (1024, 768)])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("chapter", "number", "level"), PLACES,
                         ids=[level.id for _, _, level in PLACES])
def test_the_level_title_is_never_dropped(window: tuple[int, int], lang: str, chapter: int,
                                          number: int, level: Level) -> None:
    pygame.font.init()
    game, _ = make_game(LEVELS, lang)  # type: ignore[arg-type]
    scene = PlayScene(game, level, chapter, number)
    titles = scene.titles()
    label = game.t(LEVEL_LABEL.format(n=number + 1))
    assert titles[-1] == f"{label} · {game.t(level.title)}"
    scale = letterbox(window).width / 1280
    for state in states_of(level):
        layout = fit_hud(1240, titles, hud_items(level, state), game.lang, game.fonts)
        assert layout.fits and layout.title in titles, (layout, state.turn)
        # Still readable on the window: the smallest title is at least 14 px tall there.
        assert layout.title_size * scale >= TITLE_SIZES[-1] * 0.8 >= 14
    scene.showing_intro = False
    scene.draw(pygame.Surface((1280, 720)))


def test_the_baggage_badge_says_loaded_then_light() -> None:
    from game.ui import palette, strings

    level = next(level for _, _, level in PLACES if level.id == "xiangjiang-3")
    states = states_of(level)
    first = {icon: (text, colour) for icon, text, colour in hud_items(level, states[0])}
    assert first["baggage"] == (strings.BAGGAGE_LOADED, palette.BAD)
    last = {icon: (text, colour) for icon, text, colour in hud_items(level, states[-1])}
    assert last["baggage"] == (strings.BAGGAGE_LIGHT, palette.GOOD)
    plain = next(level for _, _, level in PLACES if level.id == "xiangjiang-1")
    assert "baggage" not in [icon for icon, _, _ in hud_items(plain, initial_state(plain))]
