"""Every chapter's briefing and prelude and every level's intro card fit on the screen in both
languages (briefings and intro cards at every text size)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pygame
import pytest

from game.content.campaign import load_campaign
from game.settings import TEXT_SIZES
from game.ui.app import make_game
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.play import PlayScene
from game.ui.scenes.prelude import PreludeScene
from game.ui.text import text_height, wrap

LEVELS = Path(__file__).resolve().parents[2] / "levels"
CAMPAIGN = load_campaign(LEVELS)


@pytest.mark.parametrize("size", TEXT_SIZES)
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("index", range(len(CAMPAIGN.chapters)),
                         ids=[chapter.id for chapter in CAMPAIGN.chapters])
def test_briefing_fits(lang: str, index: int, size: int) -> None:
    pygame.font.init()
    game, _ = make_game(LEVELS, lang)  # type: ignore[arg-type]
    game.settings = replace(game.settings, text_size=size)
    game.apply_settings()
    scene = BriefingScene(game, index)
    scale = scene.text_scale()
    assert scale == game.fonts.scale or size > 100  # at 100 % it always fits
    with game.fonts.scaled(scale):
        area, font = scene.briefing_layout(scene.header_bottom())
    needed = text_height(font, game.t(scene.chapter.briefing), area.width, line_gap=6)
    assert needed <= area.height, (font.get_height(), needed, area.height)
    surface = pygame.Surface((1280, 720))
    scene.draw(surface)  # and drawing it raises nothing


PRELUDES = [i for i, chapter in enumerate(CAMPAIGN.chapters) if chapter.prelude is not None]


def test_the_first_two_chapters_open_with_a_prelude() -> None:
    assert PRELUDES[:2] == [0, 1]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("index", PRELUDES, ids=[CAMPAIGN.chapters[i].id for i in PRELUDES])
def test_prelude_fits(lang: str, index: int) -> None:
    pygame.font.init()
    game, _ = make_game(LEVELS, lang)  # type: ignore[arg-type]
    scene = PreludeScene(game, index)
    area, font = scene.layout(scene.heading_bottom())
    assert scene.needed_height(font, area.width) <= area.height, font.get_height()
    button_font = game.fonts.get(26)
    for button in scene.menu.buttons:
        assert len(wrap(button_font, button.label, button.rect.width - 28)) == 1, button.label
    surface = pygame.Surface((1280, 720))
    scene.draw(surface)  # and drawing it raises nothing


@pytest.mark.parametrize("size", TEXT_SIZES)
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("level", [lv for ch in CAMPAIGN.chapters for lv in ch.levels],
                         ids=lambda level: level.id)
def test_level_intro_card_fits(lang: str, level: object, size: int) -> None:
    pygame.font.init()
    game, _ = make_game(LEVELS, lang)  # type: ignore[arg-type]
    game.settings = replace(game.settings, text_size=size)
    game.apply_settings()
    scene = PlayScene(game, level)  # type: ignore[arg-type]
    panel = scene.intro_panel()
    assert pygame.Rect(0, 0, 1280, 720).contains(panel), panel


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("index", range(len(CAMPAIGN.chapters)),
                         ids=[chapter.id for chapter in CAMPAIGN.chapters])
def test_history_card_fits(lang: str, index: int) -> None:
    """The key facts fit the card's right column at the scene's smallest font, and the
    place above the quote box keeps at least two lines."""
    from game.ui.scenes.cards import CARD, LEFT_WIDTH, CardsScene

    pygame.font.init()
    game, _ = make_game(LEVELS, lang)  # type: ignore[arg-type]
    scene = CardsScene(game, index)
    card = CAMPAIGN.chapters[index].card
    assert card is not None
    divider = CARD.left + LEFT_WIDTH + 64
    width, height = CARD.right - divider - 68 - 26, CARD.height - 68 - 40
    font = game.fonts.get(18)
    needed = sum(text_height(font, game.t(fact), width, line_gap=3) + 12 for fact in card.facts)
    assert needed <= height + 30, (needed, height)  # the scene may step down to 16 or 17
    assert scene._quote_height(card) <= 240
