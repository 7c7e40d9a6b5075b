"""The shipped campaign: every level loads, is solvable and replays to a win; every quiz bank
is sound; and every player-facing string can be drawn by the bundled font."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import game.ui.strings as ui_strings
from game.check.runner import kind_of
from game.content.campaign import (
    CAMPAIGN_FILE,
    CHAPTER_FILE,
    Campaign,
    Chapter,
    load_campaign,
    load_chapter,
)
from game.content.errors import Problem
from game.content.levels import load_level
from game.content.quiz import TRUE_FALSE_OPTIONS, load_quiz
from game.core import rules
from game.core.rules import replay
from game.core.state import Status, initial_state
from game.core.terrain import TERRAIN
from game.fontcov import REGULAR_FONT, font_codepoints, missing_chars
from game.i18n import Text
from game.solver import Outcome, solve
from game.ui import level_texts

LEVELS = Path(__file__).resolve().parent.parent / "levels"


LEVEL_FILES = sorted(p for p in LEVELS.rglob("*.yaml") if kind_of(p) == "level")
QUIZ_FILES = sorted(p for p in LEVELS.rglob("*.yaml") if kind_of(p) == "quiz")


def test_there_is_something_to_test() -> None:
    assert LEVEL_FILES and QUIZ_FILES


@pytest.mark.parametrize("path", LEVEL_FILES,
                         ids=[str(p.relative_to(LEVELS)) for p in LEVEL_FILES])
def test_level_loads_solves_and_replays_to_a_win(path: Path) -> None:
    """Solved within 200,000 positions and 5 s of CPU time. The solver's own budget is wall
    time, which a busy machine stretches, so it is generous here and the CPU time is what
    is held to 5 s."""
    level = load_level(path)
    began = time.process_time()
    result = solve(level, max_states=200_000, max_seconds=120.0)
    seconds = time.process_time() - began
    assert result.outcome is Outcome.SOLVED, result
    assert seconds < 5.0, f"{seconds:.1f} s of CPU time to solve"
    assert result.moves is not None
    assert len(result.moves) <= level.turn_limit
    final = replay(level, initial_state(level), list(result.moves))
    assert final.status is Status.WON
    assert final.troops >= level.goal.min_troops


@pytest.mark.parametrize("path", QUIZ_FILES, ids=[str(p.relative_to(LEVELS)) for p in QUIZ_FILES])
def test_quiz_bank_is_sound(path: Path) -> None:
    quiz = load_quiz(path)
    assert len(quiz.questions) >= 5
    assert quiz.draw <= len(quiz.questions)
    for question in quiz.questions:
        assert question.source.strip(), question.id


@pytest.fixture(scope="module")
def campaign() -> Campaign:
    return load_campaign(LEVELS)


def test_campaign_loads_every_level_and_quiz(campaign: Campaign) -> None:
    assert campaign.chapters
    levels = {level.source for chapter in campaign.chapters for level in chapter.levels}
    assert len(levels) == len(LEVEL_FILES)
    assert all(chapter.quiz is not None for chapter in campaign.chapters)


# --------------------------------------------------------------------------- font coverage


def _drafted_chapters(campaign: Campaign) -> list[Chapter]:
    """Chapters in folders under levels/ that the campaign does not list yet."""
    listed = {chapter.folder for chapter in campaign.chapters}
    drafted = []
    for path in sorted(LEVELS.glob(f"*/{CHAPTER_FILE}")):
        if path.parent not in listed:
            problems: list[Problem] = []
            chapter = load_chapter(path.parent, LEVELS, problems, str)
            assert chapter is not None, problems
            drafted.append(chapter)
    return drafted


def _texts_of_campaign(campaign: Campaign) -> Iterator[tuple[str, str, Text]]:
    """(file, what, text) for every player-facing text in the campaign and its drafts."""
    yield CAMPAIGN_FILE, "title", campaign.title
    if campaign.ending is not None:
        ending = campaign.ending
        for what in ("title", "meaning", "quote", "quote_source", "poem_source"):
            yield "ending.yaml", what, getattr(ending, what)
        for number, line in enumerate(ending.poem, start=1):
            yield "ending.yaml", f"poem line {number}", line.line
    for chapter in [*campaign.chapters, *_drafted_chapters(campaign)]:
        where = str((chapter.folder / CHAPTER_FILE).relative_to(LEVELS))
        yield where, "title", chapter.title
        yield where, "date", chapter.date
        yield where, "place", chapter.place
        yield where, "briefing", chapter.briefing
        if chapter.card is not None:
            for number, fact in enumerate(chapter.card.facts, start=1):
                yield where, f"card fact {number}", fact
            yield where, "card quote", chapter.card.quote
            yield where, "card quote source", chapter.card.quote_source
        for level in chapter.levels:
            yield level.source, "title", level.title
            if level.intro is not None:
                yield level.source, "intro", level.intro
            yield level.source, "objective", level_texts.objective(level)
            yield level.source, "win title", level_texts.win_title(level)
            for reason in level_texts.possible_losses(level):
                yield level.source, f"loss advice {reason.name}", level_texts.loss_advice(
                    level, reason)
        if chapter.quiz is not None:
            quiz = chapter.quiz
            for question in quiz.questions:
                what = f"question {question.id}"
                yield quiz.source, f"{what} prompt", question.prompt
                for number, option in enumerate(question.options, start=1):
                    yield quiz.source, f"{what} option {number}", option
                yield quiz.source, f"{what} explanation", question.explanation


def _missing_report(texts: Iterator[tuple[str, str, Text]]) -> list[str]:
    codepoints = font_codepoints(REGULAR_FONT)
    report = []
    for where, what, text in texts:
        for lang, value in (("zh", text.zh), ("en", text.en)):
            missing = missing_chars(value, codepoints)
            if missing:
                report.append(f"{where}: {what} ({lang}) cannot draw {''.join(missing)!r}")
    return report


def test_every_shipped_string_is_drawable(campaign: Campaign) -> None:
    assert _missing_report(_texts_of_campaign(campaign)) == []


def _ui_texts() -> Iterator[tuple[str, str, Text]]:
    where = "game/ui/strings.py"
    for name, value in sorted(vars(ui_strings).items()):
        if isinstance(value, Text):
            yield where, name, value
    yield "game/ui/level_texts.py", "LOSS_TITLE", level_texts.LOSS_TITLE
    window = ui_strings.WINDOW_TITLE
    yield where, "WINDOW_TITLE", Text(window, window)
    for number, option in enumerate(TRUE_FALSE_OPTIONS, start=1):
        yield "game/content/quiz.py", f"TRUE_FALSE_OPTIONS {number}", option
    # Refusals and terrain names reach the player through the HUD.
    for name, value in vars(rules).items():
        if isinstance(value, Text):
            yield "game/core/rules.py", name, value
    for terrain in TERRAIN.values():
        yield "game/core/terrain.py", terrain.name, terrain.label


def test_ui_strings_are_drawable() -> None:
    texts = list(_ui_texts())
    assert len(texts) > 20
    assert _missing_report(iter(texts)) == []


def test_the_font_check_can_fail() -> None:
    report = _missing_report(iter([("x.yaml", "title", Text("长征\ue000", "ok"))]))
    assert report == ["x.yaml: title (zh) cannot draw '\\ue000'"]
