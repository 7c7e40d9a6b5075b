"""Font coverage: every character a pupil reads must be one the shipped font can draw.

The loaded models keep no line numbers, so the file is composed a second time and its
player-facing texts (the ``zh:`` and ``en:`` values under the keys below) are searched for
characters missing from the font; each is reported where it stands in the file.
Standard library and PyYAML only: checking never imports pygame.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import yaml

from game.content.errors import ContentError, Problem, excerpt
from game.content.yamlsafe import load_yaml_file
from game.fontcov import BOLD_FONT, REGULAR_FONT, font_codepoints, missing_chars

#: The keys whose bilingual texts are shown to players, for each kind of file.
PLAYER_TEXT: dict[str, frozenset[str]] = {
    "level": frozenset({"title", "intro", "goal"}),
    "quiz": frozenset({"questions"}),
    "chapter": frozenset({"title", "date", "place", "briefing", "card", "prelude"}),
    "ending": frozenset({"title", "meaning", "quote", "quote_source", "poem", "poem_source"}),
    "campaign": frozenset({"title", "route"}),
}
#: Within those, the texts themselves (other keys, such as a question's ``source:``, are
#: for authors only).
LANGUAGE_KEYS = frozenset({"zh", "en"})
#: Files whose shown texts are plain fields rather than ``zh:``/``en:`` pairs: for each kind,
#: the top-level list and the fields of its entries that players see. The credits screen
#: shows each source's title, publisher and date.
PLAYER_FIELDS: dict[str, tuple[str, frozenset[str]]] = {
    "sources": ("sources", frozenset({"title", "publisher", "date"})),
}

_LINE_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")


@functools.lru_cache(maxsize=1)
def shipped_codepoints() -> frozenset[int]:
    """What every shipped face (regular and, if present, bold) can draw."""
    codes = font_codepoints(REGULAR_FONT)
    if BOLD_FONT.is_file():
        codes &= font_codepoints(BOLD_FONT)
    return codes


def check_fonts(path: Path, shown: str, kind: str,
                codepoints: frozenset[int] | None = None) -> list[Problem]:
    """A problem for each player-facing text of ``path`` with characters the font lacks.

    Files that cannot be read or parsed give no problems here (loading reports those).
    """
    keys = PLAYER_TEXT.get(kind, frozenset())
    list_key, fields = PLAYER_FIELDS.get(kind, ("", frozenset()))
    if not keys and not fields:
        return []
    try:
        root = load_yaml_file(path, shown)
        text = path.read_text(encoding="utf-8-sig")
    except (ContentError, OSError, UnicodeDecodeError):
        return []
    if not isinstance(root, yaml.MappingNode):
        return []
    codes = shipped_codepoints() if codepoints is None else codepoints
    lines = _LINE_BREAK.split(text)
    problems = []
    for key, value in root.value:
        if not isinstance(key, yaml.ScalarNode):
            continue
        if key.value in keys:
            nodes: Iterator[yaml.ScalarNode] = _texts(value)
        elif fields and key.value == list_key:
            nodes = _fields(value, fields)
        else:
            continue
        for node in nodes:
            for char in missing_chars(str(node.value), codes):
                line, column = _locate(node, char, lines)
                problems.append(Problem(shown, line, column, _message(char)))
    return problems


def _texts(node: yaml.Node) -> Iterator[yaml.ScalarNode]:
    """The ``zh:``/``en:`` scalar values anywhere under ``node``, in file order."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode):
            yield current
        elif isinstance(current, yaml.MappingNode):
            for key, value in reversed(current.value):
                if not isinstance(value, yaml.ScalarNode) or (
                        isinstance(key, yaml.ScalarNode) and key.value in LANGUAGE_KEYS):
                    stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(child for child in reversed(current.value)
                         if not isinstance(child, yaml.ScalarNode))


def _fields(node: yaml.Node, names: frozenset[str]) -> Iterator[yaml.ScalarNode]:
    """The values of the fields ``names`` of each entry of the list ``node``, in file order."""
    if not isinstance(node, yaml.SequenceNode):
        return
    for entry in node.value:
        if isinstance(entry, yaml.MappingNode):
            for key, value in entry.value:
                if (isinstance(key, yaml.ScalarNode) and key.value in names
                        and isinstance(value, yaml.ScalarNode)):
                    yield value


def _locate(node: yaml.ScalarNode, char: str, lines: list[str]) -> tuple[int, int]:
    """1-based line and column of ``char`` inside ``node``'s source text.

    Falls back to where the text starts when the character is not written literally
    (a ``\\U...`` escape in double quotes).
    """
    start, end = node.start_mark, node.end_mark
    last = min(end.line, len(lines) - 1)
    for number in range(start.line, last + 1):
        line = lines[number]
        begin = start.column if number == start.line else 0
        stop = end.column if number == end.line else len(line)
        found = line.find(char, begin, stop)
        if found >= 0:
            return number + 1, found + 1
    return start.line + 1, start.column + 1


def _message(char: str) -> str:
    name = unicodedata.name(char, "")
    code = f"U+{ord(char):04X}" + (f" {name}" if name else "")
    return (f'the game\'s font cannot draw "{excerpt(char)}" ({code}); players would see an '
            "empty box. Use a common character or write it another way")
