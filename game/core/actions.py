"""The one action vocabulary: keys, undo, replays, the solver and autoplay all speak it."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum


class Action(Enum):
    """One turn's order to the column; the value is its letter in a move string."""

    delta: tuple[int, int]
    """The ``(dx, dy)`` step this action moves by (``(0, 0)`` for WAIT)."""

    UP = ("U", 0, -1)
    DOWN = ("D", 0, 1)
    LEFT = ("L", -1, 0)
    RIGHT = ("R", 1, 0)
    WAIT = (".", 0, 0)

    def __new__(cls, letter: str, dx: int, dy: int) -> Action:
        member = object.__new__(cls)
        member._value_ = letter
        member.delta = (dx, dy)
        return member

#: Every action in a fixed order; the solver tries them in this order, so its answers are stable.
ALL_ACTIONS: tuple[Action, ...] = (Action.UP, Action.DOWN, Action.LEFT, Action.RIGHT, Action.WAIT)

MOVE_LETTERS = "UDLR."
_BY_LETTER: dict[str, Action] = {action.value: action for action in Action}


def parse_moves(text: str) -> list[Action]:
    """Turn a move string such as ``"RRU.L"`` into actions; spaces are ignored, case is not.

    Raises ``ValueError`` naming the first bad letter and its 1-based position.
    """
    actions: list[Action] = []
    for index, char in enumerate(text, start=1):
        if char.isspace():
            continue
        try:
            actions.append(_BY_LETTER[char.upper()])
        except KeyError:
            raise ValueError(
                f'"{char}" at position {index} is not a move; use U, D, L, R or . (wait)'
            ) from None
    return actions


def format_moves(actions: Iterable[Action]) -> str:
    """Turn actions back into a move string."""
    return "".join(action.value for action in actions)
