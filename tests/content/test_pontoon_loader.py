"""Pontoon sites in level files: how an author writes them, and every mistake named with
its line, in English and in Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content.errors import ContentError
from game.content.levels import load_level
from game.content.messages_zh import message_zh

# Line numbers below refer to this text as written.
LEVEL = """\
id: test-1
chapter: alpha
title: {zh: 关, en: Level}
map: |
  ^^^^^^^^
  S..~~..G
  ...mm...
  ...~~...
  ^^^^^^^^
troops: 10
turns: 12
pontoons:
  m:
    name: {zh: 茅台, en: Maotai}
"""


def load(tmp_path: Path, text: str) -> object:
    path = tmp_path / "level.yaml"
    path.write_text(text, encoding="utf-8")
    return load_level(path)


def problems(tmp_path: Path, text: str) -> list[tuple[int, str]]:
    with pytest.raises(ContentError) as error:
        load(tmp_path, text)
    return [(problem.line, problem.message) for problem in error.value.problems]


def test_a_pontoon_site_loads_with_its_cells_name_and_kits(tmp_path: Path) -> None:
    level = load(tmp_path, LEVEL + "kits: 2\n")
    [site] = level.pontoons  # type: ignore[attr-defined]
    assert site.id == "m" and site.cells == frozenset({(3, 2), (4, 2)})
    assert site.name is not None and site.name.zh == "茅台"
    assert level.kits == 2  # type: ignore[attr-defined]
    assert level.terrain((3, 2)).name == "river"  # type: ignore[attr-defined]


def test_an_old_level_without_pontoons_loads_as_before(tmp_path: Path) -> None:
    level = load(tmp_path, LEVEL.replace("mm", "--").split("pontoons:")[0])
    assert level.pontoons == () and level.kits == 1  # type: ignore[attr-defined]


@pytest.mark.parametrize("change, line, message, chinese", [
    (("...mm...\n  ...~~...", "...m~...\n  ...~m..."), 13,
     'pontoon site "m" is in pieces on the map: a bridge is one unbroken line of "m" cells '
     "across the river",
     '浮桥桥位 "m" 在地图上断成了几段'),
    (("...mm...", "..mm~..."), 13,
     'pontoon site "m" does not join two banks: put its "m" cells across the river, with land '
     "of one bank at one end and of the other bank at the other",
     '浮桥桥位 "m" 没有连接两岸'),
    (("...mm...", "...~~..."), 13,
     'pontoon site "m" is not on the map: put "m" on the river cells it spans',
     '浮桥桥位 "m" 不在地图上'),
    (("    name: {zh: 茅台, en: Maotai}", "    nmae: {zh: 茅台, en: Maotai}"), 14,
     'unknown key "nmae" (did you mean "name"?)', '未知的键 "nmae"'),
    (("turns: 12\n", "turns: 12\nkits: 0\n"), 12,
     "0 is out of range: use a number from 1 to 9", "0 超出范围"),
])
def test_pontoon_mistakes_name_the_line_in_both_languages(
        tmp_path: Path, change: tuple[str, str], line: int, message: str, chinese: str) -> None:
    text = LEVEL.replace(*change)
    assert text != LEVEL
    [(found_line, found_message)] = problems(tmp_path, text)
    assert (found_line, found_message) == (line, message)
    assert message_zh(message).startswith(chinese)


def test_kits_without_pontoons_is_a_mistake(tmp_path: Path) -> None:
    text = LEVEL.replace("mm", "--").split("pontoons:")[0] + "kits: 2\n"
    [(line, message)] = problems(tmp_path, text)
    assert line == 12
    assert message == "kits only matters with pontoon sites: add pontoons: (or remove kits:)"
    assert message_zh(message) == "kits 只在有浮桥桥位时才有用：请加上 pontoons:（或删掉 kits:）"


def test_a_site_character_the_legend_uses_is_refused(tmp_path: Path) -> None:
    text = LEVEL.replace("pontoons:\n  m:", "pontoons:\n  T:").replace("mm", "TT")
    [(line, message)] = problems(tmp_path, text)
    assert line == 13
    assert message == ('pontoon site "T" uses a character the legend already gives to forest; '
                       "pick another")
