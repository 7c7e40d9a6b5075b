"""The content's model: the classes a loaded campaign is made of, and nothing else.

The loaders (``campaign.py``, ``quiz.py``, ``teaching.py``) build these from validated YAML
and re-export them under their old names. They live here, in a module that imports neither
PyYAML nor the loaders nor the schema, so that a campaign read back from the pickle cache
(``campaign_cache.py``) needs only this module, ``game.core`` and ``game.i18n``: the game's
start does not pay for importing the YAML machinery it does not use. No pygame, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from game.core.level import Level
from game.i18n import Text

__all__ = ["Campaign", "Chapter", "Ending", "HistoryCard", "PoemLine", "Prelude", "Question",
           "QuestionType", "Quiz", "RoutePoint"]


@dataclass(frozen=True, slots=True)
class Prelude:
    """A page shown before a chapter's briefing: what came before, and why it matters."""

    title: Text
    text: Text
    facts: tuple[Text, ...] = ()
    date: Text | None = None
    sources: tuple[str, ...] = ()


class QuestionType(Enum):
    """The kinds of question a bank may hold."""

    SINGLE = "single"
    MULTIPLE = "multiple"
    TRUEFALSE = "truefalse"
    ORDER = "order"


@dataclass(frozen=True, slots=True)
class Question:
    """One question. ``answer`` holds option indices: one, several, or the right order."""

    id: str
    type: QuestionType
    prompt: Text
    options: tuple[Text, ...]
    answer: tuple[int, ...]
    explanation: Text
    source: str
    taught: Text | None = None

    def is_correct(self, response: tuple[int, ...]) -> bool:
        """Whether ``response`` (option indices) is right; order matters only for ORDER."""
        if self.type is QuestionType.MULTIPLE:
            return sorted(response) == sorted(self.answer)
        return tuple(response) == self.answer

    def answer_text(self, lang: str) -> str:
        """The right answer as a pupil reads it."""
        parts = [self.options[i].zh if lang == "zh" else self.options[i].en for i in self.answer]
        if self.type is QuestionType.ORDER:
            return " → ".join(parts)
        if lang != "zh":
            return "; ".join(parts)
        # Chinese lists take "、"; items that are phrases with their own "、" or "，" take "；".
        return ("；" if any("、" in part or "，" in part for part in parts) else "、").join(parts)


@dataclass(frozen=True, slots=True)
class Quiz:
    """A chapter's question bank; each quiz draws ``draw`` questions from it."""

    chapter: str
    questions: tuple[Question, ...]
    draw: int
    pass_percent: int
    source: str = ""


@dataclass(frozen=True, slots=True)
class HistoryCard:
    """The 知识卡片 a pupil keeps after finishing a chapter."""

    facts: tuple[Text, ...]
    quote: Text
    quote_source: Text


@dataclass(frozen=True, slots=True)
class Chapter:
    """One chapter: its story, its levels in order, its quiz bank and its history card."""

    id: str
    title: Text
    date: Text
    place: Text
    briefing: Text
    sources: tuple[str, ...]
    levels: tuple[Level, ...]
    quiz: Quiz | None
    card: HistoryCard | None
    folder: Path
    prelude: Prelude | None = None
    goals: tuple[Text, ...] = ()
    discussion: tuple[Text, ...] = ()


@dataclass(frozen=True, slots=True)
class PoemLine:
    """One line of 七律·长征 and the chapter it belongs to (None: the whole march)."""

    line: Text
    chapter: str | None


@dataclass(frozen=True, slots=True)
class Ending:
    """The closing screen after the last chapter: what the Long March meant, and the poem."""

    title: Text
    meaning: Text
    quote: Text
    quote_source: Text
    poem: tuple[PoemLine, ...]
    poem_source: Text
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RoutePoint:
    """A place on the stylised route map; ``at`` is (x, y) on a 100×60 grid, west to east and
    north to south. A point may be a chapter's stop."""

    name: Text
    at: tuple[int, int]
    chapter: str | None = None
    date: Text | None = None


@dataclass(frozen=True, slots=True)
class Campaign:
    """The chapters in the order they are played."""

    title: Text
    chapters: tuple[Chapter, ...]
    root: Path
    ending: Ending | None = None
    route: tuple[RoutePoint, ...] = ()

    def chapter(self, chapter_id: str) -> Chapter:
        """The chapter with ``chapter_id``."""
        for chapter in self.chapters:
            if chapter.id == chapter_id:
                return chapter
        raise KeyError(chapter_id)
