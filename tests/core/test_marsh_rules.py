"""Chapter 6's building blocks as golden replays: hidden bogs and the guide, relief columns
stopped by an ambush from the forest, positions held for some turns.

Boards: ``"`` grassland, ``%`` a bog, ``g`` a guide still waiting, relief columns by their
letter; the status line adds ``held n/N`` for a hold goal.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from golden import play, write_level

from game.content.errors import ContentError
from game.core.actions import parse_moves
from game.core.events import Ambushed, Bogged
from game.core.level import Level
from game.core.rules import Impossible, replay, step
from game.core.state import LossReason, Status, initial_state
from game.solver import Outcome, solve


def make(tmp_path: Path, board: str, extra: str, *, turns: int = 20) -> Level:
    """A level from a few lines of map (see ``golden.write_level``)."""
    return write_level(tmp_path, board, extra, troops=50, turns=turns,
                       legend="g: grassland + guide\n")


def test_a_bog_costs_troops_unless_a_guide_leads(tmp_path: Path) -> None:
    level = make(tmp_path, '''
        S%"G
        g"""
    ''', "bog_damage: 7\n")
    state, events = step(level, initial_state(level), parse_moves("R")[0])
    assert Bogged(7) in events and state.troops == 43
    guided = replay(level, initial_state(level), parse_moves("DUR"))
    assert guided.troops == 50
    assert play(level, "DURRR") == textwrap.dedent('''\
        .%"@
        """"
        turn 5/20 troops 50 won''')


HOLD = "goal:\n  kind: hold\n  hold: 2\n"


def test_positions_are_held_for_turns_in_a_row(tmp_path: Path) -> None:
    level = make(tmp_path, """
        S.GG
    """, HOLD)
    assert "held 1/2 playing" in play(level, "RR")
    assert "held 0/2 playing" in play(level, "RRL")  # stepping off starts the count again
    assert play(level, "RRR") == textwrap.dedent("""\
        ..G@
        turn 3/20 troops 50 held 2/2 won""")


def test_a_relief_column_at_the_end_of_its_march_loses_the_level(tmp_path: Path) -> None:
    level = make(tmp_path, """
        S..GG
        ....R
    """, HOLD + "reliefs:\n  R: {route: LL, on: plain}\n")
    final = replay(level, initial_state(level), parse_moves(".."))
    assert (final.status, final.reason) == (Status.LOST, LossReason.RELIEVED)


def test_an_ambush_from_the_forest_stops_a_relief_column(tmp_path: Path) -> None:
    level = make(tmp_path, """
        S.T.GG
        .....R
    """, HOLD + "reliefs:\n  R: {route: LLLL, on: plain}\n")
    state = replay(level, initial_state(level), parse_moves("RR"))  # into the trees
    assert state.reliefs == (2,)  # two cells along, not yet next to the trees
    state, events = step(level, state, parse_moves(".")[0])
    assert Ambushed("R") in events and state.reliefs == (-1,)
    assert play(level, "RR.RR.") == textwrap.dedent("""\
        ..T.@G
        ......
        turn 6/20 troops 50 held 2/2 won""")
    blocked = replay(level, initial_state(level), parse_moves("DRR"))
    assert blocked.reliefs == (2,)  # it waited: the column stood on its next cell
    with pytest.raises(Impossible):  # and a marching relief column blocks the way
        step(level, blocked, parse_moves("R")[0])


def test_the_solver_ambushes_then_holds(tmp_path: Path) -> None:
    level = make(tmp_path, """
        S.T.GG
        .....R
    """, HOLD + "reliefs:\n  R: {route: LLLL, on: plain}\n")
    result = solve(level)
    assert result.outcome is Outcome.SOLVED and result.moves is not None
    assert replay(level, initial_state(level), list(result.moves)).status is Status.WON


def test_a_hold_goal_needs_turns_and_reliefs_need_land(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as error:
        make(tmp_path, """
            S.~GR
        """, "goal:\n  kind: hold\nreliefs:\n  R: {route: LL}\n")
    messages = " | ".join(p.message for p in error.value.problems)
    assert "needs hold:" in messages and "leaves the land" in messages
