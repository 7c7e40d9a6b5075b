"""What happened in a scene, as values: a level ended, a quiz was passed, a menu entry chosen.

Scenes return these instead of building the next scene themselves; :mod:`game.ui.flow` maps
each one to a transition. Scenes import this module and never each other, so the campaign's
order (level → next level → quiz → route map → ending) is decided in one place.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Protocol

from game.core.actions import Action
from game.core.level import Level
from game.core.state import State
from game.ui.context import Game
from game.ui.reload import LevelWatch
from game.ui.scene import Outcome, Scene
from game.ui.scenes.stars import campaign_complete


class Restartable(Protocol):
    """What the pause menu needs of the level under it."""

    showing_intro: bool

    def restart(self) -> None:
        """Start the level again from its first state."""


@dataclass(frozen=True, eq=False)
class Open(Outcome):
    """A menu entry: open the screen called ``screen`` on top (see ``flow.SCREENS``).

    ``chapter`` is the chapter it is about (the route map's focus, the card to show);
    ``over`` is the scene it is opened over (the level under the pause menu)."""

    screen: str
    chapter: int | None = None
    over: Scene | None = None


@dataclass(frozen=True, eq=False)
class ChapterChosen(Outcome):
    """A chapter was picked on the route map: show its prelude on a first visit (when it
    has one), else its briefing."""

    chapter: int


@dataclass(frozen=True, eq=False)
class PreludeRead(Outcome):
    """The page before a chapter's briefing was read: show the briefing."""

    chapter: int


@dataclass(frozen=True, eq=False)
class ChapterBegun(Outcome):
    """The briefing was read: play the chapter's first level not yet won."""

    chapter: int


@dataclass(frozen=True, eq=False)
class LevelEnded(Outcome):
    """A level was won or lost: show the result (which records it)."""

    level: Level
    state: State
    actions: tuple[Action, ...]
    chapter: int | None
    level_index: int
    hints: int = 0


@dataclass(frozen=True, eq=False)
class LevelRetry(Outcome):
    """Play the same level again, without its intro card."""

    level: Level
    chapter: int | None
    level_index: int


@dataclass(frozen=True, eq=False)
class LevelFixed(Outcome):
    """A broken level file played directly was fixed: play it."""

    level: Level
    watch: LevelWatch | None


@dataclass(frozen=True, eq=False)
class MarchOn(Outcome):
    """After a won level: on to whatever :func:`next_step` says comes next."""

    chapter: int | None
    level_index: int


@dataclass(frozen=True, eq=False)
class QuizRetake(Outcome):
    """Take the chapter's quiz again (a fresh draw)."""

    chapter: int


@dataclass(frozen=True, eq=False)
class QuizDone(Outcome):
    """The quiz's score was seen: on to the ending when it is earned, else the route map with
    the next stop in focus."""

    chapter: int


@dataclass(frozen=True, eq=False)
class ToTitle(Outcome):
    """Back to the title screen (or quit, when a single level file is played)."""


class Step(enum.Enum):
    """Where the campaign goes after a won level."""

    LEVEL = "level"
    QUIZ = "quiz"
    ENDING = "ending"
    ROUTE = "route"
    QUIT = "quit"


def ending_earned_by(game: Game, chapter_index: int) -> bool:
    """Whether finishing chapter ``chapter_index`` leads straight to the ending now."""
    campaign = game.campaign
    return (campaign is not None and campaign.ending is not None
            and chapter_index == len(campaign.chapters) - 1 and campaign_complete(game))


def next_step(game: Game, chapter_index: int | None, level_index: int) -> Step:
    """What follows a won level: the chapter's next level, its quiz, the ending (after the
    last chapter, once everything is complete), or the route map; a single level file
    played directly just ends."""
    if game.campaign is None or chapter_index is None:
        return Step.QUIT
    chapter = game.campaign.chapters[chapter_index]
    if level_index + 1 < len(chapter.levels):
        return Step.LEVEL
    if chapter.quiz is not None:
        return Step.QUIZ
    return Step.ENDING if ending_earned_by(game, chapter_index) else Step.ROUTE


def next_stop(game: Game, chapter_index: int) -> int:
    """The route map's focus after chapter ``chapter_index``: the next chapter once it is
    unlocked, else this one (to retake its quiz)."""
    assert game.campaign is not None
    following = chapter_index + 1
    if following < len(game.campaign.chapters) and game.chapter_unlocked(following):
        return following
    return chapter_index
