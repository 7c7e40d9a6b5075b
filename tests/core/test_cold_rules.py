"""Chapter 5's building blocks as golden replays: warmth lost on snow, blizzards by turn,
shelters that restore warmth, comrades to bring along.

Boards: ``*`` snow, ``h`` a shelter, ``c`` a comrade still waiting; the status line adds
``warmth n/max``.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from golden import play, write_level

from game.content.errors import ContentError
from game.core.actions import parse_moves
from game.core.events import Chilled, PickedUp, WarmedUp
from game.core.level import Level
from game.core.rules import replay, step
from game.core.state import LossReason, Status, initial_state


def make(tmp_path: Path, board: str, extra: str) -> Level:
    """A level from a few lines of map (see ``golden.write_level``)."""
    return write_level(tmp_path, board, extra, troops=10, turns=30,
                       legend="h: snow + shelter\nc: snow + comrade\n")


def test_snow_costs_warmth_and_a_shelter_restores_it(tmp_path: Path) -> None:
    level = make(tmp_path, """
        S**h**G
    """, "warmth: 3\n")
    assert play(level, "RR") == textwrap.dedent("""\
        .*@h**G
        turn 2/30 troops 10 warmth 1/3 playing""")
    state, events = step(level, replay(level, initial_state(level), parse_moves("RR")),
                         parse_moves("R")[0])
    assert WarmedUp(3) in events and state.warmth == 3
    assert play(level, "RRRRRR") == textwrap.dedent("""\
        .**h**@
        turn 6/30 troops 10 warmth 1/3 won""")


def test_no_warmth_left_loses(tmp_path: Path) -> None:
    level = make(tmp_path, """
        S***G
    """, "warmth: 2\n")
    final = replay(level, initial_state(level), parse_moves("RR"))
    assert (final.status, final.reason) == (Status.LOST, LossReason.FROZE)


def test_a_blizzard_doubles_the_cold_on_snow(tmp_path: Path) -> None:
    level = make(tmp_path, """
        S**G
    """, "warmth: 9\nweather: '.*'\n")
    state, events = step(level, initial_state(level), parse_moves("R")[0])  # turn 1: calm
    assert Chilled(1, 8) in events
    state, events = step(level, state, parse_moves("R")[0])  # turn 2: blizzard
    assert Chilled(2, 6) in events


def test_a_blizzard_chills_open_ground_but_not_the_trees(tmp_path: Path) -> None:
    level = make(tmp_path, """
        S.TG
    """, "warmth: 9\nweather: '**'\n")
    state, events = step(level, initial_state(level), parse_moves("R")[0])
    assert Chilled(1, 8) in events
    state, events = step(level, state, parse_moves("R")[0])
    assert state.warmth == 8 and not any(isinstance(e, Chilled) for e in events)


def test_comrades_are_brought_along(tmp_path: Path) -> None:
    level = make(tmp_path, """
        SchG
    """, "warmth: 5\n")
    state, events = step(level, initial_state(level), parse_moves("R")[0])
    assert PickedUp("comrade") in events and level.carrying("comrade", state.taken) == 1


def test_shelters_need_a_cold_level(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as error:
        make(tmp_path, """
            ShG
        """, "")
    assert "only matter on a cold level" in error.value.problems[0].message
