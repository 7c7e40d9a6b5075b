"""The rules of a turn, as golden replays on tiny maps loaded through the real level loader.

Each replay writes a level as YAML, plays a move string from the first state and compares
``board_text`` with the board drawn by hand: ``@`` the column, letters the patrols, ``G``
goal cells, then ``turn t/limit troops n status``.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from game.content.levels import load_level
from game.core.actions import ALL_ACTIONS, Action, format_moves, parse_moves
from game.core.events import (
    ColumnMoved,
    ColumnWaited,
    Event,
    Lost,
    PatrolHeld,
    PatrolMoved,
    Spotted,
    Won,
)
from game.core.level import Level
from game.core.rules import Impossible, legal_actions, replay, step
from game.core.state import (
    TERRAIN_CHARS,
    LossReason,
    PatrolState,
    State,
    Status,
    board_text,
    initial_state,
)

# --------------------------------------------------------------------------- helpers


def level_yaml(board: str, *, troops: int = 10, turns: int = 20, extra: str = "") -> str:
    """A complete level file around ``board`` (rows of map characters)."""
    rows = textwrap.dedent(board).strip("\n").splitlines()
    body = "\n".join("  " + row for row in rows)
    return (
        "id: test-level\n"
        "chapter: test\n"
        "title: {zh: 测试, en: Test}\n"
        f"map: |\n{body}\n"
        f"troops: {troops}\n"
        f"turns: {turns}\n"
        f"{textwrap.dedent(extra)}"
    )


def make_level(
    tmp_path: Path, board: str, *, troops: int = 10, turns: int = 20, extra: str = ""
) -> Level:
    """Write the level to ``tmp_path`` and load it with the real loader."""
    path = tmp_path / "level.yaml"
    path.write_text(level_yaml(board, troops=troops, turns=turns, extra=extra), encoding="utf-8")
    return load_level(path)


def play(level: Level, moves: str) -> tuple[State, list[list[Event]]]:
    """Play ``moves`` from the first state; return the final state and each turn's events."""
    state = initial_state(level)
    history: list[list[Event]] = []
    for action in parse_moves(moves):
        state, events = step(level, state, action)
        history.append(events)
    return state, history


def final_board(level: Level, moves: str) -> str:
    return board_text(level, play(level, moves)[0])


def golden(text: str) -> str:
    return textwrap.dedent(text).strip("\n")


def sight_picture(level: Level, index: int = 0) -> str:
    """The map with ``*`` on every cell patrol ``index`` sees from where it starts."""
    spec = level.patrols[index]
    seen = level.seen_from(spec.start, spec.sight)
    rows = []
    for y, row in enumerate(level.grid):
        chars = []
        for x, terrain in enumerate(row):
            if (x, y) == spec.start:
                chars.append(spec.id)
            elif (x, y) in seen:
                chars.append("*")
            else:
                chars.append(TERRAIN_CHARS[terrain.name])
        rows.append("".join(chars))
    return "\n".join(rows)


STILL_A = """\
patrols:
  A: {route: ".", sight: %d, damage: %d}
"""


def still_patrol(sight: int = 3, damage: int = 3) -> str:
    return STILL_A % (sight, damage)


# --------------------------------------------------------------------------- moving


def test_moves_walk_the_column_and_spend_turns(tmp_path: Path) -> None:
    level = make_level(tmp_path, """
        S...G
        .....
    """)
    assert final_board(level, "RR") == golden("""
        ..@.G
        .....
        turn 2/20 troops 10 playing
    """)
    assert final_board(level, "DR.U") == golden("""
        .@..G
        .....
        turn 4/20 troops 10 playing
    """)


def test_first_board_shows_start_goal_and_patrols(tmp_path: Path) -> None:
    level = make_level(tmp_path, """
        S.A
        ..G
    """, extra=still_patrol())
    assert board_text(level, initial_state(level)) == golden("""
        @.A
        ..G
        turn 0/20 troops 10 playing
    """)


@pytest.mark.parametrize(
    ("board", "action", "message"),
    [
        pytest.param(".^.\n.S.\n..G", Action.UP, "The hills cannot be crossed.", id="hills"),
        pytest.param("...\n~S.\n..G", Action.LEFT,
                     "The river is too deep here: cross at a ford.", id="river"),
        pytest.param("S..\n..G", Action.UP, "That is the edge of the map.", id="edge-top"),
        pytest.param("S..\n..G", Action.LEFT, "That is the edge of the map.", id="edge-left"),
        pytest.param("..S\n..G", Action.RIGHT, "That is the edge of the map.", id="edge-right"),
        pytest.param("...\n.SG", Action.DOWN, "That is the edge of the map.", id="edge-bottom"),
    ],
)
def test_refused_moves_raise_impossible_and_spend_no_turn(
    tmp_path: Path, board: str, action: Action, message: str
) -> None:
    level = make_level(tmp_path, board)
    state = initial_state(level)
    before = board_text(level, state)
    with pytest.raises(Impossible) as refused:
        step(level, state, action)
    assert refused.value.message.en == message
    assert refused.value.message.zh
    assert action not in legal_actions(level, state)
    # Nothing was spent: the same state plays on from turn 0.
    assert board_text(level, state) == before
    after, _ = step(level, state, Action.WAIT)
    assert after.turn == 1


