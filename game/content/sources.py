"""The bibliography (``levels/sources.yaml``) and the citations that point into it.

A pack's ``sources.yaml`` lists every source its texts rest on: an id, a title, the
publisher, a date, an address and a kind (textbook, official media, museum, academic,
reference or weak). Chapter ``sources:``, each history-card fact's ``sources:``, each quiz
question's ``source:`` and the ending's ``sources:`` cite its ids. When a pack has a
bibliography, :func:`check_citations` reports an id that is not in it (``file:line``) and
warns when a text a pupil reads rests only on weak sources. A pack without one keeps
working as before: its citations are free text.

Citations are read from the composed YAML of each file, so they keep their line numbers
and the loaders of chapters and quizzes need not carry them. No pygame here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from game.content.errors import ContentError, Problem, did_you_mean
from game.content.schema import (
    INVALID,
    AnyOf,
    Bilingual,
    Context,
    Field,
    ListOf,
    Obj,
    Record,
    Spec,
    Str,
)
from game.content.yamlsafe import load_yaml_file

SOURCES_FILE = "sources.yaml"

#: The kinds of source, most authoritative first; ``weak`` is never enough on its own.
SOURCE_KINDS = ("textbook", "official media", "museum", "academic", "reference", "weak")
WEAK = "weak"

#: A source id: letters, digits and ``-`` (fact-sheet ids such as ``X1`` keep their case).
SOURCE_ID_PATTERN = r"[A-Za-z0-9][A-Za-z0-9-]{0,59}"
SOURCE_ID_HINT = "is not a source id: use letters, digits and -, starting with a letter or digit"

#: What separates the ids in a ``source:`` written as one line of text.
_SEPARATORS = re.compile(r"[\s,;，；、]+")


@dataclass(frozen=True, slots=True)
class Source:
    """One entry of the bibliography."""

    id: str
    title: str
    kind: str
    publisher: str = ""
    date: str = ""
    address: str = ""
    note: str = ""

    @property
    def weak(self) -> bool:
        """Whether this source may never be the only support of a fact a pupil reads."""
        return self.kind == WEAK


@dataclass(frozen=True, slots=True)
class Bibliography:
    """Every source of a pack, in the order the file lists them (authoritative first)."""

    sources: tuple[Source, ...]
    path: str = ""

    def get(self, source_id: str) -> Source | None:
        """The source with ``source_id``, or None."""
        return next((s for s in self.sources if s.id == source_id), None)

    @property
    def ids(self) -> tuple[str, ...]:
        """Every id, in file order."""
        return tuple(s.id for s in self.sources)


def _check_entry(record: Record, ctx: Context) -> None:
    address = record["address"]
    if address is not None and re.search(r"\s", address.strip()):
        ctx.error(record.at("address"), "an address is one web address without spaces; "
                                        "put a second address in note:")


SOURCE_SPEC = Obj(
    {
        "id": Field(Str("The id other files cite.", pattern=SOURCE_ID_PATTERN,
                        pattern_hint=SOURCE_ID_HINT, max_length=60)),
        "title": Field(Str("The work, or what the page is.", max_length=300)),
        "publisher": Field(Str("Who published it.", max_length=200), required=False),
        "date": Field(Str("When it was published (a year is enough).", max_length=40),
                      required=False),
        "address": Field(Str("Where to read it (none for a printed work).", max_length=500),
                         required=False),
        "kind": Field(Str("How far a teacher can rely on it: " + ", ".join(SOURCE_KINDS) + ".",
                          choices=SOURCE_KINDS)),
        "note": Field(Str("What it supports, mirrors, or how sources differ.", max_length=500),
                      required=False),
    },
    description="One source of the bibliography.",
    what="a source",
    check=_check_entry,
)

SOURCES_SPEC = Obj(
    {"sources": Field(ListOf(SOURCE_SPEC, min_items=1, max_items=1000,
                             description="Every source, authoritative first."))},
    description="The bibliography (sources.yaml): every source the pack's texts cite.",
    what="the bibliography",
)

#: A list of source ids (chapter, card fact, ending, prelude ``sources:``).
SOURCE_IDS = ListOf(Str(max_length=200), min_items=1,
                    description="Ids from sources.yaml (or, in a pack without one, the "
                                "sources' names).")


def _cited_pick(node: yaml.Node) -> Spec:
    return SOURCE_IDS if isinstance(node, yaml.SequenceNode) else _SOURCE_TEXT


_SOURCE_TEXT = Str("Ids from sources.yaml, separated by spaces, commas or semicolons.")

#: A quiz question's ``source:``: a list of ids, or one line of text.
SOURCE_FIELD = AnyOf((SOURCE_IDS, _SOURCE_TEXT), _cited_pick,
                     "Ids from sources.yaml: a list [A, B], or text.")


def source_text(value: Any) -> str:
    """A ``source:`` value (text or a list of ids) as one line of text."""
    return ", ".join(value) if isinstance(value, list) else str(value)


@dataclass
class Cited(Spec):
    """A fact in both languages with the sources it rests on: ``zh``, ``en``, ``sources``."""

    description: str = ""
    max_length: int = 2_000

    def _bilingual(self) -> Bilingual:
        return Bilingual(max_length=self.max_length)

    def validate(self, node: yaml.Node, ctx: Context) -> Any:
        if not isinstance(node, yaml.MappingNode):
            return self._bilingual().validate(node, ctx)
        text_pairs = [(k, v) for k, v in node.value if k.value != "sources"]
        cited = [(k, v) for k, v in node.value if k.value == "sources"]
        ok = True
        for _, value in cited:
            if SOURCE_IDS.validate(value, ctx) is INVALID:
                ok = False
        text_node = yaml.MappingNode(node.tag, text_pairs, node.start_mark, node.end_mark,
                                     node.flow_style)
        text = self._bilingual().validate(text_node, ctx)
        return text if ok and text is not INVALID else INVALID

    def json_schema(self) -> dict[str, Any]:
        schema = self._bilingual().json_schema()
        schema["properties"]["sources"] = SOURCE_IDS.json_schema()
        return self._doc(schema)


def load_sources(path: Path, shown: str | None = None) -> Bibliography:
    """Read and validate ``sources.yaml``; raise :class:`ContentError` listing every problem."""
    shown = shown or str(path)
    ctx = Context(shown)
    record = SOURCES_SPEC.validate(load_yaml_file(path, shown), ctx)
    if record is INVALID:
        raise ContentError(ctx.problems)
    seen: dict[str, int] = {}
    sources = []
    for entry in record["sources"]:
        line = entry.at("id").start_mark.line + 1
        if entry["id"] in seen:
            ctx.error(entry.at("id"), f'the source id "{entry["id"]}" is used twice (first on '
                                      f"line {seen[entry['id']]}); ids must be unique")
        seen.setdefault(entry["id"], line)
        sources.append(Source(entry["id"], entry["title"], entry["kind"],
                              entry["publisher"] or "", entry["date"] or "",
                              entry["address"] or "", entry["note"] or ""))
    if ctx.problems:
        raise ContentError(ctx.problems)
    return Bibliography(tuple(sources), shown)


def find_bibliography(path: Path) -> Path | None:
    """The ``sources.yaml`` of the pack ``path`` belongs to: in its folder or the one above."""
    folder = path if path.is_dir() else path.parent
    for candidate in (folder / SOURCES_FILE, folder.parent / SOURCES_FILE):
        if candidate.is_file():
            return candidate
    return None


@dataclass(frozen=True, slots=True)
class Citation:
    """The ids one text cites, where they are written, and whether a pupil reads the text."""

    what: str
    ids: tuple[tuple[str, int, int], ...]
    """(id, line, column) of every id, 1-based."""
    line: int
    column: int
    pupil_facing: bool = True
    written_as_text: bool = False
    """Whether the ids were written as one line of text rather than a list."""


def _ids_of(node: yaml.Node) -> tuple[tuple[str, int, int], ...]:
    """The ids in a citation node: a list's items, or the words of one line of text."""
    if isinstance(node, yaml.SequenceNode):
        return tuple((str(item.value).strip(), item.start_mark.line + 1,
                      item.start_mark.column + 1)
                     for item in node.value if isinstance(item, yaml.ScalarNode))
    if isinstance(node, yaml.ScalarNode):
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        return tuple((word, line, column) for word in _SEPARATORS.split(str(node.value))
                     if word)
    return ()


