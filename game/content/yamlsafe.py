"""The one safe, bounded way to read a YAML content file written by an educator.

PyYAML alone is not safe for untrusted files, and its errors are written for
programmers. Every guard here turns a failure into one :class:`ContentError`
listing every mistake found, each with a line, a column and a plain hint:

* size cap (``MAX_BYTES``): a huge file cannot exhaust memory or time; it is
  refused before anything is decoded or parsed;
* NUL bytes, UTF-16 and invalid UTF-8: a spreadsheet, picture or file saved
  in another encoding gets "save it as UTF-8" instead of a decoding traceback;
* control characters (e.g. the vertical tab Word pastes): found up front with
  their line, because PyYAML reports them only as a raw character offset;
* tabs in indentation: the most common beginner mistake; PyYAML's message for
  it ("found character that cannot start any token") explains nothing;
* anchors and aliases (``&a`` / ``*a``, and so merge keys ``<<: *a``) are
  refused while scanning parse events, before any node is built: a few
  hundred bytes of aliases ("billion laughs") expand to millions of values
  for any code that walks the tree;
* nesting depth (``MAX_DEPTH``), also checked on events: the pure-Python
  composer is recursive and would raise ``RecursionError`` (not a
  ``YAMLError``) on input like ``[[[[...``;
* one document per file: a stray ``---`` would otherwise hide content;
* explicit tags other than the YAML core ones: ``!!python/object/apply:...``
  must never reach any loader that might construct it;
* duplicate keys: PyYAML silently keeps the last one, so an author's edit
  could vanish without a word.

The result is the composed node tree, not Python values, so that later layers
keep a line for every value and can undo YAML 1.1 retyping (``no`` → False,
``1:30`` → 90): a scalar node's ``.value`` is always the text as written.
"""

from __future__ import annotations

import os
import pathlib
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import yaml

from game.content.errors import ContentError, Problem, excerpt
from game.content.paths import not_a_file

__all__ = ["MAX_BYTES", "MAX_DEPTH", "load_yaml_bytes", "load_yaml_file", "mark_of",
           "read_yaml_file"]

MAX_BYTES: int = 1_000_000
MAX_DEPTH: int = 32

# The C parser (libyaml) is much faster; both produce the same events and nodes.
_LOADER: type[yaml.SafeLoader] | type[yaml.CSafeLoader] = (
    yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
)

# At most this many problems are listed; a file full of aliases could produce thousands.
_MAX_PROBLEMS = 100

_UTF8_BOM = b"\xef\xbb\xbf"
# Line breaks exactly as PyYAML and libyaml count them, so our lines match theirs.
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_SPLIT = re.compile("(\r\n|[\r\n\x85\u2028\u2029])")
# Characters PyYAML's reader refuses (same set as libyaml).
_NON_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
_LEADING_WS = re.compile("[ \t]*")

