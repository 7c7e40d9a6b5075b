"""Pontoon bridges (浮桥) as golden replays: built and taken down by waiting beside them,
one kit a bridge, crossed by the column and by pursuers alike.

Boards: ``@`` the column, pursuer letters, pontoon site letters (``+`` where its bridge
stands), ``G`` goal cells; the status line adds ``bridges standing/kits``.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from golden import play, write_level

from game.content.levels import load_level
from game.core.actions import Action, parse_moves
from game.core.events import BridgeBuilt, BridgeTakenDown, Caught, Crossed, KitsInUse
from game.core.level import Level
from game.core.rules import (
    NO_BRIDGE_YET,
    Impossible,
    legal_actions,
    pursuer_step,
    replay,
    step,
)
from game.core.state import Status, initial_state
from game.i18n import Text

LEVELS = Path(__file__).resolve().parents[2] / "levels"

CROSSING = """
    ...~~...
    S..mm..G
    P..~~...
"""
PONTOON = "pontoons:\n  m: {name: {zh: 茅台, en: Maotai}}\ngoal:\n  crossings: 1\n"
MAOTAI = Text("茅台", "Maotai")


def golden(text: str) -> str:
    return textwrap.dedent(text).strip("\n")


def crossing(tmp_path: Path, pursuer: str = "{damage: 5, every: 2}") -> Level:
    return write_level(tmp_path, CROSSING, f"pursuers:\n  P: {pursuer}\n{PONTOON}",
                       troops=50, turns=30)


def events_of(level: Level, moves: str) -> list[object]:
    *before, last = parse_moves(moves)
    state = replay(level, initial_state(level), before)
    return list(step(level, state, last)[1])


def test_waiting_beside_a_site_builds_its_bridge(tmp_path: Path) -> None:
    level = crossing(tmp_path)
    assert play(level, "RR") == golden("""
        ...~~...
        ..@mm..G
        .P.~~...
        turn 2/30 troops 50 crossings 0 bridges 0/1 playing
    """)
    assert play(level, "RR.") == golden("""
        ...~~...
        ..@HH..G
        .P.~~...
        turn 3/30 troops 50 crossings 0 bridges 1/1 playing
    """)
    assert BridgeBuilt("m", MAOTAI) in events_of(level, "RR.")


def test_an_unbuilt_site_is_river_the_column_cannot_enter(tmp_path: Path) -> None:
    level = crossing(tmp_path)
    state = replay(level, initial_state(level), parse_moves("RR"))
    assert Action.RIGHT not in legal_actions(level, state)
    with pytest.raises(Impossible) as refused:
        step(level, state, Action.RIGHT)
    assert refused.value.message == NO_BRIDGE_YET
    assert "等待" in NO_BRIDGE_YET.zh and "wait" in NO_BRIDGE_YET.en


def test_moving_or_waiting_away_from_a_site_builds_nothing(tmp_path: Path) -> None:
    level = crossing(tmp_path)
    state = replay(level, initial_state(level), parse_moves("R.."))
    assert state.bridges == 0


def test_crossing_a_standing_bridge_counts_a_crossing(tmp_path: Path) -> None:
    level = crossing(tmp_path)
    assert play(level, "RR.RR") == golden("""
        ...~~...
        ...H@..G
        ..P~~...
        turn 5/30 troops 50 crossings 0 bridges 1/1 playing
    """)
    assert Crossed(1) in events_of(level, "RR.RRR")
    assert replay(level, initial_state(level), parse_moves("RR.RRRRR")).status is Status.WON


def test_a_pursuer_chases_across_a_standing_bridge(tmp_path: Path) -> None:
    level = crossing(tmp_path)
    # The column crosses and rests beyond the bridge; the pursuer follows it over.
    assert play(level, "RR.RRRR....") == golden("""
        ...~~...
        ...HP.@G
        ...~~...
        turn 11/30 troops 50 crossings 1 bridges 1/1 playing
    """)
    assert play(level, "RR.RRRR.....") == golden("""
        ...~~...
        ...HHP@G
        ...~~...
        turn 12/30 troops 45 crossings 1 bridges 1/1 playing
    """)
    assert Caught("P", 5) in events_of(level, "RR.RRRR.....")


def test_taking_the_bridge_down_behind_the_column_cuts_the_pursuer_off(tmp_path: Path) -> None:
    level = crossing(tmp_path)
    assert play(level, "RR.RRR.") == golden("""
        ...~~...
        ..Pmm@.G
        ...~~...
        turn 7/30 troops 50 crossings 1 bridges 0/1 playing
    """)
    assert BridgeTakenDown("m", MAOTAI) in events_of(level, "RR.RRR.")
    # Cut off: the pursuer holds its bank while the column rests.
    assert play(level, "RR.RRR.R...") == golden("""
        ...~~...
        ..Pmm.@G
        ...~~...
        turn 11/30 troops 50 crossings 1 bridges 0/1 playing
    """)


def test_a_bridge_with_a_pursuer_on_it_cannot_come_down(tmp_path: Path) -> None:
    level = crossing(tmp_path, "{damage: 5}")
    state = replay(level, initial_state(level), parse_moves("RR.RRR"))
    assert state.pursuers == ((4, 1),)  # on the bridge, next to the column
    after, events = step(level, state, Action.WAIT)
    assert after.bridges == 1
    assert not any(isinstance(event, BridgeTakenDown) for event in events)


TWO_SITES = """
    S.~..~.
    ..a..c.
    ..~..~G
