"""The settings screen: sound, volume, text size, high contrast, full screen and language.

Each row is a label and a few choices; the chosen one is drawn selected. Every change takes
effect at once and is saved for this computer (:mod:`game.settings`).
"""

from __future__ import annotations

from dataclasses import replace

import pygame

from game.settings import TEXT_SIZES, VOLUME_STEP, Settings
from game.ui import palette, strings
from game.ui.context import Game
from game.ui.input import BACK_KEYS
from game.ui.scene import Pop, Scene, Transition
from game.ui.scenes.common import button_font, heading, heading_bottom, notices
from game.ui.scenes.profiles import fit_line
from game.ui.text import draw_text
from game.ui.widgets import Button, Menu, paper_background

ROWS_BOTTOM = 640
ROW_H, ROW_GAP = 60, 12
LABEL_LEFT, LABEL_RIGHT = 150, 520
CHOICES_LEFT, CHOICES_RIGHT = 540, 1130
CHOICE_GAP = 14
HINT_WIDTH = 2 * (640 - 214)
"""The bottom hint, centred, stays clear of the Back button."""


def volume_label(settings: Settings) -> str:
    """The volume as shown between its − and + buttons."""
    return f"{settings.volume}%"


class SettingsScene(Scene):
    """Opened from the title and from the pause menu; Esc or Back returns."""

    name = "settings"

    def __init__(self, game: Game) -> None:
        self.game = game
        self.menu = Menu()
        self.rows: list[tuple[str, pygame.Rect]] = []
        """Each row's label and the rectangle of its choices."""
        self._layout()

    def _rows(self) -> list[tuple[str, list[tuple[str, str, bool]]]]:
        """(label, [(key, choice label, chosen)]) for every row, top to bottom."""
        game, s = self.game, self.game.settings
        on, off = game.t(strings.ON), game.t(strings.OFF)
        return [
            (game.t(strings.SOUND), [("sound:on", on, s.sound), ("sound:off", off, not s.sound)]),
            (game.t(strings.VOLUME), [("volume:down", game.t(strings.QUIETER), False),
                                   ("volume:up", game.t(strings.LOUDER), False)]),
            (game.t(strings.TEXT_SIZE), [(f"size:{n}", game.t(strings.PERCENT.format(n=n)),
                                       s.text_size == n) for n in TEXT_SIZES]),
            (game.t(strings.HIGH_CONTRAST), [("contrast:on", on, s.high_contrast),
                                          ("contrast:off", off, not s.high_contrast)]),
            (game.t(strings.FULLSCREEN), [("fullscreen:on", on, s.fullscreen),
                                       ("fullscreen:off", off, not s.fullscreen)]),
            (game.t(strings.LANGUAGE_ROW), [("lang:zh", strings.CHINESE.zh, game.lang == "zh"),
                                         ("lang:en", strings.ENGLISH.en, game.lang == "en")]),
        ]

    def _layout(self, focus_key: str | None = None) -> None:
        buttons: list[Button] = []
        self.rows = []
        rows = self._rows()
        first = heading_bottom(self.game, subtitle=True)
        pitch = min(ROW_H + ROW_GAP, (ROWS_BOTTOM - first) // len(rows))
        height = pitch - ROW_GAP
        for index, (label, choices) in enumerate(rows):
            top = first + index * pitch
            self.rows.append((label, pygame.Rect(CHOICES_LEFT, top, CHOICES_RIGHT - CHOICES_LEFT,
                                                 height)))
            if label == self.game.t(strings.VOLUME):
                down, up = choices
                buttons.append(Button(down[0], down[1], pygame.Rect(CHOICES_LEFT, top, 90,
                                                                    height)))
                buttons.append(Button(up[0], up[1], pygame.Rect(CHOICES_LEFT + 280, top, 90,
                                                                height)))
                continue
            width = (CHOICES_RIGHT - CHOICES_LEFT - CHOICE_GAP * 2) // 3
            for column, (key, text, chosen) in enumerate(choices):
                rect = pygame.Rect(CHOICES_LEFT + column * (width + CHOICE_GAP), top, width,
                                   height)
                buttons.append(Button(key, text, rect, selected=chosen))
        buttons.append(Button("back", self.game.t(strings.BACK), pygame.Rect(44, 652, 150, 46)))
        keys = [button.key for button in buttons]
        focus = keys.index(focus_key) if focus_key in keys else self.menu.focus
        self.menu = Menu(buttons, focus=min(focus, len(buttons) - 1))

    # ----------------------------------------------------------------- input
    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN and event.key in BACK_KEYS:
            return Pop()
        choice = self.menu.handle(event)
        if choice is None:
            return None
        if choice == "back":
            return Pop()
        self.choose(choice)
        return None

    def choose(self, key: str) -> None:
        """Carry out one button (``"size:125"``, ``"sound:off"``, ``"lang:en"`` …)."""
        game = self.game
        s = game.settings
        what, _, value = key.partition(":")
        if what == "lang":
            if value != game.lang:
                game.toggle_language()
        elif what == "volume":
            step = VOLUME_STEP if value == "up" else -VOLUME_STEP
            volume = max(0, min(100, s.volume + step))
            game.change_settings(replace(s, volume=volume, sound=s.sound or step > 0))
            game.audio.play("click")
        elif what == "size":
            game.change_settings(replace(s, text_size=int(value)))
        elif what == "sound":
            game.change_settings(replace(s, sound=value == "on"))
            game.audio.play("click")
        elif what == "contrast":
            game.change_settings(replace(s, high_contrast=value == "on"))
        elif what == "fullscreen":
            game.change_settings(replace(s, fullscreen=value == "on"))
        self._layout(focus_key=key)

    # ----------------------------------------------------------------- drawing
    def draw(self, surface: pygame.Surface) -> None:
        game = self.game
        surface.blit(paper_background(), (0, 0))
        heading(surface, game, game.t(strings.SETTINGS_TITLE), game.t(strings.SETTINGS_SUBTITLE))
        for label, row in self.rows:
            font, text = fit_line(game, label, LABEL_RIGHT - LABEL_LEFT, sizes=(26, 24, 22),
                                  bold=True)
            draw_text(surface, font, text, (LABEL_RIGHT, row.centery), palette.TEXT,
                      anchor="midright")
        self.menu.draw(surface, button_font(game, self.menu.buttons))
        down = self.menu.find("volume:down").rect
        font, text = fit_line(game, volume_label(game.settings), 170, sizes=(28, 24))
        draw_text(surface, font, text, (down.right + 95, down.centery), palette.INK,
                  anchor="center")
        font, text = fit_line(game, game.t(strings.SETTINGS_HINT), HINT_WIDTH, sizes=(18, 16))
        draw_text(surface, font, text, (640, 664), palette.TEXT_MUTED, anchor="midtop")
        notices(surface, game)
