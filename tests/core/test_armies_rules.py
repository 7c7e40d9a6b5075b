"""Chapter 7's building block as golden replays: several armies that take every step
together; an army whose way is blocked stays, and walls bring them into line.

Boards: ``@`` the First Front Army (the column), ``&`` the other armies; the meet goal wins
when every army stands on a ``G`` cell.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from golden import play, write_level

from game.content.errors import ContentError
from game.core.actions import parse_moves
from game.core.level import Level
from game.core.rules import Impossible, legal_actions, replay, step
from game.core.state import Status, initial_state
from game.solver import Outcome, solve


def make(tmp_path: Path, board: str, extra: str = "goal:\n  kind: meet\n") -> Level:
    """A level from a few lines of map (see ``golden.write_level``)."""
    return write_level(tmp_path, board, extra, legend="a: plain + ally\n")


def test_armies_move_together_and_a_blocked_one_stays(tmp_path: Path) -> None:
    level = make(tmp_path, """
        .S..
        ^a..
        ..GG
    """)
    assert play(level, "R") == textwrap.dedent("""\
        ..@.
        ^.&.
        ..GG
        turn 1/20 troops 10 playing""")
    # Left: the ally would walk into the hills, so it stays; the column goes on.
    assert play(level, "L") == textwrap.dedent("""\
        @...
        ^&..
        ..GG
        turn 1/20 troops 10 playing""")


def test_an_army_follows_into_a_cell_another_army_leaves(tmp_path: Path) -> None:
    level = make(tmp_path, """
        aS.^
        ..GG
    """)
    assert play(level, "R") == textwrap.dedent("""\
        .&@^
        ..GG
        turn 1/20 troops 10 playing""")
    # Right again: the column is blocked by the hills, and the ally behind it by the
    # column, so nobody can move and the order is refused.
    with pytest.raises(Impossible):
        step(level, replay(level, initial_state(level), parse_moves("R")),
             parse_moves("R")[0])


def test_every_army_on_the_meeting_place_wins(tmp_path: Path) -> None:
    level = make(tmp_path, """
        .S..
        ^a..
        ..GG
    """)
    # Left parks the ally against the hills' edge while the column steps aside...
    final = replay(level, initial_state(level), parse_moves("LDRRDD"))
    assert final.status is Status.WON
    assert play(level, "LDRRD").endswith("playing")


def test_a_move_no_army_can_make_is_refused(tmp_path: Path) -> None:
    level = make(tmp_path, """
        ^^^^
        aS.G
        ...G
    """)
    state = initial_state(level)
    assert all(action.value != "U" for action in legal_actions(level, state))
    with pytest.raises(Impossible):
        step(level, state, parse_moves("U")[0])


def test_the_solver_uses_walls_to_bring_the_armies_together(tmp_path: Path) -> None:
    level = make(tmp_path, """
        S....
        .^...
        a...G
        ....G
    """)
    result = solve(level)
    assert result.outcome is Outcome.SOLVED and result.moves is not None
    assert replay(level, initial_state(level), list(result.moves)).status is Status.WON


def test_a_meeting_place_needs_a_cell_for_every_army(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as error:
        make(tmp_path, """
            Sa.G
        """)
    assert "a goal cell for each of the 2 armies" in error.value.problems[0].message
