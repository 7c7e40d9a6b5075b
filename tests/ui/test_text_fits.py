"""Every chapter's briefing and every level's intro card fit on the screen in both languages."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.content.campaign import load_campaign
from game.ui.app import make_game
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.play import PlayScene
from game.ui.text import text_height

LEVELS = Path(__file__).resolve().parents[2] / "levels"
CAMPAIGN = load_campaign(LEVELS)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("index", range(len(CAMPAIGN.chapters)),
                         ids=[chapter.id for chapter in CAMPAIGN.chapters])
def test_briefing_fits(lang: str, index: int) -> None:
    pygame.font.init()
    game, _ = make_game(LEVELS, lang)  # type: ignore[arg-type]
    scene = BriefingScene(game, index)
    area, font = scene.briefing_layout(scene.header_bottom())
    needed = text_height(font, game.t(scene.chapter.briefing), area.width, line_gap=6)
    assert needed <= area.height, (font.get_height(), needed, area.height)
    surface = pygame.Surface((1280, 720))
    scene.draw(surface)  # and drawing it raises nothing


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("level", [lv for ch in CAMPAIGN.chapters for lv in ch.levels],
                         ids=lambda level: level.id)
def test_level_intro_card_fits(lang: str, level: object) -> None:
    pygame.font.init()
    game, _ = make_game(LEVELS, lang)  # type: ignore[arg-type]
    scene = PlayScene(game, level)  # type: ignore[arg-type]
    panel = scene.intro_panel()
    assert pygame.Rect(0, 0, 1280, 720).contains(panel), panel