def test_a_patrol_blocks_the_cell_it_stands_on(tmp_path: Path) -> None:
    level = make_level(tmp_path, "SA.\n..G", extra=still_patrol(sight=0))
    state = initial_state(level)
    with pytest.raises(Impossible) as refused:
        step(level, state, Action.RIGHT)
    assert refused.value.message.en == "An enemy patrol blocks the way."
    assert legal_actions(level, state) == [Action.DOWN, Action.WAIT]


def test_forest_and_road_and_bank_are_walkable(tmp_path: Path) -> None:
    level = make_level(tmp_path, "ST=,G")
    assert final_board(level, "RRR") == golden("""
        .T=@G
        turn 3/20 troops 10 playing
    """)


def test_the_river_is_crossed_only_at_the_ford(tmp_path: Path) -> None:
    level = make_level(tmp_path, """
        S~G
        .-,
    """)
    with pytest.raises(Impossible):
        step(level, initial_state(level), Action.RIGHT)
    assert final_board(level, "DR") == golden("""
        .~G
        .@,
        turn 2/20 troops 10 playing
    """)
    assert final_board(level, "DRRU") == golden("""
        .~@
        .-,
        turn 4/20 troops 10 won
    """)


def test_legal_actions_agree_with_step(tmp_path: Path) -> None:
    level = make_level(tmp_path, """
        S^.A
        .~-.
        T..G
    """, extra="patrols:\n  A: {route: DDUU, sight: 0}\n")
    for moves in ("", "D", "DD", "DDR", "DDRR", "DDRRU", "DDRRU."):
        state = replay(level, initial_state(level), parse_moves(moves))
        accepted = []
        for action in ALL_ACTIONS:
            try:
                step(level, state, action)
            except Impossible:
                continue
            accepted.append(action)
        assert legal_actions(level, state) == accepted, moves


# --------------------------------------------------------------------------- patrols


PACER = """\
patrols:
  A: {route: RRLL, sight: 0}
"""


@pytest.mark.parametrize(
    ("moves", "board"),
    [
        ("", "A....\n.....\n@...G\nturn 0/20 troops 10 playing"),
        (".", ".A...\n.....\n@...G\nturn 1/20 troops 10 playing"),
        ("..", "..A..\n.....\n@...G\nturn 2/20 troops 10 playing"),
        ("...", ".A...\n.....\n@...G\nturn 3/20 troops 10 playing"),
        ("....", "A....\n.....\n@...G\nturn 4/20 troops 10 playing"),
        (".....", ".A...\n.....\n@...G\nturn 5/20 troops 10 playing"),
        ("......", "..A..\n.....\n@...G\nturn 6/20 troops 10 playing"),
    ],
)
def test_patrol_walks_its_route_and_loops(tmp_path: Path, moves: str, board: str) -> None:
    level = make_level(tmp_path, """
        A....
        .....
        S...G
    """, extra=PACER)
    assert final_board(level, moves) == board


def test_patrol_route_step_index_wraps(tmp_path: Path) -> None:
    level = make_level(tmp_path, "A....\n.....\nS...G", extra=PACER)
    steps = [play(level, "." * n)[0].patrols[0] for n in range(6)]
    assert steps == [
        PatrolState((0, 0), 0), PatrolState((1, 0), 1), PatrolState((2, 0), 2),
        PatrolState((1, 0), 3), PatrolState((0, 0), 0), PatrolState((1, 0), 1),
    ]


