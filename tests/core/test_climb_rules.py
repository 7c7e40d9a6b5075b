"""Chapter 5's history as rules: prepare at the foot (chilli water and ginger soup raise
warmth above the usual maximum), then keep moving (a turn standing still on snow costs
``rest_chill`` more warmth: those who sat down to rest often never rose again).

Boards: ``*`` snow, ``j`` chilli water and ginger soup not yet drunk, ``h`` a shelter; the
status line adds ``warmth n/max`` (max: the level's usual warmth).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from golden import play, write_level

from game.content.errors import ContentError
from game.core.actions import Action, parse_moves
from game.core.events import Chilled, Fortified, PickedUp, SatDown, WarmedUp
from game.core.level import Level
from game.core.rules import replay, step
from game.core.state import LossReason, Status, initial_state
from game.solver import solve
from game.solver.packing import Packer

LEGEND = "j: plain + ginger\nh: snow + shelter\n"


def make(tmp_path: Path, board: str, extra: str, turns: int = 30) -> Level:
    """A level from a few lines of map, with ginger ``j`` and shelters ``h``."""
    return write_level(tmp_path, board, extra, troops=10, turns=turns, legend=LEGEND)


def test_ginger_raises_warmth_above_the_usual_maximum(tmp_path: Path) -> None:
    level = make(tmp_path, """
        Sj****G
    """, "warmth: 3\nginger_warmth: 4\n")
    assert level.most_warmth == 7
    _, events = step(level, initial_state(level), Action.RIGHT)
    assert events[1:] == [PickedUp("ginger"), Fortified(4, 7)]
    assert play(level, "RRRR") == textwrap.dedent("""\
        ..**@*G
        turn 4/30 troops 10 warmth 4/3 playing""")
    assert replay(level, initial_state(level), parse_moves("RRRRRR")).status is Status.WON


def test_without_the_ginger_the_same_climb_freezes(tmp_path: Path) -> None:
    level = make(tmp_path, """
        S*j
        ***
        ***
        ***
        G**
    """, "warmth: 3\nginger_warmth: 4\n")
    careless = replay(level, initial_state(level), parse_moves("DDD"))  # G is one step on
    assert (careless.status, careless.reason, careless.turn) == (Status.LOST,
                                                                  LossReason.FROZE, 3)
    careful = replay(level, initial_state(level), parse_moves("RRDDDDLL"))
    assert careful.status is Status.WON and careful.warmth == 3 - 1 + 4 - 5


def test_resting_on_snow_costs_rest_chill_more(tmp_path: Path) -> None:
    level = make(tmp_path, """
        S****G
    """, "warmth: 9\nrest_chill: 3\n")
    state, events = step(level, initial_state(level), Action.RIGHT)
    assert Chilled(1, 8) in events and not any(isinstance(e, SatDown) for e in events)
    state, events = step(level, state, Action.WAIT)
    assert events[1:] == [SatDown(3), Chilled(4, 4)]
    state, events = step(level, state, Action.WAIT)
    assert (state.status, state.reason) == (Status.LOST, LossReason.FROZE)


def test_resting_off_the_snow_or_in_a_shelter_costs_nothing_more(tmp_path: Path) -> None:
    level = make(tmp_path, """
        S.h**G
    """, "warmth: 5\nrest_chill: 3\n")
    state = replay(level, initial_state(level), parse_moves(".."))
    assert state.warmth == 5
    state, events = step(level, replay(level, initial_state(level), parse_moves("RR")),
                         Action.WAIT)
    assert state.warmth == 5 and not any(isinstance(e, (SatDown, Chilled)) for e in events)


def test_resting_in_a_blizzard_adds_both(tmp_path: Path) -> None:
    level = make(tmp_path, """
        S***G
    """, "warmth: 12\nrest_chill: 2\nweather: '.*'\n")
    state, _ = step(level, initial_state(level), Action.RIGHT)  # turn 1, calm: 1
    state, events = step(level, state, Action.WAIT)  # turn 2, blizzard: 1 + 2 + 1
    assert Chilled(4, 7) in events


def test_old_cold_levels_rest_as_before(tmp_path: Path) -> None:
    level = make(tmp_path, """
        S**G
    """, "warmth: 5\n")
    assert level.climb.rest_chill == 0 and level.climb.ginger == 0
    state = replay(level, initial_state(level), parse_moves("R.."))
    assert state.warmth == 2


def test_a_shelter_never_takes_the_ginger_bonus_away(tmp_path: Path) -> None:
    level = make(tmp_path, """
        Sj*h*G
    """, "warmth: 3\nginger_warmth: 5\n")
    state, events = step(level, replay(level, initial_state(level), parse_moves("RR")),
                         Action.RIGHT)
    assert state.warmth == 7 and not any(isinstance(e, WarmedUp) for e in events)


def test_the_packer_holds_warmth_above_the_usual_maximum(tmp_path: Path) -> None:
    level = make(tmp_path, """
        Sjj**G
    """, "warmth: 1\nginger_warmth: 9\n")
    packer = Packer(level)
    state = replay(level, initial_state(level), parse_moves("RR"))
    assert state.warmth == 19
    assert packer.unpack(packer.pack(state), state.turn, state.troops) == state


def test_the_solver_drinks_first_and_never_rests(tmp_path: Path) -> None:
    level = make(tmp_path, """
        ^^^^^^^
        S.j****
        .^^^^^*
        ****G.*
    """, "warmth: 4\nginger_warmth: 6\nrest_chill: 3\n")
    result = solve(level)
    assert result.moves is not None
    moves = "".join(action.value for action in result.moves)
    assert moves == "RRLLDDRRRR"  # the short way, DDRRRR, freezes on its last step
    level = make(tmp_path, """
        ^^^^^^^
        S.j****
        ^^^^^^*
        ^^G****
    """, "warmth: 4\nginger_warmth: 6\nrest_chill: 3\n")
    result = solve(level)
    assert result.moves is not None
    moves = "".join(action.value for action in result.moves)
    assert moves == "RRRRRRDDLLLL" and "." not in moves


@pytest.mark.parametrize(("extra", "board", "line", "column", "message"), [
    ("", "Sj*G", 5, 4, "chilli water and ginger soup (map row 1) only helps on a cold level: "
                       "set warmth: (how many cold turns the column can stand)"),
    ("rest_chill: 2\n", "S**G", 10, 13, "rest_chill only matters on a cold level: set warmth: "
                                       "(how many cold turns the column can stand)"),
    ("warmth: 3\nginger_warmth: 4\n", "S**G", 11, 16,
     'ginger_warmth is set but no chilli water and ginger soup lies on the map: add '
     '"plain + ginger" to the legend and put its character in the village below the snow'),
    ("warmth: 3\nrest_chill: 101\n", "S**G", 11, 13,
     "101 is out of range: use a number from 0 to 100"),
    ("warmth: 3\nginger_warmth: 0\n", "Sj*G", 11, 16,
     "0 is out of range: use a number from 1 to 100"),
])
def test_mistakes_name_the_line(tmp_path: Path, extra: str, board: str, line: int,
                                column: int, message: str) -> None:
    with pytest.raises(ContentError) as error:
        write_level(tmp_path, board, extra, legend="j: plain + ginger\n")
    (problem,) = error.value.problems
    assert (problem.line, problem.column, problem.message) == (line, column, message)


LEVEL_3 = Path(__file__).resolve().parents[2] / "levels" / "05-snow-mountains" / "level-3.yaml"
BEST_3 = "UDRDDDLURRUUR...RRRRRRRRRRDRRDRRRRR"
"""Three bowls (top, middle, bottom of the village), the trees at the trailhead while the
blizzard of turns 15-17 blows, then eighteen snow cells without a halt."""


def test_golden_replay_of_the_challenge() -> None:
    from game.content.levels import load_level

    level = load_level(LEVEL_3)
    result = solve(level)
    assert result.moves is not None
    assert "".join(a.value for a in result.moves) == BEST_3 == level.solution
    assert len(BEST_3) >= 30
    assert play(level, BEST_3[:13]) == textwrap.dedent("""\
        ^^^^^^^^^^^^^^^^^^^^^^^^
        ^...T^^^^^^^^^^^^^^^^^^^
        ^...@*******c**^^^^^^^^^
        ^^..T^^^^^^^^^****^^^^^^
        ^.TT^^^^^^^^^^^^*****G^^
        ^..^^^^^^^^^^^^^^^^^^^^^
        ^^^^^^^^^^^^^^^^^^^^^^^^
        turn 13/50 troops 100 warmth 26/12 playing""")
    assert play(level, BEST_3).splitlines()[-1] == "turn 35/50 troops 100 warmth 1/12 won"
    assert play(level, BEST_3).splitlines()[4] == "^.TT^^^^^^^^^^^^*****@^^"


@pytest.mark.parametrize(("moves", "why"), [
    ("UDRDDDLURRUUR" + BEST_3[16:], "climbs straight into the blizzard"),
    ("UDRDDDLURRUUR......" + BEST_3[16:], "waits too long: the next blizzard"),
    (BEST_3[:20] + "." + BEST_3[20:], "sits down once on the snow"),
    ("RRR..." + BEST_3[16:], "drinks no soup"),
    ("UDRDURR" + "." * 10 + BEST_3[16:], "skips the bowl at the bottom of the village"),
])
def test_the_careless_climbs_of_the_challenge_freeze(moves: str, why: str) -> None:
    from game.content.levels import load_level

    level = load_level(LEVEL_3)
    state = initial_state(level)
    for action in parse_moves(moves):
        state, _ = step(level, state, action)
        if state.status is not Status.PLAYING:
            break
    assert (state.status, state.reason) == (Status.LOST, LossReason.FROZE), why


LEVEL_2 = LEVEL_3.with_name("level-2.yaml")


@pytest.mark.parametrize(("moves", "won", "why"), [
    ("UDRRR.RRRRRRRDRRDRR", True, "both bowls, one turn in the trees, then no halt"),
    ("UDRRR....RRRRRRRDRRDRR", True, "both bowls, the whole blizzard in the trees"),
    ("UDRRRRRRRRRRDRRDRR", False, "straight up into the blizzard"),
    ("RRR.RRRRRRRDRRDRR", False, "only the bowl on the way"),
    ("UDRRR.RRR.RRRRDRRDRR", False, "sits down once on the snow"),
])
def test_the_core_puzzle_rewards_the_careful_climb(moves: str, won: bool, why: str) -> None:
    from game.content.levels import load_level

    level = load_level(LEVEL_2)
    state = initial_state(level)
    for action in parse_moves(moves):
        state, _ = step(level, state, action)
        if state.status is not Status.PLAYING:
            break
    expected = (Status.WON, None) if won else (Status.LOST, LossReason.FROZE)
    assert (state.status, state.reason) == expected, why
