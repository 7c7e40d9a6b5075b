"""The controls screen (F1 everywhere) and the credits (licences and the facts' sources)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pygame
import pytest

from game.content.campaign import load_campaign
from game.content.sources import load_sources
from game.fontcov import BOLD_FONT, REGULAR_FONT, font_codepoints, missing_chars
from game.i18n import Text
from game.ui import strings
from game.ui.autoplay import headless_app, press
from game.ui.editor import strings as editor_strings
from game.ui.scene import Push
from game.ui.scenes.credits import CreditsScene, bibliography
from game.ui.scenes.help import HelpScene
from game.ui.scenes.play import PlayScene
from game.ui.scenes.title import TitleScene

LEVELS = Path(__file__).resolve().parents[2] / "levels"


def test_f1_opens_the_controls_from_a_level_and_closes_them_again() -> None:
    app = headless_app(LEVELS, "en")
    game = app.game
    assert game.campaign is not None
    scene = PlayScene(game, game.campaign.chapters[0].levels[0], 0, 0)
    app.stack.apply(Push(scene))
    press(app, pygame.K_F1)
    assert isinstance(app.stack.top, HelpScene)
    press(app, pygame.K_F1)  # F1 again (or Esc, Enter, Back) closes them
    assert app.stack.top is scene
    press(app, pygame.K_F1)
    press(app, pygame.K_ESCAPE)
    assert app.stack.top is scene and scene.state.turn == 0


def test_the_credits_name_both_licences_and_list_the_bibliography() -> None:
    app = headless_app(LEVELS, "en")
    scene = CreditsScene(app.game)
    about = scene.about_text()
    assert "MIT" in about and "SIL Open Font License" in about and "OFL.txt" in about
    assert "MIT" in Path("pyproject.toml").read_text("utf-8")
    assert (Path("assets/fonts") / "OFL.txt").is_file()
    shipped = load_sources(LEVELS / "sources.yaml").sources
    assert len(scene.sources) == len(shipped)
    assert all(line.startswith(source.title) for line, source in zip(scene.sources, shipped,
                                                                      strict=True))
    assert all("http" not in line for line in scene.sources)  # addresses shown as site names
    assert scene.pages > 1
    app.stack.apply(Push(scene))
    for _ in range(scene.pages + 2):
        press(app, pygame.K_RIGHT)
    assert scene.page == scene.pages - 1


def test_a_pack_without_a_bibliography_lists_its_quiz_sources(tmp_path: Path) -> None:
    pack = tmp_path / "levels"
    shutil.copytree(LEVELS, pack)
    (pack / "sources.yaml").unlink()
    campaign = load_campaign(pack)
    lines = bibliography(campaign)
    cited = {piece.strip() for chapter in campaign.chapters if chapter.quiz
             for question in chapter.quiz.questions
             for piece in question.source.replace(";", ",").split(",") if piece.strip()}
    assert {line.split()[0] for line in lines} == {c.split()[0] for c in cited}


def test_a_bibliography_entry_reads_title_publisher_date_and_site(tmp_path: Path) -> None:
    pack = tmp_path / "levels"
    shutil.copytree(LEVELS, pack)
    (pack / "sources.yaml").write_text(
        "sources:\n"
        "  - id: textbook-8a-17\n"
        "    title: 统编版《中国历史》八年级上册\n"
        "    publisher: 人民教育出版社\n"
        "    kind: textbook\n"
        "  - id: museum-1\n"
        "    title: Long March museum page\n"
        "    date: \"2016\"\n"
        "    address: https://www.example.org/long-march\n"
        "    kind: museum\n", encoding="utf-8")
    lines = bibliography(load_campaign(pack))
    assert lines == ["统编版《中国历史》八年级上册 — 人民教育出版社",
                     "Long March museum page — 2016 (example.org)"]


def test_no_campaign_no_sources() -> None:
    assert bibliography(None) == []


def _texts(module: object) -> list[Text]:
    found: list[Text] = []
    for value in vars(module).values():
        items = value if isinstance(value, tuple) else (value,)
        for item in items:
            parts = item if isinstance(item, tuple) else (item,)
            found += [part for part in parts if isinstance(part, Text)]
    return found


@pytest.mark.parametrize("module", [strings, editor_strings], ids=["strings", "editor"])
def test_every_ui_string_is_in_the_shipped_font(module: object) -> None:
    codepoints = font_codepoints(REGULAR_FONT)
    texts = _texts(module)
    assert len(texts) > 20
    missing = {(text.zh, text.en): missing_chars(text.zh + text.en, codepoints)
               for text in texts if missing_chars(text.zh + text.en, codepoints)}
    assert missing == {}


def test_every_line_of_the_credits_bibliography_is_in_the_shipped_font() -> None:
    # The credits list every source of levels/sources.yaml (title, publisher, date, site):
    # a name such as 李喆 outside GB2312 must be in the font subset, or it shows as a box.
    campaign = load_campaign(LEVELS)
    lines = bibliography(campaign)
    assert len(lines) == len(load_sources(LEVELS / "sources.yaml").sources)
    assert any("李喆" in line for line in lines)
    for face in (REGULAR_FONT, BOLD_FONT):
        codepoints = font_codepoints(face)
        missing = {line: missing_chars(line, codepoints) for line in lines
                   if missing_chars(line, codepoints)}
        assert missing == {}, face.name


def test_the_title_reaches_settings_help_and_credits() -> None:
    app = headless_app(LEVELS, "zh")
    title = app.stack.top
    assert isinstance(title, TitleScene)
    assert {"settings", "help", "credits"} <= {b.key for b in title.menu.buttons}
