"""The campaign: ``campaign.yaml`` orders chapter folders; each has ``chapter.yaml``.

A chapter file holds the briefing, the history card and the names of its level and quiz
files, all relative to its own folder; nothing may point outside the campaign's folder.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml

from game.content.errors import ContentError, Problem, did_you_mean, excerpt
from game.content.levels import ID_HINT, ID_PATTERN, load_level
from game.content.model import Campaign as Campaign
from game.content.model import Chapter as Chapter
from game.content.model import Ending as Ending
from game.content.model import HistoryCard as HistoryCard
from game.content.model import PoemLine as PoemLine
from game.content.model import RoutePoint as RoutePoint
from game.content.paths import refusal
from game.content.quiz import load_quiz
from game.content.schema import (
    INVALID,
    AnyOf,
    Bilingual,
    Context,
    Field,
    Int,
    ListOf,
    Null,
    Obj,
    Record,
    Str,
)
from game.content.sources import Cited
from game.content.teaching import (
    DISCUSSION_SPEC,
    GOALS_SPEC,
    PRELUDE_SPEC,
    build_prelude,
    texts,
)
from game.content.yamlsafe import load_yaml_file
from game.core.level import Level

CAMPAIGN_FILE = "campaign.yaml"
CHAPTER_FILE = "chapter.yaml"
ENDING_FILE = "ending.yaml"


_RELATIVE = Str("A file name relative to this folder.", pattern=r"[^/\\:]+(/[^/\\:]+)*",
                pattern_hint="must be a file name inside this folder (no absolute paths)")

CARD_SPEC = Obj(
    {
        "facts": Field(ListOf(Cited(max_length=200), min_items=1, max_items=8,
                              description="Key dates, places, numbers and people, each "
                                          "with sources: [ids from sources.yaml].")),
        "quote": Field(Bilingual("A quotation or the poem line that belongs to the chapter.")),
        "quote_source": Field(Bilingual("Who said or wrote the quotation, and when.")),
    },
    description="The history card (知识卡片) kept after finishing the chapter.",
    what="a history card",
)

CHAPTER_SPEC = Obj(
    {
        "id": Field(Str("Chapter id; levels and the quiz name it in chapter:.",
                        pattern=ID_PATTERN, pattern_hint=ID_HINT, max_length=60)),
        "title": Field(Bilingual("The chapter's name.", max_length=40)),
        "date": Field(Bilingual("When it happened.", max_length=80)),
        "place": Field(Bilingual("Where it happened.", max_length=120)),
        "briefing": Field(Bilingual("3–5 sentences: what happened and why it mattered.",
                                    max_length=1200)),
        "sources": Field(ListOf(Str(max_length=200), min_items=1,
                                description="Fact-sheet ids the briefing and card rest on.")),
        "levels": Field(ListOf(_RELATIVE, min_items=0, max_items=20,
                               description="Level files, in the order they are played. A "
                                           "chapter being drafted may have none yet, but "
                                           "then it cannot be listed in campaign.yaml.")),
        "quiz": Field(_RELATIVE, required=False),
        "card": Field(CARD_SPEC, required=False),
        "prelude": Field(PRELUDE_SPEC, required=False),
        "goals": Field(GOALS_SPEC, required=False),
        "discussion": Field(DISCUSSION_SPEC, required=False),
    },
    description="A chapter of the campaign.",
    what="a chapter",
)

_CHAPTER_OR_NONE = AnyOf(
    (Str(pattern=ID_PATTERN, pattern_hint=ID_HINT), Null()),
    lambda node: Null() if getattr(node, "tag", "").endswith(":null") else Str(
        pattern=ID_PATTERN, pattern_hint=ID_HINT),
    "The chapter id the line belongs to, or null for the whole march.",
)

ENDING_SPEC = Obj(
    {
        "title": Field(Bilingual("The closing screen's heading.", max_length=40)),
        "meaning": Field(Bilingual("2–4 sentences on what the Long March meant.",
                                   max_length=1200)),
        "quote": Field(Bilingual("The closing quotation.", max_length=300)),
        "quote_source": Field(Bilingual("Who said it, and when.")),
        "poem": Field(ListOf(Obj({"line": Field(Bilingual(max_length=120)),
                                  "chapter": Field(_CHAPTER_OR_NONE)},
                                 description="A line of the poem and its chapter.",
                                 what="a poem line"),
                             min_items=1, max_items=20, description="The poem, line by line.")),
        "poem_source": Field(Bilingual("The poem's author and date.")),
        "sources": Field(ListOf(Str(max_length=200), min_items=1,
                                description="Fact-sheet ids the ending rests on.")),
    },
    description="The closing screen after the last chapter.",
    what="the ending",
)

ROUTE_POINT_SPEC = Obj(
    {
        "name": Field(Bilingual("The place's name.", max_length=30)),
        "at": Field(ListOf(Int(minimum=0, maximum=100), min_items=2, max_items=2,
                           description="[x, y]: x from 0 (west) to 100 (east), y from 0 "
                                       "(north) to 60 (south).")),
        "chapter": Field(Str("The chapter whose stop this is.", pattern=ID_PATTERN,
                             pattern_hint=ID_HINT), required=False),
        "date": Field(Bilingual("When the march passed here.", max_length=40), required=False),
    },
    description="A place on the route map.",
    what="a route point",
)

CAMPAIGN_SPEC = Obj(
    {
        "title": Field(Bilingual("The campaign's name.", max_length=40)),
        "route": Field(ListOf(ROUTE_POINT_SPEC, min_items=0, max_items=60,
                              description="The route map, in marching order."),
                       required=False, default=[]),
        "chapters": Field(ListOf(_RELATIVE, min_items=1, max_items=30,
                                 description="Chapter folders, in the order they are played.")),
        "ending": Field(_RELATIVE, required=False),
    },
    description="The order of the chapters.",
    what="the campaign",
)


def _inside(root: Path, relative: str) -> Path | None:
    """``root / relative`` if it stays inside ``root`` (no ``..``, no links out), else None."""
    target = root / relative
    try:
        target.resolve().relative_to(root.resolve())
    except ValueError:
        return None
    return target


Display = Callable[[Path], str]


def default_display(root: Path) -> Display:
    """Show paths relative to the folder that holds the campaign (``levels/...``)."""

    def shown(path: Path) -> str:
        try:
            return str(path.relative_to(root.parent))
        except ValueError:
            return str(path)

    return shown


def _validate(path: Path, spec: Obj, shown: str, problems: list[Problem]) -> Record | None:
    try:
        node = load_yaml_file(path, shown)
    except ContentError as error:
        problems.extend(error.problems)
        return None
    ctx = Context(shown)
    record = spec.validate(node, ctx)
    problems.extend(ctx.problems)
    return None if record is INVALID else record


def load_campaign(root: Path, display: Display | None = None) -> Campaign:
    """Load ``root/campaign.yaml`` and every chapter, level and quiz it names.

    Raises one :class:`ContentError` listing every problem in every file.
    """
    problems: list[Problem] = []
    show = display or default_display(root)
    campaign_path = root / CAMPAIGN_FILE
    record = _validate(campaign_path, CAMPAIGN_SPEC, show(campaign_path), problems)
    chapters: list[Chapter] = []
    unloaded: set[str] = set()  # ids of listed chapters that have problems: no cascade errors
    known: dict[Path, set[str]] = {}  # chapter file -> its id, each file parsed once
    if record is not None:
        seen: set[str] = set()
        level_files: dict[str, str] = {}
        folders = zip(record["chapters"], record.at("chapters").value, strict=True)
        for folder_name, folder_node in folders:
            folder = _inside(root, folder_name)
            if folder is None or not (folder / CHAPTER_FILE).is_file():
                problems.append(_at(show(campaign_path), folder_node,
                                    f'no chapter folder "{excerpt(folder_name)}" with a '
                                    f"{CHAPTER_FILE} inside {root.name}/"))
                continue
            chapter = load_chapter(folder, root, problems, show)
            if chapter is None:
                known[folder / CHAPTER_FILE] = ids_in_chapter_file(folder / CHAPTER_FILE)
                unloaded.update(known[folder / CHAPTER_FILE])
            else:
                known[folder / CHAPTER_FILE] = {chapter.id}
            if chapter is not None and not chapter.levels:
                unloaded.add(chapter.id)
                problems.append(_at(show(campaign_path), folder_node,
                                    f'the chapter "{chapter.id}" has no levels yet: add level '
                                    "files to its chapter.yaml, or leave it out of the campaign "
                                    "until it has some"))
                continue
            if chapter is not None:
                if chapter.id in seen:
                    problems.append(_at(show(campaign_path), folder_node,
                                        f'the chapter id "{chapter.id}" is used twice'))
                seen.add(chapter.id)
                for level in chapter.levels:
                    if level.id in level_files:
                        problems.append(Problem(level.source, 0, 0,
                                                f'the level id "{level.id}" is also used by '
                                                f"{level_files[level.id]}; progress is saved "
                                                "by id, so ids must be unique"))
                    level_files.setdefault(level.id, level.source)
                chapters.append(chapter)
    ending = None
    if record is not None and record["ending"] is not None:
        path = _inside(root, record["ending"])
        if path is None or not path.is_file():
            problems.append(_at(show(campaign_path), record.at("ending"),
                                f'no ending file "{excerpt(record["ending"])}" in {root.name}/'))
        else:
            ending = load_ending(path, show(path), problems)
            if ending is not None:
                ids = chapter_ids(root, known)
                for line in ending.poem:
                    if line.chapter is not None and line.chapter not in ids:
                        problems.append(Problem(show(path), 0, 0, f'the poem line "'
                                                f'{line.line.zh}" names chapter '
                                                f'"{line.chapter}", but no chapter folder '
                                                f"has that id{did_you_mean(line.chapter, ids)}"))
    route: list[RoutePoint] = []
    if record is not None:
        ids = {chapter.id for chapter in chapters} | unloaded
        for point in record["route"]:
            x, y = point["at"]
            if y > 60:
                problems.append(_at(show(campaign_path), point.at("at"),
                                    f"y = {y} is below the map; use 0 to 60"))
            if point["chapter"] is not None and ids and point["chapter"] not in ids:
                problems.append(_at(show(campaign_path), point.at("chapter"),
                                    f'no chapter "{point["chapter"]}" in this campaign'
                                    f"{did_you_mean(point['chapter'], ids)}"))
            route.append(RoutePoint(point["name"], (x, y), point["chapter"], point["date"]))
    if problems:
        raise ContentError(problems)
    assert record is not None
    return Campaign(record["title"], tuple(chapters), root, ending, tuple(route))


def chapter_ids(root: Path, known: dict[Path, set[str]] | None = None) -> set[str]:
    """The ids of every chapter folder under ``root``, drafted ones included (``known``:
    ids already read from some chapter files, which are then not read again)."""
    ids: set[str] = set()
    for path in sorted(root.glob(f"*/{CHAPTER_FILE}")):
        ids |= known[path] if known and path in known else ids_in_chapter_file(path)
    return ids


def ids_in_chapter_file(path: Path) -> set[str]:
    """The ``id:`` written in a chapter file, even one with other problems (empty if none)."""
    try:
        node = load_yaml_file(path)
    except ContentError:
        return set()
    if not isinstance(node, yaml.MappingNode):
        return set()
    return {str(value.value) for key, value in node.value
            if key.value == "id" and isinstance(value, yaml.ScalarNode)}


def load_ending(path: Path, shown: str, problems: list[Problem]) -> Ending | None:
    """Load the ending file, adding its problems to ``problems``; None if it has any."""
    record = _validate(path, ENDING_SPEC, shown, problems)
    if record is None:
        return None
    poem = tuple(PoemLine(item["line"], item["chapter"]) for item in record["poem"])
    return Ending(record["title"], record["meaning"], record["quote"], record["quote_source"],
                  poem, record["poem_source"], tuple(record["sources"]))


def _at(path: str, node: yaml.Node, message: str) -> Problem:
    return Problem(path, node.start_mark.line + 1, node.start_mark.column + 1, message)


def load_chapter(
    folder: Path, root: Path, problems: list[Problem], show: Display
) -> Chapter | None:
    """Load one chapter folder, adding its problems to ``problems``; None if it has any."""
    before = len(problems)
    chapter_path = folder / CHAPTER_FILE
    shown = show(chapter_path)
    record = _validate(chapter_path, CHAPTER_SPEC, shown, problems)
    if record is None:
        return None
    chapter_id = record["id"]
    levels: list[Level] = []
    level_ids: dict[str, str] = {}
    for name, node in zip(record["levels"], record.at("levels").value, strict=True):
        path = _inside(folder, name)
        why = refusal(folder / name, folder) if path or (folder / name).is_symlink() else None
        if why is not None:
            problems.append(_at(shown, node, f'the level file "{excerpt(name)}": {why}'))
            continue
        if path is None or not path.is_file():
            problems.append(_at(shown, node, f'no level file "{excerpt(name)}" in this chapter '
                                             f"folder{_suggest(folder, name)}"))
            continue
        try:
            level = load_level(path, show(path))
        except ContentError as error:
            problems.extend(error.problems)
            continue
        if level.chapter != chapter_id:
            line, column = _value_mark(path, "chapter")
            problems.append(Problem(level.source, line, column, f'chapter: says '
                                    f'"{level.chapter}" but this level is listed in chapter '
                                    f'"{chapter_id}"'
                                    f"{_chapter_hint(level.chapter, chapter_id, folder, root)}"))
        if level.id in level_ids:
            problems.append(_at(shown, node, f'the level id "{level.id}" is also used by '
                                             f"{level_ids[level.id]}; ids must be unique"))
        level_ids[level.id] = level.source
        levels.append(level)
    quiz = None
    if record["quiz"] is not None:
        path = _inside(folder, record["quiz"])
        link = (folder / record["quiz"]).is_symlink()
        why = refusal(folder / record["quiz"], folder) if path or link else None
        if why is not None:
            problems.append(_at(shown, record.at("quiz"),
                                f'the quiz file "{excerpt(record["quiz"])}": {why}'))
        elif path is None or not path.is_file():
            problems.append(_at(shown, record.at("quiz"),
                                f'no quiz file "{excerpt(record["quiz"])}" in this chapter '
                                "folder"))
        else:
            try:
                quiz = load_quiz(path, show(path))
            except ContentError as error:
                problems.extend(error.problems)
            else:
                if quiz.chapter != chapter_id:
                    line, column = _value_mark(path, "chapter")
                    hint = _chapter_hint(quiz.chapter, chapter_id, folder, root)
                    problems.append(Problem(quiz.source, line, column,
                                            f'chapter: says "{quiz.chapter}" but this quiz '
                                            f'belongs to chapter "{chapter_id}"{hint}'))
    if len(problems) > before:
        return None
    card_record = record["card"]
    card = None
    if card_record is not None:
        card = HistoryCard(tuple(card_record["facts"]), card_record["quote"],
                           card_record["quote_source"])
    return Chapter(chapter_id, record["title"], record["date"], record["place"],
                   record["briefing"], tuple(record["sources"]), tuple(levels), quiz, card,
                   folder, build_prelude(record["prelude"]), texts(record["goals"]),
                   texts(record["discussion"]))


def _chapter_hint(said: str, chapter_id: str, folder: Path, root: Path) -> str:
    """A did-you-mean for a ``chapter:`` that names no chapter of the campaign.

    The chapter's own id comes first; else the closest id of any chapter folder of the
    campaign (``root``, or the folder holding this chapter when checked on its own).
    """
    near = did_you_mean(said, [chapter_id])
    if near:
        return near
    base = root if (root / CAMPAIGN_FILE).is_file() else folder.parent
    ids = chapter_ids(base) if (base / CAMPAIGN_FILE).is_file() else set()
    if said in ids:
        return ""
    other = did_you_mean(said, sorted(ids - {chapter_id}))
    return f' (no chapter has the id "{said}"; {other[2:-1]})' if other else ""


def _value_mark(path: Path, key: str) -> tuple[int, int]:
    """1-based line and column of ``key``'s value in a (valid) file, or (0, 0)."""
    try:
        node = load_yaml_file(path)
    except ContentError:
        return 0, 0
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == key:
                return value_node.start_mark.line + 1, value_node.start_mark.column + 1
    return 0, 0


def _suggest(folder: Path, name: str) -> str:
    names = [p.name for p in folder.glob("*.yaml")] if folder.is_dir() else []
    return did_you_mean(name, names)
