"""Keys as tables, not if-chains: which key means which move, and which menu command."""

from __future__ import annotations

import pygame

from game.core.actions import Action

MOVE_KEYS: dict[int, Action] = {
    pygame.K_UP: Action.UP,
    pygame.K_w: Action.UP,
    pygame.K_DOWN: Action.DOWN,
    pygame.K_s: Action.DOWN,
    pygame.K_LEFT: Action.LEFT,
    pygame.K_a: Action.LEFT,
    pygame.K_RIGHT: Action.RIGHT,
    pygame.K_d: Action.RIGHT,
    pygame.K_SPACE: Action.WAIT,
}

UNDO_KEYS = {pygame.K_z, pygame.K_BACKSPACE}
RESTART_KEYS = {pygame.K_r}
PAUSE_KEYS = {pygame.K_ESCAPE, pygame.K_p}
CONFIRM_KEYS = {pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE}
BACK_KEYS = {pygame.K_ESCAPE}
FULLSCREEN_KEYS = {pygame.K_F11}
RELOAD_KEYS = {pygame.K_F5}
HINT_KEYS = {pygame.K_h}
HELP_KEYS = {pygame.K_F1}
MENU_UP_KEYS = {pygame.K_UP, pygame.K_w, pygame.K_LEFT}
MENU_DOWN_KEYS = {pygame.K_DOWN, pygame.K_s, pygame.K_RIGHT, pygame.K_TAB}
#: Number keys pick quiz options: 1 or A for the first, and so on.
OPTION_KEYS: dict[int, int] = {
    **{pygame.K_1 + i: i for i in range(8)},
    **{pygame.K_a + i: i for i in range(8)},
}

#: The key that plays each action (autoplay and tests press these, as a pupil would).
KEY_FOR_ACTION: dict[Action, int] = {
    Action.UP: pygame.K_UP,
    Action.DOWN: pygame.K_DOWN,
    Action.LEFT: pygame.K_LEFT,
    Action.RIGHT: pygame.K_RIGHT,
    Action.WAIT: pygame.K_SPACE,
}

# ---------------------------------------------------------------- paging (cards, review)
#: Turn to the previous or next page of a gallery or list.
PREV_PAGE_KEYS = {pygame.K_LEFT, pygame.K_a, pygame.K_PAGEUP, pygame.K_UP, pygame.K_w}
NEXT_PAGE_KEYS = {pygame.K_RIGHT, pygame.K_d, pygame.K_PAGEDOWN, pygame.K_DOWN, pygame.K_s}
#: Paging in a list whose arrow keys move between entries (the pupils' names).
LIST_PREV_PAGE_KEYS = {pygame.K_PAGEUP}
LIST_NEXT_PAGE_KEYS = {pygame.K_PAGEDOWN}
