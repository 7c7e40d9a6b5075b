"""Playing a level: input to actions, ``step`` for the rules, a tween for each move, the HUD."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.content.errors import Problem
from game.core.actions import Action
from game.core.events import Event
from game.core.level import Level, Pos
from game.core.rules import Impossible, step
from game.core.state import State, Status, initial_state
from game.i18n import Text
from game.solver import Outcome, cannot_win
from game.solver_background import BackgroundSolve
from game.ui import palette, strings
from game.ui.announce import announce
from game.ui.board import BoardView
from game.ui.context import Game
from game.ui.hud import draw_hud, hud_items
from game.ui.input import (
    HINT_KEYS,
    MOVE_KEYS,
    PAUSE_KEYS,
    RELOAD_KEYS,
    RESTART_KEYS,
    UNDO_KEYS,
)
from game.ui.level_texts import objective
from game.ui.outcomes import LevelEnded, Open
from game.ui.reload import LevelWatch
from game.ui.scene import Scene, Transition
from game.ui.text import draw_text, draw_wrapped, text_height
from game.ui.widgets import dim, draw_panel, paper_background

TWEEN_SECONDS = 0.16
END_DELAY_SECONDS = 0.7
MESSAGE_SECONDS = 2.5
BOARD_AREA = pygame.Rect(20, 70, 1240, 560)
INTRO_WIDTH = 820
GOAL_SIZES = (20, 19, 18, 17, 16)


@dataclass
class Message:
    """A line of feedback under the board that fades after a while."""

    text: Text
    color: tuple[int, int, int]
    left: float = MESSAGE_SECONDS


class PlayScene(Scene):
    """One level in play. ``chapter_index`` is None when a single file is played directly."""

    name = "level"

    def __init__(self, game: Game, level: Level, chapter_index: int | None = None,
                 level_index: int = 0, watch: LevelWatch | None = None) -> None:
        self.game = game
        self.level = level
        self.chapter_index = chapter_index
        self.level_index = level_index
        self.view = BoardView(level, BOARD_AREA, game.fonts.get(18, bold=True))
        self.showing_intro = True
        self.clock = 0.0
        self.message: Message | None = None
        self._bogs: frozenset[Pos] = frozenset()
        self._bogs_at: tuple[object, ...] = ()
        self.hints = 0
        """Hints asked for in this level (kept in the progress for the teacher's report)."""
        self.hint_search: BackgroundSolve | None = None
        """The search for the hint asked for from the state it started from, if pending."""
        self.watch = watch
        """The level's file when it is played directly: F5 or a save reloads it."""
        self.problems: tuple[Problem, ...] = ()
        """Problems of the file on disk after a broken edit, shown over the game."""
        self._restart()

    def reload(self) -> None:
        """Load the level file again: play the new version, or show what is wrong with it."""
        if self.watch is None:
            return
        loaded = self.watch.load()
        if isinstance(loaded, Level):
            self.level, self.problems = loaded, ()
            self.view = BoardView(loaded, BOARD_AREA, self.game.fonts.get(18, bold=True))
            self._restart()
            self.message = Message(strings.RELOADED, palette.GOOD)
        else:
            self.problems = loaded

    def _restart(self) -> None:
        self.state = initial_state(self.level)
        self.before = self.state
        self.history: list[State] = []
        self.actions: list[Action] = []
        self.tween = 1.0
        self.ending = 0.0

    # ----------------------------------------------------------------- input
    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN and event.key in RELOAD_KEYS and self.watch:
            self.reload()
            return None
        if self.problems:  # a broken edit: nothing to play until the file is fixed
            if event.type == pygame.KEYDOWN and event.key in PAUSE_KEYS:
                return Open("pause", over=self)
            return None
        if self.showing_intro:
            if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
                if event.type == pygame.KEYDOWN and event.key in PAUSE_KEYS:
                    return Open("pause", over=self)
                self.showing_intro = False
            return None
        if event.type != pygame.KEYDOWN:
            return None
        if event.key in PAUSE_KEYS:
            return Open("pause", over=self)
        if self.state.status is not Status.PLAYING:
            return None
        if event.key in HINT_KEYS:
            self.hint()
        elif event.key in UNDO_KEYS:
            self.undo()
        elif event.key in RESTART_KEYS:
            self.restart()
        elif event.key in MOVE_KEYS:
            self.play(MOVE_KEYS[event.key])
        return None

    def play(self, action: Action) -> list[Event]:
        """Apply one action through the rules; a refused one shows why and costs nothing."""
        try:
            state, events = step(self.level, self.state, action)
        except Impossible as refused:
            self.message = Message(refused.message, palette.BAD)
            self.game.audio.play("blocked")
            return []
        self.history.append(self.state)
        self.actions.append(action)
        self.before, self.state, self.tween = self.state, state, 0.0
        self.message = None  # a message ends with the turn it was about
        self._announce(events)
        return events

    def _announce(self, events: list[Event]) -> None:
        self.game.audio.play("step")
        for event in events:
            said = announce(event)
            if said is not None:
                text, colour, sound = said
                self.message = Message(text, colour)
                if sound is not None:
                    self.game.audio.play(sound)
        if self.state.turn == self.level.disguise and self.level.disguise:
            self.message = Message(strings.DISGUISE_OVER, palette.BAD)
        lost_cause = cannot_win(self.level, self.state)
        if lost_cause is not None:  # say so at once: cheap bounds, no search
            self.message = Message(lost_cause.sentence() + Text("", " ") + strings.UNDO_OR_RESTART,
                                   palette.BAD, float("inf"))
        if self.state.status is Status.WON:
            self.game.audio.play("win")
        elif self.state.status is Status.LOST:
            self.game.audio.play("lose")

    def hint(self) -> None:
        """Start looking for the next move of the best win from here (counted, for the
        teacher); the search runs in the background and :meth:`update` shows the hint."""
        self.hints += 1
        if self.hint_search is None or self.hint_search.start != self.state:
            self._drop_hint()
            self.hint_search = BackgroundSolve(self.level, self.state, max_seconds=10.0)
        self.message = Message(strings.HINT_THINKING, palette.TEXT_MUTED, float("inf"))

    def _drop_hint(self) -> None:
        if self.hint_search is not None:
            self.hint_search.cancel()
            self.hint_search = None

    def _show_hint(self) -> None:
        """The pending hint, once its search is done (dropped if the pupil moved on)."""
        search = self.hint_search
        if search is None or not (search.done or search.start != self.state):
            return
        self.hint_search = None
        if search.start != self.state:
            search.cancel()
            return
        result = search.result()
        if result is not None and result.outcome is Outcome.SOLVED and result.moves:
            self.message = Message(strings.HINT.format(move=self.game.t(
                strings.MOVE_NAMES[result.moves[0]])), palette.GOOD)
        else:
            self.message = Message(strings.NO_HINT, palette.BAD)

    def undo(self) -> None:
        """Take back the last move."""
        if not self.history:
            self.message = Message(strings.NOTHING_TO_UNDO, palette.TEXT_MUTED)
            return
        self.state = self.before = self.history.pop()
        self.actions.pop()
        self.tween = 1.0
        self.message = Message(strings.UNDONE, palette.TEXT_MUTED)

    def restart(self) -> None:
        """Start the level again from its first state."""
        self._restart()
        self.message = None

    # ----------------------------------------------------------------- time
    def update(self, dt: float) -> Transition | None:
        self.clock += dt
        self._show_hint()
        if self.watch is not None and self.watch.poll(dt):
            self.reload()
        self.tween = min(1.0, self.tween + dt / TWEEN_SECONDS)
        if self.message is not None:
            self.message.left -= dt
            if self.message.left <= 0:
                self.message = None
        if self.state.status is not Status.PLAYING and self.tween >= 1.0:
            self.ending += dt
            if self.ending >= END_DELAY_SECONDS:
                return LevelEnded(self.level, self.state, tuple(self.actions),
                                  self.chapter_index, self.level_index, self.hints)
        return None

    # ----------------------------------------------------------------- drawing
    def draw(self, surface: pygame.Surface) -> None:
        game = self.game
        surface.blit(paper_background(), (0, 0))
        bogs = self._known_bogs()
        self.view.draw(surface, game.sprites(self.view.tile), self.before, self.state,
                       self.tween, self.clock, known_bogs=bogs)
        self._draw_hud(surface)
        if self.problems:
            self._draw_problems(surface)
        elif self.showing_intro:
            self._draw_intro(surface)

    def _draw_problems(self, surface: pygame.Surface) -> None:
        """The problems of a broken edit, over the last good version of the level."""
        game = self.game
        dim(surface, 150)
        panel = pygame.Rect(80, 90, 1120, 540)
        draw_panel(surface, panel)
        draw_text(surface, game.fonts.get(28, bold=True), game.t(strings.RELOAD_BROKEN),
                  (panel.left + 24, panel.top + 16), palette.BAD)
        y = panel.top + 64
        font = game.fonts.get(18)
        for problem in self.problems[:14]:
            y = draw_wrapped(surface, font, str(problem),
                             pygame.Rect(panel.left + 24, y, panel.width - 48, 80), palette.TEXT,
                             line_gap=2)
        draw_text(surface, game.fonts.get(20), game.t(strings.RELOAD_HINT),
                  (panel.centerx, panel.bottom - 16), palette.TEXT_MUTED, anchor="midbottom")

    def _known_bogs(self) -> frozenset[Pos]:
        """The bogs found so far; worked out again only after a move, not every frame."""
        if not self.level.bogs:
            return self.level.bogs
        moment = (len(self.history), self.state.pos, self.state.taken)
        if self._bogs_at != moment:
            visited = [state.pos for state in self.history] + [self.state.pos]
            self._bogs = self.view.known_bogs(self.level, visited, self.state.taken)
            self._bogs_at = moment
        return self._bogs

    def titles(self) -> list[str]:
        """The HUD's titles, longest first; the last ("Level N · name") is always shown."""
        game = self.game
        title = game.t(self.level.title)
        if game.campaign is not None and self.chapter_index is not None:
            chapter = game.campaign.chapters[self.chapter_index]
            label = game.t(strings.LEVEL_LABEL.format(n=self.level_index + 1))
            return [f"{game.t(chapter.title)} · {label} · {title}", f"{label} · {title}"]
        return [title]

    def _draw_hud(self, surface: pygame.Surface) -> None:
        game, level = self.game, self.level
        bar = pygame.Rect(20, 14, 1240, 48)
        draw_panel(surface, bar)
        draw_hud(surface, bar, self.titles(),
                 hud_items(level, self.state), game.lang, game.fonts,
                 game.sprites(self.view.tile))
        footer = pygame.Rect(20, 640, 1240, 66)
        draw_panel(surface, footer)
        if self.message is not None:
            draw_text(surface, game.fonts.get(22, bold=True), game.t(self.message.text),
                      (footer.left + 18, footer.top + 8), self.message.color)
        else:
            goal = self.goal_line()
            draw_text(surface, self.goal_font(footer.width - 36), goal,
                      (footer.left + 18, footer.top + 9), palette.TEXT)
        draw_text(surface, game.fonts.get(17), game.t(strings.CONTROLS),
                  (footer.left + 18, footer.bottom - 8), palette.TEXT_MUTED,
                  anchor="bottomleft")

    def goal_line(self) -> str:
        """The footer's goal line, made from what is on the level."""
        return self.game.t(strings.GOAL) + self.game.t(objective(self.level))

    def goal_font(self, width: int) -> pygame.font.Font:
        """The largest font at which the goal line fits ``width`` on one line."""
        line = self.goal_line()
        for size in GOAL_SIZES:
            font = self.game.fonts.get(size)
            if font.size(line)[0] <= width:
                return font
        return self.game.fonts.get(GOAL_SIZES[-1])

    def _intro_text(self) -> str:
        game = self.game
        parts = [game.t(self.level.intro)] if self.level.intro else []
        parts.append(game.t(strings.GOAL) + game.t(objective(self.level)))
        return "\n".join(parts)

    def intro_panel(self) -> pygame.Rect:
        """The intro card's rectangle, sized to its text."""
        body = self.game.fonts.get(24)
        height = 150 + text_height(body, self._intro_text(), INTRO_WIDTH - 64, line_gap=8)
        panel = pygame.Rect(0, 0, INTRO_WIDTH, height)
        panel.center = (640, 360)
        return panel

    def _draw_intro(self, surface: pygame.Surface) -> None:
        game = self.game
        dim(surface, 110)
        body = game.fonts.get(24)
        width = INTRO_WIDTH
        text = self._intro_text()
        panel = self.intro_panel()
        height = panel.height
        draw_panel(surface, panel)
        draw_text(surface, game.fonts.get(34, bold=True), game.t(self.level.title),
                  (panel.centerx, panel.top + 22), palette.DEEP_RED, anchor="midtop")
        draw_wrapped(surface, body, text, pygame.Rect(panel.left + 32, panel.top + 84,
                                                      width - 64, height), line_gap=8)
        draw_text(surface, game.fonts.get(20), game.t(strings.PRESS_ANY_KEY),
                  (panel.centerx, panel.bottom - 20), palette.TEXT_MUTED, anchor="midbottom")