def _entries(node: yaml.Node) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(k.value): v for k, v in node.value if isinstance(k, yaml.ScalarNode)}


def _citation(what: str, node: yaml.Node, *, pupil_facing: bool = True) -> Citation:
    return Citation(what, _ids_of(node), node.start_mark.line + 1, node.start_mark.column + 1,
                    pupil_facing, isinstance(node, yaml.ScalarNode) and len(_ids_of(node)) > 1)


def citations(node: yaml.Node, kind: str) -> Iterator[Citation]:
    """Every citation in a composed chapter, quiz, ending or teacher file (``kind`` as check
    names it).

    A history-card fact written without ``sources:`` yields a citation with no ids.
    """
    top = _entries(node)
    if kind in ("chapter", "ending", "prelude") and "sources" in top:
        yield _citation("the briefing" if kind == "chapter" else f"the {kind}", top["sources"])
    if kind == "chapter":
        card = _entries(top.get("card", yaml.ScalarNode("", "")))
        facts = card.get("facts")
        if isinstance(facts, yaml.SequenceNode):
            for number, fact in enumerate(facts.value, start=1):
                fields = _entries(fact)
                if "sources" in fields:
                    yield _citation(f"card fact {number}", fields["sources"])
                else:
                    yield Citation(f"card fact {number}", (), fact.start_mark.line + 1,
                                   fact.start_mark.column + 1)
        if "prelude" in top:
            yield from citations(top["prelude"], "prelude")
    if kind == "teacher":
        glossary = top.get("glossary")
        if isinstance(glossary, yaml.SequenceNode):
            for entry in glossary.value:
                meaning = _entries(_entries(entry).get("meaning", yaml.ScalarNode("", "")))
                what = f"glossary entry on line {entry.start_mark.line + 1}"
                if "sources" in meaning:
                    yield _citation(what, meaning["sources"], pupil_facing=False)
                else:
                    yield Citation(what, (), entry.start_mark.line + 1,
                                   entry.start_mark.column + 1, False)
        cases = _entries(top.get("numbers_note", yaml.ScalarNode("", ""))).get("cases")
        if isinstance(cases, yaml.SequenceNode):
            for case in cases.value:
                if "sources" in _entries(case):
                    yield _citation(f"numbers case on line {case.start_mark.line + 1}",
                                    _entries(case)["sources"], pupil_facing=False)
    if kind == "quiz":
        questions = top.get("questions")
        if isinstance(questions, yaml.SequenceNode):
            for question in questions.value:
                fields = _entries(question)
                qid = fields.get("id")
                name = f'question "{qid.value}"' if isinstance(qid, yaml.ScalarNode) else \
                    "a question"
                if "source" in fields:
                    yield _citation(name, fields["source"])


