"""Readable colours: the high-contrast palette and the title's summary line, measured."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pygame
import pytest

from game.ui import palette
from game.ui.autoplay import headless_app
from game.ui.contrast import (
    HIGH_CONTRAST,
    MINIMUM,
    NORMAL,
    contrast_ratio,
    text_pairs,
    use_high_contrast,
)
from game.ui.scenes.title import SUMMARY
from game.ui.sprites import Sprites

LEVELS = Path(__file__).resolve().parents[2] / "levels"


@pytest.fixture(autouse=True)
def _normal_palette_after() -> object:
    yield None
    use_high_contrast(False)


def test_contrast_ratio_matches_known_values() -> None:
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast_ratio((255, 255, 255), (255, 255, 255)) == pytest.approx(1.0)
    assert contrast_ratio((118, 118, 118), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize(("text", "background"), text_pairs())
def test_high_contrast_text_is_at_least_4_5_to_1(text: str, background: str) -> None:
    use_high_contrast(True)
    ratio = contrast_ratio(getattr(palette, text), getattr(palette, background))
    assert ratio >= MINIMUM, (text, background, round(ratio, 2))


def test_switching_back_restores_every_colour() -> None:
    use_high_contrast(True)
    assert all(getattr(palette, name) == colour for name, colour in HIGH_CONTRAST.items())
    use_high_contrast(False)
    assert all(getattr(palette, name) == colour for name, colour in NORMAL.items())


@pytest.mark.parametrize("high", [False, True])
def test_the_title_summary_line_is_readable(high: bool) -> None:
    app = headless_app(LEVELS, "en")
    app.game.change_settings(replace(app.game.settings, high_contrast=high))
    app.stack.top.resumed()
    app.draw()
    line = pygame.Rect(SUMMARY.left + 24, SUMMARY.top + 60, 300, 22)
    pixels = [app.surface.get_at((x, y))[:3] for x in range(line.left, line.right)
              for y in range(line.top, line.bottom)]
    darkest = min(pixels, key=sum)
    assert contrast_ratio(darkest, palette.PANEL) >= MINIMUM, darkest


@pytest.mark.parametrize("high", [False, True])
@pytest.mark.parametrize("kind", ["sight", "danger"])
def test_danger_zones_carry_a_pattern_not_only_a_colour(kind: str, high: bool) -> None:
    use_high_contrast(high)
    pygame.display.init()
    image = Sprites(48).overlay(kind)
    colours = {tuple(image.get_at((x, y))) for x in range(48) for y in range(48)}
    assert len(colours) >= 3, "a flat wash would be told apart by colour alone"
