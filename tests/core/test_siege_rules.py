"""围点打援, besiege a point and ambush the relief, as golden replays and rule tests.

Boards: ``M`` the point to besiege while its garrison holds and before the siege, ``+``
once besieged; after the fall it shows its ground (``G`` on a take goal). Relief columns
by their letter, ``T`` forest. The status line adds ``point held``, ``besieged`` or
``point fallen``.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from golden import play, write_level

from game.core.actions import Action, parse_moves
from game.core.events import Ambushed, PointFell, SiegeBegan
from game.core.level import Level
from game.core.rules import GARRISON_HOLDS, Impossible, replay, step, successors
from game.core.state import LossReason, Status, board_text, initial_state, point_fallen
from game.solver import Outcome, moves_still_needed, solve
from game.solver.packing import Packer

TAKE = "goal:\n  kind: take\n"


def make(tmp_path: Path, board: str, extra: str, *, turns: int = 20) -> Level:
    """A level from a few lines of map with ``M`` the point's cells."""
    return write_level(tmp_path, board, extra, troops=50, turns=turns,
                       legend="M: plain + siege\n")


def small(tmp_path: Path, route: str = "..DLL", turns: int = 20) -> Level:
    return make(tmp_path, """
        S...TR
        .MM...
        ^^^^^^
    """, TAKE + f"reliefs:\n  R: {{route: {route}, on: plain}}\n", turns=turns)


def test_besiege_ambush_then_take_the_point(tmp_path: Path) -> None:
    level = small(tmp_path)
    assert level.siege == {(1, 1), (2, 1)} and level.goal.cells == level.siege
    state, events = step(level, initial_state(level), Action.RIGHT)
    assert SiegeBegan(1) in events and state.besieged and state.reliefs == (0,)
    assert play(level, "R") == textwrap.dedent("""\
        .@..TR
        .++...
        ^^^^^^
        turn 1/20 troops 50 besieged playing""")
    state = replay(level, state, parse_moves("RRR"))
    assert state.reliefs == (3,) and not point_fallen(level, state)
    state, events = step(level, state, Action.WAIT)
    assert Ambushed("R") in events and PointFell() in events and point_fallen(level, state)
    assert events.index(Ambushed("R")) < events.index(PointFell())
    assert play(level, "RRRR.") == textwrap.dedent("""\
        ....@.
        .GG...
        ^^^^^^
        turn 5/20 troops 50 point fallen playing""")
    assert play(level, "RRRR.LLD") == textwrap.dedent("""\
        ....T.
        .G@...
        ^^^^^^
        turn 8/20 troops 50 point fallen won""")


def test_the_relief_waits_in_camp_and_cannot_be_ambushed_before_the_siege(
        tmp_path: Path) -> None:
    level = make(tmp_path, """
        S.TR.
        ^^^^.
        .M...
    """, TAKE + "reliefs:\n  R: {route: RDDLL, on: plain}\n", turns=30)
    state = replay(level, initial_state(level), parse_moves("RR....."))
    assert state.reliefs == (0,) and not state.besieged  # in camp, next to the forest
    assert "point held playing" in board_text(level, state)
    assert play(level, "RR").splitlines()[2] == ".M..."


def test_the_garrison_holds_the_point_until_it_falls(tmp_path: Path) -> None:
    level = small(tmp_path)
    besieged = replay(level, initial_state(level), parse_moves("R"))
    with pytest.raises(Impossible) as refused:
        step(level, besieged, Action.DOWN)
    assert refused.value.message == GARRISON_HOLDS
    assert "守军" in refused.value.message.zh and "garrison" in refused.value.message.en
    assert Action.DOWN not in [action for action, _ in successors(level, besieged)]


def test_a_relief_that_reaches_the_point_relieves_it(tmp_path: Path) -> None:
    level = small(tmp_path, route="DLL")
    state = replay(level, initial_state(level), parse_moves("RRRR"))
    assert state.status is Status.LOST and state.reason is LossReason.RELIEVED
    assert "besieged lost (relieved)" in board_text(level, state)


def test_without_relief_columns_the_point_falls_as_the_siege_begins(tmp_path: Path) -> None:
    level = make(tmp_path, """
        S.M
    """, TAKE)
    state, events = step(level, initial_state(level), Action.RIGHT)
    assert SiegeBegan(0) in events and PointFell() in events
    assert replay(level, state, [Action.RIGHT]).status is Status.WON


