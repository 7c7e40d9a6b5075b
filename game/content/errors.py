"""Problems found in content files, reported to educators as ``file:line:column: message``.

Every failure while reading a level, quiz or campaign file ends up as one
:class:`ContentError` holding one :class:`Problem` per mistake, so an author
sees all problems at once and never a Python traceback.

Messages are bounded, whatever the file holds: author text is quoted only as a short,
escaped :func:`excerpt`, numbers through :func:`number_text` (Python refuses to print an
integer of more than 4,300 digits), and a list of problems is capped by
:func:`cap_problems` to the first :data:`MAX_PROBLEMS` plus one line counting the rest.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "EXCERPT_CHARS",
    "MAX_PROBLEMS",
    "ContentError",
    "Problem",
    "cap_problems",
    "did_you_mean",
    "excerpt",
    "number_text",
]

#: At most this many problems are listed for one file (or one error); a count follows.
MAX_PROBLEMS = 100
#: At most this many characters of an author's text are quoted in a message.
EXCERPT_CHARS = 40
#: Words longer than this are never compared for a did-you-mean (difflib is quadratic).
_MAX_SUGGEST_CHARS = 64


@dataclass(frozen=True, slots=True)
class Problem:
    """One mistake in a content file. ``line`` and ``column`` are 1-based; 0 means unknown."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.column}: {self.message}"
        return f"{self.path}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        """The JSON shape used by ``check --json``."""
        return {
            "path": self.path, "line": self.line, "column": self.column, "message": self.message
        }


def _sort_key(problem: Problem) -> tuple[str, int, int]:
    return (problem.path, problem.line, problem.column)


def cap_problems(problems: Iterable[Problem], limit: int = MAX_PROBLEMS) -> list[Problem]:
    """``problems`` sorted by place, at most ``limit`` of them, then one counting the rest.

    The counting problem names the first file, with no line, so it is listed with it.
    """
    ordered = sorted(problems, key=_sort_key)
    if len(ordered) <= limit:
        return ordered
    extra = len(ordered) - limit
    more = Problem(ordered[0].path, 0, 0,
                   f"{extra:,} more problems are not listed (only the first {limit} are "
                   "shown); fix these and check again")
    return [more, *ordered[:limit]]


class ContentError(Exception):
    """One or more problems in content files; ``str()`` gives one line per problem.

    At most :data:`MAX_PROBLEMS` problems are kept, plus one counting the others.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(cap_problems(problems))
        if not self.problems:
            raise ValueError("ContentError needs at least one problem")
        super().__init__("\n".join(str(p) for p in self.problems))


def excerpt(text: object, limit: int = EXCERPT_CHARS) -> str:
    """At most ``limit`` characters of ``text``, escaped so that it prints as it looks.

    Control, format (zero-width, right-to-left override), separator and unassigned
    characters become ``\\u200b``-style escapes; a cut text ends with ``…``. Never raises,
    whatever ``text`` is (a huge integer included).
    """
    if isinstance(text, int) and not isinstance(text, bool):
        return number_text(text)
    raw = text if isinstance(text, str) else _plain(text)
    out: list[str] = []
    size = 0
    for char in raw[: limit + 1]:
        piece = char if _shown(char) else _escape(char)
        if size + len(piece) > limit:
            out.append("…")
            break
        out.append(piece)
        size += len(piece)
    return "".join(out)


def _plain(value: object) -> str:
    try:
        return str(value)
    except Exception:  # a huge int inside a container, a broken __str__: never fail a message
        return f"<{type(value).__name__}>"


def _shown(char: str) -> bool:
    if char == " ":
        return True
    return unicodedata.category(char)[0] not in "CZ"  # C*: control/format/unassigned, Z*: spaces


def _escape(char: str) -> str:
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def number_text(value: int, max_digits: int = 18) -> str:
    """``value`` written out when short, else ``"a number of N digits"``; never raises.

    Python refuses ``str()`` of an integer over 4,300 digits; counting with ``bit_length``
    works for any size.
    """
    if -(10**max_digits) < value < 10**max_digits:
        return str(value)
    digits = int(abs(value).bit_length() * 0.30103) + 1
    return f"a number of about {digits:,} digits"


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Return ``' (did you mean "x"?)'`` for the closest choice, or ``''`` when none is close.

    Very long words are not compared (the comparison is quadratic in their length).
    """
    if len(word) > _MAX_SUGGEST_CHARS:
        return ""
    near = [c for c in choices if len(c) <= _MAX_SUGGEST_CHARS]
    matches = difflib.get_close_matches(word, near, n=1, cutoff=0.6)
    return f' (did you mean "{excerpt(matches[0])}"?)' if matches else ""
