"""What happened during one step, for the shell to animate, sound and explain.

Events are named tuples: immutable values that are cheap to make, since the solver makes
millions of them.
"""

from __future__ import annotations

from typing import NamedTuple

from game.core.level import Pos
from game.core.state import LossReason
from game.i18n import Text


class ColumnMoved(NamedTuple):
    """The Red Army column moved from one cell to the next."""

    start: Pos
    end: Pos


class ColumnWaited(NamedTuple):
    """The column held its position for a turn."""

    pos: Pos


class PatrolMoved(NamedTuple):
    """An enemy patrol walked one step of its route."""

    patrol: str
    start: Pos
    end: Pos


class PatrolHeld(NamedTuple):
    """A patrol could not step because the column stood in its way."""

    patrol: str
    pos: Pos


class PursuerMoved(NamedTuple):
    """A pursuing army stepped toward the column."""

    pursuer: str
    start: Pos
    end: Pos


class Caught(NamedTuple):
    """A pursuer ended the turn next to the column, costing troops."""

    pursuer: str
    damage: int


class Crossed(NamedTuple):
    """The column reached land on another bank: its ``number``-th river crossing."""

    number: int


class PickedUp(NamedTuple):
    """The column picked up an item (a boat, a boatman...)."""

    kind: str


class Ferried(NamedTuple):
    """Boats carried ``carried`` companies across; ``total`` are across now."""

    carried: int
    total: int


class PlankPushed(NamedTuple):
    """The column pushed a loose plank one cell on."""

    start: Pos
    end: Pos


class PlankLaid(NamedTuple):
    """A pushed plank covered bare bridge chains at ``pos``: the way is open there."""

    pos: Pos


class UnderFire(NamedTuple):
    """The column ended the turn in a fire lane while it was firing."""

    damage: int


class Chilled(NamedTuple):
    """The cold cost ``lost`` warmth; ``left`` remains."""

    lost: int
    left: int


class WarmedUp(NamedTuple):
    """A shelter restored the column's warmth to ``warmth``."""

    warmth: int


class Bogged(NamedTuple):
    """The column ended the turn in a bog, costing troops."""

    damage: int


class Ambushed(NamedTuple):
    """The column ambushed a relief column from the forest: it is stopped."""

    relief: str


class Spotted(NamedTuple):
    """A patrol saw the column at the end of the turn, costing troops."""

    patrol: str
    damage: int


class Won(NamedTuple):
    """The goal was reached."""


class Lost(NamedTuple):
    """The level was lost, and why."""

    reason: LossReason


class SiegeBegan(NamedTuple):
    """The column ended a turn next to the enemy-held point: the siege has begun, and the
    level's ``reliefs`` relief columns set out next turn."""

    reliefs: int


class PointFell(NamedTuple):
    """Every relief column has been stopped, so the besieged garrison fell: the point may
    be entered now."""


class BaggageDropped(NamedTuple):
    """The loaded column left its heavy baggage at ``pos``: from now on it marches light."""

    pos: Pos


class Hauled(NamedTuple):
    """The heavy baggage holds the column back: this move takes two turns (the second in
    place at ``pos``, unless the first ends the level). It comes right after the move."""

    pos: Pos


class Fortified(NamedTuple):
    """The column drank chilli water and ginger soup: ``gained`` warmth, ``warmth`` now
    (it may be above the level's usual maximum)."""

    gained: int
    warmth: int


class SatDown(NamedTuple):
    """The column stood still on snow: resting cost ``lost`` warmth beyond the usual cold."""

    lost: int


class BridgeBuilt(NamedTuple):
    """The engineers built the pontoon bridge at ``site`` (called ``name``, if the level
    names it): the river can be crossed there, by pursuers too."""

    site: str
    name: Text | None = None


class BridgeTakenDown(NamedTuple):
    """The engineers took the pontoon bridge at ``site`` down: its materials are free again
    and pursuers cannot follow there."""

    site: str
    name: Text | None = None


class KitsInUse(NamedTuple):
    """The column waited beside pontoon site ``site`` to bridge it, but every kit is in a
    bridge elsewhere, so nothing was built."""

    site: str
    name: Text | None = None


Event = (ColumnMoved | ColumnWaited | PatrolMoved | PatrolHeld | PursuerMoved | Caught | Crossed
         | PickedUp | Ferried | PlankPushed | PlankLaid | UnderFire | Chilled | WarmedUp
         | Bogged | Ambushed | Spotted | Won | Lost
         | SiegeBegan | PointFell | BaggageDropped | Hauled | Fortified | SatDown
         | BridgeBuilt | BridgeTakenDown | KitsInUse)
