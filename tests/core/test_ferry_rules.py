"""Chapter 3's building blocks as golden replays: boats and boatmen to pick up, companies
ferried from the landing, and a disguise that keeps guards quiet for the first turns.

Boards: ``b`` a boat and ``m`` a boatman still lying on the map, ``G`` the landing; the
status line adds ``ferried n/N`` for a ferry goal.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from golden import play, write_level

from game.content.errors import ContentError
from game.core.actions import parse_moves
from game.core.events import Ferried, PickedUp, Spotted
from game.core.level import Level
from game.core.rules import replay, step
from game.core.state import Status, initial_state
from game.solver import Outcome, solve


def make(tmp_path: Path, board: str, extra: str, *, turns: int = 20) -> Level:
    """A level from a few lines of map (see ``golden.write_level``)."""
    return write_level(tmp_path, board, extra, troops=100, turns=turns,
                       legend="u: plain + boat\nk: plain + boatman\n")


FERRY = "goal:\n  kind: ferry\n  units: 4\n  per_boat: 1\n"


def test_boats_are_picked_up_and_ferry_one_company_each_a_turn(tmp_path: Path) -> None:
    level = make(tmp_path, """
        SuuG~
    """, FERRY)
    assert play(level, "R") == textwrap.dedent("""\
        .@bG~
        turn 1/20 troops 100 ferried 0/4 playing""")
    state = replay(level, initial_state(level), parse_moves("RR"))
    state, events = step(level, state, parse_moves("R")[0])
    assert (state.ferried, Ferried(2, 2) in events) == (2, True)
    assert play(level, "RRR.") == textwrap.dedent("""\
        ...@~
        turn 4/20 troops 100 ferried 4/4 won""")


def test_without_a_boat_the_landing_ferries_nobody(tmp_path: Path) -> None:
    level = make(tmp_path, """
        GS.u
    """, FERRY)
    assert "ferried 0/4" in play(level, "L..")
    state, events = step(level, initial_state(level), parse_moves("R")[0])
    assert not any(isinstance(e, PickedUp) for e in events)
    state, events = step(level, state, parse_moves("R")[0])
    assert PickedUp("boat") in events


def test_a_boat_needs_a_boatman_when_the_map_has_boatmen(tmp_path: Path) -> None:
    level = make(tmp_path, """
        SuGk
    """, FERRY)
    assert "ferried 0/4" in play(level, "RR")  # a boat, but no boatman yet
    assert play(level, "RRRL...") == textwrap.dedent("""\
        ..@.
        turn 7/20 troops 100 ferried 4/4 won""")


def test_the_disguise_keeps_guards_quiet_for_its_turns(tmp_path: Path) -> None:
    level = make(tmp_path, """
        S..A
        u..G
    """, FERRY + "disguise: 2\npatrols:\n  A: {route: '.', sight: 3, damage: 10}\n")
    state = initial_state(level)
    for turn in (1, 2):
        state, events = step(level, state, parse_moves(".")[0])
        assert not any(isinstance(e, Spotted) for e in events), turn
    state, events = step(level, state, parse_moves(".")[0])
    assert Spotted("A", 10) in events and state.troops == 90


def test_the_solver_collects_before_it_ferries(tmp_path: Path) -> None:
    level = make(tmp_path, """
        u.S.G
    """, FERRY, turns=9)
    result = solve(level)
    assert result.outcome is Outcome.SOLVED and result.moves is not None
    final = replay(level, initial_state(level), list(result.moves))
    assert final.status is Status.WON and final.ferried == 4


def test_a_ferry_goal_needs_units_and_boats(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as error:
        make(tmp_path, """
            S..G
        """, "goal:\n  kind: ferry\n")
    messages = " | ".join(p.message for p in error.value.problems)
    assert "needs units:" in messages and "needs boats on the map" in messages
