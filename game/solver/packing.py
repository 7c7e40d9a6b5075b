"""A rule state packed into one int, for the solver's millions of stored positions.

:class:`Packer` is compiled once per level: every field of :class:`~game.core.state.State`
that the future depends on (everything but the turn, the troops and the status) becomes a
few bits of one Python int, the *key*. Cells are numbered ``y * width + x``; a patrol is
its cell and route step; planks are a fixed number of slots (cell + 1, 0 once laid).
Whatever runs on a timetable adds the turn's phase in the level's period and the turns of
disguise used (see :func:`game.core.state.search_key`, whose rule this follows).

A key takes about 40 bytes where the ``State`` it stands for took over a kilobyte, and it
hashes and compares as one number. :meth:`Packer.unpack` rebuilds the exact ``State``
from a key, the turn and the troops, so the search stores keys and expands states.
"""

from __future__ import annotations

from collections.abc import Callable

from game.core.level import Level, Pos
from game.core.state import PatrolState, State, Status


def _bits(largest: int) -> int:
    """Bits to hold every value in ``0..largest``."""
    return max(1, largest.bit_length())


class Packer:
    """Packs and unpacks the states of one level (see the module docstring).

    ``pack`` and ``unpack`` are generated once per level as straight-line Python over the
    fields the level uses (a level without planks never looks at them), then compiled:
    the fastest plain Python can do, and ``unpack(pack(s), s.turn, s.troops) == s``.
    """

    pack: Callable[[State], int]
    """The key of a state: equal keys have equal futures but for turn and troops."""
    unpack: Callable[[int, int, int], State]
    """The playing state with a key, at a turn, with troops."""

    def __init__(self, level: Level) -> None:
        self.level = level
        width = level.width
        cells = level.width * level.height
        cb = _bits(cells)
        fields: list[tuple[str, int, str]] = []
        """(value to pack from state ``s``, bits, name it is unpacked into)"""
        for i, patrol in enumerate(level.patrols):
            fields.append((f"s.patrols[{i}].pos[1] * {width} + s.patrols[{i}].pos[0]", cb,
                           f"pc{i}"))
            fields.append((f"s.patrols[{i}].step", _bits(len(patrol.route)), f"ps{i}"))
        for i in range(len(level.pursuers)):
            fields.append((f"s.pursuers[{i}][1] * {width} + s.pursuers[{i}][0]", cb,
                           f"u{i}"))
        regions = max([0, *(level.region(p) for p in _cells(level))]) + 1
        optional = [
            ("s.crossings", level.goal.crossings, "crossings"),
            ("s.region + 1", regions + 1 if regions > 1 else 0, "region1"),
            ("s.taken", (1 << len(level.items)) - 1, "taken"),
            ("s.ferried", level.goal.units, "ferried"),
            ("s.laid", (1 << sum(1 for p in _cells(level) if level.chain_index(p) >= 0)) - 1,
             "laid"),
            ("s.warmth", level.most_warmth, "warmth"),
            ("s.held", max(level.turn_limit, 1 + len(level.allies))
             if level.goal.kind in ("hold", "meet") else 0, "held"),
            ("s.besieged", 1 if level.siege else 0, "besieged"),
            ("s.bridges", (1 << len(level.pontoons)) - 1, "bridges"),
        ]
        fields += [(value, _bits(largest), name) for value, largest, name in optional
                   if largest > 0]
        for i in range(len(level.planks)):
            fields.append((f"(s.planks[{i}][1] * {width} + s.planks[{i}][0] + 1 "
                           f"if len(s.planks) > {i} else 0)", _bits(cells + 1), f"k{i}"))
        for i, relief in enumerate(level.reliefs):
            fields.append((f"s.reliefs[{i}] + 1", _bits(len(relief.route) + 1), f"r{i}"))
        for i in range(len(level.allies)):
            fields.append((f"s.allies[{i}][1] * {width} + s.allies[{i}][0]", cb, f"a{i}"))
        if level.turn_period > 1 or level.disguise > 0:
            fields.append((f"s.turn % {level.turn_period}", _bits(level.turn_period), "_p"))
            fields.append((f"min(s.turn, {level.disguise})", _bits(level.disguise), "_d"))
        pack = [f"    k = s.pos[1] * {width} + s.pos[0]"]
        pack += [f"    k = (k << {bits}) | ({value})" for value, bits, _ in fields]
        unpack = []
        for _, bits, name in reversed(fields):
            unpack.append(f"    {name} = k & {(1 << bits) - 1}; k >>= {bits}")
        unpack.append(f"    pos = (k % {width}, k // {width})")

        def cell(name: str) -> str:
            return f"({name} % {width}, {name} // {width})"

        patrols = "".join(f"P({cell(f'pc{i}')}, ps{i}), " for i in range(len(level.patrols)))
        pursuers = "".join(f"{cell(f'u{i}')}, " for i in range(len(level.pursuers)))
        planks = ", ".join(f"{cell(f'(k{i} - 1)')}" for i in range(len(level.planks)))
        present = {name for _, _, name in fields}

        def either(name: str, default: str) -> str:
            return name if name in present else default

        region = "region1 - 1" if "region1" in present else str(level.region(level.start))
        build = (
            f"S(turn, pos, troops, ({patrols}), PLAYING, None, ({pursuers}), "
            f"{either('crossings', '0')}, {region}, {either('taken', '0')}, "
            f"{either('ferried', '0')}, "
            + (f"tuple(p for p, n in zip(({planks},), ({', '.join(f'k{i}' for i in range(len(level.planks)))},)) if n), "  # noqa: E501
               if level.planks else "(), ")
            + f"{either('laid', '0')}, {either('warmth', '0')}, "
            f"({''.join(f'r{i} - 1, ' for i in range(len(level.reliefs)))}), "
            f"{either('held', '0')}, "
            f"({''.join(cell(f'a{i}') + ', ' for i in range(len(level.allies)))}), "
            f"{either('bridges', '0')}, "
            f"{'besieged == 1' if 'besieged' in present else 'False'})"
        )
        unpack.append(f"    return {build}")
        source = ("def pack(s):\n" + "\n".join(pack) + "\n    return k\n"
                  "def unpack(k, turn, troops):\n" + "\n".join(unpack) + "\n")
        scope: dict[str, object] = {"S": State, "P": PatrolState, "PLAYING": Status.PLAYING}
        exec(compile(source, f"<packer for {level.id}>", "exec"), scope)
        self.source = source
        self.pack = scope["pack"]  # type: ignore[assignment]
        self.unpack = scope["unpack"]  # type: ignore[assignment]


def _cells(level: Level) -> list[Pos]:
    return [(x, y) for y in range(level.height) for x in range(level.width)]