_CORE = "tag:yaml.org,2002:"
_SCALAR_TAGS = frozenset(_CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp"))
_SEQ_TAG = _CORE + "seq"
_MAP_TAG = _CORE + "map"

_MSG_ANCHOR = "anchors (&name) and aliases (*name) are not allowed; write the value out in full"
_MSG_TAB = "a tab is used for indentation; YAML needs spaces"
_MSG_EMPTY = "the file is empty"
_MSG_MULTI_DOC = "only one YAML document is allowed per file (remove the extra '---')"


def _too_deep(max_depth: int) -> str:
    return (
        f"the content is nested too deeply (more than {max_depth} levels inside each other); "
        "make it flatter"
    )


def mark_of(node: yaml.Node) -> tuple[int, int]:
    """Return the 1-based ``(line, column)`` where ``node`` starts, or ``(0, 0)`` if unknown."""
    mark = node.start_mark
    if mark is None:
        return (0, 0)
    return (mark.line + 1, mark.column + 1)


def load_yaml_file(
    file: pathlib.Path,
    display_path: str | None = None,
    *,
    max_bytes: int = MAX_BYTES,
    max_depth: int = MAX_DEPTH,
) -> yaml.Node:
    """Read and check one YAML file; return its root node or raise :class:`ContentError`."""
    path = display_path if display_path is not None else str(file)
    data = read_yaml_file(file, path, max_bytes=max_bytes)
    return load_yaml_bytes(data, path, max_bytes=max_bytes, max_depth=max_depth)


def read_yaml_file(
    file: pathlib.Path, display_path: str | None = None, *, max_bytes: int = MAX_BYTES
) -> bytes:
    """Read one YAML file's bytes (at most ``max_bytes``), or raise :class:`ContentError`."""
    path = display_path if display_path is not None else str(file)
    try:
        if file.is_dir():
            raise IsADirectoryError(21, "is a directory")
        # Non-blocking, so that opening a named pipe (FIFO) cannot hang; only a regular
        # file is ever read (not a device such as /dev/zero, a pipe or a socket).
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise ContentError([Problem(path, 0, 0, not_a_file(info.st_mode))])
            if info.st_size > max_bytes:
                raise ContentError([_too_big(path, info.st_size, max_bytes)])
            data = handle.read(max_bytes + 1)
    except (OSError, ValueError) as exc:
        reason = _why_unreadable(exc)
        raise ContentError([Problem(path, 0, 0, f"cannot read the file: {reason}")]) from None
    if len(data) > max_bytes:  # the file grew, or is not a regular file
        raise ContentError([_too_big(path, max_bytes, max_bytes, more_than=True)])
    return data


def load_yaml_bytes(
    data: bytes,
    path: str,
    *,
    max_bytes: int = MAX_BYTES,
    max_depth: int = MAX_DEPTH,
) -> yaml.Node:
    """Check and parse YAML ``data``; return its root node or raise :class:`ContentError`."""
    if len(data) > max_bytes:
        raise ContentError([_too_big(path, len(data), max_bytes)])
    text = _decode(data, path)
    lines = _SPLIT.split(text)[::2]
    _raise_if_any(_control_characters(lines, path))
    if all(not line.strip(" \t") or line.lstrip(" \t").startswith("#") for line in lines):
        raise ContentError([Problem(path, 0, 0, _MSG_EMPTY)])
    try:
        root = _load_text(text, lines, path, max_depth)
    except RecursionError:
        raise ContentError([Problem(path, 0, 0, _too_deep(max_depth))]) from None
    if root is None or (isinstance(root, yaml.ScalarNode) and root.value == "" and not root.style):
        raise ContentError([Problem(path, 0, 0, _MSG_EMPTY)])
    return root


# --------------------------------------------------------------------------- helpers


def _too_big(path: str, size: int, max_bytes: int, *, more_than: bool = False) -> Problem:
    more = "more than " if more_than else ""
    return Problem(
        path,
        0,
        0,
        f"the file is {more}{size:,} bytes; game files may be at most {max_bytes:,} bytes",
    )


def _why_unreadable(exc: OSError | ValueError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "the file does not exist"
    if isinstance(exc, IsADirectoryError):
        return "this is a folder, not a file"
    if isinstance(exc, PermissionError):
        return "permission denied (check who may read this file)"
    if isinstance(exc, NotADirectoryError):
        return "a part of the path is not a folder"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def _raise_if_any(problems: list[Problem]) -> None:
    if not problems:
        return
    if len(problems) > _MAX_PROBLEMS:
        total = len(problems)
        problems = sorted(problems, key=lambda p: (p.line, p.column))[: _MAX_PROBLEMS - 1]
        problems.append(
            Problem(
                problems[0].path,
                0,
                0,
                f"there are {total:,} problems; only the first {_MAX_PROBLEMS - 1} are listed",
            )
        )
    raise ContentError(problems)


def _line_col(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of ``text[index]``, counting line breaks as PyYAML does."""
    line, start = 1, 0
    for match in _BREAK.finditer(text, 0, index):
        line, start = line + 1, match.end()
    return (line, index - start + 1)


def _decode(data: bytes, path: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ContentError(
            [Problem(path, 0, 0, "this file is saved as UTF-16; save it as UTF-8 text")]
        )
    if b"\x00" in data:
        raise ContentError(
            [
                Problem(
                    path,
                    0,
                    0,
                    "this is not a text file (it contains binary data); save it as UTF-8 text",
                )
            ]
        )
    skipped = 0
    if data.startswith(_UTF8_BOM):
        data, skipped = data[len(_UTF8_BOM) :], len(_UTF8_BOM)
    try:
        return data.decode("utf-8", errors="strict")
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode("utf-8", errors="replace")
        line, column = _line_col(good, len(good))
        offset = exc.start + skipped
        message = (
            f"not valid UTF-8 at byte {offset:,} (0x{data[exc.start]:02X}); save the file as UTF-8"
        )
        raise ContentError([Problem(path, line, column, message)]) from None


def _control_characters(lines: list[str], path: str) -> list[Problem]:
    problems = []
    for number, line in enumerate(lines, start=1):
        match = _NON_PRINTABLE.search(line)
        if match:
            code = ord(match.group())
            problems.append(
                Problem(
                    path,
                    number,
                    match.start() + 1,
                    f"an invisible control character (U+{code:04X}) is here; delete it",
                )
            )
    return problems


def _tab_problems(lines: list[str], path: str) -> list[Problem]:
    problems = []
    for number, line in enumerate(lines, start=1):
        indent = _LEADING_WS.match(line)
        if indent and "\t" in indent.group():
            problems.append(Problem(path, number, indent.group().index("\t") + 1, _MSG_TAB))
    return problems


def _expand_leading_tabs(text: str, tab_size: int) -> str:
    """``text`` with tabs in indentation made spaces (a guess, used to find more problems)."""
    parts = _SPLIT.split(text)
    for i in range(0, len(parts), 2):
        indent = _LEADING_WS.match(parts[i])
        if indent and "\t" in indent.group():
            parts[i] = indent.group().expandtabs(tab_size) + parts[i][indent.end() :]
    return "".join(parts)


@dataclass
class _Result:
    problems: list[Problem] = field(default_factory=list)
    syntax: Problem | None = None
    documents: list[yaml.Node] = field(default_factory=list)


def _load_text(text: str, lines: list[str], path: str, max_depth: int) -> yaml.Node | None:
    result = _analyse(text, lines, path, max_depth)
    tabs = _tab_problems(lines, path)
    if tabs and result.syntax is not None:
        # PyYAML stumbled, most likely on a tab: report every tab line instead of its error,
        # then look for further mistakes in a copy whose tabs are spaces. Tabs inside a
        # multi-line text (after `|` or in quotes) are fine in YAML, so are left alone.
        for tab_size in (4, 2, 8, 0):  # what did the author mean by a tab? try a few widths
            guess = _analyse(_expand_leading_tabs(text, tab_size), lines, path, max_depth)
            if guess.syntax is None:
                break
        inside_text = _lines_inside_texts(guess.documents) - {result.syntax.line}
        tabs = [p for p in tabs if p.line not in inside_text]
        if tabs:
            _raise_if_any(tabs + guess.problems)
    _raise_if_any(result.problems + ([result.syntax] if result.syntax else []))
    return result.documents[0] if result.documents else None


def _analyse(text: str, lines: list[str], path: str, max_depth: int) -> _Result:
    """Scan events (anchors, tags, depth, documents), then compose and look for duplicate keys."""
    result = _Result()
    try:
        too_deep = _scan_events(yaml.parse(text, Loader=_LOADER), path, max_depth, result)
    except yaml.YAMLError as exc:
        if "nesting depth" in str(exc) and _LOADER is not yaml.SafeLoader:
            # libyaml stops at 1000 levels of brackets before giving a single event;
            # the pure-Python parser finds where our own, lower limit is crossed.
            retry = _Result()
            try:
                if _scan_events(yaml.parse(text, Loader=yaml.SafeLoader), path, max_depth, retry):
                    return retry
            except yaml.YAMLError:
                pass
        result.syntax = _syntax_problem(exc, lines, path)
        return result
    if too_deep:
        return result
    try:
        result.documents = list(yaml.compose_all(text, Loader=_LOADER))
    except yaml.YAMLError as exc:
        # Only anchor mistakes (undefined or repeated) fail here, and those are reported already.
        if not result.problems:
            result.syntax = _syntax_problem(exc, lines, path)
        return result
    result.problems.extend(_duplicate_keys(result.documents, path))
    return result


def _scan_events(events: Iterator[yaml.Event], path: str, max_depth: int, result: _Result) -> bool:
    """Check parse events; return True if nesting went deeper than ``max_depth``."""
    depth = documents = 0
    try:
        for event in events:
            line, column = _event_mark(event)
            if isinstance(event, yaml.AliasEvent) or (
                isinstance(event, yaml.NodeEvent) and event.anchor is not None
            ):
                result.problems.append(Problem(path, line, column, _MSG_ANCHOR))
            if isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)):
                bad_tag = _refused_tag(event)
                if bad_tag is not None:
                    message = (
                        f"YAML tags such as {bad_tag} are not allowed; remove the tag, "
                        "or put a text that starts with ! in quotes"
                    )
                    result.problems.append(Problem(path, line, column, message))
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > max_depth:
                    result.problems.append(Problem(path, line, column, _too_deep(max_depth)))
                    return True
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            elif isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents == 2:
                    result.problems.append(Problem(path, line, column, _MSG_MULTI_DOC))
    finally:
        close = getattr(events, "close", None)
        if close is not None:
            close()
    return False


def _event_mark(event: yaml.Event) -> tuple[int, int]:
    mark = event.start_mark
    if mark is None:
        return (0, 0)
    return (mark.line + 1, mark.column + 1)


def _refused_tag(event: yaml.ScalarEvent | yaml.CollectionStartEvent) -> str | None:
    """The explicit tag written on ``event`` as the author typed it, if it is not allowed."""
    tag = event.tag
    if tag is None:  # no tag written: PyYAML resolves plain core types itself
        return None
    if isinstance(event, yaml.ScalarEvent) and tag in _SCALAR_TAGS:
        return None
    if isinstance(event, yaml.SequenceStartEvent) and tag == _SEQ_TAG:
        return None
    if isinstance(event, yaml.MappingStartEvent) and tag == _MAP_TAG:
        return None
    return "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag


def _duplicate_keys(documents: Iterable[yaml.Node], path: str) -> list[Problem]:
    problems = []
    seen: set[int] = set()
    stack = list(documents)
    while stack:  # iterative, and each node once: no recursion, no alias blow-up
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            first: dict[str, int] = {}
            for key, value in node.value:
                stack.extend((key, value))
                if not isinstance(key, yaml.ScalarNode):
                    continue
                line, column = mark_of(key)
                name = excerpt(key.value)
                if key.value not in first:
                    first[key.value] = line
                    continue
                where = (
                    f"on line {line}"
                    if first[key.value] == line
                    else f"(lines {first[key.value]} and {line})"
                )
                problems.append(
                    Problem(path, line, column, f'the key "{name}" appears twice {where}; keep one')
                )
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return problems


def _lines_inside_texts(documents: Iterable[yaml.Node]) -> set[int]:
    """1-based numbers of lines that continue a multi-line scalar (where tabs are plain text)."""
    inside: set[int] = set()
    stack = list(documents)
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            start, end = node.start_mark, node.end_mark
            if start is not None and end is not None and end.line > start.line:
                last = end.line + 1 if end.column > 0 else end.line
                inside.update(range(start.line + 2, last + 1))
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return inside


_HINTS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("mapping values are not allowed",), "if a text contains ': ' put the whole text in quotes"),
    (("could not find expected ':'",), "a line is missing ':' or its indentation is off"),
    (
        ("did not find expected key", "expected <block end>", "did not find expected '-'"),
        "check the indentation of this line and the one above",
    ),
    (
        ("while scanning an alias", "while scanning an anchor", "while scanning a tag"),
        "a text that starts with *, & or ! must be put in quotes",
    ),
    (
        ("expected ',' or ']'", "expected ',' or '}'"),
        "a bracket [ or { is not closed, or a ',' is missing",
    ),
)


def _syntax_problem(exc: yaml.YAMLError, lines: list[str], path: str) -> Problem:
    """Turn a PyYAML error into one problem with a hint an author can act on."""
    if not isinstance(exc, yaml.MarkedYAMLError):
        return Problem(path, 0, 0, f"this is not valid YAML: {exc}")
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
    problem = exc.problem or exc.context or "this is not valid YAML"
    context = exc.context or ""
    both = f"{context}\n{problem}"
    hint = ""
    if "while scanning a quoted scalar" in context or "found unexpected end of stream" in problem:
        opened = exc.context_mark
        hint = "a quote is not closed" + (
            f" (it opens on line {opened.line + 1})" if opened is not None else ""
        )
    elif "tab character" in problem:
        hint = "a tab is used here; YAML needs spaces"
    elif "cannot start any token" in problem:
        found = lines[line - 1][column - 1 : column] if 0 < line <= len(lines) else ""
        if found == "\t":
            hint = "a tab is used here; YAML needs spaces"
        else:
            hint = "a text that starts with a special character must be put in quotes"
    else:
        for needles, text in _HINTS:
            if any(needle in both for needle in needles):
                hint = text
                break
    return Problem(path, line, column, f"{problem}; {hint}" if hint else problem)
