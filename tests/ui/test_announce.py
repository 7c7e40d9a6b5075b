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


def test_the_baggage_is_announced_when_it_slows_the_column_and_when_it_is_left() -> None:
    slowed = announce(events.Hauled((1, 2)))
    assert slowed is not None and "两个回合" in slowed[0].zh and "two turns" in slowed[0].en
    left = announce(events.BaggageDropped((1, 2)))
    assert left is not None and left[0].en.startswith("The heavy baggage is left behind")
