"""Profiles: several pupils share one computer; each picks their name or types a new one.

The chosen profile is remembered in ``<data dir>/last_profile.json`` (written atomically), so
the next ``python main.py`` starts with it. A profile is its save file's name
(:func:`game.progress.sanitize_profile_name`); the profile ``default`` is shown as 默认 / Default.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path

import pygame

from game.i18n import Text
from game.progress import (
    Progress,
    ProgressSaveError,
    ProgressStore,
    delete_profile,
    sanitize_profile_name,
)
from game.ui import palette, strings
from game.ui.context import Game
from game.ui.input import BACK_KEYS, LIST_NEXT_PAGE_KEYS, LIST_PREV_PAGE_KEYS
from game.ui.scene import Pop, Scene, Transition
from game.ui.scenes.common import button_font, fitting_font, heading, notices
from game.ui.text import draw_text, draw_wrapped
from game.ui.widgets import Button, Menu, dim, draw_panel, paper_background, row_buttons

DEFAULT_PROFILE = "default"
LAST_PROFILE_FILE = "last_profile.json"
MAX_NAME = 16
#: Names a new pupil may not take: they would look like (or be) the default profile.
RESERVED_NAMES = {DEFAULT_PROFILE, strings.DEFAULT_PROFILE.zh, strings.DEFAULT_PROFILE.en}

COLUMNS, ROWS = 3, 5
PER_PAGE = COLUMNS * ROWS
CELL_W, CELL_H, CELL_GAP = 364, 54, 16
GRID_LEFT, GRID_TOP = (1280 - COLUMNS * CELL_W - (COLUMNS - 1) * CELL_GAP) // 2, 184
ROW_GAP = 12
GRID_RIGHT = GRID_LEFT + COLUMNS * CELL_W + (COLUMNS - 1) * CELL_GAP
LABEL_SIZES = (24, 22, 20, 18, 16)
BADGE_SIZE = 18
ACTIONS_TOP = GRID_TOP + ROWS * (CELL_H + ROW_GAP) + 26
DIALOG = pygame.Rect(290, 190, 700, 330)
FIELD = pygame.Rect(DIALOG.left + 24, DIALOG.top + 124, DIALOG.width - 48, 58)
ENTER = {pygame.K_RETURN, pygame.K_KP_ENTER}
HINT_WIDTH = 2 * (1040 - 640) - 24
"""The bottom hint, centred, stays clear of the Back and Manage buttons."""
HEADING_SCALE = 1.25
"""The heading grows at most this much with the text size, so it stays above the grid."""


# --------------------------------------------------------------------------- the last profile


def data_dir() -> Path:
    """The folder holding ``profiles/`` (under $CHANGZHENG_DATA_DIR or the user data folder)."""
    return ProgressStore.default().path.parent.parent


def last_profile() -> str:
    """The profile used last time, or ``default``; never raises."""
    try:
        data = json.loads((data_dir() / LAST_PROFILE_FILE).read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        return DEFAULT_PROFILE
    name = data.get("profile") if isinstance(data, dict) else None
    if not isinstance(name, str):
        return DEFAULT_PROFILE
    try:
        usable = sanitize_profile_name(name) == name
    except ValueError:
        usable = False
    return name if usable else DEFAULT_PROFILE


def remember_profile(name: str) -> None:
    """Atomically write ``name`` as the last used profile; raises OSError on failure."""
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    tmp_name: str | None = None
    try:
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder,
                                         prefix=".last_profile.", suffix=".tmp",
                                         delete=False) as f:
            tmp_name = f.name
            json.dump({"profile": name}, f, ensure_ascii=False)
            f.write("\n")
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp_name, folder / LAST_PROFILE_FILE)
        tmp_name = None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


# --------------------------------------------------------------------------- switching


def current_profile(game: Game) -> str:
    """The profile whose save the game is using."""
    return game.store.path.stem


def profile_label(name: str) -> Text:
    """How a profile is shown: ``default`` as 默认 / Default, any other by its name."""
    return strings.DEFAULT_PROFILE if name == DEFAULT_PROFILE else Text(name, name)


def known_profiles(game: Game) -> list[str]:
    """Every profile with a save, plus the default and the current one; default first."""
    names = set(game.store.list_profiles()) | {current_profile(game)}
    names.discard(DEFAULT_PROFILE)
    return [DEFAULT_PROFILE, *sorted(names, key=str.casefold)]


def switch_profile(game: Game, name: str, progress: Progress | None = None) -> None:
    """Make ``name`` the game's profile (loading its save unless ``progress`` is given) and
    remember it for next time. Problems become notices, never crashes."""
    store = ProgressStore.default(name)
    game.notices.clear()
    if progress is None:
        loaded = store.load()
        progress = loaded.progress
        if loaded.notice is not None:
            game.notices.append(loaded.notice)
    game.store = store
    game.progress = progress
    try:
        remember_profile(name)
    except OSError as error:
        game.notices.append(strings.PROFILE_NOT_REMEMBERED.format(reason=error))


def fit_line(game: Game, text: str, width: int, *, sizes: tuple[int, ...] = LABEL_SIZES,
             bold: bool = False) -> tuple[pygame.font.Font, str]:
    """The largest of ``sizes`` (enlarged to the text size, else as given) at which ``text``
    fits in ``width`` pixels on one line; a text still too wide is cut with an ellipsis."""
    for exact in (False, True):  # at a large text size, the normal sizes before cutting
        for size in sizes:
            font = game.fonts.get(size, bold, exact=exact)
            if font.size(text)[0] <= width:
                return font, text
    font = game.fonts.get(sizes[-1], bold, exact=True)
    return font, ellipsize(font, text, width)


def ellipsize(font: pygame.font.Font, text: str, width: int) -> str:
    """``text`` cut with an ellipsis so that it fits on one line of ``width`` pixels."""
    if font.size(text)[0] <= width:
        return text
    while text and font.size(text + "…")[0] > width:
        text = text[:-1]
    return text + "…"


# --------------------------------------------------------------------------- the scene


class ProfilesScene(Scene):
    """A paged grid of pupils' names and a button to add one; typing a name opens a dialog."""

    name = "profiles"

    def __init__(self, game: Game) -> None:
        self.game = game
        self.profiles = known_profiles(game)
        current = self.profiles.index(current_profile(game))
        self.page = current // PER_PAGE
        self.pages = max(1, -(-len(self.profiles) // PER_PAGE))
        self.menu = Menu()
        self.labels: dict[str, tuple[pygame.font.Font, str]] = {}
        """Each profile button's name, with the font it fits in (drawn by the scene)."""
        self.current_key = ""
        self.typing = False
        self.text = ""
        self.composing = ""
        self.error: Text | None = None
        self.dialog = Menu(row_buttons([("create", game.t(strings.CREATE)),
                                        ("quick", game.t(strings.QUICK_NAME.format(
                                            name=self.generated_name()))),
                                        ("cancel", game.t(strings.CANCEL))],
                                       center_x=DIALOG.centerx, top=DIALOG.bottom - 74,
                                       width=210, height=50, gap=16), keyboard=False)
        self.managing = False
        """Choosing a pupil to delete or reset instead of to play as."""
        self.confirm: tuple[str, str] | None = None
        """The pupil being looked after and what is asked: "choose", "delete" or "reset"."""
        self.confirm_menu = Menu()
        self._layout(focus_key=f"profile:{current_profile(game)}")

    # ----------------------------------------------------------------- layout
    def _layout(self, focus_key: str | None = None) -> None:
        game = self.game
        badge_width = game.fonts.get(BADGE_SIZE).size(game.t(strings.CURRENT_PUPIL))[0] + 12
        self.current_key = f"profile:{current_profile(game)}"
        buttons: list[Button] = []
        self.labels = {}
        first = self.page * PER_PAGE
        for offset, name in enumerate(self.profiles[first:first + PER_PAGE]):
            row, column = divmod(offset, COLUMNS)
            rect = pygame.Rect(GRID_LEFT + column * (CELL_W + CELL_GAP),
                               GRID_TOP + row * (CELL_H + ROW_GAP), CELL_W, CELL_H)
            key = f"profile:{name}"
            room = rect.width - 28 - (badge_width if key == self.current_key else 0)
            self.labels[key] = fit_line(game, game.t(profile_label(name)), room)
            # The scene draws the name (in the largest size that fits) and the badge.
            buttons.append(Button(key, "", rect))
        if self.managing:
            buttons.append(Button("done", game.t(strings.DONE_MANAGING),
                                  pygame.Rect(640 - 180, ACTIONS_TOP, 360, CELL_H)))
        else:
            buttons.append(Button("new", game.t(strings.NEW_PUPIL),
                                  pygame.Rect(640 - 180, ACTIONS_TOP, 360, CELL_H)))
            buttons.append(Button("manage", game.t(strings.MANAGE_PUPILS),
                                  pygame.Rect(1040, 652, 196, 46)))
        if self.pages > 1:
            buttons += [Button("prev", "◀", pygame.Rect(GRID_LEFT, ACTIONS_TOP, 64, CELL_H),
                               enabled=self.page > 0),
                        Button("next", "▶", pygame.Rect(GRID_RIGHT - 64, ACTIONS_TOP, 64,
                                                        CELL_H),
                               enabled=self.page + 1 < self.pages)]
        buttons.append(Button("back", game.t(strings.BACK), pygame.Rect(44, 652, 150, 46)))
        keys = [button.key for button in buttons]
        focus = keys.index(focus_key) if focus_key in keys else 0
        self.menu = Menu(buttons, focus=focus)

    def turn(self, step: int) -> None:
        """Show the previous or next page of names."""
        page = max(0, min(self.pages - 1, self.page + step))
        if page != self.page:
            self.page = page
            self._layout()

    # ----------------------------------------------------------------- input
    def handle(self, event: pygame.event.Event) -> Transition | None:
        if self.typing:
            return self._handle_typing(event)
        if self.confirm is not None:
            return self._handle_confirm(event)
        choice = self.menu.handle(event)
        if choice is not None and choice.startswith("profile:"):
            if self.managing:
                self.ask(choice.removeprefix("profile:"), "choose")
                return None
            return self.pick(choice.removeprefix("profile:"))
        if choice in ("manage", "done"):
            self.managing = choice == "manage"
            self._layout(focus_key="done" if self.managing else "manage")
        elif choice == "new":
            self.open_dialog()
        elif choice in ("prev", "next"):
            self.turn(-1 if choice == "prev" else 1)
        elif choice == "back":
            return Pop()
        elif event.type == pygame.KEYDOWN:
            if event.key in BACK_KEYS and self.managing:
                self.managing = False
                self._layout(focus_key="manage")
            elif event.key in BACK_KEYS:
                return Pop()
            if event.key in LIST_PREV_PAGE_KEYS:
                self.turn(-1)
            elif event.key in LIST_NEXT_PAGE_KEYS:
                self.turn(1)
        return None

    def pick(self, name: str) -> Transition:
        """Play as ``name`` from now on (and next time), and go back to the title."""
        if name != current_profile(self.game):
            switch_profile(self.game, name)
        else:
            try:
                remember_profile(name)
            except OSError as error:
                self.game.notices.append(strings.PROFILE_NOT_REMEMBERED.format(reason=error))
        return Pop()

    def open_dialog(self) -> None:
        """Start typing a new pupil's name."""
        self.typing = True
        self.text = self.composing = ""
        self.error = None
        with contextlib.suppress(pygame.error):
            pygame.key.start_text_input()

    def close_dialog(self) -> None:
        """Stop typing (the name is dropped)."""
        self.typing = False
        self.text = self.composing = ""
        self.error = None
        with contextlib.suppress(pygame.error):
            pygame.key.stop_text_input()

    def _handle_typing(self, event: pygame.event.Event) -> Transition | None:
        choice = self.dialog.handle(event)
        if choice == "create":
            return self.create()
        if choice == "quick":
            self.text = self.generated_name()
            return self.create()
        if choice == "cancel":
            self.close_dialog()
        elif event.type == pygame.TEXTINPUT:
            self.type_text(event.text)
        elif event.type == pygame.TEXTEDITING:
            self.composing = event.text
            if self.composing:
                self.error = None
        elif event.type == pygame.KEYDOWN and not self.composing:  # else the IME has the keys
            if event.key in ENTER:
                return self.create()
            if event.key in BACK_KEYS:
                self.close_dialog()
            elif event.key == pygame.K_BACKSPACE:
                self.text = self.text[:-1]
                self.error = None
        return None

    def type_text(self, text: str) -> None:
        """Add typed text: printable characters only, up to :data:`MAX_NAME` in all."""
        self.composing = ""
        for char in text:
            if len(self.text) >= MAX_NAME:
                break
            if char.isprintable() and (self.text or not char.isspace()):
                self.text += char
                self.error = None

    def create(self) -> Transition | None:
        """Create the typed profile and play as it; stay in the dialog if the name is bad."""
        typed = self.text.strip()
        if not typed:
            self.error = strings.NAME_EMPTY
            return None
        try:
            name = sanitize_profile_name(typed)
        except ValueError:
            self.error = strings.NAME_UNUSABLE
            return None
        taken = {p.casefold() for p in known_profiles(self.game)} | {
            r.casefold() for r in RESERVED_NAMES}
        if name.casefold() in taken or typed.casefold() in taken:
            self.error = strings.NAME_TAKEN
            return None
        progress = Progress(language=self.game.progress.language)
        try:
            ProgressStore.default(name).save(progress)
        except ProgressSaveError as error:
            self.error = error.message
            return None
        self.close_dialog()
        switch_profile(self.game, name, progress)
        return Pop()

    def generated_name(self) -> str:
        """A free name for a pupil who cannot type: 学生1, 学生2 … (Pupil1 … in English)."""
        taken = {name.casefold() for name in known_profiles(self.game)}
        number = 1
        while True:
            name = self.game.t(strings.PUPIL_N.format(n=number))
            if name.casefold() not in taken:
                return name
            number += 1

    # ----------------------------------------------------------------- looking after pupils
    def ask(self, name: str, what: str) -> None:
        """Open the dialog about pupil ``name``: ``choose`` between deleting and resetting,
        or confirm ``delete`` or ``reset``."""
        game = self.game
        self.confirm = (name, what)
        if what == "choose":
            items = [("reset", game.t(strings.RESET)), ("delete", game.t(strings.DELETE)),
                     ("cancel", game.t(strings.CANCEL))]
            if name == DEFAULT_PROFILE:  # the default pupil is always there: reset only
                items.pop(1)
        else:
            items = [(f"yes-{what}", game.t(strings.YES_DELETE if what == "delete"
                                            else strings.YES_RESET)),
                     ("cancel", game.t(strings.CANCEL))]
        # Cancel has the focus: Enter pressed by accident deletes nothing.
        self.confirm_menu = Menu(row_buttons(items, center_x=DIALOG.centerx,
                                             top=DIALOG.bottom - 74, width=200, height=50),
                                 focus=len(items) - 1)

    def _handle_confirm(self, event: pygame.event.Event) -> Transition | None:
        assert self.confirm is not None
        name, _ = self.confirm
        choice = self.confirm_menu.handle(event)
        if choice in ("reset", "delete"):
            self.ask(name, choice)
        elif choice == "yes-delete":
            self.delete(name)
        elif choice == "yes-reset":
            self.reset(name)
        elif choice == "cancel" or (event.type == pygame.KEYDOWN and event.key in BACK_KEYS):
            self.confirm = None
        return None

    def delete(self, name: str) -> None:
        """Delete pupil ``name`` and their save; deleting the pupil playing now switches to
        the default pupil. A failure is shown as a notice and nothing else changes."""
        game = self.game
        self.confirm = None
        try:
            delete_profile(ProgressStore.default(name))
        except ProgressSaveError as error:
            game.notices.append(error.message)
            return
        if name == current_profile(game):
            switch_profile(game, DEFAULT_PROFILE)
        self.profiles = known_profiles(game)
        self.pages = max(1, -(-len(self.profiles) // PER_PAGE))
        self.page = min(self.page, self.pages - 1)
        self._layout()

    def reset(self, name: str) -> None:
        """Clear pupil ``name``'s progress (the name and language stay)."""
        game = self.game
        self.confirm = None
        store = ProgressStore.default(name)
        language = (game.progress.language if name == current_profile(game)
                    else store.load().progress.language)
        progress = Progress(language=language)
        try:
            store.save(progress)
        except ProgressSaveError as error:
            game.notices.append(error.message)
            return
        if name == current_profile(game):
            game.progress = progress

    # ----------------------------------------------------------------- drawing
    def draw(self, surface: pygame.Surface) -> None:
        game = self.game
        surface.blit(paper_background(), (0, 0))
        subtitle = strings.MANAGE_HINT if self.managing else strings.PROFILES_SUBTITLE
        with game.fonts.scaled(min(game.fonts.scale, HEADING_SCALE)):  # the grid starts early
            heading(surface, game, game.t(strings.PROFILES_TITLE), game.t(subtitle))
        for index, button in enumerate(self.menu.buttons):  # each label as large as fits
            button.draw(surface, button_font(game, [button]), index == self.menu.focus)
        for index, button in enumerate(self.menu.buttons):
            if button.key not in self.labels:
                continue
            font, label = self.labels[button.key]
            color = palette.WHITE if index == self.menu.focus else palette.TEXT
            if button.key == self.current_key:
                draw_text(surface, font, label, (button.rect.left + 14, button.rect.centery),
                          color, anchor="midleft")
                draw_text(surface, game.fonts.get(BADGE_SIZE), game.t(strings.CURRENT_PUPIL),
                          (button.rect.right - 14, button.rect.centery),
                          palette.GOLD if index == self.menu.focus else palette.GOLD_DARK,
                          anchor="midright")
            else:
                draw_text(surface, font, label, button.rect.center, color, anchor="center")
        if self.pages > 1:
            page = strings.PAGE_OF.format(n=self.page + 1, total=self.pages)
            draw_text(surface, game.fonts.get(20), game.t(page),
                      (GRID_LEFT + 84, ACTIONS_TOP + CELL_H // 2), palette.TEXT_MUTED,
                      anchor="midleft")
        font, hint = fit_line(game, game.t(strings.PROFILES_HINT), HINT_WIDTH, sizes=(18, 16))
        draw_text(surface, font, hint, (640, 664), palette.TEXT_MUTED, anchor="midtop")
        if self.typing:
            self._draw_dialog(surface)
        elif self.confirm is not None:
            self._draw_confirm(surface)
        notices(surface, game)

    def _draw_confirm(self, surface: pygame.Surface) -> None:
        """The dialog about one pupil: what to do, or are you sure."""
        assert self.confirm is not None
        game = self.game
        name, what = self.confirm
        dim(surface)
        draw_panel(surface, DIALOG)
        label = game.t(profile_label(name))
        font, title = fit_line(game, label, DIALOG.width - 48, sizes=(30, 26, 22), bold=True)
        draw_text(surface, font, title, (DIALOG.left + 24, DIALOG.top + 18), palette.DEEP_RED)
        if what != "choose":
            question = (strings.CONFIRM_DELETE if what == "delete" else strings.CONFIRM_RESET)
            text = game.t(question.format(name=label))
            area = pygame.Rect(DIALOG.left + 24, DIALOG.top + 30 + font.get_linesize(),
                               DIALOG.width - 48, DIALOG.height - 124 - font.get_linesize())
            body = fitting_font(game, text, area, sizes=(24, 22, 20, 18), line_gap=4)
            draw_wrapped(surface, body, text, area, palette.BAD, line_gap=4)
        self.confirm_menu.draw(surface, button_font(game, self.confirm_menu.buttons))

    def _draw_dialog(self, surface: pygame.Surface) -> None:
        game = self.game
        dim(surface)
        draw_panel(surface, DIALOG)
        title = draw_text(surface, game.fonts.get(30, bold=True),
                          game.t(strings.NEW_PUPIL_TITLE), (DIALOG.left + 24, DIALOG.top + 18),
                          palette.DEEP_RED)
        prompt = game.t(strings.NEW_PUPIL_PROMPT.format(n=MAX_NAME))
        area = pygame.Rect(DIALOG.left + 24, title.bottom + 2, DIALOG.width - 48,
                           FIELD.top - 4 - title.bottom - 2)
        draw_wrapped(surface, fitting_font(game, prompt, area, sizes=(19, 18, 17, 16),
                                           line_gap=0),
                     prompt, area, palette.TEXT_MUTED, line_gap=0)
        pygame.draw.rect(surface, palette.WHITE, FIELD, border_radius=8)
        pygame.draw.rect(surface, palette.DEEP_RED, FIELD, 2, border_radius=8)
        font = game.fonts.get(28)
        clip = surface.get_clip()
        surface.set_clip(FIELD.inflate(-16, -4))
        x = FIELD.left + 14
        if self.text:
            x = draw_text(surface, font, self.text, (x, FIELD.centery), palette.INK,
                          anchor="midleft").right
        if self.composing:
            rect = draw_text(surface, font, self.composing, (x, FIELD.centery),
                             palette.INK_SOFT, anchor="midleft")
            pygame.draw.line(surface, palette.INK_SOFT, (rect.left, rect.bottom - 6),
                             (rect.right, rect.bottom - 6), 1)
            x = rect.right
        caret = font.get_linesize() // 2
        pygame.draw.line(surface, palette.RED, (x + 2, FIELD.centery - caret + 6),
                         (x + 2, FIELD.centery + caret - 6), 2)
        surface.set_clip(clip)
        small = game.fonts.get(18)
        count = draw_text(surface, small, f"{len(self.text)}/{MAX_NAME}",
                          (FIELD.right, FIELD.bottom + 6), palette.TEXT_MUTED, anchor="topright")
        if self.error is not None:
            draw_wrapped(surface, small, game.t(self.error),
                         pygame.Rect(FIELD.left, FIELD.bottom + 6,
                                     count.left - FIELD.left - 16, 48),
                         palette.BAD, line_gap=0)
        self.dialog.draw(surface, button_font(game, self.dialog.buttons))