def test_patrol_holds_while_the_column_blocks_its_next_cell_then_resumes(
    tmp_path: Path,
) -> None:
    level = make_level(tmp_path, """
        .S...
        A....
        ....G
    """, extra=PACER)
    # The column steps onto A's next cell: A holds (and keeps its route step).
    state, events = play(level, "D")
    assert board_text(level, state) == golden("""
        .....
        A@...
        ....G
        turn 1/20 troops 10 playing
    """)
    assert events[-1] == [ColumnMoved((1, 0), (1, 1)), PatrolHeld("A", (0, 1))]
    assert state.patrols == (PatrolState((0, 1), 0),)
    # Waiting there keeps it held.
    assert final_board(level, "D..") == golden("""
        .....
        A@...
        ....G
        turn 3/20 troops 10 playing
    """)
    # The column steps away: A takes the same step it was waiting to take.
    state, events = play(level, "D.U")
    assert board_text(level, state) == golden("""
        .@...
        .A...
        ....G
        turn 3/20 troops 10 playing
    """)
    assert events[-1] == [ColumnMoved((1, 1), (1, 0)), PatrolMoved("A", (0, 1), (1, 1))]
    assert final_board(level, "D.U.") == golden("""
        .@...
        ..A..
        ....G
        turn 4/20 troops 10 playing
    """)


def test_patrol_may_walk_into_the_cell_the_column_just_left(tmp_path: Path) -> None:
    level = make_level(tmp_path, """
        A@...
        ....G
    """.replace("@", "S"), extra=PACER)
    state, events = play(level, "D")
    assert board_text(level, state) == golden("""
        .A...
        .@..G
        turn 1/20 troops 10 playing
    """)
    assert PatrolMoved("A", (0, 0), (1, 0)) in events[0]


# --------------------------------------------------------------------------- sight


def test_sight_is_four_straight_lines_of_limited_range(tmp_path: Path) -> None:
    level = make_level(tmp_path, """
        S......
        .......
        .......
        ...A...
        .......
        .......
        ......G
    """, extra=still_patrol(sight=2))
    assert sight_picture(level) == golden("""
        .......
        ...*...
        ...*...
        .**A**.
        ...*...
        ...*...
        ......,
    """)


def test_sight_stops_at_the_edge_of_the_map(tmp_path: Path) -> None:
    level = make_level(tmp_path, """
        S.A
        ...
        ..G
    """, extra=still_patrol(sight=5))
    assert sight_picture(level) == golden("""
        **A
        ..*
        ..*
    """)


def test_sight_zero_sees_nothing(tmp_path: Path) -> None:
    level = make_level(tmp_path, "SA.\n..G", extra=still_patrol(sight=0))
    assert level.seen_from(level.patrols[0].start, 0) == frozenset()


def test_sight_is_blocked_by_hills_and_forest_which_are_not_seen(tmp_path: Path) -> None:
    level = make_level(tmp_path, """
        S.....G
        ...^...
        T..A.T.
        .......
        ...~...
        .......
    """, extra=still_patrol(sight=3))
    # Hills (up) and forest (right, and further left) stop the line; the river does not.
    assert sight_picture(level) == golden("""
        ......,
        ...^...
        T**A*T.
        ...*...
        ...*...
        ...*...
    """)


def test_spotted_only_within_range(tmp_path: Path) -> None:
    level = make_level(tmp_path, """
        S....A
        .....G
    """, extra=still_patrol(sight=3, damage=4))
    # (1,0) is 4 cells away: not seen. (2,0) is 3 cells away: seen.
    assert final_board(level, "R") == golden("""
        .@...A
        .....G
        turn 1/20 troops 10 playing
    """)
    state, events = play(level, "RR")
    assert board_text(level, state) == golden("""
        ..@..A
        .....G
        turn 2/20 troops 6 playing
    """)
    assert events[-1] == [ColumnMoved((1, 0), (2, 0)), Spotted("A", 4)]


def test_damage_is_taken_every_turn_the_column_ends_in_sight(tmp_path: Path) -> None:
    level = make_level(tmp_path, "S.A\n..G", extra=still_patrol(sight=3, damage=2))
    assert final_board(level, "...") == golden("""
        @.A
        ..G
        turn 3/20 troops 4 playing
    """)


def test_forest_hides_the_column(tmp_path: Path) -> None:
    board = """
        S...A
        ....{}
        ....G
    """
    open_ground = make_level(tmp_path, board.format("."), extra=still_patrol(3, 3))
    assert final_board(open_ground, "DRRRR") == golden("""
        ....A
        ....@
        ....G
        turn 5/20 troops 7 playing
    """)
    forest = make_level(tmp_path, board.format("T"), extra=still_patrol(3, 3))
    assert final_board(forest, "DRRRR") == golden("""
        ....A
        ....@
        ....G
        turn 5/20 troops 10 playing
    """)
    # Standing right under the patrol in the forest, turn after turn: never spotted.
    assert final_board(forest, "DRRRR...") == golden("""
        ....A
        ....@
        ....G
        turn 8/20 troops 10 playing
    """)


