"""Every kind of event is either announced on the message line or deliberately silent."""

from __future__ import annotations

import typing

from game.core import events
from game.core.events import PickedUp, Spotted
from game.i18n import Text
from game.ui.announce import ANNOUNCEMENTS, announce

SILENT = {events.ColumnMoved, events.ColumnWaited, events.PatrolMoved, events.PursuerMoved,
          events.Chilled, events.PlankPushed, events.Won, events.Lost}


def test_every_event_kind_is_announced_or_silent_on_purpose() -> None:
    kinds = set(typing.get_args(events.Event))
    assert kinds == set(ANNOUNCEMENTS) | SILENT
    assert not set(ANNOUNCEMENTS) & SILENT


def test_announcements_are_bilingual_and_filled_in() -> None:
    text, _, sound = announce(Spotted("A", 20)) or (Text("", ""), (0, 0, 0), None)
    assert text == Text("被巡逻队 A 发现！兵力 -20", "Spotted by patrol A! Troops -20")
    assert sound == "spotted"
    found = announce(PickedUp("boat"))
    assert found is not None and found[0] == Text("找到了船只！", "Found a boat!")


def test_the_siege_is_announced_as_it_begins_and_when_the_point_falls() -> None:
    from game.core.events import PointFell, SiegeBegan
    from game.ui import strings

    began = announce(SiegeBegan(2))
    assert began is not None and began[0] == strings.SIEGE_BEGAN and "援军" in began[0].zh
    alone = announce(SiegeBegan(0))
    assert alone is not None and "relief" not in alone[0].en
    fell = announce(PointFell())
    assert fell is not None and fell[0] == strings.POINT_FELL and "garrison" in fell[0].en


def test_the_baggage_is_announced_when_it_slows_the_column_and_when_it_is_left() -> None:
    slowed = announce(events.Hauled((1, 2)))
    assert slowed is not None and "两个回合" in slowed[0].zh and "two turns" in slowed[0].en
    left = announce(events.BaggageDropped((1, 2)))
    assert left is not None and left[0].en.startswith("The heavy baggage is left behind")


def test_pontoon_bridges_are_announced_by_the_crossing_s_name() -> None:
    maotai = Text("茅台", "Maotai")
    built = announce(events.BridgeBuilt("m", maotai))
    assert built is not None
    assert built[0] == Text("工兵在茅台架起了浮桥！追兵也能从桥上过来。",
                            "The engineers bridged the river at Maotai! Pursuers can cross it "
                            "too.")
    busy = announce(events.KitsInUse("m", maotai))
    assert busy is not None and "拆下" in busy[0].zh and "take it down" in busy[0].en
    down = announce(events.BridgeTakenDown("m"))  # a site without a name
    assert down is not None
    assert down[0].zh.startswith("这里的浮桥拆下了") and "cut off" in down[0].en
