"""What a chapter teaches: its prelude page, learning goals, discussion questions, and the
check that every quiz answer is taught before it is asked.

A chapter may open with a ``prelude:`` (a page shown before its briefing: the prologue
before chapter 1, the Zunyi Conference before chapter 2). ``goals:`` and ``discussion:``
are for the teacher's pack. A quiz question may name the key term of its answer in
``taught:`` (``{zh: 第四道封锁线, en: fourth blockade line}``); :func:`untaught` finds the
terms that appear in none of the chapter's teaching texts: the prelude, the briefing (with its
date and place), the level intros and the history card. No pygame here.
"""

from __future__ import annotations

from typing import Any

from game.content.model import Prelude as Prelude
from game.content.schema import Bilingual, Field, ListOf, Obj, Record
from game.content.sources import SOURCE_IDS, Cited
from game.i18n import Text

PRELUDE_SPEC = Obj(
    {
        "title": Field(Bilingual("The page's heading.", max_length=40)),
        "date": Field(Bilingual("When it happened.", max_length=80), required=False),
        "text": Field(Bilingual("3–5 sentences.", max_length=900)),
        "facts": Field(ListOf(Cited(max_length=200), min_items=0, max_items=5,
                              description="Key points, each with its sources."),
                       required=False, default=[]),
        "sources": Field(SOURCE_IDS),
    },
    description="A page shown before the chapter's briefing (the prologue, the Zunyi "
                "Conference).",
    what="a prelude",
)

GOALS_SPEC = ListOf(Bilingual(max_length=200), min_items=1, max_items=6,
                    description="Learning goals for the teacher's pack: what a pupil can do "
                                "after the chapter.")
DISCUSSION_SPEC = ListOf(Bilingual(max_length=300), min_items=1, max_items=5,
                         description="Discussion questions for the teacher's pack.")


def build_prelude(record: Record | None) -> Prelude | None:
    """The prelude of a validated chapter record (None when it has none)."""
    if record is None:
        return None
    return Prelude(record["title"], record["text"], tuple(record["facts"]), record["date"],
                   tuple(record["sources"]))


def texts(values: Any) -> tuple[Text, ...]:
    """A validated list of texts as a tuple (empty for None)."""
    return tuple(values) if values else ()
