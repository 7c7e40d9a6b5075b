"""Chapter 2's building blocks as golden replays: pursuers, ferries on a timetable, crossings.

Boards: ``@`` the column, pursuer letters, ferry letters (``x`` when its boats are not
running this turn), ``G`` goal cells; the status line adds ``crossings n`` when the goal
asks for crossings.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from golden import play, write_level

from game.content.errors import ContentError
from game.core.actions import parse_moves
from game.core.events import Caught, Crossed, PursuerMoved
from game.core.level import Level
from game.core.rules import Impossible, pursuer_step, replay, step
from game.core.state import Status, initial_state
from game.solver import Outcome, solve


def make(tmp_path: Path, board: str, extra: str, *, troops: int = 50, turns: int = 30) -> Level:
    """A level from a few lines of map (see ``golden.write_level``)."""
    return write_level(tmp_path, board, extra, troops=troops, turns=turns)


def golden(text: str) -> str:
    return textwrap.dedent(text).strip("\n")


def test_a_pursuer_steps_toward_the_column_along_the_longer_axis(tmp_path: Path) -> None:
    level = make(tmp_path, """
        S....
        .....
        ....P
        ....G
    """, "pursuers:\n  P: {damage: 5}\n")
    assert play(level, ".") == golden("""
        @....
        .....
        ...P.
        ....G
        turn 1/30 troops 50 playing
    """)
    # Farther across than along, then a tie, which goes across too.
    assert play(level, "...") == golden("""
        @....
        .....
        .P...
        ....G
        turn 3/30 troops 50 playing
    """)
    assert play(level, "....") == golden("""
        @....
        .P...
        .....
        ....G
        turn 4/30 troops 50 playing
    """)


def test_a_pursuer_next_to_the_column_costs_troops_every_turn(tmp_path: Path) -> None:
    level = make(tmp_path, """
        SP..G
    """, "pursuers:\n  P: {damage: 7}\n")
    state, events = step(level, initial_state(level), parse_moves(".")[0])
    assert state.troops == 43
    assert Caught("P", 7) in events
    with pytest.raises(Impossible) as refused:
        step(level, state, parse_moves("R")[0])
    assert "pursuing army" in refused.value.message.en


def test_a_slow_pursuer_moves_every_second_turn(tmp_path: Path) -> None:
    level = make(tmp_path, """
        S.....P
        ......G
    """, "pursuers:\n  P: {damage: 1, every: 2}\n")
    after_one, events_one = step(level, initial_state(level), parse_moves(".")[0])
    assert after_one.pursuers == ((6, 0),) and not any(
        isinstance(e, PursuerMoved) for e in events_one)
    after_two, events_two = step(level, after_one, parse_moves(".")[0])
    assert after_two.pursuers == ((5, 0),)
    assert PursuerMoved("P", (6, 0), (5, 0)) in events_two


def test_a_pursuer_never_enters_water_and_loses_track_across_it(tmp_path: Path) -> None:
    level = make(tmp_path, """
        S.-...
        ..~.P.
        ..~..G
    """, "pursuers:\n  P: {damage: 5}\n")
    # The column waits on its own bank, across the river: the pursuer does not move.
    assert play(level, "..") == golden("""
        @.-...
        ..~.P.
        ..~..G
        turn 2/30 troops 50 playing
    """)
    # On the ford (water) it is still out of reach; on the pursuer's bank the chase starts.
    assert play(level, "RRR") == golden("""
        ..-@..
        ..~P..
        ..~..G
        turn 3/30 troops 45 playing
    """)


def test_pursuer_step_prefers_the_longer_axis_then_the_other_then_stays(
    tmp_path: Path,
) -> None:
    level = make(tmp_path, """
        S...
        .^..
        ....
        ...G
    """, "")
    assert pursuer_step(level, (3, 3), (0, 0), set()) == (2, 3)  # tie: across first
    assert pursuer_step(level, (1, 2), (1, 0), set()) == (1, 2)  # hills above, no sideways
    assert pursuer_step(level, (2, 1), (0, 1), {(1, 1)}) == (2, 1)
    assert pursuer_step(level, (2, 2), (0, 0), {(1, 2)}) == (2, 1)  # blocked across: along


def test_ferries_run_by_their_schedule(tmp_path: Path) -> None:
    level = make(tmp_path, """
        Sa.G
    """, 'ferries:\n  a: {schedule: ".o"}\n')
    assert play(level, "") == golden("""
        @x.G
        turn 0/30 troops 50 playing
    """)
    with pytest.raises(Impossible) as refused:
        step(level, initial_state(level), parse_moves("R")[0])
    assert "ferry" in refused.value.message.en
    # Wait for the boats (turn 1 runs), then cross; on turn 4 they stop again.
    assert play(level, ".RRR") == golden("""
        .x.@
        turn 4/30 troops 50 won
    """)


def test_crossings_are_counted_and_gate_the_goal(tmp_path: Path) -> None:
    level = make(tmp_path, """
        SG-..
        ...-.
    """, "goal:\n  crossings: 2\n")
    state, events = step(level, replay(level, initial_state(level), parse_moves("R")),
                         parse_moves("R")[0])
    assert state.crossings == 0  # standing on the ford is not a crossing yet
    state, events = step(level, state, parse_moves("R")[0])
    assert (state.crossings, Crossed(1) in events) == (1, True)
    # The goal cell was passed on the way out without winning: crossings came first.
    assert play(level, "RRRDLLU") == golden("""
        .@-..
        ...-.
        turn 7/30 troops 50 crossings 2 won
    """)


def test_the_solver_finds_four_crossings_through_timed_ferries(tmp_path: Path) -> None:
    level = make(tmp_path, """
        S.aa.
        G.bb.
    """, 'goal:\n  crossings: 2\nferries:\n  a: {schedule: "o."}\n  b: {schedule: ".o"}\n')
    result = solve(level)
    assert result.outcome is Outcome.SOLVED and result.moves is not None
    final = replay(level, initial_state(level), list(result.moves))
    assert final.status is Status.WON and final.crossings == 2


def test_loader_rejects_bad_pursuers_and_ferries(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as error:
        make(tmp_path, """
            SP.G
        """, 'pursuers:\n  P: {every: 9, on: river}\n  Q: {}\nferries:\n  a: {schedule: "..."}\n')
    messages = [p.message for p in error.value.problems]
    assert any("9 is out of range" in m for m in messages)
    assert any('"river" is not one of' in m for m in messages)
    assert any("is not a schedule" in m for m in messages)
