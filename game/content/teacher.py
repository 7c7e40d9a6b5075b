"""The teacher's file (``levels/teacher.yaml``): a 40-minute lesson plan, a glossary and a
note on why sources give different numbers. The teacher's pack is built from it together
with the chapters' goals and discussion questions. No pygame here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.content.errors import ContentError
from game.content.schema import INVALID, Bilingual, Context, Field, Int, ListOf, Obj, Record
from game.content.sources import SOURCE_IDS, Cited
from game.content.yamlsafe import load_yaml_file
from game.i18n import Text

TEACHER_FILE = "teacher.yaml"
LESSON_MINUTES = 40


@dataclass(frozen=True, slots=True)
class Step:
    """One step of the lesson plan."""

    minutes: int
    activity: Text


@dataclass(frozen=True, slots=True)
class Term:
    """A glossary entry."""

    term: Text
    meaning: Text


@dataclass(frozen=True, slots=True)
class NumbersCase:
    """One topic on which sources give different numbers, and how the game words it."""

    topic: Text
    figures: Text
    why: Text
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TeacherNotes:
    """Everything in ``teacher.yaml``."""

    lesson_plan: tuple[Step, ...]
    glossary: tuple[Term, ...]
    numbers_intro: Text
    numbers_cases: tuple[NumbersCase, ...]
    numbers_rule: Text


def _check_minutes(record: Record, ctx: Context) -> None:
    total = sum(step["minutes"] for step in record["lesson_plan"])
    if total != LESSON_MINUTES:
        ctx.error(record.at("lesson_plan"), f"the lesson plan adds up to {total} minutes; "
                                            f"make it {LESSON_MINUTES}")


TEACHER_SPEC = Obj(
    {
        "lesson_plan": Field(ListOf(Obj({
            "minutes": Field(Int("Minutes for this step.", 1, LESSON_MINUTES)),
            "activity": Field(Bilingual("What the class does.", max_length=400)),
        }, description="One step of the lesson.", what="a lesson step"), min_items=2,
            max_items=10, description="A 40-minute lesson, step by step.")),
        "glossary": Field(ListOf(Obj({
            "term": Field(Bilingual("The term.", max_length=60)),
            "meaning": Field(Cited("What it means, with sources: [ids].", max_length=400)),
        }, description="A glossary entry.", what="a glossary entry"), min_items=1,
            max_items=60, description="Terms pupils meet in the game.")),
        "numbers_note": Field(Obj({
            "intro": Field(Bilingual("Why numbers differ, in general.", max_length=800)),
            "cases": Field(ListOf(Obj({
                "topic": Field(Bilingual(max_length=80)),
                "figures": Field(Bilingual("What each source says.", max_length=400)),
                "why": Field(Bilingual("Why they differ, and how the game words it.",
                                       max_length=400)),
                "sources": Field(SOURCE_IDS),
            }, description="One topic with differing figures.", what="a case"),
                min_items=1, max_items=10)),
            "rule": Field(Bilingual("The rule the texts follow.", max_length=600)),
        }, description="The one-page note on why sources give different numbers.",
            what="the numbers note")),
    },
    description="The teacher's pack: lesson plan, glossary and the note on numbers.",
    what="the teacher's file",
    check=_check_minutes,
)


def load_teacher(path: Path, shown: str | None = None) -> TeacherNotes:
    """Read and validate ``teacher.yaml``; raise :class:`ContentError` listing every problem."""
    shown = shown or str(path)
    ctx = Context(shown)
    record = TEACHER_SPEC.validate(load_yaml_file(path, shown), ctx)
    if record is INVALID:
        raise ContentError(ctx.problems)
    note = record["numbers_note"]
    return TeacherNotes(
        tuple(Step(s["minutes"], s["activity"]) for s in record["lesson_plan"]),
        tuple(Term(g["term"], g["meaning"]) for g in record["glossary"]),
        note["intro"],
        tuple(NumbersCase(c["topic"], c["figures"], c["why"], tuple(c["sources"]))
              for c in note["cases"]),
        note["rule"],
    )
