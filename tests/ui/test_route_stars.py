"""The route map draws each chapter's stars next to its own medallion: never over or under
another chapter's medallion, never over another chapter's stars."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.ui.app import make_game
from game.ui.autoplay import complete_chapter
from game.ui.scenes.route import RouteScene

LEVELS = Path(__file__).resolve().parents[2] / "levels"


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("done", [5, 6, 7])
def test_stars_sit_by_their_own_stop(lang: str, done: int) -> None:
    pygame.font.init()
    game, _ = make_game(LEVELS, lang)  # type: ignore[arg-type]
    assert game.campaign is not None
    for chapter in game.campaign.chapters[:done]:
        complete_chapter(game, chapter)
    route = RouteScene(game)
    rows = route.star_rows
    assert sum(row is not None for row in rows) == done
    for stop in route.stops:
        row = rows[stop.index]
        if row is None:
            continue
        own = route._medallion_box(stop)
        assert row.inflate(2, 2).colliderect(own), "next to its own medallion"
        for other in route.stops:
            if other.index == stop.index:
                continue
            assert not row.colliderect(route._medallion_box(other)), (stop.index, other.index)
            other_row = rows[other.index]
            assert other_row is None or not row.colliderect(other_row)
        for label in route.labels:
            assert not row.colliderect(label.rect), "labels keep clear of the stars"
    route.draw(pygame.Surface((1280, 720)))


def test_chapter_five_stars_are_not_under_chapter_four() -> None:
    pygame.font.init()
    game, _ = make_game(LEVELS, "zh")
    assert game.campaign is not None
    for chapter in game.campaign.chapters[:6]:
        complete_chapter(game, chapter)
    route = RouteScene(game)
    four, five = route.stops[3], route.stops[4]
    row = route.star_rows[4]
    assert row is not None
    assert not row.colliderect(route._medallion_box(four))
    assert row.inflate(2, 2).colliderect(route._medallion_box(five)), (row, five.center)
