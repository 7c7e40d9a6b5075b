"""The texts about a level are chosen from what it contains, for every shipped level, and
they fit where they are drawn in both languages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game.content.campaign import load_campaign
from game.core.level import Level
from game.core.state import LossReason, Status, initial_state
from game.i18n import Text
from game.ui.app import make_game
from game.ui.level_texts import (
    LOSS_TITLE,
    contents,
    loss_advice,
    objective,
    possible_losses,
    troops_needed,
    win_title,
)
from game.ui.scenes.play import PlayScene
from game.ui.scenes.result import ResultScene
from game.ui.text import text_height

LEVELS = Path(__file__).resolve().parents[2] / "levels"
CAMPAIGN = load_campaign(LEVELS)
SHIPPED = [level for chapter in CAMPAIGN.chapters for level in chapter.levels]


def texts_of(level: Level) -> Iterator[tuple[str, Text]]:
    yield "goal", objective(level)
    yield "win", win_title(level)
    for reason in possible_losses(level):
        yield f"loss {reason.name}", loss_advice(level, reason)


#: Words a text may only use when the level has the thing: (zh pattern, en pattern, has it?).
MENTIONS = {
    "river": ("渡江|渡河|对岸|江", r"river|far bank", lambda c: c.water),
    "patrol": ("巡逻", "patrol", lambda c: c.patrols),
    "pursuer": ("追兵", "pursuer", lambda c: c.pursuers),
    "relief": ("援军", "relief", lambda c: c.reliefs),
    "forest": ("树林", "forest", lambda c: c.forest),
    "snow": ("雪", "snow", lambda c: c.snow),
    "grassland": ("草地", "grassland", lambda c: c.grassland),
    "bog": ("沼泽", "bog", lambda c: c.bogs),
    "shelter": ("营地", "shelter", lambda c: c.shelters),
    "ginger": ("姜汤", "ginger", lambda c: c.ginger),
    "sit down": ("坐下", "sat down|sit down", lambda c: c.resting),
    "fire": ("火力", "fire lane", lambda c: c.fires),
    "bridge": ("铁索桥", "chain", lambda c: c.bridge),
    "any bridge": ("桥", "bridge", lambda c: c.bridge or c.pontoons),
    "pontoon": ("浮桥", "pontoon|bridge the river|take each bridge", lambda c: c.pontoons),
    "enemy": ("敌", "enemy", lambda c: c.enemies),
    "baggage": ("辎重", "baggage", lambda c: c.baggage),
}


@pytest.mark.parametrize("level", SHIPPED, ids=lambda level: level.id)
@pytest.mark.parametrize("thing", sorted(MENTIONS))
def test_texts_mention_only_what_the_level_contains(level: Level, thing: str) -> None:
    zh, en, has = MENTIONS[thing]
    if has(contents(level)):
        return
    for what, text in texts_of(level):
        assert not re.search(zh, text.zh), (what, text.zh)
        assert not re.search(en, text.en, re.IGNORECASE), (what, text.en)


@pytest.mark.parametrize("level", SHIPPED, ids=lambda level: level.id)
def test_troops_are_asked_for_only_where_they_can_run_short(level: Level) -> None:
    needed = troops_needed(level)
    have = contents(level)
    goal = objective(level)
    if not (have.patrols or have.pursuers or have.fires or have.bogs):
        assert needed is None
    if needed is None:
        assert "兵力" not in goal.zh and "troops" not in goal.en
    else:
        assert needed > 1
        assert f"兵力不少于{needed}" in goal.zh and f"at least {needed} troops" in goal.en
    for _, text in texts_of(level):
        assert "需 1" not in text.zh and "不少于1。" not in text.zh
        assert "at least 1 troop" not in text.en


def test_the_shipped_levels_get_the_titles_they_earn() -> None:
    titles = {level.id: win_title(level).zh for level in SHIPPED}
    assert titles["xiangjiang-1"] == "胜利渡江！"
    assert titles["snow-mountains-1"] == "翻过了雪山！"
    assert titles["baozuo-2"] == "攻下了据点！"
    assert titles["huining-2"] == "胜利会师！"
    assert titles["luding-1"] == "夺下了铁索桥！"
    goals = {level.id: objective(level) for level in SHIPPED}
    assert "对岸" not in goals["snow-mountains-1"].zh and "far bank" not in \
        goals["baozuo-1"].en
    assert "船工" not in goals["jinsha-1"].zh and "船工" in goals["jinsha-2"].zh


@pytest.mark.parametrize("level", SHIPPED, ids=lambda level: level.id)
def test_every_way_to_lose_has_its_own_advice(level: Level) -> None:
    possible = possible_losses(level)
    assert LossReason.OUT_OF_TURNS in possible
    assert (LossReason.FROZE in possible) == (level.warmth > 0)
    assert (LossReason.RELIEVED in possible) == bool(level.reliefs)
    for reason in possible:
        advice = loss_advice(level, reason)
        assert advice.zh.strip() and advice.en.strip()
        assert advice.zh.endswith("。") and advice.en.endswith(".")
    assert LOSS_TITLE.zh and LOSS_TITLE.en


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("level", SHIPPED, ids=lambda level: level.id)
def test_goal_line_and_result_notes_fit(lang: str, level: Level) -> None:
    pygame.font.init()
    game, _ = make_game(LEVELS, lang)  # type: ignore[arg-type]
    play = PlayScene(game, level)
    footer_room = 1240 - 36
    assert play.goal_font(footer_room).size(play.goal_line())[0] <= footer_room
    state = initial_state(level)
    for reason in possible_losses(level):
        lost = state._replace(status=Status.LOST, reason=reason)
        result = ResultScene(game, level, lost, [], None, 0)
        area, note = result.note_area(), result.note()
        assert note
        font = game.fonts.get(18)
        assert text_height(font, note, area.width, line_gap=2) <= area.height, (reason, note)
        result.draw(pygame.Surface((1280, 720)))


def test_a_message_ends_with_the_turn_it_was_about(tmp_path: Path) -> None:
    """"Warm again by the fire…" is gone once the column has left the shelter (no shipped
    level keeps a hut on the way up any more: chapter 5 rewards keeping moving)."""
    from game.content.levels import load_level
    from game.core.events import WarmedUp
    from game.solver import solve
    from game.ui import strings

    pygame.font.init()
    game, _ = make_game(LEVELS, "en")
    path = tmp_path / "hut.yaml"
    path.write_text("id: hut\nchapter: t\ntitle: {zh: 测, en: T}\nmap: |\n  S***h***G\n"
                    "legend:\n  h: snow + shelter\ntroops: 10\nturns: 20\nwarmth: 4\n",
                    encoding="utf-8")
    level = load_level(path)
    scene = PlayScene(game, level)
    scene.showing_intro = False
    moves = solve(level).moves or ()
    warmed = False
    for action in moves:
        events = scene.play(action)
        if any(isinstance(event, WarmedUp) for event in events):
            assert scene.message is not None and scene.message.text == strings.WARMED_UP
            warmed = True
        elif scene.state.pos not in level.shelters:
            assert scene.message is None or scene.message.text != strings.WARMED_UP
    assert warmed, "the solution passes a shelter"


def test_the_snow_climb_says_what_soup_and_sitting_down_do() -> None:
    """Drinking the soup says how warm the column is now; sitting down on the snow says
    what it costs, in the briefing's words, until the next turn replaces it."""
    from game.core.actions import Action
    from game.ui import strings

    pygame.font.init()
    game, _ = make_game(LEVELS, "zh")
    level = next(lv for lv in SHIPPED if lv.id == "snow-mountains-1")
    scene = PlayScene(game, level)
    scene.showing_intro = False
    for action in (Action.RIGHT, Action.RIGHT, Action.UP):
        scene.play(action)
    assert scene.message is not None
    assert scene.message.text == strings.FORTIFIED.format(gained=6, warmth=13)
    for action in (Action.DOWN, Action.RIGHT, Action.RIGHT, Action.RIGHT, Action.WAIT):
        scene.play(action)
    assert scene.message is not None and scene.message.text == strings.SAT_DOWN.format(lost=3)
    assert "再也起不来" in scene.message.text.zh
    scene.play(Action.RIGHT)
    assert scene.message is None or scene.message.text != strings.SAT_DOWN.format(lost=3)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_result_and_quiz_button_label_fits(lang: str) -> None:
    from game.ui import strings
    from game.ui.text import wrap

    pygame.font.init()
    game, _ = make_game(LEVELS, lang)  # type: ignore[arg-type]
    level = SHIPPED[0]
    result = ResultScene(game, level, initial_state(level), [], 0, 0)
    width = result.menu.buttons[0].rect.width
    font = game.fonts.get(26)
    for label in (strings.NEXT_LEVEL, strings.TAKE_QUIZ, strings.TO_ENDING, strings.CONTINUE,
                  strings.QUIT, strings.RETRY, strings.QUIT_TO_TITLE):
        assert len(wrap(font, game.t(label), width - 28)) == 1, game.t(label)
    quiz_font = game.fonts.get(24)
    for label in (strings.CONTINUE, strings.TO_ENDING, strings.RETRY_QUIZ):
        assert len(wrap(quiz_font, game.t(label), 260 - 28)) == 1, game.t(label)


def test_a_level_with_baggage_says_so_in_its_goal_and_advice() -> None:
    level = next(level for level in SHIPPED if level.id == "xiangjiang-3")
    assert objective(level).en.startswith("Leave the baggage, then reach")
    assert objective(level).zh.startswith("丢下辎重，")
    advice = loss_advice(level, LossReason.OUT_OF_TURNS)
    assert "two turns" in advice.en and "两个回合" in advice.zh
    assert "辎重" in loss_advice(level, LossReason.NO_TROOPS).zh
