"""Who costs the column its troops: replay a route through the game's ``step`` and add up
each enemy's and each block's losses from the events, with the cells where they happened.

Names follow the game's (the letters drawn on the sprites): 巡逻队 A / patrol A, 追兵 P /
pursuer P, 火力区 F / fire lane F, and 沼泽 / the bogs. Cells are named as the loader's
messages name them: row and column counted from 1.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.core.actions import Action
from game.core.events import Bogged, Caught, Spotted, UnderFire
from game.core.level import Level, Pos
from game.core.rules import step
from game.core.state import State
from game.i18n import Text


@dataclass(slots=True)
class Loss:
    """What one enemy or block cost along a route: ``troops`` in all, at ``cells``."""

    name: Text
    troops: int = 0
    cells: list[Pos] = field(default_factory=list)


def enemy_name(kind: str, ident: str) -> Text:
    """An enemy as the game names it: ``kind`` is patrol, pursuer, fire or relief."""
    zh, en = {"patrol": ("巡逻队", "patrol"), "pursuer": ("追兵", "pursuer"),
              "fire": ("火力区", "fire lane"), "relief": ("援军", "relief column")}[kind]
    return Text(f"{zh} {ident}", f"{en} {ident}")


def cell_name(pos: Pos) -> Text:
    """A cell, counted from 1 as the loader's messages count it."""
    x, y = pos
    return Text(f"第 {y + 1} 行第 {x + 1} 列", f"row {y + 1}, column {x + 1}")


def place_name(cells: list[Pos]) -> Text:
    """Where losses happened: one cell, one row, one column, or the first of several."""
    distinct = sorted(set(cells), key=lambda pos: (pos[1], pos[0]))
    if len(distinct) == 1:
        where = cell_name(distinct[0])
        return Text(f"在{where.zh}", f"at {where.en}")
    if len({y for _, y in distinct}) == 1:
        row = distinct[0][1] + 1
        return Text(f"在第 {row} 行", f"in row {row}")
    if len({x for x, _ in distinct}) == 1:
        column = distinct[0][0] + 1
        return Text(f"在第 {column} 列", f"in column {column}")
    first = cell_name(cells[0])
    return Text(f"从{first.zh}起共 {len(distinct)} 格",
                f"on {len(distinct)} cells from {first.en}")


def _fire_at(level: Level, armies: tuple[Pos, ...], turn: int) -> tuple[str, Pos] | None:
    for fire in level.fires:
        if fire.firing_on(turn):
            for pos in armies:
                if pos in fire.cells:
                    return fire.id, pos
    return None


def losses(level: Level, start: State, moves: tuple[Action, ...]) -> list[Loss]:
    """Each enemy's and block's losses along ``moves`` from ``start``, the costliest first
    (ties in the order first met)."""
    found: dict[tuple[str, str], Loss] = {}
    state = start
    for action in moves:
        state, events = step(level, state, action)
        armies = (state.pos, *state.allies)
        for event in events:
            where: Pos = state.pos
            if isinstance(event, Spotted):
                key, damage = ("patrol", event.patrol), event.damage
                spec = next(p for p in level.patrols if p.id == event.patrol)
                seen_by = state.patrols[level.patrols.index(spec)].pos
                sight = level.seen_from(seen_by, spec.sight)
                where = next((pos for pos in armies if pos in sight), where)
            elif isinstance(event, Caught):
                key, damage = ("pursuer", event.pursuer), event.damage
            elif isinstance(event, UnderFire):
                fire = _fire_at(level, armies, state.turn)
                key, damage = ("fire", fire[0] if fire else ""), event.damage
                where = fire[1] if fire else where
            elif isinstance(event, Bogged):
                key, damage = ("bog", ""), event.damage
                where = next((pos for pos in armies if level.terrain(pos).name == "bog"),
                             where)
            else:
                continue
            if key not in found:
                name = (Text("沼泽", "the bogs") if key[0] == "bog"
                        else enemy_name(*key))
                found[key] = Loss(name)
            found[key].troops += damage
            found[key].cells.append(where)
    return sorted(found.values(), key=lambda loss: -loss.troops)


def blame(found: list[Loss]) -> Text | None:
    """The costliest loss (two, when they tie) as a clause: "patrol A costs 20 of them at
    row 1, column 3"; None when nothing cost troops."""
    if not found:
        return None
    worst = [loss for loss in found if loss.troops == found[0].troops][:2]
    parts = [(loss.name, loss.troops, place_name(loss.cells)) for loss in worst]
    zh = "，".join(f"{name.zh} {where.zh}让队伍损失{troops}" for name, troops, where in parts)
    en = " and ".join(f"{name.en} costs {troops} {where.en}" for name, troops, where in parts)
    return Text(zh, en)
