"""The shipped history texts keep the review's corrections (issue 11): one English
translation of 七律·长征 everywhere, attributions as the sources give them, and comments
that point to the project's own bibliography."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.content.campaign import load_campaign

LEVELS = Path(__file__).resolve().parents[2] / "levels"
CAMPAIGN = load_campaign(LEVELS)
SHIPPED = sorted(LEVELS.rglob("*.yaml"))
assert CAMPAIGN.ending is not None
#: The poem's lines in Chinese, without punctuation, and the one English translation.
POEM = {re.sub(r"[，。,.;；]", "", line.line.zh): line.line.en.rstrip(",.;")
        for line in CAMPAIGN.ending.poem}


def _bare(text: str) -> str:
    return re.sub(r"[，。,.;；]", "", text).strip()


def test_the_poem_has_its_eight_lines() -> None:
    assert len(POEM) == 8
    assert "万水千山只等闲" in POEM


def _poem_renderings() -> list[tuple[str, str, str]]:
    """(where, Chinese, English) for every card quote and quiz option that quotes the poem."""
    found = []
    for chapter in CAMPAIGN.chapters:
        if chapter.card is not None:
            found.append((f"{chapter.id} card", chapter.card.quote.zh, chapter.card.quote.en))
        assert chapter.quiz is not None
        for question in chapter.quiz.questions:
            for option in question.options:
                found.append((f"{chapter.id} quiz {question.id}", option.zh, option.en))
    return found


@pytest.mark.parametrize(("where", "zh", "en"), _poem_renderings(),
                         ids=[w for w, _, _ in _poem_renderings()])
def test_every_quoted_poem_line_uses_the_one_translation(where: str, zh: str, en: str) -> None:
    lines = [line for line in re.split(r"[，。,;；]", zh) if line.strip()]
    if not all(_bare(line) in POEM for line in lines):
        return  # not a quotation of the poem
    expected = "; ".join(POEM[_bare(line)] for line in lines)
    assert en.rstrip(".").casefold() == expected.rstrip(".").casefold(), where


@pytest.mark.parametrize("path", SHIPPED, ids=[str(p.relative_to(LEVELS)) for p in SHIPPED])
def test_corrected_wordings_stay_corrected(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert "/work/" not in text, "comments point to levels/sources.yaml, not a machine path"
    assert "按毛泽东自注" not in text, "the 岷山 location is an editors' note: 据注释"
    assert "按传统说法" not in text, "write 据参战者回忆（杨成武等）"
    assert "毛泽东1936年对斯诺说" not in text, "the Dadu remark is Snow's own narration"
    assert "享年94岁" not in text and "年仅23岁" not in text
    assert "为苏维埃流尽" not in text, "the vow is 为苏维埃新中国流尽最后一滴血"
