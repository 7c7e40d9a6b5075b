"""What the level's message line says, and which sound plays, for each kind of event.

One table: a new mechanic's event gets one entry here, not another branch in the scene.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.core.events import (
    Ambushed,
    BaggageDropped,
    Bogged,
    BridgeBuilt,
    BridgeTakenDown,
    Caught,
    Crossed,
    Event,
    Ferried,
    Fortified,
    Hauled,
    KitsInUse,
    PatrolHeld,
    PickedUp,
    PlankLaid,
    PointFell,
    SatDown,
    SiegeBegan,
    Spotted,
    UnderFire,
    WarmedUp,
)
from game.core.level import COLLECTIBLES
from game.i18n import Text
from game.ui import palette, strings

RGB = tuple[int, int, int]
Announcement = tuple[Text, RGB, str | None]
"""(message, colour, sound effect or None)."""

ANNOUNCEMENTS: dict[type, Callable[[Any], Announcement]] = {
    Spotted: lambda e: (strings.SPOTTED.format(id=e.patrol, damage=e.damage), palette.BAD,
                        "spotted"),
    PatrolHeld: lambda e: (strings.HELD.format(id=e.patrol), palette.TEXT, None),
    Caught: lambda e: (strings.CAUGHT.format(id=e.pursuer, damage=e.damage), palette.BAD,
                       "spotted"),
    Crossed: lambda e: (strings.CROSSED.format(n=e.number), palette.GOOD, None),
    PickedUp: lambda e: (strings.PICKED_UP.format(what=COLLECTIBLES[e.kind]), palette.GOOD,
                         None),
    UnderFire: lambda e: (strings.UNDER_FIRE.format(damage=e.damage), palette.BAD, "spotted"),
    Bogged: lambda e: (strings.BOGGED.format(damage=e.damage), palette.BAD, "spotted"),
    Ambushed: lambda e: (strings.AMBUSHED.format(id=e.relief), palette.GOOD, "right"),
    WarmedUp: lambda e: (strings.WARMED_UP, palette.GOOD, None),
    PlankLaid: lambda e: (strings.PLANK_LAID, palette.GOOD, None),
    Ferried: lambda e: (strings.FERRIED_NOW.format(carried=e.carried, total=e.total),
                        palette.GOOD, None),
    SiegeBegan: lambda e: (strings.SIEGE_BEGAN if e.reliefs else strings.SIEGE_BEGAN_NO_RELIEF,
                           palette.GOOD, "right"),
    PointFell: lambda e: (strings.POINT_FELL, palette.GOOD, "right"),
    Hauled: lambda e: (strings.HAULED, palette.TEXT, None),
    BaggageDropped: lambda e: (strings.BAGGAGE_DROPPED, palette.GOOD, "right"),
    Fortified: lambda e: (strings.FORTIFIED.format(gained=e.gained, warmth=e.warmth),
                          palette.GOOD, None),
    SatDown: lambda e: (strings.SAT_DOWN.format(lost=e.lost), palette.BAD, "spotted"),
    BridgeBuilt: lambda e: (strings.BRIDGE_BUILT.format(name=e.name or strings.BRIDGE_HERE),
                            palette.GOOD, "right"),
    BridgeTakenDown: lambda e: (strings.BRIDGE_TAKEN_DOWN.format(
        name=e.name or strings.BRIDGE_HERE), palette.GOOD, None),
    KitsInUse: lambda e: (strings.KITS_IN_USE, palette.BAD, None),
}


def announce(event: Event) -> Announcement | None:
    """The message for ``event``, or None for events that need none (moves, won, lost)."""
    describe = ANNOUNCEMENTS.get(type(event))
    return describe(event) if describe is not None else None
