"""Whether a chapter teaches what its quiz asks: every question's ``taught:`` key term must
appear in the chapter's prelude, briefing, level intros or history card (checked by
``check``; see levels/README.md)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml

from game.content.campaign import Chapter
from game.content.errors import ContentError, Problem
from game.content.yamlsafe import load_yaml_file
from game.i18n import Text


def teaching_texts(chapter: Chapter) -> Iterator[Text]:
    """Everything the chapter shows a pupil before its quiz."""
    if chapter.prelude is not None:
        yield chapter.prelude.text
        yield from chapter.prelude.facts
    yield chapter.date
    yield chapter.place
    yield chapter.briefing
    for level in chapter.levels:
        if level.intro is not None:
            yield level.intro
    if chapter.card is not None:
        yield from chapter.card.facts
        yield chapter.card.quote
        yield chapter.card.quote_source


def taught_in(term: Text, taught: Iterable[Text]) -> tuple[bool, bool]:
    """Whether ``term`` appears in the Chinese and in the English teaching texts.

    English is compared ignoring case and runs of spaces (a YAML block folds lines).
    """
    items = list(taught)
    zh = "\n".join(t.zh for t in items)
    en = " ".join(" ".join(t.en.split()) for t in items).casefold()
    return term.zh in zh, " ".join(term.en.split()).casefold() in en


def untaught(chapter: Chapter) -> list[tuple[str, str, str]]:
    """(question id, language, term) for every ``taught:`` term the chapter never shows."""
    if chapter.quiz is None:
        return []
    taught = list(teaching_texts(chapter))
    missing = []
    for question in chapter.quiz.questions:
        if question.taught is None:
            continue
        zh_ok, en_ok = taught_in(question.taught, taught)
        if not zh_ok:
            missing.append((question.id, "zh", question.taught.zh))
        if not en_ok:
            missing.append((question.id, "en", question.taught.en))
    return missing


def untaught_problems(chapter: Chapter, quiz_path: Path, shown: str) -> list[Problem]:
    """:func:`untaught` as problems at the ``taught:`` lines of the quiz file."""
    missing = untaught(chapter)
    if not missing:
        return []
    lines = _taught_lines(quiz_path, shown)
    name = {"zh": "Chinese", "en": "English"}
    return [Problem(shown, *lines.get((qid, lang), (0, 0)),
                    f'question "{qid}": the key term "{term}" appears in no {name[lang]} '
                    "text of this chapter (prelude, briefing, level intros or history card); "
                    "teach it there or change taught:")
            for qid, lang, term in missing]


def _taught_lines(path: Path, shown: str) -> dict[tuple[str, str], tuple[int, int]]:
    """Where each question's ``taught: zh/en`` is written: (id, lang) -> (line, column)."""
    try:
        root = load_yaml_file(path, shown)
    except ContentError:
        return {}
    found: dict[tuple[str, str], tuple[int, int]] = {}
    questions = _value(root, "questions")
    if not isinstance(questions, yaml.SequenceNode):
        return found
    for question in questions.value:
        qid, taught = _value(question, "id"), _value(question, "taught")
        if not isinstance(qid, yaml.ScalarNode) or taught is None:
            continue
        for lang in ("zh", "en"):
            node = _value(taught, lang) or taught
            found[(str(qid.value), lang)] = (node.start_mark.line + 1,
                                             node.start_mark.column + 1)
    return found


def _value(node: yaml.Node, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                found: yaml.Node = value
                return found
    return None
