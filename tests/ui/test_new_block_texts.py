"""What a pupil reads around the four new building blocks (heavy baggage, pontoon bridges,
chilli water and ginger soup, the point to besiege), found by playing the shipped levels:
refusals that say what to do, advice in whole sentences, one name for one thing."""

from __future__ import annotations

import re
from pathlib import Path

import pygame
import pytest

from game.content.levels import load_level
from game.core.actions import Action, parse_moves
from game.core.level import Level
from game.core.rules import NO_BRIDGE_YET, NO_KITS_FREE, Impossible, replay, step
from game.core.state import LossReason, initial_state
from game.ui import strings
from game.ui.app import make_game
from game.ui.hud import STYLES, TITLE_SIZES, fit_hud, hud_items
from game.ui.level_texts import loss_advice, objective
from game.ui.scenes.play import PlayScene

REPO = Path(__file__).resolve().parents[2]
LEVELS = REPO / "levels"


def shipped(name: str) -> Level:
    return load_level(LEVELS / f"{name}.yaml")


def refusal(level: Level, moves: str, action: Action) -> Impossible:
    state = replay(level, initial_state(level), parse_moves(moves))
    with pytest.raises(Impossible) as refused:
        step(level, state, action)
    return refused.value


def test_an_unbuilt_site_with_free_materials_says_wait_to_build() -> None:
    level = shipped("02-chishui/level-2")
    assert refusal(level, "DLLLL", Action.LEFT).message == NO_BRIDGE_YET


def test_an_unbuilt_site_with_every_kit_in_use_says_take_the_other_bridge_down() -> None:
    # Maotai is bridged and crossed but left standing: waiting at Erlangtan builds nothing,
    # so "wait one turn and the engineers build it" would send the pupil round in circles.
    level = shipped("02-chishui/level-2")
    refused = refusal(level, "DLLLL.LLLDDD.", Action.RIGHT)
    assert refused.message == NO_KITS_FREE
    assert "拆" in refused.message.zh and "take the other bridge down" in refused.message.en


def test_open_river_on_a_pontoon_level_points_to_the_bridge_sites_not_to_a_ford() -> None:
    level = shipped("02-chishui/level-2")
    message = refusal(level, "DLLLL.LLLDDDD", Action.RIGHT).message
    assert message.en == "The river is too deep here: bridge it at a marked bridge site."
    assert "桥位" in message.zh and "渡口" not in message.zh


def test_freezing_advice_gives_each_lesson_as_its_own_sentence() -> None:
    advice = loss_advice(shipped("05-snow-mountains/level-2"), LossReason.FROZE)
    assert advice.en.split(". ") == [
        "The column froze",
        "Before the climb, drink every bowl of chilli water and ginger soup in the village",
        "Wait out a blizzard in the trees at the foot",
        "Once on the snow, never stop: those who sat down to rest often never rose again.",
    ]
    assert advice.zh.count("。") == 4


@pytest.mark.parametrize("level", ["05-snow-mountains/level-1", "05-snow-mountains/level-3"])
def test_every_sentence_of_the_freezing_advice_starts_with_a_capital(level: str) -> None:
    advice = loss_advice(shipped(level), LossReason.FROZE).en
    assert all(sentence[:1].isupper() for sentence in advice.split(". "))


