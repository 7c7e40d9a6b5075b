"""Chapter 4's building blocks as golden replays: loose planks pushed onto bare chains, and
fire lanes that sweep on a rhythm.

Boards: ``#`` bare chains, ``_`` bridge deck, ``p`` a loose plank, ``!`` cells that will be
under fire at the end of the next turn.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from golden import play, write_level

from game.core.actions import parse_moves
from game.core.events import PlankLaid, PlankPushed, UnderFire
from game.core.level import Level
from game.core.rules import Impossible, replay, step
from game.core.state import initial_state
from game.solver import Outcome, solve


def make(tmp_path: Path, board: str, extra: str = "", *, turns: int = 20) -> Level:
    """A level from a few lines of map (see ``golden.write_level``)."""
    return write_level(tmp_path, board, extra, troops=20, turns=turns,
                       legend="p: plain + plank\n")


def test_a_pushed_plank_covers_bare_chains_for_good(tmp_path: Path) -> None:
    level = make(tmp_path, """
        Sp.#_G
    """)
    state, events = step(level, initial_state(level), parse_moves("R")[0])
    assert PlankPushed((1, 0), (2, 0)) in events
    state, events = step(level, state, parse_moves("R")[0])
    assert PlankLaid((3, 0)) in events and state.planks == ()
    assert play(level, "RRRRR") == textwrap.dedent("""\
        ...__@
        turn 5/20 troops 20 won""")
    assert play(level, "RR") == textwrap.dedent("""\
        ..@__G
        turn 2/20 troops 20 playing""")


def test_bare_chains_and_stuck_planks_refuse_the_move(tmp_path: Path) -> None:
    level = make(tmp_path, """
        S#G
        p^.
    """)
    with pytest.raises(Impossible) as refused:
        step(level, initial_state(level), parse_moves("R")[0])
    assert "bare chains" in refused.value.message.en
    with pytest.raises(Impossible) as stuck:  # the plank would leave the map
        step(level, initial_state(level), parse_moves("D")[0])
    assert "plank will not move" in stuck.value.message.en


def test_fire_lanes_cost_troops_on_their_beat(tmp_path: Path) -> None:
    level = make(tmp_path, """
        SF.G
    """, 'fires:\n  F: {schedule: ".o", damage: 4}\n')
    assert play(level, "") == textwrap.dedent("""\
        @_.G
        turn 0/20 troops 20 playing""")  # quiet next turn: plain bridge deck
    assert play(level, ".") == textwrap.dedent("""\
        @!.G
        turn 1/20 troops 20 playing""")
    state, events = step(level, replay(level, initial_state(level), parse_moves(".")),
                         parse_moves("R")[0])
    assert UnderFire(4) in events and state.troops == 16
    state, events = step(level, initial_state(level), parse_moves("R")[0])
    assert not any(isinstance(e, UnderFire) for e in events) and state.troops == 20


def test_the_solver_pushes_planks_in_the_right_order(tmp_path: Path) -> None:
    level = make(tmp_path, """
        ^^^^^^
        S.p##G
        ..p..^
        ......
    """)
    result = solve(level)
    assert result.outcome is Outcome.SOLVED and result.moves is not None
    assert replay(level, initial_state(level), list(result.moves)).status.value == "won"