def test_forest_between_patrol_and_column_blocks_sight(tmp_path: Path) -> None:
    level = make_level(tmp_path, """
        S.T.A
        ....G
    """, extra=still_patrol(sight=4, damage=3))
    # Behind the forest, then in it, then in the open in front of the patrol.
    assert [s.troops for s in (play(level, m)[0] for m in ("R", "RR", "RRR"))] == [10, 10, 7]


@pytest.mark.parametrize(("sight_b", "troops"), [(4, 13), (1, 18)])
def test_every_patrol_that_sees_deals_its_damage(
    tmp_path: Path, sight_b: int, troops: int
) -> None:
    level = make_level(tmp_path, """
        ..S..
        A...B
        .....
        ....G
    """, troops=20, extra=f"""\
        patrols:
          A: {{route: ".", sight: 4, damage: 2}}
          B: {{route: ".", sight: {sight_b}, damage: 5}}
    """)
    state, events = play(level, "D")
    assert board_text(level, state) == golden(f"""
        .....
        A.@.B
        .....
        ....G
        turn 1/20 troops {troops} playing
    """)
    spotted = [e for e in events[0] if isinstance(e, Spotted)]
    expected = [Spotted("A", 2), Spotted("B", 5)] if sight_b >= 2 else [Spotted("A", 2)]
    assert spotted == expected


def test_sight_is_taken_after_patrols_move(tmp_path: Path) -> None:
    # A walks down into the column's row at the end of turn 1 and sees it then.
    level = make_level(tmp_path, """
        ...A
        S...
        ...G
    """, extra="patrols:\n  A: {route: DU, sight: 3, damage: 4}\n")
    state, events = play(level, ".")
    assert board_text(level, state) == golden("""
        ....
        @..A
        ...G
        turn 1/20 troops 6 playing
    """)
    assert events[0] == [ColumnWaited((0, 1)), PatrolMoved("A", (3, 0), (3, 1)),
                         Spotted("A", 4)]


# --------------------------------------------------------------------------- outcomes


def test_troops_reaching_zero_loses(tmp_path: Path) -> None:
    level = make_level(tmp_path, "S.A\n..G", troops=6, extra=still_patrol(sight=3, damage=3))
    assert final_board(level, ".") == golden("""
        @.A
        ..G
        turn 1/20 troops 3 playing
    """)
    state, events = play(level, "..")
    assert board_text(level, state) == golden("""
        @.A
        ..G
        turn 2/20 troops 0 lost (no_troops)
    """)
    assert events[-1][-1] == Lost(LossReason.NO_TROOPS)


def test_damage_never_leaves_negative_troops(tmp_path: Path) -> None:
    level = make_level(tmp_path, "S.A\n..G", troops=5, extra=still_patrol(sight=3, damage=50))
    state, _ = play(level, ".")
    assert (state.troops, state.status, state.reason) == (0, Status.LOST, LossReason.NO_TROOPS)


GOAL_BOARD = """
    SA...
    ....G
"""


def test_reaching_the_goal_with_enough_troops_wins(tmp_path: Path) -> None:
    level = make_level(tmp_path, GOAL_BOARD, extra=still_patrol(sight=1, damage=4) +
                       "goal: {min_troops: 6}\n")
    state, events = play(level, "DRRRR")
    assert board_text(level, state) == golden("""
        .A...
        ....@
        turn 5/20 troops 6 won
    """)
    assert state.reason is None
    assert events[-1] == [ColumnMoved((3, 1), (4, 1)), Won()]


def test_reaching_the_goal_with_too_few_troops_loses(tmp_path: Path) -> None:
    level = make_level(tmp_path, GOAL_BOARD, extra=still_patrol(sight=1, damage=4) +
                       "goal: {min_troops: 7}\n")
    state, events = play(level, "DRRRR")
    assert board_text(level, state) == golden("""
        .A...
        ....@
        turn 5/20 troops 6 lost (too_few_troops)
    """)
    assert events[-1] == [ColumnMoved((3, 1), (4, 1)), Lost(LossReason.TOO_FEW_TROOPS)]


def test_default_goal_needs_one_troop(tmp_path: Path) -> None:
    level = make_level(tmp_path, "S.G")
    assert level.goal.min_troops == 1
    assert final_board(level, "RR") == "..@\nturn 2/20 troops 10 won"


def test_running_out_of_turns_loses(tmp_path: Path) -> None:
    level = make_level(tmp_path, "S..G", turns=2)
    assert final_board(level, ".") == "@..G\nturn 1/2 troops 10 playing"
    state, events = play(level, "R.")
    assert board_text(level, state) == ".@.G\nturn 2/2 troops 10 lost (out_of_turns)"
    assert events[-1] == [ColumnWaited((1, 0)), Lost(LossReason.OUT_OF_TURNS)]