def pupil_facing_texts() -> list[tuple[str, str]]:
    """Every line a pupil or teacher may read: level files without their comments (the
    bibliography's notes quote sources and are left out), and the game's Python strings."""
    found: list[tuple[str, str]] = []
    for path in sorted(LEVELS.rglob("*.yaml")):
        if path.name == "sources.yaml":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.lstrip().startswith("#"):
                found.append((f"{path.relative_to(REPO)}:{number}", line))
    for path in sorted((REPO / "game").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            found.append((f"{path.relative_to(REPO)}:{number}", line))
    return found


def test_the_drinks_at_the_foot_have_one_name_everywhere() -> None:
    other_names = re.compile("辣椒水、姜汤|辣椒水姜汤")
    assert [where for where, line in pupil_facing_texts() if other_names.search(line)] == []


def test_the_hud_says_the_point_fell_in_the_words_of_the_announcement() -> None:
    level = shipped("06-baozuo/level-2")
    state = replay(level, initial_state(level), parse_moves("DDDRRRRRRUURULLL"))
    [point] = [text for icon, text, _ in hud_items(level, state) if text.en.startswith("Point")]
    assert point == strings.POINT_FALLEN
    assert point.zh.endswith("失守") and "失守" in strings.POINT_FELL.zh


def test_two_crossings_read_as_twice() -> None:
    assert "cross it twice, then" in objective(shipped("02-chishui/level-2")).en
    assert "cross it 4 times, then" in objective(shipped("02-chishui/level-3")).en


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_hud_title_is_not_smaller_than_the_figures_beside_it(lang: str) -> None:
    # xiangjiang-3 in English once had its name in 18 px print beside 24 px figures.
    pygame.font.init()
    game, _ = make_game(LEVELS, lang)  # type: ignore[arg-type]
    assert game.campaign is not None
    for chapter, entry in enumerate(game.campaign.chapters):
        for number, level in enumerate(entry.levels):
            titles = PlayScene(game, level, chapter, number).titles()
            layout = fit_hud(1240, titles, hud_items(level, initial_state(level)), game.lang,
                             game.fonts)
            figures = layout.style[0]
            assert layout.title_size >= min(figures, TITLE_SIZES[0]) or \
                layout.style == STYLES[-1], (level.id, layout)


def test_besiege_a_point_is_quoted_in_the_words_the_chapter_teaches() -> None:
    # The quiz keys "besiege a point, strike the relief"; a level that quotes 围点打援 in
    # other words would have pupils learn two names for one tactic.
    quoted = re.compile(r'"besiege a point, (\w+) the relief"')
    words = {match.group(1) for _, line in pupil_facing_texts()
             for match in quoted.finditer(line)}
    assert words == {"strike"}


SOUP = "drink every bowl of chilli water and ginger soup"
SITTING = "never stop: those who sat down to rest"


@pytest.mark.parametrize(("moves", "named", "not_named"), [
    ("RRRRRRRDRDR", SOUP, SITTING),  # walked past the village without a bowl
    ("RRUDRRR.RRDRDRRD", SITTING, SOUP),  # drank, then stood still once on the snow
], ids=["skipped-the-soup", "sat-down"])
def test_freezing_advice_names_the_lesson_the_column_missed(moves: str, named: str,
                                                            not_named: str) -> None:
    level = shipped("05-snow-mountains/level-1")
    actions = parse_moves(moves)
    assert replay(level, initial_state(level), actions).reason is LossReason.FROZE
    advice = loss_advice(level, LossReason.FROZE, actions).en
    assert named in advice and not_named not in advice


def test_freezing_with_every_lesson_kept_names_them_all() -> None:
    # Drank the soup and never stood still, but paced back and forth on the snow.
    level = shipped("05-snow-mountains/level-1")
    actions = parse_moves("RRUDRRRRRLRLRLRLRLR")
    assert replay(level, initial_state(level), actions).reason is LossReason.FROZE
    advice = loss_advice(level, LossReason.FROZE, actions).en
    assert SOUP in advice and SITTING in advice


@pytest.mark.parametrize("path", sorted(LEVELS.glob("*/level-*.yaml")), ids=lambda p: p.stem
                         + "-" + p.parent.name)
def test_taking_a_bridge_down_is_told_as_the_game_s_rule_not_as_history(path: Path) -> None:
    # No A/B source says the Red Army took its Chishui bridges down behind it (levels/README
    # 6.8): an intro may ask for it only after saying the rest is how this level works.
    intro = load_level(path).intro
    zh, en = (intro.zh, intro.en) if intro is not None else ("", "")
    if "拆" in zh and "浮桥" in zh:
        assert "这一关里" in zh and zh.index("这一关里") < zh.index("拆")
    if "take it down" in en:
        assert "In this level" in en and en.index("In this level") < en.index("take it down")
