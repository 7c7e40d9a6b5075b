"""Terrain kinds, defined once as immutable data and asked about through capabilities."""

from __future__ import annotations

from dataclasses import dataclass

from game.i18n import Text


@dataclass(frozen=True, slots=True)
class Terrain:
    """One kind of ground. Rules ask its capabilities, never its name."""

    name: str
    label: Text
    passable: bool = True
    blocks_sight: bool = False
    hides: bool = False
    water: bool = False
    """Water is crossed by the column only; pursuing armies stop at it, and leaving one bank
    of water for another counts as a river crossing."""

    def __repr__(self) -> str:
        return f"Terrain({self.name})"


PLAIN = Terrain("plain", Text("平地", "open ground"))
ROAD = Terrain("road", Text("道路", "road"))
FOREST = Terrain("forest", Text("树林", "forest"), blocks_sight=True, hides=True)
HILLS = Terrain("hills", Text("山岭", "hills"), passable=False, blocks_sight=True)
RIVER = Terrain("river", Text("江河", "river"), passable=False, water=True)
FORD = Terrain("ford", Text("渡口", "ford"), water=True)
FERRY = Terrain("ferry", Text("渡船", "ferry"), water=True)
"""A ferry crossing; a level's ``ferries:`` says on which turns its boats run."""
BANK = Terrain("bank", Text("对岸", "far bank"))
SNOW = Terrain("snow", Text("雪地", "snow"))
"""Every turn ended on snow costs warmth (see ``Level.warmth``)."""
GRASSLAND = Terrain("grassland", Text("草地", "grassland"))
BOG = Terrain("bog", Text("沼泽", "bog"))
"""Marsh that looks like grassland until it is seen from next to it, or a guide shows it;
every turn ended in it costs troops, unless a guide leads the way."""
CHAIN = Terrain("chain", Text("铁索", "bare iron chains"), passable=False)
"""Bridge chains with the planks taken away: impassable until a plank is pushed onto them."""
DECK = Terrain("deck", Text("桥板", "bridge deck"))
CLIFF = Terrain("cliff", Text("悬崖", "cliff"), passable=False, blocks_sight=True)

#: Every terrain kind by name; a level's legend refers to these names.
TERRAIN: dict[str, Terrain] = {
    t.name: t
    for t in (PLAIN, ROAD, FOREST, HILLS, RIVER, FORD, FERRY, BANK, CHAIN, DECK, CLIFF, SNOW,
              GRASSLAND, BOG)
}
