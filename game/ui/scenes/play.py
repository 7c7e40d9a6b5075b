"""Playing a level: input to actions, ``step`` for the rules, a tween for each move, the HUD."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.content.errors import Problem
from game.core.actions import ALL_ACTIONS, Action, parse_moves
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
from game.ui.scenes.common import fitting_font
from game.ui.scenes.profiles import fit_line
from game.ui.text import draw_text, draw_wrapped, text_height
from game.ui.widgets import Button, Menu, dim, draw_panel, paper_background

TWEEN_SECONDS = 0.16
END_DELAY_SECONDS = 0.7
MESSAGE_SECONDS = 2.5
KEEP_SECONDS = 15.0
BOARD_AREA = pygame.Rect(20, 70, 1096, 560)
#: The column of on-screen buttons right of the board (clear of the HUD bar and the footer).
BUTTONS_AREA = pygame.Rect(1128, 74, 132, 552)
#: The buttons: what each does, by key; they are the keys' twins, for a mouse or a finger.
BUTTONS: tuple[tuple[str, Text], ...] = (
    ("wait", strings.WAIT_BUTTON), ("undo", strings.UNDO_BUTTON),
    ("restart", strings.RESTART_BUTTON), ("hint", strings.HINT_BUTTON),
    ("menu", strings.MENU_BUTTON))
INTRO_WIDTH = 820
GOAL_SIZES = (20, 19, 18, 17, 16)
INTRO_MAX_HEIGHT = 680


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
        self.hover: Pos | None = None
        """The cell under the mouse, when a tap there would move the column."""
        self.pointer = (-1, -1)
        self._images: dict[tuple[object, ...], pygame.Surface] = {}
        """The footer's text and the buttons, drawn once per text, state and text size."""
        self._kept_at = 0.0
        """Where the mouse is (a button under it is highlighted)."""
        self.buttons = Menu(self._buttons(), keyboard=False)
        self._restart()
        self.resume()

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

    def resumed(self) -> None:
        """Back from the pause menu: the settings (language, text size) may have changed."""
        self.buttons = Menu(self._buttons(), keyboard=False)
        self.view = BoardView(self.level, BOARD_AREA, self.game.fonts.get(18, bold=True))

    def _restart(self) -> None:
        self.state = initial_state(self.level)
        self.before = self.state
        self.history: list[State] = []
        self.actions: list[Action] = []
        self.tween = 1.0
        self.ending = 0.0

    def _buttons(self) -> list[Button]:
        game = self.game
        count = len(BUTTONS)
        gap = 12
        height = min(64, (BUTTONS_AREA.height - gap * (count - 1)) // count)
        return [Button(key, game.t(label), pygame.Rect(BUTTONS_AREA.left,
                                                       BUTTONS_AREA.top + i * (height + gap),
                                                       BUTTONS_AREA.width, height))
                for i, (key, label) in enumerate(BUTTONS)]

    # ----------------------------------------------------------------- resuming
    @property
    def keeps_moves(self) -> bool:
        """Only campaign levels are resumed (a file tried directly starts afresh)."""
        return self.chapter_index is not None and self.watch is None

    def resume(self) -> None:
        """Replay the moves kept from a visit left mid-way; a replay the rules refuse (the
        level was changed since) is dropped and the level starts afresh."""
        moves = self.game.progress.unfinished.get(self.level.id, "")
        if not moves or not self.keeps_moves:
            return
        try:
            for action in parse_moves(moves):
                state, _ = step(self.level, self.state, action)
                self.history.append(self.state)
                self.actions.append(action)
                self.state = state
        except (Impossible, ValueError):
            self._restart()
            self.keep_moves()
            return
        if self.state.status is not Status.PLAYING:  # kept by mistake: start afresh
            self._restart()
            self.keep_moves()
            return
        self.before = self.state
        self.message = Message(strings.RESUMED.format(n=len(self.actions)), palette.GOOD,
                               MESSAGE_SECONDS * 2)

    def keep_moves(self, *, write: bool = False) -> None:
        """Keep the moves so far with the progress, so the level reopens where it was left.

        They are written to disk when ``write`` (the pause menu opens: the pupil may leave),
        and otherwise at most every :data:`KEEP_SECONDS` of play, so a move never waits for
        the disk; the result screen and quitting the game write them too.
        """
        if not self.keeps_moves:
            return
        unfinished = self.game.progress.unfinished
        moves = "".join(action.value for action in self.actions)
        if self.state.status is Status.PLAYING and moves:
            unfinished[self.level.id] = moves
        else:
            unfinished.pop(self.level.id, None)
        if write or self.clock - self._kept_at >= KEEP_SECONDS:
            self._kept_at = self.clock
            self.game.save()

    # ----------------------------------------------------------------- input
    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN and event.key in RELOAD_KEYS and self.watch:
            self.reload()
            return None
        if self.problems:  # a broken edit: nothing to play until the file is fixed
            if event.type == pygame.KEYDOWN and event.key in PAUSE_KEYS:
                return self.pause()
            return None
        if self.showing_intro:
            if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
                if event.type == pygame.KEYDOWN and event.key in PAUSE_KEYS:
                    return self.pause()
                self.showing_intro = False
            return None
        choice = self.buttons.handle(event)
        if choice == "menu":
            return self.pause()
        if event.type == pygame.MOUSEMOTION:
            self.pointer = event.pos
            self.hover = self._tap_target(event.pos)
        if self.state.status is not Status.PLAYING:
            if event.type == pygame.KEYDOWN and event.key in PAUSE_KEYS:
                return self.pause()
            return None
        if choice is not None:
            self.command(choice)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self.tap(event.pos)
        elif event.type == pygame.KEYDOWN:
            if event.key in PAUSE_KEYS:
                return self.pause()
            if event.key in HINT_KEYS:
                self.command("hint")
            elif event.key in UNDO_KEYS:
                self.command("undo")
            elif event.key in RESTART_KEYS:
                self.command("restart")
            elif event.key in MOVE_KEYS:
                self.play(MOVE_KEYS[event.key])
        return None

    def pause(self) -> Transition:
        """Open the pause menu (the moves so far are written first: the pupil may leave)."""
        self.keep_moves(write=True)
        return Open("pause", over=self)

    def command(self, key: str) -> None:
        """One of the buttons (or its key): ``wait``, ``undo``, ``restart`` or ``hint``."""
        if key == "wait":
            self.play(Action.WAIT)
        elif key == "undo":
            self.undo()
        elif key == "restart":
            self.restart()
        elif key == "hint":
            self.hint()

    def _tap_target(self, point: tuple[int, int]) -> Pos | None:
        """The cell at ``point`` when tapping it is a move: next to the column, or the
        column itself (wait)."""
        cell = self.view.cell_at(point)
        if cell is None or tap_action(self.state.pos, cell) is None:
            return None
        return cell

    def tap(self, point: tuple[int, int]) -> None:
        """A click or tap on the board: move to a neighbouring cell (the same actions and
        rules as the keys), wait on the column's own cell; elsewhere, say how to move."""
        cell = self.view.cell_at(point)
        if cell is None:
            return
        action = tap_action(self.state.pos, cell)
        if action is None:
            self.message = Message(strings.TAP_NEXT_TO, palette.TEXT_MUTED)
            return
        self.play(action)
        self.hover = self._tap_target(point)

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
        self.keep_moves()
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
        if cannot_win(self.level, self.state) is not None:  # known at once: no search
            self._drop_hint()
            self.message = Message(strings.NO_HINT, palette.BAD)
            return
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
        self.keep_moves()

    def restart(self) -> None:
        """Start the level again from its first state."""
        self._restart()
        self.message = None
        self.keep_moves()

    # ----------------------------------------------------------------- time
    def update(self, dt: float) -> Transition | None:
        self.clock += dt
        self._show_hint()
        playing = self.state.status is Status.PLAYING and not self.problems
        for button in self.buttons.buttons:
            button.enabled = playing or button.key == "menu"
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
        if (self.hover is not None and self.tween >= 1.0 and not self.showing_intro
                and self.state.status is Status.PLAYING):
            surface.blit(game.sprites(self.view.tile).overlay("cursor"),
                         self.view.cell_rect(self.hover))
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
            y = draw_wrapped(surface, font, problem.text(game.lang),
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
            short = f"{label} · {title}"
            if game.t(chapter.title) == title:  # "雪山之行 · 第2关 · 雪山之行" says it twice
                return [short]
            return [f"{game.t(chapter.title)} · {short}", short]
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
        inner = footer.inflate(-36, -12)
        if self.message is not None:
            text, colour, bold = game.t(self.message.text), self.message.color, True
        else:
            text, colour, bold = self.goal_line(), palette.TEXT, False
        surface.blit(self._footer_text(text, colour, bold, inner.size), inner)
        self._draw_buttons(surface)

    def _cached(self, key: tuple[object, ...], make: Callable[[], pygame.Surface]
                ) -> pygame.Surface:
        """A drawing kept while its inputs (``key``, the text size and palette) stay the
        same: the footer and the buttons are laid out once, not every frame."""
        key = (*key, self.game.fonts.scale, palette.PANEL)
        image = self._images.get(key)
        if image is None:
            if len(self._images) > 64:
                self._images.clear()
            image = self._images[key] = make()
        return image

    def _footer_text(self, text: str, colour: tuple[int, int, int], bold: bool,
                     size: tuple[int, int]) -> pygame.Surface:
        """The message or the goal (wrapped in the largest size that fits), then the keys
        when there is room for them."""
        def make() -> pygame.Surface:
            game = self.game
            image = pygame.Surface(size, pygame.SRCALPHA)
            area = image.get_rect()
            font = (fitting_font(game, text, area, sizes=(22, 20, 18, 16), line_gap=0,
                                 bold=True) if bold else self.goal_font(area.width))
            if not bold and font.size(text)[0] > area.width:  # large text: two lines
                font = fitting_font(game, text, area, sizes=GOAL_SIZES, line_gap=0)
            bottom = draw_wrapped(image, font, text, area, colour, line_gap=0)
            controls = game.fonts.get(17)
            if area.bottom - bottom >= controls.get_linesize() - 4:
                for hint in (strings.CONTROLS, strings.SHORT_CONTROLS):
                    if controls.size(game.t(hint))[0] <= area.width:
                        draw_text(image, controls, game.t(hint), (0, area.bottom),
                                  palette.TEXT_MUTED, anchor="bottomleft")
                        break
            return image

        return self._cached(("footer", text, colour, bold), make)

    def _draw_buttons(self, surface: pygame.Surface) -> None:
        """The on-screen buttons, their labels in the largest size at which all fit."""
        buttons = self.buttons.buttons
        hovered = next((i for i, b in enumerate(buttons)
                        if b.enabled and b.rect.collidepoint(self.pointer)), -1)
        state = tuple((b.label, b.enabled) for b in buttons)

        def make() -> pygame.Surface:
            game = self.game
            image = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
            labels = [b.label for b in buttons]
            room = min(b.rect.width for b in buttons) - 28
            longest = max(labels, key=lambda label: game.fonts.get(24, True).size(label)[0])
            font = fit_line(game, longest, room, sizes=(24, 22, 20, 18), bold=True)[0]
            for index, button in enumerate(buttons):
                button.draw(image, font, index == hovered)
            return image.subsurface(BUTTONS_AREA.clip(image.get_rect())).copy()

        surface.blit(self._cached(("buttons", state, hovered), make), BUTTONS_AREA)

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

    def intro_layout(self) -> tuple[pygame.Rect, pygame.font.Font, int]:
        """The intro card's rectangle (sized to its text), the body's font (the largest that
        keeps the card on screen at the text size) and the y offset of the body."""
        game = self.game
        text = self._intro_text()
        top = 22 + game.fonts.get(34, bold=True).get_linesize() + 12
        bottom = 24 + game.fonts.get(20).get_linesize()
        body = game.fonts.get(24)
        for exact in (False, True):
            for size in (24, 22, 20, 18):
                body = game.fonts.get(size, exact=exact)
                height = top + text_height(body, text, INTRO_WIDTH - 64, line_gap=8) + bottom
                if height <= INTRO_MAX_HEIGHT:
                    break
            else:
                continue
            break
        panel = pygame.Rect(0, 0, INTRO_WIDTH, height)
        panel.center = (640, 360)
        return panel, body, top

    def intro_panel(self) -> pygame.Rect:
        """The intro card's rectangle, sized to its text."""
        return self.intro_layout()[0]

    def _draw_intro(self, surface: pygame.Surface) -> None:
        game = self.game
        dim(surface, 110)
        panel, body, top = self.intro_layout()
        draw_panel(surface, panel)
        draw_text(surface, game.fonts.get(34, bold=True), game.t(self.level.title),
                  (panel.centerx, panel.top + 22), palette.DEEP_RED, anchor="midtop")
        draw_wrapped(surface, body, self._intro_text(),
                     pygame.Rect(panel.left + 32, panel.top + top, INTRO_WIDTH - 64,
                                 panel.height - top), line_gap=8)
        draw_text(surface, game.fonts.get(20), game.t(strings.TAP_TO_BEGIN),
                  (panel.centerx, panel.bottom - 20), palette.TEXT_MUTED, anchor="midbottom")


def tap_action(column: Pos, cell: Pos) -> Action | None:
    """The action a tap on ``cell`` asks for: a step onto a neighbour of the ``column``, a
    wait on the column itself, or None (too far: moves are one square at a time)."""
    delta = (cell[0] - column[0], cell[1] - column[1])
    return next((action for action in ALL_ACTIONS if action.delta == delta), None)
