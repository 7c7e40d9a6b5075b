"""Drawing text never raises: empty, zero-width, direction marks, NUL, anything typed."""

from __future__ import annotations

import pygame
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.ui.text import Fonts, draw_text, draw_wrapped, render, text_height, wrap

HOSTILE = ["", "\u200b", "\u202e", "\u200b\u202e\u2066", "\ufeff", "\x00", "\x00a", "a\x00",
           "\u0301", "\x1b[2J", "\n", "\n\n", " ", "\t", "\U0001f600", "\ud7ff", "\u2028"]


@pytest.fixture(scope="module")
def fonts() -> Fonts:
    pygame.font.init()
    return Fonts()


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_renders_as_a_line_high_image(fonts: Fonts, text: str) -> None:
    font = fonts.get(24)
    image = render(font, text, (0, 0, 0))
    assert image.get_height() >= font.get_linesize() - 2
    surface = pygame.Surface((200, 100))
    rect = draw_text(surface, font, text, (10, 10))
    assert rect.top == 10
    draw_wrapped(surface, font, text, pygame.Rect(0, 0, 200, 100))


_FONTS = Fonts()


@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=30))
@settings(max_examples=200, deadline=None)
def test_any_text_is_drawn_and_measured(text: str) -> None:
    pygame.font.init()
    font = _FONTS.get(20)
    surface = pygame.Surface((160, 80))
    draw_text(surface, font, text, (0, 0), anchor="midleft")
    bottom = draw_wrapped(surface, font, text, pygame.Rect(0, 0, 160, 80))
    assert bottom == text_height(font, text, 160)
    assert len(wrap(font, text, 160)) >= 1


@pytest.mark.parametrize("text", ["\u200b", "\u202e", "\u200b\u202e", "\ufeff", "\x00"])
def test_a_zero_width_composition_in_the_name_dialog_is_drawn(text: str) -> None:
    """Issue 8, item 3: found by the soak at frame 552 ("Text has zero width")."""
    from pathlib import Path

    from game.ui.autoplay import DT, click, headless_app
    from game.ui.scenes.profiles import ProfilesScene
    from game.ui.scenes.title import TitleScene

    app = headless_app(Path(__file__).resolve().parents[2] / "levels", "zh")
    title = app.stack.top
    assert isinstance(title, TitleScene)
    click(app, title.menu.find("profile").rect.center)
    scene = app.stack.top
    assert isinstance(scene, ProfilesScene)
    click(app, scene.menu.find("new").rect.center)
    assert scene.typing
    app.frame([pygame.event.Event(pygame.TEXTEDITING, text=text, start=0, length=1)], DT)
    app.frame([pygame.event.Event(pygame.TEXTINPUT, text=text)], DT)
    app.frame([], DT)
    assert app.running and scene.typing
