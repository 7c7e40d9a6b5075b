"""The solver on levels with a point to besiege equals an exhaustive search: the siege's
move bound stays a lower bound, and the packer keeps whether the siege was laid."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from test_solver_objective import assert_best, write_level

from game.content.errors import ContentError


@st.composite
def siege_levels(draw: st.DrawFn) -> tuple[list[str], str, int, int]:
    """A 6x4 map of open ground, forest and hills with a start, a point of one or two cells
    and up to two relief columns; the goal is to take the point (or, sometimes, to reach a
    gold cell past it)."""
    width, height = 6, 4
    cells = [[draw(st.sampled_from("....TT^")) for _ in range(width)] for _ in range(height)]
    cells[draw(st.integers(0, height - 1))][0] = "S"
    px, py = draw(st.integers(2, width - 2)), draw(st.integers(0, height - 1))
    cells[py][px] = "M"
    if draw(st.booleans()):
        cells[py][px + 1] = "M"
    take = draw(st.booleans())
    if not take:
        cells[draw(st.integers(0, height - 1))][width - 1] = "G"
    reliefs = ""
    for name in "AB"[:draw(st.integers(0, 2))]:
        x, y = draw(st.integers(1, width - 1)), draw(st.integers(0, height - 1))
        if cells[y][x] in "SMG":
            continue
        cells[y][x] = name
        route = draw(st.text(alphabet="UDLR.", min_size=1, max_size=5))
        reliefs += f"  {name}: {{route: \"{route}\", on: plain}}\n"
    extra = "legend:\n  M: plain + siege\n"
    extra += "goal: {kind: take}\n" if take else ""
    if reliefs:
        extra += "reliefs:\n" + reliefs
    return ["".join(row) for row in cells], extra, 30, draw(st.integers(4, 14))


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much])
@given(siege_levels())
def test_random_siege_levels_match_an_exhaustive_search(
    tmp_path: Path, drawn: tuple[list[str], str, int, int]
) -> None:
    rows, extra, troops, turns = drawn
    try:
        level = write_level(tmp_path, rows, extra, troops, turns)
    except ContentError:  # a relief's march into the hills, say: the loader refuses it
        assume(False)
    assert_best(level)
