"""The level editor: paint and place on the map, set every key, see at once whether the
level can be won (the solver runs in the background), test-play it, save the YAML.

Three areas take the keyboard in turn (Tab): the palette, the map and the settings list;
the mouse works everywhere, and the toolbar has a button for every command, so the
keyboard alone and the mouse alone can each make a whole level (typing text needs keys).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pygame

from game.core.actions import Action, format_moves
from game.core.level import Level, Pos
from game.core.rules import step
from game.core.state import State, initial_state
from game.editor.document import LevelDocument, Patrol, Relief, Unit
from game.editor.files import save_level
from game.editor.ops import (
    Edit,
    Erase,
    ExtendRoute,
    History,
    Paint,
    PlaceMarker,
    PlaceUnit,
    RemoveUnit,
    SetField,
    ShortenRoute,
    route_cells,
    step_toward,
)
from game.editor.validate import EditorProblem, Validation, key_label, validate
from game.editor.verdict import LiveVerdict
from game.editor.verdict import Status as VerdictStatus
from game.i18n import Text
from game.ui import palette
from game.ui.board import BoardView
from game.ui.context import Game
from game.ui.editor import fields as fields
from game.ui.editor import strings as s
from game.ui.editor.view import TOOLS, MapView, tool_image
from game.ui.outcomes import Open
from game.ui.scene import Pop, Scene, Transition
from game.ui.text import draw_text, wrap
from game.ui.widgets import Button, Menu, draw_panel, paper_background

HEADER = pygame.Rect(12, 8, 1256, 48)
PALETTE = pygame.Rect(12, 64, 214, 592)
MAP_AREA = pygame.Rect(236, 64, 664, 592)
SIDE = pygame.Rect(910, 64, 358, 592)
VERDICT = pygame.Rect(SIDE.left, SIDE.top, SIDE.width, 130)
FIELDS = pygame.Rect(SIDE.left, VERDICT.bottom + 8, SIDE.width, 312)
PROBLEMS = pygame.Rect(SIDE.left, FIELDS.bottom + 8, SIDE.width,
                       SIDE.bottom - FIELDS.bottom - 8)
FOOTER = pygame.Rect(12, 664, 1256, 48)
TILE = 34
PALETTE_COLUMNS = 5
ROW_HEIGHT = 25
#: Seconds after the last edit before a new search starts (a brush stroke is one edit).
SOLVE_DELAY = 0.3
MESSAGE_SECONDS = 3.0
DEMO_STEP = 0.3
ZONES = ("palette", "map", "fields")
ARROWS: dict[int, Action] = {pygame.K_UP: Action.UP, pygame.K_DOWN: Action.DOWN,
                             pygame.K_LEFT: Action.LEFT, pygame.K_RIGHT: Action.RIGHT}
TOOLBAR = ("undo", "redo", "save", "play", "demo", "language", "back")


@dataclass
class Note:
    """A line of feedback in the footer that fades."""

    text: Text
    color: tuple[int, int, int]
    left: float = MESSAGE_SECONDS


class EditorScene(Scene):
    """Edits one level document; ``path`` is where Save writes it."""

    name = "editor"

    def __init__(self, game: Game, document: LevelDocument, path: Path,
                 levels_dir: Path) -> None:
        self.game = game
        self.history = History(document)
        self.path = path
        self.levels_dir = levels_dir
        self.tool = "terrain:forest"
        self.zone = "map"
        self.cursor: Pos = (document.width // 2, document.height // 2)
        self.hover: Pos | None = None
        self.selected: tuple[str, str] | None = None
        self.route_mode = False
        self.new_group = False
        self.field_focus = 0
        self.field_scroll = 0
        self.editing: fields.FieldSpec | None = None
        self.typed = ""
        self.composing = ""
        """What an input method is composing (pinyin, say), not yet part of ``typed``."""
        self.note: Note | None = None
        self.stroke: list[Pos] = []
        self.stroke_recorded = False
        self.live = LiveVerdict()
        self.validation: Validation = validate(document)
        self.solve_in = 0.0
        self.demo: list[State] = []
        self.demo_index = 0
        self.demo_clock = 0.0
        self.clock = 0.0
        self.leave_armed = False
        self.menu = Menu(keyboard=False)
        self._layout_toolbar()
        self.live.restart(self.validation.level)

    # ------------------------------------------------------------------ state
    @property
    def document(self) -> LevelDocument:
        """The document as it is now."""
        return self.history.document

    def _layout_toolbar(self) -> None:
        labels = {"undo": s.UNDO, "redo": s.REDO, "save": s.SAVE, "play": s.TEST_PLAY,
                  "demo": s.SHOW_WIN, "language": s.LANGUAGE, "back": s.BACK}
        width, gap = 104, 6
        left = HEADER.right - 8 - len(TOOLBAR) * (width + gap) + gap
        self.menu.buttons = [
            Button(key, self.game.t(labels[key]),
                   pygame.Rect(left + i * (width + gap), HEADER.top + 6, width, 36))
            for i, key in enumerate(TOOLBAR)]

    def _changed(self) -> None:
        """After any change of the document: validate now, search a moment later."""
        self.validation = validate(self.document)
        self.demo = []
        self.leave_armed = False
        if self.selected is not None and self._unit(self.selected) is None:
            self.selected, self.route_mode = None, False
        self.live.restart(None)
        self.solve_in = SOLVE_DELAY

    def apply(self, edit: Edit) -> bool:
        """Make one edit (recorded for undo); True when it changed the level."""
        if self.history.apply(edit):
            self._changed()
            return True
        return False

    def _say(self, text: Text, color: tuple[int, int, int] = palette.TEXT) -> None:
        self.note = Note(text, color)

    def _unit(self, ref: tuple[str, str]) -> Unit | None:
        unit: Unit | None = getattr(self.document, ref[0]).get(ref[1])
        return unit

    def field_specs(self) -> list[fields.FieldSpec]:
        """The rows of the settings list: the selected unit's first, then the level's."""
        rows: list[fields.FieldSpec] = []
        if self.selected is not None:
            rows += fields.UNIT_FIELDS[self.selected[0]]
        return rows + list(fields.LEVEL_FIELDS)

    # ------------------------------------------------------------------ commands
    def undo(self) -> None:
        """Undo the last edit."""
        if self.history.undo() is None:
            self._say(s.NOTHING, palette.TEXT_MUTED)
            return
        self._changed()
        self._say(s.UNDONE, palette.TEXT_MUTED)

    def redo(self) -> None:
        """Make the last undone edit again."""
        if self.history.redo() is None:
            self._say(s.NOTHING, palette.TEXT_MUTED)
            return
        self._changed()
        self._say(s.REDONE, palette.TEXT_MUTED)

    def save(self) -> bool:
        """Write the level to :attr:`path`."""
        try:
            save_level(self.document, self.path, self.levels_dir)
        except OSError as error:
            self._say(s.SAVE_FAILED.format(reason=error.strerror or str(error)), palette.BAD)
            return False
        self.history.mark_saved()
        self._say(s.SAVED.format(path=str(self.path)), palette.GOOD)
        return True

    def test_play(self) -> Transition | None:
        """Play the level as it is now; the editor waits below, just as it was."""
        if self.validation.level is None:  # refused by the loader (a stale solution: playable)
            self._say(s.CANNOT_PLAY, palette.BAD)
            return None
        return Open("editor-play", over=self)

    def toggle_demo(self) -> None:
        """Play the best win out on the map (again: stop)."""
        if self.demo:
            self.demo = []
            return
        level, verdict = self.validation.level, self.live.verdict
        if level is None or verdict.status is not VerdictStatus.SOLVABLE:
            self._say(s.NO_WIN_YET, palette.BAD)
            return
        states = [initial_state(level)]
        for action in verdict.moves:
            states.append(step(level, states[-1], action)[0])
        self.demo, self.demo_index, self.demo_clock = states, 0, 0.0

    def store_solution(self) -> None:
        """Write the best win into ``solution:``."""
        verdict = self.live.verdict
        if verdict.status is not VerdictStatus.SOLVABLE:
            self._say(s.NO_WIN_YET, palette.BAD)
            return
        self.apply(SetField("solution", format_moves(verdict.moves) or None))
        self._say(s.STORED_SOLUTION, palette.GOOD)

    def leave(self) -> Transition | None:
        """Back to where the editor was opened from (twice when there are unsaved edits)."""
        if self.history.dirty and not self.leave_armed:
            self.leave_armed = True
            self._say(s.LEAVE_UNSAVED, palette.BAD)
            return None
        self.live.restart(None)
        return Pop()

    def say(self, text: Text, color: tuple[int, int, int] = palette.TEXT) -> None:
        """Show a line in the footer (the test play says how it went)."""
        self._say(text, color)

    def command(self, key: str) -> Transition | None:
        """Carry out a toolbar command."""
        if key == "undo":
            self.undo()
        elif key == "redo":
            self.redo()
        elif key == "save":
            self.save()
        elif key == "play":
            return self.test_play()
        elif key == "demo":
            self.toggle_demo()
        elif key == "language":
            self.game.toggle_language()
            self._layout_toolbar()
        elif key == "back":
            return self.leave()
        return None

    # ------------------------------------------------------------------ using a tool
    def use_tool(self, pos: Pos) -> None:
        """Apply the current tool on one cell (the keyboard's Space, a mouse click)."""
        document = self.document
        if not document.inside(pos):
            return
        if self.route_mode and self.selected is not None and self._route_click(pos):
            return
        kind, _, name = self.tool.partition(":")
        held = document.unit_at(pos)
        if self.tool == "select" or (kind == "unit" and held is not None and held[0] == name
                                     and not (name in ("ferries", "fires", "pontoons")
                                              and self.new_group)
                                     and held == self.selected):
            self._select(held)
            return
        if kind == "terrain":
            self.apply(Paint((pos,), name))
        elif kind == "marker":
            self.apply(PlaceMarker(pos, name))
        elif kind == "unit":
            self._place_unit(name, pos)
        elif self.tool == "erase":
            self.apply(Erase(pos))

    def _select(self, held: tuple[str, str] | None) -> None:
        self.selected = held
        self.route_mode = held is not None and held[0] in ("patrols", "reliefs")
        self.field_focus, self.field_scroll = 0, 0

    def _place_unit(self, kind: str, pos: Pos) -> None:
        char = None
        if (kind in ("ferries", "fires", "pontoons") and self.selected is not None
                and self.selected[0] == kind and not self.new_group):
            char = self.selected[1]
        if self.apply(PlaceUnit(kind, pos, char)):
            self.new_group = False
            self._select(self.document.unit_at(pos))

    def _route_click(self, pos: Pos) -> bool:
        """A click while drawing a route: next to its end adds a step, anywhere else
        finishes the route; True when the click was used for that."""
        assert self.selected is not None
        unit = self._unit(self.selected)
        if not isinstance(unit, (Patrol, Relief)):
            return False
        letter = step_toward(route_cells(unit.pos, unit.route)[-1], pos)
        if letter is None:
            self.route_mode = False
            return True
        self.apply(ExtendRoute(self.selected[0], self.selected[1], letter))
        return True

    # ------------------------------------------------------------------ input
    def handle(self, event: pygame.event.Event) -> Transition | None:
        if self.editing is not None:
            return self._handle_typing(event)
        if self.demo and event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN) and not (
                event.type == pygame.KEYDOWN and event.key == pygame.K_F6):
            self.demo = []
            return None
        choice = self.menu.handle(event)
        if choice is not None:
            return self.command(choice)
        if event.type == pygame.KEYDOWN:
            return self._handle_key(event)
        if event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEMOTION, pygame.MOUSEBUTTONUP):
            self._handle_mouse(event)
        elif event.type == pygame.MOUSEWHEEL:
            self._scroll_fields(-event.y)
        return None

    def _handle_key(self, event: pygame.event.Event) -> Transition | None:
        key, ctrl = event.key, bool(event.mod & pygame.KMOD_CTRL)
        shift = bool(event.mod & pygame.KMOD_SHIFT)
        if ctrl and key == pygame.K_z:
            self.redo() if shift else self.undo()
        elif ctrl and key == pygame.K_y:
            self.redo()
        elif ctrl and key == pygame.K_s:
            self.save()
        elif key == pygame.K_F5:
            return self.test_play()
        elif key == pygame.K_F6:
            self.toggle_demo()
        elif key == pygame.K_F7:
            self.store_solution()
        elif key == pygame.K_F2:
            return self.command("language")
        elif key == pygame.K_TAB:
            step_by = -1 if shift else 1
            self.zone = ZONES[(ZONES.index(self.zone) + step_by) % len(ZONES)]
            self.route_mode = False
        elif key == pygame.K_ESCAPE:
            if self.route_mode:
                self.route_mode = False
                return None
            return self.leave()
        elif self.zone == "palette":
            self._palette_key(key)
        elif self.zone == "map":
            self._map_key(key, shift)
        else:
            self._fields_key(key, shift)
        return None

    def _palette_key(self, key: int) -> None:
        index = [tool for _, tool in TOOLS].index(self.tool)
        if key in (pygame.K_LEFT, pygame.K_RIGHT):
            index = max(0, min(len(TOOLS) - 1, index + (1 if key == pygame.K_RIGHT else -1)))
            self.tool = TOOLS[index][1]
        elif key in (pygame.K_UP, pygame.K_DOWN):
            rects = self.palette_rects()
            here = rects[index]
            below = key == pygame.K_DOWN
            rows = [r.top for r in rects if (r.top > here.top if below else r.top < here.top)]
            if rows:
                row = min(rows) if below else max(rows)
                nearest = min((i for i, r in enumerate(rects) if r.top == row),
                              key=lambda i: abs(rects[i].centerx - here.centerx))
                self.tool = TOOLS[nearest][1]
        elif key in (pygame.K_RETURN, pygame.K_SPACE, pygame.K_KP_ENTER):
            self.zone = "map"

    def _map_key(self, key: int, shift: bool) -> None:
        if self.route_mode and self.selected is not None:
            kind, char = self.selected
            if key in ARROWS:
                self.apply(ExtendRoute(kind, char, ARROWS[key].value))
            elif key == pygame.K_PERIOD:
                self.apply(ExtendRoute(kind, char, "."))
            elif key == pygame.K_BACKSPACE:
                self.apply(ShortenRoute(kind, char))
            elif key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                self.route_mode = False
            return
        if key in ARROWS:
            dx, dy = ARROWS[key].delta
            x = max(0, min(self.document.width - 1, self.cursor[0] + dx))
            y = max(0, min(self.document.height - 1, self.cursor[1] + dy))
            self.cursor = (x, y)
            if shift:
                self.use_tool(self.cursor)
        elif key in (pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER):
            self.use_tool(self.cursor)
        elif key in (pygame.K_DELETE, pygame.K_BACKSPACE):
            self.apply(Erase(self.cursor))

    def _fields_key(self, key: int, shift: bool) -> None:
        specs = self.field_specs()
        if key == pygame.K_UP:
            self.field_focus = max(0, self.field_focus - 1)
        elif key == pygame.K_DOWN:
            self.field_focus = min(len(specs) - 1, self.field_focus + 1)
        elif key in (pygame.K_LEFT, pygame.K_RIGHT):
            self.adjust(specs[self.field_focus], -1 if key == pygame.K_LEFT else 1, shift)
        elif key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            self.activate(specs[self.field_focus])
        elif key in (pygame.K_DELETE, pygame.K_BACKSPACE):
            spec = specs[self.field_focus]
            if spec.optional or spec.kind == "text":
                self._set(spec, None)
        self._keep_focus_visible()

    def _set(self, spec: fields.FieldSpec, value: str | int | None) -> None:
        self.apply(fields.set_edit(self.document, spec, self.selected, value))

    def adjust(self, spec: fields.FieldSpec, direction: int, big: bool = False) -> None:
        """Step a number, or cycle a choice."""
        value = fields.current(self.document, spec, self._selected_unit())
        if spec.kind == "number":
            self._set(spec, fields.stepped(spec, value, direction, big))
        elif spec.kind == "choice":
            self._set(spec, fields.cycled(value, direction))

    def activate(self, spec: fields.FieldSpec) -> None:
        """Enter on a row: type into a text or number, cycle a choice, or run an action."""
        if spec.kind == "choice":
            self.adjust(spec, 1)
        elif spec.kind == "action":
            self._action(spec.key)
        else:
            value = fields.current(self.document, spec, self._selected_unit())
            self.editing = spec
            self.typed = "" if value is None else str(value)
            self.composing = ""
            pygame.key.start_text_input()
            pygame.key.set_text_input_rect(PROBLEMS)  # the IME's candidates near the text

    def _action(self, key: str) -> None:
        if self.selected is None:
            return
        if key == "unit.remove":
            self.apply(RemoveUnit(*self.selected))
            self.selected, self.route_mode = None, False
        elif key == "unit.draw":
            self.route_mode, self.zone = True, "map"
        elif key == "unit.new":
            self.new_group = True
            self.tool = f"unit:{self.selected[0]}"
            self.zone = "map"

    def _selected_unit(self) -> Unit | None:
        return self._unit(self.selected) if self.selected is not None else None

    def _handle_typing(self, event: pygame.event.Event) -> Transition | None:
        spec = self.editing
        assert spec is not None
        if event.type == pygame.TEXTINPUT:
            self.typed += event.text
            self.composing = ""
        elif event.type == pygame.TEXTEDITING:
            self.composing = event.text
        elif event.type == pygame.KEYDOWN and not self.composing:  # else the IME has the keys
            if event.key == pygame.K_BACKSPACE:
                self.typed = self.typed[:-1]
            elif event.key == pygame.K_ESCAPE:
                self._stop_typing()
            elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                text = self.typed.strip()
                self._stop_typing()
                if spec.kind == "number":
                    if text.isdigit():
                        self._set(spec, max(spec.low, min(spec.high, int(text))))
                    elif not text and spec.optional:
                        self._set(spec, None)
                else:
                    self._set(spec, text or None)
        elif event.type == pygame.MOUSEBUTTONDOWN:
            self._stop_typing()
        return None

    def _stop_typing(self) -> None:
        self.editing = None
        self.composing = ""
        pygame.key.stop_text_input()

    def _handle_mouse(self, event: pygame.event.Event) -> None:
        view = MapView(self.document, MAP_AREA)
        if event.type == pygame.MOUSEMOTION:
            self.hover = view.cell_at(event.pos)
            if event.buttons[0] and self.stroke and self.hover is not None:
                self._continue_stroke(self.hover)
            return
        if event.type == pygame.MOUSEBUTTONUP:
            self.stroke = []
            return
        if event.button not in (1, 3):
            return
        cell = view.cell_at(event.pos)
        if cell is not None:
            self.zone, self.cursor = "map", cell
            if event.button == 3:
                self._select(self.document.unit_at(cell))
                return
            if self.tool.startswith("terrain:") and not self.route_mode:
                self.stroke = [cell]
                self.stroke_recorded = self.apply(Paint((cell,), self.tool.partition(":")[2]))
            else:
                self.use_tool(cell)
            return
        for index, rect in enumerate(self.palette_rects()):
            if rect.collidepoint(event.pos):
                self.tool, self.zone = TOOLS[index][1], "palette"
                self.route_mode = False
                return
        self._click_fields(event.pos)

    def _continue_stroke(self, cell: Pos) -> None:
        """Dragging a brush: the whole stroke stays one edit."""
        if cell in self.stroke:
            return
        self.stroke.append(cell)
        if self.stroke_recorded:
            self.history.undo()
        self.stroke_recorded = self.history.apply(
            Paint(tuple(self.stroke), self.tool.partition(":")[2]))
        self._changed()

    def _click_fields(self, point: tuple[int, int]) -> None:
        for index, row, minus, plus in self.field_rects():
            if not row.collidepoint(point):
                continue
            self.zone, self.field_focus = "fields", index
            spec = self.field_specs()[index]
            if minus is not None and minus.collidepoint(point):
                self.adjust(spec, -1)
            elif plus is not None and plus.collidepoint(point):
                self.adjust(spec, 1)
            else:
                self.activate(spec)
            return

    def _scroll_fields(self, rows: int) -> None:
        visible = self._visible_rows()
        top = max(0, len(self.field_specs()) - visible)
        self.field_scroll = max(0, min(top, self.field_scroll + rows))

    def _visible_rows(self) -> int:
        return (FIELDS.height - 44) // ROW_HEIGHT

    def _keep_focus_visible(self) -> None:
        visible = self._visible_rows()
        if self.field_focus < self.field_scroll:
            self.field_scroll = self.field_focus
        elif self.field_focus >= self.field_scroll + visible:
            self.field_scroll = self.field_focus - visible + 1

    def resumed(self) -> None:
        """Back from a test play: say how it went (set by the play scene)."""

    def animating(self) -> bool:
        """Redraw with time only while something moves or is awaited (the verdict, a
        note, the demo, the typing cursor); otherwise the loop sleeps until input."""
        return bool(self.solve_in > 0 or self.live.searching or self.note is not None
                    or self.demo or self.editing is not None)

    # ------------------------------------------------------------------ time
    def update(self, dt: float) -> Transition | None:
        self.clock += dt
        if self.note is not None:
            self.note.left -= dt
            if self.note.left <= 0:
                self.note = None
        if self.solve_in > 0:
            self.solve_in -= dt
            if self.solve_in <= 0:
                self.live.restart(self.validation.level)
        self.live.poll()
        if self.demo:
            self.demo_clock += dt
            if self.demo_clock >= DEMO_STEP:
                self.demo_clock = 0.0
                self.demo_index = min(len(self.demo) - 1, self.demo_index + 1)
        return None

    # ------------------------------------------------------------------ layout
    def palette_rects(self) -> list[pygame.Rect]:
        """Where each tool's tile is."""
        rects: list[pygame.Rect] = []
        y = PALETTE.top + 8
        group = -1
        column = 0
        for tool_group, _ in TOOLS:
            if tool_group != group:
                group, column = tool_group, 0
                y += (TILE + 6 if rects else 0) + 24  # room for the group's label
            elif column == PALETTE_COLUMNS:
                column = 0
                y += TILE + 6
            rects.append(pygame.Rect(PALETTE.left + 12 + column * (TILE + 6), y, TILE, TILE))
            column += 1
        return rects

    def field_rects(self) -> list[tuple[int, pygame.Rect, pygame.Rect | None,
                                        pygame.Rect | None]]:
        """Each visible settings row, with its − and + buttons for numbers and choices."""
        specs = self.field_specs()
        out = []
        top = FIELDS.top + 38
        for row in range(self._visible_rows()):
            index = self.field_scroll + row
            if index >= len(specs):
                break
            rect = pygame.Rect(FIELDS.left + 8, top + row * ROW_HEIGHT, FIELDS.width - 16,
                               ROW_HEIGHT - 2)
            minus = plus = None
            if specs[index].kind in ("number", "choice"):
                plus = pygame.Rect(rect.right - 24, rect.top + 1, 22, rect.height - 2)
                minus = plus.move(-26, 0)
            out.append((index, rect, minus, plus))
        return out

    # ------------------------------------------------------------------ drawing
    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(_chrome(), (0, 0))
        self._draw_header(surface)
        self._draw_palette(surface)
        self._draw_map(surface)
        self._draw_verdict(surface)
        self._draw_fields(surface)
        self._draw_problems(surface)
        self._draw_footer(surface)

    def _draw_header(self, surface: pygame.Surface) -> None:
        game = self.game
        title = game.t(s.EDITOR_TITLE) + " · " + self.path.name
        if self.history.dirty:
            title += game.t(s.UNSAVED_MARK)
        room = self.menu.buttons[0].rect.left - HEADER.left - 24
        font = game.fonts.get(22, bold=True)
        if font.size(title)[0] > room:
            font = game.fonts.get(17, bold=True)
        draw_text(surface, font, _clip(font, title, room), (HEADER.left + 14, HEADER.centery),
                  palette.DEEP_RED, anchor="midleft")
        for button in self.menu.buttons:
            button.enabled = {"undo": self.history.can_undo, "redo": self.history.can_redo,
                              "demo": self.live.verdict.status is VerdictStatus.SOLVABLE,
                              }.get(button.key, True)
            button.selected = button.key == "demo" and bool(self.demo)
        self.menu.draw(surface, game.fonts.get(17))

    def _draw_palette(self, surface: pygame.Surface) -> None:
        game = self.game
        sprites = game.sprites(TILE)
        small = game.fonts.get(15, bold=True)
        group = -1
        for (tool_group, tool), rect in zip(TOOLS, self.palette_rects(), strict=True):
            if tool_group != group:
                group = tool_group
                draw_text(surface, small, game.t(s.TOOL_GROUPS[group]),
                          (PALETTE.left + 12, rect.top - 3), palette.INK_SOFT,
                          anchor="bottomleft")  # clear of the selected tile's frame
            surface.blit(tool_image(sprites, tool), rect)
            if tool == self.tool:
                pygame.draw.rect(surface, palette.RED, rect.inflate(6, 6), 3, border_radius=4)
            else:
                pygame.draw.rect(surface, palette.PANEL_BORDER, rect, 1)
        last = self.palette_rects()[-1]
        box = pygame.Rect(PALETTE.left + 10, last.bottom + 12, PALETTE.width - 20,
                          PALETTE.bottom - last.bottom - 20)
        if self.zone == "palette":
            pygame.draw.rect(surface, palette.RED, PALETTE.inflate(-4, -4), 2, border_radius=9)
        name = game.t(s.TOOL_NAMES[self.tool])
        draw_text(surface, game.fonts.get(19, bold=True), name, (box.left + 2, box.top),
                  palette.DEEP_RED)
        help_text = s.TOOL_HELP.get(self.tool)
        if help_text is not None:
            font = game.fonts.get(15)
            for index, line in enumerate(wrap(font, game.t(help_text), box.width)[:3]):
                draw_text(surface, font, line, (box.left + 2, box.top + 28 + index * 19),
                          palette.TEXT_MUTED)

    def _draw_map(self, surface: pygame.Surface) -> None:
        game = self.game
        if self.demo and self.validation.level is not None:
            self._draw_demo(surface, self.validation.level)
            return
        view = MapView(self.document, MAP_AREA)
        problem_cells = {cell for p in self.validation.problems for cell in p.cells}
        problem_cells |= self.live.verdict.cells
        cursor = self.cursor if self.zone == "map" else self.hover
        view.draw(surface, game.sprites(view.tile), game.fonts.get(max(10, view.tile // 3),
                                                                   bold=True),
                  selected=self.selected, problem_cells=problem_cells, cursor=cursor)
        if self.zone == "map":
            pygame.draw.rect(surface, palette.RED, view.rect.inflate(12, 12), 2,
                             border_radius=5)

    def _draw_demo(self, surface: pygame.Surface, level: Level) -> None:
        board = BoardView(level, MAP_AREA, self.game.fonts.get(16, bold=True))
        before = self.demo[max(0, self.demo_index - 1)]
        after = self.demo[self.demo_index]
        fraction = min(1.0, self.demo_clock / DEMO_STEP) if self.demo_index else 1.0
        board.draw(surface, self.game.sprites(board.tile), before, after, fraction, self.clock)

    def _draw_verdict(self, surface: pygame.Surface) -> None:
        game = self.game
        verdict = self.live.verdict
        draw_text(surface, game.fonts.get(17, bold=True), game.t(s.VERDICT_TITLE),
                  (VERDICT.left + 14, VERDICT.top + 8), palette.INK_SOFT)
        status = verdict.status
        if self.solve_in > 0 and self.validation.level is not None:
            status = VerdictStatus.SEARCHING
        heading, color = {
            VerdictStatus.INVALID: (s.INVALID, palette.BAD),
            VerdictStatus.SEARCHING: (s.SEARCHING, palette.TEXT_MUTED),
            VerdictStatus.SOLVABLE: (s.SOLVABLE, palette.GOOD),
            VerdictStatus.UNSOLVABLE: (s.UNSOLVABLE, palette.BAD),
            VerdictStatus.UNKNOWN: (s.UNKNOWN, palette.GOLD_DARK),
        }[status]
        body = game.fonts.get(16)
        lines: list[str] = []
        if status is VerdictStatus.INVALID:
            lines = wrap(game.fonts.get(18, bold=True), game.t(heading), VERDICT.width - 28)
            for index, line in enumerate(lines[:3]):
                draw_text(surface, game.fonts.get(18, bold=True), line,
                          (VERDICT.left + 14, VERDICT.top + 34 + index * 24), color)
            return
        big = game.fonts.get(24, bold=True)
        draw_text(surface, big, _clip(big, game.t(heading), VERDICT.width - 28),
                  (VERDICT.left + 14, VERDICT.top + 32), color)
        if status is VerdictStatus.SOLVABLE:
            lines = [game.t(s.BEST_WIN.format(moves=len(verdict.moves),
                                               troops=verdict.troops)),
                     game.t(s.PAR_LINE.format(par=verdict.par, troops=verdict.troops)),
                     game.t(s.VERDICT_KEYS)]
            lines = [_clip(body, line, VERDICT.width - 28) for line in lines]
        elif status in (VerdictStatus.UNSOLVABLE, VerdictStatus.UNKNOWN) and verdict.reason:
            lines = wrap(body, game.t(verdict.reason), VERDICT.width - 28)
        for index, line in enumerate(lines[:3]):
            draw_text(surface, body, line, (VERDICT.left + 14, VERDICT.top + 64 + index * 19),
                      palette.TEXT)

    def _draw_fields(self, surface: pygame.Surface) -> None:
        game = self.game
        if self.zone == "fields":
            pygame.draw.rect(surface, palette.RED, FIELDS.inflate(-4, -4), 2, border_radius=9)
        unit = self._selected_unit()
        heading = s.FIELDS_TITLE
        if self.selected is not None:
            what = s.TOOL_NAMES[f"unit:{self.selected[0]}"]
            heading = s.UNIT_TITLE.format(what=what, char=self.selected[1])
        draw_text(surface, game.fonts.get(17, bold=True), game.t(heading),
                  (FIELDS.left + 14, FIELDS.top + 10), palette.INK_SOFT)
        specs = self.field_specs()
        font = game.fonts.get(16)
        problem_keys = {".".join(p.key) for p in self.validation.problems}
        for index, rect, minus, plus in self.field_rects():
            spec = specs[index]
            focused = index == self.field_focus and self.zone == "fields"
            if focused:
                pygame.draw.rect(surface, palette.GOLD, rect, border_radius=4)
            if self.selected is not None and index == len(fields.UNIT_FIELDS[
                    self.selected[0]]):
                pygame.draw.line(surface, palette.PANEL_BORDER, (rect.left, rect.top - 1),
                                 (rect.right, rect.top - 1), 1)
            label = game.t(s.FIELD_NAMES[spec.key])
            bad = _key_name(spec, self.selected) in problem_keys
            color = palette.BAD if bad else palette.TEXT
            label_width = 132
            draw_text(surface, font, _clip(font, label, label_width),
                      (rect.left + 6, rect.centery), color, anchor="midleft")
            value = fields.current(self.document, spec, unit)
            text = fields.shown(spec, value, game.lang)
            if self.editing is spec:
                text = self.typed + ("|" if int(self.clock * 2) % 2 == 0 else " ")
            right = (minus.left - 6) if minus is not None else rect.right - 6
            room = right - (rect.left + label_width + 14)
            muted = value is None and spec.kind != "action"
            draw_text(surface, font, _clip(font, text, room, tail=self.editing is spec),
                      (rect.left + label_width + 12, rect.centery),
                      palette.TEXT_MUTED if muted else palette.INK, anchor="midleft")
            for button, sign in ((minus, "-"), (plus, "+")):
                if button is not None:
                    pygame.draw.rect(surface, palette.PANEL, button, border_radius=4)
                    pygame.draw.rect(surface, palette.PANEL_BORDER, button, 1, border_radius=4)
                    draw_text(surface, font, sign, button.center, palette.INK, anchor="center")
            if spec.kind == "action":
                pygame.draw.rect(surface, palette.PANEL_BORDER, rect.inflate(-2, 0), 1,
                                 border_radius=4)
        if len(specs) > self._visible_rows():
            bar = pygame.Rect(FIELDS.right - 6, FIELDS.top + 38, 3, self._visible_rows()
                              * ROW_HEIGHT)
            pygame.draw.rect(surface, palette.PAPER_DARK, bar)
            share = self._visible_rows() / len(specs)
            knob = pygame.Rect(bar.left, bar.top + int(bar.height * self.field_scroll
                                                       / len(specs)), 3,
                               max(12, int(bar.height * share)))
            pygame.draw.rect(surface, palette.PANEL_BORDER, knob)

    def _draw_problems(self, surface: pygame.Surface) -> None:
        game = self.game
        if self.editing is not None:
            self._draw_typing(surface)
            return
        problems = self.validation.problems
        draw_text(surface, game.fonts.get(17, bold=True),
                  game.t(s.PROBLEMS_TITLE.format(n=len(problems))),
                  (PROBLEMS.left + 14, PROBLEMS.top + 8),
                  palette.BAD if problems else palette.GOOD)
        font = game.fonts.get(15)
        y = PROBLEMS.top + 34
        if not problems:
            verdict = self.live.verdict.status
            lost = verdict is VerdictStatus.UNSOLVABLE
            note = s.CHECK_FAILS if lost else s.NO_PROBLEMS
            for line in wrap(font, game.t(note), PROBLEMS.width - 28):
                draw_text(surface, font, line, (PROBLEMS.left + 14, y),
                          palette.BAD if lost else palette.TEXT_MUTED)
                y += 18
            return
        for problem in problems:
            for line in wrap(font, "• " + _problem_text(game, problem), PROBLEMS.width - 28):
                if y + 18 > PROBLEMS.bottom - 6:
                    return
                draw_text(surface, font, line, (PROBLEMS.left + 14, y), palette.BAD)
                y += 18

    def _draw_typing(self, surface: pygame.Surface) -> None:
        """While typing: the whole text, wrapped, in the problems' place."""
        game = self.game
        assert self.editing is not None
        draw_text(surface, game.fonts.get(17, bold=True),
                  game.t(s.FIELD_NAMES[self.editing.key]),
                  (PROBLEMS.left + 14, PROBLEMS.top + 8), palette.DEEP_RED)
        font = game.fonts.get(16)
        text = self.typed + ("|" if int(self.clock * 2) % 2 == 0 else " ")
        lines = wrap(font, text, PROBLEMS.width - 28)
        room = (PROBLEMS.height - 40) // 19 - (1 if self.composing else 0)
        for index, line in enumerate(lines[-room:]):
            draw_text(surface, font, line, (PROBLEMS.left + 14, PROBLEMS.top + 34 + index * 19),
                      palette.INK)
        if self.composing:  # the input method's text, underlined, until it is chosen
            label = game.t(s.COMPOSING)
            where = (PROBLEMS.left + 14, PROBLEMS.top + 34 + min(len(lines), room) * 19)
            left = draw_text(surface, font, label, where, palette.TEXT_MUTED).right
            shown = _clip(font, self.composing, PROBLEMS.right - 14 - left, tail=True)
            rect = draw_text(surface, font, shown, (left, where[1]), palette.INK_SOFT)
            pygame.draw.line(surface, palette.INK_SOFT, (rect.left, rect.bottom - 1),
                             (rect.right, rect.bottom - 1), 1)

    def _draw_footer(self, surface: pygame.Surface) -> None:
        game = self.game
        if self.editing is not None:
            text, color = s.EDITING_TEXT, palette.INK
        elif self.demo:
            text = s.PLAYING_WIN.format(n=self.demo_index, total=len(self.demo) - 1)
            color = palette.GOOD
        elif self.note is not None:
            text, color = self.note.text, self.note.color
        elif self.route_mode:
            text, color = s.ROUTE_MODE, palette.DEEP_RED
        else:
            text, color = s.KEYS, palette.TEXT_MUTED
        font = game.fonts.get(17)
        draw_text(surface, font, _clip(font, game.t(text), FOOTER.width - 28),
                  (FOOTER.left + 14, FOOTER.centery), color, anchor="midleft")


def _key_name(spec: fields.FieldSpec, selected: tuple[str, str] | None) -> str:
    """The problem key a settings row is about (``patrols.A.route``, ``title.en``)."""
    if spec.key.startswith("unit.") and selected is not None:
        return f"{selected[0]}.{selected[1]}.{spec.key.removeprefix('unit.')}"
    return spec.key


def _problem_text(game: Game, problem: EditorProblem) -> str:
    """A problem with the key it is about when no cell shows it."""
    message = game.t(problem.message)
    if problem.cells or not problem.key:
        return message
    return f"{game.t(key_label(problem.key))}：{message}" if game.lang == "zh" else (
        f"{game.t(key_label(problem.key))}: {message}")


@cache
def _chrome() -> pygame.Surface:
    """The paper and the empty panels, drawn once."""
    surface = paper_background().copy()
    for rect in (HEADER, PALETTE, VERDICT, FIELDS, PROBLEMS, FOOTER):
        draw_panel(surface, rect)
    return surface


_CLIPPED: dict[tuple[int, str, int, bool], str] = {}


def _clip(font: pygame.font.Font, text: str, width: int, *, tail: bool = False) -> str:
    """``text`` shortened with … to fit ``width`` (``tail``: keep its end, for typing).

    Remembered, since the same rows are drawn every frame."""
    key = (id(font), text, width, tail)
    found = _CLIPPED.get(key)
    if found is not None:
        return found
    if font.size(text)[0] <= width:
        clipped = text
    else:
        low, high = 0, len(text)  # the most characters that fit, by bisection
        while low < high:
            middle = (low + high + 1) // 2
            part = "…" + text[-middle:] if tail else text[:middle] + "…"
            if font.size(part)[0] <= width:
                low = middle
            else:
                high = middle - 1
        clipped = ("…" + text[len(text) - low:]) if tail else text[:low] + "…"
    if len(_CLIPPED) > 4096:
        _CLIPPED.clear()
    _CLIPPED[key] = clipped
    return clipped
