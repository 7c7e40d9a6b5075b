"""Quiz banks: questions with options, the right answer, an explanation and a source.

Answers are written as letters (``B``, ``[A, C]``, ``[C, A, B]``) or ``true``/``false``
and stored as option indices, so checking an answer never depends on YAML's retyping.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from game.content.errors import ContentError, excerpt
from game.content.levels import ID_HINT, ID_PATTERN
from game.content.model import Question as Question
from game.content.model import QuestionType as QuestionType
from game.content.model import Quiz as Quiz
from game.content.schema import (
    INVALID,
    AnyOf,
    Bilingual,
    Context,
    Field,
    Int,
    ListOf,
    Obj,
    Record,
    Spec,
    Str,
    describe_node,
    yaml_word_hint,
)
from game.content.sources import SOURCE_FIELD, source_text
from game.content.yamlsafe import load_yaml_file
from game.i18n import Text

TRUE_FALSE_OPTIONS = (Text("正确", "True"), Text("错误", "False"))
LETTERS = "ABCDEFGH"


def _answer_pick(node: yaml.Node) -> Spec:
    return _ANSWER_LIST if isinstance(node, yaml.SequenceNode) else _ANSWER_ONE


_ANSWER_ONE = Str("A letter (single), or true/false (truefalse).", max_length=10)
_ANSWER_LIST = ListOf(Str(max_length=2), description="Letters: all right options (multiple), "
                                                     "or every option in order (order).",
                      min_items=1, max_items=len(LETTERS))


def _check_question(record: Record, ctx: Context) -> None:
    qtype = QuestionType(record["type"])
    options = record["options"]
    if qtype is QuestionType.TRUEFALSE:
        if options is not None:
            ctx.error(record.at("options"), "a truefalse question has no options: remove them")
        return
    if options is None:
        ctx.error(record.node, f'missing key "options": a {qtype.value} question needs them')
        return
    needed = 3 if qtype is QuestionType.ORDER else 2
    if len(options) < needed:
        ctx.error(record.at("options"), f"a {qtype.value} question needs at least {needed} "
                                        "options")


QUESTION_SPEC = Obj(
    {
        "id": Field(Str("Unique id of the question in its bank.", pattern=ID_PATTERN,
                        pattern_hint=ID_HINT, max_length=60)),
        "type": Field(Str("single, multiple, truefalse or order.",
                          choices=tuple(t.value for t in QuestionType))),
        "prompt": Field(Bilingual("The question.", max_length=200)),
        "options": Field(ListOf(Bilingual(max_length=80), min_items=2, max_items=len(LETTERS),
                                description="The choices, labelled A, B, C... in this order."),
                         required=False),
        "answer": Field(AnyOf((_ANSWER_ONE, _ANSWER_LIST), _answer_pick,
                              "The right answer: a letter, a list of letters, or true/false.")),
        "explanation": Field(Bilingual("One sentence shown after answering.", max_length=300)),
        "source": Field(SOURCE_FIELD),
        "taught": Field(Bilingual("The key term of the answer; it must appear in the "
                                  "chapter's prelude, briefing, level intros or history card.",
                                  max_length=80), required=False),
    },
    description="A quiz question.",
    what="a question",
    check=_check_question,
)

QUIZ_SPEC = Obj(
    {
        "chapter": Field(Str("Id of the chapter this bank belongs to.", pattern=ID_PATTERN,
                             pattern_hint=ID_HINT, max_length=60)),
        "draw": Field(Int("Questions asked in one quiz.", 1, 50), required=False, default=5),
        "pass_percent": Field(Int("Percent of right answers needed to pass.", 0, 100),
                              required=False, default=60),
        "questions": Field(ListOf(QUESTION_SPEC, min_items=1, max_items=200,
                                  description="The question bank.")),
    },
    description="A chapter's quiz bank.",
    what="a quiz",
)


def load_quiz(path: Path, display_path: str | None = None) -> Quiz:
    """Read and validate a quiz bank; raise :class:`ContentError` listing every problem."""
    shown = display_path or str(path)
    return build_quiz(load_yaml_file(path, shown), shown)


def build_quiz(node: yaml.Node, shown: str) -> Quiz:
    """Validate a composed YAML document as a quiz bank."""
    ctx = Context(shown)
    record = QUIZ_SPEC.validate_partial(node, ctx)
    if record is INVALID:
        raise ContentError(ctx.problems)
    # Look at every question, even when some have problems, so all mistakes show at once.
    items: list[Record] = []
    questions_node = record.at("questions")
    if record["questions"] is not INVALID:
        items = record["questions"]
    elif isinstance(questions_node, yaml.SequenceNode) and len(questions_node.value) <= 200:
        again = Context(shown)  # these problems are in ctx already
        items = [item for child in questions_node.value
                 if (item := QUESTION_SPEC.validate_partial(child, again)) is not INVALID]
    questions = []
    seen: dict[str, int] = {}
    for item in items:
        question = _question(item, ctx) if item.ok else None
        qid = item["id"]
        if qid is not INVALID:
            line = item.at("id").start_mark.line + 1
            if qid in seen:
                ctx.error(item.at("id"), f'the question id "{qid}" is used twice (first on line '
                                         f"{seen[qid]}); ids must be unique")
            seen.setdefault(qid, line)
        if question is not None:
            questions.append(question)
    if (isinstance(questions_node, yaml.SequenceNode) and questions_node.value
            and isinstance(record["draw"], int) and record["draw"] > len(questions_node.value)):
        ctx.error(record.at("draw"), f"draw asks for {record['draw']} questions but the bank "
                                     f"has only {len(questions_node.value)}")
    if ctx.problems or not record.ok:
        raise ContentError(ctx.problems)
    return Quiz(record["chapter"], tuple(questions), record["draw"], record["pass_percent"],
                shown)


def _letter_index(letter: str, count: int, node: yaml.Node, ctx: Context) -> int | None:
    text = letter.strip().upper()
    if len(text) != 1 or text not in LETTERS:
        ctx.error(node, f'"{excerpt(letter)}" is not an option letter; use A, B, C...')
        return None
    index = LETTERS.index(text)
    if index >= count:
        ctx.error(node, f"answer {text} is out of range: this question has {count} options "
                        f"(A–{LETTERS[count - 1]})")
        return None
    return index


def _question(item: Record, ctx: Context) -> Question | None:
    qtype = QuestionType(item["type"])
    node = item.at("answer")
    raw: Any = item["answer"]
    if qtype is QuestionType.TRUEFALSE:
        options = TRUE_FALSE_OPTIONS
        text = str(raw).strip().lower() if isinstance(raw, str) else ""
        truth = {"true": 0, "yes": 0, "正确": 0, "对": 0, "false": 1, "no": 1, "错误": 1, "错": 1}
        if text not in truth:
            ctx.error(node, "a truefalse answer must be true or false, found "
                            f"{describe_node(node)}{yaml_word_hint(node, 'write true or false')}")
            return None
        answer: tuple[int, ...] = (truth[text],)
    else:
        options = tuple(item["options"])
        letters = raw if isinstance(raw, list) else [raw]
        child_nodes = node.value if isinstance(node, yaml.SequenceNode) else [node]
        indices = [_letter_index(str(letter), len(options), child, ctx)
                   for letter, child in zip(letters, child_nodes, strict=True)]
        if any(index is None for index in indices):
            return None
        answer = tuple(i for i in indices if i is not None)
        if qtype is QuestionType.SINGLE and len(answer) != 1:
            ctx.error(node, "a single-choice question has exactly one answer letter")
            return None
        if len(set(answer)) != len(answer):
            ctx.error(node, "an answer letter is repeated")
            return None
        if qtype is QuestionType.ORDER and sorted(answer) != list(range(len(options))):
            ctx.error(node, f"an order answer lists every option once, in the right order "
                            f"(here {len(options)} letters)")
            return None
    return Question(item["id"], qtype, item["prompt"], options, answer, item["explanation"],
                    source_text(item["source"]), item["taught"])