"""


def test_one_kit_builds_one_bridge_at_a_time(tmp_path: Path) -> None:
    level = write_level(tmp_path, TWO_SITES, "pontoons:\n  a: {}\n  c: {}\n", turns=30)
    state = replay(level, initial_state(level), parse_moves("DR.RRR"))
    assert state.pos == (4, 1) and state.bridges == 0b01
    # Beside site c with the only kit still in the bridge at a: waiting builds nothing, and
    # says why...
    after, events = step(level, state, Action.WAIT)
    assert after.bridges == 0b01 and KitsInUse("c") in events
    # ...until the bridge at a comes down; then the kit builds c.
    assert replay(level, state, parse_moves("L.")).bridges == 0
    assert replay(level, state, parse_moves("L.R.")).bridges == 0b10
    two = write_level(tmp_path, TWO_SITES, "pontoons:\n  a: {}\n  c: {}\nkits: 2\n", turns=30)
    assert replay(two, initial_state(two), parse_moves("DR.RRR.")).bridges == 0b11


def test_waiting_between_two_sites_moves_the_bridge_to_the_other(tmp_path: Path) -> None:
    level = write_level(tmp_path, """
        S.~.~.
        ..a.c.
        ..~.~G
    """, "pontoons:\n  a: {}\n  c: {}\n", turns=30)
    # Between a (standing) and c: one wait takes a down and builds c with its materials.
    state = replay(level, initial_state(level), parse_moves("DR.RR"))
    assert state.bridges == 0b01
    after, events = step(level, state, Action.WAIT)
    assert after.bridges == 0b10
    assert events[1:] == [BridgeTakenDown("a"), BridgeBuilt("c")]
    # The next wait moves it back; between two bare sites the first listed is built.
    assert replay(level, after, parse_moves(".")).bridges == 0b01
    bare = state._replace(bridges=0)
    assert step(level, bare, Action.WAIT)[0].bridges == 0b01


def test_pursuer_step_enters_only_standing_bridges(tmp_path: Path) -> None:
    level = crossing(tmp_path)
    assert pursuer_step(level, (2, 1), (6, 1), set()) == (2, 1)  # water: it stays
    assert pursuer_step(level, (2, 1), (6, 1), set(), bridges=1) == (3, 1)


def test_the_shipped_pontoon_levels_are_in_the_successors_check() -> None:
    """``tests/core/test_successors.py`` compares ``successors`` with ``step`` over every
    shipped level; chapter 2's levels 2 and 3 bring pontoons (and their bridges) into it."""
    from test_successors import SHIPPED

    with_sites = [path for path in SHIPPED if load_level(path).pontoons]
    assert [path.parent.name + "/" + path.stem for path in with_sites] == [
        "02-chishui/level-2", "02-chishui/level-3"]


def test_golden_replay_of_chishui_3s_best_route() -> None:
    """The challenge's best win: build at Tucheng, cross, take it down; build at
    Taipingdu, cross back, take it down; wait one turn for pursuer Q to pass; build at
    Maotai and at Erlangtan in turn. Rushing past Q costs 10 troops."""
    level = load_level(LEVELS / "02-chishui" / "level-3.yaml")
    assert level.solution == "DLLLL.LLL.DD.RRR.D.D.LLL.DD.RRRRRR"
    assert play(level, level.solution[:10]) == golden("""
        ^^^^^^^^^^^^^^
        ^...Q.~~.....^
        ^....@aa.....^
        ^.....~~^^^^^^
        ^.....bb.....^
        ^^^^^^~~.....^
        ^R....cc.....^
        ^.....~~^^^^^^
        ^.....dd...GG^
        ^^^^^^^^^^^^^^
        turn 10/45 troops 100 crossings 1 bridges 0/1 playing
    """)
    assert play(level, level.solution[:20]) == golden("""
        ^^^^^^^^^^^^^^
        ^.....~~.....^
        ^.....aa.....^
        ^....Q~~^^^^^^
        ^.....bb.....^
        ^^^^^^~~.....^
        ^R....cc@....^
        ^.....~~^^^^^^
        ^.....dd...GG^
        ^^^^^^^^^^^^^^
        turn 20/45 troops 100 crossings 2 bridges 0/1 playing
    """)
    assert play(level, level.solution) == golden("""
        ^^^^^^^^^^^^^^
        ^.....~~.....^
        ^.....aa.....^
        ^....Q~~^^^^^^
        ^.....bb.....^
        ^^^^^^~~.....^
        ^.....cc.....^
        ^.....~~^^^^^^
        ^.....RH...@G^
        ^^^^^^^^^^^^^^
        turn 34/45 troops 100 crossings 4 bridges 1/1 won
    """)
    rushed = replay(level, initial_state(level), parse_moves("DLLLL.LLL.DD.RRR.DD.LLL.DD.RRRRRR"))
    assert (rushed.status, rushed.troops) == (Status.WON, 90)


def test_a_river_that_splits_nothing_is_reported_as_no_crossings(tmp_path: Path) -> None:
    """With the crossings counted in the move bound, a river that leaves the land in one
    piece is caught before any search, and said so (not "no path")."""
    from game.solver import Outcome, solve

    level = write_level(tmp_path, """
        S..~...
        ...-...
        .......
        G......
    """, "goal:\n  crossings: 2\n", turns=30)
    result = solve(level)
    assert result.outcome is Outcome.UNSOLVABLE and result.reason is not None
    assert result.reason.en == ("the gold mark can be reached, but not after 2 river "
                                "crossings: let the river run from one edge of the map to "
                                "the other so it splits the land into banks")
    assert "过不了2次河" in result.reason.zh