def check_citations(path: Path, kind: str, shown: str,
                    bibliography: Bibliography) -> tuple[list[Problem], list[str]]:
    """Problems (ids not in the bibliography) and warnings (weak-only or missing support)
    for one chapter, quiz or ending file. A file that cannot be read gives neither: loading
    reports it."""
    try:
        node = load_yaml_file(path, shown)
    except ContentError:
        return [], []
    problems: list[Problem] = []
    warnings: list[str] = []
    known = bibliography.ids
    where = Path(bibliography.path).name or SOURCES_FILE
    for citation in citations(node, kind):
        if not citation.ids:
            warnings.append(f"line {citation.line}: {citation.what} cites no source; add "
                            f"sources: [ids from {where}]")
            continue
        found = [s for s in (bibliography.get(i) for i, _, _ in citation.ids) if s is not None]
        unknown = [(i, line, column) for i, line, column in citation.ids
                   if bibliography.get(i) is None]
        if unknown and citation.written_as_text:
            names = ", ".join(f'"{_short(i)}"' for i, _, _ in unknown[:3])
            more = f" and {len(unknown) - 3} more" if len(unknown) > 3 else ""
            example = ", ".join(s.id for s in found) or known[0]
            problems.append(Problem(shown, unknown[0][1], unknown[0][2],
                                    f"{citation.what}: {names}{more} are not ids in {where}; "
                                    f"cite only ids listed there, e.g. source: [{example}]"))
        else:
            for source_id, line, column in unknown:
                hint = did_you_mean(source_id, known)
                problems.append(Problem(shown, line, column, f'{citation.what} cites '
                                        f'"{_short(source_id)}", which is not an id in {where}'
                                        f"{hint}; cite only ids listed there"))
        if citation.pupil_facing and found and all(s.weak for s in found):
            names = ", ".join(s.id for s in found)
            warnings.append(f"line {citation.line}: {citation.what} rests only on weak sources "
                            f"({names}); add a textbook, official, museum or academic source")
    return problems, warnings


def _short(text: str) -> str:
    return text if len(text) <= 50 else text[:49] + "…"
