"""Pontoon bridges on screen: the site and the standing bridge look different, the HUD
counts the bridge kits, and a save made before chapter 2 was reworked still opens."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.core.actions import parse_moves
from game.core.level import Level
from game.core.rules import replay
from game.core.state import initial_state
from game.progress import Progress, ProgressStore
from game.ui.app import make_game
from game.ui.board import BoardView
from game.ui.hud import hud_items
from game.ui.scenes.play import PlayScene
from game.ui.sprites import Sprites

LEVELS = Path(__file__).resolve().parents[2] / "levels"


def chishui(number: int) -> tuple[int, Level]:
    pygame.font.init()
    game, _ = make_game(LEVELS, "en")
    assert game.campaign is not None
    for index, chapter in enumerate(game.campaign.chapters):
        for level in chapter.levels:
            if level.id == f"chishui-{number}":
                return index, level
    raise AssertionError("chishui levels are shipped")


def test_a_site_shows_marked_river_until_its_bridge_stands() -> None:
    _, level = chishui(2)
    board = BoardView(level, pygame.Rect(0, 0, 1240, 520))
    site = next(iter(level.pontoons[0].cells))
    before = initial_state(level)
    built = before._replace(bridges=1)
    assert board.terrain_name(site, before, None) == "pontoon_site_h"
    assert board.terrain_name(site, built, None) == "pontoon_h"
    assert site in board.changing  # patched when the bridge goes up or down
    sprites = Sprites(48)
    river = pygame.image.tobytes(sprites.terrain("river"), "RGB")
    marked = pygame.image.tobytes(sprites.terrain("pontoon_site_h"), "RGB")
    bridge = pygame.image.tobytes(sprites.terrain("pontoon_h"), "RGB")
    assert len({river, marked, bridge}) == 3
    turned = pygame.image.tobytes(sprites.terrain("pontoon_v"), "RGB")
    assert turned != bridge


@pytest.mark.parametrize("moves, free", [("", 1), ("DLLLL.", 0), ("DLLLL.LLL.", 1)])
def test_the_hud_counts_free_bridge_kits(moves: str, free: int) -> None:
    _, level = chishui(3)
    state = replay(level, initial_state(level), parse_moves(moves))
    [kits] = [text for icon, text, _ in hud_items(level, state) if icon == "pontoon"]
    assert kits.en == f"Bridge kits {free}/1" and kits.zh == f"架桥材料 {free}/1"


@pytest.mark.parametrize("old_moves", [
    "DRRRUDDRRRRR.RLLL.RR.RLLLDDDLLLLL",  # the best win of the old chishui-3 (ferries)
    "DRRRRRRRRRRRRRRRRRRR",  # walks into water or hills on the new map
])
def test_a_save_from_before_the_rework_opens_without_a_crash(old_moves: str) -> None:
    index, level = chishui(3)
    ProgressStore.default().save(Progress(unfinished={level.id: old_moves}))
    game, _ = make_game(LEVELS, "en")
    scene = PlayScene(game, level, index, 2)
    if scene.actions:  # still legal on the new map: resumed where it was
        assert len(scene.actions) == len(old_moves.replace(" ", ""))
    else:  # refused by the new map: dropped, and the level starts afresh
        assert scene.state == initial_state(level)
        assert game.progress.unfinished == {}
    scene.draw(pygame.Surface((1280, 720)))