def test_reaching_the_goal_on_the_last_turn_wins(tmp_path: Path) -> None:
    level = make_level(tmp_path, "S..G", turns=3)
    assert final_board(level, "RRR") == "...@\nturn 3/3 troops 10 won"


@pytest.mark.parametrize("moves", ["RR", "..", "R."])
@pytest.mark.parametrize("action", list(Action))
def test_no_step_after_the_end(tmp_path: Path, moves: str, action: Action) -> None:
    level = make_level(tmp_path, "S.G", turns=2)
    state, _ = play(level, moves)
    assert state.status is not Status.PLAYING
    with pytest.raises(Impossible) as refused:
        step(level, state, action)
    assert refused.value.message.en == "This level is over."
    assert legal_actions(level, state) == []


# --------------------------------------------------------------------------- events


def test_events_of_a_whole_game(tmp_path: Path) -> None:
    level = make_level(tmp_path, """
        S.A
        ..G
    """, extra="patrols:\n  A: {route: LR, sight: 1, damage: 3}\n")
    _, history = play(level, ".DR")
    assert history == [
        # A steps next to the column and sees it.
        [ColumnWaited((0, 0)), PatrolMoved("A", (2, 0), (1, 0)), Spotted("A", 3)],
        # A steps back; the column is out of its sight.
        [ColumnMoved((0, 0), (0, 1)), PatrolMoved("A", (1, 0), (2, 0))],
        # A steps back to (1,0) and sees one cell down, where the column now stands.
        [ColumnMoved((0, 1), (1, 1)), PatrolMoved("A", (2, 0), (1, 0)), Spotted("A", 3)],
    ]
    state, history = play(level, ".DRR")
    assert history[-1] == [ColumnMoved((1, 1), (2, 1)), PatrolMoved("A", (1, 0), (2, 0)),
                           Spotted("A", 3), Won()]
    assert state.troops == 1 and state.status is Status.WON


def test_a_standing_patrol_emits_no_move_event(tmp_path: Path) -> None:
    level = make_level(tmp_path, "S.A\n..G", extra=still_patrol(sight=0))
    _, history = play(level, ".")
    assert history == [[ColumnWaited((0, 0))]]


# --------------------------------------------------------------------------- values


def test_same_moves_give_equal_states_and_events(tmp_path: Path) -> None:
    level = make_level(tmp_path, """
        S.A..
        .T...
        ....G
    """, extra="patrols:\n  A: {route: RRDLLU, sight: 2, damage: 1}\n")
    moves = "D.RRDR.R"
    first, first_events = play(level, moves)
    second, second_events = play(level, moves)
    assert first == second
    assert first_events == second_events
    assert hash(first) == hash(second)
    again = make_level(tmp_path, """
        S.A..
        .T...
        ....G
    """, extra="patrols:\n  A: {route: RRDLLU, sight: 2, damage: 1}\n")
    assert play(again, moves)[0] == first


def test_undo_by_history_returns_equal_states(tmp_path: Path) -> None:
    level = make_level(tmp_path, """
        S.A..
        .....
        ....G
    """, extra="patrols:\n  A: {route: RRLL, sight: 1, damage: 1}\n")
    history = [initial_state(level)]
    for action in parse_moves("DR.R"):
        history.append(step(level, history[-1], action)[0])
    # Undo twice, then play the same moves again: the same states, compared by value.
    undone = history[:-2]
    redo = undone[-1]
    for action in parse_moves(".R"):
        redo = step(level, redo, action)[0]
    assert redo == history[-1]
    assert redo is not history[-1]
    assert undone[0] == initial_state(level)
    assert len({*history, redo}) == len(history)


def test_states_reached_by_different_paths_compare_equal(tmp_path: Path) -> None:
    level = make_level(tmp_path, "S..\n...\n..G")
    assert play(level, "RD")[0] == play(level, "DR")[0]
    assert play(level, "RD")[0] != play(level, "R.")[0]


def test_state_is_immutable(tmp_path: Path) -> None:
    level = make_level(tmp_path, "S.G")
    state = initial_state(level)
    with pytest.raises(AttributeError):
        state.turn = 3  # type: ignore[misc]


def test_move_strings_round_trip() -> None:
    assert parse_moves("rr u.L ") == [Action.RIGHT, Action.RIGHT, Action.UP, Action.WAIT,
                                      Action.LEFT]
    assert format_moves(parse_moves("UDLR.")) == "UDLR."
    with pytest.raises(ValueError, match='"x" at position 3'):
        parse_moves("UDx")