def test_a_point_blocks_the_way_on_a_reach_goal_until_it_falls(tmp_path: Path) -> None:
    level = make(tmp_path, """
        SM.G
        .T^^
        ^.^^
        ^R^^
    """, "reliefs:\n  R: {route: UU, on: plain}\n")
    assert level.goal.kind == "reach" and level.goal.cells == {(3, 0)}
    # Stepping into the forest next to the point lays the siege; the relief comes up
    # beside the forest and is ambushed from it; then the way through the point is open.
    state = replay(level, initial_state(level), parse_moves("D"))
    assert not state.besieged  # not next to the point
    with pytest.raises(Impossible):
        step(level, initial_state(level), Action.RIGHT)  # the garrison holds the point
    state = replay(level, state, parse_moves("R"))
    assert state.besieged and state.reliefs == (0,)
    state, events = step(level, state, Action.WAIT)
    assert Ambushed("R") in events and PointFell() in events
    assert replay(level, state, parse_moves("URR")).status is Status.WON


def test_pursuers_do_not_walk_into_a_held_point(tmp_path: Path) -> None:
    level = make(tmp_path, """
        S.....
        ^^^^^.
        P.M...
    """, TAKE + "pursuers:\n  P: {damage: 1}\n")
    state = replay(level, initial_state(level), parse_moves("RRRRRDD"))
    assert state.pursuers[0] == (1, 2)  # it stops before the garrison's cell


def test_the_move_bound_counts_the_siege_the_ambush_and_the_entry(tmp_path: Path) -> None:
    level = small(tmp_path)
    start = initial_state(level)
    assert moves_still_needed(level, start) == 3  # besiege, ambush, then step in
    besieged = replay(level, start, parse_moves("R"))
    assert moves_still_needed(level, besieged) == 2
    fallen = replay(level, start, parse_moves("RRRR."))
    assert moves_still_needed(level, fallen) == 3  # three steps back to the point


def test_the_solver_finds_the_best_siege(tmp_path: Path) -> None:
    level = small(tmp_path)
    result = solve(level)
    assert result.outcome is Outcome.SOLVED and result.moves is not None
    assert len(result.moves) == 8
    assert replay(level, initial_state(level), list(result.moves)).status is Status.WON
    tight = small(tmp_path, turns=7)
    assert solve(tight).outcome is Outcome.UNSOLVABLE


def test_the_packer_keeps_the_siege(tmp_path: Path) -> None:
    level = small(tmp_path)
    packer = Packer(level)
    for moves in ("", "R", "RRRR.", "RRRR.L"):
        state = replay(level, initial_state(level), parse_moves(moves))
        again = packer.unpack(packer.pack(state), state.turn, state.troops)
        assert again == state and type(again.besieged) is bool


LEVEL_3 = Path(__file__).resolve().parents[2] / "levels" / "06-baozuo" / "level-3.yaml"
BEST = "DDRRRRRRRRRUURRRRRDDR.RUD.DDDUUULLL"


def test_golden_replay_of_the_baozuo_challenge() -> None:
    """The best win of 包座之战: the guide, the north track, the siege from the east, the
    vanguard ambushed from the north wood, the main body from the south wood, and in."""
    from game.content.levels import load_level

    level = load_level(LEVEL_3)
    result = solve(level)
    assert result.moves is not None and len(result.moves) == len(BEST) >= 30
    assert result.troops == 100
    state = initial_state(level)
    seen = []
    for action in parse_moves(BEST):
        state, events = step(level, state, action)
        seen += [(state.turn, type(event).__name__) for event in events
                 if isinstance(event, (SiegeBegan, Ambushed, PointFell))]
    assert seen == [(20, "SiegeBegan"), (24, "Ambushed"), (29, "Ambushed"), (29, "PointFell")]
    assert board_text(level, state) == textwrap.dedent('''\
        ^^^^^^^^^^^^^^^^^^^^^^
        ^.""%"""%"""....^^==^^
        ^""%""%"""%^^^^.^T=^^^
        ^""""%"""%"".G@.===^^^
        ^""%""%""""^^^.^^.^^^^
        ^"%"""""%""^^^=======^
        ^^^^^^^^^^^^^^^^^T^^^^
        ^^^^^^^^^^^^^^^^^^^^^^
        turn 35/46 troops 100 point fallen won''')


def test_the_careless_siege_from_the_west_cannot_win_the_challenge() -> None:
    from game.content.levels import load_level

    level = load_level(LEVEL_3)
    west = replay(level, initial_state(level), parse_moves("DDRRRRRRRRRRR"))
    assert west.besieged and west.pos == (12, 3)
    result = solve(level, west)
    assert result.outcome is Outcome.UNSOLVABLE and result.reason is not None
    assert result.reason.kind == "relieved"
